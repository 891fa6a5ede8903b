"""What the site's search index adds for sellers: their own words, readable formulas, ranking.

The theme's search (lunr in a web worker) only finds words a page contains.
Sellers type their own words: "ongkir" where a chapter says "pengiriman",
"shopee" where it says "marketplace", "HPP" or "modal barang". :func:`enrich`
adds such words to the index entries that talk about the same thing, in a
``synonyms`` field the worker searches but the result list never shows. A page
names what it is about in the seller's words in its front matter
(``keywords: [ongkir, retur]``); those go to a ``keywords`` field that weighs
like the title, so the page about shipping comes first for "ongkir".
It also turns LaTeX into readable text for the snippets and ranks notebooks
below chapters.

>>> entry = {"location": "jualan/x/", "title": "Layanan", "text": "<p>Waktu pengiriman 2 hari.</p>"}
>>> {"ongkir", "ongkos kirim"} <= seller_words(entry)
True
>>> math_to_text(r"\\(\\text{omzet} = \\frac{\\text{pesanan}}{2}\\)")
'omzet = pesanan / 2'
"""

from __future__ import annotations

import html
import re

__all__ = [
    "KEYWORDS_BOOST", "NOTEBOOK_BOOST", "SYNONYMS", "SYNONYMS_BOOST", "enrich", "expand", "leave_out", "math_to_text",
    "seller_words",
]

# Each group holds words that mean the same thing to a seller. An index entry that
# contains one of them (as a word or phrase, any case) is also found by the others.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("ongkir", "ongkos kirim", "biaya kirim", "pengiriman", "kurir", "resi"),
    ("hpp", "harga pokok", "harga pokok penjualan", "modal barang", "harga modal"),
    ("retur", "pengembalian barang", "pengembalian dana", "refund", "barang dikembalikan"),
    ("jam posting", "waktu posting", "jam unggah", "jadwal posting", "jadwal unggah", "ritme posting", "kalender unggahan"),
    ("marketplace", "e-commerce", "ecommerce", "toko online", "shopee", "lazada", "tokopedia", "blibli"),
    ("harbolnas", "hari belanja online nasional", "12.12"),
    ("omzet", "omset", "penjualan"),
    ("turun", "anjlok", "merosot", "sepi"),
    ("afiliasi", "affiliate", "afiliator"),
    ("live", "siaran langsung", "livestream", "live streaming"),
    ("iklan", "ads", "promosi berbayar"),
    ("roas", "return on ad spend"),
)

# Synonyms stand in for words of the text, so they weigh like the text (boost 1).
SYNONYMS_BOOST = 1.0
# A page's own keywords say what the whole page is about, as its title does (1000).
KEYWORDS_BOOST = 1000.0
# Notebooks repeat the chapters' words in titles, tables and code; a seller wants the
# chapter first, the notebook only when no chapter has the word.
NOTEBOOK_BOOST = 0.1

_TAG = re.compile(r"<[^>]+>")
# The root of a prerendered calculator (a div), and a notebook's folded code cell.
_CALCULATOR_ROOT = re.compile(r"<div\b[^<>]*\sdata-calculator=")
_DIV = re.compile(r"<div\b|</div>")
_NOTEBOOK_CODE = re.compile(r'<details class="kode">.*?</details>', re.DOTALL)

_MATH = re.compile(r"\\\((?P<inline>.+?)\\\)|\\\[(?P<block>.+?)\\\]", re.DOTALL)


