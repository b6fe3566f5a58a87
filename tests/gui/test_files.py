"""Saving, opening, locks, the unsaved-changes prompt, autosave and recovery after a crash, remembered layout."""

from __future__ import annotations

import itertools
import json
import os
import socket
import sys
import time
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from briefing.core.lock import lock_path
from briefing.core.project_load import load_briefing
from briefing.core.project_save import save_briefing
from briefing.gui import recovery
from briefing.gui.app import create_window
from briefing.gui.i18n import moment

from .conftest import offsets_of, open_and_wait

Btn = QMessageBox.StandardButton


def file_one(window, quote: str = "cut ties with Tehran", section: str = "background") -> None:
    window.source_pane.select_source("src-a")
    window.source_view.select_offsets(*offsets_of(window.document.briefing, "src-a", quote))
    assert window.notes.file_into(section) is not None


def test_save_as_then_open_round_trip(window, tmp_path: Path, prompts, qtbot) -> None:
    file_one(window)
    assert window.isWindowModified()
    target = tmp_path / "note"
    prompts.save_as.append(str(target))
    assert window.files.save()  # no path yet: Save asks where
    saved = tmp_path / "note.briefing"
    assert saved.exists() and not window.isWindowModified()
    assert lock_path(saved).exists()  # we hold the owner lock while it is open
    assert load_briefing(saved).section("background").items[0].anchor.exact == "cut ties with Tehran"
    assert "note.briefing" in window.windowTitle()

    window.files.shutdown()
    assert not lock_path(saved).exists()
    from briefing.gui.main_window import MainWindow

    other = MainWindow()
    qtbot.addWidget(other)
    assert open_and_wait(other, saved)
    assert other.document.briefing.section("background").items[0].anchor.exact == "cut ties with Tehran"
    assert other.briefing_view.sections["background"].widgets
    assert other.files.recent()[0] == saved


def test_closing_with_unsaved_changes_asks(window, prompts, tmp_path: Path) -> None:
    file_one(window)
    prompts.answers["Unsaved changes"] = Btn.Cancel
    assert not window.close()
    assert window.isVisible()
    assert prompts.titles("question") == ["Unsaved changes"]

    prompts.answers["Unsaved changes"] = Btn.Save
    prompts.save_as.append(str(tmp_path / "kept.briefing"))
    assert window.close()
    assert load_briefing(tmp_path / "kept.briefing").section("background").items


def test_closing_without_changes_does_not_ask(window, prompts) -> None:
    assert window.close()
    assert prompts.calls == []


def test_autosave_and_recovery_after_a_crash(window, home: Path, prompts, qtbot) -> None:
    assert not window.files.autosave()  # nothing to save yet
    file_one(window)
    assert window.files.autosave_timer.isActive()
    assert window.files.autosave_timer.interval() == 30_000
    window.files.autosave_timer.timeout.emit()  # as if 30 s had passed
    window.files.wait_autosave()  # written on a worker thread
    store = window.files.store
    assert store.file.exists() and store.file.parent == home / "recovery"
    if os.name == "posix":  # copies of sensitive work: the folder is its owner's alone
        assert (home / "recovery").stat().st_mode & 0o777 == 0o700

    # Simulate a crash: the process that wrote the recovery file is gone, nothing was cleaned up.
    info = json.loads(store.info.read_text())
    info["pid"] = 2**22 + 12345  # no such process
    store.info.write_text(json.dumps(info))
    assert [e.file for e in recovery.pending()] == [store.file]

    prompts.answers["Recover unsaved work?"] = Btn.Yes
    restored = create_window()
    restored.files.wait_open()
    qtbot.addWidget(restored)
    assert prompts.titles("question")[-1] == "Recover unsaved work?"
    assert restored.document.briefing.section("background").items[0].anchor.exact == "cut ties with Tehran"
    assert restored.document.is_dirty()  # recovered work still needs saving
    assert restored.briefing_view.sections["background"].widgets
    assert not store.file.exists()  # the old copy is gone, the new session has its own
    assert restored.files.store.file.exists()


def test_discarding_at_the_recovery_prompt_deletes_the_copy(window, prompts, qtbot) -> None:
    file_one(window)
    window.files.autosave()
    window.files.wait_autosave()
    info = json.loads(window.files.store.info.read_text())
    info["pid"] = 2**22 + 12345
    window.files.store.info.write_text(json.dumps(info))
    prompts.answers["Recover unsaved work?"] = Btn.Discard
    fresh = create_window()
    qtbot.addWidget(fresh)
    assert recovery.pending() == []
    assert fresh.document.briefing.sources == []


