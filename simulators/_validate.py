"""The models' inputs, declared once and checked in one place.

Each input dataclass declares what every field accepts with the helpers below.
The same declarations are read

- to check a JSON document (CLI, browser worker) *before* any dataclass is
  built: :func:`from_json`;
- to check a dataclass built in Python, from its ``__post_init__``: :func:`check`;
- by the site build (list sizes, ranges in help texts) and by the tests'
  hypothesis strategies: :func:`declared`, :func:`describe`.

Field helpers (each returns a :func:`dataclasses.field`; ``default`` left out
makes the field required):

==============================================  =============================================
``number(minimum=, maximum=, above=, below=,    a finite number; ``minimum``/``maximum``
integer=, hint=, unit=)``                       inclusive, ``above``/``below`` exclusive
``text(max_length=, single_line=)``             a non-empty text
``date(earliest=, latest=, example=, why=,     a day, ``"TTTT-BB-HH"`` in JSON
nullable=)``                                     ``nullable``: ``None`` allowed
``choice(options=, what=, message=)``           one of a set; ``options`` may be a callable
                                                of the other inputs (:func:`names_in`)
``items(of, min_items=, max_items=, what=,      a list of objects (``of`` a dataclass) or of
unique=, duplicate=, example=)``                values (``of`` another field's spec)
``nested(cls, what=, nullable=)``               one object
``same_as(cls, name, default=)``                the declaration of another model's field
==============================================  =============================================

Every helper also takes ``json_key`` (the field's name in JSON) and ``unit``
(how a reader thinks of the value, e.g. ``"persen"`` or ``"Rupiah"``: kept
in the declaration for the page, never changing a message). Fields whose
default depends on the other inputs say so with ``fill`` (a null value is
completed from them) or ``keep_default`` (the default applies only while it
fits them; otherwise ``otherwise`` does). Rules that tie several fields
together are small functions registered with :func:`rule`; they run after
the fields' own checks and see only fields that passed
(:class:`Checked`). A dataclass that extends another keeps the rules of
its base.

An optional field added to a model whose documents are already in use (share
links, scripts) is declared with ``default=None`` and ``omit_none=True``
(:func:`number`, :func:`nested`): while it is ``None`` it is left out of the
JSON written by :func:`to_jsonable`, so a document that does not use it
reads exactly as before. Fields of a result dataclass say the same with
:func:`omitted_when_none`.

Problems are collected, never raised one by one, and reported in three
rounds: the document's structure (unknown or missing keys, an object or a
list that is not one, a date that is not a date), then each value against
its declaration, then the rules. Within a round an object's own values come
before its lists and nested objects, each in declaration order. Messages
are in Bahasa Indonesia and name the allowed values.

Example: a model of stock in a few warehouses, the main one among them.

>>> import dataclasses
>>> @dataclasses.dataclass(frozen=True)
... class Gudang:
...     name: str = text(max_length=20)
...     units: int = number(default=0, minimum=0, maximum=10_000, integer=True)
>>> @dataclasses.dataclass(frozen=True)
... class StokInputs:
...     gudang: tuple = items(Gudang, default=(Gudang("Jakarta", 10),), min_items=1, max_items=3,
...                           what="gudang", unique="name")
...     utama: str = choice(default="Jakarta", options=names_in("gudang"), what="gudang")
...     diskon: float = number(default=0.1, minimum=0, maximum=1, unit="persen")
...
...     def __post_init__(self) -> None:
...         check(self)
>>> @rule(StokInputs)
... def _utama_berisi(inputs):
...     gudang = {g.name: g for g in inputs.gudang if g is not None}
...     if inputs.ok("utama") and gudang[inputs.utama].ok("units") and gudang[inputs.utama].units == 0:
...         yield Problem("utama", "gudang utama tidak boleh kosong")
>>> from_json(StokInputs, {"gudang": [{"name": "Bogor", "units": 5}], "utama": "Bogor"}).utama
'Bogor'
>>> try:
...     from_json(StokInputs, {"gudang": [{"name": "A", "units": -1}, {"name": "a"}], "utama": "B", "x": 1})
... except InputError as error:
...     print(error)
x: kolom tidak dikenal; yang boleh: diskon, gudang, utama
utama: gudang tidak dikenal: 'B'; pilih salah satu: A
gudang.0.units: harus antara 0 dan 10.000, bilangan bulat
gudang.1.name: 'a' sudah ada di gudang.0; tiap gudang hanya boleh sekali
>>> declared(StokInputs, "gudang").max_items, declared(StokInputs, "diskon").unit
(3, 'persen')
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING
from typing import Any, ClassVar

from ._format import format_number
from .errors import InputError, Problem

__all__ = [
    "MAX_COUNT",
    "MAX_MONEY",
    "Checked",
    "check",
    "choice",
    "date",
    "declared",
    "describe",
    "first_in",
    "from_json",
    "items",
    "names_in",
    "nested",
    "number",
    "omitted_when_none",
    "ratio",
    "rule",
    "same_as",
    "text",
    "to_jsonable",
]

MAX_MONEY = 1_000_000_000_000  # Rp 1 triliun: far above any small seller, far below float trouble
MAX_COUNT = 1_000_000_000_000

# The rounds problems are reported in (see the module docstring).
_SHAPE, _LIMIT, _RULE = 0, 1, 2
_BAD = object()  # what a spec's read() returns for a value that did not pass


class _Unread(Exception):
    """A rule or a callable option asked for a field that did not pass: it cannot tell."""


# ---------------------------------------------------------------------------
# Specs: what one field accepts


@dataclasses.dataclass(frozen=True, kw_only=True)
class Spec:
    """What one field accepts. Made by the helpers (:func:`number`, …), read by the checker.

    ``fill`` and ``keep_default`` take the inputs as checked so far
    (:class:`Checked`); a field using them, or a :func:`choice` whose options
    are a callable, is read after the fields that do not.
    """

    unit: str | None = None
    fill: Callable[[Checked], Any] | None = None
    keep_default: Callable[[Checked], bool | None] | None = None
    otherwise: Any = None

    kind: ClassVar[str] = ""
    holds_more: ClassVar[bool] = False  # a list or an object: reported after the plain values

    def read(self, value: Any, at: _Place, reading: _Reading) -> Any:
        raise NotImplementedError

    def depends(self) -> bool:
        return self.fill is not None or self.keep_default is not None

    def as_dict(self) -> dict:
        """The declaration as JSON values (for pages and tests)."""
        out: dict[str, Any] = {"kind": self.kind}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name in ("fill", "keep_default", "otherwise", "of") or value is None or callable(value):
                continue
            out[f.name] = to_jsonable(value)
        return out


@dataclasses.dataclass(frozen=True, kw_only=True)
class Number(Spec):
    minimum: float | None = None
    maximum: float | None = None
    above: float | None = None
    below: float | None = None
    integer: bool = False
    hint: str = ""
    nullable: bool = False

    kind: ClassVar[str] = "number"

    def describe(self) -> str:
        """The allowed range in words: ``"harus antara 0 dan 1 (pecahan 0–1, …)"``."""
        parts = []
        if self.minimum is not None and self.maximum is not None:
            parts.append(f"antara {format_number(self.minimum)} dan {format_number(self.maximum)}")
        else:
            if self.minimum is not None:
                parts.append("tidak boleh negatif" if self.minimum == 0 else f"paling kecil {format_number(self.minimum)}")
            if self.above is not None:
                parts.append(f"lebih dari {format_number(self.above)}")
            if self.maximum is not None:
                parts.append(f"paling besar {format_number(self.maximum)}")
        if self.below is not None:
            parts.append(f"kurang dari {format_number(self.below)}")
        if self.integer:
            parts.append("bilangan bulat")
        message = "harus " + ", ".join(parts) if parts else "harus berupa angka"
        message = message.replace("harus tidak boleh", "tidak boleh")
        return message + (f" ({self.hint})" if self.hint else "")

    def read(self, value: Any, at: _Place, reading: _Reading) -> Any:
        if value is None:
            if self.nullable:
                return None
            return reading.report(_LIMIT, at, f"wajib diisi angka, bukan null; {self.describe()}", value)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return reading.report(_LIMIT, at, f"harus berupa angka, bukan teks atau daftar; {self.describe()}", value)
        if isinstance(value, float) and not math.isfinite(value):
            message = f"harus angka terhingga (NaN dan tak hingga tidak boleh); {self.describe()}"
            return reading.report(_LIMIT, at, message, value)
        if (
            (self.integer and isinstance(value, float) and not value.is_integer())
            or (self.minimum is not None and value < self.minimum)
            or (self.maximum is not None and value > self.maximum)
            or (self.above is not None and value <= self.above)
            or (self.below is not None and value >= self.below)
        ):
            return reading.report(_LIMIT, at, self.describe(), value)
        return value

    def as_dict(self) -> dict:
        out = super().as_dict()
        if not self.nullable:
            del out["nullable"]  # said only where it is allowed, like the other optional traits
        return out


@dataclasses.dataclass(frozen=True, kw_only=True)
class Text(Spec):
    max_length: int = 40
    single_line: bool = False

    kind: ClassVar[str] = "text"

    def read(self, value: Any, at: _Place, reading: _Reading) -> Any:
        if not isinstance(value, str):
            return reading.report(_LIMIT, at, f"harus berupa teks 1–{self.max_length} karakter", value)
        if not value.strip():
            return reading.report(_LIMIT, at, "tidak boleh kosong", value)
        if len(value) > self.max_length:
            return reading.report(_LIMIT, at, f"paling banyak {self.max_length} karakter (sekarang {len(value)})", value)
        if self.single_line and any(ord(c) < 32 or 127 <= ord(c) < 160 for c in value):
            return reading.report(_LIMIT, at, "tidak boleh berisi baris baru, tab atau karakter kendali lain", value)
        return value


@dataclasses.dataclass(frozen=True, kw_only=True)
class Date(Spec):
    earliest: _dt.date
    latest: _dt.date
    example: str = "2025-09-01"
    why: str = ""
    nullable: bool = False

    kind: ClassVar[str] = "date"

    def read(self, value: Any, at: _Place, reading: _Reading) -> Any:
        if value is None and self.nullable:
            return None
        day = value
        if reading.json and isinstance(value, str):
            text = value.strip()
            try:
                day = _dt.date.fromisoformat(text) if len(text) == 10 else None
            except ValueError:
                day = None
        if not isinstance(day, _dt.date) or isinstance(day, _dt.datetime):
            return reading.report(_SHAPE, at, f"harus tanggal yang ada, format TTTT-BB-HH (mis. {self.example})", value)
        if not self.earliest <= day <= self.latest:
            message = f"harus antara {self.earliest.isoformat()} dan {self.latest.isoformat()}{self.why}"
            return reading.report(_LIMIT, at, message, value)
        return day


@dataclasses.dataclass(frozen=True, kw_only=True)
class Choice(Spec):
    options: Iterable[Any] | Callable[[Checked], Iterable[Any] | None]
    what: str = ""
    message: str = ""
    nullable: bool = False
    max_length: int | None = None

    kind: ClassVar[str] = "choice"

    def depends(self) -> bool:
        return super().depends() or callable(self.options)

    def allowed(self, root: Checked | None) -> Iterable[Any] | None:
        """The allowed values now (a mapping keeps its labels); ``None`` when they depend on inputs that did not pass."""
        return _ask(self.options, root) if callable(self.options) else self.options

    def read(self, value: Any, at: _Place, reading: _Reading) -> Any:
        if value is None and self.nullable:
            return None
        if self.max_length is not None and Text(max_length=self.max_length).read(value, at, reading) is _BAD:
            return _BAD  # a 10 000-character value is named by its length, not echoed
        allowed = self.allowed(reading.root)
        if not allowed:  # unknown, or nothing to choose from: the inputs it names carry the problem
            return value
        if not any(value == option and type(value) is type(option) for option in allowed):
            template = self.message or ("{what} tidak dikenal: {value!r}; pilih salah satu: {allowed}" if self.what else "tidak dikenal: {value!r}; pilih salah satu: {allowed}")
            labels = allowed if isinstance(allowed, Mapping) else {}
            message = template.format(
                what=self.what,
                value=_Shown(value),
                allowed=", ".join(str(o) for o in allowed),
                quoted=", ".join(f'"{o}"' for o in allowed),
                labelled=", ".join(f"{o} ({labels[o]})" if o in labels else str(o) for o in allowed),
            )
            return reading.report(_LIMIT, at, message, value)
        return value

    def as_dict(self) -> dict:
        out = super().as_dict()
        if not callable(self.options):
            out["options"] = [to_jsonable(o) for o in self.options]
            if isinstance(self.options, Mapping):
                out["labels"] = {str(k): v for k, v in self.options.items()}
        return out


@dataclasses.dataclass(frozen=True, kw_only=True)
class Nested(Spec):
    cls: type
    what: str = "objek"
    nullable: bool = False

    kind: ClassVar[str] = "object"
    holds_more: ClassVar[bool] = True

    def depends(self) -> bool:
        return super().depends() or _depends(self.cls)

    def read(self, value: Any, at: _Place, reading: _Reading) -> Any:
        if value is None:
            if self.nullable:
                return None
            if reading.json:
                return reading.report(_SHAPE, at, f"wajib berupa {_shape(self.cls, self.what)}, bukan null", value)
        return _read_object(self.cls, value, at, reading, what=self.what, nullable=self.nullable)

    def as_dict(self) -> dict:
        return {**super().as_dict(), "cls": self.cls.__name__, "fields": describe(self.cls)}


@dataclasses.dataclass(frozen=True, kw_only=True)
class Items(Spec):
    of: Spec
    max_items: int
    min_items: int = 0
    what: str = "item"
    unique: str | tuple[str, ...] | bool = False
    duplicate: str = ""
    example: str = ""

    kind: ClassVar[str] = "list"
    holds_more: ClassVar[bool] = True

    def depends(self) -> bool:
        return super().depends() or self.of.depends()

    def read(self, value: Any, at: _Place, reading: _Reading) -> Any:
        if not (isinstance(value, list) if reading.json else isinstance(value, (list, tuple))):
            example = f", mis. {self.example}" if self.example else ""
            return reading.report(_SHAPE, at, f"harus berupa daftar (list) {self.what}{example}", value)
        if not self.min_items <= len(value) <= self.max_items:
            message = f"harus berisi {self.min_items}–{self.max_items} {self.what} (sekarang {len(value)})"
            return reading.report(_LIMIT, at, message, len(value))
        found = []
        seen: dict[Any, str] = {}
        for index, item in enumerate(value):
            place = at.child(str(index), (index,))
            if isinstance(self.of, Nested):  # an item is an object, null is no exception
                result = _read_object(self.of.cls, item, place, reading, what=self.what)
            else:
                result = self.of.read(item, place, reading)
            found.append(None if result is _BAD else result)
            if self.unique and result is not _BAD and result is not None:
                self._check_unique(result, place, seen, reading)
        return tuple(found)

    def _check_unique(self, item: Any, at: _Place, seen: dict, reading: _Reading) -> None:
        names = (self.unique,) if isinstance(self.unique, str) else self.unique if isinstance(self.unique, tuple) else ()
        if isinstance(item, Checked):
            if not item.ok(*(item._keys[n] for n in names)):
                return  # its key has a problem of its own
            values = {**item._values, **{item._keys[n]: v for n, v in item._values.items()}}
            key = tuple(_fold(item._values[n]) for n in names)
            value = item._values[names[0]] if len(names) == 1 else None
            where = at.child(item._keys[names[0]], (2,)) if len(names) == 1 else at.child("", (2,))
        else:
            values, key, value, where = {}, _fold(item), item, at.child("", (2,))
        if key in seen:
            template = self.duplicate or "{value!r} sudah ada di {first}; tiap {what} hanya boleh sekali"
            message = template.format_map({**values, "value": value, "first": seen[key], "what": self.what})
            reading.report(_LIMIT, where, message, value)
        else:
            seen[key] = at.path

    def as_dict(self) -> dict:
        out = super().as_dict()
        out["of"] = describe(self.of.cls) if isinstance(self.of, Nested) else self.of.as_dict()
        return out


class _Shown:
    """A refused value inside a message: short, and never Python's ``nan``/``inf``."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __str__(self) -> str:
        return self._text(str)

    def __repr__(self) -> str:
        return self._text(repr)

    def _text(self, show: Callable[[Any], str]) -> str:
        value = self.value
        if isinstance(value, float) and not math.isfinite(value):
            return "NaN" if value != value else "tak hingga"
        text = show(value)
        return text if len(text) <= 40 else text[:40] + "…"


