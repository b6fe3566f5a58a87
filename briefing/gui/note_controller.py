"""The note's commands: filing passages, selecting and revealing excerpts, notes, editing, trimming, moving and
deleting items, Undo and Redo. The controller owns these actions and their slots, and changes the briefing only
through BriefingDocument; the views refresh themselves from the document's changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QToolButton, QWidget
from shiboken6 import isValid

from briefing.core.model import Excerpt, Item
from briefing.gui.actions import Actions
from briefing.gui.briefing_view import BriefingView
from briefing.gui.document import BriefingDocument
from briefing.gui.i18n import change_name, shown_error, shown_heading, shown_headings
from briefing.gui.items import InlineEditor, ItemWidget
from briefing.gui.source_pane import SourcePane
from briefing.gui.title_block import ClassificationBanner

if TYPE_CHECKING:  # the operations load with the first change (function-level imports), not at start-up
    from briefing.core.operations import Change, Operation

Key = QKeySequence.StandardKey


class NoteController(QObject):
    message = Signal(str, int)  # for the status bar: text, milliseconds
    outdated = Signal(str)  # a message given before that is no longer true
    sectionActionsChanged = Signal()  # the filing and move commands were made anew (another template)

    def __init__(
        self,
        document: BriefingDocument,
        view: BriefingView,
        sources: SourcePane,
        banner: ClassificationBanner,
        actions: Actions,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document, self.view, self.sources, self.banner, self.actions = document, view, sources, banner, actions
        self._item_menu: QMenu | None = None  # made on first use
        self.told_position = ""  # "Item 2 of 2 in Background", said after a move: true until the note changes
        a = actions
        a.make("undo", self.tr("&Undo"), lambda: self._step_history(undo=True), Key.Undo, "undo")
        a.make("redo", self.tr("&Redo"), lambda: self._step_history(undo=False), ["Ctrl+Shift+Z", "Ctrl+Y"], "redo")
        for name, command in (("undo", self.tr("&Undo")), ("redo", self.tr("&Redo"))):
            a[name].setProperty("command", command)  # the keyboard table's name: their text names the next step
        a.make("add_note", self.tr("Add &Note"), self.add_note, "Ctrl+N", "note")
        a.make("edit_item", self.tr("&Edit Text or Comment"), self.edit_item, "F2")
        a.make("trim_excerpt", self.tr("T&rim Excerpt to Selection"), self.trim_excerpt, "Ctrl+T")
        a.make("show_in_source", self.tr("&Show in Source"), self.show_in_source, "Ctrl+G")
        a.make("move_up", self.tr("Move &Up"), lambda: self.move_item(-1), "Alt+Up", "up")
        a.make("move_down", self.tr("Move Do&wn"), lambda: self.move_item(1), "Alt+Down", "down")
        delete = a.make("delete_item", self.tr("&Delete Item"), self.delete_item, Key.Delete, "remove")
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # Delete in the note only
        view.addAction(delete)
        a.make("focus_note", self.tr("Go to &Note"), self.focus_note, "Shift+F6")

        stack = document.undo_stack
        for signal in (stack.indexChanged, stack.undoTextChanged, stack.redoTextChanged):
            signal.connect(self._name_history_actions)
        self._name_history_actions()
        document.reset.connect(self._make_section_actions)
        document.reset.connect(self.update_actions)
        document.changed.connect(self.update_actions)
        document.changed.connect(self._language_changed)
        document.changed.connect(self._drop_told_position)
        view.itemSelected.connect(self._item_selected)
        view.sectionSelected.connect(self.update_actions)
        view.addNoteRequested.connect(lambda _section: self.add_note())  # Enter on an empty section (now current)
        view.editCommitted.connect(self._edit_text)
        view.passageDropped.connect(self._file_passage)
        sources.view.filingKeyIgnored.connect(self._filing_key_ignored)
        view.itemDropped.connect(self._move)
        view.titleEdited.connect(self._set_title_field)
        view.title_block.refused.connect(lambda text: self.message.emit(text, 10000))
        view.itemContextMenu.connect(self._item_context_menu)
        banner.edited.connect(self._set_title_field)
        sources.view.selectionOffsetsChanged.connect(self.update_actions)

    def _edit_text(self, item_id: str, text: str) -> None:
        from briefing.core.operations import EditItemText

        self.document.run(EditItemText(item_id, text))

    def _move(self, item_id: str, section_id: str, index: int) -> None:
        from briefing.core.operations import MoveItem

        self.document.run(MoveItem(item_id, section_id, index))

    def _set_title_field(self, name: str, value: str) -> None:
        from briefing.core.operations import SetTitleField

        self.document.run(SetTitleField(name, value))

    # --- actions -------------------------------------------------------------------------------------

    def _make_section_actions(self) -> None:
        headings = list(shown_headings(self.document.briefing).items())
        self.actions.make_sections(self.document.template, headings, self.file_into, self.move_to_section)
        if self._item_menu is not None:  # it lists the old move commands
            self._item_menu.deleteLater()
            self._item_menu = None
        self.sectionActionsChanged.emit()

    def _language_changed(self, change: Change, _step: bool) -> None:
        if change.name == ("change_field", "language"):  # the sections' commands name them in the new language
            self._make_section_actions()
            self.update_actions()

    def update_actions(self, *_args: object) -> None:
        a = self.actions
        editable = not self.document.read_only
        source_view = self.sources.view
        has_selection = source_view.selection_offsets() is not None and source_view.source_id is not None
        for action in a.section_actions:  # without a selection, filing says what to do rather than nothing
            action.setEnabled(editable)
        item = self.selected_item()
        for name in ("move_up", "move_down", "delete_item", "edit_item"):
            a[name].setEnabled(editable and item is not None)
        own = self.document.briefing.find_item(item.id)[0].id if item is not None else None
        for action, section in zip(a.move_actions, self.document.briefing.sections, strict=False):
            action.setEnabled(editable and item is not None)
            action.setVisible(section.id != own)  # Move To lists where the item can go, not where it is
        a["trim_excerpt"].setEnabled(editable and isinstance(item, Excerpt) and has_selection)
        a["show_in_source"].setEnabled(isinstance(item, Excerpt))
        a["add_note"].setEnabled(editable and bool(self.document.briefing.sections))

    def _name_history_actions(self, *_args: object) -> None:
        """Undo and Redo name the change they would undo or redo ("Undo File excerpt into Background")."""
        stack = self.document.undo_stack
        if not isValid(stack):  # the window is being destroyed: the stack empties itself on its way out
            return
        for name, possible, change, plain, named in (
            ("undo", stack.canUndo(), stack.undoText(), self.tr("&Undo"), self.tr("&Undo %1")),
            ("redo", stack.canRedo(), stack.redoText(), self.tr("&Redo"), self.tr("&Redo %1")),
        ):
            action = self.actions[name]
            text, what = (named, change) if possible and change else (plain, "")
            action.setEnabled(possible)
            # an & in the change's name (a heading, a source title) is shown, not taken as a mnemonic
            action.setText(text.replace("%1", what.replace("&", "&&")))
            tip = text.replace("&", "").replace("%1", what)  # the tooltip has no mnemonic
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)  # as every other action's tooltip
            for widget in action.associatedObjects():  # the toolbar button: a screen reader is told the new name at
                if isinstance(widget, QToolButton):  # once, but not a new tooltip, and keeps describing the old one
                    widget.setAccessibleDescription(action.toolTip())

    def _step_history(self, *, undo: bool) -> None:
        """Undo or redo, from the toolbar or a menu, while a note, comment or title field is being typed in: the
        field is left first, which commits its text as a change of its own, so the step acts on that and nothing
        typed is lost (Redo brings it back)."""
        stack = self.document.undo_stack
        before = stack.index()
        field = self.leave_open_field()
        if not (undo and stack.index() < before):  # else leaving took back its own change (an empty new note)
            stack.undo() if undo else stack.redo()
        self._return_focus(field)

    # --- filing and items ----------------------------------------------------------------------------

    def _filing_key_ignored(self) -> None:
        if self.document.read_only:  # why Ctrl+1… did nothing: filing is off
            self.document.refuse_read_only()

    def file_into(self, section_id: str) -> Change | None:
        offsets = self.sources.view.selection_offsets()
        source_id = self.sources.view.source_id
        if offsets is None or source_id is None:
            self.message.emit(self.tr("Select a passage in the source first."), 6000)
            return None
        return self._file_passage(section_id, source_id, offsets[0], offsets[1], None)

    def _file_passage(self, section_id: str, source_id: str, start: int, end: int, index: int | None) -> Change | None:
        from briefing.core.operations import OperationError, file_excerpt, new_excerpt

        try:
            excerpt = new_excerpt(self.document.briefing.source(source_id), start, end)
        except (OperationError, KeyError) as exc:
            self.message.emit(shown_error(exc), 6000)
            return None
        change = self.document.run(file_excerpt(section_id, excerpt, index))
        if change is not None:
            self.view.select_item(excerpt.id, focus=False)
            if source_id == self.sources.view.source_id:
                self.sources.view.settle()  # the passage shows its new section colour at once
            self.message.emit(change_name(change, self.document.briefing), 3000)
            self.update_actions()
        return change

    def selected_item(self) -> Item | None:
        item_id = self.view.selected_item
        if item_id is None:
            return None
        try:
            return self.document.briefing.find_item(item_id)[2]
        except KeyError:
            return None

    def _item_selected(self, _item_id: str) -> None:
        self.update_actions()
        item = self.selected_item()
        if isinstance(item, Excerpt):
            self._reveal(item)

    def _reveal(self, excerpt: Excerpt) -> None:
        view = self.sources.view
        if view.source_id != excerpt.source_id:
            self.sources.select_source(excerpt.source_id)
        if view.source_id == excerpt.source_id:
            view.reveal(excerpt.anchor.start, excerpt.anchor.end)

    def show_in_source(self) -> None:
        item = self.selected_item()
        if isinstance(item, Excerpt):
            self._reveal(item)
            self.sources.view.select_offsets(item.anchor.start, item.anchor.end)
            self.sources.view.setFocus()

    # --- typing in the note --------------------------------------------------------------------------

    def leave_open_field(self) -> QWidget | None:
        """A note, comment or title field being typed in commits when it is left: leave it now, so its change
        comes before the command that follows (and is not lost to it). Returns where the keyboard was: the title
        field, or the card whose editor this was."""
        focus = QApplication.focusWidget()
        if not isinstance(focus, (QLineEdit, QPlainTextEdit)):
            return None
        if not (self.view.isAncestorOf(focus) or self.banner.isAncestorOf(focus)):
            return None
        card = focus.parentWidget() if isinstance(focus, InlineEditor) else focus
        focus.clearFocus()
        return card

    def _return_focus(self, field: QWidget | None) -> None:
        """After leave_open_field and a command: the keyboard goes back to the card or title field it left (or
        to the note, when that card is gone), unless the command put it somewhere."""
        if field is None or QApplication.focusWidget() is not None:
            return
        if isValid(field) and field.isVisible():
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def typing_in_progress(self) -> Operation | None:
        """The change leaving the note, comment or title field being typed in would make, or None: autosave
        writes it into the recovery file without closing the field."""
        from briefing.core.operations import EditItemText, SetTitleField

        focus = QApplication.focusWidget()
        if focus is None or not (self.view.isAncestorOf(focus) or self.banner.isAncestorOf(focus)):
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
        self._return_focus(self.leave_open_field())

    # --- notes, editing, moving, deleting ------------------------------------------------------------

    def add_note(self) -> None:
        from briefing.core.operations import add_note

        self.leave_open_field()
        briefing, view = self.document.briefing, self.view
        section_id = view.current_section or (briefing.sections[0].id if briefing.sections else None)
        if section_id is None:
            return
        index = None
        if view.selected_item:
            try:
                section, position, _ = briefing.find_item(view.selected_item)
                if section.id == section_id:
                    index = position + 1
            except KeyError:
                pass
        previous = view.selected_item
        operation = add_note(section_id, "", index)
        if self.document.run(operation) is None:
            return
        view.select_item(operation.item.id, focus=False)  # the keyboard goes to its editor, not the card first
        card = view.card(operation.item.id)
        if card is None:
            return
        editor = card.start_edit()

        def withdraw(text: str) -> None:  # left (or Esc) with nothing written: the note was never wanted
            if not text and self.document.withdraw(operation):
                view.select_or_focus(previous, section_id)

        editor.committed.connect(withdraw)  # with text, it is kept as written (its own Undo step)

    def edit_item(self) -> None:
        if self.view.selected_item:
            card = self.view.card(self.view.selected_item)
            if card is not None:
                card.start_edit()

    def trim_excerpt(self) -> None:
        from briefing.core.operations import TrimExcerpt

        item, offsets = self.selected_item(), self.sources.view.selection_offsets()
        if not isinstance(item, Excerpt) or offsets is None:
            return
        if self.sources.view.source_id != item.source_id:
            self.message.emit(self.tr("Select the new passage in the excerpt's own source."), 6000)
            return
        self.document.run(TrimExcerpt(item.id, *offsets))

    def move_item(self, step: int) -> None:
        from briefing.core.operations import MoveItem

        item_id = self.view.selected_item
        if item_id is None:
            return
        briefing = self.document.briefing
        section, index, _ = briefing.find_item(item_id)
        position = briefing.sections.index(section)
        target = index + step
        if 0 <= target < len(section.items):
            self.document.run(MoveItem(item_id, section.id, target))
        elif target < 0 and position > 0:  # past the top: to the end of the section above
            self.document.run(MoveItem(item_id, briefing.sections[position - 1].id, None))
        elif target >= len(section.items) and position + 1 < len(briefing.sections):
            self.document.run(MoveItem(item_id, briefing.sections[position + 1].id, 0))
        self.view.select_item(item_id)
        self._tell_position(item_id)

    def move_to_section(self, section_id: str) -> None:
        from briefing.core.operations import MoveItem

        if self.view.selected_item:
            item_id = self.view.selected_item
            self.document.run(MoveItem(item_id, section_id, None))
            self.view.select_item(item_id)
            self._tell_position(item_id)

    def _tell_position(self, item_id: str) -> None:
        """Where a moved item now is: a screen reader says it (the card keeps the keyboard, so nothing else is)."""
        section, index, _ = self.document.briefing.find_item(item_id)
        text = self.tr("Item %1 of %2 in %3").replace("%1", str(index + 1)).replace("%2", str(len(section.items)))
        heading = shown_heading(section, self.document.briefing.title_block.language)  # as the note names it
        self.told_position = text.replace("%3", heading)
        self.message.emit(self.told_position, 3000)

    def _drop_told_position(self, *_args: object) -> None:
        """Where a moved item went is no longer true once the note changes (a note added before it): not left
        in the status bar for its last seconds (QA8 D13d)."""
        if self.told_position:
            self.outdated.emit(self.told_position)
        self.told_position = ""

    def delete_item(self) -> None:
        from briefing.core.operations import RemoveItem

        item_id = self.view.selected_item
        if item_id is None:
            return
        ids = [i.id for s in self.document.briefing.sections for i in s.items]
        position = ids.index(item_id)
        section_id = self.document.briefing.find_item(item_id)[0].id
        if self.document.run(RemoveItem(item_id)) is not None:
            rest = [i for i in ids if i != item_id]
            self.view.select_or_focus(rest[min(position, len(rest) - 1)] if rest else None, section_id)
            self.update_actions()

    def _item_context_menu(self, item_id: str, pos: QPoint) -> None:
        self.view.select_item(item_id)
        self.item_menu().exec(pos)

    def item_menu(self) -> QMenu:
        """A card's context menu: the Note menu's commands on the item (made on first use)."""
        if self._item_menu is None:
            menu = self._item_menu = QMenu(self.view)
            for entry in ("edit_item", "show_in_source", None, "move_up", "move_down"):
                menu.addAction(self.actions[entry]) if entry else menu.addSeparator()
            move_to = menu.addMenu(self.tr("Move &To"))
            move_to.addActions(self.actions.move_actions)
            menu.addSeparator()
            for name in ("accept_changed", "delete_item"):  # Accept Changed Text comes with SourceUpdater
                if name in self.actions.by_name:
                    menu.addAction(self.actions[name])
        return self._item_menu

    def focus_note(self) -> None:
        view = self.view
        card = view.card(view.selected_item) if view.selected_item else None
        if card is not None:  # back to the selected item, leaving the source where the analyst has it
            card.setFocus(Qt.FocusReason.ShortcutFocusReason)
            view.ensureWidgetVisible(card, 20, 40)
        else:
            ids = [i.id for s in self.document.briefing.sections for i in s.items]
            if ids:
                view.select_item(ids[0])
            elif view.title_block.fields:
                field = next(iter(view.title_block.fields.values()))
                field.setFocus()
                view.ensureWidgetVisible(field)  # never the focus in a field scrolled out of sight
