"""A paragraph in several fonts that is one fragment word (a Chinese quotation between quotation marks in the main
font) is laid out by pdfoneword as ReportLab's kind-1 loop lays it out: the same lines, fragments, widths, counters
and kept word list, also after the footnote mark's second layout and a split at a page's foot."""

from __future__ import annotations

from typing import Any

import pytest

from briefing.export import pdf, pdfoneword, pdfwords
from briefing.export.pdfflow import QuoteParagraph
from briefing.export.pdftext import ARABIC, CJK, SANS, register

TEXTS = [
    "“我高中毕业后就出国留学了。当我还在国内读高中时，对两会的主要关注点落在民生和教育问题上。根据这些内容预测今年"
    "政治考点会有哪些变化。”卢宇说，“在国外学习生活了将近10年，我愈发感觉到祖国这些年发生的日新月异的变化；关注点也"
    "转移到国家‘一带一路’建设，高端人才引进，中外合作等方面。",
    "两会成为了解国情的窗口盼准确把握国家发展需求愿寻求机遇回国有所作为不少学子时刻关注着国内动态，寻找回国发展的"
    "契机，而两会正是一个提供最新最全面信息的窗口。“对两会的关注使我能够准确把握国家目前迫切需要解决的难题。",
    "“外交部发言人表示，中方愿同各方一道（继续）为推动政治解决发挥建设性作用。”",
    "“短句。”",
    "中文" * 300,  # longer than a page: split
    "中文 text with spaces 中文。",  # a space: ReportLab's
    "“中文\xad软连字符。”",  # a soft hyphen: ReportLab's
]


@pytest.fixture(scope="module")
def st() -> pdf.Styles:
    for family in (SANS, ARABIC, CJK):
        register(family)
    return pdf.Styles(12, SANS, SANS)


def _frag(frag: Any) -> Any:
    if isinstance(frag, list):  # a kept fragment word: its class, width and pieces
        return (type(frag).__name__, frag[0], [(dict(f.__dict__), t) for f, t in frag[1:]])
    return dict(frag.__dict__)


def _state(para: Any) -> Any:
    lines = []
    for line in para.blPara.lines if para.blPara.kind == 1 else ():
        attributes = {k: v for k, v in line.__dict__.items() if k != "words"}
        lines.append((attributes, [dict(word.__dict__) for word in line.words]))
    counters = (para._width_max, para._hyphenations, para._splitLongWordCount, para.height, para._reserved)
    return para.blPara.kind, lines, [_frag(f) for f in para.frags], counters


def _pair(text: str, st: pdf.Styles, width: float, mark: str) -> tuple[QuoteParagraph, QuoteParagraph]:
    ours = pdf._quote_paragraph(text, False, st, width, mark, upright=True)
    theirs = QuoteParagraph(
        ours.text, ours.style, frags=[f.clone() for f in ours.frags], mark=mark, mark_font=st.mark_font
    )
    return ours, theirs


def _theirs(monkeypatch: pytest.MonkeyPatch, method: Any, *args: float) -> Any:
    """method(*args) with every paragraph laid out by ReportLab."""
    with monkeypatch.context() as patched:
        patched.setattr(pdfwords, "one_word_lines", lambda para, width: None)
        return method(*args)


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = []
    one_word_lines = pdfoneword.one_word_lines

    def counted(para: Any, width: Any) -> Any:
        lines = one_word_lines(para, width)
        calls.append(lines is not None)
        return lines

    monkeypatch.setattr(pdfwords, "one_word_lines", counted)
    return calls


@pytest.mark.parametrize("mark", ["", "7", "128"])
def test_the_lines_are_reportlabs(
    st: pdf.Styles, mark: str, built: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    for text in TEXTS:
        for width in (120, 160, 233.5, 300, 401.3, 468):
            ours, theirs = _pair(text, st, width, mark)
            size = ours.wrap(width, 800)
            assert size == _theirs(monkeypatch, theirs.wrap, width, 800), (text, width)
            assert _state(ours) == _state(theirs), (text, width)
            # laid out again from the kept word list (a second wrap, as the mark's room or KeepTogether asks)
            assert ours.wrap(width - 13, 800) == _theirs(monkeypatch, theirs.wrap, width - 13, 800)
            assert _state(ours) == _state(theirs), (text, width)
    assert sum(built) >= 40  # the quotations in several fonts were built here, not by ReportLab
    assert not all(built)  # the spaces and the soft hyphen went to ReportLab


@pytest.mark.parametrize("height", [50, 70, 100])
def test_a_quotation_split_at_a_page_is_split_as_reportlab_splits_it(
    st: pdf.Styles, height: float, built: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    for text in TEXTS[:2]:
        ours, theirs = _pair(text, st, 160, "12")
        ours.wrap(160, height)
        _theirs(monkeypatch, theirs.wrap, 160, height)
        ours_parts = ours.split(160, height)
        theirs_parts = _theirs(monkeypatch, theirs.split, 160, height)
        assert len(ours_parts) == len(theirs_parts) == 2
        for a, b in zip(ours_parts, theirs_parts, strict=True):
            assert a.wrap(160, 10_000) == _theirs(monkeypatch, b.wrap, 160, 10_000)
            assert _state(a) == _state(b)
            assert a.mark == b.mark
    assert any(built)
