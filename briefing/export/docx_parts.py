"""What python-docx's API lacks, through its element (oxml) and part (opc) layers: the one home of raw
WordprocessingML in the DOCX writer.

python-docx has no footnotes, fields, bookmarks, paragraph borders, outline levels, complex-script sizes and
fonts, document defaults, VML watermarks, or extended and custom properties; briefing/export/docx.py does
everything else through the API.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from briefing.export.tree import LIST_STEP_PT, NUMBER_INDENT_PT, Citation, escape

# the VML namespaces of Word's own watermark; the template's header declares them on its root
VML = nsdecls("w") + ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'


# Children in schema order (ECMA-376 CT_PPrBase, CT_RPr, CT_Settings from footnotePr on): Word rejects a file
# whose property elements are out of order. python-docx keeps such tables but deletes them after class creation.
SCHEMA_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em "
    "lang eastAsianLayout specVanish oMath",
    "settings": "footnotePr endnotePr compat docVars rsids attachedSchema themeFontLang clrSchemeMapping "
    "doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType "
    "shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator",
}
_RANK = {
    qn(f"w:{parent}"): {qn(f"w:{tag}"): rank for rank, tag in enumerate(tags.split())}
    for parent, tags in SCHEMA_ORDER.items()
}


def set_child(parent: BaseOxmlElement, tag: str, **attrs: str) -> BaseOxmlElement:
    """`parent`'s child `tag` ("w:bidi"), added in schema order when missing, with these w: attributes set."""
    clark = qn(tag)
    child: BaseOxmlElement | None = parent.find(clark)
    if child is None:
        child = OxmlElement(tag)
        rank = _RANK.get(parent.tag, {})
        later = [c for c in parent if rank.get(c.tag, -1) > rank.get(clark, len(rank))]
        if later:
            later[0].addprevious(child)
        else:
            parent.append(child)
    for name, value in attrs.items():
        child.set(qn(f"w:{name}"), value)
    return child


def set_fonts(rpr: BaseOxmlElement, font: str, east_asian_font: str) -> None:
    """The font of Latin, Greek, Cyrillic and complex-script text (Arabic, Hebrew: Windows' Arial and Times New
    Roman draw them), and the one of Chinese and Japanese text."""
    set_child(rpr, "w:rFonts", ascii=font, hAnsi=font, eastAsia=east_asian_font, cs=font)


def set_complex_size(rpr: BaseOxmlElement, half_points: int) -> None:
    """The size of complex-script text (python-docx sets only w:sz, which Word ignores for Arabic and Hebrew)."""
    set_child(rpr, "w:szCs", val=str(half_points))


def set_doc_defaults(document: Document, font: str, east_asian_font: str, half_points: int, lang: str) -> None:
    """The document's default fonts, size and language (the note's: "fr-CA"); the template's docDefaults carry
    spacing and the languages of East Asian and complex-script text."""
    rpr = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert rpr is not None, "the DOCX template has no docDefaults"
    set_fonts(rpr, font, east_asian_font)
    set_child(rpr, "w:sz", val=str(half_points))
    set_complex_size(rpr, half_points)
    set_child(rpr, "w:lang", val=lang)


def set_border(ppr: BaseOxmlElement, side: str, size: int, space: int, color: str) -> None:
    """A single-line paragraph border; size in eighths of a point, space in points."""
    border = set_child(ppr, "w:pBdr")
    line = OxmlElement(f"w:{side}")
    for name, value in (("val", "single"), ("sz", size), ("space", space), ("color", color)):
        line.set(qn(f"w:{name}"), str(value))
    border.append(line)


def set_outline_level(ppr: BaseOxmlElement, level: int) -> None:
    set_child(ppr, "w:outlineLvl", val=str(level))


def set_numbering(ppr: BaseOxmlElement, num_id: int) -> None:
    """Numbered by the template's numbering.xml list `num_id`."""
    set_child(set_child(ppr, "w:numPr"), "w:numId", val=str(num_id))


def set_list_level(ppr: BaseOxmlElement, num_id: int, level: int) -> None:
    """In Word list `num_id`, at nesting level `level` (from 0)."""
    numpr = set_child(ppr, "w:numPr")
    set_child(numpr, "w:ilvl", val=str(level))
    set_child(numpr, "w:numId", val=str(num_id))


# The analyst's lists and numbered paragraphs: one abstract definition per kind, all nine of Word's levels, each
# level indented 0.25" more; bullets alternate • and –, as Word's own. (format, text with %n for the number)
# kind -> (level -> (Word's number format, the level's text))
_LIST_KINDS: dict[str, Callable[[int], tuple[str, str]]] = {
    "bullet": lambda level: ("bullet", "•" if level % 2 == 0 else "–"),
    "number": lambda level: ("decimal", f"%{level + 1}."),
    "letter": lambda level: ("lowerLetter", f"%{level + 1})"),
    "roman": lambda level: ("lowerRoman", f"%{level + 1}."),
    "paragraph": lambda level: ("decimal", f"%{level + 1}."),
}


