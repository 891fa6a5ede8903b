import csv
import datetime
import io
import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import simulators
from simulators import InputError
from simulators.cadence import CadenceInputs, simulate_cadence
from simulators.plan import (
    CHANNEL_TASKS,
    CSV_HEADER,
    PLAN_WEEKS,
    TASKS,
    PlanInputs,
    _fold,
    _ics_text,
    simulate_plan,
)
from tests.strategies import plan_inputs

ROOT = pathlib.Path(__file__).resolve().parent.parent
D = datetime.date
# Each example builds a calendar file of up to ~500 events; on a busy 2-core
# machine that can pass hypothesis's 200 ms deadline without anything being wrong.
no_deadline = settings(deadline=None, max_examples=60)


def sim(**changes):
    return simulate_plan(inputs=PlanInputs(**changes))


def problems_of(payload):
    with pytest.raises(InputError) as caught:
        simulators.run("plan", payload)
    return [(p.field, p.message) for p in caught.value.problems]


def unfold(ics):
    """RFC 5545 §3.1: a CRLF followed by one space continues the previous line."""
    return ics.replace("\r\n ", "").split("\r\n")


def unescape(text):
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            nxt = next(chars)
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(char)
    return "".join(out)


def events(ics):
    """The VEVENTs of a calendar text as dicts of property → value (unescaped)."""
    found, current = [], None
    for line in unfold(ics):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            found.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = unescape(value)
    return found


def assert_valid_ics(ics, task_count):
    assert ics.endswith("\r\n")
    assert "\n" not in ics.replace("\r\n", "") and "\r" not in ics.replace("\r\n", "")  # CRLF only
    raw = ics.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in raw)
    assert all(line and (line[0] != " " or i > 0) for i, line in enumerate(raw))
    lines = unfold(ics)[:-1]
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    depth = 0
    for line in lines:
        if line.startswith("BEGIN:"):
            depth += 1
        elif line.startswith("END:"):
            depth -= 1
            assert depth >= 0
    assert depth == 0
    assert sum(line == "BEGIN:VEVENT" for line in lines) == sum(line == "END:VEVENT" for line in lines) == task_count
    found = events(ics)
    assert len({e["UID"] for e in found}) == task_count
    for e in found:
        assert {"UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY", "DESCRIPTION"} <= set(e)


class TestWorkedExamples:
    def test_weeks_and_phases(self):
        r = sim()
        # minggu k mulai 7 Des 2026 + 7(k − 1) hari
        assert [(w.week, w.start.isoformat(), w.end.isoformat(), w.phase) for w in r.weeks] == [
            (1, "2026-12-07", "2026-12-13", "Audit"),
            (2, "2026-12-14", "2026-12-20", "Audit"),
            (3, "2026-12-21", "2026-12-27", "Produksi & uji CTA"),
            (4, "2026-12-28", "2027-01-03", "Produksi & uji CTA"),
            (5, "2027-01-04", "2027-01-10", "Analitik & iklan musiman"),
            (6, "2027-01-11", "2027-01-17", "Analitik & iklan musiman"),
            (7, "2027-01-18", "2027-01-24", "Kolaborasi"),
            (8, "2027-01-25", "2027-01-31", "Kolaborasi"),
        ]

    def test_task_counts(self):
        r = sim()
        # daftar bab: 4 + 4 + 5 + 4 + 4 + 4 + 4 + 3 = 32 tugas; 3 tugas kanal × 3 kanal = 9;
        # 2 video sehari = 14 per minggu, dua per hari → 7 hari posting × 8 minggu = 56; total 97
        kinds = [t.kind for w in r.weeks for t in w.tasks]
        assert (kinds.count("rencana"), kinds.count("kanal"), kinds.count("posting")) == (32, 9, 56)
        assert r.task_count == 97
        assert r.posts == 112  # 14 × 8, dari model ritme posting
        assert [len(w.tasks) for w in r.weeks] == [11, 14, 12, 11, 14, 11, 14, 10]  # bab + kanal + 7 hari posting

    def test_first_week_in_order(self):
        tasks = sim().weeks[0].tasks
        assert [(t.date.day, t.kind, t.title) for t in tasks[:4]] == [
            (7, "rencana", "Pisahkan omzet per kanal"),
            (7, "posting", "Unggah 2 video: storytelling, tutorial"),
            (8, "rencana", "Audit 10 video terakhir"),
            (8, "posting", "Unggah 2 video: ugc, storytelling"),
        ]

    def test_posting_tasks_are_the_cadence_calendar(self):
        r = sim(posts_per_day=0.5)
        cadence = simulate_cadence(inputs=CadenceInputs(posts_per_day=0.5, weeks=8, start_date=D(2026, 12, 7)))
        # 0,5 × 7 = 3,5 → dibulatkan ke atas 4 video seminggu, satu per hari posting
        posting = [t for w in r.weeks for t in w.tasks if t.kind == "posting"]
        assert len(posting) == 32 == len(cadence.calendar)
        assert [t.date for t in posting] == [e.date for e in cadence.calendar]
        assert all(t.title == f"Unggah video {e.type}" for t, e in zip(posting, cadence.calendar, strict=True))
        assert posting[0].detail == f"1. {cadence.calendar[0].type} ({cadence.calendar[0].pillar}): {cadence.calendar[0].idea}"

    def test_channel_tasks_name_each_channel(self):
        r = sim(channels=("Shopee", "Toko offline"))
        titles = [t.title for w in r.weeks for t in w.tasks if t.kind == "kanal"]
        assert titles == [
            "Rapikan etalase di Shopee", "Rapikan etalase di Toko offline",
            "Pasang CTA pemenang di Shopee", "Pasang CTA pemenang di Toko offline",
            "Sinkronkan katalog di Shopee", "Sinkronkan katalog di Toko offline",
        ]
        # minggu 7 mulai 18 Jan 2027; hari ke-5 = Sabtu 23 Jan
        assert {t.date for w in r.weeks for t in w.tasks if t.title.startswith("Sinkronkan")} == {D(2027, 1, 23)}

    def test_plan_weeks_is_the_data_row(self):
        with open(ROOT / "data" / "facts.csv", encoding="utf-8") as handle:
            facts = {row["id"]: row for row in csv.DictReader(handle)}
        assert int(facts["plan_weeks"]["value"]) == PLAN_WEEKS == len(sim().weeks)

    def test_task_table_covers_every_week(self):
        assert sorted({w for w, *_ in TASKS}) == list(range(1, 9))
        assert all(0 <= day <= 6 for _, day, *_ in TASKS + CHANNEL_TASKS)


