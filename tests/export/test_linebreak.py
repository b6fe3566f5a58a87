"""Lines break inside words (web addresses) where LibreOffice breaks them, and the text stays whole."""

from __future__ import annotations

import io
import re
import unicodedata
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate

import briefing.export.pdf  # noqa: F401  (installs the line breaking)
from briefing.export.linebreak import NO_BREAK_BEFORE, break_at, breaks, cut_at

URL = "https://www.sciencesetavenir.fr/sante/covid-19-et-infox-comment-une-rumeur-devient-realite_147359"


@pytest.mark.parametrize(
    "marked",
    [
        # as LibreOffice 7.4 broke these words, pushed across a line end at every position ("|": a break)
        "https://www.sciencesetavenir.fr/sante/covid-|19-|et-|infox-|comment-|une-|rumeur-|devient-|realite_147359",
        "https://example.gc.ca/a:b?|x=1&y=2,3;z=4#frag|%20x+y~q@w!|e*r'(t)",
        "https://en.wikipedia.org/wiki/Mozilla_(disambiguation)?|action=edit&section=3",
        "foo_bar_baz/qux,quux;corge.grault:garply\\|fred",  # never after / , ; . : _
        "word|\u2014|word\u2013|word\u2010|word-|word--|word",
        "a/b/12/34/1,000,000/3.14-|5/x-|5/v1.2.3-|rc1",
        "(paren)text[brack]|{brace}\u00abguil\u00bbend",
        "aa]|{bb",
        "aa-)bb",
        "aa…|11",
        "中|文，|标|点。|测|试|（括|号）|abc",
    ],
)
def test_breaks_where_libreoffice_breaks(marked: str) -> None:
    parts = marked.split("|")
    expected = [len("".join(parts[: i + 1])) for i in range(len(parts) - 1)]
    assert breaks("".join(parts)) == tuple(expected)


@pytest.mark.parametrize(
    ("word", "breaks_by_room"),
    [
        # as LibreOffice 7.4 broke these words after "xxx… " in a monospaced font, by how many characters of the word
        # fit on the line (None: the whole word went to the next line). A "/" before a letter, digit or "(" after the
        # last break that fits, with the character after it fitting too, moves the whole word
        (
            "https://www.ex.ca/world-monde/international_relations-abc",
            {23: None, 24: 24, 30: 24, 31: None, 53: None, 54: 54, 56: 54},
        ),
        ("abcdefgh/world-monde/klmnop-qrstuv-wxyz", {14: None, 15: 15, 21: 15, 22: None, 27: None, 28: 28, 35: 35}),
        ("aaaaaaaaaa-bbbbbbbbbb/2024-03-cccccccccc", {22: 11, 23: None, 26: None, 27: 27}),
        ("aaaaaaaaaa-bbbbbbbbbb/(cc)-dddddddddd", {22: 11, 23: None, 26: None, 27: 27}),
        ("aaaaaaaaaa-bbbbbbbbbb/.cc-dddddddddd", {25: 11, 26: 26}),  # no break before "." or "?"
        ("aaaaaaaaaa-bbbbbbbbbb/?cc-dddddddddd", {22: 11, 23: 23, 26: 26}),
        ("aaaa-bbbb-cccc-dddd-eeee-ffff-gggg-hhhh", {4: None, 5: 5, 9: 5, 34: 30}),  # plain words: no change
    ],
)
def test_a_slash_after_the_last_break_moves_the_whole_word_as_in_libreoffice(
    word: str, breaks_by_room: dict[int, int | None]
) -> None:
    for room, expected in breaks_by_room.items():
        assert break_at(word, float, room) == expected, room  # one unit per character, as in a monospaced font


def _lines(text: str, width: float) -> list[str]:
    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12, embeddedHyphenation=1)
    paragraph = Paragraph(text, style)
    paragraph.wrap(width, 1000)
    return [" ".join(words) for _, words in paragraph.blPara.lines]


def test_a_web_address_breaks_after_a_hyphen_instead_of_moving_whole() -> None:
    lead = "Sciences et Avenir, 14 septembre 2020,"
    width = stringWidth(f"{lead} {URL[: URL.index('realite') + 3]}", "Helvetica", 10)  # room up to "devient-rea"
    lines = _lines(f"{lead} {URL}, paragr. 12.", width)
    assert lines[0] == f"{lead} {URL[: URL.index('devient-') + 8]}"  # ReportLab put the whole address below
    assert "".join(lines).replace(" ", "") == f"{lead}{URL},paragr.12.".replace(" ", "")  # nothing added


