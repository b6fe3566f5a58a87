"""The PDF's own flowables (ReportLab): footnotes kept on the page of their mark, quotations with their bar and
mark, headings with their bookmark and rule, headings kept with the next paragraph's first lines, list items with
a label apart from their text, and the decision block's boxes and cells. pdf.py lays them out."""

from __future__ import annotations

from functools import partial
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.abag import ABag
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, FrameBreak, Paragraph, Table
from reportlab.platypus.frames import _FUZZ  # how far below its bottom the frame still accepts a flowable

from briefing.export.pdfmarkplace import PlacedMarks
from briefing.export.pdftags import artifact, draw_tagged, set_note_owner

GREY = colors.Color(0.35, 0.35, 0.35)
MARK_SIZE = 0.62  # a quotation's footnote mark, relative to its font size


def copied(frag: Any, **attrs: Any) -> Any:
    """ReportLab's frag.clone(**attrs) (a fragment with the same attributes, attrs set), without calling the class
    with every attribute as a keyword: the same object for half the cost, on the thousands of fragments a note
    copies. A class with an __init__ of its own is cloned by ReportLab."""
    kind = type(frag)
    if kind.__init__ is not ABag.__init__:
        return frag.clone(**attrs)
    copy = object.__new__(kind)
    attributes = copy.__dict__
    attributes.update(frag.__dict__)
    attributes.update(attrs)
    return copy


class FootnoteArea:
    """Footnotes placed on the current page, drawn at its foot when the page ends."""

    # points above the first footnote for the rule; the DOCX's separator paragraph is as high (docx_parts.py)
    separator = 6.0

    def __init__(self, width: float) -> None:
        self.width = width
        self.notes: list[tuple[Paragraph, float]] = []
        self._heights: dict[int, float] = {}

    def note_height(self, note: Paragraph) -> float:
        height = self._heights.get(id(note))
        if height is None:  # a footnote's width never changes, so it is laid out once
            height = self._heights[id(note)] = note.wrap(self.width, 1e6)[1] + note.getSpaceAfter()
        return height

    def height_of(self, notes: list[Paragraph]) -> float:
        height = sum(self.note_height(n) for n in notes)
        # the page's first footnotes bring the rule; the last footnote's space after may run into the margin
        return height + (self.separator - notes[-1].getSpaceAfter() if not self.notes else 0)

    def draw(self, canvas: Canvas, x: float, bottom: float) -> None:
        if not self.notes:
            return
        top = bottom + sum(h for _, h in self.notes) - self.notes[-1][0].getSpaceAfter() + self.separator
        with artifact(canvas):
            canvas.saveState()
            canvas.setStrokeColor(GREY)
            canvas.setLineWidth(0.5)
            canvas.line(x, top - 3, x + min(50 * mm, self.width / 3), top - 3)
            canvas.restoreState()
        y = top - self.separator
        for note, height in self.notes:
            draw_tagged(canvas, note, partial(note.drawOn, canvas, x, y - (height - note.getSpaceAfter())))
            y -= height
        self.notes = []


class Footnoted(Flowable):
    """A paragraph whose footnotes must sit on the page where it ends: it only fits with room for them."""

    def __init__(self, content: Paragraph, notes: list[Paragraph], area: FootnoteArea) -> None:
        super().__init__()
        self.content = content
        self.notes = notes
        self.area = area
        self._notes_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = self.content.wrap(availWidth, availHeight)
        self._notes_height = self.area.height_of(self.notes)
        self.width, self.height = width, height
        if height + self._notes_height > availHeight or availHeight >= 0xFFFFFF:
            # too tall here, so the frame moves it on or splits it; or measured inside a KeepTogether (a heading
            # kept with its first quotation), which must count the footnote so the heading moves along too
            return width, height + self._notes_height
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # A paragraph that fits here but not with its footnotes leaves its last lines (the mark's, at least two) to
        # the next page, as Word and LibreOffice break it; it was moved whole, leaving the page's foot empty
        parts = self.content.split(availWidth, min(availHeight, self.height - 0.01))
        if len(parts) < 2:
            return []
        return [*parts[:-1], Footnoted(parts[-1], self.notes, self.area)]

    def getSpaceBefore(self) -> float:
        return float(self.content.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.content.getSpaceAfter())

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self.content.drawOn(canvas, x, y, _sW)
        height = self.area.height_of(self.notes)
        for note in self.notes:
            self.area.notes.append((note, self.area.note_height(note)))
            set_note_owner(note, self)  # its Note element goes inside the quotation's
        frame = getattr(self, "_frame", None)
        if frame is not None:  # the page's text now stops above its footnotes
            frame._y1p += height


