"""Rebuild template.docx: the clean, empty Word document every DOCX export starts from.

Written from scratch (not from python-docx's default.docx) so that no library leftovers reach a briefing: no
"python-docx" author or description, no thumbnail, no theme, no 160 unused sample styles. It holds only what does
not depend on the briefing's template; briefing/export/docx.py adds styles, fonts, page setup, text and properties,
and briefing/export/docx_parts.py the parts python-docx cannot make (footnotes, custom and app properties).
Developer-only (not shipped); after a change run it and commit both files:

    .venv/bin/python resources/docx/make_template.py
"""

from __future__ import annotations

import zipfile
from pathlib import Path

OUT = Path(__file__).with_name("template.docx")
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# v, o and w10 for the DRAFT watermark (VML) the header may carry
NS = (
    f'xmlns:w="{W}" xmlns:r="{R}" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word"'
)
CT_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

# the page size, margins and header/footer distances are set per export from the briefing's template
SECT_PR = (
    '<w:sectPr><w:headerReference w:type="default" r:id="rId4"/><w:footerReference w:type="default" r:id="rId5"/>'
    '<w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr><w:pgSz w:w="12240" w:h="15840"/>'
    '<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" '
    'w:gutter="0"/><w:cols w:space="708"/></w:sectPr>'
)

# fonts and sizes are filled in per export; the language and paragraph spacing are the same for every briefing
STYLES = (
    f'<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-CA" w:bidi="ar-SA"/></w:rPr>'
    '</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>'
    "</w:pPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    "</w:styles>"
)

# the sources list's numbering (style "List Number", created per export, points here)
NUMBERING = (
    f"<w:numbering {NS}>"
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="ListNumber"/>'
    '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)

# the footnote separators' footnotePr is added with the footnotes part (briefing/export/docx_parts.py)
SETTINGS = (
    f"<w:settings {NS}>"
    '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat><w:themeFontLang w:val="en-CA" w:bidi="ar-SA"/></w:settings>'
)

CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)


def _rels(entries: list[tuple[str, str, str]]) -> str:
    rows = "".join(f'<Relationship Id="{rid}" Type="{rtype}" Target="{target}"/>' for rid, rtype, target in entries)
    return f'<Relationships xmlns="{PKG_REL}">{rows}</Relationships>'


def parts() -> dict[str, str]:
    overrides = [
        ("/word/document.xml", f"{CT_WML}.document.main+xml"),
        ("/word/styles.xml", f"{CT_WML}.styles+xml"),
        ("/word/settings.xml", f"{CT_WML}.settings+xml"),
        ("/word/numbering.xml", f"{CT_WML}.numbering+xml"),
        ("/word/header1.xml", f"{CT_WML}.header+xml"),
        ("/word/footer1.xml", f"{CT_WML}.footer+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ]
    content_types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
        + "</Types>"
    )
    return {
        "[Content_Types].xml": content_types,
        "_rels/.rels": _rels(
            [
                ("rId1", f"{R}/officeDocument", "word/document.xml"),
                ("rId2", f"{PKG_REL}/metadata/core-properties", "docProps/core.xml"),
            ]
        ),
        "docProps/core.xml": CORE,
        "word/document.xml": f"<w:document {NS}><w:body>{SECT_PR}</w:body></w:document>",
        "word/_rels/document.xml.rels": _rels(
            [
                ("rId1", f"{R}/styles", "styles.xml"),
                ("rId2", f"{R}/settings", "settings.xml"),
                ("rId3", f"{R}/numbering", "numbering.xml"),
                ("rId4", f"{R}/header", "header1.xml"),
                ("rId5", f"{R}/footer", "footer1.xml"),
            ]
        ),
        "word/styles.xml": STYLES,
        "word/settings.xml": SETTINGS,
        "word/numbering.xml": NUMBERING,
        # one empty paragraph each, which the export styles and fills
        "word/header1.xml": f"<w:hdr {NS}><w:p/></w:hdr>",
        "word/footer1.xml": f"<w:ftr {NS}><w:p/></w:ftr>",
    }


def main() -> None:
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts().items():
            # a fixed date: the same input gives the same bytes
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (DECL + xml).encode("utf-8"))
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
