"""MkDocs hook: sourced figures, source tables and dates in the pages.

Tokens in a page's Markdown (outside code):

- ``[[fakta:ID]]`` → the row's value in Indonesian with its unit, plus a
  footnote reference; the footnotes (outlet, title, date, or the assumption's
  reasoning) are appended to the page, one per source.
- ``[[fakta:ID1..ID2]]`` → a range ("40–60 %") with one footnote.
- ``[[tabel-sumber]]`` → every source with the figures that cite it
  (used by referensi/sumber.md).
- ``[[tabel-asumsi]]`` → every figure that is an assumption, with its reasoning.
- ``[[peta-isi]]`` → every page of the navigation, grouped by section, so the
  home page reaches each chapter in one tap and never drifts from ``nav:``.
- ``[[tanggal-build]]`` → the day the site was built ("3 Desember 2026"), so
  "counted from" text never goes stale.
- ``[[kalender:EVENT]]`` → the next date of a shopping moment on or after the
  build day: ``ramadan`` and ``lebaran`` from the tables of
  ``simulators/_calendar.py`` with the footnote of their ``data/facts.csv`` row,
  a double date (``12.12``) computed. A table that has run out stops the build.

An unknown id, a malformed token or a broken data row stops the build with a
message that names the page and the row. Formulas are typeset by
``formulas.py``, notebooks cleaned by ``notebooks.py``.
"""

from __future__ import annotations

import datetime as _dt
import html
import logging
import posixpath
import re
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Section

from simulators import _calendar
from sitebuild import ROOT, figures
from sitebuild.markdown_code import outside_code

log = logging.getLogger("mkdocs.hooks.figures")

SOURCES_PAGE = "referensi/sumber.md"

_ID = r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*"
FACT_TOKEN = re.compile(rf"\[\[fakta:(?P<low>{_ID})(?:\.\.(?P<high>{_ID}))?\]\]")
ANY_FACT_TOKEN = re.compile(r"\[\[fakta:[^\]]*\]\]")
CALENDAR_TOKEN = re.compile(r"\[\[kalender:(?P<event>[^\]]*)\]\]")
START_TOKEN = re.compile(r"\[\[mulai:(?P<event>[^\]]*)\]\]")
BUILD_DATE_TOKEN = "[[tanggal-build]]"
# Lunar moments: their table in simulators/_calendar.py and the id of each year's row in data/facts.csv.
LUNAR = {
    "ramadan": (_calendar.RAMADAN_START, "ramadan_{year}_start"),
    "lebaran": (_calendar.IDUL_FITRI, "idul_fitri_{year}"),
}
_state: dict = {"catalog": None, "nav": None, "tokens": 0, "today": None}


# ---------------------------------------------------------------------------
# Events


def on_config(config):
    try:
        _state["catalog"] = figures.load(ROOT / "data")
    except figures.DataError as error:
        raise PluginError(str(error)) from None
    _state["fee_uses"] = _fee_uses()
    _state["tokens"] = 0
    _state["today"] = _dt.date.today()
    return config


def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if not src.endswith(".md"):
        return markdown  # notebooks are rendered by mkdocs-jupyter from their own file
    catalog = _state["catalog"]
    today = _state["today"] or _dt.date.today()
    sources_link = _sources_link(src, files)
    notes: dict[str, str] = {}

    def fact(match: re.Match) -> str:
        try:
            low = catalog.figure(match["low"])
            high = catalog.figure(match["high"]) if match["high"] else None
            text = figures.format_range(low, high) if high else low.text
        except (KeyError, ValueError) as error:
            message = error.args[0] if error.args else str(error)
            raise PluginError(f"docs/{src}: {match.group(0)}: {message}") from None
        label, note = _footnote(low, high, catalog, sources_link)
        notes.setdefault(label, note)
        _state["tokens"] += 1
        return f"{_nowrap(text)}[^{label}]"

    def moment(match: re.Match) -> str:
        try:
            day, figure_id = next_moment(match["event"], today)
        except ValueError as error:
            raise PluginError(f"docs/{src}: {match.group(0)}: {error}") from None
        if figure_id is None:
            return figures.format_date(day.isoformat())
        row = catalog.figures.get(figure_id)
        if row is None or row.value != day.isoformat():
            raise PluginError(
                f"docs/{src}: {match.group(0)}: data/facts.csv perlu baris {figure_id} bernilai {day.isoformat()} "
                "(sama dengan simulators/_calendar.py) beserta sumber atau alasannya"
            )
        label, note = _footnote(row, None, catalog, sources_link)
        notes.setdefault(label, note)
        return f"{row.text}[^{label}]"

    def start(match: re.Match) -> str:
        try:
            return prepare_from(match["event"], today)
        except ValueError as error:
            raise PluginError(f"docs/{src}: {match.group(0)}: {error}") from None

    def tokens(text: str) -> str:
        text = FACT_TOKEN.sub(fact, text)
        text = CALENDAR_TOKEN.sub(moment, text)
        text = START_TOKEN.sub(start, text)
        text = text.replace(BUILD_DATE_TOKEN, figures.format_date(today.isoformat()))
        bad = ANY_FACT_TOKEN.search(text)
        if bad:
            raise PluginError(
                f"docs/{src}: token {bad.group(0)} tidak bisa dibaca; tulis [[fakta:ID]] "
                "atau [[fakta:ID_BAWAH..ID_ATAS]] dengan id dari data/facts.csv atau data/defaults/*.csv"
            )
        text = text.replace("[[tabel-sumber]]", _sources_table(catalog))
        text = text.replace("[[tabel-asumsi]]", _assumptions_table(catalog))
        if "[[peta-isi]]" in text:
            text = text.replace("[[peta-isi]]", _site_map(page))
        return text

    # Code is left alone, so a page may show a token as an example.
    markdown = outside_code(markdown, tokens)
    if notes:
        markdown = markdown.rstrip() + "\n\n" + "\n".join(f"[^{k}]: {v}" for k, v in notes.items()) + "\n"
    return markdown


