"""Each line of the PDF where Word puts the DOCX's (as LibreOffice lays it out with the same fonts): the gaps under
the title block, around headings and between list items, the ones that add up down a page to a different page break.

Found by comparing the two (self-QA of 7 Dec 2026): the PDF's list items were 0.8 pt closer than the DOCX's List
Paragraph's (0.2 font sizes after each, against 3 pt), none after a sub-list's last item and 0.35 sizes after a
list's; its headings 1.5 pt shorter (Word gives the DOCX heading's bottom border 1 pt of space and its 0.5 pt
width); and its title block 4.4 pt further from the first heading (a Spacer where the DOCX has space after, which
Word, as ReportLab, merges with the heading's space before)."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.core.model import Note
from briefing.core.templates import load_catalog, new_briefing
from briefing.export import export_briefing
from tests.export.test_docx import _with_bundled_fonts
from tests.export.test_pdf_layout import _spans

LISTS = "5. fifth\n6. sixth\n  a) sub a\n  b) sub b\n    - deep\n      1. deeper\n  c) sub c\n7. seventh"
NOTES = [
    ("background", "The first paragraph, under the first heading."),
    ("background", LISTS),
    ("background", "A paragraph after the list.\n\n- one\n- two\n- שלום **עולם** כאן"),
    ("positions", "- a list right under a heading\n- and its **second** item"),
    ("positions", "The *last* paragraph of this section."),
    ("open-issues", "1. one\n2. two"),
]


def _baselines(path: Path) -> list[tuple[str, float]]:
    """Each line of page 1 under the marking, by its first piece of text, with its baseline (from the page's top)."""
    lines: dict[float, str] = {}
    for text, _, _, y in _spans(path):
        if 60 < y < 700:
            lines.setdefault(round(y, 1), text)
    return [(text, y) for y, text in sorted(lines.items())]


@pytest.mark.slow
@pytest.mark.parametrize("template_id", ["information-note", "gc-briefing-note"])
def test_every_line_is_where_word_puts_it(tmp_path: Path, template_id: str) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    template = load_catalog().get(template_id)
    briefing = new_briefing(template, title="Lines", prepared_by="A. Analyst")
    ids = {section.id for section in briefing.sections}
    for index, (section, text) in enumerate(NOTES):
        section = section if section in ids else briefing.sections[index % 3].id  # (the GC note's own sections)
        briefing.section(section).items.append(Note(id=f"n{index}", text=text))
    pdf = export_briefing(briefing, template, tmp_path / "n.pdf")
    export_briefing(briefing, template, tmp_path / "n.docx")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "lo"), str(tmp_path / "n.docx")],
        check=True, capture_output=True, timeout=300, env=_with_bundled_fonts(tmp_path),
    )  # fmt: skip
    ours, word = _baselines(pdf), _baselines(tmp_path / "lo" / "n.pdf")
    assert [text for text, _ in ours] == [text for text, _ in word]
    title = next(i for i, (text, _) in enumerate(ours) if text == "Lines")
    for (text, mine), (_, office) in zip(ours, word, strict=True):
        # the same distance from the title's line, within the text's own place in its line (LibreOffice sets it
        # about a point lower than ReportLab, by its size: 0.4 pt more for a heading than for body text)
        assert mine - ours[title][1] == pytest.approx(office - word[title][1], abs=1.2), text


def test_list_items_are_the_docx_list_paragraphs_3_pt_apart(tmp_path: Path) -> None:
    """Without LibreOffice: every item a line and 3 pt under the one before, also after a sub-list ends."""
    template = load_catalog().get("information-note")
    briefing = new_briefing(template, title="Lines")
    briefing.sections[0].items.append(Note(id="n-list", text=LISTS))
    lines = _baselines(export_briefing(briefing, template, tmp_path / "n.pdf"))
    items = [y for text, y in lines if text in ("5.", "6.", "a)", "b)", "•", "1.", "c)", "7.")]
    assert len(items) == 8
    steps = [after - before for before, after in itertools.pairwise(items)]
    assert steps == pytest.approx([template.font_size_pt * 1.35 + 3] * 7, abs=0.11)  # (lines at a tenth of a point)
