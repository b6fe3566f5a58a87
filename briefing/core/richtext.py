"""The analyst's own writing: the light markup a note's text carries, parsed in this one place.

A note stays plain text in the file. Inside it:

- ``**bold**`` and ``*italic*`` (as in Markdown, by CommonMark's flanking rules); an asterisk that opens nothing
  (``5 * 3``, a lone ``*``) is kept as it is, and so is one between two digits (``2*3*4``, a product, where Markdown
  would italicise the 3: the Markdown export escapes it); ``\\*`` is a literal asterisk where that ``*``, read
  without the backslash, would open or close bold or italic (``\\*not italic\\*``); before an asterisk that could
  not be markup the backslash is kept, so a wildcard path ``C:\\logs\\*.txt`` prints as typed. Every other
  backslash is kept as typed, so ``C:\\Users`` and a shared drive's ``\\\\server\\share`` print as typed (a doubled
  backslash once read as one lost the first backslash of every UNC path).
- a line starting ``- ``, ``• ``, ``* `` is a bullet; ``1. ``, ``1) `` a numbered item; ``a) `` a lettered one.
  Two spaces (or a tab) of indentation per level nest them.

Quotations are never parsed: they are the source's words, verbatim.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

ListKind = Literal["bullet", "number", "letter"]


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style (bold, italic)."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Line:
    """One line of a note: a paragraph (kind "") or a list item, with its inline runs."""

    runs: tuple[Run, ...]
    kind: ListKind | Literal[""] = ""
    level: int = 0  # list nesting depth, from 0
    start: int = 1  # the number (or letter: a = 1) typed, for numbered and lettered items; note_lines resolves it

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:(?P<bullet>[-•*–])|(?P<number>\d{1,3})[.)]|(?P<letter>[a-z])\))[ \t]+(?=\S)")


def parse_line(line: str) -> Line:
    """A line of a note: its list marker (if any) taken off, its text split into bold and italic runs."""
    found = _ITEM.match(line)
    if found is None:
        return Line(parse_inline(line.strip()))
    indent = found["indent"].replace("\t", "  ")
    rest = line[found.end() :].strip()
    level = min(len(indent) // 2, 8)  # Word has nine list levels
    if found["bullet"]:
        return Line(parse_inline(rest), "bullet", level)
    if found["number"]:
        return Line(parse_inline(rest), "number", level, max(1, int(found["number"])))
    return Line(parse_inline(rest), "letter", level, ord(found["letter"]) - ord("a") + 1)


def note_lines(text: str) -> list[Line]:
    """A note's non-blank lines, parsed, each list item with the number a reader sees: the one typed for a list's
    first item, then one more than its previous sibling of the same kind (so "1. 1. 1.", as some type them, comes
    out 1, 2, 3). A blank line between items does not end a list; a paragraph does. No level is skipped."""
    lines: list[Line] = []
    items: list[Line] = []  # the list so far
    for raw in text.split("\n"):
        line = parse_line(raw.rstrip())
        if not line.text.strip():
            continue
        if not line.kind:
            items = []
            lines.append(line)
            continue
        level = min(line.level, items[-1].level + 1) if items else 0
        number = line.start
        for previous in reversed(items):
            if previous.level < level:
                break
            if previous.level == level:
                if previous.kind == line.kind:
                    number = previous.start + 1
                break
        line = Line(line.runs, line.kind, level, number)
        items.append(line)
        lines.append(line)
    return lines


def list_label(kind: str, level: int, number: int) -> str:
    """What a reader sees before a list item: "•" (or "–" nested), "3." or "b)"."""
    if kind == "bullet":
        return "•" if level % 2 == 0 else "–"
    if kind == "letter":
        letters = ""
        while number > 0:  # 27 -> aa, as Word letters lists
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return f"{letters})"
    return f"{number}."


def parse_inline(text: str) -> tuple[Run, ...]:
    """Bold and italic runs of a paragraph's text (see the module's doc); adjacent runs never share a style."""
    return scan_inline(text).runs


@dataclass(frozen=True)
class Inline:
    """A paragraph's text read: its runs, and where in the typed text the markup is (for the editor to show it)."""

    runs: tuple[Run, ...]
    styled: tuple[tuple[int, int, bool, bool], ...] = ()  # (start, end, bold, italic) of bold or italic text
    marks: tuple[tuple[int, int], ...] = ()  # (start, end) of the asterisks and backslashes that are markup


