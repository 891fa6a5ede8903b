"""MkDocs hook: the latest `make bench` figures on the "Kinerja" page.

``[[tabel-kinerja]]`` alone on a line becomes, from ``data/benchmark.json``
(written by ``bench/run.py``, committed):

- one paragraph: when and on what machine the figures were taken, the
  network profile and the number of runs;
- a table per calculator page (first result, ready against bare Pyodide,
  recompute, warm visit, bytes, Lighthouse), one for the chapter pages, each
  figure with its target and whether it was met;
- the list of missed targets.

``[[target-kinerja]]`` becomes the table of targets, from the same list
``make bench`` judges by (``sitebuild/benchmark.py``).

No file yet gives a note saying how to make one; a malformed file stops the build.
"""

from __future__ import annotations

import datetime
import json
import re

from mkdocs.exceptions import PluginError

from simulators._format import format_number
from sitebuild import ROOT
from sitebuild.benchmark import TARGETS, show
from sitebuild.figures import MONTHS

DATA = ROOT / "data" / "benchmark.json"
TOKEN = re.compile(r"^[ \t]*\[\[tabel-kinerja\]\][ \t]*$", re.MULTILINE)
GOALS = re.compile(r"^[ \t]*\[\[target-kinerja\]\][ \t]*$", re.MULTILINE)


def _num(value: float, digits: int) -> str:
    return format_number(value, decimals=digits, min_decimals=digits)


def _verdict(met) -> str:
    return {True: "tercapai", False: "**meleset**", None: "tidak terukur"}[met]


def _page_name(md: str) -> str:
    return md.removesuffix(".md")


def _link(md: str) -> str:
    """A Markdown link from referensi/kinerja.md to the measured page."""
    return f"[{_page_name(md)}](../{md})"


