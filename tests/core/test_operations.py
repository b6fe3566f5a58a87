"""Operations: each one applies, reports what changed, and reverts exactly."""

from __future__ import annotations

import copy
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import paths
from briefing.core.model import FIRST_YEAR, Excerpt, Note
from briefing.core.operations import (
    AddSource,
    EditItemText,
    EditSourceMeta,
    MoveItem,
    Operation,
    OperationError,
    RemoveItem,
    RemoveSource,
    SetTitleField,
    TrimExcerpt,
    add_note,
    file_excerpt,
    new_excerpt,
)
from briefing.demo import demo_briefing
from briefing.importers import import_file


def test_file_excerpt_reports_its_section_and_label() -> None:
    briefing = demo_briefing()
    source = briefing.sources[0]
    start = source.text.index("Hezbollah")
    excerpt = new_excerpt(source, start, start + len("Hezbollah"))
    change = file_excerpt("positions", excerpt, 0).apply(briefing)
    assert change.label == "File excerpt into Positions"
    assert change.sections == {"positions"} and change.items == {excerpt.id}
    assert briefing.section("positions").items[0] is excerpt


def test_an_excerpt_that_does_not_match_its_source_is_refused() -> None:
    briefing = demo_briefing()
    excerpt = new_excerpt(briefing.sources[0], 0, 10)
    excerpt.anchor.exact = "tampered"
    before = copy.deepcopy(briefing)
    with pytest.raises(OperationError, match="does not match"):
        file_excerpt("background", excerpt).apply(briefing)
    assert briefing == before


def test_errors_leave_the_briefing_unchanged() -> None:
    briefing = demo_briefing()
    before = copy.deepcopy(briefing)
    bad = [
        add_note("no-such-section", "x"),
        add_note("background", "x", index=99),
        MoveItem("no-such-item", "background"),
        MoveItem(briefing.sections[0].items[0].id, "background", 7),
        RemoveSource("src-nope"),
        SetTitleField("colour", "red"),
        SetTitleField("purpose", "for fun"),
        EditSourceMeta(briefing.sources[0].id, {"sha256": "forged"}),
        TrimExcerpt(briefing.section("open-issues").items[-1].id, 0, 5),  # a note cannot be trimmed
    ]
    for op in bad:
        with pytest.raises(OperationError):
            op.apply(briefing)
    assert briefing == before


def test_a_range_outside_the_source_is_an_operation_error() -> None:
    """An end past the text raised IndexError from trimming white space, which the window does not catch."""
    briefing = demo_briefing()
    _, excerpt = briefing.excerpts()[0]
    source = briefing.source(excerpt.source_id)
    length = len(source.text)
    before = copy.deepcopy(briefing)
    for start, end in [(0, length + 1), (length - 1, length + 30), (length + 5, length + 10), (-1, 5), (9, 3)]:
        message = rf"the range {start}-{end} is not within the source's text \(0-{length}\)"
        with pytest.raises(OperationError, match=message):
            TrimExcerpt(excerpt.id, start, end).apply(briefing)
        with pytest.raises(OperationError, match=message):
            new_excerpt(source, start, end)
    assert briefing == before


def test_remove_source_removes_its_excerpts_and_revert_restores_them_in_place() -> None:
    briefing = demo_briefing()
    extra = import_file(paths.resource("demo", "canada-iran-talks.txt"))
    AddSource(extra).apply(briefing)
    excerpt = new_excerpt(extra, 0, 6)
    file_excerpt("background", excerpt, 1).apply(briefing)
    before = copy.deepcopy(briefing)
    op = RemoveSource(briefing.sources[0].id)
    change = op.apply(briefing)
    assert [s.id for s in briefing.sources] == [extra.id]
    assert all(e.source_id == extra.id for _, e in briefing.excerpts())
    assert len(change.items) == 8
    op.revert(briefing)
    assert briefing == before


def test_move_between_sections_and_reorder() -> None:
    briefing = demo_briefing()
    first = briefing.section("background").items[0]
    MoveItem(first.id, "open-issues", 0).apply(briefing)
    assert briefing.section("open-issues").items[0] is first
    op = MoveItem(first.id, "open-issues", 2)
    assert op.apply(briefing).label == "Reorder Open issues"
    assert briefing.section("open-issues").items.index(first) == 2


def test_trim_rebuilds_the_anchor_from_the_source() -> None:
    briefing = demo_briefing()
    excerpt = briefing.section("background").items[0]
    assert isinstance(excerpt, Excerpt)
    a = excerpt.anchor
    TrimExcerpt(excerpt.id, a.start + 9, a.end).apply(briefing)
    text = briefing.sources[0].text
    assert excerpt.anchor.exact == text[excerpt.anchor.start : excerpt.anchor.end]
    assert excerpt.anchor.exact.startswith("the Harper administration")


