"""Hypothesis strategies shared by the model tests.

Every limit comes from the models' declarations (:func:`simulators._validate.declared`):
when a model's range changes, the drawn inputs follow. A strategy narrows a
range only where its tests need it (money up to Rp 1 miliar keeps the sums far
from float trouble; a posting rhythm of at least 0,01 a day keeps plans
non-empty) and says so with ``low``/``high``, which must stay inside the
declared range.
"""

import math

from hypothesis import strategies as st

from simulators._validate import declared


def number_in(cls, path, *, low=None, high=None):
    """Numbers inside the declared range of ``cls.path``, optionally narrowed to [low, high]."""
    spec = declared(cls, path)
    bottom, open_bottom = (spec.minimum, False) if spec.minimum is not None else (spec.above, spec.above is not None)
    top, open_top = (spec.maximum, False) if spec.maximum is not None else (spec.below, spec.below is not None)
    if low is not None:
        assert bottom is None or low >= bottom, f"{path}: {low} is below the declared range"
        if bottom is None or low > bottom:
            bottom, open_bottom = low, False
    if high is not None:
        assert top is None or high <= top, f"{path}: {high} is above the declared range"
        if top is None or high < top:
            top, open_top = high, False
    if spec.integer:
        first = None if bottom is None else math.floor(bottom) + 1 if open_bottom and float(bottom).is_integer() else math.ceil(bottom)
        last = None if top is None else math.ceil(top) - 1 if open_top and float(top).is_integer() else math.floor(top)
        return st.integers(first, last)
    return st.floats(min_value=bottom, max_value=top, exclude_min=open_bottom, exclude_max=open_top, allow_nan=False, allow_infinity=False)


def date_in(cls, path):
    """Days inside the declared range of ``cls.path``."""
    spec = declared(cls, path)
    return st.dates(spec.earliest, spec.latest)


def options_of(cls, path):
    """One of the fixed options declared for ``cls.path``."""
    return st.sampled_from(list(declared(cls, path).options))


def size_of(cls, path, *, at_most=None):
    """``(min_items, max_items)`` of the list ``cls.path``, the top lowered to ``at_most``."""
    spec = declared(cls, path)
    return spec.min_items, spec.max_items if at_most is None else min(at_most, spec.max_items)


# --- roi -----------------------------------------------------------------------


def _roi():
    from simulators.roi import RoiInputs

    return RoiInputs


rates = number_in(_roi(), "ctr")
money = number_in(_roi(), "ad_spend", high=1e9)
positive_money = number_in(_roi(), "cpm", low=1, high=1e9)


@st.composite
def roi_inputs(draw):
    RoiInputs = _roi()
    return RoiInputs(
        ad_spend=draw(money),
        cpm=draw(positive_money),
        ctr=draw(rates),
        conversion_rate=draw(number_in(RoiInputs, "conversion_rate")),
        aov=draw(number_in(RoiInputs, "aov", high=1e9)),
        cogs_rate=draw(number_in(RoiInputs, "cogs_rate")),
        platform_fee_rate=draw(number_in(RoiInputs, "platform_fee_rate")),
        affiliate_rate=draw(number_in(RoiInputs, "affiliate_rate")),
        return_rate=draw(number_in(RoiInputs, "return_rate")),
        fixed_costs=draw(number_in(RoiInputs, "fixed_costs", high=1e9)),
    )


@st.composite
def roi_inputs_with_a_margin(draw):
    """ROI inputs whose orders leave something: goods, fee and affiliate shares together below 1.

    Drawn independently, the three shares add up past 1 five times in six; those
    draws are scaled down, in proportion, to a total drawn below 1.
    """
    import dataclasses

    i = draw(roi_inputs())
    total = i.cogs_rate + i.platform_fee_rate + i.affiliate_rate
    if total < 1:
        return i
    scale = draw(st.floats(min_value=0, max_value=0.99)) / total
    return dataclasses.replace(
        i, cogs_rate=i.cogs_rate * scale, platform_fee_rate=i.platform_fee_rate * scale, affiliate_rate=i.affiliate_rate * scale
    )


# --- cadence -------------------------------------------------------------------


def _cadence():
    from simulators.cadence import CadenceInputs, MixItem

    return CadenceInputs, MixItem


