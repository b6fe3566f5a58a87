"""One item of the note as a card: an excerpt (quote, citation, comment) or an analyst's note, editable in place."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from briefing.core import richtext
from briefing.core.model import Excerpt, Item, Note
from briefing.core.text import count_words
from briefing.gui import writing
from briefing.gui.style import app_palette, card_fill, quiet, readable, scaled_font, warn

ITEM_MIME = "application/x-briefing-item"


def item_words(item: Item) -> int:
    """Words an item puts on the page (an excerpt's quote, a note's text without its markup and list markers;
    comments are internal)."""
    return count_words(item.anchor.exact) if isinstance(item, Excerpt) else note_words(item.text)


def note_words(text: str) -> int:
    """Words a note's text puts on the page: without its markup and list markers."""
    return count_words(richtext.plain(text))


_OPENING = "\"'“‘«„"
_CLOSING = "\"'”’»"


def quoted(text: str) -> str:
    """The quote in the interface language's quotation marks (“…” in English, « … » with non-breaking spaces in
    French), unless the passage already carries its own. Line breaks and runs of spaces become one space; a lone
    non-breaking space (French « », before : ; ? !) stays."""
    text = re.sub(r"\s+", lambda space: space[0] if space[0] in ("\u00a0", "\u202f") else " ", text).strip()
    if text[:1] in _OPENING and text[-1:] in _CLOSING + ".,;:":
        return text
    return QCoreApplication.translate("ItemWidget", "“%1”").replace("%1", text)


