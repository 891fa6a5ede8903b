"""Percent fields speak percent, and an unusual value is asked about, not refused (issue 13, point 3).

The form takes percent ("2,5" is 2,5 %), the model fractions (0.025). The
page's messages must speak the form's unit; while a refused value is typed,
no result computed for other inputs may be shown; a value far outside what
sellers see gets a "yakin?" hint while the result is still computed as typed.
Expected numbers come from the CLI (``python -m simulators``).
"""

from __future__ import annotations

import pytest

from tests.browser.test_calculators import PAGES, check_against, settle, snapshot
from tests.kit import cli_json


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "service_workers": "block"}


def type_into(page, name: str, text: str) -> None:
    field = page.locator(f"[data-calculator] [name='{name}']")
    field.evaluate("el => { const box = el.closest('details'); if (box) box.open = true; }")  # runway's plan folds
    field.fill("")
    field.press_sequentially(text, delay=60)  # "150" passes through "1" and "15", as a reader's typing does


def test_out_of_range_percent_is_said_in_percent_and_no_other_result_shows(page, site_url):
    page.goto(site_url + PAGES["roi"])
    settle(page)
    type_into(page, "ctr", "150")
    message = page.locator("[data-error-for=ctr]")
    message.filter(has_text="100").wait_for()
    assert message.text_content() == "harus antara 0 dan 100 %"
    assert page.locator("[data-hint-for=ctr]").is_hidden()  # refused, so no "yakin?" on top
    # the 15 % result computed on the way is not shown for 150: the pending box says why (pending.js)
    assert page.locator("[data-calculator]").get_attribute("data-pending") == "fill"
    assert page.locator("[data-calculator] [data-output=profit]:visible").count() == 0
    assert not page.locator("[data-calculator] [data-explain]").first.is_visible()
    assert "Perbaiki isian yang ditandai: CTR" in page.locator("[data-calculator] [data-pending-text]").text_content()
    # fixed: the result is back, and it is the CLI's for 15 %
    type_into(page, "ctr", "15")
    shown = settle(page)
    assert shown["inputs"]["ctr"] == 0.15
    assert page.locator("[data-calculator] [data-output=profit]:visible").count() > 0
    check_against(shown, "roi", cli_json("roi", shown["inputs"]))


def test_a_negative_share_in_another_calculator_is_said_in_percent(page, site_url):
    page.goto(site_url + PAGES["cadence"])
    settle(page)
    type_into(page, "batch_saving", "-5")
    message = page.locator("[data-error-for=batch_saving]")
    message.wait_for(state="visible")
    assert message.text_content() == "tidak boleh negatif, kurang dari 100 %"


def test_a_fraction_typed_in_a_percent_field_is_asked_about(page, site_url):
    page.goto(site_url + PAGES["roi"])
    settle(page)
    type_into(page, "ctr", "0,015")
    shown = settle(page)
    # computed as typed (0,015 %), never silently: the hint asks, and offers 1,5 %
    assert shown["inputs"]["ctr"] == pytest.approx(0.00015)
    check_against(shown, "roi", cli_json("roi", shown["inputs"]))
    hint = page.locator("[data-hint-for=ctr]")
    hint.wait_for(state="visible")
    assert hint.text_content().startswith("Yakin? 0,015 % sangat kecil. Kolom ini dalam persen: maksudnya 1,5 %?")
    assert not page.locator("[data-error-for=ctr]").is_visible()  # a question, not an error
    assert page.locator("[name=ctr]").get_attribute("aria-invalid") is None
    hint.get_by_role("button", name="Pakai 1,5 %").click()
    shown = settle(page)
    assert page.input_value("[name=ctr]") == "1,5"
    assert shown["inputs"]["ctr"] == 0.015
    assert hint.is_hidden()
    check_against(shown, "roi", cli_json("roi", shown["inputs"]))


@pytest.mark.parametrize(
    "name, field, text, model, says",
    [
        ("roi", "ctr", "35", 0.35, "Yakin? 35 % jauh di atas yang lazim (sampai 20 %)"),
        ("roi", "conversion_rate", "0,01", 0.0001, "Yakin? 0,01 % sangat kecil. Kolom ini dalam persen: maksudnya 1 %?"),
        ("runway", "plan.ctr", "25", 0.25, "Yakin? 25 % jauh di atas yang lazim"),
        ("omnichannel", "channels.1.conversion_rate", "0,0001", 0.000001, "Yakin? 0,0001 % jauh di bawah yang lazim (paling sedikit 0,05 %)"),
    ],
)
def test_unusual_values_get_a_gentle_hint_and_a_result(page, site_url, name, field, text, model, says):
    page.goto(site_url + PAGES[name])
    settle(page)
    type_into(page, field, text)
    shown = settle(page)
    hint = page.locator(f"[data-hint-for='{field}']")
    hint.wait_for(state="visible")
    assert hint.text_content().startswith(says)
    assert page.locator("[data-calculator]").get_attribute("data-pending") is None  # the result stays
    path = field.split(".")
    value = shown["inputs"]
    for part in path:
        value = value[int(part)] if isinstance(value, list) else value[part]
    assert value == pytest.approx(model)
    check_against(shown, name, cli_json(name, shown["inputs"]))
    # a usual value clears the hint
    type_into(page, field, "2")
    settle(page)
    hint.wait_for(state="hidden")
    assert snapshot(page)["state"] == "ready"