def on_post_build(config):
    log.info("figures: %d angka dari data/", _state["tokens"])


# ---------------------------------------------------------------------------
# Pieces


def next_moment(event: str, today: _dt.date) -> tuple[_dt.date, str | None]:
    """The first date of ``event`` on or after ``today``, and the data/facts.csv id behind it.

    A double date is computed (``None`` id); Ramadan and Lebaran come from the
    tables of simulators/_calendar.py, which end some years ahead: past their
    last year the build stops and asks for the next one.

    >>> next_moment("12.12", _dt.date(2026, 12, 13))
    (datetime.date(2027, 12, 12), None)
    >>> next_moment("ramadan", _dt.date(2026, 12, 3))
    (datetime.date(2027, 2, 8), 'ramadan_1448_start')
    """
    if event in _calendar.DOUBLE_DATES:
        month = int(event.split(".")[0])
        day = _dt.date(today.year, month, month)
        return (day if day >= today else _dt.date(today.year + 1, month, month)), None
    if event not in LUNAR:
        allowed = ", ".join(["ramadan", "lebaran", *_calendar.DOUBLE_DATES])
        raise ValueError(f"momen {event!r} tidak dikenal; pilih salah satu: {allowed}")
    table, id_pattern = LUNAR[event]
    upcoming = sorted((day, year) for year, day in table.items() if day >= today)
    if not upcoming:
        raise ValueError(
            f"tabel {event} di simulators/_calendar.py berhenti di tahun {max(table)} H, sebelum {today.isoformat()}; "
            "tambahkan tahun berikutnya di sana dan di data/facts.csv"
        )
    day, year = upcoming[0]
    return day, id_pattern.format(year=year)


def prepare_from(event: str, today: _dt.date) -> str:
    """When to start preparing for the next ``event``: its peak minus the campaign model's pre-peak days.

    The peak is the moment itself, except Lebaran, whose shopping peaks a week
    before Idul Fitri. When that start has passed, the reader is told to start now.

    >>> prepare_from("12.12", _dt.date(2026, 11, 1))
    '28 November 2026'
    >>> prepare_from("12.12", _dt.date(2026, 12, 3))
    'sekarang (puncak 9 hari lagi)'
    """
    day, _ = next_moment(event, today)
    peak = day - _dt.timedelta(days=_calendar.LEBARAN_PEAK_DAYS_BEFORE) if event == "lebaran" else day
    lead = _campaign_lead_days()
    begin = peak - _dt.timedelta(days=lead)
    if begin <= today:
        return f"sekarang (puncak {(peak - today).days} hari lagi)" if peak > today else "sekarang (puncak hari ini)"
    return figures.format_date(begin.isoformat())


def _campaign_lead_days() -> int:
    """The campaign model's default pre-peak days: one number for the page and the calculator."""
    from simulators import campaign  # the model owns the number

    return int(campaign.CampaignInputs().pre_peak_days)


def _nowrap(text: str) -> str:
    """Keep "Rp" with its number and a number with its "%" on one line of a phone screen."""
    return re.sub(r"\bRp ", "Rp\u00a0", text).replace(" %", "\u00a0%")


def _md(text: str) -> str:
    """Data text inside Markdown, with the characters Markdown would act on escaped."""
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", " ".join(text.split()))


def _sources_link(src: str, files) -> str | None:
    """Relative link from page ``src`` to the sources table, if that page holds one."""
    target = files.get_file_from_path(SOURCES_PAGE)
    if target is None or "[[tabel-sumber]]" not in target.content_string:
        return None
    return posixpath.relpath(SOURCES_PAGE, posixpath.dirname(src) or ".")


