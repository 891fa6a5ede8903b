"""The sourced figures of data/: read, check, and write them the Indonesian way.

Every number a page quotes is one row of ``data/facts.csv`` or
``data/defaults/<model>.csv`` (columns ``id,value,unit,meaning,source,asumsi``);
``data/sources.csv`` (``id,outlet,title,date,note``) describes the sources.
A row names a source id, or leaves ``source`` empty and explains itself in
``asumsi``. :func:`load` reads all of it with the standard ``csv`` module and
reports every broken row at once, naming file, line and column.

Formatting follows Indonesian usage: ``.`` groups thousands, ``,`` marks
decimals, a fraction is a percentage ("1,5 %"), money is "Rp 150.000",
dates use Indonesian month names ("30 Agustus 2025").

>>> format_value("0.40", "pecahan")
'40 %'
>>> format_value("528.6", "triliun Rupiah")
'Rp 528,6 triliun'
>>> format_date("2025-08-30")
'30 Agustus 2025'
"""

from __future__ import annotations

import csv
import datetime as _dt
import pathlib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from simulators._format import format_number as _digits

__all__ = [
    "Catalog",
    "DataError",
    "Figure",
    "Source",
    "format_date",
    "format_number",
    "format_range",
    "format_value",
    "load",
]

ROOT = pathlib.Path(__file__).resolve().parent.parent

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)

SOURCE_COLUMNS = ("id", "outlet", "title", "date", "note")
FIGURE_COLUMNS = ("id", "value", "unit", "meaning", "source", "asumsi")

# Units whose value is a fraction 0–1 shown as a percentage; the rest of the
# unit (e.g. "per minggu") follows the sign.
_FRACTION = "pecahan"
# Money units: the scale word goes after the number ("Rp 528,6 triliun").
_MONEY_SCALES = ("ribu", "juta", "miliar", "triliun")
_ID = re.compile(r"^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$")


