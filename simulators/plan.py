"""Rencana aksi 8 minggu: a dated week-by-week checklist, with calendar (.ics) and CSV downloads."""

from __future__ import annotations

import csv
import datetime as _dt
import io
from dataclasses import dataclass

from ._registry import Simulator
from ._validate import check, items, same_as, text
from .cadence import CadenceInputs, CalendarEntry, simulate_cadence

__all__ = ["PLAN_WEEKS", "PlanInputs", "PlanResult", "PlanTask", "PlanWeek", "simulate_plan"]

PLAN_WEEKS = 8
"""Length of the plan (row ``plan_weeks`` of data/facts.csv)."""

MAX_CHANNELS = 12
NAME_LENGTH = 40

PHASES = ("Audit", "Audit", "Produksi & uji CTA", "Produksi & uji CTA", "Analitik & iklan musiman", "Analitik & iklan musiman", "Kolaborasi", "Kolaborasi")
"""The phase of each week, two weeks each, as in the action-plan chapter."""

# The checklist of the action-plan chapter (docs/rencana/rencana-aksi-8-minggu.md):
# (week, day of the week counted from the start date 0–6, title, detail).
_RETRO = ("Rapat kecil mingguan", "Setengah jam melihat angka minggu ini: pilih ide yang berhasil, buang yang tidak, catat rencana minggu depan.")
TASKS: tuple[tuple[int, int, str, str], ...] = (
    (1, 0, "Pisahkan omzet per kanal", "Catat omzet sebulan terakhir menurut kanal. Ini angka dasar untuk membandingkan kemajuan."),
    (1, 1, "Audit 10 video terakhir", "Catat hook, watch time dan engagement tiap video; tandai tiga yang paling kuat."),
    (1, 3, "Pilih produk andalan", "Cari yang mudah ditunjukkan di video, cepat dikirim dan marginnya sehat."),
    (1, 6, *_RETRO),
    (2, 0, "Hitung ROAS impas produk andalan", "Pakai kalkulator ROI iklan: berapa ROAS dan CPA paling tinggi yang masih untung."),
    (2, 2, "Kenali pembeli utama", "Lihat demografi di analitik (usia, kota, jam aktif) dan tulis satu profil pembeli."),
    (2, 4, "Pilih dua kanal cadangan", "Tentukan dua kanal selain TikTok dan isi kalkulator omnichannel sebagai angka awal."),
    (2, 6, *_RETRO),
    (3, 0, "Tentukan ritme posting", "Pakai kalkulator ritme posting: berapa video per hari yang muat di waktu Anda."),
    (3, 1, "Siapkan tempat rekaman", "Lampu dari depan agak menyamping, mikrofon clip-on, latar polos, HP di tripod."),
    (3, 2, "Tulis naskah untuk dua minggu", "Setiap naskah: hook 2–3 detik, isi, lalu ajakan (CTA). Ikuti bauran storytelling, tutorial dan UGC."),
    (3, 4, "Rekam batch pertama", "Rekam semua naskah dalam satu atau dua sesi supaya lampu dan properti cukup disiapkan sekali."),
    (3, 6, *_RETRO),
    (4, 0, "Uji dua versi CTA", "Video sama, ajakan beda: misalnya 'klik keranjang kuning' lawan 'simpan video ini'."),
    (4, 3, "Rekam batch kedua", "Isi stok video untuk dua minggu berikutnya."),
    (4, 5, "Pilih CTA pemenang", "Bandingkan klik dan simpan tiap versi; pakai versi yang menang mulai minggu depan."),
    (4, 6, *_RETRO),
    (5, 0, "Mulai catatan KPI mingguan", "Tulis views, watch time, engagement rate dan pesanan per kanal setiap minggu."),
    (5, 2, "Pasang iklan uji kecil", "Pilih video dengan watch time terbaik. Tulis aturan berhenti sebelum iklan berjalan."),
    (5, 4, "Tandai momen belanja terdekat", "Cek perencana anggaran kampanye: Ramadan, Lebaran, 6.6, 9.9, 11.11 atau 12.12."),
    (5, 6, *_RETRO),
    (6, 0, "Bandingkan KPI dengan target", "Pilih satu gejala yang paling mengganggu dan jalankan satu perbaikan."),
    (6, 2, "Bagi anggaran momen berikutnya", "Pisahkan anggaran sebelum puncak, saat puncak dan sesudah puncak."),
    (6, 4, "Iklan ulang ke penonton", "Arahkan iklan ke orang yang sudah menonton atau berinteraksi dengan video Anda."),
    (6, 6, *_RETRO),
    (7, 0, "Hubungi afiliator atau kreator", "Pilih beberapa yang penontonnya cocok dengan produk dan kirim tawaran singkat."),
    (7, 2, "Siapkan paket bahan afiliator", "Sampel, poin keunggulan produk, tabel ukuran dan contoh video."),
    (7, 4, "Hitung komisi yang masih untung", "Isi komisi afiliasi di kalkulator ROI iklan dan lihat labanya."),
    (7, 6, *_RETRO),
    (8, 1, "Periksa template balasan", "Pertanyaan dijawab dalam 24 jam; template untuk komplain dan retur sudah siap."),
    (8, 3, "Ukur ulang ketergantungan kanal", "Isi ulang kalkulator omnichannel dan bandingkan HHI dengan minggu pertama."),
    (8, 6, "Evaluasi 8 minggu", "Lihat apa yang berhasil, lalu ulangi fase produksi sampai kolaborasi dengan ide baru."),
)

