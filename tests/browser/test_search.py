"""Search finds the words sellers type, and puts a chapter first (issue 13, point 10).

The theme's own search (its lunr worker and the built ``search/search_index.json``)
runs in chromium at phone size: the test types each query into the search box as
a reader would and reads the first result. Each query names the pages a seller
expects on top; notebooks (``analisis/``) never come first for a seller's word.
"""

from __future__ import annotations

import json
import re
import time

import pytest

from tests.kit import poll

PHONE = {"width": 390, "height": 844}

# query → pages accepted as the first result (paths from the site root)
SELLER_QUERIES = {
    # written in brackets or after a slash in the chapters: tokenized by the separator
    "harbolnas": {"jualan/kampanye-musiman/"},
    "12.12": {"jualan/kampanye-musiman/", "kalkulator/anggaran-kampanye/"},
    # platform names sellers type instead of "marketplace"
    "shopee": {"jualan/omnichannel/", "memahami/rencana-b/"},
    "lazada": {"jualan/omnichannel/", "memahami/rencana-b/"},
    "tokopedia": {"jualan/omnichannel/", "memahami/rencana-b/"},
    "ecommerce": {"memahami/rencana-b/", "memahami/lanskap-dampak/", "jualan/omnichannel/"},
    # the seller's own words for a topic the chapter names differently
    "ongkir": {"jualan/kepatuhan-layanan/"},
    "ongkos kirim": {"jualan/kepatuhan-layanan/"},
    "retur": {"jualan/kepatuhan-layanan/", "jualan/iklan-roi/"},
    "pengembalian barang": {"jualan/kepatuhan-layanan/"},
    "hpp": {"jualan/iklan-roi/", "kalkulator/roi-iklan/"},
    "modal barang": {"jualan/iklan-roi/", "kalkulator/roi-iklan/"},
    "jam posting": {"konten/ritme-posting/", "kalkulator/ritme-posting/"},
    "waktu posting": {"konten/ritme-posting/", "kalkulator/ritme-posting/"},
    "omzet turun": {"memahami/bertahan-kas/", "memahami/lanskap-dampak/", "memahami/rencana-b/", "kalkulator/guncangan-omzet/"},
    "roas": {"jualan/iklan-roi/", "kalkulator/roi-iklan/"},
}


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.goto(site_url + "jualan/", wait_until="load")
    yield page
    context.close()


def first_results(page, query: str, timeout: float = 15) -> list[str]:
    """Type ``query`` into the theme's search box; the result pages in order (site-relative)."""
    page.locator("label.md-header__button[for='__search']").click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.type(query, delay=10)
    before = [None]

    def answered(seen) -> bool:
        # the worker has answered once the meta line counts results (or says none) and the list holds still
        meta, hrefs = seen
        done = bool(hrefs or re.search(r"tidak ada|no matching", meta, re.I)) and seen == before[0]
        before[0] = seen
        return done

    time.sleep(0.2)  # the first look comes a moment after the last keystroke
    _, hrefs = poll(
        lambda: (
            page.locator(".md-search-result__meta").inner_text(),
            page.evaluate(
                """() => Array.from(document.querySelectorAll('.md-search-result__item > a.md-search-result__link'),
                                    (a) => a.href)"""
            ),
        ),
        until=answered,
        timeout=timeout,
        every=0.2,
        what=f"the results for {query!r}, holding still",
    )
    origin = page.evaluate("location.origin")
    pages = []
    for href in hrefs:
        path = re.sub(r"[?#].*$", "", href)
        path = path[len(origin) + 1 :] if path.startswith(origin) else path
        pages.append(path)
    page.keyboard.press("Escape")
    return pages


@pytest.mark.parametrize("query", sorted(SELLER_QUERIES))
def test_seller_query_puts_the_right_page_first(search_page, site_url, query):
    found = first_results(search_page, query)
    assert found, f"pencarian {query!r} tidak menemukan apa pun"
    assert found[0] in SELLER_QUERIES[query], f"{query!r}: hasil pertama {found[0]!r}, urutan: {found[:5]}"


def test_no_raw_formula_markup_in_the_index(site_dir):
    """Search snippets show text, not LaTeX (``\\begin{cases}``, ``\\text{…}``)."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    raw = [d["location"] for d in index["docs"] if re.search(r"\\(begin|end|text|frac|times)\b|\\\(|\\\[", d["text"])]
    assert not raw, raw


class TestIndexOnFirstUse:
    """The index (search/search_index.json) comes when the reader opens search, not with every page
    (issue 14, point 4: docs/assets/search/later.js holds the theme's request back until then)."""

    @staticmethod
    def open(browser, url):
        context = browser.new_context(viewport=PHONE, service_workers="block")
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda request: "search_index.json" in request.url and asked.append(request.url))
        page.goto(url, wait_until="load")
        return context, page, asked

    def test_reading_a_page_does_not_fetch_the_index(self, browser, site_url):
        context, page, asked = self.open(browser, site_url + "jualan/iklan-roi/")
        try:
            page.wait_for_timeout(1500)
            page.mouse.wheel(0, 3000)  # reading is not searching
            page.wait_for_timeout(500)
            assert asked == []
        finally:
            context.close()

    def test_search_works_after_the_first_tap(self, browser, site_url):
        context, page, asked = self.open(browser, site_url + "jualan/iklan-roi/")
        try:
            page.wait_for_timeout(500)
            assert asked == []
            found = first_results(page, "ongkir")
            assert len(asked) == 1
            assert found and found[0] in SELLER_QUERIES["ongkir"], found[:5]
        finally:
            context.close()

    def test_a_search_link_fetches_the_index_at_once(self, browser, site_url):
        # ?q= opens search with the query filled in: the results must come without a tap
        context, page, asked = self.open(browser, site_url + "?q=harbolnas")
        try:
            poll(lambda: page.locator(".md-search-result__item").count(), timeout=15, every=0.2, page=page,
                 what="search results from the link's query")
            assert len(asked) == 1
            assert page.locator(".md-search-result__item").count() > 0
        finally:
            context.close()


def test_index_holds_no_calculator_numbers_or_notebook_code(site_dir):
    """Prerendered results and Python code are not what sellers search for (issue 14, point 4)."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    calculators = [d["location"] for d in docs if d["location"].startswith("kalkulator/") and "Kembalikan angka contoh" in d["text"]]
    code = [d["location"] for d in docs if re.search(r"\bimport (pathlib|sys|pandas)\b", d["text"])]
    assert not calculators and not code, (calculators, code)
    # the pages themselves are still found: their prose stays in the index
    assert any(d["location"] == "kalkulator/roi-iklan/" and "ROAS" in d["text"] for d in docs)
    assert any(d["location"].startswith("analisis/roi-cpm-konversi/#") for d in docs)
