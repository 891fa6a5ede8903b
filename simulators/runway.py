"""Simulasi guncangan omzet: how long the cash lasts when one channel's revenue falls, with and without a recovery plan."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from ._registry import Simulator
from ._validate import MAX_MONEY, Checked, check, choice, first_in, items, names_in, nested, number, rule, text
from .errors import Problem
from .platform_fee import PlatformFeeChoice, order_value_rule
from .roi import RoiInputs, RoiResult, roi_field, simulate_roi

__all__ = [
    "RecoveryPlan",
    "RevenueShock",
    "RunwayChannel",
    "RunwayInputs",
    "RunwayResult",
    "RunwayWeek",
    "simulate_runway",
]

MAX_CHANNELS = 12
MAX_WEEKS = 52
NAME_LENGTH = 40

_RATE = "pecahan 0–1, mis. 0.5 untuk 50 %"
_PERCENT = "persen"  # the unit a reader types a fraction in (50 for 0.5)
_RUPIAH = "Rupiah"


@dataclass(frozen=True)
class RunwayChannel:
    """One place the seller sells, before the shock.

    Attributes:
        name: the channel's name, unique, 1–40 characters ("TikTok Shop (Live)").
        weekly_revenue: Rupiah of sales per week through it before the shock.
    """

    name: str = text(max_length=NAME_LENGTH)
    weekly_revenue: float = number(minimum=0, maximum=MAX_MONEY, unit=_RUPIAH)


@dataclass(frozen=True)
class RevenueShock:
    """One channel loses part of its revenue, from week 1 on.

    Attributes:
        channel: name of the channel hit; ``None`` (JSON ``null``, or left
            out together with the whole shock) means the first channel.
        revenue_drop: share of that channel's weekly revenue lost (0–1).
        weeks: how many weeks the loss lasts, a whole number 1–52; more weeks
            than the horizon means it lasts the whole horizon.
    """

    channel: str | None = choice(
        default=None, options=names_in("channels"), what="kanal", nullable=True, max_length=NAME_LENGTH, fill=first_in("channels")
    )
    revenue_drop: float = number(default=0.5, minimum=0, maximum=1, hint=_RATE, unit=_PERCENT)
    weeks: int = number(default=8, minimum=1, maximum=MAX_WEEKS, integer=True)


@dataclass(frozen=True)
class RecoveryPlan:
    """Ads and content moved to other channels, valued with the ROI model.

    Attributes:
        weekly_ad_spend: Rupiah of ads per week once the plan runs at full size.
        weekly_content_costs: Rupiah per week of other plan costs at full size
            (content production, samples); the ROI model's ``fixed_costs``.
        ramp_weeks: weeks the plan takes to grow to full size, a whole number
            0–52 (0: full size from its first week; see :func:`simulate_runway`).
        start_week: the week the plan starts, a whole number 1–52, at most
            ``horizon_weeks``.
        cpm, ctr, conversion_rate, aov, cogs_rate, platform_fee_rate,
            affiliate_rate, return_rate, platform: the ROI model's inputs of
            the same name (:class:`simulators.roi.RoiInputs`), same units,
            ranges and defaults; ``platform`` (left out: none) is the channel
            the plan sells on, in place of ``platform_fee_rate``.
    """

    weekly_ad_spend: float = number(default=1_500_000, minimum=0, maximum=MAX_MONEY, unit=_RUPIAH)
    weekly_content_costs: float = number(default=150_000, minimum=0, maximum=MAX_MONEY, unit=_RUPIAH)
    ramp_weeks: int = number(default=4, minimum=0, maximum=MAX_WEEKS, integer=True)
    start_week: int = number(default=1, minimum=1, maximum=MAX_WEEKS, integer=True)
    cpm: float = roi_field("cpm")
    ctr: float = roi_field("ctr")
    conversion_rate: float = roi_field("conversion_rate")
    aov: float = roi_field("aov")
    cogs_rate: float = roi_field("cogs_rate")
    platform_fee_rate: float = roi_field("platform_fee_rate")
    affiliate_rate: float = roi_field("affiliate_rate")
    return_rate: float = roi_field("return_rate")
    platform: PlatformFeeChoice | None = roi_field("platform")

    def roi_inputs(self) -> RoiInputs:
        """One week of the plan at full size, as the ROI model's inputs."""
        return RoiInputs(
            ad_spend=self.weekly_ad_spend,
            fixed_costs=self.weekly_content_costs,
            cpm=self.cpm,
            ctr=self.ctr,
            conversion_rate=self.conversion_rate,
            aov=self.aov,
            cogs_rate=self.cogs_rate,
            platform_fee_rate=self.platform_fee_rate,
            affiliate_rate=self.affiliate_rate,
            return_rate=self.return_rate,
            platform=self.platform,
        )


