import datetime
import io
import json
import math
from collections import Counter
from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given

import simulators
from simulators import InputError
from simulators.cadence import DAY_NAMES, CadenceInputs, MixItem, simulate_cadence
from simulators.cli import main as cli_main
from tests.strategies import cadence_inputs, posts_in_a_week, posts_per_day, saturation_per_day

MONDAY = datetime.date(2025, 9, 1)


def sim(**changes):
    return simulate_cadence(inputs=CadenceInputs(**changes))


def week_slices(result):
    n = result.posts_per_week
    return [result.calendar[k * n : (k + 1) * n] for k in range(len(result.weekly))]


class TestWorkedExamples:
    def test_defaults(self):
        r = sim()
        # dihitung manual: 2 posting/hari × 7 = 14 posting/minggu
        assert r.posts_per_week == 14
        # 14 × 45 menit / 60 = 10,5 jam; × (1 − 0,30) = 7,35 jam ≤ 10 jam → cukup
        assert r.hours_needed_per_week == pytest.approx(7.35)
        assert r.capacity_ok is True
        assert r.utilization == pytest.approx(0.735)  # 7,35 / 10
        # jenuh di 2 × 7 = 14 posting/minggu; 14 ≤ 14 → efektif 14
        assert r.effective_posts_per_week == 14
        # minggu 1: 500 × 14 = 7.000; minggu 2: 7.000 × 1,1 = 7.700; minggu 3: 8.470
        assert [w.views for w in r.weekly[:3]] == pytest.approx([7_000, 7_700, 8_470])
        # minggu 8: 7.000 × 1,1⁷ = 7.000 × 1,9487171 = 13.641,02
        assert r.weekly[-1].views == pytest.approx(13_641.0197)
        # jumlah deret: 7.000 × (1,1⁸ − 1) / 0,1 = 7.000 × 11,4358881 = 80.051,2167
        assert r.total_views == pytest.approx(80_051.2167)
        assert r.total_posts == 112  # 14 × 8
        assert len(r.calendar) == 112

    def test_week_rows_start_on_mondays(self):
        r = sim()
        # 1 Sep 2025 (Senin) + 7 hari per minggu
        assert [(w.week, w.start.isoformat(), w.posts) for w in r.weekly[:3]] == [
            (1, "2025-09-01", 14),
            (2, "2025-09-08", 14),
            (3, "2025-09-15", 14),
        ]

    def test_default_calendar_two_a_day(self):
        r = sim()
        # 14 posting/minggu: posting i jatuh pada hari floor(i × 7 / 14) = floor(i / 2)
        assert [e.date.isoformat() for e in r.calendar[:4]] == ["2025-09-01", "2025-09-01", "2025-09-02", "2025-09-02"]
        assert r.calendar[0].day == "Senin" and r.calendar[2].day == "Selasa"
        # terakhir: 1 Sep + 7 × 8 − 1 = 55 hari = 26 Okt 2025 (Minggu)
        assert (r.calendar[-1].date.isoformat(), r.calendar[-1].day) == ("2025-10-26", "Minggu")

    def test_default_mix_per_week(self):
        weeks = [Counter(e.type for e in week) for week in week_slices(sim())]
        # 14 × 2/5 = 5,6; 14 × 1/5 = 2,8 → dasar 5, 5, 2 dan 2 posting sisa.
        # Sisa ke yang paling tertinggal (semua dikali 5): minggu 1 storytelling 28 − 25 = 3,
        # tutorial 3, ugc 14 − 10 = 4 → ugc lalu storytelling (seri: urutan pertama) → 6, 5, 3
        assert weeks[0] == {"storytelling": 6, "tutorial": 5, "ugc": 3}
        # minggu 2: 56 − 5 × 6 − 25 = 1; 56 − 25 − 25 = 6; 28 − 15 − 10 = 3 → tutorial, ugc → 5, 6, 3
        assert weeks[1] == {"storytelling": 5, "tutorial": 6, "ugc": 3}
        # minggu 3: 84 − 55 − 25 = 4; 84 − 55 − 25 = 4; 42 − 30 − 10 = 2 → storytelling, tutorial
        assert weeks[2] == {"storytelling": 6, "tutorial": 6, "ugc": 2}

    def test_default_pillar_share(self):
        r = sim()
        # pola 5 minggu (6,5,3)(5,6,3)(6,6,2)(6,5,3)(5,6,3) = 28, 28, 14, lalu minggu 6–8
        # mengulang minggu 1–3: storytelling 28 + 17 = 45, tutorial 45, ugc 14 + 8 = 22
        shares = [(p.pillar, p.posts, p.share) for p in r.pillar_share]
        assert shares == [
            ("edukasi", 45, pytest.approx(45 / 112)),
            ("hiburan", 45, pytest.approx(45 / 112)),
            ("bukti sosial", 22, pytest.approx(22 / 112)),
        ]

    def test_past_saturation(self):
        r = sim(posts_per_day=3)
        # 3 × 7 = 21 > 14 → efektif 14 × (1 + ln(21/14)) = 14 × 1,4054651 = 19,676512
        assert r.effective_posts_per_week == pytest.approx(19.676512)
        assert r.weekly[0].views == pytest.approx(9_838.256)  # 500 × 19,676512
        # 21 × 45 / 60 × 0,7 = 11,025 jam > 10 → tidak cukup
        assert r.hours_needed_per_week == pytest.approx(11.025)
        assert r.capacity_ok is False
        assert r.utilization == pytest.approx(1.1025)

    def test_one_post_every_other_day(self):
        r = sim(posts_per_day=0.5, weeks=2)
        # 0,5 × 7 = 3,5 → dibulatkan ke atas 4; hari floor(i × 7 / 4) = 0, 1, 3, 5
        assert r.posts_per_week == 4
        assert [(e.date.isoformat(), e.day) for e in r.calendar[:4]] == [
            ("2025-09-01", "Senin"),
            ("2025-09-02", "Selasa"),
            ("2025-09-04", "Kamis"),
            ("2025-09-06", "Sabtu"),
        ]
        # 4 × 2/5 = 1,6 dan 4 × 1/5 = 0,8 → dasar 1, 1, 0 dan 2 sisa; tertinggal (×5):
        # 8 − 5 = 3, 3, 4 − 0 = 4 → ugc dan storytelling → 2, 1, 1, diselang-seling:
        assert [e.type for e in r.calendar[:4]] == ["storytelling", "tutorial", "ugc", "storytelling"]
        # minggu 2: 16 − 15 = 1, 16 − 10 = 6, 8 − 5 = 3 → tutorial dan ugc → 1, 2, 1
        assert Counter(e.type for e in r.calendar[4:]) == {"storytelling": 1, "tutorial": 2, "ugc": 1}

    def test_start_mid_week(self):
        r = sim(start_date=datetime.date(2025, 9, 3), posts_per_day=1, weeks=1)
        # 7 posting, satu per hari mulai Rabu 3 Sep sampai Selasa 9 Sep
        assert [e.day for e in r.calendar] == ["Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Senin", "Selasa"]
        assert r.calendar[-1].date == datetime.date(2025, 9, 9)

    def test_half_posts_round_up_not_to_even(self):
        # 1,5 × 7 = 10,5 → 11 (round() Python memberi 10, pembulatan ke genap)
        assert sim(posts_per_day=1.5).posts_per_week == 11
        # 2,5 × 7 = 17,5 → 18; 0,3 × 7 = 2,1 → 2
        assert sim(posts_per_day=2.5).posts_per_week == 18
        assert sim(posts_per_day=0.3).posts_per_week == 2

    def test_ideas_follow_type_and_rotate(self):
        r = sim()
        storytelling = [e.idea for e in r.calendar if e.type == "storytelling"]
        assert storytelling[0] == "Cerita: masalah pelanggan yang selesai berkat produk"
        assert [e.idea for e in r.calendar if e.type == "tutorial"][0] == "Tutorial 30 detik: cara pakai + hasil sebelum–sesudah"
        assert [e.idea for e in r.calendar if e.type == "ugc"][0] == "Kompilasi ulasan/video pembeli"
        assert len(set(storytelling[:4])) == 4

    def test_custom_type_gets_generic_idea_naming_it(self):
        r = sim(mix=(MixItem(type="Resep", pillar="edukasi", weight=1),), posts_per_day=1, weeks=1)
        ideas = [e.idea for e in r.calendar]
        assert all(idea.startswith("Resep:") for idea in ideas)
        assert all(a != b for a, b in zip(ideas, ideas[1:], strict=False))
        assert {e.pillar for e in r.calendar} == {"edukasi"}


