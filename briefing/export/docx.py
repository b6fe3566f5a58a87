"""DOCX renderer: the document tree as a Word document with real Word styles, footnotes, header and footer.

Built with python-docx from the project's own clean template (resources/docx/template.docx, made by
resources/docx/make_template.py: no library leftovers in properties or parts). Styles, page setup, header and
footer, text and core properties go through python-docx's API; what it lacks (footnotes, fields, bookmarks,
borders, complex-script fonts, the watermark, extended and custom properties) is in docx_parts.py.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import IO, Any

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.section import Section
from docx.shared import Pt, RGBColor, Twips
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from briefing import __version__, paths
from briefing.core.language import Wording
from briefing.core.richtext import Run as TextRun
from briefing.core.script import has_rtl, language_of
from briefing.export import docx_parts as parts
from briefing.export.docx_fonts import set_arabic_font
from briefing.export.tree import (
    BodyText,
    DecisionBlock,
    DocumentTree,
    Heading,
    ListBlock,
    Quotation,
    furniture_distance_pt,
)

PAGE_TWIPS = {"letter": (12240, 15840), "a4": (11906, 16838)}
# Chinese and Japanese: the template's office fonts lack them, and Word would pick a font by the text's language;
# Microsoft YaHei is on every Windows since Vista (LibreOffice, lacking it, falls back to a CJK font it has)
EAST_ASIAN_FONT = "Microsoft YaHei"
Styles = dict[str, Any]  # style id -> its python-docx paragraph or character style


QUOTE_BAR = (12, 8, "A6A6A6")  # a quotation's bar: 1.5 pt, 8 pt from the text, grey (the PDF's)
QUOTE_BAR_SHADE = "A7A7A7"  # the bar of a quotation paragraph right after another: apart from its bar (_body)


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


# --- styles ----------------------------------------------------------------------------------------------


class _Styles:
    """The styles a briefing uses, created on the template's Normal and Default Paragraph Font."""

    def __init__(self, document: Document, tree: DocumentTree) -> None:
        self.document = document
        self.size = round(tree.font_size_pt * 2)  # half-points, as Word stores sizes
        self.head = tree.heading_font
        styles = document.styles
        self.normal = styles["Normal"]
        self.default_font = styles["Default Paragraph Font"]
        parts.set_doc_defaults(document, tree.body_font, EAST_ASIAN_FONT, self.size, tree.wording.tag)

    def paragraph(
        self,
        style_id: str,
        name: str,
        *,
        after: int | None = None,
        before: int | None = None,
        based: ParagraphStyle | None = None,
        heading_font: bool = False,
        size: int = 0,
        priority: int | None = None,
        next_normal: bool = False,
        builtin: bool = True,
        line: float = 0,
    ) -> ParagraphStyle:
        """A quick-style paragraph style; spacing in twips, size in half-points (0: the document's), line spacing in
        points (0: its base style's); `next_normal`: Enter after it gives a Normal paragraph (titles and headings)."""
        style = self.document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=builtin)
        assert isinstance(style, ParagraphStyle)
        style.style_id = style_id
        style.base_style = based or self.normal
        if next_normal:
            style.next_paragraph_style = self.normal
        if priority is not None:
            style.priority = priority
        style.quick_style = True
        fmt = style.paragraph_format
        if before is not None:
            fmt.space_before = Twips(before)
        if after is not None:
            fmt.space_after = Twips(after)
        if line:
            _line_spacing(style, line)
        if heading_font:
            parts.set_fonts(style.element.get_or_add_rPr(), self.head, EAST_ASIAN_FONT)
        if size:
            style.font.size = Pt(size / 2)
            parts.set_complex_size(style.element.get_or_add_rPr(), size)
        return style

    def character(self, style_id: str, name: str, *, builtin: bool = True) -> CharacterStyle:
        style = self.document.styles.add_style(name, WD_STYLE_TYPE.CHARACTER, builtin=builtin)
        assert isinstance(style, CharacterStyle)
        style.style_id = style_id
        style.base_style = self.default_font
        return style


