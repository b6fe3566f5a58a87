"""Notes written in place: a new note, Esc, a note being written when the next command comes, and where the
keyboard and the selection go after Undo, Redo and deletes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from .conftest import offsets_of
from .test_filing import select


def test_add_note_edit_in_place_and_undo_merged_edits(window, qtbot):
    window.briefing_view.current_section = "open-issues"
    qtbot.keyClick(window.briefing_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    items = window.document.briefing.section("open-issues").items
    assert len(items) == 1 and items[0].kind == "note"
    card = window.briefing_view.card(items[0].id)
    assert card.editor is not None
    qtbot.keyClicks(card.editor, "Ask the sanctions team")
    qtbot.keyClick(card.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert items[0].text == "Ask the sanctions team"
    assert window.action("undo").text() == "&Undo Edit note"
    card.start_edit()
    card.editor.setPlainText("Ask the sanctions team by Friday")
    qtbot.keyClick(card.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert items[0].text == "Ask the sanctions team by Friday"
    assert "by Friday" in card.text.text()
    window.document.undo_stack.undo()  # both edits merged into one step
    assert items[0].text == ""
    window.document.undo_stack.undo()
    assert window.document.briefing.section("open-issues").items == []


def new_note(window, qtbot, section: str = "open-issues"):
    window.briefing_view.current_section = section
    qtbot.keyClick(window.briefing_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    item = window.document.briefing.section(section).items[-1]
    card = window.briefing_view.card(item.id)
    assert card.editor is not None and card.editor.hasFocus()
    return item, card


def test_a_new_note_left_empty_is_taken_back_and_one_with_text_kept(window, qtbot):
    stack = window.document.undo_stack
    _, card = new_note(window, qtbot)
    qtbot.keyClick(card.editor, Qt.Key.Key_Escape)  # Esc with nothing written
    assert window.document.briefing.section("open-issues").items == []
    assert stack.count() == 0 and not window.action("redo").isEnabled()  # no "Redo Add note" left behind
    assert not window.document.is_dirty()
    _, card = new_note(window, qtbot)
    window.source_view.setFocus()  # left without a word written
    assert window.document.briefing.section("open-issues").items == []
    item, card = new_note(window, qtbot)
    qtbot.keyClicks(card.editor, "Ask the sanctions team")
    window.source_view.setFocus()  # left with something written: kept
    assert item.text == "Ask the sanctions team"
    assert window.document.briefing.section("open-issues").items == [item]


def test_esc_never_throws_away_what_is_typed(window, qtbot):
    """Esc in a new note with text kept the note as nothing: the text was gone, with no Undo (QA4 4). It keeps
    what is written, as leaving the field does, and Undo takes that back, one step at a time."""
    stack = window.document.undo_stack
    item, card = new_note(window, qtbot)
    qtbot.keyClicks(card.editor, "A long working note I have just typed.")
    qtbot.keyClick(card.editor, Qt.Key.Key_Escape)
    assert window.document.briefing.section("open-issues").items == [item]
    assert item.text == "A long working note I have just typed."
    assert card.editor is None and card.hasFocus()  # editing ended, the keyboard on the card
    assert window.action("undo").text() == "&Undo Edit note"
    window.action("undo").trigger()  # the typing, then the note itself
    assert item.text == "" and window.document.briefing.section("open-issues").items == [item]
    window.action("undo").trigger()
    assert window.document.briefing.section("open-issues").items == []
    window.action("redo").trigger()
    window.action("redo").trigger()
    assert window.document.briefing.section("open-issues").items[0].text == "A long working note I have just typed."
    # an existing note, and an excerpt's comment: Esc keeps the edit too, and Undo brings the old text back
    select(window, "cut ties with Tehran")
    window.notes.file_into("background")  # (a change between: consecutive edits of one note are one Undo step)
    excerpt_id = window.briefing_view.selected_item
    card = window.briefing_view.card(item.id)
    window.briefing_view.select_item(item.id)
    qtbot.keyClick(card, Qt.Key.Key_F2)
    qtbot.keyClicks(card.editor, " And one more line.")
    qtbot.keyClick(card.editor, Qt.Key.Key_Escape)
    note = window.document.briefing.find_item(item.id)[2]
    assert note.text == "A long working note I have just typed. And one more line."
    window.action("undo").trigger()
    assert window.document.briefing.find_item(item.id)[2].text == "A long working note I have just typed."
    card = window.briefing_view.card(excerpt_id)
    window.briefing_view.select_item(excerpt_id)
    qtbot.keyClick(card, Qt.Key.Key_Return)
    qtbot.keyClicks(card.editor, "Check with legal")
    steps = stack.index()
    qtbot.keyClick(card.editor, Qt.Key.Key_Escape)
    assert window.document.briefing.find_item(excerpt_id)[2].comment == "Check with legal"
    assert stack.index() == steps + 1 and window.action("undo").text() == "&Undo Edit comment"
    qtbot.keyClick(card, Qt.Key.Key_Return)  # Esc with nothing changed: no step
    qtbot.keyClick(card.editor, Qt.Key.Key_Escape)
    assert stack.index() == steps + 1 and card.editor is None


def test_esc_closes_the_spelling_menu_and_leaves_the_note_being_written(window, qtbot):
    """Esc in the note's context menu closes the menu only: the note stays open, as typed, with no change made."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMenu

    from briefing.gui.accessible import open_context_menu

    stack = window.document.undo_stack
    item, card = new_note(window, qtbot)
    qtbot.keyClicks(card.editor, "the delegatoin arrives Thursday")
    count, seen = stack.count(), []

    def close_menu() -> None:
        menu = QApplication.activePopupWidget()
        seen.append(menu)
        qtbot.keyClick(menu, Qt.Key.Key_Escape)

    QTimer.singleShot(200, close_menu)
    open_context_menu()  # Shift+F10 in the note being written
    assert seen and isinstance(seen[0], QMenu)
    qtbot.wait(20)
    assert card.editor is not None and card.editor.toPlainText() == "the delegatoin arrives Thursday"
    assert stack.count() == count and item.text == ""  # nothing committed, nothing taken back
    qtbot.keyClick(card.editor, Qt.Key.Key_Escape)  # the second Esc leaves the field, keeping it
    assert item.text == "the delegatoin arrives Thursday"


