"""The one place a simulator is described for every caller (CLI, worker, build)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ._validate import from_json, to_jsonable
from .errors import InputError, Problem

__all__ = ["Simulator", "parse_json"]


@dataclass(frozen=True)
class Simulator:
    """A model with its name, its Indonesian title and how JSON maps onto it."""

    name: str
    title: str
    inputs: type
    simulate: Callable[..., Any]

    def build_inputs(self, payload: Any) -> Any:
        """JSON object → validated inputs dataclass (missing keys take defaults)."""
        return from_json(self.inputs, payload)

    def run(self, payload: Any) -> dict:
        """``{"inputs": every input after defaults, "outputs": the results}``."""
        inputs = self.build_inputs(payload)
        outputs = self.simulate(inputs=inputs)
        return {"inputs": to_jsonable(inputs), "outputs": to_jsonable(outputs)}


class _NotFinite(ValueError):
    """NaN or Infinity in the JSON text (Python's json module would accept them)."""


def _reject_constant(name: str) -> float:
    raise _NotFinite(name)


def parse_json(text: str) -> Any:
    """Parse JSON text, refusing NaN and Infinity; a parse error becomes a Problem."""
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except ValueError as error:
        if isinstance(error, json.JSONDecodeError):
            where = f" (baris {error.lineno}, kolom {error.colno})"
        elif isinstance(error, _NotFinite):
            where = f" ({error} bukan angka JSON yang sah)"
        else:
            # CPython refuses integers of more than 4300 digits (int_max_str_digits); its
            # message is English, and no field of any model comes near such a number.
            where = " (ada angka yang terlalu panjang, lebih dari 4.300 digit)"
        raise InputError([Problem("", "JSON tidak bisa dibaca" + where + "; contoh yang benar: {\"ad_spend\": 2000000}", text[:80])]) from None
    except RecursionError:
        raise InputError([Problem("", "JSON terlalu dalam bersarang", text[:80])]) from None


def dumps(document: Any) -> str:
    """JSON text of a result; NaN or infinity here would be a model bug, so it raises."""
    return json.dumps(document, ensure_ascii=False, allow_nan=False)