def _line_spacing(style: ParagraphStyle, points: float) -> None:
    """At least `points` from baseline to baseline: the PDF's leading exactly for text in the template's font (taller
    scripts get more rather than being clipped), so Word breaks pages where the PDF does."""
    fmt = style.paragraph_format
    fmt.line_spacing = Pt(points)
    fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST


def _pt(points: float) -> int:
    return round(points * 20)  # twips


def _bold(style: ParagraphStyle | CharacterStyle) -> None:
    style.font.bold = style.font.cs_bold = True


def _single_lines(style: ParagraphStyle, tabs: bool = False) -> None:
    """No space after, single line spacing (footnotes, header, footer); header and footer get Word's tab stops."""
    fmt = style.paragraph_format
    if tabs:
        fmt.tab_stops.add_tab_stop(Twips(4680), WD_TAB_ALIGNMENT.CENTER)
        fmt.tab_stops.add_tab_stop(Twips(9360), WD_TAB_ALIGNMENT.RIGHT)
    fmt.space_after = Twips(0)
    fmt.line_spacing = 1.0


def _add_styles(document: Document, tree: DocumentTree) -> Styles:
    # Sizes, line spacing, spacing and indents are the PDF's (export/pdfstyles.py Styles), so Word and LibreOffice break
    # lines and pages where the PDF does: the PDF draws the template's font with its metric-compatible twin.
    s = _Styles(document, tree)
    size = s.size
    pt = tree.font_size_pt
    _line_spacing(s.normal, pt * 1.35)
    s.normal.paragraph_format.space_after = Twips(_pt(pt * 0.55))
    s.normal.paragraph_format.widow_control = True  # as the PDF: never a paragraph's single line alone on a page
    title = s.paragraph(
        "Title", "Title", before=_pt(6), after=_pt(3), heading_font=True, size=size + 12, priority=10,
        next_normal=True, line=(pt + 6) * 1.25,
    )  # fmt: skip
    _bold(title)
    subtitle = s.paragraph(
        "Subtitle", "Subtitle", after=_pt(10), heading_font=True, size=size + 4, priority=11, next_normal=True,
        line=(pt + 2) * 1.3,
    )  # fmt: skip
    subtitle.font.italic = subtitle.font.cs_italic = True
    heading1 = s.paragraph(
        "Heading1", "Heading 1", before=_pt(pt * 1.3), after=_pt(pt * 0.6), heading_font=True, size=size + 4,
        priority=9, next_normal=True, line=(pt + 2) * 1.3,
    )  # fmt: skip
    heading1.paragraph_format.keep_with_next = heading1.paragraph_format.keep_together = True
    parts.set_border(heading1.element.get_or_add_pPr(), "bottom", 4, 1, "808080")
    parts.set_outline_level(heading1.element.get_or_add_pPr(), 0)
    _bold(heading1)
    heading2 = s.paragraph(
        "Heading2", "Heading 2", before=200, after=80, heading_font=True, size=size + 2, priority=9, next_normal=True
    )
    heading2.paragraph_format.keep_with_next = heading2.paragraph_format.keep_together = True
    parts.set_outline_level(heading2.element.get_or_add_pPr(), 1)
    _bold(heading2)
    quote = s.paragraph("Quote", "Quote", priority=29)
    parts.set_border(quote.element.get_or_add_pPr(), "left", *QUOTE_BAR)
    quote.paragraph_format.left_indent = quote.paragraph_format.right_indent = Twips(twips(12))
    quote.font.italic = quote.font.cs_italic = True
    quote.font.color.rgb = RGBColor.from_string("262626")
    comment = s.paragraph("AnalystComment", "Analyst Comment", size=size - 2, builtin=False, line=(pt - 1) * 1.3)
    comment.paragraph_format.left_indent = comment.paragraph_format.right_indent = Twips(twips(12))
    comment.font.color.rgb = RGBColor.from_string("595959")
    s.paragraph("TitleBlock", "Title Block", after=40, builtin=False)
    emphasis = s.paragraph("TitleBlockEmphasis", "Title Block Emphasis", after=40, builtin=False)
    _bold(emphasis)
    emphasis.font.all_caps = True
    label = s.character("TitleBlockLabel", "Title Block Label", builtin=False)
    _bold(label)
    if tree.contact:  # these only where used: a note for information has no styles for a decision block
        s.paragraph("ContactBlock", "Contact Block", before=240, after=40, builtin=False)
    if tree.decision:
        _decision_styles(s, tree)
    if any(isinstance(node, ListBlock) for node in tree.body):
        s.paragraph("ListParagraph", "List Paragraph", after=60, priority=34)  # Word's own, for its lists
    numbered = s.paragraph("ListNumber", "List Number", after=_pt(3))
    parts.set_numbering(numbered.element.get_or_add_pPr(), 1)
    numbered.paragraph_format.left_indent = Twips(360)
    numbered.paragraph_format.first_line_indent = Twips(-360)
    footnote = s.paragraph(
        "FootnoteText", "footnote text", after=_pt(1.5), size=round((pt - 2.5) * 2), priority=99, line=(pt - 2.5) * 1.25
    )
    footnote.paragraph_format.left_indent = Twips(200)  # the number hangs in a 10 pt indent
    footnote.paragraph_format.first_line_indent = Twips(-200)
    reference = s.character("FootnoteReference", "footnote reference")
    reference.font.superscript = True
    link = s.character("Hyperlink", "Hyperlink")
    link.font.color.rgb = RGBColor.from_string("0563C1")
    link.font.underline = True
    header = s.paragraph("Header", "header", size=size - 2, priority=99)
    footer = s.paragraph("Footer", "footer", size=size - 2, priority=99)
    for style in (header, footer):
        _single_lines(style, tabs=True)
    marking = s.paragraph("ClassificationMarking", "Classification Marking", after=0, based=header, builtin=False)
    _bold(marking)
    marking.font.all_caps = True
    marking.font.color.rgb = RGBColor.from_string("000000")
    return {style.style_id: style for style in document.styles if style.style_id}