def _fold(value: Any) -> Any:
    """The form two values are compared in for uniqueness: texts ignore case and outer spaces."""
    return value.strip().casefold() if isinstance(value, str) else value


# ---------------------------------------------------------------------------
# Field helpers


def _field(spec: Spec, default: Any, json_key: str | None, omit_none: bool = False) -> Any:
    metadata: dict[str, Any] = {"spec": spec}
    if json_key:
        metadata["json_key"] = json_key
    if omit_none:
        if default is not None:
            raise TypeError("omit_none needs default=None: a left-out key must read back as the same value")
        metadata["omit_none"] = True
    return dataclasses.field(default=default, metadata=metadata)


def omitted_when_none() -> Any:
    """A result field that is ``None`` by default and left out of the JSON while it is ``None``.

    For an output added to a model whose documents are already in use: a
    result that does not have it reads exactly as before.
    """
    return dataclasses.field(default=None, metadata={"omit_none": True})


def number(
    *,
    default: Any = MISSING,
    minimum: float | None = None,
    maximum: float | None = None,
    above: float | None = None,
    below: float | None = None,
    integer: bool = False,
    hint: str = "",
    unit: str | None = None,
    nullable: bool = False,
    omit_none: bool = False,
    json_key: str | None = None,
) -> Any:
    """A finite number; ``minimum``/``maximum`` inclusive, ``above``/``below`` exclusive.

    ``hint`` is added to the message (e.g. how to write a percentage).
    ``nullable`` lets ``None`` through; ``omit_none`` leaves it out of the
    JSON (see the module docstring).
    """
    spec = Number(
        minimum=minimum, maximum=maximum, above=above, below=below, integer=integer, hint=hint, unit=unit, nullable=nullable
    )
    return _field(spec, default, json_key, omit_none)


