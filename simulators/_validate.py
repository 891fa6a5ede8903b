"""Shared checks behind every simulator's single validation step.

Each input dataclass declares its limits once, in the metadata of its fields
(:func:`number`, :func:`text`), and calls :func:`check_fields` from
``__post_init__``; cross-field rules stay in that simulator's ``_validate``.
:func:`from_mapping` turns a JSON object into those dataclasses, reporting
unknown or malformed keys together with the range problems.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
from typing import Any, Callable, Mapping

from .errors import InputError, Problem

MAX_MONEY = 1_000_000_000_000  # Rp 1 triliun: far above any small seller, far below float trouble
MAX_COUNT = 1_000_000_000_000


def format_number(value: float) -> str:
    """Indonesian digits: ``1500000`` → ``"1.500.000"``, ``0.025`` → ``"0,025"``."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.6g}".replace(",", "_").replace(".", ",").replace("_", ".")


def number(
    *,
    default: Any,
    minimum: float | None = None,
    maximum: float | None = None,
    above: float | None = None,
    below: float | None = None,
    integer: bool = False,
    hint: str = "",
) -> Any:
    """A dataclass field holding a number, with its allowed range.

    ``minimum``/``maximum`` are inclusive, ``above``/``below`` exclusive;
    ``hint`` is added to the message (e.g. how to write a percentage).
    """
    rule = dict(minimum=minimum, maximum=maximum, above=above, below=below, integer=integer, hint=hint)
    return dataclasses.field(default=default, metadata={"number": rule})


def text(*, default: Any = dataclasses.MISSING, max_length: int = 40, json_key: str | None = None) -> Any:
    """A dataclass field holding a short, non-empty text."""
    meta = {"text": {"max_length": max_length}}
    if json_key:
        meta["json_key"] = json_key
    return dataclasses.field(default=default, metadata=meta)


def describe_range(rule: Mapping[str, Any]) -> str:
    parts = []
    if rule["minimum"] is not None and rule["maximum"] is not None:
        parts.append(f"antara {format_number(rule['minimum'])} dan {format_number(rule['maximum'])}")
    else:
        if rule["minimum"] is not None:
            parts.append("tidak boleh negatif" if rule["minimum"] == 0 else f"paling kecil {format_number(rule['minimum'])}")
        if rule["above"] is not None:
            parts.append(f"lebih dari {format_number(rule['above'])}")
        if rule["maximum"] is not None:
            parts.append(f"paling besar {format_number(rule['maximum'])}")
    if rule["below"] is not None:
        parts.append(f"kurang dari {format_number(rule['below'])}")
    if rule["integer"]:
        parts.append("bilangan bulat")
    message = "harus " + ", ".join(parts) if parts else "harus berupa angka"
    message = message.replace("harus tidak boleh", "tidak boleh")
    return message + (f" ({rule['hint']})" if rule["hint"] else "")


def check_number(problems: list[Problem], field: str, value: Any, rule: Mapping[str, Any]) -> bool:
    """Append a problem when ``value`` is not a finite number inside ``rule``."""
    allowed = describe_range(rule)
    if value is None:
        problems.append(Problem(field, f"wajib diisi angka, bukan null; {allowed}", value))
        return False
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        problems.append(Problem(field, f"harus berupa angka, bukan teks atau daftar; {allowed}", value))
        return False
    if isinstance(value, float) and not math.isfinite(value):
        problems.append(Problem(field, f"harus angka terhingga (NaN dan tak hingga tidak boleh); {allowed}", value))
        return False
    if rule["integer"] and not float(value).is_integer():
        problems.append(Problem(field, allowed, value))
        return False
    low, high = rule["minimum"], rule["maximum"]
    if (
        (low is not None and value < low)
        or (high is not None and value > high)
        or (rule["above"] is not None and value <= rule["above"])
        or (rule["below"] is not None and value >= rule["below"])
    ):
        problems.append(Problem(field, allowed, value))
        return False
    return True


def check_text(problems: list[Problem], field: str, value: Any, max_length: int) -> bool:
    if not isinstance(value, str):
        problems.append(Problem(field, f"harus berupa teks 1–{max_length} karakter", value))
        return False
    if not value.strip():
        problems.append(Problem(field, "tidak boleh kosong", value))
        return False
    if len(value) > max_length:
        problems.append(Problem(field, f"paling banyak {max_length} karakter (sekarang {len(value)})", value))
        return False
    return True


def check_fields(obj: Any, problems: list[Problem], prefix: str = "") -> None:
    """Check every field of ``obj`` that declares a rule in its metadata."""
    for f in dataclasses.fields(obj):
        name = prefix + f.metadata.get("json_key", f.name)
        value = getattr(obj, f.name)
        if "number" in f.metadata:
            check_number(problems, name, value, f.metadata["number"])
        elif "text" in f.metadata:
            check_text(problems, name, value, f.metadata["text"]["max_length"])


def raise_if(problems: list[Problem]) -> None:
    if problems:
        raise InputError(problems)


def parse_date(problems: list[Problem], field: str, value: Any) -> _dt.date | None:
    """``"2025-09-01"`` → ``date(2025, 9, 1)``; impossible dates become a problem."""
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip()) if len(value.strip()) == 10 else _fail()
        except ValueError:
            pass
    problems.append(Problem(field, "harus tanggal yang ada, format TTTT-BB-HH (mis. 2025-09-01)", value))
    return None


def _fail() -> None:
    raise ValueError


def json_key(f: dataclasses.Field) -> str:
    return f.metadata.get("json_key", f.name)


Converter = Callable[[list[Problem], str, Any], Any]


