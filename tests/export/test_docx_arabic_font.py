"""Arabic and Persian in the DOCX as the PDF sets them: Noto Naskh Arabic, embedded in the file, at the PDF's line
pitch (docx_fonts.py), so Word and LibreOffice break their lines and pages where the PDF does."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import uuid
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from briefing.core.model import Briefing, Note
from briefing.core.script import SCRIPT_BLOCKS
from briefing.core.templates import Template
from briefing.export import export_briefing
from briefing.export.docx_fonts import ARABIC_FONT, obfuscate
from briefing.paths import resource

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
HEBREW = "השיחות בין קנדה לאיראן נמשכות מאז 2016."


def _xml(path: Path, part: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(part))


def _runs(root: etree._Element) -> list[tuple[etree._Element, str]]:
    return [(run, "".join(t.text or "" for t in run.iter(f"{W}t"))) for run in root.iter(f"{W}r")]


@pytest.fixture
def exported(tmp_path: Path, multilingual: Briefing, template: Template) -> Path:
    multilingual.section("positions").items.append(Note(id="note-he", text=HEBREW))
    multilingual.sources[0].meta.title = "وكالة الأنباء"  # an Arabic title in every footnote
    return export_briefing(multilingual, template, tmp_path / "note.docx")


def test_arabic_script_runs_name_noto_naskh_arabic_and_their_lines_are_exact(exported: Path) -> None:
    arabic = SCRIPT_BLOCKS["Arabic"]
    styles = _xml(exported, "word/styles.xml")
    own = {  # each paragraph style's own "at least" line, in twips, and its base style
        s.get(f"{W}styleId"): (
            next((sp.get(f"{W}line") for sp in s.iterfind(f"{W}pPr/{W}spacing") if sp.get(f"{W}line")), None),
            s.find(f"{W}basedOn").get(f"{W}val") if s.find(f"{W}basedOn") is not None else None,
        )
        for s in styles.iter(f"{W}style")
    }

    def leading(style_id: str) -> str | None:
        line, based = own[style_id]
        return line if line or based is None else leading(based)

    checked = set()
    for part in ("word/document.xml", "word/footnotes.xml"):
        for run, text in _runs(_xml(exported, part)):
            fonts = run.find(f"{W}rPr/{W}rFonts")
            cs = fonts.get(f"{W}cs") if fonts is not None else None
            assert (cs == ARABIC_FONT) == bool(arabic.search(text)), text  # Hebrew and Latin keep the style's font
            paragraph = next(run.iterancestors(f"{W}p"))
            spacing = paragraph.find(f"{W}pPr/{W}spacing")
            if arabic.search(text):
                style = paragraph.find(f"{W}pPr/{W}pStyle")
                style_id = style.get(f"{W}val") if style is not None else "Normal"
                assert spacing is not None and spacing.get(f"{W}lineRule") == "exact", text
                assert spacing.get(f"{W}line") == leading(style_id), text  # the PDF's leading, which it keeps
                checked.add((part, style_id))
            elif text and not any(arabic.search(t) for _, t in _runs(paragraph)):  # (not the separator)
                assert spacing is None or spacing.get(f"{W}lineRule") != "exact", text
    # the analyst's Arabic and Persian paragraphs, the sources list and the footnotes with the source's Arabic title
    assert checked == {
        ("word/document.xml", "Normal"), ("word/document.xml", "ListNumber"), ("word/footnotes.xml", "FootnoteText")
    }  # fmt: skip


def test_the_font_is_embedded_as_word_embeds_it(exported: Path) -> None:
    table = _xml(exported, "word/fontTable.xml")
    (font,) = table.iter(f"{W}font")
    assert font.get(f"{W}name") == ARABIC_FONT
    rels = {
        r.get("Id"): r.get("Target")
        for r in _xml(exported, "word/_rels/fontTable.xml.rels").iter(
            "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
        )
    }
    faces = {"embedRegular": "NotoNaskhArabic-Regular.ttf", "embedBold": "NotoNaskhArabic-Bold.ttf"}
    with zipfile.ZipFile(exported) as archive:
        types = archive.read("[Content_Types].xml").decode()
        for tag, file in faces.items():
            embedded = font.find(f"{W}{tag}")
            key = embedded.get(f"{W}fontKey")
            assert re.fullmatch(r"\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", key)
            data = archive.read("word/" + rels[embedded.get(f"{R}id")])
            bundled = gzip.decompress((resource("fonts") / f"{file}.gz").read_bytes())
            assert data[32:] == bundled[32:] and data[:32] != bundled[:32]  # the head hidden
            # ECMA-376 §17.8.1: the head XORed with the key's bytes from its last to its first, twice over
            mask = bytes.fromhex(re.sub("[{}-]", "", key))[::-1] * 2
            assert bytes(a ^ b for a, b in zip(data[:32], mask, strict=True)) == bundled[:32]
            assert obfuscate(data, uuid.UUID(key)) == bundled
    assert 'Extension="odttf"' in types or "font1.odttf" in types
    assert "obfuscatedFont" in types
    assert _xml(exported, "word/settings.xml")[0].tag == f"{W}embedTrueTypeFonts"  # kept when Word saves it


def test_a_note_without_arabic_script_embeds_nothing(tmp_path: Path, demo: Briefing, template: Template) -> None:
    demo.section("positions").items.append(Note(id="note-he", text=HEBREW))  # Hebrew: the template font's own
    path = export_briefing(demo, template, tmp_path / "note.docx")
    with zipfile.ZipFile(path) as archive:
        assert not [n for n in archive.namelist() if "font" in n.lower()]
        assert b"embedTrueTypeFonts" not in archive.read("word/settings.xml")
        assert ARABIC_FONT.encode() not in archive.read("word/document.xml")


@pytest.mark.slow
def test_libreoffice_draws_the_arabic_in_the_embedded_font(tmp_path: Path, exported: Path) -> None:
    """With only the system's fonts (Noto Naskh Arabic not installed here), LibreOffice takes the file's."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    listed = subprocess.run(["fc-list"], capture_output=True, text=True).stdout if shutil.which("fc-list") else ""
    if "Naskh" in listed:
        pytest.skip("Noto Naskh Arabic is installed: LibreOffice would draw it without the embedded one")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "lo"), str(exported)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    fonts: set[str] = set()
    for page in PdfReader(tmp_path / "lo" / "note.pdf").pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert "NotoNaskhArabic-Regular" in fonts, fonts