def test_an_address_with_a_slash_after_its_last_fitting_break_moves_whole() -> None:
    # the long note's footnote 3 (issue 13): LibreOffice moves the address to the next line, though "world-" fits
    url = "https://www.international.gc.ca/world-monde/international_relations-relations_internationales/index.aspx?lang=fra"
    lead = "3 \u201cCanada\u2013Iran talks\u201d, Sciences et Avenir, 14 September 2020,"
    width = stringWidth(f"{lead} {url[: url.index('monde/') + 11]}", "Helvetica", 10)  # room up to "monde/inter"
    lines = _lines(f"{lead} {url}, para. 18.", width)
    assert lines[0] == lead  # ReportLab's lines had "…, https://www.international.gc.ca/world-"
    assert "".join(lines[1:]).replace(" ", "") == f"{url},para.18."


def test_an_address_wider_than_the_line_starts_the_next_line_and_breaks_at_a_hyphen() -> None:
    # LibreOffice does not cut "https://w|ww…" at the end of the first line, as ReportLab did
    lead = "Voir aussi le texte complet en ligne :"  # leaves less room than "https://…/sante/covid-" needs
    width = stringWidth(URL[:60], "Helvetica", 10)
    assert stringWidth(f"{lead} {URL[: URL.index('covid-') + 6]}", "Helvetica", 10) > width
    lines = _lines(f"{lead} {URL}", width)
    assert lines[0] == lead
    assert all(line.endswith("-") for line in lines[1:-1]) and "".join(lines[1:]) == URL


def test_the_pdf_text_keeps_the_address_whole(tmp_path: object) -> None:
    out = io.BytesIO()
    width = stringWidth(f"See {URL[:70]}", "Helvetica", 10)
    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12, embeddedHyphenation=1)
    doc = SimpleDocTemplate(out, pagesize=(width + 20, 400), leftMargin=10, rightMargin=10)
    doc.build([Paragraph(f'See <a href="{URL}">{URL}</a> now.', style)])
    text = PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()
    assert len(text.splitlines()) > 1 and URL in text.replace("\n", "")


@pytest.mark.parametrize(
    "text",
    [
        # a break that fits ("?" or "\"), then more than a line without any (QA4 15): the rest ran off the page
        "See https://example.gc.ca/iran.aspx?lang=eng&amp;section=regulations&amp;ref=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ok",
        "and the file \\\\server\\share\\Very_Long_Folder_Name_Without_Any_Spaces_Whatsoever_For_Testing.docx today",
        # the same in two fonts (ReportLab's fragment words)
        "See <i>https://example.gc.ca/iran.aspx?</i>lang=eng&amp;section=regulations&amp;ref=ABCDEFGHIJKLMNOPQRSTUVWXYZ0 ok",
    ],
)
def test_a_token_wider_than_the_line_is_cut_where_the_line_is_full(text: str) -> None:
    width = 150.0
    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12, embeddedHyphenation=1)
    paragraph = Paragraph(text, style)
    paragraph.wrap(width, 1000)
    lines = paragraph.blPara.lines
    widths = [width - (line[0] if isinstance(line, tuple) else line.extraSpace) for line in lines]
    assert len(lines) > 3 and max(widths) <= width + 1e-6
    texts = [" ".join(line[1]) if isinstance(line, tuple) else "".join(w.text for w in line.words) for line in lines]
    plain = text.replace("<i>", "").replace("</i>", "").replace("&amp;", "&")
    assert "".join(texts).replace(" ", "") == plain.replace(" ", "")
    # as LibreOffice: a line is filled before the cut ("…ref=ABCDEFGHI" | "JKLMNOP…")
    assert stringWidth(texts[-2] + texts[-1][0], "Helvetica", 10) > width - 12


def test_cut_at_keeps_a_combining_mark_with_its_letter() -> None:
    assert cut_at("abcde\u0301fgh", float, 5) == 4  # "abcd" | "e\u0301fgh", not "abcde" | "\u0301fgh"
    assert cut_at("abcdefgh", float, 5) == 5 and cut_at("abcdefgh", float, 0.5) == 1


