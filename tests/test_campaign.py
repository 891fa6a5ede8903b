import csv
import datetime
import math
import pathlib

import pytest
from hypothesis import given, settings

import simulators
from simulators import InputError
from simulators._calendar import (
    DOUBLE_DATES,
    EVENT_NAMES,
    IDUL_FITRI,
    LEBARAN_PEAK_DAYS_BEFORE,
    RAMADAN_START,
    SUPPORTED_FROM,
    SUPPORTED_TO,
    add_year,
    occurrences,
)
from simulators.campaign import CampaignEvent, CampaignInputs, simulate_campaign
from simulators.platform_fee import PlatformFeeChoice
from simulators.roi import RoiInputs, profit_from_revenue
from tests.strategies import campaign_inputs

ROOT = pathlib.Path(__file__).resolve().parent.parent
# On a busy 2-core machine an example can pass hypothesis's 200 ms deadline
# without anything being wrong; the properties are about values, not speed.
no_deadline = settings(deadline=None)
D = datetime.date


def sim(**changes):
    return simulate_campaign(inputs=CampaignInputs(**changes))


def problems_of(payload):
    with pytest.raises(InputError) as caught:
        simulators.run("campaign", payload)
    return [(p.field, p.message) for p in caught.value.problems]


def read_rows(path):
    with open(ROOT / path, encoding="utf-8") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


class TestCalendar:
    def test_defaults_dates(self):
        r = sim()
        # mulai 1 Desember 2026: 12.12 masih 11 hari lagi; Ramadan 1448 ≈ 8 Feb 2027;
        # Idul Fitri 1448 ≈ 10 Mar 2027, puncak belanja 7 hari sebelumnya = 3 Mar 2027
        assert [(e.event, e.date.isoformat(), e.peak_date.isoformat()) for e in r.events] == [
            ("12.12", "2026-12-12", "2026-12-12"),
            ("ramadan", "2027-02-08", "2027-02-08"),
            ("lebaran", "2027-03-10", "2027-03-03"),
            ("6.6", "2027-06-06", "2027-06-06"),
            ("9.9", "2027-09-09", "2027-09-09"),
            ("11.11", "2027-11-11", "2027-11-11"),
        ]
        assert (r.window_start, r.window_end) == (D(2026, 12, 1), D(2027, 11, 30))

    def test_double_date_on_the_start_date_is_included_and_next_year_is_not(self):
        assert occurrences("11.11", D(2026, 11, 11)) == [(D(2026, 11, 11),) * 2]
        assert occurrences("11.11", D(2026, 11, 12)) == [(D(2027, 11, 11),) * 2]

    def test_a_year_can_hold_two_ramadans(self):
        # Ramadan 1449 mulai 28 Jan 2028, Ramadan 1450 ≈ 16 Jan 2029: keduanya dalam [28 Jan 2028, 28 Jan 2029)
        assert [d for d, _ in occurrences("ramadan", D(2028, 1, 28))] == [D(2028, 1, 28), D(2029, 1, 16)]

    def test_leap_day_start(self):
        assert add_year(D(2028, 2, 29)) == D(2029, 3, 1)
        assert sim(start_date=D(2028, 2, 29)).window_end == D(2029, 2, 28)

    def test_table_equals_the_data_rows(self):
        facts = read_rows("data/facts.csv")
        ramadan = {int(k.split("_")[1]): D.fromisoformat(v["value"]) for k, v in facts.items() if k.startswith("ramadan_") and k.endswith("_start")}
        fitri = {int(k.split("_")[2]): D.fromisoformat(v["value"]) for k, v in facts.items() if k.startswith("idul_fitri_")}
        assert ramadan == RAMADAN_START
        assert fitri == IDUL_FITRI
        assert int(facts["lebaran_peak_days_before"]["value"]) == LEBARAN_PEAK_DAYS_BEFORE
        for key in [f"ramadan_{y}_start" for y in RAMADAN_START] + [f"idul_fitri_{y}" for y in IDUL_FITRI]:
            assert facts[key]["unit"] == "tanggal"
            assert facts[key]["source"] or len(facts[key]["asumsi"]) > 40, key

    def test_lunar_table_is_plausible(self):
        # Ramadan lasts 29 or 30 days; lunar years are 354 or 355 days
        for year in RAMADAN_START:
            assert (IDUL_FITRI[year] - RAMADAN_START[year]).days in (29, 30), year
        years = sorted(RAMADAN_START)
        for a, b in zip(years, years[1:], strict=False):
            assert 353 <= (RAMADAN_START[b] - RAMADAN_START[a]).days <= 356
            assert 353 <= (IDUL_FITRI[b] - IDUL_FITRI[a]).days <= 356

    def test_table_covers_every_supported_start(self):
        # the next unknown Ramadan or Lebaran comes at least 354 days after the last in the table,
        # and the year before the first one ended before SUPPORTED_FROM: no date of the
        # window of any supported start can be missing from the table
        for table, offset in ((RAMADAN_START, 0), (IDUL_FITRI, LEBARAN_PEAK_DAYS_BEFORE)):
            first, last = min(table.values()), max(table.values())
            assert first - datetime.timedelta(days=354 + offset) < SUPPORTED_FROM <= first - datetime.timedelta(days=offset)
            assert last + datetime.timedelta(days=354 - offset) >= add_year(SUPPORTED_TO)

    def test_every_event_appears_for_every_supported_start(self):
        start = SUPPORTED_FROM
        while start <= SUPPORTED_TO:
            for event in EVENT_NAMES:
                assert 1 <= len(occurrences(event, start)) <= 2, (event, start)
            start += datetime.timedelta(days=5)


