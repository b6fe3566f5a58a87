"""The note's title block (every field editable) and the classification banner that stays in view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)

from briefing.core.labels import PURPOSE_LABELS, TITLE_FIELD_LABELS, TRANSLATION_CONTEXT, field_label, purpose_label
from briefing.core.model import TitleBlock, early_year, is_note_date, missing_day
from briefing.core.templates import Template
from briefing.gui.combo import Combo
from briefing.gui.i18n import shown_error, shown_marking
from briefing.gui.style import BANNER_STYLE, quiet

if TYPE_CHECKING:
    from briefing.core.operations import Change
    from briefing.gui.document import BriefingDocument


def _translate(text: str) -> str:
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def field_labels() -> dict[str, str]:
    """The title-block field names as shown, translated."""
    return {name: field_label(name, _translate) for name in TITLE_FIELD_LABELS}


def purpose_labels() -> dict[str, str]:
    return {key: purpose_label(key, _translate) for key in PURPOSE_LABELS}


def note_languages() -> dict[str, str]:
    """A note's languages (core's LANGUAGES) as the title block and the New Briefing dialog offer them."""
    return {
        "en": QCoreApplication.translate("TitleBlockWidget", "English"),
        "fr": QCoreApplication.translate("TitleBlockWidget", "French"),
        "bilingual": QCoreApplication.translate("TitleBlockWidget", "Bilingual (English and French)"),
    }


class ClassificationBanner(QFrame):
    """The security marking, pinned above the note so it is always visible; a combo box of the template's levels."""

    edited = Signal(str, str)  # field name, value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("classificationBanner")
        self.setStyleSheet(BANNER_STYLE)  # its own small subtree only
        self.combo = Combo(self)
        self.combo.setObjectName("classificationCombo")
        label = QLabel(self.tr("&Classification"), self)
        label.setBuddy(self.combo)
        # named as its label reads (a screen reader's list of controls says "Classification", its value the marking)
        self.combo.setAccessibleName(label.text().replace("&", ""))
        self.combo.view().setAccessibleName(self.combo.accessibleName())  # its drop-down list, for screen readers
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        # the item's data is the stored value; its text may be the French marking
        self.combo.activated.connect(lambda _i: self.edited.emit("classification", self.combo.currentData()))

    def follow(self, document: BriefingDocument) -> None:
        """Show the document's marking, again when another briefing is loaded or a change names the title block."""

        def show() -> None:
            self.set_value(document.template, document.briefing.title_block.classification)

        def changed(change: Change, _step: bool) -> None:
            if change.title_block:
                show()

        document.reset.connect(show)
        document.changed.connect(changed)

    def set_value(self, template: Template, value: str) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        choices = list(template.classifications)
        if value and value not in choices:
            choices.append(value)  # a marking the template no longer lists stays visible, never silently changed
        for choice in choices:
            self.combo.addItem(shown_marking(choice), choice)
        self.combo.setCurrentIndex(self.combo.findData(value))
        self.combo.blockSignals(False)
        level = value.upper()
        self.setProperty("level", "high" if any(w in level for w in ("SECRET", "CONFIDENTIAL", "PROTECTED")) else "low")
        self.style().unpolish(self)
        self.style().polish(self)


class _Field(QLineEdit):
    """A title-block field whose text, when longer than the field, ends in "…" while the field is not being
    edited (a long French title was cut off mid-word, with nothing to say there was more); the full text is then
    its tooltip and its accessible description."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.elided = ""  # the text as shown, when it does not fit
        self.own_tip = ""  # the tooltip and description the field has when its text fits (the date's rule)
        self.textChanged.connect(self._fit)

    def setText(self, text: str | None) -> None:
        """Set by the window (Undo, a date refused), with signals blocked: fitted too, as typing is."""
        super().setText(text)
        self._fit()

    def set_tip(self, text: str) -> None:
        self.own_tip = text
        self._fit()

    def _fit(self) -> None:
        area = self._text_area()
        elided = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, area.width())
        self.elided = elided if elided != self.text() and not self.hasFocus() else ""
        tip = self.text() if self.elided else self.own_tip
        if self.toolTip() != tip:
            self.setToolTip(tip)
            self.setAccessibleDescription(tip)
        self.update()

    def _text_area(self) -> QRect:
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        area = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        margins = self.textMargins()
        return area.adjusted(margins.left() + 2, 0, -margins.right() - 2, 0)  # QLineEdit's own 2 px each side

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._fit()  # the whole text, to edit

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() == Qt.FocusReason.PopupFocusReason:
            return  # its context menu: the analyst is still at work in it
        self.setCursorPosition(0)  # read from its start again
        self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.elided:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self._text_area(), int(alignment), self.elided)
        painter.end()


class _DashedField(_Field):
    """A title-block field that shows "—" while empty. Painted, not a placeholder: Qt gives a field its placeholder
    as its accessible description, and a screen reader said "Addressee, Memorandum to the Minister, dash"."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.text():
            return
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        margins = self.textMargins()
        area = self.rect().adjusted(margins.left() + 2, 0, -margins.right(), 0)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), "—")
        painter.end()


