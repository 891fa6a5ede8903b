"""Model runs over a range of one input: the data behind the calculator charts.

A chart never re-derives a formula: each of its points is a full run of the
model with one input changed. The site build calls these in CPython for the
prerendered page and the browser worker calls :func:`page_json` in Pyodide.
"""

from __future__ import annotations

import json
from typing import Any

from . import run, run_json
from ._registry import dumps
from ._validate import MAX_MONEY

__all__ = ["profit_curve", "extras", "page_json"]

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


_EXTRAS = {"roi": lambda inputs: {"profit_curve": profit_curve(inputs)}}


def extras(name: str, inputs: Any) -> dict:
    """Chart series a calculator page shows besides the model's outputs (may be empty)."""
    make = _EXTRAS.get(name)
    return make(inputs) if make else {}


def page_json(name: str, text: str) -> str:
    """:func:`simulators.run_json` plus the chart series: what the browser worker answers.

    Returns ``{"ok": true, "result": {"inputs", "outputs", "extras"}}`` or the
    errors of :func:`simulators.run_json` unchanged.
    """
    document = json.loads(run_json(name, text))
    if document["ok"]:
        document["result"]["extras"] = extras(name, document["result"]["inputs"])
    return dumps(document)
