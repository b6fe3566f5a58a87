"""Arabic, Persian and Hebrew have no italics: their italic runs are upright in the PDF as in the DOCX (Word and
LibreOffice do not apply `w:i` to complex-script text), while a Latin word in italics stays italic."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from briefing.core.operations import add_note
from briefing.core.script import has_rtl
from briefing.core.templates import load_catalog, new_briefing
from briefing.export import export_briefing
from tests.export.test_pdf import _text_runs

HEBREW = "שָׁלוֹם עֲלֵיכֶם"


def test_italic_hebrew_is_upright_and_an_italic_latin_word_stays_italic(tmp_path: Path) -> None:
    template = load_catalog().get("gc-briefing-note")
    briefing = new_briefing(template, title="Italics")
    section = briefing.sections[0].id
    for text in (
        f"1. *{HEBREW}* וּבְרָכָה",  # a right-to-left list item (QA's case: LiberationSans-Italic drew it)
        f"*{HEBREW} וּבְרָכָה, said the minister*",  # a left-to-right paragraph with an italic Hebrew phrase
        f"*{HEBREW} Geneva* וּבְרָכָה",  # a right-to-left paragraph, a Latin word in the italic run
    ):
        add_note(section, text).apply(briefing)
    runs = _text_runs(export_briefing(briefing, template, tmp_path / "i.pdf").read_bytes())
    hebrew = {font for text, _, _, font, _ in runs if has_rtl(text)}
    assert hebrew and not any("Italic" in font for font in hebrew), hebrew
    latin = {font for text, _, _, font, _ in runs if "minister" in text or "Geneva" in text}
    assert latin == {"LiberationSans-Italic"}
    # the DOCX: w:i (which Word ignores on Hebrew) but never w:iCs, which would slant it
    document = Document(str(export_briefing(briefing, template, tmp_path / "i.docx")))
    italic_hebrew = [r for p in document.paragraphs for r in p.runs if has_rtl(r.text) and r.font.italic]
    assert italic_hebrew and not any(r.font.cs_italic for r in italic_hebrew)
