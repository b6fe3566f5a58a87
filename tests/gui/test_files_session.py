"""What the window remembers between sessions: its layout, the last and the recent briefings, and where the file
dialogs start."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.core.lock import lock_path
from briefing.core.project_save import save_briefing
from briefing.gui.app import create_window

from .conftest import open_and_wait


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


def test_file_dialogs_start_beside_the_briefing(window, briefing, prompts, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "desk"
    folder.mkdir()
    opened: list[str] = []

    def open_name(parent, caption, start, *args):
        opened.append(start)
        return "", ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    window.files.open_dialog()  # untitled, nothing chosen before: home
    assert opened[-1] == str(Path.home())
    prompts.save_as.append(str(folder / "n"))
    assert window.files.save()
    assert prompts.proposed[-1] == str(Path.home() / "Briefing.briefing")
    window.files.open_dialog()
    assert opened[-1] == str(folder)  # the briefing's folder
    window.export("pdf")  # cancelled
    assert prompts.proposed[-1] == str(folder / "n.pdf")
    window.files.show_briefing(briefing, None)  # a new, untitled one: the folder last used
    window.export("pdf")
    assert prompts.proposed[-1] == str(folder / "briefing.pdf")
    window.files.open_dialog()
    assert opened[-1] == str(folder)