pillars = options_of(_cadence()[1], "pillar")
posts_per_day = number_in(_cadence()[0], "posts_per_day", low=0.01)
saturation_per_day = number_in(_cadence()[0], "saturation_posts_per_day", low=0.01)
# Whole posts in a week, one short of the most the declared rhythm allows (a test compares n with n + 1).
posts_in_a_week = st.integers(1, int(declared(_cadence()[0], "posts_per_day").maximum * 7) - 1)

_MIX_TYPES = ["storytelling", "tutorial", "ugc", "promo", "behind the scenes", "tanya jawab", "unboxing", "resep", "review", "tips"]


@st.composite
def mix_items(draw, min_size=None, max_size=None):
    """A valid cadence mix: distinct type names, pillars, whole weights within the declared range."""
    CadenceInputs, MixItem = _cadence()
    low, high = size_of(CadenceInputs, "mix", at_most=len(_MIX_TYPES))
    names = draw(st.lists(st.sampled_from(_MIX_TYPES), min_size=min_size or low, max_size=max_size or high, unique=True))
    weight = number_in(MixItem, "weight")
    return tuple(MixItem(type=name, pillar=draw(pillars), weight=draw(weight)) for name in names)


@st.composite
def cadence_inputs(draw, max_weeks=None):
    CadenceInputs, _ = _cadence()
    return CadenceInputs(
        posts_per_day=draw(posts_per_day),
        weeks=draw(number_in(CadenceInputs, "weeks", high=max_weeks)),
        minutes_per_video=draw(number_in(CadenceInputs, "minutes_per_video", low=0.1)),
        batch_saving=draw(number_in(CadenceInputs, "batch_saving", high=0.99)),
        hours_per_week=draw(number_in(CadenceInputs, "hours_per_week")),
        views_per_post=draw(number_in(CadenceInputs, "views_per_post")),
        weekly_growth=draw(number_in(CadenceInputs, "weekly_growth")),
        saturation_posts_per_day=draw(number_in(CadenceInputs, "saturation_posts_per_day", low=0.01)),
        start_date=draw(date_in(CadenceInputs, "start_date")),
        mix=draw(mix_items()),
    )


# --- omnichannel -----------------------------------------------------------------


def _omnichannel():
    from simulators.omnichannel import Channel, Link, OmnichannelInputs, Shock

    return Channel, Link, OmnichannelInputs, Shock


visits = number_in(_omnichannel()[0], "traffic", high=1e6)


@st.composite
def omnichannel_inputs(draw, max_channels=5, with_shock=None):
    """Valid omnichannel inputs: 1–``max_channels`` channels, random links, maybe a shock.

    Each channel's outgoing rates are a drawn total (0–1) split by drawn weights,
    so their sum never passes 1. Draws that close a loop (every visitor circles
    forever) are discarded: that refusal has its own tests.
    """
    from hypothesis import assume

    from simulators import InputError

    Channel, Link, OmnichannelInputs, Shock = _omnichannel()
    low, high = size_of(OmnichannelInputs, "channels", at_most=max_channels)
    n = draw(st.integers(min_value=low, max_value=high))
    names = [f"Kanal {i}" for i in range(n)]
    channels = tuple(
        Channel(
            name,
            traffic=draw(visits),
            conversion_rate=draw(number_in(Channel, "conversion_rate")),
            aov=draw(number_in(Channel, "aov", high=1e9)),
            fee_rate=draw(number_in(Channel, "fee_rate")),
        )
        for name in names
    )
    pairs = [(a, b) for a in range(n) for b in range(n) if a != b]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True)) if pairs else []
    targets: dict[int, list[int]] = {}
    for a, b in chosen:
        targets.setdefault(a, []).append(b)
    links = []
    for a, bs in targets.items():
        total = draw(number_in(Link, "rate"))
        weights = [draw(st.floats(min_value=0.01, max_value=1)) for _ in bs]
        links += [Link(names[a], names[b], rate=total * w / sum(weights)) for b, w in zip(bs, weights, strict=True)]
    shocked = draw(st.booleans()) if with_shock is None else with_shock
    shock = Shock(draw(st.sampled_from(names)), traffic_drop=draw(number_in(Shock, "traffic_drop"))) if shocked else None
    try:
        return OmnichannelInputs(channels=channels, links=tuple(links), shock=shock)
    except InputError as error:
        assume(not any("putaran tertutup" in problem.message for problem in error.problems))
        raise


