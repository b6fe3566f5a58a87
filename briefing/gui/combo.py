"""The window's one kind of combo box: the mouse wheel changes it only while it has the keyboard.

Qt's combo box takes the keyboard on a wheel turn and changes its value: an analyst scrolling the note with the
pointer over Purpose, Language of the note or the classification changed them without seeing it (QA4 8). As in
office forms, a wheel turn over a combo box that is not being used scrolls what holds it instead; Tab gives it the
keyboard, and then the wheel changes it. A click opens its list; after a choice there it still has the keyboard, but
the analyst's next wheel turn is to scroll on, not to choose again (QA 5 #6: the note's language became bilingual):
as in office forms and browsers, the wheel then scrolls until the keyboard comes to it again (Tab, its shortcut); its
arrow keys still change it. Every combo box of the window and its dialogs is one of
these (tests/gui/test_wheel.py checks it); the window has no spin boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QWidget


class Combo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: a wheel turn does not take the keyboard
        self._wheel_changes = True  # False from a choice in its list until the keyboard comes to it again

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # the keyboard came to it (Tab, its shortcut): the wheel changes it again. A click opens its list; the
        # window or a menu giving the keyboard back leaves it as it was.
        reason, reason_is = event.reason(), Qt.FocusReason
        if reason not in (reason_is.MouseFocusReason, reason_is.PopupFocusReason, reason_is.ActiveWindowFocusReason):
            self._wheel_changes = True

    def hidePopup(self) -> None:
        super().hidePopup()
        self._wheel_changes = False

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus() and self._wheel_changes:
            super().wheelEvent(event)
        else:
            event.ignore()  # Qt passes it on to the parent: the note's scroll area scrolls
