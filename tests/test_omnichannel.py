import datetime
import json
import math
from dataclasses import replace

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import simulators
from simulators import InputError
from simulators._validate import to_jsonable
from simulators.omnichannel import Channel, Link, OmnichannelInputs, Shock, simulate_omnichannel
from simulators.platform_fee import PlatformFeeChoice
from tests.strategies import omnichannel_inputs, platform_fee_choices

# Each example solves up to 7 small systems; on a busy 2-core machine that can pass
# hypothesis's 200 ms deadline without anything being wrong.
no_deadline = settings(deadline=None)


def three_channels(**shock):
    """The hand-worked example below.

    A: 1.000 kunjungan, konversi 20 %, AOV 100.000, biaya 10 %
    B:   500 kunjungan, konversi 20 %, AOV  80.000, biaya 5 %
    C:   100 kunjungan, konversi 50 %, AOV  40.000, tanpa biaya
    Tautan A→B 0,625; B→A 0,5; B→C 0,25.
    """
    return OmnichannelInputs(
        channels=(
            Channel("A", traffic=1000, conversion_rate=0.2, aov=100_000, fee_rate=0.10),
            Channel("B", traffic=500, conversion_rate=0.2, aov=80_000, fee_rate=0.05),
            Channel("C", traffic=100, conversion_rate=0.5, aov=40_000, fee_rate=0.0),
        ),
        links=(Link("A", "B", rate=0.625), Link("B", "A", rate=0.5), Link("B", "C", rate=0.25)),
        shock=Shock("A", traffic_drop=0.5) if shock else None,
    )


def residuals(i, visits):
    """v_j − t_j − Σ_i v_i (1 − c_i) L_ij for every channel j (0 when the equation holds)."""
    index = {c.name: k for k, c in enumerate(i.channels)}
    inflow = [0.0] * len(i.channels)
    for link in i.links:
        a = index[link.source]
        inflow[index[link.target]] += visits[a] * (1 - i.channels[a].conversion_rate) * link.rate
    return [v - c.traffic - f for v, c, f in zip(visits, i.channels, inflow, strict=True)]


def without(i, k):
    """The inputs with channel k gone: no channel, no link touching it, no shock."""
    gone = i.channels[k].name
    return OmnichannelInputs(
        channels=tuple(c for c in i.channels if c.name != gone),
        links=tuple(link for link in i.links if gone not in (link.source, link.target)),
        shock=None,
    )


def tol(values):
    """Rounding allowance: a billionth of the largest magnitude around."""
    return 1e-9 * max([1.0, *map(abs, values)])


