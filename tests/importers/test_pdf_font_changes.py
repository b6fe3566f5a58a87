"""A font change inside a line is no word gap (QA7 defect 7): a bold word before its colon, an italic word in
brackets, a bold name before its "'s" read back as printed, so the sentence can be quoted word for word."""

from __future__ import annotations

from pathlib import Path

from briefing.core.anchors import find_quote
from briefing.importers import import_file

SENTENCE = "Recommendation: approve the draft, then review the (final) text's key-points and Canada's position."
MARKED = "**Recommendation**: approve the **draft**, then *review* the (**final**) text's **key**-points and **Canada**'s position."


def test_briefings_own_pdf_has_no_space_where_the_font_changes(tmp_path: Path, capsys) -> None:
    from tests.test_cli import run

    note = tmp_path / "n.briefing"
    assert run(capsys, "new", str(note), "--title", "Font changes")[0] == 0
    assert run(capsys, "note", str(note), "--section", "background", "--text", MARKED)[0] == 0
    assert run(capsys, "note", str(note), "--section", "background", "--text", "Call **613**-555-0199 today.")[0] == 0
    assert run(capsys, "export", str(note), "-o", str(tmp_path / "n.pdf"))[0] == 0
    text = import_file(tmp_path / "n.pdf").text
    assert SENTENCE in text
    assert "Call 613-555-0199 today." in text
    assert find_quote(text, "approve the draft, then")


def test_reportlab_runs_in_other_fonts_join_as_drawn(tmp_path: Path) -> None:
    # ReportLab sets each font's run at the pen position the last one left: no gap, so no space; a real space
    # between two runs (drawn in either font) stays one space
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    paragraphs = [
        "<b>Issue</b>: the <i>draft</i> (<b>final</b>) text of <b>Canada</b>'s <font name='Courier'>note.pdf</font>.",
        "A <b>bold</b> word and an <i>italic</i> one, <b>un</b>believable.",
    ]
    SimpleDocTemplate(str(tmp_path / "r.pdf")).build([Paragraph(p, styles["BodyText"]) for p in paragraphs])
    text = import_file(tmp_path / "r.pdf").text
    assert "Issue: the draft (final) text of Canada's note.pdf." in text
    assert "A bold word and an italic one, unbelievable." in text
