"""Crash recovery on every way a briefing is opened, a copy older than the file on disk, keeping and discarding copies
(File > Recover Unsaved Work), and autosave off the GUI thread."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from briefing.core.lock import lock_path
from briefing.core.project_load import load_briefing
from briefing.core.project_save import save_briefing
from briefing.gui import recovery
from briefing.gui.app import create_window

from .conftest import open_and_wait
from .test_files import file_one

Btn = QMessageBox.StandardButton
GONE_PID = 2**22 + 12345  # no such process


def crash(window) -> Path:
    """Autosave, then leave everything as a kill -9 would: the recovery copy and its note, and the briefing's owner
    file, all naming a process that is gone. Returns the copy."""
    files = window.files
    assert files.autosave()
    files.wait_autosave()
    files.autosave_timer.stop()
    copy, info = files.store.file, files.store.info
    note = json.loads(info.read_text())
    note["pid"] = GONE_PID
    info.write_text(json.dumps(note))
    if files.lock is not None:
        owner = json.loads(files.lock.file.read_text())
        files.lock.file.write_text(json.dumps(owner | {"pid": GONE_PID}))
        files.lock = None
    files.lock_timer.stop()
    files.store = recovery.RecoveryStore()  # closing the test's window must not tidy the crashed session's copy
    return copy


@pytest.fixture
def saved(window, tmp_path: Path, prompts) -> Path:
    """The window's briefing saved as a file, then an excerpt filed that is not saved yet."""
    path = tmp_path / "note.briefing"
    prompts.save_as.append(str(path))
    assert window.files.save()
    file_one(window)
    return path


def new_window(qtbot, path: Path | None = None):
    window = create_window(path)
    qtbot.addWidget(window)
    window.files.wait_open()
    return window


def filed(window) -> list[str]:
    return [item.anchor.exact for item in window.document.briefing.section("background").items]


def test_opening_the_file_by_path_after_a_crash_offers_its_work(window, saved: Path, prompts, qtbot) -> None:
    """`briefing open FILE`, a double-click or Open With after a crash: the autosaved work is offered."""
    copy = crash(window)
    assert filed(window) == ["cut ties with Tehran"] and load_briefing(saved).section("background").items == []
    prompts.answers["Recover unsaved work?"] = Btn.Yes
    restored = new_window(qtbot, saved)
    assert prompts.titles("question") == ["Recover unsaved work?"]
    assert "note.briefing" in prompts.calls[0][2]
    assert filed(restored) == ["cut ties with Tehran"] and restored.document.is_dirty()
    assert restored.document.path == saved  # the file is as the work left it: the work belongs there
    assert restored.files.lock is not None and lock_path(saved).exists()
    assert not copy.exists() and restored.files.store.exists()  # the copy is now this session's own
    assert recovery.pending() == []
    assert restored.files.save()
    assert load_briefing(saved).section("background").items[0].anchor.exact == "cut ties with Tehran"
    assert not restored.files.store.exists()


@pytest.mark.parametrize("how", ["drop", "recent", "dialog"])
def test_every_way_of_opening_a_file_offers_its_work(window, saved: Path, prompts, qtbot, how, monkeypatch) -> None:
    from briefing.gui.main_window import MainWindow

    other = MainWindow()  # already running when the other session crashes
    qtbot.addWidget(other)
    crash(window)
    prompts.answers["Recover unsaved work?"] = Btn.Yes
    if how == "drop":
        from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
        from PySide6.QtGui import QDropEvent

        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(saved))])
        drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.NoModifier)
        other.dropEvent(drop)
        qtbot.waitUntil(lambda: other.document.path == saved, timeout=5_000)  # opened after the drop returned
    elif how == "recent":
        other.files.add_recent(saved)
        other.recent_menu.aboutToShow.emit()
        other.recent_menu.actions()[0].trigger()
    else:
        from PySide6.QtWidgets import QFileDialog

        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(saved), "")))
        other.action("open").trigger()
    assert prompts.titles("question") == ["Recover unsaved work?"]
    assert filed(other) == ["cut ties with Tehran"] and other.document.is_dirty()


