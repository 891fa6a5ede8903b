"""A calculator's HTML with its default results, computed in CPython at build time.

The reader sees numbers before Python has loaded in the browser: the build
runs the very same ``simulators`` package (``simulators.run(NAME, {})``) and
renders ``sitebuild/templates/NAME.html`` with the results. The browser then
only recomputes (``docs/assets/calc/calculator.js``). The markup contract that
tests and audits rely on is documented in ``CONTRIBUTING.md``
("Kontrak markup kalkulator") and in the templates' ``_macros.html``.
"""

from __future__ import annotations

import datetime as _dt
import json
import pathlib
from collections.abc import Mapping
from typing import Any

import jinja2
from markupsafe import Markup

import simulators
from simulators import series
from simulators._format import format_number
from simulators._validate import Choice, Date, Number, declared
from sitebuild import figures

from .fmt import format_input, format_value
from .today import RULES, build_date, dated_inputs
from .when import holds

__all__ = ["render", "lookup", "raw_value", "NAMES"]

TEMPLATES = pathlib.Path(__file__).resolve().parent.parent / "templates"
# Every registered simulator has a calculator page; its template is templates/<name>.html.
NAMES = tuple(simulators.SIMULATORS)


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
_ENV.filters["digits"] = format_number


class _Limits:
    """The model's declarations for one template, so a form never retypes a limit.

    ``limits("channels").max_items``, ``between("weeks")`` → ``"1 sampai 52"``,
    ``options("mix.pillar")`` → ``[("edukasi", "Edukasi"), …]``.
    """

    def __init__(self, name: str) -> None:
        self.inputs = simulators.SIMULATORS[name].inputs

    def limits(self, path: str) -> Any:
        return declared(self.inputs, path)

    def between(self, path: str) -> str:
        spec = declared(self.inputs, path)
        if isinstance(spec, Date):
            return f"{spec.earliest.isoformat()} sampai {spec.latest.isoformat()}"
        if not isinstance(spec, Number) or spec.minimum is None or spec.maximum is None:
            raise ValueError(f"{path}: tidak berbatas bawah dan atas")
        return f"{format_number(spec.minimum)} sampai {format_number(spec.maximum)}"

    def options(self, path: str) -> list[tuple[Any, str]]:
        """(value, label) of a fixed choice: a mapping's own labels, otherwise the value capitalised."""
        spec = declared(self.inputs, path)
        if not isinstance(spec, Choice) or callable(spec.options):
            raise ValueError(f"{path}: bukan pilihan tetap")
        if isinstance(spec.options, Mapping):
            return list(spec.options.items())
        return [(value, str(value).capitalize()) for value in spec.options]


def compute(name: str, today: _dt.date | None = None) -> dict:
    """The default result of calculator ``name`` on ``today`` (the build date): inputs, outputs, chart series.

    The model's defaults, except for date inputs, which follow ``today`` (see today.py).
    """
    result = simulators.run(name, dated_inputs(name, today or build_date()))
    result["extras"] = series.extras(name, result["inputs"], result["outputs"])
    return result


def render(name: str, *, urls: Mapping[str, str | int], uid: str, today: _dt.date | None = None) -> str:
    """The calculator's markup; ``urls`` are page-relative (script, css, pyodide, wheel, chart)."""
    if name not in NAMES:
        raise KeyError(name)
    result = compute(name, today)
    runtime = {key: urls[key] for key in ("pyodide", "wheel", "chart", "bytes") if key in urls}
    chooser = _Chooser(result["outputs"])
    declarations = _Limits(name)
    html = _ENV.get_template(f"{name}.html").render(
        name=name,
        limits=declarations.limits,
        between=declarations.between,
        options=declarations.options,
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
