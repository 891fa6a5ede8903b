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
