"""The analyst's desk: sources and reader on one side, the note on the other. This class builds the panes, the
controllers, menus and toolbars, and connects signals; the commands live in the controllers, and each view
refreshes itself from the document's changes."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from briefing.core.model import Briefing
from briefing.core.templates import new_briefing
from briefing.gui import accessible
from briefing.gui.actions import (
    Actions,
    fill_menus,
    fill_toolbar,
    make_help_actions,
    make_pane_actions,
    make_toolbar,
    place_section_toolbar,
)
from briefing.gui.briefing_view import BriefingView
from briefing.gui.document import BriefingDocument, catalog
from briefing.gui.files import SUFFIX, FileController
from briefing.gui.i18n import new_note_language, shown_error
from briefing.gui.note_controller import NoteController
from briefing.gui.source_controller import SourceController
from briefing.gui.source_pane import SourcePane
from briefing.gui.status_bar import StatusBar
from briefing.gui.style import (
    BANNER_STYLE,
    high_contrast,
    page_background,
    palette_fixes,
    restore_window,
    save_window,
    stacked,
)
from briefing.gui.title_block import ClassificationBanner

if TYPE_CHECKING:
    from briefing.gui.exports import ExportController

Key = QKeySequence.StandardKey


class MainWindow(QMainWindow):
    def __init__(self, briefing: Briefing | None = None, path: Path | None = None) -> None:
        accessible.install()  # headings and lists for screen readers, before any widget is asked for
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Briefing"))
        self.setAcceptDrops(True)
        if briefing is None:  # the untitled note a plain start shows: French in a French interface, as File > New
            briefing = new_briefing(catalog().get("information-note"), language=new_note_language())
        self.document = d = BriefingDocument(briefing, path, self)
        self._exporter: ExportController | None = None  # created by the first export

        # --- panes: each follows the document (the source pane first, so that an item a step selects in the
        # note is revealed in a source list that is already up to date) ---
        self.source_pane = SourcePane(self)
        self.source_view = self.source_pane.view
        self.banner = ClassificationBanner(self)
        self.briefing_view = BriefingView(self)
        note_pane = stacked("notePane", self.banner, self.briefing_view, parent=self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.source_pane)
        self.splitter.addWidget(note_pane)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.status = StatusBar(d, self)
        self.setStatusBar(self.status)
        for view in (self.source_pane, self.banner, self.briefing_view):
            view.follow(d)

        # --- controllers and their actions, menus, toolbars ---
        self.actions_ = a = Actions(self)
        a.make("new", self.tr("&New Briefing…"), self.new_briefing, "Ctrl+Shift+N", "new")
        a.make("open", self.tr("&Open…"), lambda: self.files.open_dialog(), Key.Open, "open")
        # the note controller, made below, commits a field being typed in before a save, and tells autosave of it
        self.files = FileController(
            self, d, lambda: self.notes.commit_typing(), lambda: self.notes.typing_in_progress()
        )
        a.make("save", self.tr("&Save"), self.files.save, Key.Save, "save")
        a.make("save_as", self.tr("Save &As…"), self.files.save_as, "Ctrl+Shift+S")
        a.make("recover", self.tr("Recover &Unsaved Work…"), self.files.recover_unsaved_work)
        a.make("quit", self.tr("&Quit"), self.close, "Ctrl+Q")
        self.sources = SourceController(d, self.source_pane, self.status, a, self)
        self.notes = NoteController(d, self.briefing_view, self.source_pane, self.banner, a, self)
        from briefing.gui.update_source import SourceUpdater

        # Source > Update from File…, and Accept Changed Text for what it changed
        self.updater = SourceUpdater(d, self.source_pane, self.briefing_view, a, self, self.sources)
        a.make(
            "toggle_toolbar", self.tr("Show Tool&bars"), lambda: self._show_toolbars(a["toggle_toolbar"].isChecked())
        )
        a["toggle_toolbar"].setCheckable(True)
        a["toggle_toolbar"].setChecked(True)
        make_help_actions(a, self)  # Help's and Edit > Preferences' dialogs, loaded when first asked for
        make_pane_actions(a, self.splitter, self.source_pane.splitter)  # View > Widen Source Pane / Widen Note
        a.make("export_docx", self.tr("Export &DOCX…"), lambda: self.export("docx"), "Ctrl+E")
        a.make("export_pdf", self.tr("Export &PDF…"), lambda: self.export("pdf"), "Ctrl+Shift+E")
        a.make("export_md", self.tr("Export Mar&kdown…"), lambda: self.export("md"))
        a.make("export_draft", self.tr("&Mark Exports as Draft"))
        a["export_draft"].setCheckable(True)
        # the File menu's; the smoke test reads it
        self.export_names = ["export_docx", "export_pdf", "export_md", "export_draft"]
        self.toolbar = make_toolbar(self, "mainToolBar", self.tr("Main toolbar"))
        self.section_toolbar = make_toolbar(self, "sectionToolBar", self.tr("File into section"))
        self.recent_menu = self.files.recent_menu(self)
        buttons = [self.source_pane.add_button(a[name]) for name in ("add_source", "remove_source", "source_details")]
        # Tab goes through the source pane (list, its buttons, the text), then the note: not in creation order,
        # which would visit the source buttons after the note.
        chain = [self.source_pane.list, *buttons, self.source_view, self.banner.combo, self.briefing_view]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.source_pane.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for name in ("rename_source", "source_details", "update_source", "save_attachment", "remove_source"):
            self.source_pane.list.addAction(a[name])

        # --- signals ---
        d.reset.connect(self.status.briefing_shown)  # the last briefing's news is not about this one
        d.dirtyChanged.connect(self._update_title)
        d.changed.connect(self._update_title)  # an unsaved briefing is called by its title, which may change
        d.refused.connect(lambda text: self.status.tell(text, 8000))
        self.briefing_view.wordsChanged.connect(self.status.show_words)
        self.status.page_count.typing = self.briefing_view.typed_edit  # a note being written is counted with its text
        self.notes.outdated.connect(self.status.withdraw)
        self.notes.sectionActionsChanged.connect(self._fill_menus)
        for messenger in (self.notes, self.sources, self.updater):
            messenger.message.connect(self.status.tell)
        self.files.readOnlyChanged.connect(self._on_read_only)
        self.files.message.connect(lambda text: self.status.tell(text, 6000))
        self.files.autosaveFailing.connect(self.status.keep_notice)
        self.source_view.excerptClicked.connect(lambda item_id: self.briefing_view.select_item(item_id, focus=False))

        self._restyle_pending = False
        self._readable_palette()
        d.reset.emit()  # every view and controller shows the briefing the window starts with
        self._on_read_only(d.read_only)
        self._restore_layout()

    def _fill_menus(self) -> None:
        """Menus and toolbars again, with the filing and move commands of the template's sections."""
        a = self.actions_
        menus = fill_menus(self, a, self.recent_menu, self.export_names)
        fill_toolbar(self, a, self.toolbar, self.section_toolbar)
        place_section_toolbar(self, self.toolbar, self.section_toolbar)
        self.source_view.context_actions = [menus["file_into"], a["trim_excerpt"]]

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        place_section_toolbar(self, self.toolbar, self.section_toolbar)

    def _show_toolbars(self, visible: bool) -> None:
        self.toolbar.setVisible(visible)
        self.section_toolbar.setVisible(visible)

    def action(self, name: str) -> QAction:
        return self.actions_[name]

    def _update_title(self, *_args: object) -> None:
        name = self.document.display_name(self.tr("Untitled briefing"))
        suffix = self.tr(" [read-only]") if self.document.read_only else ""
        self.setWindowTitle(f"{name}[*]{suffix} — Briefing")
        self.setWindowModified(self.document.is_dirty())

    def _on_read_only(self, read_only: bool) -> None:
        self.status.show_read_only(read_only, self.files.owner, self.files.cannot_save)
        self.briefing_view.set_read_only(read_only)
        self.banner.combo.setEnabled(not read_only)
        self._update_title()
        self.notes.update_actions()
        self.sources.update_actions()
        self.updater.update_actions()
        self.actions_["save"].setEnabled(not read_only)

    def new_briefing(self) -> None:
        if not self.files.maybe_save("new"):
            return
        from briefing.gui.dialogs import NewBriefingDialog

        skipped = [shown_error(error) for error in catalog().errors]
        dialog = NewBriefingDialog(list(catalog().templates.values()), self, skipped)
        if dialog.exec() and (template := dialog.template()) is not None:
            self.files.show_briefing(new_briefing(template, language=dialog.language()), None)

    def import_files(self, paths: list[Path]) -> None:
        """Files dropped on the window or handed over by the system (app.py) that are not briefings."""
        self.sources.import_files(paths)

    def export(self, kind: str) -> None:
        from briefing.gui.exports import ask_export

        self.notes.commit_typing()
        job = ask_export(self, self.document, kind, draft=self.action("export_draft").isChecked())
        if job is not None:
            self.exporter.start(*job)

    @property
    def exporter(self) -> ExportController:
        """Renders and writes exports off the GUI thread; made (with its progress bar) by the first export."""
        if self._exporter is None:
            from PySide6.QtWidgets import QMessageBox

            from briefing.gui.exports import ExportController

            self._exporter = ExportController(self)
            self._exporter.failed.connect(lambda _t, text: QMessageBox.warning(self, self.tr("Export failed"), text))
            self.status.follow_exports(self._exporter)
        return self._exporter

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        briefings = [p for p in paths if p.suffix == SUFFIX]
        event.acceptProposedAction()
        if briefings:
            QTimer.singleShot(0, lambda: self.files.open_path(briefings[0]))
        others = [p for p in paths if p.suffix != SUFFIX]
        if others:
            self.import_files(others)

    def _splitters(self, *, saving: bool = False) -> dict[str, QSplitter | None]:
        pane = self.source_pane  # its list goes on fitting its sources until its divider is moved
        keep = pane.list_sized_by_hand or not saving
        return {"window/mainSplitter": self.splitter, "window/sourceSplitter": pane.splitter if keep else None}

    def _restore_layout(self) -> None:
        restored = restore_window(self, self._splitters())
        self.source_pane.list_sized_by_hand |= "window/sourceSplitter" in restored
        self.actions_["toggle_toolbar"].setChecked(self.toolbar.isVisibleTo(self) or not self.isVisible())

    def save_layout(self) -> None:
        save_window(self, self._splitters(saving=True))

    def changeEvent(self, event: QEvent) -> None:
        # The system switched between light and dark: colours derived from the palette are rebuilt.
        kinds = (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange)
        if event.type() in kinds and getattr(self, "_restyle_pending", True) is False:  # not while constructing
            self._restyle_pending = True
            QTimer.singleShot(0, self._restyle)
        super().changeEvent(event)

    def _readable_palette(self) -> None:
        """Text at 4.5:1 everywhere in the window (style.app_palette), following the system's light or dark."""
        pending, self._restyle_pending = self._restyle_pending, True  # not a restyle: changeEvent lets it pass
        # In high-contrast mode nothing is set: the system's own colours reach every widget untouched.
        self.setPalette(QPalette() if high_contrast() else palette_fixes(QGuiApplication.palette()))
        self._restyle_pending = pending

    def _restyle(self) -> None:
        self._readable_palette()
        self._restyle_pending = False
        self.notes.leave_open_field()  # the note is rebuilt below: what is being typed is committed first
        if (page := self.briefing_view.widget()) is not None:  # set by BriefingView: never None
            page_background(page)
        page_background(self.source_pane.meta)
        self.banner.setStyleSheet(BANNER_STYLE)  # its palette() colours are resolved when it is set
        self.status.restyle()
        self.document.reset.emit()  # every view rebuilds, in the new colours
        self._on_read_only(self.document.read_only)

    def closeEvent(self, event: QCloseEvent) -> None:
        # maybe_save commits a field being typed in first (as Save does), so the prompt knows about it, and the
        # keyboard stays on that card or field should the analyst cancel.
        if not self.files.maybe_save("close"):
            event.ignore()
            return
        self.save_layout()
        self.sources.shutdown()
        if self._exporter is not None:
            self._exporter.wait()  # an export being written finishes (it is the analyst's file)
        self.files.shutdown()
        event.accept()
