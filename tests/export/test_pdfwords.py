"""A plain one-font paragraph's lines, broken by pdfwords, are ReportLab's own: the same words on the same lines with
the same unused widths (to the last bit), the same widest line, ascent and descent, and the same narrowing of the
first width for a bullet; whatever pdfwords leaves to ReportLab is broken by ReportLab's own method."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from briefing.export import pdf, pdfwords
from briefing.export.pdftext import CJK, SANS, SERIF, register

TEXTS = [
    "The talks began at the official level, the minister said, and reopening the embassy is not a first step.",
    "Canada and Iran have had no diplomatic relations since 2012; Italy still looks after Canada's interests there. "
    * 6,
    "See https://www.international.gc.ca/world-monde/iran/relations.aspx?lang=eng&section=12 and 613-555-0100.",
    "A word with a very-long-hyphenated-compound-that-cannot-fit-on-one-short-line-at-all-whatever-happens here.",
    "Supercalifragilisticexpialidociousandthensomemorelettersthatneverend at the start of a line.",
    "Tabs\tand  double  spaces, a no-break\xa0space, and trailing space.   ",
    "Café, œuvre, naïve — “quoted” text… and 12 % of 3,5 million (see para. 12).",
    "x",
    "   ",
    "A soft\xadhyphen in a long para\xadgraph of text that goes on and on over several lines of the page.",
    "中文的句子没有空格，所以它是一个词。外交部长表示会谈已在官方层面开始，重开大使馆并非第一步。",
]
WIDTHS: list[Any] = [60, 120, 233.5, 468, [200.0, 300.0], [150, 250, 100]]


@pytest.fixture(scope="module")
def st() -> pdf.Styles:
    for family in (SANS, SERIF, CJK):
        register(family)
    return pdf.Styles(12, SANS, SANS)


def _styles(st: pdf.Styles) -> list[ParagraphStyle]:
    """The export's styles, and variants of one: a bullet wider than its indent, a first-line indent, no
    embedded hyphenation, shrinking spaces, long words not split."""
    base = st.quote
    return [
        st.body,
        base,
        st.footnote,
        ParagraphStyle("bullet", parent=base, leftIndent=10, bulletIndent=0, bulletFontName=base.fontName),
        ParagraphStyle("indent", parent=base, firstLineIndent=30),
        ParagraphStyle("plain", parent=base, embeddedHyphenation=0, uriWasteReduce=0),
        ParagraphStyle("shrink", parent=base, spaceShrinkage=0.05),
        ParagraphStyle("twice", parent=base, embeddedHyphenation=2),
        ParagraphStyle("whole", parent=base, splitLongWords=0),
    ]


def _reportlabs(para: Paragraph, width: Any) -> Any:
    return pdfwords._reportlab_break_lines(para, width)


def _state(para: Paragraph) -> tuple[Any, ...]:
    return para._width_max, para.height, para._splitLongWordCount, para._hyphenations


def test_the_lines_are_reportlabs(st: pdf.Styles) -> None:
    ours_count = 0
    for style in _styles(st):
        for text in TEXTS:
            for bullet in (None, "•", "12.", "(iii)"):
                for width in WIDTHS:
                    ours, theirs = Paragraph(text, style, bulletText=bullet), Paragraph(text, style, bulletText=bullet)
                    our_width, their_width = (list(width), list(width)) if isinstance(width, list) else (width, width)
                    lines = pdfwords.single_font_lines(ours, our_width)
                    expected = _reportlabs(theirs, their_width)
                    if lines is None:  # left to ReportLab: nothing changed yet
                        assert our_width == width
                        lines = _reportlabs(ours, our_width)
                    else:
                        ours_count += 1
                        assert _state(ours) == _state(theirs), (text, width)
                    assert repr(lines) == repr(expected), (style.name, text, bullet, width)
                    if lines.kind == 0:  # (unused width, words): the widths to the last bit, the words' classes
                        assert lines.__dict__ == expected.__dict__
                        assert [[type(w) for w in u] for _, u in lines.lines] == [
                            [type(w) for w in u] for _, u in expected.lines
                        ]
                    assert our_width == their_width
    assert ours_count > 600  # most were broken here


def test_a_paragraph_wraps_and_splits_as_before(st: pdf.Styles) -> None:
    text = TEXTS[1] * 3
    splits = 0
    for height in (30, 100, 400):
        ours, theirs = Paragraph(text, st.body), Paragraph(text, st.body)
        theirs.breakLines = lambda width, p=theirs: _reportlabs(p, width)  # type: ignore[method-assign]
        assert ours.wrap(300, height) == theirs.wrap(300, height)
        ours_parts, theirs_parts = ours.split(300, height), theirs.split(300, height)
        assert len(ours_parts) == len(theirs_parts)
        splits += len(ours_parts) == 2
        for a, b in zip(ours_parts, theirs_parts, strict=True):
            assert a.wrap(300, 1000) == b.wrap(300, 1000)
            assert a.blPara.lines == b.blPara.lines
    assert splits == 2


def test_widths_are_remembered_per_font_and_size(st: pdf.Styles) -> None:
    widths = pdfwords.word_widths(st.body.fontName, 11)
    assert pdfwords.word_widths(st.body.fontName, 11) is widths
    assert widths["Canada"] == pdfwords.rl.stringWidth("Canada", st.body.fontName, 11)
    assert pdfwords.word_widths(st.body.fontName, 12) is not widths


def test_remembered_widths_are_reportlabs(st: pdf.Styles) -> None:
    """ReportLab's paragraph module measures through pdfwords.string_width: the same floats as pdfmetrics'."""
    from reportlab.pdfbase import pdfmetrics

    assert pdfwords.rl.stringWidth is pdfwords.string_width  # (installed by the export)
    texts = [*" ".join(TEXTS).split(), " ", "", "-", TEXTS[1], TEXTS[-1], "x" * 40, "x" * 41, b"bytes", "中"]
    for font in (st.body.fontName, st.mark_font, "BriefingCJK", "Helvetica"):
        for size in (6.2, 10, 11.5, 12):
            for text in texts * 2:  # measured, then remembered
                expected = pdfmetrics.stringWidth(text, font, size)
                got = pdfwords.string_width(text, font, size)
                assert got == expected and type(got) is type(expected), (text, font, size)