def test_the_last_break_that_fits_is_the_one_among_all_the_breaks() -> None:
    """break_at looks for the last break from the longest head that fits back, rather than measuring the word's
    breaks: the same break, for words of every kind, widths of every kind (zero-width marks included) and rooms
    from nothing to the whole word."""
    import random

    def among_all(word: str, head_width: Any, room: float) -> int | None:  # the last of breaks() that fits
        fitting = [at for at in breaks(word) if head_width(at) <= room]
        at = fitting[-1] if fitting else None
        slash = word.find("/", at or 0, len(word) - 1)
        while slash >= 0 and word[slash + 1] in NO_BREAK_BEFORE:
            slash = word.find("/", slash + 1, len(word) - 1)
        return None if slash >= 0 and head_width(slash + 2) <= room else at

    words = [
        "外交部长表示，双方已在官方层面开始会谈（但重开大使馆并不是第一步）；“加拿大”将在中立国家逐步推进对话。",
        "http://example.com/a-b?c=d!e…f%g(h)[i]{j}—k——l",
        "中文（括号）“引号”。句号、顿号——破折号…省略号ぁァー々",
        "Supercalifragilistic",
        "naïve-économie/façon",
        URL,
    ]
    rnd = random.Random(7)
    letters = "ab1-\u2014|?!\u2026%)]}([{/.,中文（）「」、。ー\u0301"
    words += ["".join(rnd.choice(letters) for _ in range(rnd.randrange(1, 30))) for _ in range(300)]
    for word in words:
        advances = [0.0 if unicodedata.combining(c) else rnd.choice((1.0, 2.5, 5.0)) for c in word]
        heads = [sum(advances[:i]) for i in range(len(word) + 1)]
        for room in (0, 0.5, 1, 3, 7.5, 12, 30, 60, 1e9):
            assert break_at(word, heads.__getitem__, room) == among_all(word, heads.__getitem__, room), (word, room)


def test_a_hyphen_in_the_text_survives_a_paragraph_laid_out_again(tmp_path) -> None:
    """QA6: a phone number broken after one of its hyphens lost the other on the next layout of its paragraph
    (ReportLab's rejoin of split words strips a head's last "-", also one that was in the text): 613-5550100."""
    from pypdf import PdfReader

    from briefing.cli import main

    note = tmp_path / "contact.briefing"
    assert main(["new", str(note), "--title", "T", "--template", "gc-briefing-note", "--language", "fr"]) == 0
    prepared = "prepared_by=J. Tremblay, Middle East Policy Division (MGA), 613-555-0199"
    assert main(["set", str(note), prepared, "phone=613-555-0100"]) == 0
    assert main(["export", str(note), "-o", str(tmp_path / "contact.pdf")]) == 0
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "contact.pdf").pages)
    drawn = re.sub(r"-\n", "-", text)  # a line that ends at a hyphen goes on at the next line
    assert "613-555-0199" in drawn and "613-555-0100" in drawn


def test_a_word_in_several_fonts_splits_with_each_piece_measured_in_order() -> None:
    """A Chinese sentence between quotation marks in the main font splits with the head's and tail's widths the
    sums of their pieces measured in order, to the last bit (the tail's whole fragments measured once per split)."""
    from reportlab.platypus import paragraph as rl

    from briefing.export.pdftext import CJK, SANS, register

    for family in (SANS, CJK):
        register(family)
    style = ParagraphStyle("q", fontName=SANS.key, fontSize=11, embeddedHyphenation=1)
    para = Paragraph(
        f'“<font face="{CJK.key}">我高中毕业后就出国留学了。当我还在国内读高中时，</font>”'
        f'<font face="{CJK.key}">卢宇说，</font>“10<font face="{CJK.key}">年，关注点也转移到国家</font>‘一带',
        style,
    )
    (word,) = rl._getFragWords(para.frags, 400)
    measured = lambda pieces: sum(stringWidth(t, f.fontName, f.fontSize) for f, t in pieces)  # noqa: E731
    splits = 0
    for width in range(30, 400, 7):
        parts = rl._hyphenateFragWord(None, word, word[0], width, False, True, 0)
        if parts:
            head, tail = parts
            assert head[0] == measured(head[1:]) <= width
            assert tail[0] == measured(tail[1:])
            assert "".join(t for _, t in head[1:] + tail[1:]) == "".join(t for _, t in word[1:])
            splits += 1
    assert splits > 40
