"""A seller's first minutes with a calculator on a phone (issue 13, points 2, 4 and 5).

- A shared link never shows numbers computed for other inputs: while the
  calculator loads, a box says what is happening and counts the runtime's
  megabytes; the prerendered defaults stay only where they match the form.
- The inputs behind the result are listed next to it, and "Kosongkan angka
  contoh" empties the example numbers without losing what the reader typed.
- A compact bar with the headline numbers stays in view while the reader
  types; the share actions sit under the headline, and phones get the system's
  share sheet.

Expected numbers come from the CLI (``python -m simulators NAME --json``).
"""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from sitebuild.calc.fmt import format_value
from sitebuild.calc.prerender import lookup
from tests.browser.site_pages import BAD_WORDS
from tests.browser.test_calculators import PAGES, check_against, settle, snapshot
from tests.kit import cli_json, poll

SCREEN = 844
SAMPLE = ["roi", "omnichannel", "campaign"]  # see test_inputs_behind_the_result_are_next_to_it
WHEEL = re.compile(r".*/simulators-.*\.whl$")

# Numbers the reader can see inside the calculator (result, bar, assumed inputs).
VISIBLE_NUMBERS = """(root) => Array.from(root.querySelectorAll('[data-output], [data-input]'))
  .filter((el) => el.checkVisibility())
  .map((el) => el.dataset.output || el.dataset.input)"""


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "service_workers": "block"}


def hold(page, pattern):
    """Route `pattern` into a list of held requests; returns (held, release)."""
    held, released = [], []

    def route(request_route):
        if released:
            request_route.continue_()
        else:
            held.append(request_route)

    page.route(pattern, route)

    def release():
        released.append(True)
        for request_route in held:
            request_route.continue_()

    return held, release


def runtime_bytes(site_dir, path: str) -> int:
    """What the build says the worker downloads, checked against the files on disk."""
    soup = BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    meta = json.loads(soup.select_one('meta[name="kalkulator-runtime"]')["content"])
    folder = (site_dir / path / meta["pyodide"]).resolve()
    on_disk = sum(f.stat().st_size for f in folder.iterdir() if f.name != "pyodide.mjs")
    on_disk += (site_dir / path / meta["wheel"]).resolve().stat().st_size
    assert meta["bytes"] == on_disk
    return on_disk


# ---------------------------------------------------------------------------
# 13.2 A shared link while the calculator loads


def test_link_shows_progress_and_no_number_for_other_inputs(page, site_dir, site_url):
    total = runtime_bytes(site_dir, PAGES["roi"])
    held_script, release_script = hold(page, "**/assets/calc/calculator.js")
    held_wheel, release_wheel = hold(page, WHEEL)
    page.goto(site_url + PAGES["roi"] + "?ad_spend=500000&cpm=60000", wait_until="commit")
    root = page.locator("[data-calculator]")
    root.wait_for()
    page.wait_for_selector("[data-calculator] [data-pending-box]", state="attached")
    # Before the page code has run, the default numbers are already kept off the screen.
    assert held_script and root.get_attribute("data-state") == "prerendered"
    assert root.evaluate(VISIBLE_NUMBERS) == []
    assert page.locator("[data-pending-box]").is_visible()
    release_script()

    # The page code says what is happening, with the runtime's megabytes.
    text = page.locator("[data-progress-text]")
    megabytes = f"{total / 1e6:.1f}".replace(".", ",")
    bar = page.locator("[data-progress]")
    # The first report may come before a byte has arrived ("0,0 dari …"): wait for bytes too.
    poll(
        lambda: (text.text_content(), bar.evaluate("(el) => el.value")),
        until=lambda seen: re.search(rf"Mengunduh mesin hitung: \d+,\d dari {megabytes} MB, (sekitar|beberapa|menghitung)", seen[0])
        and seen[1] > 0,
        timeout=60,
        page=page,
        what="the runtime's megabytes counted, some bytes in",
    )
    assert page.locator("[data-bar-waiting]").is_visible()
    assert "Memuat kalkulator" in page.locator("[data-bar-waiting]").text_content()
    assert root.evaluate(VISIBLE_NUMBERS) == []  # not the defaults' verdict, not the bar's numbers
    assert page.input_value("[name=ad_spend]") == "500.000"

    release_wheel()
    after = settle(page)
    assert (after["inputs"]["ad_spend"], after["inputs"]["cpm"]) == (500_000, 60_000)
    check_against(after, "roi", cli_json("roi", after["inputs"]))
    assert root.get_attribute("data-pending") is None
    assert page.locator("[data-shown]").is_visible() and page.locator(".calc-bar-numbers").is_visible()
    assert not page.locator("[data-pending-box]").is_visible()


