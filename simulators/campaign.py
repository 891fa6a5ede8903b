"""Perencana anggaran kampanye: a year's seasonal budget by event and phase, valued with the ROI model."""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterator
from dataclasses import dataclass

from ._calendar import EVENT_NAMES, SUPPORTED_FROM, SUPPORTED_TO, add_year, occurrences
from ._format import format_number
from ._registry import Simulator
from ._validate import MAX_MONEY, Checked, check, choice, date, items, number, ratio, rule
from .errors import Problem
from .platform_fee import PlatformFeeChoice, order_value_rule
from .roi import RoiInputs, profit_from_revenue, roi_field, simulate_roi

__all__ = [
    "CampaignEvent",
    "CampaignInputs",
    "CampaignResult",
    "EventPlan",
    "PhasePlan",
    "simulate_campaign",
]

MAX_EVENTS = len(EVENT_NAMES)
SHARE_SLACK = 1e-9
PHASES = ("pre_peak", "peak", "post_peak")
PHASE_NAMES = {"pre_peak": "Pra-puncak", "peak": "Puncak", "post_peak": "Pasca-puncak"}

_SHARE = "pecahan 0–1 dari anggaran tiap momen, mis. 0.3 untuk 30 %"
_ROAS = "omzet per Rupiah iklan, mis. 2.5"
_SHARES_FIELD = "pre_peak_share, peak_share, post_peak_share"
_PERCENT = "persen"  # the unit a reader types a fraction in (30 for 0.3)


@dataclass(frozen=True)
class CampaignEvent:
    """One seasonal moment in the plan and its weight.

    Attributes:
        event: ``"ramadan"``, ``"lebaran"`` or a double date ``"1.1"`` …
            ``"12.12"`` (6.6, 9.9, 11.11 and 12.12 are the big ones).
        weight: its share of the budget relative to the other events (> 0,
            at most 1.000): weight 2 gets twice the budget of weight 1.
    """

    event: str = choice(options=EVENT_NAMES, what="momen")
    weight: float = number(above=0, maximum=1000)


# Defaults: the six moments of the seasonal chapter, heavier on Ramadan, 11.11 and
# 12.12. Every figure is a row of data/defaults/campaign.csv with its reasoning.
_DEFAULT_EVENTS = (
    CampaignEvent("ramadan", weight=2),
    CampaignEvent("lebaran", weight=1),
    CampaignEvent("6.6", weight=1),
    CampaignEvent("9.9", weight=1),
    CampaignEvent("11.11", weight=2),
    CampaignEvent("12.12", weight=2),
)


