"""Accessibility: axe-core on every page in both palettes, keyboard-only use, live announcements,
table alternatives for charts, touch targets on a 390 px wide phone.

axe-core comes from node_modules (pinned in package.json) and is installed as
an init script, so it is present on every page without touching the page's
Content Security Policy. The palette is the phone's own setting
(``color_scheme``), which the theme follows until the reader toggles it.
"""

from __future__ import annotations

import json
import pathlib

import pytest

from tests.browser.site_pages import calculator_pages, page_paths, serve_404_like_github_pages, wait_state
from tests.kit import CALCULATORS, cli_json, poll

ROOT = pathlib.Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({rule: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.slice(0, 4).map((n) => n.target.join(" ") + " — " + (n.failureSummary || "").split("\\n").slice(1, 2).join(""))}));
}"""


@pytest.fixture(scope="module", params=["light", "dark"])
def audited(request, browser, site_dir, site_url):
    assert AXE.exists(), "node_modules/axe-core tidak ada: jalankan `make test` (npm ci memasangnya)"
    context = browser.new_context(viewport=PHONE, color_scheme=request.param, service_workers="block")
    context.add_init_script(path=str(AXE))
    serve_404_like_github_pages(context, site_dir, site_url)
    page = context.new_page()
    page.scheme = request.param
    yield page
    context.close()


def test_axe_finds_no_serious_violation_on_any_page(audited, site_dir, site_url):
    calculators = set(calculator_pages(site_dir).values())
    found = {}
    for path in page_paths(site_dir):
        audited.goto(site_url + path, wait_until="load")
        if path in calculators and audited.scheme == "light":
            # light: the calculators as they end up (ready); dark: as a reader first sees them
            # (prerendered numbers, engine loading). Both states audited, Pyodide booted once per page.
            wait_state(audited, ("ready",))
        scheme = audited.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert scheme == ("slate" if audited.scheme == "dark" else "default"), (path, scheme)
        problems = audited.evaluate(RUN_AXE)
        if problems:
            found[path] = problems
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)[:6000]


# ---- the calculators, by keyboard and screen reader


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    yield page
    context.close()


def lookup(tree, path: str):
    for part in path.split("."):
        tree = tree[int(part)] if isinstance(tree, list) else tree.get(part) if isinstance(tree, dict) else None
    return tree


def wait_inputs(page, predicate, timeout: float = 30) -> dict:
    """The calculator's inputs once ``predicate`` holds for them and no computation is pending."""
    inputs, _ = poll(
        lambda: (
            page.evaluate("JSON.parse(document.querySelector('[data-calculator]').dataset.inputs)"),
            page.evaluate("document.querySelector('[data-calculator]').dataset.busy"),
        ),
        until=lambda seen: predicate(seen[0]) and seen[1] != "true",
        timeout=timeout,
        page=page,
        what="the inputs expected, computed",
    )
    return inputs


NUMERIC = "[data-calculator] input[data-unit=rupiah], [data-calculator] input[data-unit=number], [data-calculator] input[data-unit=integer]"


@pytest.mark.parametrize("name", CALCULATORS)
def test_calculator_works_with_keyboard_alone(phone, calculator_views, name):
    calculator_views.open(name)  # ready, untouched; its charts and touch targets are noted on the way
    # Tab from the top of the page until the first number field of the calculator has focus
    for _ in range(1, 200):
        phone.keyboard.press("Tab")
        if phone.evaluate(f"document.activeElement.matches({json.dumps(NUMERIC)})"):
            break
    else:
        raise AssertionError("Tab tidak pernah sampai ke kolom angka kalkulator")
    field = phone.evaluate("document.activeElement.name")
    before = phone.evaluate("JSON.parse(document.querySelector('[data-calculator]').dataset.inputs)")
    old = lookup(before, field)
    new = old + 1  # +1 stays inside every field's range (weeks 8 → 9, posts 2 → 3, Rp 2.000.000 → 2.000.001)
    phone.keyboard.press("Control+A")
    phone.keyboard.type(str(int(new)) if float(new).is_integer() else str(new).replace(".", ","))
    phone.keyboard.press("Tab")
    after = wait_inputs(phone, lambda inputs: lookup(inputs, field) == new)
    shown = phone.evaluate(
        "Object.fromEntries(Array.from(document.querySelectorAll('[data-calculator] [data-output]'), (el) => [el.dataset.output, el.dataset.value]))"
    )
    expected = cli_json(name, after)["outputs"]
    for key, value in shown.items():
        want = lookup(expected, key)
        if isinstance(want, (int, float)) and not isinstance(want, bool):
            assert float(value) == pytest.approx(want, rel=1e-9, abs=1e-9), key