def test_esc_in_a_title_field_keeps_what_is_typed(window, qtbot):
    field = window.briefing_view.title_block.fields["document_number"]
    field.setFocus()
    qtbot.keyClicks(field, "DM-2026-114")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == "DM-2026-114"
    window.source_view.setFocus()
    assert window.document.briefing.title_block.document_number == "DM-2026-114"


def test_a_note_being_typed_is_committed_before_the_next_command(window, qtbot):
    first, card = new_note(window, qtbot)
    qtbot.keyClicks(card.editor, "first note")
    _, card = new_note(window, qtbot)  # Ctrl+N again while still typing
    assert first.text == "first note"
    qtbot.keyClick(card.editor, Qt.Key.Key_Escape)  # so the second note is the last change: taken back
    assert window.document.briefing.section("open-issues").items == [first]
    third, card = new_note(window, qtbot)
    qtbot.keyClicks(card.editor, "typed, then Undo on the toolbar")
    window.action("undo").trigger()
    assert third.text == "" and window.statusBar().currentMessage() == ""  # the typing was the step undone
    window.action("redo").trigger()
    assert third.text == "typed, then Undo on the toolbar"  # and nothing typed is lost


def test_undo_right_after_starting_an_empty_note_takes_only_the_note_back(window, qtbot):
    select(window, "cut ties with Tehran")
    window.notes.file_into("background")
    new_note(window, qtbot)
    window.action("undo").trigger()
    assert window.document.briefing.section("open-issues").items == []
    assert len(window.document.briefing.section("background").items) == 1  # the filing before it stays


