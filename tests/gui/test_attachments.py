"""An e-mail added in the window offers its readable attachments as further sources."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tests.gui.test_screen_reader import announced  # noqa: F401  (a fixture)
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
    window.resize(1600, 800)  # wide enough for the whole warning (else a box says it)
    messages: list[str] = []
    window.sources.message.connect(lambda text, _ms: messages.append(text))
    before = len(window.document.briefing.sources)
    with qtbot.waitSignal(window.sources.importer.imported, timeout=20_000):
        window.import_files([_mail(tmp_path, report=False)])
    assert [s.meta.file_name for s in window.document.briefing.sources[before:]] == ["mail.msg"]
    assert prompts.calls == []  # nothing to ask about
    assert messages[-1] == (
        "Added Weekly report — Pictures not added: photo.jpg. Save them (Source > Save Attachment As…) and add them as sources to read them by OCR."
    )


def test_a_batchs_warnings_are_told_when_it_ends_naming_each_file(
    window,
    tmp_path: Path,
    qtbot,
    prompts,
    announced: list[str],  # noqa: F811
) -> None:
    """QA: of files added together, an earlier file's warning was replaced at once by the last file's "Added"."""
    window.resize(1600, 800)  # wide enough for the whole warning in the status bar
    sources = window.document.briefing.sources
    plain = [tmp_path / "plain.txt", tmp_path / "other.txt"]
    for number, path in enumerate(plain):
        path.write_text(f"Plain memo {number}\n\nNothing to say.\n", encoding="utf-8")
    window.import_files([_mail(tmp_path, report=False), plain[0]])
    qtbot.waitUntil(lambda: len(sources) == 4 and not window.sources.importer.running, timeout=20_000)
    told = (
        "Added Weekly report — Pictures not added: photo.jpg. Save them (Source > Save Attachment As…) and add them "
        "as sources to read them by OCR."
    )
    assert window.statusBar().currentMessage() == told  # after plain.txt's "Added", and kept until the next one
    assert told in announced
    assert prompts.calls == []
    # two files with warnings: one box when the batch ends, naming each file with its warning
    memo = tmp_path / "memo.txt"
    memo.write_bytes("Memo on sanctions\n\nThe embassy will not reopen this year.\n".encode("utf-16-le"))  # no BOM
    mail = tmp_path / "monthly.msg"
    mail.write_bytes(
        compound_file(
            message("Monthly report", "See attached.", attachments=[file_attachment("logo.png", b"\x89PNG no")])
        )
    )
    window.import_files([mail, memo, plain[1]])
    qtbot.waitUntil(lambda: len(sources) == 7 and not window.sources.importer.running, timeout=20_000)
    [(kind, title, text)] = prompts.calls
    assert (kind, title) == ("warning", "Sources Added With Warnings")
    lines = text.split("\n\n")  # a file a paragraph
    assert lines[0] == "Added, with warnings:"
    assert lines[1].startswith("Monthly report: Pictures not added: logo.png.")
    assert lines[2] == (
        "Memo on sanctions: the file has no byte-order mark; it was read as utf-16-le (Source > Reopen With Encoding…)"
    )
    assert len(lines) == 3


def _add_unsure_memo(window, tmp_path: Path, qtbot) -> str:
    """One file added with a warning (UTF-16 without its byte-order mark); returns the warning the window tells."""
    memo = tmp_path / "memo.txt"
    memo.write_bytes("Memo on sanctions\n\nThe embassy will not reopen this year.\n".encode("utf-16-le"))
    before = len(window.document.briefing.sources)
    window.import_files([memo])
    qtbot.waitUntil(
        lambda: len(window.document.briefing.sources) == before + 1 and not window.sources.importer.running,
        timeout=20_000,
    )
    return (
        "Added Memo on sanctions — the file has no byte-order mark; it was read as utf-16-le "
        "(Source > Reopen With Encoding…)"
    )


def test_one_files_warning_comes_back_after_a_status_tip(
    window,
    tmp_path: Path,
    qtbot,
    prompts,
    announced: list[str],  # noqa: F811
) -> None:
    """QA 5 #13: the pointer crossing a toolbar button (its status tip shown, then cleared) wiped the warning."""
    from PySide6.QtGui import QStatusTipEvent
    from PySide6.QtWidgets import QApplication

    window.resize(1600, 800)
    told = _add_unsure_memo(window, tmp_path, qtbot)
    assert window.statusBar().currentMessage() == told and told in announced
    button = window.toolbar.widgetForAction(window.actions_["add_source"])
    QApplication.sendEvent(button, QStatusTipEvent("Add a source (Ctrl+Shift+O)"))  # the pointer over the button
    assert window.statusBar().currentMessage() == "Add a source (Ctrl+Shift+O)"
    QApplication.sendEvent(button, QStatusTipEvent(""))  # and off it
    assert window.statusBar().currentMessage() == told
    window.status.tell("Saved", 0)  # the next message replaces it for good
    QApplication.sendEvent(button, QStatusTipEvent(""))
    assert window.statusBar().currentMessage() == "Saved"
    window.statusBar().clearMessage()
    QApplication.sendEvent(button, QStatusTipEvent(""))
    assert window.statusBar().currentMessage() == ""
    assert prompts.calls == []


def test_one_files_warning_too_long_for_the_bar_is_a_box(window, tmp_path: Path, qtbot, prompts) -> None:
    """QA 5 #13: the warning ran under the word count, cut off; too long for the bar, a box says it whole."""
    window.resize(600, 800)
    told = _add_unsure_memo(window, tmp_path, qtbot)
    assert not window.status.fits(told)
    [(kind, title, text)] = prompts.calls
    assert (kind, title) == ("warning", "Source Added With Warnings")
    assert text == "Added, with warnings:\n\n" + told.removeprefix("Added ").replace(" — ", ": ", 1)
    assert window.statusBar().currentMessage() != told
