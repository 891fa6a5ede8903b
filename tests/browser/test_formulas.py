"""Formula pages on a phone: typeset at build time, drawn with KaTeX's own fonts, no script.

Each page with a formula is opened at 390×844 with the site's Content
Security Policy in force. The formulas must be drawn (KaTeX's HTML has a
size), every KaTeX font the drawn text asks for must have loaded (a font
missing from the build's subset would draw the formula in a fallback font),
nothing may fail to load, and no KaTeX script may be fetched. A display
formula wider than the screen scrolls inside its own box: the page itself
never scrolls sideways and no part of the formula is cut off.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.site_pages import WATCH, violations

WIDTH, HEIGHT = 390, 844

# Every element that draws text inside KaTeX's HTML, with the font it is drawn in and
# whether a loaded @font-face of that family, weight and style exists.
FONTS_DRAWN = """() => {
  const loaded = [...document.fonts].filter((f) => f.status === "loaded")
    .map((f) => [f.family.replace(/["']/g, ""), Number(f.weight) >= 600, f.style === "italic"].join("|"));
  const drawn = new Set();
  for (const el of document.querySelectorAll(".katex-html *")) {
    if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    const css = getComputedStyle(el);
    const family = css.fontFamily.split(",")[0].replace(/["']/g, "").trim();
    drawn.add([family, Number(css.fontWeight) >= 600, css.fontStyle === "italic"].join("|"));
  }
  return {drawn: [...drawn], missing: [...drawn].filter((key) => !loaded.includes(key))};
}"""

FORMULAS_SHOWN = """() => [...document.querySelectorAll(".arithmatex")].map((box) => {
  const drawn = box.querySelector(".katex-html");
  const r = drawn ? drawn.getBoundingClientRect() : {width: 0, height: 0};
  return {tag: box.tagName, width: r.width, height: r.height, tex: box.textContent.includes("\\\\")};
})"""

# Makes the first display formula wider than the screen (as a long formula would be),
# then reports how its box, the page and the formula's ends sit.
WIDE_FORMULA = """() => {
  const box = document.querySelector("div.arithmatex");
  box.querySelector(".katex").style.fontSize = "3.5em";
  const glyphs = [...box.querySelectorAll(".katex-html *")].filter((el) => el.childElementCount === 0 && el.textContent.trim());
  const edges = () => {
    const rects = glyphs.map((el) => el.getBoundingClientRect());
    return {left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right))};
  };
  const b = box.getBoundingClientRect();
  const start = edges();
  box.scrollLeft = box.scrollWidth;
  const end = edges();
  return {
    overflowX: getComputedStyle(box).overflowX,
    boxLeft: b.left, boxRight: b.right, scrollWidth: box.scrollWidth, clientWidth: box.clientWidth,
    pageWidth: document.documentElement.scrollWidth, startLeft: start.left, endRight: end.right,
    scrolled: box.scrollLeft,
  };
}"""


def formula_pages(site_dir) -> list[str]:
    pages = []
    for index in sorted(site_dir.rglob("index.html")):
        if 'class="arithmatex"' in index.read_text(encoding="utf-8"):
            relative = index.parent.relative_to(site_dir).as_posix()
            pages.append("" if relative == "." else relative + "/")
    return pages


@pytest.fixture(scope="module")
def phone(browser):
    # the site's own policy in force (no bypass_csp), every file from the server under test
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, service_workers="block")
    context.add_init_script(WATCH)
    page = context.new_page()
    page.problems = []
    page.requested = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(f"pageerror: {e}"))
    # A request the browser cancels because the test moves on (the chapter's runtime warm-up,
    # a late favicon) is not a page failing to load; a missing file is a 404, caught below.
    page.on("requestfailed", lambda r: None if "ERR_ABORTED" in (r.failure or "")
            else page.problems.append(f"gagal dimuat: {r.url}"))
    page.on("response", lambda r: page.problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: page.requested.append(r.url))
    yield page
    context.close()


def open_page(phone, url):
    phone.problems.clear()
    phone.requested.clear()
    phone.goto(url, wait_until="load")
    phone.evaluate("document.fonts.ready.then(() => true)")


def test_formula_pages_show_typeset_formulas_with_their_fonts_and_no_script(site_dir, site_url, phone):
    pages = formula_pages(site_dir)
    assert {"jualan/iklan-roi/", "konten/ritme-posting/"} <= set(pages), pages
    for path in pages:
        open_page(phone, site_url + path)
        shown = phone.evaluate(FORMULAS_SHOWN)
        assert shown and all(f["width"] > 0 and f["height"] > 0 for f in shown), (path, shown)
        scripts = [u for u in phone.requested if re.search(r"katex[^/]*\.js|auto-render|assets/math/[^/]*\.js", u)]
        assert not scripts, (path, scripts)
        fonts = phone.evaluate(FONTS_DRAWN)
        assert fonts["drawn"] and not fonts["missing"], (path, fonts)
        assert any(u.endswith(".woff2") for u in phone.requested), path
        assert not phone.problems and not violations(phone), (path, phone.problems, violations(phone))
        assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH, f"{path}: halaman bergeser ke samping"


def test_formula_wider_than_the_screen_scrolls_inside_its_box(site_url, phone):
    open_page(phone, site_url + "jualan/iklan-roi/")
    wide = phone.evaluate(WIDE_FORMULA)
    assert wide["scrollWidth"] > 2 * wide["clientWidth"], wide  # really wider than the screen
    assert wide["overflowX"] in ("auto", "scroll"), wide
    assert wide["pageWidth"] <= WIDTH and 0 <= wide["boxLeft"] and wide["boxRight"] <= WIDTH, wide
    # not cut: the formula's first glyph starts inside the box, and scrolling brings its last one in
    assert wide["startLeft"] >= wide["boxLeft"] - 1, wide
    assert wide["scrolled"] > 0 and wide["endRight"] <= wide["boxRight"] + 1, wide
