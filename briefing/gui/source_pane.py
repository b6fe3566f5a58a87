"""The side pane: the briefing's sources, and the open source's metadata and readable text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.core.citation import EMAIL_FORMATS, ocr_note
from briefing.core.model import Briefing, Excerpt, Source
from briefing.gui.i18n import interface_is_french, local_time, shown_attachment, shown_heading, shown_label
from briefing.gui.source_view import SourceView, Span
from briefing.gui.style import page_background, scaled_font

if TYPE_CHECKING:
    from PySide6.QtCore import QPersistentModelIndex

    from briefing.core.operations import Change
    from briefing.gui.document import BriefingDocument
    from briefing.gui.find import FindBar

ID_ROLE = Qt.ItemDataRole.UserRole
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1


def _escape(text: str) -> str:
    """html.escape(text, quote=True), without importing html (and its 2,000-entry entity table) at start-up."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#x27;")


def source_details(source: Source) -> str:
    """The line under a source's title in the list: publisher · date · author, else its file, else for a paste
    "Pasted text · " its local date (not the format code "paste")."""
    m = source.meta
    shown = " · ".join(p for p in (m.publisher, m.published[:10], m.author) if p) or m.file_name
    if shown or m.format != "paste":
        return shown or m.format
    pasted = QCoreApplication.translate("SourcePane", "Pasted text")
    when = QDateTime.fromString(m.imported_at, Qt.DateFormat.ISODate)
    return f"{pasted} · {when.toLocalTime().date().toString(Qt.DateFormat.ISODate)}" if when.isValid() else pasted


def spans_for(briefing: Briefing, source_id: str) -> list[Span]:
    spans = []
    for index, section in enumerate(briefing.sections):
        for item in section.items:
            if isinstance(item, Excerpt) and item.source_id == source_id:
                heading = shown_heading(section, briefing.title_block.language)
                spans.append(Span(item.id, item.anchor.start, item.anchor.end, index, heading))
    return spans


def row_height(font: QFont) -> int:
    return QFontMetrics(font).height() * 2 + 14


class _SourceDelegate(QStyledItemDelegate):
    """Two lines per source: its title, then publisher · date in a quieter colour."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # No width of its own: a row is as wide as the list, however the pane is resized (titles are elided).
        return QSize(0, row_height(option.font))

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else None
        title, details = option.text, index.data(DETAIL_ROLE) or ""
        option.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        rect = option.rect.adjusted(10, 6, -8, -6)
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(bold)
        painter.setFont(bold)
        painter.setPen(option.palette.color(group, text_role))
        line = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        painter.drawText(
            line, Qt.AlignmentFlag.AlignLeft, metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
        )
        painter.setFont(option.font)
        colour = option.palette.color(group, text_role)
        if not selected:
            colour = option.palette.color(group, QPalette.ColorRole.PlaceholderText)
        painter.setPen(colour)
        line.translate(0, metrics.height() + 2)
        small = QFontMetrics(option.font)
        painter.drawText(
            line, Qt.AlignmentFlag.AlignLeft, small.elidedText(details, Qt.TextElideMode.ElideRight, rect.width())
        )
        if option.state & QStyle.StateFlag.State_HasFocus and widget is not None and widget.hasFocus():
            # The keyboard is here: a frame, as the note's cards show theirs (the selection alone looks the same
            # with or without focus).
            frame = option.palette.color(group, text_role if selected else QPalette.ColorRole.Highlight)
            painter.setPen(QPen(frame, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        painter.restore()


class _WholeLabel(QLabel):
    """A word-wrapped label never given less height than its text needs: in a short window (200 % on a 1366×768
    screen) the source header lost half its file name line; the source text below, which scrolls, gives way."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self._hold()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._hold()

    def _hold(self) -> None:
        held = self.minimumHeight()
        self.setMinimumHeight(0)  # QLabel's heightForWidth is never less than its minimum: it would only grow
        height = self.heightForWidth(self.width())
        self.setMinimumHeight(max(height, 0) if self.width() > 0 else held)


