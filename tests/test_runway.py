import datetime
import math
from dataclasses import replace

import pytest
from hypothesis import given, settings

import simulators
from simulators import InputError
from simulators.platform_fee import PlatformFeeChoice
from simulators.roi import simulate_roi
from simulators.runway import (
    RecoveryPlan,
    RevenueShock,
    RunwayChannel,
    RunwayInputs,
    simulate_runway,
)
from tests.strategies import horizon_weeks, runway_inputs

# On a busy 2-core machine an example can pass hypothesis's 200 ms deadline
# without anything being wrong; the properties are about values, not speed.
no_deadline = settings(deadline=None)


def sim(**changes):
    return simulate_runway(inputs=RunwayInputs(**changes))


def problems_of(payload):
    with pytest.raises(InputError) as caught:
        simulators.run("runway", payload)
    return [(p.field, p.message) for p in caught.value.problems]


NO_PLAN = RecoveryPlan(weekly_ad_spend=0, weekly_content_costs=0)


class TestWorkedExamples:
    def test_defaults_before_and_during_the_shock(self):
        r = sim()
        # omzet sebelum guncangan 7.000.000 + 2.000.000 + 1.000.000 = 10.000.000
        assert r.revenue_before_shock == 10_000_000
        # laba 10.000.000 × 0,5 − 3.500.000 = 1.500.000 per minggu
        assert r.profit_before_shock == 1_500_000
        # Live turun 50 %: 7.000.000 × 0,5 = 3.500.000 hilang; sisa 6.500.000
        assert r.revenue_lost_per_week == 3_500_000
        assert r.weekly[0].revenue_without_plan == 6_500_000
        # 6.500.000 × 0,5 − 3.500.000 = −250.000 per minggu selama 8 minggu
        assert [w.profit_without_plan for w in r.weekly] == [-250_000] * 8 + [1_500_000] * 4

    def test_defaults_cash_without_plan(self):
        r = sim()
        # kas 1.500.000 − 250.000 per minggu: 1.250.000, 1.000.000, … , 0 di minggu 6, −250.000 di minggu 7
        # minggu 9 guncangan selesai: −500.000 + 1.500.000 = 1.000.000, lalu +1.500.000 per minggu
        assert [w.cash_without_plan for w in r.weekly] == [
            1_250_000, 1_000_000, 750_000, 500_000, 250_000, 0,
            -250_000, -500_000, 1_000_000, 2_500_000, 4_000_000, 5_500_000,
        ]
        assert r.runway_weeks_without_plan == 7  # minggu pertama kas < 0 (kas 0 di minggu 6 belum negatif)
        assert (r.lowest_cash_without_plan, r.lowest_cash_week_without_plan) == (-500_000, 8)
        assert r.break_even_week_without_plan == 9  # laba ≥ 0 lagi saat guncangan selesai

    def test_defaults_plan_at_full_size_is_the_roi_model(self):
        full = sim().plan_at_full_size
        # iklan 1.500.000 / CPM 25.000 × 1.000 = 60.000 tayangan; × 1,5 % = 900 klik; × 3 % = 27 pesanan
        # 27 × 150.000 = 4.050.000 omzet; × 0,95 × 0,52 = 2.000.700; − 1.500.000 − 150.000 = 350.700
        assert full.revenue == pytest.approx(4_050_000)
        assert full.profit == pytest.approx(350_700)

    def test_defaults_cash_with_plan(self):
        r = sim()
        # ukuran rencana: 1/4, 2/4, 3/4, lalu penuh (ramp 4 minggu mulai minggu 1)
        # laba rencana 87.675, 175.350, 263.025, lalu 350.700 (= 350.700 × ukuran)
        assert [w.plan_profit for w in r.weekly[:5]] == pytest.approx([87_675, 175_350, 263_025, 350_700, 350_700])
        assert [w.plan_ad_spend for w in r.weekly[:4]] == pytest.approx([375_000, 750_000, 1_125_000, 1_500_000])
        assert [w.recovered_revenue for w in r.weekly[:4]] == pytest.approx([1_012_500, 2_025_000, 3_037_500, 4_050_000])
        # laba dengan rencana: −250.000 + 87.675 = −162.325; −74.650; +13.025; lalu +100.700
        assert [w.profit_with_plan for w in r.weekly[:4]] == pytest.approx([-162_325, -74_650, 13_025, 100_700])
        # kas: 1.500.000 − 162.325 = 1.337.675; − 74.650 = 1.263.025; + 13.025 = 1.276.050; + 100.700 = 1.376.750
        assert [w.cash_with_plan for w in r.weekly[:4]] == pytest.approx([1_337_675, 1_263_025, 1_276_050, 1_376_750])
        assert r.runway_weeks_with_plan is None
        assert r.lowest_cash_with_plan == pytest.approx(1_263_025)
        assert r.lowest_cash_week_with_plan == 2
        assert r.break_even_week_with_plan == 3

    def test_defaults_totals(self):
        r = sim()
        # omzet tanpa rencana 8 × 6.500.000 + 4 × 10.000.000 = 92.000.000
        assert r.total_revenue_without_plan == 92_000_000
        # omzet rencana: 4.050.000 × (0,25 + 0,5 + 0,75 + 9 × 1) = 4.050.000 × 10,5 = 42.525.000
        assert r.total_recovered_revenue == pytest.approx(42_525_000)
        assert r.total_revenue_with_plan == pytest.approx(134_525_000)
        assert r.total_plan_ad_spend == pytest.approx(15_750_000)  # 1.500.000 × 10,5
        assert r.total_plan_profit == pytest.approx(3_682_350)  # 350.700 × 10,5
        # laba tanpa rencana 8 × −250.000 + 4 × 1.500.000 = 4.000.000
        assert r.total_profit_without_plan == 4_000_000
        assert r.total_profit_with_plan == pytest.approx(7_682_350)
        assert r.final_cash_without_plan == 5_500_000  # 1.500.000 + 4.000.000
        assert r.final_cash_with_plan == pytest.approx(9_182_350)  # 1.500.000 + 7.682.350

    def test_no_ramp_full_size_from_the_start_week(self):
        r = sim(plan=RecoveryPlan(ramp_weeks=0, start_week=3))
        # minggu 1–2 belum ada rencana; minggu 3 langsung penuh: 350.700
        assert [w.plan_profit for w in r.weekly[:4]] == pytest.approx([0, 0, 350_700, 350_700])
        # kas: 1.250.000, 1.000.000, lalu 1.000.000 + 100.700 = 1.100.700
        assert [w.cash_with_plan for w in r.weekly[:3]] == pytest.approx([1_250_000, 1_000_000, 1_100_700])
        assert r.break_even_week_with_plan == 3

    def test_late_ramp_is_measured_from_the_start_week(self):
        r = sim(plan=RecoveryPlan(ramp_weeks=2, start_week=5))
        # minggu 5: 1/2 ukuran, minggu 6: penuh
        assert [w.plan_ad_spend for w in r.weekly[3:7]] == pytest.approx([0, 750_000, 1_500_000, 1_500_000])

    def test_a_losing_plan_shortens_the_runway(self):
        # CPM 50.000: 30.000 tayangan, 450 klik, 13,5 pesanan, omzet 2.025.000
        # laba 2.025.000 × 0,494 − 1.650.000 = 1.000.350 − 1.650.000 = −649.650 per minggu penuh
        r = sim(plan=RecoveryPlan(cpm=50_000, ramp_weeks=0))
        assert r.plan_at_full_size.profit == pytest.approx(-649_650)
        # kas: 1.500.000 − 250.000 − 649.650 = 600.350; lalu 600.350 − 899.650 = −299.300 di minggu 2
        assert r.weekly[0].cash_with_plan == pytest.approx(600_350)
        assert r.runway_weeks_with_plan == 2
        assert r.runway_weeks_without_plan == 7

    def test_shock_longer_than_horizon_lasts_the_whole_horizon(self):
        r = sim(shock=RevenueShock(weeks=52), horizon_weeks=4, plan=NO_PLAN)
        assert [w.profit_without_plan for w in r.weekly] == [-250_000] * 4
        assert r.break_even_week_without_plan is None  # rugi sampai akhir horizon
        assert r.runway_weeks_without_plan is None  # kas 1.500.000 − 4 × 250.000 = 500.000 masih ≥ 0

    def test_mild_shock_never_loses_money(self):
        # turun 20 %: 10.000.000 − 1.400.000 = 8.600.000; × 0,5 − 3.500.000 = 800.000 > 0
        r = sim(shock=RevenueShock(revenue_drop=0.2), plan=NO_PLAN)
        assert r.weekly[0].profit_without_plan == 800_000
        assert r.break_even_week_without_plan == 1  # tidak pernah rugi
        assert (r.lowest_cash_without_plan, r.lowest_cash_week_without_plan) == (2_300_000, 1)

    def test_shock_on_another_channel(self):
        # Marketplace turun 100 %: 10.000.000 − 2.000.000 = 8.000.000 → laba 500.000
        r = sim(shock=RevenueShock(channel="Marketplace", revenue_drop=1), plan=NO_PLAN)
        assert r.revenue_lost_per_week == 2_000_000
        assert r.weekly[0].profit_without_plan == 500_000

    def test_shock_without_channel_hits_the_first(self):
        inputs = RunwayInputs(channels=(RunwayChannel("Toko A", 1_000_000), RunwayChannel("Toko B", 500_000)))
        assert inputs.shock.channel == "Toko A"
        assert simulators.run("runway", {"channels": [{"name": "X", "weekly_revenue": 1}]})["inputs"]["shock"]["channel"] == "X"

    def test_zero_plan_changes_nothing(self):
        r = sim(plan=NO_PLAN)
        assert all(w.cash_with_plan == w.cash_without_plan for w in r.weekly)
        assert r.runway_weeks_with_plan == r.runway_weeks_without_plan == 7


