"""What the runway, campaign and plan calculators add to the shared checks of test_calculators.py.

- Plan downloads: the ``.ics`` file is valid iCalendar (CRLF line ends, lines
  folded at 75 octets, one VEVENT per task) and is the model's text; the CSV
  is the model's text behind a UTF-8 byte-order mark and lists the very tasks
  of the checklist on the page; both follow the reader's edits.
- Plan print: the print stylesheet hides everything to click and prints the
  week-by-week checklist on A4.
- List rows: runway's shocked channel follows a renamed channel and falls
  back to the first one when its row is removed; a new campaign moment is one
  not planned yet; the plan's channel names are a list of plain values.
- Channel names from a link are shown in the checklist as text, never HTML.
- Offline: after one calculator has run, the other two work with the network off.

Every expected number or text comes from ``python -m simulators`` on the
inputs the page says it used (``data-inputs``).
"""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.parse

import pytest

from tests.browser.site_pages import HOSTILE_TEXTS, WATCH, calculator_pages, violations, wait_cached, wait_state
from tests.browser.test_calculators import check_against, settle, snapshot
from tests.kit import cli, cli_json

PHONE = {"width": 390, "height": 844}
ICS_FIELDS = ("UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY", "DESCRIPTION")


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "service_workers": "block", "accept_downloads": True}


def download(page, selector: str) -> bytes:
    with page.expect_download() as info:
        page.click(selector)
    return info.value.path().read_bytes()


def checklist(page) -> list[tuple[str, str, str]]:
    """(date, title, detail) of every task row of the eight week tables, in page order."""
    return [
        tuple(cells)
        for table in snapshot(page)["tables"]
        if re.fullmatch(r"weeks\.\d+\.tasks", table[0])
        for cells in ([value for value, _ in row] for row in table[3])
    ]


