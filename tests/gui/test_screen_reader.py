"""What a screen-reader or low-vision analyst meets (QA follow-up): the new note's editor grows as she types, the
keyboard goes nowhere else when a note is kept or added, cards are named by the text as shown, and what the
status bar tells is also announced."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from briefing.core.operations import add_note

from .test_filing import select

CTRL = Qt.KeyboardModifier.ControlModifier


def _focus_trail(qapp) -> list[str]:
    trail: list[str] = []
    qapp.focusChanged.connect(lambda _old, new: trail.append(new.objectName() if new is not None else ""))
    return trail


def _first_card(window, qtbot):
    """A passage filed into Background with Ctrl+1 in the source, as an analyst does: its card."""
    select(window, "cut ties with Tehran")
    window.source_view.setFocus()
    qtbot.keyClick(window.source_view, Qt.Key.Key_1, CTRL)
    return window.briefing_view.card(window.document.briefing.section("background").items[0].id)


def test_a_new_note_s_editor_grows_while_typing(window, qtbot):
    card = _first_card(window, qtbot)
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_N, CTRL)
    editor = QApplication.focusWidget()
    new_card = editor.parentWidget()
    qtbot.keyClicks(editor, "one two three four five six seven eight nine ten eleven twelve " * 6)
    qtbot.wait(20)
    lines = editor.document().size().height()  # in lines (QPlainTextEdit's document layout)
    assert lines >= 4
    assert editor.height() >= lines * editor.fontMetrics().lineSpacing()
    # The card makes room for the whole editor: nothing typed is cut off below the card's edge.
    assert editor.geometry().bottom() < new_card.height(), (editor.geometry(), new_card.height())


@pytest.mark.parametrize("text", ["Note avant le plantage", ""])
def test_an_existing_short_note_s_editor_grows_too(window, qtbot, text):
    """F2 on a one-line (or empty) note opens the same in-place editor as a new note: it and its card grow with
    the lines typed (QA: the card kept its one-line height, the lines typed hidden below its edge)."""
    operation = add_note("background", text, None)
    window.document.run(operation)
    card = window.briefing_view.card(operation.item.id)
    card.setFocus()
    qtbot.wait(20)  # laid out: the card has its one-line height
    qtbot.keyClick(card, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is card.editor
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    for line in ("Le ministre a declare une erreur.", "- ligne deux", "- ligne trois"):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)
    qtbot.wait(20)
    lines = editor.document().size().height()  # in lines (QPlainTextEdit's document layout)
    assert lines >= 4
    assert editor.height() >= lines * editor.fontMetrics().lineSpacing()
    assert editor.geometry().bottom() < card.height(), (editor.geometry(), card.height())


def test_keeping_a_note_sends_the_keyboard_straight_back_to_its_card(window, qtbot, qapp):
    card = _first_card(window, qtbot)
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_N, CTRL)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Ask the desk")
    qtbot.wait(50)  # laid out, as when a person types
    trail = _focus_trail(qapp)
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert trail == ["noteItem"]  # before: "sourceList" first, read out as "Sources, list"


def test_enter_on_an_empty_section_goes_straight_to_the_new_note(window, qtbot, qapp):
    slot = window.briefing_view.sections["background"].empty
    slot.setFocus()
    trail = _focus_trail(qapp)
    qtbot.keyClick(slot, Qt.Key.Key_Return)
    qtbot.wait(10)
    assert trail == ["inlineEditor"]  # before: the next empty section first
    assert slot.isHidden()
    qtbot.keyClicks(QApplication.focusWidget(), "Ask the desk")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert window.document.briefing.section("background").items[0].text == "Ask the desk"


def test_filing_into_a_focused_empty_section_keeps_the_keyboard_there(window, qtbot, qapp):
    slot = window.briefing_view.sections["background"].empty
    select(window, "cut ties with Tehran")
    slot.setFocus()
    qtbot.keyClick(slot, Qt.Key.Key_1, CTRL)
    qtbot.wait(10)
    (item,) = window.document.briefing.section("background").items
    assert QApplication.focusWidget() is window.briefing_view.card(item.id)


def test_a_note_card_is_named_by_its_text_as_shown(window):
    text = "Point clé : le ministre doit **décider** avant *vendredi*, à \\*5\\* et 5 \\* 3.\n- Les pourparlers\n- L’Italie"
    operation = add_note("background", text, None)
    window.document.run(operation)
    name = window.briefing_view.card(operation.item.id).accessibleName()
    assert (
        name
        == "Note: Point clé : le ministre doit décider avant vendredi, à *5* et 5 \\* 3.\n• Les pourparlers\n• L’Italie"
    )


@pytest.fixture
def announced(monkeypatch) -> list[str]:
    """What the window announces to screen readers (QAccessibleAnnouncementEvent), with a reader listening."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    said: list[str] = []

    def update(event) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append(event.message())

    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(update))
    return said


