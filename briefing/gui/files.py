"""Opening, saving, locking, autosave and recovery of the window's briefing; every prompt goes through QMessageBox."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from briefing.core.model import Briefing
from briefing.gui import recovery
from briefing.gui.document import BriefingDocument
from briefing.gui.style import settings

if TYPE_CHECKING:
    from briefing.core.lock import BriefingLock
    from briefing.core.operations import Operation

# The project file and lock modules (zip, YAML, sockets) load on first open or save, not at start-up, and the
# message boxes and file dialogs when one is first shown.
SUFFIX = ".briefing"  # briefing.core.project.SUFFIX; tests/gui check they agree
MAX_RECENT = 10
LOCK_REFRESH_MS = 5 * 60 * 1000


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


class FileController(QObject):
    """Owns the file side of one window: path, owner lock, recovery file, recent files."""

    readOnlyChanged = Signal(bool)
    recentChanged = Signal()
    message = Signal(str)

    def __init__(self, window: QWidget, document: BriefingDocument) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        # the window's: commits a field being typed in, so saving or replacing the briefing includes its text
        self.commit_typing: Callable[[], None] = lambda: None
        self.typing_in_progress: Callable[[], Operation | None] = lambda: None  # the window's, for autosave
        self.lock: BriefingLock | None = None
        self._autosaved: tuple[int, int, int, str] | None = None
        self.owner = ""  # who holds the lock when the briefing is open read-only
        self.store = recovery.RecoveryStore()
        # always running: text being typed is unsaved work before it becomes a change of the briefing
        self.autosave_timer = QTimer(self, interval=recovery.AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.lock_timer = QTimer(self, interval=LOCK_REFRESH_MS)
        self.lock_timer.timeout.connect(self._refresh_lock)

    # --- prompts -------------------------------------------------------------------------------------

    def _error(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self.window, title, text)

    def maybe_save(self) -> bool:
        """Before the briefing is closed or replaced: True when it is safe to go on (saved or discarded)."""
        self.commit_typing()
        if not self.document.is_dirty():
            return True
        from PySide6.QtWidgets import QMessageBox

        _Btn = QMessageBox.StandardButton
        name = self.document.path.name if self.document.path else self.tr("Untitled briefing")
        answer = QMessageBox.question(
            self.window,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to %1 before closing?").replace("%1", name),
            _Btn.Save | _Btn.Discard | _Btn.Cancel,
            _Btn.Save,
        )
        if answer == _Btn.Save:
            return self.save()
        return answer == _Btn.Discard

    # --- open, new, save -----------------------------------------------------------------------------

    def show_briefing(self, briefing: Briefing, path: Path | None, *, dirty: bool = False) -> None:
        self._release()
        self.document.read_only = False
        self.document.replace(briefing, path, dirty=dirty)
        self.readOnlyChanged.emit(False)

    def open_path(self, path: Path, *, ask_save: bool = True) -> bool:
        from PySide6.QtWidgets import QMessageBox

        from briefing.core.lock import BriefingLock, LockedError
        from briefing.core.project import ProjectFileError, load_briefing

        _Btn = QMessageBox.StandardButton

        path = Path(path)
        if ask_save and not self.maybe_save():
            return False
        try:
            briefing = load_briefing(path, self.document.parts)
        except (ProjectFileError, OSError) as exc:
            if not path.exists() and path.parent.is_dir():
                self.forget_recent(path)  # deleted; a folder that is missing may be a drive that comes back
            self._error(self.tr("Cannot open briefing"), str(exc))
            return False
        read_only = False
        if self.lock is not None and _same_file(self.lock.path, path):
            # Re-opening the briefing we hold (revert to saved): keep our lock, or releasing the old one
            # would delete the lock file the new one relies on.
            lock, self.lock = self.lock, None
        else:
            lock = BriefingLock(path)
        try:
            lock.acquire()
        except LockedError as exc:
            answer = QMessageBox.question(
                self.window,
                self.tr("Briefing in use"),
                self.tr(
                    "%1 is open in Briefing by %2.\n\nOpen it read-only? You can still read and copy from it, "
                    "and save a copy with Save As."
                )
                .replace("%1", path.name)
                .replace("%2", exc.owner.describe()),
                _Btn.Yes | _Btn.Cancel,
                _Btn.Yes,
            )
            if answer != _Btn.Yes:
                return False
            read_only = True
            self.owner = exc.owner.describe()
        except OSError as exc:
            self.message.emit(self.tr("Could not create the lock file: %1").replace("%1", str(exc)))
        self.store.clear()
        self.show_briefing(briefing, path)
        if not read_only and lock.held:
            self.lock = lock
            self.lock_timer.start()
        self.document.read_only = read_only
        self.readOnlyChanged.emit(read_only)
        self.add_recent(path)
        self._check_quotes(briefing, path)
        return True

    def _check_quotes(self, briefing: Briefing, path: Path) -> None:
        """A file changed outside Briefing may hold excerpts that no longer match their source at their place:
        say so on opening (as `briefing check` does), and leave them as they are for the analyst to judge."""
        from PySide6.QtWidgets import QMessageBox

        from briefing.core.anchors import check_anchors

        problems = [report for report in check_anchors(briefing) if report.status != "ok"]
        if not problems:
            return
        headings = {excerpt.id: section.heading for section, excerpt in briefing.excerpts()}
        listed = "\n".join(f"• {headings[r.excerpt_id]}: {r.describe()}" for r in problems[:6])
        if len(problems) > 6:
            listed += "\n" + self.tr("… and %1 more").replace("%1", str(len(problems) - 6))
        text = self.tr("Excerpts to check in %1 — each no longer matches its source where it points:")
        QMessageBox.warning(
            self.window,
            self.tr("Excerpts to check"),
            text.replace("%1", path.name)
            + "\n\n"
            + listed
            + "\n\n"
            + self.tr("They are kept as they are. Check them (Show in Source) before exporting."),
        )

    def save(self) -> bool:
        self.commit_typing()
        if self.document.path is None or self.document.read_only:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        from briefing.core.lock import BriefingLock, LockedError

        self.commit_typing()
        start = str(self.document.path or Path.home() / (self.tr("Briefing") + SUFFIX))
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save Briefing As"), start, self.tr("Briefing files (*%1)").replace("%1", SUFFIX)
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        if path != self.document.path:
            lock = BriefingLock(path)
            try:
                lock.acquire()
            except LockedError as exc:
                self._error(self.tr("Cannot save"), str(exc))
                return False
            except OSError:
                lock = None  # type: ignore[assignment]
            if not self._write(path):
                if lock is not None:
                    lock.release()
                return False
            self._release()
            self.lock = lock
            self.lock_timer.start()
            if self.document.read_only:
                self.document.read_only = False
                self.readOnlyChanged.emit(False)
            self.add_recent(path)
            return True
        return self._write(path)

    def _write(self, path: Path) -> bool:
        from briefing.core.project import ProjectFileError, save_briefing

        try:
            save_briefing(self.document.briefing, path, cache=self.document.parts)
        except (ProjectFileError, OSError) as exc:
            self._error(self.tr("Cannot save briefing"), str(exc))
            return False
        self.document.mark_saved(path)
        self.store.clear()
        self.message.emit(self.tr("Saved %1").replace("%1", path.name))
        return True

    # --- autosave and recovery -----------------------------------------------------------------------

    def autosave(self) -> bool:
        """Write the recovery file if there are unsaved changes or text being typed; never touches the briefing's
        own file. What is being typed goes into a copy of the briefing: the analyst's field stays open."""
        from briefing.core.operations import OperationError
        from briefing.core.project import ProjectFileError

        typing = self.typing_in_progress()
        if not self.document.is_dirty() and typing is None:
            self.store.clear()  # e.g. typing that was then cancelled: nothing of it is work to recover
            return False
        stack = self.document.undo_stack
        state = (id(self.document.briefing), stack.index(), stack.count(), repr(typing))
        if state == self._autosaved and self.store.exists():
            return False  # nothing new since the last autosave
        briefing = self.document.briefing
        if typing is not None:
            briefing = briefing.note_copy()  # typing changes a note, a comment or the title block
            with contextlib.suppress(OperationError):
                typing.apply(briefing)
        try:
            self.store.write(briefing, self.document.path, self.document.parts)
        except (ProjectFileError, OSError) as exc:
            self.message.emit(self.tr("Autosave failed: %1").replace("%1", str(exc)))
            return False
        self._autosaved = state
        return True

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest recovery file; True when one was restored."""
        entries = recovery.pending()
        if not entries:
            return False
        from PySide6.QtWidgets import QMessageBox

        from briefing.core.lock import BriefingLock, LockedError
        from briefing.core.project import ProjectFileError

        _Btn = QMessageBox.StandardButton
        entry = entries[0]
        answer = QMessageBox.question(
            self.window,
            self.tr("Recover unsaved work?"),
            self.tr("Briefing did not close properly last time. Restore %1?\n\nNo deletes the recovered copy.").replace(
                "%1", entry.describe()
            ),
            _Btn.Yes | _Btn.No,
            _Btn.Yes,
        )
        if answer != _Btn.Yes:
            for other in entries:
                other.discard()
            return False
        try:
            briefing = entry.load()
        except (ProjectFileError, OSError) as exc:
            self._error(self.tr("Cannot recover"), str(exc))
            return False
        self.show_briefing(briefing, entry.original, dirty=True)
        if entry.original is not None:
            lock = BriefingLock(entry.original)
            try:
                lock.acquire()
                self.lock = lock
            except (LockedError, OSError):
                self.document.path = None  # someone else has the file: the recovered work is saved elsewhere
        self.autosave()  # our own recovery file before the old one goes
        entry.discard()
        self.message.emit(self.tr("Recovered %1 — save it to keep it").replace("%1", entry.describe()))
        return True

    # --- closing -------------------------------------------------------------------------------------

    def _refresh_lock(self) -> None:
        if self.lock is not None:
            with contextlib.suppress(OSError):
                self.lock.refresh()

    def _release(self) -> None:
        self.lock_timer.stop()
        if self.lock is not None:
            with contextlib.suppress(OSError):
                self.lock.release()
            self.lock = None

    def shutdown(self) -> None:
        """The window closes after the user saved or discarded: no lock, no recovery file left behind."""
        self.autosave_timer.stop()
        self._release()
        self.store.clear()

    # --- recent files --------------------------------------------------------------------------------

    def recent(self) -> list[Path]:
        value = settings().value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [Path(p) for p in value] if isinstance(value, list) else []  # none stored: None

    def forget_recent(self, path: Path) -> None:
        paths = [str(p) for p in self.recent() if p != path]
        settings().setValue("recentFiles", paths)
        self.recentChanged.emit()

    def add_recent(self, path: Path) -> None:
        paths = [str(path)] + [str(p) for p in self.recent() if p != path]
        store = settings()
        store.setValue("recentFiles", paths[:MAX_RECENT])
        store.setValue("lastOpen", str(path))
        self.recentChanged.emit()
