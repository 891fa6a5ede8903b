"""MkDocs hook: self-hosted math on the pages that have a formula.

Pages with formulas (``pymdownx.arithmatex``) get KaTeX from node_modules,
copied into the site at build time; other pages load nothing extra.
"""

from __future__ import annotations

import html
import logging
import pathlib
import re
import shutil

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

ROOT = pathlib.Path(__file__).resolve().parents[2]

log = logging.getLogger("mkdocs.hooks.formulas")

KATEX_DIR = ROOT / "node_modules" / "katex" / "dist"
MATH_INIT = ROOT / "sitebuild" / "static" / "math.js"
MATH_DEST = "assets/math"

_state: dict = {"math_pages": 0}


def on_config(config):
    _state["math_pages"] = 0
    return config


def on_post_page(output, page, config):
    if 'class="arithmatex"' in output:
        _state["math_pages"] += 1
        url = lambda name: html.escape(get_relative_url(f"{MATH_DEST}/{name}", page.url))  # noqa: E731
        head = f'<link rel="stylesheet" href="{url("katex.min.css")}">\n'
        body = "".join(
            f'<script defer src="{url(name)}"></script>\n' for name in ("katex.min.js", "auto-render.min.js", "math.js")
        )
        output = output.replace("</head>", head + "</head>", 1).replace("</body>", body + "</body>", 1)
    return output


def on_post_build(config):
    log.info("formulas: rumus di %d halaman", _state["math_pages"])
    if not _state["math_pages"]:
        return
    if not (KATEX_DIR / "katex.min.js").is_file():
        raise PluginError(
            f"KaTeX tidak ditemukan di {KATEX_DIR.relative_to(ROOT)}: jalankan `make node` (npm ci) dulu; "
            "rumus di halaman memerlukannya dan CDN tidak dipakai"
        )
    site = pathlib.Path(config["site_dir"])
    dest = site / MATH_DEST
    (dest / "fonts").mkdir(parents=True, exist_ok=True)
    css = (KATEX_DIR / "katex.min.css").read_text(encoding="utf-8")
    # Only the woff2 fonts are copied (every browser that runs the site reads
    # woff2), so the older formats are dropped from the stylesheet too.
    css = re.sub(r',url\(fonts/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)', "", css)
    (dest / "katex.min.css").write_text(css, encoding="utf-8")
    shutil.copy2(KATEX_DIR / "katex.min.js", dest / "katex.min.js")
    shutil.copy2(KATEX_DIR / "contrib" / "auto-render.min.js", dest / "auto-render.min.js")
    shutil.copy2(MATH_INIT, dest / "math.js")
    for font in (KATEX_DIR / "fonts").glob("*.woff2"):
        shutil.copy2(font, dest / "fonts" / font.name)