PARAGRAPH_NUMBER_INDENT = round(NUMBER_INDENT_PT * 20)  # in twips (567): the PDF's indent
_LIST_STEP = round(LIST_STEP_PT * 20)  # twips (360)


def list_indent(kind: str, level: int) -> tuple[int, int]:
    """A list level's text indent and its label's hanging indent, in twips."""
    hanging = PARAGRAPH_NUMBER_INDENT if kind == "paragraph" else _LIST_STEP
    return hanging + _LIST_STEP * level, hanging


class Lists:
    """Word lists added to the template's numbering part: each list (and sub-list) its own w:num, so that its
    numbering starts where the analyst's does, all sharing one abstract definition per kind."""

    def __init__(self, document: Document) -> None:
        self.numbering = document.part.numbering_part.element
        self.abstract: dict[str, int] = {}

    def new(self, kind: str, level: int = 0, start: int = 1) -> int:
        """A new list of `kind` (bullet, number, letter, roman, paragraph) whose `level` starts at `start`: its
        numId."""
        if kind not in self.abstract:
            self.abstract[kind] = self._add_abstract(kind)
        num = self.numbering.add_num(self.abstract[kind])
        if kind != "bullet":
            override = parse_xml(
                f'<w:lvlOverride {nsdecls("w")} w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            )
            num.append(override)
        return int(num.numId)

    def _add_abstract(self, kind: str) -> int:
        ids = [int(a.get(qn("w:abstractNumId"))) for a in self.numbering.findall(qn("w:abstractNum"))]
        abstract_id = max(ids, default=-1) + 1
        levels = []
        for level in range(1 if kind == "paragraph" else 9):  # Word's nine list levels; paragraphs have one
            fmt, text = _LIST_KINDS[kind](level)
            left, hanging = list_indent(kind, level)
            levels.append(
                f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
            )
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="{"singleLevel" if kind == "paragraph" else "hybridMultilevel"}"/>'
            f"{''.join(levels)}</w:abstractNum>"
        )
        first_num = self.numbering.find(qn("w:num"))  # every abstractNum comes before the nums
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.numbering.append(abstract)
        return abstract_id


def set_bidi(paragraph: Paragraph) -> None:
    """A right-to-left paragraph (python-docx has run.font.rtl but nothing for the paragraph)."""
    set_child(paragraph._p.get_or_add_pPr(), "w:bidi")


def add_text_run(paragraph: Paragraph, text: str) -> Run:
    """A plain run: the tree's text has no tabs or newlines, so python-docx's character-by-character
    translation of them (run.text) is not needed, and one w:t is several times faster."""
    r = paragraph._p.add_r()
    if text:
        r.add_t(text)
    return Run(r, paragraph)


def add_linked_text(paragraph: Paragraph, text: str, url: str) -> None:
    """The text as plain runs, its URL (where it is in the text) a hyperlink in the Hyperlink style, as the
    footnotes' are and as the PDF makes it a link."""
    if not url or url not in text:
        add_text_run(paragraph, text)
        return
    before, after = text.split(url, 1)
    if before:
        add_text_run(paragraph, before)
    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}" w:history="1">{_run(url, "Hyperlink")}</w:hyperlink>'
    paragraph._p.append(parse_xml(link))
    if after:
        add_text_run(paragraph, after)


def add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A simple field (PAGE, NUMPAGES) showing `shown` until Word or LibreOffice updates it."""
    field = OxmlElement("w:fldSimple", {qn("w:instr"): f" {instruction} "})
    r = OxmlElement("w:r")
    set_child(r.get_or_add_rPr(), "w:noProof")
    r.add_t(shown)
    field.append(r)
    paragraph._p.append(field)


def add_bookmark(paragraph: Paragraph, bookmark_id: int, name: str, text: str) -> None:
    """A run of `text` inside the bookmark `name` (a hidden one when `name` starts with "_")."""
    paragraph._p.append(OxmlElement("w:bookmarkStart", {qn("w:id"): str(bookmark_id), qn("w:name"): name}))
    add_text_run(paragraph, text)
    paragraph._p.append(OxmlElement("w:bookmarkEnd", {qn("w:id"): str(bookmark_id)}))


def add_footnote_reference(run: Run, number: int) -> None:
    run._r.append(OxmlElement("w:footnoteReference", {qn("w:id"): str(number)}))


WATERMARK_SHAPETYPE = (
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>'
    '<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
    '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>'
    '<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>'
    '<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
)


def add_watermark(paragraph: Paragraph, font: str, text: str = "DRAFT") -> None:
    """Word's own DRAFT watermark ("ÉBAUCHE" in French): a grey VML text path, rotated, behind every page."""
    family = _attr(font)
    paragraph._p.append(
        parse_xml(
            f"<w:r {VML}><w:pict>{WATERMARK_SHAPETYPE}"
            '<v:shape id="DraftWatermark" o:spid="_x0000_s2049" type="#_x0000_t136" '
            'style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:110pt;rotation:315;'
            "z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
            'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" '
            'fillcolor="#c0c0c0" stroked="f"><v:fill opacity=".5"/>'
            f'<v:textpath style="font-family:&quot;{family}&quot;;font-size:1pt" string="{_attr(text)}"/>'
            "</v:shape></w:pict></w:r>"
        )
    )


