"""OpenDocument, RTF and legacy Word: each reads the same text as the .docx the same document was saved as."""

from __future__ import annotations

import io
import sys
import time
import zipfile
from pathlib import Path

import pytest

from briefing.importers import SourceImportError, import_file, import_file_with_warnings
from briefing.importers import doc as doc_importer

SAMPLES = Path(__file__).parent / "samples"
EXPECTED_BLOCKS = [
    ("heading", 1, "Summary"),
    (
        "paragraph",
        0,
        "The port of Ōsaka closed on 3 March after a fire[1] in the grain terminal. Shipping “resumed” within a"
        " week — slowly.",
    ),
    ("paragraph", 0, "Prices rose 12% in Zürich, 9% in Kraków and 4% in Αθήνα; analysts said: «it is temporary»."),
    ("heading", 2, "Key points"),
    ("list-item", 1, "Grain exports fell by a third."),
    ("list-item", 1, "Insurance costs doubled."),
    ("list-item", 2, "Mostly for older ships."),
    ("list-item", 1, "Two firms moved to Kobe."),
    ("heading", 2, "Figures"),
    ("table", 0, "Port | Ships | Change"),
    ("table", 0, "Ōsaka | 140 | −35%"),
    ("table", 0, "Kobe | 210 | +18%"),
    ("paragraph", 0, "A second source[2] confirmed the date. 東京 was not affected."),
    ("heading", 2, "Footnotes"),
    ("paragraph", 0, "[1] Port authority notice 12/2024."),
    ("paragraph", 0, "[2] Interview with a harbour pilot, 5 March."),
]


def _blocks(path: Path) -> list[tuple[str, int, str]]:
    source = import_file(path)
    return [(b.kind, b.level, source.text[b.start : b.end]) for b in source.blocks]


def test_docx_reads_the_sample_as_expected() -> None:
    # the reference the other formats are held to: the DOCX importer on the same document
    assert _blocks(SAMPLES / "same-content.docx") == EXPECTED_BLOCKS


@pytest.mark.parametrize("suffix", [".odt", ".rtf"])
def test_same_text_as_the_docx(suffix: str) -> None:
    docx = import_file(SAMPLES / "same-content.docx")
    other = import_file(SAMPLES / f"same-content{suffix}")
    assert other.text == docx.text
    assert _blocks(SAMPLES / f"same-content{suffix}") == EXPECTED_BLOCKS
    assert other.meta.format == suffix[1:]


@pytest.mark.parametrize("suffix", [".odt", ".rtf"])
def test_metadata(suffix: str) -> None:
    meta = import_file(SAMPLES / f"same-content{suffix}").meta
    assert meta.title == "Harbour Closure Assessment"
    assert meta.author == "Ana Müller"
    assert meta.published.startswith("2024-03-27T09:14")
    if suffix == ".odt":
        assert meta.language == "en-GB"


def test_odt_language_from_its_default_paragraph_style(tmp_path) -> None:
    styles = (
        b'<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        b' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
        b' xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"><office:styles>'
        b'<style:default-style style:family="paragraph"><style:text-properties fo:language="de" fo:country="AT"/>'
        b"</style:default-style></office:styles></office:document-styles>"
    )
    text = b"<text:p>Das Gespr\xc3\xa4ch mit der Regierung ist nicht beendet, sagt die Ministerin.</text:p>"
    path = tmp_path / "note.odt"
    path.write_bytes(_odt(ODT_HEAD % (b"", text), extra=[("styles.xml", styles)]))
    assert import_file(path).meta.language == "de-AT"


@pytest.mark.skipif(doc_importer.find_libreoffice() is None, reason="LibreOffice is not installed")
def test_doc_through_libreoffice() -> None:
    source = import_file(SAMPLES / "same-content.doc")
    assert source.text == import_file(SAMPLES / "same-content.docx").text
    assert source.meta.format == "doc"
    assert source.meta.title == "Harbour Closure Assessment"


