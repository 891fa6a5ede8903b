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
