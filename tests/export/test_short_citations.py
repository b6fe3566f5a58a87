"""Short citations name their source unambiguously within a note (QA10 D9): two sources whose titles start alike
("Canada Confirms Talks to Renew Iran Ties", "… Cuba Ties") were both "“Canada Confirms Talks”", so a reader
checking footnote 8 went to the wrong article. The short title is lengthened word by word until it differs, then
the date or the file is added, as style guides do; "Ibid." is unchanged. Every format prints the tree's text."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.core.model import Briefing, Source
from briefing.core.operations import AddSource, file_excerpt, new_excerpt
from briefing.core.templates import Template, new_briefing
from briefing.export.docx import write_docx
from briefing.export.markdown import render_markdown
from briefing.export.pdf import write_pdf
from briefing.export.tree import DocumentTree, build_tree
from briefing.importers import import_file

IRAN = ["Officials met in Geneva on Monday.", "The talks will go step by step.", "Sanctions stay for now."]
CUBA = ["Officials met in Havana to discuss trade.", "The minister said talks would continue in spring."]


@pytest.fixture
def gc(catalog_templates: dict[str, Template]) -> Template:
    return catalog_templates["gc-briefing-note"]


def _source(tmp_path: Path, name: str, paragraphs: list[str], **meta: str) -> Source:
    path = tmp_path / f"{name}.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    source = import_file(path)
    for key, value in meta.items():
        setattr(source.meta, key, value)
    return source


def _note(template: Template, *cited: tuple[Source, str]) -> Briefing:
    briefing = new_briefing(template, title="Ties", purpose="for-information")
    for source in {source.id: source for source, _ in cited}.values():
        AddSource(source).apply(briefing)
    for source, text in cited:
        start = source.text.index(text)
        file_excerpt(briefing.sections[0].id, new_excerpt(source, start, start + len(text))).apply(briefing)
    return briefing


def _alike(tmp_path: Path, template: Template, cuba_title: str, **cuba_meta: str) -> Briefing:
    iran = _source(tmp_path, "iran", IRAN, title="Canada Confirms Talks to Renew Iran Ties")
    cuba = _source(tmp_path, "cuba", CUBA, title=cuba_title, **cuba_meta)
    return _note(template, (iran, IRAN[0]), (iran, IRAN[1]), (cuba, CUBA[0]), (cuba, CUBA[1]), (iran, IRAN[2]))


def _short(tree: DocumentTree) -> list[str]:
    return [c.text for c in tree.citations if c.form == "short"]


def test_titles_that_start_alike_are_lengthened_until_they_differ(tmp_path: Path, gc: Template) -> None:
    tree = build_tree(_alike(tmp_path, gc, "Canada Confirms Talks to Renew Cuba Ties"), gc)
    assert _short(tree) == [
        "“Canada Confirms Talks to Renew Iran”, para. 2.",
        "“Canada Confirms Talks to Renew Cuba”, para. 2.",
        "“Canada Confirms Talks to Renew Iran”, para. 3.",
    ]


def test_the_same_title_is_told_apart_by_its_date_then_its_file(tmp_path: Path, gc: Template) -> None:
    same = "Canada Confirms Talks to Renew Iran Ties"
    tree = build_tree(_alike(tmp_path, gc, same, published="2026-03-02"), gc)
    assert _short(tree) == [  # each named more fully, in step: the one without a date by its file
        f"“{same}”, iran.txt, para. 2.",
        f"“{same}”, 2 March 2026, para. 2.",
        f"“{same}”, iran.txt, para. 3.",
    ]
    tree = build_tree(_alike(tmp_path, gc, same), gc)  # no date either: the file
    assert _short(tree) == [
        f"“{same}”, iran.txt, para. 2.",
        f"“{same}”, cuba.txt, para. 2.",
        f"“{same}”, iran.txt, para. 3.",
    ]


def test_short_titles_that_already_differ_stay_short(tmp_path: Path, gc: Template) -> None:
    iran = _source(tmp_path, "iran", IRAN, title="Canada Confirms Talks to Renew Iran Ties", author="CBC News")
    cuba = _source(tmp_path, "cuba", CUBA, title="Canada Confirms Talks to Renew Cuba Ties", author="Reuters")
    tree = build_tree(_note(gc, (iran, IRAN[0]), (cuba, CUBA[0]), (iran, IRAN[1]), (cuba, CUBA[1])), gc)
    assert _short(tree) == ["CBC News, “Canada Confirms Talks”, para. 2.", "Reuters, “Canada Confirms Talks”, para. 2."]


def test_ibid_is_unchanged_and_every_format_prints_the_longer_title(tmp_path: Path, gc: Template) -> None:
    briefing = _alike(tmp_path, gc, "Canada Confirms Talks to Renew Cuba Ties")
    ibid = build_tree(briefing, dataclasses.replace(gc, citations="ibid"))
    assert [(c.form, c.text) for c in ibid.citations][1:] == [
        ("ibid", "Ibid., para. 2."),
        ("full", "“Canada Confirms Talks to Renew Cuba Ties”, cuba.txt, para. 1."),
        ("ibid", "Ibid., para. 2."),
        ("short", "“Canada Confirms Talks to Renew Iran”, para. 3."),
    ]
    tree = build_tree(briefing, gc)
    markdown = render_markdown(tree)
    stream = io.BytesIO()
    write_docx(tree, stream)
    footnotes = zipfile.ZipFile(stream).read("word/footnotes.xml").decode("utf-8")
    stream = io.BytesIO()
    write_pdf(tree, stream)
    pdf = " ".join((page.extract_text() or "") for page in PdfReader(stream).pages)
    for text in ("“Canada Confirms Talks to Renew Iran”, para. 2.", "“Canada Confirms Talks to Renew Cuba”, para. 2."):
        assert text in markdown and text in footnotes and text in " ".join(pdf.split())
