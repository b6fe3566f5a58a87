"""A drag started with the mouse, end to end, on a platform with a real drag loop (xcb under Xvfb).

Run by tests/gui/test_filing.py in a child process: the offscreen platform the other GUI tests use has no drag
loop (its QDrag.exec returns IgnoreAction at once). Here the source view's own code starts the QDrag; while
QDrag.exec runs, a timer moves the mouse onto a section and releases it, and the platform's drag (a QBasicDrag)
turns those into the drag-enter, move and drop events. Prints one JSON line: what the section holds afterwards.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.gui.conftest import PARAGRAPHS, make_source

QUOTE = "Some sanctions were lifted in February"


def main() -> None:
    from briefing.core.operations import AddSource
    from briefing.core.templates import load_catalog, new_briefing
    from briefing.gui.main_window import MainWindow

    app = QApplication([sys.argv[0], "-platform", "xcb"])  # not offscreen, which importing conftest asks for
    briefing = new_briefing(load_catalog().get("information-note"), title="Canada–Iran talks")
    AddSource(make_source("src-a", PARAGRAPHS, "Canada confirms talks")).apply(briefing)
    window = MainWindow(briefing)
    window.resize(1400, 900)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.source_pane.select_source("src-a")
    view = window.source_view
    start = briefing.source("src-a").text.index(QUOTE)
    view.select_offsets(start, start + len(QUOTE))
    cursor = view.textCursor()
    cursor.setPosition(start + 5)
    press_at = view.cursorRect(cursor).center()  # inside the selection
    section = window.briefing_view.sections["open-issues"]
    window.briefing_view.ensureWidgetVisible(section)
    drop_at = section.mapTo(window, QPoint(20, 12))
    events: list[str] = []

    def during_drag() -> None:  # runs inside QDrag.exec, whose event filter sees these mouse events
        events.append("timer")
        handle = window.windowHandle()
        for step in (drop_at - QPoint(0, 30), drop_at, drop_at + QPoint(1, 1)):
            QTest.mouseMove(handle, step)
        QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, drop_at + QPoint(1, 1))

    def mouse(kind: QEvent.Type, pos: QPoint) -> None:
        global_pos = QPointF(view.viewport().mapToGlobal(pos))
        event = QMouseEvent(
            kind,
            QPointF(pos),
            global_pos,
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(view.viewport(), event)

    QTimer.singleShot(200, during_drag)
    mouse(QEvent.Type.MouseButtonPress, press_at)
    mouse(QEvent.Type.MouseMove, press_at + QPoint(QApplication.startDragDistance() + 20, 0))  # starts the drag
    events.append("exec returned")
    QTest.qWait(100)
    items = briefing.section("open-issues").items
    print(
        json.dumps(
            {
                "platform": QApplication.platformName(),
                "order": events,
                "filed": [item.anchor.exact for item in items],
                "undo": window.action("undo").text(),
            }
        )
    )
    window.document.mark_saved(Path("/dev/null"))  # no unsaved-changes prompt on the way out
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