class TestWorkedExample:
    # Dikerjakan manual. M_ij = (1 − c_i) × L_ij:
    #   M_AB = 0,8 × 0,625 = 0,5;  M_BA = 0,8 × 0,5 = 0,4;  M_BC = 0,8 × 0,25 = 0,2
    # Persamaan:
    #   v_A = 1000 + 0,4 v_B
    #   v_B =  500 + 0,5 v_A
    #   v_C =  100 + 0,2 v_B
    # Substitusi v_B ke v_A: v_A = 1000 + 0,4 × 500 + 0,2 v_A → 0,8 v_A = 1200 → v_A = 1500
    #   v_B = 500 + 750 = 1250;  v_C = 100 + 250 = 350

    def test_visits_solve_the_system(self):
        r = simulate_omnichannel(inputs=three_channels())
        assert [c.visits for c in r.channels] == pytest.approx([1500, 1250, 350])
        assert r.total_visits == pytest.approx(3100)  # 1500 + 1250 + 350

    def test_orders_and_revenue(self):
        r = simulate_omnichannel(inputs=three_channels())
        # pesanan: 1500 × 0,2 = 300; 1250 × 0,2 = 250; 350 × 0,5 = 175
        assert [c.orders for c in r.channels] == pytest.approx([300, 250, 175])
        # omzet: 300 × 100.000 = 30 jt; 250 × 80.000 = 20 jt; 175 × 40.000 = 7 jt
        assert [c.revenue for c in r.channels] == pytest.approx([30e6, 20e6, 7e6])
        # bersih: 30 jt × 0,9 = 27 jt; 20 jt × 0,95 = 19 jt; 7 jt × 1 = 7 jt
        assert [c.net_revenue for c in r.channels] == pytest.approx([27e6, 19e6, 7e6])
        assert r.total_orders == pytest.approx(725)
        assert r.total_revenue == pytest.approx(57e6)
        assert r.total_net_revenue == pytest.approx(53e6)

    def test_shares_and_hhi(self):
        r = simulate_omnichannel(inputs=three_channels())
        # pangsa: 27/53, 19/53, 7/53
        assert [c.share for c in r.channels] == pytest.approx([27 / 53, 19 / 53, 7 / 53])
        # HHI = (27² + 19² + 7²) / 53² = (729 + 361 + 49) / 2809 = 1139 / 2809 ≈ 0,4055
        assert r.hhi == pytest.approx(1139 / 2809)

    def test_dependency(self):
        r = simulate_omnichannel(inputs=three_channels())
        # tanpa A (dan tautan A→B, B→A): v_B = 500, v_C = 100 + 0,2 × 500 = 200
        #   bersih B = 500 × 0,2 × 80.000 × 0,95 = 7,6 jt; C = 200 × 0,5 × 40.000 = 4 jt
        #   hilang = 1 − 11,6 / 53 = 41,4 / 53 ≈ 0,781
        # tanpa B (semua tautan menyentuh B): v_A = 1000, v_C = 100
        #   bersih A = 1000 × 0,2 × 100.000 × 0,9 = 18 jt; C = 100 × 0,5 × 40.000 = 2 jt
        #   hilang = 1 − 20 / 53 = 33 / 53 ≈ 0,623
        # tanpa C (tautan B→C hilang, A dan B tetap 1500 dan 1250): hilang = 7 / 53 ≈ 0,132
        assert [d.name for d in r.dependency] == ["A", "B", "C"]
        assert [d.revenue_lost_share for d in r.dependency] == pytest.approx([41.4 / 53, 33 / 53, 7 / 53])

    def test_shock(self):
        r = simulate_omnichannel(inputs=three_channels(shock=True))
        s = r.shocked
        # t_A = 1000 × (1 − 0,5) = 500: 0,8 v_A = 500 + 0,4 × 500 = 700 → v_A = 875
        #   v_B = 500 + 0,5 × 875 = 937,5; v_C = 100 + 0,2 × 937,5 = 287,5
        assert [c.visits for c in s.channels] == pytest.approx([875, 937.5, 287.5])
        assert s.total_visits == pytest.approx(2100)
        # pesanan 175 + 187,5 + 143,75 = 506,25; omzet 17,5 jt + 15 jt + 5,75 jt = 38,25 jt
        assert s.total_orders == pytest.approx(506.25)
        assert s.total_revenue == pytest.approx(38.25e6)
        # bersih 15,75 jt + 14,25 jt + 5,75 jt = 35,75 jt; berubah 35,75 − 53 = −17,25 jt
        assert [c.net_revenue for c in s.channels] == pytest.approx([15.75e6, 14.25e6, 5.75e6])
        assert s.total_net_revenue == pytest.approx(35.75e6)
        assert s.net_revenue_change == pytest.approx(-17.25e6)
        assert s.net_revenue_change_share == pytest.approx(-17.25 / 53)
        assert (s.channel, s.traffic_drop) == ("A", 0.5)

    def test_leaky_loop_is_solved(self):
        # A ⇄ B dengan rate 0,9 dan konversi 0: 10 % pergi di tiap putaran.
        # v_A = 190 + 0,9 v_B; v_B = 0,9 v_A → v_A = 190 / (1 − 0,81) = 1000, v_B = 900
        i = OmnichannelInputs(
            channels=(Channel("A", 190, 0, 1, 0), Channel("B", 0, 0, 1, 0)),
            links=(Link("A", "B", 0.9), Link("B", "A", 0.9)),
            shock=None,
        )
        r = simulate_omnichannel(inputs=i)
        assert [c.visits for c in r.channels] == pytest.approx([1000, 900])

    def test_default_numbers(self):
        r = simulate_omnichannel(inputs=OmnichannelInputs())
        # v_I = 1500 + 0,98 × 0,05 v_T = 1500 + 0,049 v_T
        # v_T = 6000 + 0,99 × 0,05 v_I = 6000 + 0,0495 v_I
        #     = 6000 + 74,25 + 0,0024255 v_T → v_T = 6074,25 / 0,9975745 ≈ 6089,02
        v_t = 6074.25 / 0.9975745
        v_i = 1500 + 0.049 * v_t  # ≈ 1798,36
        v_m = 3000 + 0.98 * 0.15 * v_t + 0.99 * 0.10 * v_i  # ≈ 4073,12
        v_o = 300 + 0.97 * 0.01 * v_m  # ≈ 339,51
        assert [c.visits for c in r.channels] == pytest.approx([v_t, v_m, v_i, v_o])
        # bersih: T v_t × 0,02 × 120.000 × 0,92; M v_m × 0,03 × 130.000 × 0,9; I × 0,01 × 140.000; O × 0,25 × 110.000
        net = [v_t * 2208, v_m * 3510, v_i * 1400, v_o * 27500]
        assert r.total_net_revenue == pytest.approx(sum(net))  # ≈ Rp 39,6 juta
        assert r.hhi == pytest.approx(sum((n / sum(net)) ** 2 for n in net))  # ≈ 0,305