def test_defaults_stay_on_screen_while_loading(page, site_url):
    held, release = hold(page, WHEEL)
    page.goto(site_url + PAGES["roi"])
    root = page.locator("[data-calculator]")
    poll(lambda: root.get_attribute("data-state"), until=lambda state: state == "loading", timeout=30, every=0.05, page=page,
         what="the calculator loading")
    # The form holds the defaults: their prerendered result is the right one and stays.
    shown = root.evaluate(VISIBLE_NUMBERS)
    assert "profit" in shown and "fixed_costs" in shown
    check_against(snapshot(page), "roi", cli_json("roi"))
    # Typing something else takes the numbers away until they are computed for it.
    page.fill("[name=cpm]", "30.000")
    page.locator("[data-pending-box]").wait_for()
    assert root.evaluate(VISIBLE_NUMBERS) == []
    release()
    after = settle(page)
    assert after["inputs"]["cpm"] == 30_000
    check_against(after, "roi", cli_json("roi", after["inputs"]))


# ---------------------------------------------------------------------------
# 13.4 What was assumed, and emptying the examples


def in_view(page, selector: str) -> dict:
    """The box of `selector` once it is on screen: blocks off screen are laid out with a
    placeholder height (content-visibility: auto) until they come near."""
    target = page.locator(selector).first
    target.scroll_into_view_if_needed()
    page.wait_for_timeout(100)
    target.scroll_into_view_if_needed()
    return target.bounding_box()


def assumed(page) -> dict[str, str]:
    return dict(page.locator("[data-calculator]").evaluate(
        "(root) => Array.from(root.querySelectorAll('[data-input]'), (el) => [el.dataset.input + '|' + el.dataset.format, el.textContent])"
    ))


def check_assumed(page, document) -> None:
    shown = assumed(page)
    assert shown, "no assumed input next to the result"
    for key, text in shown.items():
        path, kind = key.split("|")
        value = lookup(document["inputs"], path)
        expected = format_value(len(value or []), "int") if kind == "count" else format_value(value, kind)
        assert text == expected, f"{path}: shows {text!r}, CLI {expected!r}"


# A sample, not every calculator: one per kind of form (flat fields; rows linked by name; rows of
# moments with folded fields), to keep the browser run short.
@pytest.mark.parametrize("name", SAMPLE)
def test_inputs_behind_the_result_are_next_to_it(page, site_url, name):
    page.goto(site_url + PAGES[name])
    settle(page)
    check_assumed(page, cli_json(name))
    # right under the verdict (after the share buttons), not a screen away
    listed = in_view(page, "[data-calculator] [data-assumed]")
    verdict = page.locator("[data-calculator] [data-explain] [data-when]:not([hidden])").first.bounding_box()
    assert 0 <= listed["y"] - (verdict["y"] + verdict["height"]) < 200


def test_fixed_costs_are_shown_and_follow_the_result(page, site_url):
    page.goto(site_url + PAGES["roi"])
    settle(page)
    item = page.locator("[data-assumed] li").filter(has_text="Biaya tetap kampanye")
    in_view(page, "[data-assumed]")
    assert item.inner_text().replace("\u00a0", " ") == "Biaya tetap kampanye Rp 250.000"
    page.fill("[name=fixed_costs]", "400.000")
    after = settle(page)
    check_assumed(page, cli_json("roi", after["inputs"]))
    assert "Rp\u00a0400.000" in item.text_content()


