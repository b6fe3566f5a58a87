"""GUI test fixtures: offscreen Qt, a private BRIEFING_HOME, and message boxes that never block."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from briefing.core.model import Briefing, Source, SourceMeta
from briefing.core.operations import AddSource
from briefing.core.templates import load_catalog, new_briefing
from briefing.core.text import build_text

PARAGRAPHS = [
    "Canada confirms talks to renew ties with Iran",
    "The foreign minister said talks have started at the official level in neutral territory.",
    "In 2012, the Harper administration cut ties with Tehran and expelled Iranian diplomats from Canada.",
    "The government also added Iran to its list of state sponsors of terrorism.",
    "Some sanctions were lifted in February, but others would stay in place.",
]


def make_source(source_id: str, paragraphs: list[str], title: str) -> Source:
    text, blocks = build_text([("paragraph", 0, p) for p in paragraphs])
    return Source(
        id=source_id,
        text=text,
        blocks=blocks,
        meta=SourceMeta(title=title, publisher="Sample Press", published="2016-04-15", format="text"),
    )


@dataclass
class Prompts:
    """Records every QMessageBox prompt; `answers` decides what the user clicks (by dialog title)."""

    calls: list[tuple[str, str, str]] = field(default_factory=list)
    answers: dict[str, QMessageBox.StandardButton] = field(default_factory=dict)
    save_as: list[str] = field(default_factory=list)
    proposed: list[str] = field(default_factory=list)  # the path each save dialog started with

    def titles(self, kind: str | None = None) -> list[str]:
        return [t for k, t, _ in self.calls if kind is None or k == kind]


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("BRIEFING_HOME", str(folder))
    return folder


@pytest.fixture(autouse=True)
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    record = Prompts()

    def question(parent, title, text, buttons=None, default=None):
        record.calls.append(("question", title, text))
        if title in record.answers:
            return record.answers[title]
        return QMessageBox.StandardButton.Discard if title == "Unsaved changes" else QMessageBox.StandardButton.No

    def make(kind: str):
        def show(parent, title, text, *args, **kwargs):
            record.calls.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    for kind in ("warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, kind, make(kind))

    def save_name(parent, caption="", start="", *args, **kwargs):
        record.proposed.append(start)
        return (record.save_as.pop(0) if record.save_as else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    return record


@pytest.fixture
def briefing() -> Briefing:
    result = new_briefing(load_catalog().get("information-note"), title="Canada–Iran talks")
    AddSource(make_source("src-a", PARAGRAPHS, "Canada confirms talks")).apply(result)
    AddSource(make_source("src-b", ["Second source.", "Iran welcomed the talks."], "Iran responds")).apply(result)
    return result


@pytest.fixture
def window(qtbot, briefing: Briefing):
    from briefing.gui.main_window import MainWindow

    win = MainWindow(briefing)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def open_and_wait(window, path: Path, **kwargs) -> bool:
    """File > Open, and the reading on its worker thread waited for: True when the briefing opened."""
    return window.files.open_path(path, **kwargs) and window.files.wait_open()


def offsets_of(briefing: Briefing, source_id: str, quote: str) -> tuple[int, int]:
    text = briefing.source(source_id).text
    start = text.index(quote)
    return start, start + len(quote)


@pytest.fixture(autouse=True)
def _clear_clipboard(qapp):
    """Mime data left on the clipboard crashes PySide6 at interpreter exit (exit status 139): clear it."""
    yield
    from PySide6.QtWidgets import QApplication

    QApplication.clipboard().clear()
