"""The package's registry (simulators/__init__.py): names, lazy imports, JSON in and out."""

import json
import subprocess
import sys

import pytest

import simulators

NAMES = ["roi", "cadence", "omnichannel", "runway", "campaign", "plan", "fees"]


def modules_after(code: str) -> list[str]:
    """The simulators modules a fresh interpreter holds after running ``code``."""
    probe = code + "\nimport sys, json; print(json.dumps(sorted(m for m in sys.modules if m.startswith('simulators'))))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


class TestLazyRegistry:
    def test_lists_every_simulator_in_cli_order(self):
        assert list(simulators.SIMULATORS) == NAMES
        assert len(simulators.SIMULATORS) == 7
        assert all(name in simulators.SIMULATORS for name in NAMES) and "laba" not in simulators.SIMULATORS

    @pytest.mark.parametrize("name", NAMES)
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
    def test_run_json_is_answer_written_as_json(self):
        for text in ["{}", '{"ctr": 2}', "null", "[1]"]:
            assert simulators.run_json("roi", text) == json.dumps(simulators.answer("roi", text), ensure_ascii=False)

    def test_ok_and_error_shapes(self):
        ok = simulators.answer("roi", '{"ad_spend": 2000000}')
        assert ok["ok"] and ok["result"]["outputs"]["profit"] == pytest.approx(417_600)
        bad = simulators.answer("roi", '{"ctr": 2}')
        assert bad["ok"] is False and [e["field"] for e in bad["errors"]] == ["ctr"]
