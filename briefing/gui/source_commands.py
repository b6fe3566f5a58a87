"""The window's source commands: showing, adding (files, drops, paste; off the GUI thread), renaming, removing,
editing details, and find. A mixin of MainWindow, kept apart so the window class stays a wiring diagram."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication

from briefing.core.operations import AddSource, EditSourceMeta, RemoveSource
from briefing.importers import PAGED_SUFFIXES

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QToolButton, QWidget

    from briefing.core.model import Source
    from briefing.core.operations import Change, Operation
    from briefing.gui.actions import Actions
    from briefing.gui.document import BriefingDocument
    from briefing.gui.find import Hit
    from briefing.gui.imports import ImportController, ImportRequest
    from briefing.gui.source_pane import SourcePane
    from briefing.gui.source_view import SourceView
    from briefing.importers import Attachment

    _Window = QMainWindow  # what the mixin is mixed into, for the type checker
else:
    _Window = object

# Dialogs, find and the import request load on first use: the first paint needs none of them (PySide creates a
# class's Python type, enums and all, the first time it is named).


class SourceCommands(_Window):
    """Uses the window's parts declared below, made by MainWindow."""

    if TYPE_CHECKING:
        document: BriefingDocument
        source_pane: SourcePane
        source_view: SourceView
        progress: QProgressBar
        actions_: Actions
        _import_failures: list[str]
        # made by _make_import_ui, with the import controller
        import_label: QLabel
        cancel_import_button: QToolButton
        _import_timer: QTimer

        @property
        def importer(self) -> ImportController: ...
        def _run(self, operation: Operation) -> Change | None: ...
        def _update_actions(self) -> None: ...
        def add_status_widgets(self, *widgets: QWidget) -> None: ...

    # --- sources -------------------------------------------------------------------------------------

    def _show_source(self, source_id: str) -> None:
        try:
            source = self.document.briefing.source(source_id)
        except KeyError:
            return
        self.source_pane.show_source(self.document.briefing, source)
        self._update_actions()

    def add_source_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from briefing.importers import supported_suffixes

        try:
            patterns = " ".join(f"*{s}" for s in supported_suffixes())
        except ImportError:
            patterns = "*.txt *.md"
        names, _ = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("MainWindow", "Add Sources"),
            str(Path.home()),
            QCoreApplication.translate("MainWindow", "Sources (%1);;All files (*)").replace("%1", patterns),
        )
        self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> None:
        if self.document.read_only:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "This briefing is open read-only."), 6000
            )
            return
        from briefing.gui.imports import ImportRequest

        for path in paths:
            self.importer.start(ImportRequest(path=path))

    def paste_source(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime and mime.hasText() else ""
        html = mime.html() if mime and mime.hasHtml() else None
        if not text.strip() and not (html and html.strip()):
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                self,
                QCoreApplication.translate("MainWindow", "Paste as New Source"),
                QCoreApplication.translate("MainWindow", "The clipboard holds no text."),
            )
            return
        from briefing.gui.imports import ImportRequest

        self.importer.start(ImportRequest(text=text, html=html))

    def _imported(self, source: Source, warnings: list[str], attachments: Sequence[Attachment] = ()) -> None:
        if self._run(AddSource(source)) is not None:
            self.source_pane.select_source(source.id)
            message = QCoreApplication.translate("MainWindow", "Added %1").replace("%1", source.label)
            if warnings:
                message += " — " + "; ".join(warnings)
            self.statusBar().showMessage(message, 10000)
            self._offer_attachments(source, attachments)
        self._report_import_failures()

    def _offer_attachments(self, source: Source, attachments: Sequence[Attachment]) -> None:
        """An e-mail's attachments that Briefing can read (a report, an attached message): add them too?"""
        readable = [a for a in attachments if a.importable]
        if not readable:
            return
        from PySide6.QtWidgets import QMessageBox

        from briefing.gui.imports import ImportRequest

        text = QCoreApplication.translate("MainWindow", "%1 has attachments: %2. Add them as sources too?")
        text = text.replace("%1", source.label).replace("%2", ", ".join(a.name for a in readable))
        others = [a.name for a in attachments if not a.importable]
        if others:
            text += "\n\n" + QCoreApplication.translate("MainWindow", "These cannot be imported: %1").replace(
                "%1", ", ".join(others)
            )
        title = QCoreApplication.translate("MainWindow", "Add Attachments")
        if QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes:
            for attachment in readable:
                self.importer.start(ImportRequest(attachment=attachment))

    def _import_failed(self, request: ImportRequest, message: str) -> None:
        self._import_failures.append(message)
        self._report_import_failures()

    def _report_import_failures(self) -> None:
        """One message for the failures of a batch (ten bad files dropped at once are one box, not ten), shown
        once the batch's last import is done or cancelled."""
        if self.importer.running or not self._import_failures:
            return
        from PySide6.QtWidgets import QMessageBox

        messages, self._import_failures = self._import_failures, []
        QMessageBox.warning(self, QCoreApplication.translate("MainWindow", "Cannot add source"), "\n\n".join(messages))

    def _ask_password(self, request: ImportRequest, wrong: bool) -> None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        prompt = QCoreApplication.translate("MainWindow", "%1 is protected by a password. Password:").replace(
            "%1", request.name
        )
        if wrong:
            prompt = QCoreApplication.translate("MainWindow", "That password did not open %1. Try again:").replace(
                "%1", request.name
            )
        password, ok = QInputDialog.getText(
            self, QCoreApplication.translate("MainWindow", "Password"), prompt, QLineEdit.EchoMode.Password
        )
        if ok and password:
            self.importer.retry_with_password(request, password)

    # --- import progress ---------------------------------------------------------------------------

    SHOW_PROGRESS_AFTER_MS = 400  # a quicker import shows a status message only, not a flickering bar

    def _make_import_ui(self) -> None:
        """The progress label, Cancel command and the timer that shows them; made with the import controller."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QLabel, QStyle, QToolButton

        self.import_label = QLabel(self)
        self.import_label.setObjectName("importProgressLabel")
        self.import_label.hide()
        cancel = self.actions_["cancel_import"]  # in the Source menu from the start; its button is made here
        cancel.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogCancelButton))
        self.cancel_import_button = QToolButton(self)
        self.cancel_import_button.setObjectName("cancelImportButton")
        self.cancel_import_button.setDefaultAction(cancel)
        self.cancel_import_button.setAutoRaise(True)
        self.cancel_import_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancel_import_button.setMaximumHeight(self.progress.sizeHint().height())  # the bar keeps its height
        self.cancel_import_button.hide()
        self.statusBar().removeWidget(self.progress)  # it comes back between its label and Cancel
        self.add_status_widgets(self.import_label, self.progress, self.cancel_import_button)
        self._import_timer = QTimer(self, singleShot=True, interval=self.SHOW_PROGRESS_AFTER_MS)
        self._import_timer.timeout.connect(lambda: self._show_import_progress(bool(self.importer.jobs)))

    def _import_busy(self, running: int) -> None:
        self.actions_["cancel_import"].setEnabled(running > 0)
        if running:
            if not self.progress.isVisible() and not self._import_timer.isActive():
                self._import_timer.start()
            self._import_progress()
        else:
            self._import_timer.stop()
            self._show_import_progress(False)
            self.statusBar().clearMessage()

    def _show_import_progress(self, visible: bool) -> None:
        for widget in (self.import_label, self.progress, self.cancel_import_button):
            widget.setVisible(visible)
        if visible:
            self.statusBar().clearMessage()  # the label says it now
            self._import_progress()

    def _import_progress(self) -> None:
        """Show the oldest import that reports progress: "Importing report.pdf — page 40 of 120"."""
        jobs = self.importer.jobs
        if not jobs:
            return
        job = next((j for j in jobs if j.total), jobs[0])
        name = job.request.name
        if job.total and job.request.path is not None and job.request.path.suffix.lower() in PAGED_SUFFIXES:
            page = str(min(job.done + 1, job.total))  # the page being read
            text = QCoreApplication.translate("MainWindow", "Importing %1 — page %2 of %3").replace("%1", name)
            text = text.replace("%2", page).replace("%3", str(job.total))
        else:
            text = QCoreApplication.translate("MainWindow", "Importing %1…").replace("%1", name)
        if len(jobs) > 1:
            text += QCoreApplication.translate("MainWindow", " (and %n more)", "", len(jobs) - 1)
        if job.total:
            self.progress.setRange(0, job.total)
            self.progress.setValue(job.done)
        else:
            self.progress.setRange(0, 0)  # busy until the importer says how far it is
        self.import_label.setText(text)
        self.progress.setToolTip(text)
        if not self.progress.isVisible():
            self.statusBar().showMessage(text)

    def cancel_imports(self) -> None:
        """Stop the running imports: no source is added and nothing else changes."""
        count = self.importer.cancel()
        if count:
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Import cancelled"), 6000)
        self._report_import_failures()  # files that failed before the cancel

    def remove_source(self) -> None:
        source_id = self.source_pane.current_source_id()
        if source_id is None:
            return
        source = self.document.briefing.source(source_id)
        count = len(self.document.briefing.excerpts_of(source_id))
        if count:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("MainWindow", "Remove source"),
                QCoreApplication.translate(
                    "MainWindow", "Remove %1 and the %n excerpt(s) filed from it? You can undo this.", "", count
                ).replace("%1", source.label),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(RemoveSource(source_id))

    def rename_source(self) -> None:
        source_id = self.source_pane.current_source_id()
        if source_id is None or self.document.read_only:
            return
        source = self.document.briefing.source(source_id)
        from PySide6.QtWidgets import QInputDialog

        title, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("MainWindow", "Rename Source"),
            QCoreApplication.translate("MainWindow", "Title:"),
            text=source.label,
        )
        if ok and title.strip() and title.strip() != source.meta.title:
            self._run(EditSourceMeta(source_id, {"title": title.strip()}))

    def edit_source_details(self) -> None:
        source_id = self.source_pane.current_source_id()
        if source_id is None:
            return
        from briefing.gui.dialogs import SourceDetailsDialog

        dialog = SourceDetailsDialog(self.document.briefing.source(source_id), self)
        if dialog.exec() and dialog.changed_values():
            self._run(EditSourceMeta(source_id, dialog.changed_values()))

    # --- find ----------------------------------------------------------------------------------------

    def find_in_source(self, text: str, backwards: bool = False) -> bool:
        if not text:
            self.source_pane.find_bar.open_bar()
            return False
        from briefing.gui.find import next_match

        found = next_match(self.source_view.text_ref, text, *self.source_view.cursor_offsets(), backwards)
        bar = self.source_pane.find_bar
        if found is None:
            bar.status.setText(QCoreApplication.translate("MainWindow", "Not found"))
            return False
        bar.status.setText("")
        self.source_view.select_offsets(*found)
        self.source_view.centerCursor()
        return True

    def find_in_all_sources(self, text: str) -> list[Hit]:
        from briefing.gui.find import find_all

        hits = find_all(self.document.briefing.sources, text)
        labels = {s.id: s.label for s in self.document.briefing.sources}
        self.source_pane.find_bar.show_hits(hits, labels)
        return hits

    def _refresh_hits(self, *, reset: bool = False) -> None:
        """Hits across sources go stale when sources change or another briefing opens: search again, or clear."""
        bar = self.source_pane.existing_find_bar()
        if bar is None:
            return
        if reset or not bar.all_sources.isChecked() or not bar.field.text():
            bar.clear_hits()
        else:
            self.find_in_all_sources(bar.field.text())

    def _show_hit(self, hit: Hit) -> None:
        if not any(s.id == hit.source_id for s in self.document.briefing.sources):
            self._refresh_hits()  # a stale hit: its source was removed
            return
        if self.source_view.source_id != hit.source_id:
            self.source_pane.select_source(hit.source_id)
        self.source_view.select_offsets(hit.start, hit.end)
        self.source_view.centerCursor()
