"""Ritme posting: how many videos a week fit the time, what they may bring, and when each goes out."""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass

from ._registry import Simulator
from ._validate import check, choice, date, items, number, ratio, text

__all__ = [
    "PILLARS",
    "CadenceInputs",
    "CadenceResult",
    "CalendarEntry",
    "MixItem",
    "PillarShare",
    "WeekRow",
    "simulate_cadence",
]

PILLARS = ("edukasi", "hiburan", "bukti sosial")
"""The three content pillars; every type in the mix belongs to one of them."""

MAX_MIX_ITEMS = 10
EARLIEST_START = _dt.date(2000, 1, 1)
LATEST_START = _dt.date(2100, 12, 31)  # far from date.max, so 52 weeks later is still a date
DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")  # date.weekday() order

_PER_DAY = "video per hari, mis. 1.5 untuk 3 video tiap 2 hari"
_RATE = "pecahan 0–1, mis. 0.3 untuk 30 %"
_PERCENT = "persen"  # the unit a reader types a fraction in (30 for 0.3)
_GROWTH = "pecahan per minggu, mis. 0.1 untuk +10 % per minggu"


@dataclass(frozen=True)
class MixItem:
    """One kind of video in the weekly content mix.

    Attributes:
        type: what the video is (storytelling, tutorial, ugc or your own
            name), 1–40 characters.
        pillar: the pillar it serves: ``"edukasi"``, ``"hiburan"`` or
            ``"bukti sosial"``.
        weight: how many of it in the mix, a whole number 1–21 (the mix
            2 storytelling, 2 tutorial, 1 UGC is weights 2, 2, 1).
    """

    type: str = text(max_length=40)
    pillar: str = choice(options=PILLARS, message="harus salah satu dari {quoted}")
    weight: int = number(minimum=1, maximum=21, integer=True)

    def __post_init__(self) -> None:
        check(self)


DEFAULT_MIX = (
    MixItem(type="storytelling", pillar="hiburan", weight=2),
    MixItem(type="tutorial", pillar="edukasi", weight=2),
    MixItem(type="ugc", pillar="bukti sosial", weight=1),
)


@dataclass(frozen=True)
class CadenceInputs:
    """A posting plan: how often, for how long, with what time and which mix.

    Attributes:
        posts_per_day: videos posted per day (> 0, at most 10; may be a
            fraction: 0.5 is one video every two days).
        weeks: length of the plan in weeks, a whole number 1–52.
        minutes_per_video: minutes to produce one video (idea, shoot, edit),
            more than 0, at most 600.
        batch_saving: share of production time saved by shooting and editing
            in batches (0 ≤ x < 1).
        hours_per_week: hours the seller has for making videos each week
            (0–168).
        views_per_post: views one video gets in week 1 while the rhythm is at
            or below the saturation point.
        weekly_growth: change in views from one week to the next, a fraction
            per week (−0.5 to 1; 0.1 is +10 %/week).
        saturation_posts_per_day: posts per day past which each extra post
            adds fewer views (> 0, at most 10); see :func:`simulate_cadence`.
        start_date: first day of week 1.
        mix: the weekly content mix, 1–10 :class:`MixItem`.
    """

    posts_per_day: float = number(default=2, above=0, maximum=10, hint=_PER_DAY)
    weeks: int = number(default=8, minimum=1, maximum=52, integer=True)
    minutes_per_video: float = number(default=45, above=0, maximum=600)
    batch_saving: float = number(default=0.30, minimum=0, below=1, hint=_RATE, unit=_PERCENT)
    hours_per_week: float = number(default=10, minimum=0, maximum=168)
    views_per_post: float = number(default=500, minimum=0, maximum=1_000_000_000)
    weekly_growth: float = number(default=0.10, minimum=-0.5, maximum=1, hint=_GROWTH, unit=_PERCENT)
    saturation_posts_per_day: float = number(default=2, above=0, maximum=10, hint=_PER_DAY)
    # the Monday after Live went dark
    start_date: _dt.date = date(default=_dt.date(2025, 9, 1), earliest=EARLIEST_START, latest=LATEST_START, example="2025-09-01")
    mix: tuple[MixItem, ...] = items(
        MixItem, default=DEFAULT_MIX, min_items=1, max_items=MAX_MIX_ITEMS, what="jenis konten",
        unique="type", duplicate='jenis "{type}" sudah ada di {first}; gabungkan bobotnya',
    )

    def __post_init__(self) -> None:
        check(self)


