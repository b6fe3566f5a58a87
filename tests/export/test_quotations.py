"""An export never publishes a quotation its source does not contain: build_tree checks every anchor."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.model import Briefing
from briefing.core.templates import Template
from briefing.export import ExportError, build_tree, export_briefing


@pytest.mark.parametrize("suffix", [".md", ".pdf", ".docx"])
def test_a_tampered_quotation_is_refused(tmp_path: Path, demo: Briefing, template: Template, suffix: str) -> None:
    section, excerpt = demo.excerpts()[0]
    excerpt.anchor.exact = excerpt.anchor.exact.replace("2012", "2013", 1).replace("a", "o", 1)
    with pytest.raises(ExportError) as info:
        export_briefing(demo, template, tmp_path / f"note{suffix}")
    message = str(info.value)
    assert message.startswith(f"note{suffix}: 1 excerpt no longer matches its source ({section.heading} “")
    assert "run `briefing check`" in message and "\n" not in message
    assert not list(tmp_path.iterdir())  # nothing written, not even half a file


def test_a_missing_source_is_refused_too(demo: Briefing, template: Template) -> None:
    (_, first), (_, second) = demo.excerpts()[:2]
    first.source_id = second.source_id = "src-gone"
    with pytest.raises(ExportError, match=r"^2 excerpts no longer match their sources \(") as info:
        build_tree(demo, template)
    assert info.value.path is None  # build_tree knows no file; export_briefing and the window add it


def test_words_found_elsewhere_in_the_source_are_cited_where_they_are(demo: Briefing, template: Template) -> None:
    """The source was changed outside Briefing (a paragraph added before the quote): the quotation still
    matches word for word, so it is exported, with the paragraph it is now in."""
    from briefing.export.tree import Quotation

    _, excerpt = demo.excerpts()[0]
    source = demo.source(excerpt.source_id)
    before = source.paragraph_number(excerpt.anchor.start)
    excerpt.anchor.start -= 200  # pointing into an earlier paragraph, as after such an edit
    excerpt.anchor.end -= 200
    quotations = [b for b in build_tree(demo, template).body if isinstance(b, Quotation)]
    first = quotations[0]
    assert first.text == excerpt.anchor.exact
    assert first.citation.text.endswith(f"para. {before}.")


def test_a_long_list_is_cut_short(demo: Briefing, template: Template) -> None:
    excerpts = [e for _, e in demo.excerpts()]
    assert len(excerpts) >= 5
    for excerpt in excerpts:
        excerpt.anchor.exact = "Nothing like this is in any source, " + excerpt.anchor.exact
    with pytest.raises(ExportError) as info:
        build_tree(demo, template)
    assert str(info.value).startswith(f"{len(excerpts)} excerpts no longer match their sources (")
    assert str(info.value).count("“Nothing like this is in any source, ") == 3
    assert f" and {len(excerpts) - 3} more); " in str(info.value)


def test_an_untouched_briefing_exports(tmp_path: Path, demo: Briefing, template: Template) -> None:
    assert export_briefing(demo, template, tmp_path / "note.md").stat().st_size > 0
