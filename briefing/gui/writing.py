"""The analyst's writing in the window: spell check (red wavy underline, suggestions and "Add to Dictionary" in
the context menu), Ctrl+B and Ctrl+I in the note editor, and a note's card showing its bold, italic and lists.

The spelling engine is briefing.core.spelling; its dictionaries load on a worker thread the first time an editor
opens (about half a second), and the underlines appear when they are ready.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from briefing.core import richtext
from briefing.gui.i18n import shown_error

if TYPE_CHECKING:  # the spelling engine loads with the first editor, not at start-up
    from briefing.core.spelling import Misspelling, Speller

UNDERLINE = QColor("#d32f2f")  # the red of a spelling mistake, in light and dark themes alike
_state: dict[str, object] = {}  # "speller": the loaded Speller; "error": why there is none; "loading": a thread


class _Loaded(QObject):
    """Tells the highlighters, on the GUI thread, that the speller has loaded. A signal, so that Qt forgets an
    editor closed (and its highlighter deleted) in the meantime."""

    ready = Signal()


_loaded = _Loaded()


def speller() -> Speller | None:
    """The loaded speller, or None while it loads or when spelling is unavailable."""
    return cast("Speller | None", _state.get("speller"))  # only _load() puts one there


def _load() -> None:
    from briefing.core.spelling import SpellingUnavailable, shared_speller

    try:
        _state["speller"] = shared_speller()
    except SpellingUnavailable as exc:
        _state["error"] = shown_error(exc)  # spelling is simply off: the editors work as before


def when_ready(highlighter: QSyntaxHighlighter) -> None:
    """Highlight again once the speller has loaded (starting it loading on a worker thread the first time)."""
    if speller() is not None or "error" in _state:
        return
    _loaded.ready.connect(highlighter.rehighlight)
    if "loading" not in _state:
        thread = threading.Thread(target=_load, name="spelling", daemon=True)
        _state["loading"] = thread
        thread.start()
        _poll()


def _poll() -> None:
    thread = _state.get("loading")
    if isinstance(thread, threading.Thread) and thread.is_alive():
        QTimer.singleShot(50, _poll)
        return
    _loaded.ready.emit()


class SpellHighlighter(QSyntaxHighlighter):
    """Red wavy underline under each misspelled word of each line (a line of a note is a paragraph); in a note
    (`markup`), its bold and italic shown as such and their asterisks greyed, as the analyst types."""

    def __init__(self, document: QTextDocument, *, markup: bool = False, marks: QColor | None = None) -> None:
        super().__init__(document)
        self.markup = markup
        self.marks = QColor(marks if marks is not None else QColor(128, 128, 128))
        self.note_language = ""  # the note's ("en", "fr", "bilingual"): a line is checked in it unless clearly not
        when_ready(self)

    def set_note_language(self, language: str) -> None:
        """Check in the note's language from now on: every line again, when it changed."""
        if language != self.note_language:
            self.note_language = language
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if self.markup and "*" in text:
            inline = richtext.scan_line(text)
            for start, end, bold, italic in inline.styled:
                styled = QTextCharFormat()
                if bold:
                    styled.setFontWeight(QFont.Weight.Bold)
                styled.setFontItalic(italic)
                self.setFormat(start, end - start, styled)
            for start, end in inline.marks:
                mark = QTextCharFormat(self.format(start))
                mark.setForeground(self.marks)
                self.setFormat(start, end - start, mark)
        checker = speller()
        if checker is None:
            return
        for miss in checker.check(text, self.note_language):
            underline = QTextCharFormat(self.format(miss.start))  # keeps the word's bold or italic
            underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            underline.setUnderlineColor(UNDERLINE)
            self.setFormat(miss.start, miss.end - miss.start, underline)


def misspelling_at(editor: QPlainTextEdit, position: int) -> tuple[Misspelling, int] | None:
    """The misspelled word at a document position, and where its line (block) starts."""
    checker = speller()
    if checker is None:
        return None
    block = editor.document().findBlock(position)
    offset = position - block.position()
    highlighters = editor.document().findChildren(SpellHighlighter)
    language = highlighters[0].note_language if highlighters else ""  # as the underline was drawn
    for miss in checker.check(block.text(), language):
        if miss.start <= offset <= miss.end:
            return miss, block.position()
    return None