def from_mapping(
    cls: type,
    data: Any,
    *,
    prefix: str = "",
    converters: Mapping[str, Converter] | None = None,
    problems: list[Problem] | None = None,
) -> Any:
    """Build ``cls`` from a JSON object; missing keys take the field defaults.

    Structural problems (not an object, unknown keys, a converter's complaint)
    are gathered with the range problems of the built object, then raised
    together. With ``problems`` given, nothing is raised: the caller collects.
    ``cls`` is returned built, or ``None`` when it could not be.
    """
    own = problems is None
    problems = [] if own else problems
    converters = converters or {}
    if not isinstance(data, Mapping):
        where = prefix.rstrip(".") or "masukan"
        problems.append(Problem(prefix.rstrip("."), f"{where} harus berupa objek JSON {{\"kunci\": nilai}}", data))
        if own:
            raise_if(problems)
        return None
    fields = {json_key(f): f for f in dataclasses.fields(cls) if f.init}
    for key in data:
        if key not in fields:
            allowed = ", ".join(sorted(fields))
            # a hostile key may be 10 000 characters long: name it, but briefly
            shown = str(key) if len(str(key)) <= 40 else str(key)[:40] + "…"
            problems.append(Problem(prefix + shown, f"kolom tidak dikenal; yang boleh: {allowed}", data[key]))
    kwargs = {}
    broken = False
    for key, f in fields.items():
        if key not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                problems.append(Problem(prefix + key, "wajib diisi", None))
                broken = True
            continue
        value = data[key]
        if key in converters:
            before = len(problems)
            value = converters[key](problems, prefix + key, value)
            if len(problems) > before:
                broken = True
                continue
        kwargs[f.name] = value
    if broken:
        # Build with defaults in the broken places so the remaining fields are still checked.
        try:
            cls(**kwargs)
        except InputError as error:
            problems.extend(error.problems if not prefix else _prefixed(error.problems, prefix))
        except TypeError:
            # a required field is missing, so the object cannot exist: still check
            # each given field against its own rule, so every problem shows at once
            by_name = {f.name: f for f in fields.values()}
            for name, value in kwargs.items():
                meta = by_name[name].metadata
                if "number" in meta:
                    check_number(problems, prefix + json_key(by_name[name]), value, meta["number"])
                elif "text" in meta:
                    check_text(problems, prefix + json_key(by_name[name]), value, meta["text"]["max_length"])
        if own:
            raise_if(problems)
        return None
    try:
        built = cls(**kwargs)
    except InputError as error:
        problems.extend(error.problems if not prefix else _prefixed(error.problems, prefix))
        built = None
    if own:
        raise_if(problems)
    return built


def _prefixed(found: tuple[Problem, ...], prefix: str) -> list[Problem]:
    return [Problem(prefix + p.field, p.message, p.input) for p in found]


def list_of(
    cls: type,
    *,
    max_items: int,
    min_items: int = 0,
    what: str = "item",
    converters: Mapping[str, Converter] | None = None,
) -> Converter:
    """A converter for a JSON list of objects, each built with :func:`from_mapping`."""

    def convert(problems: list[Problem], field: str, value: Any) -> Any:
        if not isinstance(value, list):
            problems.append(Problem(field, f"harus berupa daftar (list) {what}", value))
            return None
        if not min_items <= len(value) <= max_items:
            problems.append(Problem(field, f"harus berisi {min_items}–{max_items} {what} (sekarang {len(value)})", len(value)))
            return None
        items = []
        for index, item in enumerate(value):
            items.append(
                from_mapping(cls, item, prefix=f"{field}.{index}.", converters=converters, problems=problems)
            )
        return tuple(items)

    return convert


def to_jsonable(value: Any) -> Any:
    """Dataclasses to plain JSON values, honouring ``json_key`` and dates."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {json_key(f): to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def ratio(numerator: float, denominator: float) -> float | None:
    """``numerator / denominator``, or ``None`` (JSON null) when dividing by zero."""
    return numerator / denominator if denominator else None


def check_named_items(
    problems: list[Problem], items: Any, item_type: type, *, field: str, max_items: int, shape: str
) -> list[str]:
    """Check a tuple of 1–``max_items`` named items (channels); return the well-formed names.

    Each item is checked against its own field rules; names must be unique,
    ignoring case and surrounding spaces. Items whose name is itself wrong are
    left out of the returned list, so later checks (links, shocks) do not
    report them a second time.
    """
    names: list[str] = []
    if not isinstance(items, tuple) or not 1 <= len(items) <= max_items:
        count = f" (sekarang {len(items)})" if isinstance(items, tuple) else ""
        problems.append(Problem(field, f"harus berisi 1–{max_items} kanal{count}", items))
        return names
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if not isinstance(item, item_type):
            problems.append(Problem(f"{field}.{i}", f"harus berupa kanal {shape}", item))
            continue
        before = len(problems)
        check_fields(item, problems, prefix=f"{field}.{i}.")
        if any(p.field == f"{field}.{i}.name" for p in problems[before:]):
            continue
        key = item.name.strip().casefold()
        if key in seen:
            message = f"nama kanal {item.name!r} sudah dipakai di {field}.{seen[key]}; nama harus unik"
            problems.append(Problem(f"{field}.{i}.name", message, item.name))
        else:
            seen[key] = i
            names.append(item.name)
    return names


def check_date_between(
    problems: list[Problem], field: str, value: Any, earliest: _dt.date, latest: _dt.date, *, example: str, why: str = ""
) -> bool:
    """Append a problem unless ``value`` is a date (not a datetime) within [earliest, latest]."""
    if not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
        problems.append(Problem(field, f"harus tanggal yang ada, format TTTT-BB-HH (mis. {example})", value))
        return False
    if not earliest <= value <= latest:
        problems.append(Problem(field, f"harus antara {earliest.isoformat()} dan {latest.isoformat()}{why}", value))
        return False
    return True
