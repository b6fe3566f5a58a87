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