class TestWorkedExamples:
    def test_defaults_budget_per_event(self):
        r = sim()
        # bobot 2 + 1 + 1 + 1 + 2 + 2 = 9; Rp 9.000.000 / 9 = Rp 1.000.000 per bobot
        assert [round(e.budget) for e in r.events] == [2_000_000, 2_000_000, 1_000_000, 1_000_000, 1_000_000, 2_000_000]
        assert r.total_budget == pytest.approx(9_000_000)

    def test_defaults_phases_of_1212(self):
        pre, peak, post = sim().events[0].phases
        # pra-puncak direncanakan 28 Nov–11 Des, dipotong mulai 1 Des (tanggal mulai): 11 hari
        assert (pre.start, pre.end, pre.days) == (D(2026, 12, 1), D(2026, 12, 11), 11)
        assert (peak.start, peak.end, peak.days) == (D(2026, 12, 12), D(2026, 12, 14), 3)
        assert (post.start, post.end, post.days) == (D(2026, 12, 15), D(2026, 12, 21), 7)
        # anggaran 2.000.000 × 0,3 / 0,5 / 0,2 = 600.000 / 1.000.000 / 400.000
        assert [p.budget for p in (pre, peak, post)] == pytest.approx([600_000, 1_000_000, 400_000])
        # omzet 600.000 × 1,5 = 900.000; 1.000.000 × 3,5 = 3.500.000; 400.000 × 2 = 800.000
        assert [p.expected_revenue for p in (pre, peak, post)] == pytest.approx([900_000, 3_500_000, 800_000])
        # laba (marjin disimpan 0,95 × 0,52 = 0,494; biaya tetap 250.000 dibagi 30/50/20 %):
        # 900.000 × 0,494 − 600.000 − 75.000 = −230.400
        # 3.500.000 × 0,494 − 1.000.000 − 125.000 = 604.000
        # 800.000 × 0,494 − 400.000 − 50.000 = −54.800
        assert [p.expected_profit for p in (pre, peak, post)] == pytest.approx([-230_400, 604_000, -54_800])
        assert sim().events[0].expected_profit == pytest.approx(318_800)  # −230.400 + 604.000 − 54.800

    def test_defaults_totals(self):
        r = sim()
        # omzet per bobot 300.000 × 1,5 + 500.000 × 3,5 + 200.000 × 2 = 2.600.000; × 9 = 23.400.000
        assert r.total_expected_revenue == pytest.approx(23_400_000)
        # laba: 23.400.000 × 0,494 − 9.000.000 − 6 × 250.000 = 11.559.600 − 10.500.000 = 1.059.600
        assert r.total_expected_profit == pytest.approx(1_059_600)
        assert r.roas == pytest.approx(2.6)
        assert r.break_even_roas == pytest.approx(1 / 0.494)  # 2,024

    def test_peak_on_the_start_date_moves_the_pre_peak_share_to_the_peak(self):
        r = sim(start_date=D(2027, 11, 11), events=(CampaignEvent("11.11", 1),), total_budget=1_000_000)
        pre, peak, post = r.events[0].phases
        assert (pre.days, pre.start, pre.end, pre.budget) == (0, None, None, 0)
        # 0,3 + 0,5 = 0,8 dari 1.000.000 untuk puncak; 0,2 untuk pasca-puncak
        assert (peak.budget, post.budget) == pytest.approx((800_000, 200_000))

    def test_no_post_peak(self):
        r = sim(post_peak_days=0, post_peak_share=0, peak_share=0.7)
        post = r.events[0].phases[2]
        assert (post.days, post.start, post.budget, post.expected_profit) == (0, None, 0, 0)

    def test_zero_budget_keeps_the_fixed_costs(self):
        r = sim(total_budget=0)
        assert r.roas is None and all(e.roas is None for e in r.events)
        assert r.total_expected_profit == pytest.approx(-6 * 250_000)

    def test_phase_profit_is_the_roi_models(self):
        # 1 momen, ROAS puncak 4: omzet 500.000 × 4 = 2.000.000; laba menurut roi.py
        r = sim(events=(CampaignEvent("9.9", 1),), total_budget=1_000_000, peak_roas=4, affiliate_rate=0.1)
        peak = r.events[0].phases[1]
        roi = RoiInputs(ad_spend=500_000, fixed_costs=125_000, affiliate_rate=0.1)
        from simulators.roi import profit_from_revenue

        assert peak.expected_profit == profit_from_revenue(revenue=2_000_000, inputs=roi)
        # 2.000.000 × 0,95 × (1 − 0,4 − 0,08 − 0,1) = 798.000; − 500.000 − 125.000 = 173.000
        assert peak.expected_profit == pytest.approx(173_000)