def _cite(source: figures.Source, sources_link: str | None) -> str:
    text = f"{_md(source.outlet)}, “{_md(source.title)}”, {source.date_text}."
    if sources_link:
        text += f" [Lihat daftar sumber]({sources_link}#sumber-{source.id})."
    return text


def _footnote(low, high, catalog, sources_link) -> tuple[str, str]:
    """(label, text) of the one footnote behind a figure or a range."""
    rows = [low] if high is None else [low, high]
    cited = [catalog.sources[f.source] for f in rows if f.source]
    if all(f.source for f in rows) and len({s.id for s in cited}) == 1:
        return f"sumber-{cited[0].id}", _cite(cited[0], sources_link)
    if len(rows) == 1 or (not low.source and not high.source and low.asumsi == high.asumsi):
        return f"asumsi-{low.id}", f"Asumsi: {_md(catalog.readable(low.asumsi))}"
    parts = []
    for name, row in zip(("Batas bawah", "Batas atas"), rows, strict=True):
        what = _cite(catalog.sources[row.source], sources_link) if row.source else f"asumsi: {_md(catalog.readable(row.asumsi))}"
        parts.append(f"{name}: {what}")
    return f"fakta-{low.id}--{high.id}", " ".join(parts)


def _table(head: list[str], rows: list[str]) -> str:
    """A raw HTML table (cells already escaped), framed by blank lines for Markdown."""
    th = "".join(f"<th>{h}</th>" for h in head)
    body = "\n".join(row_html for row_html in rows)
    return f"\n\n<table>\n<thead><tr>{th}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n\n"


def _sources_table(catalog: figures.Catalog) -> str:
    """Two columns, so the table stays readable on a 390-pixel screen."""
    rows = []
    for source in sorted(catalog.sources.values(), key=lambda s: (s.date, s.id), reverse=True):
        uses = "".join(
            f"<li>{html.escape(f.meaning)}: {html.escape(_nowrap(f.text))}</li>" for f in catalog.citing(source.id)
        ) + "".join(f"<li>{html.escape(_nowrap(text))}</li>" for text in _state.get("fee_uses", {}).get(source.id, ()))
        note = f"<br><small>{html.escape(source.note)}</small>" if source.note else ""
        rows.append(
            f'<tr id="sumber-{html.escape(source.id)}">'
            f"<td><strong>{html.escape(source.outlet)}</strong><br>“{html.escape(source.title)}”<br>"
            f"{html.escape(source.date_text)}{note}</td>"
            f"<td>{f'<ul>{uses}</ul>' if uses else 'belum dikutip'}</td></tr>"
        )
    return _table(["Sumber", "Angka yang memakainya"], rows)


def _fee_uses() -> dict[str, list[str]]:
    """Source id → one line per row of data/fees.csv that cites it (the fees hook checks the rows)."""
    from simulators import fee_schedule
    from sitebuild import fees

    try:
        schedule = fee_schedule.load_schedule(
            (ROOT / "data" / "fees.csv").read_text(encoding="utf-8"),
            (ROOT / "data" / "sources.csv").read_text(encoding="utf-8"),
        )
    except fee_schedule.FeeDataError as error:
        raise PluginError(str(error)) from None
    uses: dict[str, list[str]] = {}
    for row in schedule.rows:
        if row.source:
            uses.setdefault(row.source, []).append(fees.describe(row))
    return uses


def _assumptions_table(catalog: figures.Catalog) -> str:
    """Each assumption by its readable meaning; the data id stays in the row's anchor only."""
    rows = [
        f'<tr id="asumsi-{html.escape(f.id)}">'
        f"<td>{html.escape(f.meaning)}: <strong>{html.escape(_nowrap(f.text))}</strong></td>"
        f"<td>{html.escape(catalog.readable(f.asumsi))}</td></tr>"
        for f in catalog.assumptions()
    ]
    return _table(["Angka", "Alasan asumsi"], rows)


def _site_map(page) -> str:
    """Nested list of every page in ``nav:``, linked relative to ``page``."""
    nav = _state["nav"]
    here = posixpath.dirname(page.file.src_uri) or "."

    def link(item) -> str:
        return f"[{_md(item.title or '')}]({posixpath.relpath(item.file.src_uri, here)})"

    lines = []
    for item in nav.items:
        if isinstance(item, Section):
            children: list[Any] = [c for c in item.children if not isinstance(c, Section) and getattr(c, "file", None)]
            index = next((c for c in children if c.file.src_uri.endswith("index.md")), None)
            head = f"[{_md(item.title)}]({posixpath.relpath(index.file.src_uri, here)})" if index else f"**{_md(item.title)}**"
            lines.append(f"- {head}")
            lines += [f"    - {link(c)}" for c in children if c is not index]
        elif getattr(item, "file", None) is not None and item.file.src_uri != page.file.src_uri:
            lines.append(f"- {link(item)}")
    return "\n\n" + "\n".join(lines) + "\n\n"
