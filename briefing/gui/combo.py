"""The window's one kind of combo box: the mouse wheel changes it only while it has the keyboard.

Qt's combo box takes the keyboard on a wheel turn and changes its value: an analyst scrolling the note with the
pointer over Purpose, Language of the note or the classification changed them without seeing it (QA4 8). As in
office forms, a wheel turn over a combo box that is not being used scrolls what holds it instead; a click or Tab
gives it the keyboard, and then the wheel changes it. Every combo box of the window and its dialogs is one of
these (tests/gui/test_wheel.py checks it); the window has no spin boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QWidget


class Combo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: a wheel turn does not take the keyboard

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # Qt passes it on to the parent: the note's scroll area scrolls
