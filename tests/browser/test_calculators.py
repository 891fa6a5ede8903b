"""The calculators in the browser show what the CLI prints, before and after Pyodide.

Every expected number comes from ``python -m simulators NAME --json ...`` run
in a subprocess on the inputs the page says it used (``data-inputs``), so the
page is held to the one source of numbers. Shown texts are compared with the
build's Indonesian formatting (``sitebuild.calc.fmt``), which also checks that
``format.js`` prints exactly what the prerendered page printed.

Functional tests use a context with ``bypass_csp=True`` (Playwright's polling
needs it); the policy itself is tested in ``test_csp.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from bs4 import BeautifulSoup

from simulators import series
from sitebuild.calc.fmt import format_value
from sitebuild.calc.prerender import lookup
from sitebuild.calc.today import RULES, build_date, dated_inputs
from tests.browser.site_pages import calculator_pages
from tests.kit import CALCULATOR_PAGES, CALCULATORS, cli_json, covers_every_calculator, poll

PAGES = CALCULATOR_PAGES  # name → page, from docs/ (checked against the build below)
# Pyodide (3.14, musl's libm) and CPython (3.11, glibc) may differ in the last
# bit of a math-library call (pow, exp); everything else is the same IEEE arithmetic.
REL = 1e-9


def same(shown: str, expected) -> bool:
    """``data-value`` text against the model's value (``""`` is null)."""
    if expected is None:
        return shown == ""
    if isinstance(expected, bool):
        return shown == json.dumps(expected)
    if isinstance(expected, str):
        return shown == expected
    return float(shown) == pytest.approx(expected, rel=REL, abs=1e-9)


def check_against(snapshot: dict, name: str, document: dict) -> None:
    """Every scalar output, every table cell and every shown text match ``document``."""
    outputs = document["outputs"]
    extras = series.extras(name, document["inputs"])
    assert snapshot["outputs"], "no data-output on the page"
    for key, value, kind, text in snapshot["outputs"]:
        expected = lookup(outputs, key)
        assert same(value, expected), f"{key}: page {value!r}, CLI {expected!r}"
        assert text == format_value(expected, kind), f"{key}: shows {text!r}"
    assert snapshot["tables"], "no table on the page"
    for key, source, columns, rows in snapshot["tables"]:
        expected_rows = lookup(extras if source == "extras" else outputs, key) or []
        assert len(rows) == len(expected_rows), f"table {key}: {len(rows)} rows, CLI {len(expected_rows)}"
        for row, want in zip(rows, expected_rows, strict=False):
            for (column, kind), (value, text) in zip(columns, row, strict=False):
                assert same(value, want[column]), f"{key}.{column}: page {value!r}, CLI {want[column]!r}"
                assert text == format_value(want[column], kind), f"{key}.{column}: shows {text!r}"


SNAPSHOT_JS = """(root) => ({
  state: root.dataset.state,
  busy: root.dataset.busy,
  inputs: JSON.parse(root.dataset.inputs),
  outputs: Array.from(root.querySelectorAll('[data-output]'),
    (e) => [e.dataset.output, e.dataset.value, e.dataset.format, e.textContent]),
  tables: Array.from(root.querySelectorAll('table[data-table]'), (t) => [
    t.dataset.table, t.dataset.from || 'outputs',
    Array.from(t.tHead.rows[0].cells, (th) => [th.dataset.key, th.dataset.format]),
    Array.from(t.tBodies[0].rows, (tr) => Array.from(tr.cells, (td) => [td.dataset.value, td.textContent])),
  ]),
})"""


def snapshot(page) -> dict:
    return page.locator("[data-calculator]").evaluate(SNAPSHOT_JS)


def static_snapshot(html: str) -> dict:
    """The same snapshot read from the built HTML file, before any script ran."""
    root = BeautifulSoup(html, "html.parser").select_one("[data-calculator]")
    tables = []
    for table in root.select("table[data-table]"):
        columns = [(th["data-key"], th["data-format"]) for th in table.thead.select("th")]
        rows = [[(td["data-value"], td.get_text()) for td in tr.select("td")] for tr in table.tbody.select("tr")]
        tables.append((table["data-table"], table.get("data-from", "outputs"), columns, rows))
    return {
        "state": root["data-state"],
        "inputs": json.loads(root["data-inputs"]),
        "outputs": [(e["data-output"], e["data-value"], e["data-format"], e.get_text()) for e in root.select("[data-output]")],
        "tables": tables,
    }


