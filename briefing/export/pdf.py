"""PDF renderer (ReportLab): the document tree with embedded fonts, footnotes at the foot of each page,
the classification on every page, "Page X of Y", an outline of sections and clickable URLs."""

from __future__ import annotations

import io
import math
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import IO, Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepTogether,
    LayoutError,
    PageTemplate,
    Paragraph,
)
from reportlab.platypus import paragraph as rl_paragraph

from briefing import __version__
from briefing.core.lazy_regex import lazy
from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.richtext import Run
from briefing.core.script import has_rtl
from briefing.export import linebreak, pdfwords
from briefing.export.bidi import visual_runs
from briefing.export.errors import ExportError
from briefing.export.pdfflow import (
    MARK_SIZE,
    DecisionTable,
    FootnoteArea,
    Footnoted,
    HeadingParagraph,
    ListParagraph,
    OptionParagraph,
    QuoteParagraph,
    RightListParagraph,
    TaggedCell,
    keep_headings_with_first_lines,
)
from briefing.export.pdflines import FootnoteLine, RtlBodyParagraph, RtlQuoteParagraph
from briefing.export.pdfstyles import Styles
from briefing.export.pdftags import (
    TaggedFrame,
    TaggingCanvas,
    artifact,
    set_language,
    set_quotation,
)
from briefing.export.pdftext import (
    Family,
    check_coverage,
    families_needed,
    main_family,
    main_font_covers,
    markup,
    markup_visual,
    rtl_lines,
    text_width,
)
from briefing.export.tree import (
    LIST_STEP_PT,
    BodyText,
    Citation,
    DecisionBlock,
    DocumentTree,
    Heading,
    ListBlock,
    ListEntry,
    Quotation,
    escape,
    furniture_distance_pt,
    list_label,
)

linebreak.install()  # lines break inside words (web addresses) where LibreOffice breaks them
pdfwords.install()  # plain one-font paragraphs broken into lines without ReportLab's per-word overhead
# ReportLab looks up a font's ascent and descent for every word of a line that changes font (Arabic or Chinese with
# Latin brackets, digits, quotation marks), through an AttributeError for a TrueType font each time: remembered
# (a registered font's metrics never change)
if not hasattr(rl_paragraph.getAscentDescent, "cache_info"):
    rl_paragraph.getAscentDescent = lru_cache(maxsize=256)(rl_paragraph.getAscentDescent)
_MISSING = object()
_SAME_FRAG_ATTRIBUTES = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")


def _same_frag(f: Any, g: Any) -> bool:
    """ReportLab's C sameFrag (whether two fragments draw alike, so a line may join them), without its cost: it
    asks for attributes fragments rarely have (a callback, a line break, a background colour, nobr) in a way that
    builds an AttributeError message each time, eight per call. The same answer: an attribute missing from both is
    alike, missing from one is not, present in both is compared (the same object is alike)."""
    if hasattr(f, "cbDefn") or hasattr(g, "cbDefn") or hasattr(f, "lineBreak") or hasattr(g, "lineBreak"):
        return False
    for name in _SAME_FRAG_ATTRIBUTES:
        a, b = getattr(f, name, _MISSING), getattr(g, name, _MISSING)
        if a is not b and (a is _MISSING or b is _MISSING or a != b):
            return False
    return True


rl_paragraph.sameFrag = _same_frag
# Binary (compressed) streams instead of ASCII85 text: smaller files and less work; every PDF reader accepts them.
rl_config.useA85 = 0

PAGE_SIZES = {"letter": LETTER, "a4": A4}
Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class Layout:
    """What a layout decided: the page count and each heading's page (outline title, page from 1), in order."""

    pages: int
    headings: tuple[tuple[str, int], ...]


def word_line(font_name: str, size: float) -> tuple[float, float]:
    """The ascent and descent (points) of a single-spaced line in a registered font as Word sets it: the font's
    Windows ascent and descent (OS/2 usWinAscent, usWinDescent), not the typographic ones ReportLab reads."""
    face = pdfmetrics.getFont(font_name).face
    data = face._ttf_data
    (units,) = struct.unpack_from(">H", data, face.table["head"]["offset"] + 18)
    ascent, descent = struct.unpack_from(">HH", data, face.table["OS/2"]["offset"] + 74)
    return ascent * size / units, descent * size / units


