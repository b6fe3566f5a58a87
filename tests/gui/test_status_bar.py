"""The status bar's message, elided to the room left of the word and page counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QStatusBar

from briefing.gui.status_bar import StatusBar

WARNING = (
    "Added memo — the encoding was guessed as cp1252, which may be wrong: check the text, and if it reads wrong, "
    "import again choosing the encoding"
)


def test_a_kept_warning_is_elided_to_the_room_it_has_when_the_window_narrows(window, qtbot) -> None:
    """QA6 #4: shown on a wide window, the kept warning ran under "0 words  1 page, 2 at most" once it was narrowed."""
    bar = window.status
    window.resize(1900, 800)
    qtbot.waitUntil(lambda: bar.width() >= 1800)
    bar.tell(WARNING)
    drawn = QStatusBar.currentMessage(bar)  # what Qt draws
    assert drawn == WARNING and bar.toolTip() == ""
    window.resize(700, 800)
    qtbot.waitUntil(lambda: QStatusBar.currentMessage(bar) != WARNING)
    drawn = QStatusBar.currentMessage(bar)
    assert drawn.endswith("…") and WARNING.startswith(drawn[:-1])
    assert bar.fontMetrics().horizontalAdvance(drawn) <= bar.words.x() - 12  # left of the word count
    assert bar.currentMessage() == WARNING  # whole for a screen reader
    assert bar.toolTip() == WARNING and bar.accessibleDescription() == WARNING
    window.resize(1900, 800)  # wide again: whole again
    qtbot.waitUntil(lambda: QStatusBar.currentMessage(bar) == WARNING)
    assert bar.toolTip() == ""
    bar.tell("Saved", 8000)
    assert bar.currentMessage() == QStatusBar.currentMessage(bar) == "Saved"


class _Counting(StatusBar):
    """The status bar, counting the window's events its filter sees. (A class of its own, made once: with
    StatusBar.eventFilter patched for one test and restored, a later test's window called some other function in
    its place, as if PySide had kept the patched one.)"""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.seen: list[QEvent.Type] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window():  # (Qt has the bar filter its size grip's events too)
            self.seen.append(event.type())
        return super().eventFilter(watched, event)


def test_the_window_s_events_pass_through_python_only_while_a_message_is_kept(window) -> None:
    """The bar filters the window's events to bring a kept message back after a status tip; with none kept it has
    nothing to do there, and every window event it saw went through Python (some 180 before the first paint)."""
    from PySide6.QtGui import QStatusTipEvent
    from PySide6.QtWidgets import QApplication

    bar = _Counting(window.document, window)
    window.setStatusBar(bar)
    QApplication.sendEvent(window, QStatusTipEvent(""))
    assert bar.seen == []  # nothing kept: not filtering
    bar.tell("Saved", 4000)  # a message that goes by itself is not kept either
    QApplication.sendEvent(window, QStatusTipEvent(""))
    assert bar.seen == [] and bar.currentMessage() == ""  # (Qt's own handling: the tip's end clears the bar)
    bar.tell("Added memo")
    QApplication.sendEvent(window, QStatusTipEvent("Add a source"))
    assert bar.currentMessage() == "Add a source"
    QApplication.sendEvent(window, QStatusTipEvent(""))
    assert bar.currentMessage() == "Added memo"  # brought back
    assert bar.seen == [QEvent.Type.StatusTip] * 2
    bar.clearMessage()
    QApplication.sendEvent(window, QStatusTipEvent(""))
    assert len(bar.seen) == 2 and bar.currentMessage() == ""


def test_a_timed_message_told_before_the_window_is_laid_out_shows_whole(briefing, qtbot) -> None:
    """QA8 D2: "Recovered … — save it to keep it", told while the window was being made (the crash-recovery
    prompt comes before it is shown), was cut to "Recovered c…": its room was measured before the counts were
    laid out, and only a message kept until replaced was fitted again. A timed one keeps its time."""
    from briefing.gui.main_window import MainWindow

    window = MainWindow(briefing)
    qtbot.addWidget(window)
    bar = window.status
    text = "Recovered canada-iran.briefing (autosaved 7 December 2026 at 04:12) — save it to keep it"
    bar.tell(text, 1500)
    window.resize(1400, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QStatusBar.currentMessage(bar) == text)
    assert bar.fontMetrics().horizontalAdvance(text) <= bar.words.x() - 12
    window.resize(500, 800)  # narrowed while it shows: elided, and still gone when its time is up
    qtbot.waitUntil(lambda: QStatusBar.currentMessage(bar).endswith("…"))
    qtbot.waitUntil(lambda: QStatusBar.currentMessage(bar) == "", timeout=3000)
    assert bar.currentMessage() == "" and bar.toolTip() == ""
