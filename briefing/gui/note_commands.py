"""The window's note commands: filing passages, selecting and revealing excerpts, notes, editing, trimming,
moving and deleting items. A mixin of MainWindow, kept apart so the window class stays a wiring diagram."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from shiboken6 import isValid

from briefing.core.model import Excerpt
from briefing.core.operations import (
    Change,
    EditItemText,
    MoveItem,
    Operation,
    OperationError,
    RemoveItem,
    SetTitleField,
    TrimExcerpt,
    add_note,
    file_excerpt,
    new_excerpt,
)
from briefing.gui.i18n import change_name
from briefing.gui.items import InlineEditor, ItemWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QMenu

    from briefing.gui.briefing_view import BriefingView
    from briefing.gui.document import BriefingDocument
    from briefing.gui.source_pane import SourcePane
    from briefing.gui.source_view import SourceView
    from briefing.gui.title_block import ClassificationBanner

    _Window = QMainWindow  # what the mixin is mixed into, for the type checker
else:
    _Window = object


class NoteCommands(_Window):
    """Uses the window's parts declared below, made by MainWindow."""

    if TYPE_CHECKING:
        document: BriefingDocument
        briefing_view: BriefingView
        source_pane: SourcePane
        source_view: SourceView
        banner: ClassificationBanner
        _item_menu: QMenu

        def _run(self, operation: Operation) -> Change | None: ...
        def _update_actions(self) -> None: ...

    # --- filing and items ----------------------------------------------------------------------------

    def file_into(self, section_id: str) -> Change | None:
        offsets = self.source_view.selection_offsets()
        source_id = self.source_view.source_id
        if offsets is None or source_id is None:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Select a passage in the source first."), 6000
            )
            return None
        return self._file_passage(section_id, source_id, offsets[0], offsets[1], None)

    def _passage_dropped(self, section_id: str, source_id: str, start: int, end: int, index: int) -> None:
        self._file_passage(section_id, source_id, start, end, index)

    def _file_passage(self, section_id: str, source_id: str, start: int, end: int, index: int | None) -> Change | None:
        try:
            excerpt = new_excerpt(self.document.briefing.source(source_id), start, end)
        except (OperationError, KeyError) as exc:
            self.statusBar().showMessage(str(exc), 6000)
            return None
        change = self._run(file_excerpt(section_id, excerpt, index))
        if change is not None:
            self.briefing_view.select_item(excerpt.id, focus=False)
            self.statusBar().showMessage(change_name(change), 3000)
            self._update_actions()
        return change

    def _selected_item(self):
        item_id = self.briefing_view.selected_item
        if item_id is None:
            return None
        try:
            return self.document.briefing.find_item(item_id)[2]
        except KeyError:
            return None

    def _item_selected(self, item_id: str) -> None:
        self._update_actions()
        item = self._selected_item()
        if isinstance(item, Excerpt):
            self._reveal(item)

    def _reveal(self, excerpt: Excerpt) -> None:
        if self.source_view.source_id != excerpt.source_id:
            self.source_pane.select_source(excerpt.source_id)
        if self.source_view.source_id == excerpt.source_id:
            self.source_view.reveal(excerpt.anchor.start, excerpt.anchor.end)

    def show_in_source(self) -> None:
        item = self._selected_item()
        if isinstance(item, Excerpt):
            self._reveal(item)
            self.source_view.select_offsets(item.anchor.start, item.anchor.end)
            self.source_view.setFocus()

    def _leave_open_field(self) -> QWidget | None:
        """A note, comment or title field being typed in commits when it is left: leave it now, so its change
        comes before the command that follows (and is not lost to it). Returns where the keyboard was: the title
        field, or the card whose editor this was."""
        focus = QApplication.focusWidget()
        if not isinstance(focus, (QLineEdit, QPlainTextEdit)):
            return None
        if not (self.briefing_view.isAncestorOf(focus) or self.banner.isAncestorOf(focus)):
            return None
        card = focus.parentWidget() if isinstance(focus, InlineEditor) else focus
        focus.clearFocus()
        return card

    def _return_focus(self, field: QWidget | None) -> None:
        """After _leave_open_field and a command: the keyboard goes back to the card or title field it left (or
        to the note, when that card is gone), unless the command put it somewhere."""
        if field is None or QApplication.focusWidget() is not None:
            return
        if isValid(field) and field.isVisible():
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.briefing_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def typing_in_progress(self) -> Operation | None:
        """The change leaving the note, comment or title field being typed in would make, or None: autosave
        writes it into the recovery file without closing the field."""
        focus = QApplication.focusWidget()
        if focus is None or not (self.briefing_view.isAncestorOf(focus) or self.banner.isAncestorOf(focus)):
            return None
        card = focus.parentWidget()
        if isinstance(focus, InlineEditor) and isinstance(card, ItemWidget):
            typed = card.typed()
            return None if typed is None else EditItemText(card.item_id, typed)
        name = focus.objectName().removeprefix("field_")
        if isinstance(focus, QLineEdit) and name != focus.objectName() and focus.text() != focus.property("committed"):
            return SetTitleField(name, focus.text())
        return None

    def commit_typing(self) -> None:
        """Before a command on the whole briefing (save, export, new, open, close): what is being typed in a note,
        comment or title field becomes a change of its own, so the command sees it; the keyboard stays there."""
        self._return_focus(self._leave_open_field())

    def add_note(self) -> None:
        self._leave_open_field()
        briefing = self.document.briefing
        section_id = self.briefing_view.current_section or (briefing.sections[0].id if briefing.sections else None)
        if section_id is None:
            return
        index = None
        if self.briefing_view.selected_item:
            try:
                section, position, _ = briefing.find_item(self.briefing_view.selected_item)
                if section.id == section_id:
                    index = position + 1
            except KeyError:
                pass
        previous = self.briefing_view.selected_item
        operation = add_note(section_id, "", index)
        if self._run(operation) is None:
            return
        self.briefing_view.select_item(operation.item.id)
        card = self.briefing_view.card(operation.item.id)
        if card is None:
            return
        editor = card.start_edit()

        def withdraw(text: str = "") -> None:  # Esc, or leaving it empty: the note was never wanted
            if not text and self.document.withdraw(operation):
                self._select_or_focus_note(previous, section_id)

        editor.cancelled.connect(withdraw)
        editor.committed.connect(withdraw)

    def edit_item(self) -> None:
        if self.briefing_view.selected_item:
            card = self.briefing_view.card(self.briefing_view.selected_item)
            if card is not None:
                card.start_edit()

    def trim_excerpt(self) -> None:
        item, offsets = self._selected_item(), self.source_view.selection_offsets()
        if not isinstance(item, Excerpt) or offsets is None:
            return
        if self.source_view.source_id != item.source_id:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Select the new passage in the excerpt's own source."), 6000
            )
            return
        self._run(TrimExcerpt(item.id, *offsets))

    def move_item(self, step: int) -> None:
        item_id = self.briefing_view.selected_item
        if item_id is None:
            return
        briefing = self.document.briefing
        section, index, _ = briefing.find_item(item_id)
        position = briefing.sections.index(section)
        target = index + step
        if 0 <= target < len(section.items):
            self._run(MoveItem(item_id, section.id, target))
        elif target < 0 and position > 0:  # past the top: to the end of the section above
            self._run(MoveItem(item_id, briefing.sections[position - 1].id, None))
        elif target >= len(section.items) and position + 1 < len(briefing.sections):
            self._run(MoveItem(item_id, briefing.sections[position + 1].id, 0))
        self.briefing_view.select_item(item_id)

    def move_to_section(self, section_id: str) -> None:
        if self.briefing_view.selected_item:
            item_id = self.briefing_view.selected_item
            self._run(MoveItem(item_id, section_id, None))
            self.briefing_view.select_item(item_id)

    def delete_item(self) -> None:
        item_id = self.briefing_view.selected_item
        if item_id is None:
            return
        ids = [i.id for s in self.document.briefing.sections for i in s.items]
        position = ids.index(item_id)
        section_id = self.document.briefing.find_item(item_id)[0].id
        if self._run(RemoveItem(item_id)) is not None:
            rest = [i for i in ids if i != item_id]
            self._select_or_focus_note(rest[min(position, len(rest) - 1)] if rest else None, section_id)
            self._update_actions()

    def _select_or_focus_note(self, item_id: str | None, section_id: str) -> None:
        """Keep the keyboard in the note: select this item, or (none left) the note itself, with the section
        current so that Ctrl+N adds there."""
        view = self.briefing_view
        if item_id is not None and view.card(item_id) is not None:
            view.select_item(item_id)
            return
        view.current_section = section_id
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _item_context_menu(self, item_id: str, pos: QPoint) -> None:
        self.briefing_view.select_item(item_id)
        self._item_menu.exec(pos)

    def focus_note(self) -> None:
        view = self.briefing_view
        card = view.card(view.selected_item) if view.selected_item else None
        if card is not None:  # back to the selected item, leaving the source where the analyst has it
            card.setFocus(Qt.FocusReason.ShortcutFocusReason)
            view.ensureWidgetVisible(card, 20, 40)
        else:
            ids = [i.id for s in self.document.briefing.sections for i in s.items]
            if ids:
                view.select_item(ids[0])
            elif view.title_block.fields:
                next(iter(view.title_block.fields.values())).setFocus()
