"""The mouse wheel scrolls the note: it changes a combo box (Purpose, Language of the note, the classification)
only while that combo box has the keyboard (QA4 8: scrolling past them changed them, silently)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget


def turn_wheel(widget: QWidget, notches: int = -1) -> bool:
    """One wheel turn over the middle of widget, passed on to its parents while ignored, as Qt does with a real
    one (a sent event is not passed on); True when a widget took it."""
    centre = widget.rect().center()
    target: QWidget | None = widget
    while target is not None:
        event = QWheelEvent(
            QPointF(widget.mapTo(target, centre)) if target is not widget else QPointF(centre),
            QPointF(widget.mapToGlobal(centre)),
            QPoint(0, 0),
            QPoint(0, 120 * notches),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        event.ignore()
        QApplication.sendEvent(target, event)
        if event.isAccepted():
            return True
        target = None if target.isWindow() else target.parentWidget()
    return False


def test_the_wheel_over_a_combo_box_scrolls_the_note_and_changes_nothing(window, qtbot) -> None:
    window.resize(900, 420)  # the note scrolls, with the title block's combo boxes in view
    qtbot.wait(50)
    view, block = window.briefing_view, window.briefing_view.title_block
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    tb = window.document.briefing.title_block
    before = (tb.purpose, tb.language, tb.classification)
    window.source_view.setFocus()  # the keyboard is elsewhere, as when the analyst scrolls to read
    for combo in (block.fields["purpose"], block.fields["language"], window.banner.combo):
        index = combo.currentIndex()
        turn_wheel(combo)
        turn_wheel(combo)
        assert combo.currentIndex() == index, combo.objectName()
        assert not combo.hasFocus()
    assert (tb.purpose, tb.language, tb.classification) == before
    assert window.action("undo").isEnabled() is False  # no change was made
    assert bar.value() > 0  # the wheel over Purpose and Language scrolled the note instead

    # with the keyboard (clicked or tabbed to), the wheel changes it, as Qt's combo box does
    purpose = block.fields["purpose"]
    purpose.setFocus(Qt.FocusReason.TabFocusReason)
    index = purpose.currentIndex()
    turn_wheel(purpose, -1 if index + 1 < purpose.count() else 1)
    assert purpose.currentIndex() != index


def test_every_combo_box_of_the_window_and_its_dialogs_ignores_the_wheel_without_the_keyboard(window) -> None:
    from briefing.core.templates import load_catalog
    from briefing.gui.combo import Combo
    from briefing.gui.dialogs import NewBriefingDialog
    from briefing.gui.preferences import PreferencesDialog

    dialogs = [NewBriefingDialog(list(load_catalog().templates.values()), window), PreferencesDialog(window)]
    combos = [w for top in (window, *dialogs) for w in top.findChildren(QComboBox)]
    assert len(combos) >= 5  # purpose, language, classification, the new note's language, the interface's
    for combo in combos:
        assert isinstance(combo, Combo), combo.objectName()
        assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus, combo.objectName()
    assert not [w for top in (window, *dialogs) for w in top.findChildren(QAbstractSpinBox)]  # none to guard


def test_after_a_choice_in_its_list_the_wheel_scrolls_on(window, qtbot) -> None:
    """QA 5 #6: right after choosing a language with the mouse, the next wheel turn (to scroll the note) made the
    note bilingual. The wheel changes the combo box again once the keyboard comes to it (Tab)."""
    from PySide6.QtTest import QTest

    window.resize(900, 420)
    qtbot.wait(50)
    bar = window.briefing_view.verticalScrollBar()
    language = window.briefing_view.title_block.fields["language"]
    QTest.mouseClick(language, Qt.MouseButton.LeftButton)  # its list opens
    qtbot.waitUntil(lambda: language.view().isVisible())
    view = language.view()
    choice = language.findData("fr")
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a release this soon after the opening click is ignored
    at = view.visualRect(view.model().index(choice, 0)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert window.document.briefing.title_block.language == "fr" and language.hasFocus()
    before = bar.value()
    turn_wheel(language)
    turn_wheel(language)
    assert language.currentIndex() == choice and window.document.briefing.title_block.language == "fr"
    assert bar.value() > before  # the note scrolled instead
    window.source_view.setFocus()
    language.setFocus(Qt.FocusReason.TabFocusReason)
    turn_wheel(language, -1 if choice + 1 < language.count() else 1)
    assert language.currentIndex() != choice