@dataclass(frozen=True)
class CampaignInputs:
    """A year of seasonal ads: when it starts, how much, how it is split and what it returns.

    Attributes:
        start_date: first day of the 12 months planned (2025-01-01 to
            2028-12-31, the years the Ramadan and Lebaran table covers).
        total_budget: Rupiah of ads for all events together.
        events: 1–14 :class:`CampaignEvent`, each event at most once.
        pre_peak_share: share of each event's budget spent before the peak
            (awareness: teasers, countdowns), 0–1.
        peak_share: share spent during the peak (the aggressive push), 0–1.
        post_peak_share: share spent after the peak (retention, recaps), 0–1.
            The three shares add up to 1.
        pre_peak_days: days of the pre-peak phase, a whole number 0–60.
        peak_days: days of the peak, a whole number 1–31, from the peak date.
        post_peak_days: days of the post-peak phase, a whole number 0–60.
        pre_peak_roas: expected revenue per Rupiah of ads before the peak (0–100).
        peak_roas: expected revenue per Rupiah of ads at the peak (0–100).
        post_peak_roas: expected revenue per Rupiah of ads after the peak (0–100).
        cogs_rate, platform_fee_rate, affiliate_rate, return_rate: the ROI
            model's inputs of the same name (:class:`simulators.roi.RoiInputs`).
        fixed_costs_per_event: Rupiah of other costs per event (creative,
            samples, vouchers), the ROI model's ``fixed_costs``; split over the
            phases like the budget.
        platform: the platform the campaign sells on, in place of
            ``platform_fee_rate`` (the ROI model's ``platform``; left out: none).
        aov: average order value, Rupiah per order; needed only with
            ``platform`` (its fee per order and caps are worked out on it),
            left out otherwise.
    """

    start_date: _dt.date = date(
        default=_dt.date(2026, 12, 1), earliest=SUPPORTED_FROM, latest=SUPPORTED_TO, example="2025-09-01",
        why=": tanggal Ramadan dan Lebaran baru tersedia untuk rentang itu",
    )
    total_budget: float = number(default=9_000_000, minimum=0, maximum=MAX_MONEY, unit="Rupiah")
    events: tuple[CampaignEvent, ...] = items(
        CampaignEvent, default=_DEFAULT_EVENTS, min_items=1, max_items=MAX_EVENTS, what="momen",
        unique="event", duplicate="momen {value!r} sudah ada di {first}; gabungkan bobotnya",
    )
    pre_peak_share: float = number(default=0.3, minimum=0, maximum=1, hint=_SHARE, unit=_PERCENT)
    peak_share: float = number(default=0.5, minimum=0, maximum=1, hint=_SHARE, unit=_PERCENT)
    post_peak_share: float = number(default=0.2, minimum=0, maximum=1, hint=_SHARE, unit=_PERCENT)
    pre_peak_days: int = number(default=14, minimum=0, maximum=60, integer=True)
    peak_days: int = number(default=3, minimum=1, maximum=31, integer=True)
    post_peak_days: int = number(default=7, minimum=0, maximum=60, integer=True)
    pre_peak_roas: float = number(default=1.5, minimum=0, maximum=100, hint=_ROAS)
    peak_roas: float = number(default=3.5, minimum=0, maximum=100, hint=_ROAS)
    post_peak_roas: float = number(default=2.0, minimum=0, maximum=100, hint=_ROAS)
    cogs_rate: float = roi_field("cogs_rate")
    platform_fee_rate: float = roi_field("platform_fee_rate")
    affiliate_rate: float = roi_field("affiliate_rate")
    return_rate: float = roi_field("return_rate")
    fixed_costs_per_event: float = roi_field("fixed_costs")
    platform: PlatformFeeChoice | None = roi_field("platform")
    aov: float | None = number(default=None, nullable=True, omit_none=True, above=0, maximum=MAX_MONEY, unit="Rupiah")

    def __post_init__(self) -> None:
        check(self)

    def roi_inputs(self, *, ad_spend: float, fixed_costs: float) -> RoiInputs:
        """The ROI model's inputs for one phase: its spend, its part of the fixed costs, these margins."""
        order_value = {} if self.aov is None else {"aov": self.aov}
        return RoiInputs(
            ad_spend=ad_spend,
            fixed_costs=fixed_costs,
            cogs_rate=self.cogs_rate,
            platform_fee_rate=self.platform_fee_rate,
            affiliate_rate=self.affiliate_rate,
            return_rate=self.return_rate,
            platform=self.platform,
            **order_value,
        )


rule(CampaignInputs)(order_value_rule("aov"))


@dataclass(frozen=True)
class PhasePlan:
    """One phase of one event.

    Attributes:
        phase: ``"pre_peak"``, ``"peak"`` or ``"post_peak"``.
        name: its Indonesian name (Pra-puncak, Puncak, Pasca-puncak).
        start: first day (None when the phase has no days).
        end: last day, inclusive (None when the phase has no days).
        days: number of days; the pre-peak phase is cut short when it would
            begin before start_date.
        budget: Rupiah of ads in the phase.
        roas: the expected ROAS of the phase.
        expected_revenue: budget × roas.
        expected_profit: the ROI model's profit of that revenue, after the
            phase's ads and its part of the event's fixed costs.
    """

    phase: str
    name: str
    start: _dt.date | None
    end: _dt.date | None
    days: int
    budget: float
    roas: float
    expected_revenue: float
    expected_profit: float


@dataclass(frozen=True)
class EventPlan:
    """One occurrence of an event within the 12 months.

    Attributes:
        event: the event id (``"ramadan"``, ``"11.11"`` …).
        name: its Indonesian name.
        date: the calendar date (1 Ramadan, Idul Fitri, or the double date).
        peak_date: first day of the peak phase (for Lebaran a week before
            Idul Fitri, when shopping peaks; otherwise the date itself).
        budget: Rupiah of ads for the event.
        expected_revenue: Rupiah, the sum over its phases.
        expected_profit: Rupiah, the sum over its phases.
        roas: expected_revenue / budget (None when the budget is 0).
        phases: the three :class:`PhasePlan`, in time order.
    """

    event: str
    name: str
    date: _dt.date
    peak_date: _dt.date
    budget: float
    expected_revenue: float
    expected_profit: float
    roas: float | None
    phases: tuple[PhasePlan, ...]