def text(
    *, default: Any = MISSING, max_length: int = 40, single_line: bool = False, unit: str | None = None, json_key: str | None = None
) -> Any:
    """A non-empty text of at most ``max_length`` characters; ``single_line`` refuses control characters."""
    return _field(Text(max_length=max_length, single_line=single_line, unit=unit), default, json_key)


def date(
    *,
    default: Any = MISSING,
    earliest: _dt.date,
    latest: _dt.date,
    example: str = "2025-09-01",
    why: str = "",
    nullable: bool = False,
    json_key: str | None = None,
) -> Any:
    """A day within [earliest, latest]; ``"TTTT-BB-HH"`` in JSON. ``why`` explains the range.

    ``nullable`` lets ``None`` (JSON ``null``) through, for a day that is optional.
    """
    spec = Date(earliest=earliest, latest=latest, example=example, why=why, nullable=nullable)
    return _field(spec, default, json_key)


def choice(
    *,
    options: Iterable[Any] | Callable[[Checked], Iterable[Any] | None],
    default: Any = MISSING,
    what: str = "",
    message: str = "",
    nullable: bool = False,
    max_length: int | None = None,
    fill: Callable[[Checked], Any] | None = None,
    keep_default: Callable[[Checked], bool | None] | None = None,
    otherwise: Any = None,
    unit: str | None = None,
    json_key: str | None = None,
) -> Any:
    """One of ``options``: a fixed set, or a callable of the inputs (e.g. :func:`names_in`).

    ``options`` may be a mapping of value → label (``{"shopee": "Shopee"}``).
    The message lists the allowed values: by default ``"{what} tidak dikenal:
    {value!r}; pilih salah satu: {allowed}"``; ``message`` may use ``{value}``,
    ``{what}``, ``{allowed}``, ``{quoted}`` (the values in double quotes) and
    ``{labelled}`` (``shopee (Shopee), lazada (Lazada)``).
    A callable returning ``None`` or nothing means "cannot tell now": the
    value is not refused. ``nullable`` lets ``None`` through (after ``fill``);
    ``max_length`` first checks the value as a :func:`text` of that length
    (a hostile value is named by its length, not echoed).
    """
    spec = Choice(
        options=options, what=what, message=message, nullable=nullable, max_length=max_length, fill=fill,
        keep_default=keep_default, otherwise=otherwise, unit=unit,
    )
    return _field(spec, default, json_key)


