"""File > Recover Unsaved Work: the copies of unsaved work that sessions which did not close properly left, each
with the briefing it belongs to and when it was autosaved; Open restores one, Discard deletes one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.core.messages import named
from briefing.gui import recovery
from briefing.gui.i18n import autosaved, moment, shown_error


class RecoveryDialog(QDialog):
    openRequested = Signal(object)  # the RecoveryEntry to restore

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_dialog")
        self.setWindowTitle(self.tr("Recover Unsaved Work"))
        self.resize(620, 320)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("recovery_list")
        self.list.setAccessibleName(self.tr("Copies of unsaved work"))
        self.intro.setBuddy(self.list)  # the label is the list's: a screen reader relates them (labelled-by)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)  # each copy is two or three lines: keep them apart
        self.list.setAlternatingRowColors(True)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.discard_button = QPushButton(self.tr("&Discard…"), self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.open_button.clicked.connect(self.open_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.entries: list[recovery.RecoveryEntry] = []

    def refresh(self) -> None:
        self.entries = recovery.pending()
        self.list.clear()
        for entry in self.entries:
            item = QListWidgetItem(self._describe(entry), self.list)
            item.setToolTip(str(entry.original) if entry.original else "")
        if self.entries:
            self.intro.setText(
                self.tr(
                    "Briefing did not close properly while this work was unsaved. Each copy is kept until you open "
                    "and save it, or discard it."
                )
            )
            self.list.setCurrentRow(0)
        else:
            self.intro.setText(self.tr("No unsaved work is kept."))
        self.list.setAccessibleDescription(self.intro.text())  # read with the list, which has the keyboard
        self._enable()

    def _describe(self, entry: recovery.RecoveryEntry) -> str:
        first = self.tr("%1 — autosaved on %2").replace("%1", entry.name).replace("%2", moment(entry.saved_at))
        if entry.original is None:
            return first + "\n" + self.tr("A briefing that was never saved")
        second = self.tr("Based on %1").replace("%1", str(entry.original))
        if entry.disk_changed():
            saved = entry.disk_saved_at()
            second += "\n" + self.tr("The file has changed since (%1): opens as a separate briefing").replace(
                "%1", moment(saved) if saved is not None else self.tr("no longer there")
            )
        return first + "\n" + second

    def selected(self) -> recovery.RecoveryEntry | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _enable(self) -> None:
        has = self.selected() is not None
        self.open_button.setEnabled(has)
        self.discard_button.setEnabled(has)

    def open_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        self.accept()
        self.openRequested.emit(entry)

    def discard_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        _Btn = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("Discard recovered work?"),
            self.tr("Delete the copy of %1 for good? Its unsaved work cannot be recovered afterwards.").replace(
                "%1", autosaved(entry.name, entry.saved_at)
            ),
            _Btn.Discard | _Btn.Cancel,
            _Btn.Cancel,
        )
        if answer != _Btn.Discard:
            return
        try:
            entry.discard()
        except OSError as exc:
            QMessageBox.critical(self, self.tr("Cannot discard"), shown_error(named(entry.file, exc.strerror or exc)))
        self.refresh()


__all__ = ["RecoveryDialog"]
