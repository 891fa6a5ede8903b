import datetime
import math
from dataclasses import replace

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import simulators
from simulators import InputError
from simulators._validate import declared
from simulators.platform_fee import PlatformFeeChoice, PlatformFeeUsed
from simulators.roi import RoiInputs, profit_from_revenue, simulate_roi
from tests.strategies import platform_fee_choices, roi_inputs, roi_inputs_with_a_margin


class TestWorkedExamples:
    def test_defaults(self):
        r = simulate_roi(inputs=RoiInputs())
        # dihitung manual: 2.000.000 / 25.000 × 1.000 = 80.000 tayangan
        assert r.impressions == pytest.approx(80_000)
        # 80.000 × 1,5 % = 1.200 klik; 1.200 × 3 % = 36 pesanan; 36 × 150.000 = 5.400.000
        assert r.clicks == pytest.approx(1_200)
        assert r.orders == pytest.approx(36)
        assert r.revenue == pytest.approx(5_400_000)
        # marjin 1 − 0,40 − 0,08 − 0 = 0,52; disimpan 0,95; 5.400.000 × 0,494 = 2.667.600
        # laba 2.667.600 − 2.000.000 − 250.000 = 417.600
        assert r.profit == pytest.approx(417_600)
        assert r.roas == pytest.approx(2.7)  # 5.400.000 / 2.000.000
        assert r.break_even_roas == pytest.approx(1 / 0.494)  # 2,0243
        assert r.roi == pytest.approx(417_600 / 2_250_000)  # 0,1856
        assert r.cpa == pytest.approx(2_000_000 / 36)  # 55.555,56
        assert r.max_cpa == pytest.approx(74_100)  # 150.000 × 0,494

    def test_losing_campaign(self):
        # CPM 50.000 → 40.000 tayangan, 600 klik, 18 pesanan, omzet 2.700.000
        # laba 2.700.000 × 0,494 − 2.250.000 = 1.333.800 − 2.250.000 = −916.200
        r = simulate_roi(inputs=RoiInputs(cpm=50_000))
        assert r.orders == pytest.approx(18)
        assert r.profit == pytest.approx(-916_200)
        assert r.roas == pytest.approx(1.35)
        assert r.roas < r.break_even_roas


class TestDivisionByZero:
    def test_zero_spend_gives_null_roas(self):
        r = simulate_roi(inputs=RoiInputs(ad_spend=0))
        assert r.roas is None and r.cpa is None
        assert r.profit == pytest.approx(-250_000)

    def test_no_margin_gives_null_break_even(self):
        r = simulate_roi(inputs=RoiInputs(cogs_rate=0.92))  # 1 − 0,92 − 0,08 = 0
        assert r.break_even_roas is None
        assert r.max_cpa == pytest.approx(0, abs=1e-6)

    def test_zero_spend_and_fixed_gives_null_roi(self):
        assert simulate_roi(inputs=RoiInputs(ad_spend=0, fixed_costs=0)).roi is None

    def test_no_orders_gives_null_cpa(self):
        assert simulate_roi(inputs=RoiInputs(ctr=0)).cpa is None


