"""The window's actions (each with a stable objectName `action_<name>`) and its menus and toolbar."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QToolBar, QWidget

from briefing.core.templates import Template
from briefing.gui.style import icon, section_colour

if TYPE_CHECKING:
    from PySide6.QtWidgets import QToolButton

Key = QKeySequence.StandardKey


def section_action_name(section_id: str) -> str:
    return "file_into_" + section_id.replace("-", "_")


def chip_icon(colour: QColor, label: str) -> QIcon:
    """A round chip in the section's colour with its number: what the toolbar and menus show for filing."""
    result = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(colour)
        painter.setPen(colour.darker(140))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        font = painter.font()
        font.setPixelSize(int(size * 0.6))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#000000") if colour.lightness() > 140 else QColor("#ffffff"))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, label)
        painter.end()
        result.addPixmap(pixmap)
    return result


def make_help_actions(a: Actions, window: QWidget) -> None:
    """Help's Keyboard Shortcuts and About, and Edit > Preferences: their dialogs load when first asked for, not at
    start-up."""

    def dialogs():
        from briefing.gui import dialogs

        return dialogs

    a.make(
        "shortcuts",
        QCoreApplication.translate("MainWindow", "&Keyboard Shortcuts"),
        lambda: dialogs().show_shortcuts(window, window.actions()),
        Key.HelpContents,
    )
    a.make("about", QCoreApplication.translate("MainWindow", "&About Briefing"), lambda: dialogs().show_about(window))
    a.make(
        "preferences",
        QCoreApplication.translate("MainWindow", "&Preferences…"),
        lambda: dialogs().show_preferences(window),
        Key.Preferences,
    )


SOURCE_SHARE = 0.3  # of the window, the least View > Widen Note leaves the source pane


