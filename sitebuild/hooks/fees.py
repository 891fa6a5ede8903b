"""MkDocs hook: the marketplaces' fee schedules (data/fees.csv) in the pages.

Tokens in a page's Markdown (outside code):

- ``[[tabel-biaya:PLATFORM]]`` alone on a line (``tiktok-shop``, ``tokopedia``,
  ``shopee``, ``lazada``) → that platform's fees in force on the build date:
  commission per category group and tier, then the per-order fee, programs
  and rules; every fee with "per <tanggal>" and a footnote to its source (or
  to the reasoning of an assumption). A platform whose newest sourced row is
  older than six months also gets a warning box for the reader.
- ``[[tabel-biaya:pajak]]`` alone on a line → the tax rows (PPh 22).
- ``[[sumber-biaya:ID]]`` → a footnote to source ``ID`` of data/sources.csv,
  for a sentence that uses a source without quoting a number.

At every build the schedule is checked (a broken row stops the build, naming
line and column) and a stale platform gets a warning in the build output
("PERINGATAN biaya platform: …"). It is logged outside MkDocs' own logger on
purpose: the site is built with ``--strict``, which would otherwise fail every
build, and the deploy, as soon as the calendar passes six months after an
announcement, with no change to the repository. ``PLAYBOOK_FEES_STALE=strict``
(for a scheduled check) makes it an MkDocs warning, so a strict build fails;
``PLAYBOOK_FEES_STALE=info`` quietens it to an INFO line.
"""

from __future__ import annotations

import datetime
import logging
import os
import pathlib
import re

from mkdocs.exceptions import PluginError

from simulators import fee_schedule
from sitebuild import ROOT, figures
from sitebuild import fees as fee_pages
from sitebuild.hooks.figures import _cite, _md, _sources_link  # one citation format
from sitebuild.markdown_code import outside_code

log = logging.getLogger("mkdocs.hooks.fees")
# Not under "mkdocs": seen in the build output, not counted by --strict (see above).
stale_log = logging.getLogger("playbook.fees")
LEVELS = ("warning", "strict", "info")

TABLE = re.compile(r"^[ \t]*\[\[tabel-biaya:(?P<name>[^\]]*)\]\][ \t]*$", re.MULTILINE)
SOURCE = re.compile(r"\[\[sumber-biaya:(?P<id>[^\]]*)\]\]")
ANY_TOKEN = re.compile(r"\[\[(?:tabel|sumber)-biaya:[^\]]*\]\]")

_state: dict = {"schedule": None, "today": None}


def load(data_dir: pathlib.Path = ROOT / "data") -> fee_schedule.Schedule:
    """The schedule of ``data_dir``, checked; a broken row is a :class:`PluginError` naming it."""
    try:
        return fee_schedule.load_schedule(
            (data_dir / "fees.csv").read_text(encoding="utf-8"),
            (data_dir / "sources.csv").read_text(encoding="utf-8"),
        )
    except fee_schedule.FeeDataError as error:
        raise PluginError(str(error)) from None
    except FileNotFoundError as error:
        raise PluginError(f"jadwal biaya tidak bisa dibaca: {error.filename} tidak ada") from None


def report_stale(schedule: fee_schedule.Schedule, *, today: datetime.date, level: str = "warning") -> list[str]:
    """Log one line per stale platform (``level``: one of :data:`LEVELS`); return the lines."""
    if level not in LEVELS:
        raise PluginError(f"PLAYBOOK_FEES_STALE={level!r} tidak dikenal; pilih {', '.join(LEVELS)}")
    messages = schedule.stale_warnings(today=today)
    for message in messages:
        if level == "warning":
            stale_log.warning("PERINGATAN biaya platform: %s", message)
        else:
            getattr(log, "warning" if level == "strict" else "info")("biaya platform: %s", message)
    return messages


def on_config(config):
    _state["schedule"] = load()
    _state["today"] = datetime.date.today()
    report_stale(_state["schedule"], today=_state["today"], level=os.environ.get("PLAYBOOK_FEES_STALE", "warning"))
    return config


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if not src.endswith(".md") or "-biaya:" not in markdown:
        return markdown
    schedule, today = _state["schedule"], _state["today"]
    sources_link = _sources_link(src, files)
    notes: dict[str, str] = {}

    def cite_source(source_id: str) -> str:
        source = schedule.sources.get(source_id)
        if source is None:
            raise PluginError(f"docs/{src}: [[sumber-biaya:{source_id}]]: sumber itu tidak ada di data/sources.csv")
        label = f"sumber-{source_id}"
        notes.setdefault(label, _cite(figures.Source(source.id, source.outlet, source.title, source.date), sources_link))
        return label

    def cite(row: fee_schedule.FeeRow) -> str:
        if row.source:
            return cite_source(row.source)
        label = f"asumsi-biaya-{row.line}"
        notes.setdefault(label, f"Asumsi: {_md(row.asumsi)}")
        return label

    def table(match: re.Match) -> str:
        name = match["name"]
        if name == fee_pages.TAX:
            return fee_pages.tax_section(schedule, on=today, cite=cite)
        if name not in fee_schedule.PLATFORMS:
            raise PluginError(
                f"docs/{src}: [[tabel-biaya:{name}]]: platform tidak dikenal; pilih "
                f"{', '.join(fee_schedule.PLATFORMS)} atau {fee_pages.TAX}"
            )
        return fee_pages.platform_section(schedule, name, on=today, cite=cite)

    def tokens(text: str) -> str:
        text = TABLE.sub(table, text)
        text = SOURCE.sub(lambda m: f"[^{cite_source(m['id'])}]", text)
        bad = ANY_TOKEN.search(text)
        if bad:
            raise PluginError(
                f"docs/{src}: token {bad.group(0)} tidak bisa dibaca; [[tabel-biaya:PLATFORM]] harus berdiri "
                "sendiri di barisnya, dan [[sumber-biaya:ID]] memakai id dari data/sources.csv"
            )
        return text

    markdown = outside_code(markdown, tokens)
    # The figures hook may already have defined a footnote for the same source.
    new = {k: v for k, v in notes.items() if f"[^{k}]:" not in markdown}
    if new:
        markdown = markdown.rstrip() + "\n\n" + "\n".join(f"[^{k}]: {v}" for k, v in new.items()) + "\n"
    return markdown
