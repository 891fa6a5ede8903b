"""Hostile share links: every bad query gets a message in Indonesian and never runs code.

Each link is opened with the Content Security Policy enforced. Whatever it
carries, the page must: run no script from it (``window.__pwned`` stays
undefined, no element from it appears), raise no CSP violation, keep working
(``data-state="ready"``), show the problem next to its field or in the form's
general messages, keep the default for a refused value, and never show
"NaN", "undefined" or "Infinity".
"""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest

from tests.browser.site_pages import BAD_WORDS, HOSTILE_TEXTS, WATCH, calculator_pages, violations, wait_state
from tests.kit import poll

# id → (calculator, "key=value" pairs, where the message goes: field name or "" for the form's
# general box, a fragment of it, the field whose default must be kept)
Q = urllib.parse.quote
LONG = "9" * 10_000
ROI_FIELDS = ["ad_spend", "cpm", "conversion_rate", "aov"]
CASES = {
    # values that would be HTML or script
    **{f"roi-html-{i}": ("roi", f"{f}={Q(t)}", f, "bukan angka", f) for i, (f, t) in enumerate(zip(ROI_FIELDS, HOSTILE_TEXTS, strict=False))},
    "cadence-html-date": ("cadence", f"start_date={Q(HOSTILE_TEXTS[1])}", "start_date", "", "start_date"),
    "omni-html-traffic": ("omnichannel", f"channels.0.traffic={Q(HOSTILE_TEXTS[0])}", "channels.0.traffic", "bukan angka", None),
    # huge, negative and non-finite numbers
    "roi-1e400": ("roi", "fixed_costs=1e400", "fixed_costs", "bukan angka", "fixed_costs"),
    "roi-1e308": ("roi", "ad_spend=1e308", "ad_spend", "nilai dari tautan tidak dipakai", "ad_spend"),
    "roi-10e30": ("roi", "fixed_costs=1" + "0" * 30, "fixed_costs", "nilai dari tautan tidak dipakai", "fixed_costs"),
    "roi-NaN": ("roi", "ctr=NaN", "ctr", "bukan angka", "ctr"),
    "roi-Infinity": ("roi", "return_rate=Infinity", "return_rate", "bukan angka", "return_rate"),
    "roi-negative": ("roi", "cpm=-25000", "cpm", "nilai dari tautan tidak dipakai", "cpm"),
    "roi-zero-cpm": ("roi", "cpm=0", "cpm", "nilai dari tautan tidak dipakai", "cpm"),
    "cadence-weeks-53": ("cadence", "weeks=53", "weeks", "nilai dari tautan tidak dipakai", "weeks"),
    # 10 000 digits: a JavaScript number overflows to Infinity, so the page calls it no number
    "cadence-huge-int": ("cadence", "views_per_post=" + LONG, "views_per_post", "dari tautan", "views_per_post"),
    "cadence-impossible-date": ("cadence", "start_date=2025-02-30", "start_date", "", "start_date"),
    "omni-negative-traffic": ("omnichannel", "channels.1.traffic=-5", "channels.1.traffic", "", None),
    # very long strings
    "roi-long-number": ("roi", "aov=" + LONG + "x", "aov", "bukan angka", "aov"),
    "omni-long-name": ("omnichannel", "channels.2.name=" + "N" * 10_000, "channels.2.name", "terlalu panjang", None),
    # malformed query strings
    "roi-repeated-key": ("roi", "cogs_rate=0.3&cogs_rate=0.5", "cogs_rate", "muncul 2 kali", "cogs_rate"),
    "roi-broken-percent-encoding": ("roi", "platform_fee_rate=%E0%A4%A", "platform_fee_rate", "bukan angka", "platform_fee_rate"),
    "roi-broken-percent-in-key": ("roi", "c%E0%A4%Apm=1", "", "tidak dikenal", None),
    "roi-unknown-key-html": ("roi", f"{Q(HOSTILE_TEXTS[1])}=1&budget={Q(HOSTILE_TEXTS[0])}", "", "tidak dikenal", None),
    "cadence-unknown-key": ("cadence", "posts=3", "", "tidak dikenal", None),
    "omni-13-channels": ("omnichannel", "&".join(f"channels.{i}.traffic=100" for i in range(13)), "", "melewati batas 12", None),
    "roi-only-separators": ("roi", "&&&=&==", "", "", None),
    # the runway, campaign and plan calculators: nested objects, a fixed choice, a list of names
    "runway-html-plan-cpm": ("runway", f"plan.cpm={Q(HOSTILE_TEXTS[2])}", "plan.cpm", "bukan angka", "plan.cpm"),
    "runway-unknown-channel": ("runway", f"shock.channel={Q(HOSTILE_TEXTS[0])}", "shock.channel", "nilai dari tautan tidak dipakai", "shock.channel"),
    "campaign-html-event": ("campaign", f"events.0.event={Q(HOSTILE_TEXTS[1])}", "events.0.event", "nilai dari tautan tidak dipakai", None),
    # rows 0–5 exist by default; a row past the 14 moments is dropped (rows 6–13 left empty would each be refused)
    "campaign-15-events": ("campaign", "&".join(f"events.{i}.weight=1" for i in (*range(6), 14)), "", "melewati batas 14", None),
    "plan-13-channels": ("plan", "&".join(f"channels.{i}=Kanal{i}" for i in range(13)), "", "melewati batas 12", None),
    "plan-long-name": ("plan", "channels.1=" + "N" * 10_000, "channels.1", "terlalu panjang", None),
}