class TitleBlockWidget(QFrame):
    """Fields of the title block that the template asks for; an edit is reported when the field loses focus."""

    edited = Signal(str, str)  # field name, value
    refused = Signal(str)  # why an edit was not kept (a date that is not one), for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("titleBlock")
        self.setAccessibleName(self.tr("Title block"))
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.template: Template | None = None
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 8)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setVerticalSpacing(4)

    def build(self, template: Template, values: TitleBlock) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        self.template = template
        labels = field_labels()
        order = [f for f in template.title_fields if f != "classification"]
        if "title" in order:  # the title leads, as it does on the page
            order.remove("title")
            order.insert(0, "title")
        for name in order:
            widget: QLineEdit | QComboBox
            if name == "purpose":
                widget = Combo(self)
                for key, text in purpose_labels().items():
                    widget.addItem(text, key)
                widget.activated.connect(lambda _i, w=widget: self.edited.emit("purpose", w.currentData()))
            else:
                widget = _Field(self) if name in ("date", "title") else _DashedField(self)
                widget.setFrame(False)
                widget.editingFinished.connect(lambda n=name, w=widget: self._line_done(n, w))
                if name == "date":
                    widget.setPlaceholderText(self.tr("YYYY-MM-DD"))
                    rule = self.tr("A date written YYYY-MM-DD, like %1: each export prints it in the note’s language")
                    widget.set_tip(rule.replace("%1", QDate.currentDate().toString(Qt.DateFormat.ISODate)))
            widget.setObjectName(f"field_{name}")
            widget.setAccessibleName(labels[name])
            if isinstance(widget, QComboBox):
                widget.view().setAccessibleName(labels[name])  # its drop-down list, for screen readers
            if name == "title":
                font = QFont(widget.font())
                font.setPointSizeF(font.pointSizeF() * 1.6)
                font.setWeight(QFont.Weight.DemiBold)
                widget.setFont(font)
                widget.setPlaceholderText(self.tr("Title of the note"))
                self.form.addRow(widget)
            else:
                label = QLabel(labels[name], self)
                quiet(label)
                label.setBuddy(widget)
                self.form.addRow(label, widget)
            self.fields[name] = widget
        self._add_language(labels["language"])
        self.set_values(values)

    def _add_language(self, label_text: str) -> None:
        """Every note has a language, whatever its template prints: it decides the export's words and tags."""
        widget = Combo(self)
        widget.setObjectName("field_language")
        widget.setAccessibleName(label_text)
        widget.view().setAccessibleName(label_text)  # its drop-down list, for screen readers
        widget.setToolTip(self.tr("The language of the exported note: its headings, labels, markings and page numbers"))
        for key, text in note_languages().items():
            widget.addItem(text, key)
        widget.activated.connect(lambda _i: self.edited.emit("language", widget.currentData()))
        label = QLabel(label_text, self)
        quiet(label)
        label.setBuddy(widget)
        self.form.addRow(label, widget)
        self.fields["language"] = widget

    def set_values(self, values: TitleBlock) -> None:
        self._name_title(values.language)
        for name, widget in self.fields.items():
            value = getattr(values, name)
            if isinstance(widget, QLineEdit) and self.template is not None:
                # as the export prints it: the template's default addressee in the note's language
                value = self.template.title_value(name, value, values.language)
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                index = widget.findData(value)
                if index < 0 and value:  # not one the template offers (a hand-edited file): shown as it is
                    widget.addItem(value, value)
                    index = widget.count() - 1
                widget.setCurrentIndex(max(index, 0))
            elif widget.text() != value:
                widget.setText(value)
                widget.setCursorPosition(0)
            widget.setProperty("committed", value)
            widget.blockSignals(False)

    def _name_title(self, language: str) -> None:
        """The big title field holds the English title: said so in a French or bilingual note (whose French title
        is the field under it), so that a French analyst does not take it for her note's own title."""
        widget = self.fields.get("title")
        if not isinstance(widget, QLineEdit):
            return
        english = language != "en"
        widget.setAccessibleName(self.tr("Title (English)") if english else field_labels()["title"])
        widget.setPlaceholderText(self.tr("English title of the note") if english else self.tr("Title of the note"))

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(read_only)
            else:
                widget.setEnabled(not read_only)

    def _line_done(self, name: str, widget: QLineEdit) -> None:
        if name == "date" and widget.text().strip() and not is_note_date(widget.text().strip()):
            self._refuse_date(widget)
            return
        if name == "date" and widget.property("refused"):
            widget.setProperty("refused", False)
            self.refused.emit("")  # a date kept now: the refusal of the one before leaves the status bar
        if widget.text() != widget.property("committed"):
            widget.setProperty("committed", widget.text())
            self.edited.emit(name, widget.text())

    def _refuse_date(self, widget: QLineEdit) -> None:
        """A date the exports could not print (core's rule, as `briefing set` checks it): the last one is kept,
        and the analyst is told, on screen and by the screen reader."""
        typed = widget.text().strip()
        widget.setText(widget.property("committed") or "")
        missing = missing_day(typed)  # written right, but no such day: say that, not the form again
        early = early_year(typed)  # 0026-03-31, a typo for 2026
        if missing is not None:
            text = self.tr("“%1” does not exist (%2): the date is unchanged.").replace("%2", shown_error(missing))
        elif early is not None:
            text = self.tr("“%1” is not a note's date (%2): the date is unchanged.").replace("%2", shown_error(early))
        else:
            text = self.tr("“%1” is not a date written YYYY-MM-DD, like %2: the date is unchanged.")
            text = text.replace("%2", QDate.currentDate().toString(Qt.DateFormat.ISODate))
        text = text.replace("%1", typed)
        widget.setProperty("refused", True)
        self.refused.emit(text)  # the status bar shows it and a screen reader hears it (StatusBar.tell)