def items(
    of: type | Any,
    *,
    max_items: int,
    min_items: int = 0,
    default: Any = MISSING,
    what: str = "item",
    unique: str | tuple[str, ...] | bool = False,
    duplicate: str = "",
    example: str = "",
    keep_default: Callable[[Checked], bool | None] | None = None,
    otherwise: Any = None,
    json_key: str | None = None,
) -> Any:
    """A list (a tuple in Python) of ``min_items``–``max_items`` objects or values.

    ``of`` is a dataclass (each item an object) or a field made by another
    helper (each item a value, e.g. ``text(max_length=40)``). ``unique``
    names the field (or fields) no two items may share, ignoring case and
    outer spaces, or is ``True`` for a list of values; ``duplicate`` is the
    message (``{value}``, ``{first}``, ``{what}`` and the item's fields).
    """
    if isinstance(of, type):
        spec_of: Spec = Nested(cls=of, what=what)
    else:
        spec_of = of.metadata["spec"] if isinstance(of, dataclasses.Field) else of
    spec = Items(
        of=spec_of, max_items=max_items, min_items=min_items, what=what, unique=unique, duplicate=duplicate,
        example=example, keep_default=keep_default, otherwise=otherwise,
    )
    return _field(spec, default, json_key)


def nested(
    cls: type,
    *,
    default: Any = MISSING,
    what: str = "objek",
    nullable: bool = False,
    keep_default: Callable[[Checked], bool | None] | None = None,
    otherwise: Any = None,
    omit_none: bool = False,
    json_key: str | None = None,
) -> Any:
    """One object of dataclass ``cls`` (``None`` allowed when ``nullable``; ``omit_none``: see the module docstring)."""
    spec = Nested(cls=cls, what=what, nullable=nullable, keep_default=keep_default, otherwise=otherwise)
    return _field(spec, default, json_key, omit_none)


