"""Small dialogs: choosing a template for a new briefing, editing a source's details, the help boxes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.core.model import NO_SUBJECT, Source, missing_day
from briefing.core.templates import DEFAULT_TEMPLATE, Template
from briefing.gui.accessible import announce
from briefing.gui.combo import Combo
from briefing.gui.i18n import in_interface_language, new_note_language, shown_attachment, shown_error, shown_label
from briefing.gui.style import quiet, warn
from briefing.gui.title_block import note_languages

EDITABLE_META = ("title", "author", "publisher", "published", "url", "language")


class NewBriefingDialog(QDialog):
    def __init__(self, templates: list[Template], parent: QWidget | None = None, skipped: Sequence[str] = ()) -> None:
        """skipped: why template files that could not be read are not listed (one line each, naming the file)."""
        super().__init__(parent)
        self.setObjectName("newBriefingDialog")
        self.setWindowTitle(self.tr("New Briefing"))
        self.list = QListWidget(self)
        self.list.setObjectName("templateList")
        self.list.setAccessibleName(self.tr("Templates"))
        self.about = QLabel(self)
        self.about.setObjectName("templateDescription")
        self.about.setWordWrap(True)
        for template in templates:
            name = in_interface_language(template.name, template.name_fr)
            default = template.id == DEFAULT_TEMPLATE  # marked: two templates may have near-identical names
            item = QListWidgetItem(self.tr("%1 (default)").replace("%1", name) if default else name)
            item.setData(Qt.ItemDataRole.UserRole, template)
            item.setToolTip(in_interface_language(template.description, template.description_fr))
            # what the text under the list shows sighted users, read with the item by a screen reader
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, self._about(template))
            self.list.addItem(item)
            if template.id == DEFAULT_TEMPLATE:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.list.currentItemChanged.connect(self._describe)
        self.list.itemActivated.connect(lambda _item: self.accept())
        # the note's language, as `briefing new --language`: French by default in a French interface
        self.languages = Combo(self)
        self.languages.setObjectName("newLanguage")
        language_label = QLabel(self.tr("&Language of the note"), self)
        language_label.setObjectName("newLanguageLabel")
        language_label.setBuddy(self.languages)
        # named before its first value: with a screen reader on, Qt makes a combo box's accessible interface at its
        # first change and keeps it, and one made unnamed is heard by its value (« Français ») ever after
        self.languages.setAccessibleName(language_label.text().replace("&", ""))
        for key, text in note_languages().items():
            self.languages.addItem(text, key)
        self.languages.setCurrentIndex(self.languages.findData(new_note_language()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Template"), self)
        label.setBuddy(self.list)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(self.about)
        if skipped:  # a broken template of the analyst's own is said, not silently left out
            self.skipped = QLabel(self.tr("Not listed, as it cannot be read: %1").replace("%1", "\n".join(skipped)))
            self.skipped.setObjectName("skippedTemplates")
            self.skipped.setWordWrap(True)
            layout.addWidget(self.skipped)
        language = QFormLayout()
        language.addRow(language_label, self.languages)
        layout.addLayout(language)
        layout.addWidget(buttons)
        self._describe(self.list.currentItem(), None)
        self.resize(480, 360)

    def _describe(self, item: QListWidgetItem | None, _previous: object) -> None:
        template: Template | None = item.data(Qt.ItemDataRole.UserRole) if item else None
        if template is None:
            self.about.clear()
            return
        self.about.setText(self._about(template))

    def _about(self, template: Template) -> str:
        sections = ", ".join(in_interface_language(s.heading, s.heading_fr) for s in template.sections)
        description = in_interface_language(template.description, template.description_fr)
        # the label is a literal tr() of its own: lupdate does not look inside f-strings
        label = self.tr("Sections:")
        return f"{description}\n\n{label} {sections}"

    def template(self) -> Template | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def language(self) -> str:
        """The new note's language ("en", "fr" or "bilingual")."""
        return str(self.languages.currentData())


