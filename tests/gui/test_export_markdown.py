"""File > Export Markdown… in the window: the same flow as DOCX and PDF (a save dialog in the folder last used, the
suffix added, warnings with "Exported", an existing file replaced whole, a refusal in words)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu

from tests.gui.test_files import file_one


def test_export_markdown_writes_the_note_with_its_footnote(window, prompts, tmp_path: Path, qtbot, monkeypatch) -> None:
    file_one(window)
    menu = window.findChild(QMenu, "menu_file")
    names = [action.objectName() for action in menu.actions()]
    assert names.index("action_export_md") == names.index("action_export_pdf") + 1  # beside DOCX and PDF
    action = window.action("export_md")
    assert action.text() == "Export Mar&kdown…" and action.isEnabled()
    filters: list[str] = []
    save_name = QFileDialog.getSaveFileName  # (the conftest's: answers from prompts.save_as)

    def asked(parent, caption="", start="", filter="", *args, **kwargs):
        filters.append(filter)
        return save_name(parent, caption, start)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(asked))
    folder = tmp_path / "out"
    folder.mkdir()
    prompts.save_as.append(str(folder / "note"))  # no suffix: .md is added
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        action.trigger()
    assert filters == ["Markdown (*.md)"]
    text = (folder / "note.md").read_text(encoding="utf-8")
    assert text.startswith("**UNCLASSIFIED**\n") and "\n# Canada–Iran talks\n" in text
    assert "cut ties with Tehran" in text and "[^1]:" in text and "Canada confirms talks" in text
    assert window.statusBar().currentMessage() == "Exported note.md"
    assert not [c for c in prompts.calls if c[0] == "warning"]

    # again: the dialog starts in the folder used, and the note replaces the file whole (no temporary file left)
    window.action("export_draft").setChecked(True)
    prompts.save_as.append(str(folder / "note.md"))
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        action.trigger()
    assert prompts.proposed[-1] == str(folder / "briefing.md")
    assert "**DRAFT**" in (folder / "note.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in folder.iterdir()) == ["note.md"]


def test_an_untitled_note_exported_as_markdown_says_so(window, prompts, tmp_path: Path, qtbot) -> None:
    window.document.briefing.title_block.title = ""
    prompts.save_as.append(str(tmp_path / "untitled.md"))
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        window.action("export_md").trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Exported untitled.md — the note has no title: the page shows none")
    assert (tmp_path / "untitled.md").is_file()


def test_markdown_onto_a_pipe_is_refused_in_words(window, prompts, tmp_path: Path, qtbot) -> None:
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    prompts.save_as.append(str(pipe))
    with qtbot.waitSignal(window.exporter.failed, timeout=30_000):
        window.action("export_md").trigger()
    assert prompts.calls[-1] == (
        "warning",
        "Export failed",
        "pipe.md: is not a regular file (a device, a pipe or a socket); nothing was written: choose another name",
    )


def test_export_markdown_is_in_french(qtbot, briefing) -> None:
    from briefing.gui.i18n import install_translators
    from briefing.gui.main_window import MainWindow

    assert install_translators("fr") == "fr"
    try:
        window = MainWindow(briefing)
        qtbot.addWidget(window)
        assert window.action("export_md").text() == "Exporter en &Markdown…"
    finally:
        install_translators("en")
