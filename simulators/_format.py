"""Numbers written the Indonesian way: the one formatter of the project's Python.

Grouping with a dot, decimals after a comma: ``1500000`` → ``"1.500.000"``,
``0.025`` → ``"0,025"``. The models use it in their messages; the site build
(``sitebuild``) uses it for figures, prerendered calculators and the
benchmark page.

Rounding works on the shortest decimal form of the number (``repr`` of a
float, the text of a ``Decimal``), half away from zero, as the browser's
``Intl.NumberFormat("id-ID")`` does: the prerendered page and the page after
the model recomputes must show the same text. It uses integers and text only,
no :mod:`decimal`: the browser's trimmed standard library does not ship it.
"""

from __future__ import annotations

__all__ = ["format_number"]


def _digits(value: object) -> tuple[bool, str, int]:
    """``value`` as (negative, digits, exponent): value = ±int(digits) × 10**exponent.

    Takes an int, a float, a ``Decimal`` or the text of a number (``"0.015"``).
    """
    if isinstance(value, bool):
        value = int(value)
    text = repr(value) if isinstance(value, float) else str(value)
    text = text.strip().lower()
    negative = text.startswith("-")
    mantissa, _, power = text.lstrip("+-").partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = whole + fraction
    if not digits.isascii() or not digits.isdigit() or (power and not power.lstrip("+-").isdigit()):
        raise ValueError(f"{value!r} bukan angka terhingga")
    return negative, digits, int(power or 0) - len(fraction)


def format_number(
    value: object, *, decimals: int | None = None, min_decimals: int = 0, grouping: bool = True
) -> str:
    """The number in Indonesian digits.

    Args:
        value: an int, a float, a ``Decimal`` or the text of a number.
        decimals: at most this many decimals, rounded half away from zero;
            ``None`` keeps every decimal the number has (exact).
        min_decimals: pad with zeros to at least this many decimals.
        grouping: a dot between each three digits of the whole part.

    Trailing zeros of the decimals are dropped (down to ``min_decimals``), and
    a number that rounds to zero has no minus sign.

    >>> format_number(1_500_000), format_number(0.025), format_number("-2500.50")
    ('1.500.000', '0,025', '-2.500,5')
    >>> format_number(2.675, decimals=2), format_number(5.2, decimals=2, min_decimals=2)
    ('2,68', '5,20')
    >>> format_number(-0.004, decimals=2), format_number(2026, grouping=False)
    ('0', '2026')
    """
    negative, digits, exponent = _digits(value)
    if decimals is not None and -exponent > decimals:
        cut = -exponent - decimals
        kept = int(digits[:-cut] or "0")
        dropped = digits[-cut:].rjust(cut, "0")
        digits, exponent = str(kept + (dropped[0] >= "5")), -decimals
    if exponent >= 0:
        whole, fraction = digits + "0" * exponent, ""
    else:
        padded = digits.rjust(-exponent + 1, "0")
        whole, fraction = padded[:exponent], padded[exponent:]
    fraction = fraction.rstrip("0").ljust(min_decimals, "0")
    whole = str(int(whole))
    if grouping:
        whole = f"{int(whole):,}".replace(",", ".")
    sign = "-" if negative and (int(digits) != 0) else ""
    return sign + whole + ("," + fraction if fraction else "")
