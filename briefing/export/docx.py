"""DOCX renderer: the document tree as WordprocessingML with real Word styles, footnotes, header and footer.

The package is written directly (no python-docx): that keeps the file free of a library's template
leftovers (its author, description, thumbnail, 900 KB of styles), gives real footnotes, which python-docx
cannot make, and is several times faster.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO

from briefing import __version__
from briefing.export.tree import BodyText, Citation, DocumentTree, Heading, Quotation, escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word"'
)
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
PAGE_TWIPS = {"letter": (12240, 15840), "a4": (11906, 16838)}
RTL_FONT = "Noto Naskh Arabic"


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _attr(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def _t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def _run(text: str, style: str = "", rtl: bool = False) -> str:
    props = (f'<w:rStyle w:val="{style}"/>' if style else "") + ("<w:rtl/>" if rtl else "")
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{_t(text)}</w:r>"


def _para(style: str, runs: str, *, rtl: bool = False, extra_ppr: str = "") -> str:
    # schema order matters to Word: pStyle ... bidi ... jc
    ppr = f'<w:pStyle w:val="{style}"/>' + ("<w:bidi/>" if rtl else "") + extra_ppr
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"


# --- styles ----------------------------------------------------------------------------------------------


def _styles(tree: DocumentTree) -> str:
    size = round(tree.font_size_pt * 2)
    body, head = _attr(tree.body_font), _attr(tree.heading_font)

    def para_style(
        sid: str, name: str, ppr: str, rpr: str, *, based: str = "Normal", nxt: str = "", ui: int = 0
    ) -> str:
        parts = [f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>']
        if based:
            parts.append(f'<w:basedOn w:val="{based}"/>')
        if nxt:
            parts.append(f'<w:next w:val="{nxt}"/>')
        if ui:
            parts.append(f'<w:uiPriority w:val="{ui}"/>')
        parts.append(f"<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>")
        return "".join(parts)

    def char_style(sid: str, name: str, rpr: str) -> str:
        return (
            f'<w:style w:type="character" w:styleId="{sid}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="DefaultParagraphFont"/><w:rPr>{rpr}</w:rPr></w:style>'
        )

    head_fonts = f'<w:rFonts w:ascii="{head}" w:hAnsi="{head}" w:eastAsia="{head}" w:cs="{RTL_FONT}"/>'
    styles = [
        f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{body}" w:hAnsi="{body}" w:eastAsia="{body}" '
        f'w:cs="{RTL_FONT}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        '<w:lang w:val="en-CA" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>",
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>',
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
        para_style(
            "Title",
            "Title",
            '<w:spacing w:before="120" w:after="60"/>',
            head_fonts + f'<w:b/><w:bCs/><w:sz w:val="{size + 12}"/><w:szCs w:val="{size + 12}"/>',
            nxt="Normal",
            ui=10,
        ),
        para_style(
            "Subtitle",
            "Subtitle",
            '<w:spacing w:after="200"/>',
            head_fonts + f'<w:i/><w:iCs/><w:sz w:val="{size + 4}"/><w:szCs w:val="{size + 4}"/>',
            nxt="Normal",
            ui=11,
        ),
        para_style(
            "Heading1",
            "heading 1",
            "<w:keepNext/><w:keepLines/>"
            '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="808080"/></w:pBdr>'
            '<w:spacing w:before="280" w:after="100"/><w:outlineLvl w:val="0"/>',
            head_fonts + f'<w:b/><w:bCs/><w:sz w:val="{size + 4}"/><w:szCs w:val="{size + 4}"/>',
            nxt="Normal",
            ui=9,
        ),
        para_style(
            "Heading2",
            "heading 2",
            '<w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/>',
            head_fonts + f'<w:b/><w:bCs/><w:sz w:val="{size + 2}"/><w:szCs w:val="{size + 2}"/>',
            nxt="Normal",
            ui=9,
        ),
        para_style(
            "Quote",
            "Quote",
            '<w:pBdr><w:left w:val="single" w:sz="12" w:space="8" w:color="A6A6A6"/></w:pBdr>'
            '<w:spacing w:before="60" w:after="160"/><w:ind w:left="567" w:right="567"/>',
            '<w:i/><w:iCs/><w:color w:val="262626"/>',
            ui=29,
        ),
        para_style(
            "AnalystComment",
            "Analyst Comment",
            '<w:spacing w:after="160"/><w:ind w:left="567" w:right="567"/>',
            f'<w:color w:val="595959"/><w:sz w:val="{size - 2}"/><w:szCs w:val="{size - 2}"/>',
        ),
        para_style("TitleBlock", "Title Block", '<w:spacing w:after="40"/>', ""),
        para_style(
            "TitleBlockEmphasis", "Title Block Emphasis", '<w:spacing w:after="40"/>', "<w:b/><w:bCs/><w:caps/>"
        ),
        char_style("TitleBlockLabel", "Title Block Label", "<w:b/><w:bCs/>"),
        para_style(
            "ListNumber",
            "List Number",
            '<w:numPr><w:numId w:val="1"/></w:numPr><w:ind w:left="360" w:hanging="360"/>',
            "",
        ),
        para_style(
            "FootnoteText",
            "footnote text",
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
            f'<w:sz w:val="{size - 4}"/><w:szCs w:val="{size - 4}"/>',
            ui=99,
        ),
        char_style("FootnoteReference", "footnote reference", '<w:vertAlign w:val="superscript"/>'),
        char_style("Hyperlink", "Hyperlink", '<w:color w:val="0563C1"/><w:u w:val="single"/>'),
        para_style(
            "Header",
            "header",
            '<w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
            f'<w:sz w:val="{size - 2}"/><w:szCs w:val="{size - 2}"/>',
            ui=99,
        ),
        para_style(
            "Footer",
            "footer",
            '<w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
            f'<w:sz w:val="{size - 2}"/><w:szCs w:val="{size - 2}"/>',
            ui=99,
        ),
        para_style(
            "ClassificationMarking",
            "Classification Marking",
            '<w:spacing w:after="0"/>',
            '<w:b/><w:bCs/><w:caps/><w:color w:val="000000"/>',
            based="Header",
        ),
    ]
    return f"{DECL}<w:styles {NS}>{''.join(styles)}</w:styles>"


NUMBERING = (
    f"{DECL}<w:numbering {NS}>"
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="ListNumber"/>'
    '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)

SETTINGS = (
    f"{DECL}<w:settings {NS}>"
    '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat><w:themeFontLang w:val="en-CA" w:bidi="ar-SA"/></w:settings>'
)

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


def _watermark(font: str) -> str:
    return (
        f"<w:r><w:pict>{WATERMARK_SHAPETYPE}"
        '<v:shape id="DraftWatermark" o:spid="_x0000_s2049" type="#_x0000_t136" '
        'style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:110pt;rotation:315;'
        "z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
        'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" '
        'fillcolor="#c0c0c0" stroked="f"><v:fill opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;{_attr(font)}&quot;;font-size:1pt" string="DRAFT"/>'
        "</v:shape></w:pict></w:r>"
    )


# --- header, footer, body --------------------------------------------------------------------------------


def _marking(tree: DocumentTree) -> str:
    align = "right" if tree.marking_style == "top-right" else "center"
    return _para("ClassificationMarking", _run(tree.classification), extra_ppr=f'<w:jc w:val="{align}"/>')


def _header(tree: DocumentTree) -> str:
    paras = _marking(tree) if "header" in tree.marking_placement else _para("Header", "")
    if tree.draft:
        paras = paras.replace("</w:pPr>", "</w:pPr>" + _watermark(tree.heading_font), 1)
    return f"{DECL}<w:hdr {NS}>{paras}</w:hdr>"


def _field(instr: str, shown: str) -> str:
    return f'<w:fldSimple w:instr=" {instr} "><w:r><w:rPr><w:noProof/></w:rPr>{_t(shown)}</w:r></w:fldSimple>'


def _footer(tree: DocumentTree) -> str:
    page = _para(
        "Footer",
        _run("Page ") + _field("PAGE", "1") + _run(" of ") + _field("NUMPAGES", "1"),
        extra_ppr='<w:jc w:val="center"/>',
    )
    marking = _marking(tree) if "footer" in tree.marking_placement else ""
    return f"{DECL}<w:ftr {NS}>{page}{marking}</w:ftr>"


def _title_block(tree: DocumentTree) -> Iterator[str]:
    for row in tree.title_rows:
        if row.name == "classification":
            continue  # printed on every page by the header and footer
        if row.name == "title":
            yield _para("Title", _run(row.value))
        elif row.name == "title_fr":
            yield _para("Subtitle", _run(row.value), extra_ppr="")
        elif row.name in ("addressee", "purpose"):
            yield _para("TitleBlockEmphasis", _run(row.value))
        else:
            yield _para("TitleBlock", _run(f"{row.label}: ", "TitleBlockLabel") + _run(row.value))


def _footnote_ref(number: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{number}"/></w:r>'


def _body(tree: DocumentTree) -> Iterator[str]:
    yield from _title_block(tree)
    bookmark = 0
    for node in tree.body:
        if isinstance(node, Heading):
            bookmark += 1
            # "_" + the tree's unique slug (at most 39): a hidden bookmark, as Word's own _Toc ones, of at most 40
            name = _attr("_" + node.anchor.replace("-", "_"))
            start, end = f'<w:bookmarkStart w:id="{bookmark}" w:name="{name}"/>', f'<w:bookmarkEnd w:id="{bookmark}"/>'
            runs = start + _run(node.text) + end
            yield _para(f"Heading{min(max(node.level, 1), 2)}", runs)
        elif isinstance(node, Quotation):
            *first, last = node.paragraphs
            for paragraph in first:
                yield _para("Quote", _run(paragraph, rtl=node.rtl), rtl=node.rtl)
            yield _para("Quote", _run(last, rtl=node.rtl) + _footnote_ref(node.citation.number), rtl=node.rtl)
            if node.comment:
                for line in node.comment.split("\n"):
                    yield _para("AnalystComment", _run("Analyst comment: ", "TitleBlockLabel") + _run(line))
        elif isinstance(node, BodyText):
            yield _para("Normal", _run(node.text, rtl=node.rtl), rtl=node.rtl)
    if tree.sources:
        yield _para("Heading1", _run(tree.sources_heading))
        for entry in tree.sources:
            yield _para("ListNumber", _run(entry.text))


def _sect_pr(tree: DocumentTree) -> str:
    width, height = PAGE_TWIPS.get(tree.page_size, PAGE_TWIPS["letter"])
    top, right, bottom, left = (twips(m) for m in tree.margins_mm)
    header = max(min(top // 2, 720), 240)
    footer = max(min(bottom // 2, 720), 240)
    return (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/>'
        '<w:footerReference w:type="default" r:id="rIdFooter1"/>'
        '<w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr>'
        f'<w:pgSz w:w="{width}" w:h="{height}"/>'
        f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" '
        f'w:header="{header}" w:footer="{footer}" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>'
    )


def _footnotes(citations: list[Citation]) -> tuple[str, list[str]]:
    """footnotes.xml and the URLs its hyperlinks point to (relationship rIdLink1, rIdLink2, ...)."""
    urls: list[str] = []
    notes = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for citation in citations:
        text = citation.text
        mark = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
        if citation.url and citation.url in text:
            before, after = text.split(citation.url, 1)
            urls.append(citation.url)
            link = (
                f'<w:hyperlink r:id="rIdLink{len(urls)}" w:history="1">{_run(citation.url, "Hyperlink")}</w:hyperlink>'
            )
            runs = _run(" " + before) + link + (_run(after) if after else "")
        else:
            runs = _run(" " + text)
        notes.append(
            f'<w:footnote w:id="{citation.number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f"{mark}{runs}</w:p></w:footnote>"
        )
    return f"{DECL}<w:footnotes {NS}>{''.join(notes)}</w:footnotes>", urls


def _rels(entries: list[tuple[str, str, str, bool]]) -> str:
    rows = []
    for rid, rtype, target, external in entries:
        mode = ' TargetMode="External"' if external else ""
        rows.append(f'<Relationship Id="{rid}" Type="{rtype}" Target="{_attr(target)}"{mode}/>')
    return f'{DECL}<Relationships xmlns="{PKG_REL}">{"".join(rows)}</Relationships>'


def _content_types() -> str:
    parts = [
        ("/word/document.xml", f"{CT_WML}.document.main+xml"),
        ("/word/styles.xml", f"{CT_WML}.styles+xml"),
        ("/word/settings.xml", f"{CT_WML}.settings+xml"),
        ("/word/numbering.xml", f"{CT_WML}.numbering+xml"),
        ("/word/footnotes.xml", f"{CT_WML}.footnotes+xml"),
        ("/word/header1.xml", f"{CT_WML}.header+xml"),
        ("/word/footer1.xml", f"{CT_WML}.footer+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ("/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml"),
    ]
    overrides = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in parts)
    return (
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>'
    )


def _core(tree: DocumentTree, now: datetime) -> str:
    p = tree.properties
    stamp = now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    fields = [
        ("dc:title", p.get("title", "")),
        ("dc:subject", p.get("subject", "")),
        ("dc:creator", p.get("author", "")),
        ("cp:keywords", p.get("keywords", "")),
        ("cp:category", p.get("category", "")),
        ("cp:lastModifiedBy", p.get("author", "")),
        ("dc:identifier", p.get("identifier", "")),
        ("cp:contentStatus", p.get("status", "")),
    ]
    body = "".join(f"<{tag}>{escape(value)}</{tag}>" for tag, value in fields if value)
    return (
        f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{body}<cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>'
    )


APP = (
    f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    f"<Application>Briefing {escape(__version__)}</Application><DocSecurity>0</DocSecurity></Properties>"
)


def _custom(tree: DocumentTree) -> str:
    props = [("Classification", tree.classification)]
    if tree.draft:
        props.append(("Draft", "true"))
    body = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i}" name="{_attr(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for i, (name, value) in enumerate(props, start=2)
    )
    return (
        f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{body}</Properties>'
    )


def write_docx(tree: DocumentTree, stream: IO[bytes], *, now: datetime | None = None) -> None:
    """Write the tree as a .docx package to a binary stream."""
    now = now or datetime.now(UTC)
    document = f"{DECL}<w:document {NS}><w:body>{''.join(_body(tree))}{_sect_pr(tree)}</w:body></w:document>"
    footnotes, urls = _footnotes(tree.citations)
    doc_rels = _rels(
        [
            ("rIdStyles", f"{REL}/styles", "styles.xml", False),
            ("rIdSettings", f"{REL}/settings", "settings.xml", False),
            ("rIdNumbering", f"{REL}/numbering", "numbering.xml", False),
            ("rIdFootnotes", f"{REL}/footnotes", "footnotes.xml", False),
            ("rIdHeader1", f"{REL}/header", "header1.xml", False),
            ("rIdFooter1", f"{REL}/footer", "footer1.xml", False),
        ]
    )
    footnote_rels = _rels([(f"rIdLink{i}", f"{REL}/hyperlink", url, True) for i, url in enumerate(urls, 1)])
    package_rels = _rels(
        [
            ("rId1", f"{REL}/officeDocument", "word/document.xml", False),
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
                False,
            ),
            ("rId3", f"{REL}/extended-properties", "docProps/app.xml", False),
            ("rId4", f"{REL}/custom-properties", "docProps/custom.xml", False),
        ]
    )
    parts = [
        ("[Content_Types].xml", _content_types()),
        ("_rels/.rels", package_rels),
        ("docProps/core.xml", _core(tree, now)),
        ("docProps/app.xml", APP),
        ("docProps/custom.xml", _custom(tree)),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/styles.xml", _styles(tree)),
        ("word/settings.xml", SETTINGS),
        ("word/numbering.xml", NUMBERING),
        ("word/footnotes.xml", footnotes),
        ("word/_rels/footnotes.xml.rels", footnote_rels),
        ("word/header1.xml", _header(tree)),
        ("word/footer1.xml", _footer(tree)),
    ]
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
