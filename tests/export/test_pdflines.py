"""A right-to-left quotation's lines, built from the lines Briefing broke (pdflines), are the lines ReportLab's own
line breaking makes of the same fragments: the same fragments, texts, widths, ascent, descent and word counts, so
the page is drawn, split and tagged exactly as before."""

from __future__ import annotations

from typing import Any

import pytest

from briefing.export import pdf
from briefing.export.pdfflow import QuoteParagraph
from briefing.export.pdflines import RtlQuoteParagraph
from briefing.export.pdftext import ARABIC, CJK, HEBREW, SANS, register

TEXTS = [
    "وقال وزير الخارجية إن المحادثات بدأت على المستوى الرسمي، وإن إعادة فتح السفارة ليست خطوة أولى، "
    "وإن كندا ستواصل العمل خطوة بخطوة في بلد محايد. العلاقات الدبلوماسية بين كندا وإيران مقطوعة منذ عام 2012 "
    '(قطعتها حكومة هاربر) ولا تزال إيطاليا ترعى مصالح "كندا" هناك بنسبة 12.5% من الميزانية…',
    "روابط دیپلماتیک کانادا و ایران از سال ۲۰۱۲ قطع شده است؛ می‌گویند گفت‌وگوها در کشوری بی‌طرف ادامه می‌یابد.",
    'השיחות בין קנדה לאיראן נמשכות: שָׁלוֹם עוֹלָם, בֵּית־הַמִּקְדָּשׁ, ועוד 3.5 מיליון דולר ("מקור").',
    "إِنَّ المُحَادَثَاتِ بَدَأَتْ عَلَى المُسْتَوَى الرَّسْمِيِّ (بِحَسَبِ الوَزِيرِ) فِي عَامِ 2012 / 2013.",
    "وزير الخارجية 外交部长表示 Canada وإيران «نص» (Ottawa, 16:20)",
    "كلمة",
    "قال & <ب> \"نص\" 'x' (Canada) 2016",
    ("العلاقات (الدبلوماسية) " * 200).strip(),  # longer than a page
]


@pytest.fixture(scope="module")
def st() -> pdf.Styles:
    for family in (SANS, ARABIC, HEBREW, CJK):
        register(family)
    return pdf.Styles(12, SANS, SANS)


def _lines(para: Any) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """A laid-out paragraph's lines: each line's attributes (its unused width rounded far below a point's
    thousandth, where ReportLab's and pdflines' sums may differ in their last bits) and its fragments."""
    if para.blPara.kind == 0:  # one fragment: (unused width, words) per line
        return [({"line": line}, []) for line in para.blPara.lines]
    out = []
    for line in para.blPara.lines:
        attributes = {k: v for k, v in line.__dict__.items() if k not in ("words", "sFW", "extraSpace")}
        attributes["extraSpace"] = round(line.extraSpace, 9)
        out.append((attributes, [dict(word.__dict__) for word in line.words]))
    return out


def _pair(text: str, st: pdf.Styles, width: float, mark: str) -> tuple[RtlQuoteParagraph, QuoteParagraph]:
    ours = pdf._quote_paragraph(text, True, st, width, mark)
    assert isinstance(ours, RtlQuoteParagraph)
    theirs = QuoteParagraph(
        ours.text, ours.style, frags=[f.clone() for f in ours.frags], mark=mark, mark_font=st.mark_font
    )
    return ours, theirs


@pytest.mark.parametrize("mark", ["", "7", "128"])
def test_the_lines_are_reportlabs(st: pdf.Styles, mark: str) -> None:
    known = 0
    for text in TEXTS:
        for width in (120, 233.5, 300, 468):
            ours, theirs = _pair(text, st, width, mark)
            assert ours.wrap(width, 800) == theirs.wrap(width, 800), (text, width)
            assert _lines(ours) == _lines(theirs), (text, width)
            assert ours._width_max == pytest.approx(theirs._width_max, abs=1e-9)
            assert ours._reserved == theirs._reserved
            known += ours._known
    assert known >= 20  # most were laid out from their known lines, not by ReportLab


def test_no_line_of_a_quotation_is_broken_again_as_drawn(st: pdf.Styles) -> None:
    """rtl_lines measures a space, digit or punctuation mark in the font of the letters before it in reading
    order; drawn in visual order, some take the main font and a line can be up to 2 pt wider. A line that would
    then overflow gives its last word to the next (ReportLab would break it again, a word alone on a line): at
    every width, each given line is one line of the laid-out quotation (11 of these 800 were not, without that)."""
    for text in TEXTS[:5]:
        for step in range(160):
            width = 200 + 1.7 * step
            para = pdf._quote_paragraph(text, True, st, width, "12")
            para.wrap(width, 10000)
            assert len(para.blPara.lines) == para.text.count("<br/>") + 1, (text, width)