def render(data: dict) -> str:
    """The Markdown that replaces the token."""
    machine, settings = data["machine"], data["settings"]
    when = datetime.datetime.fromisoformat(data["date"])
    net = settings["network"]
    lines = [
        f"Diukur pada {when.day} {MONTHS[when.month - 1]} {when.year} di {machine['cpu'] or 'CPU tak dikenal'}, "
        f"{machine['cores']} inti, memori {machine['memory']}; {machine['chromium']}, Pyodide {machine['pyodide']}, "
        f"Lighthouse {machine['lighthouse']}. Jaringan: {net['down_mbit_s']} Mbit/s turun dan {net['up_mbit_s']} Mbit/s "
        f"naik, latensi {net['latency_ms']} ms, cache kosong. Median dari {settings['repeats']} putaran dingin per "
        f"kalkulator ({settings.get('bare_runs', settings['repeats'])} untuk Pyodide polos, bergantian dengan "
        f"kalkulator), {settings['lighthouse_repeats']} putaran Lighthouse per halaman; beban mesin (rata-rata 1 menit) {_num(settings['load_before'], 1)} sebelum "
        f"dan {_num(settings['load_after'], 1)} sesudah.",
        "",
    ]
    if max(settings["load_before"], settings["load_after"]) > (machine.get("cores") or 1):
        # More work waiting than cores: every time below is slower than on an idle machine.
        lines += [
            '!!! warning "Mesin sedang sibuk saat diukur"',
            f"    Beban mesin melebihi jumlah intinya ({machine.get('cores')}), jadi proses lain ikut memakai CPU. "
            "Angka waktu dan skor Lighthouse di bawah lebih buruk daripada di mesin yang senggang; "
            "yang bisa dibandingkan adalah angka dalam putaran yang sama (misalnya terhadap Pyodide polos).",
            "",
        ]
    lines += [
        f"Pyodide polos (halaman pembanding yang hanya memuat Pyodide apa adanya di worker): siap setelah "
        f"**{show(data['bare']['ready_ms'], 'ms')}**, {show(data['bare']['bytes'], 'bytes')} terunduh.",
        "",
    ]
    # Judged again against today's targets (sitebuild/benchmark.py): an older file's verdicts
    # were made against the limits of its day. Checks of a target that no longer exists are left out.
    judged = [{**c, "met": TARGETS[c["target"]].met(c["value"])} for c in data["checks"] if c["target"] in TARGETS]
    checks = {(c["page"], c["target"]): c for c in judged}

    def row(md: str, label: str, key: str, kind: str, target: str | None = None) -> str:
        value = data["pages"][md].get(key)
        check = checks.get((md, target or key))
        goal, verdict = (TARGETS[target or key].label, _verdict(check["met"])) if check else ("", "")
        return f"| {label} | {show(value, kind)} | {goal} | {verdict} |"

    calculators = [md for md in data["pages"] if md.startswith("kalkulator/") and "ready_ms" in data["pages"][md]]
    for md in calculators:
        page = data["pages"][md]
        lines += [
            f"**Kalkulator [{_page_name(md).removeprefix('kalkulator/')}](../{md})**",
            "",
            "| Ukuran | Median | Target | Hasil |",
            "| --- | --- | --- | --- |",
            row(md, "Hasil pertama tampil", "first_result_ms", "ms"),
            row(md, "Siap menghitung", "ready_ms", "ms"),
            row(md, "Siap dibanding Pyodide polos", "ready_ratio", "ratio"),
            *([row(md, "Tautan bersama (isian lain), dingin: angka sendiri", "shared_own_ms", "ms"),
               row(md, "… dibanding Pyodide polos", "shared_ratio", "ratio")] if "shared_own_ms" in page else []),
            *([row(md, "Dibuka dari bab yang sudah menyiapkan runtime: angka sendiri", "warmed_own_ms", "ms")]
              if "warmed_own_ms" in page else []),
            row(md, f"Hitung ulang, p50 ({page['recompute_samples']} perubahan)", "recompute_p50_ms", "fine_ms"),
            row(md, "Hitung ulang, p95", "recompute_p95_ms", "fine_ms"),
            *([row(md, "Hitung ulang sampai tabel & grafik, p95", "recompute_drawn_p95_ms", "fine_ms")]
              if page.get("recompute_drawn_p95_ms") is not None else []),
            row(md, "Kunjungan kedua: siap", "warm_ready_ms", "ms"),
            *([row(md, "Kunjungan ketiga: siap", "hot_ready_ms", "ms")] if "hot_ready_ms" in page else []),
            row(md, "Terunduh", "bytes", "bytes"),
        ]
        if "lighthouse_score" in page:
            lines += [
                row(md, "Lighthouse (seluler), kinerja", "lighthouse_score", "score", "lighthouse_calculator"),
                row(md, "Lighthouse, Total Blocking Time", "lighthouse_tbt_ms", "ms", "tbt_ms"),
            ]
        lines.append("")
    chapters = [md for md in data["pages"] if md not in calculators and "bytes" in data["pages"][md]]
    if chapters:
        lines += [
            "**Halaman bab**",
            "",
            "| Halaman | Terunduh | + service worker | Berkas Pyodide | Hasil |",
            "| --- | --- | --- | --- | --- |",
        ]
        for md in chapters:
            page = data["pages"][md]
            met = [checks[(md, t)]["met"] for t in ("chapter_bytes", "chapter_pyodide") if (md, t) in checks]
            lines.append(
                f"| {_link(md)} | {show(page['bytes'], 'bytes')} | "
                f"{show(max(0, page['server_bytes'] - page['bytes']), 'bytes')} | "
                f"{show(page['pyodide_requested'], 'bool')} | {_verdict(all(met) if met else None)} |"
            )
        lines.append("")
    audited = [md for md in data["pages"] if md not in calculators and "lighthouse_score" in data["pages"][md]]
    for md in audited:
        lines += [
            f"**Lighthouse (seluler) pada halaman bab {_link(md)}**",
            "",
            "| Ukuran | Median | Target | Hasil |",
            "| --- | --- | --- | --- |",
            row(md, "Kinerja", "lighthouse_score", "score", "lighthouse_chapter"),
            row(md, "Total Blocking Time", "lighthouse_tbt_ms", "ms", "tbt_ms"),
            "",
        ]
    missed = [c for c in judged if c["met"] is False]
    reached = sum(1 for c in judged if c["met"])
    lines.append(f"Tercapai {reached} dari {len(judged)} target.")
    if missed:
        lines += ["", "Meleset:", ""]
        for check in missed:
            target = TARGETS[check["target"]]
            lines.append(f"- {_page_name(check['page'])}: {target.label} (terukur {show(check['value'], target.kind)})")
    return "\n".join(lines) + "\n"


def goals() -> str:
    """The targets as a Markdown table, from the same list ``make bench`` judges by."""
    lines = ["| Target | Diukur pada |", "| --- | --- |"]
    for target in TARGETS.values():
        lines.append(f"| {target.label} | {target.where} |")
    return "\n".join(lines) + "\n"


def on_page_markdown(markdown, page, config, files):
    markdown = GOALS.sub(lambda _: goals(), markdown)
    if not TOKEN.search(markdown):
        return markdown
    if not DATA.exists():
        note = ('!!! note "Belum ada angka"\n    Jalankan `make bench` untuk mengukur; hasilnya ditulis ke '
                "`data/benchmark.json` dan tampil di sini.\n")
        return TOKEN.sub(lambda _: note, markdown)
    try:
        table = render(json.loads(DATA.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as error:
        raise PluginError(f"data/benchmark.json rusak ({error!r}): jalankan `make bench` lagi") from None
    return TOKEN.sub(lambda _: table, markdown)
