"""Importing sources off the GUI thread: files and pasted clipboard content, with password retries."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from briefing.core.messages import named
from briefing.core.model import Source
from briefing.gui.i18n import shown_error
from briefing.importers import Attachment, ImportCancelled, Progress

if TYPE_CHECKING:
    from briefing.core.project import PartCache


@dataclass(frozen=True)
class ImportRequest:
    path: Path | None = None  # a file, or None for pasted content
    text: str = ""
    html: str | None = None
    password: str | None = None
    encoding: str | None = None  # decode text formats with this instead of detecting (as add-source --encoding)
    attachment: Attachment | None = field(default=None, compare=False)  # an attachment of a source added before
    replaces: str = ""  # the id of the source this file is a new version of (Update from File); "" to add it

    @property
    def name(self) -> str:
        if self.attachment is not None:
            return self.attachment.name
        return self.path.name if self.path else "clipboard"


def run_import(request: ImportRequest, progress: Progress | None = None) -> tuple[Source, list[str], list[Attachment]]:
    """The import itself, plain Python; whatever it raises is reported to the user by ImportController."""
    import briefing.importers as importers

    warnings: list[str] = []
    attachments: list[Attachment] = []
    if request.attachment is not None:
        result = importers.import_attachment(request.attachment, encoding=request.encoding, password=request.password)
        source, warnings, attachments = result.source, list(result.warnings), result.attachments
    elif request.path is None:
        source = importers.import_pasted(request.text, request.html)
    else:
        result = importers.import_file_with_warnings(
            request.path, encoding=request.encoding, password=request.password, progress=progress
        )
        source, warnings, attachments = result.source, list(result.warnings), result.attachments
    return source, warnings, attachments


def describe_failure(request: ImportRequest, exc: BaseException) -> str:
    """One line for the user: which file, and what went wrong."""
    from briefing.importers import SourceImportError

    if isinstance(exc, SourceImportError):
        return shown_error(exc)
    return shown_error(named(request.name, f"{type(exc).__name__}: {exc}"))


def needs_password(exc: BaseException) -> bool:
    from briefing.importers import PasswordRequired

    return isinstance(exc, PasswordRequired)


class ImportJob:
    """One import as the GUI tracks it. `cancelled` is set on the GUI thread and read by the worker at each
    progress point; `done`/`total` are the last progress reported (0/0 until the importer reports)."""

    def __init__(self, request: ImportRequest) -> None:
        self.request = request
        self.cancelled = False
        self.done = 0
        self.total = 0
        self.outcome: tuple[str, object, object] | None = None  # finished, waiting for earlier jobs to be told


class _Signals(QObject):
    done = Signal(object, object, object, object)  # job, Source, warnings, attachments
    failed = Signal(object, object)  # job, exception
    progress = Signal(object, int, int)  # job, done, total


class _Task(QRunnable):
    def __init__(self, job: ImportJob, signals: _Signals, parts: PartCache | None) -> None:
        super().__init__()
        self.job = job
        self.signals = signals
        self.parts = parts
        self.last_emit = 0.0

    def report(self, done: int, total: int) -> None:
        if self.job.cancelled:
            raise ImportCancelled  # unwinds the importer; the controller has already forgotten this job
        # At most ten updates a second (and the last one): each costs the GUI thread a relayout and repaint of the
        # status bar, and this thread shares the interpreter lock with it.
        now = time.monotonic()
        if done >= total or now - self.last_emit >= 0.1:
            self.last_emit = now
            self.signals.progress.emit(self.job, done, total)

    def run(self) -> None:
        try:
            if self.job.cancelled:  # cancelled while it waited for a thread: it does not start
                raise ImportCancelled
            source, warnings, attachments = run_import(self.job.request, self.report)
            if self.parts is not None:  # compressed for the project file now, while off the GUI thread
                from briefing.core.project_save import prepare_source_parts

                prepare_source_parts(source, self.parts)
        except BaseException as exc:
            self.signals.failed.emit(self.job, exc)
        else:
            self.signals.done.emit(self.job, source, warnings, attachments)


class ImportController(QObject):
    """Runs imports on a thread pool and reports each outcome, and progress, on the GUI thread."""

    imported = Signal(object, object, object)  # Source, list of warnings, list of the file's attachments
    replaced = Signal(object, object, object)  # request (its `replaces` set), the new Source, list of warnings
    failed = Signal(object, str)  # request, one-line message
    passwordNeeded = Signal(object, bool)  # request, whether a wrong password was given
    busyChanged = Signal(int)  # imports still running
    progressChanged = Signal()  # a running import got further: see `jobs`

    def __init__(self, parent: QObject | None = None, parts: PartCache | None = None) -> None:
        super().__init__(parent)
        self.parts = parts  # where each new source's compressed parts go, ready for the next save
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.signals = _Signals(self)
        self.signals.done.connect(self._done)
        self.signals.failed.connect(self._failed)
        self.signals.progress.connect(self._progress)
        self.jobs: list[ImportJob] = []  # running and waiting imports, oldest first; cancelled ones are dropped

    @property
    def running(self) -> int:
        return len(self.jobs)

    @property
    def names(self) -> list[str]:
        """What is being imported, for the status bar."""
        return [job.request.name for job in self.jobs]

    def start(self, request: ImportRequest) -> None:
        job = ImportJob(request)
        self.jobs.append(job)
        self.busyChanged.emit(self.running)
        self.pool.start(_Task(job, self.signals, self.parts))

    def retry_with_password(self, request: ImportRequest, password: str) -> None:
        self.start(replace(request, password=password))

    def cancel(self) -> int:
        """Stop every running import: none of them adds a source. Returns how many were cancelled."""
        cancelled = len(self.jobs)
        for job in self.jobs:
            job.cancelled = True  # its worker stops at its next progress point
        self.jobs.clear()
        if cancelled:
            self.busyChanged.emit(0)
        return cancelled

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)

    def _settle(self, job: ImportJob, outcome: tuple[str, object, object]) -> None:
        """Outcomes are told in the order the files were given, so sources are added in that order: each as soon
        as every earlier one is known. A cancelled job's outcome is dropped."""
        if job not in self.jobs:
            return
        job.outcome = outcome
        while self.jobs and self.jobs[0].outcome is not None:
            first = self.jobs.pop(0)
            self.busyChanged.emit(self.running)
            kind, a, b = first.outcome  # type: ignore[misc]
            if kind == "imported" and first.request.replaces:
                self.replaced.emit(first.request, a, b[0])  # type: ignore[index]
            elif kind == "imported":
                self.imported.emit(a, *b)  # type: ignore[misc]
            elif needs_password(a):  # type: ignore[arg-type]
                self.passwordNeeded.emit(first.request, bool(getattr(a, "wrong_password", False)))
            else:
                self.failed.emit(first.request, describe_failure(first.request, a))  # type: ignore[arg-type]

    def _progress(self, job: ImportJob, done: int, total: int) -> None:
        if job in self.jobs and total:
            job.done, job.total = done, total
            self.progressChanged.emit()

    def _done(self, job: ImportJob, source: Source, warnings: list[str], attachments: list[Attachment]) -> None:
        self._settle(job, ("imported", source, (warnings, attachments)))

    def _failed(self, job: ImportJob, exc: BaseException) -> None:
        self._settle(job, ("failed", exc, None))
