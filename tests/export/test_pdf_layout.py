"""The PDF looks like what Word prints from the DOCX: bold italic faces, right-to-left paragraphs with their
bold and numbers, and the running header and footer at Word's distances (read back from the PDF)."""

from __future__ import annotations

import dataclasses
import itertools
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from briefing.core.model import Briefing, Note
from briefing.core.templates import Template, load_catalog
from briefing.export import export_briefing
from briefing.export.bidi import visual, visual_runs
from briefing.export.tree import build_tree
from tests.export.test_docx import _with_bundled_fonts
from tests.export.test_pdf_tags import _check

Span = tuple[str, str, float, float]  # text, font's BaseFont, x, baseline from the page's top


def _spans(path: Path, page: int = 0) -> list[Span]:
    """Each text piece drawn on a page: its text, font and place, as pypdf reads them."""
    pdf = PdfReader(path).pages[page]
    height = float(pdf.mediabox.height)
    seen: list[Span] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
        if text.strip() and font is not None:
            name = str(font.get("/BaseFont"))  # type: ignore[attr-defined]
            seen.append((text.strip(), name, tm[4] * cm[0] + cm[4], height - (tm[5] * cm[3] + cm[5])))

    pdf.extract_text(visitor_text=visit)
    return seen


@pytest.mark.parametrize(("font", "face"), [("Arial", "LiberationSans"), ("Times New Roman", "LiberationSerif"),
                                            ("Calibri", "Carlito")])  # fmt: skip
def test_bold_italic_is_printed_in_a_bold_italic_face(
    tmp_path: Path, demo: Briefing, template: Template, font: str, face: str
) -> None:
    # ***text*** and bold inside italics printed bold, upright: the twins' bold italic faces were not shipped
    demo.section("background").items.insert(0, Note(id="n-bi", text="The ***Minister*** notes *three **key** points*."))
    template = dataclasses.replace(template, body_font=font)
    faces = {
        text: name.split("+")[-1] for text, name, _, _ in _spans(export_briefing(demo, template, tmp_path / "n.pdf"))
    }
    assert faces["Minister"] == faces["key"] == f"{face}-BoldItalic"
    assert faces["three"] == f"{face}-Italic"


def y_of(spans: list[Span], text: str) -> float:
    return next(y for seen, _, _, y in spans if seen == text)


def _baselines(path: Path) -> tuple[float, float, float]:
    """The baselines (from the page's top) of the header's marking, "Page 1 of N" and the footer's marking."""
    spans = _spans(path)
    markings = sorted(y for text, _, _, y in spans if text == "UNCLASSIFIED")
    number = next(y for text, _, _, y in spans if text.startswith("Page"))
    return markings[0], number, markings[-1]


@pytest.mark.parametrize("template_id", ["information-note", "gc-briefing-note"])
def test_header_and_footer_sit_at_words_distances(tmp_path: Path, demo: Briefing, template_id: str) -> None:
    """The header's line starts the DOCX's header distance below the page's top (half the top margin), the
    footer's last line ends its footer distance above the bottom, single-spaced in Liberation Sans's Windows
    metrics (as Arial's): the marking was drawn 9 pt higher than Word and LibreOffice put it."""
    template = load_catalog().get(template_id)
    header, number, footer = _baselines(export_briefing(demo, template, tmp_path / "n.pdf"))
    size = template.font_size_pt - 1  # the header and footer's size
    ascent, descent = 1854 / 2048 * size, 434 / 2048 * size  # usWinAscent, usWinDescent
    top, bottom = (round(getattr(template.margins_mm, side) * 1440 / 25.4) // 2 / 20 for side in ("top", "bottom"))
    height = 792  # Letter
    assert header == pytest.approx(top + ascent, abs=0.05)
    assert footer == pytest.approx(height - bottom - descent, abs=0.05)
    assert number == pytest.approx(footer - ascent - descent, abs=0.05)  # the line above


@pytest.mark.slow
def test_header_and_footer_where_libreoffice_puts_the_docx_ones(tmp_path: Path, demo: Briefing) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    template = load_catalog().get("information-note")
    pdf = export_briefing(demo, template, tmp_path / "n.pdf")
    export_briefing(demo, template, tmp_path / "n.docx")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "lo"), str(tmp_path / "n.docx")],
        check=True, capture_output=True, timeout=300, env=_with_bundled_fonts(tmp_path),
    )  # fmt: skip
    ours, theirs = _baselines(pdf), _baselines(tmp_path / "lo" / "n.pdf")
    for mine, office in zip(ours, theirs, strict=True):
        assert mine == pytest.approx(office, abs=1), (ours, theirs)  # LibreOffice rounds to its own units


