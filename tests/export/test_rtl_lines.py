"""Right-to-left paragraphs are broken into the same lines when each line's width is carried on word by word as
when every trial line is shaped and measured whole (the way it was done before, kept for text with joiners)."""

from __future__ import annotations

import itertools

import pytest

import briefing.export.pdf  # noqa: F401  # (ReportLab set up as the export sets it up)
from briefing.export.pdftext import (
    ARABIC,
    CJK,
    HEBREW,
    SANS,
    _rtl_lines,
    _rtl_lines_trying_each,
    register,
    text_width,
)

ARABIC_TEXT = (
    "وقال وزير الخارجية إن المحادثات بدأت على المستوى الرسمي، وإن إعادة فتح السفارة ليست خطوة أولى، "
    "وإن كندا ستواصل العمل خطوة بخطوة في بلد محايد. العلاقات الدبلوماسية بين كندا وإيران مقطوعة منذ عام 2012 "
    "(قطعتها حكومة هاربر) ولا تزال إيطاليا ترعى مصالح كندا هناك بنسبة 12.5% من الميزانية."
)
TEXTS = [
    ARABIC_TEXT,
    "روابط دیپلماتیک کانادا و ایران از سال ۲۰۱۲ قطع شده است؛ می‌گویند گفت‌وگوها در کشوری بی‌طرف ادامه می‌یابد.",
    "השיחות בין קנדה לאיראן נמשכות: שָׁלוֹם עוֹלָם, בֵּית־הַמִּקְדָּשׁ, ועוד 3.5 מיליון דולר.",
    "اللّٰه لا إله إلا الله — مُحَمَّدٌ رَسُولُ اللهِ ــ كتــــاب 🤝 ✅ السلام عليكم Ottawa 16:20 «نص»",
    "  مسافتان  في   البداية والنهاية  ",
    "كلمة",
    "",
    "العلاقات " * 40,
    "وزير الخارجية 外交部长表示 Canada وإيران",
]


@pytest.fixture(scope="module", autouse=True)
def fonts() -> None:
    for family in (SANS, ARABIC, HEBREW, CJK):
        register(family)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(("font", "size"), [("BriefingSans", 12), ("BriefingSans-Bold", 10.5), ("BriefingSans", 9)])
def test_the_lines_are_those_of_measuring_each_trial_line_whole(text: str, font: str, size: float) -> None:
    whole = text_width(text, _style(font, size))
    for width in (0, 30, 61.5, 120, 200.25, whole / 3, whole / 2, whole - 0.01, whole, 1000):
        for reserve in (0, 6.5):  # (room for a footnote mark on the last line)
            lines = _rtl_lines.__wrapped__(text, width, font, size, reserve)
            assert lines == _rtl_lines_trying_each(text, width, font, size, reserve), (width, text)
            assert " ".join(lines) == text


@pytest.mark.parametrize("text", TEXTS[:3])
def test_every_line_is_full_and_only_the_last_keeps_room_for_the_mark(text: str) -> None:
    """As Word and LibreOffice break the DOCX's lines: each takes words while they fit the whole width (they were
    broken 6 pt short, and every line kept the mark's room); the last line leaves room for the mark, else its last
    word goes down to a line of its own with it, as the mark is text after the last word in Word."""
    from briefing.export.bidi import shape

    style = _style("BriefingSans", 12)
    for width in (150, 233.5, 300, 401.5):
        for reserve in (0, 6.5):
            lines = _rtl_lines.__wrapped__(text, width, "BriefingSans", 12, reserve)
            for n, (line, after) in enumerate(itertools.pairwise(lines)):
                assert text_width(shape(line), style) <= width
                longer = text_width(shape(f"{line} {after.split(' ')[0]}"), style)
                pushed = n == len(lines) - 2 and " " not in after and longer + reserve > width  # by the mark
                assert longer > width or pushed, (width, reserve, line)
            assert text_width(shape(lines[-1]), style) + reserve <= width or " " not in lines[-1]


def test_a_joiner_is_measured_line_by_line() -> None:
    text = "لا\u200dإله " + ARABIC_TEXT
    assert _rtl_lines.__wrapped__(text, 150, "BriefingSans", 12) == _rtl_lines_trying_each(
        text, 150, "BriefingSans", 12
    )


def _style(font: str, size: float):  # type: ignore[no-untyped-def]
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle("measure", fontName=font, fontSize=size)


