"""The seasonal shopping calendar: Ramadan and Lebaran from a table, double dates computed.

The browser cannot read ``data/``, so the lunar dates live here; every one is
also a row of ``data/facts.csv`` (ids ``ramadan_<year H>_start`` and
``idul_fitri_<year H>``) with its source or the reasoning behind it, and a test
keeps the two equal. Years whose isbat has been held carry the date the
government fixed (1446, 1447); later years are estimates from astronomical
calculation (hisab), which the isbat may move by a day: 1447 began a day later
than its estimate, and so did Idul Fitri 1447.
"""

from __future__ import annotations

import datetime as _dt

__all__ = [
    "DOUBLE_DATES",
    "EVENT_NAMES",
    "IDUL_FITRI",
    "LEBARAN_PEAK_DAYS_BEFORE",
    "RAMADAN_START",
    "SUPPORTED_FROM",
    "SUPPORTED_TO",
    "add_year",
    "occurrences",
]

# 1 Ramadan, by Hijri year.
RAMADAN_START: dict[int, _dt.date] = {
    1446: _dt.date(2025, 3, 1),
    1447: _dt.date(2026, 2, 19),
    1448: _dt.date(2027, 2, 8),
    1449: _dt.date(2028, 1, 28),
    1450: _dt.date(2029, 1, 16),
}

# 1 Syawal (Idul Fitri, Lebaran), by Hijri year.
IDUL_FITRI: dict[int, _dt.date] = {
    1446: _dt.date(2025, 3, 31),
    1447: _dt.date(2026, 3, 21),
    1448: _dt.date(2027, 3, 10),
    1449: _dt.date(2028, 2, 27),
    1450: _dt.date(2029, 2, 15),
}

LEBARAN_PEAK_DAYS_BEFORE = 7
"""Lebaran shopping peaks about a week before Idul Fitri (row ``lebaran_peak_days_before``)."""

# Start dates for which every Ramadan and Lebaran of the next 12 months is in the
# tables above (a test checks it): the year after 2028-12-31 ends before Ramadan 1451.
SUPPORTED_FROM = _dt.date(2025, 1, 1)
SUPPORTED_TO = _dt.date(2028, 12, 31)

DOUBLE_DATES = tuple(f"{m}.{m}" for m in range(1, 13))
"""Double-date shopping days, ``"1.1"`` … ``"12.12"``: month m, day m every year."""

EVENT_NAMES: dict[str, str] = {
    "ramadan": "Ramadan",
    "lebaran": "Lebaran (Idul Fitri)",
    **{d: d for d in DOUBLE_DATES},
    "12.12": "12.12 (Harbolnas)",
}
"""Event ids and their Indonesian names, in the order a form lists them."""


def add_year(day: _dt.date) -> _dt.date:
    """The same day one year later; 29 February becomes 1 March."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return _dt.date(day.year + 1, 3, 1)


def _anchors(event: str, first: _dt.date, last: _dt.date) -> list[tuple[_dt.date, _dt.date]]:
    """(calendar date, peak date) of ``event`` for every year that could fall in [first, last]."""
    if event == "ramadan":
        return [(d, d) for d in RAMADAN_START.values()]
    if event == "lebaran":
        return [(d, d - _dt.timedelta(days=LEBARAN_PEAK_DAYS_BEFORE)) for d in IDUL_FITRI.values()]
    month = int(event.split(".")[0])
    return [(_dt.date(y, month, month),) * 2 for y in range(first.year, last.year + 1)]


def occurrences(event: str, start: _dt.date) -> list[tuple[_dt.date, _dt.date]]:
    """(calendar date, peak date) of each ``event`` whose peak is on/after ``start`` and within a year.

    The window is [start, add_year(start)): start itself included, the same
    day next year not.

    >>> occurrences("11.11", _dt.date(2026, 12, 1))
    [(datetime.date(2027, 11, 11), datetime.date(2027, 11, 11))]
    >>> occurrences("lebaran", _dt.date(2026, 12, 1))
    [(datetime.date(2027, 3, 10), datetime.date(2027, 3, 3))]
    """
    end = add_year(start)
    return sorted((day, peak) for day, peak in _anchors(event, start, end) if start <= peak < end)