class SourceDetailsDialog(QDialog):
    """Title, author, publisher, date, URL and language of a source, as cited in the note."""

    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceDetailsDialog")
        self.setWindowTitle(self.tr("Source Details"))
        self.source = source
        labels = {
            "title": self.tr("&Title"),
            "author": self.tr("&Author"),
            "publisher": self.tr("&Publisher"),
            # an e-mail's date is when it was sent
            "published": self.tr("&Date sent") if source.meta.format in ("eml", "msg") else self.tr("&Date published"),
            "url": self.tr("&URL"),
            "language": self.tr("&Language"),
        }
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        self.shown = {name: getattr(source.meta, name) for name in EDITABLE_META}
        if source.meta.title == NO_SUBJECT:  # an e-mail without a subject: « (sans objet) » in French, as listed
            self.shown["title"] = shown_label(source)
        if len(self.shown["published"]) > 10 and _is_date(self.shown["published"]):
            # an e-mail's sent time: its day, as the placeholder writes a date and citations show it; kept whole
            # unless the analyst changes the date
            self.shown["published"] = self.shown["published"][:10]
        for name in EDITABLE_META:
            field = QLineEdit(self.shown[name], self)
            field.setObjectName(f"meta_{name}")
            field.setAccessibleName(labels[name].replace("&", ""))
            form.addRow(labels[name], field)
            self.fields[name] = field
        self.fields["published"].setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.fields["language"].setPlaceholderText(self.tr("en, fr, fr-CA…"))
        lines = [
            self.tr("File: %1 · format: %2")
            .replace("%1", source.meta.file_name or "—")
            .replace("%2", self.format_name(source.meta.format) or "—")
        ]
        if source.meta.attached_to:  # (its file name is only the one Briefing gave an attached e-mail)
            lines.append(shown_attachment(source))
        for shown, names in ((self.tr("To: %1"), source.meta.to), (self.tr("Cc: %1"), source.meta.cc)):
            if names:  # an e-mail's recipients, as the message gave them
                lines.append(shown.replace("%1", "; ".join(names)))
        info = QLabel("\n".join(lines), self)
        info.setObjectName("sourceFileInfo")
        info.setTextFormat(Qt.TextFormat.PlainText)  # "Name <address>" is not a tag
        info.setWordWrap(True)
        quiet(info)
        self.problem = QLabel(self)
        self.problem.setObjectName("detailsProblem")
        self.problem.setWordWrap(True)
        warn(self.problem, True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(info)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def format_name(self, kind: str) -> str:
        """The kind of file a source came from, as the reader calls it; a kind not listed is shown as stored."""
        names = {
            "text": self.tr("plain text"),
            "html": self.tr("web page (HTML)"),
            "pdf": self.tr("PDF"),
            "docx": self.tr("Word document (DOCX)"),
            "doc": self.tr("Word 97–2003 document (DOC)"),
            "odt": self.tr("OpenDocument text (ODT)"),
            "rtf": self.tr("Rich Text Format (RTF)"),
            "eml": self.tr("e-mail (EML)"),
            "msg": self.tr("Outlook e-mail (MSG)"),
            "image": self.tr("picture read by OCR"),
            "paste": self.tr("pasted text"),
        }
        return names.get(kind, kind)

    def accept(self) -> None:
        """OK keeps the dialog open, saying what to correct, while a value would reach citations wrong."""
        title, date, language = self.fields["title"], self.fields["published"], self.fields["language"]
        published = date.text().strip()
        if not title.text().strip():
            self._refuse(title, self.tr("A source needs a title: the note's citations name it."))
        elif published != self.shown["published"] and published and not _is_date(published):
            missing = missing_day(published)  # written right, but no such day: say that, not the form again
            if missing is not None:
                text = self.tr("The date %1 does not exist: %2.").replace("%2", shown_error(missing))
                self._refuse(date, text.replace("%1", published))
            else:
                self._refuse(date, self.tr("Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY), as citations show it."))
        elif language.text().strip() != self.source.meta.language and not _is_language(language.text().strip()):
            self._refuse(language, self.tr("Write the language as a code: en, fr, or with a region, fr-CA."))
        else:
            super().accept()

    def _refuse(self, field: QLineEdit, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
        field.setFocus()
        field.selectAll()
        announce(self.problem, message)  # shown under the form, away from the focus: a screen reader says it

    def changed_values(self) -> dict[str, str]:
        return {
            name: field.text().strip()
            for name, field in self.fields.items()
            if field.text().strip() != self.shown[name]
        }


def _is_language(text: str) -> bool:
    """Empty (not known), or a language code as BCP 47 writes it: "fr", "en-CA", "zh-Hant" (not "english" or
    "fr_CA"), what exports tag a quotation with."""
    return not text or re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", text) is not None


def _is_date(text: str) -> bool:
    """A year, a year and month, or an ISO 8601 date or date and time (what importers store)."""
    if re.fullmatch(r"\d{4}", text):
        return True
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return 1 <= int(text[5:]) <= 12
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """Help > Keyboard Shortcuts' rows: every action's shortcuts (Redo has two) and what it does (its "command"
    property where its text changes: Undo's names the step it would undo), then the keys of the note's cards and
    editor."""
    native = QKeySequence.SequenceFormat.NativeText
    rows = []
    for action in actions:
        keys = ", ".join(keys.toString(native) for keys in action.shortcuts())
        if keys:
            rows.append((keys, (action.property("command") or action.text()).replace("&", "")))
    # keys of the note's cards and editor, not of any action: listed by hand (spelled out for lupdate to find)
    rows += [
        (
            QCoreApplication.translate("MainWindow", "Enter"),
            QCoreApplication.translate("MainWindow", "Edit the selected note, or the excerpt's comment"),
        ),
        (
            QCoreApplication.translate("MainWindow", "Up, Down"),
            QCoreApplication.translate("MainWindow", "Previous or next item in the note"),
        ),
        (
            QKeySequence("Ctrl+B").toString(native),
            QCoreApplication.translate("MainWindow", "Bold (while editing a note)"),
        ),
        (
            QKeySequence("Ctrl+I").toString(native),
            QCoreApplication.translate("MainWindow", "Italic (while editing a note)"),
        ),
        (
            QKeySequence("Ctrl+Enter").toString(native),  # the key is labelled Enter (« Entrée »), not Return
            QCoreApplication.translate("MainWindow", "Keep what is typed and stop editing"),
        ),
        (
            QCoreApplication.translate("MainWindow", "Esc"),
            QCoreApplication.translate("MainWindow", "Stop editing, keeping what is typed (Undo takes it back)"),
        ),
        (
            f"{QKeySequence('Ctrl+Shift+Down').toString(native)}, {QKeySequence('Ctrl+Shift+Up').toString(native)}",
            QCoreApplication.translate("MainWindow", "Select to the end or start of the paragraph (in the source)"),
        ),
        (
            QKeySequence("F8").toString(native),
            QCoreApplication.translate("MainWindow", "Select the sentence, then the paragraph (in the source)"),
        ),
        (
            QKeySequence("Shift+F10").toString(native) + ", " + QCoreApplication.translate("MainWindow", "Menu key"),
            QCoreApplication.translate("MainWindow", "Context menu of the selected card, source or text"),
        ),
    ]
    return rows


class ShortcutsDialog(QDialog):
    """Help > Keyboard Shortcuts, as a table a screen reader reads cell by cell. It never gets taller than the
    screen (at 200 % on a 1366×768 screen the list is about twice that): the table scrolls instead."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "Keyboard Shortcuts"))
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.windowTitle())
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("MainWindow", "Keys"), QCoreApplication.translate("MainWindow", "Command")]
        )
        for row, (keys, text) in enumerate(rows):
            for column, value in enumerate((keys, text)):
                cell = QTableWidgetItem(value)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, cell)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        screen = (parent or self).screen().availableGeometry()
        # room for the window frame and title bar, which the window manager adds outside the dialog
        self.setMaximumSize(screen.width() - 40, screen.height() - 80)
        table = self.table
        wide = table.horizontalHeader().length() + table.verticalScrollBar().sizeHint().width() + 4 * table.frameWidth()
        self.resize(wide + 40, self.sizeHint().height())  # as wide as the commands, if the screen allows
        self.table.setCurrentCell(0, 0)


def show_shortcuts(parent: QWidget, actions: list[QAction]) -> None:
    ShortcutsDialog(shortcut_rows(actions), parent).exec()


def show_preferences(parent: QWidget) -> None:
    from briefing.gui.preferences import PreferencesDialog

    PreferencesDialog(parent).exec()


def show_about(parent: QWidget) -> None:
    from briefing import __version__

    QMessageBox.about(
        parent,
        QCoreApplication.translate("MainWindow", "About Briefing"),
        QCoreApplication.translate(
            "MainWindow", "<b>Briefing %1</b><br>Structured briefing notes built from sources."
        ).replace("%1", __version__),
    )
