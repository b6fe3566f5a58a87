"""Opening, saving, locking, autosave and recovery of the window's briefing; every prompt goes through QMessageBox."""

from __future__ import annotations

import contextlib
import errno
import os
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMenu, QWidget

from briefing.core.messages import named
from briefing.core.model import Briefing
from briefing.gui import recovery
from briefing.gui.document import BriefingDocument
from briefing.gui.i18n import autosaved, moment, shown_error, shown_headings
from briefing.gui.style import settings

if TYPE_CHECKING:
    from briefing.core.anchors import AnchorReport
    from briefing.core.lock import BriefingLock, LockedError, LockInfo
    from briefing.core.operations import Change, Operation
    from briefing.core.project import PartCache
    from briefing.gui.recovery_dialog import RecoveryDialog

# The project file and lock modules (zip, YAML, sockets) load on first open or save, not at start-up, and the
# message boxes and file dialogs when one is first shown.
SUFFIX = ".briefing"  # briefing.core.project.SUFFIX; tests/gui check they agree
BACKUP_SUFFIX = ".bak"  # briefing.core.files.BACKUP_SUFFIX: a backup, opened only as an unsaved copy
MAX_RECENT = 10
# A source just imported is the costliest work to redo: it is autosaved this soon after, not at the next 30 s tick.
AUTOSAVE_AFTER_IMPORT_MS = 1000
LOCK_REFRESH_MS = 5 * 60 * 1000


def start_folder(document: BriefingDocument) -> Path:
    """Where a file dialog starts: the open briefing's folder, else the folder last used, else home."""
    if document.path is not None:
        return document.path.parent
    last = settings().value("lastFolder", "")
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    return Path.home()


def remember_folder(path: Path) -> None:
    """A file chosen in a dialog: the next dialog of an untitled briefing starts in its folder."""
    settings().setValue("lastFolder", str(path.parent))


def _os_error(failure: BaseException) -> OSError | None:
    """The system's error behind failure (save_briefing says it in its own words, keeping it as the context)."""
    seen: BaseException | None = failure
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno is not None:
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


class _Autosave:
    """One write of the recovery file on a worker thread, from a snapshot taken on the GUI thread."""

    def __init__(
        self,
        store: recovery.RecoveryStore,
        briefing: Briefing,
        original: Path | None,
        base: recovery.DiskState | None,
        cache: PartCache,
        done: Callable[[], None],
    ) -> None:
        self.store, self.briefing, self.original, self.base = store, briefing, original, base
        self.cache, self.done = cache, done  # the document's compressed parts: thread-safe
        self.failure: Exception | None = None
        self.finished = False
        self.thread = threading.Thread(target=self._run, name="autosave", daemon=True)

    def _run(self) -> None:
        try:
            self.store.write(self.briefing, self.original, self.base, self.cache)
        except Exception as exc:  # any: told in the status bar until an autosave succeeds; the next tick tries again
            self.failure = exc
        finally:
            self.finished = True
            with contextlib.suppress(RuntimeError):  # the window is gone (closing waits, so only in tests)
                self.done()


