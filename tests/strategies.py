"""Hypothesis strategies shared by the model tests."""

from hypothesis import strategies as st

rates = st.floats(min_value=0, max_value=1, allow_nan=False)
money = st.floats(min_value=0, max_value=1e9, allow_nan=False)
positive_money = st.floats(min_value=1, max_value=1e9, allow_nan=False)


@st.composite
def roi_inputs(draw):
    from simulators.roi import RoiInputs

    return RoiInputs(
        ad_spend=draw(money),
        cpm=draw(positive_money),
        ctr=draw(rates),
        conversion_rate=draw(rates),
        aov=draw(money),
        cogs_rate=draw(rates),
        platform_fee_rate=draw(rates),
        affiliate_rate=draw(rates),
        return_rate=draw(rates),
        fixed_costs=draw(money),
    )


# --- cadence ---------------------------------------------------------------

pillars = st.sampled_from(["edukasi", "hiburan", "bukti sosial"])
posts_per_day = st.floats(min_value=0.01, max_value=10, allow_nan=False)


@st.composite
def mix_items(draw, min_size=1, max_size=10):
    """A valid cadence mix: distinct type names, pillars, whole weights 1–21."""
    from simulators.cadence import MixItem

    names = draw(
        st.lists(
            st.sampled_from(
                ["storytelling", "tutorial", "ugc", "promo", "behind the scenes", "tanya jawab", "unboxing", "resep", "review", "tips"]
            ),
            min_size=min_size,
            max_size=max_size,
            unique=True,
        )
    )
    return tuple(MixItem(type=name, pillar=draw(pillars), weight=draw(st.integers(1, 21))) for name in names)


@st.composite
def cadence_inputs(draw, max_weeks=52):
    import datetime

    from simulators.cadence import CadenceInputs

    return CadenceInputs(
        posts_per_day=draw(posts_per_day),
        weeks=draw(st.integers(1, max_weeks)),
        minutes_per_video=draw(st.floats(min_value=0.1, max_value=600, allow_nan=False)),
        batch_saving=draw(st.floats(min_value=0, max_value=0.99, allow_nan=False)),
        hours_per_week=draw(st.floats(min_value=0, max_value=168, allow_nan=False)),
        views_per_post=draw(st.floats(min_value=0, max_value=1e9, allow_nan=False)),
        weekly_growth=draw(st.floats(min_value=-0.5, max_value=1, allow_nan=False)),
        saturation_posts_per_day=draw(st.floats(min_value=0.01, max_value=10, allow_nan=False)),
        start_date=draw(st.dates(datetime.date(2000, 1, 1), datetime.date(2100, 12, 31))),
        mix=draw(mix_items()),
    )


# --- omnichannel -------------------------------------------------------------

visits = st.floats(min_value=0, max_value=1e6, allow_nan=False)


@st.composite
def omnichannel_inputs(draw, max_channels=5, with_shock=None):
    """Valid omnichannel inputs: 1–``max_channels`` channels, random links, maybe a shock.

    Each channel's outgoing rates are a drawn total (0–1) split by drawn weights,
    so their sum never passes 1. Draws that close a loop (every visitor circles
    forever) are discarded: that refusal has its own tests.
    """
    from hypothesis import assume

    from simulators import InputError
    from simulators.omnichannel import Channel, Link, OmnichannelInputs, Shock

    n = draw(st.integers(min_value=1, max_value=max_channels))
    names = [f"Kanal {i}" for i in range(n)]
    channels = tuple(
        Channel(name, traffic=draw(visits), conversion_rate=draw(rates), aov=draw(money), fee_rate=draw(rates))
        for name in names
    )
    pairs = [(a, b) for a in range(n) for b in range(n) if a != b]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True)) if pairs else []
    targets: dict[int, list[int]] = {}
    for a, b in chosen:
        targets.setdefault(a, []).append(b)
    links = []
    for a, bs in targets.items():
        total = draw(rates)
        weights = [draw(st.floats(min_value=0.01, max_value=1)) for _ in bs]
        links += [Link(names[a], names[b], rate=total * w / sum(weights)) for b, w in zip(bs, weights)]
    shocked = draw(st.booleans()) if with_shock is None else with_shock
    shock = Shock(draw(st.sampled_from(names)), traffic_drop=draw(rates)) if shocked else None
    try:
        return OmnichannelInputs(channels=channels, links=tuple(links), shock=shock)
    except InputError as error:
        assume(not any("putaran tertutup" in problem.message for problem in error.problems))
        raise


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