def same_as(cls: type, name: str, *, default: Any = MISSING) -> Any:
    """The field ``name`` of ``cls``, same limits and units, its default unless one is given.

    For a model that takes another model's input (a recovery plan's CPM, the
    action plan's posting rhythm): each rule is written once, where it belongs.
    """
    source = next(f for f in dataclasses.fields(cls) if f.name == name)
    return dataclasses.field(default=source.default if default is MISSING else default, metadata=source.metadata)


def names_in(field: str, key: str = "name") -> Callable[[Checked], tuple | None]:
    """Options of a :func:`choice`: the ``key`` of every item of list ``field`` that passed.

    ``field`` is a list at the top of the inputs. While that list cannot be
    read (not a list, too long, an item that is no object or has no usable
    ``key``) the answer is ``None``: references to it are not judged against
    names the reader did not give. A repeated name counts once.
    """

    def names(root: Checked) -> tuple | None:
        memo = root._reading.memo  # asked once per reference; the list is read by then
        if (field, key) not in memo:
            found = getattr(root, field)
            if not all(isinstance(item, Checked) and key in item._values for item in found):
                memo[field, key] = None
            else:
                memo[field, key] = tuple(item._values[key] for item in found if item.ok(key))
        return memo[field, key]

    names.__qualname__ = f"names_in({field!r})"
    return names


