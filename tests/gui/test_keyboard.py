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
    QApplication.instance().focusChanged.connect(
        lambda _old, new: focus_went_to.append(new.objectName() if new else "")
    )
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


def test_up_and_down_reach_empty_sections_and_enter_adds_a_note_there(window, qtbot):
    select(window, "cut ties with Tehran")
    qtbot.keyClick(window.source_view, Qt.Key.Key_1, CTRL)
    first, second, third = (s.id for s in window.document.briefing.sections[:3])
    card = window.briefing_view.card(window.document.briefing.section(first).items[0].id)
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Down)
    slot = window.briefing_view.sections[second].empty
    assert QApplication.focusWidget() is slot and slot.accessibleName().endswith("empty section")
    qtbot.keyClick(slot, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.briefing_view.sections[third].empty
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert QApplication.focusWidget() is slot
    qtbot.keyClick(slot, Qt.Key.Key_Return)
    items = window.document.briefing.section(second).items
    assert len(items) == 1 and items[0].kind == "note"
    editor = window.briefing_view.card(items[0].id).editor
    assert QApplication.focusWidget() is editor
    qtbot.keyClicks(editor, "Ask the desk")
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert window.document.briefing.section(second).items[0].text == "Ask the desk"
    assert len(window.document.briefing.section(first).items) == 1  # not added after the card up there


def test_move_to_entries_have_number_accelerators(window):
    from PySide6.QtGui import QKeySequence

    moves = window.actions_.move_actions
    assert len(moves) >= 3
    for number, action in enumerate(moves[:9], start=1):
        assert QKeySequence.mnemonic(action.text()) == QKeySequence(f"Alt+{number}"), action.text()


def test_every_dialog_button_gets_an_access_key(window, qtbot):
    """The Save / Discard / Cancel prompt, as QMessageBox builds it, once it has focus."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    box = QMessageBox(QMessageBox.Icon.Question, "Save changes?", "Save the briefing?", buttons, window)
    qtbot.addWidget(box)
    box.open()
    qtbot.waitUntil(lambda: "&" in box.button(QMessageBox.StandardButton.Discard).text())
    keys = [QKeySequence.mnemonic(box.button(b).text()) for b in QMessageBox.StandardButton if b & buttons and b]
    assert all(not key.isEmpty() for key in keys) and len(set(keys)) == 3
    assert box.button(QMessageBox.StandardButton.Discard).text() == "&Discard"
    box.button(QMessageBox.StandardButton.Cancel).click()


def test_a_filed_passage_shows_its_section_colour_at_once(window, qtbot):
    start, end = select(window, "cut ties with Tehran")
    qtbot.keyClick(window.source_view, Qt.Key.Key_1, CTRL)
    cursor = window.source_view.textCursor()
    assert not cursor.hasSelection() and start <= cursor.position() <= end  # the caret stays at the passage