# --- parts ------------------------------------------------------------------------------------------------

SEPARATORS = (
    # 6 pt for the rule above the footnotes, as in the PDF (FootnoteArea.separator), so both paginate alike
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="120" '
    'w:lineRule="exact"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)


def _run(text: str, style: str = "", lang: str = "") -> str:
    styled = f'<w:rStyle w:val="{style}"/>' if style else ""
    tagged = f'<w:lang w:val="{_attr(lang)}"/>' if lang else ""  # a footnote in the other language
    props = f"<w:rPr>{styled}{tagged}</w:rPr>" if style or lang else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def add_footnotes(document: Document, citations: list[Citation]) -> BaseOxmlElement:
    """word/footnotes.xml with Word's separators and one footnote a citation, its URLs as hyperlinks, and the
    settings that point at the separators (the part's root returned). The body's references are
    add_footnote_reference runs.

    The part is written as text and parsed once: element by element it would take most of the export's time."""
    root = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}/>")
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    notes = [SEPARATORS]
    # the number, then a tab to the hanging indent: the text lines up after it, as in the PDF
    mark = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:tab/></w:r>'
    for citation in citations:
        text = citation.text
        if citation.url and citation.url in text:
            before, after = text.split(citation.url, 1)
            rid = part.relate_to(citation.url, RT.HYPERLINK, is_external=True)
            link = f'<w:hyperlink r:id="{rid}" w:history="1">{_run(citation.url, "Hyperlink")}</w:hyperlink>'
            runs = _titled_runs(before, citation) + link + _titled_runs(after, citation)
        else:
            runs = _titled_runs(text, citation)
        notes.append(
            f'<w:footnote w:id="{citation.number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f"{mark}{runs}</w:p></w:footnote>"
        )
    root.extend(parse_xml(f"<w:footnotes {nsdecls('w', 'r')}>{''.join(notes)}</w:footnotes>"))
    footnote_pr = set_child(document.settings.element, "w:footnotePr")
    for number in ("-1", "0"):
        footnote_pr.append(OxmlElement("w:footnote", {qn("w:id"): number}))
    return root


def _titled_runs(text: str, citation: Citation) -> str:
    """A footnote's text as runs in its language; a source title in another language its own run, tagged so."""
    if not text:
        return ""
    if not citation.title_lang or citation.title not in text:
        return _run(text, lang=citation.lang)
    before, after = text.split(citation.title, 1)
    runs = _run(citation.title, lang=citation.title_lang)
    return (
        (_run(before, lang=citation.lang) if before else "") + runs + (_run(after, lang=citation.lang) if after else "")
    )


def _add_package_part(document: Document, name: str, content_type: str, reltype: str, xml: str) -> None:
    part = XmlPart(PackURI(name), content_type, parse_xml(xml), document.part.package)
    document.part.package.relate_to(part, reltype)


def _attr(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def add_properties(document: Document, application: str, custom: list[tuple[str, str]]) -> None:
    """docProps/app.xml (the application) and docProps/custom.xml (text properties such as Classification)."""
    _add_package_part(
        document,
        "/docProps/app.xml",
        CT.OFC_EXTENDED_PROPERTIES,
        RT.EXTENDED_PROPERTIES,
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>{escape(application)}</Application><DocSecurity>0</DocSecurity></Properties>",
    )
    rows = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{_attr(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(custom, start=2)
    )
    _add_package_part(
        document,
        "/docProps/custom.xml",
        CT.OFC_CUSTOM_PROPERTIES,
        RT.CUSTOM_PROPERTIES,
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{rows}</Properties>',
    )


CORE_TAGS = {
    "title": "dc:title",
    "subject": "dc:subject",
    "author": "dc:creator",
    "keywords": "cp:keywords",
    "category": "cp:category",
    "last_modified_by": "cp:lastModifiedBy",
    "identifier": "dc:identifier",
    "content_status": "cp:contentStatus",
}


def set_core_property(document: Document, name: str, value: str | int | datetime) -> None:
    """A core property through the API, which refuses text over 255 characters (a long title): the format has no
    such limit, so that text goes into the element directly."""
    properties = document.core_properties
    if isinstance(value, str) and len(value) > 255:
        tag = CORE_TAGS[name]
        element = properties._element
        child = element.find(qn(tag))
        if child is None:
            child = OxmlElement(tag)
            element.append(child)
        child.text = value
    else:
        setattr(properties, name, value)