def first_in(field: str, key: str = "name") -> Callable[[Checked], Any]:
    """A ``fill``: the ``key`` of the first item of list ``field``, when it passed."""

    def first(root: Checked) -> Any:
        found = getattr(root, field)
        item = found[0] if found else None
        return item._values[key] if isinstance(item, Checked) and item.ok(key) else None

    return first


_RULES: dict[type, list[Callable[[Checked], Iterable[Problem]]]] = {}


def _rules(cls: type) -> list[Callable[[Checked], Iterable[Problem]]]:
    """The rules of ``cls`` and of the dataclasses it extends, the base's first."""
    return [r for klass in reversed(cls.__mro__) for r in _RULES.get(klass, ())]


def rule(cls: type) -> Callable:
    """Register a rule tying fields of ``cls`` together; it runs after the fields' own checks.

    The rule takes the object as :class:`Checked` and yields a
    :class:`Problem` for each thing wrong (field paths relative to the
    object). Reading a field that did not pass ends the rule quietly: that
    field already has its problem.
    """

    def register(function: Callable[[Checked], Iterable[Problem]]) -> Callable[[Checked], Iterable[Problem]]:
        _RULES.setdefault(cls, []).append(function)
        return function

    return register


# ---------------------------------------------------------------------------
# Reading


class Checked:
    """One object as the declared checks read it, for :func:`rule` and option callables.

    ``checked.name`` is the field's value once it passed (a date as a date, a
    list as a tuple whose unreadable items are ``None``, an object as another
    :class:`Checked`); a field that could not be read ends the rule (see
    :func:`rule`). A list or an object is readable even when something
    inside it failed: ask :meth:`ok`.
    """

    __slots__ = ("_cls", "_path", "_reading", "_source", "_values", "_keys")

    def __init__(self, cls: type, path: str, reading: _Reading, source: Any) -> None:
        self._cls, self._path, self._reading, self._source = cls, path, reading, source
        self._values: dict[str, Any] = {}
        self._keys: dict[str, str] = {}

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            if name.startswith("_") or not any(f.name == name for f in _plan(self._cls)):
                raise AttributeError(name) from None  # a misspelt field is a bug, not a skipped rule
            raise _Unread(name) from None

    def __repr__(self) -> str:
        return f"Checked({self._cls.__name__}, {self._path or '<inputs>'!r})"

    def ok(self, *names: str) -> bool:
        """No problem at or below these fields (dotted paths, JSON keys); no names: the whole object."""
        if not self._reading.found:
            return True
        paths = [_join(self._path, n) for n in names] if names else [self._path]
        return not any(self._reading.has_problem(p) for p in paths)

    def built(self) -> Any:
        """The dataclass, when :meth:`ok`; its checks are not run a second time."""
        values = {name: _built(value) for name, value in self._values.items()}
        source = self._source
        if isinstance(source, self._cls) and all(getattr(source, n) is v for n, v in values.items()):
            return source
        made: Any = object.__new__(self._cls)
        for name, value in values.items():
            object.__setattr__(made, name, value)
        return made


def _built(value: Any) -> Any:
    if isinstance(value, Checked):
        return value.built()
    if isinstance(value, _List):
        items = tuple(_built(v) for v in value)
        source = value.source
        return source if isinstance(source, tuple) and len(source) == len(items) and all(a is b for a, b in zip(source, items, strict=True)) else items
    return value