def test_a_quotation_split_at_a_page_is_split_as_reportlab_splits_it(st: pdf.Styles) -> None:
    text = TEXTS[-1]
    for height in (40, 100, 333):
        ours, theirs = _pair(text, st, 468, "12")
        ours.wrap(468, height)
        theirs.wrap(468, height)
        assert ours._known
        ours_parts, theirs_parts = ours.split(468, height), theirs.split(468, height)
        assert len(ours_parts) == len(theirs_parts) == 2
        for a, b in zip(ours_parts, theirs_parts, strict=True):
            assert a.wrap(468, 10_000) == b.wrap(468, 10_000)
            assert _lines(a) == _lines(b)
            assert a.mark == b.mark


def test_lines_reportlab_would_change_are_left_to_it(st: pdf.Styles) -> None:
    """A line with two spaces in a row, a non-breaking space or a line too full for the mark: ReportLab's way."""
    for text in ["قال  وزير", "قال\xa0وزير (كندا)", "قال وزير\u2009(كندا)"]:
        para = RtlQuoteParagraph(text, st.quote_rtl, mark="3", mark_font=st.mark_font)
        twin = QuoteParagraph(text, st.quote_rtl, mark="3", mark_font=st.mark_font)
        assert para.wrap(300, 800) == twin.wrap(300, 800)
        assert not para._known
        assert _lines(para) == _lines(twin)
    full = "(قال) " * 20
    lines = full.strip().split(" ")
    para = RtlQuoteParagraph("<br/>".join([" ".join(lines[:10]), " ".join(lines[10:])]), st.quote_rtl, mark="3",
                             mark_font=st.mark_font)  # fmt: skip
    width = para.minWidth() * 10.5  # room for the words of the last line but not for the mark after them
    twin = QuoteParagraph(para.text, st.quote_rtl, mark="3", mark_font=st.mark_font)
    assert para.wrap(width, 800) == twin.wrap(width, 800)
    assert _lines(para) == _lines(twin)


FOOTNOTES = [
    "“وكالة الأنباء 新闻社”, para. 28.",
    "“وكالة الأنباء 新闻社”, Agence de presse, 7 décembre 2026, https://example.org/ar/news/2026/12/07/item?id=12.",
    "«Ministère des Affaires étrangères» (ממשלת ישראל), 2024, p. 12–14.",
    "“新闻社” (وكالة الأنباء), p. 3, https://example.org/a.",
    "Sample news article, “Canada Confirms Talks”, para. 5.",  # one font: ReportLab's own single-font way
    "“外交部发言人表示，中方愿同各方一道，继续为推动政治解决发挥建设性作用，这是我们一贯的立场。”, 新华社, 2026年12月7日, 第3段。",
]


@pytest.mark.parametrize("number", [1, 12, 1234])
def test_a_footnote_on_one_line_is_laid_out_as_reportlab_lays_it_out(st: pdf.Styles, number: int) -> None:
    from briefing.export.pdfflow import FootnoteParagraph
    from briefing.export.pdflines import FootnoteLine
    from briefing.export.tree import Citation

    known = 0
    for text in FOOTNOTES:
        for width in (200, 468):
            url = next((word.rstrip(".") for word in text.split() if word.startswith("https:")), "")
            ours = pdf._footnote(Citation(number, text, url, "src"), st)  # a URL: a link fragment
            assert isinstance(ours, FootnoteLine)
            theirs = FootnoteParagraph(
                ours.text, ours.style, bulletText=ours.bulletText, frags=[f.clone() for f in ours.frags]
            )
            assert ours.wrap(width, 800) == theirs.wrap(width, 800), (text, width)
            assert _lines(ours) == _lines(theirs), (text, width)
            assert ours._wrapWidths == theirs._wrapWidths  # (narrowed for a wide number, as ReportLab does)
            known += ours._known
            assert not (ours._known and len(ours.blPara.lines) > 1)
    assert known >= 3


