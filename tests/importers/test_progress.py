"""Importers report how far they are through a progress callback, and a callback can cancel the import."""

from __future__ import annotations

import io
import sys
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


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_command_line_shows_a_long_import_on_one_terminal_line_and_wipes_it(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from briefing.cli import main
    from briefing.cli import terminal as cli_terminal

    path = write_pdf(tmp_path / "report.pdf", 12)
    clock = iter(range(0, 1000, 1))  # each reading of the clock is a second later: nothing is held back
    monkeypatch.setattr(cli_terminal.time, "monotonic", lambda: next(clock) * 1.0)
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["import", str(path)]) == 0
    written = terminal.getvalue()
    lines = written.split("\r")
    assert lines[1] == "Importing report.pdf: page 0 of 12"  # as soon as the delay has passed
    assert "Importing report.pdf: page 12 of 12" in lines
    assert lines[-1] == "" and set(lines[-2]) == {" "}  # the line is wiped at the end
    assert "report.pdf: Chapter 1" in capsys.readouterr().out  # the summary is untouched, on stdout


def test_a_terminal_line_is_throttled_and_padded_over_a_longer_one(monkeypatch) -> None:
    from briefing.cli import terminal as cli_terminal

    now = [0.0]
    monkeypatch.setattr(cli_terminal.time, "monotonic", lambda: now[0])
    terminal = FakeTerminal()
    progress = cli_terminal.TerminalProgress("notes.html", terminal)
    progress(1, 2)  # before the delay: nothing
    now[0] = 0.5
    progress(10, 20)
    progress(11, 20)  # within a tenth of a second of the last update: skipped
    now[0] = 0.7
    progress(2, 20)
    progress.close()
    assert terminal.getvalue().split("\r") == [
        "",
        "Importing notes.html: step 10 of 20",
        "Importing notes.html: step 2 of 20 ",  # padded over the longer line before it
        " " * len("Importing notes.html: step 2 of 20"),
        "",
    ]


def test_nothing_is_written_when_stderr_is_not_a_terminal(tmp_path: Path, capsys) -> None:
    from briefing.cli import main

    assert main(["import", str(write_pdf(tmp_path / "report.pdf", 3))]) == 0
    assert capsys.readouterr().err == ""
