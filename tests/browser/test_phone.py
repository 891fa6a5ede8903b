"""Reading on a 390×844 phone (issue 13): wide boxes say they scroll, targets are big
enough to tap, text is big enough to read.

Every built page is opened at phone size in chromium and measured after the
theme, KaTeX and the calculators' prerendered tables have laid it out.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.site_pages import page_paths, serve_404_like_github_pages
from tests.kit import CALCULATOR_PAGES, CALCULATORS

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
    page.evaluate("document.fonts.ready.then(() => new Promise((r) => setTimeout(r, 100)))")


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


def test_a_wide_table_opened_later_says_so_then(phone, site_url):
    # A chart's table sits in a closed "Lihat sebagai tabel": it has no width until the reader
    # opens it, so its hint is added then (the script measures only laid-out boxes).
    open_laid_out(phone, site_url + CALCULATOR_PAGES["omnichannel"])
    details = phone.locator("details.calc-chart-table").first
    details.scroll_into_view_if_needed()
    wrap = details.locator(".calc-table-wrap")
    assert "pb-scrolls" not in (wrap.get_attribute("class") or "")
    details.locator("summary").click()
    phone.wait_for_function("(wrap) => wrap.classList.contains('pb-scrolls')", arg=wrap.element_handle(), timeout=5000)
    hint = wrap.locator("xpath=preceding-sibling::*[1]")
    assert "geser ke samping" in hint.inner_text().lower()
    assert wrap.evaluate("(el) => el.scrollWidth > el.clientWidth + 2")


# Pages that hold every kind of small thing: footnotes, tables, admonitions, checklists,
# a calculator form, a notebook, the sources list, the glossary, the footer.
SAMPLE_PAGES = [
    "",
    "jualan/iklan-roi/",
    "konten/ritme-posting/",
    "referensi/sumber/",
    "referensi/glosarium/",
    "kalkulator/roi-iklan/",
    "kalkulator/anggaran-kampanye/",
    "analisis/roi-cpm-konversi/",
]

# Tap targets smaller than 24×24 and visible text smaller than 14 px, on screen or
# below it (not in the closed navigation drawer, not visually hidden on purpose).
SMALL_THINGS = """() => {
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1 || r.right <= 0 || r.left >= innerWidth) return false;
    if (el.closest('[hidden], .md-sidebar, .md-search, details:not([open]) > :not(summary)')) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none';
  };
  const name = (el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '');
  const targets = [];
  for (const el of document.querySelectorAll('.md-header a[href], .md-header button, .md-header label, .md-main a[href], .md-main button, .md-main input:not([type=hidden]), .md-main select, .md-main summary, .md-footer a[href]')) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 24 || r.height < 24)
      targets.push({what: name(el), w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10,
                    text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 30)});
  }
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const done = new Set();
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!el || done.has(el) || !walker.currentNode.textContent.trim()) continue;
    done.add(el);
    // formulas follow KaTeX's own sizes; a font size of 0 is the theme's way to show an icon instead
    if (el.closest('.katex, script, style, noscript, .md-sidebar, .md-search') || !shown(el)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size > 0 && size < 14) texts.push({what: name(el), px: size, text: walker.currentNode.textContent.trim().slice(0, 30)});
  }
  return {targets, texts};
}"""


@pytest.mark.parametrize("path", SAMPLE_PAGES)
def test_tap_targets_and_text_are_big_enough(phone, site_url, path):
    open_laid_out(phone, site_url + path)
    for summary in phone.locator(".md-main details:not([open]) > summary").all():
        if summary.is_visible():
            summary.click()  # what is folded counts too, once opened
    found = phone.evaluate(SMALL_THINGS)
    assert not found["targets"], json.dumps(found["targets"][:15], ensure_ascii=False, indent=1)
    assert not found["texts"], json.dumps(found["texts"][:15], ensure_ascii=False, indent=1)


def test_footer_speaks_indonesian(phone, site_url):
    open_laid_out(phone, site_url)
    footer = phone.locator("footer").inner_text()
    assert not re.search(r"\b(Made with|Previous|Next|Copyright)\b", footer), footer


@pytest.mark.parametrize("name", CALCULATORS)
def test_calculator_page_says_what_you_learn_and_jumps_to_the_result(phone, site_url, name):
    open_laid_out(phone, site_url + CALCULATOR_PAGES[name])
    first = phone.locator("article h1 + p")
    assert first.inner_text().startswith("Dalam satu menit Anda akan tahu"), first.inner_text()
    box = first.bounding_box()
    assert box and box["y"] + box["height"] < PHONE["height"], "the line is not on the first screen"
    jump = first.get_by_role("link", name=re.compile("Lihat hasil"))
    jump.click()
    phone.wait_for_timeout(300)
    target = phone.evaluate("decodeURIComponent(location.hash.slice(1))")
    heading = phone.locator(f"[id='{target}']")
    assert heading.inner_text().strip().startswith("Hasil"), target
    top = heading.bounding_box()["y"]
    assert 0 <= top < PHONE["height"] / 2, f"the results heading is at {top} px after the jump"
