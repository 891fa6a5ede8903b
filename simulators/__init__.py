"""Simulators of the TikTok Live Plan-B playbook.

Pure standard-library Python, so the same code runs in CPython (CLI, notebooks,
site build) and in Pyodide (the reader's browser). Every number the playbook
shows comes from here.
"""

from __future__ import annotations

from ._registry import Simulator, dumps, parse_json
from .errors import InputError, Problem
from .cadence import SIMULATOR as _CADENCE
from .campaign import SIMULATOR as _CAMPAIGN
from .omnichannel import SIMULATOR as _OMNICHANNEL
from .plan import SIMULATOR as _PLAN
from .roi import SIMULATOR as _ROI
from .runway import SIMULATOR as _RUNWAY

__all__ = ["InputError", "Problem", "SIMULATORS", "Simulator", "run", "run_json"]

__version__ = "0.1.0"

SIMULATORS: dict[str, Simulator] = {s.name: s for s in (_ROI, _CADENCE, _OMNICHANNEL, _RUNWAY, _CAMPAIGN, _PLAN)}


def get(name: str) -> Simulator:
    """The simulator called ``name``; an unknown name is an :class:`InputError`."""
    if name not in SIMULATORS:
        known = ", ".join(SIMULATORS)
        raise InputError([Problem("simulator", f"tidak dikenal: {name!r}; pilih salah satu: {known}", name)])
    return SIMULATORS[name]


def run(name: str, payload: object = None) -> dict:
    """Run simulator ``name`` on a JSON-like mapping (``None`` = all defaults)."""
    return get(name).run({} if payload is None else payload)


def run_json(name: str, text: str) -> str:
    """JSON in, JSON out, errors as data: what the browser worker calls.

    Returns ``{"ok": true, "result": {...}}`` or
    ``{"ok": false, "errors": [{"field": ..., "message": ...}]}``.
    """
    try:
        # get(name).run, not run(): the JSON text `null` is no object and is refused, not "defaults"
        result = get(name).run(parse_json(text))
    except InputError as error:
        return dumps({"ok": False, "errors": [p.as_dict() for p in error.problems]})
    return dumps({"ok": True, "result": result})