def _decision_styles(s: _Styles, tree: DocumentTree) -> None:
    """The decision block's options, its lines to sign and date (tabs with an underline leader, which stay lines
    when the note is edited) and the labels under them; kept with what follows, so the block stays on one page."""
    # The PDF's spacing (pdf.py _decision_block): each option a line and half a font size under it, the first
    # 1.5 font sizes below the text before it (set on that paragraph, in _decision_block); the lines to sign 3.5
    # font sizes below the options (1.5 without options), here drawn at the foot of their own line of text
    pt = tree.font_size_pt
    option = s.paragraph("DecisionOption", "Decision Option", after=_pt(pt * 0.5), builtin=False)
    option.paragraph_format.keep_with_next = True
    room = pt * (3.5 if tree.decision and tree.decision.options else 1.5)
    lines = s.paragraph("SignatureLine", "Signature Line", before=_pt(max(0, room - pt * 1.35)), after=0, builtin=False)
    lines.paragraph_format.keep_with_next = True
    labels = s.paragraph("SignatureLabel", "Signature Label", after=120, size=s.size - 2, builtin=False)
    signature_end, date_start, date_end = _signing_tabs(tree)
    lines.paragraph_format.tab_stops.add_tab_stop(Twips(signature_end), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.LINES)
    lines.paragraph_format.tab_stops.add_tab_stop(Twips(date_start), WD_TAB_ALIGNMENT.LEFT)
    lines.paragraph_format.tab_stops.add_tab_stop(Twips(date_end), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)
    labels.paragraph_format.tab_stops.add_tab_stop(Twips(date_start), WD_TAB_ALIGNMENT.LEFT)


