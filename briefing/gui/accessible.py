"""Access without a mouse or a screen: roles for screen readers where Qt's default is wrong (section headings as
headings, each section's cards as a list of list items, so a reader can jump by heading and hears "item 3 of 7"),
an access key (Alt+letter) on every button of every dialog, Shift+F10 for the context menu in every window (as the
Menu key), and announcements of what the status bar tells.

A widget class asks for a role with a class attribute, `accessible_role = QAccessible.Role.Heading`; install()
puts in a factory that gives such widgets an interface with that role. A widget that also defines
`accessible_children()` (the card column, whose cards sit in layout chunks) is presented with those children
directly, and each of them with it as parent; one with `accessible_level` (a heading) reports that level through
Qt's attributes interface, which AT-SPI gives screen readers as the "level" attribute ("heading level 1").

A combo box given an accessible name is named by it on Linux too: Qt's own combo box interface names it by its
current value there (counting on the label relation), so a reader's list of controls showed "UNCLASSIFIED" where
the control is "Classification". Its value stays its value, its list its child, "ShowMenu" its action.

PySide reaches Qt's extra interfaces (attributes, actions) through interface_cast, which must return the address
of a C++ object: a shiboken VoidPtr of a Python subclass of that interface, held by the interface that returns it;
an interface it lacks is VoidPtr(0) (returning None or an int crashes Qt's AT-SPI bridge).

A splitter handle (the divider between two panes) is a separator, as ARIA names a pane divider: Qt gives it the
"grip" role, which AT-SPI has no name for ("unknown").

The status bar's size grip is left out of the tree: Qt gives it that "grip" role too, but it is decoration (the
window's frame resizes the window, the window manager's keys too), and no reader can work it. The status bar keeps
Qt's name for it, its current message.

A read-only line edit (the title block of a briefing opened read-only) reports both "editable" and "read only":
Qt's own line edit interface sets both, and it cannot be replaced from Python: PySide's text interface lacks
selection() and attributes(), which AT-SPI asks a text control for.

Checked on the live AT-SPI tree by tests/gui/test_accessibility_tree.py.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleAnnouncementEvent,
    QAccessibleAttributesInterface,
    QAccessibleInterface,
    QContextMenuEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAccessibleWidget,
    QApplication,
    QComboBox,
    QLabel,
    QSizeGrip,
    QSplitterHandle,
    QStatusBar,
    QWidget,
)

from briefing.core.lazy_regex import lazy

_installed = False
_interfaces: dict[int, QAccessibleInterface] = {}  # held, or PySide frees them while Qt still uses them


def _address(interface: shiboken6.Object) -> shiboken6.VoidPtr:
    """What interface_cast returns for one of Qt's extra interfaces implemented in Python."""
    return shiboken6.VoidPtr(shiboken6.getCppPointer(interface)[0])


def _inherited(interface: QAccessibleWidget, kind: QAccessible.InterfaceType) -> shiboken6.VoidPtr:
    """What QAccessibleWidget's own interface_cast gives (PySide says None for Qt's nullptr, which it cannot take
    back)."""
    found: Any = QAccessibleWidget.interface_cast(interface, kind)  # typed int; a VoidPtr or None in fact
    return found if found is not None else shiboken6.VoidPtr(0)


class _Level(QAccessibleAttributesInterface):
    """A heading's level, as Qt's attributes interface gives it (AT-SPI: the "level" object attribute)."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def attributeKeys(self) -> list[QAccessible.Attribute]:
        return [QAccessible.Attribute.Level]

    def attributeValue(self, key: QAccessible.Attribute) -> Any:
        return self.level if key == QAccessible.Attribute.Level else None


class _RoleInterface(QAccessibleWidget):
    def __init__(self, widget: QWidget, role: QAccessible.Role) -> None:
        super().__init__(widget, role)
        self._widget = widget
        level = getattr(type(widget), "accessible_level", 0)
        self._level = _Level(level) if level else None

    def interface_cast(self, kind: QAccessible.InterfaceType) -> Any:
        if kind == QAccessible.InterfaceType.AttributesInterface and self._level is not None:
            return _address(self._level)
        return _inherited(self, kind)

    def text(self, kind: QAccessible.Text) -> str:
        value = super().text(kind)
        if kind == QAccessible.Text.Name and not value and isinstance(self._widget, QLabel):
            return self._widget.text()  # what Qt's own label interface says, lost with the plain widget one
        return value

    def _items(self) -> list[QWidget] | None:
        items = getattr(self._widget, "accessible_children", None)
        return [w for w in items() if not w.isHidden()] if items is not None else None

    def childCount(self) -> int:
        items = self._items()
        return len(items) if items is not None else super().childCount()

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # None is Qt's nullptr
        items = self._items()
        if items is None:
            return super().child(index)
        return QAccessible.queryAccessibleInterface(items[index]) if 0 <= index < len(items) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        items = self._items()
        if items is None:
            return super().indexOfChild(child)
        widget = child.object() if child is not None else None
        return next((i for i, item in enumerate(items) if item is widget), -1)

    def parent(self) -> QAccessibleInterface:
        ancestor = self._widget.parentWidget()
        for _ in range(2):  # a card's column is its parent's parent (it sits in a chunk)
            if ancestor is None:
                break
            if hasattr(ancestor, "accessible_children"):
                return QAccessible.queryAccessibleInterface(ancestor)
            ancestor = ancestor.parentWidget()
        return super().parent()


class _ComboActions(QAccessibleActionInterface):
    def __init__(self, combo: QComboBox) -> None:
        super().__init__()
        self.combo = combo

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.showMenuAction(), QAccessibleActionInterface.pressAction()]

    def doAction(self, name: str) -> None:
        if name in self.actionNames():
            self.combo.showPopup()

    def keyBindingsForAction(self, name: str) -> list[str]:
        return []


class _NamedComboInterface(QAccessibleWidget):
    """A combo box named by its accessible name, as Qt's own interface does on Windows and macOS; the rest as
    Qt's: its current text is its value, its drop-down list its one child, opening the list its action."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo, QAccessible.Role.ComboBox)
        self.combo = combo
        self.actions = _ComboActions(combo)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Value:
            return self.combo.currentText()
        return super().text(kind)  # the name: the accessible name

    def state(self) -> QAccessible.State:
        state = super().state()
        state.expandable = True
        state.expanded = self.combo.view().isVisible()
        return state

    def childCount(self) -> int:
        return 1

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # None is Qt's nullptr
        return QAccessible.queryAccessibleInterface(self.combo.view()) if index == 0 else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return 0 if child is not None and child.object() is self.combo.view() else -1

    def interface_cast(self, kind: QAccessible.InterfaceType) -> Any:
        if kind == QAccessible.InterfaceType.ActionInterface:
            return _address(self.actions)
        return _inherited(self, kind)