@dataclass(frozen=True)
class CampaignResult:
    """The year's plan, event by event in date order.

    Attributes:
        window_start: start_date.
        window_end: the last day of the 12 months (the day before the same
            date next year).
        events: one :class:`EventPlan` per occurrence whose peak date falls in
            the window, sorted by peak date.
        total_budget: Rupiah, the sum of every phase budget (= total_budget).
        total_expected_revenue: Rupiah over all events.
        total_expected_profit: Rupiah over all events.
        roas: total_expected_revenue / total_budget (None when the budget is 0).
        break_even_roas: the ROAS at which ads pay for themselves with these
            margins, from the ROI model (None when nothing is kept per order).
    """

    window_start: _dt.date
    window_end: _dt.date
    events: tuple[EventPlan, ...]
    total_budget: float
    total_expected_revenue: float
    total_expected_profit: float
    roas: float | None
    break_even_roas: float | None


@rule(CampaignInputs)
def _shares_add_up(inputs: Checked) -> Iterator[Problem]:
    if inputs.ok("pre_peak_share", "peak_share", "post_peak_share"):
        total = math.fsum((inputs.pre_peak_share, inputs.peak_share, inputs.post_peak_share))
        if abs(total - 1) > SHARE_SLACK:
            yield Problem(
                _SHARES_FIELD,
                f"ketiganya harus berjumlah 100 % (sekarang {format_number(total * 100, decimals=7)} %), "
                "mis. 30 % + 50 % + 20 % (0.3 + 0.5 + 0.2)",
                total,
            )


@rule(CampaignInputs)
def _no_budget_without_days(inputs: Checked) -> Iterator[Problem]:
    for share, days in (("pre_peak_share", "pre_peak_days"), ("post_peak_share", "post_peak_days")):
        if inputs.ok(share, days) and getattr(inputs, days) == 0 and getattr(inputs, share) > 0:
            yield Problem(share, f"harus 0 karena {days} 0: fase tanpa hari tidak bisa memakai anggaran", getattr(inputs, share))


def _phase(phase: str, start: _dt.date, days: int, budget: float, roas: float, fixed: float, inputs: CampaignInputs) -> PhasePlan:
    revenue = budget * roas
    profit = profit_from_revenue(revenue=revenue, inputs=inputs.roi_inputs(ad_spend=budget, fixed_costs=fixed))
    end = start + _dt.timedelta(days=days - 1) if days else None
    return PhasePlan(phase, PHASE_NAMES[phase], start if days else None, end, days, budget, roas, revenue, profit)


def _event_plan(event: str, day: _dt.date, peak: _dt.date, budget: float, inputs: CampaignInputs) -> EventPlan:
    i = inputs
    one_day = _dt.timedelta(days=1)
    pre_start = max(peak - i.pre_peak_days * one_day, i.start_date)
    pre_days = (peak - pre_start).days
    shares = {"pre_peak": i.pre_peak_share, "peak": i.peak_share, "post_peak": i.post_peak_share}
    if pre_days == 0:  # the peak is on start_date: nothing can be spent before it
        shares = {"pre_peak": 0.0, "peak": i.pre_peak_share + i.peak_share, "post_peak": i.post_peak_share}
    whole = math.fsum(shares.values())  # 1 within 1e-9; dividing by it keeps the budget whole
    windows = {
        "pre_peak": (pre_start, pre_days, i.pre_peak_roas),
        "peak": (peak, int(i.peak_days), i.peak_roas),
        "post_peak": (peak + int(i.peak_days) * one_day, int(i.post_peak_days), i.post_peak_roas),
    }
    phases = tuple(
        _phase(name, start, days, budget * shares[name] / whole, roas, i.fixed_costs_per_event * shares[name] / whole, i)
        for name, (start, days, roas) in windows.items()
    )
    revenue = math.fsum(p.expected_revenue for p in phases)
    return EventPlan(
        event=event,
        name=EVENT_NAMES[event],
        date=day,
        peak_date=peak,
        budget=math.fsum(p.budget for p in phases),
        expected_revenue=revenue,
        expected_profit=math.fsum(p.expected_profit for p in phases),
        roas=ratio(revenue, budget),
        phases=phases,
    )


