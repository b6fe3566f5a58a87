"""PDF pagination read back with pypdf: bookmarks on their heading's page, every footnote mark on the page of its
footnote, headings and right-to-left quotations that span pages."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from pypdf import PdfReader

from briefing import paths
from briefing.core.model import Briefing
from briefing.core.operations import AddSource, add_note, file_excerpt, new_excerpt
from briefing.core.templates import Template, load_catalog, new_briefing
from briefing.export import export_briefing
from briefing.export.pdf import write_pdf
from briefing.export.tree import BodyText, Citation, DocumentTree, Heading, Node, Quotation, SourceEntry
from briefing.importers import import_file

MARK = 12 * 0.62  # a quotation's footnote mark: the GC template's 12 pt body text (see pdfflow.MARK_SIZE)


@pytest.fixture(scope="module")
def gc_template() -> Template:
    return load_catalog().get("gc-briefing-note")


def long_note(template: Template, rounds: int) -> Briefing:
    """A note built as an analyst would: every paragraph of the sample article filed, in turn, into each of the
    template's sections, `rounds` times over, with a note after every third excerpt."""
    briefing = new_briefing(template, title="Canada–Iran: a long note", prepared_by="A. Analyst")
    source = import_file(paths.resource("demo", "canada-iran-talks.txt"))
    AddSource(source).apply(briefing)
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]{40,}", source.text)]
    sections = [s.id for s in briefing.sections]
    count = 0
    for _ in range(rounds):
        for start, end in spans:
            section = sections[count % len(sections)]
            file_excerpt(section, new_excerpt(source, start, end)).apply(briefing)
            count += 1
            if count % 3 == 0:
                add_note(section, f"Analyst's note {count}: to be checked with the desk.").apply(briefing)
    return briefing


def _runs(page: object) -> list[tuple[str, float, float]]:
    """(text, x, font size) of each text run on a page."""
    runs: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            runs.append((text.strip(), tm[4] * cm[0] + tm[5] * cm[2] + cm[4], size * (cm[0] or 1)))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return runs


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory, gc_template: Template) -> PdfReader:
    path = export_briefing(long_note(gc_template, 7), gc_template, tmp_path_factory.mktemp("long") / "long.pdf")
    return PdfReader(path)


def test_every_bookmark_points_at_the_page_of_its_heading(long_pdf: PdfReader, gc_template: Template) -> None:
    assert len(long_pdf.pages) >= 10
    outline = long_pdf.outline
    assert [o.title for o in outline] == [s.heading for s in gc_template.sections]  # no sources list in GC notes
    pages = [long_pdf.get_destination_page_number(o) for o in outline]
    assert pages == sorted(pages) and pages[-1] >= 8  # they were all page 1
    for entry, number in zip(outline, pages, strict=True):
        lines = (long_pdf.pages[number].extract_text() or "").splitlines()
        assert entry.title in lines, (entry.title, number)


def test_every_page_has_a_mark_for_each_of_its_footnotes(long_pdf: PdfReader) -> None:
    left = 25 * 72 / 25.4  # the template's left margin: footnote numbers hang there, marks follow the text
    seen: list[int] = []
    for number, page in enumerate(long_pdf.pages, start=1):
        small = [(text, x) for text, x, size in _runs(page) if abs(size - MARK) < 0.2 and text.isdigit()]
        marks = sorted(int(t) for t, x in small if x > left + 5)
        notes = sorted(int(t) for t, x in small if abs(x - left) < 1)
        assert marks == notes, f"page {number}: marks {marks}, footnotes {notes}"
        seen += notes
    assert seen == list(range(1, len(seen) + 1)) and len(seen) > 40


def _pdf(body: list[Node], citations: list[Citation] = ()) -> PdfReader:  # type: ignore[assignment]
    stream = io.BytesIO()
    write_pdf(DocumentTree("T", "", "UNCLASSIFIED", False, [], body, list(citations), [], marking_placement=()), stream)
    return PdfReader(stream)


def test_a_heading_longer_than_a_page_splits_with_its_bookmark_on_its_first_page() -> None:
    long = " ".join(f"heading{n}" for n in range(900))  # a TypeError in the heading's split
    reader = _pdf([Heading(long, anchor="long"), BodyText("Body after it."), Heading("Next", anchor="next")])
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    assert len(reader.pages) >= 3 and re.findall(r"heading\d+", text) == long.split()
    assert "Body after it." in text
    pages = [reader.get_destination_page_number(o) for o in reader.outline]
    first = next(i for i, p in enumerate(reader.pages) if "heading0 " in (p.extract_text() or ""))
    assert [o.title for o in reader.outline] == [long, "Next"] and pages[0] == first and pages[1] > first


