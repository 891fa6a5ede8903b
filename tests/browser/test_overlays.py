"""Nothing floats over what the reader is reading (issue 13.6).

After the reader scrolls up a little, the theme's "Kembali ke atas" button used
to appear over the text and the calculator's labels. The rule checked here: no
element fixed to the screen, other than the header, covers text or a form field.
"""

from __future__ import annotations

import pytest

# A sample, not every page: calculators with short and long forms, a chapter and a section index,
# the kinds of page where something can float (the theme's buttons, a calculator's result bar).
PAGES = [
    "kalkulator/roi-iklan/",
    "kalkulator/omnichannel/",
    "kalkulator/anggaran-kampanye/",
    "kalkulator/harga-jual/",
    "jualan/iklan-roi/",
    "rencana/",
]

# Visible elements fixed to the screen (outside the header) and the text or fields they cover.
COVERED = """() => {
  const visible = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== "hidden" && style.display !== "none" && Number(style.opacity) > 0.05
      && box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
  };
  const floating = [...document.querySelectorAll("body *")].filter((el) =>
    getComputedStyle(el).position === "fixed" && !el.closest(".md-header, .md-sidebar, .md-search, dialog") && visible(el));
  const readable = [...document.querySelectorAll(".md-content p, .md-content li, .md-content label, .md-content input, "
    + ".md-content select, .md-content h1, .md-content h2, .md-content h3, .md-content td, .md-content th, .md-content button")]
    .filter((el) => visible(el) && !floating.some((f) => f.contains(el)));
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const found = [];
  for (const f of floating) {
    const box = f.getBoundingClientRect();
    for (const el of readable) {
      if (overlaps(box, el.getBoundingClientRect())) {
        found.push(`${f.className || f.tagName} covers ${el.tagName.toLowerCase()} "${(el.textContent || el.name || "").trim().slice(0, 40)}"`);
        break;
      }
    }
  }
  return found;
}"""


@pytest.mark.parametrize("path", PAGES)
def test_nothing_fixed_covers_text_after_scrolling_up(page, site_url, path):
    page.goto(site_url + path)
    page.mouse.move(200, 400)
    for _ in range(8):  # down through the page, then a little back up, as a reader does
        page.mouse.wheel(0, 500)
        page.wait_for_timeout(60)
    for _ in range(3):
        page.mouse.wheel(0, -250)
        page.wait_for_timeout(60)
    page.wait_for_timeout(600)  # the theme fades its button in
    assert page.evaluate(COVERED) == []