rule(RecoveryPlan)(order_value_rule("aov"))


# Defaults: a seller whose sales ran mostly through TikTok Shop Live. Every figure is a
# row of data/defaults/runway.csv, with its source or the reasoning behind the assumption.
_DEFAULT_CHANNELS = (
    RunwayChannel("TikTok Shop (Live)", weekly_revenue=7_000_000),
    RunwayChannel("Marketplace", weekly_revenue=2_000_000),
    RunwayChannel("Instagram", weekly_revenue=1_000_000),
)


@dataclass(frozen=True)
class RunwayInputs:
    """A seller's weekly money before a shock, the shock, and a plan against it.

    Attributes:
        channels: 1–12 :class:`RunwayChannel`, names unique.
        gross_margin: share of revenue left after the goods and the platform
            fees (0–1), for the existing channels.
        fixed_weekly_costs: Rupiah per week paid whatever sells (wages, rent,
            internet, the owner's draw).
        cash_on_hand: Rupiah in the till at the start of week 1.
        shock: the :class:`RevenueShock`.
        plan: the :class:`RecoveryPlan`.
        horizon_weeks: weeks simulated, a whole number 1–52.
    """

    channels: tuple[RunwayChannel, ...] = items(
        RunwayChannel, default=_DEFAULT_CHANNELS, min_items=1, max_items=MAX_CHANNELS, what="kanal",
        unique="name", duplicate="nama kanal {value!r} sudah dipakai di {first}; nama harus unik",
    )
    gross_margin: float = number(default=0.5, minimum=0, maximum=1, hint=_RATE, unit=_PERCENT)
    fixed_weekly_costs: float = number(default=3_500_000, minimum=0, maximum=MAX_MONEY, unit=_RUPIAH)
    cash_on_hand: float = number(default=1_500_000, minimum=0, maximum=MAX_MONEY, unit=_RUPIAH)
    # A shock without a channel hits the first one; the inputs echo its name.
    shock: RevenueShock = nested(RevenueShock, default=RevenueShock())
    plan: RecoveryPlan = nested(RecoveryPlan, default=RecoveryPlan(), what="objek rencana pemulihan")
    horizon_weeks: int = number(default=12, minimum=1, maximum=MAX_WEEKS, integer=True)

    def __post_init__(self) -> None:
        check(self)


@dataclass(frozen=True)
class RunwayWeek:
    """One week, without and with the plan.

    Attributes:
        week: week number, from 1 (the first week of the shock).
        revenue_without_plan: Rupiah of sales of the existing channels.
        revenue_with_plan: the same plus the plan's sales.
        recovered_revenue: the plan's sales that week.
        plan_ad_spend: Rupiah of the plan's ads that week.
        plan_profit: the plan's profit that week (ROI model; negative when it
            costs more than it brings).
        profit_without_plan: revenue_without_plan × gross_margin − fixed_weekly_costs.
        profit_with_plan: profit_without_plan + plan_profit.
        cash_without_plan: cash at the end of the week without the plan.
        cash_with_plan: cash at the end of the week with the plan.
    """

    week: int
    revenue_without_plan: float
    revenue_with_plan: float
    recovered_revenue: float
    plan_ad_spend: float
    plan_profit: float
    profit_without_plan: float
    profit_with_plan: float
    cash_without_plan: float
    cash_with_plan: float


