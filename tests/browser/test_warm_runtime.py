"""Chapter pages fetch the calculators' runtime ahead for a reader who stays (issue 14, point 1).

``docs/assets/calc/warm.js`` (added to chapter pages by sitebuild/hooks/calculators.py):
once the page has loaded and the browser is idle, and the reader has then stayed
15 s or scrolled past the middle, the files the calculator worker fetches come
down in the background. Never with Save-Data on, never on a 2g or slow-2g
connection, at most once, and cancelled when the reader leaves. What it did is
in ``<html data-runtime-warm>``; what it fetched is read from the requests.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from tests.kit import poll

CHAPTER = "jualan/iklan-roi/"
OTHER_CHAPTER = "konten/ritme-posting/"
RUNTIME = re.compile(r"/assets/calc/runtime/[^?#]*\.(?:mjs|wasm|zip|json|whl)(?:[?#]|$)")
UNFINISHED = (None, "menunggu", "mengunduh")


def connection(save_data: bool = False, effective_type: str = "4g") -> str:
    """An init script giving the page this ``navigator.connection`` (as Chrome reports it)."""
    value = json.dumps({"saveData": save_data, "effectiveType": effective_type})
    return f"""
    Object.defineProperty(Navigator.prototype, "connection", {{
      configurable: true,
      get: () => Object.assign({value}, {{ addEventListener() {{}}, removeEventListener() {{}} }}),
    }});
    """


def runtime_files(site_dir) -> set[str]:
    """The file names the chapter's <meta name="kalkulator-runtime"> lists."""
    text = (site_dir / CHAPTER / "index.html").read_text(encoding="utf-8")
    meta = re.search(r'<meta name="kalkulator-runtime" content="([^"]*)"', text)
    assert meta, "halaman bab tidak memuat daftar berkas runtime"
    return {url.rsplit("/", 1)[1] for url in json.loads(html.unescape(meta[1]))["files"]}


@pytest.fixture
def reader(browser):
    """A fresh phone context (no cache, no storage) and the runtime files each of its pages asked for."""
    contexts = []

    def open_context(init_script: str = "", **options):
        context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block", **options)
        contexts.append(context)
        if init_script:
            context.add_init_script(init_script)
        asked: list[str] = []
        context.on("request", lambda request: RUNTIME.search(request.url) and asked.append(request.url.rsplit("/", 1)[1]))
        return context, asked

    yield open_context
    for context in contexts:
        context.close()


def warm_state(page) -> str | None:
    return page.evaluate("document.documentElement.getAttribute('data-runtime-warm')")


def scrolled(page) -> str | None:
    """Scroll on a little, as a reader would; the warm-up's state."""
    page.mouse.wheel(0, 2000)
    return warm_state(page)


def scroll_and_wait(page, timeout: float = 60) -> str | None:
    """Scroll to the end of the page as a reader would; the warm-up's final state."""
    return poll(lambda: scrolled(page), until=lambda state: state not in UNFINISHED, timeout=timeout, every=0.2, page=page,
                what="the warm-up finished")


def test_nothing_is_fetched_before_the_reader_stays(reader, site_url):
    context, asked = reader()
    page = context.new_page()
    page.goto(site_url + CHAPTER, wait_until="load")
    page.wait_for_timeout(2000)
    assert warm_state(page) == "menunggu"
    assert asked == []


def test_scrolling_past_the_middle_fetches_each_runtime_file_once(reader, site_url, site_dir):
    context, asked = reader()
    page = context.new_page()
    page.goto(site_url + CHAPTER, wait_until="load")
    assert scroll_and_wait(page) == "selesai"
    assert sorted(asked) == sorted(runtime_files(site_dir))
    # Remembered: the next chapter does not fetch them again.
    asked.clear()
    page.goto(site_url + OTHER_CHAPTER, wait_until="load")
    page.mouse.wheel(0, 5000)
    page.wait_for_timeout(1500)
    assert warm_state(page) == "sudah"
    assert asked == []


def test_staying_fifteen_seconds_fetches_the_runtime(reader, site_url, site_dir):
    context, asked = reader()
    page = context.new_page()
    page.clock.install()
    page.goto(site_url + CHAPTER, wait_until="load")
    page.clock.run_for(3000)  # load, then idle
    assert asked == [] and warm_state(page) == "menunggu"
    page.clock.run_for(15_000)
    poll(lambda: page.clock.run_for(100) or warm_state(page), until=lambda state: state not in UNFINISHED, timeout=60, page=page,
         what="the warm-up finished")
    assert warm_state(page) == "selesai"
    assert sorted(asked) == sorted(runtime_files(site_dir))


@pytest.mark.parametrize(
    ("save_data", "effective_type", "state"),
    [(True, "4g", "hemat-data"), (False, "2g", "lambat"), (False, "slow-2g", "lambat")],
)
def test_save_data_and_slow_connections_fetch_nothing(reader, site_url, save_data, effective_type, state):
    context, asked = reader(connection(save_data, effective_type))
    page = context.new_page()
    page.goto(site_url + CHAPTER, wait_until="load")
    page.mouse.wheel(0, 5000)
    page.wait_for_timeout(2000)
    assert warm_state(page) == state
    assert asked == []


def test_leaving_the_page_cancels_the_download(reader, site_url):
    context, asked = reader()
    page = context.new_page()
    failed = []
    page.on("requestfailed", lambda request: RUNTIME.search(request.url) and failed.append(request.url))
    # 40 KB/s: the runtime (megabytes) is still coming when the reader leaves
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": 20, "downloadThroughput": 40_000, "uploadThroughput": 40_000})
    page.goto(site_url + CHAPTER, wait_until="load")
    poll(lambda: scrolled(page), until=lambda state: state == "mengunduh", timeout=30, every=0.2, page=page,
         what="the warm-up downloading")
    assert warm_state(page) == "mengunduh"
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }))")
    poll(lambda: warm_state(page), until=lambda state: state != "mengunduh", timeout=10, page=page, what="the download ended")
    assert warm_state(page) == "dibatalkan"
    assert failed, "unduhan runtime tidak dibatalkan"


def test_calculator_pages_do_not_carry_the_warm_up(site_dir):
    page = (site_dir / "kalkulator" / "roi-iklan" / "index.html").read_text(encoding="utf-8")
    assert "warm.js" not in page
