"""An e-mail added in the window offers its readable attachments as further sources."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tests.importers.msgbuild import compound_file, file_attachment, message

SAMPLES = Path(__file__).parents[1] / "importers" / "samples"


def _mail(tmp_path: Path, *, report: bool = True) -> Path:
    path = tmp_path / "mail.msg"
    attachments = [file_attachment("photo.jpg", b"\xff\xd8\xff not a picture")]
    if report:
        attachments.insert(0, file_attachment("report.docx", (SAMPLES / "same-content.docx").read_bytes()))
    path.write_bytes(compound_file(message("Weekly report", "See attached.", attachments=attachments)))
    return path


def test_accepting_adds_the_readable_attachments(window, tmp_path: Path, qtbot, prompts) -> None:
    prompts.answers["Add Attachments"] = QMessageBox.StandardButton.Yes
    before = len(window.document.briefing.sources)
    window.import_files([_mail(tmp_path)])
    qtbot.waitUntil(lambda: len(window.document.briefing.sources) == before + 2, timeout=20_000)
    added = window.document.briefing.sources[before:]
    assert [s.meta.file_name for s in added] == ["mail.msg", "report.docx"]
    assert added[1].text.startswith("Summary\n\nThe port of Ōsaka")
    (text,) = [t for _kind, title, t in prompts.calls if title == "Add Attachments"]
    assert "Weekly report has attachments: report.docx." in text
    assert (
        "Pictures not added: photo.jpg. Save them (Source > Save Attachment As…) and add them as sources to read them by OCR."
        in text
    )


def test_declining_adds_the_message_only(window, tmp_path: Path, qtbot, prompts) -> None:
    before = len(window.document.briefing.sources)
    with qtbot.waitSignal(window.sources.importer.imported, timeout=20_000):
        window.import_files([_mail(tmp_path)])
    qtbot.wait(200)
    assert [s.meta.file_name for s in window.document.briefing.sources[before:]] == ["mail.msg"]
    assert not window.sources.importer.running
    assert prompts.titles("question") == ["Add Attachments"]


def test_picture_only_attachments_are_told_in_the_status_bar(window, tmp_path: Path, qtbot, prompts) -> None:
    messages: list[str] = []
    window.sources.message.connect(lambda text, _ms: messages.append(text))
    before = len(window.document.briefing.sources)
    with qtbot.waitSignal(window.sources.importer.imported, timeout=20_000):
        window.import_files([_mail(tmp_path, report=False)])
    assert [s.meta.file_name for s in window.document.briefing.sources[before:]] == ["mail.msg"]
    assert prompts.calls == []  # nothing to ask about
    assert messages[-1] == (
        "Weekly report: Pictures not added: photo.jpg. Save them (Source > Save Attachment As…) and add them as sources to read them by OCR."
    )
