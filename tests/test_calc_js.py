"""The calculators' browser modules: their own unit tests, and formatting parity with the build.

The prerendered page is formatted by ``sitebuild.calc.fmt`` (Python), the
updates by ``docs/assets/calc/format.js`` (``Intl`` in the browser); a reader
must never see a number change its text when the calculator becomes ready.
Node's ``Intl`` is the same ICU as Chromium's.
"""

from __future__ import annotations

import json
import pathlib
import random
import re
import shutil
import subprocess

from sitebuild.calc.fmt import format_input, format_value

ROOT = pathlib.Path(__file__).resolve().parent.parent
NODE = [shutil.which("node") or "node", "--no-warnings", "--experimental-default-type=module"]


def test_js_unit_tests_pass():
    done = subprocess.run([*NODE, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    passed = re.search(r"^# pass (\d+)$", done.stdout, re.MULTILINE)
    assert done.returncode == 0 and passed and int(passed.group(1)) > 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert re.search(r"^# fail 0$", done.stdout, re.MULTILINE)


def _cases() -> list[tuple[str, object, str]]:
    rng = random.Random(20250830)  # fixed seed: the same cases every run
    numbers = [0, 0.5, 1.5, 2.5, -2.5, 0.125, 1.005, 2.675, -0.3, -0.0001, 0.015 * 100, 1e12, 999_999.5, 417_600.0,
               1 / 0.494, 55_555.555555555555, 7000.000007000001, 0.1856, 0.30530705173038053]
    numbers += [rng.uniform(-1e7, 1e7) for _ in range(150)] + [rng.uniform(0, 1) for _ in range(150)]
    numbers += [round(rng.uniform(0, 1e6), rng.randint(0, 3)) for _ in range(100)]
    cases = [("value", n, kind) for n in numbers for kind in ("rupiah", "percent", "rate", "int", "ratio", "number")]
    cases += [("input", n, unit) for n in numbers if n >= 0 for unit in ("rupiah", "percent", "integer", "number")]
    cases += [("value", None, "rupiah"), ("value", True, "bool"), ("value", "2025-09-01", "date"), ("value", "2026-02-28", "date")]
    return cases


def test_python_and_javascript_print_the_same_numbers():
    cases = _cases()
    done = subprocess.run([*NODE, "tests/js/format_values.mjs"], cwd=ROOT, input=json.dumps(cases),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads(done.stdout)
    python = [format_value(v, k) if what == "value" else format_input(v, k) for what, v, k in cases]
    differ = [(case, py, js) for case, py, js in zip(cases, python, shown, strict=True) if py != js]
    assert len(shown) == len(cases) > 1000
    assert differ == []


def test_python_and_javascript_date_the_same_day():
    # The prerender dates a page with the build date, the browser with the reader's
    # today: the same rule must give the same date (sitebuild/calc/today.py, today.js).
    import datetime as dt

    from sitebuild.calc.today import RULES, date_from_today

    days = [dt.date(2024, 12, 20) + dt.timedelta(days=n) for n in range(0, 1600, 3)]
    days += [dt.date(2000, 1, 1), dt.date(2100, 12, 31), dt.date(2028, 2, 29), dt.date(2029, 1, 1)]
    rules = {rule for paths in RULES.values() for rule in paths.values()}
    cases = [(rule, day, low, high) for rule, low, high in sorted(rules) for day in days]
    done = subprocess.run([*NODE, "tests/js/today_values.mjs"], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          input=json.dumps([(r, d.isoformat(), lo.isoformat(), hi.isoformat()) for r, d, lo, hi in cases]))
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads(done.stdout)
    python = [date_from_today(r, d, lo, hi).isoformat() for r, d, lo, hi in cases]
    assert len(shown) == len(python) > 1000
    assert [(c, p, j) for c, p, j in zip(cases, python, shown, strict=True) if p != j] == []