# Tasks for every channel in use: (week, day, title with {kanal}, detail).
CHANNEL_TASKS: tuple[tuple[int, int, str, str], ...] = (
    (2, 5, "Rapikan etalase di {kanal}", "Foto, judul, deskripsi dan harga produk andalan; pastikan ada tautan ke kanal lain."),
    (5, 1, "Pasang CTA pemenang di {kanal}", "Pakai kalimat ajakan yang menang di bio, deskripsi produk dan video berikutnya."),
    (7, 5, "Sinkronkan katalog di {kanal}", "Samakan harga, stok, foto dan tautan silang dengan kanal lain."),
)

KINDS = ("rencana", "kanal", "posting")
"""Task kinds, in the order they are listed within one day."""


@dataclass(frozen=True)
class PlanInputs:
    """Where the 8-week plan starts and what it works with.

    Attributes:
        start_date: first day of week 1 (2000-01-01 to 2100-12-31, as in the
            cadence model).
        posts_per_day: videos per day, as in the cadence model (> 0, at most 10).
        channels: names of the channels in use, 1–12, each 1–40 characters,
            unique; each gets its own catalog and CTA tasks.
    """

    # posts_per_day and start_date follow the cadence model's rules, written once there.
    start_date: _dt.date = same_as(CadenceInputs, "start_date", default=_dt.date(2026, 12, 7))
    posts_per_day: float = same_as(CadenceInputs, "posts_per_day", default=2)
    channels: tuple[str, ...] = items(
        text(max_length=NAME_LENGTH, single_line=True), default=("TikTok Shop", "Marketplace", "Instagram"),
        min_items=1, max_items=MAX_CHANNELS, what="nama kanal", example='["TikTok Shop", "Marketplace"]',
        unique=True, duplicate="nama kanal {value!r} sudah ada di {first}; nama harus unik",
    )

    def __post_init__(self) -> None:
        check(self)

    def cadence_inputs(self) -> CadenceInputs:
        """The cadence model's inputs for the posting calendar: 8 weeks from start_date."""
        return CadenceInputs(posts_per_day=self.posts_per_day, weeks=PLAN_WEEKS, start_date=self.start_date)


