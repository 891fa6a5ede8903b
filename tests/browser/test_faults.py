"""Faults a reader meets: Pyodide that does not arrive, a computation that never ends, no network.

- Pyodide's files and the wheel blocked (requests aborted): error state, a
  retry button, the prerendered results untouched; retry after unblocking
  reaches ready.
- A worker that hangs (busy loop) or dies (``self.close()``) on its first
  computation: the client stops it after its timeout, starts a new worker,
  tells the reader, keeps what was typed, and the new worker answers. The
  fault is injected by serving a modified ``worker.js`` once (``route``
  with ``times=1``); the client's timeout is shortened in the served copy
  of ``client.js`` so the test takes seconds, not 15 s. The production
  files carry no test hook.
- Offline: after a first visit the service worker serves a chapter and a
  calculator (which reaches ready and recomputes) with the network off.
- A new deploy: pages keep coming from the old build until the reader
  accepts "Muat ulang"; then everything comes from the new one and the old
  cache is gone.
"""

from __future__ import annotations

import functools
import html
import http.server
import importlib.util
import os
import pathlib
import re
import shutil
import threading

import pytest

from tests.browser.site_pages import cached, calculator_pages, wait_cached, wait_state
from tests.kit import poll

ROOT = pathlib.Path(__file__).resolve().parents[2]
RUNTIME = re.compile(r".*/assets/calc/runtime/.*(pyodide|python_stdlib|\.whl).*")
TIMEOUT_LINE = "const TIMEOUT_MS = 15000;"
TEST_TIMEOUT_MS = 3000


def outputs(page) -> list[tuple[str, str, str]]:
    return page.evaluate(
        "Array.from(document.querySelectorAll('[data-calculator] [data-output]'), (el) => [el.dataset.output, el.dataset.value, el.textContent.trim()])"
    )


@pytest.fixture()
def isolated(browser):
    """A fresh context without service worker: every request reaches ``route``."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    yield context
    context.close()


class TestPyodideBlocked:
    def test_error_state_retry_and_prerendered_results_kept(self, isolated, site_dir, site_url):
        page = isolated.new_page()
        isolated.route(RUNTIME, lambda route: route.abort())
        page.goto(site_url + calculator_pages(site_dir)["roi"])
        prerendered = outputs(page)
        assert prerendered and all(value != "" for _, value, _ in prerendered[:3])
        wait_state(page, ("error",))
        retry = page.locator("[data-calculator] [data-action=retry]")
        assert retry.is_visible()
        assert page.locator("[data-calculator] [data-engine-message]").inner_text().strip()
        assert outputs(page) == prerendered

        isolated.unroute(RUNTIME)
        retry.click()
        wait_state(page, ("ready",))
        assert outputs(page) == prerendered


def _serve_patched(context, worker_fault: str) -> None:
    """Serve client.js with a short timeout, and worker.js with ``worker_fault`` on its first computation, once."""

    def client(route):
        body = route.fetch().text()
        assert TIMEOUT_LINE in body, "client.js tidak lagi memuat " + TIMEOUT_LINE
        route.fulfill(body=body.replace(TIMEOUT_LINE, f"const TIMEOUT_MS = {TEST_TIMEOUT_MS};"), content_type="text/javascript")

    def worker(route):
        body = route.fetch().text()
        fault = (
            "\n{ const real = self.onmessage; let first = true;\n"
            "  self.onmessage = (event) => {\n"
            f"    if (first && event.data && event.data.id !== undefined) {{ first = false; {worker_fault} }}\n"
            "    return real(event);\n  };\n}\n"
        )
        route.fulfill(body=body + fault, content_type="text/javascript")

    context.route("**/assets/calc/client.js", client)
    context.route("**/assets/calc/worker.js", worker, times=1)


@pytest.mark.parametrize("fault", ["for (;;) {}", "self.close(); return;"], ids=["hang", "crash"])
def test_stuck_worker_is_restarted_and_inputs_kept(isolated, site_dir, site_url, fault):
    _serve_patched(isolated, fault)
    page = isolated.new_page()
    page.goto(site_url + calculator_pages(site_dir)["roi"])
    wait_state(page, ("ready",))
    page.evaluate(
        """() => {
          window.__statusTexts = [];
          const root = document.querySelector('[data-calculator]');
          new MutationObserver(() => window.__statusTexts.push(root.querySelector('[data-status]').textContent + ' | ' + root.innerText))
            .observe(root, {subtree: true, childList: true, characterData: true, attributes: true});
        }"""
    )
    field = page.locator("[data-calculator] input[name=ad_spend]")
    field.fill("3.000.000")
    field.press("Tab")
    # the first computation never answers: after the timeout the worker is replaced and answers
    page.wait_for_timeout(TEST_TIMEOUT_MS)
    wait_state(page, ("ready",), timeout=60)
    poll(lambda: page.evaluate("JSON.parse(document.querySelector('[data-calculator]').dataset.inputs).ad_spend"),
         until=lambda spend: spend == 3_000_000, timeout=10, page=page, what="the typed Rp 3.000.000 computed")
    assert field.input_value() == "3.000.000"
    shown = dict((key, value) for key, value, _ in outputs(page))
    assert float(shown["impressions"]) == 120_000  # dihitung manual: 3.000.000 / 25.000 × 1.000
    told = page.evaluate("window.__statusTexts")
    assert any("dimulai ulang" in text or "terlalu lama" in text for text in told), told[-3:]


# ---- offline


@pytest.fixture()
def online(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context
    context.close()


class TestOffline:
    def test_chapters_work_offline_after_first_visit(self, online, site_dir, site_url):
        page = online.new_page()
        page.goto(site_url + "jualan/iklan-roi/")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        wait_cached(page, "__files__.json")
        online.set_offline(True)
        # the visited chapter, one never visited, and the home page
        for path in ["jualan/iklan-roi/", "konten/strategi-konten/", ""]:
            page.goto(site_url + path)
            built = (site_dir / path / "index.html").read_text(encoding="utf-8")
            assert page.title() == html.unescape(re.search(r"<title>(.*?)</title>", built).group(1))
            # the theme's stylesheet came along: the header is styled
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"

    def test_first_calculator_visit_saves_the_offline_copy_only_once_ready(self, online, site_dir, site_url):
        """The ~3 MB offline copy must not share the connection with Pyodide's download."""
        page = online.new_page()
        # Record, in the page, when the calculator became ready and when a service worker was registered.
        page.add_init_script(
            """(() => {
              const seen = (window.__seen = {ready: null, registered: null});
              const poll = () => {
                const root = document.querySelector('[data-calculator]');
                if (seen.ready === null && root && root.dataset.state === 'ready') seen.ready = performance.now();
                navigator.serviceWorker.getRegistration().then((r) => {
                  if (r && seen.registered === null) seen.registered = performance.now();
                });
                if (seen.registered === null || seen.ready === null) setTimeout(poll, 20);
              };
              poll();
            })()"""
        )
        page.goto(site_url + calculator_pages(site_dir)["roi"])
        wait_state(page, ("ready",))
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_timeout(200)
        seen = page.evaluate("window.__seen")
        assert seen["ready"] is not None and seen["registered"] is not None, seen
        assert seen["registered"] >= seen["ready"], f"service worker registered {seen['ready'] - seen['registered']:.0f} ms before ready"

    def test_calculator_works_offline_after_first_visit(self, online, site_dir, site_url):
        page = online.new_page()
        url = site_url + calculator_pages(site_dir)["roi"]
        page.goto(url)
        wait_state(page, ("ready",))
        wait_cached(page, ".wasm", ".whl")
        online.set_offline(True)
        page.goto(url)
        wait_state(page, ("ready",))
        field = page.locator("[data-calculator] input[name=ad_spend]")
        field.fill("4.000.000")
        field.press("Tab")
        poll(lambda: dict((k, v) for k, v, _ in outputs(page)).get("impressions"), until=lambda shown: shown == "160000",
             timeout=10, page=page, what="impressions for Rp 4.000.000")
        shown = dict((k, v) for k, v, _ in outputs(page))
        assert float(shown["impressions"]) == 160_000  # dihitung manual: 4.000.000 / 25.000 × 1.000


