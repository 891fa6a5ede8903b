"""How every tool of the project starts Debian's chromium headless.

One list for the tests (tests/conftest.py) and the benchmark (bench/run.py):
Playwright's own browser download is unreachable here, and without the
background-networking flags chromium keeps dialling hosts this machine cannot reach.
"""

from __future__ import annotations

import shutil

__all__ = ["CHROMIUM", "CHROMIUM_ARGS"]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
