"""The open briefing as the GUI sees it: model, template, file path, lock and undo stack, with change signals."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from briefing.core.errors import OperationError
from briefing.core.model import Briefing
from briefing.gui.catalog import catalog, template_for
from briefing.gui.commands import OperationCommand
from briefing.gui.i18n import change_name, shown_error

if TYPE_CHECKING:
    from briefing.core.operations import Change, Operation
    from briefing.core.project import PartCache

__all__ = ["BriefingDocument", "ReadOnlyError", "catalog", "template_for"]


class ReadOnlyError(OperationError):
    """The briefing is open read-only (someone else holds its lock)."""


class BriefingDocument(QObject):
    """Owns one Briefing; execute() is the only way the GUI changes it.

    `changed` carries the core Change of every apply/revert so that views refresh only what it names, and whether
    Undo or Redo made it (so the window can show what the step did); `reset` means a different briefing was loaded
    and views rebuild.
    """

    changed = Signal(object, bool)  # Change, made by Undo or Redo
    reset = Signal()
    dirtyChanged = Signal(bool)
    refused = Signal(str)  # why run() did not change the briefing

    def __init__(self, briefing: Briefing, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(0)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.briefing = briefing
        self.template = template_for(briefing)
        self.path = path
        self.untitled_name = ""  # the title of a briefing without a path, when not "Untitled briefing"
        self.read_only = False
        self._forced_dirty = False
        self._parts: PartCache | None = None

    # --- state ---------------------------------------------------------------------------------------

    @property
    def parts(self) -> PartCache:
        """Compressed source parts, so that saves and autosaves compress only what changed (made on first use:
        the project-file code is not loaded at start-up)."""
        if self._parts is None:
            from briefing.core.project import PartCache

            self._parts = PartCache()
        return self._parts

    def display_name(self, untitled: str) -> str:
        """What the window calls the briefing: its file's name; without a file, the name it was given ("Recovered
        …"), else its title (the demo's, a new note once titled), else `untitled` ("Untitled briefing")."""
        if self.path is not None:
            return self.path.name
        tb = self.briefing.title_block
        titles = (tb.title_fr, tb.title) if tb.language == "fr" else (tb.title, tb.title_fr)
        return self.untitled_name or next((t.strip() for t in titles if t.strip()), untitled)

    def replace(self, briefing: Briefing, path: Path | None, *, dirty: bool = False, name: str = "") -> None:
        """Show another briefing; its undo history starts empty. name: its title while it has no path."""
        self.undo_stack.clear()
        self.briefing = briefing
        self.template = template_for(briefing)
        self.path = path
        self.untitled_name = name
        self._forced_dirty = dirty
        self.reset.emit()
        self.dirtyChanged.emit(self.is_dirty())

    def _clean_changed(self, clean: bool) -> None:
        self.dirtyChanged.emit(self._forced_dirty or not clean)

    def is_dirty(self) -> bool:
        return self._forced_dirty or not self.undo_stack.isClean()

    def mark_dirty(self) -> None:
        self._forced_dirty = True
        self.dirtyChanged.emit(True)

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self._forced_dirty = False
        self.undo_stack.setClean()
        self.dirtyChanged.emit(False)

    # --- changes -------------------------------------------------------------------------------------

    def execute(self, operation: Operation) -> Change:
        """Apply an operation and put it on the undo stack; raises OperationError (briefing unchanged)."""
        if self.read_only:
            raise ReadOnlyError(self.read_only_reason())
        change = operation.apply(self.briefing)
        self.undo_stack.push(OperationCommand(self, operation, change_name(change, self.briefing)))
        self.changed.emit(change, False)
        return change

    def read_only_reason(self) -> str:
        return self.tr(
            "Read-only: this briefing is open elsewhere, so it cannot be changed here (Save As makes a copy "
            "you can edit)"
        )

    def refuse_read_only(self) -> None:
        """An edit was asked for in a read-only briefing (a key on a card, filing, adding a source): say why nothing
        happens. `refused` is shown in the status bar and said by a screen reader (StatusBar.tell)."""
        self.refused.emit(self.read_only_reason())

    def run(self, operation: Operation) -> Change | None:
        """execute() for a command of the analyst's: a refusal is told by `refused` (the window shows it in the
        status bar), and None returned."""
        try:
            return self.execute(operation)
        except OperationError as exc:
            self.refused.emit(shown_error(exc))
            return None

    def withdraw(self, operation: Operation) -> bool:
        """Take back the last change if it is this operation, leaving no Redo step: a note made and then
        cancelled before anything was written in it was never wanted. False when another change came since."""
        stack = self.undo_stack
        index = stack.index()
        command = stack.command(index - 1) if index and index == stack.count() else None
        if not isinstance(command, OperationCommand) or command.operation is not operation:
            return False
        self.emit_change(operation.revert(self.briefing))  # taken back, not a step of Undo
        command.setObsolete(True)  # QUndoStack.undo() now drops it without undoing it again
        stack.undo()
        return True

    def emit_change(self, change: Change, *, step: bool = False) -> None:
        self.changed.emit(change, step)
