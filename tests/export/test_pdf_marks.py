"""A quotation in the PDF: its footnote mark right after its last word, wherever the line breaks; upright or in
italics as a whole."""

from __future__ import annotations

import dataclasses
import io
from typing import Any

import pikepdf
from docx import Document as DocxDocument
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from briefing.core.model import Briefing
from briefing.core.templates import Template
from briefing.export import build_tree
from briefing.export.docx import write_docx
from briefing.export.pdf import write_pdf
from briefing.export.pdfflow import QuoteParagraph
from briefing.export.tree import Quotation

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


CHINESE = "拨95933上网魔力宝贝免费玩，2016年起。"


def _italic_runs_in_quotations(pdf_bytes: bytes) -> int:
    """How many pieces of text inside the PDF's BlockQuotes are shown in an italic font (the mark is one)."""
    count = 0
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages:
            fonts = {str(name): str(font.BaseFont) for name, font in page.Resources.Font.items()}
            font, inside = "", 0
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op == "Tf":
                    font = fonts.get(str(operands[0]), "")
                elif op in ("BDC", "BMC"):
                    inside += 1 if inside or str(operands[0]) == "/BlockQuote" else 0
                elif op == "EMC" and inside:
                    inside -= 1
                elif op in ("Tj", "TJ", "'", '"') and inside:
                    count += "Italic" in font or "Oblique" in font
    return count


def test_a_chinese_quotation_is_upright_digits_and_all(demo: Briefing, template: Template) -> None:
    """QA2 13: its digits were italic (the Latin font's italic) among upright Han characters."""
    tree = build_tree(demo, template)
    index = next(i for i, node in enumerate(tree.body) if isinstance(node, Quotation))
    quotation = tree.body[index]
    assert isinstance(quotation, Quotation)
    tree.body[:] = [dataclasses.replace(quotation, text=CHINESE)]
    tree.citations[:] = [quotation.citation]
    assert tree.body[0].upright and not quotation.upright  # an English quotation stays in italics
    out = io.BytesIO()
    write_pdf(tree, out)
    assert _italic_runs_in_quotations(out.getvalue()) == 1  # its footnote mark, in italics in every script
    docx = io.BytesIO()
    write_docx(tree, docx)
    runs = [run for p in DocxDocument(docx).paragraphs if "魔力宝贝" in p.text for run in p.runs]
    assert runs and all(run.font.italic is False for run in runs if run.text.strip())
