"""Where code is in a page's Markdown: the one scanner every token hook uses."""

from __future__ import annotations

import doctest

from sitebuild import markdown_code
from sitebuild.markdown_code import MASK, code_ranges, mask_code, outside_code


def code_parts(text: str) -> list[str]:
    return [text[start:end] for start, end in code_ranges(text)]


def test_doctests():
    assert doctest.testmod(markdown_code).failed == 0


class TestFences:
    def test_fenced_block_is_code_up_to_its_closing_line(self):
        text = "a\n```md\n[[x]]\n```\nb"
        assert code_parts(text) == ["```md\n[[x]]\n```"]

    def test_indented_fence_inside_an_admonition_is_code(self):
        text = "!!! tip\n    ```\n    [[x]]\n    ```\nb [[x]]"
        assert code_parts(text) == ["    ```\n    [[x]]\n    ```"]

    def test_shorter_or_other_fence_does_not_close(self):
        # CommonMark: the closing fence uses the same character, at least as many times
        text = "````\n```\n~~~~\n[[x]]\n`````\nafter"
        assert code_parts(text) == ["````\n```\n~~~~\n[[x]]\n`````"]

    def test_fence_line_with_text_after_does_not_close(self):
        text = "```\n``` not a close\n```\nafter"
        assert code_parts(text) == ["```\n``` not a close\n```"]

    def test_unclosed_fence_runs_to_the_end(self):
        text = "a\n~~~\n[[x]]\n"
        assert code_parts(text) == ["~~~\n[[x]]\n"]


class TestInline:
    def test_single_and_double_backtick_spans(self):
        assert code_parts("a `[[x]]` b ``c ` d`` e") == ["`[[x]]`", "``c ` d``"]

    def test_span_does_not_cross_a_line(self):
        assert code_parts("a `b\nc` d") == []

    def test_unmatched_run_is_not_code(self):
        assert code_parts("a ``b` c") == []


class TestUses:
    def test_outside_code_changes_only_prose(self):
        text = "[[x]] `[[x]]`\n```\n[[x]]\n```\n[[x]]"
        assert outside_code(text, lambda part: part.replace("[[x]]", "Y")) == "Y `[[x]]`\n```\n[[x]]\n```\nY"

    def test_mask_keeps_positions_and_lines(self):
        text = "a `bc` d\n```\nx\n```\ne"
        masked = mask_code(text)
        assert len(masked) == len(text)
        assert masked.split("\n") == ["a " + MASK * 4 + " d", MASK * 3, MASK, MASK * 3, "e"]
