"""Formulas typeset when the site is built, so a phone downloads no math script.

``pymdownx.arithmatex`` (generic mode) leaves every formula of a page as
escaped TeX in ``<span class="arithmatex">\\( … \\)</span>`` (inline) or
``<div class="arithmatex">\\[ … \\]</div>`` (display). :func:`typeset` sends
all formulas of the build to KaTeX under node in one batch
(``sitebuild/typeset.mjs``: one node process per build, not one per formula)
and gets back HTML for the eye plus MathML for screen readers
(``output: "htmlAndMathml"``); :func:`replace` puts it inside the same
wrapper, with the inner ``<span>`` KaTeX's browser script added, so the page
is the one the script drew and the theme's styles (``div.arithmatex > *``: a
display formula centred, scrolling sideways in its own box) keep working. A formula KaTeX cannot read is a :class:`FormulaError`.

The page then needs only ``katex.min.css`` and the KaTeX fonts its markup
uses: :func:`fonts_used` reads which from the stylesheet's rules and the
classes in the typeset HTML, and :func:`stylesheet` keeps the ``@font-face``
rules of those fonts only, in ``woff2`` (every browser that runs the site
reads it).

>>> find('<p>Jika <span class="arithmatex">\\\\(k &lt; 1\\\\)</span>.</p>')
[Formula(tex='k < 1', display=False)]
"""

from __future__ import annotations

import html
import json
import pathlib
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Formula", "FormulaError", "find", "fonts_used", "replace", "stylesheet", "typeset"]

ROOT = pathlib.Path(__file__).resolve().parent.parent
TYPESET = ROOT / "sitebuild" / "typeset.mjs"

_ELEMENT = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<body>.*?)</(?P=tag)>', re.DOTALL)
_DELIMITERS = {"span": ("\\(", "\\)"), "div": ("\\[", "\\]")}
_RULE = re.compile(r"(?P<selectors>[^{}]+)\{(?P<declarations>[^{}]*)\}")
_FONT_FACE = re.compile(r"@font-face\{(?P<declarations>[^{}]*)\}")
_CLASS_ATTR = re.compile(r'class="(?P<names>[^"]*)"')
_SELECTOR_CLASS = re.compile(r"\.([A-Za-z0-9_-]+)")
_FAMILY = re.compile(r"\bfont(?:-family)?:[^;]*?(?P<family>KaTeX_[A-Za-z0-9]+)")


class FormulaError(ValueError):
    """Formulas KaTeX cannot read: ``problems`` maps each to KaTeX's message."""

    def __init__(self, problems: dict[Formula, str]):
        self.problems = dict(problems)
        super().__init__("\n".join(f"{formula.source}: {message}" for formula, message in self.problems.items()))


@dataclass(frozen=True)
class Formula:
    """One formula as written in the Markdown (TeX without its delimiters)."""

    tex: str
    display: bool

    @property
    def source(self) -> str:
        """The formula as the page's Markdown writes it, for error messages."""
        left, right = ("\\[", "\\]") if self.display else ("\\(", "\\)")
        return f"{left}{self.tex}{right}"


def _formula(match: re.Match) -> Formula:
    tag, body = match["tag"], html.unescape(match["body"]).strip()
    left, right = _DELIMITERS[tag]
    if body.startswith(left) and body.endswith(right):
        body = body[len(left) : -len(right)]
    # a display block written as \begin{align}…\end{align} comes without \[ \]
    return Formula(body.strip(), display=tag == "div")


def find(page_html: str) -> list[Formula]:
    """Every formula of ``page_html``, in order."""
    return [_formula(match) for match in _ELEMENT.finditer(page_html)]


def replace(page_html: str, typeset_html: dict[Formula, str]) -> str:
    """``page_html`` with each formula's TeX replaced by its typeset HTML, in the same wrapper."""

    def typeset_one(match: re.Match) -> str:
        tag = match["tag"]
        return f'<{tag} class="arithmatex"><span>{typeset_html[_formula(match)]}</span></{tag}>'

    return _ELEMENT.sub(typeset_one, page_html)