def test_a_file_saved_again_after_the_crash_is_never_overwritten(window, saved: Path, prompts, qtbot) -> None:
    """The file was saved again after the crash (another window, the command line, a colleague): the older
    autosave says so, and opens as a separate unsaved briefing; saving it asks where."""
    crash(window)
    newer = load_briefing(saved)
    newer.title_block.title = "Saved later by a colleague"
    time.sleep(0.01)  # a distinct modification time even on coarse clocks
    save_briefing(newer, saved)
    prompts.answers["Recover unsaved work?"] = Btn.Yes
    restored = new_window(qtbot, saved)
    (text,) = [t for kind, title, t in prompts.calls if title == "Recover unsaved work?"]
    assert "has been saved again since" in text and "separate unsaved briefing" in text
    assert filed(restored) == ["cut ties with Tehran"] and restored.document.is_dirty()
    assert restored.document.path is None and restored.files.lock is None
    assert restored.windowTitle().startswith("Recovered note")
    assert restored.files.store.exists()  # still protected by this session's autosave
    prompts.save_as.append("")  # Save asks where (Save As), and the analyst cancels: nothing written
    assert not restored.files.save()
    assert load_briefing(saved).title_block.title == "Saved later by a colleague"
    elsewhere = saved.with_name("recovered.briefing")
    prompts.save_as.append(str(elsewhere))
    assert restored.files.save()
    assert load_briefing(elsewhere).section("background").items and load_briefing(saved).title_block.title == (
        "Saved later by a colleague"
    )


def test_a_plain_start_says_the_file_on_disk_is_newer(window, saved: Path, prompts, qtbot) -> None:
    crash(window)
    time.sleep(0.01)
    save_briefing(load_briefing(saved), saved)  # the command line saved it again
    restored = new_window(qtbot)  # the prompt's default answer here: No
    (text,) = [t for kind, title, t in prompts.calls if title == "Recover unsaved work?"]
    assert "note.briefing has been saved again since" in text
    assert len(recovery.pending()) == 1  # No keeps the copy
    assert restored.document.path == saved and filed(restored) == []  # then the last briefing opens, as saved


def test_a_deleted_file_also_opens_the_work_separately(window, saved: Path, prompts, qtbot) -> None:
    crash(window)
    saved.unlink()
    prompts.answers["Recover unsaved work?"] = Btn.Yes
    restored = new_window(qtbot)
    assert "no longer where it was" in prompts.calls[-1][2]
    assert restored.document.path is None and filed(restored) == ["cut ties with Tehran"]
    assert not saved.exists()


def test_a_briefing_opened_by_a_relative_path_is_found_from_another_folder(
    window, saved: Path, prompts, qtbot, monkeypatch, tmp_path: Path
) -> None:
    """`cd folder; briefing open note.briefing`, a crash, then Briefing started from elsewhere (a desktop launcher):
    the recovery note, Open Recent and the last briefing all name the file by its full path (QA8 D6)."""
    from briefing.gui.style import settings

    window.files.shutdown()
    monkeypatch.chdir(saved.parent)
    opened = new_window(qtbot, Path(saved.name))
    assert opened.document.path == saved
    file_one(opened)
    crash(opened)
    (note,) = [json.loads(info.read_text()) for info in recovery.recovery_dir().glob("*.json")]
    assert note["original"] == str(saved)
    assert settings().value("lastOpen") == str(saved) and opened.files.recent() == [saved]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    prompts.answers["Recover unsaved work?"] = Btn.Yes
    restored = new_window(qtbot)
    (text,) = [t for kind, title, t in prompts.calls if title == "Recover unsaved work?"]
    assert "no longer where it was" not in text
    assert restored.document.path == saved and filed(restored) == ["cut ties with Tehran"]
    restored.files.shutdown()
    again = new_window(qtbot)  # saved or not, the last briefing opens from any folder
    assert again.document.path == saved


def test_relative_paths_an_older_version_kept_are_harmless(window, saved: Path, prompts, qtbot, monkeypatch) -> None:
    """Recent files and the last briefing kept relative name no file reliably: they are left out, never opened from
    the current folder. Nor is a relative recovery note bound to any file, even one of the same name, size and time
    (a copy made with cp -p, a synced folder): the work opens separately, for Save As (QA8 D6)."""
    from briefing.gui.style import settings

    crash(window)
    (info,) = recovery.recovery_dir().glob("*.json")
    info.write_text(json.dumps(json.loads(info.read_text()) | {"original": saved.name}))
    settings().setValue("recentFiles", [saved.name, str(saved)])
    settings().setValue("lastOpen", saved.name)
    other = saved.parent / "other"
    other.mkdir()
    twin = other / saved.name
    twin.write_bytes(saved.read_bytes())
    os.utime(twin, ns=(saved.stat().st_atime_ns, saved.stat().st_mtime_ns))  # as cp -p: same size, same time
    monkeypatch.chdir(other)
    prompts.answers["Recover unsaved work?"] = Btn.Yes
    started = new_window(qtbot)
    (text,) = [t for kind, title, t in prompts.calls if title == "Recover unsaved work?"]
    assert "Which note.briefing it belongs to is not known" in text
    assert started.document.path is None and filed(started) == ["cut ties with Tehran"]  # separate, unsaved
    assert started.files.lock is None and not lock_path(twin).exists()
    assert started.files.recent() == [saved]
    assert filed_in(twin) == filed_in(saved) == []  # neither file touched
    started.files.shutdown()
    settings().setValue("lastOpen", saved.name)
    again = new_window(qtbot)
    assert again.document.path is None  # not other/note.briefing, which the relative name would find here