def scan_inline(text: str) -> Inline:
    if "*" not in text and "\\" not in text:  # no markup (most notes): one plain run, without the scan
        return Inline((Run(text),) if text else ())
    escapes = _escapes(text)
    literal = frozenset(i + 1 for i in range(len(text) - 1) if text[i] == "\\" and text[i + 1] == "*")
    return _scan(text, escapes, literal)


def _escapes(text: str) -> frozenset[int]:
    """Where a backslash escapes the asterisk after it: where that asterisk, read without the backslash, would open
    or close bold or italic. Any other backslash is text (C:\\logs\\*.txt prints as typed)."""
    before_star = [i for i in range(len(text) - 1) if text[i] == "\\" and text[i + 1] == "*"]
    if not before_star:
        return frozenset()
    dropped = set(before_star)
    at = [i for i in range(len(text)) if i not in dropped]  # the bare text's positions in the typed text
    bare = "".join(text[i] for i in at)
    marked = {at[k] for a, b in _scan(bare, frozenset(), frozenset()).marks for k in range(a, b)}
    return frozenset(i for i in before_star if i + 1 in marked)


def _scan(text: str, escapes: frozenset[int], literal: frozenset[int]) -> Inline:
    """The runs and markup of text, where the backslashes at escapes are markup and the asterisks at literal are
    text (those after a backslash, escaping or not)."""
    runs: list[Run] = []
    styled: list[tuple[int, int, bool, bool]] = []
    marks: list[tuple[int, int]] = []
    bold = italic = False
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            chunk = "".join(buffer)
            if runs and (runs[-1].bold, runs[-1].italic) == (bold, italic):
                runs[-1] = Run(runs[-1].text + chunk, bold, italic)
            else:
                runs.append(Run(chunk, bold, italic))
            buffer.clear()

    def keep(chars: str, start: int, end: int) -> None:
        buffer.append(chars)
        if bold or italic:
            if styled and styled[-1][1] == start and styled[-1][2:] == (bold, italic):
                styled[-1] = (styled[-1][0], end, bold, italic)
            else:
                styled.append((start, end, bold, italic))

    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if i in escapes:
            marks.append((i, i + 1))
            keep(text[i + 1], i, i + 2)
            i += 2
            continue
        if ch == "*" and i not in literal:
            width = 2 if text.startswith("**", i) and i + 1 not in literal else 1
            on = bold if width == 2 else italic
            if (on and _closes(text, i, width)) or (not on and _opens(text, i, width, literal)):
                flush()
                if width == 2:
                    bold = not bold
                else:
                    italic = not italic
                marks.append((i, i + width))
                i += width
                continue
        keep(ch, i, i + 1)
        i += 1
    flush()
    if bold or italic:  # an opener whose closer never came (the analyst is still typing): the text as typed
        return Inline((Run("".join(c for k, c in enumerate(text) if k not in escapes)),))
    return Inline(tuple(runs), tuple(styled), tuple(marks))


def scan_line(line: str) -> Inline:
    """scan_inline of a line of a note, past its list marker, with positions in the whole line (the editor's)."""
    found = _ITEM.match(line)
    offset = found.end() if found else len(line) - len(line.lstrip())
    inline = scan_inline(line[offset:])
    return Inline(
        inline.runs,
        tuple((a + offset, b + offset, bold, italic) for a, b, bold, italic in inline.styled),
        tuple((a + offset, b + offset) for a, b in inline.marks),
    )


