"""The note pane: title block, then the template's sections with guidance, word counts and their item cards."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from briefing.core.citation import place
from briefing.core.model import Briefing, Excerpt, Item, Section
from briefing.core.operations import Change
from briefing.core.templates import SectionSpec, Template
from briefing.gui.column import CardColumn
from briefing.gui.items import ITEM_MIME, ItemWidget, item_words
from briefing.gui.source_view import PASSAGE_MIME
from briefing.gui.style import page_background, quiet, scaled_font, section_colour, warn
from briefing.gui.title_block import TitleBlockWidget

COLUMN_WIDTH = 920  # a readable line length for the note, however wide the window


def citation(briefing: Briefing, excerpt: Excerpt) -> str:
    try:
        source = briefing.source(excerpt.source_id)
    except KeyError:
        return QCoreApplication.translate("BriefingView", "⚠ source removed")
    if excerpt.flag == "lost":
        return source.label  # its passage is not in this version of the source: no place to cite (its card says so)
    where = place(source, excerpt.anchor.start, excerpt.anchor.end)  # as the export's footnote gives it
    if not where:
        return source.label
    return QCoreApplication.translate("BriefingView", "%1 · %2").replace("%1", source.label).replace("%2", where)


class SectionWidget(QFrame):
    """A heading with its word count against the budget, its guidance, and its items; a drop target."""

    passageDropped = Signal(str, str, int, int, int)  # section id, source id, start, end, index
    itemDropped = Signal(str, str, int)  # item id, section id, index
    clicked = Signal(str)

    def __init__(self, section: Section, spec: SectionSpec | None, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section_id = section.id
        self.index = index
        self.budget = spec.word_budget if spec else None
        self.setObjectName(f"section_{section.id.replace('-', '_')}")
        self.setAccessibleName(section.heading)
        self.setAcceptDrops(True)
        self.widgets: dict[str, ItemWidget] = {}
        colour = section_colour(index)
        chip = QLabel(str(index + 1) if index < 9 else "", self)
        chip.setObjectName("sectionChip")
        chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        chip.setFixedSize(22, 22)
        text_colour = "#000000" if colour.lightness() > 140 else "#ffffff"
        chip.setStyleSheet(f"background:{colour.name()}; color:{text_colour}; border-radius:11px; font-weight:600;")
        chip.setToolTip(self.tr("Ctrl+%1 files the selected passage here").replace("%1", str(index + 1)))
        self.heading = QLabel(section.heading, self)
        self.heading.setObjectName("sectionHeading")
        self.heading.setFont(scaled_font(self.heading, 1.45, QFont.Weight.DemiBold))
        self.count = QLabel(self)
        self.count.setObjectName("sectionCount")
        quiet(self.count)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(8)
        header.addWidget(chip)
        header.addWidget(self.heading, 1)
        header.addWidget(self.count)
        self.guidance = QLabel(spec.guidance if spec else "", self)
        self.guidance.setObjectName("sectionGuidance")
        self.guidance.setWordWrap(True)
        self.guidance.setVisible(bool(spec and spec.guidance))
        italic = QFont(self.guidance.font())
        italic.setItalic(True)
        self.guidance.setFont(italic)
        self._guidance_quiet: bool | None = None
        self.empty = QLabel(
            self.tr("Select text in the source and press Ctrl+%1, or drag it here.").replace("%1", str(index + 1)),
            self,
        )
        self.empty.setObjectName("sectionEmpty")
        quiet(self.empty)
        self.empty.setWordWrap(True)
        self.drop_line = QFrame(self)
        self.drop_line.setObjectName("dropIndicator")
        self.drop_line.setFixedHeight(3)
        self.drop_line.setStyleSheet(f"background:{colour.name()};")
        self.drop_line.hide()
        self.column = CardColumn(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 14, 0, 10)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.guidance)
        layout.addWidget(self.empty)
        layout.addWidget(self.column)
        self.words = 0

    def ordered_ids(self) -> list[str]:
        return [card.item_id for card in self.column.order() if isinstance(card, ItemWidget)]

    def update_count(self, words: int) -> None:
        self.words = words
        if self.budget:
            self.count.setText(self.tr("%1 / %2 words").replace("%1", str(words)).replace("%2", str(self.budget)))
            over = words > self.budget
        else:
            self.count.setText(self.tr("1 word") if words == 1 else self.tr("%1 words").replace("%1", str(words)))
            over = False
        warn(self.count, over)
        has_items = bool(self.widgets)
        if self.empty.isHidden() == (not has_items):
            self.empty.setVisible(not has_items)
        # Guidance stays, but quietly, once the section has content.
        if self._guidance_quiet != has_items:
            self._guidance_quiet = has_items
            if has_items:
                quiet(self.guidance, italic=True, scale=0.9)
            else:
                self.guidance.setPalette(self.palette())
                self.guidance.setFont(QFont(self.guidance.font().family(), self.font().pointSize(), italic=True))

    # --- drops ---------------------------------------------------------------------------------------

    def _drop_index(self, pos: QPoint) -> int:
        ids = self.ordered_ids()
        for index, item_id in enumerate(ids):
            widget = self.widgets[item_id]
            if pos.y() < self.column.card_rect(widget, self).center().y():
                return index
        return len(ids)

    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        mime = event.mimeData()
        return mime.hasFormat(PASSAGE_MIME) or mime.hasFormat(ITEM_MIME)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not self._accepts(event):
            event.ignore()
            return
        event.acceptProposedAction()
        index = self._drop_index(event.position().toPoint())
        ids = self.ordered_ids()
        if index < len(ids):
            y = self.column.card_rect(self.widgets[ids[index]], self).top() - 3
        elif ids:
            y = self.column.card_rect(self.widgets[ids[-1]], self).bottom() + 2
        else:
            y = self.empty.geometry().bottom() + 2
        self.drop_line.setGeometry(0, y, self.width(), 3)
        self.drop_line.show()
        self.drop_line.raise_()

    def dragLeaveEvent(self, event) -> None:
        self.drop_line.hide()

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_line.hide()
        mime = event.mimeData()
        index = self._drop_index(event.position().toPoint())
        if mime.hasFormat(PASSAGE_MIME):
            import json  # loaded on the first drop, not at start-up

            data = json.loads(bytes(mime.data(PASSAGE_MIME).data()).decode())
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.passageDropped.emit(self.section_id, str(data["source"]), int(data["start"]), int(data["end"]), index)
        elif mime.hasFormat(ITEM_MIME):
            item_id = bytes(mime.data(ITEM_MIME).data()).decode()
            if item_id in self.widgets and self.ordered_ids().index(item_id) < index:
                index -= 1  # the index counts the item's own old place
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self.itemDropped.emit(item_id, self.section_id, index)
        else:
            event.ignore()

    def mousePressEvent(self, event) -> None:
        self.clicked.emit(self.section_id)
        super().mousePressEvent(event)


class BriefingView(QScrollArea):
    """Shows the Briefing; refreshes from each Change, creating widgets only for items that are new."""

    itemSelected = Signal(str)
    sectionSelected = Signal(str)
    editCommitted = Signal(str, str)
    passageDropped = Signal(str, str, int, int, int)
    itemDropped = Signal(str, str, int)
    titleEdited = Signal(str, str)
    itemContextMenu = Signal(str, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefingView")
        self.setAccessibleName(self.tr("Briefing note"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        outer = QWidget(self)
        outer.setObjectName("notePage")
        page_background(outer)
        row = QHBoxLayout(outer)
        row.setContentsMargins(0, 0, 0, 0)
        self.page = QWidget(outer)
        self.page.setObjectName("noteColumn")
        self.page.setMaximumWidth(COLUMN_WIDTH)
        row.addStretch(1)
        row.addWidget(self.page, 100)
        row.addStretch(1)
        self.page_layout = QVBoxLayout(self.page)
        self.page_layout.setContentsMargins(36, 24, 36, 48)
        self.page_layout.setSpacing(0)
        self.title_block = TitleBlockWidget(self.page)
        self.title_block.edited.connect(self.titleEdited)
        self.page_layout.addWidget(self.title_block)
        self.page_layout.addStretch(1)
        self.setWidget(outer)
        self.sections: dict[str, SectionWidget] = {}
        self.briefing: Briefing | None = None
        self.selected_item: str | None = None
        self.current_section: str | None = None
        self._words: dict[str, tuple[int, int]] = {}  # item id -> (id of item object, words)
        self.read_only = False

    # --- building ------------------------------------------------------------------------------------

    def rebuild(self, briefing: Briefing, template: Template) -> None:
        # Built while hidden: thousands of cards then cost one layout pass, not one each.
        visible = self.page.isVisible()
        self.page.hide()
        try:
            self._rebuild(briefing, template)
        finally:
            if visible or not self.isVisible():
                self.page.show()

    def _rebuild(self, briefing: Briefing, template: Template) -> None:
        self.briefing = briefing
        for widget in self.sections.values():
            self.page_layout.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.sections = {}
        self.selected_item = None
        self._words = {}
        self.title_block.build(template, briefing.title_block)
        for index, section in enumerate(briefing.sections):
            try:
                spec: SectionSpec | None = template.section(section.id)
            except KeyError:
                spec = None
            widget = SectionWidget(section, spec, index, self.page)
            widget.passageDropped.connect(self.passageDropped)
            widget.itemDropped.connect(self.itemDropped)
            widget.clicked.connect(self._section_clicked)
            self.page_layout.insertWidget(self.page_layout.count() - 1, widget)
            self.sections[section.id] = widget
            self._sync_section(section)
        self.current_section = briefing.sections[0].id if briefing.sections else None

    def apply_change(self, change: Change) -> None:
        assert self.briefing is not None
        if change.title_block:
            self.title_block.set_values(self.briefing.title_block)
        touched = set(change.sections)
        for item_id in change.items:
            with contextlib.suppress(KeyError):
                touched.add(self.briefing.find_item(item_id)[0].id)
        refresh = set(change.items)
        if change.sources:
            for section, excerpt in self.briefing.excerpts():
                if excerpt.source_id in change.sources:
                    touched.add(section.id)
                    refresh.add(excerpt.id)
        for section in self.briefing.sections:
            if section.id in touched:
                self._sync_section(section, refresh)
        if self.selected_item and self.card(self.selected_item) is None:
            self.selected_item = None

    def _sync_section(self, section: Section, refresh: frozenset[str] | set[str] = frozenset()) -> None:
        """Make the section's cards match its items: reuse, reorder, create and remove as needed."""
        assert self.briefing is not None
        widget = self.sections[section.id]
        colour = section_colour(widget.index)
        wanted = [item.id for item in section.items]
        keep = set(wanted)
        for item_id in [i for i in widget.widgets if i not in keep]:
            gone = widget.widgets.pop(item_id)
            widget.column.remove(gone)
            gone.hide()
            gone.deleteLater()
        current = widget.ordered_ids()
        for position, item in enumerate(section.items):
            item_id = item.id
            in_place = position < len(current) and current[position] == item_id
            card = widget.widgets.get(item_id)
            if card is None:  # new, or moved in from another section
                card = self._adopt(item, widget)
                self._fill(card, item, colour)
            elif item_id in refresh:
                self._fill(card, item, colour)
            if in_place:
                continue
            # Out of place (new, moved in, or reordered): take it out and put it where it belongs.
            if item_id in current:
                current.remove(item_id)
                widget.column.remove(card)
            widget.column.insert(position, card)
            current.insert(position, item_id)
        widget.update_count(sum(self._count(item) for item in section.items))

    def _adopt(self, item: Item, section_widget: SectionWidget) -> ItemWidget:
        # A card that moved from another section is reused, not rebuilt.
        for other in self.sections.values():
            if other is not section_widget and item.id in other.widgets:
                card = other.widgets.pop(item.id)
                other.column.remove(card)
                other.update_count(other.words)
                section_widget.widgets[item.id] = card
                return card
        card = ItemWidget(item, section_widget.column)
        card.editable = not self.read_only
        card.activated.connect(self._item_activated)
        card.editFinished.connect(self.editCommitted)
        card.navigate.connect(self._navigate)
        card.contextRequested.connect(self.itemContextMenu)
        section_widget.widgets[item.id] = card
        return card

    def _fill(self, card: ItemWidget, item: Item, colour: QColor) -> None:
        assert self.briefing is not None
        cite = citation(self.briefing, item) if isinstance(item, Excerpt) else ""
        card.set_item(item, cite, colour)
        card.set_selected(item.id == self.selected_item)

    def _section_of_card(self, card: ItemWidget) -> str:
        for section_id, widget in self.sections.items():
            if widget.widgets.get(card.item_id) is card:
                return section_id
        raise KeyError(card.item_id)

    def _count(self, item: Item) -> int:
        text = item.anchor.exact if isinstance(item, Excerpt) else item.text
        cached = self._words.get(item.id)
        if cached is not None and cached[0] == hash(text):
            return cached[1]
        words = item_words(item)
        self._words[item.id] = (hash(text), words)
        return words

    # --- totals --------------------------------------------------------------------------------------

    def total_words(self) -> int:
        return sum(s.words for s in self.sections.values())

    # --- selection -----------------------------------------------------------------------------------

    def card(self, item_id: str) -> ItemWidget | None:
        for section in self.sections.values():
            if item_id in section.widgets:
                return section.widgets[item_id]
        return None

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.title_block.set_read_only(read_only)
        for section in self.sections.values():
            for card in section.widgets.values():
                card.editable = not read_only

    def select_item(self, item_id: str, *, focus: bool = True) -> None:
        card = self.card(item_id)
        if card is None:
            return
        if not card.isVisible() and self.isVisible():
            card.show()  # a card added in this event loop pass is shown by its layout only on the next
        if focus:
            if not card.hasFocus():
                card.setFocus(Qt.FocusReason.OtherFocusReason)  # -> activated -> _item_activated
            if not card.hasFocus():  # the window is not active: select all the same
                self._item_activated(item_id)
        self._mark_selected(item_id)
        self._scroll_to(item_id)

    def _mark_selected(self, item_id: str | None) -> None:
        if self.selected_item and self.selected_item != item_id:
            old = self.card(self.selected_item)
            if old is not None:
                old.set_selected(False)
        self.selected_item = item_id
        if item_id:
            card = self.card(item_id)
            if card is not None:
                card.set_selected(True)
                self.current_section = self._section_of_card(card)

    def _item_activated(self, item_id: str) -> None:
        self._mark_selected(item_id)
        self._scroll_to(item_id)
        self.itemSelected.emit(item_id)

    def _scroll_to(self, item_id: str, *, again: bool = True) -> None:
        card = self.card(item_id)
        if card is None or item_id != self.selected_item:
            return
        self.ensureWidgetVisible(card, 20, 40)
        if again:  # a change made in this pass of the event loop is laid out (the page resized) only after it
            QTimer.singleShot(0, self, lambda: self._scroll_to(item_id, again=False))

    def _section_clicked(self, section_id: str) -> None:
        self.current_section = section_id
        self.sectionSelected.emit(section_id)

    def _navigate(self, item_id: str, step: int) -> None:
        assert self.briefing is not None
        ids = [item.id for section in self.briefing.sections for item in section.items]
        if item_id in ids:
            target = ids.index(item_id) + step
            if 0 <= target < len(ids):
                self.select_item(ids[target])
            elif target < 0:
                self.title_block.focusNextChild()
                first = next(iter(self.title_block.fields.values()), None)
                if first is not None:
                    first.setFocus()
