"""ROI iklan: from ad spend to profit, ROAS and the most one order may cost."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._registry import Simulator
from ._validate import MAX_MONEY, check, nested, number, omitted_when_none, ratio, rule, same_as
from .platform_fee import FeeTerms, PlatformFeeChoice, PlatformFeeUsed, fee_terms, order_value_rule

__all__ = ["RoiInputs", "RoiResult", "profit_from_revenue", "roi_field", "simulate_roi"]

_RATE = "pecahan 0–1, mis. 0.025 untuk 2,5 %"
_PERCENT = "persen"  # the unit a reader types a fraction in (2,5 for 0.025)
_RUPIAH = "Rupiah"


@dataclass(frozen=True)
class RoiInputs:
    """What a seller puts into one ad campaign, and what each order costs.

    Attributes:
        ad_spend: Rupiah spent on ads in the period.
        cpm: Rupiah per 1.000 tayangan iklan (cost per mille); must be > 0.
        ctr: share of impressions that are clicked (0–1).
        conversion_rate: share of clicks that become an order (0–1).
        aov: average order value, Rupiah per order.
        cogs_rate: cost of goods as a share of the order value (0–1).
        platform_fee_rate: marketplace / TikTok Shop commission and fees (0–1),
            typed by hand; not used when ``platform`` is given.
        platform: a :class:`~simulators.platform_fee.PlatformFeeChoice`
            (platform, tier, category, programs) whose share and Rupiah per
            order at ``aov`` come from the fees model, in place of
            ``platform_fee_rate``; ``None`` (default, left out of the JSON):
            the typed rate applies.
        affiliate_rate: affiliate commission paid per order (0–1).
        return_rate: share of revenue lost to returns and cancellations (0–1).
        fixed_costs: Rupiah of other campaign costs (creative, samples, …).
    """

    ad_spend: float = number(default=2_000_000, minimum=0, maximum=MAX_MONEY, unit=_RUPIAH)
    cpm: float = number(default=25_000, above=0, maximum=MAX_MONEY, unit=_RUPIAH)
    ctr: float = number(default=0.015, minimum=0, maximum=1, hint=_RATE, unit=_PERCENT)
    conversion_rate: float = number(default=0.03, minimum=0, maximum=1, hint=_RATE, unit=_PERCENT)
    aov: float = number(default=150_000, minimum=0, maximum=MAX_MONEY, unit=_RUPIAH)
    cogs_rate: float = number(default=0.40, minimum=0, maximum=1, hint=_RATE, unit=_PERCENT)
    platform_fee_rate: float = number(default=0.08, minimum=0, maximum=1, hint=_RATE, unit=_PERCENT)
    affiliate_rate: float = number(default=0.0, minimum=0, maximum=1, hint=_RATE, unit=_PERCENT)
    return_rate: float = number(default=0.05, minimum=0, maximum=1, hint=_RATE, unit=_PERCENT)
    fixed_costs: float = number(default=250_000, minimum=0, maximum=MAX_MONEY, unit=_RUPIAH)
    platform: PlatformFeeChoice | None = nested(PlatformFeeChoice, default=None, nullable=True, what="platform", omit_none=True)

    def __post_init__(self) -> None:
        check(self)

    def fee_terms(self) -> FeeTerms:
        """The fee share and Rupiah per order this campaign pays: the typed rate, or the platform's at ``aov``."""
        return fee_terms(rate=self.platform_fee_rate, platform=self.platform, price=self.aov)


rule(RoiInputs)(order_value_rule("aov"))


@dataclass(frozen=True)
class RoiResult:
    """What the campaign returns. ``None`` marks a ratio whose divisor is 0.

    Attributes:
        impressions: ad impressions bought.
        clicks: clicks on the ad.
        orders: orders from those clicks (fractional: an expected value).
        revenue: Rupiah of gross sales, orders × aov.
        profit: Rupiah left after goods, fees, returns, ads and fixed costs.
        roas: revenue per Rupiah of ads (None when ad_spend is 0).
        break_even_roas: the ROAS at which ads exactly pay for themselves
            (None when nothing is kept per order).
        roi: profit per Rupiah spent on ads and fixed costs (None when both are 0).
        cpa: Rupiah of ads per order (None when there are no orders).
        max_cpa: the most one order may cost in ads before it loses money.
        platform_fee: what the chosen platform took per order
            (:class:`~simulators.platform_fee.PlatformFeeUsed`); ``None``,
            left out of the JSON, when the typed rate applies.
    """

    impressions: float
    clicks: float
    orders: float
    revenue: float
    profit: float
    roas: float | None
    break_even_roas: float | None
    roi: float | None
    cpa: float | None
    max_cpa: float
    platform_fee: PlatformFeeUsed | None = omitted_when_none()


def roi_field(name: str) -> Any:
    """A dataclass field with the default and allowed range of ``RoiInputs.<name>``.

    For models that take ROI parameters (e.g. a recovery plan's CPM), so each
    rule is written once, here.
    """
    return same_as(RoiInputs, name)


def _kept_margin(inputs: RoiInputs, fee_rate: float) -> float:
    """Share of each Rupiah of revenue left after goods, the fee share, the affiliate and returns."""
    return (1 - inputs.return_rate) * (1 - inputs.cogs_rate - fee_rate - inputs.affiliate_rate)