@dataclass(frozen=True)
class WeekRow:
    """One week of the plan.

    Attributes:
        week: week number, from 1.
        start: first day of the week.
        posts: videos posted that week.
        views: expected views of that week's videos.
    """

    week: int
    start: _dt.date
    posts: int
    views: float


@dataclass(frozen=True)
class CalendarEntry:
    """One video in the posting calendar.

    Attributes:
        date: the day it goes out.
        day: the Indonesian weekday name (``"Senin"`` … ``"Minggu"``).
        type: the mix item it comes from.
        pillar: that item's pillar.
        idea: a short prompt to start the script.
    """

    date: _dt.date
    day: str
    type: str
    pillar: str
    idea: str


@dataclass(frozen=True)
class PillarShare:
    """How much of the plan serves one pillar.

    Attributes:
        pillar: ``"edukasi"``, ``"hiburan"`` or ``"bukti sosial"``.
        posts: videos of that pillar over the whole plan.
        share: posts / total_posts (None when the plan has no posts).
    """

    pillar: str
    posts: int
    share: float | None


@dataclass(frozen=True)
class CadenceResult:
    """What the plan costs in time and may bring in views.

    Attributes:
        posts_per_week: videos per week, posts_per_day × 7 rounded half up.
        effective_posts_per_week: posts_per_week after saturation: what they
            are worth in week-1 views, counted in unsaturated posts.
        hours_needed_per_week: production hours per week after the batch saving.
        capacity_ok: whether those hours fit ``hours_per_week``.
        utilization: hours needed / hours available (None when 0 hours are
            available).
        weekly: one :class:`WeekRow` per week.
        total_posts: videos over the whole plan.
        total_views: sum of the weekly views.
        pillar_share: one :class:`PillarShare` per pillar, in :data:`PILLARS` order.
        calendar: one :class:`CalendarEntry` per video, in date order.
    """

    posts_per_week: int
    effective_posts_per_week: float
    hours_needed_per_week: float
    capacity_ok: bool
    utilization: float | None
    weekly: tuple[WeekRow, ...]
    total_posts: int
    total_views: float
    pillar_share: tuple[PillarShare, ...]
    calendar: tuple[CalendarEntry, ...]


# Prompts per known type; any other type gets _GENERIC_IDEAS with its name.
# Each list has at least two entries, so two videos of one type in a row differ.
_IDEAS = {
    "storytelling": (
        "Cerita: masalah pelanggan yang selesai berkat produk",
        "Cerita di balik layar: cara produk dibuat atau dikemas",
        "Cerita pemilik: kenapa toko ini dimulai",
        "Cerita sehari bersama produk, dari pagi sampai malam",
    ),
    "tutorial": (
        "Tutorial 30 detik: cara pakai + hasil sebelum–sesudah",
        "Tips cepat: 3 kesalahan saat memakai produk",
        "Jawab pertanyaan pembeli yang paling sering masuk",
        "Panduan memilih ukuran atau varian yang pas",
    ),
    "ugc": (
        "Kompilasi ulasan/video pembeli",
        "Reaksi pembeli saat membuka paket",
        "Tanya-jawab singkat dengan pembeli setia",
    ),
}
_GENERIC_IDEAS = (
    "{type}: ide utama minggu ini, buka dengan hook 2–3 detik",
    "{type}: sudut pandang baru dari video terbaik sebelumnya",
    "{type}: ulangi format yang paling banyak ditonton, ganti produknya",
)


