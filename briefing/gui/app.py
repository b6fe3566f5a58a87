"""Starting the GUI: the first briefing to show, the QApplication, the event loop.

Nothing here imports Qt at module level: the plain-Python work (the demo briefing, the template catalogue) is
done before PySide6 is loaded, because PySide's import hook makes every module imported after it slower.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from briefing.core.model import Briefing
    from briefing.gui.main_window import MainWindow

APP_NAME = "Briefing"

_gc_paused = False
_start_up = contextlib.ExitStack()  # what is active from prepare() until create_window() returns


def _pause_gc() -> None:
    """Start-up creates some 40,000 objects (modules, classes, PySide's enums, widgets) and frees almost none, so
    the cyclic garbage collector's 60-odd passes over them find nothing and cost about 13 ms. It is off from
    prepare() until create_window() has built the window; reference counting still frees everything else."""
    global _gc_paused
    if gc.isenabled():
        gc.disable()
        _gc_paused = True


def _resume_gc() -> None:
    global _gc_paused
    if _gc_paused:
        _gc_paused = False
        # Everything made while the collector was off is still in its youngest generation, so the first
        # collection after this would walk all of it (about 25 ms, before the first paint). freeze() + unfreeze()
        # moves those objects straight to the oldest generation, where objects that survive end up anyway.
        gc.freeze()
        gc.unfreeze()
        gc.enable()
    _start_up.close()


def prepare(*, demo: bool = False) -> Briefing | None:
    """Qt-free start-up work: the template catalogue, and the demo briefing when asked for.

    The garbage collector pauses here until create_window() returns (see _pause_gc), and the dataclasses
    created until then take their generated methods from the cache of compiled code (core/dataclass_cache.py),
    the regular expressions compiled until then their compiled form (core/regex_cache.py).
    """
    _pause_gc()
    try:
        from briefing.core.regex_cache import compiled_patterns

        _start_up.enter_context(compiled_patterns())
        from briefing.core.dataclass_cache import compiled_dataclasses

        _start_up.enter_context(compiled_dataclasses())
        from briefing.gui.catalog import catalog

        templates = catalog()
        if demo:
            from briefing.demo import demo_briefing

            return demo_briefing(templates)  # the templates are parsed once
        return None
    except BaseException:
        _resume_gc()
        raise


def application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    # The GUI thread gives up the interpreter lock at every call into Qt and must then wait for a worker thread
    # (autosave, opening, imports) running Python to hand it back: by default after up to 5 ms, each time, which
    # added up to 15-20 ms pauses while an autosave was written. 1 ms keeps those pauses near an idle window's.
    sys.setswitchinterval(0.001)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("briefing")
    from briefing.gui.i18n import install_translators

    install_translators()
    return app


def create_window(path: Path | None = None, *, demo: bool = False, briefing: Briefing | None = None) -> MainWindow:
    """The main window with the requested briefing, or the demo, or the last-open one, or a new empty one.

    `briefing` is the demo briefing when prepare() has already built it.
    """
    try:
        return _create_window(path, demo=demo, briefing=briefing)
    finally:
        _resume_gc()


def _create_window(path: Path | None, *, demo: bool, briefing: Briefing | None) -> MainWindow:
    from briefing.gui.main_window import MainWindow
    from briefing.gui.style import settings

    if demo:
        if briefing is None:
            briefing = prepare(demo=True)
        window = MainWindow(briefing)
        window.document.mark_dirty()  # the demo is unsaved work
        return window
    window = MainWindow()
    if path is not None:  # open_path offers what a crashed session autosaved for that file, as every open does
        window.files.open_path(Path(path), ask_save=False)
        return window
    if window.files.offer_recovery():
        return window
    last = settings().value("lastOpen")
    # (a relative one, kept by an older version, would name a file in whatever folder Briefing starts in)
    if isinstance(last, str) and last and Path(last).is_absolute() and Path(last).is_file():
        window.files.open_path(Path(last), ask_save=False)
    return window


def open_files_from_the_system(app: QApplication, window: MainWindow) -> None:
    """Open a .briefing the operating system hands over (macOS sends a QFileOpenEvent on double-click).

    Qt sends QFileOpenEvent on macOS only. Elsewhere the filter is not installed: a filter on the application
    sees every event of every widget, and passing each to Python cost some 50 ms before the first paint.
    """
    if sys.platform != "darwin":
        return
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FileOpenFilter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.FileOpen:
                return False
            path = Path(cast("QFileOpenEvent", event).file())
            if path.suffix.lower() == ".briefing":
                QTimer.singleShot(0, lambda: window.files.open_path(path))
            else:
                QTimer.singleShot(0, lambda: window.import_files([path]))
            return True

    app.installEventFilter(FileOpenFilter(app))


def run_gui(path: Path | None = None, *, demo: bool = False) -> int:
    briefing = prepare(demo=demo)
    app = application()
    window = create_window(path, demo=demo, briefing=briefing)
    open_files_from_the_system(app, window)
    window.show()
    return app.exec()


if __name__ == "__main__":  # pragma: no cover - `python -m briefing.gui.app [file | --demo]`
    args = [a for a in sys.argv[1:] if a != "--demo"]
    sys.exit(run_gui(Path(args[0]) if args else None, demo="--demo" in sys.argv))