def test_assumed_input_leads_to_its_folded_field(page, site_url):
    page.goto(site_url + PAGES["campaign"])
    settle(page)
    field = page.locator("[name=cogs_rate]")
    assert not field.is_visible()  # folded under "Modal, biaya platform, retur dan biaya tetap"
    page.locator("[data-assumed] a").filter(has_text="Modal barang (HPP)").click()
    assert field.is_visible()
    assert page.evaluate("document.activeElement.name") == "cogs_rate"


def test_clear_examples_keeps_what_was_typed_and_waits_for_the_rest(page, site_url):
    page.goto(site_url + PAGES["roi"])
    settle(page)
    page.fill("[name=ad_spend]", "3.000.000")  # the seller's own number
    settle(page)
    page.locator("[data-assumed] [data-action=clear-examples]").click()
    numbers = ["cpm", "ctr", "conversion_rate", "fixed_costs", "aov", "cogs_rate", "platform_fee_rate", "affiliate_rate", "return_rate"]
    assert page.input_value("[name=ad_spend]") == "3.000.000"
    for name in numbers:
        assert page.input_value(f"[name={name}]") == "", name
    assert page.get_attribute("[name=fixed_costs]", "placeholder") == "contoh: 250.000"
    assert page.evaluate("document.activeElement.name") == "cpm"  # the first field to fill
    root = page.locator("[data-calculator]")
    assert root.evaluate(VISIBLE_NUMBERS) == []  # nothing computed for inputs that are not there
    box = page.locator("[data-pending-box]")
    assert box.is_visible() and "Isi angka Anda di kolom yang masih kosong" in box.text_content()
    assert "9 angka contoh dikosongkan" in page.locator("[data-examples-status]").text_content()
    assert not BAD_WORDS.search(root.inner_text())

    # A reload keeps the emptied fields (nothing the reader did is lost).
    page.wait_for_timeout(400)
    page.reload()
    page.locator("[data-pending-box]").wait_for()
    assert page.input_value("[name=ad_spend]") == "3.000.000" and page.input_value("[name=cpm]") == ""

    typed = {"cpm": "40.000", "ctr": "2", "conversion_rate": "2,5", "fixed_costs": "100.000", "aov": "120.000",
             "cogs_rate": "50", "platform_fee_rate": "10", "affiliate_rate": "0", "return_rate": "3"}
    for name, text in typed.items():
        page.fill(f"[name={name}]", text)
    after = settle(page)
    assert after["inputs"] == {**cli_json("roi")["inputs"], "ad_spend": 3_000_000, "cpm": 40_000, "ctr": 0.02, "conversion_rate": 0.025,
                               "fixed_costs": 100_000, "aov": 120_000, "cogs_rate": 0.5, "platform_fee_rate": 0.1,
                               "affiliate_rate": 0, "return_rate": 0.03}
    check_against(after, "roi", cli_json("roi", after["inputs"]))
    check_assumed(page, cli_json("roi", after["inputs"]))


def test_undo_clear_puts_back_only_the_examples(page, site_url):
    page.goto(site_url + PAGES["omnichannel"])
    before = settle(page)
    page.locator("[data-examples] [data-action=clear-examples]").click()
    assert page.input_value("[name='channels.0.traffic']") == ""
    assert page.input_value("[name='channels.0.name']") != ""  # names are not example numbers
    page.fill("[name='channels.1.traffic']", "777")
    page.click("[data-action=undo-clear]")
    after = settle(page)
    assert after["inputs"]["channels"][1]["traffic"] == 777
    expected = json.loads(json.dumps(before["inputs"]))
    expected["channels"][1]["traffic"] = 777
    assert after["inputs"] == expected
    check_against(after, "omnichannel", cli_json("omnichannel", after["inputs"]))


