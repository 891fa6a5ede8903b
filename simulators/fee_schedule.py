"""The marketplaces' fee schedules as data: dated, sourced, and checked.

Every fee a platform takes from a seller is one row of ``data/fees.csv``::

    platform,tier,category_group,item,value,value_low,unit,cap,valid_from,valid_until,source,asumsi,note

- ``platform``, ``tier`` and ``category_group`` name who pays it; several
  values are joined with ``|`` (``tiktok-shop|tokopedia``), ``semua`` means
  every tier or every category group.
- ``item`` is one of :data:`ITEMS` (commission, order processing fee, a
  program, PPh 22, ...) and fixes the ``unit``: ``pecahan`` is a fraction of
  the item price after the seller's discount, ``Rupiah per pesanan`` is paid
  once per order, ``pesanan`` counts orders.
- ``value`` is the figure a calculation uses. Where a source only publishes a
  range for a category group (most do), ``value`` is the top of that range and
  ``value_low`` its bottom: a price worked out with the top rate keeps its
  margin for every sub-category of the group.
- ``cap`` is the most a ``pecahan`` fee takes per item, in Rupiah (empty: no cap).
- ``valid_from`` (``TTTT-BB-HH`` or ``TTTT-BB``) and ``valid_until`` (empty:
  still in force) date the row; the newest row in force wins.
- ``source`` is an id of ``data/sources.csv``; without one, ``asumsi`` says
  where the figure comes from and why it is used.

The CSV ships inside the ``simulators`` wheel (``simulators/_data/``, see
``pyproject.toml``), so the browser's Pyodide reads the very same rows; from a
source checkout it is read from ``data/``. :func:`load_schedule` checks every
row and reports every problem at once, in Bahasa Indonesia, naming the line
and the column.

>>> fees = schedule()
>>> fees.lookup("shopee", "star", "fashion", "komisi", on=date(2026, 3, 1)).value
0.09
>>> fees.lookup("tokopedia", "marketplace", "fashion", "biaya_proses", on=date(2025, 8, 11)).value
1250.0

A Shopee Star seller of fashion paid at most 9 % commission in March 2026,
and every Tokopedia order has carried Rp 1.250 since 11 August 2025.
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import io
import math
import pathlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

__all__ = [
    "ALL",
    "CATEGORY_GROUPS",
    "FEE_COLUMNS",
    "ITEMS",
    "PLATFORMS",
    "TIERS",
    "FeeDataError",
    "FeeItem",
    "FeeRow",
    "FeeSource",
    "Schedule",
    "load_schedule",
    "months_before",
    "schedule",
]

FEES_FILE = "fees.csv"
SOURCES_FILE = "sources.csv"
FEE_COLUMNS = (
    "platform", "tier", "category_group", "item", "value", "value_low", "unit", "cap",
    "valid_from", "valid_until", "source", "asumsi", "note",
)
ALL = "semua"

PLATFORMS = {
    "tiktok-shop": "TikTok Shop by Tokopedia",
    "tokopedia": "Tokopedia",
    "shopee": "Shopee",
    "lazada": "Lazada",
}
_TOKOPEDIA_TIERS = {"marketplace": "Marketplace (bukan Mall)", "mall": "Mall"}
TIERS = {
    "tiktok-shop": _TOKOPEDIA_TIERS,
    "tokopedia": _TOKOPEDIA_TIERS,
    "shopee": {"non-star": "Non-Star", "star": "Star", "star-plus": "Star+", "mall": "Shopee Mall"},
    "lazada": {"marketplace": "Penjual Lazada", "lazmall": "LazMall"},
}
CATEGORY_GROUPS = {
    "fashion": "Fashion",
    "fmcg": "FMCG (kebutuhan harian)",
    "elektronik": "Elektronik",
    "lifestyle": "Gaya hidup",
    "lainnya": "Lainnya",
}


@dataclass(frozen=True)
class FeeItem:
    """What a row of ``item`` is: its label for a reader, its kind and its unit.

    ``kind``: ``wajib`` (every order pays it), ``program`` (only sellers who
    joined the program), ``opsi`` (off unless the seller turns it on, e.g.
    PPh 22), ``aturan`` (a rule, not a fee: how many first orders are free).
    """

    label: str
    kind: str
    unit: str


_FRACTION = "pecahan"
_PER_ORDER = "Rupiah per pesanan"
_ORDERS = "pesanan"

ITEMS = {
    "komisi": FeeItem("Komisi platform (biaya administrasi)", "wajib", _FRACTION),
    "biaya_pembayaran": FeeItem("Biaya pembayaran", "wajib", _FRACTION),
    "biaya_proses": FeeItem("Biaya proses pesanan", "wajib", _PER_ORDER),
    "bebas_biaya_proses": FeeItem("Pesanan pertama seller baru tanpa biaya proses", "aturan", _ORDERS),
    "bebas_ongkir": FeeItem("Program Bebas Ongkir", "program", _FRACTION),
    "gratis_ongkir_xtra": FeeItem("Program Gratis Ongkir XTRA", "program", _FRACTION),
    "promo_xtra": FeeItem("Program Promo XTRA", "program", _FRACTION),
    "xtra_boost": FeeItem("Xtra Boost Program, hari biasa", "program", _FRACTION),
    "xtra_boost_kampanye": FeeItem("Xtra Boost Program, hari kampanye", "program", _FRACTION),
    "pph22": FeeItem("PPh Pasal 22 yang dipungut marketplace", "opsi", _FRACTION),
}

# Bounds that catch a typo, not policy: a rate written as 4.5 instead of
# 0.045, a fee per order in thousands, a cap of a few Rupiah.
_MAX_RATE = 0.30
_MIN_PER_ORDER, _MAX_PER_ORDER = 100, 50_000
_MAX_ORDERS = 10_000
_CAP_RANGE = (100, 10_000_000)

_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


class FeeDataError(ValueError):
    """``data/fees.csv`` (or the sources it names) cannot be used; ``problems`` lists every problem."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__(
            "Jadwal biaya platform (data/fees.csv) perlu diperbaiki:\n"
            + "\n".join(f"  - {problem}" for problem in self.problems)
        )


