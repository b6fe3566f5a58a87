"""The note and comment editors: Ctrl+B and Ctrl+I, the spelling underline and its context menu, the note card."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor

from briefing.core.model import Note
from briefing.core.spelling import Speller
from briefing.gui import writing
from briefing.gui.items import InlineEditor, ItemWidget, item_words

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def personal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A loaded speller with its own personal dictionary, for each test."""
    path = tmp_path / "dictionary.txt"
    monkeypatch.setattr(writing, "_state", {"speller": Speller(personal=path)})
    return path


def _select(editor: InlineEditor, start: int, end: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def test_ctrl_b_and_ctrl_i_toggle_markup_in_a_note_only(qtbot, personal: Path) -> None:
    editor = InlineEditor("make this bold", markup=True)
    qtbot.addWidget(editor)
    _select(editor, 5, 9)
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.toPlainText() == "make **this** bold"
    assert editor.textCursor().selectedText() == "this"  # still selected: a second press undoes it
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    assert editor.toPlainText() == "make ***this*** bold"
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    assert editor.toPlainText() == "make this bold"
    editor.document().undo()  # each toggle is one undo step
    assert editor.toPlainText() == "make *this* bold"
    comment = InlineEditor("a comment", markup=False)  # comments are not formatted
    qtbot.addWidget(comment)
    _select(comment, 2, 9)
    qtbot.keyClick(comment, Qt.Key.Key_B, CTRL)
    assert comment.toPlainText() == "a comment"


def test_without_a_selection_the_word_at_the_cursor_is_toggled(qtbot, personal: Path) -> None:
    editor = InlineEditor("a word here", markup=True)
    qtbot.addWidget(editor)
    _select(editor, 4, 4)
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    assert editor.toPlainText() == "a *word* here"


def test_ctrl_b_on_a_word_of_a_bold_phrase_unbolds_it_and_ctrl_i_on_bold_lines_adds_italics(
    qtbot, personal: Path
) -> None:
    # QA10 D11: "***alpha beta*******" (stray asterisks, "beta" still bold); D12: Ctrl+I removed the bold
    editor = InlineEditor("***alpha beta***", markup=True)
    qtbot.addWidget(editor)
    _select(editor, 11, 11)  # the caret in "beta"
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.toPlainText() == "***alpha** beta*" and editor.textCursor().selectedText() == "beta"
    assert "<b><i>alpha</i></b><i> beta</i>" in writing.note_html(editor.toPlainText())
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.toPlainText() == "***alpha beta***"
    lines = InlineEditor("**Key points:**\n- **first item**\n1. **numbered one**", markup=True)
    qtbot.addWidget(lines)
    qtbot.keyClick(lines, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(lines, Qt.Key.Key_I, CTRL)
    assert lines.toPlainText() == "***Key points:***\n- ***first item***\n1. ***numbered one***"
    blank = InlineEditor("two  spaces", markup=True)
    qtbot.addWidget(blank)
    _select(blank, 4, 4)  # no word at the caret: nothing changes, no undo step
    qtbot.keyClick(blank, Qt.Key.Key_B, CTRL)
    assert blank.toPlainText() == "two  spaces" and not blank.document().isUndoAvailable()


def _underlined(editor: InlineEditor) -> list[str]:
    block = editor.document().firstBlock()
    text = block.text()
    return [
        text[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
        and r.format.underlineColor() == QColor("#d32f2f")
    ]


def test_misspelled_words_are_underlined_and_a_suggestion_replaces_one(qtbot, personal: Path) -> None:
    editor = InlineEditor("The governmnet said **so**.", markup=True)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: _underlined(editor) == ["governmnet"])
    cursor = QTextCursor(editor.document())
    cursor.setPosition(6)
    menu = writing.context_menu(editor, editor.cursorRect(cursor).center())
    names = [a.text() for a in menu.actions()]
    assert "government" in names and "Add to Dictionary" in names
    assert names.index("government") < names.index("Add to Dictionary")  # suggestions first, then the usual menu
    next(a for a in menu.actions() if a.text() == "government").trigger()
    assert editor.toPlainText() == "The government said **so**."
    qtbot.waitUntil(lambda: _underlined(editor) == [])


def test_add_to_dictionary_remembers_the_word(qtbot, personal: Path) -> None:
    editor = InlineEditor("Zorblat agreed.")
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: _underlined(editor) == ["Zorblat"])
    cursor = QTextCursor(editor.document())
    cursor.setPosition(2)
    menu = writing.context_menu(editor, editor.cursorRect(cursor).center())
    next(a for a in menu.actions() if a.text() == "Add to Dictionary").trigger()
    assert _underlined(editor) == []
    assert personal.read_text(encoding="utf-8") == "Zorblat\n"


def test_a_correct_word_gets_no_spelling_entries(qtbot, personal: Path) -> None:
    editor = InlineEditor("The government agreed.")
    qtbot.addWidget(editor)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(6)
    names = [a.text() for a in writing.context_menu(editor, editor.cursorRect(cursor).center()).actions()]
    assert "Add to Dictionary" not in names


def test_a_note_card_shows_bold_italic_and_lists(qtbot, personal: Path) -> None:
    card = ItemWidget(Note(id="n", text="x"))
    qtbot.addWidget(card)
    card.set_item(Note(id="n", text="A **bold** and *italic* note\n- first\n1. one\n1. two"), "", QColor())
    html = card.text.text()
    assert "<b>bold</b>" in html and "<i>italic</i>" in html and "**" not in html
    assert "•&nbsp;first" in html and "1.&nbsp;one" in html and "2.&nbsp;two" in html
    assert card.text.textFormat() == Qt.TextFormat.RichText


def test_note_words_leave_out_markup_and_list_markers() -> None:
    assert item_words(Note(id="n", text="- **Two** words\n1. and *three* more")) == 5


def test_the_note_editor_shows_bold_and_italic_as_typed(qtbot, personal: Path) -> None:
    editor = InlineEditor("- a **bold** and *italic* word", markup=True)
    qtbot.addWidget(editor)
    editor.show()
    block = editor.document().firstBlock()
    text = block.text()

    def styled() -> dict[str, tuple[bool, bool]]:
        return {
            text[r.start : r.start + r.length]: (r.format.fontWeight() == QFont.Weight.Bold, r.format.fontItalic())
            for r in block.layout().formats()
        }

    qtbot.waitUntil(lambda: styled().get("bold") == (True, False))
    assert styled()["italic"] == (False, True)
    comment = InlineEditor("a **not bold** comment", markup=False)  # comments keep their asterisks as typed
    qtbot.addWidget(comment)
    assert not any(
        r.format.fontWeight() == QFont.Weight.Bold for r in comment.document().firstBlock().layout().formats()
    )


def test_the_card_shows_a_unc_path_as_it_will_print() -> None:
    # QA4 16: "\\server" was shown and printed as "\server"
    typed = r"Saved at \\ncr-fs01\policy\note.docx; a \*literal\* star"
    assert r"Saved at \\ncr-fs01\policy\note.docx; a *literal* star" in writing.note_html(typed)
    # QA6 #6: a wildcard path keeps the backslash before its "*", which could not be markup
    assert r"C:\logs\*.txt" in writing.note_html(r"See C:\logs\*.txt and \*this\*")
    assert "and *this*" in writing.note_html(r"See C:\logs\*.txt and \*this\*")


def test_a_french_notes_lines_are_checked_in_french_and_again_when_its_language_changes(
    window, qtbot, personal: Path
) -> None:
    """QA: "la délégatoin" typed in a French note had "(No suggestions)": the line was checked in English. The
    note's language decides for a note and a comment, and an open editor is checked again when it changes."""
    from briefing.core.operations import SetTitleField, add_note, file_excerpt, new_excerpt

    briefing = window.document.briefing
    window.document.run(SetTitleField("language", "fr"))
    section = briefing.sections[0].id
    window.document.run(file_excerpt(section, new_excerpt(briefing.sources[0], 0, 10)))
    note = add_note(section, "")
    window.document.run(note)
    editor = window.briefing_view.card(note.item.id).start_edit()
    editor.insertPlainText("la délégatoin")  # (typed: QTest aborts on keys beyond ASCII)
    found = writing.misspelling_at(editor, 5)
    assert found is not None and found[0].language == "fr_CA"
    menu = writing.context_menu(editor, editor.cursorRect(editor.textCursor()).center())
    assert "délégation" in [a.text() for a in menu.actions()]
    window.document.run(SetTitleField("language", "en"))  # (Undo of the language, say, while typing)
    assert writing.misspelling_at(editor, 5)[0].language == "en_CA"
    qtbot.waitUntil(lambda: _underlined(editor) == ["délégatoin"])
    window.document.run(SetTitleField("language", "fr"))
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    excerpt = next(c for c in window.briefing_view.sections[section].cards() if c.kind == "excerpt")
    comment = excerpt.start_edit()  # a comment is checked in the note's language too
    comment.insertPlainText("Les négociatoins")
    assert writing.misspelling_at(comment, 6)[0].language == "fr_CA"