# ---------------------------------------------------------------------------
# 13.5 The result in view while typing, share with the result


# one field far down each kind of form (SAMPLE)
@pytest.mark.parametrize("name, field, text", [("roi", "return_rate", "7"), ("omnichannel", "shock.traffic_drop", "80"),
                                               ("campaign", "post_peak_roas", "1,5")])
def test_result_bar_stays_in_view_while_typing(page, site_url, name, field, text):
    page.goto(site_url + PAGES[name])
    settle(page)
    control = page.locator(f"[data-calculator] [name='{field}']")
    control.scroll_into_view_if_needed()
    control.fill(text)
    after = settle(page)
    header = page.locator(".md-header").bounding_box()
    bar = page.locator("[data-result-bar]").bounding_box()
    field_box = control.bounding_box()
    assert header["y"] + header["height"] - 1 <= bar["y"] and bar["y"] + bar["height"] <= SCREEN
    assert field_box["y"] >= bar["y"] + bar["height"] - 1 or field_box["y"] + field_box["height"] <= bar["y"]  # not covered
    document = cli_json(name, after["inputs"])
    numbers = page.locator("[data-result-bar] [data-output]")
    assert numbers.count() >= 2
    for i in range(numbers.count()):
        el = numbers.nth(i)
        if not el.is_visible():
            continue
        key, kind = el.get_attribute("data-output"), el.get_attribute("data-format")
        assert el.text_content() == format_value(lookup(document["outputs"], key), kind), key


@pytest.mark.parametrize("name", SAMPLE)  # one per kind of form, as above
def test_share_sits_under_the_headline(page, site_url, name):
    page.goto(site_url + PAGES[name])
    settle(page)
    share = in_view(page, "[data-calculator] [data-action=share]")
    title = in_view(page, "[data-calculator] .calc-results-title")
    share = page.locator("[data-calculator] [data-action=share]").bounding_box()
    assert 0 < share["y"] - title["y"] < SCREEN, "Salin tautan is more than a screen below the result's title"


def phone_on_roi(browser, site_url, share_js: str):
    """A touch phone whose navigator.share is `share_js`, on the ROI calculator once it is ready."""
    context = browser.new_context(viewport={"width": 390, "height": SCREEN}, has_touch=True, is_mobile=True,
                                  bypass_csp=True, service_workers="block")
    context.add_init_script(f"navigator.share = {share_js};")
    page = context.new_page()
    page.goto(site_url + PAGES["roi"])
    settle(page)
    return context, page


def test_phone_shares_through_the_share_sheet(browser, site_url):
    context, page = phone_on_roi(browser, site_url, "(data) => { window.__shared = data; return Promise.resolve(); }")
    page.fill("[name=ad_spend]", "2.500.000")
    after = settle(page)
    button = page.locator("[data-calculator] [data-action=share]")
    assert button.text_content() == "Bagikan hasil"
    button.click()
    page.wait_for_function("() => window.__shared !== undefined")
    shared = page.evaluate("window.__shared")
    assert not page.locator("[data-share-box]").is_visible()  # the sheet, not the copy box
    assert shared["url"].startswith(site_url + PAGES["roi"] + "?")
    text = shared["text"].replace("\u00a0", " ")
    outputs = cli_json("roi", after["inputs"])["outputs"]
    for key, kind in (("profit", "rupiah"), ("roas", "ratio")):
        assert format_value(outputs[key], kind).replace("\u00a0", " ") in text, (key, text)
    other = context.new_page()
    other.goto(shared["url"])
    assert settle(other)["inputs"] == after["inputs"]
    context.close()


def test_phone_without_share_sheet_copies(browser, site_url):
    context, page = phone_on_roi(browser, site_url, "() => Promise.reject(new TypeError('not allowed'))")
    page.click("[data-calculator] [data-action=share]")
    page.locator("[data-share-box]").wait_for()
    assert page.input_value("[data-share-url]") == site_url + PAGES["roi"]
    context.close()
