"""Fixtures shared by the site and browser tests.

The site is built once per test session (``mkdocs build --strict`` into a
temporary folder, its log kept for the tests that read it) and served on
127.0.0.1 by a thread; browser tests drive Debian's chromium through
Playwright. Nothing here skips: a missing browser or a failing build fails
the run. The simulators wheel the Pyodide tests install is built once per
session too.
"""

from __future__ import annotations

import dataclasses
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


@dataclasses.dataclass(frozen=True)
class SiteBuild:
    """One ``mkdocs build --strict`` of this tree and what it logged."""

    site: pathlib.Path
    returncode: int
    log: str  # stdout, then stderr


def build_site(out: pathlib.Path) -> SiteBuild:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        # Material's end-of-life banner is noise, not a build warning (as in the Makefile).
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return SiteBuild(out, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> SiteBuild:
    """The session's one build, with its log, for the tests that read what the build said.

    ``site_dir`` serves this same build, so the suite builds the site once. With
    ``PLAYBOOK_SITE_DIR`` no log of the reused build exists: a test asking for
    ``site_build`` then builds once more (only that test waits; it never judges
    a log it did not see).
    """
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_dir(request) -> pathlib.Path:
    """The built site. ``PLAYBOOK_SITE_DIR`` reuses an existing build (for quick local runs)."""
    reuse = os.environ.get("PLAYBOOK_SITE_DIR")
    if reuse:
        return pathlib.Path(reuse).resolve()
    build = request.getfixturevalue("site_build")
    if build.returncode != 0:
        pytest.fail("mkdocs build --strict gagal:\n" + build.log[-12000:])
    return build.site


@pytest.fixture(scope="session")
def simulators_wheel(tmp_path_factory) -> pathlib.Path:
    """The simulators wheel, built once per session (by ``sitebuild.stdlib.build_wheel``)."""
    from sitebuild import stdlib

    return stdlib.build_wheel(tmp_path_factory.mktemp("wheel"))


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