class TestZeroCases:
    def test_no_links_visits_equal_traffic(self):
        r = simulate_omnichannel(inputs=replace(three_channels(), links=()))
        assert [c.visits for c in r.channels] == [1000, 500, 100]

    def test_no_net_revenue_gives_null_shares(self):
        i = OmnichannelInputs(channels=(Channel("A", 100, 0, 50_000, 0), Channel("B", 0, 0.5, 1, 0)), links=(), shock=Shock("A", 1))
        r = simulate_omnichannel(inputs=i)
        assert r.total_net_revenue == 0
        assert [c.share for c in r.channels] == [None, None]
        assert r.hhi is None
        assert [d.revenue_lost_share for d in r.dependency] == [None, None]
        assert r.shocked.net_revenue_change == 0 and r.shocked.net_revenue_change_share is None

    def test_full_fee_gives_null_shares_but_revenue(self):
        r = simulate_omnichannel(inputs=OmnichannelInputs(channels=(Channel("A", 100, 0.1, 1000, 1),), links=(), shock=None))
        assert r.total_revenue == pytest.approx(10_000)  # 100 × 0,1 × 1.000
        assert r.total_net_revenue == 0 and r.hhi is None

    def test_single_channel_carries_everything(self):
        r = simulate_omnichannel(inputs=OmnichannelInputs(channels=(Channel("A", 100, 0.1, 1000, 0),), links=(), shock=None))
        assert r.hhi == 1.0 and r.channels[0].share == 1.0
        assert r.dependency[0].revenue_lost_share == 1.0

    def test_no_shock_gives_null_shocked(self):
        assert simulate_omnichannel(inputs=three_channels()).shocked is None


