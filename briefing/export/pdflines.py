"""Paragraphs whose lines Briefing has already broken: laid out without ReportLab's line breaking.

A right-to-left quotation reaches ReportLab as one `<br/>` line per visual line (pdftext.rtl_lines broke it, in
logical order, with room for the footnote mark), each line a few font runs (the script's font, the main font for
brackets, quotation marks and digits). ReportLab would still split every run into words, measure each word, ask
whether each word's fragment draws like the one before it, and join them again, all to find the breaks it was
given. Here the lines are built from the runs directly: the same line structure ReportLab's breakLines returns
(the same fragments with the same text, widths, ascent, descent and word counts; a test compares the two), at a
fraction of the cost. Drawing, splitting and tagging stay ReportLab's and the quotation's own. The same holds for
the analyst's own right-to-left paragraphs (broken the same way) and for a footnote in several fonts that fits on
its one line (a source's title in Arabic or Chinese, cited again and again).

Anything outside the simple case (a single run, white space other than single spaces, a soft hyphen, an entity
or image fragment, a line too full for the mark, two runs that would draw alike) is left to ReportLab as before.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.paragraph import FragLine, ParaLines

from briefing.export.pdfflow import MARK_SIZE, FootnoteParagraph, QuoteParagraph, RightNumberedParagraph, copied

_FK_TEXT, _FK_BREAK = 0, 3  # ReportLab's fragment kinds (paragraph._FK_TEXT, _FK_BREAK)
_FIT = 1e-6  # a line this close to the width is left to ReportLab's own comparison


def _simple_text(text: str) -> bool:
    """A run ReportLab splits into words exactly at its single spaces (no other white space, no soft hyphen)."""
    return "  " not in text and "\xad" not in text and "\xa0" not in text and text.split() == text.strip(" ").split(" ")


def _lines_of(frags: list[Any]) -> list[list[Any]] | None:
    """The paragraph's runs line by line (between its line-break fragments), or None outside the simple case."""
    lines: list[list[Any]] = [[]]
    for frag in frags:
        if hasattr(frag, "lineBreak"):
            lines.append([])
        elif hasattr(frag, "cbDefn") or not _simple_text(getattr(frag, "text", "")):
            return None
        else:
            lines[-1].append(frag)
    for line in lines:
        if not line or line[0].text[0] == " " or line[-1].text[-1] == " ":
            return None  # ReportLab strips a line's leading space and drops a trailing one
        for before, after in pairwise(line):
            if before.text[-1] == " " and after.text[0] == " ":
                return None  # two spaces in a row: ReportLab keeps one
            if rl_paragraph.sameFrag(before, after):
                return None  # runs that draw alike: ReportLab joins them into one fragment
    return lines


def _known_lines(frags: list[Any], max_widths: list[float]) -> tuple[list[Any], float] | None:
    """ReportLab's kind-1 lines for these fragments when each line fits its width (max_widths, the last repeated,
    as ReportLab reads them), and the widest line; None when one does not fit or the runs are not simple."""
    lines = _lines_of(frags)
    if lines is None:
        return None
    breaks = [frag for frag in frags if hasattr(frag, "lineBreak")]
    ascent_descent = rl_paragraph.getAscentDescent
    out: list[Any] = []
    widest = 0.0
    for n, line in enumerate(lines):
        max_width = max_widths[min(n, len(max_widths) - 1)]
        width = 0.0
        words: list[Any] = []
        size = 0.0
        ascent, descent = -1e9, 1e9
        for frag in line:
            frag._fkind = _FK_TEXT  # as ReportLab's word splitting marks it
            # (the paragraph module's measure, as ReportLab's breakLines: pdfwords remembers short texts' widths)
            width += rl_paragraph.stringWidth(frag.text, frag.fontName, frag.fontSize)  # each space in its run's font
            words.append(copied(frag, text=frag.text))
            a, d = ascent_descent(frag.fontName, frag.fontSize)
            ascent, descent, size = max(ascent, a), min(descent, d), max(size, frag.fontSize)
        if width > max_width - _FIT:
            return None  # ReportLab would break this line again (a word longer than the line, or no <br/>)
        widest = max(widest, width)
        count = sum(len(frag.text.split()) for frag in line) - sum(
            1 for a, b in pairwise(line) if a.text[-1] != " " and b.text[0] != " "
        )  # a word spanning two runs counts once
        last = n == len(lines) - 1
        if not last:
            breaks[n]._fkind = _FK_BREAK
            words.append(copied(breaks[n]))
        out.append(
            FragLine(
                extraSpace=max_width - width,
                wordCount=count,
                lineBreak=not last,
                words=words,
                fontSize=size,
                ascent=ascent,
                descent=descent,
                maxWidth=max_width,
                sFW=0,  # (an index into ReportLab's word list, read only by a split: see RtlQuoteParagraph.split)
            )
        )
    return out, widest


def _laid_out(para: Paragraph, width: Any, room_after: float = 0.0) -> Any:
    """The lines ReportLab's breakLines would give para, built from its <br/> lines, with room_after left at the
    end of the last; None where that does not hold (then ReportLab breaks the lines)."""
    frags = para.frags
    if len(frags) < 2 or para.style.spaceShrinkage or para.style.endDots:
        return None  # (one fragment: ReportLab's quick single-font way; spaces that shrink: its own measure)
    widths = list(width) if isinstance(width, list | tuple) else [width]
    rl_paragraph._handleBulletWidth(para.bulletText, para.style, widths)  # a bullet wider than the indent
    built = _known_lines(frags, widths)
    if built is None or built[0][-1].extraSpace < room_after:
        return None
    if isinstance(width, list):
        width[:] = widths  # ReportLab's breakLines narrows the caller's first width for the bullet
    lines, widest = built
    para.height = 0
    para._width_max = widest
    para._splitLongWordCount = para._hyphenations = 0
    return ParaLines(kind=1, lines=lines)


class GivenLines(Paragraph):
    """A paragraph laid out from its <br/> lines where they fit (see above), else by ReportLab. Put before the
    paragraph class it speeds up; room_after is what its last line must leave free."""

    _known = False  # whether blPara was built here rather than by ReportLab
    _given = True  # False once a split asked for ReportLab's own layout

    def room_after(self) -> float:
        return 0.0

    def breakLines(self, width: Any) -> Any:
        lines = _laid_out(self, width, self.room_after()) if self._given else None
        self._known = lines is not None
        return super().breakLines(width) if lines is None else lines

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._known:  # a split cuts ReportLab's own word list: laid out its way first (a few per note)
            self._given = False
            self.wrap(availWidth, availHeight)
        parts: list[Flowable] = super().split(availWidth, availHeight)
        return parts


class RtlQuoteParagraph(GivenLines, QuoteParagraph):
    """A right-to-left quotation, its lines broken by pdftext.rtl_lines with room for its footnote mark."""

    def room_after(self) -> float:  # as QuoteParagraph.breakLines asks of ReportLab's lines
        self._reserved = 0.0
        return stringWidth(self.mark, self.mark_font, self.style.fontSize * MARK_SIZE) + 0.6 if self.mark else 0.0


class RtlBodyParagraph(GivenLines, RightNumberedParagraph):
    """A right-to-left paragraph of the analyst's, its lines broken by pdftext.rtl_lines."""


class FootnoteLine(GivenLines, FootnoteParagraph):
    """A footnote in several fonts (a source's title in Arabic or Chinese) that fits on one line, laid out as one
    line without ReportLab's line breaking; a longer one is ReportLab's. (A footnote is never split.)"""
