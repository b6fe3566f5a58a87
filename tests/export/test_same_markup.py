"""The faster ways the PDF export builds its paragraphs give what the plain ways give (see docs/export.md, Speed,
eighth round): each shortcut is compared here with the code it stands in for."""

from __future__ import annotations

import sys
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from briefing.core.model import Briefing, Note
from briefing.core.script import is_rtl
from briefing.core.templates import Template
from briefing.export import bidi, pdftext
from briefing.export.pdfstyles import _TAG, _TOKEN, Styles, _filling
from briefing.export.pdftext import SANS, SERIF
from briefing.export.tree import Citation, unescape
from tests.export.conftest import MULTILINGUAL


def test_has_marks_finds_exactly_the_characters_shaping_drops() -> None:
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue  # (surrogates: never in text)
        ch = chr(code)
        assert bidi.has_marks(f"ab{ch}c") == bidi._dropped(ch), hex(code)
    assert not bidi.has_marks("")
    assert bidi.has_marks("كتاب مُحَمَّدٌ")


def _frags_token_by_token(st: Styles, text: str, style: ParagraphStyle) -> list[Any] | None:
    """Styles.frags as it was written first: every fragment's text filled in by a substitution of each token, the
    shape parsed again for each call."""
    if "<img" in text or "<br" in text:
        return None
    cores: list[str] = []
    shape: list[str] = []
    for i, part in enumerate(_TAG.split(text)):
        core = part.strip(" ")
        if i % 2 or not core:
            shape.append(part)
            continue
        start = part.index(core)
        shape.append(f"{part[:start]}\ue000{len(cores)}\ue001{part[start + len(core) :]}")
        cores.append(unescape(core))
    template = Paragraph("".join(shape), style).frags
    return [f.clone(text=_TOKEN.sub(lambda m: cores[int(m[1])], f.text)) for f in template]


def test_fragments_are_filled_in_as_by_a_substitution_of_each_token(multilingual: Briefing, template: Template) -> None:
    """Every markup a note's export asks Styles.frags for (quotations, footnotes, notes, in Arabic, Persian,
    Chinese, Japanese, with entities and spaces at the ends of font runs), and some shapes of its own: the same
    fragments, attribute by attribute and in order, as filling each in token by token."""
    from briefing.export.pdf import _footnote, _quote_paragraph, build_flowables, check_drawable
    from briefing.export.pdfflow import FootnoteArea
    from briefing.export.tree import build_tree

    section = multilingual.section("positions")
    for n, note in enumerate(list(section.items)):
        if isinstance(note, Note) and not note.text.isascii():  # each foreign note quoted too, and bold
            section.items.append(Note(id=f"note-b{n}", text=f"**{note.text}** & <{note.text}>"))
    tree = build_tree(multilingual, template)
    check_drawable(tree)  # (registers the fonts the tree needs)
    st = Styles(11, SANS, SANS)
    asked: list[tuple[str, ParagraphStyle]] = []
    frags = st.frags
    st.frags = lambda text, style: asked.append((text, style)) or frags(text, style)  # type: ignore[method-assign]
    build_flowables(tree, st, FootnoteArea(400), 400)
    for n, text in enumerate(MULTILINGUAL):  # as quotations, with footnotes citing a title in that script
        _quote_paragraph(text, is_rtl(text), st, 300, str(n + 1), upright=not is_rtl(text))
        _footnote(Citation(n + 1, f"Agence, “{text[:12]}”, para. {n}.", "", "s"), st)
    st.frags = frags  # type: ignore[method-assign]
    own = [
        '<font face="BriefingArabic">قال </font>“<font face="BriefingArabic">نص</font>” &amp; x ',
        " a &lt;b&gt; <b>c</b> <i> d </i>",
        "x<b>y</b>z",
        " ",
    ]
    asked += [(text, style) for text in own for style in (st.body, st.quote, st.footnote)]
    assert len(asked) > 40
    for text, style in asked:
        got, expected = st.frags(text, style), _frags_token_by_token(st, text, style)
        assert (got is None) == (expected is None), text
        assert [type(f) for f in got or []] == [type(f) for f in expected or []], text
        assert [f.__dict__ for f in got or []] == [f.__dict__ for f in expected or []], text


