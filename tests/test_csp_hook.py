"""The CSP hook's text work, without a browser (tests/browser/test_csp.py checks the policy in Chromium)."""

from __future__ import annotations

import importlib.util
import pathlib

import pytest
from mkdocs.exceptions import PluginError

from sitebuild import command as build_command

HOOK = pathlib.Path(__file__).resolve().parent.parent / "sitebuild" / "hooks" / "csp.py"
spec = importlib.util.spec_from_file_location("csp_hook", HOOK)
csp = importlib.util.module_from_spec(spec)
spec.loader.exec_module(csp)

# `printf 'alert(1)' | openssl dgst -sha256 -binary | base64`
ALERT_HASH = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


class TestHashes:
    def test_inline_script_hash_matches_openssl(self):
        assert csp.inline_script_hashes("<script>alert(1)</script>") == [ALERT_HASH]

    def test_module_and_javascript_types_are_hashed_once(self):
        page = '<script type="module">alert(1)</script><SCRIPT type=text/javascript>alert(1)</SCRIPT>'
        assert csp.inline_script_hashes(page) == [ALERT_HASH]

    def test_data_blocks_and_external_scripts_need_no_hash(self):
        page = '<script id="__config" type="application/json">{"a":1}</script><script src="x.js"></script>'
        assert csp.inline_script_hashes(page) == []

    def test_whitespace_is_part_of_the_hash(self):
        assert csp.inline_script_hashes("<script> alert(1)</script>") != [ALERT_HASH]


class TestPlacement:
    PAGE = '<!doctype html><html><head>\n<meta charset="utf-8">\n<title>t</title><script>alert(1)</script></head><body></body></html>'

    def test_policy_follows_charset_and_precedes_every_script(self):
        out = csp.add_policy(self.PAGE)
        meta = out.index(csp.META_MARK)
        assert out.index('<meta charset="utf-8">') < meta < out.index("<title>") < out.index("<script>")
        assert ALERT_HASH in out[meta : out.index(">", meta)]

    def test_policy_forbids_unsafe_script_sources(self):
        policy = csp.policy([ALERT_HASH])
        script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert "'wasm-unsafe-eval'" in script_src
        assert "object-src 'none'" in policy and "worker-src 'self'" in policy and "connect-src 'self'" in policy

    def test_running_twice_keeps_one_policy(self):
        twice = csp.add_policy(csp.add_policy(self.PAGE))
        assert twice.count(csp.META_MARK) == 1
        assert twice == csp.add_policy(self.PAGE)

    def test_page_without_head_fails(self):
        with pytest.raises(PluginError):
            csp.add_policy("<p>fragment</p>")


class TestForbiddenPlaces:
    @pytest.mark.parametrize(
        "markup",
        ['<button onclick="go()">x</button>', '<img src=x onerror=alert(1)>', '<a href=" JavaScript:alert(1)">x</a>'],
    )
    def test_found(self, markup):
        assert csp.forbidden_script_places(f"<html><head></head><body>{markup}</body></html>")

    def test_text_inside_scripts_and_attributes_is_not_markup(self):
        page = '<script>var s = "<a onclick=x>";</script><p title="onclick=1">one=1</p><a href="#javascript">x</a>'
        assert csp.forbidden_script_places(page) == []

    def test_build_fails_on_inline_handler(self, tmp_path):
        (tmp_path / "index.html").write_text('<html><head></head><body><a onclick="x()">x</a></body></html>')
        with pytest.raises(PluginError, match="index.html: <a onclick"):
            csp.on_post_build({"site_dir": str(tmp_path)})


class TestServe:
    def test_dev_server_pages_keep_no_policy(self, tmp_path):
        # `mkdocs serve` injects an inline live-reload script; the policy is for built sites only
        page = "<html><head></head><body></body></html>"
        (tmp_path / "index.html").write_text(page)
        try:
            build_command.record("serve")
            csp.on_post_build({"site_dir": str(tmp_path)})
            assert (tmp_path / "index.html").read_text() == page
            build_command.record("build")
            csp.on_post_build({"site_dir": str(tmp_path)})
            assert csp.META_MARK in (tmp_path / "index.html").read_text()
        finally:
            build_command.record("build")
