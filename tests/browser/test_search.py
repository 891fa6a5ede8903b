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
    deadline = time.monotonic() + timeout
    seen = None
    while time.monotonic() < deadline:
        time.sleep(0.2)
        meta = page.locator(".md-search-result__meta").inner_text()
        hrefs = page.evaluate(
            """() => Array.from(document.querySelectorAll('.md-search-result__item > a.md-search-result__link'),
                                (a) => a.href)"""
        )
        # the worker has answered once the meta line counts results (or says none) and the list holds still
        answered = hrefs or re.search(r"tidak ada|no matching", meta, re.I)
        if answered and (meta, hrefs) == seen:
            break
        seen = (meta, hrefs)
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
