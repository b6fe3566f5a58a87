"""Ctrl+B and Ctrl+I in a note (core.richtext.toggle): bold or italic on or off for the selected words, as Word
does, never printing an asterisk the analyst did not type (QA10 D11, D12)."""

from __future__ import annotations

import os

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from briefing.core.richtext import Run, note_lines, parse_line, scan_line, toggle

EXAMPLES = int(os.environ.get("BRIEFING_EXAMPLES", "300"))
Styled = tuple[str, bool, bool]  # a printed character and its bold and italic


def printed(text: str) -> list[tuple[str, int, list[tuple[int, Styled]]]]:
    """Each line's kind and level and its printed characters, with where each was typed in the text."""
    out = []
    offset = 0
    for line in text.split("\n"):
        inline = scan_line(line)
        marks = {k for a, b in inline.marks for k in range(a, b)}
        style = {k: (bold, italic) for a, b, bold, italic in inline.styled for k in range(a, b)}
        body = "".join(run.text for run in inline.runs)
        at = [k for k in range(len(line)) if k not in marks][len(line) - len(marks) - len(body) :]
        chars = [(offset + k, (line[k], *style.get(k, (False, False)))) for k in at]
        assert "".join(c[1][0] for c in chars) == body
        parsed = parse_line(line)
        out.append((parsed.kind, parsed.level, chars))
        offset += len(line) + 1
    return out


def words(text: str) -> list[list[Styled]]:
    """What a reader sees, line by line: the characters and their style (a space's style is not seen)."""
    return [
        [(c, b, i) if not c.isspace() else (c, False, False) for _, (c, b, i) in chars] for *_, chars in printed(text)
    ]


def test_ctrl_b_inside_a_bold_phrase_unbolds_the_word_only() -> None:
    # QA10 D11: "**alpha **beta****", stray asterisks printed
    text, start, end = toggle("**alpha beta**", 8, 12, "**")
    assert text == "**alpha** beta" and text[start:end] == "beta"
    assert toggle(text, start, end, "**")[0] == "**alpha beta**"
    text, start, end = toggle("***alpha beta***", 9, 13, "**")
    assert text == "***alpha** beta*" and text[start:end] == "beta"  # "alpha" bold italic, "beta" italic
    assert note_lines(text)[0].runs == (Run("alpha", True, True), Run(" beta", False, True))
    text, start, end = toggle("*alpha beta*", 7, 11, "*")
    assert text == "*alpha* beta" and text[start:end] == "beta"
    text, start, end = toggle("a **bold phrase here** ends", 9, 15, "**")  # the middle word: closed and reopened
    assert text == "a **bold** phrase **here** ends" and text[start:end] == "phrase"


def test_ctrl_i_with_the_caret_in_a_word_of_a_bold_italic_phrase() -> None:
    text = "***alpha beta***"
    for caret in (9, 11, 13):  # the caret at the word's start, inside it, at its end
        new, start, end = toggle(text, caret, caret, "**")
        assert new[start:end] == "beta"
        assert [(r.text.strip(), r.bold, r.italic) for r in note_lines(new)[0].runs] == [
            ("alpha", True, True), ("beta", False, True)
        ]  # fmt: skip
    assert toggle("two  spaces", 4, 4, "**") == ("two  spaces", 4, 4)  # no word at the caret: nothing changes


def test_ctrl_i_over_bold_lines_adds_italics() -> None:
    # QA10 D12: the bold was removed
    text = "**Key points:**\n- **first item**\n1. **numbered one**"
    italic, start, end = toggle(text, 0, len(text), "*")
    assert italic == "***Key points:***\n- ***first item***\n1. ***numbered one***"
    assert all(run.bold and run.italic for line in note_lines(italic) for run in line.runs)
    assert toggle(italic, start, end, "*")[0] == text  # and back
    assert toggle("**a**\n**b**", 0, 11, "*")[0] == "***a***\n***b***"