def test_doc_without_libreoffice_says_how_to_convert(monkeypatch) -> None:
    monkeypatch.setattr(doc_importer, "find_libreoffice", lambda: None)
    with pytest.raises(SourceImportError) as caught:
        import_file(SAMPLES / "same-content.doc")
    message = str(caught.value)
    assert message.startswith("same-content.doc: ")
    assert "save it as .docx" in message and "LibreOffice" in message
    assert "\n" not in message


def test_doc_that_is_really_rtf_or_docx(tmp_path) -> None:
    # Word wrote RTF and .docx files under a .doc name: read them as what they are, LibreOffice or not
    for sample in ("same-content.rtf", "same-content.docx"):
        path = tmp_path / "renamed.doc"
        path.write_bytes((SAMPLES / sample).read_bytes())
        assert import_file(path).text == import_file(SAMPLES / sample).text


def test_doc_that_is_not_word(tmp_path, corpus) -> None:
    path = tmp_path / "mail.doc"
    path.write_bytes((corpus / "msg" / "msgreader__TxtSampleEmail.msg").read_bytes())
    with pytest.raises(SourceImportError, match="Outlook message"):
        import_file(path)


def test_encrypted_doc_is_refused_before_libreoffice(tmp_path, monkeypatch) -> None:
    data = bytearray((SAMPLES / "same-content.doc").read_bytes())
    # set the fEncrypted flag in the WordDocument stream's header (found by its magic number, 0xA5EC)
    at = data.index(b"\xec\xa5")
    data[at + 11] |= 0x01
    path = tmp_path / "locked.doc"
    path.write_bytes(bytes(data))
    monkeypatch.setattr(doc_importer, "_convert", lambda *a: pytest.fail("LibreOffice was started"))
    with pytest.raises(SourceImportError, match="password"):
        import_file(path)


# --- RTF details -------------------------------------------------------------------------------------


def _rtf(tmp_path, body: bytes, name: str = "t.rtf"):
    path = tmp_path / name
    path.write_bytes(body)
    return import_file_with_warnings(path)


def test_rtf_unicode_code_pages_and_fallbacks(tmp_path) -> None:
    body = (
        rb"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0 Times;}{\f1\fcharset128 MS Mincho;}}"
        rb"\pard \'cf\'f0\'e8\'e2\'e5\'f2 \uc1\u1052?\u1080?\u1088? {\f1 \'93\'8c\'8b\'9e} {\uc2\u8212\'97\'97} end"
        rb" \u-10179?\u-8704?\par}"
    )
    text = _rtf(tmp_path, body).source.text
    # cp1251 bytes, \u with one fallback skipped, Shift-JIS pairs in the Japanese font, \uc2 skipping two, and
    # an emoji given as two UTF-16 halves
    assert text == "Привет Мир 東京 — end \U0001f600"


def test_rtf_skips_pictures_objects_and_binary(tmp_path) -> None:
    payload = b"\\par secret {\\rtf1 evil}" * 10
    body = (
        rb"{\rtf1\ansi{\*\generator Hand;}First{\pict\pngblip 89504e470d0a}"
        rb"{\object\objemb{\*\objdata 0102 hidden object text}{\result shown}} second"
        rb"\bin" + str(len(payload)).encode() + b" " + payload + rb" third\par}"
    )
    text = _rtf(tmp_path, body).source.text
    assert text == "First second third"


def test_rtf_info_and_unknown_destinations(tmp_path) -> None:
    body = (
        rb"{\rtf1\ansi{\info{\title Weekly \'e9t\'e9}{\author J. Doe}{\creatim\yr2023\mo11\dy2\hr8\min5}}"
        rb"{\*\unknownthing not text}{\*\footnote a note}Body\par}"
    )
    source = _rtf(tmp_path, body).source
    assert source.meta.title == "Weekly été"
    assert source.meta.author == "J. Doe"
    assert source.meta.published == "2023-11-02T08:05:00"
    assert "not text" not in source.text