def _signing_tabs(tree: DocumentTree) -> tuple[int, int, int]:
    """Where the signature line ends, and the date line starts and ends, in twips: as the PDF draws them."""
    page_width = PAGE_TWIPS.get(tree.page_size, PAGE_TWIPS["letter"])[0]
    width = page_width - twips(tree.margins_mm[1]) - twips(tree.margins_mm[3])
    return round(width * 0.55), round(width * 0.65), width


# --- page, header, footer, body --------------------------------------------------------------------------


def _page_setup(section: Section, tree: DocumentTree) -> None:
    width, height = PAGE_TWIPS.get(tree.page_size, PAGE_TWIPS["letter"])
    top, right, bottom, left = (twips(m) for m in tree.margins_mm)
    section.page_width, section.page_height = Twips(width), Twips(height)
    section.top_margin, section.right_margin = Twips(top), Twips(right)
    section.bottom_margin, section.left_margin = Twips(bottom), Twips(left)
    section.header_distance = Twips(round(furniture_distance_pt(tree.margins_mm[0]) * 20))
    section.footer_distance = Twips(round(furniture_distance_pt(tree.margins_mm[2]) * 20))
    section.gutter = Twips(0)


def _marking(paragraph: Paragraph, tree: DocumentTree, styles: Styles) -> None:
    paragraph.style = styles["ClassificationMarking"]
    top_right = tree.marking_style == "top-right"
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if top_right else WD_ALIGN_PARAGRAPH.CENTER


def _header_footer(section: Section, tree: DocumentTree, styles: Styles) -> None:
    header = section.header.paragraphs[0]
    if "header" in tree.marking_placement:
        _marking(header, tree, styles)
    else:
        header.style = styles["Header"]
    if tree.draft:
        parts.add_watermark(header, tree.heading_font, tree.wording.word("DRAFT"))
    if "header" in tree.marking_placement:
        _label(header, tree.wording, tree.classification)

    footer = section.footer
    page = footer.paragraphs[0]
    page.style = styles["Footer"]
    page.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for half, lang in tree.wording.halves(tree.wording.page_pattern):  # a bilingual note's French half tagged
        for piece in re.split(r"(\{page\}|\{pages\})", half):  # "Page {page} of {pages}"
            if piece in ("{page}", "{pages}"):
                parts.add_field(page, "PAGE" if piece == "{page}" else "NUMPAGES", "1")
            elif piece:
                _run(page, piece, lang=lang)
    if "footer" in tree.marking_placement:
        marking = footer.add_paragraph()
        _marking(marking, tree, styles)
        _label(marking, tree.wording, tree.classification)


def _paragraph(
    document: Document, style: ParagraphStyle, text: str = "", rtl: bool = False, lang: str = ""
) -> Paragraph:
    paragraph = document.add_paragraph()
    # The style's id, as Paragraph.style would write it (Normal, the default, is left out). That setter looks for
    # the default among all the styles on every call, and its element layer then looks for each of some 35
    # possible later siblings in turn: together most of the export's time, so the id is set on the element.
    if style.style_id != "Normal":
        parts.set_child(paragraph._p.get_or_add_pPr(), "w:pStyle", val=style.style_id)
    if text:
        run = _run(paragraph, text, lang=lang)
        if rtl:
            run.font.rtl = True
    if rtl:
        parts.set_bidi(paragraph)
    return paragraph


def _run(paragraph: Paragraph, text: str, style: CharacterStyle | None = None, lang: str = "") -> Run:
    """A run of text, tagged with its language when it is not the document's: `lang` when the caller knows it
    (the other title, a quotation from a French source), and in any case the script's (Persian, Chinese...)."""
    run = parts.add_text_run(paragraph, text)
    if style is not None:
        parts.set_child(run._r.get_or_add_rPr(), "w:rStyle", val=style.style_id)  # as Run.style would (see above)
    tags = {"val": lang} if lang else {}
    script = language_of(text)
    # Word reads the language of Arabic, Hebrew and Thai runs (complex scripts) from w:bidi, of Chinese, Japanese
    # and Korean from w:eastAsia, of Greek, Armenian and Georgian from w:val
    if script in ("ar", "fa", "he", "th"):
        tags["bidi"] = script
    elif script in ("zh", "ja", "ko"):
        tags["eastAsia"] = script
    elif script:
        tags["val"] = lang or script
    if tags:
        parts.set_child(run._r.get_or_add_rPr(), "w:lang", **tags)
    return run


