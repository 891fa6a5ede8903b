"""Date inputs that follow the day a plan is made.

A posting calendar that starts on a Monday long gone, or a campaign year that
has already let this year's 11.11 slip by, is no plan. The models keep fixed
default dates, so the CLI and the tests give the same answer every day; the
site counts its default dates from "today" instead: the build date when a page
is prerendered, the reader's own date in the browser
(``docs/assets/calc/today.js``, the same rules; ``tests/test_calc_js.py`` holds
both to the same answers).

Rules, per calculator and input path:

- ``monday``: the first Monday on or after today (the week plans start on a Monday);
- ``today``: today itself.

Each date is kept within the dates its model accepts.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Mapping

import simulators
from simulators._validate import Date, declared

__all__ = ["RULES", "build_date", "date_from_today", "dated_inputs"]

# Readers are in Indonesia: "today" is the date in Jakarta (UTC+7, no daylight saving).
JAKARTA = _dt.timezone(_dt.timedelta(hours=7))

# calculator → input path → rule; the dates each input accepts come from the model's declaration
_RULE_OF = {"cadence": {"start_date": "monday"}, "plan": {"start_date": "monday"}, "campaign": {"start_date": "today"}}


def _with_limits(name: str, path: str, rule: str) -> tuple[str, _dt.date, _dt.date]:
    spec = declared(simulators.SIMULATORS[name].inputs, path)
    assert isinstance(spec, Date), f"{name}: {path} bukan tanggal"  # _RULE_OF lists date inputs only
    return rule, spec.earliest, spec.latest


RULES: Mapping[str, Mapping[str, tuple[str, _dt.date, _dt.date]]] = {
    name: {path: _with_limits(name, path, rule) for path, rule in paths.items()} for name, paths in _RULE_OF.items()
}


def build_date() -> _dt.date:
    """Today in Jakarta, or the day of ``SOURCE_DATE_EPOCH`` when a build must be reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = _dt.datetime.fromtimestamp(int(epoch), JAKARTA) if epoch else _dt.datetime.now(JAKARTA)
    return moment.date()


def date_from_today(rule: str, today: _dt.date, earliest: _dt.date, latest: _dt.date) -> _dt.date:
    """The default date ``rule`` gives on ``today``, within [earliest, latest].

    >>> date_from_today("monday", _dt.date(2026, 12, 3), _dt.date(2000, 1, 1), _dt.date(2100, 12, 31))
    datetime.date(2026, 12, 7)

    A plan made on Thursday 3 December 2026 starts on Monday 7 December.
    """
    if rule == "monday":
        day = today + _dt.timedelta(days=(7 - today.weekday()) % 7)
    elif rule == "today":
        day = today
    else:
        raise ValueError(f"unknown date rule {rule!r}")
    return min(max(day, earliest), latest)


def dated_inputs(name: str, today: _dt.date) -> dict[str, str]:
    """The date inputs of calculator ``name`` for ``today``, as JSON values (``{"start_date": "2026-12-07"}``)."""
    return {path: date_from_today(rule, today, low, high).isoformat() for path, (rule, low, high) in RULES.get(name, {}).items()}