@dataclass(frozen=True)
class FeeSource:
    """The part of a ``data/sources.csv`` row a fee needs to cite it."""

    id: str
    outlet: str
    title: str
    date: str


@dataclass(frozen=True)
class FeeRow:
    """One checked row of ``data/fees.csv``; ``*_text`` keep the cells as written, for display."""

    platforms: tuple[str, ...]
    tiers: tuple[str, ...]
    groups: tuple[str, ...]
    item: str
    value: float
    value_text: str
    value_low: float | None
    value_low_text: str
    unit: str
    cap: float | None
    cap_text: str
    valid_from: date
    valid_from_text: str
    valid_until: date | None
    source: str
    asumsi: str
    note: str
    line: int

    def applies_to(self, platform: str, tier: str, group: str) -> bool:
        return (
            platform in self.platforms
            and (ALL in self.tiers or tier in self.tiers)
            and (ALL in self.groups or group in self.groups)
        )

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)

    @property
    def specificity(self) -> int:
        """2 when tier and group are both named, 0 when both are ``semua``: the narrower row wins a tie."""
        return (ALL not in self.tiers) + (ALL not in self.groups)


@dataclass(frozen=True)
class Schedule:
    """Every fee row, and the sources they cite."""

    rows: tuple[FeeRow, ...]
    sources: dict

    def lookup(self, platform: str, tier: str, group: str, item: str, *, on: date) -> FeeRow | None:
        """The row in force on ``on`` for this seller; ``None`` when no source gives one.

        The row with the latest ``valid_from`` wins; at the same date, the one
        naming the tier and group wins over a ``semua`` row.
        """
        rows = [r for r in self.rows if r.item == item and r.applies_to(platform, tier, group) and r.in_force(on)]
        if not rows:
            return None
        return max(rows, key=lambda r: (r.valid_from, r.specificity))

    def newest_row(self, platform: str) -> FeeRow | None:
        """The sourced row of ``platform``'s own fees that starts last (any row when none is sourced).

        A tax row (kind ``opsi``, PPh 22) is law, not the platform's schedule:
        it does not make a platform's fees look recently checked.
        """
        rows = [r for r in self.rows if platform in r.platforms and ITEMS[r.item].kind != "opsi"]
        sourced = [r for r in rows if r.source] or rows
        return max(sourced, key=lambda r: r.valid_from, default=None)

    def newest(self, platform: str) -> date | None:
        """The ``valid_from`` of :meth:`newest_row`."""
        row = self.newest_row(platform)
        return row.valid_from if row else None

    def stale(self, *, today: date, months: int = 6) -> list[tuple[str, date | None]]:
        """Platforms whose newest row is older than ``months`` months on ``today``, with that date.

        >>> fees = schedule()
        >>> [p for p, _ in fees.stale(today=date(2026, 3, 1))]
        ['lazada']
        """
        limit = months_before(today, months)
        out = []
        for platform in PLATFORMS:
            newest = self.newest(platform)
            if newest is None or newest < limit:
                out.append((platform, newest))
        return out

    def stale_warnings(self, *, today: date, months: int = 6) -> list[str]:
        """One sentence per stale platform, for the site build's log.

        >>> schedule().stale_warnings(today=date(2026, 3, 1))  # doctest: +ELLIPSIS
        ['Jadwal biaya Lazada di data/fees.csv terakhir berlaku mulai 2024-09 (baris ...), lebih dari 6 bulan sebelum 2026-03-01: cari pengumuman biaya terbaru dan tambahkan barisnya.']
        """
        out = []
        for platform, _ in self.stale(today=today, months=months):
            row = self.newest_row(platform)
            since = f"terakhir berlaku mulai {row.valid_from_text} (baris {row.line})" if row else "belum punya baris"
            out.append(
                f"Jadwal biaya {PLATFORMS[platform]} di data/fees.csv {since}, lebih dari {months} bulan "
                f"sebelum {today.isoformat()}: cari pengumuman biaya terbaru dan tambahkan barisnya."
            )
        return out


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day when it is shorter).

    >>> months_before(date(2026, 8, 31), 6), months_before(date(2026, 3, 1), 6)
    (datetime.date(2026, 2, 28), datetime.date(2025, 9, 1))
    """
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    next_month = date(year + month // 12, month % 12 + 1, 1)
    last = (next_month - _dt.timedelta(days=1)).day
    return date(year, month, min(day.day, last))


# ---------------------------------------------------------------------------
# Reading


def _packaged_or_repo(name: str) -> str:
    """The text of ``name``: from the wheel (``simulators/_data/``) or, in a source checkout, from ``data/``."""
    # A plain path, not importlib.resources: the wheel is unpacked on disk in Pyodide
    # too, and importlib.resources would add four modules to the trimmed stdlib.
    here = pathlib.Path(__file__).resolve().parent
    packaged = here / "_data" / name
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    repo = here.parent / "data" / name
    try:
        return repo.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FeeDataError([f"{name} tidak ditemukan: tidak ada di paket simulators (_data/) maupun di {repo}"]) from None


@functools.lru_cache(maxsize=1)
def schedule() -> Schedule:
    """The checked schedule shipped with the package (read once)."""
    return load_schedule(_packaged_or_repo(FEES_FILE), _packaged_or_repo(SOURCES_FILE))


def _number(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _date(text: str) -> date | None:
    if not _DATE.match(text):
        return None
    try:
        return date.fromisoformat(text if len(text) == 10 else f"{text}-01")
    except ValueError:
        return None


def _names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split("|"))


def _sources(text: str, problems: list[str]) -> dict[str, FeeSource]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("id", "outlet", "title", "date") if c not in (reader.fieldnames or ())]
    if missing:
        problems.append(f"data/sources.csv: kolom {', '.join(missing)} tidak ada")
        return {}
    return {
        row["id"].strip(): FeeSource(row["id"].strip(), (row["outlet"] or "").strip(), (row["title"] or "").strip(),
                                     (row["date"] or "").strip())
        for row in reader
        if row.get("id")
    }


def load_schedule(fees_text: str, sources_text: str, *, name: str = "data/fees.csv") -> Schedule:
    """Read and check the fee rows of ``fees_text`` against the sources of ``sources_text``.

    Raises :class:`FeeDataError` listing every problem, each naming the line
    and the column (``data/fees.csv baris 7, kolom value: ...``).

    >>> bad = "\\n".join([",".join(FEE_COLUMNS), "shopee,star,fashion,komisi,9,,pecahan,,2026-01-01,,,,"])
    >>> try:
    ...     load_schedule(bad, "id,outlet,title,date,note\\n")
    ... except FeeDataError as error:
    ...     print("\\n".join(error.problems))
    data/fees.csv baris 2, kolom value: 9 terlalu besar untuk pecahan; tulis tarif sebagai pecahan 0–0.3 (4,5 % ditulis 0.045)
    data/fees.csv baris 2, kolom asumsi: baris tanpa sumber harus menjelaskan asalnya di kolom asumsi
    """
    problems: list[str] = []
    sources = _sources(sources_text, problems)
    reader = csv.DictReader(io.StringIO(fees_text))
    header = tuple(reader.fieldnames or ())
    missing = [c for c in FEE_COLUMNS if c not in header]
    if missing:
        raise FeeDataError([f"{name}: kolom {', '.join(missing)} tidak ada (kolom wajib: {','.join(FEE_COLUMNS)})"])
    rows: list[FeeRow] = []
    for cells in reader:
        line = reader.line_num
        where = f"{name} baris {line}"
        if None in cells:
            problems.append(f"{where}: ada sel lebih dari {len(header)} kolom; teks yang memuat koma harus diapit tanda kutip")
            continue
        row = {key: (value or "").strip() for key, value in cells.items()}
        before = len(problems)
        parsed = _row(row, line, where, sources, problems)
        if parsed is not None and len(problems) == before:
            rows.append(parsed)
    problems += _conflicts(rows, name)
    if problems:
        raise FeeDataError(problems)
    return Schedule(tuple(rows), sources)


def _row(row: dict, line: int, where: str, sources: dict, problems: list[str]) -> FeeRow | None:
    def problem(column: str, message: str) -> None:
        problems.append(f"{where}, kolom {column}: {message}")

    platforms = _names(row["platform"])
    unknown = [p for p in platforms if p not in PLATFORMS]
    if not row["platform"] or unknown:
        problem("platform", f"{row['platform']!r} tidak dikenal; pilih dari {', '.join(PLATFORMS)} (beberapa dipisah |)")
        return None
    tiers = _names(row["tier"])
    for platform in platforms:
        wrong = [t for t in tiers if t != ALL and t not in TIERS[platform]]
        if not row["tier"] or wrong or (ALL in tiers and len(tiers) > 1):
            problem("tier", f"{row['tier']!r} tidak ada untuk {platform}; pilih {ALL} atau {', '.join(TIERS[platform])}")
            break
    groups = _names(row["category_group"])
    if not row["category_group"] or any(g != ALL and g not in CATEGORY_GROUPS for g in groups) or (ALL in groups and len(groups) > 1):
        problem("category_group", f"{row['category_group']!r} tidak dikenal; pilih {ALL} atau {', '.join(CATEGORY_GROUPS)}")
    item = ITEMS.get(row["item"])
    if item is None:
        problem("item", f"{row['item']!r} tidak dikenal; pilih dari {', '.join(ITEMS)}")
        return None
    if row["unit"] != item.unit:
        problem("unit", f"{row['unit']!r} salah untuk {row['item']}; satuannya {item.unit!r}")
        return None

    value = _value(row["value"], item.unit, "value", problem, required=True)
    value_low = _value(row["value_low"], item.unit, "value_low", problem, required=False)
    if value is not None and value_low is not None and value_low > value:
        problem("value_low", f"{row['value_low']} lebih besar dari value {row['value']}; value_low adalah batas bawah rentang")

    cap = _cap(row, item.unit, problem)
    valid_from, valid_until = _validity(row, problem)

    if row["source"] and row["source"] not in sources:
        problem("source", f"sumber {row['source']!r} tidak ada di data/sources.csv")
    if not row["source"] and not row["asumsi"]:
        problem("asumsi", "baris tanpa sumber harus menjelaskan asalnya di kolom asumsi")

    if value is None or valid_from is None:
        return None
    return FeeRow(
        platforms, tiers, groups, row["item"], value, row["value"], value_low, row["value_low"], item.unit,
        cap, row["cap"], valid_from, row["valid_from"], valid_until, row["source"], row["asumsi"], row["note"], line,
    )


def _cap(row: dict, unit: str, problem: Callable[[str, str], None]) -> float | None:
    """The row's cap in Rupiah per item, or ``None``; only a fraction fee may have one."""
    if not row["cap"]:
        return None
    cap = _number(row["cap"])
    if unit != _FRACTION:
        problem("cap", f"batas per item hanya untuk biaya berupa pecahan, bukan {unit!r}; kosongkan")
    elif cap is None or not _CAP_RANGE[0] <= cap <= _CAP_RANGE[1]:
        problem("cap", f"{row['cap']!r} bukan batas yang masuk akal; tulis Rupiah per item {_CAP_RANGE[0]}–{_CAP_RANGE[1]} tanpa titik ribuan")
    return cap