def _label(paragraph: Paragraph, words: Wording, text: str, style: CharacterStyle | None = None) -> None:
    """A label or fixed word of the export's; in a bilingual note its French half a run of its own, tagged French."""
    for half, lang in words.halves(text):
        _run(paragraph, half, style, lang)


def _rich(paragraph: Paragraph, runs: tuple[TextRun, ...], rtl: bool = False, lang: str = "") -> None:
    """The analyst's bold and italic runs, as direct formatting (what Ctrl+B and Ctrl+I give in Word too), tagged
    `lang` when not in the document's language."""
    for part in runs:
        run = _run(paragraph, part.text, lang=lang)
        if part.bold:
            run.font.bold = True
            if rtl or has_rtl(part.text):  # Word and LibreOffice draw Arabic and Hebrew with the complex-script bold
                run.font.cs_bold = True
        if part.italic:
            run.font.italic = True
        if rtl:
            run.font.rtl = True


def _list(document: Document, block: ListBlock, styles: Styles, lists: parts.Lists) -> None:
    """Word list paragraphs: a new list (w:num) wherever a list or sub-list starts, so its numbers are the tree's."""
    open_lists: dict[int, tuple[str, int]] = {}  # level -> (kind, numId) of the list open at that level
    for item in block.items:
        for level in [level for level in open_lists if level > item.level]:
            del open_lists[level]  # back at a shallower level: a later sub-list starts again
        kind, num_id = open_lists.get(item.level, ("", 0))
        if kind != item.kind:
            num_id = lists.new(item.kind, item.level, item.number)
            open_lists[item.level] = (item.kind, num_id)
        paragraph = _paragraph(document, styles["ListParagraph"], rtl=item.rtl)
        parts.set_list_level(paragraph._p.get_or_add_pPr(), num_id, item.level)
        if block.under_number:  # under a numbered paragraph's text: its level's indent, moved in by the number's
            left, hanging = parts.list_indent(item.kind, item.level)
            paragraph.paragraph_format.left_indent = Twips(parts.PARAGRAPH_NUMBER_INDENT + left)
            paragraph.paragraph_format.first_line_indent = Twips(-hanging)
        _rich(paragraph, item.runs, item.rtl, item.lang)