class TestProperties:
    @no_deadline
    @given(campaign_inputs())
    def test_budget_conservation(self, i):
        r = simulate_campaign(inputs=i)
        phases = math.fsum(p.budget for e in r.events for p in e.phases)
        assert math.isclose(phases, i.total_budget, rel_tol=1e-9, abs_tol=1e-6)
        assert math.isclose(r.total_budget, i.total_budget, rel_tol=1e-9, abs_tol=1e-6)
        for e in r.events:
            assert math.isclose(math.fsum(p.budget for p in e.phases), e.budget, rel_tol=1e-9, abs_tol=1e-6)
            assert all(p.budget >= 0 for p in e.phases)

    @no_deadline
    @given(campaign_inputs())
    def test_every_event_within_twelve_months_in_date_order(self, i):
        r = simulate_campaign(inputs=i)
        peaks = [e.peak_date for e in r.events]
        assert peaks == sorted(peaks)
        assert all(i.start_date <= p <= r.window_end < add_year(i.start_date) for p in peaks)
        assert {e.event for e in r.events} == {e.event for e in i.events}

    @no_deadline
    @given(campaign_inputs())
    def test_double_dates_are_day_equals_month(self, i):
        for e in simulate_campaign(inputs=i).events:
            if e.event in DOUBLE_DATES:
                assert e.date.day == e.date.month == int(e.event.split(".")[0])
                assert e.peak_date == e.date

    @no_deadline
    @given(campaign_inputs())
    def test_phases_are_consecutive_and_not_before_start(self, i):
        for e in simulate_campaign(inputs=i).events:
            pre, peak, post = e.phases
            assert peak.start == e.peak_date and peak.days == i.peak_days
            assert (peak.end - peak.start).days + 1 == peak.days
            if pre.days:
                assert pre.start >= i.start_date and pre.end == peak.start - datetime.timedelta(days=1)
            if post.days:
                assert post.start == peak.end + datetime.timedelta(days=1) and post.days == i.post_peak_days

    @no_deadline
    @given(campaign_inputs())
    def test_totals_are_sums(self, i):
        r = simulate_campaign(inputs=i)
        scale = max(1.0, i.total_budget * 100, i.fixed_costs_per_event * 14)
        revenue = math.fsum(p.expected_revenue for e in r.events for p in e.phases)
        profit = math.fsum(p.expected_profit for e in r.events for p in e.phases)
        assert math.isclose(r.total_expected_revenue, revenue, rel_tol=1e-9, abs_tol=1e-9 * scale)
        assert math.isclose(r.total_expected_profit, profit, rel_tol=1e-9, abs_tol=1e-9 * scale)