class TestEdgeCases:
    def test_zero_hours_gives_null_utilization(self):
        r = sim(hours_per_week=0)
        assert r.utilization is None
        assert r.capacity_ok is False  # 7,35 jam > 0 jam

    def test_rhythm_below_one_a_week_gives_empty_plan(self):
        # 0,05 × 7 = 0,35 → 0 posting: tidak ada jam, tayangan, maupun kalender
        r = sim(posts_per_day=0.05)
        assert (r.posts_per_week, r.hours_needed_per_week, r.total_views, r.calendar) == (0, 0, 0, ())
        assert r.capacity_ok is True and r.utilization == 0
        assert [p.share for p in r.pillar_share] == [None, None, None]

    def test_exact_fit_counts_as_capacity(self):
        # 14 × 45 / 60 × 0,7 = 7,35 jam, tepat sama dengan waktu yang ada
        assert sim(hours_per_week=7.35).capacity_ok is True

    def test_falling_views(self):
        r = sim(weekly_growth=-0.5, weeks=3)
        # 7.000, 3.500, 1.750 → 12.250
        assert [w.views for w in r.weekly] == pytest.approx([7_000, 3_500, 1_750])
        assert r.total_views == pytest.approx(12_250)

    def test_fifty_two_weeks_at_ten_a_day(self):
        r = sim(posts_per_day=10, weeks=52)
        assert len(r.calendar) == 3_640  # 70 × 52
        assert r.calendar[-1].date == MONDAY + datetime.timedelta(days=52 * 7 - 1)