def _random_operation(draw, briefing) -> Operation:
    items = [i for s in briefing.sections for i in s.items]
    section_ids = [s.id for s in briefing.sections]
    source = briefing.sources[0]
    kind = draw(st.sampled_from(["file", "note", "remove", "move", "edit", "trim", "title", "meta"]))
    if kind == "file" or not items:
        start = draw(st.integers(0, len(source.text) - 2))
        end = draw(st.integers(start + 1, min(len(source.text), start + 300)))
        if not source.text[start:end].strip():
            return add_note(draw(st.sampled_from(section_ids)), "blank selection")
        return file_excerpt(draw(st.sampled_from(section_ids)), new_excerpt(source, start, end))
    item = draw(st.sampled_from(items))
    if kind == "note":
        return add_note(draw(st.sampled_from(section_ids)), draw(st.text(max_size=20)), 0)
    if kind == "remove":
        return RemoveItem(item.id)
    if kind == "move":
        target = draw(st.sampled_from(section_ids))
        length = len(briefing.section(target).items) - (1 if item in briefing.section(target).items else 0)
        return MoveItem(item.id, target, draw(st.integers(0, length)))
    if kind == "edit":
        return EditItemText(item.id, draw(st.text(max_size=20)))
    if kind == "trim" and isinstance(item, Excerpt):
        a = item.anchor
        start = draw(st.integers(a.start, a.end - 1))
        if not source.text[start : a.end].strip():
            return EditItemText(item.id, "trim of blank")
        return TrimExcerpt(item.id, start, a.end)
    if kind == "meta":
        return EditSourceMeta(source.id, {"title": draw(st.text(max_size=10))})
    name = draw(st.sampled_from(["title", "classification", "date"]))
    if name == "date":  # a real day from 1900, or none: the operation refuses any other text
        days = st.dates(min_value=datetime.date(FIRST_YEAR, 1, 1))
        return SetTitleField(name, draw(st.just("") | days.map(lambda day: day.isoformat())))
    return SetTitleField(name, draw(st.text(max_size=10)))


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_any_sequence_of_operations_undoes_back_to_the_start(data) -> None:
    briefing = demo_briefing()
    snapshots = [copy.deepcopy(briefing)]
    done: list[Operation] = []
    for _ in range(data.draw(st.integers(1, 12))):
        op = _random_operation(data.draw, briefing)
        change = op.apply(briefing)
        assert change.label
        done.append(op)
        snapshots.append(copy.deepcopy(briefing))
    # Undo everything, checking each intermediate state; then redo everything.
    for op, expected in zip(reversed(done), reversed(snapshots[:-1]), strict=True):
        op.revert(briefing)
        assert briefing == expected
    for op, expected in zip(done, snapshots[1:], strict=True):
        op.apply(briefing)
        assert briefing == expected


def test_the_date_is_a_real_day_written_yyyy_mm_dd_or_none() -> None:
    briefing = demo_briefing()
    for refused in ("4 décembre 2026", "2026-02-30", "20261207", "2026-12-7", "0026-03-31", "1899-12-31"):
        with pytest.raises(OperationError, match="YYYY-MM-DD"):
            SetTitleField("date", refused).apply(briefing)
    for kept in ("2026-12-07", "1900-01-01", ""):
        SetTitleField("date", kept).apply(briefing)
        assert briefing.title_block.date == kept


def test_note_and_comment_edits() -> None:
    briefing = demo_briefing()
    note = briefing.section("open-issues").items[-1]
    excerpt = briefing.section("background").items[0]
    assert isinstance(note, Note) and isinstance(excerpt, Excerpt)
    assert EditItemText(note.id, "New text").apply(briefing).label == "Edit note"
    assert EditItemText(excerpt.id, "Check the date").apply(briefing).label == "Edit comment"
    assert note.text == "New text" and excerpt.comment == "Check the date"
    assert excerpt.anchor.exact.startswith("In 2012")  # a comment never touches the quote


def test_a_note_copy_takes_edits_without_touching_the_briefing() -> None:
    briefing = demo_briefing()
    before = copy.deepcopy(briefing)
    note = briefing.note_copy()
    excerpt = next(item for item in note.sections[0].items if isinstance(item, Excerpt))
    EditItemText(excerpt.id, "typed, not yet committed").apply(note)
    SetTitleField("title", "Draft title").apply(note)
    assert briefing == before  # the original is as it was
    assert excerpt.comment == "typed, not yet committed" and note.title_block.title == "Draft title"
    assert note.sources[0] is briefing.sources[0]  # the sources, nearly all the data, are shared
