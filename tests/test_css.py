"""Stylesheets parse as one block each: a missing "}" (a merge can drop one) makes the
browser read every rule after it as part of the open block, silently."""

from __future__ import annotations

import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHEETS = sorted((ROOT / "docs").rglob("*.css"))


def depth_problems(text: str) -> list[str]:
    code = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    code = re.sub(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'', '""', code)
    depth, problems = 0, []
    for number, line in enumerate(code.splitlines(), 1):
        depth += line.count("{") - line.count("}")
        if depth < 0:
            problems.append(f"baris {number}: '}}' tanpa pasangan")
            depth = 0
    if depth:
        problems.append(f"{depth} blok tidak ditutup")
    return problems


def test_the_check_sees_an_unclosed_block():
    assert depth_problems("@media print {\n  .a { color: red; }\n.b { }\n") == ["1 blok tidak ditutup"]
    assert depth_problems('.a { content: "}"; }\n/* { */') == []


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_block_is_closed(sheet):
    assert depth_problems(sheet.read_text(encoding="utf-8")) == []
