"""Link preview cards: one 1200×630 PNG per page, drawn offline with Pillow.

A link pasted into WhatsApp or Facebook shows the page's Open Graph image. The
theme's social plugin draws such cards with fonts it downloads from a CDN that
is unreachable here (and at build time on CI, a dependency on someone else's
server). These cards are drawn with DejaVu Sans, the font matplotlib ships in
its own wheel (pinned in requirements.txt), and Pillow (pinned as well), so the
same build gives the same cards anywhere.

>>> import io
>>> png = draw_card("Menghitung untung-rugi iklan", section="Kalkulator", site="Playbook Rencana B")
>>> from PIL import Image
>>> Image.open(io.BytesIO(png)).size
(1200, 630)
"""

from __future__ import annotations

import functools
import importlib.util
import io
import pathlib

from PIL import Image, ImageDraw, ImageFont

__all__ = ["HEIGHT", "WIDTH", "card_name", "draw_card", "font_path"]

WIDTH, HEIGHT = 1200, 630
# The site's primary colour (assets/stylesheets/extra.css) and white text: 5,6 : 1.
BACKGROUND = (191, 54, 12)
TEXT = (255, 255, 255)
SOFT = (255, 224, 210)
MARGIN = 80


def font_path(bold: bool = True) -> pathlib.Path:
    """DejaVu Sans from matplotlib's package data (no system font, no download)."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.origin:
        raise RuntimeError("matplotlib tidak terpasang: huruf kartu pratinjau diambil dari paketnya")
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = pathlib.Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / name
    if not path.is_file():
        raise RuntimeError(f"huruf {name} tidak ada di {path.parent}")
    return path


@functools.cache
def _font(size: int, bold: bool = True) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(bold)), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def card_name(url: str) -> str:
    """File name of a page's card: ``"jualan/iklan-roi/"`` → ``"jualan-iklan-roi.png"``."""
    slug = url.strip("/").replace("/", "-").removesuffix(".html")
    return (slug or "beranda") + ".png"


def draw_card(title: str, *, section: str, site: str) -> bytes:
    """The page title large on the site colour, the section above it, the site name below."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = WIDTH - 2 * MARGIN
    # the largest size at which the title fits in four lines
    for size in (76, 68, 60, 54, 48, 42):
        title_font = _font(size)
        lines = _wrap(draw, title, title_font, width)
        if len(lines) <= 4:
            break
    lines = lines[:4]
    if section:
        draw.text((MARGIN, MARGIN), section.upper(), font=_font(30), fill=SOFT)
    line_height = int(size * 1.22)
    top = (HEIGHT - line_height * len(lines)) // 2
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * line_height), line, font=title_font, fill=TEXT)
    draw.rectangle((MARGIN, HEIGHT - MARGIN - 58, MARGIN + 90, HEIGHT - MARGIN - 52), fill=SOFT)
    draw.text((MARGIN, HEIGHT - MARGIN - 36), site, font=_font(34, bold=False), fill=TEXT)
    # a few flat colours: a palette PNG is a fraction of a full-colour one
    small = image.quantize(colors=16, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()