class DataError(ValueError):
    """A row of data/ that cannot be used; ``problems`` lists every one found."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__(
            "Data di folder data/ perlu diperbaiki:\n" + "\n".join(f"  - {p}" for p in self.problems)
        )


@dataclass(frozen=True)
class Source:
    """One article or report (a row of data/sources.csv)."""

    id: str
    outlet: str
    title: str
    date: str
    note: str = ""

    @property
    def date_text(self) -> str:
        return format_date(self.date)


@dataclass(frozen=True)
class Figure:
    """One figure (a row of data/facts.csv or data/defaults/*.csv)."""

    id: str
    value: str
    unit: str
    meaning: str
    source: str = ""
    asumsi: str = ""
    where: str = ""  # "data/facts.csv:3", for messages

    @property
    def text(self) -> str:
        """The value written for a reader, with its unit."""
        return format_value(self.value, self.unit)

    @property
    def is_assumption(self) -> bool:
        return not self.source


@dataclass
class Catalog:
    """Every source and every figure, by id."""

    sources: dict[str, Source] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)

    def figure(self, figure_id: str) -> Figure:
        """The figure ``figure_id``; an unknown id is a :class:`KeyError` naming close ids."""
        try:
            return self.figures[figure_id]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(figure_id, self.figures, n=3, cutoff=0.6)
            hint = f"; mungkin maksudnya: {', '.join(close)}" if close else ""
            raise KeyError(f"id angka {figure_id!r} tidak ada di data/facts.csv maupun data/defaults/*.csv{hint}") from None

    def citing(self, source_id: str) -> list[Figure]:
        """Figures that name ``source_id`` as their source, in file order."""
        return [f for f in self.figures.values() if f.source == source_id]

    def assumptions(self) -> list[Figure]:
        return [f for f in self.figures.values() if f.is_assumption]

    def readable(self, text: str) -> str:
        """``text`` (an assumption's reasoning) with every figure id it names replaced by
        that figure's meaning in quotes, and data file names by what they hold: readers see
        words, contributors keep the ids in the CSV.

        >>> c = Catalog(figures={"roi.cpm": Figure("roi.cpm", "25000", "Rupiah", "Biaya per 1.000 tayangan")})
        >>> c.readable("Sama dengan bawaan kalkulator ROI (roi.cpm), lihat fakta roi.cpm di data/sources.csv.")
        'Sama dengan bawaan kalkulator ROI (“Biaya per 1.000 tayangan”), lihat “Biaya per 1.000 tayangan” di daftar sumber.'
        """
        if not self.figures:
            return text
        ids = "|".join(re.escape(i) for i in sorted(self.figures, key=len, reverse=True))
        named = re.compile(rf"(?:\bfakta\s+)?(?<![\w.])(?P<id>{ids})(?![\w])")
        text = named.sub(lambda m: f"“{self.figures[m['id']].meaning}”", text)
        return re.sub(r"\bdata/(?:sources|facts)\.csv\b", "daftar sumber", text)


# ---------------------------------------------------------------------------
# Formatting


def _decimal(value: str) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(f"{value!r} bukan angka (tulis dengan titik desimal, mis. 0.015)") from None
    if not number.is_finite():
        raise ValueError(f"{value!r} bukan angka terhingga")
    return number


def format_number(value: str | float | Decimal, *, grouping: bool = True) -> str:
    """Indonesian digits, exact (no float rounding): ``"1500000"`` → ``"1.500.000"``.

    >>> format_number("0.015"), format_number("528.6"), format_number(-2500.5)
    ('0,015', '528,6', '-2.500,5')
    """
    number = value if isinstance(value, Decimal) else _decimal(str(value))
    return _digits(number, grouping=grouping)


def format_date(value: str) -> str:
    """``"2025-08-30"`` → ``"30 Agustus 2025"``; ``"2025-09"`` → ``"September 2025"``.

    >>> format_date("2025-09")
    'September 2025'
    """
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = int(text[:4]), int(text[5:7])
        if not 1 <= month <= 12:
            raise ValueError(f"{value!r} bukan bulan yang ada (format TTTT-BB)")
        return f"{MONTHS[month - 1]} {year}"
    if re.fullmatch(r"\d{4}", text):
        return text
    try:
        date = _dt.date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:
        date = None
    if date is None:
        raise ValueError(f"{value!r} bukan tanggal yang ada (format TTTT-BB-HH, TTTT-BB atau TTTT)")
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def _split_unit(unit: str) -> tuple[str, str]:
    """``"Rupiah per hari"`` → ``("rupiah", "per hari")``; kind is lower case."""
    unit = " ".join(unit.split())
    lower = unit.lower()
    if lower == "tanggal":
        return "tanggal", ""
    if lower.startswith(_FRACTION):
        return "pecahan", unit[len(_FRACTION):].strip()
    for scale in _MONEY_SCALES:
        if lower.startswith(f"{scale} rupiah"):
            return f"rupiah:{scale}", unit[len(scale) + len(" rupiah"):].strip()
    if lower.startswith("rupiah"):
        return "rupiah", unit[len("rupiah"):].strip()
    if lower in ("tahun", "level"):
        return lower, ""
    return "lain", unit


def _join(text: str, rest: str) -> str:
    return f"{text} {rest}" if rest else text


def _bare(value: str, kind: str) -> str:
    """The number alone as it is written for ``kind`` (no currency sign, no unit)."""
    if kind == "pecahan":
        return format_number(_decimal(value) * 100)
    if kind == "tahun" and _is_calendar_year(value):
        return format_number(value, grouping=False)
    return format_number(value)


def _is_calendar_year(value: str) -> bool:
    """A whole "tahun" of 1000 or more is a calendar year (2022), not a duration."""
    number = _decimal(value)
    return number >= 1000 and number == number.to_integral_value()


def format_value(value: str, unit: str) -> str:
    """One figure with its unit, as a reader reads it.

    >>> format_value("0.015", "pecahan"), format_value("0.10", "pecahan per minggu")
    ('1,5 %', '10 % per minggu')
    >>> format_value("150000", "Rupiah"), format_value("25000", "Rupiah per 1.000 tayangan")
    ('Rp 150.000', 'Rp 25.000 per 1.000 tayangan')
    >>> format_value("7", "hari"), format_value("2022", "tahun"), format_value("13", "tahun")
    ('7 hari', 'tahun 2022', '13 tahun')

    A level is a rank, named before its number as sellers say it:

    >>> format_value("3", "level")
    'level 3'
    """
    kind, rest = _split_unit(unit)
    if kind == "tanggal":
        return format_date(value)
    try:
        _decimal(value)
    except ValueError:
        if kind == "lain":
            return str(value).strip()  # a text default, e.g. a channel name (unit "teks")
        raise
    bare = _bare(value, kind)
    if kind == "pecahan":
        return _join(f"{bare} %", rest)
    if kind.startswith("rupiah"):
        scale = kind.partition(":")[2]
        return _join(_join(f"Rp {bare}", scale), rest)
    if kind == "tahun":
        return f"tahun {bare}" if _is_calendar_year(value) else f"{bare} tahun"
    if kind == "level":
        return f"level {bare}"
    return _join(bare, rest)


def format_range(low: Figure, high: Figure) -> str:
    """Two figures of the same unit as one range: ``"40–60 %"``, ``"Rp 150.000–200.000 per hari"``.

    >>> a = Figure("a", "0.40", "pecahan", "")
    >>> b = Figure("b", "0.60", "pecahan", "")
    >>> format_range(a, b)
    '40–60 %'
    """
    if " ".join(low.unit.split()).lower() != " ".join(high.unit.split()).lower():
        raise ValueError(
            f"rentang {low.id}..{high.id} memakai satuan berbeda ({low.unit!r} dan {high.unit!r}); "
            "rentang hanya boleh untuk dua angka bersatuan sama"
        )
    kind, rest = _split_unit(low.unit)
    if kind == "tanggal":
        return f"{format_date(low.value)} – {format_date(high.value)}"
    span = f"{_bare(low.value, kind)}–{_bare(high.value, kind)}"
    if kind == "pecahan":
        return _join(f"{span} %", rest)
    if kind.startswith("rupiah"):
        return _join(_join(f"Rp {span}", kind.partition(":")[2]), rest)
    if kind == "tahun":
        return f"{span} tahun"
    if kind == "level":
        return f"level {span}"
    return _join(span, rest)


# ---------------------------------------------------------------------------
# Reading and checking


def _read(path: pathlib.Path, columns: tuple[str, ...], problems: list[str]) -> list[tuple[int, dict[str, str]]]:
    rel = _rel(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = tuple(reader.fieldnames or ())
            missing = [c for c in columns if c not in header]
            if missing:
                problems.append(f"{rel}: kolom {', '.join(missing)} tidak ada (kolom wajib: {','.join(columns)})")
                return []
            rows = []
            for row in reader:
                if None in row:  # more cells than columns: an unquoted comma
                    problems.append(
                        f"{rel}:{reader.line_num}: ada sel lebih dari {len(header)} kolom; "
                        "teks yang memuat koma harus diapit tanda kutip"
                    )
                    continue
                rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items()}))
            return rows
    except FileNotFoundError:
        problems.append(f"{rel}: berkas tidak ada")
    except (UnicodeDecodeError, csv.Error) as error:
        problems.append(f"{rel}: tidak bisa dibaca sebagai CSV UTF-8 ({error})")
    return []


def _rel(path: pathlib.Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def figure_files(data_dir: pathlib.Path) -> list[pathlib.Path]:
    """data/facts.csv, then data/defaults/*.csv in name order."""
    return [data_dir / "facts.csv", *sorted((data_dir / "defaults").glob("*.csv"))]


def load(data_dir: pathlib.Path | str | None = None) -> Catalog:
    """Read and check every source and figure under ``data_dir`` (default: the repo's data/).

    Raises :class:`DataError` listing every problem: a missing column, an empty
    or repeated id, a source id that sources.csv does not have, a row with
    neither a source nor an ``asumsi`` reason, a value its unit cannot format.
    """
    data_dir = pathlib.Path(data_dir) if data_dir is not None else ROOT / "data"
    problems: list[str] = []
    catalog = Catalog()
    _load_sources(data_dir / "sources.csv", catalog, problems)
    for path in figure_files(data_dir):
        _load_figures(path, catalog, problems)

    if problems:
        raise DataError(problems)
    return catalog


def _load_sources(path: pathlib.Path, catalog: Catalog, problems: list[str]) -> None:
    """Add the rows of sources.csv to ``catalog``; append what is wrong to ``problems``."""
    for line, row in _read(path, SOURCE_COLUMNS, problems):
        where = f"{_rel(path)}:{line}"
        sid = row["id"]
        if not sid:
            problems.append(f"{where}: kolom id kosong")
            continue
        if sid in catalog.sources:
            problems.append(f"{where}: id sumber {sid!r} dipakai dua kali")
            continue
        for column in ("outlet", "title", "date"):
            if not row[column]:
                problems.append(f"{where}: kolom {column} kosong untuk sumber {sid!r}")
        try:
            format_date(row["date"])
        except ValueError as error:
            problems.append(f"{where}: kolom date: {error}")
        catalog.sources[sid] = Source(sid, row["outlet"], row["title"], row["date"], row["note"])


def _load_figures(path: pathlib.Path, catalog: Catalog, problems: list[str]) -> None:
    """Add the figures of one CSV file to ``catalog``; append what is wrong to ``problems``."""
    for line, row in _read(path, FIGURE_COLUMNS, problems):
        where = f"{_rel(path)}:{line}"
        fid = row["id"]
        if not fid:
            problems.append(f"{where}: kolom id kosong")
            continue
        if not _ID.match(fid):
            problems.append(f"{where}: id {fid!r} hanya boleh huruf, angka, _ dan - dipisah titik")
            continue
        if fid in catalog.figures:
            problems.append(f"{where}: id {fid!r} sudah dipakai di {catalog.figures[fid].where}")
            continue
        if row["value"] == "":
            problems.append(f"{where}: kolom value kosong untuk {fid!r}")
        if not row["unit"]:
            problems.append(f"{where}: kolom unit kosong untuk {fid!r}")
        if not row["meaning"]:
            problems.append(f"{where}: kolom meaning kosong untuk {fid!r}")
        if row["source"] and row["source"] not in catalog.sources:
            problems.append(f"{where}: sumber {row['source']!r} untuk {fid!r} tidak ada di data/sources.csv")
        if not row["source"] and not row["asumsi"]:
            problems.append(f"{where}: {fid!r} tidak punya sumber; isi kolom source atau tulis alasannya di kolom asumsi")
        figure = Figure(fid, row["value"], row["unit"], row["meaning"], row["source"], row["asumsi"], where)
        if row["value"] and row["unit"]:
            try:
                _ = figure.text  # formatting the value is the check
            except ValueError as error:
                problems.append(f"{where}: nilai {fid!r} tidak cocok dengan satuan {row['unit']!r}: {error}")
        catalog.figures[fid] = figure
