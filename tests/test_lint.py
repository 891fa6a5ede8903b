"""The code passes its linters: ruff and mypy (Python), eslint (JavaScript).

They run here so that `make test`, and CI with it, fail on a finding; `make lint`
runs them alone. Rules and the files they cover are configured in
pyproject.toml ([tool.ruff], [tool.mypy]) and eslint.config.mjs; the GitHub
workflows' linters (actionlint, zizmor) are in test_workflows.py. Each linter is
also shown a known mistake, so a configuration that checks nothing fails too.
"""

from __future__ import annotations

import json
import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = pathlib.Path(sys.executable).parent
ESLINT = ROOT / "node_modules" / "eslint" / "bin" / "eslint.js"
TYPED = ("simulators", "sitebuild")  # the packages mypy checks (pyproject.toml: [tool.mypy] files)


def run(*command: str | pathlib.Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(c) for c in command], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=600
    )


def ruff(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    assert (BIN / "ruff").is_file(), f"ruff tidak ada di {BIN}: jalankan `make venv`"
    return run(BIN / "ruff", "check", "--no-fix", "--output-format", "concise", *args, stdin=stdin)


def eslint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    assert ESLINT.is_file(), "eslint belum terpasang: jalankan `make node` (npm ci)"
    node = shutil.which("node")
    assert node, "node tidak ditemukan di PATH"
    return run(node, ESLINT, "--max-warnings", "0", *args, stdin=stdin)


class TestRuff:
    def test_the_python_code_is_clean(self):
        result = ruff(".")
        assert result.returncode == 0, result.stdout + result.stderr

    def test_it_reads_every_python_folder(self):
        shown = run(BIN / "ruff", "check", "--show-files", ".").stdout
        for folder in ("simulators", "sitebuild", "tests", "bench"):
            assert f"/{folder}/" in shown, f"ruff tidak memeriksa {folder}/"

    def test_it_catches_an_unused_import_and_import_order(self):
        result = ruff("--stdin-filename", "simulators/contoh.py", "-", stdin="import sys\nimport os\n")
        assert result.returncode == 1 and "F401" in result.stdout and "I001" in result.stdout, result.stdout


class TestMypy:
    def test_the_packages_type_check(self):
        result = run(sys.executable, "-m", "mypy")
        assert result.returncode == 0, result.stdout + result.stderr
        # The count proves the configured folders were read, all of them.
        files = sum(1 for folder in TYPED for _ in (ROOT / folder).rglob("*.py"))
        assert re.search(rf"no issues found in {files} source files", result.stdout), result.stdout

    def test_it_catches_a_wrong_type_in_an_unannotated_function(self, tmp_path):
        # Found only with the project's check_untyped_defs: proves pyproject.toml was read.
        bad = tmp_path / "contoh.py"
        bad.write_text("def total():\n    count: int = 'seratus'\n    return count\n", encoding="utf-8")
        result = run(sys.executable, "-m", "mypy", bad)
        assert result.returncode == 1 and "[assignment]" in result.stdout, result.stdout


class TestEslint:
    def test_the_javascript_is_clean(self):
        result = eslint("--format", "json", ".")
        assert result.stdout, result.stderr
        report = json.loads(result.stdout)
        problems = [
            f"{r['filePath']}:{m.get('line')}: {m['message']} ({m.get('ruleId')})" for r in report for m in r["messages"]
        ]
        assert result.returncode == 0 and not problems, "\n".join(problems) + result.stderr
        linted = {pathlib.Path(r["filePath"]).relative_to(ROOT).as_posix() for r in report}
        for expected in ("docs/assets/calc/calculator.js", "docs/assets/calc/worker.js", "docs/sw.js",
                         "sitebuild/stdlib.mjs", "tests/js/calc.test.mjs"):
            assert expected in linted, f"eslint tidak memeriksa {expected}"

    def test_each_file_knows_where_it_runs(self):
        # A page global in the service worker is an error; the same name in a page module is fine.
        code = "export const here = document.title;\n"
        worker = eslint("--stdin", "--stdin-filename", "docs/sw.js", stdin="self.x = document.title;\n")
        page = eslint("--stdin", "--stdin-filename", "docs/assets/calc/contoh.js", stdin=code)
        assert worker.returncode == 1 and "'document' is not defined" in worker.stdout, worker.stdout + worker.stderr
        assert page.returncode == 0, page.stdout + page.stderr