def make_pane_actions(a: Actions, main: QSplitter, source: QSplitter) -> None:
    """View > Widen Source Pane / Widen Note: the divider between the panes moved from the keyboard, a tenth of the
    window at a time (a mouse drag otherwise; at 200 % the source text kept a line and a half). Each divider is
    named for screen readers: Qt leaves a splitter handle nameless."""

    def widen(pane: int) -> None:
        sizes = main.sizes()
        step = min(max(sum(sizes) // 10, 1), sizes[1 - pane])
        if pane == 1:  # the source text stays readable beside a wide note: it keeps SOURCE_SHARE of the window
            step = max(min(step, sizes[0] - round(sum(sizes) * SOURCE_SHARE)), 0)
        sizes[pane], sizes[1 - pane] = sizes[pane] + step, sizes[1 - pane] - step
        main.setSizes(sizes)  # each pane keeps its minimum size: the splitter stops there

    translate = QCoreApplication.translate
    a.make("widen_source", translate("MainWindow", "Widen &Source Pane"), lambda: widen(0), "Alt+Shift+Right")
    a.make("widen_note", translate("MainWindow", "Widen N&ote"), lambda: widen(1), "Alt+Shift+Left")
    main.handle(1).setAccessibleName(translate("MainWindow", "Divider between the source and the note"))
    main.handle(1).setAccessibleDescription(
        translate("MainWindow", "View > Widen Source Pane (Alt+Shift+Right) or Widen Note (Alt+Shift+Left) moves it")
    )
    source.handle(1).setAccessibleName(translate("MainWindow", "Divider between the source list and the text"))


class Actions:
    """Creates and holds the window's QActions by name; each is added to the window, so its shortcut works there."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.by_name: dict[str, QAction] = {}
        self.section_actions: list[QAction] = []
        self.move_actions: list[QAction] = []

    def make(
        self,
        name: str,
        text: str,
        slot: Callable[[], object] | None = None,
        shortcut: QKeySequence | Key | str | list | None = None,
        icon_name: str = "",
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{name}")
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        tip = tip or text.replace("&", "").rstrip("…")
        if action.shortcut().toString():
            tip += f" ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        self.by_name[name] = action
        return action

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def make_sections(
        self,
        template: Template,
        headings: list[tuple[str, str]],
        file_into: Callable[[str], object],
        move_to: Callable[[str], object],
    ) -> None:
        """One filing and one move command per section, numbered in template order (Ctrl+1 … Ctrl+9)."""
        for action in self.section_actions + self.move_actions:
            self.window.removeAction(action)
            self.by_name.pop(action.objectName().removeprefix("action_"), None)
            action.deleteLater()
        self.section_actions, self.move_actions = [], []
        for index, (section_id, heading) in enumerate(headings):
            shortcut = f"Ctrl+{index + 1}" if index < 9 else None
            plain = heading.replace("&", "&&")  # an & in a heading is shown, not taken as a mnemonic
            label = QCoreApplication.translate("MainWindow", "File into %1").replace("%1", plain)
            action = self.make(
                section_action_name(section_id),
                f"&{index + 1} {label}" if index < 9 else label,  # File Passage Into ▸ 2 files into the second
                partial(file_into, section_id),
                shortcut,
                tip=QCoreApplication.translate("MainWindow", "File the selected passage into %1").replace(
                    "%1", heading
                ),
            )
            chip = chip_icon(section_colour(index), str(index + 1) if index < 9 else "")
            action.setIcon(chip)
            action.setIconText(heading)
            self.section_actions.append(action)
            move = self.make(
                "move_to_" + section_id.replace("-", "_"),
                f"&{index + 1} {plain}" if index < 9 else plain,  # Move To ▸ 2 goes to the second section
                partial(move_to, section_id),
                tip=QCoreApplication.translate("MainWindow", "Move the selected item to %1").replace("%1", heading),
            )
            move.setIcon(chip)  # the same chip: drawing it is most of the cost of a section's actions
            self.move_actions.append(move)


def make_toolbar(window: QMainWindow, name: str, title: str) -> QToolBar:
    toolbar = QToolBar(title, window)
    toolbar.setObjectName(name)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.addToolBar(toolbar)
    return toolbar


def fill_menus(window: QMainWindow, a: Actions, recent_menu: QMenu, export_names: list[str]) -> dict[str, QMenu]:
    bar = window.menuBar()
    bar.clear()
    menus: dict[str, QMenu] = {}

    def menu(name: str, title: str, entries: list[str | QMenu | None]) -> QMenu:
        m = bar.addMenu(title)
        m.setObjectName(f"menu_{name}")
        for entry in entries:
            if entry is None:
                m.addSeparator()
            elif isinstance(entry, QMenu):
                m.addMenu(entry)
            else:
                m.addAction(a[entry])
        menus[name] = m
        return m

    exports: list[str | QMenu | None] = [*export_names, None] if export_names else []
    menu(
        "file",
        QCoreApplication.translate("MainWindow", "&File"),
        ["new", "open", recent_menu, None, "save", "save_as", "recover", None, *exports, "quit"],
    )
    menu(
        "edit",
        QCoreApplication.translate("MainWindow", "&Edit"),
        ["undo", "redo", None, "find", "find_all", "find_next", "find_previous", None, "preferences"],
    )
    file_into = QMenu(QCoreApplication.translate("MainWindow", "&File Passage Into"), window)
    file_into.setObjectName("menu_file_into")
    for action in a.section_actions:
        file_into.addAction(action)
    move_to = QMenu(QCoreApplication.translate("MainWindow", "Move &To"), window)
    move_to.setObjectName("menu_move_to")
    for action in a.move_actions:
        move_to.addAction(action)
    menus["file_into"], menus["move_to"] = file_into, move_to
    menu(
        "note",
        QCoreApplication.translate("MainWindow", "&Note"),
        [
            file_into,
            "trim_excerpt",
            None,
            "add_note",
            "edit_item",
            "show_in_source",
            None,
            "move_up",
            "move_down",
            move_to,
            None,
            "accept_changed",
            "delete_item",
        ],
    )
    menu(
        "source",
        QCoreApplication.translate("MainWindow", "&Source"),
        [
            "add_source",
            "paste_source",
            "cancel_import",
            None,
            "update_source",
            "reopen_encoding",
            "rename_source",
            "source_details",
            "save_attachment",
            None,
            "remove_source",
        ],
    )
    menu(
        "view",
        QCoreApplication.translate("MainWindow", "&View"),
        ["focus_source", "focus_sources", "focus_note", None, "widen_source", "widen_note", None, "toggle_toolbar"],
    )
    menu("help", QCoreApplication.translate("MainWindow", "&Help"), ["shortcuts", "about"])
    return menus


def fill_toolbar(window: QMainWindow, a: Actions, toolbar: QToolBar, sections: QToolBar) -> None:
    """The main toolbar once; the filing toolbar again whenever the template (so the sections) changes."""
    for action in sections.actions():
        sections.removeAction(action)  # not clear(): that would delete shared actions
    for action in a.section_actions:
        sections.addAction(action)
    if toolbar.actions():
        return
    for name in ("new", "open", "save"):
        toolbar.addAction(a[name])
    toolbar.addSeparator()
    for name in ("add_source", "paste_source"):
        toolbar.addAction(a[name])
    toolbar.addSeparator()
    for name in ("undo", "redo"):
        toolbar.addAction(a[name])
        button = cast("QToolButton | None", toolbar.widgetForAction(a[name]))
        if button is not None:  # their text names the change; the tooltip shows it, the button stays small
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    toolbar.addSeparator()
    for name in ("add_note", "find"):
        toolbar.addAction(a[name])


def place_section_toolbar(window: QMainWindow, toolbar: QToolBar, sections: QToolBar) -> None:
    """The filing buttons get a row of their own when they would not fit beside the main toolbar (many sections,
    or a narrow window); otherwise one row. None of them may hide behind the » overflow."""
    if any(window.toolBarArea(t) != Qt.ToolBarArea.TopToolBarArea for t in (toolbar, sections)):
        return
    sections.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    if sections.sizeHint().width() + 16 > window.width():  # even a row is too short: the numbered chips alone
        sections.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    own_row = toolbar.sizeHint().width() + sections.sizeHint().width() + 16 > window.width()
    if own_row != window.toolBarBreak(sections):
        if own_row:
            window.insertToolBarBreak(sections)
        else:
            window.removeToolBarBreak(sections)
