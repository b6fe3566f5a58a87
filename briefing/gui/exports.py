"""Exporting off the GUI thread. The window builds the document tree when the command is given: a snapshot that
shares nothing mutable with the briefing, so edits made while the file is rendered and written cannot tear it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from briefing.core.messages import named
from briefing.export import DocumentTree
from briefing.export.errors import ExportError
from briefing.gui.i18n import shown_error, shown_headings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from briefing.core.model import Briefing
    from briefing.gui.document import BriefingDocument


def ask_export(
    parent: QWidget, document: BriefingDocument, kind: str, *, draft: bool
) -> tuple[DocumentTree, Path, list[str]] | None:
    """File > Export DOCX, PDF or Markdown (kind: "docx", "pdf", "md"): asks where to write, and takes the snapshot
    to write there, with the warnings known now (the excerpts an update changed that are not reviewed yet); None
    when cancelled or failed (told in a message box)."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from briefing.export import FORMATS, build_tree
    from briefing.gui.files import remember_folder, start_folder

    # beside the briefing, named after it (the folder last used, for one never saved)
    stem = document.path.stem if document.path else QCoreApplication.translate("MainWindow", "briefing")
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("MainWindow", "Export"),
        str(start_folder(document) / f"{stem}.{kind}"),
        f"{FORMATS[f'.{kind}']} (*.{kind})",  # "Markdown (*.md)"
    )
    if not name:
        return None
    target = Path(name)
    remember_folder(target)
    if target.suffix.lower() != f".{kind}":
        target = target.with_name(f"{target.name}.{kind}")
    # The snapshot is the document tree, built now (milliseconds); a worker renders and writes it while the
    # analyst goes on editing, and nothing edited after this moment reaches the file.
    from briefing.core.update import unreviewed_changes
    from briefing.gui.catalog import stand_in_notice

    unreviewed = unreviewed_changes(document.briefing)  # their new wording goes out unread: said, never refused
    # the note's own template not installed: written in the stand-in's layout, and said so (Markdown has no layout)
    known = [stand_in_notice(document.template) if kind != "md" else None, unreviewed]
    warnings = [shown_error(warning) for warning in known if warning is not None]
    try:
        return build_tree(document.briefing, document.template, draft=draft), target, warnings
    except Exception as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("MainWindow", "Export failed"),
            shown_error(named(target.name, refusal(exc, document.briefing))),
        )
        return None


def refusal(exc: BaseException, briefing: Briefing | None) -> str:
    """Why the note cannot be exported (or its pages counted), in one line of the interface language. Excerpts
    that no longer match their sources are named, by their sections as the window names them, so the analyst finds
    the flagged cards (the command line's English message sends the reader to `briefing check` instead)."""
    unmatched = getattr(exc, "unmatched", ())
    headings = shown_headings(briefing) if briefing is not None else {}
    if not unmatched:
        lines = [line.strip() for line in shown_error(exc).splitlines() if line.strip()]
        return lines[0] if lines else type(exc).__name__  # never empty (ReportLab's messages start with a newline)

    shown = 3
    card = QCoreApplication.translate("MainWindow", "%1 “%2”")  # a section and its quotation: « » in French
    between = QCoreApplication.translate("MainWindow", "; ")  # French puts a space before ;
    listed = between.join(
        card.replace("%1", headings.get(section_id, section_id)).replace(
            "%2", text if len(text) <= 40 else text[:39] + "…"
        )
        for section_id, text in unmatched[:shown]
    )
    if len(unmatched) > shown:
        listed += QCoreApplication.translate("MainWindow", " and %1 more").replace("%1", str(len(unmatched) - shown))
    if len(unmatched) == 1:
        message = QCoreApplication.translate(
            "MainWindow", "1 excerpt no longer matches its source: %1. Delete it, or file the passage again."
        )
        return message.replace("%1", listed)
    message = QCoreApplication.translate(
        "MainWindow", "%1 excerpts no longer match their sources: %2. Delete them, or file the passages again."
    )
    return message.replace("%1", str(len(unmatched))).replace("%2", listed)


def describe_failure(target: Path, exc: BaseException) -> str:
    """One line for the user: which file, and what went wrong (ExportError already names the file)."""
    text = shown_error(exc).splitlines()[0]
    return text if isinstance(exc, ExportError) and exc.path is not None else shown_error(named(target.name, text))


class _Signals(QObject):
    progress = Signal(object, float)  # target, fraction done
    done = Signal(object, object)  # target, its warnings (one line each)
    failed = Signal(object, str)  # target, one-line message


class _Task(QRunnable):
    def __init__(self, tree: DocumentTree, target: Path, signals: _Signals, warnings: list[str]) -> None:
        super().__init__()
        self.tree = tree
        self.target = target
        self.signals = signals
        self.warnings = warnings  # known when the command was given

    def run(self) -> None:
        from briefing.export import export_tree

        try:
            export_tree(
                self.tree, self.target, progress=lambda done, _what: self.signals.progress.emit(self.target, done)
            )
        except BaseException as exc:
            self.signals.failed.emit(self.target, describe_failure(self.target, exc))
        else:
            self.signals.done.emit(self.target, self.warnings + self._warnings())

    def _warnings(self) -> list[str]:
        """A note without a title (the page shows none; the file's properties name it), and quotations and other
        text a PDF prints without their vowel marks (pdfmarks): one line each in the interface language."""
        from briefing.core.messages import QT_TRANSLATE_NOOP, Message
        from briefing.export.pdfmarks import unshown_marks

        warnings = []
        if not (self.tree.title.strip() or self.tree.title_fr.strip()):
            untitled = Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "the note has no title: the page shows none, and the file's properties call it “{name}”; "
                    "give it one in the title block",
                ),
                name=self.tree.properties.get("title", ""),
            )
            warnings.append(shown_error(untitled))
        if self.target.suffix.lower() == ".pdf":
            warnings += [shown_error(warning) for warning in unshown_marks(self.tree)]
        return warnings


class ExportController(QObject):
    """Renders and writes exports one at a time on a worker thread; reports each outcome on the GUI thread."""

    progress = Signal(object, float)  # target, fraction done
    exported = Signal(object)  # target
    failed = Signal(object, str)  # target, one-line message
    busyChanged = Signal(int)  # exports still to finish

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # two exports to one file are written in the order they were asked for
        self.signals = _Signals(self)
        self.signals.progress.connect(self.progress)
        self.signals.done.connect(self._done)
        self.signals.failed.connect(self._failed)
        self.targets: list[Path] = []  # exports not finished yet, oldest first
        self.warnings: list[str] = []  # the warnings of the export last finished, read when `exported` is emitted

    def start(self, tree: DocumentTree, target: Path, warnings: list[str] | None = None) -> None:
        """Write tree to target; warnings (one line each) are told with the export's own when it is written."""
        self.targets.append(target)
        self.busyChanged.emit(len(self.targets))
        self.pool.start(_Task(tree, target, self.signals, list(warnings or [])))

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)

    def _finish(self, target: Path) -> None:
        self.targets.remove(target)
        self.busyChanged.emit(len(self.targets))

    def _done(self, target: Path, warnings: list[str]) -> None:
        self._finish(target)
        self.warnings = warnings
        self.exported.emit(target)

    def _failed(self, target: Path, message: str) -> None:
        self._finish(target)
        self.failed.emit(target, message)