RTL_NOTE = "العلاقات **الدبلوماسية** بين كندا و*إيران* مقطوعة منذ عام 2012 **Canada** *Iran*."


def test_a_right_to_left_paragraph_keeps_its_bold_italic_and_number(
    tmp_path: Path, demo: Briefing, template: Template
) -> None:
    # a right-to-left paragraph was set as plain text: no bold, no italic and, with numbered paragraphs, no number
    section = demo.section("background")
    section.items[:0] = [Note(id="n-en", text="An English paragraph first."), Note(id="n-ar", text=RTL_NOTE)]
    template = dataclasses.replace(template, number_paragraphs=True)
    spans = _spans(export_briefing(demo, template, tmp_path / "n.pdf"))
    faces = {text: name.split("+")[-1] for text, name, _, _ in spans}
    assert faces["Canada"] == "LiberationSans-Bold" and faces["Iran"] == "LiberationSans-Italic"
    assert "NotoNaskhArabic-Bold" in faces.values()  # the bold Arabic word; Arabic has no italics: upright
    line = [(text, x) for text, _, x, y in spans if y == pytest.approx(y_of(spans, "Canada"))]
    # "2." read right to left (".2"), in the right indent on the paragraph's first line: pypdf gives each text
    # object's start, so the line's text starts at its left and the number on its own, near the right margin
    number = next(x for (text, x), (after, _) in itertools.pairwise(line) if text == "." and after == "2" and x > 300)
    page_width, margin = 612, 25 * 72 / 25.4
    assert number + 9.18 == pytest.approx(page_width - margin, abs=0.1)  # ends at the margin ("1." starts at it)
    assert min(x for _, x in line) > margin + 100  # the text, right-aligned, keeps its lines' width
    # the DOCX draws the bold Arabic word bold too: Word and LibreOffice take complex-script text's bold from w:bCs
    document = docx.Document(str(export_briefing(demo, template, tmp_path / "n.docx")))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("العلاقات"))
    bold = [run for run in paragraph.runs if run.bold]
    assert [run.text for run in bold] == ["الدبلوماسية", "Canada"] and all(run.font.cs_bold for run in bold)


def test_runs_in_visual_order_are_the_line_in_visual_order() -> None:
    """Bold starting mid-word: the letters still join (lam-alef across the runs too), and the pieces, put
    together, are the whole line's visual order; each keeps its tag."""
    line = "العلاقات الدبلوماسية بين كندا 2012 (Canada)"
    pieces = [("العل", "b"), ("اقات الدبلوماسية بين ", ""), ("كندا 2012 (Canada", "i"), (")", "")]
    ordered = visual_runs(pieces)
    assert "".join(text for text, _ in ordered) == visual(line, True)
    assert [tag for _, tag in ordered] == ["", "i", "", "b"]  # ")" drawn mirrored on the left, in its own face
    assert ordered[1][0] == visual("كندا 2012 (Canada", True)  # the italic piece, joined as it is in the line
    assert [tag for _, tag in ordered].count("b") == 1 and ordered[-1][1] == "b"  # the first word, on the right


def test_a_right_to_left_list_item_is_ordered_and_labelled_on_the_right(
    tmp_path: Path, demo: Briefing, template: Template
) -> None:
    # each bold or italic run was reordered on its own and the item set left to right: its words in the wrong order,
    # the bullet on the left
    text = "- " + RTL_NOTE.removesuffix(".") + " " + RTL_NOTE.replace("**", "") + "\n- שלום **עולם** כאן."
    demo.section("background").items.insert(0, Note(id="n-list", text=text))
    spans = _spans(export_briefing(demo, template, tmp_path / "n.pdf"))
    bullet = next(i for i, (text, *_) in enumerate(spans) if text == "•")
    _, _, x, y = spans[bullet]
    page_width, margin = 612, 25 * 72 / 25.4
    assert x + 3.9 == pytest.approx(page_width - margin, abs=0.1)  # the bullet ends at the right margin
    line = [(text, name.split("+")[-1]) for text, name, _, top in spans[bullet + 1 :] if top == y]
    # drawn left to right: the line's first words last, on the right, the bold one in the bold face
    assert line[-2:] == [("الدبلوماسية", "NotoNaskhArabic-Bold"), ("العلاقات", "NotoNaskhArabic-Regular")]
    hebrew = [(text, name.split("+")[-1]) for text, name, _, _ in spans if text in ("שלום", "עולם")]
    assert hebrew == [("עולם", "LiberationSans-Bold"), ("שלום", "LiberationSans")]