def unescape_ics(text: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def parse_ics(raw: bytes) -> list[dict[str, str]]:
    """Check the iCalendar syntax the model promises (RFC 5545 §3.1) and return its VEVENTs."""
    assert not raw.startswith(b"\xef\xbb\xbf"), "a calendar file carries no byte-order mark"
    text = raw.decode("utf-8")
    assert text.endswith("\r\n") and "\r\n\r\n" not in text
    assert not re.search(r"(?<!\r)\n|\r(?!\n)", text), "every line ends with CRLF"
    physical = text[:-2].split("\r\n")
    too_long = [line for line in physical if len(line.encode("utf-8")) > 75]
    assert not too_long, too_long[:3]
    lines = re.sub(r"\r\n[ \t]", "", text)[:-2].split("\r\n")  # unfolded content lines
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    events, current = [], None
    for line in lines[1:-1]:
        name, _, value = line.partition(":")
        assert _ == ":" and name, f"not a content line: {line!r}"
        if line == "BEGIN:VEVENT":
            assert current is None, "VEVENT inside VEVENT"
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            assert name not in current, f"{name} twice in one event"
            current[name] = value
    assert current is None, "VEVENT left open"
    for event in events:
        assert set(ICS_FIELDS) <= set(event), event
        assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"])
        assert re.fullmatch(r"\d{8}", event["DTSTART;VALUE=DATE"]) and event["DTEND;VALUE=DATE"] > event["DTSTART;VALUE=DATE"]
    assert len({event["UID"] for event in events}) == len(events), "UIDs are unique"
    return events


# ---------------------------------------------------------------------------
# The plan: its .ics, its CSV and its printed checklist


@pytest.fixture(scope="module")
def plan_page(browser, site_dir, site_url):
    context = browser.new_context(viewport=PHONE, service_workers="block", accept_downloads=True, bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + calculator_pages(site_dir)["plan"])
    settle(page)
    yield page
    context.close()


class TestPlanDownloads:
    def test_ics_is_valid_icalendar_with_one_event_per_task(self, plan_page):
        raw = download(plan_page, "[data-calculator] [data-action=download][data-output-key=ics]")
        document = cli_json("plan", snapshot(plan_page)["inputs"])
        assert raw.decode("utf-8") == document["outputs"]["ics"]  # the model's own text, byte for byte
        events = parse_ics(raw)
        tasks = checklist(plan_page)
        assert len(events) == len(tasks) == document["outputs"]["task_count"]
        for event, (date, title, _) in zip(events, tasks, strict=False):
            assert event["DTSTART;VALUE=DATE"] == date.replace("-", "")
            assert unescape_ics(event["SUMMARY"]) == title

    def test_csv_has_a_bom_and_the_checklists_tasks(self, plan_page):
        raw = download(plan_page, "[data-calculator] [data-action=download][data-output-key=csv]")
        assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
        text = raw[3:].decode("utf-8")
        assert text == cli_json("plan", snapshot(plan_page)["inputs"])["outputs"]["csv"]
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert rows[0] == ["minggu", "fase", "tanggal", "jenis", "judul", "rincian"]
        assert [(r[2], r[4], r[5]) for r in rows[1:]] == checklist(plan_page)

    def test_print_shows_only_the_checklist_on_a4(self, plan_page):
        plan_page.emulate_media(media="print")
        try:
            shown = plan_page.evaluate(
                """() => Object.fromEntries(['.md-header', '.md-sidebar--primary', '.calc-form', '.calc-chart', '.calc-actions',
                    '.calc-downloads', '.calc-engine', '.calc-checklist', '.calc-week'].map((s) => {
                  const el = document.querySelector(s);
                  return [s, el ? el.checkVisibility() : null];
                }))"""
            )
            # Every week is drawn on paper, none skipped as "off screen" (content-visibility: auto)
            weeks = plan_page.evaluate(
                "() => Array.from(document.querySelectorAll('.calc-week'), (w) => w.checkVisibility({contentVisibilityAuto: true}))"
            )
            pdf = plan_page.pdf(format="A4")
        finally:
            plan_page.emulate_media(media="screen")
        hidden = [".md-header", ".md-sidebar--primary", ".calc-form", ".calc-chart", ".calc-actions", ".calc-downloads", ".calc-engine"]
        assert {s: shown[s] for s in hidden} == dict.fromkeys(hidden, False)
        assert shown[".calc-checklist"] and shown[".calc-week"]
        assert weeks == [True] * 8
        assert pdf.startswith(b"%PDF-")
        pages = re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)
        assert len(pages) >= 1
        # A4 is 210 × 297 mm = 595,3 × 841,9 pt (1 pt = 1/72 inch); Chromium rounds to whole pixels
        for box in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf):
            assert abs(float(box[0]) - 595.3) < 1.5 and abs(float(box[1]) - 841.9) < 1.5, box

    def test_downloads_follow_the_readers_inputs(self, plan_page):
        plan_page.fill("[data-calculator] [name=posts_per_day]", "1")
        plan_page.click("[data-list=channels] [data-action=add-row]")
        plan_page.fill("[data-calculator] [name='channels.3']", "WhatsApp; katalog, grosir")  # ICS and CSV special characters
        after = settle(plan_page)
        assert after["inputs"]["posts_per_day"] == 1 and after["inputs"]["channels"][-1] == "WhatsApp; katalog, grosir"
        document = cli_json("plan", after["inputs"])
        check_against(after, "plan", document)
        ics = download(plan_page, "[data-calculator] [data-action=download][data-output-key=ics]")
        assert ics.decode("utf-8") == document["outputs"]["ics"]
        summaries = [unescape_ics(e["SUMMARY"]) for e in parse_ics(ics)]
        assert "Rapikan etalase di WhatsApp; katalog, grosir" in summaries
        table = download(plan_page, "[data-calculator] [data-action=download][data-output-key=csv]")
        assert table[3:].decode("utf-8") == document["outputs"]["csv"]


# ---------------------------------------------------------------------------
# List rows


def test_runway_shock_follows_its_channel_through_rename_and_removal(page, site_dir, site_url):
    page.goto(site_url + calculator_pages(site_dir)["runway"])
    settle(page)
    page.fill("[name='channels.0.name']", "TikTok")
    assert settle(page)["inputs"]["shock"]["channel"] == "TikTok"
    page.locator("[data-list=channels] [data-row]").first.locator("[data-action=remove-row]").click()
    snap = settle(page)
    # the shocked channel is gone: the shock moves to the first channel left, without an error
    assert [c["name"] for c in snap["inputs"]["channels"]] == ["Marketplace", "Instagram"]
    assert snap["inputs"]["shock"]["channel"] == "Marketplace"
    assert page.locator("[data-error-for='shock.channel']").is_hidden()
    for _ in range(10):
        page.click("[data-list=channels] [data-action=add-row]")
    assert page.locator("[data-list=channels] [data-row]").count() == 12
    assert page.locator("[data-list=channels] [data-action=add-row]").is_disabled()
    snap = settle(page)
    assert len({c["name"] for c in snap["inputs"]["channels"]}) == 12  # new rows get unique names
    check_against(snap, "runway", cli_json("runway", snap["inputs"]))


