"""The Content Security Policy holds on every page, with the calculators running under it.

One browser context with the policy enforced (no ``bypass_csp``) and no
service worker (so every file really comes from the server under test). Each
page is loaded; an init script records every ``securitypolicyviolation``
event. Calculator pages must also reach ``data-state="ready"``: Pyodide
loads and computes under the policy, not just the static HTML.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest

from tests.browser.site_pages import WATCH, calculator_pages, page_paths, serve_404_like_github_pages, violations, wait_state

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


@pytest.fixture(scope="module")
def strict_page(browser, site_dir, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    context.add_init_script(WATCH)
    serve_404_like_github_pages(context, site_dir, site_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.errors = errors
    yield page
    context.close()


def test_every_built_page_carries_the_policy_first(site_dir):
    for path in page_paths(site_dir):
        text = (site_dir / (path if path.endswith(".html") else path + "index.html")).read_text(encoding="utf-8")
        policy = META.search(text)
        assert policy, f"{path}: tanpa meta CSP"
        head = text[text.index("<head") : policy.start()]
        assert "<script" not in head and "<link" not in head, f"{path}: ada elemen sebelum meta CSP"
        script_src = next(d for d in policy.group(1).split("; ") if d.startswith("script-src"))
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src


def test_no_violation_on_any_page(site_dir, site_url, strict_page):
    calculators = set(calculator_pages(site_dir).values())
    assert len(calculators) == 7, calculator_pages(site_dir)
    found = {}
    for path in page_paths(site_dir):
        strict_page.errors.clear()
        strict_page.goto(site_url + path, wait_until="load")
        if path in calculators:
            wait_state(strict_page, ("ready",))
        strict_page.wait_for_timeout(100)  # late violations (e.g. a blocked worker) are reported asynchronously
        problems = violations(strict_page) + strict_page.errors  # any console error counts
        if problems:
            found[path] = problems
    assert not found, found


# What a host that sends headers would send for scripts and workers: the page's script rules.
WORKER_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'"


@pytest.fixture(scope="module")
def strict_host(site_dir):
    """The site served with the policy as a header too, so the Pyodide worker runs under it.

    A dedicated worker takes its policy from its own response, not from the
    page's meta tag: this server proves that Pyodide needs 'wasm-unsafe-eval'
    and nothing more ('unsafe-eval' stays out).
    """
    from tests.conftest import _QuietHandler

    class Handler(_QuietHandler):
        def end_headers(self):
            if not self.path.split("?")[0].endswith((".html", "/")):
                self.send_header("Content-Security-Policy", WORKER_POLICY)
            super().end_headers()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_pyodide_needs_only_wasm_unsafe_eval(site_dir, strict_host, strict_page):
    # every calculator shares the one worker (assets/calc/worker.js): one page proves it
    assert "'unsafe-eval'" not in WORKER_POLICY
    strict_page.goto(strict_host + calculator_pages(site_dir)["roi"], wait_until="load")
    wait_state(strict_page, ("ready",))
    assert violations(strict_page) == []
