"""The shared text normalisation: every line and page break separates words, never glues them."""

from __future__ import annotations

import pytest

from briefing.core.text import build_text, clean_block_text


@pytest.mark.parametrize("brk", ["\r\n", "\r", "\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"])
def test_every_line_or_page_break_inside_a_block_is_a_space(brk: str) -> None:
    assert clean_block_text(f"alpha{brk}beta") == "alpha beta"


def test_other_controls_are_still_dropped() -> None:
    assert clean_block_text("al\x00pha\x07 be\x84ta\x86 \ufeffgamma") == "alpha beta gamma"


def test_build_text_keeps_blocks_apart() -> None:
    text, blocks = build_text([("paragraph", 0, "one\x0ctwo"), ("paragraph", 0, "three\x85four")])
    assert text == "one two\n\nthree four"
    assert [text[b.start : b.end] for b in blocks] == ["one two", "three four"]