class TestConservation:
    @no_deadline
    @given(omnichannel_inputs())
    def test_equation_holds(self, i):
        v = [c.visits for c in simulate_omnichannel(inputs=i).channels]
        assert all(abs(r) <= tol(v) for r in residuals(i, v))

    @no_deadline
    @given(omnichannel_inputs())
    def test_visits_at_least_outside_traffic(self, i):
        r = simulate_omnichannel(inputs=i)
        v = [c.visits for c in r.channels]
        assert all(c.visits >= t.traffic - tol(v) for c, t in zip(r.channels, i.channels, strict=True))
        assert r.total_visits >= sum(c.traffic for c in i.channels) - tol(v)

    @no_deadline
    @given(omnichannel_inputs())
    def test_without_links_visits_equal_traffic(self, i):
        r = simulate_omnichannel(inputs=replace(i, links=()))
        assert [c.visits for c in r.channels] == [c.traffic for c in i.channels]

    @no_deadline
    @given(omnichannel_inputs())
    def test_shares_sum_to_one_and_hhi_in_range(self, i):
        r = simulate_omnichannel(inputs=i)
        if r.total_net_revenue == 0:
            assert r.hhi is None
            return
        assert math.isclose(sum(c.share for c in r.channels), 1, abs_tol=1e-9)
        n = len(i.channels)
        # Cauchy–Schwarz: Σ s² ≥ (Σ s)² / n = 1/n; Σ s² ≤ Σ s = 1
        assert 1 / n - 1e-9 <= r.hhi <= 1 + 1e-9

    @no_deadline
    @given(omnichannel_inputs())
    def test_dependency_between_zero_and_one(self, i):
        r = simulate_omnichannel(inputs=i)
        for d, c in zip(r.dependency, r.channels, strict=True):
            if r.total_net_revenue == 0:
                assert d.revenue_lost_share is None
            else:
                assert 0 <= d.revenue_lost_share <= 1
                # losing a channel costs at least its own net revenue
                assert d.revenue_lost_share >= c.share - 1e-9

    @settings(max_examples=60, deadline=None)
    @given(omnichannel_inputs(), st.data())
    def test_removing_a_channel_never_adds_visits(self, i, data):
        if len(i.channels) == 1:
            return  # nothing would be left
        k = data.draw(st.integers(0, len(i.channels) - 1))
        base = simulate_omnichannel(inputs=i)
        rest = simulate_omnichannel(inputs=without(i, k))
        before = {c.name: c.visits for c in base.channels}
        allowance = tol(before.values())
        assert all(c.visits <= before[c.name] + allowance for c in rest.channels)
        # and the dependency figure is exactly that removal
        if base.total_net_revenue:
            lost = 1 - rest.total_net_revenue / base.total_net_revenue
            assert base.dependency[k].revenue_lost_share == pytest.approx(min(1, max(0, lost)), abs=1e-9)


class TestShock:
    @no_deadline
    @given(omnichannel_inputs(with_shock=True))
    def test_no_drop_equals_base(self, i):
        r = simulate_omnichannel(inputs=replace(i, shock=replace(i.shock, traffic_drop=0)))
        s = r.shocked
        assert (s.total_visits, s.total_orders, s.total_revenue, s.total_net_revenue) == (
            r.total_visits,
            r.total_orders,
            r.total_revenue,
            r.total_net_revenue,
        )
        assert s.net_revenue_change == 0

    @no_deadline
    @given(omnichannel_inputs(with_shock=True))
    def test_full_drop_equals_no_outside_traffic(self, i):
        full = simulate_omnichannel(inputs=replace(i, shock=replace(i.shock, traffic_drop=1))).shocked
        silenced = tuple(replace(c, traffic=0) if c.name == i.shock.channel else c for c in i.channels)
        base = simulate_omnichannel(inputs=replace(i, channels=silenced, shock=None))
        assert full.total_visits == pytest.approx(base.total_visits, rel=1e-12, abs=1e-9)
        assert full.total_net_revenue == pytest.approx(base.total_net_revenue, rel=1e-12, abs=1e-9)
        assert [c.visits for c in full.channels] == pytest.approx([c.visits for c in base.channels], rel=1e-12, abs=1e-9)

    @no_deadline
    @given(omnichannel_inputs(with_shock=True))
    def test_shock_never_raises_net_revenue(self, i):
        r = simulate_omnichannel(inputs=i)
        assert r.shocked.net_revenue_change <= tol([r.total_net_revenue])
        # the change is a difference of two totals: compare with an allowance on their scale
        assert r.shocked.total_net_revenue == pytest.approx(
            r.total_net_revenue + r.shocked.net_revenue_change, abs=tol([r.total_net_revenue])
        )


