"""Reading on a 390×844 phone (issue 13): wide boxes say they scroll, targets are big
enough to tap, text is big enough to read.

Every built page is opened at phone size in chromium and measured after the
theme, KaTeX and the calculators' prerendered tables have laid it out.
"""

from __future__ import annotations

import json

import pytest

from tests.browser.site_pages import page_paths, serve_404_like_github_pages

PHONE = {"width": 390, "height": 844}

# Every box in the page that is cut at its right edge: what it is, how wide, and whether
# the line just above it tells the reader to swipe. Boxes off screen are brought into
# view first (calculator blocks skip layout until they come near).
CUT_BOXES = """async () => {
  const found = [];
  const all = Array.from(document.querySelectorAll('.md-content *'));
  for (const el of all) {
    const style = getComputedStyle(el);
    if (!['auto', 'scroll', 'hidden'].includes(style.overflowX)) continue;
    if (el.closest('[hidden], details:not([open])') || style.display === 'none') continue;
    // a box of 1 px or less is visually hidden on purpose (KaTeX's MathML for screen readers)
    if (el.scrollWidth <= el.clientWidth + 2 || el.clientWidth <= 1) continue;
    // KaTeX's own struts and the theme's hidden helpers are not content
    if (el.closest('.katex-html, .md-clipboard, .md-code__nav') && !el.matches('.katex-display')) continue;
    el.scrollIntoView({block: 'center'});
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    if (el.scrollWidth <= el.clientWidth + 2) continue;
    const before = (el.matches('code') && el.closest('.highlight') || el).previousElementSibling;
    const hinted = !!before && /geser/i.test(before.innerText || '') && before.getBoundingClientRect().height > 0;
    const scrolls = style.overflowX !== 'hidden';
    found.push({box: el.tagName.toLowerCase() + '.' + (el.className || '').toString().split(' ')[0],
                width: el.scrollWidth, shown: el.clientWidth, hinted, scrolls,
                text: (el.innerText || '').trim().slice(0, 40)});
  }
  return {page: document.documentElement.scrollWidth, viewport: innerWidth, found};
}"""


@pytest.fixture(scope="module")
def phone(browser, site_dir, site_url):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    serve_404_like_github_pages(context, site_dir, site_url)
    page = context.new_page()
    yield page
    context.close()


def open_laid_out(page, url: str) -> None:
    page.goto(url, wait_until="load")
    # KaTeX renders from deferred scripts and its fonts arrive later; the hint script watches sizes
    page.evaluate("document.fonts.ready.then(() => new Promise((r) => setTimeout(r, 300)))")


def test_every_wide_table_or_formula_scrolls_and_says_so(phone, site_dir, site_url):
    problems = {}
    for path in page_paths(site_dir):
        open_laid_out(phone, site_url + path)
        seen = phone.evaluate(CUT_BOXES)
        bad = [box for box in seen["found"] if not (box["scrolls"] and box["hinted"])]
        if seen["page"] > seen["viewport"]:
            bad.append({"page wider than the screen": seen["page"]})
        if bad:
            problems[path] = bad
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)[:6000]


def test_a_box_that_fits_gets_no_hint(phone, site_url):
    open_laid_out(phone, site_url + "kalkulator/roi-iklan/")
    hints = phone.evaluate(
        """() => Array.from(document.querySelectorAll('.md-content *'))
             .filter((el) => el.children.length === 0 && /geser ke samping/i.test(el.textContent)
                             && el.getBoundingClientRect().height > 0)
             .map((el) => el.nextElementSibling && el.nextElementSibling.scrollWidth - el.nextElementSibling.clientWidth)"""
    )
    assert all(extra is not None and extra > 2 for extra in hints), hints
