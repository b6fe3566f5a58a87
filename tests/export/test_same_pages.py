"""The same pages in Word as in the PDF: the DOCX (Arial, as LibreOffice lays it out with Arial's metric twin) has
as many pages as the PDF (drawn with that twin) and as the page count, for a short, a medium and a long note."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.core.templates import load_catalog
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