def test_part_of_a_word_toggles_the_whole_word() -> None:
    # QA10 D7: no bold or italic inside a word ("2*x + 3*y" is a formula), so Ctrl+B there takes the whole word
    assert toggle("unbelievable news", 2, 6, "**") == ("**unbelievable** news", 2, 14)
    assert toggle("**unbelievable** news", 4, 8, "**") == ("unbelievable news", 0, 12)
    italic = toggle("x = rate*time", 9, 11, "*")[0]  # "*" is not a letter: "time" is a word of its own
    assert note_lines(italic)[0].runs == (Run("x = rate*"), Run("time", italic=True))


def test_a_selection_partly_bold_is_all_bolded_then_all_unbolded() -> None:
    """As Word: Ctrl+B on a selection not all bold makes it all bold; again, none of it."""
    text, start, end = toggle("**one** two three", 2, 11, "**")
    assert [r.bold for r in note_lines(text)[0].runs] == [True, False] and text.startswith("**one two**")
    assert toggle(text, start, end, "**")[0] == "one two three"


def lines(stray: bool) -> st.SearchStrategy[str]:
    """Up to three lines of letters, digits, spaces and punctuation; `stray`: asterisks and backslashes too."""
    chars = ["a", "b", "é", "1", " ", "(", ".", "/", "-", "\t"] + (["*", "**", "\\"] if stray else [])
    line = st.lists(st.sampled_from(chars), max_size=14).map("".join)
    return st.lists(line, min_size=1, max_size=3).map("\n".join)


@st.composite
def typed_notes(draw: st.DrawFn, stray: bool = True) -> str:
    """A note as analysts type it: words, some made bold or italic, perhaps with stray asterisks, list markers."""
    prefixes = st.sampled_from(["", "- ", "1. ", "  * ", "a) "])
    text = "\n".join(draw(prefixes) + line for line in draw(lines(stray)).split("\n"))
    for _ in range(draw(st.integers(0, 3))):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        text = toggle(text, a, b, draw(st.sampled_from(["**", "*"])))[0]
    return text


@settings(max_examples=EXAMPLES, deadline=None)
@given(typed_notes(), st.data(), st.sampled_from(["**", "*"]))
def test_toggling_twice_gives_back_the_same_styles_and_never_prints_an_asterisk(text: str, data, marker: str) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    once, a, b = toggle(text, start, end, marker)
    twice = toggle(once, a, b, marker)[0]
    before, after, back = printed(text), printed(once), printed(twice)
    # not a character printed that the analyst did not type, nor one lost; lists stay lists
    plain = [(kind, level, [c for _, (c, *_) in chars]) for kind, level, chars in before]
    assert [(kind, level, [c for _, (c, *_) in chars]) for kind, level, chars in after] == plain
    assert [(kind, level, [c for _, (c, *_) in chars]) for kind, level, chars in back] == plain
    if once == text:
        return  # nothing to toggle (no word selected, or none could be)
    style = 1 if marker == "**" else 2  # bold or italic, in a Styled
    was, now = [], []  # the style of the characters now selected, before and after
    # a line selected but left as it was: a "*" alone can be neither bold nor plain
    left = any(
        line == new_line and any(start <= at < end and not c.isspace() for at, (c, *_) in chars)
        for line, new_line, (*_, chars) in zip(text.split("\n"), once.split("\n"), before, strict=True)
    )
    for (_, _, old), (_, _, new) in zip(before, after, strict=True):
        for (_, o), (at, n) in zip(old, new, strict=True):
            assert o[3 - style] == n[3 - style]  # the other style is never touched
            if n[0].isspace():
                continue
            if a <= at < b:
                was.append(o[style])
                now.append(n[style])
            else:
                assert o[style] == n[style]  # nothing outside the selection changes
    if left:
        return
    assert len(set(now)) == 1  # all on, or all off (a selection already all on), as Word does
    if len(set(was)) == 1:
        assert now[0] != was[0]
    if len(set(was)) == 1:  # so toggling twice gives it back
        assert words(twice) == words(text)


@settings(max_examples=EXAMPLES, deadline=None)
@given(typed_notes(stray=False), st.data(), st.sampled_from(["**", "*"]))
def test_a_selected_word_is_always_toggled(text: str, data, marker: str) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    selected = "".join(c for _, _, chars in printed(text) for at, (c, *_) in chars if start <= at < end)
    assume(any(c.isalnum() for c in selected))
    assert toggle(text, start, end, marker)[0] != text
