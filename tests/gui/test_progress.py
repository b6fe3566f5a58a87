"""Long work off the GUI thread: import progress and cancel, export from a snapshot while the analyst edits."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu

from briefing.gui.imports import _Task
from tests.importers.test_progress import write_pdf


@pytest.fixture
def quick_progress(window, monkeypatch: pytest.MonkeyPatch):
    """The progress bar shows at once instead of after a moment (the test's imports are not that slow)."""
    monkeypatch.setattr(type(window.status), "SHOW_PROGRESS_AFTER_MS", 0)
    return window


@pytest.fixture
def pages_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every progress point the import worker reaches; each takes 5 ms more, so that the window sees the import
    running (and a test can cancel it half-way) however fast or busy the machine is."""
    reached: list[int] = []
    report = _Task.report

    def slower(self, done: int, total: int) -> None:
        reached.append(done)
        time.sleep(0.005)
        report(self, done, total)

    monkeypatch.setattr(_Task, "report", slower)
    return reached


def test_a_big_import_shows_page_progress_then_hides_it(quick_progress, pages_read, tmp_path: Path, qtbot) -> None:
    window = quick_progress
    path = write_pdf(tmp_path / "report.pdf", 40)
    shown: list[tuple[int, int, bool, str]] = []
    window.import_files([path])
    window.sources.importer.progressChanged.connect(
        lambda: shown.append(
            (
                window.status.progress.value(),
                window.status.progress.maximum(),
                window.status.progress.isVisible(),
                window.status.import_label.text(),
            )
        )
    )
    with qtbot.waitSignal(window.sources.importer.imported, timeout=60_000):
        pass
    values = [value for value, _, _, _ in shown]
    assert values == sorted(values) and values[-1] == 40
    assert {maximum for _, maximum, _, _ in shown} == {40}
    assert any(visible for _, _, visible, _ in shown)
    assert "Importing report.pdf — page 40 of 40" in [text for _, _, _, text in shown]
    assert not window.status.progress.isVisible() and not window.status.import_label.isVisible()
    assert not window.status.cancel_import_button.isVisible() and not window.action("cancel_import").isEnabled()
    assert window.document.briefing.sources[-1].meta.pages == 40


def test_cancel_stops_the_import_and_changes_nothing(quick_progress, pages_read, tmp_path: Path, qtbot) -> None:
    window = quick_progress
    path = write_pdf(tmp_path / "big.pdf", 300)
    reached = pages_read
    briefing = window.document.briefing
    sources = [s.id for s in briefing.sources]
    undo_count = window.document.undo_stack.count()
    window.import_files([path])
    qtbot.waitUntil(lambda: len(reached) > 3 and window.status.cancel_import_button.isVisible(), timeout=30_000)
    cancel = window.action("cancel_import")
    assert cancel.isEnabled() and cancel in window.menuBar().findChild(QMenu, "menu_source").actions()
    cancel.trigger()
    assert window.sources.importer.running == 0 and not window.status.progress.isVisible()
    assert window.sources.importer.wait(30_000)
    qtbot.wait(50)  # whatever the worker sent before it stopped is delivered, and dropped
    assert max(reached) < 300  # it stopped at a progress point, not at the end
    assert [s.id for s in briefing.sources] == sources
    assert window.document.undo_stack.count() == undo_count and not window.document.is_dirty()
    assert window.statusBar().currentMessage() == "Import cancelled"


def test_a_quick_import_shows_no_bar(window, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(type(window.status), "SHOW_PROGRESS_AFTER_MS", 10_000)  # "a moment", however busy the machine
    path = tmp_path / "note.txt"
    path.write_text("A note\n\nIt imports in no time at all.", encoding="utf-8")
    shown: list[bool] = []
    window.import_files([path])
    window.sources.importer.busyChanged.connect(lambda _n: shown.append(window.status.progress.isVisible()))
    with qtbot.waitSignal(window.sources.importer.imported, timeout=10_000):
        pass
    assert shown == [False] and not window.status.progress.isVisible()


def test_export_runs_on_a_worker_from_a_snapshot_while_the_briefing_is_edited(
    quick_progress, prompts, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = quick_progress
    import threading
    import zipfile

    import briefing.export
    from briefing.core.operations import SetTitleField, add_note

    gate = threading.Event()
    threads: list[bool] = []
    render = briefing.export.render

    def held(*args, **kwargs):  # the worker waits here until the test has edited the briefing
        threads.append(threading.current_thread() is threading.main_thread())
        assert gate.wait(30)
        return render(*args, **kwargs)

    monkeypatch.setattr(briefing.export, "render", held)
    target = tmp_path / "note.docx"
    prompts.save_as.append(str(target))
    window.action("export_docx").trigger()
    qtbot.waitUntil(
        lambda: bool(threads) and window.status.export_progress.isVisible()
    )  # rendering has begun, on a worker
    assert window.statusBar().currentMessage() == "Exporting note.docx…"
    # the window answers and the briefing can be edited while the export runs
    window.document.run(SetTitleField("title", "Renamed during the export"))
    window.document.run(add_note("open-issues", "A note written during the export.", None))
    assert window.briefing_view.title_block.fields["title"].text() == "Renamed during the export"
    assert not target.exists()
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        gate.set()
    assert threads == [False]
    with zipfile.ZipFile(target) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "Canada–Iran talks" in body  # the title when the command was given
    assert "Renamed during the export" not in body and "written during the export" not in body
    assert not window.status.export_progress.isVisible()
    assert window.statusBar().currentMessage() == "Exported note.docx"
    assert not [c for c in prompts.calls if c[0] == "warning"]


def test_closing_the_window_cancels_a_running_import(quick_progress, pages_read, tmp_path: Path, qtbot) -> None:
    window = quick_progress
    path = write_pdf(tmp_path / "big.pdf", 300)
    sources = len(window.document.briefing.sources)
    window.import_files([path])
    qtbot.waitUntil(window.status.cancel_import_button.isVisible, timeout=30_000)
    assert window.close()
    assert window.sources.importer.running == 0 and window.sources.importer.wait(30_000)
    qtbot.wait(50)
    assert len(window.document.briefing.sources) == sources
