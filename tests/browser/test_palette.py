"""The light/dark toggle (overrides/partials/palette.html), which replaces the theme's palette form.

It must do what the theme's did: follow the phone's setting until the reader
toggles, then keep the reader's choice on every page; and leave the theme's
start-up alone (no palette component for it to mount).
"""

from __future__ import annotations

import pytest

STATE = """() => {
  const button = document.querySelector(".pb-palette");
  const shown = [...button.querySelectorAll("[data-pb-palette-icon]")].filter((s) => !s.hidden).length;
  return [document.body.dataset.mdColorScheme, button.getAttribute("aria-label"), shown,
          document.querySelectorAll('[data-md-component="palette"]').length];
}"""


@pytest.mark.parametrize(("phone", "first", "other"), [
    ("light", ["default", "Ganti ke mode gelap"], ["slate", "Ganti ke mode terang"]),
    ("dark", ["slate", "Ganti ke mode terang"], ["default", "Ganti ke mode gelap"]),
])
def test_toggle_follows_the_phone_then_the_reader(browser, site_url, phone, first, other):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=phone, service_workers="block")
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(site_url + "kalkulator/roi-iklan/", wait_until="load")
        assert page.evaluate(STATE) == [*first, 1, 0]
        # The address bar keeps the header's colour, which the theme's component used to set.
        assert page.evaluate("document.querySelector('head meta[name=theme-color]').content") == "#ff6e42"
        page.locator(".pb-palette").click()
        assert page.evaluate(STATE) == [*other, 1, 0]
        # The choice holds on the next page, before and after the theme's script has run.
        page.goto(site_url + "jualan/iklan-roi/", wait_until="load")
        assert page.evaluate(STATE) == [*other, 1, 0]
        # Back to the first palette: still a choice the reader made, kept as such.
        page.keyboard.press("Tab")  # the button is reachable by keyboard too
        page.locator(".pb-palette").focus()
        page.keyboard.press("Enter")
        assert page.evaluate(STATE) == [*first, 1, 0]
        page.reload(wait_until="load")
        assert page.evaluate(STATE) == [*first, 1, 0]
        assert errors == []
    finally:
        context.close()
