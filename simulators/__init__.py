"""Simulators of the TikTok Live Plan-B playbook.

Pure standard-library Python, so the same code runs in CPython (CLI, notebooks,
site build) and in Pyodide (the reader's browser). Every number the playbook
shows comes from here.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from ._registry import Simulator, dumps, parse_json
from .errors import InputError, Problem

__all__ = ["InputError", "Problem", "SIMULATORS", "Simulator", "answer", "run", "run_json"]

__version__ = "0.1.0"

# Every simulator, in the order the CLI lists them: simulators/<name>.py holds its
# SIMULATOR. The CLI, the build (templates, pages) and the tests all read the names
# from here (``SIMULATORS``); a new model is added to this tuple and nowhere else.
_NAMES = ("roi", "cadence", "omnichannel", "runway", "campaign", "plan", "fees")


class _Registry(Mapping):
    """The simulators by name, each module imported on first use.

    A calculator page in the browser needs one model (and what it builds on):
    importing all six at start cost the reader's phone about a tenth of a
    second of Pyodide's start-up for nothing. Iterating still gives every name.
    """

    def __getitem__(self, name: str) -> Simulator:
        if name not in _NAMES:
            raise KeyError(name)  # as a dict would
        simulator = importlib.import_module(f".{name}", __name__).SIMULATOR
        if simulator.name != name:  # a renamed SIMULATOR must not be served under its old name
            raise RuntimeError(f"simulators.{name}.SIMULATOR is named {simulator.name!r}, not {name!r}")
        return simulator

    def __iter__(self) -> Iterator[str]:
        return iter(_NAMES)

    def __len__(self) -> int:
        return len(_NAMES)

    def __contains__(self, name: object) -> bool:
        return name in _NAMES


SIMULATORS: Mapping[str, Simulator] = _Registry()


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
    return dumps(answer(name, text))


def answer(name: str, text: str) -> dict:
    """:func:`run_json` before it is written as JSON (the browser worker adds chart series to it)."""
    try:
        # get(name).run, not run(): the JSON text `null` is no object and is refused, not "defaults"
        result = get(name).run(parse_json(text))
    except InputError as error:
        return {"ok": False, "errors": [p.as_dict() for p in error.problems]}
    return {"ok": True, "result": result}
