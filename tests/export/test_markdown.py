"""Markdown export: golden files, escaping, footnotes as pandoc reads them.

Regenerate the golden files after an intended change with:
    BRIEFING_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/export/test_markdown.py
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.core.anchors import make_anchor
from briefing.core.model import Briefing, Excerpt, Note
from briefing.core.richtext import Run
from briefing.core.templates import Template
from briefing.export import export_briefing
from briefing.export.markdown import escape, render_markdown
from briefing.export.tree import BodyText, Citation, DocumentTree, Heading, Quotation, SourceEntry, clean_line

GOLDEN = Path(__file__).with_name("golden")


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("BRIEFING_REGEN_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.is_file(), f"missing golden file {path}; regenerate with BRIEFING_REGEN_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


def test_demo_matches_golden(tmp_path: Path, demo: Briefing, template: Template) -> None:
    path = export_briefing(demo, template, tmp_path / "demo.md")
    _check_golden("demo.md", path.read_text(encoding="utf-8"))


def test_multilingual_draft_with_comments_matches_golden(
    tmp_path: Path, multilingual: Briefing, template: Template
) -> None:
    multilingual.sources[0].meta.url = "https://example.org/news/canada-iran"
    multilingual.sources[0].meta.author = "CBC News"
    with_comments = dataclasses.replace(template, export_comments=True)
    path = export_briefing(multilingual, with_comments, tmp_path / "ml.md", draft=True)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("**UNCLASSIFIED**\n\n**DRAFT**\n")
    assert (
        "[^1]: CBC News, “Canada Confirms Talks to Renew Iran Ties”, Sample news article, "
        "<https://example.org/news/canada-iran>, para. 4.\n"
    ) in text
    assert (
        "1. CBC News. Canada Confirms Talks to Renew Iran Ties. Sample news article. <https://example.org/news/canada-iran>."
        in text
    )
    assert "*Analyst comment:* Dion's framing: incremental, officials first." in text
    _check_golden("multilingual-draft.md", text)


def test_escaping_keeps_text_literal() -> None:
    assert escape("*not bold* _x_ [link](y) <b>") == r"\*not bold\* \_x\_ \[link\](y) \<b\>"
    assert escape("# not a heading") == r"\# not a heading"
    assert escape("1. not a list") == r"1\. not a list"
    assert escape("2012. The embassy") == r"2012\. The embassy"
    assert escape("A. Analyst &amp; AT&T") == r"A. Analyst \&amp; AT&T"
    assert escape("~~~") == r"\~\~\~"


def test_no_needless_backslashes() -> None:
    """QA2 11: "**option 2**\\:" and "12\\:30:45" read back right but show their backslashes as text."""
    assert escape("at 12:30:45, or 10:30") == "at 12:30:45, or 10:30"
    assert escape("a :smile: and :+1:") == r"a \:smile: and \:+1:"
    runs = (Run("approve "), Run("option 2", bold=True), Run(": talks, - then + 1. more"))
    tree = DocumentTree("", "", "C", False, [], [BodyText("", runs=runs)], [], [], marking_placement=())
    assert "approve **option 2**: talks, - then + 1. more" in render_markdown(tree).splitlines()
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed: apt-get install pandoc")
    for reader in ("markdown-smart", "gfm"):
        lines = [": a line starting with a colon", "**bold**: then - a dash", "times 12:30:45"]
        body = [BodyText("", runs=(Run(line),)) for line in lines[::2]] + [
            BodyText("", runs=(Run("bold", bold=True), Run(": then - a dash")))
        ]
        markdown = render_markdown(DocumentTree("", "", "C", False, [], body, [], [], marking_placement=()))
        ast = subprocess.run(
            [pandoc, "-f", reader, "-t", "json"], input=markdown, check=True, capture_output=True, text=True
        ).stdout
        got = _read_back(json.loads(ast)["blocks"])
        assert got == ["<Strong>", lines[0], lines[2], "<Strong>: then - a dash"], (reader, got)


def test_pandoc_reads_the_footnotes(tmp_path: Path, demo: Briefing, template: Template) -> None:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed: apt-get install pandoc")
    # in a note, *x* is italic (the analyst's Ctrl+I); an escaped \\* is a literal star
    note = r"A \*literal\* star, a [bracket] and *italic* words."
    demo.section("background").items.append(Note(id="n", text=note))
    path = export_briefing(demo, template, tmp_path / "demo.md")
    html = subprocess.run(
        [pandoc, "-f", "markdown", "-t", "html", str(path)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    assert html.count('class="footnote-ref"') == len(demo.excerpts()) == 8
    assert html.count("<blockquote>") == 8
    assert "A *literal* star, a [bracket] and <em>italic</em> words." in html
    assert html.count("<h2") == 4


def test_a_quotation_running_into_the_next_paragraph_cites_both(
    tmp_path: Path, demo: Briefing, template: Template
) -> None:
    source = demo.sources[0]
    fourth, fifth = source.blocks[3], source.blocks[4]
    start = source.text.index("expelled Iranian diplomats", fourth.start)
    end = source.text.index(" ", fifth.start + 5)  # the fifth paragraph's first word or two
    section = demo.sections[0]
    section.items = [Excerpt(id="x-two", source_id=source.id, anchor=make_anchor(source.text, start, end))]
    demo.sections[1:] = []
    text = export_briefing(demo, template, tmp_path / "two.md").read_text(encoding="utf-8")
    assert "[^1]: “Canada Confirms Talks to Renew Iran Ties”, Sample news article, " in text
    assert "canada-iran-talks.txt, paras. 4–5.\n" in text
    section.items = [Excerpt(id="x-one", source_id=source.id, anchor=make_anchor(source.text, start, fourth.end))]
    text = export_briefing(demo, template, tmp_path / "one.md").read_text(encoding="utf-8")
    assert "canada-iran-talks.txt, para. 4.\n" in text  # ending on the paragraph's last character: one


def test_paged_sources_cite_pages_not_paragraphs(tmp_path: Path, demo: Briefing, template: Template) -> None:
    source = demo.sources[0]
    source.meta.page_starts = [0, len(source.text) // 2]  # a two-page source
    source.meta.published = "2016-04-15"
    text = export_briefing(demo, template, tmp_path / "paged.md").read_text(encoding="utf-8")
    notes = [line for line in text.splitlines() if line.startswith("[^")]
    assert len(notes) == 8
    assert re.search(r", 15 April 2016, canada-iran-talks.txt, (p\. [12]|pp\. 1–2)\.$", notes[0])
    assert all(re.search(r"^\[\^\d\]: Sample news article, “Canada Confirms Talks”, pp?\. [12]", n) for n in notes[1:])
    break_at = len(source.text) // 2
    for note, (_, excerpt) in zip(notes, demo.excerpts(), strict=True):  # one straddles the break: both pages
        first, last = (1 if offset < break_at else 2 for offset in (excerpt.anchor.start, excerpt.anchor.end - 1))
        assert note.endswith(f"p. {first}." if first == last else f"pp. {first}–{last}.")
    assert {n[-2] for n in notes} == {"1", "2"}
    assert any(n.endswith("pp. 1–2.") for n in notes)


# Text that means something to a Markdown reader, at the start, in the middle and as the whole of a line.
AWKWARD = [
    "# not a heading", "#hashtag", "- not a list", "-", "+ plus", "+", "* star", "1. one", "2012. The embassy",
    "1) First point", "(1) first", "a. letter", "iv) roman", "(a) letter", "A. Analyst", "IV. Roman", "A) upper", "(B) upper", "> not a quote", ">", "~~~ not code ~~~",
    "~~~", "```", "``` python", "`code`", "~~struck~~", "H~2~O", "x^2^", "&amp;", "&copy;", "&#169; &#xA9;",
    "AT&T; & co", "<b>bold</b>", "<https://example.org>", "*not emphasis*", "**", "_under_score_", "snake_case_name",
    "[x](y)", "[^1]", "[x]: /url", "a | b | c", "|", "---", "===", "- - -", "***", "___", ": definition",
    "::: div", "% title", "@smith says", "(@) example", "a@b.org", "$x$ and $$y$$", "costs $5, or $10", "back\\slash",
    "ends with a backslash\\", "\\*", "two  spaces", "trailing two spaces  ", ":smile: :+1:", "'single' \"double\" -- ... ---",
    "<!-- comment -->", "{.class}", "Line\\", "\\", "10:30:00", "12:30:45", "x:100: y:+1:", "Update on item #", "Budget ###", "Learn C#",
]  # fmt: skip


def _inline_text(inlines: list[dict]) -> str:
    """The text pandoc read, with any markup it found shown as <Kind> so that it can never pass for text."""
    out = []
    for node in inlines:
        kind = node["t"]
        if kind == "Str":
            out.append(node["c"])
        elif kind in ("Space", "SoftBreak"):
            out.append(" ")
        elif kind == "LineBreak":
            out.append("\n")
        elif kind == "Link":  # GitHub links bare URLs and e-mail addresses: the words stay
            out.append(_inline_text(node["c"][1]))
        elif kind != "Note":
            out.append(f"<{kind}>")
    return "".join(out)


def _read_back(blocks: list[dict]) -> list[str]:
    """Each block's text in order; a quotation's footnote follows it."""
    texts = []
    for block in blocks:
        kind, content = block["t"], block.get("c")
        if kind == "BlockQuote":
            texts += _read_back(content)
            last = content[-1]["c"] if content[-1]["t"] == "Para" else []
            texts += ["".join(_read_back(n["c"])) for n in last if n["t"] == "Note"]
        elif kind == "Header":
            texts.append(_inline_text(content[2]))
        elif kind in ("Para", "Plain"):
            texts.append(_inline_text(content))
        elif kind == "OrderedList":
            texts += ["".join(_read_back(item)) for item in content[1]]
        else:
            texts.append(f"<{kind}>")
    return texts


@pytest.mark.parametrize("reader", ["commonmark+footnotes", "gfm", "commonmark_x-smart", "markdown-smart"])
def test_any_text_reads_back_as_written(reader: str) -> None:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed: apt-get install pandoc")
    # Every position a text can take: whole, at the start or in the middle of a line; single-spaced and stripped,
    # as the tree cleans every text.
    texts = [clean_line(t) for a in AWKWARD for t in (a, f"{a} after", f"before {a}")]
    body: list = []
    citations, sources, expected = [], [], []
    for number, text in enumerate(texts, start=1):
        citation = Citation(number, text, "", "s")
        citations.append(citation)
        sources.append(SourceEntry(text))
        body += [Heading(text), Quotation(f"{text}\n{text}", citation, f"{text}\n{text}"), BodyText(text)]
        # heading, the quotation's two paragraphs and its footnote, the comment, the note
        expected += [text, text, text, text, f"<Emph> {text}\n{text}", text]
    markdown = render_markdown(DocumentTree("", "", "C", False, [], body, citations, sources, marking_placement=()))
    ast = subprocess.run(
        [pandoc, "-f", reader, "-t", "json"], input=markdown, check=True, capture_output=True, text=True, timeout=60
    ).stdout
    got = _read_back(json.loads(ast)["blocks"])
    assert got == ["<Strong>", *expected, "Sources", *texts]