@dataclass(frozen=True)
class PlanTask:
    """One thing to do on one day.

    Attributes:
        date: the day.
        kind: ``"rencana"`` (from the chapter's checklist), ``"kanal"`` (for
            one channel) or ``"posting"`` (the day's videos from the cadence
            calendar).
        title: short title (the calendar event's summary).
        detail: what exactly to do (the event's description).
    """

    date: _dt.date
    kind: str
    title: str
    detail: str


@dataclass(frozen=True)
class PlanWeek:
    """One week of the plan.

    Attributes:
        week: 1–8.
        start: first day.
        end: last day (start + 6 days).
        phase: ``"Audit"``, ``"Produksi & uji CTA"``, ``"Analitik & iklan
            musiman"`` or ``"Kolaborasi"``.
        tasks: the week's :class:`PlanTask`, by date.
    """

    week: int
    start: _dt.date
    end: _dt.date
    phase: str
    tasks: tuple[PlanTask, ...]


@dataclass(frozen=True)
class PlanResult:
    """The checklist, and the same tasks as calendar and spreadsheet files.

    Attributes:
        weeks: the 8 :class:`PlanWeek`.
        task_count: number of tasks over the 8 weeks.
        posts: videos over the 8 weeks (from the cadence model).
        ics: iCalendar text (RFC 5545), one all-day event per task.
        csv: CSV text (RFC 4180), a header and one row per task.
    """

    weeks: tuple[PlanWeek, ...]
    task_count: int
    posts: int
    ics: str
    csv: str


def _posting_task(entries: list[CalendarEntry]) -> PlanTask:
    types = ", ".join(dict.fromkeys(e.type for e in entries))
    title = f"Unggah video {types}" if len(entries) == 1 else f"Unggah {len(entries)} video: {types}"
    detail = "\n".join(f"{n}. {e.type} ({e.pillar}): {e.idea}" for n, e in enumerate(entries, start=1))
    return PlanTask(entries[0].date, "posting", title, detail)


# --- iCalendar (RFC 5545) ---------------------------------------------------

_PRODID = "-//Playbook Penjual Pasca-Live//Rencana Aksi 8 Minggu//ID"