def _flanking(text: str, i: int, width: int) -> tuple[bool, bool]:
    """(left, right): whether the asterisks text[i:i+width] may open and close emphasis, by CommonMark's flanking
    rules; never between two digits (2*3*4)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if before.isdigit() and after.isdigit():
        return False, False
    left = not after.isspace() and (not _punctuation(after) or before.isspace() or _punctuation(before))
    right = not before.isspace() and (not _punctuation(before) or after.isspace() or _punctuation(after))
    return left, right


def _punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"  # CommonMark's Unicode punctuation: P* and S*


def _opens(text: str, i: int, width: int, literal: frozenset[int]) -> bool:
    """An asterisk run opens emphasis when it is left-flanking and a matching closer comes later."""
    if not _flanking(text, i, width)[0]:
        return False
    after = i + width
    marker = "*" * width
    j = after
    while True:
        j = text.find(marker, j + 1)
        if j < 0:
            return False
        if width == 1 and (text.startswith("**", j) and not _closes(text, j, 2)):
            j += 1
            continue
        if _closes(text, j, width) and j not in literal:
            return True


def _closes(text: str, i: int, width: int) -> bool:
    return _flanking(text, i, width)[1]


def escape(text: str) -> str:
    """Plain text as note markup that reads back exactly as it was: for text put into a note from elsewhere."""
    marked = {k for a, b in _scan(text, frozenset(), frozenset()).marks for k in range(a, b)}
    return "".join("\\*" if k in marked else ch for k, ch in enumerate(text))  # only an asterisk that is markup


def plain(text: str) -> str:
    """A note's text without its markup, for word counts, search and spelling."""
    return "\n".join(parse_line(line).text for line in text.split("\n"))


def toggle(text: str, start: int, end: int, marker: str) -> tuple[str, int, int]:
    """Wrap text[start:end] in marker ("**" or "*"), or unwrap it when it is already wrapped; returns the new text
    and the selection's new bounds (the selected words, markers excluded). Ctrl+B and Ctrl+I in the note editor."""
    if "\n" in text[start:end].strip():
        return _toggle_lines(text, start, end, marker)
    width = len(marker)
    selected = text[start:end]
    inside = selected.startswith(marker) and selected.endswith(marker) and len(selected) >= 2 * width
    if inside and not (width == 1 and selected.startswith("**") and not selected.startswith("***")):
        inner = selected[width:-width]
        return text[:start] + inner + text[end:], start, start + len(inner)
    around = text[start - width : start] == marker and text[end : end + width] == marker
    if around and not (width == 1 and (text[start - 2 : start] == "**" and text[start - 3 : start] != "***")):
        return text[: start - width] + selected + text[end + width :], start - width, end - width
    # trailing spaces stay outside: "**word **" would not be bold
    stripped = selected.rstrip()
    end = start + len(stripped)
    return text[:start] + marker + stripped + marker + text[end:], start + width, end + width


def _toggle_lines(text: str, start: int, end: int, marker: str) -> tuple[str, int, int]:
    """toggle() over several lines: each line's selected words wrapped on their own (markup never spans a line),
    past a list marker; or, when every one already is, all unwrapped."""
    segments: list[tuple[int, int]] = []
    line_start = text.rfind("\n", 0, start) + 1
    while line_start <= end:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        a, b = max(start, line_start), min(end, line_end)
        if a == line_start:  # from the line's start: past its indentation and list marker
            found = _ITEM.match(text[line_start:line_end])
            a = line_start + found.end() if found else a
        segment = text[a:b]
        a += len(segment) - len(segment.lstrip())
        b = a + len(segment.strip())
        if b > a:
            segments.append((a, b))
        line_start = line_end + 1
    width = len(marker)
    wrapped = all(
        text[a : a + width] == marker and text[b - width : b] == marker and b - a > 2 * width for a, b in segments
    )
    shift = 0
    for a, b in segments:
        a, b = a + shift, b + shift
        if wrapped:
            text = text[:a] + text[a + width : b - width] + text[b:]
            shift -= 2 * width
        else:
            text = text[:a] + marker + text[a:b] + marker + text[b:]
            shift += 2 * width
    return text, start, end + shift