def filed_in(path: Path) -> list[str]:
    return [item.anchor.exact for item in load_briefing(path).section("background").items]


def test_no_keeps_the_copy_until_it_is_discarded(window, saved: Path, prompts, qtbot) -> None:
    copy = crash(window)
    prompts.answers["Recover unsaved work?"] = Btn.No
    first = new_window(qtbot, saved)
    assert filed(first) == [] and first.document.path == saved  # the file as saved
    assert copy.exists() and [e.file for e in recovery.pending()] == [copy]
    assert recovery.pending()[0].declined
    first.files.shutdown()
    messages: list[str] = []
    second = new_window(qtbot)
    second.files.message.connect(messages.append)
    assert open_and_wait(second, saved)
    assert prompts.titles("question") == ["Recover unsaved work?"]  # asked once, not at every start
    assert messages and "Recover Unsaved Work" in messages[-1]  # but not forgotten
    assert copy.exists()
    second.files.shutdown()


def test_the_recover_unsaved_work_list_opens_and_discards(window, saved: Path, prompts, qtbot, tmp_path) -> None:
    first = crash(window)
    # a second crashed session, with work never saved to any file
    from briefing.gui.main_window import MainWindow

    unsaved = MainWindow()
    qtbot.addWidget(unsaved)
    unsaved.files.show_briefing(load_briefing(saved), None)
    unsaved.document.mark_dirty()
    second = crash(unsaved)
    for copy, when in ((first, 1_000_000_000), (second, 1_000_003_600)):  # first is the older
        info = copy.with_suffix(".json")
        note = json.loads(info.read_text()) | {"saved_at": when, "declined": True}
        info.write_text(json.dumps(note))

    shown = new_window(qtbot)
    assert prompts.titles("question") == []  # both declined before: not asked at start
    shown.action("recover").trigger()
    dialog = shown.files.recovery_dialog
    assert dialog is not None and dialog.isVisible()
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert rows[0].startswith("Unsaved briefing — autosaved on 9 September 2001") and "never saved" in rows[0]
    assert rows[1].startswith("note.briefing — autosaved on 9 September 2001") and f"Based on {saved}" in rows[1]

    prompts.answers["Discard recovered work?"] = Btn.Cancel
    dialog.list.setCurrentRow(0)
    dialog.discard_button.click()
    assert second.exists() and dialog.list.count() == 2
    prompts.answers["Discard recovered work?"] = Btn.Discard
    dialog.discard_button.click()
    assert not second.exists() and not second.with_suffix(".json").exists() and dialog.list.count() == 1

    dialog.list.setCurrentRow(0)
    dialog.open_button.click()
    assert not dialog.isVisible()
    assert filed(shown) == ["cut ties with Tehran"] and shown.document.path == saved and shown.document.is_dirty()
    assert recovery.pending() == []
    shown.action("recover").trigger()
    assert shown.files.recovery_dialog.list.count() == 0
    assert shown.files.recovery_dialog.intro.text() == "No unsaved work is kept."
    shown.files.recovery_dialog.reject()


def test_a_copy_written_before_the_file_state_was_recorded_compares_times(tmp_path: Path) -> None:
    """Notes written by earlier versions have no "base": a file modified after the autosave counts as newer."""
    path = tmp_path / "old.briefing"
    path.write_bytes(b"x")
    entry = recovery.RecoveryEntry(tmp_path / "c.briefing", tmp_path / "c.json", path, time.time() - 60, 1, None)
    assert entry.disk_changed()
    os.utime(path, (time.time() - 120, time.time() - 120))
    assert not entry.disk_changed()


