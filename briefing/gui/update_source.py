"""Source > Update from File…: a changed document (a reissued report) replaces a source, its excerpts re-anchored as
one undo step (core UpdateSource), and the analyst told what became of them; Accept Changed Text resolves a changed
excerpt (Delete, the other way, is the note's own command).

The file is imported off the GUI thread by the window's one ImportController (SourceController's), with the same
progress bar and Cancel as adding a source; its request names the source it replaces, so that what it imports
replaces that source rather than being added. Like the other controllers, this one owns its actions, changes the
briefing only through BriefingDocument, and tells the status bar through `message`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from briefing.core.model import Excerpt, Item, Source
from briefing.gui.files import remember_folder, start_folder
from briefing.gui.i18n import shown_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from briefing.core.operations import UpdateSource
    from briefing.gui.actions import Actions
    from briefing.gui.briefing_view import BriefingView
    from briefing.gui.document import BriefingDocument
    from briefing.gui.imports import ImportController, ImportRequest
    from briefing.gui.source_controller import SourceController
    from briefing.gui.source_pane import SourcePane


# Offered by Reopen With Encoding (any other codec name may be typed): Unicode, then the Windows and ISO code pages
# of Western, Central European, Cyrillic, Greek, Turkish, Hebrew, Arabic and Vietnamese text, then East Asian ones.
ENCODINGS = (
    "utf-8", "utf-16", "cp1252", "iso-8859-1", "iso-8859-15", "mac-roman", "cp1250", "iso-8859-2", "cp1251",
    "koi8-r", "iso-8859-5", "cp1253", "cp1254", "cp1255", "cp1256", "iso-8859-6", "cp1258", "gb18030", "big5",
    "shift_jis", "euc-jp", "euc-kr",
)  # fmt: skip


class SourceUpdater(QObject):
    """The two commands and the imports behind the first. Made by the window after its own actions; the window
    calls update_actions when the briefing becomes read-only or editable."""

    updated = Signal(object)  # the UpdateSource applied, once the summary has been given
    message = Signal(str, int)  # for the status bar: text ("" clears it), milliseconds (0: until replaced)

    def __init__(
        self,
        document: BriefingDocument,
        pane: SourcePane,
        view: BriefingView,
        actions: Actions,
        parent: QWidget,
        sources: SourceController,
    ) -> None:
        super().__init__(parent)
        self.document, self.pane, self.view = document, pane, view
        self.dialog_parent = parent  # of the file dialog and the message boxes
        self.sources = sources  # whose importer (progress, Cancel Import) reads the new versions too
        self._listening = False
        self.update_action = actions.make(
            "update_source", QCoreApplication.translate("MainWindow", "&Update from File…"), self.choose_file
        )
        self.reopen_action = actions.make(
            "reopen_encoding",
            QCoreApplication.translate("MainWindow", "Reopen With &Encoding…"),
            self.choose_encoding,
        )
        self.accept_action = actions.make(
            "accept_changed", QCoreApplication.translate("MainWindow", "&Accept Changed Text"), self.accept_changed
        )
        for signal in (document.changed, document.reset, pane.currentSourceChanged, view.itemSelected):
            signal.connect(self.update_actions)
        self.update_actions()

    @property
    def importer(self) -> ImportController:
        """The window's importer; this controller hears the outcomes of the requests that replace a source."""
        importer = self.sources.importer
        if not self._listening:
            importer.replaced.connect(self._imported)
            importer.failed.connect(self._failed)
            importer.passwordNeeded.connect(self._ask_password)
            self._listening = True
        return importer

    def _selected(self) -> Item | None:
        item_id = self.view.selected_item
        try:
            return self.document.briefing.find_item(item_id)[2] if item_id else None
        except KeyError:
            return None

    def update_actions(self, *_args: object) -> None:
        editable = not self.document.read_only
        self.update_action.setEnabled(editable and self.pane.current_source_id() is not None)
        self.reopen_action.setEnabled(editable and self._reopenable() is not None)
        item = self._selected()
        self.accept_action.setEnabled(editable and isinstance(item, Excerpt) and item.flag == "changed")

    # --- Update from File… ---------------------------------------------------------------------------

    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from briefing.importers import supported_suffixes

        source_id = self.pane.current_source_id()
        if source_id is None or self.document.read_only:
            return
        source = self.document.briefing.source(source_id)
        patterns = " ".join(f"*{s}" for s in supported_suffixes())
        name, _ = QFileDialog.getOpenFileName(
            self.dialog_parent,
            QCoreApplication.translate("MainWindow", "Update %1 from File").replace("%1", shown_label(source)),
            str(start_folder(self.document)),
            QCoreApplication.translate("MainWindow", "Sources (%1);;All files (*)").replace("%1", patterns),
        )
        if name:
            remember_folder(Path(name))
            self.start(source_id, Path(name))

    def start(self, source_id: str, path: Path, password: str | None = None) -> None:
        from briefing.gui.imports import ImportRequest

        self.importer.start(ImportRequest(path=path, password=password, replaces=source_id))
        self.message.emit(QCoreApplication.translate("MainWindow", "Importing %1…").replace("%1", path.name), 0)

    # --- Reopen With Encoding… ------------------------------------------------------------------------

    def _reopenable(self) -> Source | None:
        """The current source, when it was decoded from text in some encoding and its file is kept."""
        source = self.pane.current_source()
        if source is None:
            return None
        return source if source.original and source.meta.encoding and source.meta.file_name else None

    def choose_encoding(self) -> None:
        """Source > Reopen With Encoding…: the source's own file, kept in the briefing, read again in the encoding
        the analyst names (the importer's `encoding` option, as `briefing add-source --encoding` uses), replacing
        the source as an update does: excerpts re-anchored, one undo step."""
        import codecs

        from PySide6.QtWidgets import QInputDialog, QMessageBox

        from briefing.gui.imports import ImportRequest
        from briefing.importers import file_attachment

        source = self._reopenable()
        if source is None or self.document.read_only:
            return
        assert source.original is not None
        title = QCoreApplication.translate("MainWindow", "Reopen With Encoding")
        current = source.meta.encoding
        names = [current, *(name for name in ENCODINGS if codecs.lookup(name).name != codecs.lookup(current).name)]
        prompt = QCoreApplication.translate("MainWindow", "Read %1 again as (now %2):")
        chosen, ok = QInputDialog.getItem(
            self.dialog_parent, title, prompt.replace("%1", shown_label(source)).replace("%2", current), names, 0, True
        )
        chosen = chosen.strip()
        if not ok or not chosen:
            return
        try:
            codecs.lookup(chosen)
        except LookupError:
            QMessageBox.warning(
                self.dialog_parent,
                title,
                QCoreApplication.translate("MainWindow", "%1 is not an encoding Briefing knows.").replace("%1", chosen),
            )
            return
        attachment = file_attachment(source.meta.file_name, source.original)
        attachment.attached_to = source.meta.attached_to  # read again, it is still the message's attachment
        self.importer.start(ImportRequest(attachment=attachment, encoding=chosen, replaces=source.id))
        self.message.emit(
            QCoreApplication.translate("MainWindow", "Reading %1 as %2…")
            .replace("%1", shown_label(source))
            .replace("%2", chosen),
            0,
        )

    def _imported(self, request: ImportRequest, new: Source, warnings: list[str]) -> None:
        source_id = request.replaces
        briefing = self.document.briefing
        if self.document.read_only or source_id not in {s.id for s in briefing.sources}:
            # removed (or another briefing opened) while the file was read: nothing to update
            self.message.emit(
                QCoreApplication.translate("MainWindow", "The source to update is no longer in the briefing."), 8000
            )
            return
        if not self._update_with_another_source(briefing.source(source_id), new):
            return
        from briefing.core.operations import UpdateSource  # the operations load with the first change

        operation = UpdateSource(source_id, new)
        if self.document.run(operation) is None:  # one undo step; a refusal is said in the status bar
            return
        self.pane.select_source(source_id)
        self._summarise(briefing.source(source_id), operation, warnings)
        self.updated.emit(operation)

    def _update_with_another_source(self, source: Source, new: Source) -> bool:
        """A new version that is already another source of the briefing is nearly always the wrong file chosen:
        ask, No by default (as adding a file twice does)."""
        other = self.document.briefing.same_file(new)
        if other is None or other.id == source.id:
            return True
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton
        text = self.tr("%1 is already another source of this briefing: %2. Update %3 with it anyway?")
        text = text.replace("%1", new.meta.file_name or shown_label(new)).replace("%2", shown_label(other))
        text = text.replace("%3", shown_label(source))
        title = self.tr("Update Source")
        answer = QMessageBox.question(self.dialog_parent, title, text, buttons.Yes | buttons.No, buttons.No)
        return answer == buttons.Yes

    def _summarise(self, source: Source, operation: UpdateSource, warnings: list[str]) -> None:
        from PySide6.QtWidgets import QMessageBox

        counts = operation.counts()
        kept, moved, changed, lost = (counts[name] for name in ("kept", "moved", "changed", "lost"))
        numbers = ", ".join(  # one plural each: French says "1 conservé, 2 déplacés"
            [
                self.tr("%n kept", "", kept),
                self.tr("%n moved", "", moved),
                self.tr("%n changed", "", changed),
                self.tr("%n lost", "", lost),
            ]
        )
        updated = QCoreApplication.translate("MainWindow", "Updated %1: %2")
        self.message.emit(updated.replace("%1", shown_label(source)).replace("%2", numbers), 0)
        if not (counts["changed"] or counts["lost"] or warnings):
            return
        lines = [
            QCoreApplication.translate("MainWindow", "Updated %1 from %2.")
            .replace("%1", shown_label(source))
            .replace("%2", source.meta.file_name),
            numbers,
        ]
        if counts["changed"] or counts["lost"]:
            lines.append(
                QCoreApplication.translate(
                    "MainWindow",
                    "Changed and lost excerpts are marked in the note. Accept the new text of a changed one "
                    "(select it, then Note > %1, or the Menu key or a right-click on it), or delete it; a lost "
                    "one is no longer in the source: delete it, or file the passage again. Undo puts the old "
                    "version back.",
                ).replace("%1", self.accept_action.text().replace("&", ""))  # the command as the menu names it
            )
        lines += warnings
        QMessageBox.information(
            self.dialog_parent, QCoreApplication.translate("MainWindow", "Source updated"), "\n\n".join(lines)
        )

    def _failed(self, request: ImportRequest, message: str) -> None:
        if not request.replaces:  # a file added: SourceController's
            return
        from PySide6.QtWidgets import QMessageBox

        self.message.emit("", 0)
        QMessageBox.warning(
            self.dialog_parent,
            QCoreApplication.translate("MainWindow", "Cannot update source"),
            message + "\n\n" + QCoreApplication.translate("MainWindow", "Nothing was changed."),
        )

    def _ask_password(self, request: ImportRequest, wrong: bool) -> None:
        if not request.replaces:
            return
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        prompt = QCoreApplication.translate("MainWindow", "%1 is protected by a password. Password:")
        if wrong:
            prompt = QCoreApplication.translate("MainWindow", "That password did not open %1. Try again:")
        password, ok = QInputDialog.getText(
            self.dialog_parent,
            QCoreApplication.translate("MainWindow", "Password"),
            prompt.replace("%1", request.name),
            QLineEdit.EchoMode.Password,
        )
        if ok and password:
            self.importer.retry_with_password(request, password)

    # --- Accept Changed Text -------------------------------------------------------------------------

    def accept_changed(self) -> None:
        from briefing.core.operations import AcceptChangedText

        item = self._selected()
        if isinstance(item, Excerpt) and item.flag:
            self.document.run(AcceptChangedText(item.id))
