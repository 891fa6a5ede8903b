"""Fixtures shared by the site and browser tests.

The site is built once per test session (``mkdocs build --strict`` into a
temporary folder) and served on 127.0.0.1 by a thread; browser tests drive
Debian's chromium through Playwright. Nothing here skips: a missing browser
or a failing build fails the run.
"""

from __future__ import annotations

import functools
import http.server
import os
import pathlib
import subprocess
import sys
import threading

import pytest
from hypothesis import settings

# CI must not fail on a draw no developer ever saw: there the examples are derived
# from each test's source (same every run). Locally they stay random to keep exploring.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = pathlib.Path(__file__).resolve().parent.parent
from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (one list for tests and bench)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> pathlib.Path:
    """The built site. ``PLAYBOOK_SITE_DIR`` reuses an existing build (for quick local runs)."""
    reuse = os.environ.get("PLAYBOOK_SITE_DIR")
    if reuse:
        return pathlib.Path(reuse).resolve()
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail("mkdocs build --strict gagal:\n" + result.stdout[-4000:] + result.stderr[-8000:])
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".whl": "application/octet-stream",
    }

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(site_dir):
    """Base URL (ending in ``/``) of the built site served on loopback."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's chromium; its own download is unreachable."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"chromium tidak ditemukan di {CHROMIUM}: jalankan `make test` (memasangnya lewat apt)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A phone-sized viewport: the readers are on phones."""
    return {**browser_context_args, "viewport": {"width": 390, "height": 844}}
