"""Undo commands: one QUndoCommand wrapping a core Operation, so every change to a briefing can be undone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from briefing.core.operations import Operation
    from briefing.gui.document import BriefingDocument

_MERGE_TEXT = 1
_MERGE_TITLE = 2


class OperationCommand(QUndoCommand):
    """redo() applies the operation, undo() reverts it; both tell the document what changed.

    The operation is applied once before the command is pushed (so a failing operation never reaches the
    stack); the first redo() that QUndoStack.push() makes is therefore skipped.
    """

    def __init__(self, document: BriefingDocument, operation: Operation, label: str) -> None:
        super().__init__(label)
        self.document = document
        self.operation = operation
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.document.emit_change(self.operation.apply(self.document.briefing), step=True)

    def undo(self) -> None:
        self.document.emit_change(self.operation.revert(self.document.briefing), step=True)

    def id(self) -> int:
        from briefing.core.operations import EditItemText, SetTitleField  # loaded by the first edit already

        if isinstance(self.operation, EditItemText):
            return _MERGE_TEXT
        if isinstance(self.operation, SetTitleField) and self.operation.name != "classification":
            return _MERGE_TITLE
        return -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Consecutive edits of the same item's text (or the same title field) undo as one."""
        from briefing.core.operations import EditItemText, SetTitleField

        if not isinstance(other, OperationCommand) or other.id() != self.id():
            return False
        mine, theirs = self.operation, other.operation
        if isinstance(mine, EditItemText) and isinstance(theirs, EditItemText) and mine.item_id == theirs.item_id:
            mine.text = theirs.text
            self.setObsolete(mine.text == mine._old)
            return True
        if isinstance(mine, SetTitleField) and isinstance(theirs, SetTitleField) and mine.name == theirs.name:
            mine.value = theirs.value
            self.setObsolete(mine.value == mine._old)
            return True
        return False
