"""Importers report how far they are through a progress callback, and a callback can cancel the import."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.importers import ImportCancelled, SourceImportError, import_file, import_file_with_warnings


def write_pdf(path: Path, pages: int) -> Path:
    """A PDF of `pages` pages, each with a heading and a paragraph of its own."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=letter)
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica-Bold", 16)
        pdf.drawString(72, 700, f"Chapter {number}")
        pdf.setFont("Helvetica", 11)
        for line in range(8):
            pdf.drawString(72, 660 - 14 * line, f"Line {line + 1} of page {number} says something worth quoting.")
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_reports_every_page_in_order(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "report.pdf", 12)
    seen: list[tuple[int, int]] = []
    result = import_file_with_warnings(path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, 12) for n in range(13)]  # before the first page, then after each one
    assert result.source.meta.pages == 12
    assert "Line 8 of page 12" in result.source.text


def test_cancelling_from_the_callback_stops_at_the_next_page(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "report.pdf", 12)
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done == 3:
            raise ImportCancelled

    with pytest.raises(ImportCancelled):  # not turned into a SourceImportError ("could not be read")
        import_file_with_warnings(path, progress=progress)
    assert seen == [0, 1, 2, 3]


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Quarterly review", 1)
    document.add_paragraph("The committee met twice and agreed on the budget.")
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("note.txt", "A title\n\nThe body of a plain text note, long enough to be a paragraph."),
        ("page.html", "<html><head><title>Page</title></head><body><p>A paragraph of a page.</p></body></html>"),
        ("mail.eml", "From: a@example.org\nSubject: Hello\nDate: Mon, 4 Jan 2021 10:00:00 +0000\n\nThe body.\n"),
        ("memo.docx", None),
    ],
)
def test_other_formats_report_their_stages_up_to_the_total(tmp_path: Path, name: str, content: str | None) -> None:
    path = tmp_path / name
    if content is None:
        write_docx(path)
    else:
        path.write_text(content, encoding="utf-8")
    seen: list[tuple[int, int]] = []
    import_file_with_warnings(path, progress=lambda done, total: seen.append((done, total)))
    assert seen, "no progress reported"
    done = [d for d, _ in seen]
    assert done == sorted(done) and len({t for _, t in seen}) == 1
    assert seen[-1][0] == seen[-1][1]


def test_without_a_callback_nothing_changes(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "report.pdf", 2)
    assert "Chapter 2" in import_file(path).text
    with pytest.raises(SourceImportError):
        import_file(tmp_path / "missing.pdf")
