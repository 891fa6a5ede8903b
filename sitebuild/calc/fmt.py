"""Indonesian number formatting at build time, identical to docs/assets/calc/format.js.

The prerendered HTML is written here, the updates in the browser by
``format.js`` with ``Intl.NumberFormat("id-ID")``; both must print the same
text for the same number, or a reader would see the figures flicker when the
calculator becomes ready. ``Intl`` rounds the shortest decimal form of a
double half away from zero, and so does the project's one formatter,
:func:`simulators._format.format_number`, used here.

Output kinds (``data-format`` in the markup):

=========  ==============================  =====================
kind       what                            example
=========  ==============================  =====================
rupiah     money, whole Rupiah             ``Rp 417.600``
percent    a fraction shown in percent     ``18,6 %``
rate       a fee rate, two decimals        ``6,97 %``
number     a count, up to one decimal      ``1.234,5``
int        a count, whole                  ``80.000``
ratio      ROAS-like, two decimals         ``2,70``
bool       yes / no                        ``Ya``
date       ISO date                        ``Sen, 1 Sep 2025``
text       shown as is                     ``Shopee``
=========  ==============================  =====================

``None`` (a ratio whose divisor is 0) is shown as an em dash everywhere.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from simulators._format import format_number

__all__ = ["format_value", "format_input", "group"]

NBSP = "\u00a0"
NULL = "—"
DAYS = ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min")  # Monday first, as date.weekday()
MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def group(value: float, max_frac: int, min_frac: int = 0) -> str:
    """``1234.5`` → ``"1.234,5"``: Indonesian grouping, rounded like ``Intl`` (never ``"-0"``)."""
    return format_number(value if isinstance(value, int) else float(value), decimals=max_frac, min_decimals=min_frac)


def format_value(value: Any, kind: str) -> str:
    """The text shown for an output ``value`` of ``kind`` (see the module table)."""
    if value is None:
        return NULL
    if kind == "bool":
        return "Ya" if value else "Tidak"
    if kind == "text":
        return str(value)
    if kind == "date":
        day = _dt.date.fromisoformat(str(value))
        return f"{DAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"
    number = float(value) if not isinstance(value, int) else value
    if kind == "rupiah":
        text = group(number, 0)
        return ("-" if text.startswith("-") else "") + "Rp" + NBSP + text.lstrip("-")
    if kind == "percent":
        return group(number * 100, 1) + NBSP + "%"
    if kind == "rate":
        return group(number * 100, 2) + NBSP + "%"
    if kind == "int":
        return group(number, 0)
    if kind == "ratio":
        return group(number, 2, 2)
    if kind == "number":
        return group(number, 1)
    raise ValueError(f"unknown output format {kind!r}")


def format_input(value: Any, unit: str) -> str:
    """The text a form field starts with, in the units the reader types.

    ``percent`` fields hold model fractions but show percent (0.015 → ``"1,5"``).
    """
    if value is None:
        return ""
    if unit in ("text", "select", "date"):
        return str(value)
    if unit == "percent":
        return group(float(value) * 100, 4)
    if unit == "rupiah":
        return group(value, 2)
    if unit == "integer":
        return group(value, 0)
    return group(value, 6)
