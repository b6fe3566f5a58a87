"""The analyst's own writing: the light markup a note's text carries, parsed in this one place.

A note stays plain text in the file. Inside it:

- ``**bold**`` and ``*italic*`` (as in Markdown, by CommonMark's flanking rules); an asterisk that opens nothing
  (``5 * 3``, a lone ``*``) is kept as it is, and so is one inside a word or a formula, between two letters or digits
  (``2*x + 3*y``, ``rate*time``, ``2*3*4``, where Markdown would italicise: the Markdown export escapes them), so
  bold and italic start and end at a word's edges; ``\\*`` is a literal asterisk where that ``*``, read
  without the backslash, would open or close bold or italic (``\\*not italic\\*``); before an asterisk that could
  not be markup the backslash is kept, so a wildcard path ``C:\\logs\\*.txt`` prints as typed. Every other
  backslash is kept as typed, so ``C:\\Users`` and a shared drive's ``\\\\server\\share`` print as typed (a doubled
  backslash once read as one lost the first backslash of every UNC path).
- a line starting ``- ``, ``• ``, ``* `` is a bullet; ``1. ``, ``1) `` a numbered item; ``a) `` a lettered one;
  ``i. `` a roman one; and the labels Word copies with its lists (see _marker). Two spaces (or a tab) of
  indentation per level nest them; a list copied from Word, by its labels (see note_lines).

Quotations are never parsed: they are the source's words, verbatim.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

ListKind = Literal["bullet", "number", "letter", "roman"]


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
    start: int = 1  # the number (letter: a = 1; roman: its value) typed; note_lines resolves it
    label: str = ""  # a list pasted from Word (its label and a tab, no indentation): the label's kind, which nests it

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


# A list item's label and the space after it: a bullet (Word's "o", "§" and "·", copied as text, only before a tab),
# or a number, letter or roman numeral followed by "." or ")" or in parentheses; _marker tells which are labels.
_ITEM = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<bullet>[-•*–◦○▪■\uf0b7\uf0a7]|[o·§](?=\t))"
    r"|(?P<open>\()?(?P<label>\d{1,3}|[a-zA-Z]{1,6})(?P<close>[.)]))(?P<gap>[ \t]+)(?=\S)"
)
_ROMAN = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})")  # i to xxxix
_BULLET_LEVELS = {"o": "o", "◦": "o", "○": "o", "▪": "▪", "■": "▪", "§": "▪", "\uf0a7": "▪"}  # Word's levels 2, 3
_BULLETS = ("•", "o", "▪")


@dataclass(frozen=True)
class _Marker:
    """A line's list label, as _marker reads it."""  # (a docstring: without one, dataclasses imports inspect)

    end: int  # where the item's text starts
    kind: ListKind
    start: int
    level: int  # by its indentation
    label: str  # see Line.label