class TestProperties:
    @no_deadline
    @given(runway_inputs())
    def test_cash_identity_week_to_week(self, i):
        r = simulate_runway(inputs=i)
        assert len(r.weekly) == i.horizon_weeks
        before_without = before_with = i.cash_on_hand
        for w in r.weekly:
            scale = max(1.0, abs(before_with), abs(w.profit_with_plan))
            assert math.isclose(w.cash_without_plan, before_without + w.profit_without_plan, rel_tol=1e-12, abs_tol=1e-6 * scale)
            assert math.isclose(w.cash_with_plan, before_with + w.profit_with_plan, rel_tol=1e-12, abs_tol=1e-6 * scale)
            assert w.profit_with_plan == w.profit_without_plan + w.plan_profit
            assert w.revenue_with_plan == w.revenue_without_plan + w.recovered_revenue
            before_without, before_with = w.cash_without_plan, w.cash_with_plan

    @no_deadline
    @given(runway_inputs())
    def test_runway_never_shorter_with_a_profitable_plan(self, i):
        r = simulate_runway(inputs=i)
        if r.plan_at_full_size.profit >= 0:
            assert all(w.cash_with_plan >= w.cash_without_plan for w in r.weekly)
            if r.runway_weeks_with_plan is not None:
                assert r.runway_weeks_without_plan is not None
                assert r.runway_weeks_with_plan >= r.runway_weeks_without_plan

    @no_deadline
    @given(runway_inputs())
    def test_runway_is_the_first_negative_week_and_lowest_is_the_minimum(self, i):
        r = simulate_runway(inputs=i)
        cash = [w.cash_with_plan for w in r.weekly]
        negative = [k for k, c in enumerate(cash, start=1) if c < 0]
        assert r.runway_weeks_with_plan == (negative[0] if negative else None)
        assert r.lowest_cash_with_plan == min(cash)
        assert cash[r.lowest_cash_week_with_plan - 1] == min(cash)
        assert all(c > min(cash) for c in cash[: r.lowest_cash_week_with_plan - 1])

    @no_deadline
    @given(runway_inputs(), horizon_weeks())
    def test_each_plan_week_is_the_roi_model_at_that_size(self, i, week):
        # the ROI model is linear in ad_spend and fixed_costs: the week at size s equals
        # simulate_roi with s × the spend and s × the costs
        r = simulate_runway(inputs=i)
        if week > len(r.weekly):
            return
        row = r.weekly[week - 1]
        full = i.plan.roi_inputs()
        # A subnormal spend (5e-324) loses the week's size to underflow (5e-324 × 0,5 = 0): nothing to read back.
        size = row.plan_ad_spend / full.ad_spend if full.ad_spend > 1e-300 else None
        if size is None:
            return
        scaled = simulate_roi(inputs=replace(full, ad_spend=full.ad_spend * size, fixed_costs=full.fixed_costs * size))
        assert math.isclose(row.plan_profit, scaled.profit, rel_tol=1e-9, abs_tol=1e-6 * max(1, full.ad_spend, full.fixed_costs, scaled.revenue))
        assert math.isclose(row.recovered_revenue, scaled.revenue, rel_tol=1e-9, abs_tol=1e-6)

    @no_deadline
    @given(runway_inputs())
    def test_break_even_week_has_profit_after_a_loss(self, i):
        r = simulate_runway(inputs=i)
        profits = [w.profit_with_plan for w in r.weekly]
        week = r.break_even_week_with_plan
        if all(p >= 0 for p in profits):
            assert week == 1
        elif week is None:
            first_loss = next(k for k, p in enumerate(profits) if p < 0)
            assert all(p < 0 for p in profits[first_loss:])
        else:
            assert profits[week - 1] >= 0 and profits[week - 2] < 0