def test_a_long_numbered_right_to_left_paragraph_splits_with_its_number_once(
    tmp_path: Path, demo: Briefing, template: Template
) -> None:
    long = " ".join([RTL_NOTE] * 60)  # longer than a page
    demo.section("background").items.insert(0, Note(id="n-long", text=long))
    path = export_briefing(demo, dataclasses.replace(template, number_paragraphs=True), tmp_path / "n.pdf")
    pages = [_spans(path, page) for page in range(2)]
    numbers = [
        x
        for spans in pages
        for (text, _, x, _), (after, *_) in itertools.pairwise(spans)
        if text == "." and after == "1" and x > 300
    ]
    assert len(numbers) == 1 and sum(text == "Canada" for spans in pages for text, *_ in spans) > 20


def test_right_to_left_paragraphs_and_lists_are_tagged(tmp_path: Path, demo: Briefing, template: Template) -> None:
    """Their labels and numbers drawn at the right stay inside their elements: L > LI > Lbl + LBody, pdfua clean."""
    text = "- " + RTL_NOTE + "\n  1. שלום **עולם** כאן.\n- *Iran*"
    demo.section("background").items[:0] = [Note(id="n-ar", text=RTL_NOTE), Note(id="n-list", text=text)]
    template = dataclasses.replace(template, number_paragraphs=True)
    _check(export_briefing(demo, template, tmp_path / "n.pdf"), build_tree(demo, template))


def test_reportlab_remembers_a_fonts_ascent_and_descent_as_they_are() -> None:
    """ReportLab's paragraphs look a font's ascent and descent up once per font and size (the export registers its
    fonts once): the values pdfmetrics gives."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.platypus import paragraph

    from briefing.export.pdftext import ARABIC, SANS, register

    register(SANS)
    register(ARABIC)
    assert hasattr(paragraph.getAscentDescent, "cache_info")
    for font in ("BriefingSans", "BriefingSans-Bold", "BriefingArabic", "Helvetica"):
        for size in (9, 10.5, 12, 18):
            assert paragraph.getAscentDescent(font, size) == pdfmetrics.getAscentDescent(font, size)


def test_fragments_are_alike_as_reportlabs_c_same_frag_says() -> None:
    """The export's sameFrag (ReportLab's own is slow on fragments without a background colour) gives the same
    answer as ReportLab's C function for every pair of fragments of mixed markup, and for attributes missing from
    one fragment, set to None in the other."""
    from reportlab.lib.rl_accel import sameFrag
    from reportlab.platypus import Paragraph, paragraph

    from briefing.export import pdf
    from briefing.export.pdftext import ARABIC, CJK, SANS, register

    for family in (SANS, ARABIC, CJK):
        register(family)
    st = pdf.Styles(12, SANS, SANS)
    markups = [
        '<font face="BriefingArabic">ﺖﻧﺎﻛ ﻲﺘﻟﺍ </font>"x<br/><font face="BriefingArabic">ﺔ</font> (y) <b>bold</b> <i>i</i>',
        '<font face="BriefingCJK">中文</font>“<font face="BriefingCJK">引号</font>” 10 <a href="https://a.b">link</a>',
        '<font backColor="yellow">marked</font> <nobr>no break</nobr> <u>under</u> <super>2</super> plain',
    ]
    frags = [f for text in markups for f in Paragraph(text, st.body).frags]
    odd = frags[0].clone(backColor=None), frags[0].clone(), frags[0].clone(nobr=0), frags[0].clone(rise=1)
    frags += odd
    assert paragraph.sameFrag is pdf._same_frag
    for f in frags:
        for g in frags:
            assert pdf._same_frag(f, g) == bool(sameFrag(f, g)), (f.__dict__, g.__dict__)
    assert pdf._same_frag(odd[1], frags[0]) and not pdf._same_frag(odd[0], frags[0])
