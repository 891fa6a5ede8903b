"""MkDocs hook: formulas typeset at build time (``sitebuild/formulas.py``).

- While the pages are built, each page's formulas (``pymdownx.arithmatex``)
  are collected; the search index keeps reading their TeX.
- Once every page is read (``on_env``), KaTeX typesets all of them in one
  node process. A formula KaTeX cannot read stops the build, naming the page
  and the formula.
- Each page with a formula gets the typeset HTML and MathML in place of the
  TeX, and a link to ``assets/math/katex.min.css``: no script. Other pages
  load nothing extra.
- After the build the stylesheet and the woff2 fonts the formulas use are
  copied from node_modules into ``assets/math/``.
"""

from __future__ import annotations

import html
import logging
import pathlib

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from sitebuild import ROOT, formulas

log = logging.getLogger("mkdocs.hooks.formulas")

KATEX_DIR = ROOT / "node_modules" / "katex" / "dist"
MATH_DEST = "assets/math"
STYLESHEET = "katex.min.css"

_state: dict = {"pages": {}, "typeset": {}}


def on_config(config):
    _state["pages"] = {}
    _state["typeset"] = {}
    return config


def on_page_content(html_text, page, config, files):
    found = formulas.find(html_text)
    if found:
        _state["pages"][page.file.src_uri] = found
    return html_text


def on_env(env, config, files):
    pages = _state["pages"]
    try:
        _state["typeset"] = formulas.typeset(f for found in pages.values() for f in found)
    except formulas.FormulaError as error:
        lines = [
            f"docs/{src}: {formula.source}\n    {error.problems[formula]}"
            for src, found in pages.items()
            for formula in dict.fromkeys(found)
            if formula in error.problems
        ]
        raise PluginError("rumus tidak bisa dibaca KaTeX:\n  " + "\n  ".join(lines)) from None
    except OSError as error:
        raise PluginError(str(error)) from None
    return env


def on_post_page(output, page, config):
    if page.file.src_uri not in _state["pages"]:
        return output
    output = formulas.replace(output, _state["typeset"])
    href = html.escape(get_relative_url(f"{MATH_DEST}/{STYLESHEET}", page.url))
    return output.replace("</head>", f'<link rel="stylesheet" href="{href}">\n</head>', 1)


def on_post_build(config):
    typeset = _state["typeset"]
    log.info("formulas: %d rumus di %d halaman, diketik saat build", len(typeset), len(_state["pages"]))
    if not typeset:
        return
    css = (KATEX_DIR / STYLESHEET).read_text(encoding="utf-8")
    fonts = formulas.fonts_used(css, typeset.values())
    dest = pathlib.Path(config["site_dir"]) / MATH_DEST
    (dest / "fonts").mkdir(parents=True, exist_ok=True)
    (dest / STYLESHEET).write_text(formulas.stylesheet(css, fonts), encoding="utf-8")
    for name in fonts:
        (dest / "fonts" / name).write_bytes((KATEX_DIR / "fonts" / name).read_bytes())
    log.info("formulas: %d huruf KaTeX disalin: %s", len(fonts), ", ".join(fonts))