def _ics_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, newline."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Fold a content line into pieces of at most 75 octets (RFC 5545 §3.1).

    Continuation pieces start with one space, which counts toward their 75
    octets; a UTF-8 character is never split. Each piece takes as many whole
    characters as fit: ``_fold("X" * 76) == ["X" * 75, " X"]``.
    """
    data = line.encode("utf-8")
    pieces, start, room = [], 0, 75
    # Works on the bytes: the plan's calendar has ~1,000 lines, and a loop per
    # character was 80 % of the plan's run time (measured in CPython).
    while len(data) - start > room:
        end = start + room
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        pieces.append(data[start:end].decode("utf-8"))
        start, room = end, 74
    pieces.append(data[start:].decode("utf-8"))
    return pieces[:1] + [" " + piece for piece in pieces[1:]]


def _ics(weeks: list[PlanWeek], start: _dt.date) -> str:
    stamp = f"{start:%Y%m%d}T000000Z"  # fixed by the start date: the same plan gives the same file
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{_PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Rencana aksi 8 minggu"]
    tasks = [(week, task) for week in weeks for task in week.tasks]
    for number, (week, task) in enumerate(tasks, start=1):
        lines += [
            "BEGIN:VEVENT",
            f"UID:rencana-{start:%Y%m%d}-{number:03d}@rencana-8-minggu.playbook",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{task.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{task.date + _dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(task.title)}",
            "DESCRIPTION:" + _ics_text(f"Minggu {week.week} ({week.phase})" + "\n" + task.detail),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in _fold(line))


# --- CSV (RFC 4180) -----------------------------------------------------------

CSV_HEADER = ("minggu", "fase", "tanggal", "jenis", "judul", "rincian")


def _csv(weeks: list[PlanWeek]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for week in weeks:
        for task in week.tasks:
            writer.writerow((week.week, week.phase, task.date.isoformat(), task.kind, task.title, task.detail))
    return out.getvalue()


def simulate_plan(*, inputs: PlanInputs) -> PlanResult:
    """Lay the 8-week action plan out on real dates, with its calendar and CSV files.

    Notes:
        - Week k (1–8) runs from start_date + 7(k − 1) days for 7 days; its
          phase is Audit (weeks 1–2), Produksi & uji CTA (3–4), Analitik &
          iklan musiman (5–6) or Kolaborasi (7–8).
        - Tasks: every row of :data:`TASKS` on day d of week k lands on
          start_date + 7(k − 1) + d; every row of :data:`CHANNEL_TASKS` does
          the same once per channel; and each day of the cadence model's
          calendar (:func:`simulators.cadence.simulate_cadence` with this
          posts_per_day, 8 weeks, this start_date) becomes one posting task
          listing that day's videos. Within a day: checklist, channel, then
          posting tasks.
        - ics: one all-day VEVENT per task (DTSTART;VALUE=DATE, DTEND the next
          day; SUMMARY the title, DESCRIPTION the week, its phase and the
          detail), UID from the start date and task number, DTSTAMP midnight UTC
          of the start date (the same inputs give the same file), TEXT
          escaped, lines folded at 75 octets, CRLF line ends.
        - csv: header ``minggu,fase,tanggal,jenis,judul,rincian`` and one row
          per task, quoted where needed, CRLF line ends.

    Examples:
        Saya mulai Senin 7 Desember 2026, dua video sehari, jualan di TikTok
        Shop, Marketplace dan Instagram. Apa saja tugas minggu pertama?

        >>> r = simulate_plan(inputs=PlanInputs())
        >>> week = r.weeks[0]
        >>> week.phase, week.start.isoformat(), week.end.isoformat(), len(week.tasks)
        ('Audit', '2026-12-07', '2026-12-13', 11)
        >>> [(t.date.day, t.title) for t in week.tasks[:3]]
        [(7, 'Pisahkan omzet per kanal'), (7, 'Unggah 2 video: storytelling, tutorial'), (8, 'Audit 10 video terakhir')]
        >>> r.task_count, r.posts, r.ics.count("BEGIN:VEVENT")
        (97, 112, 97)

        Week 1 has 4 checklist tasks and 7 posting days; over 8 weeks the 97
        tasks (32 from the checklist, 9 for the channels, 56 posting days)
        become 97 calendar events.
    """
    i = inputs
    cadence = simulate_cadence(inputs=i.cadence_inputs())
    by_day: dict[_dt.date, list[CalendarEntry]] = {}
    for entry in cadence.calendar:
        by_day.setdefault(entry.date, []).append(entry)

    weeks = []
    for week in range(1, PLAN_WEEKS + 1):
        start = i.start_date + _dt.timedelta(weeks=week - 1)
        dated = [(day, 0, n, PlanTask(start + _dt.timedelta(days=day), "rencana", title, detail)) for n, (w, day, title, detail) in enumerate(TASKS) if w == week]
        dated += [
            (day, 1, n, PlanTask(start + _dt.timedelta(days=day), "kanal", title.format(kanal=name), detail))
            for n, (name, (w, day, title, detail)) in enumerate((c, t) for t in CHANNEL_TASKS for c in i.channels)
            if w == week
        ]
        dated += [(day, 2, 0, _posting_task(by_day[start + _dt.timedelta(days=day)])) for day in range(7) if start + _dt.timedelta(days=day) in by_day]
        tasks = tuple(task for *_, task in sorted(dated, key=lambda d: d[:3]))
        weeks.append(PlanWeek(week, start, start + _dt.timedelta(days=6), PHASES[week - 1], tasks))

    return PlanResult(
        weeks=tuple(weeks),
        task_count=sum(len(week.tasks) for week in weeks),
        posts=cadence.total_posts,
        ics=_ics(weeks, i.start_date),
        csv=_csv(weeks),
    )


SIMULATOR = Simulator("plan", "Rencana aksi 8 minggu", PlanInputs, simulate_plan)
