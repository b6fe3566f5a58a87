"""A left-to-right paragraph quoting a right-to-left sentence that wraps: the lines are broken in reading (logical)
order and each line is then reordered, as the Unicode bidi algorithm, Word and LibreOffice do. The first line holds
the sentence's first words, the next line the rest (it printed the sentence end first: QA11 D4)."""

from __future__ import annotations

import io
import unicodedata

import pytest

from briefing.core.richtext import Run
from briefing.core.script import has_rtl
from briefing.export.pdf import write_pdf
from briefing.export.tree import BodyText, Citation, DocumentTree, ListBlock, ListEntry, Node, Quotation
from tests.export.test_pdf import _text_runs

PERSIAN = "این یک یادداشت کوتاه به زبان فارسی است که برای آزمایش نوشته شده است."
LEAD = "The analyst's summary of the regional context: Persian text follows — "


def _words(text: str) -> list[str]:
    return unicodedata.normalize("NFKC", text).replace(".", " ").split()


def _rtl_words_per_line(node: Node, citations: list[Citation]) -> list[list[str]]:
    """The right-to-left words drawn on each line of the PDF, top to bottom (each line's as a sorted list)."""
    tree = DocumentTree("T", "", "UNCLASSIFIED", False, [], [node], citations, [], marking_placement=())
    stream = io.BytesIO()
    write_pdf(tree, stream)
    lines: dict[float, list[str]] = {}
    for text, _, y, _, _ in _text_runs(stream.getvalue()):
        if has_rtl(text):
            lines.setdefault(round(y, 1), []).extend(_words(text))
    return [sorted(words) for _, words in sorted(lines.items(), reverse=True)]


def _assert_in_reading_order(lines: list[list[str]]) -> None:
    expected = _words(PERSIAN)
    assert len(lines) == 2, lines  # the sentence wraps once
    first = len(lines[0])
    assert lines[0] == sorted(expected[:first]), "the first line must hold the sentence's first words"
    assert lines[1] == sorted(expected[first:])


@pytest.mark.parametrize(("bold", "number"), [(False, 0), (True, 0), (False, 3)])
def test_a_wrapped_persian_sentence_in_an_english_paragraph_reads_from_its_start(bold: bool, number: int) -> None:
    runs = (Run(LEAD, bold=True), Run(PERSIAN)) if bold else ()
    _assert_in_reading_order(_rtl_words_per_line(BodyText(LEAD + PERSIAN, runs=runs, number=number), []))


def test_a_wrapped_persian_sentence_in_an_english_quotation_reads_from_its_start() -> None:
    citation = Citation(1, "Source, para. 1.", "", "s")
    quotation = Quotation("As the minister put it — " + PERSIAN + " He repeated it twice.", citation)
    _assert_in_reading_order(_rtl_words_per_line(quotation, [citation]))


def test_a_wrapped_persian_sentence_in_an_english_list_item_reads_from_its_start() -> None:
    text = "Under the heading of the text, in Persian: " + PERSIAN
    item = ListEntry(text, (Run(text),), "bullet")
    _assert_in_reading_order(_rtl_words_per_line(ListBlock((item,)), []))


def test_a_wrapped_persian_sentence_in_an_analysts_comment_reads_from_its_start() -> None:
    citation = Citation(1, "Source, para. 1.", "", "s")
    comment = "The phrase the source uses, in Persian: " + PERSIAN
    quotation = Quotation("Talks have started.", citation, comment=comment)
    _assert_in_reading_order(_rtl_words_per_line(quotation, [citation]))