class TestProperties:
    @given(roi_inputs())
    def test_fixed_costs_come_off_profit_one_for_one(self, i):
        # Not the profit formula again: what fixed costs do, seen from outside. Without ad
        # spend there are no orders, so profit is exactly minus the fixed costs; and each
        # Rupiah of fixed costs saved is one Rupiah of profit, whatever the ads do.
        r = simulate_roi(inputs=i)
        assert simulate_roi(inputs=replace(i, ad_spend=0)).profit == -i.fixed_costs
        halved = simulate_roi(inputs=replace(i, fixed_costs=i.fixed_costs / 2)).profit
        assert math.isclose(halved, r.profit + i.fixed_costs / 2, rel_tol=1e-9, abs_tol=1e-3)

    @given(roi_inputs())
    def test_profit_from_revenue_is_the_model_profit(self, i):
        # the helper other models use (campaign: revenue = spend × ROAS) is the very rule of simulate_roi
        r = simulate_roi(inputs=i)
        assert profit_from_revenue(revenue=r.revenue, inputs=i) == r.profit

    @given(roi_inputs_with_a_margin())
    def test_at_break_even_roas_the_ads_pay_for_themselves(self, i):
        # Not from the break-even formula: the model runs again at the CPM that brings its ROAS
        # to the break-even it reported (ROAS falls in step as CPM rises; break-even does not
        # depend on CPM), and its own profit must show the ads earning back exactly what they
        # cost: only the fixed costs are lost.
        r = simulate_roi(inputs=i)
        assume(r.break_even_roas is not None and r.roas)  # returns below 100 %; spend that brings orders
        cpm = i.cpm * r.roas / r.break_even_roas
        # Rupiah amounts from Rp 1 (as the CPM is drawn): fractions of 1e-300 lose their precision
        assume(i.ad_spend >= 1 and 1 <= cpm <= declared(RoiInputs, "cpm").maximum)
        at = simulate_roi(inputs=replace(i, cpm=cpm))
        assert at.break_even_roas == r.break_even_roas
        assert at.roas == pytest.approx(r.break_even_roas, rel=1e-9)
        assert math.isclose(at.profit, -i.fixed_costs, rel_tol=1e-9, abs_tol=1e-9 * at.revenue + 1e-6)

    @given(roi_inputs())
    def test_profit_positive_on_ads_iff_cpa_below_max(self, i):
        r = simulate_roi(inputs=i)
        # what the ads add: the model's profit against the same shop with no ads (-fixed costs)
        ad_profit = r.profit - simulate_roi(inputs=replace(i, ad_spend=0)).profit
        # away from the tie, where rounding may tip either side
        if r.cpa is not None and r.orders > 1e-6 and abs(r.cpa - r.max_cpa) > 1e-6 * max(1, abs(r.max_cpa)):
            assert (ad_profit > 0) == (r.cpa < r.max_cpa)

    @given(roi_inputs(), st.floats(min_value=1.01, max_value=3))
    def test_higher_conversion_never_lowers_profit(self, i, factor):
        if (1 - i.cogs_rate - i.platform_fee_rate - i.affiliate_rate) < 0:
            return  # with a negative margin every extra order loses money: the opposite holds
        better = replace(i, conversion_rate=min(1.0, i.conversion_rate * factor))
        before, after = simulate_roi(inputs=i).profit, simulate_roi(inputs=better).profit
        assert after >= before - 1e-9 * max(1, abs(before))


class TestValidation:
    @pytest.mark.parametrize(
        "field, value, fragment",
        [
            ("cpm", 0, "lebih dari 0"),
            ("ad_spend", -1, "antara 0"),
            ("ctr", 1.5, "antara 0 dan 1"),
            ("aov", float("nan"), "terhingga"),
            ("aov", float("inf"), "terhingga"),
            ("cogs_rate", "0.4", "angka"),
            ("fixed_costs", None, "null"),
            ("return_rate", True, "angka"),
            ("ad_spend", 10**13, "1.000.000.000.000"),
        ],
    )
    def test_bad_value_names_field(self, field, value, fragment):
        with pytest.raises(InputError) as caught:
            RoiInputs(**{field: value})
        (problem,) = caught.value.problems
        assert problem.field == field
        assert fragment in problem.message

    def test_every_problem_reported_at_once(self):
        with pytest.raises(InputError) as caught:
            RoiInputs(cpm=0, ctr=-1, aov="x")
        assert [p.field for p in caught.value.problems] == ["cpm", "ctr", "aov"]