class _StatusBarInterface(QAccessibleWidget):
    """A status bar as Qt's own interface presents it (named by its message), its size grip left out."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar, QAccessible.Role.StatusBar)
        self.bar = bar

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name and not self.bar.accessibleName():
            return self.bar.currentMessage()
        return super().text(kind)

    def state(self) -> QAccessible.State:
        state = super().state()
        state.readOnly = True  # as Qt's own says
        return state

    def _grip(self) -> int:
        """The grip's index among Qt's children of the bar, or -1."""
        for index in range(super().childCount()):
            child = super().child(index)
            if child is not None and isinstance(child.object(), QSizeGrip):
                return index
        return -1

    def childCount(self) -> int:
        return super().childCount() - (self._grip() >= 0)

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # None is Qt's nullptr
        grip = self._grip()
        return super().child(index + 1 if 0 <= grip <= index else index) if index >= 0 else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        if child is None:
            return -1
        index, grip = super().indexOfChild(child), self._grip()
        if grip < 0 or index < grip:
            return index
        return -1 if index == grip else index - 1


def _factory(key: str, obj: object) -> QAccessibleInterface | None:
    interface: QAccessibleInterface
    if isinstance(obj, QComboBox) and obj.accessibleName() and not obj.isEditable():
        interface = _NamedComboInterface(obj)
    elif isinstance(obj, QStatusBar):
        interface = _StatusBarInterface(obj)
    else:
        role = getattr(type(obj), "accessible_role", None)
        if isinstance(obj, QSplitterHandle):  # a divider between panes: Qt's "grip" reaches AT-SPI as "unknown"
            role = QAccessible.Role.Separator
        if role is None or not isinstance(obj, QWidget):
            return None
        interface = _RoleInterface(obj, role)
    held = id(obj)
    _interfaces[held] = interface
    obj.destroyed.connect(lambda: _interfaces.pop(held, None))
    return interface


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say text now, on behalf of widget: news shown where the keyboard is not (the status
    bar), which Orca and NVDA do not read by themselves."""
    if text and QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


_MNEMONIC = lazy(r"&([^&\s])")


def add_mnemonics(dialog: QWidget) -> None:
    """Give each button of dialog that has no access key one, on the first letter of its text no other control of
    the dialog uses. Qt's standard Save, Discard, Cancel, OK … come without one on Linux and Windows: a keyboard
    user had no key for Discard."""
    controls = dialog.findChildren(QAbstractButton) + dialog.findChildren(QLabel)
    used = {m.group(1).casefold() for w in controls for m in _MNEMONIC.finditer(w.text().replace("&&", ""))}
    for button in dialog.findChildren(QAbstractButton):
        text = button.text()
        if not text or _MNEMONIC.search(text.replace("&&", "")):
            continue
        for i, char in enumerate(text):
            if char.isalnum() and char.casefold() not in used:
                button.setText(f"{text[:i]}&{text[i:]}")
                used.add(char.casefold())
                break


def open_context_menu() -> None:
    """Shift+F10: the context menu of what has the keyboard (a card, the source list, the text, a note being
    written), where the Menu key opens it; many laptops have no Menu key."""
    widget = QApplication.focusWidget()
    if widget is None:
        return
    if isinstance(widget, QAbstractItemView) and widget.currentIndex().isValid():
        pos = widget.viewport().mapTo(widget, widget.visualRect(widget.currentIndex()).center())
    else:
        caret = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)  # a text's caret, as Qt does
        rect = caret.toRect() if isinstance(caret, QRectF) else caret if isinstance(caret, QRect) else QRect()
        pos = rect.center() if rect.isValid() and widget.rect().contains(rect.center()) else widget.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def _window_focused(_old: QWidget | None, new: QWidget | None) -> None:
    # Focus entering a window is when it is first usable, and far rarer than any event a filter would see.
    window = new.window() if new is not None else None
    if window is None or window.property("accessKeysAdded"):
        return
    window.setProperty("accessKeysAdded", True)
    if window.inherits("QDialog"):  # (not isinstance: QDialog's Python class would load at start-up)
        add_mnemonics(window)
    QShortcut(QKeySequence("Shift+F10"), window, open_context_menu)


def install() -> None:
    """Once per process, before the widgets concerned are first asked for (creating the window is early enough)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(_window_focused)
        _installed = True
