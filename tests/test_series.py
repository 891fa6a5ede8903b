"""Chart series: every point is a full run of the model, nothing re-derived."""

import json

import pytest

import simulators
from simulators import series

# Per calculator: the inputs its chart series are tested on, or None for a calculator without series.
SERIES = {
    "roi": {"ad_spend": 1_500_000}, "cadence": None, "omnichannel": None, "runway": None,
    "campaign": {"total_budget": 4_000_000}, "plan": {"posts_per_day": 3}, "fees": None,
}


class TestProfitCurve:
    def test_default_grid_and_end_points(self):
        curve = series.profit_curve()
        # top = 2 × 2.000.000 = 4.000.000 in 10 steps of 400.000
        assert [p["ad_spend"] for p in curve] == [400_000 * k for k in range(11)]
        # no ads: only the fixed costs, −250.000; ROAS undefined
        assert curve[0]["profit"] == pytest.approx(-250_000) and curve[0]["roas"] is None
        # the reader's own spend is the middle point: the default profit 417.600
        assert curve[5]["profit"] == pytest.approx(417_600)
        # 4.000.000: 160.000 tayangan, 2.400 klik, 72 pesanan, omzet 10.800.000
        # 10.800.000 × 0,494 − 4.000.000 − 250.000 = 1.085.200
        assert curve[10]["profit"] == pytest.approx(1_085_200)

    def test_each_point_is_a_model_run(self):
        payload = {"ad_spend": 1_500_000, "cpm": 40_000, "ctr": 0.02, "fixed_costs": 0}
        for point in series.profit_curve(payload):
            outputs = simulators.run("roi", {**payload, "ad_spend": point["ad_spend"]})["outputs"]
            assert (point["profit"], point["roas"]) == (outputs["profit"], outputs["roas"])

    def test_zero_spend_still_draws_a_curve(self):
        # 0 × 2 = 0 would give eleven points at 0: the default spend (2.000.000) × 2 is used instead
        curve = series.profit_curve({"ad_spend": 0})
        assert curve[-1]["ad_spend"] == 4_000_000

    def test_top_capped_at_the_money_limit(self):
        # 2 × 9 × 10¹¹ = 1,8 × 10¹² is above the model's Rp 10¹² limit
        curve = series.profit_curve({"ad_spend": 900_000_000_000})
        assert curve[-1]["ad_spend"] == 1_000_000_000_000

    def test_bad_input_raises_the_models_error(self):
        with pytest.raises(simulators.InputError):
            series.profit_curve({"cpm": 0})


class TestPageJson:
    def test_ok_document_is_run_json_plus_extras(self):
        text = json.dumps({"ad_spend": 3_000_000})
        page = json.loads(series.page_json("roi", text))
        plain = json.loads(simulators.run_json("roi", text))
        assert page["ok"] and page["result"]["outputs"] == plain["result"]["outputs"]
        assert page["result"]["extras"]["profit_curve"] == series.profit_curve({"ad_spend": 3_000_000})

    def test_errors_pass_through_unchanged(self):
        text = '{"ctr": 2}'
        assert series.page_json("roi", text) == simulators.run_json("roi", text)

    @pytest.mark.parametrize("name", [name for name, payload in SERIES.items() if payload is not None])
    def test_extras_from_given_outputs_equal_extras_run_afresh(self, name):
        # page_json hands the model's outputs to extras() instead of running the model again
        payload = SERIES[name]
        result = simulators.run(name, payload)
        assert series.extras(name, result["inputs"], result["outputs"]) == series.extras(name, result["inputs"])
        assert json.loads(series.page_json(name, json.dumps(payload)))["result"]["extras"] == series.extras(name, payload)

    @pytest.mark.parametrize("name", [name for name, payload in SERIES.items() if payload is None])
    def test_calculators_without_series_get_empty_extras(self, name):
        assert json.loads(series.page_json(name, "{}"))["result"]["extras"] == {}

    def test_every_calculator_is_listed(self):
        assert set(SERIES) == set(simulators.SIMULATORS)


class TestCampaignSeries:
    def test_timeline_splits_each_events_budget_by_phase(self):
        rows = series.campaign_timeline()
        outputs = simulators.run("campaign", {})["outputs"]
        assert [r["event"] for r in rows] == [e["event"] for e in outputs["events"]]  # the model's date order
        # 9.000.000 over weights 2+1+1+1+2+2 = 9: Rp 1.000.000 per weight unit; 12.12 (weight 2) gets
        # 2.000.000 = 30 % 600.000 before the peak, 50 % 1.000.000 on it, 20 % 400.000 after
        assert (rows[0]["event"], rows[0]["pre_peak"], rows[0]["peak"], rows[0]["post_peak"]) == ("12.12", 600_000, 1_000_000, 400_000)
        for row, event in zip(rows, outputs["events"], strict=True):
            assert row["pre_peak"] + row["peak"] + row["post_peak"] == pytest.approx(event["budget"])

    def test_phases_are_the_models_phases_flattened(self):
        payload = {"total_budget": 3_000_000, "events": [{"event": "9.9", "weight": 1}]}
        outputs = simulators.run("campaign", payload)["outputs"]
        flat = series.campaign_phases(payload)
        assert flat == [{"event_name": "9.9", **phase} for phase in outputs["events"][0]["phases"]]

    def test_page_json_carries_both(self):
        extras = json.loads(series.page_json("campaign", "{}"))["result"]["extras"]
        assert extras == {"timeline": series.campaign_timeline(), "phases": series.campaign_phases()}


class TestPlanSeries:
    def test_week_counts_add_up_to_the_tasks(self):
        rows = series.plan_week_counts()
        # week 1: 4 checklist tasks, no channel task, 7 posting days (2 videos every day) = 11
        assert (rows[0]["rencana"], rows[0]["kanal"], rows[0]["posting"], rows[0]["tasks"]) == (4, 0, 7, 11)
        # week 2: 4 checklist tasks, "Rapikan etalase" for each of the 3 channels, 7 posting days = 14
        assert (rows[1]["rencana"], rows[1]["kanal"], rows[1]["posting"], rows[1]["tasks"]) == (4, 3, 7, 14)
        assert sum(r["tasks"] for r in rows) == simulators.run("plan", {})["outputs"]["task_count"] == 97
        assert all(r["rencana"] + r["kanal"] + r["posting"] == r["tasks"] for r in rows)

    def test_bad_input_raises_the_models_error(self):
        with pytest.raises(simulators.InputError):
            series.plan_week_counts({"channels": []})