def _body(document: Document, tree: DocumentTree, styles: Styles) -> None:
    label = styles["TitleBlockLabel"]
    lists = parts.Lists(document)
    paragraph_numbers = 0  # the numId of the note's numbered paragraphs, made at the first
    next_number = 0  # the number Word gives the next paragraph of that list; another starts a new list there
    for row in tree.title_rows:
        if row.name == "classification":
            continue  # printed on every page by the header and footer
        if row.name == "title":
            _paragraph(document, styles["Title"], row.value, lang=row.lang)
        elif row.name == "title_fr":
            _paragraph(document, styles["Subtitle"], row.value, lang=row.lang)
        elif row.name in ("addressee", "purpose"):
            _label(_paragraph(document, styles["TitleBlockEmphasis"]), tree.wording, row.value)
        else:
            paragraph = _paragraph(document, styles["TitleBlock"])
            _label(paragraph, tree.wording, tree.wording.label(row.label), label)
            if row.name == "date":  # "7 December 2026 / 7 décembre 2026"; what the analyst typed is as typed
                _label(paragraph, tree.wording, row.value)
            else:
                _run(paragraph, row.value)

    if document.paragraphs:  # the gap of 0.4 em under the title block, as the PDF: extra space after
        last = document.paragraphs[-1]
        after = last.style.paragraph_format.space_after if last.style is not None else None
        last.paragraph_format.space_after = Twips((after.twips if after else 0) + _pt(0.4 * tree.font_size_pt))

    bookmark = 0
    quotes_in_a_row = 0  # quotation paragraphs since the last other paragraph
    for node in tree.body:
        if not isinstance(node, Quotation):
            quotes_in_a_row = 0
        if isinstance(node, Heading):
            bookmark += 1
            # "_" + the tree's unique slug (at most 39): a hidden bookmark, as Word's own _Toc ones, of at most 40
            heading = _paragraph(document, styles[f"Heading{min(max(node.level, 1), 2)}"])
            (english, _), *french = tree.wording.halves(node.text)  # "Purpose / " and "Objet", tagged French
            parts.add_bookmark(heading, bookmark, "_" + node.anchor.replace("-", "_"), english)
            for half, lang in french:
                _run(heading, half, lang=lang)
        elif isinstance(node, Quotation):
            lang = "" if node.lang.split("-")[0].lower() in ("", tree.wording.tag[:2]) else node.lang
            quoted = [_paragraph(document, styles["Quote"], text, node.rtl, lang) for text in node.paragraphs]
            for paragraph in quoted:
                # Word and LibreOffice join the bars of adjacent paragraphs with the same border into one; the PDF
                # draws a bar per paragraph. Every other one's bar a shade apart (invisibly) keeps them apart too.
                if quotes_in_a_row % 2:
                    parts.set_border(paragraph._p.get_or_add_pPr(), "left", *QUOTE_BAR[:2], QUOTE_BAR_SHADE)
                quotes_in_a_row += 1
            if node.upright:  # right-to-left and CJK quotations: upright, keeping the indent and border
                for paragraph in quoted:
                    for run in paragraph.runs:
                        run.font.italic = run.font.cs_italic = False
            reference = _run(quoted[-1], "", styles["FootnoteReference"])  # the mark after the last paragraph
            parts.add_footnote_reference(reference, node.citation.number)
            for line in node.comment.split("\n") if node.comment else ():
                quotes_in_a_row = 0
                comment = _paragraph(document, styles["AnalystComment"])
                _label(comment, tree.wording, tree.wording.label(tree.wording.word("Analyst comment")), label)
                _run(comment, line, lang=node.comment_lang)
        elif isinstance(node, BodyText):
            if node.runs:
                paragraph = _paragraph(document, styles["Normal"], rtl=node.rtl)
                _rich(paragraph, node.runs, node.rtl, node.lang)
            else:
                paragraph = _paragraph(document, styles["Normal"], node.text, node.rtl, node.lang)
            if node.number:  # one list across the whole note: 1, 2, ... through every section
                if node.number != next_number:  # a bilingual note's French paragraph repeats its English one's
                    paragraph_numbers = lists.new("paragraph", 0, node.number)
                next_number = node.number + 1
                parts.set_list_level(paragraph._p.get_or_add_pPr(), paragraph_numbers, 0)
        elif isinstance(node, ListBlock):
            _list(document, node, styles, lists)
    if tree.sources_first:  # a note for decision ends with its decision block
        paragraph = _sources_list(document, tree, styles) or paragraph
    if tree.contact:
        for index, (name, text) in enumerate(tree.contact.lines):
            contact = _paragraph(document, styles["ContactBlock"])
            _label(contact, tree.wording, tree.wording.label(name), label)
            _run(contact, text)
            if index:  # (the first set apart from the text above; the others under it, as title-block rows)
                contact.paragraph_format.space_before = Twips(0)
            # with the decision block after it, as the PDF keeps them: no page of boxes and lines to sign alone
            contact.paragraph_format.keep_with_next = tree.decision is not None or None
    elif tree.decision and (tree.sources or (tree.body and isinstance(tree.body[-1], BodyText))):
        paragraph.paragraph_format.keep_with_next = True  # no contact line: the paragraph before it, as the PDF
    if tree.decision:
        _decision_block(document, tree.decision, styles, tree.font_size_pt, tree.wording)
    if not tree.sources_first:
        _sources_list(document, tree, styles)


