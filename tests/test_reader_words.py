"""Reader pages speak the reader's language (issue 13, point 8).

No code names (``cogs_rate``), file paths (``data/facts.csv``), notebook prompts
("Out[2]:") or data keys in the text a reader sees. Code stays available to those
who open it: text inside a folded ``<details>`` (notebook code, contributor notes)
and in ``<code>`` inside it is not the reader's first view and is left out. Pages
written for contributors are named below.
"""

from __future__ import annotations

import json
import pathlib
import re
from html.parser import HTMLParser

# Pages whose subject is the code itself.
CONTRIBUTOR_PAGES = {"referensi/tentang/", "referensi/kinerja/"}

CODE_WORDS = re.compile(
    r"\b[a-z]+_[a-z0-9_]+\b"  # snake_case names from the models and data
    r"|\\text\{[^}]*\\_[^}]*\}"  # the same inside a formula
    r"|\b[\w-]+\.(?:py|csv|ipynb|json|js)\b"  # file names
    r"|\b(?:In|Out) ?\[\d*\]:"  # notebook prompts
)


class _ReaderText(HTMLParser):
    """The text of ``<article>`` outside folded details, scripts and screen-reader math."""

    SKIP = {"script", "style", "details", "svg", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.in_article = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "img", "input", "meta", "link", "hr", "wbr", "source"}:
            return
        cls = dict(attrs).get("class") or ""
        skip = tag in self.SKIP or "katex-mathml" in cls
        self.stack.append((tag, skip))
        if tag == "article":
            self.in_article += 1

    def handle_endtag(self, tag):
        while self.stack:
            name, _ = self.stack.pop()
            if name == "article":
                self.in_article -= 1
            if name == tag:
                break

    def handle_data(self, data):
        if self.in_article and not any(skip for _, skip in self.stack):
            self.parts.append(data)


def reader_text(html_text: str) -> str:
    parser = _ReaderText()
    parser.feed(html_text)
    return " ".join(parser.parts)


def test_the_check_sees_code_words():
    page = (
        "<article><p>Biaya \\(\\text{ad\\_spend}\\) dan cogs_rate dari data/facts.csv</p>"
        '<div class="jp-OutputPrompt">Out[2]:</div>'
        "<details><summary>Kode</summary><code>simulators/roi.py ad_spend</code></details></article>"
    )
    found = CODE_WORDS.findall(reader_text(page))
    assert found == ["\\text{ad\\_spend}", "cogs_rate", "facts.csv", "Out[2]:"]


def test_reader_pages_carry_no_code_words(site_dir: pathlib.Path):
    found = {}
    for index in sorted(site_dir.rglob("index.html")):
        path = index.parent.relative_to(site_dir).as_posix() + "/"
        if path in CONTRIBUTOR_PAGES or path.startswith("search/"):
            continue
        words = sorted(set(CODE_WORDS.findall(reader_text(index.read_text(encoding="utf-8")))))
        if words:
            found[path] = words[:10]
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


def test_search_snippets_carry_no_notebook_prompts(site_dir: pathlib.Path):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    prompts = [d["location"] for d in index["docs"] if re.search(r"\b(?:In|Out) ?\[\d*\]:", d["text"])]
    assert not prompts, prompts
