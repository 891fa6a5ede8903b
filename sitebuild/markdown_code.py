"""Where the code is in a page's Markdown, so the build hooks leave it alone.

A page may show a token (``[[fakta:ID]]``, ``[[kalkulator:roi]]``) as an
example inside code; every hook that replaces tokens asks this module which
parts of the Markdown are code. Code is:

- a fenced block: a line opening with three or more backticks or tildes
  (indented too, inside an admonition or a list item) up to the line that
  closes it with the same character at least as many times, or to the end of
  the page when it is never closed;
- an inline code span on one line: a run of backticks, text, and the same
  run again (```` `[[fakta:x]]` ````, ```` ``a ` b`` ````).

>>> page = "A [[t]] `[[t]]`\\n```\\n[[t]]\\n```\\nB [[t]]\\n"
>>> outside_code(page, lambda text: text.replace("[[t]]", "X"))
'A X `[[t]]`\\n```\\n[[t]]\\n```\\nB X\\n'
>>> mask_code("a `b` c")
'a \\x00\\x00\\x00 c'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

__all__ = ["code_ranges", "mask_code", "outside_code"]

_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
_CLOSE_TAIL = re.compile(r"[ \t]*\r?\Z")
_INLINE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)[^\n]+?(?<!`)(?P=ticks)(?!`)")
# Stands in for code in mask_code: neither a space nor a newline, so a token
# "alone on its line" next to masked code is not alone.
MASK = "\x00"


def code_ranges(markdown: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every fenced block and inline code span, in order."""
    fence = None
    fence_start = 0
    position = 0
    for line in markdown.split("\n"):
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened["fence"][0] == fence[0] and len(opened["fence"]) >= len(fence) and _CLOSE_TAIL.match(
                line, opened.end()
            ):
                yield fence_start, position + len(line.rstrip("\r"))
                fence = None
        elif opened:
            fence, fence_start = opened["fence"], position
        else:
            for span in _INLINE.finditer(line):
                yield position + span.start(), position + span.end()
        position += len(line) + 1
    if fence is not None:
        yield fence_start, len(markdown)


def outside_code(markdown: str, change: Callable[[str], str]) -> str:
    """``markdown`` with ``change`` applied to every stretch of it that is not code."""
    parts, last = [], 0
    for start, end in code_ranges(markdown):
        parts.append(change(markdown[last:start]))
        parts.append(markdown[start:end])
        last = end
    parts.append(change(markdown[last:]))
    return "".join(parts)


def mask_code(markdown: str) -> str:
    """``markdown`` with every character of code (newlines kept) replaced by :data:`MASK`.

    Positions and line numbers stay those of ``markdown``, so a hook can find
    its tokens in the mask and replace them in the original.
    """
    chars = list(markdown)
    for start, end in code_ranges(markdown):
        for index in range(start, end):
            if chars[index] != "\n":
                chars[index] = MASK
    return "".join(chars)
