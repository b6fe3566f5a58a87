"""Starting the GUI: the QApplication, the first briefing to show, the event loop."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from briefing.gui.main_window import MainWindow
from briefing.gui.style import settings

APP_NAME = "Briefing"


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("briefing")
    return app


def create_window(path: Path | None = None, *, demo: bool = False) -> MainWindow:
    """The main window with the requested briefing, or the demo, or the last-open one, or a new empty one."""
    if demo:
        from briefing.demo import demo_briefing

        window = MainWindow(demo_briefing())
        window.document.mark_dirty()  # the demo is unsaved work
        return window
    window = MainWindow()
    if path is not None:
        window.files.open_path(Path(path), ask_save=False)
        return window
    if window.files.offer_recovery():
        return window
    last = settings().value("lastOpen")
    if isinstance(last, str) and last and Path(last).is_file():
        window.files.open_path(Path(last), ask_save=False)
    return window


def run_gui(path: Path | None = None, *, demo: bool = False) -> int:
    app = _application()
    window = create_window(path, demo=demo)
    window.show()
    if path is None and not demo:
        QTimer.singleShot(0, window.raise_)
    return app.exec()


if __name__ == "__main__":  # pragma: no cover - `python -m briefing.gui.app [file]`
    sys.exit(run_gui(Path(sys.argv[1]) if len(sys.argv) > 1 else None, demo="--demo" in sys.argv))
