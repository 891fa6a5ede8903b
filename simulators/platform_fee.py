"""A platform instead of a bare fee rate, for the models that take one (roi, omnichannel, runway, campaign).

A seller knows "Shopee, Star, fashion", not "8 %". These models keep their
bare rate (``platform_fee_rate``, a channel's ``fee_rate``) and also accept a
:class:`PlatformFeeChoice`. The share of the order value and the Rupiah per
order it costs come from the fees model (:func:`simulators.fees.platform_cost`);
no fee is worked out here.

Precedence: when both are given, the platform choice is used and the bare
rate is kept as given but not used (switching the platform off brings it
back); the result's ``platform_fee`` says what was taken.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ._validate import Checked, rule, same_as
from .errors import Problem
from .fees import FeesInputs, PlatformChoice, platform_cost, schedule_problems

__all__ = ["FeeTerms", "PlatformFeeChoice", "PlatformFeeUsed", "fee_terms", "order_value_rule"]


@dataclass(frozen=True)
class PlatformFeeChoice(PlatformChoice):
    """Where and as whom the seller sells, in place of a bare fee rate.

    Attributes:
        platform, tier, category, free_shipping, promo, new_seller: as in
            :class:`simulators.fees.PlatformChoice`.
        as_of: the day whose fee schedules apply, ``TTTT-BB-HH``; ``None``
            (default) means the day the calculation runs.
    """

    as_of: _dt.date | None = same_as(FeesInputs, "as_of")


@rule(PlatformFeeChoice)
def _schedule_has_it(chosen: Checked) -> Iterator[Problem]:
    if chosen.ok():
        built = chosen.built()
        yield from schedule_problems(built, on=built.as_of or _dt.date.today())


@dataclass(frozen=True)
class PlatformFeeUsed:
    """What a platform choice took from one order, as a model used it.

    Attributes:
        label: platform and tier (``"Shopee Star"``).
        price: Rupiah, the order value the fees were worked out at (caps
            make the share depend on it).
        rate: the platform's percentage fees at that price, as a share of it (0–1).
        per_order: Rupiah per order (the order processing fee; 0 when none).
        as_of: the day whose schedules applied.
    """

    label: str
    price: float
    rate: float
    per_order: float
    as_of: _dt.date


class FeeTerms(NamedTuple):
    """The share of sales and the Rupiah per order a model applies, and where they came from."""

    rate: float
    per_order: float
    used: PlatformFeeUsed | None


def fee_terms(*, rate: float, platform: PlatformFeeChoice | None, price: float) -> FeeTerms:
    """The fee terms of a model: its bare ``rate``, or ``platform``'s at ``price`` when one is chosen.

    Examples:
        Shopee Star, fashion, an order of Rp 150.000 in March 2026, or 8 % typed by hand:

        >>> shopee = PlatformFeeChoice("shopee", "star", "fashion", as_of=_dt.date(2026, 3, 1))
        >>> terms = fee_terms(rate=0.08, platform=shopee, price=150_000)
        >>> terms.rate, terms.per_order, terms.used.label
        (0.09, 1250.0, 'Shopee Star')
        >>> fee_terms(rate=0.08, platform=None, price=150_000)
        FeeTerms(rate=0.08, per_order=0.0, used=None)

        The platform wins over the typed 8 %: 9 % of the order and Rp 1.250 per order.
    """
    if platform is None:
        return FeeTerms(rate, 0.0, None)
    on = platform.as_of or _dt.date.today()
    cost = platform_cost(platform, price=price, on=on)
    return FeeTerms(cost.rate, cost.per_order, PlatformFeeUsed(platform.label, float(price), cost.rate, cost.per_order, on))


def order_value_rule(price: str = "aov", platform: str = "platform") -> Callable[[Checked], Iterator[Problem]]:
    """A :func:`rule`: with a platform chosen, the order value ``price`` must be more than 0.

    The per-order fee and the caps are worked out on it; an order of Rp 0
    with a fee of Rp 1.250 has no meaningful share.
    """

    def needs_order_value(inputs: Checked) -> Iterator[Problem]:
        if getattr(inputs, platform) is not None and inputs.ok(price):
            value = getattr(inputs, price)
            if value is None or value <= 0:
                yield Problem(price, "wajib lebih dari 0 bila platform dipilih: biaya per pesanan dan batas potongan dihitung dari nilai pesanan", value)

    return needs_order_value