def _numbered_canvas(tree: DocumentTree, font: str, size: float, baseline: float) -> type[Canvas]:
    """A canvas that writes "Page X of Y" (at baseline, from the page's bottom) once the page count is known."""

    class NumberedCanvas(TaggingCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._bookmarks: list[tuple[str, float, float]] = []  # this page's, bound in save()
            self._headings: list[tuple[str, int]] = []
            self.layout = Layout(0, ())

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()
            self._bookmarks = []

        def bookmarkHorizontal(self, key: str, relativeX: float, relativeY: float, **kw: Any) -> None:
            # A destination names its page object, which is only made in save() (pages are held back until their
            # count is known): bound now, every bookmark would point at page 1. Bind it when the page is written.
            left, top = self.absolutePosition(relativeX, relativeY)
            self._bookmarks.append((key, top, left))

        def addOutlineEntry(self, title: str, key: str, level: int = 0, closed: Any = None) -> None:
            self._headings.append((title, self._pageNumber))
            super().addOutlineEntry(title, key, level=level, closed=closed)

        def save(self) -> None:
            total = len(self._pages)
            layout = Layout(total, tuple(self._headings))
            for state in self._pages:
                self.__dict__.update(state)
                for key, top, left in self._bookmarks:
                    self.bookmarkHorizontalAbsolute(key, top, left=left)
                width = self._pagesize[0]
                with artifact(self):
                    self.setFont(font, size)
                    self.setFillColor(colors.black)
                    self.drawCentredString(width / 2, baseline, tree.wording.page(self._pageNumber, total))
                super().showPage()
            self.layout = layout  # (set after the pages' own states are put back)
            self.tagger.write(self, tree.properties.get("title", ""))
            super().save()

    return NumberedCanvas


class _UnencodedText(PDFTextObject):
    """A text object that does all a text object does but encode the text (see PageCounter)."""

    def _formatText(self, text: str) -> str:
        return ""


class PageCounter(Canvas):
    """A canvas that keeps only the page count and the page each bookmark (section heading) is on.

    The layout is the export's own: every flowable is measured, split and drawn as for the PDF, and the drawing
    that moves text (footnotes raising the page's bottom) runs too. Only the text itself is not encoded (glyph by
    glyph, the costly part of drawing, after every position is known), and nothing is compressed, subset or
    written.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pages = 0
        self.headings: list[tuple[str, int]] = []

    @property
    def layout(self) -> Layout:
        return Layout(self.pages, tuple(self.headings))

    def showPage(self) -> None:
        self.pages += 1
        self._startPage()

    def bookmarkHorizontal(self, key: str, relativeX: float, relativeY: float, **kw: Any) -> None:
        return None

    def addOutlineEntry(self, title: str, key: str, level: int = 0, closed: Any = None) -> None:
        self.headings.append((title, self._pageNumber))

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:
        return _UnencodedText(self, x, y, direction=direction)

    def drawText(self, aTextObject: Any) -> None:
        return None

    def drawString(self, *args: Any, **kwargs: Any) -> None:
        return None

    def save(self) -> None:
        return None


def upright_rtl(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """The runs with italics taken off every word with right-to-left letters: Arabic, Persian and Hebrew have no
    italics, and Word and LibreOffice set them upright in the DOCX (`w:i` is not applied to complex-script text),
    while a Latin word in italics stays italic. (The main font draws Hebrew: its italic face slanted it.)"""
    out: list[Run] = []
    for run in runs:
        split = run.italic and has_rtl(run.text)
        for piece in filter(None, re.split(r"(\s+)", run.text) if split else [run.text]):
            italic = run.italic and not (split and (piece.isspace() or has_rtl(piece)))
            if out and (out[-1].bold, out[-1].italic) == (run.bold, italic):
                out[-1] = Run(out[-1].text + piece, run.bold, italic)
            else:
                out.append(Run(piece, run.bold, italic))
    return tuple(out)


def rich_markup(runs: tuple[Run, ...], style: ParagraphStyle, st: Styles) -> str:
    """The analyst's bold and italic runs as ReportLab markup: each run's fonts chosen in its own face."""
    out: list[str] = []
    for run in upright_rtl(runs):
        face = st._faces[(int(run.bold), int(run.italic))]
        text = markup(run.text, ParagraphStyle("Run", parent=style, fontName=face.fontName))
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


def _list_flowables(
    items: tuple[ListEntry, ...],
    st: Styles,
    width: float,
    indent: float = 0,
    level: int = 0,
    parent: Paragraph | None = None,
) -> list[Flowable]:
    """A list of the analyst's as list paragraphs: a list per run of same-kind items at a level, a nested list
    under its item; each item numbered as the tree numbered it. indent: where the list starts (under a numbered
    paragraph, its text's indent)."""
    out: list[Flowable] = []
    step = LIST_STEP_PT  # as Word indents them
    i = 0
    while i < len(items):
        kind = items[i].kind
        group = object()
        while i < len(items) and items[i].level == level and items[i].kind == kind:
            item = items[i]
            j = i + 1
            while j < len(items) and items[j].level > level:
                j += 1
            style = st.list_style(indent + level * step, step, rtl=item.rtl)
            paragraph: ListParagraph
            if item.rtl:  # broken into lines and ordered as a right-to-left paragraph; "3." read as ".3", "b)" "(b"
                text = _rtl_rich(item.runs or (Run(item.text),), style, st, width)
                label = list_label(item)
                label = label[-1].translate(_MIRRORED) + label[:-1] if label[-1:] in (".", ")") else label
                paragraph = RightListParagraph(text, style, label=label, group=group, parent=parent)
            else:
                mixed = _ltr_mixed(item.text, item.runs, style, st, width)
                text, frags = mixed or (rich_markup(item.runs, style, st), None)
                paragraph = ListParagraph(
                    text,
                    style,
                    frags=frags or st.frags(text, style),
                    label=list_label(item),
                    group=group,
                    parent=parent,
                )
            out.append(set_language(paragraph, item.lang) if item.lang else paragraph)
            out += _list_flowables(items[i + 1 : j], st, width, indent, level + 1, paragraph)
            i = j
    return out


def _title_block(tree: DocumentTree, st: Styles, size: float) -> list[Flowable]:
    out: list[Flowable] = []
    for row in tree.title_rows:
        if row.name == "classification":
            continue  # on every page already
        if row.name in ("title", "title_fr"):  # the big title, and the one under it
            style = st.title if row.name == "title" else st.subtitle
            paragraph = Paragraph(markup(row.value, style), style)
            out.append(set_language(paragraph, row.lang) if row.lang else paragraph)
        elif row.name in ("addressee", "purpose"):
            out.append(Paragraph(markup(row.value.upper(), st.emphasis), st.emphasis))
        else:
            label = escape(tree.wording.label(row.label).rstrip())
            out.append(Paragraph(f"<b>{label}</b> {markup(row.value, st.field)}", st.field))
    if out:  # a gap of 0.4 font sizes under the block, as space after its last line: where the space before the
        # first heading is more, it is that (as in Word, which sets the DOCX's the same way; a Spacer added to it)
        last = out[-1]
        last.style = ParagraphStyle(
            f"{last.style.name}Last", parent=last.style, spaceAfter=last.style.spaceAfter + size * 0.4
        )
    return out


def _footnote(citation: Citation, st: Styles) -> Paragraph:
    text = markup(citation.text, st.footnote, rtl=False)  # the note's direction: a right-to-left title is embedded
    if citation.url and text != escape(citation.text):  # mixed fonts: a link in the markup (one font: drawn)
        url = escape(citation.url)
        text = text.replace(url, f'<a href="{escape(citation.url, {chr(34): "&quot;"})}">{url}</a>', 1)
    # one fragment even where the text has entities (&amp;), when it is in one font
    frags = st.frags(text, st.footnote)
    note = FootnoteLine(text, st.footnote, bulletText=str(citation.number), frags=frags, url=citation.url)
    return set_language(note, citation.lang) if citation.lang else note


def _rtl_lines_markup(
    text: str, style: ParagraphStyle, st: Styles, width: float, reserve: float = 0, rtl: bool = True
) -> tuple[list[str], list[Any] | None]:
    """A right-to-left paragraph's lines as markup, and their fragments (None where Styles.line_frags gives none).
    The lines take the whole width between the indents, as Word's and LibreOffice's lines of the DOCX do (they were
    6 pt short, and each kept the last line's room for the mark: quotations a line longer than in LibreOffice);
    reserve is kept free on the last line. rtl=False: a left-to-right paragraph with right-to-left words (see
    _ltr_mixed), broken the same way, without marks (only the right-to-left paragraph classes place them).

    rtl_lines measures a space, digit or punctuation mark in the font of the letters before it in reading order,
    as Word and LibreOffice draw it; drawn in visual order some take the main font, and a line can come out up to
    2 pt wider than measured. ReportLab would break a line that then overflows again, leaving a word alone on a
    line: such a line (rare) gives its last word to the next one."""
    room = width - style.leftIndent - style.rightIndent
    lines = rtl_lines(text, room, style, reserve)
    for _ in text.split(" "):  # (each round moves a word down a line: a bound)
        marked = [markup(line, style, rtl=rtl, marks=rtl) for line in lines]  # marks: see PlacedMarks
        frags = st.line_frags(marked, style)
        over = _overfull(frags, room, reserve) if frags else None
        if over is None or " " not in lines[over]:
            break
        head, _, last = lines[over].rpartition(" ")
        lines = [*lines[:over], head, *rtl_lines(" ".join([last, *lines[over + 1 :]]), room, style, reserve)]
    return marked, frags


def _overfull(frags: list[Any], room: float, reserve: float) -> int | None:
    """The first line, by its fragments as ReportLab measures them, too wide for room (the last: with reserve)."""
    widths = [0.0]
    for frag in frags:
        if hasattr(frag, "lineBreak"):
            widths.append(0.0)
        else:
            widths[-1] += pdfmetrics.stringWidth(frag.text, frag.fontName, frag.fontSize)
    widths[-1] += reserve
    return next((n for n, line in enumerate(widths) if line > room - 1e-6), None)


def _rtl_body(node: BodyText, st: Styles, width: float) -> Flowable:
    """A right-to-left paragraph of the analyst's: lines broken in logical order, then each put into visual order
    with its bold and italic runs; its number, if any, hangs in the right indent (as Word mirrors it)."""
    style = st.numbered_rtl if node.number else st.body_rtl
    if any(run.bold or run.italic for run in node.runs):
        text = _rtl_rich(node.runs, style, st, width)
    else:
        text = "<br/>".join(_rtl_lines_markup(node.text, style, st, width)[0])
    # "12." read right to left: its full stop on the left, as LibreOffice draws the DOCX's number
    paragraph = RtlBodyParagraph(text, style, number=f".{node.number}" if node.number else "")
    return set_language(paragraph, node.lang) if node.lang else paragraph


_MIRRORED = str.maketrans(")", "(")
Cell = tuple[str, tuple[int, int]]  # a character and its face: (bold, italic)


def _rtl_rich(runs: tuple[Run, ...], style: ParagraphStyle, st: Styles, width: float, rtl: bool = True) -> str:
    """Right-to-left text with bold and italic runs as markup lines: broken where rtl_lines would break it (in
    each character's own face), each line reordered as a whole (letters join across runs) by visual_runs.
    rtl=False: a left-to-right paragraph with right-to-left words (see _ltr_mixed), without marks."""
    faces = {
        face: ParagraphStyle("Run", parent=style, fontName=st._faces[face].fontName) for face in st._faces
    }  # the face styles, in this paragraph's size

    def pieces(cells: list[Cell]) -> list[tuple[str, tuple[int, int]]]:
        out: list[tuple[str, tuple[int, int]]] = []
        for ch, face in cells:
            if out and out[-1][1] == face:
                out[-1] = (out[-1][0] + ch, face)
            else:
                out.append((ch, face))
        return out

    def line_width(cells: list[Cell]) -> float:
        return sum(text_width(piece, faces[face]) for piece, face in visual_runs(pieces(cells), rtl))

    room = width - style.leftIndent - style.rightIndent  # as _rtl_lines_markup
    words: list[list[Cell]] = [[]]
    for ch, face in ((ch, (int(run.bold), int(run.italic))) for run in upright_rtl(runs) for ch in run.text):
        if ch == " ":  # a space starts the next word, in its own face
            words.append([])
        words[-1].append((ch, face))
    lines: list[list[Cell]] = []
    current: list[Cell] | None = None
    for word in words:
        trial = word if current is None else current + word
        if current is not None and line_width(trial) > room:
            lines.append(current)
            trial = word[1:] if word[:1] and word[0][0] == " " else word  # the space at the break is dropped
        current = trial
    lines.append(current or [])
    out: list[str] = []
    for line in lines:
        parts = []
        # with their marks, which RightNumberedParagraph and RightListParagraph place (pdfmarkplace); measured
        # without them above: the marks have no advance
        for piece, (bold, italic) in visual_runs(pieces(line), rtl, marks=rtl):
            text = markup_visual(piece, faces[(bold, italic)])
            text = f"<i>{text}</i>" if italic else text
            parts.append(f"<b>{text}</b>" if bold else text)
        out.append("".join(parts))
    return "<br/>".join(out)


# Two words in a row with right-to-left letters: a run that may wrap. ReportLab breaks a paragraph into lines after
# markup has put it into visual order, so a left-to-right paragraph's right-to-left run would print its last words
# on the first line and its first words on the next (read top to bottom, end first).
_RTL_WORDS = lazy("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc][^ ]* +[^ ]*?[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def _ltr_mixed(
    text: str, runs: tuple[Run, ...], style: ParagraphStyle, st: Styles, width: float, reserve: float = 0
) -> tuple[str, list[Any] | None] | None:
    """A left-to-right paragraph with a right-to-left run that may wrap, as markup lines and their fragments:
    broken in logical order, then each line reordered (the Unicode bidi algorithm's order, and Word's and
    LibreOffice's). None for any other paragraph: ReportLab breaks it (the common case, at a regex's cost)."""
    if _RTL_WORDS.search(text) is None:
        return None
    if any(run.bold or run.italic for run in runs):
        rich = _rtl_rich(runs, style, st, width, rtl=False)
        return rich, st.frags(rich, style)
    lines, frags = _rtl_lines_markup(text, style, st, width, reserve, rtl=False)
    return "<br/>".join(lines), frags


def _quote_paragraph(
    text: str, rtl: bool, st: Styles, width: float, mark: str = "", upright: bool = False
) -> QuoteParagraph:
    if rtl:
        reserve = pdfmetrics.stringWidth(mark, st.mark_font, st.quote.fontSize * MARK_SIZE) + 1 if mark else 0
        # (not parsed whole: each line's shape is parsed once)
        lines, frags = _rtl_lines_markup(text, st.quote_rtl, st, width, reserve)
        return RtlQuoteParagraph("<br/>".join(lines), st.quote_rtl, frags=frags, mark=mark, mark_font=st.mark_font)
    style = st.quote_upright if upright else st.quote
    reserve = pdfmetrics.stringWidth(mark, st.mark_font, style.fontSize * MARK_SIZE) + 1 if mark else 0
    mixed = _ltr_mixed(text, (), style, st, width, reserve)
    markup_text, frags = mixed or (markup(text, style), None)
    frags = frags or st.frags(markup_text, style)
    return QuoteParagraph(markup_text, style, frags=frags, mark=mark, mark_font=st.mark_font)


def build_flowables(tree: DocumentTree, st: Styles, area: FootnoteArea, width: float) -> list[Flowable]:
    size = st.body.fontSize
    story: list[Flowable] = _title_block(tree, st, size)
    for node in tree.body:
        if isinstance(node, Heading):
            story.append(HeadingParagraph(markup(node.text, st.heading), st.heading, title=node.text, key=node.anchor))
        elif isinstance(node, Quotation):
            *first, last = node.paragraphs
            quoted = [_quote_paragraph(paragraph, node.rtl, st, width, upright=node.upright) for paragraph in first]
            para = _quote_paragraph(last, node.rtl, st, width, str(node.citation.number), node.upright)
            if node.lang:  # the source's language; the tagger drops it when it is the document's
                quoted = [set_language(p, node.lang) for p in quoted]
                set_language(para, node.lang)
            if quoted:
                set_quotation([*quoted, para])
            story += quoted
            story.append(Footnoted(para, [_footnote(node.citation, st)], area))
            if node.comment:
                for line in node.comment.split("\n"):
                    label = tree.wording.label(tree.wording.word("Analyst comment")).rstrip()
                    runs = (Run(label, bold=True), Run(" " + line))
                    mixed = _ltr_mixed(line, runs, st.comment, st, width)
                    text = mixed[0] if mixed else f"<b>{escape(label)}</b> {markup(line, st.comment)}"
                    comment = Paragraph(text, st.comment)
                    story.append(set_language(comment, node.comment_lang) if node.comment_lang else comment)
        elif isinstance(node, BodyText):
            bullet = f"{node.number}." if node.number else None
            if node.rtl:  # right-to-left paragraphs keep their bidi line breaking, bold, italic and number
                story.append(_rtl_body(node, st, width))
            else:
                style = st.numbered if node.number else st.body
                mixed = _ltr_mixed(node.text, node.runs, style, st, width)
                text, frags = mixed or (
                    rich_markup(node.runs, style, st) if node.runs else markup(node.text, style),
                    None,
                )
                paragraph = Paragraph(text, style, bulletText=bullet, frags=frags or st.frags(text, style))
                story.append(set_language(paragraph, node.lang) if node.lang else paragraph)
        elif isinstance(node, ListBlock):
            story += _list_flowables(node.items, st, width, st.numbered.leftIndent if node.under_number else 0)
    if tree.sources_first:  # a note for decision ends with its decision block
        story += _sources_list(tree, st)
    closing: list[Flowable] = []
    if tree.contact:
        for index, (label, text) in enumerate(tree.contact.lines):
            style = st.contact if index == 0 else st.field  # (the first set apart from the text above)
            closing.append(
                Paragraph(f"<b>{escape(tree.wording.label(label).rstrip())}</b> {markup(text, style)}", style)
            )
    elif tree.decision and (tree.sources or (tree.body and isinstance(tree.body[-1], BodyText))):
        closing.append(story.pop())  # no contact line (it is in the title block): the paragraph before the block
    if tree.decision:  # all on one page, with the line before it (the DOCX's keep-with-next): never a
        closing = [KeepTogether([*closing, *_decision_block(tree.decision, st, width)])]  # page of boxes to tick
    story += closing  # and lines to sign without a line of the note on it (one KeepTogether: they do not nest)
    if not tree.sources_first:
        story += _sources_list(tree, st)
    return keep_headings_with_first_lines(story)


def _sources_list(tree: DocumentTree, st: Styles) -> list[Flowable]:
    """The Sources heading and its numbered entries; none without a sources list."""
    if not tree.sources:
        return []
    title = tree.sources_heading
    flowables: list[Flowable] = [HeadingParagraph(escape(title), st.heading, title=title, key="sources")]
    sources = object()  # one list
    for number, entry in enumerate(tree.sources, start=1):
        text = markup(entry.text, st.source, rtl=False)  # left to right, as the footnotes
        if entry.url:
            url = escape(entry.url)
            text = text.replace(url, f'<a href="{escape(entry.url, {chr(34): "&quot;"})}" color="#0b57a4">{url}</a>', 1)
        flowables.append(ListParagraph(text, st.source, label=f"{number}.", group=sources))
    return flowables


def _decision_block(decision: DecisionBlock, st: Styles, width: float) -> list[Flowable]:
    """Boxes to tick beside the options, then room to sign above a line for each label, to keep on one page."""
    size = st.body.fontSize
    box = size * 0.8
    # no side padding; the body font for the cells (Table's default, an unembedded Helvetica, is selected even to
    # draw nothing)
    no_padding: list[tuple[Any, ...]] = [(side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING")]
    no_padding.append(("FONT", (0, 0), (-1, -1), st.body.fontName, size))
    # the options are a list (L > LI), each box its item's label, as a screen reader should announce them
    style = ParagraphStyle("DecisionOption", parent=st.decision, bulletIndent=0, leftIndent=box + size * 0.7)
    group = object()
    rows = [[OptionParagraph(markup(option, style), style, box, group)] for option in decision.options]
    options = DecisionTable(
        rows,
        colWidths=[width],
        hAlign="LEFT",
        spaceBefore=size * 1.5,
        style=[
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            *no_padding,
            ("TOPPADDING", (0, 0), (-1, -1), 0),  # (not ReportLab's 3 pt: each option a line and half a size under it)
            ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.5),
        ],
    )
    parts: list[Flowable] = [options] if rows else []
    if decision.lines:
        # the signature line is the longest; the date's is shorter, a gap between them
        widths = [width * 0.55, width * 0.1, width * 0.35][: len(decision.lines) * 2 - 1]
        # a label's line ends its font's descent under its baseline, as Word sets a line's extra height above it
        label_style = ParagraphStyle(
            "SigningLine",
            parent=st.signing,
            leading=st.signing.fontSize - pdfmetrics.getDescent(st.signing.fontName, st.signing.fontSize),
        )
        labels: list[Any] = []
        for label in decision.lines:
            labels += [TaggedCell(markup(label, label_style), label_style), []]  # (an empty cell: draws nothing)
        lines = [("LINEABOVE", (column, 0), (column, 0), 0.75, colors.black) for column in range(0, len(widths), 2)]
        # Where Word and LibreOffice put the DOCX's lines, line box by line box (the leaders are a line of text of
        # their own, docx._decision_block): under the last option's line, the space before the lines' paragraph
        # and its line, then the labels' line, its baseline the font's descent above the line's foot (the extra
        # leading goes above the text; ReportLab sets text a font size under a line's top, 1.7 pt higher at 12 pt);
        # the rule 1.2 sizes over the labels' baseline, where the leaders' underscores fall. Measured from the
        # options' baselines, the block was 1.3 pt shorter than LibreOffice's: QA10 D8's block went to the next
        # page there and stayed at the foot of the page in the PDF and in "pages".
        leading = st.decision.leading
        before = max(0.0, size * (3.5 if rows else 1.5) - leading)  # the DOCX's (docx._decision_styles)
        label_descent = -pdfmetrics.getDescent(st.signing.fontName, st.signing.fontSize)
        labels_baseline = before + leading + leading - label_descent  # under the line before it
        after_options = size * 0.5 if rows else 0.0  # the last option's cell padding, in the table above
        table = DecisionTable(
            [labels[: len(widths)]],
            colWidths=widths,
            hAlign="LEFT",
            spaceBefore=labels_baseline - size * 1.2 - after_options,
            style=[
                *lines,
                *no_padding,
                ("TOPPADDING", (0, 0), (-1, -1), size * 1.2 - st.signing.fontSize),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),  # the block ends with its labels' line, as in Word
            ],
        )
        parts.append(table)
    return parts


def _all_text(tree: DocumentTree) -> list[str]:
    texts = [row.value for row in tree.title_rows] + [c.text for c in tree.citations] + [s.text for s in tree.sources]
    if tree.contact:
        texts += [part for line in tree.contact.lines for part in line]
    if tree.decision:
        texts += [*tree.decision.options, *tree.decision.lines]
    for node in tree.body:
        texts.append(node.text)
        if isinstance(node, Quotation):
            texts.append(node.comment)
    return texts


def check_drawable(tree: DocumentTree) -> None:
    """Raise ExportError when the PDF fonts cannot draw some of the tree's text (the PDF export refuses it): the
    one check the export, the page count (`show --json`, the window's status bar) and `check` share."""
    texts = [*_all_text(tree), tree.classification]  # the marking is drawn on every page too
    families_needed(texts, _mains(tree))
    check_coverage(texts, main=_mains(tree)[0])


def write_pdf(tree: DocumentTree, stream: IO[bytes], *, progress: Progress | None = None) -> Layout:
    """Lay the tree out as a PDF and write it to a binary stream; returns the page count and headings' pages."""
    check_drawable(tree)
    return _build(tree, stream, progress=progress)


def _mains(tree: DocumentTree) -> tuple[Family, Family]:
    """The bundled families the template's body and heading fonts are drawn with (their twins)."""
    return main_family(tree.body_font), main_family(tree.heading_font)


def count_layout(tree: DocumentTree) -> Layout:
    """The export's layout of the tree without writing a PDF: its page count and the page of each heading.

    Raises ExportError as write_pdf does for text no bundled font draws: there is no PDF to count the pages of.
    """
    check_drawable(tree)
    return _build(tree, None, counting=True)


def _build(
    tree: DocumentTree, stream: IO[bytes] | None, *, counting: bool = False, progress: Progress | None = None
) -> Layout:
    """Lay the tree out on a numbered canvas that writes the PDF to stream, or (counting) on a PageCounter."""
    page = PAGE_SIZES.get(tree.page_size, LETTER)
    top, right, bottom, left = (m * mm for m in tree.margins_mm)
    size = tree.font_size_pt
    body, heading = _mains(tree)
    st = Styles(size, body, heading)
    width = page[0] - left - right
    area = FootnoteArea(width)
    regular, bold, _, _ = body.names()

    # 130 pt, or smaller for a word that would run off the page ("DRAFT / ÉBAUCHE" in a bilingual note): the
    # text's width and cap height, turned 45°, within the page's shorter side less half an inch each side
    watermark = tree.wording.word("DRAFT")
    room = (min(page) - 72) * math.sqrt(2) / (pdfmetrics.stringWidth(watermark, bold, 1) + 0.72)
    watermark_size = min(130.0, room)

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        if counting:
            return  # the watermark and the markings sit outside the frame and take none of its room
        with artifact(canvas):
            draw_page_marks(canvas)

    def draw_page_marks(canvas: Canvas) -> None:
        canvas.saveState()
        if tree.draft:
            canvas.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.35))
            canvas.setFont(bold, watermark_size)
            canvas.translate(page[0] / 2, page[1] / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, -0.35 * watermark_size, watermark)
            canvas.restoreState()
            canvas.saveState()
        canvas.setFont(bold, size - 1)
        canvas.setFillColor(colors.black)
        for placement, y in (("header", header_y), ("footer", footer_y)):
            if placement in tree.marking_placement:
                draw_marking(canvas, y)
        canvas.restoreState()

    # The running header and footer where Word puts the DOCX's: the header's line starts the header distance below
    # the page's top, the footer's last line ends the footer distance above its bottom, lines single-spaced
    header_top, footer_bottom = (furniture_distance_pt(tree.margins_mm[i]) for i in (0, 2))
    mark_ascent, mark_descent = word_line(bold, size - 1)
    _, number_descent = word_line(regular, size - 1)
    header_y = page[1] - header_top - mark_ascent
    footer_y = footer_bottom + mark_descent  # the footer's marking, under the page number
    number_y = footer_bottom + number_descent
    if "footer" in tree.marking_placement:
        number_y += mark_ascent + mark_descent
    marking = None if main_font_covers(tree.classification, body) else markup(tree.classification, st.marking)
    right_aligned = tree.marking_style == "top-right"

    def draw_marking(canvas: Canvas, baseline: float) -> None:
        if marking is None:  # the common case: one string in the main font
            if right_aligned:
                canvas.drawRightString(page[0] - right, baseline, tree.classification)
            else:
                canvas.drawCentredString(page[0] / 2, baseline, tree.classification)
            return
        # Another script (an Arabic, Hebrew or Chinese marking): a paragraph, which switches fonts per script
        # and orders right-to-left text; the box spans the page (centred) or ends at the right margin.
        style = st.marking_right if right_aligned else st.marking
        paragraph = Paragraph(marking, style)
        x, box = (left, page[0] - left - right) if right_aligned else (0, page[0])
        _, height = paragraph.wrap(box, size * 4)
        paragraph.drawOn(canvas, x, baseline - height + (size - 1))  # its first baseline one font size down

    def on_page_end(canvas: Canvas, doc: BaseDocTemplate) -> None:
        area.draw(canvas, left, bottom)
        frame._geom()  # give the next page its full height back (Footnoted raised the bottom)
        if progress:
            progress(min(0.9, 0.15 + 0.02 * doc.page), f"Laid out page {doc.page}")

    props = tree.properties
    doc = BaseDocTemplate(
        stream if stream is not None else io.BytesIO(),
        pagesize=page,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=props.get("title", ""),
        author=props.get("author", ""),
        subject=props.get("subject", ""),
        keywords=[k for k in (tree.classification, props.get("identifier", "")) if k],
        creator=f"Briefing {__version__}",
        producer=f"Briefing {__version__}",
        lang=tree.wording.tag,  # the catalogue's /Lang
        displayDocTitle=1,
        initialFontName=regular,
        pageCompression=1,
    )
    frame = TaggedFrame(
        left, bottom, width, page[1] - top - bottom, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
    )
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=on_page, onPageEnd=on_page_end)])
    story = build_flowables(tree, st, area, width)
    canvasmaker = PageCounter if counting else _numbered_canvas(tree, regular, size - 1, number_y)
    try:
        doc.build(story, canvasmaker=canvasmaker)
    except LayoutError:  # something will not fit in the page's frame, however many pages follow
        margins = ", ".join(
            f"{side} {m:g}" for side, m in zip(("top", "right", "bottom", "left"), tree.margins_mm, strict=True)
        )
        raise ExportError(
            None,
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "the text does not fit on the page: template {template} ({page_size}, "
                    "{font_size_pt} pt, margins {margins} mm) leaves {width} × {height} mm "
                    "for it; use smaller margins or another template",
                ),
                template=f"{tree.template!r}",
                page_size=tree.page_size,
                font_size_pt=f"{tree.font_size_pt:g}",
                margins=margins,
                width=f"{max(0, width) / mm:.0f}",
                height=f"{max(0, page[1] - top - bottom) / mm:.0f}",
            ),
        ) from None
    layout: Layout = doc.canv.layout
    return layout
