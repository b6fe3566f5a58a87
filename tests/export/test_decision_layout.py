"""The decision block takes the same room in the PDF as the DOCX's in Word (as LibreOffice lays it out), so a note
whose block just fits at the foot of a page in Word fits there in the PDF and in the page count too.

The PDF's options were 3 pt further apart (a table's default cell padding), its lines to sign 0.85 font sizes lower
and its labels' row 3 pt taller than the DOCX's paragraphs: a block Word kept on page 1 went to page 2 in the PDF
(and "pages" said 2 where Word printed 1)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.core.model import Briefing
from briefing.core.operations import add_note
from briefing.core.templates import Template, load_catalog, new_briefing
from briefing.export import export_briefing
from briefing.export.pages import count_pages
from tests.export.test_docx import _with_bundled_fonts
from tests.export.test_pdf_layout import _spans


def _note(template: Template, fillers: int) -> Briefing:
    briefing = new_briefing(template, title="Decision", prepared_by="A. Analyst", purpose="for-decision")
    for index in range(fillers):
        add_note(briefing.sections[index % 3].id, f"Filler line number {index}.").apply(briefing)
    return briefing


@pytest.mark.parametrize("template_id", ["information-note", "gc-briefing-note"])
def test_the_blocks_lines_are_where_word_puts_them(tmp_path: Path, template_id: str) -> None:
    """Measured on LibreOffice's layout of the DOCX: options a line and half a font size apart, the baseline of the
    labels under the lines 4.7 font sizes under the last option's (the line 3.5 sizes under it, the label 1.2)."""
    template = load_catalog().get(template_id)
    size = template.font_size_pt
    spans = _spans(export_briefing(_note(template, 3), template, tmp_path / "n.pdf"))
    concur = [y for text, _, _, y in spans if text.endswith("concur")]
    date = next(y for text, _, _, y in spans if text == "Date")
    assert concur[1] - concur[0] == pytest.approx(size * 1.35 + size * 0.5, abs=0.01)
    assert date - concur[1] == pytest.approx(size * 4.7, abs=0.01)


@pytest.mark.slow
def test_a_block_at_the_foot_of_a_page_has_the_same_pages_in_word(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    counts: dict[str, tuple[int, int]] = {}
    for template_id, fillers in (("information-note", range(13, 21)), ("gc-briefing-note", range(13, 20))):
        template = load_catalog().get(template_id)
        for count in fillers:  # notes added one by one push the block over the foot of page 1
            briefing = _note(template, count)
            name = f"{template_id}-{count}"
            pdf = export_briefing(briefing, template, tmp_path / f"{name}.pdf")
            export_briefing(briefing, template, tmp_path / f"{name}.docx")
            counts[name] = (count_pages(briefing, template).pages, len(PdfReader(pdf).pages))
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "lo"), *(str(tmp_path / f"{name}.docx") for name in counts)],
        check=True, capture_output=True, timeout=600, env=_with_bundled_fonts(tmp_path),
    )  # fmt: skip
    word = {name: len(PdfReader(tmp_path / "lo" / f"{name}.pdf").pages) for name in counts}
    assert {name: (*pages, word[name]) for name, pages in counts.items()} == {
        name: (word[name],) * 3 for name in counts
    }
    assert set(word.values()) == {1, 2}  # (the range does cross the foot of page 1)