def test_campaign_new_moment_is_one_not_planned_yet(page, site_dir, site_url):
    page.goto(site_url + calculator_pages(site_dir)["campaign"])
    settle(page)
    options = page.locator("[name='events.0.event'] option").count()
    for _ in range(options - 6):  # six moments by default
        page.click("[data-list=events] [data-action=add-row]")
    assert page.locator("[data-list=events] [data-action=add-row]").is_disabled()
    snap = settle(page)
    events = [e["event"] for e in snap["inputs"]["events"]]
    assert len(events) == len(set(events)) == options == 14  # Ramadan, Lebaran and 1.1 … 12.12
    assert page.locator("[data-calculator] [data-error-for]:not([hidden])").count() == 0
    check_against(snap, "campaign", cli_json("campaign", snap["inputs"]))


def test_campaign_shares_that_miss_100_percent_are_marked_at_all_three_fields(page, site_dir, site_url):
    page.goto(site_url + calculator_pages(site_dir)["campaign"])
    before = settle(page)
    page.fill("[data-calculator] [name=pre_peak_share]", "50")  # 50 + 50 + 20 = 120 %
    # The model's own message (CLI: "galat: pre_peak_share, peak_share, post_peak_share: …").
    done = cli("campaign", "--json", json.dumps({**before["inputs"], "pre_peak_share": 0.5}))
    assert done.returncode == 2
    message = done.stderr.strip().split(": ", 2)[2]
    assert message.startswith("ketiganya harus berjumlah 100 % (sekarang 120 %)")
    for name in ("pre_peak_share", "peak_share", "post_peak_share"):
        slot = page.locator(f"[data-calculator] [data-error-for={name}]")
        slot.wait_for(state="visible")
        assert slot.text_content() == message
        assert page.get_attribute(f"[data-calculator] [name={name}]", "aria-invalid") == "true"
    assert page.locator("[data-calculator] [data-general-errors]").is_hidden()
    assert snapshot(page)["inputs"] == before["inputs"]  # the last good result stays on screen
    page.fill("[data-calculator] [name=pre_peak_share]", "30")  # back to 100 %: every mark goes away
    after = settle(page)
    assert page.locator("[data-calculator] [data-error-for]:not([hidden])").count() == 0
    assert after["inputs"]["pre_peak_share"] == 0.3


# ---------------------------------------------------------------------------
# Names from a link are text


def test_channel_names_from_a_link_are_text_in_the_checklist(browser, site_dir, site_url):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.add_init_script(WATCH)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    names = HOSTILE_TEXTS[:3]
    query = urllib.parse.urlencode({f"channels.{i}": name for i, name in enumerate(names)})
    page.goto(f"{site_url}{calculator_pages(site_dir)['plan']}?{query}")
    wait_state(page, ("ready",))
    snap = settle(page)
    assert snap["inputs"]["channels"] == names
    titles = [title for _, title, _ in checklist(page)]
    for name in names:
        assert f"Rapikan etalase di {name}" in titles
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img[src=\"x\"], svg[onload], [onerror], [onload]').length") == 0
    assert violations(page) == [] and errors == []
    context.close()


# ---------------------------------------------------------------------------
# Offline


def test_runway_campaign_and_plan_work_offline_after_one_calculator_ran(browser, site_dir, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    pages = calculator_pages(site_dir)
    page.goto(site_url + pages["runway"])
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    wait_state(page, ("ready",))
    wait_cached(page, ".wasm", ".whl")  # the runtime is cached once a calculator is ready
    context.set_offline(True)
    for name, field, text in [("campaign", "total_budget", "6.000.000"), ("plan", "posts_per_day", "3")]:
        page.goto(site_url + pages[name])
        wait_state(page, ("ready",))
        page.fill(f"[data-calculator] [name={field}]", text)
        snap = settle(page)
        assert snap["inputs"][field] == {"total_budget": 6_000_000, "posts_per_day": 3}[field]
        check_against(snap, name, cli_json(name, snap["inputs"]))
    context.close()