def _keys(query: str) -> set[str]:
    return {part.split("=", 1)[0] for part in query.split("&")}


def _batches() -> dict[str, tuple[str, str]]:
    """case → (calculator, the whole query it is tested in).

    Loading a calculator page boots Pyodide (seconds), so cases share links:
    each link carries several cases whose keys differ, and every case is
    still checked on its own field (or the form's general messages).
    """
    links: list[tuple[str, list[str]]] = []
    where = {}
    for case, (name, query, *_rest) in CASES.items():
        for index, (other, members) in enumerate(links):
            # general messages are checked by fragment: one per link keeps them apart
            general = not CASES[case][2] and any(not CASES[m][2] for m in members)
            if other == name and not general and not _keys(query) & set().union(*(_keys(CASES[m][1]) for m in members)):
                members.append(case)
                where[case] = index
                break
        else:
            links.append((name, [case]))
            where[case] = len(links) - 1
    return {case: (links[i][0], "&".join(CASES[m][1] for m in links[i][1])) for case, i in where.items()}


BATCHES = _batches()


@pytest.fixture(scope="module")
def hostile_page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    context.add_init_script(WATCH)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def open_link(page, url: str) -> dict:
    """Load ``url``, wait for the calculator to settle; what it shows, plus violations and page errors."""
    page.errors.clear()
    page.goto(url, wait_until="load")
    wait_state(page, ("ready",))
    # settle: no computation pending (polled from Python; see site_pages.wait_state). A form with
    # fields to fix stays busy (its results are not for the form) but computes nothing until the
    # reader fixes them: the status line says so (docs/assets/calc/status.js, "blocked").
    poll(
        lambda: page.evaluate("(() => { const root = document.querySelector('[data-calculator]');"
                              " return [root.dataset.busy, root.querySelector('[data-status]').textContent]; })()"),
        until=lambda seen: seen[0] != "true" or seen[1].startswith("Periksa isian yang ditandai."),
        timeout=10, page=page, what="no computation pending",
    )
    return page.evaluate(
        """() => {
          const root = document.querySelector('[data-calculator]');
          const errors = {};
          for (const slot of root.querySelectorAll('[data-error-for]')) if (!slot.hidden) errors[slot.dataset.errorFor] = slot.textContent;
          const general = root.querySelector('[data-general-errors]');
          return {
            pwned: typeof window.__pwned,
            injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length
              + Array.from(document.scripts).filter((s) => s.textContent.includes('__pwned')).length,
            text: root.innerText,
            inputs: JSON.parse(root.dataset.inputs),
            defaults: JSON.parse(root.dataset.defaults),
            errors,
            general: general.hidden ? '' : general.innerText,
            state: root.dataset.state,
          };
        }"""
    ) | {"violations": violations(page), "page_errors": list(page.errors)}


def get(tree, path: str):
    for part in path.split("."):
        tree = tree[int(part)] if isinstance(tree, list) else tree[part]
    return tree


