"""A heading kept with its paragraph's first lines (pdfflow.KeepWithFirstLines) after a page filled to its foot:
the heading starts the next page, and no page comes out empty."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from briefing.core.model import Briefing
from briefing.core.operations import add_note
from briefing.core.templates import Template, load_catalog, new_briefing
from briefing.export import export_briefing
from briefing.export.pages import count_pages
from briefing.export.pdfflow import HeadingParagraph, KeepWithFirstLines
from tests.export.test_docx import _with_bundled_fonts


class Block(Flowable):
    """A box of a given height and space after, to fill a frame exactly."""

    def __init__(self, height: float, space_after: float) -> None:
        super().__init__()
        self.height, self.spaceAfter = height, space_after

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, self.height

    def draw(self) -> None:
        self.canv.rect(0, 0, 10, self.height)


@pytest.mark.parametrize("overfill", [0.5, 6.0])
def test_a_page_overfilled_by_a_space_after_does_not_leave_the_next_page_empty(tmp_path: Path, overfill: float) -> None:
    # the last flowable's space after runs past the frame's foot: the frame breaks the page before the heading
    # itself; the keeper, asked to wrap with no room, queued a break too, which then ended the next page
    styles = getSampleStyleSheet()
    frame = Frame(72, 72, 300, 400, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc = BaseDocTemplate(str(tmp_path / "k.pdf"), pagesize=LETTER, pageTemplates=[PageTemplate(frames=[frame])])
    heading = HeadingParagraph("Considerations", styles["Heading2"])
    body = Paragraph("The first lines of the section. " * 6, styles["BodyText"])
    doc.build([Block(395, 5 + overfill), KeepWithFirstLines([heading], body), heading, body])
    pages = [page.extract_text() for page in PdfReader(tmp_path / "k.pdf").pages]
    assert len(pages) == 2
    assert pages[1].startswith("Considerations")


def _generated_note(template: Template, notes: int, seed: int) -> Briefing:
    """A note of paragraphs, bullets with a sub-bullet, numbered lists, bold and italic, as QA generates them
    (pass 5's seed 4 fills page 1 to its foot just before "Considerations")."""
    rand = random.Random(seed)
    briefing = new_briefing(
        template,
        title="Pagination test note with a reasonably long title",
        title_fr="Note d'essai de pagination",
        language="en",
    )
    sentence = (
        "the minister confirmed that officials will meet in Geneva next week to discuss consular access and "
        "sanctions relief under existing agreements"
    )
    words = sentence.split()

    def para(count: int) -> str:
        return " ".join(rand.choice(words) for _ in range(count)).capitalize() + "."

    sections = [s.id for s in briefing.sections]
    for index in range(notes):
        kind = index % 4
        if kind == 0:
            text = para(rand.randint(20, 90))
        elif kind == 1:
            text = f"Points:\n- {para(8)}\n- {para(25)}\n  - {para(10)}\n- **{para(5)}**"
        elif kind == 2:
            text = f"1. {para(12)}\n2. {para(30)}\n3. *{para(6)}*"
        else:
            text = para(rand.randint(5, 40)) + "\n" + para(rand.randint(5, 30))
        add_note(sections[index % len(sections)], text).apply(briefing)
    return briefing


def _body_lines(text: str) -> list[str]:
    """A page's text without its marking and its "Page x of y"."""
    return [
        line
        for line in text.splitlines()
        if line.strip() and line.strip() != "UNCLASSIFIED" and not line.strip().startswith("Page ")
    ]


def test_a_page_full_to_its_foot_before_a_heading_is_followed_by_the_heading(tmp_path: Path) -> None:
    template = load_catalog().get("gc-briefing-note")
    briefing = _generated_note(template, notes=9, seed=4)
    reader = PdfReader(export_briefing(briefing, template, tmp_path / "full.pdf"))
    texts = [page.extract_text() for page in reader.pages]
    assert all(_body_lines(text) for text in texts), [len(_body_lines(t)) for t in texts]
    assert count_pages(briefing, template).pages == len(reader.pages) == 3  # as LibreOffice lays out the DOCX
    assert _body_lines(texts[1])[0] == "Considerations"


@pytest.mark.slow
def test_the_docx_of_that_note_has_as_many_pages(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    template = load_catalog().get("gc-briefing-note")
    briefing = _generated_note(template, notes=9, seed=4)
    pdf = export_briefing(briefing, template, tmp_path / "full.pdf")
    export_briefing(briefing, template, tmp_path / "full.docx")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "lo"), str(tmp_path / "full.docx")],
        check=True, capture_output=True, timeout=300, env=_with_bundled_fonts(tmp_path),
    )  # fmt: skip
    assert len(PdfReader(tmp_path / "lo" / "full.pdf").pages) == len(PdfReader(pdf).pages)