# --- runway ----------------------------------------------------------------------


def horizon_weeks():
    """A week number anywhere in the declared horizon."""
    from simulators.runway import RunwayInputs

    return number_in(RunwayInputs, "horizon_weeks")


@st.composite
def runway_inputs(draw):
    """Valid inputs across the whole allowed range (names unique by construction)."""
    from simulators.runway import RecoveryPlan, RevenueShock, RunwayChannel, RunwayInputs

    low, high = size_of(RunwayInputs, "channels")
    count = draw(st.integers(low, high))
    channels = tuple(RunwayChannel(f"Kanal {n}", draw(number_in(RunwayChannel, "weekly_revenue", high=1e9))) for n in range(count))
    horizon = draw(number_in(RunwayInputs, "horizon_weeks"))
    plan = RecoveryPlan(
        weekly_ad_spend=draw(number_in(RecoveryPlan, "weekly_ad_spend", high=1e9)),
        weekly_content_costs=draw(number_in(RecoveryPlan, "weekly_content_costs", high=1e9)),
        ramp_weeks=draw(number_in(RecoveryPlan, "ramp_weeks")),
        start_week=draw(number_in(RecoveryPlan, "start_week", high=horizon)),
        cpm=draw(number_in(RecoveryPlan, "cpm", low=1, high=1e6)),
        ctr=draw(number_in(RecoveryPlan, "ctr")),
        conversion_rate=draw(number_in(RecoveryPlan, "conversion_rate")),
        aov=draw(number_in(RecoveryPlan, "aov", high=1e9)),
        cogs_rate=draw(number_in(RecoveryPlan, "cogs_rate")),
        platform_fee_rate=draw(number_in(RecoveryPlan, "platform_fee_rate")),
        affiliate_rate=draw(number_in(RecoveryPlan, "affiliate_rate")),
        return_rate=draw(number_in(RecoveryPlan, "return_rate")),
    )
    shock = RevenueShock(
        channel=draw(st.sampled_from([c.name for c in channels])),
        revenue_drop=draw(number_in(RevenueShock, "revenue_drop")),
        weeks=draw(number_in(RevenueShock, "weeks")),
    )
    return RunwayInputs(
        channels=channels,
        gross_margin=draw(number_in(RunwayInputs, "gross_margin")),
        fixed_weekly_costs=draw(number_in(RunwayInputs, "fixed_weekly_costs", high=1e9)),
        cash_on_hand=draw(number_in(RunwayInputs, "cash_on_hand", high=1e9)),
        shock=shock,
        plan=plan,
        horizon_weeks=horizon,
    )


# --- campaign --------------------------------------------------------------------


@st.composite
def campaign_inputs(draw):
    """Valid campaign inputs: shares that add up to 1 and are 0 for a phase without days."""
    from simulators.campaign import CampaignEvent, CampaignInputs

    shares = draw(st.lists(st.integers(0, 100), min_size=3, max_size=3).filter(lambda s: sum(s) > 0))
    total = sum(shares)
    pre_days, post_days = draw(number_in(CampaignInputs, "pre_peak_days")), draw(number_in(CampaignInputs, "post_peak_days"))
    pre, peak, post = (s / total for s in shares)
    if pre_days == 0:
        pre, peak = 0.0, pre + peak
    if post_days == 0:
        peak, post = peak + post, 0.0
    low, high = size_of(CampaignInputs, "events")
    events = draw(st.lists(options_of(CampaignEvent, "event"), min_size=low, max_size=high, unique=True))
    return CampaignInputs(
        start_date=draw(date_in(CampaignInputs, "start_date")),
        total_budget=draw(number_in(CampaignInputs, "total_budget")),
        events=tuple(CampaignEvent(e, draw(number_in(CampaignEvent, "weight", low=0.01))) for e in events),
        pre_peak_share=pre,
        peak_share=max(0.0, 1 - pre - post),
        post_peak_share=post,
        pre_peak_days=pre_days,
        peak_days=draw(number_in(CampaignInputs, "peak_days")),
        post_peak_days=post_days,
        pre_peak_roas=draw(number_in(CampaignInputs, "pre_peak_roas")),
        peak_roas=draw(number_in(CampaignInputs, "peak_roas")),
        post_peak_roas=draw(number_in(CampaignInputs, "post_peak_roas")),
        cogs_rate=draw(number_in(CampaignInputs, "cogs_rate")),
        platform_fee_rate=draw(number_in(CampaignInputs, "platform_fee_rate")),
        affiliate_rate=draw(number_in(CampaignInputs, "affiliate_rate")),
        return_rate=draw(number_in(CampaignInputs, "return_rate")),
        fixed_costs_per_event=draw(number_in(CampaignInputs, "fixed_costs_per_event", high=1e9)),
    )


