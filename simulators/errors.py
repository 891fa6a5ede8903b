"""Errors raised for bad input, in the shape every caller can show.

Each problem names the field (dotted path, e.g. ``channels.0.traffic``), says in
Bahasa Indonesia what is allowed, and keeps the offending input, like FastAPI's
validation errors. All problems of one request are collected and raised at once,
so a reader fixes a form in one pass instead of one field at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["InputError", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input.

    Attributes:
        field: dotted path of the field (``""`` for the document itself).
        message: what is allowed, in Bahasa Indonesia.
        input: the value that was given (``None`` when it was missing).
    """

    field: str
    message: str
    input: Any = None

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message

    def as_dict(self) -> dict:
        return {"field": self.field, "message": self.message}


class InputError(ValueError):
    """Raised when the inputs of a simulator are not acceptable.

    ``problems`` holds every :class:`Problem` found; ``str(error)`` gives one
    line per problem, which is what the CLI prints on stderr.
    """

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