class _Load(QRunnable):
    """Reading a briefing and checking its excerpts against their sources, on a worker thread: a big note, or one
    whose excerpts must be looked for, never blocks the window. The briefing is not shown until this is done, so
    nothing else touches it meanwhile."""

    def __init__(self, path: Path, cache: PartCache, done: Callable[[], None]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the controller reads the outcome from it after run() returns
        self.path, self.cache, self.done = path, cache, done
        self.base = recovery.disk_state(path)  # before reading: a change while it is read counts as newer on disk
        self.briefing: Briefing | None = None
        self.problems: list[AnchorReport] = []
        self.error = ""
        self.finished = False
        self.shown = False  # set on the GUI thread: the briefing read is the window's now

    def run(self) -> None:
        from briefing.core.anchors import check_anchors
        from briefing.core.project import ProjectFileError
        from briefing.core.project_load import load_briefing

        try:
            briefing = load_briefing(self.path, self.cache)
            self.problems = [report for report in check_anchors(briefing) if report.status != "ok"]
            self.briefing = briefing
        except (ProjectFileError, OSError) as exc:
            self.error = shown_error(exc)
        except Exception as exc:  # a defect met on a strange file: still one line, never a traceback
            self.error = shown_error(named(self.path.name, f"{type(exc).__name__}: {exc}"))
        finally:
            self.finished = True
            with contextlib.suppress(RuntimeError):  # the window is gone (closing waits, so only in tests)
                self.done()


class FileController(QObject):
    """Owns the file side of one window: path, owner lock, recovery file, recent files."""

    readOnlyChanged = Signal(bool)
    recentChanged = Signal()
    message = Signal(str)
    busyChanged = Signal(bool)  # a briefing is being read (File > Open) or no longer
    opened = Signal(object, bool)  # an open finished: the path, and whether its briefing is now shown
    autosaveFailing = Signal(str)  # why unsaved work is not being autosaved; "" once it is again (or nothing is due)
    _autosaveDone = Signal()  # emitted on the autosave thread, delivered on the GUI thread
    _loadDone = Signal()  # emitted on the reading thread, delivered on the GUI thread

    def __init__(
        self,
        window: QWidget,
        document: BriefingDocument,
        commit_typing: Callable[[], None],
        typing_in_progress: Callable[[], Operation | None],
    ) -> None:
        """commit_typing commits a field being typed in, so saving or replacing the briefing includes its text;
        typing_in_progress is that text as an operation (or None), for autosave."""
        super().__init__(window)
        self.window = window
        self.document = document
        self.commit_typing = commit_typing
        self.typing_in_progress = typing_in_progress
        self.loader = QThreadPool(self)
        self.loader.setMaxThreadCount(1)
        self.opening: _Load | None = None  # the briefing being read: one at a time
        self._state_at_open: tuple[int, int, int] | None = None  # the document when that open was asked for
        self._loadDone.connect(self._collect_open)
        self.lock: BriefingLock | None = None
        self._autosaved: tuple[int, int, int, str] | None = None
        self._autosave_job: _Autosave | None = None
        self._autosave_problem = ""  # told once, kept in the status bar while it lasts
        self._autosaveDone.connect(self._collect_autosave)
        # the file on disk as the open briefing was read from it or saved to it, for the recovery note
        self.base: recovery.DiskState | None = None
        self.owner = ""  # who holds the lock when the briefing is open read-only
        self.cannot_save = ""  # the file's name while its folder (or the file) refuses writing: told while it lasts
        self.recovered_from: Path | None = None  # the file recovered work shown without a path was autosaved for
        self.store = recovery.RecoveryStore()
        self.recovery_dialog: RecoveryDialog | None = None
        # always running: text being typed is unsaved work before it becomes a change of the briefing
        self.autosave_timer = QTimer(self, interval=recovery.AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.autosave_soon = QTimer(self, singleShot=True, interval=AUTOSAVE_AFTER_IMPORT_MS)
        self.autosave_soon.timeout.connect(self._autosave_after_import)
        document.changed.connect(self._source_imported)
        self.lock_timer = QTimer(self, interval=LOCK_REFRESH_MS)
        self.lock_timer.timeout.connect(self._refresh_lock)

    # --- prompts -------------------------------------------------------------------------------------

    def _error(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self.window, title, text)

    def maybe_save(self, action: str = "close") -> bool:
        """Before the briefing is closed or replaced: True when it is safe to go on (saved or discarded).

        action names what is about to happen, for the question: close, open, new or recover."""
        self.commit_typing()
        if not self.document.is_dirty():
            return True
        from PySide6.QtWidgets import QMessageBox

        _Btn = QMessageBox.StandardButton
        name = self.document.display_name(self.tr("Untitled briefing"))
        questions = {
            "close": self.tr("Save the changes to %1 before closing?"),
            "open": self.tr("Save the changes to %1 before opening another briefing?"),
            "new": self.tr("Save the changes to %1 before starting a new briefing?"),
            "recover": self.tr("Save the changes to %1 before recovering unsaved work?"),
        }
        answer = QMessageBox.question(
            self.window,
            self.tr("Unsaved changes"),
            questions[action].replace("%1", name),
            _Btn.Save | _Btn.Discard | _Btn.Cancel,
            _Btn.Save,
        )
        if answer == _Btn.Save:
            return self.save()
        return answer == _Btn.Discard

    # --- open, new, save -----------------------------------------------------------------------------

    def show_briefing(self, briefing: Briefing, path: Path | None, *, dirty: bool = False, name: str = "") -> None:
        """name: the window's title for a briefing without a path (e.g. recovered work)."""
        self._release()
        self._autosave_failing("")  # another briefing: its autosave says for itself
        self.base = None
        self.recovered_from = None
        self.document.read_only = False
        self.cannot_save = ""
        self.document.replace(briefing, path, dirty=dirty, name=name)
        self.readOnlyChanged.emit(False)

    def open_dialog(self) -> None:
        """File > Open: a backup (the previous save) is listed too, to open when the briefing itself is damaged."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open Briefing"),
            str(start_folder(self.document)),
            self.tr("Briefing files (*%1)").replace("%1", SUFFIX)
            + ";;"
            + self.tr("Backups (*%1)").replace("%1", SUFFIX + BACKUP_SUFFIX),
        )
        if name:
            remember_folder(Path(name))
            self.open_path(Path(name))

    def open_path(self, path: Path, *, ask_save: bool = True) -> bool:
        """Start opening path; False when it was not started (cancelled, or another open is still reading).

        The file is read and its excerpts checked on a worker thread; `opened` says how it ended. Work a crashed
        session autosaved for it is offered first, and restoring it opens at once."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

        path = recovery.full_path(path)  # kept in the recovery note and recent files: found from any folder
        if self.opening is not None:
            self.message.emit(self.tr("Still opening %1…").replace("%1", self.opening.path.name))
            return False
        if ask_save and not self.maybe_save("open"):
            return False
        if self._offer_recovery_of(path):
            return True  # not restored (No, Discard, a copy that cannot be read): the file opens as saved
        self.opening = _Load(path, self.document.parts, self._loadDone.emit)
        self._state_at_open = self._state()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)  # busy, yet the window still answers
        self.busyChanged.emit(True)
        self.message.emit(self.tr("Opening %1…").replace("%1", path.name))
        self.loader.start(self.opening)
        return True

    def _state(self) -> tuple[int, int, int]:
        stack = self.document.undo_stack
        return id(self.document.briefing), stack.index(), stack.count()

    def wait_open(self) -> bool:
        """Let the briefing being read finish opening (scripts and tests); False when that open failed or was
        cancelled, True when it opened or none was running."""
        job = self.opening
        if job is None:
            return True
        self.loader.waitForDone()
        self._collect_open()
        return job.shown

    def _collect_open(self) -> None:
        """On the GUI thread, once the worker has read the file: show it, as opening always did."""
        job = self.opening
        if job is None or not job.finished:
            return
        from PySide6.QtGui import QGuiApplication

        self.opening = None
        QGuiApplication.restoreOverrideCursor()
        self.busyChanged.emit(False)
        if job.briefing is None:
            if not job.path.exists() and job.path.parent.is_dir():
                self.forget_recent(job.path)  # deleted; a folder that is missing may be a drive that comes back
            self._cannot_open(job.path, job.error)
        job.shown = job.briefing is not None and self._show_opened(job, job.briefing)
        self.opened.emit(job.path, job.shown)

    def _cannot_open(self, path: Path, error: str) -> None:
        """Say why path could not be opened. A damaged file whose backup (its previous save, NAME.bak) is beside it
        says so, and offers to open the backup instead."""
        from briefing.core.files import backup_to_offer

        backup = backup_to_offer(path)
        if backup is None:
            self._error(self.tr("Cannot open briefing"), error)
            return
        from PySide6.QtWidgets import QMessageBox

        text = self.tr(
            "A backup of it from %1 is beside it: %2.\n\nOpen the backup? It opens as an unsaved copy, to save "
            "under a new name (Save As); the backup itself is never changed."
        )
        text = text.replace("%1", moment(backup.stat().st_mtime)).replace("%2", backup.name)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot open briefing"), f"{error}\n\n{text}")
        box.setParent(self.window, box.windowFlags())
        open_backup = box.addButton(self.tr("Open &Backup"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(open_backup)
        box.exec()
        if box.clickedButton() is open_backup:
            self.open_path(backup, ask_save=False)  # (the changes were saved or discarded before this open)

    def _show_backup(self, job: _Load, briefing: Briefing) -> bool:
        """A backup (NAME.briefing.bak) opens as an unsaved copy, as recovered work does: never bound to its file,
        so saving asks for a name (beside the briefing it backs up) and the backup is never overwritten."""
        original = job.path.with_name(job.path.name.removesuffix(BACKUP_SUFFIX))
        self.wait_autosave()
        self.store.clear()
        self.show_briefing(briefing, None, dirty=True, name=self.tr("Backup of %1").replace("%1", original.name))
        self.recovered_from = original  # Save As proposes "NAME (recovered).briefing" beside it
        self._check_quotes(briefing, job.path, job.problems)
        self.message.emit(
            self.tr("Opened the backup of %1 — save it under a new name to keep it").replace("%1", original.name)
        )
        return True

    def _show_opened(self, job: _Load, briefing: Briefing) -> bool:
        from briefing.core.lock import BriefingLock, LockedError

        path = job.path
        if self._state() != self._state_at_open and not self.maybe_save("open"):
            return False  # changed while the file was read, and the analyst keeps those changes
        if path.name.endswith(BACKUP_SUFFIX):
            return self._show_backup(job, briefing)
        read_only = refused = False
        if self.lock is not None and recovery.same_file(self.lock.path, path):
            # Re-opening the briefing we hold (revert to saved): keep our lock, or releasing the old one
            # would delete the lock file the new one relies on.
            lock, self.lock = self.lock, None
        else:
            lock = BriefingLock(path)
        try:
            lock.acquire()
        except LockedError as exc:
            if not self._ask_read_only(exc):
                return False
            read_only = True
            self.owner = self._owner(exc.owner)
        except OSError as exc:
            refused = exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
            if not refused:
                self.message.emit(self.tr("Could not create the lock file: %1").replace("%1", shown_error(exc)))
        else:
            refused = not os.access(path, os.W_OK)  # a file made read-only in a folder of one's own
        self.wait_autosave()
        self.store.clear()
        self.show_briefing(briefing, path)
        self.base = job.base
        if refused and not read_only:  # a colleague's folder: said now, and while it lasts, not first at Save
            self.cannot_save = path.name
        if not read_only and lock.held:
            self.lock = lock
            self.lock_timer.start()
        self.document.read_only = read_only
        self.readOnlyChanged.emit(read_only)
        self.add_recent(path)
        self._check_quotes(briefing, path, job.problems)
        if recovery.pending(for_file=path):  # declined before: kept, not asked about again
            self.message.emit(
                self.tr("Unsaved work autosaved for %1 is kept: File > Recover Unsaved Work").replace("%1", path.name)
            )
        return True

    def _owner(self, owner: LockInfo) -> str:
        """Who holds a lock, in the interface language ("jroy on PC-42 since 7 December 2026 at 00:06")."""
        text = self.tr("%1 on %2 since %3").replace("%1", owner.user).replace("%2", owner.host)
        return text.replace("%3", moment(owner.since))

    def _ask_read_only(self, exc: LockedError) -> bool:
        """Someone else has the briefing open: say who, since when, and how to clear a lock left behind; True to
        open it read-only."""
        from PySide6.QtWidgets import QMessageBox

        _Btn = QMessageBox.StandardButton
        since = moment(exc.owner.since)
        text = self.tr(
            "%1 is open in Briefing by %2 on %3 since %4.\n\nOpen it read-only? You can still read and copy from it, "
            "and save a copy with Save As.\n\nIf you are sure nobody has it open (their Briefing closed without "
            "saying so), close this file, delete this lock file and open the briefing again:\n%5"
        )
        for number, value in enumerate(
            (exc.path.name, exc.owner.user, exc.owner.host, since, str(exc.lock_file)), start=1
        ):
            text = text.replace(f"%{number}", value)
        answer = QMessageBox.question(self.window, self.tr("Briefing in use"), text, _Btn.Yes | _Btn.Cancel, _Btn.Yes)
        return answer == _Btn.Yes

    def _check_quotes(self, briefing: Briefing, path: Path, problems: list[AnchorReport]) -> None:
        """A file changed outside Briefing may hold excerpts that no longer match their source at their place:
        say so on opening (as `briefing check` does, on the reading thread), and leave them as they are for the
        analyst to judge."""
        from PySide6.QtWidgets import QMessageBox

        if not problems:
            return
        shown = shown_headings(briefing)
        headings = {excerpt.id: shown[section.id] for section, excerpt in briefing.excerpts()}
        listed = "\n".join(f"• {shown_error(named(headings[r.excerpt_id], r.describe()))}" for r in problems[:6])
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
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save Briefing As"),
            str(self._save_as_start()),
            self.tr("Briefing files (*%1)").replace("%1", SUFFIX),
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        remember_folder(path)
        # Our own file needs no new lock; any other path (or ours opened read-only) is written only if no other
        # Briefing has it open, or its owner's work would be overwritten.
        if path != self.document.path or self.lock is None:
            lock = BriefingLock(path)
            try:
                lock.acquire()
            except LockedError as exc:
                text = self.tr("%1 is open in Briefing by %2, so it was not saved. Save under another name.")
                self._error(self.tr("Cannot save"), text.replace("%1", path.name).replace("%2", self._owner(exc.owner)))
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
            if self.document.read_only or self.cannot_save:
                self.document.read_only = False
                self.cannot_save = ""
                self.readOnlyChanged.emit(False)
            self.add_recent(path)
            return True
        return self._write(path)

    def _save_as_start(self) -> Path:
        """The name Save As proposes: the briefing's own, a copy's when it is open read-only, recovered work's
        beside the file it was autosaved for."""
        path = self.document.path
        if path is not None and self.document.read_only:
            return path.with_name(self.tr("%1 (copy)").replace("%1", path.stem) + SUFFIX)
        if path is not None:
            return path
        if self.recovered_from is not None:
            original = self.recovered_from
            return original.with_name(self.tr("%1 (recovered)").replace("%1", original.stem) + SUFFIX)
        return start_folder(self.document) / (self.tr("Briefing") + SUFFIX)

    def _write(self, path: Path) -> bool:
        from briefing.core.project import ProjectFileError
        from briefing.core.project_save import save_briefing

        try:
            save_briefing(self.document.briefing, path, cache=self.document.parts)
        except (ProjectFileError, OSError) as exc:
            self._error(self.tr("Cannot save briefing"), shown_error(exc))
            return False
        self.base = recovery.disk_state(path)
        self.document.mark_saved(path)
        self.wait_autosave()  # a copy being written now would outlive the save
        self.store.clear()
        self._autosave_failing("")  # the work is safe in its file
        self.message.emit(self.tr("Saved %1").replace("%1", path.name))
        return True

    # --- autosave and recovery -----------------------------------------------------------------------

    def autosave(self) -> bool:
        """Start writing the recovery file if there are unsaved changes or text being typed; True when started.

        The snapshot is taken here, on the GUI thread (a copy of the notes; the sources are shared, and their
        fields are only ever replaced, never changed in place); serialising and writing it run on a worker thread,
        one at a time, so the analyst never waits. Never touches the briefing's own file. What is being typed goes
        into the copy: the analyst's field stays open."""
        from copy import copy

        from briefing.core.operations import OperationError

        self._collect_autosave()  # one that finished before its signal was delivered
        if self._autosave_job is not None:
            return False  # still writing: the next tick writes (or removes) what changed meanwhile
        typing = self.typing_in_progress()
        if not self.document.is_dirty() and typing is None:
            self.store.clear()  # e.g. typing that was then cancelled: nothing of it is work to recover
            self._autosave_failing("")
            return False
        stack = self.document.undo_stack
        state = (id(self.document.briefing), stack.index(), stack.count(), repr(typing))
        if state == self._autosaved and self.store.exists():
            return False  # nothing new since the last autosave
        snapshot = self.document.briefing.note_copy()  # typing changes a note, a comment or the title block
        snapshot.sources = [copy(source) for source in snapshot.sources]  # replacing a source's text swaps 4 fields
        if typing is not None:
            with contextlib.suppress(OperationError):
                typing.apply(snapshot)
        job = _Autosave(
            self.store, snapshot, self.document.path, self.base, self.document.parts, self._autosaveDone.emit
        )
        self._autosave_job, self._autosaved = job, state
        job.thread.start()
        return True

    def _source_imported(self, change: Change, _step: bool) -> None:
        """A source added or given a new version (an import, a paste): autosaved within a second (QA8 D13f)."""
        if change.name[:1] in (("add_source",), ("update_source",)) and not self.autosave_soon.isActive():
            self.autosave_soon.start()

    def _autosave_after_import(self) -> None:
        if not self.autosave() and self._autosave_job is not None:
            self.autosave_soon.start()  # an earlier write is under way: this one's turn comes after it

    def _collect_autosave(self) -> None:
        job = self._autosave_job
        if job is None or not job.finished:
            return
        self._autosave_job = None
        if job.failure is not None:
            self._autosaved = None  # written again at the next tick
        self._autosave_failing(self._not_autosaved(job.failure) if job.failure is not None else "")

    def _autosave_failing(self, text: str) -> None:
        """Tell once that autosave fails (or "" that it works again): a notice every tick, naming the recovery file,
        read like the analyst's own save failing (QA8 D8)."""
        if text != self._autosave_problem:
            self._autosave_problem = text
            self.autosaveFailing.emit(text)

    def _not_autosaved(self, failure: Exception) -> str:
        """Why unsaved work is not being autosaved, naming the folder (never the copy's own name) and what to do."""
        import errno

        from PySide6.QtGui import QKeySequence

        from briefing.core.project import ProjectFileError

        system = _os_error(failure)
        if system is not None and system.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            text = self.tr("Unsaved work is not being autosaved: the disk holding %1 is full — save your briefing (%2)")
        else:
            text = self.tr("Unsaved work is not being autosaved: %1 cannot be written (%3) — save your briefing (%2)")
            if system is not None and system.strerror:
                reason = system.strerror
            else:
                reason = shown_error(failure.problem if isinstance(failure, ProjectFileError) else failure)
            text = text.replace("%3", reason)
        save = QKeySequence(QKeySequence.StandardKey.Save).toString(QKeySequence.SequenceFormat.NativeText)
        return text.replace("%1", str(self.store.folder)).replace("%2", save)

    def wait_autosave(self) -> None:
        """Let the recovery file being written finish (at most one autosave), before it is removed or replaced."""
        if self._autosave_job is not None:
            self._autosave_job.thread.join()
            self._collect_autosave()

    def offer_recovery(self) -> bool:
        """A start without a file: offer the newest copy a crashed session left (one not declined before); True when
        it was restored."""
        entries = [entry for entry in recovery.pending() if not entry.declined]
        return bool(entries) and self._ask_and_restore(entries[0])

    def _offer_recovery_of(self, path: Path) -> bool:
        """Before path is opened: offer work autosaved for it by a session that crashed; True when restored."""
        entries = [entry for entry in recovery.pending(for_file=path) if not entry.declined]
        return bool(entries) and self._ask_and_restore(entries[0])

    def _ask_and_restore(self, entry: recovery.RecoveryEntry) -> bool:
        from PySide6.QtWidgets import QMessageBox

        _Btn = QMessageBox.StandardButton
        text = self.tr(
            "Briefing did not close properly while %1 was open. Its unsaved work was autosaved on %2.\n\n"
            "Restore it? No keeps the copy for later (File > Recover Unsaved Work); Discard deletes it."
        )
        if entry.original is None:
            text = self.tr(
                "Briefing did not close properly while a briefing never saved was open. Its work was autosaved "
                "on %2.\n\nRestore it? No keeps the copy for later (File > Recover Unsaved Work); Discard deletes it."
            )
        if entry.disk_changed():
            text += "\n\n" + self._newer_on_disk(entry)
        answer = QMessageBox.question(
            self.window,
            self.tr("Recover unsaved work?"),
            text.replace("%1", entry.name).replace("%2", moment(entry.saved_at)),
            _Btn.Yes | _Btn.No | _Btn.Discard,
            _Btn.Yes,
        )
        if answer == _Btn.Yes:
            return self.restore(entry, ask_save=False)
        with contextlib.suppress(OSError):
            entry.discard() if answer == _Btn.Discard else entry.decline()
        return False

    def _newer_on_disk(self, entry: recovery.RecoveryEntry) -> str:
        if entry.original is not None and not entry.original.is_absolute():
            text = self.tr(
                "Which %1 it belongs to is not known (an older version kept only its name). The recovered work opens "
                "as a separate unsaved briefing (keep it with Save As); no file is touched."
            )
        elif entry.original is not None and not entry.original.exists():
            text = self.tr("%1 is no longer where it was. The recovered work opens as a separate unsaved briefing.")
        else:
            text = self.tr(
                "%1 has been saved again since (%3), so it holds work this copy does not. The recovered work "
                "opens as a separate unsaved briefing (keep it with Save As); the newer file is not touched."
            )
        saved = entry.disk_saved_at()
        return text.replace("%1", entry.name).replace("%3", moment(saved) if saved is not None else "")

    def restore(self, entry: recovery.RecoveryEntry, *, ask_save: bool = True) -> bool:
        """Open a crashed session's work, unsaved. In its own file's place only if that file is still the one the
        work was based on, and no one else has it open; otherwise as a separate briefing, never bound to the file."""
        from briefing.core.lock import BriefingLock, LockedError
        from briefing.core.project import ProjectFileError

        if ask_save and not self.maybe_save("recover"):
            return False
        try:
            briefing = entry.load(self.document.parts)  # kept for the next save
        except (ProjectFileError, OSError) as exc:
            text = self.tr("The work autosaved for %1 cannot be read (%2). The copy is kept: %3")
            self._error(
                self.tr("Cannot recover"),
                text.replace("%1", autosaved(entry.name, entry.saved_at))
                .replace("%2", shown_error(exc))
                .replace("%3", str(entry.file)),
            )
            with contextlib.suppress(OSError):
                entry.decline()  # listed still, for the analyst to discard; not offered at every start
            return False
        lock = None
        if entry.original is not None and not entry.disk_changed():
            if self.lock is not None and recovery.same_file(self.lock.path, entry.original):
                lock, self.lock = self.lock, None  # ours already: releasing it would delete the owner file
            else:
                lock = BriefingLock(entry.original)
            try:
                lock.acquire()
            except (LockedError, OSError):
                lock = None  # someone else has the file: the recovered work is saved elsewhere
        self.wait_autosave()
        self.store.clear()
        if lock is not None and entry.original is not None:
            self.show_briefing(briefing, entry.original, dirty=True)
            self.base = entry.base
            self.lock = lock
            self.lock_timer.start()
            self.add_recent(entry.original)
        else:
            title = self.tr("Recovered %1").replace("%1", entry.original.stem if entry.original else self.tr("work"))
            self.show_briefing(briefing, None, dirty=True, name=title)
            self.recovered_from = entry.original
        try:  # the copy becomes this session's own recovery file, until the work is saved or discarded
            self.store.adopt(entry, self.document.path, self.base)
            stack = self.document.undo_stack
            self._autosaved = (id(self.document.briefing), stack.index(), stack.count(), repr(None))
        except OSError:
            self.autosave()  # written afresh; the old copy stays in the list until discarded
        self.message.emit(
            self.tr("Recovered %1 — save it to keep it").replace("%1", autosaved(entry.name, entry.saved_at))
        )
        return True

    def recover_unsaved_work(self) -> None:
        """File > Recover Unsaved Work: the copies crashed sessions left, with Open and Discard."""
        from briefing.gui.recovery_dialog import RecoveryDialog

        if self.recovery_dialog is None:
            self.recovery_dialog = RecoveryDialog(self.window)
            self.recovery_dialog.openRequested.connect(self.restore)
        self.recovery_dialog.refresh()
        self.recovery_dialog.open()

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
        self.autosave_soon.stop()
        self.loader.waitForDone()  # a briefing being read is not shown: the window is going
        if self.opening is not None:
            from PySide6.QtGui import QGuiApplication

            self.opening = None
            QGuiApplication.restoreOverrideCursor()
        self.wait_autosave()
        self._release()
        self.store.clear()

    # --- recent files --------------------------------------------------------------------------------

    def recent_menu(self, parent: QWidget) -> QMenu:
        """File > Open Recent, filled each time it opens."""
        menu = QMenu(QCoreApplication.translate("MainWindow", "Open &Recent"), parent)
        menu.setObjectName("menu_recent")

        def fill() -> None:
            menu.clear()
            for path in self.recent():
                menu.addAction(path.name, partial(self.open_path, path)).setToolTip(str(path))
            if menu.isEmpty():
                menu.addAction(QCoreApplication.translate("MainWindow", "No recent briefings")).setEnabled(False)

        menu.aboutToShow.connect(fill)
        return menu

    def recent(self) -> list[Path]:
        value = settings().value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []  # none stored: None
        # A relative entry (kept by an older version) would name a file in whatever folder Briefing starts in.
        return [Path(p) for p in value if isinstance(p, str) and Path(p).is_absolute()]

    def forget_recent(self, path: Path) -> None:
        paths = [str(p) for p in self.recent() if p != path]
        settings().setValue("recentFiles", paths)
        self.recentChanged.emit()

    def add_recent(self, path: Path) -> None:
        path = recovery.full_path(path)
        paths = [str(path)] + [str(p) for p in self.recent() if p != path]
        store = settings()
        store.setValue("recentFiles", paths[:MAX_RECENT])
        store.setValue("lastOpen", str(path))
        self.recentChanged.emit()