@dataclass(frozen=True)
class RunwayResult:
    """How the cash moves through the shock. ``None`` marks "not within the horizon".

    Attributes:
        revenue_before_shock: Rupiah per week of all channels before the shock.
        profit_before_shock: Rupiah per week before the shock.
        revenue_lost_per_week: Rupiah per week the shock takes while it lasts.
        plan_at_full_size: one week of the plan at full size, from the ROI model.
        weekly: one :class:`RunwayWeek` per week of the horizon.
        runway_weeks_without_plan: the first week whose closing cash is below
            0 without the plan (None: cash lasts the whole horizon).
        runway_weeks_with_plan: the same with the plan.
        lowest_cash_without_plan: the lowest closing cash of any week without the plan.
        lowest_cash_week_without_plan: the first week it is reached.
        lowest_cash_with_plan: the lowest closing cash of any week with the plan.
        lowest_cash_week_with_plan: the first week it is reached.
        break_even_week_without_plan: the first week whose profit is ≥ 0 again
            without the plan (None: not within the horizon; 1 when no week
            loses money).
        break_even_week_with_plan: the same with the plan.
        total_revenue_without_plan: Rupiah over the horizon.
        total_revenue_with_plan: Rupiah over the horizon.
        total_recovered_revenue: Rupiah of the plan's sales over the horizon.
        total_plan_ad_spend: Rupiah of the plan's ads over the horizon.
        total_plan_profit: the plan's profit over the horizon.
        total_profit_without_plan: Rupiah over the horizon.
        total_profit_with_plan: Rupiah over the horizon.
        final_cash_without_plan: closing cash of the last week without the plan.
        final_cash_with_plan: closing cash of the last week with the plan.
    """

    revenue_before_shock: float
    profit_before_shock: float
    revenue_lost_per_week: float
    plan_at_full_size: RoiResult
    weekly: tuple[RunwayWeek, ...]
    runway_weeks_without_plan: int | None
    runway_weeks_with_plan: int | None
    lowest_cash_without_plan: float
    lowest_cash_week_without_plan: int
    lowest_cash_with_plan: float
    lowest_cash_week_with_plan: int
    break_even_week_without_plan: int | None
    break_even_week_with_plan: int | None
    total_revenue_without_plan: float
    total_revenue_with_plan: float
    total_recovered_revenue: float
    total_plan_ad_spend: float
    total_plan_profit: float
    total_profit_without_plan: float
    total_profit_with_plan: float
    final_cash_without_plan: float
    final_cash_with_plan: float


@rule(RunwayInputs)
def _plan_starts_within_horizon(inputs: Checked) -> Iterator[Problem]:
    plan, horizon = inputs.plan, inputs.horizon_weeks
    if plan.ok("start_week") and plan.start_week > horizon:
        message = f"harus paling besar horizon_weeks ({horizon}): rencana yang mulai sesudah horizon tidak terlihat"
        yield Problem("plan.start_week", message, plan.start_week)


def _size(week: int, plan: RecoveryPlan) -> float:
    """Share of its full size the plan runs at in ``week``: 0 before it starts, then a linear ramp."""
    if week < plan.start_week:
        return 0.0
    if plan.ramp_weeks == 0:
        return 1.0
    return min(1.0, (week - plan.start_week + 1) / plan.ramp_weeks)


def _first(weeks: list[int]) -> int | None:
    return weeks[0] if weeks else None


def _break_even(profits: list[float]) -> int | None:
    """The first week with profit ≥ 0 at or after the first week that loses money (1 when none does)."""
    losing = [w for w, p in enumerate(profits, start=1) if p < 0]
    if not losing:
        return 1
    return _first([w for w, p in enumerate(profits, start=1) if w > losing[0] and p >= 0])


def _lowest(cash: list[float]) -> tuple[float, int]:
    low = min(cash)
    return low, cash.index(low) + 1