def test_filing_and_its_refusal_are_announced(window, qtbot, announced):
    window.source_view.setFocus()
    qtbot.keyClick(window.source_view, Qt.Key.Key_3, CTRL)  # nothing selected
    assert announced == ["Select a passage in the source first."]
    assert window.status.currentMessage() == announced[-1]
    select(window, "cut ties with Tehran")
    qtbot.keyClick(window.source_view, Qt.Key.Key_3, CTRL)
    heading = window.document.briefing.sections[2].heading
    assert announced[-1] == window.status.currentMessage() and heading in announced[-1]


def test_an_export_and_a_save_are_announced(window, qtbot, announced, prompts, tmp_path):
    prompts.save_as.append(str(tmp_path / "note.docx"))
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        window.export("docx")
    assert announced[-1].startswith("Exported note.docx")
    prompts.save_as.append(str(tmp_path / "note.briefing"))
    assert window.files.save()
    assert announced[-1] == "Saved note.briefing"


def test_the_shortcut_list_fits_the_screen_and_scrolls(window, qtbot):
    from briefing.gui.dialogs import ShortcutsDialog, shortcut_rows

    rows = shortcut_rows(window.actions())
    screen = window.screen().availableGeometry()
    # as many rows as at 200 % on a 1366×768 screen, in pixels of this one: twice the screen's height of them
    many = rows * (1 + 2 * screen.height() // (len(rows) * window.fontMetrics().height()))
    dialog = ShortcutsDialog(many, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.frameGeometry().height() <= screen.height()
    assert dialog.table.rowCount() == len(many)
    bar = dialog.table.verticalScrollBar()
    assert bar.isVisible() and bar.maximum() > 0  # the rows below the edge are reached by scrolling
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isVisible() and dialog.rect().contains(ok.mapTo(dialog, ok.rect().bottomRight()))


def test_the_source_header_is_never_cut_in_a_short_window(qtbot):
    """At 200 % on a 1366×768 screen the window is 683×384 of Qt's pixels: the header kept the source's title and
    lost half of the file name under it; now the source text below gives way."""
    from briefing.demo import demo_briefing
    from briefing.gui.main_window import MainWindow

    window = MainWindow(demo_briefing())
    qtbot.addWidget(window)
    window.show()
    meta = window.source_pane.meta
    assert "canada-iran-talks.txt" in meta.text()
    for height in range(420, 299, -20):  # the exact height depends on the fonts: every height around it
        window.resize(683, height)
        qtbot.wait(20)
        assert meta.height() >= meta.heightForWidth(meta.width()) > 0, height


def _menu_opened_by(qtbot, widget, key=Qt.Key.Key_F10, modifier=Qt.KeyboardModifier.ShiftModifier) -> list[str]:
    """Press the key on widget; the entries of the context menu it opens (closed again at once)."""
    from PySide6.QtCore import QTimer

    seen: list[str] = []

    def close() -> None:
        menu = QApplication.activePopupWidget()
        if menu is not None:
            seen.extend(a.text().replace("&", "") for a in menu.actions() if a.text())
            menu.close()

    QTimer.singleShot(200, close)
    qtbot.keyClick(widget, key, modifier)
    qtbot.wait(300)
    return seen


def test_shift_f10_opens_the_context_menu_of_a_card_the_sources_and_the_note_editor(window, qtbot):
    card = _first_card(window, qtbot)
    card.setFocus()
    assert "Delete Item" in _menu_opened_by(qtbot, card)
    window.source_pane.list.setFocus()
    assert "Source Details…" in _menu_opened_by(qtbot, window.source_pane.list)
    editor = card.start_edit()
    assert "Select All" in "".join(_menu_opened_by(qtbot, editor))
    window.source_view.setFocus()
    assert "Trim Excerpt to Selection" in _menu_opened_by(qtbot, window.source_view)


def test_a_section_over_its_word_budget_says_so_in_words(window):
    from PySide6.QtGui import QAccessible

    section = window.briefing_view.sections["background"]
    assert section.budget == 250
    window.document.run(add_note("background", "word " * 240, None))
    assert section.count.text() == "240 / 250 words"
    window.document.run(add_note("background", "word " * 20, None))
    assert section.count.text() == "260 / 250 words, 10 over"  # before: "260 / 250 words", in red only
    name = QAccessible.queryAccessibleInterface(section.count).text(QAccessible.Text.Name)
    assert name == "260 / 250 words, 10 over"


def test_moving_a_card_tells_where_it_went_and_keeps_the_keyboard_on_it(window, qtbot, qapp, announced):
    for quote in ("cut ties with Tehran", "state sponsors of terrorism"):
        select(window, quote)
        window.source_view.setFocus()
        qtbot.keyClick(window.source_view, Qt.Key.Key_1, CTRL)
    first, second = window.document.briefing.section("background").items
    card = window.briefing_view.card(first.id)
    card.setFocus()
    qtbot.wait(10)
    trail = _focus_trail(qapp)
    qtbot.keyClick(card, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [i.id for i in window.document.briefing.section("background").items] == [second.id, first.id]
    assert announced[-1] == "Item 2 of 2 in Background"  # before: nothing said
    assert trail == [] and QApplication.focusWidget() is card
    cards: list[str] = []  # other cards the keyboard passed through
    qapp.focusChanged.connect(lambda _old, new: cards.append(getattr(new, "item_id", "")) if new is not None else None)
    qtbot.keyClick(card, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # past the end: into Positions
    qtbot.wait(10)
    assert window.document.briefing.section("positions").items[0].id == first.id
    assert announced[-1] == "Item 1 of 1 in Positions"
    assert QApplication.focusWidget() is window.briefing_view.card(first.id)
    assert cards == [first.id]  # before: the card left behind in Background first, then the moved one


def test_the_find_bar_s_tab_order_is_its_visual_order(window, qtbot):
    window.action("find_all").trigger() if "find_all" in window.actions_.by_name else None
    bar = window.source_pane.find_bar
    bar.open_bar(all_sources=True)
    qtbot.wait(10)
    order = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    assert order == ["findPrevious", "findNext", "findAllSources", "findClose", "findResults"]


def test_a_count_that_fails_on_a_note_being_written_keeps_the_last_count(qtbot, monkeypatch):
    """A new, empty note in a bilingual GC note made ReportLab fail ("\\nraised by class KeepTogether…"): the status
    bar said "? pages" and its description "The pages cannot be counted: " with nothing after it."""
    from PySide6.QtWidgets import QLabel

    from briefing.core.templates import load_catalog, new_briefing
    from briefing.export import pages
    from briefing.gui.exports import refusal
    from briefing.gui.page_count import PageCountWatcher

    template = load_catalog().get("information-note")
    label = QLabel()
    qtbot.addWidget(label)
    watcher = PageCountWatcher(label, delay_ms=10)
    note = new_briefing(template, title="Talks")
    with qtbot.waitSignal(watcher.counted, timeout=10_000):
        watcher.request(note, template)
    shown, tip = label.text(), label.toolTip()
    failure = AttributeError("\nraised by class KeepTogether wrap\n 'KeepTogether' object has no attribute 'canv'")

    def fail(*_args):
        raise failure

    monkeypatch.setattr(pages, "count_pages", fail)
    watcher.request(note, template)
    qtbot.wait(300)
    watcher.wait()
    qtbot.wait(50)
    assert (label.text(), label.toolTip()) == (shown, tip)
    assert refusal(failure, None) == "raised by class KeepTogether wrap"  # when one is shown, never an empty reason


def test_title_block_fields_have_no_dash_for_a_description_and_combos_are_named_by_their_labels(window):
    from PySide6.QtGui import QAccessible

    fields = window.briefing_view.title_block.fields
    for name, field in fields.items():
        interface = QAccessible.queryAccessibleInterface(field)
        assert interface.text(QAccessible.Text.Description) != "—", name  # before: the placeholder, read as "dash"
        if name in ("purpose", "language"):
            assert interface.role() == QAccessible.Role.ComboBox
            assert interface.text(QAccessible.Text.Name) == field.accessibleName() != field.currentText(), name
    assert {"purpose", "language"} <= set(fields)


def test_source_details_labels_have_access_keys_and_the_language_is_checked(window, qtbot, announced):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QFormLayout, QLabel

    from briefing.gui.dialogs import SourceDetailsDialog

    dialog = SourceDetailsDialog(window.document.briefing.source("src-a"), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    form = dialog.findChild(QFormLayout)
    keys = []
    for name, field in dialog.fields.items():
        label = form.labelForField(field)
        assert isinstance(label, QLabel) and label.buddy() is field, name  # Alt+its letter goes to the field
        keys.append(QKeySequence.mnemonic(label.text()))
        assert not keys[-1].isEmpty(), name
    assert len(set(keys)) == len(keys)
    for wrong in ("english", "fr_CA", "fr CA"):
        dialog.fields["language"].setText(wrong)
        dialog.accept()
        assert dialog.isVisible() and "fr-CA" in dialog.problem.text(), wrong  # before: taken silently
        assert announced[-1] == dialog.problem.text()
    dialog.fields["language"].setText("fr-CA")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.changed_values() == {"language": "fr-CA"}


def test_the_new_briefing_templates_carry_their_description_and_the_default_is_marked(qtbot):
    from PySide6.QtGui import QAccessible

    from briefing.core.templates import DEFAULT_TEMPLATE, load_catalog
    from briefing.gui.dialogs import NewBriefingDialog

    catalog = load_catalog()
    templates = list(catalog.templates.values())
    dialog = NewBriefingDialog(templates)
    qtbot.addWidget(dialog)
    dialog.show()
    listed = QAccessible.queryAccessibleInterface(dialog.list)
    cells = [listed.child(i) for i in range(listed.childCount())]
    cells = [c for c in cells if c is not None and c.role() == QAccessible.Role.ListItem]
    assert len(cells) == dialog.list.count() >= 2
    for row, cell in enumerate(cells):
        template = dialog.list.item(row).data(Qt.ItemDataRole.UserRole)
        description = cell.text(QAccessible.Text.Description)
        assert description.startswith(template.description) and "Sections:" in description  # before: ""
        marked = cell.text(QAccessible.Text.Name).endswith(" (default)")
        assert marked == (template.id == DEFAULT_TEMPLATE), cell.text(QAccessible.Text.Name)


def test_a_source_list_item_is_described_by_its_second_line(window):
    """QA8 D12: a screen reader heard a source's title only; the line under it (publisher · date · author, or the
    file's name) that sighted users read to tell two copies of an article apart was not exposed."""
    from PySide6.QtGui import QAccessible

    listed = QAccessible.queryAccessibleInterface(window.source_pane.list)
    cells = [listed.child(i) for i in range(listed.childCount())]
    cells = [c for c in cells if c is not None and c.role() == QAccessible.Role.ListItem]
    assert [c.text(QAccessible.Text.Name) for c in cells] == ["Canada confirms talks", "Iran responds"]
    assert [c.text(QAccessible.Text.Description) for c in cells] == ["Sample Press · 2016-04-15"] * 2  # before: ""


def test_a_position_told_after_a_move_goes_once_the_note_changes(window, qtbot):
    """QA8 D13d: "Item 2 of 2 in Background" stayed in the status bar while a note was added there, making 3."""
    for quote in ("cut ties with Tehran", "state sponsors of terrorism"):
        select(window, quote)
        qtbot.keyClick(window.source_view, Qt.Key.Key_1, CTRL)
    first, _second = window.document.briefing.section("background").items
    card = window.briefing_view.card(first.id)
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.status.currentMessage() == "Item 2 of 2 in Background"
    qtbot.keyClick(card, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "Ask the desk")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert len(window.document.briefing.section("background").items) == 3
    assert window.status.currentMessage() != "Item 2 of 2 in Background"  # no longer true: gone
