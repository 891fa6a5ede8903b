"""Date inputs of the site follow today (sitebuild/calc/today.py), with a fixed "today" (issue 13, point 9)."""

from __future__ import annotations

import datetime as dt

import pytest

import simulators
from sitebuild.calc import prerender
from sitebuild.calc.today import build_date, date_from_today, dated_inputs

FAR = (dt.date(2000, 1, 1), dt.date(2100, 12, 31))


class TestRules:
    def test_a_week_plan_starts_on_the_next_monday(self):
        # 3 December 2026 is a Thursday; 7 December a Monday
        assert date_from_today("monday", dt.date(2026, 12, 3), *FAR) == dt.date(2026, 12, 7)
        assert date_from_today("monday", dt.date(2026, 12, 7), *FAR) == dt.date(2026, 12, 7)
        assert date_from_today("monday", dt.date(2026, 12, 6), *FAR) == dt.date(2026, 12, 7)

    @pytest.mark.parametrize("offset", range(14))
    def test_monday_is_never_past_and_within_a_week(self, offset):
        today = dt.date(2027, 2, 20) + dt.timedelta(days=offset)
        start = date_from_today("monday", today, *FAR)
        assert start.weekday() == 0 and 0 <= (start - today).days < 7

    def test_dates_stay_where_the_model_accepts_them(self):
        assert date_from_today("today", dt.date(2031, 5, 1), dt.date(2025, 1, 1), dt.date(2028, 12, 31)) == dt.date(2028, 12, 31)
        assert date_from_today("today", dt.date(2024, 5, 1), dt.date(2025, 1, 1), dt.date(2028, 12, 31)) == dt.date(2025, 1, 1)

    def test_only_dated_calculators_get_dates(self):
        assert dated_inputs("roi", dt.date(2026, 12, 3)) == {}
        assert dated_inputs("cadence", dt.date(2026, 12, 3)) == {"start_date": "2026-12-07"}

    def test_build_date_is_reproducible(self, monkeypatch):
        # 1 January 2027 00:30 in Jakarta is still 31 December 2026 in UTC
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 12, 31, 17, 30, tzinfo=dt.UTC).timestamp())))
        assert build_date() == dt.date(2027, 1, 1)


class TestPrerenderedDates:
    """The regressions of issue 13: a calendar in 2025, and this year's 11.11 missing."""

    def test_posting_calendar_starts_on_the_monday_after_the_build(self):
        result = prerender.compute("cadence", dt.date(2026, 12, 3))
        assert result["inputs"]["start_date"] == "2026-12-07"
        assert result["outputs"]["calendar"][0]["date"] >= "2026-12-07"
        # the rest is the model's own defaults: the same document as the CLI's for that date
        assert result["outputs"] == simulators.run("cadence", {"start_date": "2026-12-07"})["outputs"]

    def test_plan_starts_on_the_monday_after_the_build(self):
        assert prerender.compute("plan", dt.date(2027, 3, 10))["inputs"]["start_date"] == "2027-03-15"

    @pytest.mark.parametrize("today", [dt.date(2026, 10, 20), dt.date(2027, 11, 11), dt.date(2028, 1, 15)])
    def test_this_years_11_11_is_in_the_campaign_until_it_has_passed(self, today):
        events = prerender.compute("campaign", today)["outputs"]["events"]
        elevens = [e["date"] for e in events if e["event"] == "11.11"]
        assert elevens == [dt.date(today.year, 11, 11).isoformat()]

    def test_after_11_11_the_next_one_is_planned(self):
        events = prerender.compute("campaign", dt.date(2026, 11, 20))["outputs"]["events"]
        assert [e["date"] for e in events if e["event"] == "11.11"] == ["2027-11-11"]
        assert all(e["peak_date"] >= "2026-11-20" for e in events)
