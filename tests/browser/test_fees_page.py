"""What the fees calculator adds to the shared checks of test_calculators.py.

The shared checks hold the page to ``python -m simulators fees`` for the
defaults, after edits (a platform added and one removed) and through a share
link. Here: every fee of the struk says since when it applies, a tier the
platform does not have is named in Bahasa Indonesia at its field, and the
lowest prices follow the reader's target.
"""

from __future__ import annotations

import pytest

from tests.browser.test_calculators import PAGES, check_against, settle, snapshot
from tests.kit import cli_json


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "service_workers": "block"}


def struk(snap: dict) -> list[dict]:
    """The rows of the struk table as {column: shown text}."""
    _, _, columns, rows = next(t for t in snap["tables"] if t[0] == "lines")
    return [{key: text for (key, _), (_, text) in zip(columns, row, strict=False)} for row in rows]


def test_every_platform_fee_says_since_when(page, site_url):
    page.goto(site_url + PAGES["fees"] + "?pph22=ya&affiliate_rate=0.05")
    snap = settle(page)
    rows = struk(snap)
    assert rows, "the struk is empty"
    for row in rows:
        if row["source"] == "Masukan Anda":  # the affiliate: the reader's own figure, no schedule date
            continue
        assert row["since"].startswith("per "), row
        assert row["source"], row
    assert any(row["label"].startswith("PPh") for row in rows)
    check_against(snap, "fees", cli_json("fees", snap["inputs"]))


def test_tier_of_another_platform_is_named_at_its_field(page, site_url):
    page.goto(site_url + PAGES["fees"])
    settle(page)
    page.select_option("[data-calculator] [name='platforms.0.tier']", "star")  # TikTok Shop has no Star tier
    message = page.locator("[data-error-for='platforms.0.tier']")
    message.wait_for(state="visible", timeout=60_000)
    assert "tidak ada di TikTok Shop by Tokopedia" in message.text_content()
    assert "marketplace, mall" in message.text_content()


def test_lowest_price_follows_the_target(page, site_url):
    page.goto(site_url + PAGES["fees"])
    before = settle(page)
    page.fill("[data-calculator] [name='target_profit']", "40.000")
    after = settle(page)
    assert after["inputs"]["target_profit"] == 40_000
    document = cli_json("fees", after["inputs"])
    check_against(after, "fees", document)
    shown = {key: value for key, value, _, _ in after["outputs"]}
    earlier = {key: value for key, value, _, _ in before["outputs"]}
    assert float(shown["platforms.0.price_for_profit"]) > float(earlier["platforms.0.price_for_profit"])
    assert snapshot(page)["state"] == "ready"
