"""What tests of every kind share: the calculators' names and pages, one wait loop, the real command line.

Not a test module. It sits at the top of ``tests/`` rather than beside the
browser helpers (``tests/browser/site_pages.py``) because the command-line and
site tests use it too; the page-specific waits (``wait_state``) stay in
``site_pages.py`` and are built on :func:`poll`. The model test files
(``test_roi.py`` …) do not import it: they also run inside Pyodide, which
starts no process.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import simulators
from sitebuild.hooks.calculators import TOKEN as CALCULATOR_TOKEN
from sitebuild.markdown_code import mask_code

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Every registered calculator, in the registry's order: a test meaning "every calculator" reads this,
# so a new model is tested the day it is registered.
CALCULATORS: tuple[str, ...] = tuple(simulators.SIMULATORS)


def _calculator_pages() -> dict[str, str]:
    """``{"roi": "kalkulator/roi-iklan/", …}`` from the Markdown sources (first page holding each calculator).

    Read from ``docs/`` so it is known when the tests are collected, before any build;
    ``test_calculators.py`` checks it against the built pages (``site_pages.calculator_pages``).
    """
    pages: dict[str, str] = {}
    for source in sorted((ROOT / "docs").rglob("*.md")):
        relative = source.relative_to(ROOT / "docs").with_suffix("")
        path = "" if relative.as_posix() == "index" else (relative.parent if relative.name == "index" else relative).as_posix() + "/"
        # the hook's own token (a line of its own) outside code: a token shown in code is no calculator
        for line in mask_code(source.read_text(encoding="utf-8")).splitlines():
            if match := CALCULATOR_TOKEN.match(line):
                pages.setdefault(match["name"], path)
    return pages


CALCULATOR_PAGES: dict[str, str] = _calculator_pages()


def covers_every_calculator(table: dict, what: str) -> None:
    """A per-calculator table of expected values names every registered calculator, and no other."""
    assert set(table) == set(CALCULATORS), f"{what}: {sorted(set(CALCULATORS) - set(table))} missing, {sorted(set(table) - set(CALCULATORS))} unknown"


# ---- waiting


def _short(value: Any, limit: int = 300) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def poll(
    check: Callable[[], Any],
    *,
    what: str,
    timeout: float = 30,
    every: float = 0.1,
    until: Callable[[Any], Any] = bool,
    page=None,
) -> Any:
    """The first value of ``check()`` that ``until`` accepts (by default: the first truthy one).

    ``check`` runs at once, then every ``every`` seconds; once ``timeout``
    seconds have passed without success, an ``AssertionError`` names ``what``
    and the last value seen. An exception raised by ``check`` or ``until`` ends
    the wait at once (a calculator in its error state is not waited for).

    With ``page`` (Playwright's), the pause is ``page.wait_for_timeout``, during
    which Playwright delivers the events a ``time.sleep`` would hold back (a
    routed request, a request listener): use it when ``check`` reads what such
    a handler recorded.

    >>> poll(iter([0, "", "ready"]).__next__, what="a ready state", every=0)
    'ready'
    """
    deadline = time.monotonic() + timeout
    while True:
        seen = check()
        if until(seen):
            return seen
        if time.monotonic() >= deadline:
            raise AssertionError(f"{what}: not reached within {timeout:g} s (last seen: {_short(seen)})")
        if page is None:
            time.sleep(every)
        else:
            page.wait_for_timeout(every * 1000)


# ---- the command line


def cli(*args: str, stdin: str | bytes = "") -> subprocess.CompletedProcess:
    """The real ``python -m simulators ARGS`` in a subprocess; ``stdout`` and ``stderr`` as text.

    ``stdin`` (text is sent as UTF-8; bytes as they are, to test input that is
    no UTF-8) is what the command reads for ``--json -``.
    """
    done = subprocess.run(
        [sys.executable, "-m", "simulators", *args],
        input=stdin.encode() if isinstance(stdin, str) else stdin,
        capture_output=True,
        cwd=ROOT,
    )
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(), done.stderr.decode())


def cli_json(name: str, inputs: dict | None = None) -> dict:
    """The document ``python -m simulators NAME`` prints for ``inputs`` (``None``: ``--defaults``).

    The inputs travel through stdin (a long document does not fit in argv everywhere).
    """
    done = cli(name, "--defaults") if inputs is None else cli(name, "--json", "-", stdin=json.dumps(inputs))
    assert done.returncode == 0, f"python -m simulators {name} exited with {done.returncode}:\n{done.stderr}"
    return json.loads(done.stdout)
