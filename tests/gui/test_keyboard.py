"""Everything without a mouse: Find then file, reaching an empty section, Move To accelerators, dialog mnemonics."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .test_filing import select

CTRL = Qt.KeyboardModifier.ControlModifier


def test_find_enter_esc_then_ctrl_number_files_the_found_passage_every_time(window, qtbot):
    select(window, "cut ties with Tehran")
    qtbot.keyClick(window.source_view, Qt.Key.Key_1, CTRL)  # a card now exists for focus to wander to
    focus_went_to: list[str] = []
    QApplication.instance().focusChanged.connect(lambda _old, new: focus_went_to.append(new.objectName() if new else ""))
    for word in ("expelled", "sanctions", "neutral", "sponsors"):
        qtbot.keyClick(window.source_view, Qt.Key.Key_F, CTRL)
        bar = window.source_pane.find_bar
        bar.field.selectAll()
        qtbot.keyClicks(bar.field, word)
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
        focus_went_to.clear()
        qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
        assert not bar.isVisible()
        # Straight back to the text: focus passing through a card would select it and show its passage instead.
        assert focus_went_to == ["sourceView"]
        assert QApplication.focusWidget() is window.source_view
        assert window.source_view.textCursor().selectedText() == word
        qtbot.keyClick(window.source_view, Qt.Key.Key_2, CTRL)
        items = window.document.briefing.section("positions").items
        assert items and items[-1].anchor.exact == word, f"{word} was not filed"