def test_rtf_footnote_runs_are_one_paragraph(tmp_path) -> None:
    # Word writes a footnote's runs as groups ({\loch ...}): they are one paragraph, without spaces between them.
    body = (
        rb"{\rtf1\ansi Body{\super\chftn}{\*\footnote\pard{\super\chftn}{\tab \u8220\'93}"
        rb"{\loch\f0 Canada Talks}{\u8221\'94, 2024.}\par{\loch Second} para.}\par}"
    )
    text = _rtf(tmp_path, body).source.text
    assert "[1] \u201cCanada Talks\u201d, 2024. Second para." in text


def test_rtf_deep_nesting_is_refused(tmp_path) -> None:
    started = time.monotonic()
    with pytest.raises(SourceImportError, match="nested too deeply"):
        _rtf(tmp_path, b"{\\rtf1 " + b"{" * 100_000 + b"x" + b"}" * 100_000 + b"}")
    assert time.monotonic() - started < 5


def test_rtf_huge_bin_and_truncation(tmp_path) -> None:
    result = _rtf(tmp_path, b"{\\rtf1\\ansi Kept text\\par more\\bin999999999 ")
    assert result.source.text == "Kept text\n\nmore"
    assert any("truncated" in w for w in result.warnings)
    with pytest.raises(SourceImportError) as caught:
        _rtf(tmp_path, b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}")  # cut off before any text
    assert "\n" not in str(caught.value)


def test_rtf_that_is_not_rtf(tmp_path) -> None:
    with pytest.raises(SourceImportError, match="not an RTF document"):
        _rtf(tmp_path, b"Just some text pretending.")


def test_rtf_encapsulating_html(tmp_path) -> None:
    body = (
        rb"{\rtf1\ansi\ansicpg1252\fromhtml1 \deff0{\fonttbl{\f0\fswiss Arial;}}"
        rb"{\*\htmltag19 <html>}{\*\htmltag50 <body>}\htmlrtf {\htmlrtf0 "
        rb"{\*\htmltag64 <p>}Caf\'e9 \{ok\}{\*\htmltag244 <br>}\htmlrtf \line \htmlrtf0 second line"
        rb"{\*\htmltag72 </p>}\htmlrtf \par\htmlrtf0 {\*\htmltag64 <p>}Next{\*\htmltag72 </p>}"
        rb"\htmlrtf RTF-only text\htmlrtf0 }{\*\htmltag58 </body>}{\*\htmltag27 </html>}}"
    )
    from briefing.importers.rtf import read_rtf

    content = read_rtf(body, "t.rtf")
    assert content.from_html
    assert content.html == "<html><body><p>Café {ok}<br>second line</p><p>Next</p></body></html>"
    source = _rtf(tmp_path, body).source
    first, second = source.text.split("\n\n")  # (how a <br> reads is the HTML importer's business)
    assert first.startswith("Café {ok}") and first.endswith("second line") and second == "Next"


# --- ODT hostile input ---------------------------------------------------------------------------------


def _odt(content: bytes, *, mimetype: str = "application/vnd.oasis.opendocument.text", extra=()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("mimetype", mimetype)
        package.writestr("content.xml", content)
        for name, data in extra:
            package.writestr(name, data)
    return buffer.getvalue()


ODT_HEAD = (
    b'<?xml version="1.0"?>\n%s<office:document-content'
    b' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    b' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>%s'
    b"</office:text></office:body></office:document-content>"
)


def test_odt_entity_expansion_is_not_expanded(tmp_path) -> None:
    doctype = b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10) for i in range(8)
    )
    path = tmp_path / "laughs.odt"
    path.write_bytes(_odt(ODT_HEAD % (doctype + b"]>", b"<text:p>Start &i; end</text:p>")))
    started = time.monotonic()
    try:
        text = import_file(path).text
    except SourceImportError as exc:
        assert "\n" not in str(exc)
    else:
        assert len(text) < 100  # the billion laughs were not expanded
    assert time.monotonic() - started < 5


