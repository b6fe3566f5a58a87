"""Qt's own strings that Qt's French catalogue (qtbase_fr.qm as PySide6 ships it) lacks, so that Qt's dialogs are
French all through: the non-native file dialog's "&Look in:", "Files of &type:" and its "Folder" type (Qt 6 added
the mnemonics, and the catalogue still has only "Look in:"). Marked here, lupdate puts them in Briefing's catalogue
under Qt's own contexts, where Qt looks them up once qtbase_fr.qm has no answer; they are translated with the rest.
tests/gui/test_french_window.py finds any new gap."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

QT_CONTEXTS = ("QFileDialog", "QAbstractFileIconProvider")  # Qt's classes, not Briefing's


def filled_gaps() -> list[str]:
    """The strings as Qt will find them (for the tests): lupdate reads them from these calls, and a third
    argument (Qt's own disambiguation) only from translate(), not from QT_TRANSLATE_NOOP3."""
    return [
        QCoreApplication.translate("QFileDialog", "&Look in:"),
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
    ]