# --- plan ------------------------------------------------------------------------


def channel_names():
    """Channel names the plan accepts: any printable text up to the declared length, commas and emoji included."""
    from simulators.plan import PlanInputs

    return st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from([",", ";", "\\", "é", "🙂"]),
        min_size=1,
        max_size=declared(PlanInputs, "channels").of.max_length,
    ).filter(lambda s: s.strip())


@st.composite
def plan_inputs(draw):
    from simulators.plan import PlanInputs

    low, high = size_of(PlanInputs, "channels")
    channels = draw(st.lists(channel_names(), min_size=low, max_size=high, unique_by=lambda s: s.strip().casefold()))
    return PlanInputs(
        start_date=draw(date_in(PlanInputs, "start_date")),
        posts_per_day=draw(number_in(PlanInputs, "posts_per_day", low=0.01)),
        channels=tuple(channels),
    )


# --- fees --------------------------------------------------------------------


@st.composite
def platform_choices(draw):
    """A valid platform choice: a tier of that platform, and only programs it runs."""
    from simulators.fee_schedule import CATEGORY_GROUPS, TIERS
    from simulators.fees import PROMO_PROGRAMS, SHIPPING_PROGRAMS, PlatformChoice

    platform = draw(st.sampled_from(sorted(TIERS)))
    promos = ["tidak", *(name for name, by in PROMO_PROGRAMS.items() if platform in by)]
    return PlatformChoice(
        platform,
        draw(st.sampled_from(sorted(TIERS[platform]))),
        draw(st.sampled_from(sorted(CATEGORY_GROUPS))),
        free_shipping=draw(st.sampled_from(["tidak", "ya"] if platform in SHIPPING_PROGRAMS else ["tidak"])),
        promo=draw(st.sampled_from(promos)),
        new_seller=draw(st.sampled_from(["tidak", "ya"])),
    )


@st.composite
def fees_inputs(draw, max_platforms=4):
    """Valid fee inputs on a day every platform of the schedule has a commission.

    Money stays within Rp 10 juta per item and the affiliate at most 50 %, so
    the platform's uncapped fees never take every Rupiah.
    """
    import datetime

    from simulators.fees import FeesInputs

    price = draw(st.floats(min_value=0, max_value=1e7, allow_nan=False))
    return FeesInputs(
        price=price,
        discount=draw(st.floats(min_value=0, max_value=price, allow_nan=False)),
        shipping_subsidy=draw(st.floats(min_value=0, max_value=1e5, allow_nan=False)),
        cogs=draw(st.floats(min_value=0, max_value=1e7, allow_nan=False)),
        packaging=draw(st.floats(min_value=0, max_value=1e5, allow_nan=False)),
        affiliate_rate=draw(st.floats(min_value=0, max_value=0.5, allow_nan=False)),
        items_per_order=draw(st.integers(1, 20)),
        pph22=draw(st.sampled_from(["tidak", "ya"])),
        as_of=draw(st.dates(datetime.date(2026, 1, 1), datetime.date(2030, 12, 31))),
        target_margin=draw(st.floats(min_value=0, max_value=0.5, allow_nan=False)),
        target_profit=draw(st.floats(min_value=0, max_value=1e6, allow_nan=False)),
        platforms=tuple(draw(st.lists(platform_choices(), min_size=1, max_size=max_platforms))),
    )


@st.composite
def platform_fee_choices(draw):
    """A valid platform choice for the models that take one instead of a bare rate, on a day of 2026–2030."""
    import dataclasses
    import datetime

    from simulators.platform_fee import PlatformFeeChoice

    chosen = draw(platform_choices())
    day = draw(st.dates(datetime.date(2026, 1, 1), datetime.date(2030, 12, 31)))
    return PlatformFeeChoice(**{f.name: getattr(chosen, f.name) for f in dataclasses.fields(chosen)}, as_of=day)