@pytest.mark.parametrize("text", TEXTS)
def test_each_line_is_drawn_with_the_shaping_arabic_reshaper_gives_it(text: str) -> None:
    import arabic_reshaper

    from briefing.export import bidi

    fresh = arabic_reshaper.ArabicReshaper({"delete_harakat": True, "support_ligatures": True})
    bidi._SHAPED.clear()
    lines = _rtl_lines.__wrapped__(text, 120, "BriefingSans", 12)
    for line in lines:
        remembered = bidi.shape(line)
        bidi._SHAPED.clear()
        assert remembered == bidi.shape(line)  # shaped alone, by the reshaper reading its options once
        assert bidi.shape(line) == fresh.reshape(bidi._HEBREW_POINTS.sub("", line))  # and by a fresh one
        bidi._SHAPED[line] = remembered


@pytest.mark.parametrize("text", TEXTS)
def test_each_line_is_drawn_with_the_marks_shaping_arabic_reshaper_gives_it(text: str) -> None:
    """A paragraph with harakat or points is also shaped once with its marks; each line's slice of it is what
    shaping the line alone with marks gives."""
    from briefing.export import bidi

    for width in (60, 120, 300):
        bidi._SHAPED_MARKS.clear()
        lines = _rtl_lines.__wrapped__(text, width, "BriefingSans", 12)
        remembered = {line: bidi.shape(line, marks=True) for line in lines}
        bidi._SHAPED_MARKS.clear()
        assert remembered == {line: bidi.shape(line, marks=True) for line in lines}


def test_a_line_all_right_to_left_is_its_clusters_reversed() -> None:
    """visual's short cut (every character at level 1) gives what the full reordering gives, marks, joiners and
    mirrored brackets included; a line with digits or Latin letters is not taken for one."""
    from briefing.export import bidi

    taken = 0
    for text in [*TEXTS, "(قال) «نص» [كلمة] {أ}", "\u064bكلمة مُحَمَّدٌ", "לא\u200dכן (כן)"]:
        words = text.split(" ")
        for end in range(1, len(words) + 1):
            line = " ".join(words[:end])
            for marks in (False, True) if line.strip() else ():
                shaped = bidi.shape(line, marks)
                full = "".join(cluster for cluster, _ in bidi._reordered(shaped, True))
                if bidi._all_right_to_left(shaped):
                    taken += 1
                    assert bidi._reversed_clusters(shaped) == full, line
                    assert bidi._reversed_clusters(shaped, set(shaped)) == full, line
                if bidi.has_rtl(line):
                    assert bidi.visual(line, True, marks) == full, line
    assert taken > 20
    assert not bidi._all_right_to_left(bidi.shape("كندا 2012"))
    assert not bidi._all_right_to_left(bidi.shape("كندا Canada"))


@pytest.mark.parametrize("marks", [False, True])
def test_shaping_word_by_word_is_shaping_the_whole(marks: bool) -> None:
    """Letters join only within a word, so shaping each word (once per process) gives the whole text's shaping;
    a reshaper with a ligature of several words switched on shapes the whole text."""
    import arabic_reshaper

    from briefing.export import bidi

    texts = [*TEXTS, "عبدالله الله لله لا إله إلا الله", "\u064b كلمة \u0651", "مُحَمَّدٌ رَسُولُ اللهِ"]
    for text in texts:
        assert bidi._reshape(text, marks) == bidi._reshaper(marks).reshape(text), text  # type: ignore[attr-defined]
    assert not bidi._ligatures_span_words(marks)
    phrase = "قال بسم الله الرحمن الرحيم"
    with_phrases = {"delete_harakat": not marks, "ARABIC LIGATURE BISMILLAH AR-RAHMAN AR-RAHEEM": True}
    bidi._ligatures_span_words.cache_clear()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bidi, "_reshaper", lambda marks=False: arabic_reshaper.ArabicReshaper(with_phrases))
        assert bidi._ligatures_span_words(marks)
        assert bidi._reshape(phrase, marks).endswith("\ufdfd")  # the phrase as one glyph
    bidi._ligatures_span_words.cache_clear()


@pytest.mark.parametrize("font", ["BriefingSans", "BriefingSans-BoldItalic"])
def test_markup_word_by_word_is_markup_character_after_character(font: str) -> None:
    """Text without emoji is put into font runs word by word (each word once per family it follows): the same
    markup as deciding the font character after character."""
    from reportlab.lib.fonts import ps2tt

    from briefing.export.pdftext import _EMOJI_START, _family_runs, _markup_each, escape, tt2ps

    _, bold, italic = ps2tt(font)
    texts = [
        *TEXTS,
        "外交部长表示，“双方已在官方层面开始会谈” 2016 年 Canada & <Iran>",
        "Ottawa → Tehran ≤ 3 ✓ ① Ελλάδα  two  spaces ",
        " وزير  الخارجية (Canada) «نص» 12.5% ",
    ]
    for text in (text for text in texts if not _EMOJI_START.search(text)):  # (emoji: character after character)
        runs = "".join(
            escape(chunk)
            if family == "BriefingSans"
            else f'<font face="{tt2ps(family, bold, italic)}">{escape(chunk)}</font>'
            for family, chunk in _family_runs(text, "BriefingSans")
        )
        assert runs == _markup_each(text, "BriefingSans", bold, italic, 12), text


