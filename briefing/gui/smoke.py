"""`briefing --smoke-test OUTDIR`: open the demo in the real window, export DOCX, PDF and Markdown through it, check
them.

Installers run it on every artefact they build (and IT can run it on a machine after a roll-out). It never hangs:
an exception anywhere (also inside a Qt slot) fails it, any dialog that would wait for a user fails it, a Qt timer
ends the event loop at the deadline, and a hard watchdog (faulthandler, which needs neither the event loop nor the
GIL) kills the process shortly after that. Qt is imported only inside the functions, so importing this is cheap.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_TIMEOUT = 60.0  # seconds until the event loop is stopped and the test fails
HARD_GRACE = 15.0  # seconds after that until the process is killed outright
POLL_MS = 50
REPORT_NAME = "smoke-report.txt"
EXPORTS = (("docx", "smoke.docx"), ("pdf", "smoke.pdf"), ("md", "smoke.md"))

# Exit statuses: 0 passed, 1 a check failed or something raised, 2 the deadline passed (3: setup failed).
OK, FAILED, TIMED_OUT, SETUP_FAILED = 0, 1, 2, 3


@dataclass
class Report:
    """What the smoke test did and found; printed as it goes and written to OUTDIR/smoke-report.txt."""

    outdir: Path
    started: float = field(default_factory=time.perf_counter)
    lines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def say(self, text: str) -> None:
        line = f"smoke: [{time.perf_counter() - self.started:6.2f}s] {text}"
        self.lines.append(line)
        if sys.stdout is not None:  # None in a windowed (no console) Windows bundle
            print(line, flush=True)

    def fail(self, text: str) -> None:
        self.failures.append(text)
        self.say(f"FAIL {text}")

    def write(self, status: int) -> None:
        verdict = "PASSED" if status == OK else f"FAILED (exit {status})"
        self.say(verdict)
        with contextlib.suppress(OSError):
            (self.outdir / REPORT_NAME).write_text("\n".join(self.lines) + "\n", encoding="utf-8")


def run(outdir: Path, *, timeout: float = DEFAULT_TIMEOUT) -> int:
    """Run the smoke test, leaving the exports and smoke-report.txt in outdir; the process exit status."""
    outdir = Path(outdir).resolve()
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # said in words, as every other error is, not as "[Errno 17] File exists: '…'"
        problem = "is a file, not a folder" if outdir.exists() else f"cannot be created ({exc.strerror or exc})"
        print(f"smoke: {outdir}: {problem}", file=sys.stderr)
        return SETUP_FAILED
    report = Report(outdir)
    from briefing import __version__

    report.say(f"Briefing {__version__}, Python {sys.version.split()[0]}, frozen={bool(getattr(sys, 'frozen', False))}")
    status = FAILED
    with _hard_watchdog(outdir, timeout + HARD_GRACE), _private_home(report):
        try:
            status = _run_in_window(outdir, timeout, report)
        except Exception:
            report.fail("setup raised:\n" + traceback.format_exc().rstrip())
            status = SETUP_FAILED
    if status == OK and report.failures:
        status = FAILED
    report.write(status)
    return status


@contextlib.contextmanager
def _hard_watchdog(outdir: Path, seconds: float) -> Iterator[None]:
    """Kill the process (exit 1, tracebacks of every thread) if the test is still running after `seconds`."""
    stream: Any = sys.stderr
    log = None
    if stream is None or not _has_fileno(stream):  # windowed bundle: no console to write to
        log = open(outdir / "smoke-watchdog.txt", "w", encoding="utf-8")  # noqa: SIM115 - closed below
        stream = log
    faulthandler.dump_traceback_later(seconds, exit=True, file=stream)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
        if log is not None:
            log.close()
            with contextlib.suppress(OSError):
                if not (outdir / "smoke-watchdog.txt").stat().st_size:
                    (outdir / "smoke-watchdog.txt").unlink()


def _has_fileno(stream: Any) -> bool:
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return True


@contextlib.contextmanager
def _private_home(report: Report) -> Iterator[None]:
    """A throw-away BRIEFING_HOME: the test must not touch the user's settings, recent files or recovery folder.

    Shared templates (BRIEFING_TEMPLATES, as IT sets it) stay in effect, so the test sees what users see.
    """
    old = os.environ.get("BRIEFING_HOME")
    with tempfile.TemporaryDirectory(prefix="briefing-smoke-") as home:
        os.environ["BRIEFING_HOME"] = home
        try:
            yield
        finally:
            if old is None:
                os.environ.pop("BRIEFING_HOME", None)
            else:
                os.environ["BRIEFING_HOME"] = old


@contextlib.contextmanager
def _no_blocking_dialogs(report: Report, save_names: list[Path]) -> Iterator[None]:
    """Message boxes fail the test instead of waiting for a click; Save dialogs answer with the next export path."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    def message(kind: str) -> Callable[..., Any]:
        def show(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            report.fail(f"the window showed a {kind} dialog: {title}: {text}")
            return QMessageBox.StandardButton.Cancel

        return show

    def save_name(*args: Any, **kwargs: Any) -> tuple[str, str]:
        if not save_names:
            report.fail("the window asked for a file name the smoke test did not expect")
            return "", ""
        return str(save_names.pop(0)), ""

    saved = {name: QMessageBox.__dict__[name] for name in ("question", "warning", "critical", "information")}
    saved_dialog = QFileDialog.__dict__["getSaveFileName"]
    for name in saved:
        setattr(QMessageBox, name, staticmethod(message(name)))
    QFileDialog.getSaveFileName = staticmethod(save_name)  # type: ignore[method-assign]
    try:
        yield
    finally:
        for name, original in saved.items():
            setattr(QMessageBox, name, original)
        QFileDialog.getSaveFileName = saved_dialog  # type: ignore[method-assign]


def _application() -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None and not isinstance(app, QApplication):
        raise RuntimeError(f"a {type(app).__name__} already runs in this process; the window needs a QApplication")
    if app is None:
        from briefing.gui.app import application

        return application()  # made as `briefing` makes it: its names, and the interface language's catalogues
    from briefing.gui.i18n import install_translators

    install_translators()  # (an application already running, as in tests: the catalogues the app would install)
    return app


def _run_in_window(outdir: Path, timeout: float, report: Report) -> int:
    from PySide6.QtCore import QTimer

    app = _application()
    report.say(f"Qt platform {app.platformName()}")
    targets = [outdir / name for _, name in EXPORTS]
    for target in targets:
        target.unlink(missing_ok=True)  # a file left from an earlier run must not pass for a new export
    steps = _Steps(app, outdir, report, deadline=time.monotonic() + timeout)

    def excepthook(kind: type[BaseException], value: BaseException, tb: Any) -> None:
        # PySide6 hands exceptions raised in slots (and timers) to sys.excepthook: end the loop, don't carry on.
        report.fail("uncaught exception:\n" + "".join(traceback.format_exception(kind, value, tb)).rstrip())
        steps.finish(FAILED)

    def deadline() -> None:
        report.fail(f"watchdog: not finished after {timeout:.0f} s (last step: {steps.current})")
        steps.finish(TIMED_OUT)

    old_hook = sys.excepthook
    sys.excepthook = excepthook
    watchdog = QTimer(singleShot=True, interval=int(timeout * 1000))
    watchdog.timeout.connect(deadline)
    try:
        with _no_blocking_dialogs(report, list(targets)):
            watchdog.start()
            QTimer.singleShot(0, steps.open_window)
            status = app.exec()
            steps.close_window()
    finally:
        watchdog.stop()
        sys.excepthook = old_hook
    return steps.status if steps.status is not None else (status or FAILED)


class _Steps:
    """The test as a chain of event-loop callbacks, so the window paints and timers run between them."""

    def __init__(self, app: Any, outdir: Path, report: Report, deadline: float) -> None:
        self.app = app
        self.outdir = outdir
        self.report = report
        self.deadline = deadline
        self.window: Any = None
        self.status: int | None = None
        self.current = "start"
        self.pending = list(EXPORTS)

    def finish(self, status: int) -> None:
        if self.status is None:
            self.status = status
        self.app.exit(self.status)

    def _guard(self, name: str, step: Callable[[], None]) -> None:
        if self.status is not None:
            return
        self.current = name
        try:
            step()
        except Exception:
            self.report.fail(f"{name} raised:\n" + traceback.format_exc().rstrip())
            self.finish(FAILED)

    def later(self, name: str, step: Callable[[], None], ms: int = 0) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(ms, lambda: self._guard(name, step))

    def open_window(self) -> None:
        self._guard("open the demo briefing in the main window", self._open)

    def _open(self) -> None:
        from briefing.gui.app import create_window

        window = create_window(demo=True)  # the same path as `briefing demo`
        self.window = window
        window.show()
        briefing = window.document.briefing
        items = sum(len(section.items) for section in briefing.sections)
        self.report.say(f"window shown: {window.windowTitle()!r}, {len(briefing.sections)} sections, {items} items")
        if not items:
            raise AssertionError("the demo briefing shows no items")
        for line in check_language(window.menuBar().actions()[0].text()):  # the File menu's title
            if line.startswith("FAIL "):
                self.report.fail(line.removeprefix("FAIL "))
            else:
                self.report.say(line)
        self.later("export", self._export_next)

    def _export_next(self) -> None:
        if not self.pending:
            self.later("check the exports", self._check)
            return
        kind, name = self.pending.pop(0)
        names = getattr(self.window, "export_names", [])
        if f"export_{kind}" not in names:
            raise AssertionError(f"the window offers no {kind.upper()} export (its export actions: {names})")
        action = self.window.action(f"export_{kind}")
        if not action.isEnabled():
            raise AssertionError(f"the {action.text()!r} action is disabled")
        action.trigger()  # the user's path: menu action -> Save dialog (answered) -> briefing.export
        self._wait_for(self.outdir / name, kind)

    def _wait_for(self, path: Path, kind: str) -> None:
        if self.report.failures:  # e.g. the export showed an error dialog: no file is coming
            self.finish(FAILED)
        elif path.is_file() and path.stat().st_size:
            self.report.say(f"exported {kind.upper()}: {path.name} ({path.stat().st_size / 1024:.0f} KB)")
            self.later("export", self._export_next)
        elif time.monotonic() > self.deadline:
            raise AssertionError(f"{path.name} was never written")
        else:
            self.later(f"wait for {path.name}", lambda: self._wait_for(path, kind), POLL_MS)

    def _check(self) -> None:
        title = self.window.document.briefing.title_block.title
        for kind, name in EXPORTS:
            problem = CHECKS[kind](self.outdir / name, title)
            if problem:
                self.report.fail(f"{name}: {problem}")
            else:
                self.report.say(f"checked {name}: opens and holds the title")
        self.finish(FAILED if self.report.failures else OK)

    def close_window(self) -> None:
        """Put the window away without the Save prompt (the demo is unsaved on purpose); release its timers."""
        window, self.window = self.window, None
        if window is None:
            return
        with contextlib.suppress(Exception):
            window.files.shutdown()
        window.hide()
        window.deleteLater()
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# A string of Briefing's catalogue and one of Qt's, looked up to tell each catalogue is installed (as tuples, so
# that lupdate does not take them for strings of this module to translate)
UNTITLED = ("FileController", "Untitled briefing")
FILE_MENU = ("MainWindow", "&File")
QT_CANCEL = ("QPlatformTheme", "Cancel")


def check_language(file_menu: str) -> list[str]:
    """What the smoke test says of the interface language, lines starting "FAIL " for a failure: the French
    catalogue ships in every artefact and must load, whatever the locale; under a French locale the window must
    be French (file_menu: the title of the window's File menu), with Qt's own French catalogue too where Qt has one."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    from briefing.gui import i18n

    language = i18n.interface_language()
    lines = [f"system locale {QLocale.system().name()}, interface language {language}"]
    ours = Path(i18n.catalogue("fr"))
    probe = QTranslator()
    if not probe.load(str(ours)) or not probe.translate(*UNTITLED):
        lines.append(f"FAIL the French catalogue {ours.name} is missing or does not load ({ours})")
    if language != "fr":
        return lines
    french = QCoreApplication.translate(*FILE_MENU)
    if not i18n.interface_is_french() or french == FILE_MENU[1]:
        lines.append("FAIL French locale, but the window's strings are not translated (catalogue not installed)")
    elif file_menu != french:
        lines.append(f"FAIL French locale, but the window's File menu is not French: {file_menu!r}")
    else:
        lines.append(f"French catalogue installed: the window's File menu is {file_menu!r}")
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not (qt_folder / "qtbase_fr.qm").is_file():
        # every bundle keeps it (packaging/layout.py KEEP_QT_TRANSLATIONS); a source install may lack it
        missing = "FAIL " if getattr(sys, "frozen", False) else ""
        lines.append(f"{missing}Qt's own French catalogue qtbase_fr.qm is not in {qt_folder}: Qt's buttons in English")
    elif QCoreApplication.translate(*QT_CANCEL) == QT_CANCEL[1]:
        lines.append("FAIL Qt's own French catalogue qtbase_fr.qm is there but not installed")
    else:
        lines.append(f"Qt's own French catalogue installed (Cancel: {QCoreApplication.translate(*QT_CANCEL)!r})")
    return lines


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


def check_docx(path: Path, title: str) -> str | None:
    """None when path is a DOCX that python-docx opens and whose text holds the title; else the problem."""
    import docx

    if not path.is_file():
        return "missing"
    try:
        document = docx.Document(str(path))
    except Exception as exc:
        return f"python-docx cannot open it ({type(exc).__name__}: {exc})"
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        texts += [p.text for p in section.header.paragraphs]
    if len("".join(texts).split()) < 20:
        return "holds almost no text"
    if _squash(title) not in _squash("\n".join(texts)):
        return f"the title {title!r} is not in its text"
    return None


def check_pdf(path: Path, title: str) -> str | None:
    """None when path is a PDF with pages whose extracted text holds the title; else the problem."""
    if not path.is_file():
        return "missing"
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        return "is not a complete PDF file"
    try:
        import pypdf
    except ImportError:
        return "pypdf is not installed, so the text cannot be checked (install the 'packaging' extra)"
    try:
        reader = pypdf.PdfReader(str(path))
        pages = len(reader.pages)
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception as exc:
        return f"pypdf cannot read it ({type(exc).__name__}: {exc})"
    if pages < 1:
        return "has no pages"
    if _squash(title) not in _squash(text):
        return f"the title {title!r} is not in the text of its {pages} page(s)"
    return None


def check_markdown(path: Path, title: str) -> str | None:
    """None when path is UTF-8 Markdown whose text, its escapes undone, holds the title; else the problem."""
    import re

    if not path.is_file():
        return "missing"
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return "is not UTF-8 text"
    if len(text.split()) < 20:
        return "holds almost no text"
    if _squash(title) not in _squash(re.sub(r"\\(.)", r"\1", text)):  # ("Item \#" is "Item #" to its reader)
        return f"the title {title!r} is not in its text"
    return None


CHECKS: dict[str, Callable[[Path, str], str | None]] = {"docx": check_docx, "pdf": check_pdf, "md": check_markdown}
