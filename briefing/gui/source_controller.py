"""The sources' commands: adding (files, drops, paste; imported off the GUI thread), renaming, removing, editing
details, and find. The controller owns these actions and their slots, and changes the briefing only through
BriefingDocument; the source pane refreshes itself from the document's changes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence

from briefing.core.messages import named
from briefing.gui.actions import Actions
from briefing.gui.document import BriefingDocument
from briefing.gui.files import remember_folder, start_folder
from briefing.gui.i18n import shown_error, shown_label
from briefing.gui.source_pane import SourcePane
from briefing.gui.status_bar import StatusBar

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QWidget

    from briefing.core.model import Source
    from briefing.core.operations import Change
    from briefing.gui.find import FindBar, Hit
    from briefing.gui.imports import ImportController, ImportRequest
    from briefing.importers import Attachment

# Dialogs, find, the importers and the import controller load on first use: the first paint needs none of them
# (PySide creates a class's Python type, enums and all, the first time it is named).

Key = QKeySequence.StandardKey
TITLE_IN_QUESTION = 80  # characters of a source's title a question shows before cutting it short


class SourceController(QObject):
    message = Signal(str, int)  # for the status bar: text, milliseconds

    def __init__(
        self,
        document: BriefingDocument,
        pane: SourcePane,
        status: StatusBar,
        actions: Actions,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document, self.pane, self.status, self.actions = document, pane, status, actions
        self.view = pane.view
        self._importer: ImportController | None = None  # made by the first import
        self._import_failures: list[str] = []  # of the running batch, told together when it ends
        self._import_warnings: list[tuple[str, str]] = []  # of the batch too: (source's label, its warnings)
        a = actions
        a.make("find", self.tr("&Find in Source…"), lambda: pane.find_bar.open_bar(), Key.Find, "find")
        a.make(
            "find_all",
            self.tr("Find in &All Sources…"),
            lambda: pane.find_bar.open_bar(all_sources=True),
            "Ctrl+Shift+F",
        )
        a.make(
            "find_next", self.tr("Find &Next"), lambda: self.find_in_source(pane.find_bar.field.text()), Key.FindNext
        )
        a.make(
            "find_previous",
            self.tr("Find Pre&vious"),
            lambda: self.find_in_source(pane.find_bar.field.text(), True),
            Key.FindPrevious,
        )
        a.make("add_source", self.tr("&Add Source…"), self.add_source_dialog, "Ctrl+Shift+O", "add-source")
        a.make("paste_source", self.tr("&Paste as New Source"), self.paste_source, "Ctrl+Shift+V", "paste")
        a.make("cancel_import", self.tr("&Cancel Import"), self.cancel_imports)
        a["cancel_import"].setEnabled(False)  # while an import runs
        a.make("remove_source", self.tr("&Remove Source"), self.remove_source, None, "remove")
        a.make("rename_source", self.tr("Re&name Source…"), self.rename_source)
        a.make("source_details", self.tr("Source &Details…"), self.edit_source_details, None, "details")
        a.make("save_attachment", self.tr("Sa&ve Attachment As…"), self.save_attachment)
        a.make("focus_source", self.tr("Go to Source &Text"), lambda: self.view.setFocus(), "F6")
        a.make("focus_sources", self.tr("Go to Source &List"), lambda: pane.list.setFocus(), "Ctrl+L")

        document.reset.connect(lambda: self._refresh_hits(reset=True))
        document.reset.connect(self.update_actions)
        document.changed.connect(self._document_changed)
        pane.currentSourceChanged.connect(self.update_actions)
        pane.list.itemDoubleClicked.connect(lambda _item: self.rename_source())
        pane.findBarCreated.connect(self._connect_find_bar)

    def _document_changed(self, change: Change, _step: bool) -> None:
        if change.sources:
            self._refresh_hits()
        self.update_actions()

    def update_actions(self, *_args: object) -> None:
        editable = not self.document.read_only
        has_source = self.pane.current_source_id() is not None
        for name in ("remove_source", "rename_source", "source_details"):
            self.actions[name].setEnabled(editable and has_source)
        for name in ("add_source", "paste_source"):
            self.actions[name].setEnabled(editable)
        # saving a file changes nothing in the briefing: a read-only one may too
        self.actions["save_attachment"].setEnabled(self._email_with_file() is not None)

    def _parent(self) -> QWidget:
        return self.pane.window()  # dialogs and message boxes sit on the window

    # --- adding sources ------------------------------------------------------------------------------

    @property
    def importer(self) -> ImportController:
        """Runs imports off the GUI thread; made (with its thread pool and progress widgets) by the first import."""
        if self._importer is None:
            from briefing.gui.imports import ImportController

            self._importer = ImportController(self, self.document.parts)
            self._importer.imported.connect(self._imported)
            self._importer.replaced.connect(self._report_batch)  # (a new version: SourceUpdater's)
            self._importer.failed.connect(self._import_failed)
            self._importer.passwordNeeded.connect(self._ask_password)
            self._importer.busyChanged.connect(lambda running: self.actions["cancel_import"].setEnabled(running > 0))
            self.status.follow_imports(self._importer, self.actions["cancel_import"])
        return self._importer

    def add_source_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from briefing.importers import supported_suffixes

        patterns = " ".join(f"*{s}" for s in supported_suffixes())
        names, _ = QFileDialog.getOpenFileNames(
            self._parent(),
            self.tr("Add Sources"),
            str(start_folder(self.document)),
            self.tr("Sources (%1);;All files (*)").replace("%1", patterns),
        )
        if names:
            remember_folder(Path(names[0]))
        self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> None:
        if self.document.read_only:
            self.document.refuse_read_only()
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
                self._parent(), self.tr("Paste as New Source"), self.tr("The clipboard holds no text.")
            )
            return
        from briefing.gui.imports import ImportRequest

        self.importer.start(ImportRequest(text=text, html=html))

    def _imported(self, source: Source, warnings: list[str], attachments: Sequence[Attachment] = ()) -> None:
        from briefing.core.operations import AddSource  # the operations load with the first change

        if self._add_again(source) and self.document.run(AddSource(source)) is not None:
            self.pane.select_source(source.id)
            told = self._warnings_told(source, warnings, attachments)
            if told:  # when the batch ends, so that the next file's "Added" does not hide them at once
                self._import_warnings.append((shown_label(source), told))
            else:
                self.message.emit(self.tr("Added %1").replace("%1", shown_label(source)), 10000)
            self._offer_attachments(source, attachments)
        self._report_batch()

    def _warnings_told(self, source: Source, warnings: list[str], attachments: Sequence[Attachment]) -> str:
        """A new source's warnings in one line of the interface language: the importer's (with the window's way
        to read an unsure guess in another encoding), and an e-mail's attachments left out when none is offered."""
        told = self.tr("; ").join(shown_error(warning) for warning in warnings)  # French puts a space before ;
        reopen = self.actions.by_name.get("reopen_encoding")  # an unsure guess: the window's way to choose
        if warnings and reopen is not None and source.meta.encoding and source.original:
            told += " " + self.tr("(Source > %1)").replace("%1", reopen.text().replace("&", ""))
        if not any(a.importable for a in attachments):  # else the question about them tells these
            told = " ".join(part for part in (told, *self._left_out(attachments)) if part)
        return told

    def _add_again(self, source: Source) -> bool:
        """A file already in the briefing (the same content, whatever its name) is nearly always added twice by a
        slip: ask, No by default, and on No show the source that is there."""
        before = self.document.briefing.same_file(source)
        if before is None:
            return True
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton
        text = self.tr("%1 is already a source of this briefing: %2. Add it again?")
        text = text.replace("%1", source.meta.file_name or shown_label(source)).replace("%2", shown_label(before))
        title = self.tr("Source Already Added")
        if QMessageBox.question(self._parent(), title, text, buttons.Yes | buttons.No, buttons.No) == buttons.Yes:
            return True
        self.pane.select_source(before.id)
        self.message.emit(self.tr("Not added again: %1 is selected").replace("%1", shown_label(before)), 8000)
        return False

    def _left_out(self, attachments: Sequence[Attachment]) -> list[str]:
        """What an e-mail carried that is not offered as a source, said so that the analyst can still read it."""
        from briefing.importers import IMAGE_SUFFIXES

        left_out = [a.name for a in attachments if not a.importable]
        pictures = [name for name in left_out if Path(name).suffix.lower() in IMAGE_SUFFIXES]
        others = [name for name in left_out if name not in pictures]
        notes = []
        if pictures:  # left out on purpose (mostly logos), as the command line does: say how to read one anyway
            text = self.tr(
                "Pictures not added: %1. Save them (Source > Save Attachment As…) and add them as sources to read "
                "them by OCR."
            )
            notes.append(text.replace("%1", ", ".join(pictures)))
        if others:
            notes.append(self.tr("These cannot be imported: %1").replace("%1", ", ".join(others)))
        return notes

    def _offer_attachments(self, source: Source, attachments: Sequence[Attachment]) -> None:
        """An e-mail's attachments that Briefing can read (a report, an attached message): add them too?"""
        readable = [a for a in attachments if a.importable]
        if not readable:  # nothing to ask about; what the e-mail carried is told with its warnings
            return
        from PySide6.QtWidgets import QMessageBox

        from briefing.gui.imports import ImportRequest

        notes = self._left_out(attachments)
        text = self.tr("%1 has attachments: %2. Add them as sources too?")
        text = text.replace("%1", shown_label(source)).replace("%2", ", ".join(a.name for a in readable))
        if notes:
            text += "\n\n" + "\n".join(notes)
        if QMessageBox.question(self._parent(), self.tr("Add Attachments"), text) == QMessageBox.StandardButton.Yes:
            for attachment in readable:
                self.importer.start(ImportRequest(attachment=attachment))

    def _import_failed(self, request: ImportRequest, message: str) -> None:
        if request.replaces:  # a new version of a source: SourceUpdater tells it
            self._report_batch()
            return
        self._import_failures.append(message)
        self._report_batch()

    def _report_batch(self, *_args: object) -> None:
        """Once the batch's last import is done or cancelled, one message for its failures and warnings (ten bad
        files dropped at once are one box, not ten; a file's warning is not hidden by the next file's "Added"):
        one file's warnings alone in the status bar, until the next message, when they fit there; else a box naming
        each file."""
        if self.importer.running or not (self._import_failures or self._import_warnings):
            return
        from PySide6.QtWidgets import QMessageBox

        failures, self._import_failures = self._import_failures, []
        warned, self._import_warnings = self._import_warnings, []
        if not failures and len(warned) == 1:
            label, told = warned[0]
            text = self.tr("Added %1").replace("%1", label) + " — " + told
            if self.status.fits(text):
                self.message.emit(text, 0)  # said, and kept (the status bar brings it back after a status tip)
                return
        parts = list(failures)
        if warned:
            listed = "\n\n".join(shown_error(named(label, told)) for label, told in warned)  # French: "label : …"
            one = len(warned) == 1
            added = self.tr("Added, with warnings:", "one source") if one else self.tr("Added, with warnings:")
            parts.append(added + "\n\n" + listed)
        if failures:
            title = self.tr("Cannot add source")
        elif len(warned) == 1:
            title = self.tr("Source Added With Warnings")
        else:
            title = self.tr("Sources Added With Warnings")
        QMessageBox.warning(self._parent(), title, "\n\n".join(parts))

    def _ask_password(self, request: ImportRequest, wrong: bool) -> None:
        if request.replaces:  # SourceUpdater asks
            return
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        prompt = self.tr("%1 is protected by a password. Password:").replace("%1", request.name)
        if wrong:
            prompt = self.tr("That password did not open %1. Try again:").replace("%1", request.name)
        password, ok = QInputDialog.getText(self._parent(), self.tr("Password"), prompt, QLineEdit.EchoMode.Password)
        if ok and password:
            self.importer.retry_with_password(request, password)

    def cancel_imports(self) -> None:
        """Stop the running imports: no source is added and nothing else changes."""
        if self.importer.cancel():
            self.message.emit(self.tr("Import cancelled"), 6000)
        self._report_batch()  # files that failed before the cancel

    def shutdown(self) -> None:
        """The window closes: a source arriving now would land in a closed window."""
        if self._importer is not None:
            self._importer.cancel()

    # --- changing sources ----------------------------------------------------------------------------

    def remove_source(self) -> None:
        from briefing.core.operations import RemoveSource

        source_id = self.pane.current_source_id()
        if source_id is None:
            return
        source = self.document.briefing.source(source_id)
        count = len(self.document.briefing.excerpts_of(source_id))
        if count:
            from PySide6.QtWidgets import QMessageBox

            # the title on one line, cut short, and set off in quotation marks: a long headline inside the question
            # read as one garbled sentence
            title = " ".join(shown_label(source).split())
            title = title if len(title) <= TITLE_IN_QUESTION else title[: TITLE_IN_QUESTION - 1].rstrip() + "…"
            answer = QMessageBox.question(
                self._parent(),
                self.tr("Remove source"),
                self.tr(
                    "Remove the source “%1” and the %n excerpt(s) filed from it? You can undo this.", "", count
                ).replace("%1", title),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.document.run(RemoveSource(source_id))

    def rename_source(self) -> None:
        from briefing.core.operations import EditSourceMeta

        source_id = self.pane.current_source_id()
        if source_id is None or self.document.read_only:
            return
        source = self.document.briefing.source(source_id)
        from PySide6.QtWidgets import QInputDialog

        shown = shown_label(source)
        title, ok = QInputDialog.getText(self._parent(), self.tr("Rename Source"), self.tr("Title:"), text=shown)
        # (an e-mail without a subject shows « (sans objet) » in French: kept as it is, it is not a new title)
        if ok and title.strip() and title.strip() not in (source.meta.title, shown):
            self.document.run(EditSourceMeta(source_id, {"title": title.strip()}))

    def edit_source_details(self) -> None:
        from briefing.core.operations import EditSourceMeta

        source_id = self.pane.current_source_id()
        if source_id is None:
            return
        from briefing.gui.dialogs import SourceDetailsDialog

        dialog = SourceDetailsDialog(self.document.briefing.source(source_id), self._parent())
        if dialog.exec() and dialog.changed_values():
            self.document.run(EditSourceMeta(source_id, dialog.changed_values()))

    # --- an e-mail's attachments ----------------------------------------------------------------------

    def _email_with_file(self) -> Source | None:
        """The current source when it is an e-mail whose file the briefing keeps (its attachments are in it)."""
        source = self.pane.current_source()
        if source is None:
            return None
        return source if source.meta.format in ("eml", "msg") and source.original and source.meta.file_name else None

    def save_attachment(self) -> None:
        """Source > Save Attachment As…: an attachment of the current e-mail that Briefing cannot import (a picture,
        to read by OCR once added as a file of its own; a spreadsheet), read again from the e-mail's kept file and
        written atomically where the analyst says."""
        from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

        from briefing.core.files import atomic_write, write_problem
        from briefing.core.messages import named
        from briefing.importers import SourceImportError, file_attachment, import_attachment

        source = self._email_with_file()
        if source is None:
            return
        assert source.original is not None
        title = self.tr("Save Attachment As")
        try:  # the e-mail read again: its attachments are not kept apart from it
            found = import_attachment(file_attachment(source.meta.file_name, source.original)).attachments
        except SourceImportError as exc:
            QMessageBox.warning(self._parent(), title, shown_error(exc))
            return
        saveable = [a for a in found if not a.importable]
        if not saveable:
            text = self.tr(
                "The e-mail “%1” has no attachment to save: Briefing imports its attachments as sources (Add Source)."
            )
            QMessageBox.information(self._parent(), title, text.replace("%1", shown_label(source)))
            return
        chosen = saveable[0]
        if len(saveable) > 1:
            names = [a.name for a in saveable]
            # the subject set off ("Budget" would read as part of the sentence), as the reader's header does
            prompt = self.tr("Attachment of the e-mail “%1” to save:").replace("%1", shown_label(source))
            name, ok = QInputDialog.getItem(self._parent(), title, prompt, names, 0, False)
            if not ok:
                return
            chosen = saveable[names.index(name)]
        path, _ = QFileDialog.getSaveFileName(self._parent(), title, str(start_folder(self.document) / chosen.name))
        if not path:
            return
        remember_folder(Path(path))
        try:
            atomic_write(path, chosen.data)  # never half a picture where one was
        except (OSError, ValueError) as exc:  # in words, as an export's failure (never an errno and a temporary file)
            QMessageBox.warning(self._parent(), title, shown_error(named(Path(path).name, write_problem(exc))))
            return
        self.message.emit(self.tr("Attachment saved as %1").replace("%1", Path(path).name), 6000)

    # --- find ----------------------------------------------------------------------------------------

    def _connect_find_bar(self, bar: FindBar) -> None:
        bar.findNext.connect(self.find_in_source)
        bar.searchAll.connect(self.find_in_all_sources)
        bar.hitActivated.connect(self.show_hit)
        bar.closed.connect(self.view.setFocus)

    def find_in_source(self, text: str, backwards: bool = False) -> bool:
        if not text:
            self.pane.find_bar.open_bar()
            return False
        from briefing.gui.find import next_match

        found = next_match(self.view.text_ref, text, *self.view.cursor_offsets(), backwards)
        bar = self.pane.find_bar
        if found is None:
            bar.status.setText(self.tr("Not found"))
            return False
        bar.status.setText("")
        self.view.select_offsets(*found)
        self.view.centerCursor()
        return True

    def find_in_all_sources(self, text: str) -> list[Hit]:
        from briefing.gui.find import find_all

        hits = find_all(self.document.briefing.sources, text)
        labels = {s.id: shown_label(s) for s in self.document.briefing.sources}
        self.pane.find_bar.show_hits(hits, labels)
        return hits

    def _refresh_hits(self, *, reset: bool = False) -> None:
        """Hits across sources go stale when sources change or another briefing opens: search again, or clear."""
        bar = self.pane.existing_find_bar()
        if bar is None:
            return
        if reset or not bar.all_sources.isChecked() or not bar.field.text():
            bar.clear_hits()
        else:
            self.find_in_all_sources(bar.field.text())

    def show_hit(self, hit: Hit) -> None:
        if not any(s.id == hit.source_id for s in self.document.briefing.sources):
            self._refresh_hits()  # a stale hit: its source was removed
            return
        if self.view.source_id != hit.source_id:
            self.pane.select_source(hit.source_id)
        self.view.select_offsets(hit.start, hit.end)
        self.view.centerCursor()