class TestIcs:
    def test_defaults_are_valid(self):
        r = sim()
        assert_valid_ics(r.ics, 97)

    def test_first_event(self):
        first = events(sim().ics)[0]
        assert first == {
            "UID": "rencana-20261207-001@rencana-8-minggu.playbook",
            "DTSTAMP": "20261207T000000Z",
            "DTSTART;VALUE=DATE": "20261207",
            "DTEND;VALUE=DATE": "20261208",
            "SUMMARY": "Pisahkan omzet per kanal",
            "DESCRIPTION": "Minggu 1 (Audit)\nCatat omzet sebulan terakhir menurut kanal. Ini angka dasar untuk membandingkan kemajuan.",
            "TRANSP": "TRANSPARENT",
        }

    def test_events_follow_the_tasks(self):
        r = sim()
        tasks = [t for w in r.weeks for t in w.tasks]
        found = events(r.ics)
        assert [e["SUMMARY"] for e in found] == [t.title for t in tasks]
        assert [e["DTSTART;VALUE=DATE"] for e in found] == [t.date.strftime("%Y%m%d") for t in tasks]

    def test_same_inputs_same_file(self):
        assert sim().ics == sim().ics

    def test_escaping(self):
        assert _ics_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
        assert _ics_text("a\r\nb\rc") == "a\\nb\\nc"  # CR LF or a lone CR: one line break

    def test_folding_never_splits_a_character(self):
        line = "SUMMARY:" + "é" * 100 + "🙂" * 30
        pieces = _fold(line)
        assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
        assert all(p.startswith(" ") for p in pieces[1:])
        assert pieces[0] + "".join(p[1:] for p in pieces[1:]) == line

    def test_short_line_is_not_folded(self):
        assert _fold("VERSION:2.0") == ["VERSION:2.0"]
        assert _fold("X" * 75) == ["X" * 75]
        assert _fold("X" * 76) == ["X" * 75, " X"]

    @given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400))
    def test_folding_fills_each_piece(self, line):
        pieces = _fold(line)
        octets = [len(p.encode("utf-8")) for p in pieces]
        assert all(n <= 75 for n in octets)
        assert pieces[0] + "".join(p[1:] for p in pieces[1:]) == line
        assert all(p.startswith(" ") and len(p) > 1 for p in pieces[1:])
        # Greedy: the first character of the next piece would not have fitted.
        for n, following in zip(octets[:-1], pieces[1:], strict=True):
            assert n + len(following[1].encode("utf-8")) > 75