def settled(snap: dict) -> bool:
    if snap["state"] == "error":
        raise AssertionError(f"calculator not settled: state={snap['state']} busy={snap['busy']}")
    return snap["state"] == "ready" and snap["busy"] == "false"


def settle(page, timeout: float = 90) -> dict:
    """Wait (polling from Python) until the calculator is ready and shows what was asked."""
    return poll(lambda: snapshot(page), until=settled, timeout=timeout, every=0.05, what="the calculator ready, not busy")


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "service_workers": "block", "accept_downloads": True}


def test_tables_name_every_calculator(site_dir):
    """A new calculator cannot be left out of the tables below, nor its page out of PAGES."""
    covers_every_calculator(PAGES, "PAGES (the [[kalkulator:NAME]] pages in docs/)")
    assert PAGES == calculator_pages(site_dir)
    covers_every_calculator(EDITS, "EDITS")
    covers_every_calculator(CSV_TABLES, "CSV_TABLES")


# ---------------------------------------------------------------------------
# Results before Python


@pytest.mark.parametrize("name", CALCULATORS)
def test_prerendered_outputs_equal_cli_defaults(site_dir, name):
    html = (site_dir / PAGES[name] / "index.html").read_text(encoding="utf-8")
    snap = static_snapshot(html)
    # date inputs follow the build date (sitebuild/calc/today.py); the build may have run yesterday
    built = {dated_inputs(name, build_date() - dt.timedelta(days=d))["start_date"] for d in (0, 1)} if RULES.get(name) else set()
    dated = {key: snap["inputs"][key] for key in RULES.get(name, {})}
    assert set(dated.values()) <= built
    document = cli_json(name, {**cli_json(name)["inputs"], **dated})
    assert snap["state"] == "prerendered"
    assert snap["inputs"] == document["inputs"]
    check_against(snap, name, document)


