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


def test_paragraph_and_sentence_keys_select_by_the_text_not_the_screen_line(window, qtbot, prompts):
    """Ctrl+Shift+Down selected nothing and Shift+End stopped at the visual line end: Ctrl+Shift+Down / Up select
    to the end / start of the paragraph (as in Word and LibreOffice), F8 the sentence, then the paragraph."""
    from PySide6.QtGui import QKeySequence, QTextCursor

    from briefing.core.operations import AddSource

    from .conftest import make_source

    paragraphs = [
        "Trudeau has made no secret of its desire to reengage with Iran. Talks began in Vienna, e.g. on visas.",
        "A second paragraph.",
    ]
    window.document.run(AddSource(make_source("src-s", paragraphs, "Sentences")))
    window.source_pane.select_source("src-s")
    view = window.source_view
    view.setFocus()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

    def caret_at(text: str) -> None:
        cursor = view.textCursor()
        cursor.setPosition(view.toPlainText().index(text))
        view.setTextCursor(cursor)

    caret_at("of its desire")
    qtbot.keyClick(view, Qt.Key.Key_Down, ctrl_shift)
    assert view.textCursor().selectedText() == paragraphs[0][paragraphs[0].index("of its") :]
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # and it files
    assert window.document.briefing.sections[0].items[-1].anchor.exact.startswith("of its desire")
    caret_at("of its desire")
    qtbot.keyClick(view, Qt.Key.Key_Down, ctrl_shift)
    qtbot.keyClick(view, Qt.Key.Key_Down, ctrl_shift)  # at the end already: on to the end of the next one
    assert view.textCursor().selectedText().endswith("A second paragraph.")
    caret_at("Talks began")
    qtbot.keyClick(view, Qt.Key.Key_Up, ctrl_shift)
    assert view.textCursor().selectedText() == "Trudeau has made no secret of its desire to reengage with Iran. "
    caret_at("in Vienna")
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.textCursor().selectedText() == "Talks began in Vienna, e.g. on visas."
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.textCursor().selectedText() == paragraphs[0]
    cursor = view.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)  # other keys keep Qt's meaning
    # F1 lists them
    from briefing.gui.dialogs import shortcut_rows

    help_text = " ".join(keys for keys, _what in shortcut_rows(window.actions()))
    native = QKeySequence.SequenceFormat.NativeText
    for keys in ("Ctrl+Shift+Down", "Ctrl+Shift+Up", "F8"):
        assert QKeySequence(keys).toString(native) in help_text, keys


def test_a_refused_edit_in_a_read_only_briefing_says_why(window, qtbot, monkeypatch):
    """Locked by a colleague, Enter, F2, Delete, typing on a card and Ctrl+1 did nothing and said nothing: each
    now shows why in the status bar and has a screen reader say it."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    said: list[str] = []
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(
        QAccessible,
        "updateAccessibility",
        staticmethod(
            lambda event: said.append(event.message()) if isinstance(event, QAccessibleAnnouncementEvent) else None
        ),
    )
    select(window, "cut ties with Tehran")
    qtbot.keyClick(window.source_view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    window.document.read_only = True  # as when a colleague holds the file
    window.files.readOnlyChanged.emit(True)
    reason = window.document.read_only_reason()
    assert reason.startswith("Read-only: ")
    card = next(iter(window.briefing_view.sections["background"].widgets.values()))
    card.setFocus()
    keys = [
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier),
    ]
    for key, mods in keys:
        window.status.clearMessage()
        said.clear()
        qtbot.keyClick(card, key, mods)
        assert window.status.currentMessage() == reason and said == [reason], key
    assert card.editor is None and len(window.document.briefing.section("background").items) == 1
    said.clear()
    qtbot.keyClick(card, Qt.Key.Key_Down)  # moving around is reading: nothing to refuse
    assert said == []
    select(window, "expelled Iranian diplomats")
    window.source_view.setFocus()
    said.clear()
    qtbot.keyClick(window.source_view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert said == [reason] and window.document.briefing.section(window.document.briefing.sections[1].id).items == []


def test_the_pane_divider_moves_from_the_keyboard_and_is_named(window, qtbot):
    """Only a mouse drag could give the source text more room (at 200 % it showed a line and a half), and the
    dividers were nameless on the accessibility bus."""
    from PySide6.QtGui import QKeySequence

    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    splitter = window.splitter
    before = splitter.sizes()
    assert window.action("widen_source").shortcut() == QKeySequence("Alt+Shift+Right")
    window.action("widen_source").trigger()
    wider = splitter.sizes()
    assert wider[0] >= before[0] + sum(before) // 10 - 2 and sum(wider) == sum(before)
    for _ in range(20):  # never past the note's minimum: the splitter stops there
        window.action("widen_source").trigger()
    assert splitter.sizes()[1] >= splitter.widget(1).minimumSizeHint().width() > 0
    window.action("widen_note").trigger()
    window.action("widen_note").trigger()
    assert splitter.sizes()[1] > splitter.widget(1).minimumSizeHint().width()
    assert splitter.handle(1).accessibleName() == "Divider between the source and the note"
    assert window.source_pane.splitter.handle(1).accessibleName()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.menu().objectName() == "menu_view")
    assert {window.action("widen_source"), window.action("widen_note")} <= set(view_menu.actions())


def test_widen_note_gives_the_note_the_width_and_leaves_the_source_readable(window, qtbot):
    """Widen Note left the source pane 110 px wide at 1366 x 768, and the note's column kept its 920 px, so the
    width it gained was a white margin."""
    window.resize(1366, 768)
    qtbot.wait(10)
    view = window.briefing_view
    for _ in range(10):
        window.action("widen_note").trigger()
        qtbot.wait(1)
    source, note = window.splitter.sizes()
    assert source >= 0.3 * (source + note) - 2  # the source text keeps a usable width
    assert view.viewport().width() > 920  # wider than the old column: the note was widened
    assert view.page.width() >= 0.97 * view.viewport().width()  # and the column takes it (the sides: 1/102 each)
    for _ in range(10):  # and back: at the default width the column is the readable one again
        window.action("widen_source").trigger()
        qtbot.wait(1)
    window.resize(2400, 900)
    window.splitter.setSizes([1000, 1400])
    qtbot.wait(10)
    assert view.page.width() == 920


def test_up_on_the_first_stop_stays_there(window, qtbot):
    """QA8 D18: Up on the note's first item moved focus down to the next section's first stop, then into the title
    field scrolled out of view, where typing changed the title unseen. Up at the top stays put, as Down at the
    bottom does (docs/gui.md: previous / next item, across sections)."""
    select(window, "cut ties with Tehran")
    qtbot.keyClick(window.source_view, Qt.Key.Key_1, CTRL)
    select(window, "sanctions")
    qtbot.keyClick(window.source_view, Qt.Key.Key_2, CTRL)
    view, briefing = window.briefing_view, window.document.briefing
    title = briefing.title_block.title
    card = view.card(briefing.sections[0].items[0].id)
    card.setFocus()
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
        assert QApplication.focusWidget() is card
    assert view.selected_item == card.item_id
    assert briefing.title_block.title == title


def test_up_on_an_empty_first_section_stays_there(window, qtbot):
    select(window, "sanctions")
    qtbot.keyClick(window.source_view, Qt.Key.Key_2, CTRL)
    slot = window.briefing_view.sections[window.document.briefing.sections[0].id].empty
    slot.setFocus()
    qtbot.keyClick(slot, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is slot