def _marker(line: str) -> _Marker | None:
    """A line's list label, if it has one. Decided conservatively where a sentence may start alike: a capital
    ("A. Smith said", "I. M. Pei") or a letter and a full stop ("c. 1900", "s. 91", "v. Smith") is a label only
    before a tab (as Word copies its lists) or two spaces (as pandoc reads them); "i." and roman numerals of two
    letters or more ("ii.", "iv.") are labels before one space too, as are "a)", "(a)" and "(1)"."""
    found = _ITEM.match(line)
    if found is None or (found["open"] and found["close"] != ")"):
        return None
    tabbed = found["gap"].startswith("\t") or len(found["gap"]) >= 2
    level = min(len(found["indent"].replace("\t", "  ")) // 2, 8)  # Word has nine list levels
    pasted = not found["indent"] and found["gap"].startswith("\t")
    if found["bullet"]:
        key = _BULLET_LEVELS.get(found["bullet"], "•")  # unindented, its bullet says its level: "• a", "◦ sub"
        return _Marker(found.end(), "bullet", 1, level, "" if found["indent"] else key)
    label = found["label"]
    kind: ListKind
    if label.isdigit():
        kind, start = "number", max(1, int(label))
    elif _ROMAN.fullmatch(label.lower()):
        kind, start = "roman", _roman(label.lower())
    elif len(label) == 1:
        kind, start = "letter", ord(label.lower()) - ord("a") + 1
    else:
        return None
    loose = found["close"] == ")" or (found["close"] == "." and kind == "roman" and label not in ("v", "x"))
    if not label.islower() and not label.isdigit() and not tabbed:
        return None  # "A. Smith", "I. M. Pei", "A) not a list"
    if kind != "number" and not loose and not tabbed:
        return None  # "c. 1900", "v. Smith"
    return _Marker(found.end(), kind, start, level, kind if pasted else "")


def _roman(numeral: str) -> int:
    values = [{"i": 1, "v": 5, "x": 10}[c] for c in numeral]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def parse_line(line: str) -> Line:
    """A line of a note: its list marker (if any) taken off, its text split into bold and italic runs."""
    found = _marker(line)
    if found is None:
        return Line(parse_inline(line.strip()))
    return Line(parse_inline(line[found.end :].strip()), found.kind, found.level, found.start, found.label)


# "i", "v" and "x" after the letter before them are letters: h) i) j)
_LETTERS = {1: ord("i") - ord("a") + 1, 5: ord("v") - ord("a") + 1, 10: ord("x") - ord("a") + 1}


def note_lines(text: str) -> list[Line]:
    """A note's non-blank lines, parsed, each list item with the number a reader sees: the one typed for a list's
    first item, then one more than its previous sibling of the same kind (so "1. 1. 1.", as some type them, comes
    out 1, 2, 3). A blank line between items does not end a list; a paragraph does. No level is skipped. A list
    pasted from Word, without its indentation, nests by its labels: a label of a kind already open goes back to that
    level, another goes one deeper (• o ▪, 1. a. i.), unless it starts numbers after bullets or bullets after
    numbers, which Word's own lists never nest."""
    lines: list[Line] = []
    items: list[Line] = []  # the list so far
    labels: list[str] = []  # the label kind of each open level of a list pasted from Word
    for raw in text.split("\n"):
        line = parse_line(raw.rstrip())
        if not line.text.strip():
            continue
        if not line.kind:
            items, labels = [], []
            lines.append(line)
            continue
        level = line.level
        if line.label in labels:
            level = labels.index(line.label)
        elif line.label:  # one deeper; but numbers after bullets (or bullets after numbers) are a list of their own
            bullet = line.label in _BULLETS
            level = len(labels) if any((key in _BULLETS) == bullet for key in labels) else 0
        level = min(level, items[-1].level + 1) if items else 0
        kind, number = line.kind, line.start
        for previous in reversed(items):
            if previous.level < level:
                break
            if previous.level == level:
                if kind == "roman" and previous.kind == "letter" and previous.start + 1 == _LETTERS.get(number):
                    kind, number = "letter", _LETTERS[number]
                elif previous.kind == kind:
                    number = previous.start + 1
                break
        line = Line(line.runs, kind, level, number, line.label)
        labels = [*labels[:level], line.label] if line.label else []  # (typed items nest by their indentation)
        items.append(line)
        lines.append(line)
    return lines


def list_label(kind: str, level: int, number: int) -> str:
    """What a reader sees before a list item: "•" (or "–" nested), "3." or "b)"."""
    if kind == "bullet":
        return "•" if level % 2 == 0 else "–"
    if kind == "roman":
        return f"{_roman_numeral(number)}."
    if kind == "letter":
        letters = ""
        while number > 0:  # 27 -> aa, as Word letters lists
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return f"{letters})"
    return f"{number}."


def _roman_numeral(number: int) -> str:
    numeral = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        count, number = divmod(number, value)
        numeral += letters * count
    return numeral


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
        return Inline((Run("".join(c for k, c in enumerate(text) if k not in escapes)),), (), _each(escapes))
    return Inline(tuple(runs), tuple(styled), tuple(marks))


def _each(escapes: frozenset[int]) -> tuple[tuple[int, int], ...]:
    return tuple((k, k + 1) for k in sorted(escapes))


def scan_line(line: str) -> Inline:
    """scan_inline of a line of a note, past its list marker, with positions in the whole line (the editor's)."""
    found = _marker(line)
    offset = found.end if found else len(line) - len(line.lstrip())
    inline = scan_inline(line[offset:])
    return Inline(
        inline.runs,
        tuple((a + offset, b + offset, bold, italic) for a, b, bold, italic in inline.styled),
        tuple((a + offset, b + offset) for a, b in inline.marks),
    )


def _flanking(text: str, i: int, width: int) -> tuple[bool, bool]:
    """(left, right): whether the asterisks text[i:i+width] may open and close emphasis, by CommonMark's flanking
    rules; never inside a word or a formula, between two letters or digits (2*x + 3*y, rate*time, 2*3*4: an analyst
    who sees no markup while typing means the asterisks, and Markdown's own underscores work so)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if before.isalnum() and after.isalnum():
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
    """Ctrl+B (marker "**") or Ctrl+I ("*") in the note editor, as Word does: the selected words (or the word at the
    caret, when start == end) made bold or italic, or, when they all are already, no longer; the other style is
    untouched. A bold or italic phrase is closed before a word turned off and reopened after it. Returns the new
    text and the selection's new bounds (the words toggled, markers excluded).

    Markup never spans a line, so each line is rewritten on its own: its printed characters stay exactly as they
    were, and pressing the key again gives its words their styles back (both are checked by reading the line
    written; a line that cannot be written so is left as it is). Where a marker could not open or close (inside a
    word, or next to punctuation that stops it), the words toggled grow to the nearest place one can."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    first = max(k for k, at in enumerate(starts) if at <= start)
    last = max(k for k, at in enumerate(starts) if at <= end)
    selections: list[tuple[int, str, list[_Glyph], int, int]] = []  # line, its prefix and glyphs, selected [s, e)
    for k in range(first, last + 1):
        prefix, glyphs = _glyphs(lines[k])
        at = [starts[k] + len(prefix) + glyph.at for glyph in glyphs]  # where each was typed in the text
        if start == end:
            s, e = _word_at(glyphs, sum(1 for a in at if a < start))
        else:
            chosen = [g for g, a in enumerate(at) if start <= a < end]
            s, e = (chosen[0], chosen[-1] + 1) if chosen else (0, 0)
        while s < e and glyphs[s].char.isspace():
            s += 1
        while e > s and glyphs[e - 1].char.isspace():
            e -= 1
        if s < e:
            selections.append((k, prefix, glyphs, s, e))
    if not selections:
        return text, start, end
    bold = marker == "**"
    on = not all(g.bold if bold else g.italic for _, _, gs, s, e in selections for g in gs[s:e] if not g.char.isspace())
    bounds: dict[int, tuple[int, int]] = {}  # the new selection's ends in each line rewritten
    for k, prefix, glyphs, s, e in selections:
        written = _restyled(lines[k], prefix, glyphs, s, e, bold, on)
        if written is not None:  # (else the line is left as it is: a "*" alone can be neither bold nor plain)
            lines[k] = written[0]
            bounds[k] = written[1:]
    if not bounds:
        return text, start, end
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    first, last = min(bounds), max(bounds)
    return "\n".join(lines), starts[first] + bounds[first][0], starts[last] + bounds[last][1]


@dataclass(frozen=True)
class _Glyph:
    """A printed character of a line of a note: as it was typed ("\\*" for an escaped asterisk), where (in the
    line's text past its list marker), and its style."""

    char: str
    typed: str
    at: int
    bold: bool
    italic: bool


def _glyphs(line: str) -> tuple[str, list[_Glyph]]:
    """A line's list marker or indentation, as typed, and its printed characters."""
    found = _marker(line)
    offset = found.end if found else len(line) - len(line.lstrip())
    body = line[offset:]
    inline = scan_inline(body)
    marks = {k for a, b in inline.marks for k in range(a, b)}
    styles = {k: (bold, italic) for a, b, bold, italic in inline.styled for k in range(a, b)}
    glyphs = []
    for k, ch in enumerate(body):
        if k not in marks:
            typed = "\\*" if ch == "*" and k - 1 in marks and body[k - 1] == "\\" else ch
            glyphs.append(_Glyph(ch, typed, k, *styles.get(k, (False, False))))
    return line[:offset], glyphs


def _word_at(glyphs: list[_Glyph], caret: int) -> tuple[int, int]:
    """The word at the caret (between glyphs[caret - 1] and glyphs[caret]), as [s, e); empty when there is none."""

    def wordy(g: int) -> bool:
        return 0 <= g < len(glyphs) and (glyphs[g].char.isalnum() or glyphs[g].char in "_'’-")

    at = caret if wordy(caret) else caret - 1
    if not wordy(at):
        return 0, 0
    s, e = at, at + 1
    while wordy(s - 1):
        s -= 1
    while wordy(e):
        e += 1
    return s, e


def _restyled(
    line: str, prefix: str, glyphs: list[_Glyph], s: int, e: int, bold: bool, on: bool, *, undoable: bool = True
) -> tuple[str, int, int] | None:
    """The line with glyphs[s:e] bold (or italic) or not, and where those glyphs now are; None when it cannot be
    written so that it prints the same characters. Tries the fewest words first, then whole words (to the spaces);
    the asterisks the analyst typed as they were, then escaped only where they must be. undoable: only a change
    that the same key pressed again takes back (a line of asterisks may have none)."""
    whole = len(glyphs)
    for widen in (False, True):
        a, b = s, e
        if widen:
            while a > 0 and not glyphs[a - 1].char.isspace():
                a -= 1
            while b < whole and not glyphs[b].char.isspace():
                b += 1
        styled = _styles(glyphs, a, b, bold, on)
        if styled is None:
            continue
        flags, a, b = styled
        bolds = flags if bold else [g.bold for g in glyphs]
        italics = [g.italic for g in glyphs] if bold else flags
        for canonical in (False, True):
            written, spans = _write(prefix, glyphs, bolds, italics, canonical)
            if _reads_as(written, line, glyphs, bolds, italics) and (
                not undoable or _undoes(written, glyphs, a, b, bold, on)
            ):
                return written, spans[a][0], spans[b - 1][1]
    return None


def _undoes(written: str, glyphs: list[_Glyph], a: int, b: int, bold: bool, on: bool) -> bool:
    """Whether toggling glyphs[a:b] of the line written once more gives the words their styles back (when they were
    all off, or all on: as in Word, a selection partly bold is all bold, then none of it)."""
    prefix, now = _glyphs(written)
    back = _restyled(written, prefix, now, a, b, bold, not on, undoable=False)
    if back is None:
        return False
    if any((g.bold if bold else g.italic) == on for g in glyphs[a:b] if not g.char.isspace()):
        return True  # partly on before: not to be given back
    styles = [(g.bold, g.italic) for g in glyphs if not g.char.isspace()]
    return styles == [(g.bold, g.italic) for g in _glyphs(back[0])[1] if not g.char.isspace()]


def _styles(glyphs: list[_Glyph], s: int, e: int, bold: bool, on: bool) -> tuple[list[bool], int, int] | None:
    """Each glyph's bold (or italic) once glyphs[s:e] are turned on or off, with [s, e) grown until every new
    start and end of a bold (italic) phrase is a place its marker can open or close; None if none is."""
    marker = "**" if bold else "*"
    before = [g.bold if bold else g.italic for g in glyphs]
    old = set(_edges(before))
    while True:
        flags = list(before)
        flags[s:e] = [on] * (e - s)
        if on:  # the spaces between the words and a bold (italic) word beside them: one phrase
            left = s - 1
            while left >= 0 and glyphs[left].char.isspace():
                left -= 1
            if left >= 0 and flags[left]:
                flags[left + 1 : s] = [True] * (s - left - 1)
            right = e
            while right < len(glyphs) and glyphs[right].char.isspace():
                right += 1
            if right < len(glyphs) and flags[right]:
                flags[e:right] = [True] * (right - e)
        _trim(glyphs, flags)
        bad = [at for at, opens in set(_edges(flags)) - old if not _marker_fits(glyphs, at, opens, marker)]
        if not bad:
            return flags, s, e
        if any(at <= s for at in bad) and s > 0:
            s -= 1
        elif any(at >= e for at in bad) and e < len(glyphs):
            e += 1
        else:
            return None


def _edges(flags: list[bool]) -> list[tuple[int, bool]]:
    """Where the bold (italic) phrases of a line start (at, True) and end (at, False)."""
    edges = []
    for at in range(len(flags) + 1):
        was = flags[at - 1] if at > 0 else False
        now = flags[at] if at < len(flags) else False
        if was != now:
            edges.append((at, now))
    return edges


def _trim(glyphs: list[_Glyph], flags: list[bool]) -> None:
    """Spaces at a bold (italic) phrase's ends out of it: "**word **" would not be bold."""
    for at, opens in _edges(flags):
        step = 1 if opens else -1
        k = at if opens else at - 1
        while 0 <= k < len(flags) and flags[k] and glyphs[k].char.isspace():
            flags[k] = False
            k += step


def _marker_fits(glyphs: list[_Glyph], at: int, opens: bool, marker: str) -> bool:
    """Whether marker, put before glyphs[at], may open (or close) bold or italic there."""
    before = glyphs[at - 1].char if at > 0 else " "
    after = glyphs[at].char if at < len(glyphs) else " "
    return _flanking(before + marker + after, 1, len(marker))[0 if opens else 1]


def _write(
    prefix: str, glyphs: list[_Glyph], bolds: list[bool], italics: list[bool], canonical: bool
) -> tuple[str, list[tuple[int, int]]]:
    """A line's text with its glyphs in these styles, and where each glyph is in it. canonical: its asterisks
    escaped only where they would otherwise be markup (else as the analyst typed them)."""
    pieces: list[str] = []
    stars: list[int] = []  # pieces that are a printed asterisk
    for at in range(len(glyphs) + 1):
        marks = ""
        for flags, marker in ((italics, "*"), (bolds, "**")):  # closed first, then opened
            if at > 0 and flags[at - 1] and (at == len(glyphs) or not flags[at]):
                marks += marker
        for flags, marker in ((bolds, "**"), (italics, "*")):
            if at < len(glyphs) and flags[at] and (at == 0 or not flags[at - 1]):
                marks += marker
        pieces.append(marks)
        if at < len(glyphs):
            if canonical and glyphs[at].char == "*":
                stars.append(len(pieces))
                pieces.append("*")
            else:
                pieces.append(glyphs[at].typed)
    if stars:
        body = "".join(pieces)
        where = [sum(len(p) for p in pieces[:k]) for k in stars]
        marked = {k for a, b in _scan(body, frozenset(), frozenset()).marks for k in range(a, b)}
        for k, at in zip(stars, where, strict=True):
            pieces[k] = "\\*" if at in marked else "*"
    spans, at = [], len(prefix)
    for k, piece in enumerate(pieces):
        if k % 2:  # (pieces alternate: markers, a glyph, markers...)
            spans.append((at, at + len(piece)))
        at += len(piece)
    return prefix + "".join(pieces), spans


def _reads_as(written: str, line: str, glyphs: list[_Glyph], bolds: list[bool], italics: list[bool]) -> bool:
    """Whether the line written prints the glyphs in these styles, and is the same kind of line (list or not)."""
    expected: list[Run] = []
    for glyph, bold, italic in zip(glyphs, bolds, italics, strict=True):
        if expected and (expected[-1].bold, expected[-1].italic) == (bold, italic):
            expected[-1] = Run(expected[-1].text + glyph.char, bold, italic)
        else:
            expected.append(Run(glyph.char, bold, italic))
    new, old = parse_line(written), parse_line(line)
    return scan_line(written).runs == tuple(expected) and (new.kind, new.level) == (old.kind, old.level)