class TestProperties:
    @given(cadence_inputs())
    def test_growth_ratio_between_weeks(self, i):
        views = [w.views for w in simulate_cadence(inputs=i).weekly]
        for before, after in zip(views, views[1:], strict=False):
            if before > 1e-250:  # subnormal floats carry too few digits for a ratio check
                assert math.isclose(after / before, 1 + i.weekly_growth, rel_tol=1e-12)

    @given(cadence_inputs())
    def test_total_is_sum_of_weeks(self, i):
        r = simulate_cadence(inputs=i)
        assert math.isclose(r.total_views, sum(w.views for w in r.weekly), rel_tol=1e-12, abs_tol=1e-9)
        assert r.total_posts == sum(w.posts for w in r.weekly) == len(r.calendar)

    @given(cadence_inputs())
    def test_hours_identity(self, i):
        r = simulate_cadence(inputs=i)
        expected = r.posts_per_week * i.minutes_per_video / 60 * (1 - i.batch_saving)
        assert math.isclose(r.hours_needed_per_week, expected, rel_tol=1e-12)

    @given(cadence_inputs(max_weeks=8), posts_per_day, posts_per_day)
    def test_more_posts_never_fewer_views(self, i, a, b):
        low, high = sorted((a, b))
        assert simulate_cadence(inputs=replace(i, posts_per_day=low)).total_views <= simulate_cadence(
            inputs=replace(i, posts_per_day=high)
        ).total_views

    @given(posts_in_a_week, saturation_per_day)
    def test_each_extra_post_adds_less_past_saturation(self, n, saturation_per_day):
        def week_one(posts):
            return sim(posts_per_day=posts / 7, saturation_posts_per_day=saturation_per_day, views_per_post=1).weekly[0].views

        s = saturation_per_day * 7
        added = week_one(n + 1) - week_one(n)
        assert added >= 0
        if n + 1 <= s:
            assert added == pytest.approx(1)  # under saturation each post brings a full post's views
        if n >= s:
            # S × ln((n + 1) / n) < 1 post's views, and smaller with every further post
            assert added < 1
            if n + 2 <= 70:
                assert week_one(n + 2) - week_one(n + 1) < added

    @given(cadence_inputs())
    def test_calendar_dates_inside_their_week(self, i):
        r = simulate_cadence(inputs=i)
        assert len(r.calendar) == r.posts_per_week * i.weeks
        for row, week in zip(r.weekly, week_slices(r), strict=True):
            for entry in week:
                assert row.start <= entry.date <= row.start + datetime.timedelta(days=6)
                assert entry.day == DAY_NAMES[entry.date.weekday()]
        assert [e.date for e in r.calendar] == sorted(e.date for e in r.calendar)

    @given(cadence_inputs(max_weeks=12))
    def test_each_week_follows_mix_within_one(self, i):
        r = simulate_cadence(inputs=i)
        n, total = r.posts_per_week, sum(item.weight for item in i.mix)
        for week in week_slices(r):
            counts = Counter(e.type for e in week)
            for item in i.mix:
                assert abs(Fraction(counts[item.type]) - Fraction(n * item.weight, total)) < 1

    @given(cadence_inputs(max_weeks=12))
    def test_pillar_share_counts_calendar(self, i):
        r = simulate_cadence(inputs=i)
        assert sum(p.posts for p in r.pillar_share) == r.total_posts
        pillar_of = {item.type: item.pillar for item in i.mix}
        assert all(e.pillar == pillar_of[e.type] for e in r.calendar)


