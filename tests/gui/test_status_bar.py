"""The status bar's message, elided to the room left of the word and page counts."""

from __future__ import annotations

from PySide6.QtWidgets import QStatusBar

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
