"""The offline hook's file list (tests/browser/test_faults.py runs the service worker itself)."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import pathlib

import pytest
from mkdocs.exceptions import PluginError

from sitebuild import command as build_command

ROOT = pathlib.Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("offline_hook", ROOT / "sitebuild" / "hooks" / "offline.py")
offline = importlib.util.module_from_spec(spec)
spec.loader.exec_module(offline)
TEMPLATE = (ROOT / "docs" / "sw.js").read_text(encoding="utf-8")


@pytest.fixture()
def site(tmp_path):
    files = {
        "index.html": "<p>beranda</p>",
        "404.html": "<p>tidak ada</p>",
        "sw.js": TEMPLATE,
        "assets/javascripts/bundle.js": "x",
        "assets/javascripts/bundle.js.map": "{}",
        "assets/calc/runtime/pyodide-1/pyodide.asm.wasm": "wasm",
        "assets/calc/runtime/simulators-0.1-py3-none-any.whl": "whl",
        "assets/math/fonts/KaTeX_Main-Regular.woff2": "font",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def test_every_file_listed_with_its_integrity_hash_and_group(site):
    files = offline.file_list(site)
    assert sorted(files) == [
        "404.html",
        "assets/calc/runtime/pyodide-1/pyodide.asm.wasm",
        "assets/calc/runtime/simulators-0.1-py3-none-any.whl",
        "assets/javascripts/bundle.js",
        "assets/math/fonts/KaTeX_Main-Regular.woff2",
        "index.html",
    ]  # the worker itself and source maps are left out
    # Subresource Integrity wants base64 of the raw SHA-256 digest
    assert files["index.html"]["sha256"] == base64.b64encode(hashlib.sha256(b"<p>beranda</p>").digest()).decode()
    assert {path: entry["group"] for path, entry in files.items()} == {
        "404.html": "core",
        "index.html": "core",
        "assets/javascripts/bundle.js": "core",
        "assets/calc/runtime/pyodide-1/pyodide.asm.wasm": "runtime",
        "assets/calc/runtime/simulators-0.1-py3-none-any.whl": "runtime",
        "assets/math/fonts/KaTeX_Main-Regular.woff2": "lazy",
    }


def listed(worker: str) -> dict:
    line = next(text for text in worker.splitlines() if text.startswith("const FILES = "))
    return json.loads(line[len("const FILES = ") : line.index("; //")])


def version(worker: str) -> str:
    return next(line for line in worker.splitlines() if line.startswith("const VERSION"))


def test_version_changes_with_any_file(site):
    before = offline.file_list(site)
    first = offline.fill_worker(TEMPLATE, before)
    assert listed(first) == before and 'const VERSION = "dev";' not in first
    (site / "assets/javascripts/bundle.js").write_text("y")
    second = offline.fill_worker(TEMPLATE, offline.file_list(site))
    assert version(first) != version(second)


def test_build_fills_the_worker_and_refuses_a_changed_template(site):
    build_command.record("build")
    offline.on_post_build({"site_dir": str(site)})
    assert 'const VERSION = "dev";' not in (site / "sw.js").read_text()
    with pytest.raises(PluginError):
        offline.fill_worker("// no placeholders", offline.file_list(site))


def test_dev_server_leaves_the_worker_as_dev(site):
    # under `mkdocs serve` a cached draft would outlive every edit: the worker stays "dev"
    (site / "sw.js").write_text(TEMPLATE)
    try:
        build_command.record("serve")
        offline.on_post_build({"site_dir": str(site)})
        assert (site / "sw.js").read_text() == TEMPLATE
    finally:
        build_command.record("build")