def _simple_lines(para: Paragraph) -> list[tuple[float, list[str]]] | None:
    """(unused width, words) per line of a laid-out single-font paragraph, or None for mixed fonts."""
    bl = getattr(para, "blPara", None)
    if bl is None or getattr(bl, "kind", 1) != 0:
        return None
    return list(bl.lines)


def _last_line(para: Paragraph) -> tuple[float, float] | None:
    """(unused width, baseline) of a laid-out paragraph's last line, in one font (kind 0) or mixed (kind 1)."""
    bl = getattr(para, "blPara", None)
    if bl is None or not bl.lines:
        return None
    if bl.kind == 0:
        unused, first = bl.lines[-1][0], bl
    else:
        unused, first = bl.lines[-1].extraSpace, bl.lines[0]
    # where ReportLab puts the first baseline: a font size down (by default), else the first line's ascent down
    ascent = first.fontSize if rl_config.paraFontSizeHeightOffset else first.ascent
    return unused, para.height - ascent - (len(bl.lines) - 1) * para.style.leading


class QuoteParagraph(PlacedMarks):
    """A quotation: a bar on its left and its footnote mark drawn after its last line (to the left of a
    right-to-left one), the same in every script.

    Drawing the mark here keeps a paragraph in one font a single fragment, which ReportLab lays out several
    times faster than mixed text.
    """

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,
        frags: Any = None,
        mark: str = "",
        mark_font: str = "",
    ) -> None:
        super().__init__(text, style, bulletText=bulletText, frags=frags)
        self.mark = mark
        self.mark_font = mark_font

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # the width places the mark
        self._avail = availWidth
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        return size

    def breakLines(self, width: Any) -> Any:
        """Lines as ReportLab breaks them, but with room for the mark on the last line: in Word the mark is text
        after the last word, and a last line too full for it moves that word down."""
        self._reserved = 0.0  # room kept for the mark at the end of the last line: its unused width excludes it
        lines = super().breakLines(width)
        last = lines.lines[-1] if self.mark and lines.lines else None
        if last is None:
            return lines
        need = pdfmetrics.stringWidth(self.mark, self.mark_font, self.style.fontSize * MARK_SIZE) + 0.6
        if (last[0] if lines.kind == 0 else last.extraSpace) >= need:
            return lines
        widths = list(width) if isinstance(width, list | tuple) else [width]
        count = len(lines.lines)
        self._reserved = need
        return super().breakLines([*(widths[min(i, len(widths) - 1)] for i in range(count - 1)), widths[-1] - need])

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        mark = self.mark  # read first: a paragraph that fits whole is returned as itself
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for part in parts:
            part.mark, part.mark_font = "", self.mark_font
        if parts:
            parts[-1].mark = mark
        return parts

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(colors.Color(0.65, 0.65, 0.65))
        canvas.setLineWidth(1.5)
        x = self.style.leftIndent - 8
        canvas.line(x, 1, x, self.height - 1)
        canvas.restoreState()
        super().draw()
        last = _last_line(self)
        if self.mark and last:
            style = self.style
            unused, y = last
            size = style.fontSize * MARK_SIZE
            if style.alignment == TA_RIGHT:
                x = style.leftIndent + unused - 0.6 - pdfmetrics.stringWidth(self.mark, self.mark_font, size)
            else:
                x = self._avail - style.rightIndent - unused - getattr(self, "_reserved", 0.0) + 0.6
            canvas.setFont(self.mark_font, size)
            canvas.setFillColor(style.textColor)
            canvas.drawString(x, y + style.fontSize * 0.4, self.mark)


class FootnoteParagraph(Paragraph):
    """A footnote: its number as the bullet, its URL made clickable (kept as one fragment, see QuoteParagraph)."""

    def __init__(
        self, text: str | None, style: ParagraphStyle, bulletText: str | None = None, frags: Any = None, url: str = ""
    ) -> None:
        super().__init__(text, style, bulletText=bulletText, frags=frags)
        self.url = url

    def draw(self) -> None:
        super().draw()
        lines = _simple_lines(self)
        if not self.url or not lines:
            return
        style = self.style
        space = pdfmetrics.stringWidth(" ", style.fontName, style.fontSize)
        y = self.height - self.blPara.ascent
        for _, words in lines:
            x = style.leftIndent
            for word in words:
                width = pdfmetrics.stringWidth(word, style.fontName, style.fontSize)
                if len(word) > 8 and word.rstrip(".,;") in self.url:
                    rect = (x, y - style.fontSize * 0.25, x + width, y + style.fontSize * 0.8)
                    self.canv.linkURL(self.url, rect, relative=1, thickness=0)
                x += width + space
            y -= style.leading