def simulate_runway(*, inputs: RunwayInputs) -> RunwayResult:
    """Follow the weekly cash through a revenue shock, without and with a recovery plan.

    Notes:
        Weeks w = 1 … H (horizon_weeks); week 1 is the first week of the shock.

        - revenue_without(w) = Σ channel weekly_revenue − [w ≤ shock.weeks] ×
          revenue_drop × weekly_revenue of the shocked channel
        - profit_without(w) = revenue_without(w) × gross_margin − fixed_weekly_costs
        - The plan at full size is one week of the ROI model with
          ad_spend = weekly_ad_spend and fixed_costs = weekly_content_costs.
          In week w it runs at size s(w) = 0 before start_week, then
          min(1, (w − start_week + 1) / ramp_weeks) (1 at once when
          ramp_weeks = 0): the seller starts small and grows the plan as it
          proves itself. The ROI model is linear in ad_spend and fixed_costs,
          so that week's ad spend, recovered revenue and plan profit are
          s(w) times those of the full-size week.
        - profit_with(w) = profit_without(w) + plan_profit(w)
        - cash(w) = cash(w − 1) + profit(w), cash(0) = cash_on_hand
        - runway week = the first w with cash(w) < 0, None if none within H
        - lowest cash = min over w of cash(w), the first week on ties
        - break-even week = the first w with profit(w) ≥ 0 after the first
          week with a loss; 1 when no week loses money; None when the loss
          lasts to the end of the horizon.

        When the full-size plan's profit is ≥ 0, every week's plan profit is
        ≥ 0, so the cash with the plan is never below the cash without it and
        the runway with the plan is never shorter.

    Examples:
        Omzet Live saya Rp 7 juta seminggu turun separuh selama 8 minggu. Kas
        tinggal Rp 1,5 juta. Kapan kas habis, dan apakah iklan Rp 1,5 juta
        seminggu di kanal lain menolong?

        >>> r = simulate_runway(inputs=RunwayInputs())
        >>> r.revenue_lost_per_week, r.weekly[0].profit_without_plan
        (3500000.0, -250000.0)
        >>> r.runway_weeks_without_plan, r.runway_weeks_with_plan
        (7, None)
        >>> round(r.plan_at_full_size.profit), round(r.lowest_cash_with_plan), r.lowest_cash_week_with_plan
        (350700, 1263025, 2)
        >>> r.break_even_week_without_plan, r.break_even_week_with_plan
        (9, 3)

        Without the plan the till is empty in week 7; with it, the lowest
        point is Rp 1.263.025 in week 2 and the business is back to
        break-even in week 3 instead of week 9.
    """
    i = inputs
    shocked = next(c for c in i.channels if c.name == i.shock.channel)
    before = math.fsum(c.weekly_revenue for c in i.channels)
    lost = shocked.weekly_revenue * i.shock.revenue_drop
    full = simulate_roi(inputs=i.plan.roi_inputs())

    rows = []
    cash_without = cash_with = float(i.cash_on_hand)
    for week in range(1, int(i.horizon_weeks) + 1):
        revenue = before - lost if week <= i.shock.weeks else before
        size = _size(week, i.plan)
        recovered, plan_profit = size * full.revenue, size * full.profit
        profit_without = revenue * i.gross_margin - i.fixed_weekly_costs
        profit_with = profit_without + plan_profit
        cash_without += profit_without
        cash_with += profit_with
        rows.append(
            RunwayWeek(
                week=week,
                revenue_without_plan=revenue,
                revenue_with_plan=revenue + recovered,
                recovered_revenue=recovered,
                plan_ad_spend=size * i.plan.weekly_ad_spend,
                plan_profit=plan_profit,
                profit_without_plan=profit_without,
                profit_with_plan=profit_with,
                cash_without_plan=cash_without,
                cash_with_plan=cash_with,
            )
        )

    low_without, low_week_without = _lowest([r.cash_without_plan for r in rows])
    low_with, low_week_with = _lowest([r.cash_with_plan for r in rows])
    return RunwayResult(
        revenue_before_shock=before,
        profit_before_shock=before * i.gross_margin - i.fixed_weekly_costs,
        revenue_lost_per_week=lost,
        plan_at_full_size=full,
        weekly=tuple(rows),
        runway_weeks_without_plan=_first([r.week for r in rows if r.cash_without_plan < 0]),
        runway_weeks_with_plan=_first([r.week for r in rows if r.cash_with_plan < 0]),
        lowest_cash_without_plan=low_without,
        lowest_cash_week_without_plan=low_week_without,
        lowest_cash_with_plan=low_with,
        lowest_cash_week_with_plan=low_week_with,
        break_even_week_without_plan=_break_even([r.profit_without_plan for r in rows]),
        break_even_week_with_plan=_break_even([r.profit_with_plan for r in rows]),
        total_revenue_without_plan=math.fsum(r.revenue_without_plan for r in rows),
        total_revenue_with_plan=math.fsum(r.revenue_with_plan for r in rows),
        total_recovered_revenue=math.fsum(r.recovered_revenue for r in rows),
        total_plan_ad_spend=math.fsum(r.plan_ad_spend for r in rows),
        total_plan_profit=math.fsum(r.plan_profit for r in rows),
        total_profit_without_plan=math.fsum(r.profit_without_plan for r in rows),
        total_profit_with_plan=math.fsum(r.profit_with_plan for r in rows),
        final_cash_without_plan=rows[-1].cash_without_plan,
        final_cash_with_plan=rows[-1].cash_with_plan,
    )


SIMULATOR = Simulator("runway", "Simulasi guncangan omzet", RunwayInputs, simulate_runway)
