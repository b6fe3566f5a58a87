"""Importing sources off the GUI thread: files and pasted clipboard content, with password retries."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from briefing.core.model import Source


@dataclass(frozen=True)
class ImportRequest:
    path: Path | None = None  # a file, or None for pasted content
    text: str = ""
    html: str | None = None
    password: str | None = None

    @property
    def name(self) -> str:
        return self.path.name if self.path else "clipboard"


def run_import(request: ImportRequest) -> tuple[Source, list[str]]:
    """The import itself, plain Python; whatever it raises is reported to the user by ImportController."""
    import briefing.importers as importers

    if request.path is None:
        pasted = getattr(importers, "import_pasted", None)
        if pasted is None:
            raise RuntimeError("pasting is not available in this version")
        source = pasted(request.text, request.html)
        if not source.meta.format:
            source.meta.format = "paste"
        return source, []
    with_warnings = getattr(importers, "import_file_with_warnings", None)
    if with_warnings is not None:
        result = with_warnings(request.path, password=request.password)
        return result.source, list(result.warnings)
    return importers.import_file(request.path, password=request.password), []


def describe_failure(request: ImportRequest, exc: BaseException) -> str:
    """One line for the user: which file, and what went wrong."""
    from briefing.importers import SourceImportError

    if isinstance(exc, SourceImportError):
        return str(exc)
    if isinstance(exc, ImportError):
        kind = request.path.suffix if request.path else "pasted text"
        return f"{request.name}: the importer for {kind} is not available in this installation ({exc})"
    return f"{request.name}: {type(exc).__name__}: {exc}"


def needs_password(exc: BaseException) -> bool:
    try:
        from briefing.importers import PasswordRequired
    except ImportError:
        return False
    return isinstance(exc, PasswordRequired)


class _Signals(QObject):
    done = Signal(object, object, object)  # request, Source, warnings
    failed = Signal(object, object)  # request, exception


class _Task(QRunnable):
    def __init__(self, request: ImportRequest, signals: _Signals) -> None:
        super().__init__()
        self.request = request
        self.signals = signals

    def run(self) -> None:
        try:
            source, warnings = run_import(self.request)
        except BaseException as exc:
            self.signals.failed.emit(self.request, exc)
        else:
            self.signals.done.emit(self.request, source, warnings)


class ImportController(QObject):
    """Runs imports on a thread pool and reports each outcome on the GUI thread."""

    imported = Signal(object, object)  # Source, list of warnings
    failed = Signal(object, str)  # request, one-line message
    passwordNeeded = Signal(object, bool)  # request, whether a wrong password was given
    busyChanged = Signal(int)  # imports still running

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.signals = _Signals(self)
        self.signals.done.connect(self._done)
        self.signals.failed.connect(self._failed)
        self.running = 0
        self.names: list[str] = []  # what is being imported, for the status bar

    def start(self, request: ImportRequest) -> None:
        self.running += 1
        self.names.append(request.name)
        self.busyChanged.emit(self.running)
        self.pool.start(_Task(request, self.signals))

    def retry_with_password(self, request: ImportRequest, password: str) -> None:
        self.start(replace(request, password=password))

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)

    def _finish(self, request: ImportRequest) -> None:
        self.running -= 1
        if request.name in self.names:
            self.names.remove(request.name)
        self.busyChanged.emit(self.running)

    def _done(self, request: ImportRequest, source: Source, warnings: list[str]) -> None:
        self._finish(request)
        self.imported.emit(source, warnings)

    def _failed(self, request: ImportRequest, exc: BaseException) -> None:
        self._finish(request)
        if needs_password(exc):
            self.passwordNeeded.emit(request, bool(getattr(exc, "wrong_password", False)))
        else:
            self.failed.emit(request, describe_failure(request, exc))