class TestClosedLoop:
    def loop(self, rate=1.0, conversion=0.0):
        return {
            "channels": [
                {"name": "A", "traffic": 100, "conversion_rate": conversion, "aov": 1000, "fee_rate": 0},
                {"name": "B", "traffic": 0, "conversion_rate": 0, "aov": 1000, "fee_rate": 0},
                {"name": "C", "traffic": 50, "conversion_rate": 0.1, "aov": 1000, "fee_rate": 0},
            ],
            "links": [
                {"from": "A", "to": "B", "rate": rate},
                {"from": "B", "to": "A", "rate": 1},
                {"from": "C", "to": "A", "rate": 0.5},
            ],
            "shock": None,
        }

    def test_two_channels_passing_everyone_back_and_forth(self):
        with pytest.raises(InputError) as caught:
            simulators.run("omnichannel", self.loop())
        (problem,) = caught.value.problems
        assert problem.field == "links"
        assert "tautan membentuk putaran tertutup antara kanal A, B" in problem.message

    def test_three_channel_cycle_through_python_api(self):
        channels = tuple(Channel(n, 10, 0, 1000, 0) for n in "XYZ")
        with pytest.raises(InputError, match="putaran tertutup antara kanal X, Y, Z"):
            OmnichannelInputs(channels=channels, links=(Link("X", "Y", 1), Link("Y", "Z", 1), Link("Z", "X", 1)), shock=None)

    def test_loop_is_caught_even_without_traffic(self):
        # no outside visitor enters, yet the equations have no single solution
        channels = (Channel("A", 0, 0, 1, 0), Channel("B", 0, 0, 1, 0))
        with pytest.raises(InputError, match="putaran tertutup"):
            OmnichannelInputs(channels=channels, links=(Link("A", "B", 1), Link("B", "A", 1)), shock=None)

    def test_buying_anywhere_in_the_loop_opens_it(self):
        r = simulators.run("omnichannel", self.loop(conversion=0.5))
        # v_A = 100 + v_B + 0,9 × 0,5 × 50 = 122,5 + v_B; v_B = 0,5 v_A → v_A = 245
        assert r["outputs"]["channels"][0]["visits"] == pytest.approx(245)

    def test_rate_below_one_opens_it(self):
        r = simulators.run("omnichannel", self.loop(rate=0.5))
        # v_A = 100 + v_B + 22,5; v_B = 0,5 v_A → v_A = 245
        assert r["outputs"]["channels"][0]["visits"] == pytest.approx(245)

    def test_near_closed_loop_is_refused_not_blown_up(self):
        # 1 − (1 − 1e-13)² ≈ 2e-13 leaves per round: about 5 × 10¹² rounds
        with pytest.raises(InputError, match="putaran tertutup"):
            simulators.run("omnichannel", self.loop(conversion=1e-13))


INDONESIAN = ("harus", "tidak", "paling", "wajib", "kanal", "tautan", "boleh", "berupa", "sudah")


def problems_of(payload):
    with pytest.raises(InputError) as caught:
        simulators.run("omnichannel", payload)
    for problem in caught.value.problems:
        assert any(word in problem.message for word in INDONESIAN), problem.message
    return {p.field: p.message for p in caught.value.problems}


def channel(name="A", **changes):
    return {"name": name, "traffic": 100, "conversion_rate": 0.1, "aov": 50_000, "fee_rate": 0.05, **changes}


def payload(*channels, links=(), shock=None):
    return {"channels": list(channels) or [channel()], "links": list(links), "shock": shock}