@pytest.mark.parametrize(
    "quote", ["השיחות בין קנדה לאיראן נמשכות מאז 2016, אמר Dion.", "قال Dion إن المحادثات بدأت عام 2016."]
)
def test_a_right_to_left_quotation_is_upright_and_indented(quote: str) -> None:
    citation = Citation(1, "A source, para. 2.", "", "s")
    reader = _pdf([Quotation(quote, citation, rtl=True)], [citation])
    fonts: dict[str, list[str]] = {}
    xs: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: dict | None, size: float) -> None:
        if text.strip() and font and size > 10:  # the quotation itself, not its mark or its footnote
            fonts.setdefault(str(font["/BaseFont"]).split("+")[-1], []).append(text.strip())
            xs.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

    reader.pages[0].extract_text(visitor_text=visit)
    assert "LiberationSans-Italic" not in fonts, fonts  # its digits and Latin words were slanted
    assert any("2016" in t for t in fonts.get("LiberationSans", [])) and len(fonts) <= 2
    left, right = 25 * 72 / 25.4, (8.5 - 25 / 25.4) * 72
    indent = 12 * 72 / 25.4
    assert min(xs) > left + indent - 1 and max(xs) < right - indent


def test_a_right_to_left_source_title_keeps_the_footnote_left_to_right() -> None:
    # the footnote and the sources list follow the note (left to right), the Persian title embedded in them:
    # guessed from the first letter, the whole footnote was drawn right to left (".fa.txt, para. 2 ,”…“")
    text = "“خبرگزاری ایران”, fa.txt, para. 2."
    citation = Citation(1, text, "", "s")
    stream = io.BytesIO()
    tree = DocumentTree("T", "", "UNCLASSIFIED", False, [], [Quotation("A quote.", citation)], [citation], [])
    tree.sources.append(SourceEntry(text))
    write_pdf(dataclasses.replace(tree, marking_placement=()), stream)
    # the runs of each line in the order they are drawn, left to right (text extractors reorder Arabic script)
    rows: dict[float, list[str]] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: dict | None, size: float) -> None:
        if text.strip():
            rows.setdefault(round(tm[4] * cm[1] + tm[5] * cm[3] + cm[5]), []).append(text.strip())

    PdfReader(stream).pages[0].extract_text(visitor_text=visit)
    drawn = [runs for runs in rows.values() if any("fa.txt" in run for run in runs)]
    assert len(drawn) == 2, rows  # the footnote and the sources entry
    for runs in drawn:
        title = next(i for i, run in enumerate(runs) if "خبرگزاری" in run)
        assert runs[title - 1] == "“" and runs[-1] == "fa.txt, para. 2.", runs  # the title first, "2." last


def test_a_heading_is_kept_with_the_first_lines_of_its_paragraph_not_all_of_it() -> None:
    # as Word keeps a heading with the next paragraph: the heading at a page's foot with two or more of the
    # paragraph's lines, the rest on the next page (ReportLab's keepWithNext moved the whole paragraph over)
    long = "Begin " + " ".join(f"word{n}" for n in range(300)) + " Finish"
    split_under_heading = 0
    for fillers in range(20, 34):
        body: list[Node] = [BodyText(f"Filler line {n}.") for n in range(fillers)]
        reader = _pdf([*body, Heading("Kept heading", anchor="kept"), BodyText(long)])
        pages = [page.extract_text() or "" for page in reader.pages]

        def page_of(word: str, pages: list[str] = pages) -> int:
            return next(i for i, text in enumerate(pages) if word in text)

        assert page_of("Kept heading") == page_of("Begin"), fillers  # never alone at a page's foot
        if page_of("Kept heading") == 0 and page_of("Finish") == 1:
            split_under_heading += 1
            first_page_words = re.findall(r"word\d+", pages[0])
            assert len(first_page_words) > 15, fillers  # at least two lines of it under the heading
    assert split_under_heading > 0


def test_a_quotation_that_fits_but_for_its_footnote_leaves_its_last_lines_to_the_next_page() -> None:
    # Word and LibreOffice put the lines before the mark's on the page and the last ones, with the mark and its
    # footnote, on the next; the PDF moved the whole quotation on, leaving the page's foot empty (a page more)
    from briefing.export import pdf
    from briefing.export.pdfflow import FootnoteArea, Footnoted, FootnoteParagraph
    from briefing.export.pdftext import SANS, register

    register(SANS)
    st = pdf.Styles(12, SANS, SANS)
    quotation = pdf._quote_paragraph("Officials expect the next round of talks to follow. " * 12, False, st, 468, "7")
    whole = quotation.wrap(468, 1e5)[1]
    lines = len(quotation.blPara.lines)
    note = FootnoteParagraph("“Canada Confirms Talks”, canada-iran-talks.txt, para. 3.", st.footnote, bulletText="7")
    item = Footnoted(quotation, [note], FootnoteArea(468))
    room = whole + 2  # the quotation fits; with its footnote it does not
    assert item.wrap(468, room)[1] > room  # so the frame splits it
    first, last = item.split(468, room)
    assert not isinstance(first, Footnoted) and isinstance(last, Footnoted) and last.notes == [note]
    first.wrap(468, room)
    last.wrap(468, 1e5)
    assert (len(first.blPara.lines), len(last.content.blPara.lines)) == (lines - 2, 2)  # (no line left alone)
    assert (first.mark, last.content.mark) == ("", "7")
