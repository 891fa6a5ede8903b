"""The one Indonesian number formatter (simulators/_format.py).

Checked against worked examples and, with hypothesis, against an independent
reference built on :mod:`decimal` (which the formatter itself may not use:
the browser's trimmed standard library has no ``decimal``).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulators._format import format_number


def reference(value, decimals=None, min_decimals=0, grouping=True) -> str:
    """Decimal of the shortest form, quantized half away from zero, then written by hand."""
    exact = Decimal(value) if isinstance(value, int) else Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if decimals is not None:
        exact = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if exact < 0 else ""
    whole, _, frac = f"{abs(exact):f}".partition(".")
    frac = frac.rstrip("0").ljust(min_decimals, "0")
    whole = f"{int(whole):,}".replace(",", ".") if grouping else str(int(whole))
    return sign + whole + ("," + frac if frac else "")


class TestWorkedExamples:
    @pytest.mark.parametrize(
        "value, options, expected",
        [
            (1_500_000, {}, "1.500.000"),  # titik memisahkan ribuan
            (0.025, {}, "0,025"),  # koma memisahkan desimal
            ("528.6", {}, "528,6"),  # teks angka dari data/ dibaca persis
            (Decimal("1.5E+6"), {}, "1.500.000"),
            (-2500.5, {}, "-2.500,5"),
            (2.675, {"decimals": 2}, "2,68"),  # 2,675 → 2,68: setengah dibulatkan menjauhi nol, seperti Intl
            (-2.675, {"decimals": 2}, "-2,68"),
            (5.2, {"decimals": 2, "min_decimals": 2}, "5,20"),
            (1.25, {"decimals": 1}, "1,3"),
            (-0.004, {"decimals": 2}, "0"),  # tidak pernah "-0"
            (0.0004, {"decimals": 2}, "0"),
            (0.06, {"decimals": 1}, "0,1"),
            (2026, {"grouping": False}, "2026"),
            (1e20, {}, "100.000.000.000.000.000.000"),
            (1e-7, {}, "0,0000001"),
            (True, {}, "1"),
        ],
    )
    def test_example(self, value, options, expected):
        assert format_number(value, **options) == expected

    @pytest.mark.parametrize("value", [float("nan"), float("inf"), "abc", "1,5", "١٢"])
    def test_not_a_finite_number_is_refused(self, value):
        with pytest.raises(ValueError):
            format_number(value)


class TestAgainstDecimal:
    @given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15), st.integers(0, 6), st.booleans())
    def test_rounded_floats(self, value, decimals, padded):
        minimum = decimals if padded else 0
        assert format_number(value, decimals=decimals, min_decimals=minimum) == reference(value, decimals, minimum)

    @given(st.integers(-10**20, 10**20), st.booleans())
    def test_integers(self, value, grouping):
        assert format_number(value, grouping=grouping) == reference(value, grouping=grouping)

    @given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**12, max_value=10**12, places=6))
    def test_exact_decimals(self, value):
        if value == 0:
            value = abs(value)  # Decimal keeps a sign on zero; a figure of -0 never occurs in data/
        assert format_number(value) == reference(value)