def test_neutral_characters_stay_in_the_script_font_that_draws_them() -> None:
    """Spaces, digits and punctuation after Arabic letters are drawn in Noto Naskh Arabic when it has them (no
    font change); only what it lacks, such as brackets and straight quotation marks, goes to the main font.
    Droid Sans Fallback has no ASCII digits nor curly quotation marks, so Chinese switches for those."""
    from briefing.export.pdftext import _family_runs

    arabic, cjk = register(ARABIC), register(CJK)
    assert all(ord(ch) in arabic for ch in " 0123456789«».,:") and ord("(") not in arabic
    assert ord(" ") in cjk and not any(ord(ch) in cjk for ch in "0123456789“”‘’")
    assert _family_runs("وزير الخارجية «نص» 12.5: كندا", "BriefingSans") == [
        ("BriefingArabic", "وزير الخارجية «نص» 12.5: كندا")
    ]
    assert _family_runs('وزير (كندا) "نص"', "BriefingSans") == [
        ("BriefingArabic", "وزير "),
        ("BriefingSans", "("),
        ("BriefingArabic", "كندا"),
        ("BriefingSans", ') "'),
        ("BriefingArabic", "نص"),
        ("BriefingSans", '"'),
    ]
    assert _family_runs("外交部长表示“双方”2016年", "BriefingSans") == [
        ("BriefingCJK", "外交部长表示"),
        ("BriefingSans", "“"),
        ("BriefingCJK", "双方"),
        ("BriefingSans", "”2016"),
        ("BriefingCJK", "年"),
    ]


def test_a_right_to_left_quotation_is_parsed_line_by_line_as_whole() -> None:
    """A right-to-left quotation's fragments are each line's (each line shape parsed once) with ReportLab's line
    break between them: the fragments of parsing the whole markup."""
    from reportlab.platypus import Paragraph

    from briefing.export import pdf

    register(SANS)
    st = pdf.Styles(12, SANS, SANS)
    checked = 0
    for text in [*TEXTS, "قال & <ب> \"نص\" 'x' (Canada) 2016", "قال <ب> \"نص\" 'x' (Canada) 2016"]:
        for width in (150, 300, 460):
            lines, frags = pdf._rtl_lines_markup(text, st.quote_rtl, st, width)
            if frags is None:  # (white space ReportLab would collapse, an entity or an emoji image: parsed whole)
                assert any(
                    " ".join(line.split()) != line or not line or "&" in line or "<img" in line for line in lines
                )
                continue
            whole = Paragraph("<br/>".join(lines), st.quote_rtl).frags
            assert [type(f) for f in frags] == [type(f) for f in whole]
            assert [f.__dict__ for f in frags] == [f.__dict__ for f in whole], (text, width)
            checked += len(lines) > 1
    assert checked >= 10  # multi-line paragraphs compared


def test_a_left_to_right_line_with_a_latin_tail_is_reordered_as_a_whole() -> None:
    """visual's short cut for a left-to-right line (a footnote: "“وكالة الأنباء”, para. 12."): its head reordered
    once, its Latin tail left as it is, gives what reordering the whole line gives, whatever precedes and follows
    the cut (numbers, separators, signs, brackets, Arabic-Indic digits, Hebrew points, marks, joiners)."""
    from briefing.export import bidi

    heads = [
        "“وكالة الأنباء 新闻社”,",
        "(قال) «نص» 2012/13",
        "قال 12.5%",
        "Canada وإيران",
        "מקור (שָׁלוֹם) 3.5",
        "العلاقات ١٢",
        "قال \u064b",
        "قال \u200dكلمة",
        "قال\u200f",
        "مُحَمَّدٌ,",
        "قال a \U00010900\U00010901",  # a right-to-left letter outside the Arabic and Hebrew blocks (Phoenician)
    ]
    tails = ["para. 28.", "p. 12–14, https://example.org/a?b=1.", "a 5", "x (y) [z] 12.5%", "p. ٣", "a\u05b8 b", "b"]
    taken = 0
    for head in heads:
        for sep in (" ", "  ", ", ", " - "):
            for tail in tails:
                line = head + sep + tail
                for marks in (False, True):
                    full = "".join(cluster for cluster, _ in bidi._reordered(bidi.shape(line, marks), False))
                    assert bidi.visual(line, False, marks) == full, line
                    if not bidi.is_rtl(line):
                        assert bidi.visual(line, None, marks) == full, line
                    taken += bidi._ltr_tail(line, marks) > 0
    assert taken > 300
    assert not bidi._ltr_tail("قال a\u05b8", False)  # a point in the tail: shaping drops it, so not a tail
