"""The package's registry (simulators/__init__.py): names, lazy imports, JSON in and out."""

import json
import subprocess
import sys

import pytest

import simulators

# The registry's own expected value, in the CLI's order: the one test file that writes the names out.
# Every other test reads them from simulators.SIMULATORS (or tests/kit.py's CALCULATORS).
NAMES = ["roi", "cadence", "omnichannel", "runway", "campaign", "plan", "fees"]


def modules_after(code: str) -> list[str]:
    """The simulators modules a fresh interpreter holds after running ``code``."""
    probe = code + "\nimport sys, json; print(json.dumps(sorted(m for m in sys.modules if m.startswith('simulators'))))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


class TestLazyRegistry:
    def test_lists_every_simulator_in_cli_order(self):
        assert list(simulators.SIMULATORS) == NAMES
        assert len(simulators.SIMULATORS) == len(NAMES)
        assert all(name in simulators.SIMULATORS for name in NAMES) and "laba" not in simulators.SIMULATORS

    @pytest.mark.parametrize("name", list(simulators.SIMULATORS))
    def test_each_name_gives_the_simulator_of_that_name(self, name):
        simulator = simulators.SIMULATORS[name]
        assert simulator.name == name
        assert simulator is sys.modules[f"simulators.{name}"].SIMULATOR

    @pytest.mark.uses_processes
    def test_importing_the_package_imports_no_model(self):
        assert not {f"simulators.{n}" for n in NAMES} & set(modules_after("import simulators"))

    @pytest.mark.uses_processes
    def test_a_page_imports_only_its_model_and_what_it_builds_on(self):
        # The ROI page's worker: the ROI model and the fees model its platform choice builds on.
        roi = modules_after("import simulators.series as s; s.page_json('roi', '{}')")
        assert [m for m in roi if m.removeprefix("simulators.") in NAMES] == ["simulators.fees", "simulators.roi"]
        # The plan builds on the cadence model (its posting days), not on the other four.
        plan = modules_after("import simulators.series as s; s.page_json('plan', '{}')")
        assert [m for m in plan if m.removeprefix("simulators.") in NAMES] == ["simulators.cadence", "simulators.plan"]

    def test_unknown_name_is_an_input_error_listing_the_names(self):
        with pytest.raises(simulators.InputError) as caught:
            simulators.get("laba")
        assert caught.value.problems[0].field == "simulator"
        assert "roi, cadence, omnichannel, runway, campaign, plan, fees" in caught.value.problems[0].message
        with pytest.raises(KeyError):
            simulators.SIMULATORS["laba"]


class TestAnswer:
    def test_run_json_answers_in_json_text(self):
        # dihitung manual: 2.000.000 / 25.000 × 1.000 = 80.000 tayangan × 1,5 % × 3 % = 36 pesanan × 150.000
        # = 5.400.000; disimpan 0,95 × (1 − 0,4 − 0,08) = 0,494 → 2.667.600 − 2.000.000 − 250.000 = 417.600
        ok = json.loads(simulators.run_json("roi", '{"ad_spend": 2000000}'))
        assert ok["ok"] is True and ok["result"]["outputs"]["profit"] == pytest.approx(417_600)
        assert ok["result"]["inputs"]["ad_spend"] == 2_000_000
        # refusals are data, one {field, message} per problem, whatever the text was
        for text, fields in [('{"ctr": 2}', ["ctr"]), ('{"ctr": 2, "cpm": 0}', ["cpm", "ctr"])]:
            refused = json.loads(simulators.run_json("roi", text))
            assert refused["ok"] is False and sorted(e["field"] for e in refused["errors"]) == fields
        for text in ["null", "[1]", "{oops"]:
            refused = json.loads(simulators.run_json("roi", text))
            assert refused["ok"] is False and refused["errors"] and all(e["message"] for e in refused["errors"])
        # the worker shows the text as it comes: Indonesian punctuation stays itself, not a \u escape
        many = simulators.run_json("plan", json.dumps({"channels": [f"K{n}" for n in range(13)]}))
        assert "1–12 nama kanal (sekarang 13)" in many

    def test_ok_and_error_shapes(self):
        ok = simulators.answer("roi", '{"ad_spend": 2000000}')
        assert ok["ok"] and ok["result"]["outputs"]["profit"] == pytest.approx(417_600)
        bad = simulators.answer("roi", '{"ctr": 2}')
        assert bad["ok"] is False and [e["field"] for e in bad["errors"]] == ["ctr"]