def _validity(row: dict, problem: Callable[[str, str], None]) -> tuple[date | None, date | None]:
    """``valid_from`` and ``valid_until`` (``None``: still in force), each ``None`` when unreadable."""
    valid_from = _date(row["valid_from"])
    if valid_from is None:
        problem("valid_from", f"{row['valid_from']!r} bukan tanggal; tulis TTTT-BB-HH atau TTTT-BB")
    valid_until = None
    if row["valid_until"]:
        valid_until = _date(row["valid_until"])
        if valid_until is None:
            problem("valid_until", f"{row['valid_until']!r} bukan tanggal; tulis TTTT-BB-HH atau kosongkan bila masih berlaku")
        elif valid_from is not None and valid_until < valid_from:
            problem("valid_until", f"{row['valid_until']} lebih awal dari valid_from {row['valid_from']}")
    return valid_from, valid_until


def _value(text: str, unit: str, column: str, problem, *, required: bool) -> float | None:
    if not text:
        if required:
            problem(column, "kosong; isi angkanya dengan titik desimal (0.045)")
        return None
    number = _number(text)
    if number is None:
        problem(column, f"{text!r} bukan angka; tulis dengan titik desimal (0.045), tanpa % atau Rp")
        return None
    if unit == _FRACTION and not 0 < number <= _MAX_RATE:
        reason = "terlalu besar untuk pecahan" if number > _MAX_RATE else "harus lebih dari 0"
        problem(column, f"{text} {reason}; tulis tarif sebagai pecahan 0–{_MAX_RATE} (4,5 % ditulis 0.045)")
        return None
    # A whole number of at least Rp 100: "1.250" read as 1,25 is the thousands dot of a hand-typed fee.
    if unit == _PER_ORDER and not (number == int(number) and _MIN_PER_ORDER <= number <= _MAX_PER_ORDER):
        problem(column, f"{text} bukan Rupiah bulat {_MIN_PER_ORDER}–{_MAX_PER_ORDER} per pesanan (tulis tanpa titik ribuan: 1250)")
        return None
    if unit == _ORDERS and not (number == int(number) and 1 <= number <= _MAX_ORDERS):
        problem(column, f"{text} bukan jumlah pesanan bulat 1–{_MAX_ORDERS}")
        return None
    return number


def _keys(row: FeeRow):
    """(platform, tier, group, item, valid_from, specificity) for every seller the row speaks for."""
    for platform in row.platforms:
        tiers = TIERS[platform] if ALL in row.tiers else row.tiers
        groups = CATEGORY_GROUPS if ALL in row.groups else row.groups
        for tier in tiers:
            for group in groups:
                yield platform, tier, group, row.item, row.valid_from, row.specificity


def _conflicts(rows: list[FeeRow], name: str) -> list[str]:
    """Two rows giving the same fee to the same seller from the same date contradict each other."""
    seen: dict[tuple, int] = {}
    problems = []
    for row in rows:
        clash = next(((key, seen[key]) for key in _keys(row) if key in seen), None)
        if clash is not None:
            (platform, tier, group, *_), line = clash
            problems.append(
                f"{name} baris {row.line}: {row.item} untuk {platform}/{tier}/{group} mulai "
                f"{row.valid_from_text} sudah ada di baris {line}; hapus salah satu"
            )
        for key in _keys(row):
            seen.setdefault(key, row.line)
    return problems
