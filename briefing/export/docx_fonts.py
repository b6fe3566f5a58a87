"""Arabic and Persian in the DOCX as the PDF sets them: in Noto Naskh Arabic, embedded, at the PDF's line pitch.

The PDF draws Arabic-script letters in Noto Naskh Arabic at a fixed leading (1.35 × the size). A DOCX that left
them in the template's font (Arial) was laid out in whatever Arabic that font has on the reader's machine: Word
uses Arial's own Arabic, LibreOffice on Linux substitutes DejaVu Sans (18 % wider than Noto Naskh Arabic), so
its quotation lines broke at other words and an Arabic-heavy note ran a page longer than the PDF (issue 13). So:

- each run with Arabic-script letters names Noto Naskh Arabic as its complex-script font (`w:rFonts/@w:cs`);
- the font (regular and bold) is embedded in the file (`word/fonts`, obfuscated as ECMA-376 §17.8.1 asks), so
  Word and LibreOffice draw it where it is not installed, and `w:embedTrueTypeFonts` keeps it there when Word
  saves the file again (its licence, the OFL, allows embedding: its `fsType` is 0);
- the paragraphs holding such runs get an *exact* line spacing of their style's "at least" one: Noto Naskh
  Arabic's own line is 1.70 × its size, which "at least" would let every such line take, where the PDF keeps
  the leading (its marks reach into the line gap, as in the PDF; LibreOffice draws them whole).

Hebrew needs none of this: the PDF draws it in the template font's twin, as Word and LibreOffice draw the DOCX's.
"""

from __future__ import annotations

import uuid

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement

from briefing import paths
from briefing.core.script import SCRIPT_BLOCKS
from briefing.export.docx_parts import SCHEMA_ORDER
from briefing.export.fontcache import unpacked

ARABIC_FONT = "Noto Naskh Arabic"  # the PDF's (pdftext.ARABIC), by the family name in its files
FACES = (("embedRegular", "NotoNaskhArabic-Regular.ttf"), ("embedBold", "NotoNaskhArabic-Bold.ttf"))
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
# A fixed key per face: the same export gives the same file (the key only hides the font from casual copying)
_KEYS = {file: uuid.uuid5(uuid.NAMESPACE_URL, f"briefing:docx-font:{file}") for _, file in FACES}


# Element and attribute names, and where a pPr's children go (CT_PPrBase's order), worked out once: a note of a
# hundred Arabic quotations has some three hundred such paragraphs
_T, _P, _PPR, _RPR, _RSTYLE, _RFONTS, _SPACING, _PSTYLE = (
    qn(f"w:{tag}") for tag in ("t", "p", "pPr", "rPr", "rStyle", "rFonts", "spacing", "pStyle")
)
_CS, _LINE, _RULE, _VAL = (qn(f"w:{name}") for name in ("cs", "line", "lineRule", "val"))
_PPR_RANK = {qn(f"w:{tag}"): rank for rank, tag in enumerate(SCHEMA_ORDER["pPr"].split())}


def set_arabic_font(document: Document, parts: list[BaseOxmlElement]) -> bool:
    """Name Noto Naskh Arabic on every run of `parts` (the body, the footnotes) with Arabic-script letters, and set
    their paragraphs' lines exactly; embed the font when there was any. Whether there was."""
    arabic = SCRIPT_BLOCKS["Arabic"]
    paragraphs: dict[BaseOxmlElement, None] = {}  # (in document order, each once)
    for root in parts:
        for text in root.iter(_T):
            if text.text and arabic.search(text.text):
                run = text.getparent()
                _name_font(run)
                paragraph = next(run.iterancestors(_P), None)
                if paragraph is not None:
                    paragraphs[paragraph] = None
    if paragraphs:
        lines = _style_lines(document)
        for paragraph in paragraphs:
            _exact_lines(paragraph, lines)
        _embed(document)
    return bool(paragraphs)


def _name_font(run: BaseOxmlElement) -> None:
    """The run's complex-script font (on lxml directly: python-docx's get_or_add looks for each of the many
    elements that may follow, and its OxmlElement parses names each time)."""
    rpr = run[0] if len(run) and run[0].tag == _RPR else None
    if rpr is None:
        rpr = run.makeelement(_RPR)
        run.insert(0, rpr)
    fonts = rpr.find(_RFONTS)
    if fonts is None:  # first in CT_RPr but for the character style
        fonts = rpr.makeelement(_RFONTS)
        rpr.insert(1 if len(rpr) and rpr[0].tag == _RSTYLE else 0, fonts)
    fonts.set(_CS, ARABIC_FONT)