def test_odt_zip_bomb(tmp_path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        with package.open("content.xml", "w") as member:
            for _ in range(30):  # 30 MB of zeros compress to a few kilobytes
                member.write(b"\0" * (1024 * 1024))
    path = tmp_path / "bomb.odt"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(SourceImportError, match="zip bomb"):
        import_file(path)


def test_odt_encrypted_truncated_and_wrong_kind(tmp_path) -> None:
    manifest = (
        b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        b'<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry>'
        b"</manifest:manifest>"
    )
    cases = {
        "locked.odt": (_odt(b"\x8a\x13 encrypted bytes", extra=[("META-INF/manifest.xml", manifest)]), "password"),
        "cut.odt": ((SAMPLES / "same-content.odt").read_bytes()[:3000], "not a valid .odt package"),
        "sheet.odt": (
            _odt(ODT_HEAD % (b"", b""), mimetype="application/vnd.oasis.opendocument.spreadsheet"),
            "spreadsheet",
        ),
        "broken.odt": (_odt(b"<office:document-content><unclosed>"), "damaged"),
    }
    for name, (data, problem) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(SourceImportError) as caught:
            import_file(path)
        assert str(caught.value).startswith(f"{name}: ") and problem in str(caught.value), str(caught.value)


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in LibreOffice is a shell script")
def test_doc_conversion_timeout_is_a_clear_error(tmp_path, monkeypatch) -> None:
    # a LibreOffice that hangs is stopped and reported, not waited on forever
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n")
    fake.chmod(0o755)
    monkeypatch.setattr(doc_importer, "find_libreoffice", lambda: str(fake))
    monkeypatch.setattr(doc_importer, "CONVERT_SECONDS", 1)
    started = time.monotonic()
    with pytest.raises(SourceImportError, match="did not convert it within 1 seconds"):
        import_file(SAMPLES / "same-content.doc")
    assert time.monotonic() - started < 10


def test_rtf_tables_in_tables_and_boxes(tmp_path) -> None:
    # as Word and LibreOffice write them: a one-column table (a box) around a list and a nested 2x2 table
    body = (
        rb"{\rtf1\ansi{\stylesheet{\s1\outlinelevel0 heading 1;}}"
        rb"\trowd\cellx9000\pard\intbl{\listtext 1.\tab}\ls1\ilvl0 First item\par"
        rb"\pard\intbl\itap2 Nested\nestcell Table\nestcell{\*\nesttableprops\trowd\cellx100\cellx200\nestrow}"
        rb"{\nonesttables\par}\pard\intbl\itap2 A\nestcell B\nestcell{\*\nesttableprops\trowd\nestrow}"
        rb"{\nonesttables\par}\pard\intbl\cell\row"
        rb"\trowd\cellx100\cellx200\pard\intbl One\cell Two\cell\row"
        rb"\pard\s1 After\par}"
    )
    source = _rtf(tmp_path, body).source
    assert [(b.kind, b.level, source.text[b.start : b.end]) for b in source.blocks] == [
        ("list-item", 1, "First item"),
        ("table", 0, "Nested | Table"),
        ("table", 0, "A | B"),
        ("table", 0, "One | Two"),
        ("heading", 1, "After"),
    ]


def test_odt_text_box_is_read_with_its_paragraph(tmp_path) -> None:
    draw = b'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    svg = b'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    body = (
        b"<text:p>Chart<draw:frame><draw:text-box><text:p>Boxed note</text:p></draw:text-box>"
        b"<draw:frame><draw:image/><svg:title>alt text</svg:title></draw:frame></draw:frame> below</text:p>"
    )
    content = (ODT_HEAD % (b"", body)).replace(b"<office:document-content ", b"<office:document-content " + draw + svg)
    path = tmp_path / "box.odt"
    path.write_bytes(_odt(content))
    assert import_file(path).text == "ChartBoxed note below"


def test_rtf_upr_reads_the_unicode_copy(tmp_path) -> None:
    # LibreOffice and Word write non-Latin metadata twice: in the code page (lossy) and, in \*\ud, in Unicode
    body = (
        rb"{\rtf1\ansi{\info{\upr{\title \'3f\'3f}{\*\ud{\title \u19996\'3f\u38451\'3f}}}}"
        rb"{\upr{\'3f}{\*\ud{\u19996\'3f}}} text\par}"
    )
    source = _rtf(tmp_path, body).source
    assert source.meta.title == "东阳"
    assert source.text == "东 text"
