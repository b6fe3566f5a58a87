"""FastFace reads a font's metrics as ReportLab does, only faster: same attributes, every bundled font."""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from briefing.export.pdftext import fonts_dir, open_font
from briefing.export.ttfmetrics import DefaultWidths, FastFace, FastTTFont, fast_ttfont

FONTS = sorted(p.name.removesuffix(".gz") for p in fonts_dir().glob("*.ttf*"))


def _state(face: TTFontFace) -> dict[str, object]:
    # _pdfScale is a new lambda per reading; _pos is only where the reader stopped; _segments is FastFace's own;
    # the widths are read as ReportLab reads them (DefaultWidths leaves the default width out)
    assert face.glyphToChar is not None  # (FastFace builds it when first asked for)
    widths = face.charWidths
    return {k: v for k, v in vars(face).items() if k not in ("_pdfScale", "_pos", "_segments", "charWidths")} | {
        "widths": {c: widths[c] for c in face.charToGlyph},
        "widths.get": [widths.get(c, face.defaultWidth) for c in range(0x10000)],
    }


def test_every_bundled_font_is_checked() -> None:
    assert "DroidSansFallbackFull.ttf" in FONTS and "LiberationSans-Regular.ttf" in FONTS


@pytest.mark.parametrize("file", FONTS)
def test_same_metrics_as_reportlab(file: str) -> None:
    theirs = TTFont("Theirs", open_font(file)).face
    ours = fast_ttfont("Ours", open_font(file)).face
    assert type(ours) is FastFace and type(theirs) is not FastFace
    assert _state(ours) == _state(theirs)  # (glyph offsets and metrics compared item by item)
    for table in ("charToGlyph", "glyphToChar"):  # insertion order too
        assert list(getattr(ours, table).items()) == list(getattr(theirs, table).items())
    assert ours.makeSubset(list(range(0x20, 0x7F))) == theirs.makeSubset(list(range(0x20, 0x7F)))
    own = list(theirs.charToGlyph)[:: max(1, len(theirs.charToGlyph) // 250)]  # the font's own script, composites
    assert ours.makeSubset(own) == theirs.makeSubset(own)


def test_the_cjk_fonts_widths_leave_the_default_out_and_read_as_reportlabs() -> None:
    # Droid Sans Fallback: 28,500 of its 28,600 characters have the default width; ReportLab's C stringWidth, its
    # getCharWidth and widths[char] give each character's width as from ReportLab's full dictionary
    theirs = TTFont("TheirsCJK", open_font("DroidSansFallbackFull.ttf"))
    ours = fast_ttfont("OursCJK", open_font("DroidSansFallbackFull.ttf"))
    widths = ours.face.charWidths
    assert type(widths) is DefaultWidths and len(widths) < 200 < len(theirs.face.charWidths) == 28602
    pdfmetrics.registerFont(theirs)
    pdfmetrics.registerFont(ours)
    text = "".join(map(chr, theirs.face.charToGlyph)) + "\U0001f600\uffff"
    for n in range(0, len(text), 997):
        piece = text[n : n + 997]
        assert pdfmetrics.stringWidth(piece, "OursCJK", 9.5) == pdfmetrics.stringWidth(piece, "TheirsCJK", 9.5)
    assert [ours.face.getCharWidth(ord(c)) for c in text] == [theirs.face.getCharWidth(ord(c)) for c in text]
    with pytest.raises(KeyError):
        widths[0x1F600]  # a character the font lacks, as in ReportLab's
    widths[0xE000] = 321.0  # ReportLab's shaping adds private characters to both tables
    ours.face.charToGlyph[0xE000] = 5
    assert widths[0xE000] == 321.0


def test_glyph_tables_read_on_demand_behave_as_lists() -> None:
    theirs = TTFont("Theirs", open_font("NotoNaskhArabic-Bold.ttf")).face
    ours = fast_ttfont("Ours", open_font("NotoNaskhArabic-Bold.ttf")).face
    for name in ("glyphPos", "hmetrics"):
        table, expected = getattr(ours, name), getattr(theirs, name)
        assert len(table) == len(expected) and table[-1] == expected[-1] and list(table) == expected
        with pytest.raises(IndexError):
            table[len(expected)]


def test_another_character_map_format_is_read_by_reportlab(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FastFace, "_cmap", lambda self, data: None)
    file = "NotoSansHebrew-Regular.ttf"
    assert _state(fast_ttfont("Ours", open_font(file)).face) == _state(TTFont("Theirs", open_font(file)).face)


def test_reportlab_builds_its_own_faces_again_afterwards() -> None:
    fast_ttfont("Ours", open_font("NotoSansHebrew-Regular.ttf"))
    assert type(TTFont("Theirs", open_font("NotoSansHebrew-Regular.ttf")).face) is not FastFace


@pytest.mark.parametrize("file", ["LiberationSans-Regular.ttf", "DroidSansFallbackFull.ttf"])
def test_text_is_split_into_the_same_subset_codes_as_reportlab_splits_it(file: str) -> None:
    theirs, ours = TTFont("Theirs", open_font(file)), fast_ttfont("Ours", open_font(file))
    assert type(ours) is FastTTFont
    chinese = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 700) if c in theirs.face.charToGlyph)  # 3 subsets
    texts = ["Talks resumed", "Talks\xa0resumed", "", "Tehran 德黑兰", chinese[:300], "Talks resumed", chinese]
    texts += [chinese[::-1], "Talks\xa0resumed 德黑兰", b"bytes too", "Talks resumed", "\xa0", chinese[100:150]]
    texts += ["Thai \u0e01 lacking", "Thai \u0e01 lacking", "德" + chinese[600:] + "德 " + chinese[:3]]  # (ก: no glyph)
    doc_theirs, doc_ours = PDFDocument(), PDFDocument()  # (each font keeps its codes per document)
    for text in texts:
        assert ours.splitString(text, doc_ours) == theirs.splitString(text, doc_theirs), text
    assert vars(ours.state[doc_ours]) == vars(theirs.state[doc_theirs])


@pytest.mark.parametrize("file", FONTS)
def test_subsets_of_every_part_of_the_font_are_reportlabs_byte_for_byte(
    file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FastFace cuts subsets itself (struct rather than ReportLab's per-number reads): the same bytes for subsets
    spread over the whole character map (composite glyphs, their components, glyphs past the last full metric) and
    for characters the font lacks (glyph 0)."""
    theirs = TTFont("Theirs", open_font(file)).face
    ours = fast_ttfont("Ours", open_font(file)).face
    codes = list(theirs.charToGlyph)
    codes = [*codes[:: max(1, len(codes) // 3000)], 0xE000, 0x10FFFD]
    chunks = [codes[start : start + 256] for start in range(0, len(codes), 256)]
    expected = [theirs.makeSubset(chunk) for chunk in chunks]
    monkeypatch.setattr(TTFontFace, "makeSubset", None)  # ours must not fall back to ReportLab's
    assert [ours.makeSubset(chunk) for chunk in chunks] == expected


def test_a_damaged_glyph_table_fails_as_reportlab_fails() -> None:
    file = "LiberationSans-Regular.ttf"
    theirs, ours = TTFont("Theirs", open_font(file)).face, fast_ttfont("Ours", open_font(file)).face
    for face in (theirs, ours):
        face._ttf_data = face._ttf_data[: face.table["glyf"]["offset"] + 100]  # the glyphs cut short
    with pytest.raises(Exception) as expected:
        theirs.makeSubset(list(range(0x20, 0x7F)))
    with pytest.raises(expected.type):
        ours.makeSubset(list(range(0x20, 0x7F)))