def typeset(formulas: Iterable[Formula]) -> dict[Formula, str]:
    """KaTeX's HTML and MathML for each formula, from one node process for all of them."""
    unique = list(dict.fromkeys(formulas))
    if not unique:
        return {}
    node = shutil.which("node")
    if not node:
        raise OSError("node tidak ditemukan: pasang Node.js lalu jalankan `make node`; rumus diketik saat build")
    if not (ROOT / "node_modules" / "katex").is_dir():
        raise OSError("node_modules/katex tidak ada: jalankan `make node` (npm ci) lebih dulu")
    request = json.dumps([{"tex": f.tex, "display": f.display} for f in unique])
    done = subprocess.run(
        [node, str(TYPESET)], input=request, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, check=False
    )
    if done.returncode != 0:
        raise OSError(f"sitebuild/typeset.mjs gagal (kode {done.returncode}):\n{done.stderr[-2000:]}")
    results = json.loads(done.stdout)
    problems = {f: r["error"] for f, r in zip(unique, results, strict=True) if "error" in r}
    if problems:
        raise FormulaError(problems)
    return {f: r["html"] for f, r in zip(unique, results, strict=True)}


def _font_faces(css: str) -> list[tuple[str, str, str, str]]:
    """(family, weight, style, woff2 file name) of every ``@font-face`` of ``css``."""
    faces = []
    for match in _FONT_FACE.finditer(css):
        declarations = match["declarations"]
        family = re.search(r"font-family:\s*([^;]+)", declarations)[1].strip("\"' ")  # type: ignore[index]  # KaTeX names one in each
        weight = re.search(r"font-weight:\s*([^;]+)", declarations)
        style = re.search(r"font-style:\s*([^;]+)", declarations)
        woff2 = re.search(r"url\((?:fonts/)?([^)]+\.woff2)\)", declarations)
        faces.append((
            family,
            "bold" if weight and weight[1].strip() in ("700", "bold") else "normal",
            "italic" if style and style[1].strip() == "italic" else "normal",
            woff2[1] if woff2 else "",
        ))
    return faces


def fonts_used(css: str, typeset_html: Iterable[str]) -> list[str]:
    """The woff2 files of ``css`` that the formulas in ``typeset_html`` can ask for.

    A style rule counts when every class its selector names occurs in the
    markup (``.katex .delimsizing.size1`` needs ``katex``, ``delimsizing`` and
    ``size1``). A counted rule with a font family asks for that family in its
    weight and style (``.mathnormal``: KaTeX_Math italic); one without (``.textbf``)
    makes every family asked for also wanted in that weight or style. Generous
    on purpose: a font too many costs a file that is never fetched, a font too
    few would draw the formula in a fallback font.
    """
    classes = {name for text in typeset_html for attr in _CLASS_ATTR.finditer(text) for name in attr["names"].split()}
    wanted: set[tuple[str, str, str]] = set()
    modifiers: set[tuple[str | None, str | None]] = set()
    for rule in _RULE.finditer(_FONT_FACE.sub("", css)):
        declarations = rule["declarations"]
        if "font" not in declarations:
            continue
        if not any(set(_SELECTOR_CLASS.findall(s)) <= classes for s in rule["selectors"].split(",")):
            continue
        named = _FAMILY.search(declarations)
        weight = "bold" if re.search(r"font-weight:\s*(?:700|bold)", declarations) else None
        style = "italic" if re.search(r"font-style:\s*italic", declarations) else None
        if named:
            wanted.add((named["family"], weight or "normal", style or "normal"))
        elif weight or style:
            modifiers.add((weight, style))
    wanted |= {(f, mw or w, ms or s) for f, w, s in wanted for mw, ms in modifiers}
    faces = _font_faces(css)
    chosen = set()
    for family, weight, style in wanted:
        exact = {f[3] for f in faces if f[:3] == (family, weight, style)}
        # no such face (KaTeX_Math has italic faces only): the browser takes the nearest one
        near = {f[3] for f in faces if f[0] == family and f[2] == style} or {f[3] for f in faces if f[0] == family}
        chosen |= exact or near
    return sorted(name for name in chosen if name)


def stylesheet(css: str, fonts: Iterable[str]) -> str:
    """KaTeX's stylesheet with ``@font-face`` rules for ``fonts`` only, each in woff2 alone."""
    keep = set(fonts)

    def face(match: re.Match) -> str:
        woff2 = re.search(r"url\((?:fonts/)?([^)]+\.woff2)\)", match["declarations"])
        return match.group(0) if woff2 and woff2[1] in keep else ""

    css = _FONT_FACE.sub(face, css)
    return re.sub(r',url\(fonts/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)', "", css)