class InlineEditor(QPlainTextEdit):
    """Edits a note or comment in place: Ctrl+Enter, Esc or leaving the field commits what is typed, and Undo takes
    it back. Esc cancelled, and threw the writing away with no Undo: it is the key pressed to close a menu or
    leave a field, and one press too many lost minutes of work (QA4 4). Spelling is checked as the analyst types;
    in a note (`markup`), Ctrl+B and Ctrl+I make the selection bold or italic."""

    committed = Signal(str)
    heightChanged = Signal()

    def __init__(
        self, text: str, parent: QWidget | None = None, *, markup: bool = False, note_language: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inlineEditor")
        self.setPlainText(text)
        self.markup = markup
        self.spelling = writing.install(self, markup=markup, note_language=note_language)
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._done = False
        self.document().contentsChanged.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        lines = max(2, int(self.document().size().height()) + 1)
        height = min(400, lines * self.fontMetrics().lineSpacing() + 14)
        if height != self.height():
            self.setFixedHeight(height)
            self.heightChanged.emit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape or (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._finish()
            return
        if self.markup and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            marker = {Qt.Key.Key_B: "**", Qt.Key.Key_I: "*"}.get(Qt.Key(event.key()))
            if marker:
                writing.toggle_markup(self, marker)
                return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A menu, or another window (a browser to copy from, a dialog), takes the keyboard for a while: the note
        # stays open and gets it back. Commands commit it first (NoteController.commit_typing), autosave keeps it.
        if event.reason() not in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
            self._finish()

    def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        self.committed.emit(self.toPlainText().strip())


_RETURNING = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
    Qt.FocusReason.ActiveWindowFocusReason,
    Qt.FocusReason.PopupFocusReason,
)


class ItemWidget(QFrame):
    """A card in the note. Focus selects it; Enter or F2 (or a double-click) edits its text or comment."""

    accessible_role = QAccessible.Role.ListItem  # an item of its section's list (gui/accessible.py)
    activated = Signal(str)  # item id; selected by focus or click
    editable = True  # False while the briefing is open read-only: Enter, F2 and double-click do not edit
    note_language = ""  # the note's language ("en", "fr", "bilingual"), which checks the spelling of what is typed
    editFinished = Signal(str, str)  # item id, new text
    textTyped = Signal(str)  # item id: the open editor's text changed (the counts follow it before it is committed)
    editRefused = Signal()  # an editing key or double-click on a card that is not editable (read-only briefing)
    navigate = Signal(str, int)  # item id, -1 up / +1 down
    contextRequested = Signal(str, QPoint)

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_id = item.id
        self.kind = item.kind
        self.setObjectName("excerptItem" if isinstance(item, Excerpt) else "noteItem")
        self.setProperty("itemId", item.id)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("selected", False)
        self.colour = QColor()
        self.quote = QLabel(self)
        self.quote.setObjectName("itemQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setFont(scaled_font(self.quote, 1.06))
        self.cite = QLabel(self)
        self.cite.setObjectName("itemCitation")
        quiet(self.cite, scale=0.88)
        self.text = QLabel(self)
        self.text.setObjectName("itemText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        if isinstance(item, Excerpt):
            quiet(self.text, italic=True)
        else:
            self.text.setFont(scaled_font(self.text, 1.06))
        self.editor: InlineEditor | None = None
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 8, 10, 8)
        self.body.setSpacing(3)
        self.body.addWidget(self.quote)
        self.body.addWidget(self.cite)
        self.body.addWidget(self.text)
        self._press: QPoint | None = None
        self._value = ""
        self._fitted_width = -1

    # --- height --------------------------------------------------------------------------------------
    # A card does not tell its layout "my height depends on my width": with thousands of word-wrapped cards,
    # Qt would then re-measure every card whenever one is added. The card measures itself once per width
    # (and when its content changes) and fixes its height; layouts then treat it as a plain box.

    def hasHeightForWidth(self) -> bool:
        return False

    def fit_height(self) -> None:
        width = self.width()
        layout = self.layout()
        if width <= 0 or layout is None or not self.isVisible():
            return  # a hidden card's labels count as empty: measured in showEvent instead
        self._fitted_width = width
        height = layout.totalHeightForWidth(width)
        if height < 0:  # nothing word-wraps (a note's editor open, its text hidden): the layout's own height
            height = layout.totalSizeHint().height()
        # against the fixed height, not the current one: a new card laid out at that height by chance was left
        # unfixed, and its column then gave it its size hint (a blank line under a one-line quote)
        if height > 0 and not self.minimumHeight() == self.maximumHeight() == height:
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._fitted_width:
            self.fit_height()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit_height()

    def _refit(self) -> None:
        """After a content change: now if the card is on screen, else when it is next laid out."""
        if self.isVisible():
            self.fit_height()
        else:
            self._fitted_width = -1

    # --- content -------------------------------------------------------------------------------------

    def set_item(self, item: Item, citation: str, colour: QColor) -> None:
        if colour != self.colour:
            self.colour = QColor(colour)
            self._readable_on_fill()
            self.update()
        if isinstance(item, Excerpt):
            self.quote.setText(quoted(item.anchor.exact))
            self.cite.setText(citation)
            self._value = item.comment
            self.text.setText(item.comment)
            if self.text.isHidden() == bool(item.comment) and self.editor is None:
                self.text.setVisible(bool(item.comment))
            self.setAccessibleName(self.tr("Excerpt: %1").replace("%1", item.anchor.exact[:200]))
            comment = self.tr("Comment: %1").replace("%1", item.comment) if item.comment else ""
            description = f"{citation}. {comment}" if comment else citation
            flag = self._show_flag(item)
            self.setAccessibleDescription(f"{flag} {description}" if flag else description)  # read after the name
        else:
            assert isinstance(item, Note)
            if not self.quote.isHidden():
                self.quote.hide()
            self.cite.setText(self.tr("Analyst's note"))
            self._value = item.text
            # bold, italic and lists as they will print; the markup itself shows in the editor
            self.text.setTextFormat(Qt.TextFormat.RichText if item.text else Qt.TextFormat.PlainText)
            empty = self.tr("Empty note — press Enter to write")
            self.text.setText(writing.note_html(item.text) if item.text else empty)
            self.setAccessibleName(self.tr("Note: %1").replace("%1", writing.note_shown(item.text)[:200]))
        if self.editor is not None and not self.editor.hasFocus():
            self.editor.setPlainText(self._value)
        self._refit()

    def _readable_on_fill(self) -> None:
        """The card's labels at 4.5:1 on its own fill: the quiet grey of « Analyst's note » was 4.3:1 on the lighter
        section washes (light palette) and 4:1 on the darker ones (dark palette)."""
        fill, palette = card_fill(self.kind, self.colour), app_palette()
        quiet_text = palette.color(QPalette.ColorRole.PlaceholderText)
        for label, colour in (
            (self.quote, palette.color(QPalette.ColorRole.WindowText)),
            (self.cite, quiet_text),
            (self.text, quiet_text if self.kind == "excerpt" else palette.color(QPalette.ColorRole.WindowText)),
        ):
            own = label.palette()
            for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
                own.setColor(role, readable(colour, fill))
            label.setPalette(own)

    def _show_flag(self, excerpt: Excerpt) -> str:
        """What a source update left to resolve on this excerpt, shown in red under its quote (and returned)."""
        label = self.findChild(QLabel, "itemFlag")
        if not excerpt.flag and label is None:
            return ""
        if label is None:
            label = QLabel(self)
            label.setObjectName("itemFlag")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            warn(label, True)
            self.body.insertWidget(0, label)
        if excerpt.flag == "changed":
            filed = " ".join(excerpt.filed.split())
            shown = filed if len(filed) <= 120 else filed[:119] + "…"
            text = self.tr("⚠ Changed in the new version of its source. As filed: %1").replace("%1", quoted(shown))
            label.setToolTip(self.tr("As filed: %1").replace("%1", quoted(filed)))
        else:
            text = self.tr("⚠ Not in the new version of its source: delete, or file the passage again")
            label.setToolTip("")
        label.setText(text if excerpt.flag else "")
        label.setVisible(bool(excerpt.flag))
        return text if excerpt.flag else ""

    def set_selected(self, selected: bool) -> None:
        if self.property("selected") != selected:
            self.setProperty("selected", selected)
            self.update()

    def paintEvent(self, event) -> None:
        """The card: a rounded sheet, the section's colour bar on the left, a highlight frame when selected."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        # The page under the cards is painted in Base; the card takes the application's Window colour (a grey
        # sheet) for an excerpt, and a wash of its section's colour for the analyst's own notes.
        fill = card_fill(self.kind, self.colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 6, 6)
        bar = QRectF(rect.left() + 5, rect.top() + 6, 4, rect.height() - 12)
        painter.setBrush(self.colour if self.kind == "excerpt" else self.colour.lighter(115))
        painter.drawRoundedRect(bar, 2, 2)
        if self.property("selected") or self.hasFocus():
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2 if self.hasFocus() else 1)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 6, 6)
        painter.end()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # --- editing -------------------------------------------------------------------------------------

    def start_edit(self) -> InlineEditor:
        if self.editor is None:
            self.editor = InlineEditor(self._value, self, markup=self.kind == "note", note_language=self.note_language)
            self.editor.setPlaceholderText(self.tr("Comment (internal)") if self.kind == "excerpt" else self.tr("Note"))
            self.editor.setAccessibleName(self.tr("Edit comment") if self.kind == "excerpt" else self.tr("Edit note"))
            self.editor.committed.connect(self._commit)
            self.editor.heightChanged.connect(self.fit_height)
            self.editor.textChanged.connect(lambda: self.textTyped.emit(self.item_id))
            self.text.hide()
            self.body.addWidget(self.editor)
            self.editor.show()
            self.fit_height()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        return self.editor

    def set_note_language(self, language: str) -> None:
        """The note's language changed: what is typed from now on, and an open editor's text, is checked in it."""
        self.note_language = language
        if self.editor is not None:
            self.editor.spelling.set_note_language(language)

    def typed(self) -> str | None:
        """The open editor's text, as leaving it would commit it, when that differs from the item's."""
        if self.editor is None or self.editor.toPlainText().strip() == self._value:
            return None
        return self.editor.toPlainText().strip()

    def _commit(self, text: str) -> None:
        self._close_editor()
        if text != self._value:
            self.editFinished.emit(self.item_id, text)

    def _close_editor(self) -> None:
        editor, self.editor = self.editor, None
        if editor is None:
            return
        if editor.hasFocus():  # the keyboard goes back to the card before the editor hides, not via the next widget
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.hide()
        editor.deleteLater()
        self.text.setVisible(self.kind == "note" or bool(self._value))
        self.fit_height()

    # --- keyboard and mouse --------------------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()
        # Coming back to the selected card (Tab, Shift+F6, the window or a menu giving focus back) is not a new
        # selection: the source stays where the analyst has put it.
        if not (self.property("selected") and event.reason() in _RETURNING):
            self.activated.emit(self.item_id)

    def _edit_key(self, event: QKeyEvent) -> bool:
        """A key that would change the note: editing, deleting or moving the card, filing into a section, adding a
        note, or typing. In a read-only briefing their actions are off, so the key lands on the card."""
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
        return (
            (not mods and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2, Qt.Key.Key_Delete))
            or (not mods and key == Qt.Key.Key_Backspace)
            or (mods == alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down))
            or (mods == ctrl and (Qt.Key.Key_1 <= key <= Qt.Key.Key_9 or key in (Qt.Key.Key_N, Qt.Key.Key_T)))
            or (not mods & (ctrl | alt) and bool(event.text().strip()) and event.text().isprintable())
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if not self.editable and self._edit_key(event):
            self.editRefused.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and not mods:
            if self.editable:
                self.start_edit()
        elif key == Qt.Key.Key_Up and not mods:
            self.navigate.emit(self.item_id, -1)
        elif key == Qt.Key.Key_Down and not mods:
            self.navigate.emit(self.item_id, 1)
        elif event.matches(QKeySequence.StandardKey.Copy):
            QApplication.clipboard().setText(self.quote.text() if self.kind == "excerpt" else self._value)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.activated.emit(self.item_id)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        if (event.position().toPoint() - self._press).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        from PySide6.QtCore import QMimeData  # (here: a drag is rare, and the classes cost start-up time)
        from PySide6.QtGui import QDrag

        mime = QMimeData()
        mime.setData(ITEM_MIME, self.item_id.encode())
        mime.setText(self.quote.text() if self.kind == "excerpt" else self._value)
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(self.grab().scaledToWidth(min(320, self.width())))
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.editable:
            self.start_edit()
        else:
            self.editRefused.emit()

    def contextMenuEvent(self, event) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.contextRequested.emit(self.item_id, event.globalPos())
