"""Rebuild emoji.zip: the colour emoji of Noto Color Emoji as small PNG files, for the PDF exporter.

ReportLab cannot draw colour (CBDT) glyphs, so the PDF exporter places emoji as inline images. This
developer-only script extracts every glyph reachable from a code point or a code point sequence (flags,
skin tones, ZWJ sequences, via the font's ligatures), scales it to SIZE px and stores it as
"1f1e8-1f1e6.png" (hex code points, U+FE0F left out). Needs fontTools and Pillow:

    pip install fonttools
    python resources/fonts/make_emoji_archive.py /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-not-found]
from PIL import Image

SIZE = 40  # px per em, ~260 dpi at 11 pt: sharp in print, small on disk
OUT = Path(__file__).with_name("emoji.zip")


def sequences(font: TTFont) -> dict[str, tuple[int, ...]]:
    """glyph name -> the code point sequence that produces it."""
    cmap = font.getBestCmap()
    by_glyph: dict[str, tuple[int, ...]] = {}
    for code, glyph in cmap.items():
        by_glyph.setdefault(glyph, (code,))
    for lookup in font["GSUB"].table.LookupList.Lookup:
        if lookup.LookupType != 4:
            continue
        for sub in lookup.SubTable:
            for first, ligatures in sub.ligatures.items():
                for lig in ligatures:
                    glyphs = [first, *lig.Component]
                    if all(g in by_glyph for g in glyphs):
                        seq = tuple(c for g in glyphs for c in by_glyph[g])
                        by_glyph.setdefault(lig.LigGlyph, seq)
    return by_glyph


def main(font_path: str) -> None:
    font = TTFont(font_path)
    strike = font["CBDT"].strikeData[0]
    names = sequences(font)
    count = 0
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_STORED) as archive:
        for glyph, seq in sorted(names.items(), key=lambda item: item[1]):
            bitmap = strike.get(glyph)
            if bitmap is None or not getattr(bitmap, "imageData", None):
                continue
            key = "-".join(f"{c:x}" for c in seq if c != 0xFE0F)
            if not key or (any(c < 0x80 for c in seq) and len(seq) == 1):
                continue  # digits, '#', '*' alone are text, not emoji
            image = Image.open(io.BytesIO(bitmap.imageData)).convert("RGBA")
            width = max(1, round(image.width * SIZE / image.height))
            image = image.resize((width, SIZE), Image.Resampling.LANCZOS)
            image = image.quantize(colors=64, method=Image.Quantize.FASTOCTREE)
            out = io.BytesIO()
            image.save(out, "PNG", optimize=True)
            archive.writestr(zipfile.ZipInfo(f"{key}.png", date_time=(1980, 1, 1, 0, 0, 0)), out.getvalue())
            count += 1
    print(f"{count} emoji -> {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")