def test_autosave_writes_on_a_worker_thread(window, prompts, tmp_path: Path, qtbot, monkeypatch) -> None:
    """The GUI thread only takes the snapshot; while the copy is being written the window goes on, and a save or
    close waits for it, so no copy outlives the saved work."""
    real_write = recovery.RecoveryStore.write
    writing, go_on = threading.Event(), threading.Event()
    threads: list[str] = []

    def slow_write(store, *args) -> None:
        threads.append(threading.current_thread().name)
        writing.set()
        assert go_on.wait(10)
        real_write(store, *args)

    monkeypatch.setattr(recovery.RecoveryStore, "write", slow_write)
    file_one(window)
    assert window.files.autosave()  # returns while the write has not even started or is blocked
    assert writing.wait(10) and threads == ["autosave"]
    file_one(window, "state sponsors", "positions")  # the analyst goes on working meanwhile
    qtbot.wait(50)  # the event loop runs
    assert not window.files.autosave()  # one write at a time
    assert window.document.briefing.section("positions").items
    prompts.save_as.append(str(tmp_path / "n.briefing"))
    threading.Timer(0.2, go_on.set).start()
    assert window.files.save()  # waits for the copy, then removes it
    assert not window.files.store.exists() and not window.files.store.info.exists()
    assert window.files._autosave_job is None


def test_autosave_snapshot_is_what_was_on_screen(window, qtbot, monkeypatch) -> None:
    """Changes made while the copy is written do not leak into it: it is the briefing when autosave started."""
    real_write = recovery.RecoveryStore.write
    go_on = threading.Event()

    def held_write(store, *args) -> None:
        assert go_on.wait(10)
        real_write(store, *args)

    monkeypatch.setattr(recovery.RecoveryStore, "write", held_write)
    file_one(window)
    assert window.files.autosave()
    file_one(window, "state sponsors", "positions")
    window.document.briefing.title_block.title = "changed after"
    go_on.set()
    window.files.wait_autosave()
    copy = load_briefing(window.files.store.file)
    assert copy.section("background").items and not copy.section("positions").items
    assert copy.title_block.title != "changed after"


KILLED_SESSION = """
import sys, time
from pathlib import Path
from briefing.gui.app import application, create_window

app = application()
window = create_window(Path(sys.argv[1]))  # `briefing open FILE`
window.files.wait_open()
window.source_pane.select_source("src-a")
start = window.document.briefing.source("src-a").text.index("cut ties with Tehran")
window.source_view.select_offsets(start, start + len("cut ties with Tehran"))
assert window.notes.file_into("background") is not None
window.files.autosave_timer.timeout.emit()  # as when 30 s have passed
window.files.wait_autosave()
print("autosaved", flush=True)
time.sleep(120)
"""