def context_menu(editor: QPlainTextEdit, pos: QPoint) -> QMenu:
    """The editor's usual menu, with suggestions for a misspelled word under the pointer (they replace it) and
    "Add to Dictionary" first."""
    menu = editor.createStandardContextMenu(pos)
    cursor = editor.cursorForPosition(pos)
    found = misspelling_at(editor, cursor.position())
    checker = speller()
    if found is None or checker is None:
        return menu
    miss, block_start = found
    suggestions = checker.suggestions(miss.word, miss.language)
    start, length = block_start + miss.start, miss.end - miss.start
    added: list[QAction] = []
    for word in suggestions:
        action = QAction(word, menu)
        action.setObjectName("spellingSuggestion")
        action.triggered.connect(lambda _=False, w=word: replace_word(editor, start, length, w))
        added.append(action)
    if not suggestions:
        none = QAction(QCoreApplication.translate("SpellHighlighter", "(No suggestions)"), menu)
        none.setEnabled(False)
        added.append(none)
    add = QAction(QCoreApplication.translate("SpellHighlighter", "Add to Dictionary"), menu)
    add.setObjectName("addToDictionary")
    add.triggered.connect(lambda: _add_word(editor, miss.word))
    added.append(add)
    separator = QAction(menu)
    separator.setSeparator(True)
    added.append(separator)
    existing = menu.actions()
    if existing:
        menu.insertActions(existing[0], added)
    else:
        menu.addActions(added)
    return menu


def replace_word(editor: QPlainTextEdit, start: int, length: int, word: str) -> None:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(word)  # one undo step, like any typing
    editor.setTextCursor(cursor)


def _add_word(editor: QPlainTextEdit, word: str) -> None:
    checker = speller()
    if checker is None:
        return
    try:
        checker.add(word)
    except OSError as exc:
        # known for this session; saving it failed, and the analyst is told why
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(
            editor, QCoreApplication.translate("SpellHighlighter", "Add to Dictionary"), shown_error(exc)
        )
    for highlighter in editor.document().findChildren(SpellHighlighter):
        highlighter.rehighlight()


def toggle_markup(editor: QPlainTextEdit, marker: str) -> None:
    """Ctrl+B ("**") or Ctrl+I ("*"): bold or italic on the selection, or off when it all is already; without a
    selection, on the word at the cursor (see richtext.toggle)."""
    cursor = editor.textCursor()
    text = editor.toPlainText()
    new, new_start, new_end = richtext.toggle(text, cursor.selectionStart(), cursor.selectionEnd(), marker)
    if new == text:
        return  # no word there, or none that can be
    edit = QTextCursor(editor.document())
    edit.beginEditBlock()  # one undo step
    edit.select(QTextCursor.SelectionType.Document)
    edit.insertText(new)
    edit.endEditBlock()
    edit.setPosition(new_start)
    edit.setPosition(new_end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(edit)


def note_html(text: str) -> str:
    """A note as its card shows it: bold, italic, lists and their numbers as they will print."""
    parts: list[str] = []
    for line in richtext.note_lines(text):
        body = "".join(_run_html(run) for run in line.runs)
        if line.kind:
            label = _escape(richtext.list_label(line.kind, line.level, line.start))
            margin = 16 * (line.level + 1)
            parts.append(f'<p style="margin:0 0 0 {margin}px; text-indent:-12px">{label}&nbsp;{body}</p>')
        else:
            parts.append(f'<p style="margin:0">{body}</p>')
    return "".join(parts)


def note_shown(text: str) -> str:
    """A note's text as its card shows it, without markup: its accessible name, so a screen reader says the words
    and the list labels a reader sees ("•", "2."), not "star star" or "dash"."""
    lines = richtext.note_lines(text)
    return "\n".join(
        f"{richtext.list_label(line.kind, line.level, line.start)} {line.text}" if line.kind else line.text
        for line in lines
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _run_html(run: richtext.Run) -> str:
    html = _escape(run.text)
    if run.italic:
        html = f"<i>{html}</i>"
    if run.bold:
        html = f"<b>{html}</b>"
    return html


def install(editor: QPlainTextEdit, *, markup: bool, note_language: str = "") -> SpellHighlighter:
    """Spell check an editor (a note or a comment) in the note's language (see SpellHighlighter); `markup`: Ctrl+B
    and Ctrl+I work there (a note)."""
    editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    editor.customContextMenuRequested.connect(lambda pos: context_menu(editor, pos).exec(editor.mapToGlobal(pos)))
    marks = editor.palette().color(QPalette.ColorRole.PlaceholderText)
    highlighter = SpellHighlighter(editor.document(), markup=markup, marks=marks)
    highlighter.note_language = note_language  # before the first highlighting pass: no second one
    return highlighter