def test_saving_removes_the_recovery_file(window, prompts, tmp_path: Path) -> None:
    file_one(window)
    window.files.autosave()
    window.files.wait_autosave()
    assert window.files.store.exists()
    prompts.save_as.append(str(tmp_path / "done.briefing"))
    window.files.save()
    assert not window.files.store.exists()
    assert not window.files.autosave() and not window.files.store.exists()  # nothing unsaved


def test_an_autosave_that_fails_leaves_no_temporary_file(window, home: Path, monkeypatch) -> None:
    file_one(window)
    real_replace = os.replace

    def disk_full_at_the_info(src, dst) -> None:
        if str(dst).endswith(".json"):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", disk_full_at_the_info)
    messages: list[str] = []
    window.files.message.connect(messages.append)
    assert window.files.autosave()  # started
    window.files.wait_autosave()
    assert messages and messages[-1].startswith("Autosave failed:") and "No space left on device" in messages[-1]
    assert sorted(p.name for p in (home / "recovery").iterdir()) == [window.files.store.file.name]


def test_locked_briefing_opens_read_only(window, briefing, prompts, tmp_path: Path) -> None:
    path = tmp_path / "shared.briefing"
    save_briefing(briefing, path)
    now = time.time()
    owner = {"user": "colleague", "host": socket.gethostname() + "-other", "pid": 4242, "since": now, "refreshed": now}
    lock_path(path).write_text(json.dumps(owner))
    prompts.answers["Briefing in use"] = Btn.Yes
    assert open_and_wait(window, path)
    text = prompts.calls[-1][2]
    # who, on which machine, since when, and how to clear a lock left behind
    assert "colleague on " + owner["host"] in text and moment(now) in text
    assert "delete this lock file" in text and text.endswith("\n" + str(lock_path(path)))  # never broken mid-line
    assert window.document.read_only
    assert "[read-only]" in window.windowTitle()
    assert window.status.read_only.isVisibleTo(window) and "colleague" in window.status.read_only.text()
    assert not window.action("add_note").isEnabled() and not window.action("save").isEnabled()
    window.source_view.select_offsets(*offsets_of(window.document.briefing, "src-a", "cut ties"))
    assert not window.action("file_into_background").isEnabled()
    assert window.notes.file_into("background") is None
    assert window.document.briefing.section("background").items == []
    # the refusal is said beside a notice short enough to leave it room (QA3 8: it was cut mid-sentence)
    assert "Save As" in window.status.currentMessage() and window.status.read_only.text() == "Read-only"
    assert "colleague" in window.status.read_only.toolTip()
    window.status.clearMessage()
    assert "colleague" in window.status.read_only.text()
    assert json.loads(lock_path(path).read_text())["user"] == "colleague"  # their lock is untouched
    window.document.read_only = False  # (a card to try: filed straight into the model, as if it had been there)
    file_one(window)
    window.document.read_only = True
    card = next(iter(window.briefing_view.sections["background"].widgets.values()))
    card.setFocus()
    QTest.keyClick(card, Qt.Key.Key_Return)
    QTest.mouseDClick(card, Qt.MouseButton.LeftButton)
    assert card.editor is None  # nothing to type into that could not be kept


def test_locked_briefing_cancel_keeps_current(window, briefing, prompts, tmp_path: Path) -> None:
    path = tmp_path / "shared.briefing"
    save_briefing(briefing, path)
    now = time.time()
    owner = {"user": "colleague", "host": "elsewhere", "pid": 1, "since": now, "refreshed": now}
    lock_path(path).write_text(json.dumps(owner))
    prompts.answers["Briefing in use"] = Btn.Cancel
    before = window.document.briefing
    assert not open_and_wait(window, path)
    assert window.document.briefing is before and not window.document.read_only


