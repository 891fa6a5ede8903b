"""MkDocs hook: the search index finds the words sellers type (sitebuild/search.py).

Runs after the theme's search plugin has written ``search/search_index.json``
(priority -50) and before the Content Security Policy and offline hooks read
the built files (-90, -100). While the pages are built, each page's
front-matter ``keywords`` (a list of the words sellers type for its topic) and
the notebook pages are remembered for the index. Calculators and notebook code
stay out of the index: just before the theme's search plugin reads a page
(``on_page_context``, priority 50) the page shows it a copy without them
(:func:`sitebuild.search.leave_out`), and gets its whole content back right
after (priority -50), before the page is rendered.
"""

from __future__ import annotations

import json
import logging
import pathlib

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from sitebuild import search

log = logging.getLogger("mkdocs.hooks.search")

_notebooks: set[str] = set()
_keywords: dict[str, list[str]] = {}
_whole: dict[str, str] = {}  # page URL → its content, while the search plugin reads the shorter copy


def on_config(config):
    _notebooks.clear()
    _keywords.clear()
    return config


def on_page_content(html_text, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        _notebooks.add(page.url)
    words = page.meta.get("keywords")
    if words is not None:
        if not isinstance(words, list) or not all(isinstance(w, (str, int, float)) for w in words):
            raise PluginError(f"docs/{page.file.src_uri}: keywords di front matter harus daftar kata, mis. [ongkir, retur]")
        _keywords[page.url] = [str(w) for w in words]
    return html_text


@event_priority(50)
def _index_view(context, page, config, nav):
    _whole[page.url] = page.content
    try:
        page.content = search.leave_out(page.content)
    except ValueError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from None
    return context


@event_priority(-50)
def _whole_page(context, page, config, nav):
    page.content = _whole.pop(page.url, page.content)
    return context


on_page_context = CombinedEvent(_index_view, _whole_page)


@event_priority(-50)
def on_post_build(config):
    path = pathlib.Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.is_file():
        raise PluginError("search/search_index.json tidak ada: plugin search harus aktif di mkdocs.yml")
    index = search.enrich(json.loads(path.read_text(encoding="utf-8")), keywords=_keywords, notebooks=_notebooks)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    with_words = sum(1 for entry in index["docs"] if "synonyms" in entry)
    log.info(
        "search: %d bagian mendapat sinonim, %d halaman kata kunci, %d notebook di peringkat bawah",
        with_words, len(_keywords), len(_notebooks),
    )
