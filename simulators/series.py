"""Model runs over a range of one input: the data behind the calculator charts.

A chart never re-derives a formula: each of its points is a full run of the
model with one input changed. The site build calls these in CPython for the
prerendered page and the browser worker calls :func:`page_json` in Pyodide.
"""

from __future__ import annotations

from typing import Any

from . import answer, run
from ._registry import dumps
from ._validate import MAX_MONEY

__all__ = ["profit_curve", "campaign_timeline", "campaign_phases", "plan_week_counts", "extras", "page_json"]

CURVE_POINTS = 11


def profit_curve(payload: Any = None, *, points: int = CURVE_POINTS) -> list[dict]:
    """Profit and ROAS of the ROI model at ad spends from 0 to twice the reader's.

    Notes:
        The spends are ``top × k / (points − 1)`` for k = 0 … points − 1,
        rounded to whole Rupiah, with ``top`` = 2 × ad_spend (capped at the
        model's money limit); when ad_spend is 0, ``top`` is twice the
        model's default spend so the chart still shows where ads lead. Every
        other input stays as given. Each point is ``run("roi", …)``.

    Examples:
        Kalau anggaran iklan saya ubah dari 0 sampai dua kali lipat, di mana
        laba saya tertinggi?

        >>> curve = profit_curve({"ad_spend": 2_000_000})
        >>> [(p["ad_spend"], round(p["profit"])) for p in curve[::5]]
        [(0, -250000), (2000000, 417600), (4000000, 1085200)]

        Above the break-even ROAS every extra Rupiah of ads adds profit, so
        the curve climbs from −Rp 250.000 (fixed costs only) upwards.
    """
    inputs = run("roi", payload)["inputs"]
    top = min(2 * inputs["ad_spend"], MAX_MONEY) or 2 * run("roi", {})["inputs"]["ad_spend"]
    curve = []
    for k in range(points):
        spend = round(top * k / (points - 1))
        outputs = run("roi", {**inputs, "ad_spend": spend})["outputs"]
        curve.append({"ad_spend": spend, "profit": outputs["profit"], "roas": outputs["roas"]})
    return curve


def campaign_timeline(payload: Any = None) -> list[dict]:
    """The campaign budget of each event by phase, in date order: the timeline chart's rows.

    Notes:
        One row per event of :func:`simulators.campaign.simulate_campaign`,
        in its order (by peak date), with the budget of each of its phases
        under the phase's id (``pre_peak``, ``peak``, ``post_peak``) and
        the event's whole ``budget``. Nothing is recomputed: the figures are
        the model's.

    Examples:
        Kapan uang iklan musiman saya keluar, dan berapa di tiap fase?

        >>> rows = campaign_timeline()
        >>> [(r["event"], r["peak_date"], r["pre_peak"], r["peak"], r["post_peak"]) for r in rows[:2]]
        [('12.12', '2026-12-12', 600000.0, 1000000.0, 400000.0), ('ramadan', '2027-02-08', 600000.0, 1000000.0, 400000.0)]

        12.12 comes first: Rp 600.000 before its peak, Rp 1.000.000 on it
        and Rp 400.000 after.
    """
    return _timeline_rows(run("campaign", payload)["outputs"])


def _timeline_rows(outputs: dict) -> list[dict]:
    rows = []
    for event in outputs["events"]:
        row = {"event": event["event"], "name": event["name"], "peak_date": event["peak_date"], "budget": event["budget"]}
        row.update({phase["phase"]: phase["budget"] for phase in event["phases"]})
        rows.append(row)
    return rows


def campaign_phases(payload: Any = None) -> list[dict]:
    """Every phase of every event as one flat row (a table and its CSV cannot nest).

    Examples:
        >>> first = campaign_phases()[0]
        >>> first["event_name"], first["name"], first["start"], first["days"], first["expected_profit"]
        ('12.12 (Harbolnas)', 'Pra-puncak', '2026-12-01', 11, -230400.0)
    """
    return _phase_rows(run("campaign", payload)["outputs"])


def _phase_rows(outputs: dict) -> list[dict]:
    return [{"event_name": event["name"], **phase} for event in outputs["events"] for phase in event["phases"]]


def plan_week_counts(payload: Any = None) -> list[dict]:
    """How many tasks of each kind every week of the 8-week plan holds: the plan's chart.

    Notes:
        Counts of the model's tasks by ``kind`` (``rencana``, ``kanal``,
        ``posting``) per week, and ``tasks`` for all of them.

    Examples:
        Minggu mana yang paling padat?

        >>> week = plan_week_counts()[0]
        >>> week["week"], week["rencana"], week["kanal"], week["posting"], week["tasks"]
        (1, 4, 0, 7, 11)

        Week 1 holds the 4 checklist tasks of the chapter and 7 posting days,
        11 tasks in all.
    """
    return _week_rows(run("plan", payload)["outputs"])


def _week_rows(outputs: dict) -> list[dict]:
    from .plan import KINDS  # here, not at the top: the other calculator pages never need the plan

    rows = []
    for week in outputs["weeks"]:
        counts = {kind: sum(1 for task in week["tasks"] if task["kind"] == kind) for kind in KINDS}
        rows.append({"week": week["week"], "start": week["start"], "phase": week["phase"], **counts, "tasks": len(week["tasks"])})
    return rows


# name → (inputs, outputs of the model on them) → the page's extra series.
# The campaign and plan series only reshape the outputs; the ROI curve needs
# runs of its own.
_EXTRAS = {
    "roi": lambda inputs, outputs: {"profit_curve": profit_curve(inputs)},
    "campaign": lambda inputs, outputs: {"timeline": _timeline_rows(outputs), "phases": _phase_rows(outputs)},
    "plan": lambda inputs, outputs: {"week_counts": _week_rows(outputs)},
}


def extras(name: str, inputs: Any, outputs: dict | None = None) -> dict:
    """Chart series a calculator page shows besides the model's outputs (may be empty).

    ``outputs``, when given, must be the model's outputs for ``inputs`` (as
    :func:`page_json` has them): they are reused instead of run again.
    """
    make = _EXTRAS.get(name)
    if not make:
        return {}
    return make(inputs, run(name, inputs)["outputs"] if outputs is None else outputs)


def page_json(name: str, text: str) -> str:
    """:func:`simulators.run_json` plus the chart series: what the browser worker answers.

    Returns ``{"ok": true, "result": {"inputs", "outputs", "extras"}}`` or the
    errors of :func:`simulators.run_json` unchanged.
    """
    document = answer(name, text)
    if document["ok"]:
        result = document["result"]
        result["extras"] = extras(name, result["inputs"], result["outputs"])
    return dumps(document)