@pytest.mark.parametrize("name", CALCULATORS)
def test_calculator_script_only_on_its_page(site_dir, name):
    # The worker starts from calculator.js, which only calculator markup loads.
    html = (site_dir / PAGES[name] / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script type="module" src="(\.\./)+assets/calc/calculator\.js"></script>', html)
    chapter = (site_dir / "jualan" / "iklan-roi" / "index.html").read_text(encoding="utf-8")
    # A chapter may name the runtime for its warm-up (assets/calc/warm.js), but runs no calculator.
    assert not re.search(r"<script[^>]*(calculator\.js|pyodide)", chapter)


# ---------------------------------------------------------------------------
# Recomputing in the browser

# What a reader types, per calculator: (action, field, text). The model value
# each text must become is asserted in test_typed_values_reach_the_model.
EDITS = {
    "roi": [("fill", "ad_spend", "3.500.000"), ("fill", "ctr", "2,5%"), ("fill", "cogs_rate", "45"), ("fill", "aov", "Rp 175.000")],
    "cadence": [
        ("fill", "posts_per_day", "3"),
        ("fill", "weeks", "4"),
        ("fill", "weekly_growth", "-5"),
        ("add", "mix", None),
        ("fill", "mix.3.weight", "2"),
        ("select", "mix.3.pillar", "bukti sosial"),
    ],
    "omnichannel": [
        ("fill", "channels.0.traffic", "4.500"),
        ("add", "channels", None),
        ("fill", "channels.4.name", "WhatsApp"),
        ("fill", "channels.4.traffic", "800"),
        ("fill", "channels.4.conversion_rate", "6,5"),
        ("add", "links", None),
        ("select", "links.5.from", "WhatsApp"),
        ("select", "links.5.to", "Marketplace"),
        ("fill", "links.5.rate", "10"),
        ("fill", "shock.traffic_drop", "80"),
    ],
    "runway": [
        ("fill", "channels.0.weekly_revenue", "8.000.000"),
        ("add", "channels", None),
        ("fill", "channels.3.name", "WhatsApp"),
        ("fill", "channels.3.weekly_revenue", "Rp 500.000"),
        ("select", "shock.channel", "Marketplace"),
        ("fill", "shock.revenue_drop", "60"),
        ("fill", "plan.weekly_ad_spend", "2.000.000"),
        ("fill", "horizon_weeks", "16"),
    ],
    "campaign": [
        ("fill", "start_date", "2027-01-15"),
        ("fill", "total_budget", "12.000.000"),
        ("add", "events", None),  # the first moment not planned yet: 1.1
        ("fill", "events.6.weight", "0,5"),
        ("select", "events.2.event", "7.7"),
        ("fill", "pre_peak_share", "20"),
        ("fill", "post_peak_share", "30"),
    ],
    "plan": [
        ("fill", "start_date", "2027-03-01"),
        ("fill", "posts_per_day", "1,5"),
        ("add", "channels", None),
        ("fill", "channels.3", "WhatsApp"),
        ("remove", "channels", "1"),
    ],
    "fees": [
        ("fill", "price", "150.000"),
        ("fill", "discount", "Rp 10.000"),
        ("fill", "affiliate_rate", "5"),
        ("fill", "items_per_order", "2"),
        ("select", "pph22", "ya"),
        ("select", "platforms.1.promo", "hari-biasa"),
        ("add", "platforms", None),  # a new row starts as Tokopedia, penjual biasa, fashion
        ("select", "platforms.3.free_shipping", "ya"),
        ("select", "platforms.3.category", "elektronik"),
        ("remove", "platforms", "2"),
    ],
}


def edit(page, edits) -> None:
    for action, field, text in edits:
        if action == "fill":
            page.fill(f"[data-calculator] [name='{field}']", text)
        elif action == "select":
            page.select_option(f"[data-calculator] [name='{field}']", text)
        elif action == "add":
            page.click(f"[data-list='{field}'] [data-action=add-row]")
        elif action == "remove":  # text: the row's index
            page.locator(f"[data-list='{field}'] [data-row]").nth(int(text)).locator("[data-action=remove-row]").click()


@pytest.mark.parametrize("name", CALCULATORS)
def test_recompute_matches_cli_and_share_link_round_trips(page, site_url, name):
    page.goto(site_url + PAGES[name])
    settle(page)
    edit(page, EDITS[name])
    after = settle(page)
    assert after["inputs"] != cli_json(name)["inputs"], "the edits changed nothing"
    check_against(after, name, cli_json(name, after["inputs"]))

    page.click("[data-calculator] [data-action=share]")
    link = page.input_value("[data-calculator] [data-share-url]")
    assert link.startswith(site_url + PAGES[name] + "?")
    other = page.context.new_page()
    other.goto(link)
    shared = settle(other)
    assert shared["inputs"] == after["inputs"]
    check_against(shared, name, cli_json(name, shared["inputs"]))
    # what the reader typed survives a reload (address and sessionStorage)
    other.reload()
    reloaded = settle(other)
    assert reloaded["inputs"] == after["inputs"]
    other.close()


def test_typed_values_reach_the_model(page, site_url):
    page.goto(site_url + PAGES["roi"])
    settle(page)
    edit(page, EDITS["roi"])
    inputs = settle(page)["inputs"]
    # "3.500.000" → 3500000; "2,5%" → 0.025; "45" (persen) → 0.45; "Rp 175.000" → 175000
    assert (inputs["ad_spend"], inputs["ctr"], inputs["cogs_rate"], inputs["aov"]) == (3_500_000, 0.025, 0.45, 175_000)
    # on leaving a field its text is tidied to Indonesian grouping
    page.fill("[name=fixed_costs]", "300000")
    page.locator("[name=cpm]").focus()
    assert page.input_value("[name=fixed_costs]") == "300.000"


def test_bad_typed_value_keeps_input_and_last_result(page, site_url):
    page.goto(site_url + PAGES["roi"])
    before = settle(page)
    page.fill("[name=cpm]", "dua puluh ribu")
    message = page.locator("[data-error-for=cpm]")
    message.wait_for(state="visible")
    assert "bukan angka" in message.text_content()
    assert page.input_value("[name=cpm]") == "dua puluh ribu"  # nothing typed is lost
    assert snapshot(page)["inputs"] == before["inputs"]  # the shown result still says what it is for
    page.fill("[name=cpm]", "0")
    page.locator("[data-error-for=cpm]").filter(has_text="lebih dari 0").wait_for()


def test_edit_before_ready_is_computed_when_ready(page, site_url):
    held, released = [], []

    def hold(route):  # the wheel waits until the test lets it through (a preload may ask too)
        if released:
            route.continue_()
        else:
            held.append(route)

    page.route(re.compile(r".*/simulators-.*\.whl$"), hold)
    page.goto(site_url + PAGES["roi"])
    root = page.locator("[data-calculator]")
    page.fill("[name=ad_spend]", "1.000.000")
    assert root.get_attribute("data-state") == "loading"
    assert root.get_attribute("data-busy") == "true"
    assert "Sedang menghitung" in page.locator("[data-status]").text_content()
    assert json.loads(root.get_attribute("data-inputs"))["ad_spend"] == 2_000_000  # shown numbers are the defaults'
    poll(lambda: held, timeout=30, every=0.05, page=page, what="the wheel requested")
    released.append(True)
    for route in held:
        route.continue_()
    after = settle(page)
    assert after["inputs"]["ad_spend"] == 1_000_000
    assert page.input_value("[name=ad_spend]") == "1.000.000"
    check_against(after, "roi", cli_json("roi", after["inputs"]))


def test_pyodide_failure_keeps_results_and_offers_retry(page, site_url):
    page.route(re.compile(r".*/pyodide\.asm\.wasm$"), lambda route: route.abort())
    page.goto(site_url + PAGES["roi"])
    root = page.locator("[data-calculator][data-state=error]")
    root.wait_for(timeout=60000)
    box = page.locator("[data-engine-error]")
    assert box.is_visible() and "tidak bisa dimuat" in box.text_content()
    check_against(snapshot(page), "roi", cli_json("roi"))  # the prerendered numbers stay
    page.unroute(re.compile(r".*/pyodide\.asm\.wasm$"))
    page.fill("[name=ad_spend]", "2.500.000")
    page.click("[data-action=retry]")
    after = settle(page)
    assert after["inputs"]["ad_spend"] == 2_500_000
    check_against(after, "roi", cli_json("roi", after["inputs"]))


# ---------------------------------------------------------------------------
# Links with bad values

BAD_LINKS = {
    # (query, field, message fragment, default text kept in the field)
    "roi-text": ("roi", "ctr=abc", "ctr", "bukan angka", "1,5"),
    "roi-range": ("roi", "cpm=0&ad_spend=3000000", "cpm", "nilai dari tautan tidak dipakai", "25.000"),
    "cadence-text": ("cadence", "weeks=delapan", "weeks", "bukan angka", "8"),
    "cadence-range": ("cadence", "posts_per_day=11", "posts_per_day", "nilai dari tautan tidak dipakai", "2"),
    "omnichannel-range": ("omnichannel", "channels.0.traffic=-5", "channels.0.traffic", "nilai dari tautan tidak dipakai", "6.000"),
    "runway-range": ("runway", "shock.revenue_drop=1.5", "shock.revenue_drop", "nilai dari tautan tidak dipakai", "50"),
    "campaign-text": ("campaign", "events.1.weight=dua", "events.1.weight", "bukan angka", "1"),
    # None: the page's own default, a date that follows the reader's today (sitebuild/calc/today.py)
    "plan-date": ("plan", "start_date=2026-02-30", "start_date", "nilai dari tautan tidak dipakai", None),
    "fees-range": ("fees", "items_per_order=0", "items_per_order", "nilai dari tautan tidak dipakai", "1"),
}


@pytest.mark.parametrize("case", BAD_LINKS)
def test_bad_query_value_shows_message_and_keeps_default(page, site_url, case):
    name, query, field, fragment, kept = BAD_LINKS[case]
    page.goto(site_url + PAGES[name] + "?" + query)
    snap = settle(page)
    message = page.locator(f"[data-error-for='{field}']")
    assert message.is_visible()
    assert fragment in message.text_content()
    defaults = json.loads(page.get_attribute("[data-calculator]", "data-defaults"))
    if kept is None:
        kept = lookup(defaults, field)
        assert kept == dated_inputs(name, dt.date.today())[field]
    assert page.input_value(f"[name='{field}']") == kept
    assert lookup(snap["inputs"], field) == lookup(defaults if field in RULES.get(name, {}) else cli_json(name)["inputs"], field)
    check_against(snap, name, cli_json(name, snap["inputs"]))


# ---------------------------------------------------------------------------
# CSV

# The tables each calculator offers as CSV. The ROI calculator has none; the plan's CSV is the
# model's own text, tested with its .ics in test_plan_downloads.py.
CSV_TABLES = {
    "roi": [], "cadence": ["weekly", "calendar"], "omnichannel": ["channels"], "runway": ["weekly"],
    "campaign": ["events", "phases"], "plan": [], "fees": ["platforms", "lines"],
}


def plain(text: str) -> str:
    """A shown cell without "Rp", "%", spaces or thousands dots: what the CSV holds ("—", no value: empty)."""
    return "" if text == "—" else re.sub(r"Rp|%|\s|\u00a0|\.", "", text)


@pytest.mark.parametrize("name", [name for name in CALCULATORS if CSV_TABLES.get(name)])
def test_csv_download_matches_table(page, site_url, name):
    page.goto(site_url + PAGES[name])  # works on the prerendered tables too
    for key in CSV_TABLES[name]:
        with page.expect_download() as info:
            page.click(f"[data-calculator] [data-action=csv][data-table-key={key}]")
        raw = info.value.path().read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
        rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8")), delimiter=";"))
        table = [t for t in snapshot(page)["tables"] if t[0] == key][0]
        _, _, columns, cells = table
        assert len(rows) == len(cells) + 1 and len(cells) > 0
        assert len(rows[0]) == len(columns)
        for row, shown in zip(rows[1:], cells, strict=False):
            for (column, kind), value, (raw_value, text) in zip(columns, row, shown, strict=False):
                if kind in ("date", "text"):
                    assert value == raw_value, f"{key}.{column}"
                else:
                    assert value == plain(text), f"{key}.{column}: CSV {value!r}, table {text!r}"


def test_omnichannel_rows_add_remove_and_follow_renames(page, site_url):
    page.goto(site_url + PAGES["omnichannel"])
    settle(page)
    for _ in range(8):
        page.click("[data-list=channels] [data-action=add-row]")
    assert page.locator("[data-list=channels] [data-row]").count() == 12
    assert page.locator("[data-list=channels] [data-action=add-row]").is_disabled()
    snap = settle(page)
    assert len(snap["inputs"]["channels"]) == 12
    # renaming a channel keeps the links and the shock that point at it
    page.fill("[name='channels.0.name']", "TikTok")
    snap = settle(page)
    assert snap["inputs"]["links"][0]["from"] == "TikTok"
    assert snap["inputs"]["shock"]["channel"] == "TikTok"
    # removing it removes its links and switches the shock off
    page.locator("[data-list=channels] [data-row]").first.locator("[data-action=remove-row]").click()
    snap = settle(page)
    assert all("TikTok" not in (link["from"], link["to"]) for link in snap["inputs"]["links"])
    assert snap["inputs"]["shock"] is None
    assert len(snap["inputs"]["channels"]) == 11
    check_against(snap, "omnichannel", cli_json("omnichannel", snap["inputs"]))


# ---------------------------------------------------------------------------
# Loading order: worker early, charts late, nothing typed lost

CHART_JS = re.compile(r"/(charts\.js|chart-[\d.]+\.umd\.min\.js)$")

CHART_DATA = """(figure) => {
  const chart = window.Chart && window.Chart.getChart(figure.querySelector('canvas'));
  return chart ? chart.data.datasets.map((d) => d.data) : null;
}"""


def test_charts_are_drawn_near_the_screen_from_the_newest_result(page, site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + PAGES["roi"])
    settle(page)
    edit(page, [("fill", "ad_spend", "3.500.000")])
    settle(page)
    # On a phone the chart sits below the form: neither the chart code nor Chart.js was fetched.
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    assert not [url for url in fetched if CHART_JS.search(url)], "chart code fetched before any chart came near"
    figure = page.locator("[data-calculator] figure[data-chart='profit_curve']")
    figure.scroll_into_view_if_needed()
    drawn = poll(lambda: figure.evaluate(CHART_DATA), until=lambda data: data is not None, timeout=20, every=0.05,
                 what="the chart drawn after it came into view")
    # The chart shows the curve for Rp 3.500.000 (the newest result), not the default one.
    curve = series.profit_curve(cli_json("roi", settle(page)["inputs"])["inputs"])
    assert len(drawn) == 1 and drawn[0] == pytest.approx([p["profit"] for p in curve], rel=REL)
    assert curve[-1]["ad_spend"] == 7_000_000  # twice the typed spend


def test_worker_starts_early_and_text_typed_before_the_form_is_bound_is_kept(page, site_url):
    """calculator.js held back: the worker is already downloading, and what the reader types meanwhile counts."""
    held = []
    page.route("**/assets/calc/calculator.js", lambda route: held.append(route))
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + PAGES["roi"], wait_until="commit")
    page.wait_for_selector("[data-calculator] [name=ad_spend]")
    poll(lambda: (bool(held), fetched[-5:]), until=lambda _: held and any(url.endswith("/pyodide.asm.wasm") for url in fetched),
         timeout=20, every=0.05, page=page, what="calculator.js held and pyodide.asm.wasm fetched")
    # The form is on screen and usable before its code arrives.
    page.fill("[data-calculator] [name=ad_spend]", "4.200.000")
    assert page.locator("[data-calculator]").get_attribute("data-state") == "prerendered"
    held[0].continue_()
    after = settle(page)
    assert after["inputs"]["ad_spend"] == 4_200_000
    assert page.input_value("[data-calculator] [name=ad_spend]") == "4.200.000"
    check_against(after, "roi", cli_json("roi", after["inputs"]))