class KeepWithFirstLines(Flowable):
    """Put before a heading: a page break unless the heading (and any heading right after it) fits on this page
    with the first lines of the paragraph after it, as Word's keep-with-next and widow control do. (ReportLab's
    keepWithNext would keep the heading with the whole paragraph, moving more to the next page than Word.)"""

    _ZEROSIZE = True  # laid out even with no room left, where it makes its page break
    _SPACETRANSFER = True  # passes the space after the flowable before it on to the heading

    def __init__(self, headings: list[Flowable], after: Flowable) -> None:
        super().__init__()
        self.headings = headings
        self.after = after

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        frame = self._frame
        if availHeight < -_FUZZ:
            # the flowable before overfilled the frame (its space after), so the frame refuses this one and breaks
            # the page itself; a break queued now would survive to the next page and leave it empty
            return 0, 0
        if frame._atTop or self._fits(frame, availWidth, availHeight):
            return 0, 0
        frame.add_generated_content(FrameBreak)  # the frame accepts this one (no height), then breaks the page
        return 0, 0

    def _fits(self, frame: Any, width: float, room: float) -> bool:
        """Whether the headings and the first part of the paragraph after them fit in room, spaced as the frame
        spaces them (a flowable's space before overlaps the space after the one before it)."""
        space_after = frame._prevASpace
        for flowable in [*self.headings, self.after]:
            room -= max(flowable.getSpaceBefore() - space_after, 0)
            if room <= 0:
                return False
            # wrapOn, splitOn: a KeepTogether (an empty note's) measures its content on the canvas it is given
            height = flowable.wrapOn(self.canv, width, room)[1]
            if flowable is self.after:  # whole, or split with at least its first lines here
                return height <= room + 1e-6 or bool(flowable.splitOn(self.canv, width, room))
            room -= height + flowable.getSpaceAfter()
            space_after = flowable.getSpaceAfter()
        return True  # (not reached: the loop ends on self.after)

    def draw(self) -> None:
        pass  # nothing to draw: it only breaks the page


def keep_headings_with_first_lines(story: list[Flowable]) -> list[Flowable]:
    """The story with a KeepWithFirstLines before each heading followed by a paragraph."""
    out: list[Flowable] = []
    for index, flowable in enumerate(story):
        if isinstance(flowable, HeadingParagraph):
            end = index
            while end < len(story) and isinstance(story[end], HeadingParagraph):
                end += 1
            if end < len(story):
                out.append(KeepWithFirstLines(story[index:end], story[end]))
        out.append(flowable)
    return out


class HeadingParagraph(Paragraph):
    """A section heading: a rule under it, a bookmark and an outline entry. One longer than a page splits like any
    paragraph: the first part carries the bookmark, the last the rule."""

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,
        frags: Any = None,
        title: str = "",
        key: str = "",
    ) -> None:
        super().__init__(text, style, bulletText=bulletText, frags=frags)
        self.outline_title = title
        self.key = key
        self.rule = True

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) > 1:  # the parts are new paragraphs, made with the base class's arguments only
            first = parts[0]
            first.outline_title, first.key, first.rule = self.outline_title, self.key, False
            for part in parts[1:-1]:
                part.rule = False
        return parts

    def draw(self) -> None:
        canvas = self.canv
        super().draw()
        if self.rule:
            canvas.saveState()
            canvas.setStrokeColor(GREY)
            canvas.setLineWidth(0.5)
            canvas.line(0, -2, self.width, -2)
            canvas.restoreState()
        if self.key:
            canvas.bookmarkHorizontal(self.key, 0, self.height)
            canvas.addOutlineEntry(self.outline_title, self.key, level=0, closed=False)


