"""MkDocs hook: Open Graph and Twitter card tags on every page, with a preview card.

A link pasted into WhatsApp shows a title, a line of description and an image
only when the page says so in ``<meta property="og:…">`` tags. Each page gets:
its title, a description (``description:`` in the front matter, else its first
paragraph, else the site's description), its address, and a 1200×630 card drawn
by ``sitebuild/cards.py`` into ``assets/cards/``. Calculator pages say in their
front matter what they compute.

Cards are written after the build (priority -50), before the Content Security
Policy and offline hooks read the site; the offline hook never precaches them
(crawlers fetch them, readers do not).
"""

from __future__ import annotations

import html
import logging
import pathlib
import re
import urllib.parse

from mkdocs.plugins import event_priority

from sitebuild import cards

log = logging.getLogger("mkdocs.hooks.social")

CARDS_DIR = "assets/cards"
DESCRIPTION_CHARS = 200

_pages: dict[str, tuple[str, str]] = {}


def on_config(config):
    _pages.clear()
    return config


def _first_paragraph(content: str) -> str:
    for match in re.finditer(r"<p\b[^>]*>(.*?)</p>", content or "", re.DOTALL):
        text = re.sub(r"<sup\b.*?</sup>", "", match.group(1), flags=re.DOTALL)  # footnote numbers
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())
        if len(text) > 40:
            return text
    return ""


def _shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def description_of(page, config) -> str:
    described = page.meta.get("description")
    if described:
        return " ".join(str(described).split())
    return _shorten(_first_paragraph(page.content)) or " ".join(str(config["site_description"] or "").split())


def heading_of(page) -> str:
    """The page's own heading ("Menghitung untung-rugi iklan"), which says more than its nav label."""
    match = re.search(r"<h1\b[^>]*>(.*?)</h1>", page.content or "", re.DOTALL)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).split()) if match else ""
    return text.rstrip("¶").strip() or page.title or ""


def on_post_page(output, page, config):
    site_url = config["site_url"] or ""
    is_home = page.is_homepage
    heading = config["site_name"] if is_home else heading_of(page)
    title = heading if is_home else f"{heading} · {config['site_name']}"
    section = "" if is_home or page.parent is None else (page.parent.title or "")
    name = cards.card_name(page.url)
    _pages[name] = (heading, section)
    image = urllib.parse.urljoin(site_url, f"{CARDS_DIR}/{name}")
    url = page.canonical_url or urllib.parse.urljoin(site_url, page.url)
    description = description_of(page, config)
    tags = {
        "og:type": "website",
        "og:site_name": config["site_name"],
        "og:locale": "id_ID",
        "og:title": title,
        "og:description": description,
        "og:url": url,
        "og:image": image,
        "og:image:width": str(cards.WIDTH),
        "og:image:height": str(cards.HEIGHT),
        "og:image:alt": title,
    }
    lines = [f'<meta property="{key}" content="{html.escape(value, quote=True)}">' for key, value in tags.items()]
    lines += [
        f'<meta name="{key}" content="{html.escape(value, quote=True)}">'
        for key, value in {
            "twitter:card": "summary_large_image",
            "twitter:title": title,
            "twitter:description": description,
            "twitter:image": image,
        }.items()
    ]
    return output.replace("</head>", "\n".join(lines) + "\n</head>", 1)


@event_priority(-50)
def on_post_build(config):
    folder = pathlib.Path(config["site_dir"]) / CARDS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, (title, section) in sorted(_pages.items()):
        png = cards.draw_card(title, section=section, site=config["site_name"])
        (folder / name).write_bytes(png)
        total += len(png)
    log.info("social: %d kartu pratinjau, %.0f KB", len(_pages), total / 1024)