def problems_from_inputs(**fields):
    with pytest.raises(InputError) as caught:
        CadenceInputs(**fields)
    return caught.value.problems


def problems_from_run(payload):
    with pytest.raises(InputError) as caught:
        simulators.run("cadence", payload)
    return caught.value.problems


BAD_NUMBERS = [
    ("weeks", 53, "antara 1 dan 52"),
    ("weeks", 0, "antara 1 dan 52"),
    ("weeks", 2.5, "bilangan bulat"),
    ("posts_per_day", 0, "lebih dari 0"),
    ("posts_per_day", 11, "paling besar 10"),
    ("minutes_per_video", 0, "lebih dari 0"),
    ("minutes_per_video", 601, "paling besar 600"),
    ("batch_saving", 1, "kurang dari 1"),
    ("batch_saving", -0.1, "tidak boleh negatif"),
    ("hours_per_week", 169, "antara 0 dan 168"),
    ("views_per_post", -1, "antara 0"),
    ("weekly_growth", -0.6, "antara -0,5 dan 1"),
    ("saturation_posts_per_day", 0, "lebih dari 0"),
    ("posts_per_day", "2", "angka"),
    ("weeks", None, "null"),
    ("views_per_post", float("nan"), "terhingga"),
    ("weekly_growth", float("inf"), "terhingga"),
    ("hours_per_week", True, "angka"),
]