def _sources_list(document: Document, tree: DocumentTree, styles: Styles) -> Paragraph | None:
    """The Sources heading and its numbered entries; returns the last entry (None without a sources list)."""
    paragraph = None
    if tree.sources:
        _paragraph(document, styles["Heading1"], tree.sources_heading)
    for entry in tree.sources:
        paragraph = _paragraph(document, styles["ListNumber"])
        if not entry.title_lang:
            parts.add_linked_text(paragraph, entry.text, entry.url)
            continue
        before, after = entry.text.split(entry.title, 1)  # the title its own run, in its language
        for text, lang in ((before, ""), (entry.title, entry.title_lang), (after, "")):
            if text and lang:
                _run(paragraph, text, lang=lang)
            elif text:
                parts.add_linked_text(paragraph, text, entry.url)
    return paragraph


def _decision_block(document: Document, decision: DecisionBlock, styles: Styles, size: float, words: Wording) -> None:
    for index, option in enumerate(decision.options):
        paragraph = _paragraph(document, styles["DecisionOption"])
        _label(paragraph, words, f"\u2610  {option}")  # ☐, a box to tick
        if index == 0:  # set apart from the text above, as in the PDF
            paragraph.paragraph_format.space_before = Twips(_pt(size * 1.5))
    if decision.lines:  # python-docx's run.text makes each tab a w:tab, which the tab stops then place
        # A no-break space in the gap after the signature line: LibreOffice sets a line of tabs alone without the
        # style's leading (2.4 pt shorter at 12 pt), where Word gives every line its leading; with it, both alike
        tabs = ["\t"] * (len(decision.lines) * 2 - 1)
        tabs[0] += "\u00a0"
        _paragraph(document, styles["SignatureLine"]).add_run("".join(tabs))
        labels = _paragraph(document, styles["SignatureLabel"])
        if words.language != "bilingual":
            labels.add_run("\t".join(decision.lines))
        for index, line in enumerate(decision.lines if words.language == "bilingual" else ()):
            if index:  # "Minister / Ministre", then "Date", a tab apart: each label's French half tagged
                labels.add_run("\t")
            _label(labels, words, line)


def _properties(document: Document, tree: DocumentTree, now: datetime) -> None:
    p = tree.properties
    fields = [
        ("title", p.get("title", "")),
        ("subject", p.get("subject", "")),
        ("author", p.get("author", "")),
        ("keywords", p.get("keywords", "")),
        ("category", p.get("category", "")),
        ("last_modified_by", p.get("author", "")),
        ("identifier", p.get("identifier", "")),
        ("content_status", p.get("status", "")),
    ]
    for name, value in fields:
        if value:
            parts.set_core_property(document, name, value)
    stamp = now.astimezone(UTC).replace(microsecond=0)
    core = document.core_properties
    core.revision = 1
    core.created = core.modified = stamp
    custom = [("Classification", tree.classification)] + ([("Draft", "true")] if tree.draft else [])
    parts.add_properties(document, f"Briefing {__version__}", custom)


def write_docx(tree: DocumentTree, stream: IO[bytes], *, now: datetime | None = None) -> None:
    """Write the tree as a .docx package to a binary stream."""
    document = docx.Document(str(paths.resource("docx", "template.docx")))
    styles = _add_styles(document, tree)
    section = document.sections[0]
    _page_setup(section, tree)
    _header_footer(section, tree, styles)
    _body(document, tree, styles)
    footnotes = parts.add_footnotes(document, tree.citations)
    set_arabic_font(document, [document.element.body, footnotes])
    _properties(document, tree, now or datetime.now(UTC))
    document.save(stream)