class TestCsv:
    def test_header_and_rows(self):
        r = sim()
        rows = list(csv.reader(io.StringIO(r.csv, newline="")))
        assert rows[0] == list(CSV_HEADER)
        assert len(rows) == 1 + r.task_count
        assert rows[1] == ["1", "Audit", "2026-12-07", "rencana", "Pisahkan omzet per kanal",
                           "Catat omzet sebulan terakhir menurut kanal. Ini angka dasar untuk membandingkan kemajuan."]
        # judul dengan koma dan rincian dua baris tetap satu sel
        assert rows[2][4] == "Unggah 2 video: storytelling, tutorial"
        assert rows[2][5].count("\n") == 1
        assert r.csv.endswith("\r\n")


class TestProperties:
    @no_deadline
    @given(plan_inputs())
    def test_ics_parses(self, i):
        r = simulate_plan(inputs=i)
        assert_valid_ics(r.ics, r.task_count)
        tasks = [t for w in r.weeks for t in w.tasks]
        found = events(r.ics)
        assert [e["SUMMARY"] for e in found] == [t.title for t in tasks]
        assert [e["DESCRIPTION"].split("\n", 1)[1] for e in found] == [t.detail for t in tasks]

    @no_deadline
    @given(plan_inputs())
    def test_csv_row_count_is_task_count(self, i):
        r = simulate_plan(inputs=i)
        rows = list(csv.reader(io.StringIO(r.csv, newline="")))
        assert len(rows) == 1 + r.task_count
        assert [row[4] for row in rows[1:]] == [t.title for w in r.weeks for t in w.tasks]

    @no_deadline
    @given(plan_inputs())
    def test_tasks_inside_their_week_in_date_order(self, i):
        r = simulate_plan(inputs=i)
        assert len(r.weeks) == 8
        for w in r.weeks:
            assert w.start == i.start_date + datetime.timedelta(weeks=w.week - 1)
            assert all(w.start <= t.date <= w.end for t in w.tasks)
            assert [t.date for t in w.tasks] == sorted(t.date for t in w.tasks)
        kinds = [t.kind for w in r.weeks for t in w.tasks]
        assert kinds.count("rencana") == len(TASKS)
        assert kinds.count("kanal") == len(CHANNEL_TASKS) * len(i.channels)
        assert r.task_count == len(kinds)


class TestValidation:
    @pytest.mark.parametrize(
        "payload, field, fragment",
        [
            ({"start_date": "2026-02-30"}, "start_date", "tanggal yang ada"),
            ({"start_date": "07-12-2026"}, "start_date", "TTTT-BB-HH"),
            ({"start_date": None}, "start_date", "tanggal yang ada"),
            ({"posts_per_day": 0}, "posts_per_day", "lebih dari 0"),
            ({"posts_per_day": 11}, "posts_per_day", "paling besar 10"),
            ({"posts_per_day": float("nan")}, "posts_per_day", "terhingga"),
            ({"posts_per_day": "2"}, "posts_per_day", "harus berupa angka"),
            ({"posts_per_day": None}, "posts_per_day", "bukan null"),
            ({"channels": []}, "channels", "1–12 nama kanal (sekarang 0)"),
            ({"channels": [f"K{n}" for n in range(13)]}, "channels", "1–12 nama kanal (sekarang 13)"),
            ({"channels": ["x" * 41]}, "channels.0", "paling banyak 40 karakter (sekarang 41)"),
            ({"channels": ["  "]}, "channels.0", "tidak boleh kosong"),
            ({"channels": [5]}, "channels.0", "harus berupa teks"),
            ({"channels": ["Toko\nBaru"]}, "channels.0", "baris baru"),
            ({"channels": "TikTok"}, "channels", "daftar (list) nama kanal"),
            ({"channels": ["Shopee", "shopee "]}, "channels.1", "sudah ada di channels.0"),
            ({"weeks": 8}, "weeks", "kolom tidak dikenal"),
        ],
    )
    def test_bad_value_names_field(self, payload, field, fragment):
        found = problems_of(payload)
        assert [f for f, _ in found] == [field]
        assert fragment in found[0][1]

    def test_every_problem_reported_at_once(self):
        found = problems_of({"posts_per_day": -1, "start_date": "2026-13-01", "channels": ["a" * 50, "b"], "x": 1})
        assert sorted(f for f, _ in found) == ["channels.0", "posts_per_day", "start_date", "x"]

    def test_python_api(self):
        with pytest.raises(InputError) as caught:
            PlanInputs(posts_per_day=0, channels=())
        assert [p.field for p in caught.value.problems] == ["posts_per_day", "channels"]