class TestValidation:
    @pytest.mark.parametrize("field, value, fragment", BAD_NUMBERS)
    def test_bad_number_from_python(self, field, value, fragment):
        (problem,) = problems_from_inputs(**{field: value})
        assert problem.field == field
        assert fragment in problem.message

    @pytest.mark.parametrize("field, value, fragment", BAD_NUMBERS)
    def test_bad_number_from_json(self, field, value, fragment):
        (problem,) = problems_from_run({field: value})
        assert problem.field == field
        assert fragment in problem.message

    @pytest.mark.parametrize("value", ["2025-02-30", "2025-9-1", "01-09-2025", "", 20250901, None])
    def test_impossible_date(self, value):
        (problem,) = problems_from_run({"start_date": value})
        assert problem.field == "start_date"
        assert "TTTT-BB-HH" in problem.message

    def test_date_as_text_in_python(self):
        (problem,) = problems_from_inputs(start_date="2025-09-01")
        assert problem.field == "start_date"

    def test_date_out_of_range(self):
        (problem,) = problems_from_run({"start_date": "1999-12-31"})
        assert problem.field == "start_date" and "2000-01-01" in problem.message
        (problem,) = problems_from_inputs(start_date=datetime.date(9999, 12, 31))
        assert problem.field == "start_date"

    def test_bad_pillar(self):
        (problem,) = problems_from_run({"mix": [{"type": "promo", "pillar": "promosi", "weight": 1}]})
        assert problem.field == "mix.0.pillar"
        assert '"edukasi", "hiburan", "bukti sosial"' in problem.message
        with pytest.raises(InputError) as caught:
            MixItem(type="promo", pillar="promosi", weight=1)
        assert [p.field for p in caught.value.problems] == ["pillar"]

    def test_empty_mix(self):
        (problem,) = problems_from_run({"mix": []})
        assert (problem.field, problem.message) == ("mix", "harus berisi 1–10 jenis konten (sekarang 0)")
        (problem,) = problems_from_inputs(mix=())
        assert problem.field == "mix" and "1–10" in problem.message

    def test_too_many_mix_items(self):
        items = [{"type": f"jenis {k}", "pillar": "hiburan", "weight": 1} for k in range(11)]
        (problem,) = problems_from_run({"mix": items})
        assert problem.field == "mix" and "(sekarang 11)" in problem.message

    def test_mix_not_a_list(self):
        (problem,) = problems_from_run({"mix": "storytelling"})
        assert problem.field == "mix"
        (problem,) = problems_from_inputs(mix="storytelling")
        assert problem.field == "mix"

    def test_unknown_key_in_mix_item(self):
        (problem,) = problems_from_run({"mix": [{"type": "ugc", "pillar": "bukti sosial", "weight": 1, "warna": "biru"}]})
        assert problem.field == "mix.0.warna"
        assert "tidak dikenal" in problem.message

    def test_unknown_top_level_key(self):
        (problem,) = problems_from_run({"posts_per_week": 14})
        assert problem.field == "posts_per_week" and "tidak dikenal" in problem.message

    @pytest.mark.parametrize(
        "item, field, fragment",
        [
            ({"type": "x" * 41, "pillar": "hiburan", "weight": 1}, "mix.0.type", "40 karakter"),
            ({"type": "  ", "pillar": "hiburan", "weight": 1}, "mix.0.type", "kosong"),
            ({"type": "ugc", "pillar": "hiburan", "weight": 0}, "mix.0.weight", "antara 1 dan 21"),
            ({"type": "ugc", "pillar": "hiburan", "weight": 22}, "mix.0.weight", "antara 1 dan 21"),
            ({"type": "ugc", "pillar": "hiburan", "weight": 1.5}, "mix.0.weight", "bilangan bulat"),
            ({"type": "ugc", "pillar": "hiburan", "weight": None}, "mix.0.weight", "null"),
            ({"pillar": "hiburan", "weight": 1}, "mix.0.type", "wajib diisi"),
            ("ugc", "mix.0", "objek JSON"),
        ],
    )
    def test_bad_mix_item(self, item, field, fragment):
        (problem,) = problems_from_run({"mix": [item]})
        assert problem.field == field
        assert fragment in problem.message

    def test_duplicate_type(self):
        mix = [{"type": "ugc", "pillar": "bukti sosial", "weight": 1}, {"type": "UGC", "pillar": "hiburan", "weight": 1}]
        (problem,) = problems_from_run({"mix": mix})
        assert problem.field == "mix.1.type" and "mix.0" in problem.message

    def test_every_problem_reported_at_once(self):
        problems = problems_from_run(
            {
                "weeks": 53,
                "posts_per_day": 0,
                "start_date": "2025-02-30",
                "mix": [{"type": "a", "pillar": "x", "weight": 0}, {"type": "b", "pillar": "hiburan", "weight": 1, "y": 2}],
            }
        )
        assert sorted(p.field for p in problems) == sorted(
            ["start_date", "mix.0.weight", "mix.0.pillar", "mix.1.y", "posts_per_day", "weeks"]
        )

    def test_run_json_reports_errors_as_data(self):
        document = json.loads(simulators.run_json("cadence", '{"weekly_growth": NaN, "weeks": 53}'))
        assert document["ok"] is False
        assert document["errors"][0]["field"] == ""
        document = json.loads(simulators.run_json("cadence", '{"weeks": 53, "posts_per_day": 11}'))
        assert [e["field"] for e in document["errors"]] == ["posts_per_day", "weeks"]

    def test_cli_bad_input_exits_2_with_nothing_on_stdout(self):
        out, err = io.StringIO(), io.StringIO()
        code = cli_main(["cadence", "--json", '{"weeks": 53, "start_date": "2025-02-30"}'], stdout=out, stderr=err)
        assert (code, out.getvalue()) == (2, "")
        assert err.getvalue().splitlines() == [
            "galat: start_date: harus tanggal yang ada, format TTTT-BB-HH (mis. 2025-09-01)",
            "galat: weeks: harus antara 1 dan 52, bilangan bulat",
        ]