class TestValidation:
    def test_unknown_shock_channel(self):
        assert problems_of({"shock": {"channel": "Shopee"}}) == [
            ("shock.channel", "kanal tidak dikenal: 'Shopee'; pilih salah satu: TikTok Shop (Live), Marketplace, Instagram")
        ]

    def test_more_than_twelve_channels(self):
        channels = [{"name": f"K{n}", "weekly_revenue": 1} for n in range(13)]
        assert problems_of({"channels": channels}) == [("channels", "harus berisi 1–12 kanal (sekarang 13)")]

    def test_no_channels(self):
        assert problems_of({"channels": []}) == [("channels", "harus berisi 1–12 kanal (sekarang 0)")]

    def test_name_over_forty_characters(self):
        name = "x" * 41
        assert problems_of({"channels": [{"name": name, "weekly_revenue": 1}]}) == [
            ("channels.0.name", "paling banyak 40 karakter (sekarang 41)")
        ]

    def test_duplicate_names(self):
        channels = [{"name": "Toko", "weekly_revenue": 1}, {"name": "toko", "weekly_revenue": 2}]
        assert problems_of({"channels": channels}) == [
            ("channels.1.name", "nama kanal 'toko' sudah dipakai di channels.0; nama harus unik")
        ]

    def test_horizon_over_52_weeks(self):
        assert problems_of({"horizon_weeks": 53}) == [("horizon_weeks", "harus antara 1 dan 52, bilangan bulat")]

    def test_plan_starting_after_the_horizon(self):
        assert problems_of({"horizon_weeks": 4, "plan": {"start_week": 5}}) == [
            ("plan.start_week", "harus paling besar horizon_weeks (4): rencana yang mulai sesudah horizon tidak terlihat")
        ]

    @pytest.mark.parametrize(
        "payload, field, fragment",
        [
            ({"gross_margin": float("nan")}, "gross_margin", "terhingga"),
            ({"cash_on_hand": "1500000"}, "cash_on_hand", "harus berupa angka"),
            ({"fixed_weekly_costs": None}, "fixed_weekly_costs", "bukan null"),
            ({"shock": {"revenue_drop": 1.5}}, "shock.revenue_drop", "antara 0 dan 1"),
            ({"shock": {"weeks": 2.5}}, "shock.weeks", "bilangan bulat"),
            ({"shock": {"weeks": 0}}, "shock.weeks", "antara 1 dan 52"),
            ({"plan": {"cpm": 0}}, "plan.cpm", "lebih dari 0"),
            ({"plan": {"ramp_weeks": -1}}, "plan.ramp_weeks", "antara 0 dan 52"),
            ({"plan": None}, "plan", "bukan null"),
            ({"shock": None}, "shock", "bukan null"),
            ({"shock": [1]}, "shock", "objek JSON"),
            ({"budget": 1}, "budget", "kolom tidak dikenal"),
            ({"plan": {"roas": 3}}, "plan.roas", "kolom tidak dikenal"),
            ({"channels": [{"name": "A"}]}, "channels.0.weekly_revenue", "wajib diisi"),
            ({"channels": "TikTok"}, "channels", "daftar"),
            ({"channels": [{"name": "A", "weekly_revenue": 1e999}]}, "channels.0.weekly_revenue", "terhingga"),
        ],
    )
    def test_bad_value_names_field(self, payload, field, fragment):
        found = problems_of(payload)
        assert [f for f, _ in found] == [field]
        assert fragment in found[0][1]

    def test_every_problem_reported_at_once(self):
        found = problems_of({"gross_margin": 2, "shock": {"revenue_drop": -1, "x": 1}, "plan": {"ctr": 2}, "horizon_weeks": 0})
        assert sorted(f for f, _ in found) == ["gross_margin", "horizon_weeks", "plan.ctr", "shock.revenue_drop", "shock.x"]

    def test_broken_channel_list_does_not_make_the_shock_channel_unknown(self):
        # the reader's channel "A" is fine; only B's unknown key is wrong. The shock must not be
        # checked against the default channels (where "A" does not exist).
        payload = {
            "channels": [{"name": "A", "weekly_revenue": 1}, {"name": "B", "weekly_revenue": -5, "omzet": 1}],
            "shock": {"channel": "A"},
        }
        assert sorted(f for f, _ in problems_of(payload)) == ["channels.1.omzet", "channels.1.weekly_revenue"]

    def test_python_api_raises_with_paths(self):
        with pytest.raises(InputError) as caught:
            RunwayInputs(shock=RevenueShock(revenue_drop=2), plan=RecoveryPlan(start_week=0))
        assert [p.field for p in caught.value.problems] == ["shock.revenue_drop", "plan.start_week"]


