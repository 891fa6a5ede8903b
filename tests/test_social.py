"""Link previews (issue 13, point 12): every page carries Open Graph and Twitter card
tags with a preview card drawn at build time, and calculator pages say what they compute."""

from __future__ import annotations

import io
import pathlib
import re
import urllib.parse

import pytest
from PIL import Image

from sitebuild import cards
from tests.kit import CALCULATOR_PAGES, CALCULATORS

ROOT = pathlib.Path(__file__).resolve().parent.parent

META = re.compile(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)">')
NEEDED = ["og:title", "og:description", "og:url", "og:image", "og:type", "twitter:card", "twitter:image"]


def pages(site_dir: pathlib.Path) -> list[pathlib.Path]:
    return [p for p in sorted(site_dir.rglob("index.html")) if not p.parent.name == "search"]


def tags_of(page: pathlib.Path) -> dict[str, str]:
    return dict(META.findall(page.read_text(encoding="utf-8")))


class TestTags:
    def test_every_page_has_a_title_description_and_card(self, site_dir):
        site_url = "https://tiktok-live-plan-b.github.io/playbook/"
        missing, bad_images = {}, {}
        for page in pages(site_dir):
            tags = tags_of(page)
            absent = [t for t in NEEDED if not tags.get(t, "").strip()]
            if absent:
                missing[str(page.relative_to(site_dir))] = absent
                continue
            image = tags["og:image"]
            assert image == tags["twitter:image"] and image.startswith(site_url), image
            file = site_dir / urllib.parse.unquote(image[len(site_url) :])
            if not file.is_file():
                bad_images[str(page.relative_to(site_dir))] = image
                continue
            with Image.open(file) as card:
                assert card.format == "PNG" and card.size == (1200, 630), (file, card.size)
            assert tags["twitter:card"] == "summary_large_image"
            assert tags["og:url"].startswith(site_url)
        assert not missing, missing
        assert not bad_images, bad_images

    def test_cards_stay_small(self, site_dir):
        sizes = {p.name: p.stat().st_size for p in (site_dir / "assets" / "cards").glob("*.png")}
        assert len(sizes) >= len(pages(site_dir)) - 1
        assert max(sizes.values()) < 40_000, max(sizes.items(), key=lambda kv: kv[1])

    @pytest.mark.parametrize("name", CALCULATORS)
    def test_calculator_pages_describe_what_they_compute(self, site_dir, name):
        import yaml

        path = CALCULATOR_PAGES[name]  # "kalkulator/roi-iklan/", from docs/kalkulator/roi-iklan.md
        source = (ROOT / "docs" / f"{path.rstrip('/')}.md").read_text(encoding="utf-8")
        front = yaml.safe_load(source.split("---", 2)[1]) if source.startswith("---") else {}
        written = " ".join(str((front or {}).get("description", "")).split())
        assert written.startswith("Kalkulator "), f"docs/{path.rstrip('/')}.md: front matter description kalkulator"
        tags = tags_of(site_dir / path / "index.html")
        assert tags["og:description"] == tags["twitter:description"] == written

    def test_the_cards_are_kept_out_of_the_offline_copy(self):
        from sitebuild.hooks.offline import group_of

        assert group_of("assets/cards/jualan-iklan-roi.png", 20_000) == "lazy"


class TestCards:
    def test_a_long_title_fits_in_four_lines_on_the_card(self):
        png = cards.draw_card("Risiko per kanal: seberapa bergantung omzet pada satu aplikasi " * 2, section="Analisis", site="x")
        with Image.open(io.BytesIO(png)) as card:
            assert card.size == (cards.WIDTH, cards.HEIGHT)
            # the bottom strip under the site name stays the background colour: nothing ran over
            strip = card.convert("RGB").crop((0, cards.HEIGHT - 20, cards.WIDTH, cards.HEIGHT))
            assert [color for _, color in strip.getcolors()] == [cards.BACKGROUND]

    def test_card_names_follow_the_page_address(self):
        assert cards.card_name("") == "beranda.png"
        assert cards.card_name("jualan/iklan-roi/") == "jualan-iklan-roi.png"

    def test_the_font_comes_from_an_installed_package(self):
        assert cards.font_path().is_file() and "site-packages" in str(cards.font_path())