def _profit(*, revenue: float, orders: float, inputs: RoiInputs, fees: FeeTerms) -> float:
    return revenue * _kept_margin(inputs, fees.rate) - orders * fees.per_order - inputs.ad_spend - inputs.fixed_costs


def profit_from_revenue(*, revenue: float, inputs: RoiInputs) -> float:
    """Profit of ``revenue`` under the margins, ad spend and fixed costs of ``inputs``.

    The profit rule of :func:`simulate_roi`, for callers that know the revenue
    another way (e.g. ad spend × an expected ROAS) and must not re-derive it.

    Examples:
        Iklan Rp 1.000.000 dengan ROAS 3 menghasilkan omzet Rp 3.000.000.
        Berapa labanya kalau biaya tetapnya Rp 100.000?

        >>> round(profit_from_revenue(revenue=3_000_000, inputs=RoiInputs(ad_spend=1_000_000, fixed_costs=100_000)))
        382000

        3.000.000 × 0,95 × 0,52 = 1.482.000 is kept; minus ads and fixed costs
        that leaves Rp 382.000. With a platform chosen, its fee per order is
        paid on revenue / aov orders.
    """
    fees = inputs.fee_terms()
    orders = revenue / inputs.aov if fees.per_order else 0.0  # aov > 0 whenever a platform is chosen
    return _profit(revenue=revenue, orders=orders, inputs=inputs, fees=fees)


def simulate_roi(*, inputs: RoiInputs) -> RoiResult:
    """Work out what an ad campaign returns.

    Notes:
        With fee share r and Rupiah per order F (r = platform_fee_rate and
        F = 0 when typed by hand; the platform's share and processing fee at
        an order of aov when ``platform`` is chosen, from the fees model),
        margin m = 1 − cogs_rate − r − affiliate_rate and kept
        k = 1 − return_rate:

        - impressions = ad_spend / cpm × 1000; clicks = impressions × ctr;
          orders = clicks × conversion_rate; revenue = orders × aov
        - profit = revenue × k × m − orders × F − ad_spend − fixed_costs
          (F is not refunded on returns, so every order pays it)
        - roas = revenue / ad_spend (None when ad_spend = 0)
        - break_even_roas = 1 / (k × m − F / aov) (None when that is ≤ 0: no
          ROAS can pay back; F / aov is 0 when F is)
        - roi = profit / (ad_spend + fixed_costs) (None when both are 0)
        - cpa = ad_spend / orders (None when orders = 0)
        - max_cpa = aov × k × m − F

    Examples:
        Saya pasang iklan Rp 2.000.000 dengan CPM Rp 25.000, CTR 1,5 %,
        konversi 3 % dan harga rata-rata Rp 150.000. Untung atau rugi?

        >>> r = simulate_roi(inputs=RoiInputs())
        >>> r.impressions, r.clicks, round(r.orders, 6), round(r.revenue)
        (80000.0, 1200.0, 36.0, 5400000)
        >>> round(r.profit), round(r.roas, 2), round(r.break_even_roas, 3)
        (417600, 2.7, 2.024)
        >>> round(r.cpa), round(r.max_cpa)
        (55556, 74100)

        ROAS 2,7 is above the break-even 2,02, so the campaign earns
        Rp 417.600 after every cost; an order may cost up to Rp 74.100 in ads.

        And if I sell on Shopee as a Star seller, fashion, in March 2026,
        instead of guessing 8 %?

        >>> import datetime
        >>> shopee = PlatformFeeChoice("shopee", "star", "fashion", as_of=datetime.date(2026, 3, 1))
        >>> s = simulate_roi(inputs=RoiInputs(platform=shopee))
        >>> s.platform_fee.rate, s.platform_fee.per_order
        (0.09, 1250.0)
        >>> round(s.profit), round(s.break_even_roas, 4), round(s.max_cpa)
        (321300, 2.1001, 71425)

        Shopee takes 9 % and Rp 1.250 per order: 5.400.000 × 0,95 × 0,51 −
        36 × 1.250 − 2.250.000 = Rp 321.300, about Rp 96.000 less than the
        8 % guess, and an order may now cost Rp 71.425 in ads.
    """
    i = inputs
    fees = i.fee_terms()
    impressions = i.ad_spend / i.cpm * 1000
    clicks = impressions * i.ctr
    orders = clicks * i.conversion_rate
    revenue = orders * i.aov
    profit = _profit(revenue=revenue, orders=orders, inputs=i, fees=fees)
    per_rupiah = _kept_margin(i, fees.rate) - (fees.per_order / i.aov if fees.per_order else 0.0)
    return RoiResult(
        impressions=impressions,
        clicks=clicks,
        orders=orders,
        revenue=revenue,
        profit=profit,
        roas=ratio(revenue, i.ad_spend),
        break_even_roas=1 / per_rupiah if per_rupiah > 0 else None,
        roi=ratio(profit, i.ad_spend + i.fixed_costs),
        cpa=ratio(i.ad_spend, orders),
        max_cpa=i.aov * _kept_margin(i, fees.rate) - fees.per_order,
        platform_fee=fees.used,
    )


SIMULATOR = Simulator("roi", "ROI iklan", RoiInputs, simulate_roi)
