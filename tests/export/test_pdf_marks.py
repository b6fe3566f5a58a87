"""A quotation's footnote mark in the PDF: drawn right after its last word, wherever the line breaks."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from briefing.export.pdfflow import QuoteParagraph

STYLE = ParagraphStyle("Quote", fontName="Helvetica", fontSize=11, leading=14, leftIndent=30, rightIndent=30)


class _MarkCanvas(Canvas):
    """A canvas that records where the mark (the only drawString) is drawn."""

    marks: list[float]

    def drawString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        self.marks.append(x)
        super().drawString(x, y, text, *args, **kwargs)


def test_the_mark_follows_the_last_word_also_when_it_moved_a_word_down() -> None:
    """QA2 10: when the last line had no room for the mark and was broken again narrower, the mark stood that
    room (its own width, ~9 pt) away from its word."""
    moved = 0
    for count in range(1, 60):  # every length of last line, so some have no room left for the mark
        text = " ".join(["together"] * 5 + ["i" * count]) + "."
        para = QuoteParagraph(text, STYLE, mark="18", mark_font="Helvetica-Oblique")
        para.wrap(300, 1000)
        canvas = _MarkCanvas(io.BytesIO())
        canvas.marks = []
        para.drawOn(canvas, 0, 0)
        _unused, words = para.blPara.lines[-1]
        end = STYLE.leftIndent + pdfmetrics.stringWidth(" ".join(words), "Helvetica", 11)
        (x,) = canvas.marks
        assert 0 <= x - end <= 1.5, (count, x - end)
        moved += getattr(para, "_reserved", 0) > 0
    assert moved  # the case that was wrong did occur