class ListParagraph(Paragraph):
    """A list item (a note's list or the sources list): its label (•, 3., b)) drawn in the indent level with its
    first line, before its text and apart from it, so the tagging marks the label Lbl and the text LBody.

    `group` is the list it belongs to (one object for all its items), `parent` the item a nested list sits under.
    """

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,
        frags: Any = None,
        label: str = "",
        group: object = None,
        parent: Paragraph | None = None,
    ) -> None:
        super().__init__(text, style, bulletText=bulletText, frags=frags)
        self.label = label
        self.list_group = group
        self.list_parent = parent
        self.label_span: tuple[int, int, int] | None = None  # (label start, its end, text end) in the canvas's code

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for index, part in enumerate(parts):  # the label goes with the first part only
            part.label = self.label if index == 0 else ""
            part.list_group, part.list_parent, part.label_span = self.list_group, self.list_parent, None
        return parts

    def draw(self) -> None:
        canvas = self.canv
        code: list[str] = canvas._code
        start = len(code)
        if self.label:  # drawn in its own graphics state, so the label and the text are each a whole for the tags
            line = self.blPara if self.blPara.kind == 0 else self.blPara.lines[0]
            canvas.saveState()
            self.draw_label(self.height - line.fontSize)  # at the first baseline
            canvas.restoreState()
        end = len(code)
        super().draw()
        if self.label:
            self.label_span = (start, end, len(code))

    def draw_label(self, baseline: float) -> None:
        style = self.style
        self.canv.setFont(style.bulletFontName, style.bulletFontSize)
        self.canv.setFillColor(getattr(style, "bulletColor", style.textColor))
        self.canv.drawString(style.bulletIndent, baseline, self.label)


BOX = "\u2610"  # ☐, the ballot box: what the DOCX prints before an option, what the PDF's drawn box stands for


class OptionParagraph(ListParagraph):
    """A decision option in its table cell: an item of the list of options, its label a box to tick. The box is
    drawn (a glyph would depend on the font), so its Lbl says what it is with ActualText ☐ (pdftags.Tagger):
    a screen reader reads "☐ I concur", as in the DOCX, not a bare statement."""

    drawn_label = True  # the tags give the label's text as ActualText: its content is a drawing

    def __init__(self, text: str, style: ParagraphStyle, box: float, group: object) -> None:
        super().__init__(text, style, label=BOX, group=group)
        self.box = box

    def draw_label(self, baseline: float) -> None:  # about the height of a capital letter, on the first line
        self.canv.setLineWidth(0.75)
        self.canv.rect(self.style.bulletIndent, baseline - 0.1 * self.box, self.box, self.box)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        draw_tagged(canvas, self, partial(super().drawOn, canvas, x, y, _sW))  # the table draws it: tag it here


class TaggedCell(Paragraph):
    """A paragraph in a table cell: the table draws its cells itself, so each is tagged as it is drawn."""

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        draw_tagged(canvas, self, partial(super().drawOn, canvas, x, y, _sW))


class DecisionTable(Table):
    """The decision block's table: its rules (the lines to sign on) are artifacts, its cells in the body font."""

    def _drawLines(self) -> None:
        with artifact(self.canv):
            super()._drawLines()


class RightNumberedParagraph(PlacedMarks):
    """A numbered right-to-left paragraph: its number (in visual order, ".12") hangs in the right indent, level
    with the first line, as Word mirrors a right-to-left paragraph's number. Only the first part of a split
    paragraph has it."""

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,
        frags: Any = None,
        number: str = "",
    ) -> None:
        super().__init__(text, style, bulletText=bulletText, frags=frags)  # (split makes its parts so)
        self.number = number
        self._avail = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # the width places the number
        self._avail = availWidth
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        number = self.number  # read first: a paragraph that fits whole is returned as itself
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for index, part in enumerate(parts):
            part.number, part._avail = number if index == 0 else "", availWidth
        return parts

    def draw(self) -> None:
        super().draw()
        if self.number:
            style = self.style
            first = self.blPara if self.blPara.kind == 0 else self.blPara.lines[0]
            self.canv.setFont(style.fontName, style.fontSize)
            self.canv.setFillColor(style.textColor)
            self.canv.drawRightString(self._avail, self.height - first.fontSize, self.number)


class RightListParagraph(ListParagraph, PlacedMarks):
    """A right-to-left list item: its label (read right to left: ".3", "(b") in the indent at the right, level with
    its first line, its text right-aligned, as Word mirrors a right-to-left list paragraph; its Arabic harakat and
    Hebrew points drawn in place, as a right-to-left paragraph's."""

    _avail = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # the width places the label
        self._avail = availWidth
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part._avail = availWidth
        return parts

    def draw_label(self, baseline: float) -> None:
        style = self.style
        self.canv.setFont(style.bulletFontName, style.bulletFontSize)
        self.canv.setFillColor(getattr(style, "bulletColor", style.textColor))
        self.canv.drawRightString(self._avail - style.bulletIndent, baseline, self.label)