@pytest.mark.parametrize("number", [0, 7])
def test_the_analysts_right_to_left_paragraph_is_laid_out_as_reportlab_lays_it_out(st: pdf.Styles, number: int) -> None:
    from briefing.core.richtext import Run
    from briefing.export.pdfflow import RightNumberedParagraph
    from briefing.export.pdflines import RtlBodyParagraph
    from briefing.export.tree import BodyText

    known = 0
    for text in TEXTS:
        runs = (Run(text[:20]), Run(text[20:40], bold=True), Run(text[40:])) if len(text) > 40 else ()
        for node in (BodyText(text, rtl=True, number=number), BodyText(text, rtl=True, runs=runs, number=number)):
            ours = pdf._rtl_body(node, st, 468)
            assert isinstance(ours, RtlBodyParagraph)
            theirs = RightNumberedParagraph(ours.text, ours.style, number=ours.number)
            assert ours.wrap(468, 800) == theirs.wrap(468, 800), text
            assert _lines(ours) == _lines(theirs), text
            known += ours._known
            if len(ours.blPara.lines) > 20:  # longer than the room left: split as ReportLab splits it
                ours_parts, theirs_parts = ours.split(468, 300), theirs.split(468, 300)
                assert [p.wrap(468, 10_000) for p in ours_parts] == [p.wrap(468, 10_000) for p in theirs_parts]
                assert len(ours_parts) == 2
                assert [_lines(p) for p in ours_parts] == [_lines(p) for p in theirs_parts]
                assert [p.number for p in ours_parts] == [p.number for p in theirs_parts]
    assert known >= 6


def _texts(para: Any) -> list[str]:
    return ["".join(word.text for word in line.words) for line in para.blPara.lines]


@pytest.mark.parametrize("height", [40, 100, 333])
@pytest.mark.parametrize("kind", ["quotation", "paragraph", "list item"])
def test_a_split_right_to_left_paragraph_goes_on_with_its_next_line(st: pdf.Styles, height: int, kind: str) -> None:
    """ReportLab's split of a paragraph of <br/> lines started the part on the next page with an empty line (a line
    too many there, and the quotation's bar a line higher than a Latin quotation's); it goes on with the line after
    the last one of the first part, and the two parts are as tall as the whole."""
    from briefing.core.richtext import Run
    from briefing.export.pdfflow import RightListParagraph
    from briefing.export.tree import BodyText

    text = TEXTS[-1]

    def make() -> Any:
        if kind == "quotation":
            return pdf._quote_paragraph(text, True, st, 468, "12")
        if kind == "paragraph":
            return pdf._rtl_body(BodyText(text, rtl=True), st, 468)
        style = st.list_style(18, 18, rtl=True)
        return RightListParagraph(pdf._rtl_rich((Run(text),), style, st, 468), style, label=".3")

    whole = make()
    whole.wrap(468, 10_000)
    para = make()
    para.wrap(468, height)
    first, rest = para.split(468, height)
    assert first.wrap(468, 10_000)[1] + rest.wrap(468, 10_000)[1] == pytest.approx(whole.height)
    assert _texts(first) + _texts(rest) == _texts(whole)
    assert _texts(rest)[0].strip()
    if kind == "quotation":  # a part longer than a page splits again the same way
        rest.wrap(468, height)
        second, third = rest.split(468, height)
        third.wrap(468, 10_000)
        assert _texts(second) + _texts(third) == _texts(rest)
        assert _texts(third)[0].strip()


def test_fragments_are_copied_as_reportlab_clones_them(st: pdf.Styles) -> None:
    """pdfflow.copied gives what ReportLab's ABag.clone gives: a new fragment of the same class with the same
    attributes in the same order (attrs set), for the fragments of every shape of markup the export copies; a class
    with an __init__ of its own is left to clone."""
    from reportlab.lib.abag import ABag

    from briefing.export.pdfflow import copied

    frags: list[Any] = []
    for text in TEXTS[:5]:
        frags += pdf._quote_paragraph(text, True, st, 300, "12").frags
    frags += QuoteParagraph('<b>a</b> <font color="#555555">b</font><super>3</super> <a href="x">c</a>', st.quote).frags
    assert len(frags) > 20
    for frag in frags:
        for attrs in ({}, {"text": "x"}, {"text": "x", "new": 1}):
            given, fast = frag.clone(**attrs), copied(frag, **attrs)
            assert type(fast) is type(given) and fast is not frag and fast.__dict__ is not frag.__dict__
            assert list(fast.__dict__.items()) == list(given.__dict__.items())

    class Counted(ABag):
        made = 0

        def __init__(self, **attr: Any) -> None:
            Counted.made += 1
            super().__init__(**attr)

    assert vars(copied(Counted(text="a"), text="b")) == {"text": "b"} and Counted.made == 2