class SourcePane(QWidget):
    """The list, the current source's details and its text with the excerpts filed from it highlighted; follows
    the document it is given (follow), refreshing from each change only what the change names."""

    currentSourceChanged = Signal(str)
    findBarCreated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcePane")
        self.list = QListWidget(self)
        self.list.setObjectName("sourceList")
        self.list.setAccessibleName(self.tr("Sources"))
        self.list.setItemDelegate(_SourceDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        self.list.currentItemChanged.connect(self._current_changed)
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(6, 2, 6, 2)
        heading = QLabel(self.tr("Sources"), self)
        heading.setObjectName("sourcesHeading")
        heading.setFont(scaled_font(heading, 1.0, QFont.Weight.DemiBold))
        heading.setContentsMargins(2, 4, 2, 4)
        self.buttons.addWidget(heading)
        self.buttons.addStretch(1)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(0)
        top_layout.addLayout(self.buttons)
        top_layout.addWidget(self.list)

        reader = QWidget(self)
        reader.setObjectName("sourceReader")
        reader_layout = QVBoxLayout(reader)
        reader_layout.setContentsMargins(0, 0, 0, 0)
        reader_layout.setSpacing(0)
        self.meta = _WholeLabel(reader)
        self.meta.setObjectName("sourceMeta")
        self.meta.setAccessibleName(self.tr("Source details"))
        self.meta.setWordWrap(True)
        # Its width is the pane's: a long unbroken word (a URL) must not widen the pane and squeeze the note.
        self.meta.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Selectable and its link clickable, but not a stop for Tab between the list and the text
        self.meta.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.meta.setOpenExternalLinks(True)
        self.meta.setContentsMargins(18, 12, 18, 8)
        page_background(self.meta)
        self._find_bar: FindBar | None = None  # created on first use: start-up stays quick
        self.reader = reader
        self.view = SourceView(reader)
        reader_layout.addWidget(self.meta)
        reader_layout.addWidget(self.view, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("sourceSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(reader)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.list_sized_by_hand = False  # until the divider is moved, the list fits its sources (fit_list)
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "list_sized_by_hand", True))
        self.fit_list()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    # --- following the document ---------------------------------------------------------------------

    def follow(self, document: BriefingDocument) -> None:
        self.document = document
        document.reset.connect(lambda: self.refresh_list(document.briefing, reload=True))
        document.changed.connect(self._document_changed)
        self.currentSourceChanged.connect(self.show_current)

    def show_current(self, source_id: str) -> None:
        briefing = self.document.briefing
        try:
            source = briefing.source(source_id)
        except KeyError:
            return
        self.show_source(briefing, source)

    def _document_changed(self, change: Change, _step: bool) -> None:
        briefing, view = self.document.briefing, self.view
        reloaded = False
        if change.sources:
            shown = view.source_id
            listed = {self.list.item(row).data(ID_ROLE) for row in range(self.list.count())}
            # a source that comes (back) with this change, as an Undo of Remove Source brings it, is selected
            back = next((s.id for s in briefing.sources if s.id in change.sources and s.id not in listed), None)
            self.refresh_list(briefing, back)  # loads another source only if the shown one went away, or came back
            current = self.current_source_id()
            reloaded = view.source_id != shown
            if current is not None and current in change.sources and not reloaded:
                source = briefing.source(current)
                if view.text_ref is not source.text:
                    self.show_current(current)
                    reloaded = True
                else:
                    self.show_meta(source)
        if view.source_id is None or reloaded:
            return
        # Only the highlights of the items the change names, and only in the text blocks they touch.
        index = {s.id: i for i, s in enumerate(briefing.sections)}
        for item_id in change.items:
            try:
                section, _, item = briefing.find_item(item_id)
            except KeyError:
                view.highlighter.remove(item_id)
                continue
            if isinstance(item, Excerpt) and item.source_id == view.source_id:
                a = item.anchor
                heading = shown_heading(section, briefing.title_block.language)
                view.highlighter.put(Span(item.id, a.start, a.end, index[section.id], heading))
            else:
                view.highlighter.remove(item_id)

    @property
    def find_bar(self) -> FindBar:
        if self._find_bar is None:
            from briefing.gui.find import FindBar

            self._find_bar = FindBar(self.reader)
            self._find_bar.hide()
            layout = self.reader.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(1, self._find_bar)
            self.findBarCreated.emit(self._find_bar)
        return self._find_bar

    def existing_find_bar(self) -> FindBar | None:
        """The find bar if it has been made (find_bar makes it)."""
        return self._find_bar

    def add_button(self, action) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        button.setObjectName(f"button_{action.objectName().removeprefix('action_')}")
        self.buttons.addWidget(button)
        return button

    # --- list ----------------------------------------------------------------------------------------

    def current_source_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item else None

    def current_source(self) -> Source | None:
        """The source selected in the list, if it is still in the briefing."""
        source_id = self.current_source_id()
        return next((source for source in self.document.briefing.sources if source.id == source_id), None)

    def refresh_list(self, briefing: Briefing, select: str | None = None, *, reload: bool = False) -> None:
        """The list of the briefing's sources; the reader loads another source only if the shown one went away,
        or on reload (another briefing, whose source may have the same id but other excerpts)."""
        keep = select or self.current_source_id()
        self.list.blockSignals(True)
        self.list.clear()
        for source in briefing.sources:
            item = QListWidgetItem(shown_label(source))
            item.setData(ID_ROLE, source.id)
            details = source_details(source)
            item.setData(DETAIL_ROLE, details)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, details)  # the second line, for screen readers
            item.setToolTip(f"{shown_label(source)}\n{details}")
            self.list.addItem(item)
        ids = [s.id for s in briefing.sources]
        target = keep if keep in ids else (ids[0] if ids else None)
        if target is not None:
            self.list.setCurrentRow(ids.index(target))
        self.list.blockSignals(False)
        self.fit_list()
        if target is None:
            self.show_empty()
        elif target != self.view.source_id or reload:
            self.currentSourceChanged.emit(target)

    def fit_list(self) -> None:
        """The list as tall as its sources, up to four (then it scrolls), leaving the rest to the reader."""
        if self.list_sized_by_hand:
            return
        rows = min(max(self.list.count(), 1), 4)
        top = self.buttons.sizeHint().height() + rows * row_height(self.list.font()) + 2
        total = sum(self.splitter.sizes()) or 900
        self.splitter.setSizes([top, max(total - top, 200)])

    def select_source(self, source_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == source_id:
                self.list.setCurrentRow(row)
                return

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.currentSourceChanged.emit(current.data(ID_ROLE))

    # --- reader --------------------------------------------------------------------------------------

    def show_source(self, briefing: Briefing, source: Source) -> None:
        self.show_meta(source)
        rtl = source.meta.direction == "rtl"
        self.view.show_text(source.id, source.text, spans_for(briefing, source.id), right_to_left=rtl)

    def show_meta(self, source: Source) -> None:
        m = source.meta
        lines = [f"<div style='font-size:large; font-weight:600'>{_escape(shown_label(source))}</div>"]
        details = " · ".join(_escape(p) for p in (m.author, m.publisher, m.published[:10]) if p)
        if details:
            lines.append(f"<div>{details}</div>")
        if m.url:  # a long link (tracking parameters...) is shortened in view; the link itself stays whole
            shown = m.url if len(m.url) <= 70 else f"{m.url[:48]}…{m.url[-20:]}"
            lines.append(f"<div><a href='{_escape(m.url)}'>{_escape(shown)}</a></div>")
        elif m.file_name and not (m.attached_to and m.format in EMAIL_FORMATS):  # (an attached e-mail has none)
            lines.append(f"<div>{_escape(m.file_name)}</div>")
        if m.attached_to:  # cited with the e-mail it came attached to
            lines.append(f"<div>{_escape(shown_attachment(source))}</div>")
        if m.ocr_pages:  # its words are a machine's reading of a scan: worth checking against the original
            lines.append(f"<div><i>{_escape(ocr_note(source, 'fr' if interface_is_french() else 'en'))}</i></div>")
        self.meta.setText("".join(lines))
        self.meta.setToolTip(self.tr("Imported %1").replace("%1", local_time(m.imported_at)) if m.imported_at else "")

    def show_empty(self) -> None:
        self.meta.setText(
            self.tr(
                "<b>No sources yet.</b><br>Add articles, reports or e-mails with <i>Source &gt; Add Source…</i>, "
                "drop files here, or paste with Ctrl+Shift+V."
            )
        )
        self.view.show_text(None, "", [])