# ---- a new deploy


def _load_offline_hook():
    spec = importlib.util.spec_from_file_location("offline_hook", ROOT / "sitebuild" / "hooks" / "offline.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _link_or_copy(source, target):
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copy2(source, target)


@pytest.fixture()
def two_builds(site_dir, tmp_path):
    """A server whose site can be switched from build A (the real one) to build B (one chapter changed)."""
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(site_dir, a, copy_function=_link_or_copy)
    shutil.copytree(site_dir, b, copy_function=_link_or_copy)
    chapter = b / "konten" / "strategi-konten" / "index.html"
    text = chapter.read_text(encoding="utf-8")
    chapter.unlink()  # a hard link: write a new file instead of changing build A's too
    chapter.write_text(re.sub(r"(<h1[^>]*>)", r"\1VERSI-B ", text, count=1), encoding="utf-8")
    hook = _load_offline_hook()
    worker = b / "sw.js"
    worker.unlink()
    worker.write_text(hook.fill_worker((ROOT / "docs" / "sw.js").read_text(encoding="utf-8"), hook.file_list(b)), encoding="utf-8")

    live = tmp_path / "live"
    live.symlink_to(a)
    from tests.conftest import _QuietHandler

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(live)))
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def switch_to_b() -> None:
        swap = tmp_path / "swap"
        swap.symlink_to(b)
        os.replace(swap, live)

    yield f"http://127.0.0.1:{server.server_address[1]}/", switch_to_b
    server.shutdown()


def test_new_deploy_replaces_the_cache_whole(online, two_builds):
    base, switch_to_b = two_builds
    page = online.new_page()
    url = base + "konten/strategi-konten/"
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    wait_cached(page, "__files__.json")
    first = {entry.split(" ")[0] for entry in cached(page)}
    assert len(first) == 1

    switch_to_b()
    page.goto(url)
    # still build A, whole: the page comes from A's cache while B installs beside it
    assert "VERSI-B" not in page.locator("h1").first.inner_text()
    button = page.locator(".pb-update button")
    button.wait_for(state="visible", timeout=60_000)
    assert len({entry.split(" ")[0] for entry in cached(page)}) == 2

    with page.expect_event("load"):
        button.click()
    page.wait_for_load_state("load")
    assert "VERSI-B" in page.locator("h1").first.inner_text()
    caches_now = {entry.split(" ")[0] for entry in cached(page)}
    assert len(caches_now) == 1 and caches_now != first
