"""The analyst's desk: sources and reader on one side, the note on the other. This class wires; it does not do."""

from __future__ import annotations

import itertools
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from briefing.core.model import Briefing, Excerpt
from briefing.core.operations import (
    Change,
    EditItemText,
    MoveItem,
    Operation,
    OperationError,
    SetTitleField,
)
from briefing.core.templates import new_briefing
from briefing.gui.actions import Actions, fill_menus, fill_toolbar
from briefing.gui.briefing_view import BriefingView
from briefing.gui.document import BriefingDocument, catalog
from briefing.gui.files import SUFFIX, FileController
from briefing.gui.note_commands import NoteCommands
from briefing.gui.page_count import PageCountWatcher
from briefing.gui.source_commands import SourceCommands
from briefing.gui.source_pane import SourcePane
from briefing.gui.source_view import Span
from briefing.gui.style import BANNER_STYLE, page_background, settings, warn
from briefing.gui.title_block import ClassificationBanner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QToolButton

    from briefing.gui.exports import ExportController
    from briefing.gui.imports import ImportController

Key = QKeySequence.StandardKey


class MainWindow(NoteCommands, SourceCommands, QMainWindow):
    def __init__(self, briefing: Briefing | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Briefing"))
        self.setAcceptDrops(True)
        if briefing is None:
            briefing = new_briefing(catalog().get("information-note"))
        self.document = BriefingDocument(briefing, path, self)
        self.files = FileController(self, self.document)
        self.files.commit_typing = self.commit_typing
        self.files.typing_in_progress = self.typing_in_progress
        self._importer: ImportController | None = None  # created by the first import
        self._import_failures: list[str] = []  # of the running batch, told together when it ends
        self._exporter: ExportController | None = None  # created by the first export

        # --- panes ---
        self.source_pane = SourcePane(self)
        self.source_view = self.source_pane.view
        self.banner = ClassificationBanner(self)
        self.briefing_view = BriefingView(self)
        note_pane = QWidget(self)
        note_pane.setObjectName("notePane")
        note_layout = QVBoxLayout(note_pane)
        note_layout.setContentsMargins(0, 0, 0, 0)
        note_layout.setSpacing(0)
        note_layout.addWidget(self.banner)
        note_layout.addWidget(self.briefing_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.source_pane)
        self.splitter.addWidget(note_pane)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        # --- status bar ---
        self.words_label = QLabel(self)
        self.words_label.setObjectName("wordCount")
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("pageEstimate")
        self.page_count = PageCountWatcher(self.pages_label, self)  # the exact count, laid out off the GUI thread
        self.progress = QProgressBar(self)  # hidden, but it sets the bar's height
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName(self.tr("Import in progress"))
        self.progress.hide()
        self.read_only_label = QLabel(self)
        self.read_only_label.setObjectName("readOnlyLabel")
        self.read_only_label.hide()
        warn(self.read_only_label, True)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.words_label)
        self.statusBar().addPermanentWidget(self.pages_label)

        # --- actions, menus, toolbar ---
        self.actions_ = Actions(self)
        self._make_actions()
        from briefing.gui.update_source import SourceUpdater

        self.updater = SourceUpdater(self)  # Source > Update from File…, and Accept Changed Text for what it changed
        self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.section_toolbar = QToolBar(self.tr("File into section"), self)
        self.section_toolbar.setObjectName("sectionToolBar")
        self.section_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.section_toolbar)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setObjectName("menu_recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        buttons = [
            self.source_pane.add_button(self.actions_[name])
            for name in ("add_source", "remove_source", "source_details")
        ]
        # Tab goes through the source pane (list, its buttons, the text), then the note: not in creation order,
        # which would visit the source buttons after the note.
        chain = [self.source_pane.list, *buttons, self.source_view, self.banner.combo, self.briefing_view]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.source_pane.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for name in ("rename_source", "source_details", "remove_source"):
            self.source_pane.list.addAction(self.actions_[name])
        self._item_menu = QMenu(self)

        # --- signals ---
        d = self.document
        d.changed.connect(self._on_change)
        d.reset.connect(self._on_reset)
        d.dirtyChanged.connect(self._update_title)
        self.files.readOnlyChanged.connect(self._on_read_only)
        self.files.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.source_pane.currentSourceChanged.connect(self._show_source)
        self.source_pane.list.itemDoubleClicked.connect(lambda _item: self.rename_source())
        self.source_view.excerptClicked.connect(lambda item_id: self.briefing_view.select_item(item_id, focus=False))
        self.source_view.selectionOffsetsChanged.connect(lambda *_: self._update_actions())
        self.source_pane.findBarCreated.connect(self._connect_find_bar)
        v = self.briefing_view
        v.itemSelected.connect(self._item_selected)
        v.sectionSelected.connect(lambda _s: self._update_actions())
        v.editCommitted.connect(lambda item_id, text: self._run(EditItemText(item_id, text)))
        v.passageDropped.connect(self._passage_dropped)
        v.itemDropped.connect(lambda item_id, section_id, index: self._run(MoveItem(item_id, section_id, index)))
        v.titleEdited.connect(lambda name, value: self._run(SetTitleField(name, value)))
        v.itemContextMenu.connect(self._item_context_menu)
        self.banner.edited.connect(lambda name, value: self._run(SetTitleField(name, value)))

        self._restyle_pending = False
        self._on_reset()
        self._restore_layout()

    # --- actions -------------------------------------------------------------------------------------

    @property
    def importer(self) -> ImportController:
        """Runs imports off the GUI thread; made (with its thread pool) when the first import starts."""
        if self._importer is None:
            from briefing.gui.imports import ImportController

            self._importer = ImportController(self, self.document.parts)
            self._importer.imported.connect(self._imported)
            self._importer.failed.connect(self._import_failed)
            self._importer.passwordNeeded.connect(self._ask_password)
            self._importer.busyChanged.connect(self._import_busy)
            self._importer.progressChanged.connect(self._import_progress)
            self._make_import_ui()
        return self._importer

    def _make_actions(self) -> None:
        a = self.actions_
        a.make("new", self.tr("&New Briefing…"), self.new_briefing, "Ctrl+Shift+N", "new")
        a.make("open", self.tr("&Open…"), self.open_dialog, Key.Open, "open")
        a.make("save", self.tr("&Save"), self.files.save, Key.Save, "save")
        a.make("save_as", self.tr("Save &As…"), self.files.save_as, "Ctrl+Shift+S")
        a.make("recover", self.tr("Recover &Unsaved Work…"), self.files.recover_unsaved_work)
        a.make("quit", self.tr("&Quit"), self.close, "Ctrl+Q")
        a.make("undo", self.tr("Undo"), lambda: self._step_history(undo=True), Key.Undo, "undo")
        a.make("redo", self.tr("Redo"), lambda: self._step_history(undo=False), ["Ctrl+Shift+Z", "Ctrl+Y"], "redo")
        stack = self.document.undo_stack
        for signal in (stack.indexChanged, stack.undoTextChanged, stack.redoTextChanged):
            signal.connect(self._name_history_actions)
        self._name_history_actions()
        a.make("find", self.tr("&Find in Source…"), lambda: self.source_pane.find_bar.open_bar(), Key.Find, "find")
        a.make(
            "find_all",
            self.tr("Find in &All Sources…"),
            lambda: self.source_pane.find_bar.open_bar(all_sources=True),
            "Ctrl+Shift+F",
        )
        a.make(
            "find_next",
            self.tr("Find &Next"),
            lambda: self.find_in_source(self.source_pane.find_bar.field.text()),
            Key.FindNext,
        )
        a.make(
            "find_previous",
            self.tr("Find Pre&vious"),
            lambda: self.find_in_source(self.source_pane.find_bar.field.text(), True),
            Key.FindPrevious,
        )
        a.make("add_source", self.tr("&Add Source…"), self.add_source_dialog, "Ctrl+Shift+O", "add-source")
        a.make("paste_source", self.tr("&Paste as New Source"), self.paste_source, "Ctrl+Shift+V", "paste")
        a.make("cancel_import", self.tr("&Cancel Import"), self.cancel_imports)
        a["cancel_import"].setEnabled(False)  # while an import runs
        a.make("remove_source", self.tr("&Remove Source"), self.remove_source, None, "remove")
        a.make("rename_source", self.tr("Re&name Source…"), self.rename_source)
        a.make("source_details", self.tr("Source &Details…"), self.edit_source_details, None, "details")
        a.make("add_note", self.tr("Add &Note"), self.add_note, "Ctrl+N", "note")
        a.make("edit_item", self.tr("&Edit Text or Comment"), self.edit_item, "F2")
        a.make("trim_excerpt", self.tr("&Trim Excerpt to Selection"), self.trim_excerpt, "Ctrl+T")
        a.make("show_in_source", self.tr("&Show in Source"), self.show_in_source, "Ctrl+G")
        a.make("move_up", self.tr("Move &Up"), lambda: self.move_item(-1), "Alt+Up", "up")
        a.make("move_down", self.tr("Move Do&wn"), lambda: self.move_item(1), "Alt+Down", "down")
        delete = a.make("delete_item", self.tr("&Delete Item"), self.delete_item, Key.Delete, "remove")
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.briefing_view.addAction(delete)
        a.make("focus_source", self.tr("Go to Source &Text"), lambda: self.source_view.setFocus(), "F6")
        a.make("focus_sources", self.tr("Go to Source &List"), lambda: self.source_pane.list.setFocus(), "Ctrl+L")
        a.make("focus_note", self.tr("Go to &Note"), self.focus_note, "Shift+F6")
        a.make(
            "toggle_toolbar", self.tr("Show &Toolbars"), lambda: self._show_toolbars(a["toggle_toolbar"].isChecked())
        )
        a["toggle_toolbar"].setCheckable(True)
        a["toggle_toolbar"].setChecked(True)
        a.make("shortcuts", self.tr("&Keyboard Shortcuts"), self.show_shortcuts, Key.HelpContents)
        a.make("about", self.tr("&About Briefing"), self.show_about)
        a.make("preferences", self.tr("&Preferences…"), self.show_preferences, Key.Preferences)
        a.make("export_docx", self.tr("Export &DOCX…"), lambda: self.export("docx"), "Ctrl+E")
        a.make("export_pdf", self.tr("Export &PDF…"), lambda: self.export("pdf"), "Ctrl+Shift+E")
        a.make("export_draft", self.tr("Mark Exports as &Draft"))
        a["export_draft"].setCheckable(True)
        self.export_names = ["export_docx", "export_pdf", "export_draft"]

    def _name_history_actions(self, *_args: object) -> None:
        """Undo and Redo name the change they would undo or redo ("Undo File excerpt into Background")."""
        stack = self.document.undo_stack
        for name, possible, change, plain, named in (
            ("undo", stack.canUndo(), stack.undoText(), self.tr("Undo"), self.tr("Undo %1")),
            ("redo", stack.canRedo(), stack.redoText(), self.tr("Redo"), self.tr("Redo %1")),
        ):
            action = self.actions_[name]
            label = named.replace("%1", change) if possible and change else plain
            action.setEnabled(possible)
            action.setText(label)
            action.setToolTip(label)

    def _step_history(self, *, undo: bool) -> None:
        """Undo or redo, from the toolbar or a menu, while a note, comment or title field is being typed in: the
        field is left first, which commits its text as a change of its own, so the step acts on that and nothing
        typed is lost (Redo brings it back)."""
        stack = self.document.undo_stack
        before = stack.index()
        field = self._leave_open_field()
        if not (undo and stack.index() < before):  # else leaving took back its own change (an empty new note)
            stack.undo() if undo else stack.redo()
        self._return_focus(field)

    def _build_section_ui(self) -> None:
        headings = [(s.id, s.heading) for s in self.document.briefing.sections]
        self.actions_.make_sections(self.document.template, headings, self.file_into, self.move_to_section)
        menus = fill_menus(self, self.actions_, self.recent_menu, self.export_names)
        fill_toolbar(self, self.actions_, self.toolbar, self.section_toolbar)
        self._place_section_toolbar()
        for name in ("undo", "redo"):  # their text names the change; the tooltip shows it, the button stays small
            button = cast("QToolButton | None", self.toolbar.widgetForAction(self.actions_[name]))
            if button is not None:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.source_view.context_actions = [menus["file_into"], self.actions_["trim_excerpt"]]
        self._item_menu = QMenu(self)
        for entry in ("edit_item", "show_in_source", None, "move_up", "move_down"):
            self._item_menu.addAction(self.actions_[entry]) if entry else self._item_menu.addSeparator()
        self._item_menu.addMenu(menus["move_to"])
        self._item_menu.addSeparator()
        self._item_menu.addAction(self.actions_["accept_changed"])
        self._item_menu.addAction(self.actions_["delete_item"])

    def _place_section_toolbar(self) -> None:
        """The filing buttons get a row of their own when they would not fit beside the main toolbar (many
        sections, or a narrow window); otherwise one row. None of them may hide behind the » overflow."""
        both_on_top = all(
            self.toolBarArea(t) == Qt.ToolBarArea.TopToolBarArea for t in (self.toolbar, self.section_toolbar)
        )
        if not both_on_top:
            return
        bar = self.section_toolbar
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        if bar.sizeHint().width() + 16 > self.width():  # even a row is too short: the numbered chips alone
            bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        needed = self.toolbar.sizeHint().width() + bar.sizeHint().width() + 16
        own_row = needed > self.width()
        if own_row != self.toolBarBreak(self.section_toolbar):
            if own_row:
                self.insertToolBarBreak(self.section_toolbar)
            else:
                self.removeToolBarBreak(self.section_toolbar)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_section_toolbar()

    def _connect_find_bar(self, bar) -> None:
        bar.findNext.connect(self.find_in_source)
        bar.searchAll.connect(self.find_in_all_sources)
        bar.hitActivated.connect(self._show_hit)
        bar.closed.connect(self.source_view.setFocus)

    def _show_toolbars(self, visible: bool) -> None:
        self.toolbar.setVisible(visible)
        self.section_toolbar.setVisible(visible)

    def action(self, name: str) -> QAction:
        return self.actions_[name]

    # --- model changes -------------------------------------------------------------------------------

    def _run(self, operation: Operation) -> Change | None:
        try:
            return self.document.execute(operation)
        except OperationError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return None

    def _on_reset(self) -> None:
        briefing = self.document.briefing
        self.statusBar().clearMessage()  # the last briefing's news is not about this one
        self._build_section_ui()
        self.banner.set_value(self.document.template, briefing.title_block.classification)
        self.briefing_view.rebuild(briefing, self.document.template)
        self.source_pane.refresh_list(briefing, reload=True)
        self._refresh_hits(reset=True)
        self._on_read_only(self.document.read_only)  # the rebuilt title block and cards follow the mode
        self._update_status()

    def _on_change(self, change: Change, step: bool = False) -> None:
        briefing = self.document.briefing
        view = self.source_view
        focus = QApplication.focusWidget()
        keyboard_in_note = focus is None or self.briefing_view.isAncestorOf(focus)  # before cards come and go
        leaving = self._selection_leaving() if step and keyboard_in_note else None
        if leaving is not None:  # its card goes: the keyboard stays in the note, not on the next widget in the window
            self.briefing_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.briefing_view.apply_change(change)
        if change.title_block:
            self.banner.set_value(self.document.template, briefing.title_block.classification)
        reloaded = False
        if change.sources:
            self._refresh_hits()
            shown = view.source_id
            self.source_pane.refresh_list(briefing)  # loads another source only if the shown one went away
            current = self.source_pane.current_source_id()
            reloaded = view.source_id != shown
            if current is not None and current in change.sources and not reloaded:
                source = briefing.source(current)
                if view.text_ref is not source.text:
                    self._show_source(current)
                    reloaded = True
                else:
                    self.source_pane.show_meta(source)
        if view.source_id is not None and not reloaded:
            index = {s.id: i for i, s in enumerate(briefing.sections)}
            for item_id in change.items:
                try:
                    section, _, item = briefing.find_item(item_id)
                except KeyError:
                    view.highlighter.remove(item_id)
                    continue
                if isinstance(item, Excerpt) and item.source_id == view.source_id:
                    a = item.anchor
                    view.highlighter.put(Span(item.id, a.start, a.end, index[section.id], section.heading))
                else:
                    view.highlighter.remove(item_id)
        if leaving is not None:  # the redo of a delete, the undo of a filing: as Delete leaves it
            self._select_or_focus_note(leaving[1], leaving[0])
        elif step:
            self._show_step(change, keyboard_in_note)
        self._update_status()
        self._update_actions()

    def _show_step(self, change: Change, keyboard_in_note: bool) -> None:
        """Undo and Redo show what they did: the item a step brings back, moves or edits is selected and scrolled
        into view, with the keyboard if the keyboard was in the note. A step that names several items (the undo of
        removing a source with its excerpts) selects none of them."""
        if len(change.items) != 1:
            return
        (item_id,) = change.items
        if self.briefing_view.card(item_id) is not None:  # not the undo of a filing, say: that item is gone
            self.briefing_view.select_item(item_id, focus=keyboard_in_note)

    def _selection_leaving(self) -> tuple[str, str | None] | None:
        """When a change has taken the selected item out of the note: its section and the item to select instead,
        the next one still in the note or else the one before (None when the note is empty). Read from the cards,
        which are still as they were; None when the selected item is still there."""
        view, briefing = self.briefing_view, self.document.briefing
        present = {item.id for section in briefing.sections for item in section.items}
        if view.selected_item is None or view.selected_item in present:
            return None
        cards = [
            (section.id, item_id)
            for section in briefing.sections
            for item_id in view.sections[section.id].ordered_ids()
        ]
        position = [item_id for _, item_id in cards].index(view.selected_item)
        after = [item_id for _, item_id in cards[position + 1 :] if item_id in present]
        before = [item_id for _, item_id in cards[:position] if item_id in present]
        return cards[position][0], (after[0] if after else before[-1] if before else None)

    def add_status_widgets(self, *widgets: QWidget) -> None:
        """Permanent status-bar widgets made after start-up, left of the word and page counts (QStatusBar can
        only insert by an index it does not tell, so the counts step aside and come back)."""
        bar = self.statusBar()
        counts = (self.words_label, self.pages_label)
        for label in counts:
            bar.removeWidget(label)  # this hides them
        for widget in (*widgets, *counts):
            bar.addPermanentWidget(widget)  # a widget hidden on purpose stays hidden
        for label in counts:
            label.show()

    def _update_status(self) -> None:
        words = self.briefing_view.total_words()
        self.words_label.setText(self.tr("1 word") if words == 1 else self.tr("%1 words").replace("%1", str(words)))
        self.page_count.request(self.document.briefing, self.document.template)

    def _update_title(self, *_args: object) -> None:
        path = self.document.path
        name = path.name if path else (self.document.untitled_name or self.tr("Untitled briefing"))
        suffix = self.tr(" [read-only]") if self.document.read_only else ""
        self.setWindowTitle(f"{name}[*]{suffix} — Briefing")
        self.setWindowModified(self.document.is_dirty())

    def _on_read_only(self, read_only: bool) -> None:
        self.read_only_label.setVisible(read_only)
        self.read_only_label.setText(self.tr("Read-only: open by %1").replace("%1", self.files.owner or "?"))
        self.briefing_view.set_read_only(read_only)
        self.banner.combo.setEnabled(not read_only)
        self._update_title()
        self._update_actions()

    def _update_actions(self) -> None:
        a = self.actions_
        editable = not self.document.read_only
        has_selection = self.source_view.selection_offsets() is not None and self.source_view.source_id is not None
        for action in a.section_actions:  # without a selection, filing says what to do rather than nothing
            action.setEnabled(editable)
        item = self._selected_item()
        for name in ("move_up", "move_down", "delete_item", "edit_item"):
            a[name].setEnabled(editable and item is not None)
        for action in a.move_actions:
            action.setEnabled(editable and item is not None)
        a["trim_excerpt"].setEnabled(editable and isinstance(item, Excerpt) and has_selection)
        a["show_in_source"].setEnabled(isinstance(item, Excerpt))
        a["add_note"].setEnabled(editable and bool(self.document.briefing.sections))
        has_source = self.source_pane.current_source_id() is not None
        for name in ("remove_source", "rename_source", "source_details"):
            a[name].setEnabled(editable and has_source)
        for name in ("add_source", "paste_source"):
            a[name].setEnabled(editable)
        a["save"].setEnabled(not self.document.read_only)

    # --- files ---------------------------------------------------------------------------------------

    def new_briefing(self) -> None:
        if not self.files.maybe_save():
            return
        from briefing.gui.dialogs import NewBriefingDialog

        dialog = NewBriefingDialog(list(catalog().templates.values()), self)
        if dialog.exec() and (template := dialog.template()) is not None:
            self.files.show_briefing(new_briefing(template), None)

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Briefing"), str(Path.home()), self.tr("Briefing files (*%1)").replace("%1", SUFFIX)
        )
        if name:
            self.files.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        return self.files.open_path(Path(path))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.files.recent():
            action = self.recent_menu.addAction(path.name, partial(self.files.open_path, path))
            action.setToolTip(str(path))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No recent briefings")).setEnabled(False)

    def export(self, kind: str) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from briefing.export import build_tree

        self.commit_typing()
        stem = self.document.path.stem if self.document.path else "briefing"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), str(Path.home() / f"{stem}.{kind}"), f"{kind.upper()} (*.{kind})"
        )
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(f"{target.name}.{kind}")
        # The snapshot is the document tree, built now (milliseconds); a worker renders and writes it while the
        # analyst goes on editing, and nothing edited after this moment reaches the file.
        try:
            tree = build_tree(
                self.document.briefing, self.document.template, draft=self.action("export_draft").isChecked()
            )
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Export failed"), f"{target.name}: {exc}")
            return
        self.exporter.start(tree, target)

    @property
    def exporter(self) -> ExportController:
        """Renders and writes exports off the GUI thread; made (with its progress bar) by the first export."""
        if self._exporter is None:
            from briefing.gui.exports import ExportController

            self._exporter = ExportController(self)
            self._exporter.progress.connect(lambda _target, done: self.export_progress.setValue(round(done * 100)))
            self._exporter.busyChanged.connect(self._export_busy)
            self._exporter.exported.connect(
                lambda target: self.statusBar().showMessage(
                    self.tr("Exported %1").replace("%1", target.name) + self.page_count.over_budget_note(), 8000
                )
            )
            self._exporter.failed.connect(self._export_failed)
            self.export_progress: QProgressBar = QProgressBar(self)
            self.export_progress.setObjectName("exportProgress")
            self.export_progress.setMaximumWidth(120)
            self.export_progress.setMaximumHeight(self.progress.sizeHint().height())
            self.export_progress.setAccessibleName(self.tr("Export in progress"))
            self.export_progress.hide()
            self.add_status_widgets(self.export_progress)
        return self._exporter

    def _export_busy(self, running: int) -> None:
        if running:
            self.export_progress.setValue(0)
            text = self.tr("Exporting %1…").replace("%1", self.exporter.targets[0].name)
            self.export_progress.setToolTip(text)
            self.statusBar().showMessage(text)
            # like an import's, the bar is for an export that takes more than a moment (a DOCX takes 20 ms)
            bar = self.export_progress  # the context: a window closed before the timer fires takes it along
            QTimer.singleShot(self.SHOW_PROGRESS_AFTER_MS, bar, lambda: bar.setVisible(bool(self.exporter.targets)))
        else:
            self.export_progress.hide()
            self.statusBar().clearMessage()

    def _export_failed(self, _target: Path, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("Export failed"), message)

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

    # --- help ----------------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        lines = []
        for action in self.actions():
            native = QKeySequence.SequenceFormat.NativeText
            keys = ", ".join(keys.toString(native) for keys in action.shortcuts())  # Redo has two
            if keys:
                lines.append(f"<tr><td><b>{keys}</b></td><td>&nbsp;&nbsp;{action.text().replace('&', '')}</td></tr>")
        QMessageBox.information(self, self.tr("Keyboard Shortcuts"), "<table>" + "".join(lines) + "</table>")

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from briefing import __version__

        QMessageBox.about(
            self,
            self.tr("About Briefing"),
            self.tr("<b>Briefing %1</b><br>Structured briefing notes built from sources.").replace("%1", __version__),
        )

    def show_preferences(self) -> None:
        from briefing.gui.preferences import PreferencesDialog

        PreferencesDialog(self).exec()

    # --- layout and closing --------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        state = store.value("window/state")
        if state is not None:
            self.restoreState(state)
        for key, splitter in (
            ("window/mainSplitter", self.splitter),
            ("window/sourceSplitter", self.source_pane.splitter),
        ):
            value = store.value(key)
            if value is not None:
                splitter.restoreState(value)
                self.source_pane.list_sized_by_hand |= splitter is self.source_pane.splitter
        self.actions_["toggle_toolbar"].setChecked(self.toolbar.isVisibleTo(self) or not self.isVisible())

    def save_layout(self) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.setValue("window/mainSplitter", self.splitter.saveState())
        if self.source_pane.list_sized_by_hand:  # otherwise the list goes on fitting its sources
            store.setValue("window/sourceSplitter", self.source_pane.splitter.saveState())
        else:
            store.remove("window/sourceSplitter")
        store.sync()

    def changeEvent(self, event: QEvent) -> None:
        # The system switched between light and dark: colours derived from the palette are rebuilt.
        kinds = (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange)
        if event.type() in kinds and getattr(self, "_restyle_pending", True) is False:  # not while constructing
            self._restyle_pending = True
            QTimer.singleShot(0, self._restyle)
        super().changeEvent(event)

    def _restyle(self) -> None:
        self._restyle_pending = False
        self._leave_open_field()  # the note is rebuilt below: what is being typed is committed first
        if (page := self.briefing_view.widget()) is not None:  # set by BriefingView: never None
            page_background(page)
        page_background(self.source_pane.meta)
        self.banner.setStyleSheet(BANNER_STYLE)  # its palette() colours are resolved when it is set
        for label in (self.pages_label, self.read_only_label):
            label.setProperty("warn", None)  # so warn() colours them again, from the new palette
        warn(self.read_only_label, True)
        self._on_reset()

    def closeEvent(self, event: QCloseEvent) -> None:
        # An edit still open in a field is committed first, so the prompt knows about it.
        focus = QGuiApplication.focusObject()
        if isinstance(focus, QWidget):
            focus.clearFocus()
        if not self.files.maybe_save():
            event.ignore()
            return
        self.save_layout()
        if self._importer is not None:
            self._importer.cancel()  # a source arriving now would land in a closed window
        if self._exporter is not None:
            self._exporter.wait()  # an export being written finishes (it is the analyst's file)
        self.files.shutdown()
        event.accept()
