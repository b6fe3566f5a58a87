"""The File menu: new briefings, opening and saving, export; owner locks; opening on a worker thread; damaged
files and their backups."""

from __future__ import annotations

import itertools
import json
import socket
import sys
import time
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing.core.lock import lock_path
from briefing.core.project_load import load_briefing
from briefing.core.project_save import save_briefing
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
    window.files.open_dialog()
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
        window.files.open_dialog()
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


def test_an_opened_briefing_starts_at_its_top(qtbot, tmp_path: Path) -> None:
    """QA 5 #9: File > Open showed the new briefing scrolled where the last one had been read (past its title)."""
    from briefing.demo import demo_briefing
    from briefing.gui.main_window import MainWindow

    path = tmp_path / "other.briefing"
    save_briefing(demo_briefing(), path)
    window = MainWindow(demo_briefing())
    qtbot.addWidget(window)
    window.resize(1000, 500)
    window.show()
    qtbot.waitExposed(window)
    bar = window.briefing_view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 300)
    bar.setValue(bar.maximum())
    assert open_and_wait(window, path)
    qtbot.wait(50)  # laid out and painted
    assert bar.maximum() > 300 and bar.value() == 0


def test_a_briefing_in_a_folder_that_refuses_writing_says_so_at_open_and_lastingly(
    window, briefing, prompts, tmp_path: Path, monkeypatch
) -> None:
    """QA8 D16: a colleague's folder the analyst may read but not write: the lock could not be made, the notice of
    it went unseen, and the analyst learnt only at Save. Now told at open, beside the counts while it lasts; the note
    stays editable, and Save As to a folder of one's own ends it."""
    import errno

    from briefing.core.lock import BriefingLock

    path = tmp_path / "shared.briefing"
    save_briefing(briefing, path)

    def refused(self) -> None:  # as the system refuses it (root, as tests run, may write anywhere)
        raise PermissionError(errno.EACCES, "Permission denied", str(lock_path(self.path)))

    acquire = BriefingLock.acquire
    monkeypatch.setattr(BriefingLock, "acquire", refused)
    assert open_and_wait(window, path)
    notice = window.status.read_only
    assert notice.isVisibleTo(window) and "shared.briefing cannot be saved where it is" in notice.toolTip()
    assert "Save As" in notice.toolTip() and not window.document.read_only  # still editable
    window.status.clearMessage()
    assert notice.text() == notice.toolTip()  # whole while the bar is free, and still there
    file_one(window)
    assert notice.isVisibleTo(window)
    monkeypatch.setattr(BriefingLock, "acquire", acquire)  # a folder of one's own
    prompts.save_as.append(str(tmp_path / "mine.briefing"))
    assert window.files.save_as()
    assert not notice.isVisibleTo(window)
