"""FastFace reads a font's metrics as ReportLab does, only faster: same attributes, same order, every bundled font."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from briefing.export.pdftext import fonts_dir, open_font
from briefing.export.ttfmetrics import FastFace, fast_ttfont

FONTS = sorted(p.name.removesuffix(".gz") for p in fonts_dir().glob("*.ttf*"))


def _state(face: object) -> dict[str, object]:
    # _pdfScale is a new lambda per reading; _pos is only where the reader stopped
    return {k: v for k, v in vars(face).items() if k not in ("_pdfScale", "_pos")}


def test_every_bundled_font_is_checked() -> None:
    assert "DroidSansFallbackFull.ttf" in FONTS and "LiberationSans-Regular.ttf" in FONTS


@pytest.mark.parametrize("file", FONTS)
def test_same_metrics_as_reportlab(file: str) -> None:
    theirs = TTFont("Theirs", open_font(file)).face
    ours = fast_ttfont("Ours", open_font(file)).face
    assert type(ours) is FastFace and type(theirs) is not FastFace
    assert _state(ours) == _state(theirs)
    for table in ("charToGlyph", "glyphToChar", "charWidths"):  # insertion order too: a subset lists glyphs in it
        assert list(getattr(ours, table)) == list(getattr(theirs, table))
    assert ours.makeSubset(list(range(0x20, 0x7F))) == theirs.makeSubset(list(range(0x20, 0x7F)))


def test_another_character_map_format_is_read_by_reportlab(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FastFace, "_cmap", lambda self, data: None)
    file = "NotoSansHebrew-Regular.ttf"
    assert _state(fast_ttfont("Ours", open_font(file)).face) == _state(TTFont("Theirs", open_font(file)).face)


def test_reportlab_builds_its_own_faces_again_afterwards() -> None:
    fast_ttfont("Ours", open_font("NotoSansHebrew-Regular.ttf"))
    assert type(TTFont("Theirs", open_font("NotoSansHebrew-Regular.ttf")).face) is not FastFace
