"""A calculator's HTML with its default results, computed in CPython at build time.

The reader sees numbers before Python has loaded in the browser: the build
runs the very same ``simulators`` package (``simulators.run(NAME, {})``) and
renders ``sitebuild/templates/NAME.html`` with the results. The browser then
only recomputes (``docs/assets/calc/calculator.js``). The markup contract that
tests and audits rely on is documented in ``docs/kalkulator/index.md``
("Untuk kontributor") and in the templates' ``_macros.html``.
"""

from __future__ import annotations

import datetime as _dt
import json
import pathlib
from typing import Any, Mapping

import jinja2
from markupsafe import Markup

import simulators
from simulators import series
from simulators._calendar import EVENT_NAMES

from sitebuild import figures

from .fmt import format_input, format_value
from .today import RULES, build_date, dated_inputs
from .when import holds

__all__ = ["render", "lookup", "raw_value", "NAMES"]

TEMPLATES = pathlib.Path(__file__).resolve().parent.parent / "templates"
NAMES = ("roi", "cadence", "omnichannel", "runway", "campaign", "plan")


def lookup(data: Any, path: str) -> Any:
    """``lookup(outputs, "shocked.total_net_revenue")``; a missing step gives ``None``."""
    value = data
    for part in str(path).split("."):
        if isinstance(value, Mapping):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def raw_value(value: Any) -> str:
    """``data-value`` text: the model's raw number (JSON), empty for null, text as is."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value)


def script_json(document: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">`` (no ``</script>`` break-out)."""
    text = json.dumps(document, ensure_ascii=False, allow_nan=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


class _Chooser:
    """``when(group, condition)`` in a template: the first true condition of a group is shown."""

    def __init__(self, outputs: Mapping[str, Any]) -> None:
        self.outputs = outputs
        self.chosen: set[str] = set()

    def __call__(self, group: str, condition: str) -> Markup:
        show = group not in self.chosen and holds(condition, self.outputs)
        if show:
            self.chosen.add(group)
        attrs = Markup(' data-when="{}"').format(condition)
        return attrs if show else attrs + Markup(" hidden")

    def visible(self, condition: str) -> Markup:
        """``data-visible-when``: a block shown only while ``condition`` holds."""
        attrs = Markup(' data-visible-when="{}"').format(condition)
        return attrs if holds(condition, self.outputs) else attrs + Markup(" hidden")


_FIGURES = figures.load()
_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATES)),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.globals.update(fmt=format_value, finput=format_input, raw=raw_value, get=lookup)
# A figure of data/facts.csv as a number in model units (the "yakin?" ranges of a field).
_ENV.globals["fact"] = lambda figure_id: float(_FIGURES.figure(figure_id).value)
# Fixed option lists a form offers, taken from the models so a template never
# repeats them (the campaign's seasonal moments, in the order a form lists them).
_ENV.globals["choices"] = {"campaign_events": list(EVENT_NAMES.items())}


def compute(name: str, today: _dt.date | None = None) -> dict:
    """The default result of calculator ``name`` on ``today`` (the build date): inputs, outputs, chart series.

    The model's defaults, except for date inputs, which follow ``today`` (see today.py).
    """
    result = simulators.run(name, dated_inputs(name, today or build_date()))
    result["extras"] = series.extras(name, result["inputs"], result["outputs"])
    return result


def render(name: str, *, urls: Mapping[str, str], uid: str, today: _dt.date | None = None) -> str:
    """The calculator's markup; ``urls`` are page-relative (script, css, pyodide, wheel, chart)."""
    if name not in NAMES:
        raise KeyError(name)
    result = compute(name, today)
    runtime = {key: urls[key] for key in ("pyodide", "wheel", "chart")}
    chooser = _Chooser(result["outputs"])
    html = _ENV.get_template(f"{name}.html").render(
        name=name,
        uid=uid,
        inputs=result["inputs"],
        outputs=result["outputs"],
        extras=result["extras"],
        when=chooser,
        dated=RULES.get(name, {}),
        visible=chooser.visible,
        inputs_json=json.dumps(result["inputs"], ensure_ascii=False),
        runtime_json=json.dumps(runtime),
        result_json=script_json(result),
        script_url=urls["script"],
    )
    return html