class _List(tuple):
    """A list as read: a tuple of its items, remembering what was given (to keep it when unchanged)."""

    source: Any = None


class _Place:
    """Where a value is: its dotted path and its place in the report order."""

    __slots__ = ("path", "order")

    def __init__(self, path: str, order: tuple) -> None:
        self.path, self.order = path, order

    def child(self, key: str, order: tuple) -> _Place:
        return _Place(_join(self.path, key), self.order + order)


def _join(path: str, key: str) -> str:
    if not key:
        return path
    return f"{path}.{key}" if path else key


class _Reading:
    """One run of the checker: the mode, the problems found, the inputs read so far."""

    def __init__(self, *, json: bool) -> None:
        self.json = json
        self.found: list[tuple[int, tuple, int, Problem]] = []
        self.root: Checked | None = None
        self.memo: dict[Any, Any] = {}

    def report(self, phase: int, at: _Place, message: str, value: Any) -> Any:
        self.found.append((phase, at.order, len(self.found), Problem(at.path, message, value)))
        return _BAD

    def has_problem(self, path: str) -> bool:
        """A problem at ``path`` or below it (``""``: anywhere)."""
        if not path:
            return bool(self.found)
        below = path + "."
        return any(p.field == path or p.field.startswith(below) for _, _, _, p in self.found)

    def problems(self) -> list[Problem]:
        return [p for *_, p in sorted(self.found, key=lambda f: f[:3])]


def _ask(function: Callable[[Checked], Any], root: Checked | None) -> Any:
    """``function(root)``, or ``None`` when it needs a field that did not pass."""
    try:
        return function(root) if root is not None else None
    except _Unread:
        return None


@dataclasses.dataclass(frozen=True)
class _Field:
    name: str
    key: str
    spec: Spec | None
    default: Any  # MISSING for a required field
    factory: bool  # default is a default_factory
    order: tuple  # place in the report order: plain values (0) before lists and objects (1)
    depends: bool  # reads other fields: read after those
    json_default: Any = MISSING  # the default as JSON, to tell it in a document

    def is_default(self, value: Any, json: bool) -> bool:
        if self.factory or self.default is MISSING:
            return False
        if json:
            return value == self.json_default
        return value is self.default or (tuple(value) if isinstance(value, list) else value) == self.default


_PLANS: dict[type, tuple[_Field, ...]] = {}


def _plan(cls: type) -> tuple[_Field, ...]:
    """The fields of ``cls`` as the checker walks them (cached: the models are read often)."""
    plan = _PLANS.get(cls)
    if plan is None:
        fields = []
        for index, f in enumerate(dataclasses.fields(cls)):
            if not f.init:
                continue
            spec = f.metadata.get("spec")
            factory = f.default_factory is not MISSING
            default = f.default_factory if factory else f.default
            later = spec is not None and spec.holds_more
            json_default = MISSING if factory or default is MISSING else to_jsonable(default)
            fields.append(_Field(f.name, f.metadata.get("json_key", f.name), spec, default, factory, (1 if later else 0, index), False, json_default))
        # Cached before `depends` is worked out, which may ask about the nested classes.
        _PLANS[cls] = plan = tuple(fields)
        _PLANS[cls] = plan = tuple(dataclasses.replace(f, depends=f.spec is not None and f.spec.depends()) for f in plan)
    return plan


def _depends(cls: type) -> bool:
    return any(f.depends for f in _plan(cls))


def _shape(cls: type, what: str) -> str:
    """``"kanal {name, traffic, …}"``: what an object is and its keys, for a message."""
    keys = [f.key for f in _plan(cls)]
    shown = ", ".join(keys) if len(keys) <= 5 else ", ".join(keys[:3]) + ", …"
    return f"{what} {{{shown}}}".strip()


def _read_object(cls: type, value: Any, at: _Place, reading: _Reading, *, what: str, nullable: bool = False) -> Any:
    if reading.json and not isinstance(value, (dict, Mapping)):  # dict first: typing's check is slow
        return reading.report(_SHAPE, at, f"{at.path or 'masukan'} harus berupa objek JSON {{\"kunci\": nilai}}", value)
    if not reading.json and not isinstance(value, cls):
        return reading.report(_SHAPE, at, f"harus berupa {_shape(cls, what)}" + (" atau null" if nullable else ""), value)
    node = Checked(cls, at.path, reading, value)
    if reading.root is None:
        reading.root = node
    plan = _plan(cls)
    if reading.json:
        keys = {f.key for f in plan}
        for position, key in enumerate(value):
            if key not in keys:
                # a hostile key may be 10 000 characters long: name it, but briefly
                shown = str(key) if len(str(key)) <= 40 else str(key)[:40] + "…"
                message = f"kolom tidak dikenal; yang boleh: {', '.join(sorted(keys))}"
                reading.report(_SHAPE, at.child(shown, (-1, position)), message, value[key])
    for later in (False, True):  # fields that read other fields wait until those are read
        for f in plan:
            if f.depends is later:
                _read_field(node, f, value, at, reading)
    for check_together in _rules(cls):
        try:
            for problem in check_together(node):
                reading.report(_RULE, at.child(problem.field, ()), problem.message, problem.input)
        except _Unread:
            pass
    return node


