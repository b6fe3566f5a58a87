"""The faster ways the PDF export builds its paragraphs give what the plain ways give (see docs/export.md, Speed,
eighth round): each shortcut is compared here with the code it stands in for."""

from __future__ import annotations

import sys

from briefing.export import bidi


def test_has_marks_finds_exactly_the_characters_shaping_drops() -> None:
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue  # (surrogates: never in text)
        ch = chr(code)
        assert bidi.has_marks(f"ab{ch}c") == bidi._dropped(ch), hex(code)
    assert not bidi.has_marks("")
    assert bidi.has_marks("كتاب مُحَمَّدٌ")