def test_kill_9_then_open_the_file_again(briefing, tmp_path: Path, prompts, qtbot) -> None:
    """The issue as a new user met it: file a passage, the autosave runs, the app is killed, the file is opened
    again by path (a double-click): the passage is offered back."""
    import subprocess
    import sys

    path = tmp_path / "note.briefing"
    save_briefing(briefing, path)
    session = subprocess.Popen([sys.executable, "-c", KILLED_SESSION, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert session.stdout is not None and session.stdout.readline() == "autosaved\n"
    finally:
        session.kill()
        session.wait()
    assert lock_path(path).exists()  # left behind by the killed session, as the recovery copy is
    prompts.answers["Recover unsaved work?"] = Btn.Yes
    reopened = new_window(qtbot, path)
    assert prompts.titles("question") == ["Recover unsaved work?"]
    assert filed(reopened) == ["cut ties with Tehran"] and reopened.document.path == path
    assert reopened.files.lock is not None and reopened.files.lock.held
    reopened.files.shutdown()


def test_a_copy_that_cannot_be_read_still_lets_the_file_open(window, saved: Path, prompts, qtbot) -> None:
    copy = crash(window)
    copy.write_bytes(b"half a zip")  # e.g. a disk that failed
    prompts.answers["Recover unsaved work?"] = Btn.Yes
    opened = new_window(qtbot, saved)
    assert prompts.titles() == ["Recover unsaved work?", "Cannot recover"]
    assert prompts.calls[1][2].startswith("The work autosaved for note.briefing (autosaved ")
    assert "is not a briefing file, or is damaged" in prompts.calls[1][2] and str(copy) in prompts.calls[1][2]
    assert opened.document.path == saved and filed(opened) == []  # the file as saved
    assert [e.declined for e in recovery.pending()] == [True]  # kept for the list, not offered at every start
    opened.files.shutdown()


def test_what_a_killed_autosave_left_is_removed(home: Path) -> None:
    """An autosave killed while writing leaves a hidden temporary file that its session would have removed with its
    next write; the next look at the recovery folder removes it once abandoned, and nothing else."""
    folder = home / "recovery"
    folder.mkdir()
    old = time.time() - 3600
    dead = folder / f".{GONE_PID}-0123abcd.briefing.k1lled_0.tmp"
    dead_note = folder / f".{GONE_PID}-0123abcd.json.k1lled_1.tmp"
    mine = folder / f".{os.getpid()}-0123abcd.briefing.writing_.tmp"  # this session's: never
    young = folder / f".{GONE_PID + 1}-0123abcd.briefing.justnow_.tmp"  # too recent to be sure
    other = folder / "notes.txt"
    for path in (dead, dead_note, mine, young, other):
        path.write_bytes(b"x")
        if path is not young:
            os.utime(path, (old, old))
    assert recovery.pending() == []
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in (mine, young, other))


def test_an_autosave_tick_never_waits_for_the_write_under_way(window, monkeypatch) -> None:
    real_write = recovery.RecoveryStore.write
    go_on = threading.Event()

    def held_write(store, *args) -> None:
        assert go_on.wait(10)
        real_write(store, *args)

    monkeypatch.setattr(recovery.RecoveryStore, "write", held_write)
    file_one(window)
    assert window.files.autosave()
    window.document.undo_stack.undo()  # nothing unsaved any more
    assert not window.files.autosave()  # returns at once: the copy is still being written
    assert window.files._autosave_job is not None
    go_on.set()
    window.files.wait_autosave()
    assert window.files.store.exists()
    assert not window.files.autosave() and not window.files.store.exists()  # the next tick removes it


def test_recovered_work_is_proposed_beside_its_file(window, saved: Path, prompts, qtbot) -> None:
    crash(window)
    saved.unlink()
    prompts.answers["Recover unsaved work?"] = Btn.Yes
    restored = new_window(qtbot)
    assert restored.document.path is None
    assert not restored.files.save()  # Save asks where; cancelled
    assert prompts.proposed[-1] == str(saved.with_name("note (recovered).briefing"))


def test_the_application_takes_the_interpreter_back_from_workers_within_a_millisecond(tmp_path: Path) -> None:
    """While the autosave worker runs Python, the GUI thread waits up to the switch interval each time it comes
    back from Qt: at Python's default 5 ms that made 15-20 ms pauses (bench/autosave.py)."""
    import subprocess
    import sys

    script = "import sys\nfrom briefing.gui.app import application\napp = application()\nprint(sys.getswitchinterval())"
    env = {**os.environ, "BRIEFING_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert float(run.stdout) <= 0.001


def test_the_recovery_copy_is_compressed_on_one_thread(tmp_path: Path, monkeypatch) -> None:
    """One thread per core would leave the GUI thread no core while an autosave compresses new sources."""
    from briefing.core import project_save
    from briefing.demo import demo_briefing

    asked = []
    real = project_save.write_briefing
    monkeypatch.setattr(project_save, "write_briefing", lambda *a, **k: asked.append(k.get("threads")) or real(*a, **k))
    store = recovery.RecoveryStore(tmp_path)
    store.write(demo_briefing(), None)
    assert asked == [1]
    assert load_briefing(store.file).sources[0].text == demo_briefing().sources[0].text


def test_the_recovery_list_is_named_and_labelled_for_a_screen_reader(qtbot) -> None:
    """The focused list was a nameless "list" on the accessibility bus, its label tied to nothing."""
    from PySide6.QtGui import QAccessible

    from briefing.gui.recovery_dialog import RecoveryDialog

    dialog = RecoveryDialog()
    qtbot.addWidget(dialog)
    dialog.refresh()
    assert dialog.list.accessibleName() == "Copies of unsaved work"
    assert dialog.intro.buddy() is dialog.list
    assert dialog.list.accessibleDescription() == dialog.intro.text() == "No unsaved work is kept."
    interface = QAccessible.queryAccessibleInterface(dialog.list)
    assert interface.text(QAccessible.Text.Name) == "Copies of unsaved work"
    labelled_by = [
        other.text(QAccessible.Text.Name) for other, _ in interface.relations(QAccessible.RelationFlag.Label)
    ]
    assert labelled_by == ["No unsaved work is kept."]
