"""A PDF page's lines as the importer reads them (`Line`), the page furniture dropped from them (page numbers,
running heads and feet), and the paragraphs the rest are joined into (`Para`); importers/pdf.py decides where."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from briefing.importers.line_ends import joined_at_line_end
from briefing.importers.pdf_glyphs import _CJK

_PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s*|p\.\s*|seite\s*|-\s*)?\d{1,4}(?:\s*(?:of|/|von|sur|de)\s*\d{1,4})?\s*-?\s*$", re.I
)


@dataclass
class Line:
    x: float
    y: float
    size: float
    text: str
    end: float = 0.0  # estimated x where the last run ends (glyphs average half an em)


@dataclass
class Para:
    kind: str
    level: int
    lines: list[str] = field(default_factory=list)
    opens_group: bool = False  # the first of its column (or page): it may continue the paragraph before
    cut: bool = False  # its last line ran to the margin inside a URL, path or long token
    longest: float = 0.0  # its longest line's width
    runs_on: bool = False  # its last line is as long as its others: the paragraph may go on past the page's end
    note: bool = False  # a footnote: smaller than the body text, opening with its number

    def add(self, text: str, words: frozenset[str] = frozenset(), glued: bool = False) -> None:
        """Add the next line. A line ending in a hyphen after a letter joins the next without a space: the hyphen
        stays (a compound: "well-known"), unless it is a soft hyphen or the word without it is in `words` (the
        document's words) and the hyphenated one is not ("adip-iscing"); so does one ending in a dash between words
        ("Ottawa–⏎Gatineau") (importers/line_ends.py, the rule plain text shares). `glued`: the line ended inside a
        URL, path or long token, so the next line goes on with it without a space."""
        text = text.strip()
        if not text:
            return
        if self.lines:
            prev = self.lines[-1]
            if glued:
                self.lines[-1] = prev + text
                return
            joined = joined_at_line_end(prev, text, words)
            if joined is not None:
                self.lines[-1] = joined
                return
        self.lines.append(text)

    def text(self) -> str:
        """The lines joined by a space, but none between two Chinese or Japanese characters: those languages put no
        space between words, so a line end there is no space."""
        joined = self.lines[0] if self.lines else ""
        for line in self.lines[1:]:
            joined += ("" if _CJK.match(joined[-1]) and _CJK.match(line[0]) else " ") + line
        return joined


def drop_running_lines(lines: list[Line], bottom: float, height: float) -> list[Line]:
    """Page numbers at the top or bottom margin are furniture, not text."""
    return [
        ln
        for ln in lines
        if not (_PAGE_NUMBER.match(ln.text) and (ln.y < bottom + 0.1 * height or ln.y > bottom + 0.9 * height))
    ]


def drop_page_numbers_above_the_margin(per_page: list[list[Line]]) -> None:
    """Page numbers further up the page than the margin rule sees (LaTeX sets them some 15 % up): a number alone
    below all the text of at least half the pages, counting up with them. A number that merely ends a page's text
    (a year, a total) does not follow the pages, and stays."""
    found: dict[int, tuple[Line, int]] = {}  # page index -> (its lowest line, that number minus the page's)
    for index, lines in enumerate(per_page):
        if not lines:
            continue
        lowest = min(lines, key=lambda ln: ln.y)
        number = re.search(r"\d+", lowest.text)
        if number and _PAGE_NUMBER.match(lowest.text) and sum(ln.y <= lowest.y + 0.5 for ln in lines) == 1:
            found[index] = (lowest, int(number.group()) - index)
    shifts = Counter(shift for _, shift in found.values()).most_common(1)
    if shifts and shifts[0][1] >= 2 and 2 * shifts[0][1] >= len(per_page):
        for index, (line, shift) in found.items():
            if shift == shifts[0][0]:
                per_page[index].remove(line)


def drop_running_heads(per_page: list[list[Line]], boxes: list[tuple[float, float, float, float]]) -> None:
    """Running heads and feet (a classification marking, a report's name, "Page 2 of 5 / Page 2 de 5"): a line
    among the top two or bottom two of a page, repeated at the same height on most pages (digits aside in the
    margins). Like page numbers, they are furniture, and left in they would cut every paragraph that runs on to the
    next page."""
    pages = [(lines, box) for lines, box in zip(per_page, boxes, strict=True) if lines]
    if len(pages) < 2:
        return

    def key(line: Line, box: tuple[float, float, float, float]) -> tuple[str, int]:
        text = " ".join(line.text.split()).casefold()
        if not box[1] + 0.06 * box[3] < line.y < box[1] + 0.94 * box[3]:  # a page number or date, in the margin
            text = re.sub(r"\d+", "#", text)
        return text, round(line.y / 3)

    def edges(lines: list[Line]) -> list[Line]:
        ordered = sorted(lines, key=lambda ln: -ln.y)
        return ordered[:2] + ordered[2:][-2:]

    counts: Counter[tuple[str, int]] = Counter()
    for lines, box in pages:
        counts.update({key(ln, box) for ln in edges(lines)})
    running = {k for k, n in counts.items() if n >= 2 and 2 * n >= len(pages)}
    if running:
        for lines, box in pages:
            for line in edges(lines):
                if key(line, box) in running:
                    lines.remove(line)
