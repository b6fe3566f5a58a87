"""Unusual briefings every format must survive: empty, a quotation longer than a page, non-Latin quotations."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from briefing.core.anchors import make_anchor
from briefing.core.model import Anchor, Briefing, Excerpt, Source, SourceMeta
from briefing.core.templates import Template, new_briefing
from briefing.export import export_briefing
from briefing.export.markdown import escape


def _flat(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in PdfReader(path).pages]


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".md"])
def test_empty_briefing(tmp_path: Path, template: Template, suffix: str) -> None:
    path = export_briefing(new_briefing(template), template, tmp_path / f"empty{suffix}")
    assert path.stat().st_size > 0
    if suffix == ".pdf":
        pages = _flat(path)
        assert len(pages) == 1 and "UNCLASSIFIED" in pages[0] and "Page 1 of 1" in pages[0]


def _quote(briefing: Briefing, section: str, text: str, title: str) -> None:
    source = Source(id=f"src-{len(briefing.sources)}", text=text, meta=SourceMeta(title=title, publisher="Pub"))
    briefing.sources.append(source)
    anchor = Anchor(exact=text, prefix="", suffix="", start=0, end=len(text))
    briefing.section(section).items.append(Excerpt(id=f"x-{len(briefing.sources)}", source_id=source.id, anchor=anchor))


def test_long_and_non_latin_quotations(tmp_path: Path, template: Template) -> None:
    briefing = new_briefing(template, title="Edge cases")
    long_text = " ".join(f"Sentence number {n} of a very long quotation that goes on and on." for n in range(220))
    _quote(briefing, "background", long_text, "Long")
    _quote(briefing, "positions", "العلاقات الدبلوماسية بين كندا وإيران مقطوعة", "Arabic")
    _quote(briefing, "positions", "加拿大与伊朗恢复外交关系的谈判仍在进行", "Chinese")
    _quote(briefing, "open-issues", "Fine & dandy <tags> “quoted” 🤝 text", "Mixed")
    path = export_briefing(briefing, template, tmp_path / "edge.pdf")
    pages = _flat(path)
    assert len(pages) >= 4
    long_end = "Sentence number 219 of a very long quotation that goes on and on."
    last = next(i for i, p in enumerate(pages) if long_end in p)
    assert last >= 2 and re.search(r"1 “Long”, Pub", pages[last])  # the footnote follows the quotation's end
    assert not any("“Long”, Pub" in p for p in pages[:last])
    flat = " ".join(pages)
    for number, title in enumerate(["Long", "Arabic", "Chinese", "Mixed"], start=1):
        assert f"{number} “{title}”, Pub, para. 1." in flat or f"{number} “{title}”, Pub." in flat
    assert re.search("加拿大与伊朗恢复外交关系的谈判仍在进行 ?3", flat)  # the mark follows the CJK quotation
    assert "Fine & dandy <tags> “quoted”" in flat
    for suffix in (".docx", ".md"):
        assert export_briefing(briefing, template, tmp_path / f"edge{suffix}").stat().st_size > 0


def test_a_quotation_spanning_paragraphs_keeps_them_in_every_format(
    tmp_path: Path, demo: Briefing, template: Template
) -> None:
    source = demo.sources[0]
    fourth, fifth, sixth = source.blocks[3:6]
    start = source.text.index("expelled Iranian diplomats", fourth.start)
    end = source.text.index(" ", sixth.start + 5)  # into the sixth paragraph: three in all
    demo.sections[0].items = [Excerpt(id="x-three", source_id=source.id, anchor=make_anchor(source.text, start, end))]
    demo.sections[1:] = []
    # every word as the source has it, paragraph by paragraph
    expected = [
        " ".join(source.text[a:b].split())
        for a, b in ((start, fourth.end), (fifth.start, fifth.end), (sixth.start, end))
    ]
    assert all(expected) and len(expected) == 3

    document = docx.Document(str(export_briefing(demo, template, tmp_path / "q.docx")))
    quotes = [p for p in document.paragraphs if p.style.name == "Quote"]
    assert [p.text for p in quotes] == expected
    assert ["footnoteReference" in p._p.xml for p in quotes] == [False, False, True]  # the mark after the last

    text = export_briefing(demo, template, tmp_path / "q.md").read_text(encoding="utf-8")
    assert "\n>\n".join(f"> {escape(p)}" for p in expected) + "[^1]\n" in text

    flat = " ".join(_flat(export_briefing(demo, template, tmp_path / "q.pdf")))
    positions = [flat.index(p) for p in expected]  # each paragraph whole, in order
    assert positions == sorted(positions)
    assert re.search(re.escape(expected[-1]) + " ?1 ", flat) and not re.search(re.escape(expected[0]) + " ?1 ", flat)