class TestPlatformChoice:
    """A platform in place of the typed rate: its share and fee per order come from the fees model."""

    SHOPEE = PlatformFeeChoice("shopee", "star", "fashion", as_of=datetime.date(2026, 3, 1))

    def test_shopee_star_worked_example(self):
        r = simulate_roi(inputs=RoiInputs(platform=self.SHOPEE))
        # Shopee Star, fashion, Maret 2026: komisi 9 % (Katadata, 9 Desember 2025), biaya proses Rp 1.250
        # per pesanan (Fortune IDN, 5 Agustus 2025). 36 pesanan, omzet 5.400.000 seperti bawaan.
        # marjin 1 − 0,40 − 0,09 − 0 = 0,51; × 0,95 = 0,4845; 5.400.000 × 0,4845 = 2.616.300
        # laba 2.616.300 − 36 × 1.250 − 2.000.000 − 250.000 = 321.300
        assert r.profit == pytest.approx(321_300)
        # ROAS impas 1 / (0,4845 − 1.250 / 150.000) = 1 / 0,476167 = 2,1001
        assert r.break_even_roas == pytest.approx(1 / (0.4845 - 1250 / 150_000))
        # CPA maksimum 150.000 × 0,4845 − 1.250 = 71.425
        assert r.max_cpa == pytest.approx(71_425)
        assert r.platform_fee == PlatformFeeUsed("Shopee Star", 150_000.0, 0.09, 1250.0, datetime.date(2026, 3, 1))

    def test_cap_applies_at_the_order_value(self):
        # TikTok Shop fashion + Xtra Boost, pesanan Rp 2.000.000: (200.000 + min(70.000, 60.000)) / 2.000.000 = 13 %
        tiktok = PlatformFeeChoice("tiktok-shop", "marketplace", "fashion", promo="hari-biasa", as_of=datetime.date(2026, 3, 1))
        r = simulate_roi(inputs=RoiInputs(aov=2_000_000, platform=tiktok))
        assert r.platform_fee.rate == pytest.approx(0.13)
        # 36 pesanan × 2.000.000 = 72.000.000; × 0,95 × (1 − 0,40 − 0,13) = 32.148.000; − 45.000 − 2.250.000
        assert r.profit == pytest.approx(32_148_000 - 45_000 - 2_250_000)

    def test_platform_wins_over_a_typed_rate(self):
        both = simulate_roi(inputs=RoiInputs(platform_fee_rate=0.2, platform=self.SHOPEE))
        assert both == simulate_roi(inputs=RoiInputs(platform=self.SHOPEE))
        # the typed rate is kept as given (switching the platform off brings it back)
        document = simulators.run("roi", {"platform_fee_rate": 0.2, "platform": {"platform": "shopee", "tier": "star", "category": "fashion", "as_of": "2026-03-01"}})
        assert document["inputs"]["platform_fee_rate"] == 0.2
        assert document["outputs"]["platform_fee"]["rate"] == 0.09

    def test_without_platform_the_document_is_as_before(self):
        document = simulators.run("roi", {})
        assert "platform" not in document["inputs"] and "platform_fee" not in document["outputs"]

    @given(roi_inputs(), platform_fee_choices())
    def test_platform_equals_its_rate_and_order_fee_by_hand(self, inputs, chosen):
        assume(inputs.aov > 0)
        chosen_result = simulate_roi(inputs=replace(inputs, platform=chosen))
        rate, per_order = chosen_result.platform_fee.rate, chosen_result.platform_fee.per_order
        by_hand = simulate_roi(inputs=replace(inputs, platform_fee_rate=min(rate, 1.0)))
        # the same campaign with the platform's share typed in, then its fee on every order
        assert chosen_result.orders == by_hand.orders and chosen_result.revenue == by_hand.revenue
        scale = max(1.0, by_hand.revenue, inputs.ad_spend + inputs.fixed_costs)
        assert chosen_result.profit == pytest.approx(by_hand.profit - by_hand.orders * per_order, rel=1e-9, abs=1e-6 * scale)
        assert chosen_result.max_cpa == pytest.approx(by_hand.max_cpa - per_order, rel=1e-9, abs=1e-6)
        if per_order == 0:
            assert chosen_result.break_even_roas == by_hand.break_even_roas