class TestBadInput:
    def test_thirteen_channels(self):
        found = problems_of(payload(*[channel(f"K{i}") for i in range(13)]))
        assert found == {"channels": "harus berisi 1–12 kanal (sekarang 13)"}

    def test_no_channel(self):
        assert "harus berisi 1–12 kanal" in problems_of({"channels": []})["channels"]

    def test_name_of_41_characters(self):
        found = problems_of(payload(channel("x" * 41)))
        assert found == {"channels.0.name": "paling banyak 40 karakter (sekarang 41)"}

    def test_duplicate_names(self):
        found = problems_of(payload(channel("Shopee"), channel(" shopee")))
        assert list(found) == ["channels.1.name"]
        assert "sudah dipakai di channels.0" in found["channels.1.name"]

    def test_empty_name(self):
        assert problems_of(payload(channel("  "))) == {"channels.0.name": "tidak boleh kosong"}

    def test_unknown_link_target(self):
        found = problems_of(payload(channel("A"), channel("B"), links=[{"from": "A", "to": "Shopee", "rate": 0.1}]))
        assert found == {"links.0.to": "kanal tidak dikenal: 'Shopee'; yang ada: A, B"}

    def test_unknown_link_source(self):
        found = problems_of(payload(channel("A"), channel("B"), links=[{"from": "Z", "to": "B", "rate": 0.1}]))
        assert list(found) == ["links.0.from"]

    def test_self_link(self):
        found = problems_of(payload(channel("A"), links=[{"from": "A", "to": "A", "rate": 0.1}]))
        assert found == {"links.0.to": "tautan dari kanal 'A' ke dirinya sendiri tidak boleh"}

    def test_outgoing_rates_sum_above_one(self):
        links = [{"from": "A", "to": "B", "rate": 0.7}, {"from": "A", "to": "C", "rate": 0.5}]
        found = problems_of(payload(channel("A"), channel("B"), channel("C"), links=links))
        assert list(found) == ["links"]
        assert "kanal 'A' berjumlah 1,2; paling besar 1" in found["links"]

    def test_rates_summing_to_one_after_rounding_are_fine(self):
        links = [{"from": "A", "to": to, "rate": r} for to, r in (("B", 0.1), ("C", 0.2), ("D", 0.7))]
        # 0,1 + 0,2 + 0,7 = 1,0000000000000002 in floating point
        r = simulators.run("omnichannel", payload(*(channel(n) for n in "ABCD"), links=links))
        assert len(r["outputs"]["channels"]) == 4

    def test_duplicate_link(self):
        links = [{"from": "A", "to": "B", "rate": 0.1}, {"from": "A", "to": "B", "rate": 0.2}]
        found = problems_of(payload(channel("A"), channel("B"), links=links))
        assert list(found) == ["links.1"] and "sudah ada di links.0" in found["links.1"]

    def test_negative_link_rate(self):
        found = problems_of(payload(channel("A"), channel("B"), links=[{"from": "A", "to": "B", "rate": -0.1}]))
        assert list(found) == ["links.0.rate"] and "antara 0 dan 1" in found["links.0.rate"]

    @pytest.mark.parametrize(
        "key, value, fragment",
        [
            ("traffic", -1, "antara 0 dan 1.000.000.000.000"),
            ("traffic", 1e13, "antara 0 dan 1.000.000.000.000"),
            ("aov", float("nan"), "NaN"),
            ("aov", float("inf"), "tak hingga"),
            ("conversion_rate", "0.02", "bukan teks"),
            ("fee_rate", None, "bukan null"),
            ("conversion_rate", 1.5, "antara 0 dan 1"),
            ("fee_rate", True, "harus berupa angka"),
        ],
    )
    def test_bad_channel_number(self, key, value, fragment):
        found = problems_of(payload(channel(**{key: value})))
        assert list(found) == [f"channels.0.{key}"]
        assert fragment in found[f"channels.0.{key}"]

    def test_unknown_key_in_a_channel_and_other_problems_in_one_pass(self):
        found = problems_of(payload(channel("A", harga=1), channel("B", traffic=-5)))
        assert list(found) == ["channels.0.harga", "channels.1.traffic"]
        assert found["channels.0.harga"].startswith("kolom tidak dikenal; yang boleh: aov, conversion_rate")

    def test_broken_channels_do_not_make_links_unknown(self):
        # the channel list falls back to the defaults while it is broken; links naming A and B must not be blamed
        found = problems_of(payload(channel("A", harga=1), channel("B"), links=[{"from": "A", "to": "B", "rate": 0.1}], shock={"channel": "B", "traffic_drop": 0.5}))
        assert list(found) == ["channels.0.harga"]

    def test_missing_keys_in_a_channel(self):
        found = problems_of(payload({"name": "A", "traffic": 1}))
        assert found == {f"channels.0.{k}": "wajib diisi" for k in ("conversion_rate", "aov", "fee_rate")}

    @pytest.mark.parametrize("value", [{"name": "A"}, "A", None, 3])
    def test_channels_not_a_list(self, value):
        assert problems_of({"channels": value}) == {"channels": "harus berupa daftar (list) kanal"}

    def test_channel_not_an_object(self):
        found = problems_of(payload("TikTok Shop"))
        assert list(found) == ["channels.0"] and "objek JSON" in found["channels.0"]

    def test_links_not_a_list(self):
        assert problems_of({"links": {"from": "A"}}) == {"links": "harus berupa daftar (list) tautan"}

    def test_too_many_links(self):
        links = [{"from": "A", "to": "B", "rate": 0}] * 133
        assert "harus berisi 0–132 tautan (sekarang 133)" in problems_of(payload(channel("A"), channel("B"), links=links))["links"]

    def test_unknown_key_in_a_link(self):
        found = problems_of(payload(channel("A"), channel("B"), links=[{"from": "A", "to": "B", "rate": 0.1, "ke": "B"}]))
        assert list(found) == ["links.0.ke"]

    def test_shock_unknown_channel(self):
        found = problems_of(payload(channel("A"), shock={"channel": "TikTok", "traffic_drop": 0.5}))
        assert found == {"shock.channel": "kanal tidak dikenal: 'TikTok'; yang ada: A"}

    def test_shock_drop_above_one(self):
        found = problems_of({"shock": {"channel": "TikTok Shop", "traffic_drop": 1.5}})
        assert list(found) == ["shock.traffic_drop"] and "antara 0 dan 1" in found["shock.traffic_drop"]

    def test_shock_not_an_object(self):
        assert list(problems_of({"shock": 0.5})) == ["shock"]

    def test_every_problem_at_once(self):
        found = problems_of(
            payload(
                channel("A", traffic=-1),
                channel("B", conversion_rate=2),
                links=[{"from": "A", "to": "Z", "rate": 0.1}],
                shock={"channel": "A", "traffic_drop": -0.1},
            )
        )
        assert list(found) == ["channels.0.traffic", "channels.1.conversion_rate", "links.0.to", "shock.traffic_drop"]

    def test_unknown_top_level_key(self):
        assert list(problems_of({"kanal": []})) == ["kanal"]

    def test_infinity_in_json_text(self):
        reply = json.loads(simulators.run_json("omnichannel", '{"channels": [{"name": "A", "traffic": 1e999, "conversion_rate": 0.1, "aov": 1, "fee_rate": 0}]}'))
        assert reply["ok"] is False
        assert [e["field"] for e in reply["errors"]] == ["channels.0.traffic"]
        assert "tak hingga" in reply["errors"][0]["message"]

    def test_python_api_wrong_item_types(self):
        with pytest.raises(InputError) as caught:
            OmnichannelInputs(channels=({"name": "A"},), links=("A→B",), shock="A")
        assert [p.field for p in caught.value.problems] == ["channels.0", "links.0", "shock"]