def assert_harmless(seen: dict) -> None:
    assert seen["pwned"] == "undefined"
    assert seen["injected"] == 0
    assert seen["violations"] == []
    assert seen["page_errors"] == []
    assert seen["state"] == "ready"
    # a message may quote what the link said (“NaN”); nothing else may read NaN, undefined, Infinity
    unquoted = re.sub(r"“[^”]*”", "“…”", seen["text"])
    assert not BAD_WORDS.search(unquoted), unquoted[max(0, BAD_WORDS.search(unquoted).start() - 80) :][:200]


@pytest.fixture(scope="module")
def opened(site_dir, site_url, hostile_page):
    """Open each batched link once; every case then reads what its link showed."""
    seen: dict[str, dict] = {}

    def view(name: str, query: str) -> dict:
        if query not in seen:
            seen[query] = open_link(hostile_page, f"{site_url}{calculator_pages(site_dir)[name]}?{query}")
        return seen[query]

    return view


@pytest.mark.parametrize("case", CASES)
def test_hostile_query(opened, case):
    _, _, where, fragment, kept = CASES[case]
    seen = opened(*BATCHES[case])
    assert_harmless(seen)
    # a field's message sits next to it; when the link dropped that row, it names the field in the general box
    general_lines = seen["general"].splitlines()
    message = seen["errors"].get(where) or "\n".join(line for line in general_lines if line.startswith(f"{where}:")) if where else seen["general"]
    if where or fragment:
        assert message.strip(), f"tidak ada pesan untuk {where or 'formulir'}: {seen['errors']} {seen['general']!r}"
    assert fragment in message
    assert all(len(m) < 400 for m in [*seen["errors"].values(), *seen["general"].splitlines()])  # named, not echoed
    if kept:
        assert get(seen["inputs"], kept) == get(seen["defaults"], kept)


NAMES = HOSTILE_TEXTS + ["A & B <b>tebal</b>"]


@pytest.fixture(scope="module")
def named(site_dir, site_url, hostile_page):
    """One valid link naming five channels with markup; no links between them, the shock on the last."""
    query = {f"channels.{i}.name": text for i, text in enumerate(NAMES)}
    query |= {"channels.4.traffic": "500", "links": "", "shock.channel": NAMES[-1], "shock.traffic_drop": "0.5"}
    seen = open_link(hostile_page, f"{site_url}{calculator_pages(site_dir)['omnichannel']}?{urllib.parse.urlencode(query)}")
    seen["cells"] = hostile_page.evaluate(
        "Array.from(document.querySelectorAll('[data-calculator] table td, [data-calculator] table th'), (c) => c.textContent.trim())"
    )
    seen["options"] = hostile_page.evaluate(
        "Array.from(document.querySelectorAll('[data-calculator] select[name=\"shock.channel\"] option'), (o) => o.textContent)"
    )
    return seen


@pytest.mark.parametrize("index", range(len(NAMES)), ids=NAMES)
def test_hostile_channel_name_is_shown_as_text(named, index):
    text = NAMES[index]
    assert_harmless(named)
    assert named["errors"] == {} and named["general"] == ""
    assert named["inputs"]["channels"][index]["name"] == text
    # the very same characters in the result tables and in the shock's channel list
    assert text in named["cells"], named["cells"][:12]
    assert text in named["options"]


def test_repeated_hostile_keys_and_names_together(site_dir, site_url, hostile_page):
    # everything at once, as a forwarded message might carry it
    parts = [f"channels.0.name={Q(t)}" for t in HOSTILE_TEXTS] + [f"{Q(t)}={Q(t)}" for t in HOSTILE_TEXTS]
    seen = open_link(hostile_page, f"{site_url}{calculator_pages(site_dir)['omnichannel']}?{'&'.join(parts)}")
    assert_harmless(seen)
    assert "muncul 4 kali" in seen["errors"].get("channels.0.name", "") + seen["general"]
    assert json.dumps(seen["inputs"]["channels"][0]["name"]) == json.dumps(seen["defaults"]["channels"][0]["name"])