def simulate_campaign(*, inputs: CampaignInputs) -> CampaignResult:
    """Spread a year's ad budget over the seasonal moments and value each phase.

    Notes:
        - Window: [start_date, the same date next year). An event is in the
          plan once for every peak date in the window: a double date m.m on
          day m of month m, Ramadan on 1 Ramadan, Lebaran
          :data:`~simulators._calendar.LEBARAN_PEAK_DAYS_BEFORE` (7) days
          before Idul Fitri, the lunar dates from
          :mod:`simulators._calendar`.
        - Event budget = total_budget × weight / Σ weights of all the
          occurrences in the window.
        - Phases: pre-peak = the pre_peak_days days before the peak date
          (starting no earlier than start_date), peak = peak_days days from
          the peak date, post-peak = the post_peak_days days after. Phase
          budget = event budget × phase share / (sum of the three shares,
          which is 1 within 10⁻⁹). When the peak is on start_date the
          pre-peak phase has no days and its share goes to the peak.
        - Revenue of a phase = phase budget × that phase's ROAS; its profit
          is the ROI model's (:func:`simulators.roi.profit_from_revenue`):
          revenue × (1 − return_rate) × (1 − cogs_rate − platform_fee_rate −
          affiliate_rate) − phase budget − fixed_costs_per_event × phase share.
          With ``platform`` chosen, its share at an order of ``aov`` takes the
          place of platform_fee_rate, and its Rupiah per order is paid on
          revenue / aov orders (the fees model, through the ROI model).
        - roas = revenue / budget, None when the budget is 0.

    Examples:
        Saya punya Rp 9 juta untuk iklan musiman setahun mulai 1 Desember
        2026. Kapan dipakai, berapa per momen, dan apakah untung?

        >>> r = simulate_campaign(inputs=CampaignInputs())
        >>> [(e.event, e.peak_date.isoformat(), round(e.budget)) for e in r.events][:3]
        [('12.12', '2026-12-12', 2000000), ('ramadan', '2027-02-08', 2000000), ('lebaran', '2027-03-03', 1000000)]
        >>> pre = r.events[0].phases[0]
        >>> pre.start.isoformat(), pre.days, round(pre.budget), round(pre.expected_revenue)
        ('2026-12-01', 11, 600000, 900000)
        >>> round(r.total_expected_revenue), round(r.total_expected_profit), round(r.roas, 2)
        (23400000, 1059600, 2.6)

        Each weight unit gets Rp 1.000.000; 12.12 comes first, its
        pre-peak cut to the 11 days left, and the year returns Rp 23,4 juta
        of sales for Rp 1.059.600 profit after ads and fixed costs.

        Selling on Shopee as a Star seller, fashion, orders of Rp 150.000, at
        the fees of March 2026:

        >>> from simulators.platform_fee import PlatformFeeChoice
        >>> shopee = PlatformFeeChoice("shopee", "star", "fashion", as_of=_dt.date(2026, 3, 1))
        >>> round(simulate_campaign(inputs=CampaignInputs(platform=shopee, aov=150_000)).total_expected_profit)
        642300

        9 % instead of 8 % costs 23,4 juta × 0,95 × 1 % = Rp 222.300, and
        156 orders × Rp 1.250 another Rp 195.000: Rp 642.300 is left.
    """
    i = inputs
    found = []
    for order, item in enumerate(i.events):
        for day, peak in occurrences(item.event, i.start_date):
            found.append((peak, order, item, day))
    found.sort(key=lambda f: (f[0], f[1]))
    weights = math.fsum(item.weight for _, _, item, _ in found)
    plans = tuple(
        _event_plan(item.event, day, peak, i.total_budget * item.weight / weights, i) for peak, _, item, day in found
    )
    budget = math.fsum(p.budget for p in plans)
    revenue = math.fsum(p.expected_revenue for p in plans)
    return CampaignResult(
        window_start=i.start_date,
        window_end=add_year(i.start_date) - _dt.timedelta(days=1),
        events=plans,
        total_budget=budget,
        total_expected_revenue=revenue,
        total_expected_profit=math.fsum(p.expected_profit for p in plans),
        roas=ratio(revenue, budget),
        break_even_roas=simulate_roi(inputs=i.roi_inputs(ad_spend=0, fixed_costs=0)).break_even_roas,
    )


SIMULATOR = Simulator("campaign", "Perencana anggaran kampanye", CampaignInputs, simulate_campaign)
