"""Which MkDocs command runs this build: ``build`` or ``serve``.

Recorded once, by ``sitebuild/hooks/project.py`` (the first hook), and read by
the hooks that must behave differently under ``mkdocs serve``: the Content
Security Policy (the dev server's live reload is an inline script) and the
offline worker (left as ``VERSION = "dev"`` so it never caches a draft).
"""

from __future__ import annotations

__all__ = ["record", "serving"]

_command = "build"


def record(command: str) -> None:
    """Called from MkDocs' ``on_startup`` event with ``build``, ``serve`` or ``gh-deploy``."""
    global _command
    _command = command


def serving() -> bool:
    """True under ``mkdocs serve`` (and ``make serve``)."""
    return _command == "serve"