def _pattern(term: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", re.IGNORECASE)


_PATTERNS = [[(term, _pattern(term)) for term in group] for group in SYNONYMS]


def plain(text: str) -> str:
    """An entry's HTML as plain text (tags dropped, entities decoded)."""
    return html.unescape(_TAG.sub(" ", text))


def seller_words(entry: dict) -> set[str]:
    """Words from :data:`SYNONYMS` that ``entry`` means but does not contain."""
    text = plain(entry.get("title", "") + " \n " + entry.get("text", ""))
    words: set[str] = set()
    for group in _PATTERNS:
        present = {term for term, pattern in group if pattern.search(text)}
        if present:
            words |= {term for term, _ in group if term not in present}
    return words


def expand(keywords) -> list[str]:
    """A page's front-matter keywords with every synonym of each, lower case, in order.

    >>> expand(["Ongkir"])[:3]
    ['ongkir', 'ongkos kirim', 'biaya kirim']
    """
    words: list[str] = []
    for keyword in keywords:
        word = " ".join(str(keyword).lower().split())
        group = next((g for g in SYNONYMS if word in g), (word,))
        for w in (word, *group):
            if w not in words:
                words.append(w)
    return words


def _group(term: str) -> str:
    """``a + b`` → ``(a + b)`` where a fraction's part needs brackets on one line."""
    term = term.strip()
    return f"({term})" if re.search(r"[\s+×·-]", term.replace("\\_", "_")) else term


def _latex(expr: str) -> str:
    """A LaTeX formula as a line of text: ``\\frac{a}{b}`` → ``a / b``, ``\\times`` → ×."""
    text = re.sub(r"\\(?:begin|end)\{[a-z*]+\}", " ", expr)
    text = re.sub(r"\\(?:text|mathrm|textbf|operatorname)\{([^{}]*)\}", r"\1", text)
    for _ in range(3):  # nested fractions, innermost first
        text = re.sub(r"\\d?frac\{([^{}]*)\}\{([^{}]*)\}", lambda m: f" {_group(m[1])} / {_group(m[2])} ", text)
    symbols = {
        r"\times": "×", r"\cdot": "·", r"\le": "≤", r"\leq": "≤", r"\ge": "≥", r"\geq": "≥",
        r"\ln": "ln", r"\left": "", r"\right": "", r"\,": " ", r"\;": " ", r"\quad": " ", r"\_": "_",
        r"\%": "%", r"\{": "(", r"\}": ")", r"\approx": "≈", r"\neq": "≠", r"\min": "min", r"\max": "max",
    }
    for name in sorted(symbols, key=len, reverse=True):
        text = re.sub(re.escape(name) + (r"(?![A-Za-z])" if name[-1].isalpha() else ""), symbols[name], text)
    text = re.sub(r"\\\\(\[[^\]]*\])?", "; ", text)  # line breaks of aligned/cases
    text = re.sub(r"\\[A-Za-z]+", " ", text)  # anything left is layout
    text = text.replace("&", " ").replace("{", "").replace("}", "")
    text = re.sub(r"\s*;\s*(;\s*)*", "; ", text)
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", text)).strip(" ;")


def math_to_text(text: str) -> str:
    """Every ``\\( … \\)`` and ``\\[ … \\]`` of ``text`` as readable text."""
    return _MATH.sub(lambda m: _latex(html.unescape(m["inline"] or m["block"])), text)


def leave_out(page_html: str) -> str:
    """What the search index reads of a page: ``page_html`` without calculators and notebook code.

    Left out: each calculator (its fields, prerendered results and tables:
    numbers for the default inputs, not words a seller searches for) and each
    notebook code cell. The page's own words, notebook text and results stay.
    (The theme's ``data-search-exclude`` cannot do this: its parser compares
    elements by tag name, so the first inner ``</div>`` ends the exclusion.)

    >>> leave_out('<p>Isi</p><div class="calc" data-calculator="roi"><div><p>Laba</p></div></div><p>Lagi</p>')
    '<p>Isi</p><p>Lagi</p>'
    >>> leave_out('<p>Hasil</p><details class="kode"><summary>Kode Python</summary><pre>x = 1</pre></details>')
    '<p>Hasil</p>'
    """
    parts = []
    position = 0
    for root in _CALCULATOR_ROOT.finditer(page_html):
        if root.start() < position:
            continue  # a calculator inside one already left out
        depth = 0
        for tag in _DIV.finditer(page_html, root.start()):
            depth += 1 if tag[0] == "<div" else -1
            if depth == 0:
                break
        else:
            raise ValueError("kalkulator tanpa </div> penutup")
        parts.append(page_html[position : root.start()])
        position = tag.end()
    parts.append(page_html[position:])
    return _NOTEBOOK_CODE.sub("", "".join(parts))


def enrich(index: dict, *, keywords: dict[str, list[str]] | None = None, notebooks: set[str] | frozenset[str] = frozenset()) -> dict:
    """The theme's ``search_index.json`` data with seller words, readable math and ranking.

    ``keywords`` maps a page URL ("jualan/x/") to its front-matter keywords, which
    go to the page's first entry; ``notebooks`` holds the URLs rendered from notebooks.
    """
    keywords = keywords or {}
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields["synonyms"] = {"boost": SYNONYMS_BOOST}
    fields["keywords"] = {"boost": KEYWORDS_BOOST}
    for entry in index.get("docs", []):
        entry["text"] = math_to_text(entry.get("text", ""))
        words = seller_words(entry)
        if words:
            entry["synonyms"] = " ".join(sorted(words))
        location = entry.get("location", "")
        page = location.split("#", 1)[0]
        if location == page and keywords.get(page):
            entry["keywords"] = " ".join(expand(keywords[page]))
        if page in notebooks and "boost" not in entry:
            entry["boost"] = NOTEBOOK_BOOST
    return index
