"""Date defaults follow the reader's today, with the browser's clock fixed (issue 13, point 9).

A posting calendar must not start on a Monday long gone (1 Sep 2025), and the
campaign year must hold this year's 11.11 while it is still ahead. The page
shows the CLI's numbers for the dated inputs.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitebuild.calc.today import RULES
from tests.browser.test_calculators import PAGES, check_against, settle
from tests.kit import cli_json


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "service_workers": "block"}


def open_on(page, url: str, today: dt.datetime) -> dict:
    page.clock.set_fixed_time(today)  # Date in the page; timers run as usual
    page.goto(url)
    return settle(page)


# One case per calculator whose date follows the reader's today (sitebuild/calc/today.py's RULES).
DATED = [
    ("cadence", dt.datetime(2027, 3, 10, 9, 0), "2027-03-15"),  # a Wednesday: next Monday
    ("plan", dt.datetime(2027, 3, 15, 21, 0), "2027-03-15"),  # a Monday: today
    ("campaign", dt.datetime(2027, 10, 20, 8, 0), "2027-10-20"),
]


def test_every_dated_calculator_has_a_case():
    assert sorted(name for name, *_ in DATED) == sorted(RULES)


@pytest.mark.parametrize("name, today, start", DATED)
def test_start_date_follows_the_readers_today(page, site_url, name, today, start):
    shown = open_on(page, site_url + PAGES[name], today)
    assert page.input_value("[data-calculator] [name=start_date]") == start
    assert shown["inputs"]["start_date"] == start
    check_against(shown, name, cli_json(name, shown["inputs"]))
    # the reader's date is the default: a share link does not pin it, and "reset" comes back to it
    page.fill("[data-calculator] [name=start_date]", "2027-12-06")
    settle(page)
    page.click("[data-calculator] [data-action=reset]")
    assert settle(page)["inputs"]["start_date"] == start
    page.click("[data-calculator] [data-action=share]")
    assert "start_date" not in page.input_value("[data-calculator] [data-share-url]")


def test_campaign_holds_this_years_11_11_while_it_is_ahead(page, site_url):
    # the model's fixed default (1 Dec 2026) would plan from after 11.11 2026
    shown = open_on(page, site_url + PAGES["campaign"], dt.datetime(2026, 10, 20, 8, 0))
    dates = page.locator("[data-calculator] table[data-table=events] td").all_text_contents()
    document = cli_json("campaign", shown["inputs"])
    assert [e["date"] for e in document["outputs"]["events"] if e["event"] == "11.11"] == ["2026-11-11"]
    assert any("11 Nov 2026" in text for text in dates), dates[:20]
    check_against(shown, "campaign", document)


def test_a_date_in_the_link_wins_over_today(page, site_url):
    shown = open_on(page, site_url + PAGES["cadence"] + "?start_date=2027-06-07", dt.datetime(2027, 3, 10, 9, 0))
    assert shown["inputs"]["start_date"] == "2027-06-07"
