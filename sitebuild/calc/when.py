"""Choosing the explanation under a result: comparisons of model outputs, nothing more.

An explanation block in a calculator template holds several paragraphs, each
with a ``data-when`` condition; the first whose condition holds is shown.
The build decides with :func:`holds`, the browser with the same grammar in
``docs/assets/calc/when.js``, so the numbers themselves always come from the
model and the page only compares them.

Grammar::

    condition := "else" | clause ("and" clause)*
    clause    := operand op operand
    op        := "<" | "<=" | ">" | ">=" | "==" | "!="
    operand   := output path (``roas``, ``shocked.total_net_revenue``)
               | number (``0``, ``1.5``) | ``null`` | ``true`` | ``false``

A comparison with ``null`` is true only for ``==``/``!=``; an ordering
comparison involving ``null`` is false.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["holds", "pick"]

_OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq, "!=": operator.ne}
_CLAUSE = re.compile(r"^\s*(\S+)\s*(<=|>=|==|!=|<|>)\s*(\S+)\s*$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_LITERALS = {"null": None, "true": True, "false": False}


def _operand(token: str, outputs: Mapping[str, Any]) -> Any:
    if token in _LITERALS:
        return _LITERALS[token]
    if _NUMBER.match(token):
        return float(token)
    value: Any = outputs
    for part in token.split("."):
        if isinstance(value, Mapping) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            raise KeyError(f"data-when: output {token!r} does not exist")
    return value


def holds(condition: str, outputs: Mapping[str, Any]) -> bool:
    """Whether ``condition`` (grammar above) is true for these model outputs."""
    if condition.strip() == "else":
        return True
    for clause in condition.split(" and "):
        match = _CLAUSE.match(clause)
        if not match:
            raise ValueError(f"data-when: cannot read {clause!r}")
        left, op, right = match.groups()
        a, b = _operand(left, outputs), _operand(right, outputs)
        if op in ("==", "!="):
            if not _OPS[op](a, b):
                return False
        elif a is None or b is None or isinstance(a, bool) or isinstance(b, bool) or not _OPS[op](a, b):
            return False
    return True


def pick(conditions: list[str], outputs: Mapping[str, Any]) -> int | None:
    """Index of the first condition that holds (``None`` if none does)."""
    for index, condition in enumerate(conditions):
        if holds(condition, outputs):
            return index
    return None
