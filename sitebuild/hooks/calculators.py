"""MkDocs hook: the calculators, prerendered, with their browser runtime.

- ``[[kalkulator:NAME]]`` alone on a line (outside code) becomes the
  calculator's markup with its default results computed now, in CPython, by
  the ``simulators`` package (``sitebuild/calc/prerender.py``). An unknown
  NAME stops the build.
- Pages holding a calculator get its stylesheet, the runtime's URLs and
  ``start.js`` (an async module that starts the Pyodide worker while the page
  is still loading) in ``<head>``; the markup itself carries
  ``calculator.js``. Other pages never start the worker.
- Chapter pages (the sections that end in a calculator: ``CHAPTER_SECTIONS``)
  get the runtime's file list and ``warm.js``, which fetches those files in the
  background once the reader has stayed a while, so the calculator opened
  next finds them on the phone.
- After the build the runtime (our wheel built from the source tree,
  Pyodide's core files and Chart.js from node_modules) is copied into
  ``assets/calc/runtime/`` (``sitebuild/calc/runtime.py``). Nothing of it is
  committed.
"""

from __future__ import annotations

import html
import json
import logging
import pathlib
import re
import time

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from sitebuild.calc import prerender, runtime
from sitebuild.markdown_code import mask_code

log = logging.getLogger("mkdocs.hooks.calculators")

TOKEN = re.compile(r"^[ \t]*\[\[kalkulator:(?P<name>[^\]]*)\]\][ \t]*$")
ANY_TOKEN = re.compile(r"\[\[kalkulator:[^\]]*\]\]")
SLOT = re.compile(r'<div data-kalkulator-slot="(?P<name>[a-z_]+)" data-index="(?P<index>\d+)"></div>')
ASSETS = "assets/calc"
# Sections whose chapters lead to a calculator: their pages fetch its runtime ahead (warm.js).
CHAPTER_SECTIONS = ("memahami/", "konten/", "jualan/", "rencana/")

_state: dict = {"runtime": None, "pages": 0}


def on_pre_build(config):
    started = time.perf_counter()
    try:
        _state["runtime"] = runtime.prepare()
    except runtime.MissingRuntime as error:
        raise PluginError(str(error)) from None
    _state["pages"] = 0
    log.debug("calculator runtime prepared in %.2f s", time.perf_counter() - started)


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    lines = markdown.split("\n")
    # A page may show the token as an example in code: code is masked out.
    masked = mask_code(markdown).split("\n")
    count = 0
    for number, line in enumerate(lines):
        match = TOKEN.match(masked[number])
        if match:
            name = match["name"]
            if name not in prerender.NAMES:
                raise PluginError(
                    f"docs/{src}:{number + 1}: kalkulator {name!r} tidak dikenal; pilih: {', '.join(prerender.NAMES)}"
                )
            indent = line[: len(line) - len(line.lstrip())]  # inside an admonition or a list item
            lines[number] = f'\n{indent}<div data-kalkulator-slot="{name}" data-index="{count}"></div>\n'
            count += 1
        elif ANY_TOKEN.search(masked[number]):
            raise PluginError(
                f"docs/{src}:{number + 1}: tulis [[kalkulator:NAMA]] sendirian di satu baris "
                f"(NAMA: {', '.join(prerender.NAMES)})"
            )
    return "\n".join(lines)


def _urls(page) -> dict[str, str | int]:
    rt = _state["runtime"]
    rel = lambda path: get_relative_url(path, page.url)  # noqa: E731
    return {
        "script": rel(f"{ASSETS}/calculator.js"),
        # pyodide_dir ends with "/" and get_relative_url keeps it: strip it first, or the
        # worker asks for ".../pyodide-X//pyodide.asm.wasm", which the service worker
        # does not know, so it downloads the whole runtime a second time.
        "pyodide": rel(rt.pyodide_dir.rstrip("/")) + "/",
        "wheel": rel(rt.wheel),
        "chart": rel(rt.chart),
        "bytes": rt.download_bytes(),
    }


def on_page_content(content, page, config, files):
    if "data-kalkulator-slot" not in content:
        return content
    urls = _urls(page)

    def calculator(match: re.Match) -> str:
        name, index = match["name"], int(match["index"])
        uid = f"kalkulator-{name}" + (f"-{index + 1}" if index else "")
        try:
            return prerender.render(name, urls=urls, uid=uid)
        except Exception as error:  # a model or template bug must stop the build, with the page named
            raise PluginError(f"docs/{page.file.src_uri}: kalkulator {name} gagal dirender: {error!r}") from error

    _state["pages"] += 1
    page.meta["calculator_page"] = True
    return SLOT.sub(calculator, content)


def _warm_head(page) -> str:
    """The runtime's files (what the calculator worker fetches) and warm.js, for a chapter's <head>."""
    rt = _state["runtime"]
    rel = lambda path: get_relative_url(path, page.url)  # noqa: E731
    files = [rel(rt.pyodide_dir + name) for name in runtime.PYODIDE_FILES] + [rel(rt.wheel)]
    content = html.escape(json.dumps({"files": files}), quote=True)
    return (
        f'<meta name="kalkulator-runtime" content="{content}">\n'
        f'<script defer src="{html.escape(rel(ASSETS + "/warm.js"))}"></script>\n'
    )


def on_post_page(output, page, config):
    if not page.meta.get("calculator_page"):
        if _state["runtime"] and page.file.src_uri.startswith(CHAPTER_SECTIONS):
            return output.replace("</head>", _warm_head(page) + "</head>", 1)
        return output
    rel = lambda path: html.escape(get_relative_url(path, page.url))  # noqa: E731
    urls = _urls(page)
    runtime_urls = html.escape(json.dumps({key: urls[key] for key in ("pyodide", "wheel", "bytes")}), quote=True)
    # start.js (async, in <head>) starts the worker while the page is still
    # being read; calculator.js, at the end of the markup, binds the form later.
    head = (
        f'<link rel="stylesheet" href="{rel(ASSETS + "/calculator.css")}">\n'
        f'<meta name="kalkulator-runtime" content="{runtime_urls}">\n'
        f'<script type="module" async src="{rel(ASSETS + "/start.js")}"></script>\n'
        f'<link rel="modulepreload" href="{rel(ASSETS + "/client.js")}">\n'
    )
    return output.replace("</head>", head + "</head>", 1)


def on_post_build(config):
    if not _state["pages"]:
        return
    written = runtime.copy_into(_state["runtime"], pathlib.Path(config["site_dir"]))
    log.info("calculators: %d pages, runtime %.1f MB copied", _state["pages"], written / 1e6)