def test_results_are_announced_once_per_change(phone, site_dir, site_url):
    phone.goto(site_url + calculator_pages(site_dir)["roi"])
    wait_state(phone, ("ready",))
    region = phone.locator("[data-calculator] [aria-live=polite]")
    assert region.count() == 1
    phone.evaluate(
        """() => {
          window.__announced = [];
          const region = document.querySelector('[data-calculator] [aria-live=polite]');
          new MutationObserver(() => window.__announced.push(region.textContent))
            .observe(region, {subtree: true, childList: true, characterData: true});
        }"""
    )
    field = phone.locator("[data-calculator] input[name=ad_spend]")
    field.click()
    phone.keyboard.press("Control+A")
    phone.keyboard.type("31234", delay=60)  # five keystrokes, each one a valid amount
    wait_inputs(phone, lambda inputs: inputs["ad_spend"] == 31234)
    phone.wait_for_timeout(2500)  # longer than any debounce
    announced = phone.evaluate("window.__announced")
    assert len(announced) == 1, announced
    assert announced[0].strip()


CHARTS = """() => Array.from(document.querySelectorAll('[data-calculator] canvas'), (canvas) => {
  const home = canvas.closest('figure') || canvas.parentElement;
  const table = home.querySelector('table');
  return {label: canvas.getAttribute('aria-label') || '', rows: table ? table.querySelectorAll('tbody tr').length : 0,
          headers: table ? table.querySelectorAll('th').length : 0};
})"""

TARGETS = """() => Array.from(document.querySelectorAll(
    '[data-calculator] button, [data-calculator] input, [data-calculator] select, [data-calculator] summary, ' +
    '.md-header button, .md-header label.md-header__button, .md-header a.md-header__button'))
  .filter((el) => el.checkVisibility({opacityProperty: true, visibilityProperty: true}))
  .map((el) => { const r = el.getBoundingClientRect();
                 return {what: el.outerHTML.slice(0, 90), w: r.width, h: r.height,
                         main: el.matches('[data-calculator] button, [data-calculator] input, [data-calculator] select')}; })
  .filter((b) => b.w > 0 && b.h > 0)"""


class CalculatorViews:
    """Each calculator page ready and untouched on a 390 px phone: its charts and its touch targets.

    Noted whenever a test opens a calculator (the keyboard tests do, one page
    load each), so the chart and target tests need no second load of their own;
    a page no test opened yet is opened for them.
    """

    def __init__(self, page, pages: dict[str, str], site_url: str):
        self.page, self.pages, self.site_url = page, pages, site_url
        self.seen: dict[str, dict] = {}

    def open(self, name: str) -> None:
        self.page.goto(self.site_url + self.pages[name])
        wait_state(self.page, ("ready",))
        self.seen[name] = {"charts": self.page.evaluate(CHARTS), "targets": self.page.evaluate(TARGETS)}

    def all(self) -> dict[str, dict]:
        for name in self.pages:
            if name not in self.seen:
                self.open(name)
        return {name: self.seen[name] for name in self.pages}


@pytest.fixture(scope="module")
def calculator_views(phone, site_dir, site_url) -> CalculatorViews:
    return CalculatorViews(phone, calculator_pages(site_dir), site_url)


def test_every_chart_has_a_table_alternative(calculator_views):
    for name, view in calculator_views.all().items():
        assert view["charts"], f"{name}: tanpa grafik"
        for described in view["charts"]:
            assert described["label"].strip() and described["rows"] > 0 and described["headers"] > 0, (name, described)


def test_touch_targets_on_a_phone(calculator_views):
    small = []
    for name, view in calculator_views.all().items():
        assert view["targets"], name
        for box in view["targets"]:
            # WCAG 2.2 AA: 24 × 24 CSS px; the calculator's own controls: 44 px high for thumbs
            if box["w"] < 24 or box["h"] < 24 or (box["main"] and box["h"] < 44):
                small.append((name, round(box["w"]), round(box["h"]), box["what"]))
    assert not small, "\n".join(map(str, small[:30]))