class TestJson:
    def test_defaults_document_shape(self):
        doc = simulators.run("omnichannel")
        assert list(doc["inputs"]) == ["channels", "links", "shock"]
        assert doc["inputs"]["links"][0] == {"from": "TikTok Shop", "to": "Marketplace", "rate": 0.15}
        out = doc["outputs"]
        assert list(out) == ["channels", "total_visits", "total_orders", "total_revenue", "total_net_revenue", "hhi", "dependency", "shocked"]
        assert list(out["channels"][0]) == ["name", "visits", "orders", "revenue", "net_revenue", "share"]
        assert list(out["dependency"][0]) == ["name", "revenue_lost_share"]
        assert out["shocked"]["channel"] == "TikTok Shop" and out["shocked"]["traffic_drop"] == 0.5

    def test_null_shock_means_none(self):
        assert simulators.run("omnichannel", {"shock": None})["outputs"]["shocked"] is None

    def test_own_channels_without_links_get_none(self):
        # the default links and shock name the default channels; they do not apply to others
        doc = simulators.run("omnichannel", payload(channel("Shopee")) | {"links": [], "shock": None})
        assert doc["inputs"]["links"] == [] and doc["inputs"]["shock"] is None
        doc = simulators.run("omnichannel", {"channels": [channel("Shopee"), channel("TikTok Shop")]})
        assert doc["inputs"]["links"] == []
        assert doc["inputs"]["shock"] == {"channel": "TikTok Shop", "traffic_drop": 0.5}

    def test_same_result_through_json(self):
        doc = simulators.run("omnichannel", to_jsonable(three_channels(shock=True)))
        assert doc["outputs"]["total_net_revenue"] == pytest.approx(53e6)
        assert doc["outputs"]["shocked"]["net_revenue_change"] == pytest.approx(-17.25e6)


class TestIncompleteChannel:
    def test_missing_keys_do_not_hide_other_problems(self):
        # regression: a channel missing its required keys used to hide its over-long name
        with pytest.raises(InputError) as caught:
            simulators.run("omnichannel", {"channels": [{"name": "x" * 41, "traffic": -1}]})
        fields = {p.field for p in caught.value.problems}
        assert {"channels.0.name", "channels.0.traffic", "channels.0.aov"} <= fields