def _style_lines(document: Document) -> dict[str, tuple[str, str]]:
    """Each paragraph style's line spacing (w:line, w:lineRule), its own or its base style's; "" for the default
    paragraph style."""
    own: dict[str, tuple[str | None, str | None, str | None]] = {}
    default = ""
    for style in document.styles.element.iterchildren(qn("w:style")):
        if style.get(qn("w:type")) != "paragraph":
            continue
        style_id = style.get(qn("w:styleId")) or ""
        if style.get(qn("w:default")) in ("1", "true"):
            default = style_id
        spacing = style.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
        based = style.find(qn("w:basedOn"))
        own[style_id] = (
            spacing.get(qn("w:line")) if spacing is not None else None,
            spacing.get(qn("w:lineRule")) if spacing is not None else None,
            based.get(qn("w:val")) if based is not None else None,
        )

    def resolved(style_id: str | None, depth: int = 0) -> tuple[str, str]:
        if style_id is None or style_id not in own or depth > 20:
            return "", ""
        line, rule, based = own[style_id]
        if line is not None:
            return line, rule or "auto"
        return resolved(based, depth + 1)

    lines = {style_id: resolved(style_id) for style_id in own}
    lines[""] = lines.get(default, ("", ""))
    return lines


def _exact_lines(paragraph: BaseOxmlElement, lines: dict[str, tuple[str, str]]) -> None:
    """The paragraph's "at least" line spacing made exact (its own, else its style's); any other rule is left."""
    ppr = paragraph[0] if len(paragraph) and paragraph[0].tag == _PPR else None
    if ppr is None:
        ppr = paragraph.makeelement(_PPR)
        paragraph.insert(0, ppr)
    spacing = ppr.find(_SPACING)
    if spacing is not None and spacing.get(_LINE) is not None:
        line, rule = spacing.get(_LINE), spacing.get(_RULE) or "auto"
    else:
        style = ppr.find(_PSTYLE)
        line, rule = lines.get(style.get(_VAL) if style is not None else "", ("", ""))
    if not line or rule != "atLeast":
        return
    if spacing is None:
        spacing = ppr.makeelement(_SPACING)
        rank = _PPR_RANK[_SPACING]
        later = next((child for child in ppr if _PPR_RANK.get(child.tag, -1) > rank), None)
        if later is None:
            ppr.append(spacing)
        else:
            later.addprevious(spacing)
    spacing.set(_LINE, line)
    spacing.set(_RULE, "exact")


def _font_file(file: str) -> bytes:
    path = paths.resource("fonts") / file
    return path.read_bytes() if path.is_file() else unpacked(path.with_name(file + ".gz"))


def obfuscate(font: bytes, key: uuid.UUID) -> bytes:
    """ECMA-376 Part 1 §17.8.1: the first 32 bytes XORed with the key's 16 bytes, taken from its last to its first
    (as Word writes them, and Word and LibreOffice read them back). Its own inverse."""
    mask = bytes(reversed(key.bytes))
    head = bytes(b ^ mask[i % 16] for i, b in enumerate(font[:32]))
    return head + font[32:]


def _embed(document: Document) -> None:
    """word/fontTable.xml naming the font, with its faces as obfuscated font parts, and the setting that keeps them."""
    package = document.part.package
    table = XmlPart(
        PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, parse_xml(f"<w:fonts {nsdecls('w', 'r')}/>"), package
    )
    document.part.relate_to(table, RT.FONT_TABLE)
    faces = []
    for number, (tag, file) in enumerate(FACES, start=1):
        key = _KEYS[file]
        part = Part(
            PackURI(f"/word/fonts/font{number}.odttf"), OBFUSCATED_FONT, obfuscate(_font_file(file), key), package
        )
        faces.append(f'<w:{tag} r:id="{table.relate_to(part, RT.FONT)}" w:fontKey="{{{str(key).upper()}}}"/>')
    # charset B2: Arabic (Word's fallback for the family, were the embedded faces ignored)
    table.element.append(
        parse_xml(
            f'<w:font {nsdecls("w", "r")} w:name="{ARABIC_FONT}"><w:charset w:val="B2"/><w:family w:val="roman"/>'
            f'<w:pitch w:val="variable"/>{"".join(faces)}</w:font>'
        )
    )
    settings = document.settings.element
    if settings.find(qn("w:embedTrueTypeFonts")) is None:
        settings.insert(0, parse_xml(f"<w:embedTrueTypeFonts {nsdecls('w')}/>"))  # (first in CT_Settings' order)