def _round_half_up(x: float) -> int:
    """2.5 → 3 and 3.5 → 4 (Python's round() would give 2 and 4).

    For a decimal posts_per_day, posts_per_day × 7 lands on a half (10.5) only
    when posts_per_day is itself a half (1.5), which a float holds exactly; so
    the halves a seller types do round up.
    """
    return math.floor(x + 0.5)


def _effective_posts(posts: int, saturation: float) -> float:
    """Posts per week counted in unsaturated posts: n up to S, then S × (1 + ln(n / S))."""
    if posts <= saturation:
        return float(posts)
    return saturation * (1 + math.log(posts / saturation))


def _weekly_counts(weights: list[int], posts: int, weeks: int) -> list[list[int]]:
    """Videos of each mix item in each week.

    Each week every item gets floor or ceil of posts × weight / W (W = total
    weight), so each week follows the mix within one video. The weeks' spare
    videos go to the items furthest behind their share of the plan so far, so
    an item whose share is a fraction of a video takes its turn over the weeks.
    Integer arithmetic (everything scaled by W) keeps the ties exact.
    """
    total = sum(weights)
    floors = [posts * w // total for w in weights]
    spare = posts - sum(floors)
    given = [0] * len(weights)
    counts = []
    for week in range(1, weeks + 1):
        behind = [week * posts * w - total * (g + f) for w, g, f in zip(weights, given, floors, strict=True)]
        order = sorted(
            (j for j in range(len(weights)) if posts * weights[j] % total),
            key=lambda j: (-behind[j], j),
        )
        this_week = list(floors)
        for j in order[:spare]:
            this_week[j] += 1
        given = [g + c for g, c in zip(given, this_week, strict=True)]
        counts.append(this_week)
    return counts


def _interleave(counts: list[int]) -> list[int]:
    """Item indices in smooth weighted round-robin order: 2, 2, 1 → 0, 1, 2, 0, 1.

    Each step every item gains its count, the highest (first on ties) is
    taken and pays back the total; one full cycle takes each item exactly
    ``counts[j]`` times, spread as evenly as the counts allow.
    """
    total = sum(counts)
    current = [0] * len(counts)
    order = []
    for _ in range(total):
        current = [c + n for c, n in zip(current, counts, strict=True)]
        chosen = max(range(len(counts)), key=lambda j: (current[j], -j))
        current[chosen] -= total
        order.append(chosen)
    return order


def _idea(kind: str, turn: int) -> str:
    ideas = _IDEAS.get(kind.strip().casefold())
    if ideas is None:
        return _GENERIC_IDEAS[turn % len(_GENERIC_IDEAS)].format(type=kind.strip())
    return ideas[turn % len(ideas)]


def _calendar(inputs: CadenceInputs, posts: int, weeks: int) -> tuple[CalendarEntry, ...]:
    mix = inputs.mix
    counts = _weekly_counts([int(item.weight) for item in mix], posts, weeks)
    turns = [0] * len(mix)
    entries = []
    for week, this_week in enumerate(counts):
        start = inputs.start_date + _dt.timedelta(weeks=week)
        for i, j in enumerate(_interleave(this_week)):
            day = start + _dt.timedelta(days=i * 7 // posts)
            item = mix[j]
            idea = _idea(item.type, turns[j])
            entries.append(CalendarEntry(day, DAY_NAMES[day.weekday()], item.type, item.pillar, idea))
            turns[j] += 1
    return tuple(entries)


def simulate_cadence(*, inputs: CadenceInputs) -> CadenceResult:
    """Work out the weekly time, views and posting calendar of a rhythm.

    Notes:
        - posts_per_week n = posts_per_day × 7 rounded half up (1,5/day → 10,5
          → 11; Python's ``round`` would round halves to even). Below 1/14 a
          day that is 0 posts: no hours, no views, an empty calendar.
        - hours_needed_per_week = n × minutes_per_video / 60 × (1 − batch_saving);
          capacity_ok = hours_needed ≤ hours_per_week (a tie within 10⁻⁹
          counts as fitting, so float rounding cannot flip an exact fit);
          utilization = hours_needed / hours_per_week (None when 0 hours).
        - Saturation: with S = saturation_posts_per_day × 7, the effective
          posts e(n) = n when n ≤ S, else S × (1 + ln(n / S)). e is
          continuous with slope 1 at S and concave after it: past S each
          extra post adds less, but never takes views away, so total views
          never fall when posts_per_day rises.
        - views in week k (from 1) = views_per_post × e(n) × (1 + weekly_growth)^(k − 1),
          so each week is exactly (1 + weekly_growth) times the one before;
          total_views = the sum over the weeks.
        - calendar: week k runs from start_date + 7(k − 1) days for 7 days;
          post i (from 0) of its n posts goes on day floor(i × 7 / n). Each
          item of the mix gets floor or ceil of n × weight / total weight
          posts each week (spare posts rotate over the weeks to the item
          furthest behind), interleaved by smooth weighted round-robin.

    Examples:
        Saya sanggup 2 video sehari, 45 menit per video (hemat 30 % kalau
        dibuat sekaligus), dan punya 10 jam seminggu. Cukup waktunya, dan
        berapa tayangan dalam 8 minggu kalau naik 10 % per minggu?

        >>> r = simulate_cadence(inputs=CadenceInputs())
        >>> r.posts_per_week, round(r.hours_needed_per_week, 2), r.capacity_ok
        (14, 7.35, True)
        >>> [round(w.views) for w in r.weekly[:3]], round(r.total_views)
        ([7000, 7700, 8470], 80051)
        >>> len(r.calendar), r.calendar[0].day, r.calendar[0].type
        (112, 'Senin', 'storytelling')

        Fourteen videos take 7,35 of the 10 hours, and at +10 % a week the
        8 weeks bring about 80.000 views. At 3 a day (21 videos, past the
        saturation of 14) week 1 brings 50 % more videos but fewer extra views:

        >>> more = simulate_cadence(inputs=CadenceInputs(posts_per_day=3))
        >>> round(more.effective_posts_per_week, 2), round(more.weekly[0].views), more.capacity_ok
        (19.68, 9838, False)

        Views rise about 41 % instead of 50 %, and the 11 hours no longer fit.
    """
    i = inputs
    weeks = int(i.weeks)
    posts = _round_half_up(i.posts_per_day * 7)
    hours = posts * i.minutes_per_video / 60 * (1 - i.batch_saving)
    effective = _effective_posts(posts, i.saturation_posts_per_day * 7)
    first_week = i.views_per_post * effective
    weekly = tuple(
        WeekRow(
            week=k,
            start=i.start_date + _dt.timedelta(weeks=k - 1),
            posts=posts,
            views=first_week * (1 + i.weekly_growth) ** (k - 1),
        )
        for k in range(1, weeks + 1)
    )
    calendar = _calendar(i, posts, weeks) if posts else ()
    total_posts = posts * weeks
    pillar_share = tuple(
        PillarShare(pillar, n, ratio(n, total_posts))
        for pillar in PILLARS
        for n in [sum(1 for entry in calendar if entry.pillar == pillar)]
    )
    return CadenceResult(
        posts_per_week=posts,
        effective_posts_per_week=effective,
        hours_needed_per_week=hours,
        capacity_ok=hours <= i.hours_per_week * (1 + 1e-9),
        utilization=ratio(hours, i.hours_per_week),
        weekly=weekly,
        total_posts=total_posts,
        total_views=math.fsum(row.views for row in weekly),
        pillar_share=pillar_share,
        calendar=calendar,
    )


SIMULATOR = Simulator("cadence", "Ritme posting", CadenceInputs, simulate_cadence)