def test_deleting_the_last_item_keeps_the_keyboard_in_the_note(window, qtbot):
    select(window, "cut ties with Tehran")
    window.notes.file_into("background")
    item_id = window.document.briefing.section("background").items[0].id
    window.briefing_view.select_item(item_id)
    qtbot.keyClick(window.briefing_view.card(item_id), Qt.Key.Key_Delete)
    assert window.document.briefing.section("background").items == []
    assert QApplication.focusWidget() is window.briefing_view
    assert window.briefing_view.current_section == "background"  # Ctrl+N adds where the item was
    qtbot.keyClick(window.briefing_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.briefing_view.selected_item == item_id  # back, and selected
    assert QApplication.focusWidget() is window.briefing_view.card(item_id)


def test_undo_and_redo_select_the_item_they_bring_back(window, qtbot):
    """Each Undo of a chain of deletes selects the item it brings back (not only when nothing else is selected), and
    so do the Undo of a move and the Redo of a filing; the keyboard stays where it was, in the note or the source."""
    ctrl = Qt.KeyboardModifier.ControlModifier
    for quote in ("cut ties with Tehran", "state sponsors", "Some sanctions"):
        select(window, quote)
        window.notes.file_into("background")
    section = window.document.briefing.section("background")
    a, b, c = (i.id for i in section.items)
    view = window.briefing_view
    view.select_item(a)
    qtbot.keyClick(view.card(a), Qt.Key.Key_Delete)
    assert view.selected_item == b
    qtbot.keyClick(view.card(b), Qt.Key.Key_Delete)
    assert view.selected_item == c
    for back in (b, a):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, ctrl)
        assert view.selected_item == back and QApplication.focusWidget() is view.card(back)
    assert [i.id for i in section.items] == [a, b, c]

    qtbot.keyClick(view.card(a), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    view.select_item(c)
    qtbot.keyClick(view.card(c), Qt.Key.Key_Z, ctrl)  # the move undone: the item that moved back
    assert [i.id for i in section.items] == [a, b, c]
    assert view.selected_item == a and QApplication.focusWidget() is view.card(a)

    select(window, "Iran to its list")
    window.source_view.setFocus()
    qtbot.keyClick(window.source_view, Qt.Key.Key_2, ctrl)
    filed = window.document.briefing.section("positions").items[0].id
    view.select_item(b, focus=False)
    qtbot.keyClick(window.source_view, Qt.Key.Key_Z, ctrl)
    assert view.selected_item == b  # the filing undone: nothing came back
    qtbot.keyClick(window.source_view, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_item == filed  # the filing redone: selected, the keyboard still in the source
    assert QApplication.focusWidget() is window.source_view


def test_a_step_that_takes_the_selected_item_away_leaves_the_keyboard_in_the_note(window, qtbot):
    """The Redo of a Delete leaves things as Delete did (the next item selected), and so does the Undo of a
    filing; before, the keyboard went on to the source list."""
    ctrl = Qt.KeyboardModifier.ControlModifier
    for quote in ("cut ties with Tehran", "state sponsors", "Some sanctions"):
        select(window, quote)
        window.notes.file_into("background")
    _, b, c = (i.id for i in window.document.briefing.section("background").items)
    view = window.briefing_view
    view.select_item(b)
    qtbot.keyClick(view.card(b), Qt.Key.Key_Delete)
    qtbot.keyClick(view.card(c), Qt.Key.Key_Z, ctrl)
    qtbot.keyClick(view.card(b), Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)  # b deleted again
    assert view.selected_item == c and QApplication.focusWidget() is view.card(c)

    select(window, "Iran to its list")
    window.notes.file_into("positions")  # after c, the last item of the note
    filed = window.document.briefing.section("positions").items[0].id
    view.select_item(filed)
    qtbot.keyClick(view.card(filed), Qt.Key.Key_Z, ctrl)
    assert view.selected_item == c and QApplication.focusWidget() is view.card(c)  # none after it: the one before

    for _ in range(4):  # the Delete undone (b back, selected), then each filing: down to an empty note
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, ctrl)
    assert [s.items for s in window.document.briefing.sections] == [[] for _ in window.document.briefing.sections]
    assert QApplication.focusWidget() is view and view.current_section == "background"


def test_undo_scrolls_a_long_note_to_the_item_it_brings_back(window, qtbot):
    for length in range(40, 70):
        window.source_view.select_offsets(0, length)
        window.notes.file_into("background")
    ids = [i.id for i in window.document.briefing.section("background").items]
    view = window.briefing_view

    def in_view(item_id: str) -> bool:
        card = view.card(item_id)
        top = card.mapTo(view.viewport(), QPoint(0, 0)).y()
        return card.isVisible() and 0 <= top <= view.viewport().height() - card.height()

    qtbot.waitUntil(lambda: in_view(ids[0]))  # laid out
    view.select_item(ids[1])
    qtbot.keyClick(view.card(ids[1]), Qt.Key.Key_Delete)
    view.select_item(ids[-1])  # reading on at the end of the note
    qtbot.waitUntil(lambda: in_view(ids[-1]) and not in_view(ids[2]))
    qtbot.keyClick(view.card(ids[-1]), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_item == ids[1]
    qtbot.waitUntil(lambda: in_view(ids[1]), timeout=1000)


def test_going_back_to_the_note_leaves_the_source_where_it_is(window, qtbot):
    select(window, "cut ties with Tehran")
    window.notes.file_into("background")
    window.briefing_view.select_item(window.document.briefing.section("background").items[0].id)
    select(window, "Iran welcomed the talks", source_id="src-b")  # reading on in another source
    window.source_view.setFocus()
    window.action("focus_note").trigger()
    assert window.source_view.source_id == "src-b"
    assert window.source_view.selection_offsets() == offsets_of(
        window.document.briefing, "src-b", "Iran welcomed the talks"
    )


def test_undo_from_the_toolbar_keeps_the_keyboard_where_it_was(window, qtbot):
    select(window, "cut ties with Tehran")
    window.notes.file_into("background")
    select(window, "state sponsors")
    window.notes.file_into("background")
    first, second = (i.id for i in window.document.briefing.section("background").items)
    window.briefing_view.select_item(first)
    window.action("undo").trigger()  # the second filing goes; the selected card keeps the keyboard
    assert QApplication.focusWidget() is window.briefing_view.card(first)
    field = window.briefing_view.title_block.fields["document_number"]
    field.setFocus()
    qtbot.keyClicks(field, "BN-1")
    window.action("undo").trigger()  # the typing is committed, then undone
    assert window.document.briefing.title_block.document_number == ""
    assert QApplication.focusWidget() is field
    assert second not in window.briefing_view.sections["background"].widgets


def test_a_note_being_written_stays_open_while_another_window_has_the_keyboard(window, qtbot):
    """Switching to a browser to copy a passage (the window loses activation) does not close the note being
    written; leaving it within the window does, keeping its text."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFocusEvent

    item, card = new_note(window, qtbot)
    qtbot.keyClicks(card.editor, "half a sentence")
    QApplication.sendEvent(card.editor, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.ActiveWindowFocusReason))
    assert card.editor is not None and item.text == ""
    QApplication.sendEvent(card.editor, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.MouseFocusReason))
    assert card.editor is None and item.text == "half a sentence"