class TestPlatformChoice:
    """The plan's channel as a platform: the ROI model takes its fees from the fees model."""

    SHOPEE = PlatformFeeChoice("shopee", "star", "fashion", as_of=datetime.date(2026, 3, 1))

    def test_plan_on_shopee_worked_example(self):
        r = simulate_runway(inputs=RunwayInputs(plan=RecoveryPlan(platform=self.SHOPEE)))
        # seminggu penuh: 1.500.000 / 25.000 × 1.000 = 60.000 tayangan, 900 klik, 27 pesanan, omzet 4.050.000
        # Shopee Star fashion: 9 % dan Rp 1.250 per pesanan → 4.050.000 × 0,95 × 0,51 = 1.962.225
        # laba 1.962.225 − 27 × 1.250 − 1.500.000 − 150.000 = 278.475 (dengan 8 % tadi 350.700)
        assert r.plan_at_full_size.profit == pytest.approx(278_475)
        assert r.plan_at_full_size.platform_fee.label == "Shopee Star"
        # minggu 1 berjalan 1/4 ukuran: laba tanpa rencana −250.000 + 278.475 / 4
        assert r.weekly[0].profit_with_plan == pytest.approx(-250_000 + 278_475 / 4)

    def test_plan_platform_is_the_roi_platform(self):
        plan = RecoveryPlan(platform=self.SHOPEE, platform_fee_rate=0.3)
        assert simulate_runway(inputs=RunwayInputs(plan=plan)).plan_at_full_size == simulate_roi(inputs=plan.roi_inputs())
        assert plan.roi_inputs().platform == self.SHOPEE

    def test_plan_platform_needs_an_order_value(self):
        with pytest.raises(InputError) as caught:
            simulators.run("runway", {"plan": {"aov": 0, "platform": {"platform": "lazada", "tier": "lazmall", "category": "fmcg"}}})
        assert [p.field for p in caught.value.problems] == ["plan.aov"]

    def test_without_platform_the_document_is_as_before(self):
        document = simulators.run("runway", {})
        assert "platform" not in document["inputs"]["plan"] and "platform_fee" not in document["outputs"]["plan_at_full_size"]
