"""The calculator hook: where ``[[kalkulator:NAME]]`` becomes markup, and where it must not."""

from __future__ import annotations

import importlib.util
import pathlib
import types

import pytest
from mkdocs.exceptions import PluginError

from sitebuild.calc import prerender
from sitebuild.calc.when import holds, pick
from tests.kit import CALCULATORS, covers_every_calculator

ROOT = pathlib.Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("calculators_hook", ROOT / "sitebuild" / "hooks" / "calculators.py")
hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hook)


def page(src="kalkulator/roi-iklan.md"):
    return types.SimpleNamespace(file=types.SimpleNamespace(src_uri=src), url="kalkulator/roi-iklan/", meta={})


class TestTokens:
    def test_token_alone_on_a_line_becomes_a_slot(self):
        out = hook.on_page_markdown("Intro\n\n[[kalkulator:roi]]\n\nAkhir", page(), {}, None)
        assert '<div data-kalkulator-slot="roi" data-index="0"></div>' in out

    def test_indented_token_keeps_its_indentation(self):
        out = hook.on_page_markdown('!!! tip\n    [[kalkulator:cadence]]\n', page(), {}, None)
        assert '\n    <div data-kalkulator-slot="cadence" data-index="0"></div>' in out

    def test_tokens_in_code_are_left_alone(self):
        text = "Tulis `[[kalkulator:roi]]` di halaman.\n\n```md\n[[kalkulator:roi]]\n```\n"
        assert hook.on_page_markdown(text, page(), {}, None) == text

    def test_unknown_calculator_stops_the_build(self):
        with pytest.raises(PluginError, match="tidak dikenal"):
            hook.on_page_markdown("[[kalkulator:laba]]", page(), {}, None)

    def test_token_inside_a_sentence_stops_the_build(self):
        with pytest.raises(PluginError, match="sendirian di satu baris"):
            hook.on_page_markdown("Lihat [[kalkulator:roi]] di sini.", page(), {}, None)


class TestPrerender:
    URLS = {"script": "../../assets/calc/calculator.js", "pyodide": "p/", "wheel": "w.whl", "chart": "c.js"}

    @pytest.mark.parametrize("name", CALCULATORS)
    def test_markup_has_no_inline_code_to_run(self, name):
        html = prerender.render(name, urls=self.URLS, uid=f"k-{name}")
        # the only scripts: a JSON data block, the external module, and one inline script from
        # its own template file (no handlers). That one must run while the page is parsed, before
        # the default numbers are painted for a link that changes them (issue 13.2); an external
        # file there would hold up the page for a round trip. csp.py hashes it like the theme's.
        assert html.count("<script") == 3
        assert '<script type="application/json" data-result data-search-exclude>' in html
        assert '<script type="module" src="../../assets/calc/calculator.js"></script>' in html
        pending = (ROOT / "sitebuild" / "templates" / "_pending.js").read_text(encoding="utf-8")
        assert f"<script>{pending.rstrip()}</script>" in html
        assert " onclick=" not in html and "javascript:" not in html

    @pytest.mark.parametrize("name", CALCULATORS)
    def test_result_tables_stay_out_of_the_search_index(self, name):
        # Material's search skips elements marked data-search-exclude: searching "Minggu 3" should
        # find the chapter, not 97 rows of the plan's prerendered task table.
        html = prerender.render(name, urls=self.URLS, uid=f"k-{name}")
        assert html.count('<div class="calc-table-wrap" data-search-exclude') == html.count("<table") > 0

    def test_json_block_cannot_close_the_script(self):
        block = prerender.script_json({"name": "</script><script>alert(1)</script>"})
        assert "</" not in block and "<" not in block


class TestExplanationConditions:
    OUTPUTS = {"roas": 1.35, "break_even_roas": 2.02, "cpa": None, "shocked": {"total": 5}, "ok": False}

    def test_first_true_condition_wins(self):
        assert pick(["cpa != null", "roas < break_even_roas", "else"], self.OUTPUTS) == 1

    def test_null_never_orders(self):
        assert not holds("cpa < 100", self.OUTPUTS) and not holds("cpa >= 0", self.OUTPUTS)

    def test_nested_paths_and_and(self):
        assert holds("shocked.total >= 5 and ok == false", self.OUTPUTS)

    def test_unknown_output_is_a_template_bug(self):
        with pytest.raises(KeyError):
            holds("missing > 0", self.OUTPUTS)


# How many row lists each calculator's form has (omnichannel: channels and links).
LIST_COUNTS = {"roi": 0, "cadence": 1, "omnichannel": 2, "runway": 1, "campaign": 1, "plan": 1, "fees": 1}


class TestLimitsFromDeclarations:
    """The forms read list sizes, ranges and options from the models' declarations."""

    URLS = {"script": "s", "css": "c", "pyodide": "p", "wheel": "w", "chart": "ch"}

    @pytest.mark.parametrize("name", CALCULATORS)
    def test_every_list_has_the_declared_size(self, name):
        import re

        import simulators
        from simulators._validate import declared

        html = prerender.render(name, urls=self.URLS, uid="u")
        lists = re.findall(r'data-list="([^"]+)" data-min="(\d+)" data-max="(\d+)"', html)
        for path, low, high in lists:
            spec = declared(simulators.SIMULATORS[name].inputs, path)
            assert (int(low), int(high)) == (spec.min_items, spec.max_items), path
        assert len(lists) == LIST_COUNTS[name]

    def test_list_counts_name_every_calculator(self):
        covers_every_calculator(LIST_COUNTS, "LIST_COUNTS")

    def test_a_changed_limit_reaches_the_form(self, monkeypatch):
        import dataclasses

        import simulators._validate as validate
        from simulators._validate import declared
        from simulators.omnichannel import OmnichannelInputs

        spec = declared(OmnichannelInputs, "channels")
        field = next(f for f in dataclasses.fields(OmnichannelInputs) if f.name == "channels")
        monkeypatch.setattr(field, "metadata", {**field.metadata, "spec": dataclasses.replace(spec, max_items=7)})
        monkeypatch.setattr(validate, "_PLANS", {})  # the checker's cached view of the fields
        html = prerender.render("omnichannel", urls=self.URLS, uid="u")
        assert 'data-list="channels" data-min="1" data-max="7"' in html
        assert "dari paling banyak 7" in html

    def test_ranges_and_options_in_help_texts(self):
        cadence = prerender.render("cadence", urls=self.URLS, uid="u")
        assert "1 sampai 52 minggu." in cadence and "Paling banyak 10." in cadence
        assert '<option value="bukti sosial">Bukti sosial</option>' in cadence
        campaign = prerender.render("campaign", urls=self.URLS, uid="u")
        assert "Pilih tanggal di tahun 2025 sampai 2028." in campaign and "0 sampai 60 hari sebelum puncak." in campaign
        assert '<option value="12.12" selected>12.12 (Harbolnas)</option>' in campaign
