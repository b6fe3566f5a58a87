"""The note pane: title block, then the template's sections with guidance, word counts and their item cards."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from briefing.core.citation import place
from briefing.core.model import Briefing, Excerpt, Item, Section
from briefing.core.templates import SectionSpec, Template
from briefing.gui.column import CardColumn
from briefing.gui.i18n import in_interface_language, interface_is_french, shown_headings, shown_label
from briefing.gui.items import ITEM_MIME, ItemWidget, item_words, note_words
from briefing.gui.source_view import PASSAGE_MIME
from briefing.gui.style import page_background, quiet, scaled_font, section_colour, text_colour_on, warn
from briefing.gui.title_block import TitleBlockWidget

if TYPE_CHECKING:
    from briefing.core.operations import Change, EditItemText
    from briefing.gui.document import BriefingDocument

COLUMN_WIDTH = 920  # a readable line length for the note, however wide the window
NOTE_SHARE = 0.6  # of the window, about the note pane's by default (the main window's splitter: hints, then 5:6)
# A big note opens with the cards a screen can show; the rest are made in batches after the first paint (about a
# millisecond each: 2,000 cards made at once kept the window from showing for seconds).
EAGER_CARDS = 24  # in note order, before the window shows: more than the tallest screen holds
BATCH_CARDS = 20  # per pass of the event loop afterwards (20-50 ms), so the window stays responsive
CARD_HEIGHT_GUESS = 72  # pixels a card not made yet reserves, so the scroll bar hardly moves as cards arrive
TYPING_COUNT_MS = 200  # the words of a note being written are counted this long after typing pauses


def citation(briefing: Briefing, excerpt: Excerpt) -> str:
    try:
        source = briefing.source(excerpt.source_id)
    except KeyError:
        return QCoreApplication.translate("BriefingView", "⚠ source removed")
    if excerpt.flag == "lost":
        # its passage is not in this version of the source: no place to cite (its card says so)
        return shown_label(source)
    # as the export's footnote gives it, in the interface language: the card is read with the rest of the window
    # ("paragr. 4" in French), whatever language the note is exported in
    where = place(source, excerpt.anchor.start, excerpt.anchor.end, "fr" if interface_is_french() else "en")
    if not where:
        return shown_label(source)
    return QCoreApplication.translate("BriefingView", "%1 · %2").replace("%1", shown_label(source)).replace("%2", where)


class SectionHeading(QLabel):
    accessible_role = QAccessible.Role.Heading  # screen readers jump from heading to heading (gui/accessible.py)
    accessible_level = 1  # each section a top-level heading of the note, as in the exported PDF's H1s


class EmptySlot(QLabel):
    """What an empty section shows. It takes focus, as a stop for Up and Down, so the keyboard reaches the section:
    Enter (or Ctrl+N) adds a note there, Ctrl+1 … files the selected passage there."""

    focused = Signal(str)  # section id
    navigate = Signal(str, int)  # section id, -1 up / +1 down
    addNote = Signal(str)  # section id

    def __init__(self, section_id: str, heading: str, text: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.section_id = section_id
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("%1, empty section").replace("%1", heading))
        self.setAccessibleDescription(text + " " + self.tr("Enter adds a note here."))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.setFrameShape(QFrame.Shape.Box)  # where the focus is, for sighted keyboard users
        self.focused.emit(self.section_id)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, plain = event.key(), not event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.addNote.emit(self.section_id)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and plain:
            self.navigate.emit(self.section_id, -1 if key == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)


class SectionWidget(QFrame):
    """A heading with its word count against the budget, its guidance, and its items; a drop target."""

    passageDropped = Signal(str, str, int, int, int)  # section id, source id, start, end, index
    itemDropped = Signal(str, str, int)  # item id, section id, index
    clicked = Signal(str)

    def __init__(
        self, section: Section, spec: SectionSpec | None, index: int, parent: QWidget | None = None, heading: str = ""
    ) -> None:
        """heading: the one shown (i18n.shown_heading: the note's language decides); default the English one."""
        super().__init__(parent)
        self.section_id = section.id
        self.index = index
        self.budget = spec.word_budget if spec else None
        self.setObjectName(f"section_{section.id.replace('-', '_')}")
        heading = heading or section.heading
        self.setAccessibleName(heading)
        self.setAcceptDrops(True)
        self.widgets: dict[str, ItemWidget] = {}  # the cards made so far
        self.pending: list[str] = []  # the items after them, in order, whose cards are still to be made
        self._reserve: QWidget | None = None  # the room the pending cards will take
        colour = section_colour(index)
        chip = QLabel(str(index + 1) if index < 9 else "", self)
        chip.setObjectName("sectionChip")
        chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        chip.setFixedSize(22, 22)
        text_colour = text_colour_on(colour).name()
        chip.setStyleSheet(f"background:{colour.name()}; color:{text_colour}; border-radius:11px; font-weight:600;")
        chip.setToolTip(self.tr("Ctrl+%1 files the selected passage here").replace("%1", str(index + 1)))
        self.heading = SectionHeading(heading, self)
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
        self.guidance = QLabel(in_interface_language(spec.guidance, spec.guidance_fr) if spec else "", self)
        self.guidance.setObjectName("sectionGuidance")
        self.guidance.setWordWrap(True)
        self.guidance.setVisible(bool(spec and spec.guidance))
        italic = QFont(self.guidance.font())
        italic.setItalic(True)
        self.guidance.setFont(italic)
        self._guidance_quiet: bool | None = None
        self.empty = EmptySlot(
            section.id,
            heading,
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
        self.column.setAccessibleName(heading)  # "Background, list, 3 items"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 14, 0, 10)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.guidance)
        layout.addWidget(self.empty)
        layout.addWidget(self.column)
        self.words = 0

    def show_heading(self, heading: str) -> None:
        """Name the section anew (the note's language changed): its heading and what a screen reader hears."""
        self.setAccessibleName(heading)
        self.heading.setText(heading)
        self.empty.setAccessibleName(self.tr("%1, empty section").replace("%1", heading))
        self.column.setAccessibleName(heading)

    def ordered_ids(self) -> list[str]:
        """The items as the section shows them: its cards, then those still to be made."""
        return [card.item_id for card in self.cards()] + self.pending

    def cards(self) -> list[ItemWidget]:
        return [card for card in self.column.order() if isinstance(card, ItemWidget)]

    def set_pending(self, item_ids: list[str]) -> None:
        self.pending = item_ids
        if self._reserve is None:
            if not item_ids:
                return
            self._reserve = QWidget(self)
            self._reserve.setObjectName("pendingCards")
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self._reserve)
        self._reserve.setFixedHeight(len(item_ids) * CARD_HEIGHT_GUESS)
        self._reserve.setVisible(bool(item_ids))

    def update_count(self, words: int) -> None:
        self.words = words
        if self.budget:
            over = words > self.budget
            # over the budget is said in words too, not by the red alone (a reader, a colour-blind analyst)
            text = self.tr("%1 / %2 words, %3 over") if over else self.tr("%1 / %2 words")
            text = text.replace("%3", str(words - self.budget))
            self.count.setText(text.replace("%1", str(words)).replace("%2", str(self.budget)))
        else:
            self.count.setText(self.tr("1 word") if words == 1 else self.tr("%n words", "", words))
            over = False
        warn(self.count, over)
        has_items = bool(self.widgets or self.pending)
        if self.empty.isHidden() == (not has_items):
            if has_items and self.empty.hasFocus():
                # Hidden with the keyboard on it, Qt would pass the focus to the next empty section (a screen reader
                # says it): first let the change put the keyboard where it belongs (Enter: the new note's editor).
                QTimer.singleShot(0, self, self._hide_focused_slot)
            else:
                self.empty.setVisible(not has_items)
        # Guidance stays, but quietly, once the section has content.
        if self._guidance_quiet != has_items:
            self._guidance_quiet = has_items
            if has_items:
                quiet(self.guidance, italic=True, scale=0.9)
            else:
                self.guidance.setPalette(self.palette())
                self.guidance.setFont(QFont(self.guidance.font().family(), self.font().pointSize(), italic=True))

    def _hide_focused_slot(self) -> None:
        if not (self.widgets or self.pending):
            return
        cards = self.cards()
        if self.empty.hasFocus() and cards:
            cards[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.empty.hide()

    # --- drops ---------------------------------------------------------------------------------------

    def _drop_index(self, pos: QPoint) -> int:
        for index, card in enumerate(self.cards()):
            if pos.y() < self.column.card_rect(card, self).center().y():
                return index
        return len(self.ordered_ids())

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
        cards = self.cards()
        if index < len(cards):
            y = self.column.card_rect(cards[index], self).top() - 3
        elif cards:
            y = self.column.card_rect(cards[-1], self).bottom() + 2
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
    """Shows the document's Briefing; refreshes from each Change, creating widgets only for items that are new,
    and shows what an Undo or Redo step did."""

    accessible_role = QAccessible.Role.Document  # the note, read as a document (Qt's default: a generic filler)
    wordsChanged = Signal(int)  # the note's words, after each rebuild and change
    itemSelected = Signal(str)
    sectionSelected = Signal(str)
    addNoteRequested = Signal(str)  # section id: Enter on an empty section
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
        self._batch_timer = QTimer(self, singleShot=True, interval=0)
        self._batch_timer.timeout.connect(self._make_batch)
        self._typing: str | None = None  # the item whose open editor's text changed last
        self._typing_timer = QTimer(self, singleShot=True, interval=TYPING_COUNT_MS)
        self._typing_timer.timeout.connect(self._count_typing)

    def minimumSizeHint(self) -> QSize:
        """No narrower than the note's least width (the title block's labels and fields, a card's row): the
        divider stops there, rather than give the note a sideways scroll bar (View > Widen Source Pane at its
        limit)."""
        hint, note = super().minimumSizeHint(), self.widget()
        if note is None:  # while being made
            return hint
        least = note.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), least + 2 * self.frameWidth()), hint.height())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the note's least width may have changed (a note rebuilt)
            self.updateGeometry()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The column widens by what the note pane was given beyond its default share of the window (View > Widen
        # Note, the divider dragged): the analyst widened the note for the note, not for margins beside it.
        gained = self.width() - self.window().width() * NOTE_SHARE
        self.page.setMaximumWidth(COLUMN_WIDTH + max(round(gained), 0))

    # --- following the document ---------------------------------------------------------------------

    def follow(self, document: BriefingDocument) -> None:
        self.document = document
        document.reset.connect(self._document_reset)
        document.changed.connect(self._document_changed)

    def _document_reset(self) -> None:
        document = self.document
        self.rebuild(document.briefing, document.template)
        self.verticalScrollBar().setValue(0)  # another briefing starts at its top, not where the last one was read
        self.set_read_only(document.read_only)  # the rebuilt title block and cards follow the mode
        self.wordsChanged.emit(self.total_words())

    def _document_changed(self, change: Change, step: bool) -> None:
        focus = QApplication.focusWidget()
        keyboard_in_note = focus is None or self.isAncestorOf(focus)  # before cards come and go
        leaving = self._selection_leaving() if step and keyboard_in_note else None
        if leaving is not None:  # its card goes: the keyboard stays in the note, not on the next widget in the window
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        moving = self._card_changing_section(focus, change) if leaving is None else None
        if moving is not None:  # re-parented, Qt would hand the keyboard to the next card (a reader says it) first
            moving.clearFocus()
        self.apply_change(change)
        moved = self.card(moving.item_id) if moving is not None and QApplication.focusWidget() is None else None
        if moved is not None:  # its card (rebuilt, if it moved down) takes the keyboard back
            moved.setFocus(Qt.FocusReason.OtherFocusReason)
        if leaving is not None:  # the redo of a delete, the undo of a filing: as Delete leaves it
            self.select_or_focus(leaving[1], leaving[0])
        elif step:
            self._show_step(change, keyboard_in_note)
        self.wordsChanged.emit(self.total_words())

    def _card_changing_section(self, focus: QWidget | None, change: Change) -> ItemWidget | None:
        """The card with the keyboard, when the change moves its item to another section."""
        if not isinstance(focus, ItemWidget) or focus.item_id not in change.items or self.briefing is None:
            return None
        try:
            section = self.briefing.find_item(focus.item_id)[0].id
        except KeyError:
            return None
        return focus if section != self._section_of_card(focus) else None

    def _show_step(self, change: Change, keyboard_in_note: bool) -> None:
        """Undo and Redo show what they did: the item a step brings back, moves or edits is selected and scrolled
        into view, with the keyboard if the keyboard was in the note. A step that names several items (the undo of
        removing a source with its excerpts) selects none of them."""
        if len(change.items) != 1:
            return
        (item_id,) = change.items
        if self.card(item_id) is not None:  # not the undo of a filing, say: that item is gone
            self.select_item(item_id, focus=keyboard_in_note)

    def _selection_leaving(self) -> tuple[str, str | None] | None:
        """When a change has taken the selected item out of the note: its section and the item to select instead,
        the next one still in the note or else the one before (None when the note is empty). Read from the cards,
        which are still as they were; None when the selected item is still there."""
        assert self.briefing is not None
        present = {item.id for section in self.briefing.sections for item in section.items}
        if self.selected_item is None or self.selected_item in present:
            return None
        shown = [
            (section_id, item_id) for section_id, widget in self.sections.items() for item_id in widget.ordered_ids()
        ]
        position = [item_id for _, item_id in shown].index(self.selected_item)
        after = [item_id for _, item_id in shown[position + 1 :] if item_id in present]
        before = [item_id for _, item_id in shown[:position] if item_id in present]
        return shown[position][0], (after[0] if after else before[-1] if before else None)

    def select_or_focus(self, item_id: str | None, section_id: str) -> None:
        """Keep the keyboard in the note: select this item, or (none left) the note itself, with the section
        current so that Ctrl+N adds there."""
        if item_id is not None and self.card(item_id) is not None:
            self.select_item(item_id)
            return
        self.current_section = section_id
        self.setFocus(Qt.FocusReason.OtherFocusReason)

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
        self._batch_timer.stop()
        self.briefing = briefing
        for widget in self.sections.values():
            self.page_layout.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.sections = {}
        self.selected_item = None
        self._words = {}
        self._typing = None
        self.title_block.build(template, briefing.title_block)
        eager = EAGER_CARDS
        headings = shown_headings(briefing)
        for index, section in enumerate(briefing.sections):
            try:
                spec: SectionSpec | None = template.section(section.id)
            except KeyError:
                spec = None
            widget = SectionWidget(section, spec, index, self.page, headings[section.id])
            widget.passageDropped.connect(self.passageDropped)
            widget.itemDropped.connect(self.itemDropped)
            widget.clicked.connect(self._section_clicked)
            widget.empty.focused.connect(self._slot_focused)
            widget.empty.navigate.connect(lambda section_id, step: self._go(("", section_id), step))
            widget.empty.addNote.connect(self.addNoteRequested)
            self.page_layout.insertWidget(self.page_layout.count() - 1, widget)
            self.sections[section.id] = widget
            self._sync_section(section, limit=eager)
            eager = max(0, eager - len(section.items))
        self.current_section = briefing.sections[0].id if briefing.sections else None
        if self.has_pending():  # the rest once the note has been painted
            self.page.installEventFilter(self)

    # --- cards made after the first paint ------------------------------------------------------------

    def has_pending(self) -> bool:
        return any(widget.pending for widget in self.sections.values())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page and event.type() == QEvent.Type.Paint:
            self.page.removeEventFilter(self)
            self._batch_timer.start()
        return False

    def _make_batch(self) -> None:
        """The next few cards still to be made, in note order; again on the next pass until none is left."""
        assert self.briefing is not None
        for section in self.briefing.sections:
            widget = self.sections[section.id]
            if widget.pending:
                self._sync_section(section, limit=len(widget.widgets) + BATCH_CARDS)
                break
        if self.has_pending():
            self._batch_timer.start()

    def apply_change(self, change: Change) -> None:
        assert self.briefing is not None
        if change.title_block:
            self.title_block.set_values(self.briefing.title_block)
            for section_id, heading in shown_headings(self.briefing).items():  # the note's language may have changed
                self.sections[section_id].show_heading(heading)
            for shown in self.sections.values():  # and with it the spelling of what is typed in a card
                for card in shown.widgets.values():
                    card.set_note_language(self.briefing.title_block.language)
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
                self._sync_section(section, refresh, self._made_through(section))
        if self.selected_item and self.card(self.selected_item) is None:
            self.selected_item = None

    def _made_through(self, section: Section) -> int | None:
        """For a section whose cards are still being made: how many of its items (in the changed model) to make
        cards for now, so that every card it has stays in order and the rest wait; None for a complete section."""
        widget = self.sections[section.id]
        if not widget.pending:
            return None
        positions = [index for index, item in enumerate(section.items) if item.id in widget.widgets]
        return positions[-1] + 1 if positions else 0

    def _sync_section(
        self, section: Section, refresh: frozenset[str] | set[str] = frozenset(), limit: int | None = None
    ) -> None:
        """Make the section's cards match its items: reuse, reorder, create and remove as needed. With a limit,
        only the first `limit` items get cards now; the others are pending."""
        assert self.briefing is not None
        widget = self.sections[section.id]
        colour = section_colour(widget.index)
        keep = {item.id for item in section.items}
        shown = section.items if limit is None else section.items[:limit]
        for item_id in [i for i in widget.widgets if i not in keep]:
            gone = widget.widgets.pop(item_id)
            widget.column.remove(gone)
            gone.hide()
            gone.deleteLater()
        current = [card.item_id for card in widget.cards()]
        for position, item in enumerate(shown):
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
        widget.set_pending([item.id for item in section.items[len(shown) :]])
        widget.update_count(self._section_words(section))

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
        card.note_language = self.briefing.title_block.language if self.briefing is not None else ""
        card.activated.connect(self._item_activated)
        card.editFinished.connect(self.editCommitted)
        card.textTyped.connect(self._typed)
        card.editRefused.connect(self.document.refuse_read_only)
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

    def _section_words(self, section: Section) -> int:
        """The section's words, a note being written counted with what is typed in it (README: the counts follow
        typing, not only what was committed)."""
        typing = self.typed_edit()
        typed = typing.item_id if typing is not None else None
        return sum(
            note_words(typing.text) if typing is not None and item.id == typed and item.kind == "note"
            else self._count(item)
            for item in section.items
        )  # fmt: skip

    def typed_edit(self) -> EditItemText | None:
        """The open editor's text not committed yet, as the change leaving it would make (None if unchanged). The
        page count lays the note out with it; the card's editor, not the keyboard, says what is being written, so
        a note left open while another window has the keyboard still counts."""
        if self._typing is None:
            return None
        card = next((s.widgets[self._typing] for s in self.sections.values() if self._typing in s.widgets), None)
        text = card.typed() if card is not None else None
        if text is None:
            return None
        from briefing.core.operations import EditItemText  # (not loaded at start-up)

        return EditItemText(self._typing, text)

    def _typed(self, item_id: str) -> None:
        self._typing = item_id
        self._typing_timer.start()  # restarts: counted once typing pauses

    def _count_typing(self) -> None:
        """The section's and the note's words with the text being typed; wordsChanged has the pages counted again
        (on a worker, half a second later: page_count.py)."""
        if self._typing is None or self.briefing is None:
            return
        try:
            section = self.briefing.find_item(self._typing)[0]
        except KeyError:  # deleted meanwhile
            return
        widget = self.sections.get(section.id)
        if widget is not None:
            widget.update_count(self._section_words(section))
            self.wordsChanged.emit(self.total_words())

    # --- selection -----------------------------------------------------------------------------------

    def card(self, item_id: str) -> ItemWidget | None:
        """The item's card (made now if it was still to be made), or None when the note has no such item."""
        for section in self.sections.values():
            if item_id in section.widgets:
                return section.widgets[item_id]
            if item_id in section.pending and self.briefing is not None:  # made now, with those before it
                model = self.briefing.section(section.section_id)
                ids = [item.id for item in model.items]
                if item_id in ids:
                    self._sync_section(model, limit=ids.index(item_id) + 1)
                return section.widgets.get(item_id)
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

    def _slot_focused(self, section_id: str) -> None:
        self._mark_selected(None)  # Ctrl+N adds to this section, not after a card elsewhere
        self._section_clicked(section_id)

    def _navigate(self, item_id: str, step: int) -> None:
        self._go((item_id, ""), step)

    def _go(self, stop: tuple[str, str], step: int) -> None:
        """Up or Down from a card or an empty section's slot (the stops, as (item id, "") or ("", section id))."""
        assert self.briefing is not None
        stops = [
            each
            for section in self.briefing.sections
            for each in ([(item.id, "") for item in section.items] or [("", section.id)])
        ]
        if stop in stops:
            target = stops.index(stop) + step
            if 0 <= target < len(stops):
                item_id, empty_section = stops[target]
                if item_id:
                    self.select_item(item_id)
                else:
                    slot = self.sections[empty_section].empty
                    slot.setFocus(Qt.FocusReason.OtherFocusReason)
                    self.ensureWidgetVisible(slot, 20, 40)
            # Past the first or last stop, the focus stays put: the title block, above, is reached by Shift+Tab,
            # which scrolls it into view (Up once sent the focus into a title field scrolled out of sight).
