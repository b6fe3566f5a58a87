"""The same pages in Word as in the PDF: the DOCX (Arial, as LibreOffice lays it out with Arial's metric twin) has
as many pages as the PDF (drawn with that twin) and as the page count, for a short, a medium and a long note."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing import paths
from briefing.core.operations import add_note
from briefing.core.templates import load_catalog, new_briefing
from briefing.export import export_briefing
from briefing.export.pages import count_pages
from tests.export.test_docx import _with_bundled_fonts
from tests.export.test_pdf_pages import long_note


@pytest.mark.slow
@pytest.mark.parametrize(
    ("template_id", "size", "pages"), [("gc-briefing-note", 12, (1, 3, 37)), ("information-note", 11, (1, 2, 34))]
)
def test_docx_pdf_and_count_have_the_same_pages(
    tmp_path: Path, template_id: str, size: float, pages: tuple[int, int, int]
) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    template = load_catalog().get(template_id)
    assert (template.body_font, template.heading_font, template.font_size_pt) == ("Arial", "Arial", size)
    expected = dict(zip(("one", "three", "long"), pages, strict=True))
    counts: dict[str, tuple[int, int]] = {}
    for name, rounds in (("one", 0), ("three", 1), ("long", 20)):
        briefing = long_note(template, max(rounds, 1))
        if rounds == 0:  # three excerpts
            for index, section in enumerate(briefing.sections):
                section.items = section.items[:1] if index < 3 else []
        pdf = export_briefing(briefing, template, tmp_path / f"{name}.pdf")
        export_briefing(briefing, template, tmp_path / f"{name}.docx")
        counts[name] = (count_pages(briefing, template).pages, len(PdfReader(pdf).pages))
    out = tmp_path / "lo"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *(str(tmp_path / f"{name}.docx") for name in expected)],
        check=True, capture_output=True, timeout=300, env=_with_bundled_fonts(tmp_path),
    )  # fmt: skip
    for name, pages in expected.items():
        word = len(PdfReader(out / f"{name}.pdf").pages)
        assert (*counts[name], word) == (pages, pages, pages), name


@pytest.mark.slow
def test_a_note_of_numbered_paragraphs_has_the_same_pages(tmp_path: Path) -> None:
    # the analyst's own paragraphs, numbered, some with a list under them: a numbered paragraph's text indent
    # was 22 pt in the PDF and 1 cm in Word, and the pages drifted apart
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    template = dataclasses.replace(load_catalog().get("information-note"), number_paragraphs=True)
    briefing = new_briefing(template, title="Canada–Iran: numbered paragraphs", prepared_by="A. Analyst")
    article = paths.resource("demo", "canada-iran-talks.txt").read_text(encoding="utf-8")
    paragraphs = re.findall(r"[^\n]{40,}", article)
    sections = [s.id for s in briefing.sections]
    for count in range(120):
        text = paragraphs[count % len(paragraphs)]
        if count % 4 == 3:
            text += "\n- " + paragraphs[(count + 1) % len(paragraphs)] + "\n  - a nested point to check"
        add_note(sections[count % len(sections)], text).apply(briefing)
    pdf = export_briefing(briefing, template, tmp_path / "numbered.pdf")
    export_briefing(briefing, template, tmp_path / "numbered.docx")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "lo"), str(tmp_path / "numbered.docx")],
        check=True, capture_output=True, timeout=300, env=_with_bundled_fonts(tmp_path),
    )  # fmt: skip
    word = len(PdfReader(tmp_path / "lo" / "numbered.pdf").pages)
    counted = count_pages(briefing, template).pages
    assert (counted, len(PdfReader(pdf).pages), word) == (counted, counted, counted) and counted > 5
    # and the same indents: the left edges of the paragraphs' lines and of the lists' (the set of them, in points)
    assert _left_edges(tmp_path / "lo" / "numbered.pdf") == _left_edges(pdf)


def _left_edges(path: Path) -> set[int]:
    """Where the long lines of the second page (all body) start, in whole points."""
    edges: set[int] = set()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if len(text.strip()) > 20:  # a line of text, not a number or a bullet
            edges.add(round(tm[4] * cm[0] + tm[5] * cm[2] + cm[4]))

    PdfReader(path).pages[1].extract_text(visitor_text=visit)
    return edges
