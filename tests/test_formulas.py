"""Formulas typeset at build time: sitebuild/formulas.py and its hook."""

from __future__ import annotations

import doctest
import importlib.util
import pathlib
import types

import pytest
from mkdocs.exceptions import PluginError

from sitebuild import formulas
from sitebuild.formulas import Formula, FormulaError, find, fonts_used, replace, stylesheet, typeset

ROOT = pathlib.Path(__file__).resolve().parent.parent
KATEX_CSS = (ROOT / "node_modules" / "katex" / "dist" / "katex.min.css").read_text(encoding="utf-8")

_spec = importlib.util.spec_from_file_location("formulas_hook", ROOT / "sitebuild" / "hooks" / "formulas.py")
hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hook)

# What pymdownx.arithmatex (generic mode) writes for "\(k < 1\)" and a display block.
INLINE = '<p>Jika <span class="arithmatex">\\(k &lt; 1\\)</span>, rugi.</p>'
DISPLAY = '<div class="arithmatex">\\[\n\\text{ROAS} = \\frac{\\text{omzet}}{\\text{biaya iklan}}\n\\]</div>'


def test_doctests():
    assert doctest.testmod(formulas).failed == 0


class TestFind:
    def test_inline_and_display_formulas_without_delimiters_and_escapes(self):
        assert find(INLINE + DISPLAY) == [
            Formula("k < 1", display=False),
            Formula("\\text{ROAS} = \\frac{\\text{omzet}}{\\text{biaya iklan}}", display=True),
        ]

    def test_environment_block_keeps_its_environment(self):
        page = '<div class="arithmatex">\\begin{aligned}a &amp;= b\\end{aligned}</div>'
        assert find(page) == [Formula("\\begin{aligned}a &= b\\end{aligned}", display=True)]

    def test_source_is_what_the_markdown_wrote(self):
        assert Formula("k < 1", display=False).source == "\\(k < 1\\)"
        assert Formula("x", display=True).source == "\\[x\\]"


class TestTypeset:
    def test_html_and_mathml_for_each_formula(self):
        found = find(INLINE + DISPLAY)
        done = typeset(found + found)  # a formula written twice is typeset once
        assert set(done) == set(found)
        inline, display = done[found[0]], done[found[1]]
        assert inline.startswith('<span class="katex">') and '<span class="katex-mathml"><math' in inline
        assert display.startswith('<span class="katex-display">') and 'display="block"' in display
        # the MathML keeps the TeX as its annotation; the drawn HTML is hidden from screen readers
        assert '<annotation encoding="application/x-tex">k &lt; 1</annotation>' in inline
        assert '<span class="katex-html" aria-hidden="true">' in inline

    def test_replace_keeps_the_wrapper_and_leaves_the_rest(self):
        found = find(INLINE + DISPLAY)
        page = replace(INLINE + DISPLAY, typeset(found))
        assert page.startswith('<p>Jika <span class="arithmatex"><span><span class="katex">')
        assert page.endswith("</span></span></div>") and ", rugi.</p>" in page
        assert "\\(" not in page and "\\[" not in page

    def test_every_unreadable_formula_is_reported_with_katex_message(self):
        good, bad, worse = Formula("a", False), Formula("\\frac{1}{", True), Formula("\\notacommand x", False)
        with pytest.raises(FormulaError) as caught:
            typeset([good, bad, worse])
        assert set(caught.value.problems) == {bad, worse}
        assert "KaTeX parse error" in caught.value.problems[bad]
        assert "\\notacommand" in str(caught.value)

    def test_nothing_to_typeset_starts_no_node(self, monkeypatch):
        monkeypatch.setattr(formulas.subprocess, "run", lambda *a, **k: pytest.fail("node started"))
        assert typeset([]) == {}


class TestFonts:
    def test_plain_formula_needs_the_main_and_math_fonts_only(self):
        done = typeset([Formula("k = 1 - r", False)])
        assert fonts_used(KATEX_CSS, done.values()) == ["KaTeX_Main-Regular.woff2", "KaTeX_Math-Italic.woff2"]

    def test_big_brackets_and_bold_bring_their_fonts(self):
        done = typeset([Formula("\\left(\\dfrac{n}{S}\\right) \\textbf{x}", True)])
        used = fonts_used(KATEX_CSS, done.values())
        assert "KaTeX_Main-Bold.woff2" in used
        assert any(name.startswith("KaTeX_Size") for name in used)
        assert not any(name.startswith(("KaTeX_Fraktur", "KaTeX_Script", "KaTeX_Typewriter")) for name in used)

    def test_stylesheet_keeps_woff2_of_the_chosen_fonts_only(self):
        css = stylesheet(KATEX_CSS, ["KaTeX_Main-Regular.woff2"])
        assert css.count("@font-face") == 1 and "url(fonts/KaTeX_Main-Regular.woff2)" in css
        assert ".woff)" not in css and ".ttf)" not in css
        assert ".katex .mathnormal{" in css  # the style rules stay


def page(src, url):
    return types.SimpleNamespace(file=types.SimpleNamespace(src_uri=src), url=url)


class TestHook:
    def test_unreadable_formula_stops_the_build_naming_page_and_formula(self):
        hook.on_config({})
        hook.on_page_content(INLINE, page("jualan/a.md", "jualan/a/"), {}, None)
        hook.on_page_content('<div class="arithmatex">\\[\\frac{1}{\\]</div>', page("konten/b.md", "konten/b/"), {}, None)
        with pytest.raises(PluginError) as caught:
            hook.on_env(None, {}, None)
        message = str(caught.value)
        assert "docs/konten/b.md: \\[\\frac{1}{\\]" in message and "KaTeX parse error" in message
        assert "jualan/a.md" not in message

    def test_formula_page_gets_markup_and_stylesheet_and_no_script(self):
        hook.on_config({})
        hook.on_page_content(INLINE, page("jualan/a.md", "jualan/a/"), {}, None)
        hook.on_page_content("<p>Tanpa rumus</p>", page("jualan/b.md", "jualan/b/"), {}, None)
        hook.on_env(None, {}, None)
        out = hook.on_post_page(f"<head></head><body>{INLINE}</body>", page("jualan/a.md", "jualan/a/"), {})
        assert '<link rel="stylesheet" href="../../assets/math/katex.min.css">' in out
        assert 'class="katex"' in out and "<script" not in out
        plain = "<head></head><body><p>Tanpa rumus</p></body>"
        assert hook.on_post_page(plain, page("jualan/b.md", "jualan/b/"), {}) == plain