class TestValidation:
    def test_shares_not_summing_to_one(self):
        assert problems_of({"pre_peak_share": 0.4}) == [
            ("pre_peak_share, peak_share, post_peak_share", "ketiganya harus berjumlah 100 % (sekarang 110 %), mis. 30 % + 50 % + 20 % (0.3 + 0.5 + 0.2)")
        ]

    def test_shares_within_rounding_are_accepted(self):
        assert simulators.run("campaign", {"pre_peak_share": 0.1, "peak_share": 0.7, "post_peak_share": 0.2})

    def test_start_outside_the_table(self):
        assert problems_of({"start_date": "2029-01-01"}) == [
            ("start_date", "harus antara 2025-01-01 dan 2028-12-31: tanggal Ramadan dan Lebaran baru tersedia untuk rentang itu")
        ]

    def test_impossible_date(self):
        assert problems_of({"start_date": "2026-02-30"}) == [
            ("start_date", "harus tanggal yang ada, format TTTT-BB-HH (mis. 2025-09-01)")
        ]

    def test_share_without_days(self):
        payload = {"pre_peak_days": 0}
        assert problems_of(payload) == [
            ("pre_peak_share", "harus 0 karena pre_peak_days 0: fase tanpa hari tidak bisa memakai anggaran")
        ]

    def test_unknown_and_repeated_event(self):
        payload = {"events": [{"event": "harbolnas", "weight": 1}, {"event": "9.9", "weight": 1}, {"event": "9.9", "weight": 2}]}
        found = problems_of(payload)
        assert found[0][0] == "events.0.event" and found[0][1].startswith("momen tidak dikenal: 'harbolnas'; pilih salah satu: ramadan, lebaran, 1.1,")
        assert found[1] == ("events.2.event", "momen '9.9' sudah ada di events.1; gabungkan bobotnya")

    @pytest.mark.parametrize(
        "payload, field, fragment",
        [
            ({"total_budget": float("nan")}, "total_budget", "terhingga"),
            ({"total_budget": "9 juta"}, "total_budget", "harus berupa angka"),
            ({"peak_roas": None}, "peak_roas", "bukan null"),
            ({"peak_days": 0}, "peak_days", "antara 1 dan 31"),
            ({"pre_peak_days": 61}, "pre_peak_days", "antara 0 dan 60"),
            ({"post_peak_days": 1.5}, "post_peak_days", "bilangan bulat"),
            ({"events": []}, "events", "1–14 momen (sekarang 0)"),
            ({"events": [{"event": "9.9", "weight": 0}]}, "events.0.weight", "lebih dari 0"),
            ({"events": [{"event": "9.9"}]}, "events.0.weight", "wajib diisi"),
            ({"events": [{"event": 9.9, "weight": 1}]}, "events.0.event", "momen tidak dikenal"),
            ({"events": [{"event": "9.9", "weight": 1, "x": 1}]}, "events.0.x", "kolom tidak dikenal"),
            ({"weights": {}}, "weights", "kolom tidak dikenal"),
            ({"start_date": 20261201}, "start_date", "format TTTT-BB-HH"),
            ({"return_rate": 1.2}, "return_rate", "antara 0 dan 1"),
        ],
    )
    def test_bad_value_names_field(self, payload, field, fragment):
        found = problems_of(payload)
        assert [f for f, _ in found] == [field]
        assert fragment in found[0][1]

    def test_every_problem_reported_at_once(self):
        found = problems_of({"peak_share": 2, "peak_days": 0, "start_date": "2030-01-01", "events": [{"event": "x", "weight": -1}]})
        assert sorted(f for f, _ in found) == ["events.0.event", "events.0.weight", "peak_days", "peak_share", "start_date"]


class TestPlatformChoice:
    """The campaign's platform: its share and fee per order at the order value, from the fees model."""

    SHOPEE = PlatformFeeChoice("shopee", "star", "fashion", as_of=datetime.date(2026, 3, 1))

    def test_shopee_worked_example(self):
        r = simulate_campaign(inputs=CampaignInputs(platform=self.SHOPEE, aov=150_000))
        # omzet tetap 23.400.000 (anggaran × ROAS tidak bergantung pada biaya); laba bawaan 1.059.600
        # 9 % ganti 8 %: 23.400.000 × 0,95 × 0,01 = 222.300 lebih sedikit;
        # 23.400.000 / 150.000 = 156 pesanan × Rp 1.250 = 195.000 → 1.059.600 − 222.300 − 195.000 = 642.300
        assert r.total_expected_revenue == pytest.approx(23_400_000)
        assert r.total_expected_profit == pytest.approx(642_300)

    def test_phase_profit_is_the_roi_models(self):
        inputs = CampaignInputs(platform=self.SHOPEE, aov=150_000)
        phase = simulate_campaign(inputs=inputs).events[0].phases[1]
        roi = inputs.roi_inputs(ad_spend=phase.budget, fixed_costs=inputs.fixed_costs_per_event * inputs.peak_share)
        assert roi.platform == self.SHOPEE and roi.aov == 150_000
        assert phase.expected_profit == pytest.approx(profit_from_revenue(revenue=phase.expected_revenue, inputs=roi))

    def test_a_platform_needs_the_order_value(self):
        with pytest.raises(InputError) as caught:
            simulators.run("campaign", {"platform": {"platform": "shopee", "tier": "star", "category": "fashion"}})
        assert [p.field for p in caught.value.problems] == ["aov"]
        assert "wajib lebih dari 0 bila platform dipilih" in caught.value.problems[0].message

    def test_without_platform_the_document_is_as_before(self):
        document = simulators.run("campaign", {})
        assert "platform" not in document["inputs"] and "aov" not in document["inputs"]