def test_typed_hostile_values_stay_text(site_dir, site_url, hostile_page):
    # the same hostility typed into the form instead of carried by a link
    page = hostile_page
    open_link(page, f"{site_url}{calculator_pages(site_dir)['omnichannel']}")

    def type_in(values: dict) -> None:
        for name, value in values.items():
            field = page.locator(f'[data-calculator] [name="{name}"]')
            field.fill(value)
            field.press("Tab")
        page.wait_for_timeout(1500)

    # a 10 000-character name reaches the model (the form has no length rule of its own)
    type_in({"channels.0.name": HOSTILE_TEXTS[0], "channels.2.name": "N" * 10_000})
    long_name = page.locator('[data-calculator] [data-error-for="channels.2.name"]')
    assert "40" in long_name.inner_text() and len(long_name.inner_text()) < 400
    # numbers a phone keyboard can produce that are no usable numbers: refused in the page itself
    type_in({"channels.2.name": "Instagram", "channels.1.traffic": "1e400", "channels.1.aov": "9" * 400, "channels.3.conversion_rate": "NaN"})
    seen = page.evaluate(
        """() => {
          const root = document.querySelector('[data-calculator]');
          const errors = {};
          for (const slot of root.querySelectorAll('[data-error-for]')) if (!slot.hidden) errors[slot.dataset.errorFor] = slot.textContent;
          return {pwned: typeof window.__pwned, text: root.innerText, errors, state: root.dataset.state,
                  injected: document.querySelectorAll('img[src="x"], [onerror], [onload]').length};
        }"""
    )
    assert seen["pwned"] == "undefined" and seen["injected"] == 0
    assert seen["state"] == "ready"
    assert violations(page) == [] and page.errors == []
    for name in ["channels.1.traffic", "channels.1.aov", "channels.3.conversion_rate"]:
        assert seen["errors"].get(name, "").strip(), (name, seen["errors"])
        assert len(seen["errors"][name]) < 400
    unquoted = re.sub(r"“[^”]*”", "“…”", seen["text"])
    assert not BAD_WORDS.search(unquoted)
    # the name with markup appears as typed wherever channels are listed
    assert HOSTILE_TEXTS[0] in page.evaluate(
        "Array.from(document.querySelectorAll('[data-calculator] select option'), (o) => o.textContent)"
    )


def _shown_problems(page) -> dict:
    return page.evaluate(
        """() => {
          const root = document.querySelector('[data-calculator]');
          const general = root.querySelector('[data-general-errors]');
          return {general: general.hidden ? '' : general.innerText,
                  fields: Array.from(root.querySelectorAll('[data-error-for]')).filter((s) => !s.hidden).map((s) => s.textContent)};
        }"""
    )


def test_search_result_opens_a_calculator_without_a_link_error(site_dir, site_url, hostile_page):
    # The theme's search highlight adds "?h=<words>" to every result link (issue 13, point 1).
    page = hostile_page
    roi = calculator_pages(site_dir)["roi"]
    page.goto(site_url, wait_until="load")
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("untung rugi iklan", delay=30)  # the search listens to keys
    result = page.locator(f".md-search-result__link[href*='{roi}?h=']").first
    result.wait_for(timeout=15_000)
    result.click()
    page.wait_for_url(f"**{roi}?h=*")
    wait_state(page, ("ready",))
    page.wait_for_timeout(500)
    assert _shown_problems(page) == {"general": "", "fields": []}
    assert violations(page) == [] and page.errors == []


def test_parameters_of_the_theme_and_of_apps_are_not_the_calculators(site_dir, site_url, hostile_page):
    # "q" opens the theme's search; apps tag shared links (Facebook, TikTok, campaign tags).
    query = "h=roas+iklan&q=roas&fbclid=IwAR0x&ttclid=E.C.P&utm_source=whatsapp&utm_medium=share&cpm=30000"
    seen = open_link(hostile_page, f"{site_url}{calculator_pages(site_dir)['roi']}?{query}")
    assert_harmless(seen)
    assert seen["errors"] == {} and seen["general"] == ""
    assert seen["inputs"]["cpm"] == 30000  # the calculator's own parameter still counts
    # a parameter nobody owns is still reported
    seen = open_link(hostile_page, f"{site_url}{calculator_pages(site_dir)['roi']}?h=roas&hh=1")
    assert "“hh” di tautan tidak dikenal" in seen["general"] and "“h”" not in seen["general"]