def _read_field(node: Checked, f: _Field, value: Any, at: _Place, reading: _Reading) -> None:
    node._keys[f.name] = f.key
    place = at.child(f.key, f.order)
    json = reading.json
    if not json:
        raw = getattr(value, f.name)
    elif f.key in value:
        raw = value[f.key]
    elif f.default is MISSING:
        reading.report(_SHAPE, place, "wajib diisi", None)
        return
    else:
        raw, json = (f.default() if f.factory else f.default), False  # a default is a Python value
    spec = f.spec
    if spec is None:
        node._values[f.name] = raw
        return
    if spec.keep_default is not None and f.is_default(raw, json) and _ask(spec.keep_default, reading.root) is False:
        raw, json = spec.otherwise, False
    if raw is None and spec.fill is not None:
        filled = _ask(spec.fill, reading.root)
        raw = raw if filled is None else filled
    if json is reading.json:
        result = spec.read(raw, place, reading)
    else:
        reading.json = json
        try:
            result = spec.read(raw, place, reading)
        finally:
            reading.json = not json
    if result is _BAD:
        return
    if isinstance(result, tuple) and not isinstance(result, _List):
        result = _List(result)
        result.source = raw
    node._values[f.name] = result


def _read(cls: type, value: Any, *, json: bool) -> Any:
    """Read ``value`` as ``cls``; raise :class:`InputError` with every problem, or return it built."""
    reading = _Reading(json=json)
    node = _read_object(cls, value, _Place("", ()), reading, what="objek")
    found = reading.problems()
    if found:
        raise InputError(found)
    return node.built()


def from_json(cls: type, data: Any) -> Any:
    """Build ``cls`` from a JSON value; missing keys take the field defaults.

    Every problem of the whole document is raised at once as :class:`InputError`.
    """
    return _read(cls, data, json=True)


def check(inputs: Any) -> None:
    """Check a dataclass built in Python against its declarations: call it from ``__post_init__``.

    Raises :class:`InputError` with every problem. What passes is kept in the
    checked form: lists become tuples, and ``fill``/``keep_default`` complete
    the fields that depend on the others.
    """
    built = _read(type(inputs), inputs, json=False)
    if built is not inputs:
        for f in dataclasses.fields(inputs):
            value = getattr(built, f.name)
            if value is not getattr(inputs, f.name):
                object.__setattr__(inputs, f.name, value)


# ---------------------------------------------------------------------------
# Declarations for the site build and the tests


def declared(cls: type, path: str) -> Spec:
    """The declaration behind ``path`` (``"channels"``, ``"shock.traffic_drop"``, ``"mix.0.weight"``)."""
    spec: Spec | None = None
    current: type | None = cls
    for part in path.split("."):
        if part.isdigit() and isinstance(spec, Items):
            continue
        if current is None:
            raise KeyError(path)
        found = next((f for f in _plan(current) if f.key == part), None)
        if found is None or found.spec is None:
            raise KeyError(path)
        spec = found.spec
        inner = spec.of if isinstance(spec, Items) else spec
        current = inner.cls if isinstance(inner, Nested) else None
    if spec is None:
        raise KeyError(path)
    return spec


def describe(cls: type) -> dict[str, dict]:
    """Every field of ``cls`` by JSON key, its declaration as JSON values."""
    return {f.key: f.spec.as_dict() for f in _plan(cls) if f.spec is not None}


# ---------------------------------------------------------------------------
# Small shared helpers


def to_jsonable(value: Any) -> Any:
    """Dataclasses to plain JSON values, honouring ``json_key`` and dates."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.metadata.get("json_key", f.name): to_jsonable(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not (f.metadata.get("omit_none") and getattr(value, f.name) is None)
        }
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def ratio(numerator: float, denominator: float) -> float | None:
    """``numerator / denominator``, or ``None`` (JSON null) when dividing by zero."""
    return numerator / denominator if denominator else None