class TestPlatformChoice:
    """A channel that is a marketplace takes its fees from the fees model."""

    TIKTOK = PlatformFeeChoice("tiktok-shop", "marketplace", "fashion", as_of=datetime.date(2026, 3, 1))

    def test_tiktok_shop_channel_worked_example(self):
        base = OmnichannelInputs()
        channels = (replace(base.channels[0], platform=self.TIKTOK), *base.channels[1:])
        r = simulate_omnichannel(inputs=OmnichannelInputs(channels=channels))
        # dihitung manual: v_TikTok = 6.000 + v_IG × 0,99 × 0,05 dan v_IG = 1.500 + v_TikTok × 0,98 × 0,05
        # → v_TikTok = 6.074,25 / (1 − 0,0495 × 0,049) = 6.074,25 / 0,9975745 = 6.089,02; pesanan × 2 % = 121,78
        orders = 6074.25 / 0.9975745 * 0.02
        # TikTok Shop fashion Maret 2026: komisi 10 % (asumsi data/fees.csv baris 6), biaya proses Rp 1.250
        # (Katadata, 31 Juli 2025): bersih per pesanan 120.000 × 0,9 − 1.250 = 106.750
        assert r.channels[0].orders == pytest.approx(orders)
        assert r.channels[0].net_revenue == pytest.approx(orders * 106_750)
        assert r.channels[0].platform_fee.rate == 0.1 and r.channels[0].platform_fee.per_order == 1250
        # the other channels are untouched: total falls by 121,78 × (110.400 − 106.750) = 444.498
        assert r.total_net_revenue == pytest.approx(simulate_omnichannel(inputs=base).total_net_revenue - orders * 3_650)
        assert r.channels[1].platform_fee is None

    @given(omnichannel_inputs(max_channels=4), st.data())
    @settings(max_examples=40)
    def test_platform_equals_its_rate_and_order_fee_by_hand(self, inputs, data):
        k = data.draw(st.integers(0, len(inputs.channels) - 1))
        chosen = data.draw(platform_fee_choices())
        assume(inputs.channels[k].aov > 0)
        with_platform = replace(inputs, channels=tuple(replace(c, platform=chosen) if i == k else c for i, c in enumerate(inputs.channels)))
        r = simulate_omnichannel(inputs=with_platform)
        used = r.channels[k].platform_fee
        by_hand = simulate_omnichannel(
            inputs=replace(inputs, channels=tuple(replace(c, fee_rate=used.rate) if i == k else c for i, c in enumerate(inputs.channels)))
        )
        # visits and orders do not depend on fees; net revenue is the typed share less the fee on each order
        assert [c.orders for c in r.channels] == [c.orders for c in by_hand.channels]
        expected = by_hand.channels[k].net_revenue - by_hand.channels[k].orders * used.per_order
        assert r.channels[k].net_revenue == pytest.approx(expected, rel=1e-9, abs=1e-6)

    def test_a_platform_channel_needs_an_order_value(self):
        with pytest.raises(InputError) as caught:
            simulators.run("omnichannel", {"channels": [
                {"name": "TikTok Shop", "traffic": 10, "conversion_rate": 0.1, "aov": 0, "fee_rate": 0,
                 "platform": {"platform": "tiktok-shop", "tier": "marketplace", "category": "fashion"}}]})
        assert [p.field for p in caught.value.problems] == ["channels.0.aov"]

    def test_unknown_platform_of_a_channel_lists_the_platforms(self):
        with pytest.raises(InputError) as caught:
            simulators.run("omnichannel", {"channels": [
                {"name": "Blibli", "traffic": 10, "conversion_rate": 0.1, "aov": 100, "fee_rate": 0,
                 "platform": {"platform": "blibli", "tier": "marketplace", "category": "fashion"}}]})
        problem = caught.value.problems[0]
        assert problem.field == "channels.0.platform.platform"
        assert problem.message == "platform tidak dikenal: 'blibli'; pilih salah satu: tiktok-shop, tokopedia, shopee, lazada"