def test_the_reshapers_options_are_read_as_its_configparser_holds_them() -> None:
    """Each option arabic-reshaper reads (every ligature's too) is what its own configuration gives."""
    import arabic_reshaper
    from arabic_reshaper.ligatures import LIGATURES
    from arabic_reshaper.reshaper_config import default_config

    for marks in (False, True):
        options = bidi._reshaper(marks).configuration  # type: ignore[attr-defined]
        assert len(options._read) > 280  # given: not read through configparser
        given = {"delete_harakat": not marks, "support_ligatures": True, "ARABIC LIGATURE ALLAH": not marks}
        plain = arabic_reshaper.ArabicReshaper(given).configuration
        names = [name for name, value in default_config.items() if isinstance(value, bool)]
        for name in [*names, *(name for name, _ in LIGATURES), "Delete_Harakat"]:
            assert options.getboolean(name) == plain.getboolean(name), name
        assert options.get("language") == plain.get("language")


def test_a_configuration_file_is_read_through_configparser(monkeypatch: Any, tmp_path: Any) -> None:
    config = tmp_path / "reshaper.ini"
    config.write_text("[ArabicReshaper]\nARABIC LIGATURE ALLAH = no\n")
    monkeypatch.setenv("PYTHON_ARABIC_RESHAPER_CONFIGURATION_FILE", str(config))
    assert bidi._options_given({"delete_harakat": True}) == {}


def test_brackets_are_mirrored_as_the_translation_table_mirrors_them() -> None:
    """bidi._mirrored searches before translating: the same text as str.translate with the table, for every
    code point (alone and beside Arabic) and for lines with and without brackets."""
    for code in range(0x3000):
        text = f"ب{chr(code)}"
        assert bidi._mirrored(text) == text.translate(bidi._MIRROR), hex(code)
    for text in ["", "(كتاب) «نص» [١]", "<a> {b} ‹c›", "كتاب", *MULTILINGUAL]:
        assert bidi._mirrored(text) == text.translate(bidi._MIRROR), text


def test_a_shape_of_font_runs_is_pieced_as_reportlab_parses_it() -> None:
    """Styles._pieced (a shape of tokens and tokens in <font face>, no parse) against ReportLab's parse of the same
    shape, attribute by attribute, in each paragraph style of a note; other shapes are left to the parse."""
    for family in (SERIF, pdftext.ARABIC, pdftext.CJK, pdftext.HEBREW, pdftext.SYMBOLS):
        pdftext.register(family)
    st = Styles(11, SANS, SERIF)
    token = "\ue000{}\ue001".format
    faces = ["BriefingArabic", "BriefingCJK", "BriefingArabic-Bold", "BriefingHebrew", "BriefingSymbols"]
    shapes = [token(0), f'<font face="{faces[0]}">{token(0)}</font>']
    shapes += [f'{token(0)}<font face="{face}">{token(1)}</font>{token(2)}' for face in faces]
    shapes.append("".join(f'<font face="{face}">{token(n)}</font>{token(n + 9)}' for n, face in enumerate(faces)))
    shapes += [
        f'{token(0)} <font face="{faces[0]}">{token(1)} </font>{token(2)}',
        f'<font face="{faces[1]}">{token(0)} </font>{token(1)}',
    ]
    shapes.append(
        "".join(f'<font face="{face}">{token(n)} </font>{token(n + 9)} ' for n, face in enumerate(faces))
        + f'<font face="{faces[0]}">{token(8)}</font>'
    )
    pieced = 0
    for style in (st.body, st.quote, st.footnote, st.heading, st.quote_rtl):
        for shape in shapes:
            got = st._pieced(shape, style)
            assert got is not None, shape
            pieced += 1
            expected = Paragraph(shape, style).frags
            assert [f.__dict__ for f, *_ in got] == [f.__dict__ for f in expected], (shape, style.name)
            assert [(head, index, tail) for _, head, index, tail in got] == [_filling(f.text) for f in expected]
        for other in (
            f"{token(0)} {token(1)}",
            f'<font face="{faces[0]}">{token(0)}</font>' * 2,
            f" {token(0)}",
            f"{token(0)} ",
            f"{token(0)}  {token(1)}",
            f"<b>{token(0)}</b>",
            f'<font face="X" color="red">{token(0)}</font>',
            "a",
        ):
            assert st._pieced(other, style) is None, other
    assert pieced == 5 * len(shapes)
