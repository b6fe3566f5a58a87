"""PDF import of pages of Arabic quotations with English comments and footnotes (QA11 D6, D9): each quotation one
paragraph, the English lines in their place, a paragraph cut by a page end joined past the page's footnotes."""

from __future__ import annotations

from pathlib import Path

from briefing.importers import import_file
from briefing.importers.pdf import Line, _continues, _paragraphs, _reading_order
from briefing.importers.pdf_glyphs import Glyph, glyph_lines

QUOTE = "بالموازاة مع ذلك وللإشارة إلى المنطقة المغاربية بشكل عام، كان المؤرخون العرب في القرون الوسطى"
LAST = "المملكة المغربية الحالية).5"
COMMENT = "Commentary 2: the regional context shows continuity in the Maghreb, as the sources above"


def test_a_right_to_left_line_ending_in_a_raised_note_number_keeps_its_baseline() -> None:
    # its leftmost glyph is its end, the note number, drawn 4.4 pt higher: taken for the line's height, it made the
    # line pitch above look 10.4 pt instead of 14.9, and every line of the page's quotations a paragraph
    glyphs = [Glyph(100.0, 104.0, 699.7, 6.0, "5"), Glyph(104.0, 106.0, 695.3, 11.0, ".")]
    glyphs += [Glyph(106.0 + 6 * i, 112.0 + 6 * i, 695.3, 11.0, "ب") for i in range(6)]
    [(_, y, _, _, _)] = glyph_lines(glyphs)
    assert y == 695.3


def test_english_lines_and_footnotes_on_a_right_to_left_page_make_no_second_column() -> None:
    # QA11 D6: mirrored, the English lines' ragged ends and the footnotes' ends lined up at x 348 like a right
    # column's left edge; the comments' second lines went to the page's foot, one glued onto an Arabic paragraph
    lines: list[Line] = []
    y = 700.0
    for _ in range(3):
        lines += [Line(113.0, y, 11.0, QUOTE, 506.6), Line(420.0, y - 14.9, 11.0, LAST, 506.6)]
        lines += [Line(70.9, y - 35.8, 11.0, COMMENT, 515.7), Line(70.9, y - 50.7, 11.0, "describe at length.", 160.7)]
        y -= 71.6
    lines += [Line(70.9, 160.0 - 12.1 * n, 8.5, f"{n + 1} “a source”, para. 1.", 262.7) for n in range(8)]
    groups = _reading_order(lines, 0.0, 612.0)
    assert len(groups) == 1
    texts = [para.text() for para in _paragraphs(groups, 11.0, page=(0.0, 612.0))]
    assert texts[:3] == [f"{QUOTE} {LAST}", f"{COMMENT} describe at length.", f"{QUOTE} {LAST}"]
    assert len(texts) == 3 * 2 + 8


def test_an_arabic_paragraph_on_an_english_page_is_not_cut_after_its_first_line() -> None:
    # QA11 D9 (LibreOffice's PDF of a DOCX): on a page read left to right an Arabic paragraph's lines are ragged on
    # the left; its first line, the longest, reached further left than the second, which looked indented: a new
    # paragraph. Its lines are now measured from their right edges, where they start.
    filler = "Filler line of the page, plain English text that is short."
    lines = [Line(90.1, 700.0 - 24.7 * i, 11.0, filler, 407.4) for i in range(20)]
    lines += [Line(95.8, 92.3, 11.0, QUOTE, 521.4), Line(116.1, 77.6, 11.0, QUOTE, 521.6)]
    texts = [para.text() for para in _paragraphs(_reading_order(lines, 0.0, 612.0), 11.0, page=(0.0, 612.0))]
    assert texts[-1] == f"{QUOTE} {QUOTE}"


def test_an_arabic_paragraph_cut_by_a_page_end_after_a_quotation_mark_goes_on() -> None:
    # QA11 D9: the page's last line, as long as the paragraph's others, ended on '"' (a quoted name inside the
    # sentence), which was taken for a paragraph's end
    before = ("paragraph", 0, f'{QUOTE} لفظ "بلاد المغرب"')
    assert _continues(before, "للدلالة على ثلاثة أقاليم", runs_on=True)
    assert not _continues(("paragraph", 0, f"{QUOTE}."), "للدلالة على ثلاثة أقاليم", runs_on=True)
    assert not _continues(before, "للدلالة على ثلاثة أقاليم", runs_on=False)


def test_a_paragraph_cut_by_a_page_end_goes_on_past_the_pages_footnotes(tmp_path: Path) -> None:
    # QA11 D6: the page's footnotes, set under its last paragraph, came between it and its end on the next page;
    # joined after them, each text keeps its page (the paragraph starts on page 1)
    from reportlab.pdfgen.canvas import Canvas

    line = "the delegation met again today and the officials discussed the sequence of steps toward"
    canvas = Canvas(str(tmp_path / "notes.pdf"), pagesize=(612, 792))
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 700, "A first paragraph of the page, which ends here.")
    for i in range(3):
        canvas.drawString(72, 676 - 14 * i, ("Analyst note: " if i == 0 else "") + line)
    canvas.setFont("Helvetica", 8)
    for n in (1, 2):
        canvas.drawString(72, 100 - 10 * n, f"{n} “Canada Confirms Talks”, para. {n}.")
    canvas.showPage()
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 700, "restoring relations, including consular services.")
    canvas.drawString(72, 676, "A paragraph of its own.")
    canvas.save()
    source = import_file(tmp_path / "notes.pdf")
    paragraphs = [source.text[b.start : b.end] for b in source.blocks]
    cut = f"Analyst note: {line} {line} {line} restoring relations, including consular services."
    assert paragraphs == [
        "A first paragraph of the page, which ends here.",
        "1 “Canada Confirms Talks”, para. 1.",
        "2 “Canada Confirms Talks”, para. 2.",
        cut,
        "A paragraph of its own.",
    ]
    assert source.text.index(cut) < source.meta.page_starts[1] == source.text.index("restoring")


def test_an_arabic_line_running_on_after_a_colon_goes_on_on_the_next_page() -> None:
    # QA11 D6: "… على ثلاثة أقاليم:" (three regions:) then the next page names them
    assert _continues(("paragraph", 0, f"{QUOTE} على ثلاثة أقاليم:"), "المغرب الأدنى", runs_on=True)
