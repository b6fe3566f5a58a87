"""The Preferences dialog: the interface language (English, Français, or the system's)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from briefing.gui.combo import Combo
from briefing.gui.i18n import LANGUAGES, choose_language, chosen_language


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.language = Combo(self)
        self.language.setObjectName("interfaceLanguage")
        self.language.setAccessibleName(self.tr("Interface language"))
        self.language.addItem(self.tr("As the system"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(chosen_language())))
        note = QLabel(self.tr("The new language applies the next time Briefing starts."), self)
        note.setObjectName("languageNote")
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Interface language:"), self.language)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        choose_language(self.language.currentData())
        super().accept()