def test_dropping_a_briefing_file_opens_it(window, briefing, tmp_path: Path, qtbot) -> None:
    briefing.title_block.title = "Dropped note"
    path = tmp_path / "dropped.briefing"
    save_briefing(briefing, path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(
        window,
        QDropEvent(
            QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        ),
    )
    qtbot.waitUntil(lambda: window.document.path == path, timeout=3000)
    assert window.briefing_view.title_block.fields["title"].text() == "Dropped note"


def test_window_layout_is_remembered(window, qtbot) -> None:
    window.resize(700, 520)
    window.splitter.setSizes([250, 450])
    sizes = window.splitter.sizes()
    window.close()
    from briefing.gui.main_window import MainWindow

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert again.size().width() == 700 and again.size().height() == 520
    assert again.splitter.sizes() == sizes


def test_the_source_list_fits_its_sources_until_the_divider_is_moved(window, briefing, qtbot) -> None:
    from briefing.core.operations import AddSource

    from .conftest import make_source

    pane = window.source_pane
    heights = [pane.list.height()]  # two sources
    for number in range(3):
        window.document.execute(AddSource(make_source(f"src-{number}", ["More text."], f"Source {number}")))
        heights.append(pane.list.height())
    row = pane.list.sizeHintForRow(0)
    assert heights[1] - heights[0] == row and heights[2] - heights[1] == row  # three, then four in view
    assert heights[3] == heights[2]  # a fifth scrolls
    assert pane.list.verticalScrollBar().maximum() > 0
    pane.splitter.splitterMoved.emit(300, 1)  # the analyst drags the divider
    pane.splitter.setSizes([300, 500])
    window.document.undo_stack.undo()
    assert pane.list.height() > heights[3]  # their choice stays
    window.close()
    from briefing.gui.main_window import MainWindow

    again = MainWindow(briefing)
    qtbot.addWidget(again)
    again.show()
    assert again.source_pane.list_sized_by_hand and again.source_pane.splitter.sizes()[0] == 300


def test_last_open_briefing_is_reopened(window, briefing, tmp_path: Path, qtbot) -> None:
    path = tmp_path / "last.briefing"
    save_briefing(briefing, path)
    assert open_and_wait(window, path)
    window.close()
    again = create_window()
    again.files.wait_open()
    qtbot.addWidget(again)
    assert again.document.path == path
    assert os.path.exists(lock_path(path))


def test_export_docx_and_pdf(window, prompts, tmp_path: Path, qtbot) -> None:
    file_one(window)
    for kind in ("docx", "pdf"):
        prompts.save_as.append(str(tmp_path / f"note.{kind}"))
        with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
            window.action(f"export_{kind}").trigger()
        data = (tmp_path / f"note.{kind}").read_bytes()
        assert data[:4] == (b"PK\x03\x04" if kind == "docx" else b"%PDF")
        assert window.statusBar().currentMessage() == f"Exported note.{kind}"
    assert not [c for c in prompts.calls if c[0] == "warning"]
    prompts.save_as.append(str(tmp_path / "missing-folder" / "note"))  # no suffix, and a folder that is not there
    with qtbot.waitSignal(window.exporter.failed, timeout=30_000):
        window.action("export_pdf").trigger()
    kind, title, text = prompts.calls[-1]
    assert (kind, title) == ("warning", "Export failed")
    assert text.startswith("note.pdf: ") and "does not exist" in text
    assert not window.status.export_progress.isVisible()


def test_export_refuses_a_quotation_its_source_does_not_contain(window, prompts, tmp_path: Path) -> None:
    file_one(window)
    window.document.briefing.section("background").items[0].anchor.exact = "cut ties with Moscow"
    prompts.save_as.append(str(tmp_path / "note.docx"))
    window.action("export_docx").trigger()  # refused at once, before any worker starts
    kind, title, text = prompts.calls[-1]
    assert (kind, title) == ("warning", "Export failed")
    assert text == (  # points to the flagged card, not to a command the analyst would have to run
        "note.docx: 1 excerpt no longer matches its source: Background “cut ties with Moscow”. "
        "Delete it, or file the passage again."
    )
    assert not list(tmp_path.glob("note*"))
    # a French note names the section as the window does (QA3 10: it said "Background", shown as « Contexte »)
    window.document.briefing.title_block.language = "fr"
    prompts.save_as.append(str(tmp_path / "note.docx"))
    window.action("export_docx").trigger()
    assert "no longer matches its source: Contexte “cut ties with Moscow”" in prompts.calls[-1][2]


def test_gui_suffix_matches_the_project_format() -> None:
    from briefing.core.project import SUFFIX
    from briefing.gui import files

    assert files.SUFFIX == SUFFIX


def test_new_briefing_from_another_template_rebuilds_sections_and_commands(window, monkeypatch, qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from briefing.gui.dialogs import NewBriefingDialog

    def choose(dialog: NewBriefingDialog) -> int:
        for row in range(dialog.list.count()):
            if dialog.list.item(row).data(Qt.ItemDataRole.UserRole).id == "gc-briefing-note":
                dialog.list.setCurrentRow(row)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewBriefingDialog, "exec", choose)
    window.action("new").trigger()
    briefing = window.document.briefing
    assert briefing.template == "gc-briefing-note" and briefing.sources == []
    assert [s.id for s in briefing.sections][:2] == ["purpose", "summary"]
    assert window.action("file_into_purpose").shortcut().toString() == "Ctrl+1"
    assert "file_into_background" in window.actions_.by_name  # the GC template has a Background too: Ctrl+3
    assert window.action("file_into_background").shortcut().toString() == "Ctrl+3"
    assert [a.objectName() for a in window.section_toolbar.actions()][:2] == [
        "action_file_into_purpose",
        "action_file_into_summary",
    ]
    assert window.banner.combo.currentText() == "UNCLASSIFIED"
    assert set(window.briefing_view.sections) == {s.id for s in briefing.sections}
    assert window.document.undo_stack.count() == 0


def test_recent_files_menu_lists_opened_briefings(window, briefing, tmp_path: Path) -> None:
    paths = []
    for name in ("one", "two"):
        path = tmp_path / f"{name}.briefing"
        save_briefing(briefing, path)
        assert open_and_wait(window, path)
        paths.append(path)
    window.recent_menu.aboutToShow.emit()
    entries = [a.text() for a in window.recent_menu.actions()]
    assert entries == ["two.briefing", "one.briefing"]
    window.recent_menu.actions()[1].trigger()
    assert window.files.wait_open()
    assert window.document.path == paths[0]


def test_a_deleted_briefing_leaves_the_recent_list(window, briefing, tmp_path: Path, prompts) -> None:
    kept, gone = tmp_path / "kept.briefing", tmp_path / "gone.briefing"
    away = tmp_path / "drive" / "away.briefing"  # on a drive that is not there now: may come back
    for path in (away, kept, gone):
        path.parent.mkdir(exist_ok=True)
        save_briefing(briefing, path)
        assert open_and_wait(window, path)
    gone.unlink()
    away.unlink()
    away.parent.rmdir()
    for path in (gone, away):
        assert not open_and_wait(window, path)
    assert prompts.titles("critical") == ["Cannot open briefing"] * 2
    assert window.files.recent() == [kept, away]


def test_opening_a_file_whose_excerpts_no_longer_match_says_which(window, briefing, tmp_path: Path, prompts) -> None:
    from briefing.core.operations import file_excerpt, new_excerpt

    source = briefing.source("src-a")
    start, end = offsets_of(briefing, "src-a", "cut ties with Tehran")
    file_excerpt("background", new_excerpt(source, start, end)).apply(briefing)
    path = tmp_path / "fine.briefing"
    save_briefing(briefing, path)
    assert open_and_wait(window, path)
    assert prompts.titles("warning") == []  # a sound file opens without a word
    briefing.section("background").items[0].anchor.exact = "cut ties with Moscow"  # changed outside Briefing
    save_briefing(briefing, path)
    assert open_and_wait(window, path)
    [(kind, title, text)] = prompts.calls[-1:]
    assert (kind, title) == ("warning", "Excerpts to check")
    assert "fine.briefing" in text and "Background: “cut ties with Moscow”" in text
    assert window.document.briefing.section("background").items[0].anchor.exact == "cut ties with Moscow"  # kept


def test_reopening_a_briefing_shows_its_own_highlights(window, briefing, tmp_path: Path, prompts) -> None:
    path = tmp_path / "note.briefing"
    save_briefing(briefing, path)
    assert open_and_wait(window, path)
    file_one(window)  # then thought better of it: reopen and discard
    assert window.source_view.highlighter.spans
    prompts.answers["Unsaved changes"] = Btn.Discard
    assert open_and_wait(window, path)
    assert window.document.briefing.section("background").items == []
    assert window.source_view.source_id == "src-a" and not window.source_view.highlighter.spans


def test_reopening_the_open_briefing_keeps_its_lock(window, briefing, tmp_path: Path) -> None:
    path = tmp_path / "mine.briefing"
    save_briefing(briefing, path)
    assert open_and_wait(window, path)
    assert open_and_wait(window, path)  # File > Open Recent on the briefing already open
    assert lock_path(path).exists()
    assert window.files.lock is not None and window.files.lock.held


def test_autosave_writes_only_when_something_changed(window) -> None:
    file_one(window)
    assert window.files.autosave()
    window.files.wait_autosave()
    assert not window.files.autosave()  # same state: nothing to write
    file_one(window, "state sponsors", "positions")
    assert window.files.autosave()


def test_a_file_the_system_hands_over_is_opened(window, tmp_path: Path, qtbot, monkeypatch) -> None:
    """macOS opens a double-clicked .briefing by sending the running app a QFileOpenEvent."""
    monkeypatch.setattr(sys, "platform", "darwin")
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from briefing.core.project_save import save_briefing
    from briefing.demo import demo_briefing
    from briefing.gui.app import open_files_from_the_system

    path = tmp_path / "handed-over.briefing"
    save_briefing(demo_briefing(), path)
    app = QApplication.instance()
    open_files_from_the_system(app, window)
    QApplication.sendEvent(app, QFileOpenEvent(str(path)))
    qtbot.waitUntil(lambda: "handed-over.briefing" in window.windowTitle(), timeout=5_000)
    assert window.document.briefing.title_block.document_number == "BN-2016-0042"
    window.files.shutdown()


def test_a_title_value_the_template_does_not_offer_is_shown_as_it_is(window, briefing, tmp_path: Path) -> None:
    briefing.title_block.purpose = "for-consultation"  # written by hand, or by another template
    path = tmp_path / "odd.briefing"
    save_briefing(briefing, path)
    assert open_and_wait(window, path)
    combo = window.briefing_view.title_block.fields["purpose"]
    assert combo.currentData() == "for-consultation" and combo.currentText() == "for-consultation"
    assert window.document.briefing.title_block.purpose == "for-consultation"  # not changed by being shown


def _typing_a_comment(window, qtbot, text: str):
    item_id = window.document.briefing.section("background").items[0].id
    window.briefing_view.select_item(item_id)
    card = window.briefing_view.card(item_id)
    qtbot.waitUntil(card.isVisible)  # laid out
    qtbot.keyClick(card, Qt.Key.Key_F2)
    qtbot.keyClicks(card.editor, text)
    return card


def test_saving_while_typing_saves_what_is_typed(window, prompts, tmp_path: Path, qtbot) -> None:
    file_one(window)
    prompts.save_as.append(str(tmp_path / "n.briefing"))
    card = _typing_a_comment(window, qtbot, "Check with legal")
    qtbot.keyClick(card.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_briefing(tmp_path / "n.briefing").section("background").items[0].comment == "Check with legal"
    assert not window.document.is_dirty() and QApplication.focusWidget() is card  # the keyboard stays on the card
    title = window.findChild(QLineEdit, "field_title")
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Iran talks")
    qtbot.keyClick(title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_briefing(tmp_path / "n.briefing").title_block.title == "Iran talks"
    assert not window.document.is_dirty() and QApplication.focusWidget() is title


def test_replacing_the_briefing_while_typing_asks_first(
    window, briefing, prompts, tmp_path: Path, qtbot, monkeypatch
) -> None:
    from briefing.gui.dialogs import NewBriefingDialog

    monkeypatch.setattr(NewBriefingDialog, "exec", lambda self: 0)  # had the prompt been skipped: Cancel
    other = tmp_path / "other.briefing"
    save_briefing(briefing, other)
    file_one(window)
    prompts.save_as.append(str(tmp_path / "n.briefing"))
    assert window.files.save()
    window.files.add_recent(other)
    prompts.answers["Unsaved changes"] = Btn.Cancel
    _typing_a_comment(window, qtbot, "Check with legal")  # only the typing is unsaved
    window.action("new").trigger()
    window.recent_menu.aboutToShow.emit()
    window.recent_menu.actions()[0].trigger()  # a menu takes no keyboard focus: the field was still open
    assert prompts.titles("question") == ["Unsaved changes"] * 2
    assert window.document.briefing.section("background").items[0].comment == "Check with legal"
    assert window.document.path == tmp_path / "n.briefing"


def test_autosave_keeps_what_is_being_typed_without_closing_the_field(window, prompts, tmp_path: Path, qtbot) -> None:
    file_one(window)
    prompts.save_as.append(str(tmp_path / "n.briefing"))
    assert window.files.save()
    card = _typing_a_comment(window, qtbot, "Check with legal")  # typed for a while: nothing committed yet
    assert window.files.autosave()
    window.files.wait_autosave()
    recovered = load_briefing(window.files.store.file)
    assert recovered.section("background").items[0].comment == "Check with legal"
    assert card.editor is not None and card.editor.hasFocus()  # the analyst goes on typing
    assert window.document.briefing.section("background").items[0].comment == ""
    assert not window.document.is_dirty()
    qtbot.keyClicks(card.editor, ", then the Minister")
    assert window.files.autosave()  # more typed: written again
    window.files.wait_autosave()
    assert load_briefing(window.files.store.file).section("background").items[0].comment.endswith("the Minister")
    qtbot.keyClick(card.editor, Qt.Key.Key_Escape)  # Esc keeps it, as a change of its own
    assert window.document.briefing.section("background").items[0].comment.endswith("the Minister")
    window.action("undo").trigger()  # taken back: nothing left to recover
    assert not window.files.autosave() and not window.files.store.exists()
    title = window.findChild(QLineEdit, "field_title")
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " (draft)")
    assert window.files.autosave()
    window.files.wait_autosave()
    assert load_briefing(window.files.store.file).title_block.title.endswith(" (draft)")


def slow_load(monkeypatch, seconds: float) -> list[str]:
    """Reading a briefing takes `seconds` (a big note, or excerpts to look for): returns the threads it ran on."""
    import threading

    from briefing.core import project_load

    real, threads = project_load.load_briefing, []

    def load(*args, **kwargs):
        threads.append(threading.current_thread().name)
        time.sleep(seconds)
        return real(*args, **kwargs)

    monkeypatch.setattr(project_load, "load_briefing", load)
    return threads


def test_a_slow_open_reads_on_a_worker_and_the_window_keeps_answering(
    window, briefing, tmp_path: Path, qtbot, monkeypatch
) -> None:
    from PySide6.QtCore import QTimer

    path = tmp_path / "big.briefing"
    save_briefing(briefing, path)
    threads = slow_load(monkeypatch, 1.5)
    ticks: list[float] = []
    timer = QTimer(interval=50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    busy: list[bool] = []
    window.files.busyChanged.connect(busy.append)
    before = window.document.briefing
    with qtbot.waitSignal(window.files.opened, timeout=20_000) as opened:
        assert window.files.open_path(path)
        assert window.document.briefing is before  # returned at once: nothing shown yet
        assert window.statusBar().currentMessage() == "Opening big.briefing…"
    timer.stop()
    assert opened.args == [path, True] and window.document.path == path and busy == [True, False]
    assert threads and threads[0] != "MainThread"
    # The GUI thread ran its timer while the file was read: never blocked for a second (1.5 s of reading).
    assert len(ticks) >= 5 and max(b - a for a, b in itertools.pairwise(ticks)) < 1.0


def test_one_open_at_a_time(window, briefing, tmp_path: Path, monkeypatch) -> None:
    first, second = tmp_path / "first.briefing", tmp_path / "second.briefing"
    for path in (first, second):
        save_briefing(briefing, path)
    slow_load(monkeypatch, 0.3)
    assert window.files.open_path(first)
    assert not window.files.open_path(second)
    assert window.statusBar().currentMessage() == "Still opening first.briefing…"
    assert window.files.wait_open()
    assert window.document.path == first


def test_edits_made_while_a_briefing_is_read_are_asked_about(
    window, briefing, tmp_path: Path, prompts, monkeypatch
) -> None:
    path = tmp_path / "other.briefing"
    save_briefing(briefing, path)
    slow_load(monkeypatch, 0.3)
    assert window.files.open_path(path)  # nothing unsaved yet: no question
    assert prompts.titles("question") == []
    file_one(window)  # the analyst goes on working while the file is read
    prompts.answers["Unsaved changes"] = Btn.Cancel
    assert not window.files.wait_open()
    assert prompts.titles("question") == ["Unsaved changes"]
    assert window.document.path is None and window.document.briefing.section("background").items


def _held_by_a_colleague(path: Path) -> None:
    now = time.time()
    owner = {"user": "colleague", "host": socket.gethostname() + "-other", "pid": 4242, "since": now, "refreshed": now}
    lock_path(path).write_text(json.dumps(owner))


def test_save_as_never_writes_a_briefing_another_briefing_holds(window, briefing, prompts, tmp_path: Path) -> None:
    shared, other = tmp_path / "shared.briefing", tmp_path / "other.briefing"
    for path in (shared, other):
        save_briefing(briefing, path)
        _held_by_a_colleague(path)
    prompts.answers["Briefing in use"] = Btn.Yes
    assert open_and_wait(window, shared) and window.document.read_only
    before = {path: path.read_bytes() for path in (shared, other)}
    for target in (shared, other):  # its own file, opened read-only; and any other file someone has open
        prompts.save_as.append(str(target))
        assert not window.files.save_as()
        kind, title, text = prompts.calls[-1]
        assert (kind, title) == ("critical", "Cannot save")
        assert f"{target.name} is open in Briefing by colleague on " in text and "Save under another name" in text
    assert {path: path.read_bytes() for path in (shared, other)} == before  # nothing written
    assert all(json.loads(lock_path(path).read_text())["user"] == "colleague" for path in (shared, other))
    assert window.document.read_only and "[read-only]" in window.windowTitle()
    assert prompts.proposed[0] == str(tmp_path / "shared (copy).briefing")  # not the locked file itself
    prompts.save_as.append(prompts.proposed[0])  # the name proposed: saved, and now ours
    assert window.files.save_as()
    assert not window.document.read_only and window.document.path == tmp_path / "shared (copy).briefing"
    assert shared.read_bytes() == before[shared]


def test_closing_while_typing_then_cancel_keeps_the_text_and_the_keyboard(window, prompts, qtbot) -> None:
    file_one(window)
    card = _typing_a_comment(window, qtbot, "Check with legal")
    prompts.answers["Unsaved changes"] = Btn.Cancel
    assert not window.close()
    assert window.document.briefing.section("background").items[0].comment == "Check with legal"
    assert QApplication.focusWidget() is card  # where the analyst was, not nowhere
    assert prompts.calls[-1][2] == "Save the changes to Canada–Iran talks before closing?"


def test_the_unsaved_changes_question_names_what_follows(window, briefing, prompts, tmp_path: Path) -> None:
    other = tmp_path / "other.briefing"
    save_briefing(briefing, other)
    file_one(window)
    prompts.answers["Unsaved changes"] = Btn.Cancel
    window.action("new").trigger()
    assert not window.files.open_path(other)
    assert not window.files.restore(None)  # type: ignore[arg-type]  # (asked before the copy is looked at)
    questions = [text for _kind, title, text in prompts.calls if title == "Unsaved changes"]
    assert questions == [
        "Save the changes to Canada–Iran talks before starting a new briefing?",
        "Save the changes to Canada–Iran talks before opening another briefing?",
        "Save the changes to Canada–Iran talks before recovering unsaved work?",
    ]


def test_file_dialogs_start_beside_the_briefing(window, briefing, prompts, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "desk"
    folder.mkdir()
    opened: list[str] = []

    def open_name(parent, caption, start, *args):
        opened.append(start)
        return "", ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    window.open_dialog()  # untitled, nothing chosen before: home
    assert opened[-1] == str(Path.home())
    prompts.save_as.append(str(folder / "n"))
    assert window.files.save()
    assert prompts.proposed[-1] == str(Path.home() / "Briefing.briefing")
    window.open_dialog()
    assert opened[-1] == str(folder)  # the briefing's folder
    window.export("pdf")  # cancelled
    assert prompts.proposed[-1] == str(folder / "n.pdf")
    window.files.show_briefing(briefing, None)  # a new, untitled one: the folder last used
    window.export("pdf")
    assert prompts.proposed[-1] == str(folder / "briefing.pdf")
    window.open_dialog()
    assert opened[-1] == str(folder)


def _damaged_with_a_backup(briefing, tmp_path: Path) -> Path:
    """note.briefing saved twice (its backup holds the first save), then cut short (as `head -c` cuts it)."""
    path = tmp_path / "note.briefing"
    briefing.title_block.title = "First save"
    save_briefing(briefing, path)
    briefing.title_block.title = "Second save"
    save_briefing(briefing, path)
    path.write_bytes(path.read_bytes()[:1000])
    return path


def test_a_damaged_briefing_offers_its_backup_which_opens_as_an_unsaved_copy(
    window, briefing, prompts, tmp_path: Path, monkeypatch
) -> None:
    """QA 44: the backup beside a damaged briefing is offered (a key for each button), and it opens as an unsaved
    copy: saving asks for a new name, so the backup is never overwritten."""
    path = _damaged_with_a_backup(briefing, tmp_path)
    backup = tmp_path / "note.briefing.bak"
    kept = backup.read_bytes()
    asked: list[tuple[str, list[str]]] = []

    def answer(box: QMessageBox) -> int:
        asked.append((box.text(), [b.text() for b in box.buttons()]))
        next(b for b in box.buttons() if b.text() == "Open &Backup").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert not open_and_wait(window, path)
    assert window.files.wait_open()  # the backup, read on the worker too
    ((text, buttons),) = asked
    assert text.startswith("note.briefing: ") and "cut short" in text and "zip" not in text
    assert "note.briefing.bak" in text and moment(backup.stat().st_mtime) in text
    assert "Open &Backup" in buttons
    assert window.document.briefing.title_block.title == "First save"
    assert window.document.path is None and window.isWindowModified()
    assert "Backup of note.briefing" in window.windowTitle()
    assert not lock_path(backup).exists()
    prompts.save_as.append(str(tmp_path / "restored"))
    assert window.files.save()  # Save is Save As: it asks for a name
    assert prompts.proposed[-1] == str(tmp_path / "note (recovered).briefing")
    assert load_briefing(tmp_path / "restored.briefing").title_block.title == "First save"
    assert backup.read_bytes() == kept and window.document.path == tmp_path / "restored.briefing"


def test_a_damaged_briefing_without_a_backup_only_says_why(window, briefing, prompts, tmp_path: Path) -> None:
    path = _damaged_with_a_backup(briefing, tmp_path)
    (tmp_path / "note.briefing.bak").unlink()
    assert not open_and_wait(window, path)
    assert prompts.titles("critical") == ["Cannot open briefing"]
    assert "backup" not in prompts.calls[-1][2] and window.files.wait_open()


def test_the_open_dialog_lists_backups_too(window, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    filters: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda parent, caption, start, kinds: (filters.append(kinds), ("", ""))[1]),
    )
    window.open_dialog()
    assert filters == ["Briefing files (*.briefing);;Backups (*.briefing.bak)"]


def test_the_backup_offer_and_the_open_dialog_in_french(window, briefing, prompts, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from briefing.gui.i18n import install_translators

    path = _damaged_with_a_backup(briefing, tmp_path)
    asked: list[tuple[str, list[str]]] = []

    def cancel(box: QMessageBox) -> int:
        asked.append((box.text(), [b.text() for b in box.buttons()]))
        return 0  # closed: nothing else opens

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    filters: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda parent, title, start, kinds: (filters.append(kinds), ("", ""))[1]),
    )
    assert install_translators("fr") == "fr"
    try:
        assert not open_and_wait(window, path)
        window.open_dialog()
    finally:
        install_translators("en")
    ((text, buttons),) = asked
    assert "Une sauvegarde du " in text and "Ouvrir la sauvegarde\u00a0?" in text and "note.briefing.bak" in text
    assert "Ouvrir la &sauvegarde" in buttons
    assert filters == ["Fichiers Briefing (*.briefing);;Sauvegardes (*.briefing.bak)"]
    assert window.files.wait_open() and window.document.path is None and not window.isWindowModified()


def test_new_briefing_says_which_template_files_cannot_be_read(window, monkeypatch, tmp_path: Path) -> None:
    # QA3 9: a broken template of the analyst's own simply disappeared from the list, without a word
    import dataclasses

    from PySide6.QtWidgets import QDialog

    from briefing.core.templates import TemplateError
    from briefing.gui import main_window
    from briefing.gui.dialogs import NewBriefingDialog

    broken = TemplateError(tmp_path / "broken.yaml", "", "is not valid YAML (line 3)")
    catalog = dataclasses.replace(main_window.catalog(), errors=[broken])
    monkeypatch.setattr(main_window, "catalog", lambda: catalog)
    shown: list[str] = []

    def look(dialog: NewBriefingDialog) -> int:
        shown.append(dialog.skipped.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(NewBriefingDialog, "exec", look)
    window.action("new").trigger()
    assert shown == ["Not listed, as it cannot be read: broken.yaml: is not valid YAML (line 3)"]


def test_an_unsaved_briefing_is_called_by_its_title(window, qtbot) -> None:
    # QA3 5: the demo, titled, was "Untitled briefing" in the window's title and the save question
    assert window.document.path is None and window.windowTitle().startswith("Canada–Iran talks[*]")
    field = window.briefing_view.title_block.fields["title"]
    field.setText("Iran: next steps")
    field.editingFinished.emit()
    assert window.windowTitle().startswith("Iran: next steps[*]")
    field.setText("")
    field.editingFinished.emit()
    assert window.windowTitle().startswith("Untitled briefing[*]")
