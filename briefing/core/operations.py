"""Every change to a briefing, as a small reversible operation that reports what it changed.

The GUI wraps each operation in a QUndoCommand (redo -> apply, undo -> revert); the command line
applies them directly. Nothing else mutates a Briefing. An operation validates in apply() before it
changes anything, so a failed apply leaves the briefing as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.core.anchors import AnchorReport, make_anchor, reanchor_excerpts
from briefing.core.labels import field_label, in_sentence
from briefing.core.model import PURPOSES, Briefing, Excerpt, Item, Note, Source, TitleBlock, new_id


class OperationError(ValueError):
    """An operation cannot be applied; the briefing is unchanged."""


@dataclass(frozen=True)
class Change:
    """What an operation changed, so views refresh only that; label is the undo text."""

    label: str
    sections: frozenset[str] = frozenset()
    items: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    title_block: bool = False
    anchor_reports: tuple[AnchorReport, ...] = ()


class Operation:
    def apply(self, briefing: Briefing) -> Change:
        raise NotImplementedError

    def revert(self, briefing: Briefing) -> Change:
        raise NotImplementedError


def _heading(briefing: Briefing, section_id: str) -> str:
    try:
        return briefing.section(section_id).heading
    except KeyError:
        raise OperationError(f"there is no section {section_id!r}") from None


def _check_index(index: int | None, length: int) -> int:
    if index is None:
        return length
    if not 0 <= index <= length:
        raise OperationError(f"position {index} is outside 0..{length}")
    return index


def _find(briefing: Briefing, item_id: str) -> tuple[str, int, Item]:
    try:
        section, index, item = briefing.find_item(item_id)
    except KeyError:
        raise OperationError(f"there is no item {item_id!r}") from None
    return section.id, index, item


# --- sources -----------------------------------------------------------------------------------------


@dataclass
class AddSource(Operation):
    source: Source
    index: int | None = None

    def apply(self, briefing: Briefing) -> Change:
        if any(s.id == self.source.id for s in briefing.sources):
            raise OperationError(f"source {self.source.id!r} is already in the briefing")
        briefing.sources.insert(_check_index(self.index, len(briefing.sources)), self.source)
        return Change(f"Add source {self.source.label}", sources=frozenset({self.source.id}))

    def revert(self, briefing: Briefing) -> Change:
        briefing.sources.remove(self.source)
        return Change(f"Add source {self.source.label}", sources=frozenset({self.source.id}))


@dataclass
class RemoveSource(Operation):
    """Removes a source and the excerpts that cite it; revert puts all of them back where they were."""

    source_id: str
    _removed: tuple[int, Source] | None = field(default=None, repr=False)
    _excerpts: list[tuple[str, int, Excerpt]] = field(default_factory=list, repr=False)

    def apply(self, briefing: Briefing) -> Change:
        try:
            source = briefing.source(self.source_id)
        except KeyError:
            raise OperationError(f"there is no source {self.source_id!r}") from None
        self._removed = (briefing.sources.index(source), source)
        self._excerpts = []
        for section in briefing.sections:
            for index, item in enumerate(section.items):
                if isinstance(item, Excerpt) and item.source_id == self.source_id:
                    self._excerpts.append((section.id, index, item))
            section.items = [i for i in section.items if not (isinstance(i, Excerpt) and i.source_id == self.source_id)]
        briefing.sources.remove(source)
        return self._change(source)

    def revert(self, briefing: Briefing) -> Change:
        assert self._removed is not None, "revert before apply"
        index, source = self._removed
        briefing.sources.insert(index, source)
        for section_id, item_index, excerpt in self._excerpts:  # ascending order restores each position
            briefing.section(section_id).items.insert(item_index, excerpt)
        return self._change(source)

    def _change(self, source: Source) -> Change:
        return Change(
            f"Remove source {source.label}",
            sections=frozenset(s for s, _, _ in self._excerpts),
            items=frozenset(e.id for _, _, e in self._excerpts),
            sources=frozenset({source.id}),
        )


@dataclass
class EditSourceMeta(Operation):
    """Rename a source or correct its metadata (title, author, publisher, published, url, ...)."""

    source_id: str
    values: dict[str, str]
    _old: dict[str, str] = field(default_factory=dict, repr=False)

    def apply(self, briefing: Briefing) -> Change:
        try:
            source = briefing.source(self.source_id)
        except KeyError:
            raise OperationError(f"there is no source {self.source_id!r}") from None
        editable = ("title", "author", "publisher", "published", "url", "language")
        unknown = sorted(set(self.values) - set(editable))
        if unknown:
            raise OperationError(f"cannot edit source field(s) {', '.join(unknown)}; editable: {', '.join(editable)}")
        self._old = {k: getattr(source.meta, k) for k in self.values}
        change = self._change(source)  # named by the source as it was
        for key, value in self.values.items():
            setattr(source.meta, key, value)
        return change

    def revert(self, briefing: Briefing) -> Change:
        source = briefing.source(self.source_id)
        for key, value in self._old.items():
            setattr(source.meta, key, value)
        return self._change(source)

    def _change(self, source: Source) -> Change:
        verb = "Rename source" if set(self.values) == {"title"} else "Edit source"
        return Change(f"{verb} {source.label}", sources=frozenset({source.id}))


@dataclass
class ReplaceSourceText(Operation):
    """Swap in corrected or re-imported text and re-anchor the source's excerpts.

    Excerpts found exactly or fuzzily get their new anchor (fuzzy ones are reported, with the text they
    now point at); lost ones keep their old anchor and are reported, so nothing moves silently.
    """

    source_id: str
    new_source: Source
    _old: Source | None = field(default=None, repr=False)
    _old_anchors: dict[str, object] = field(default_factory=dict, repr=False)

    def apply(self, briefing: Briefing) -> Change:
        try:
            source = briefing.source(self.source_id)
        except KeyError:
            raise OperationError(f"there is no source {self.source_id!r}") from None
        import copy

        self._old = copy.copy(source)
        excerpts = briefing.excerpts_of(self.source_id)
        reports = reanchor_excerpts(excerpts, self.new_source.text)
        self._old_anchors = {e.id: e.anchor for e in excerpts}
        for excerpt, report in zip(excerpts, reports, strict=True):
            if report.new is not None:
                excerpt.anchor = report.new
        source.text, source.blocks = self.new_source.text, self.new_source.blocks
        source.meta, source.original = self.new_source.meta, self.new_source.original
        return Change(
            f"Replace text of {source.label}",
            items=frozenset(e.id for e in excerpts),
            sources=frozenset({source.id}),
            sections=frozenset(s.id for s, e in briefing.excerpts() if e.source_id == source.id),
            anchor_reports=tuple(r for r in reports if r.status != "ok"),
        )

    def revert(self, briefing: Briefing) -> Change:
        assert self._old is not None, "revert before apply"
        source = briefing.source(self.source_id)
        source.text, source.blocks = self._old.text, self._old.blocks
        source.meta, source.original = self._old.meta, self._old.original
        for excerpt in briefing.excerpts_of(self.source_id):
            excerpt.anchor = self._old_anchors.get(excerpt.id, excerpt.anchor)  # type: ignore[assignment]
        return Change(f"Replace text of {source.label}", sources=frozenset({source.id}))


# --- items -------------------------------------------------------------------------------------------


def new_excerpt(source: Source, start: int, end: int, comment: str = "") -> Excerpt:
    """An excerpt of source.text[start:end] with its anchor; white space at either end is trimmed off."""
    length = len(source.text)
    if not 0 <= start <= end <= length:  # checked first: the trimming below indexes the text
        raise OperationError(f"the range {start}-{end} is not within the source's text (0-{length})")
    while start < end and source.text[start].isspace():
        start += 1
    while end > start and source.text[end - 1].isspace():
        end -= 1
    if start == end:
        raise OperationError("the selection holds no text, only spaces or line breaks")
    anchor = make_anchor(source.text, start, end)
    return Excerpt(id=new_id("exc"), source_id=source.id, anchor=anchor, comment=comment)


@dataclass
class InsertItem(Operation):
    """File an excerpt into a section, or add a note to it."""

    section_id: str
    item: Item
    index: int | None = None

    def apply(self, briefing: Briefing) -> Change:
        heading = _heading(briefing, self.section_id)
        if isinstance(self.item, Excerpt):
            self._check_excerpt(briefing, self.item)
        items = briefing.section(self.section_id).items
        items.insert(_check_index(self.index, len(items)), self.item)
        return self._change(heading)

    def revert(self, briefing: Briefing) -> Change:
        briefing.section(self.section_id).items.remove(self.item)
        return self._change(_heading(briefing, self.section_id))

    @staticmethod
    def _check_excerpt(briefing: Briefing, excerpt: Excerpt) -> None:
        try:
            text = briefing.source(excerpt.source_id).text
        except KeyError:
            raise OperationError(
                f"the excerpt cites source {excerpt.source_id!r}, which is not in the briefing"
            ) from None
        a = excerpt.anchor
        if text[a.start : a.end] != a.exact or not a.exact:
            raise OperationError("the excerpt's quote does not match its source at its offsets")

    def _change(self, heading: str) -> Change:
        what = "File excerpt" if isinstance(self.item, Excerpt) else "Add note"
        return Change(f"{what} into {heading}", sections=frozenset({self.section_id}), items=frozenset({self.item.id}))


def file_excerpt(section_id: str, excerpt: Excerpt, index: int | None = None) -> InsertItem:
    return InsertItem(section_id, excerpt, index)


def add_note(section_id: str, text: str, index: int | None = None) -> InsertItem:
    return InsertItem(section_id, Note(id=new_id("note"), text=text), index)


@dataclass
class RemoveItem(Operation):
    item_id: str
    _where: tuple[str, int, Item] | None = field(default=None, repr=False)

    def apply(self, briefing: Briefing) -> Change:
        self._where = _find(briefing, self.item_id)
        section_id, index, _ = self._where
        briefing.section(section_id).items.pop(index)
        return self._change(briefing)

    def revert(self, briefing: Briefing) -> Change:
        assert self._where is not None, "revert before apply"
        section_id, index, item = self._where
        briefing.section(section_id).items.insert(index, item)
        return self._change(briefing)

    def _change(self, briefing: Briefing) -> Change:
        assert self._where is not None
        section_id, _, item = self._where
        what = "excerpt" if isinstance(item, Excerpt) else "note"
        label = f"Delete {what} from {_heading(briefing, section_id)}"
        return Change(label, sections=frozenset({section_id}), items=frozenset({item.id}))


@dataclass
class MoveItem(Operation):
    """Reorder within a section or move to another; index is the position in the target after removal."""

    item_id: str
    section_id: str
    index: int | None = None
    _from: tuple[str, int] | None = field(default=None, repr=False)

    def apply(self, briefing: Briefing) -> Change:
        source_section, old_index, item = _find(briefing, self.item_id)
        target_heading = _heading(briefing, self.section_id)
        target = briefing.section(self.section_id).items
        length = len(target) - (1 if source_section == self.section_id else 0)
        new_index = _check_index(self.index, length)
        briefing.section(source_section).items.pop(old_index)
        target.insert(new_index, item)
        self._from = (source_section, old_index)
        label = f"Move item to {target_heading}" if source_section != self.section_id else f"Reorder {target_heading}"
        return Change(label, sections=frozenset({source_section, self.section_id}), items=frozenset({item.id}))

    def revert(self, briefing: Briefing) -> Change:
        assert self._from is not None, "revert before apply"
        section_id, index = self._from
        current_section, current_index, item = _find(briefing, self.item_id)
        briefing.section(current_section).items.pop(current_index)
        briefing.section(section_id).items.insert(index, item)
        label = f"Move item to {_heading(briefing, self.section_id)}"
        return Change(label, sections=frozenset({section_id, current_section}), items=frozenset({item.id}))


@dataclass
class EditItemText(Operation):
    """Edit a note's text, or an excerpt's analyst comment (an excerpt's quote is never edited by hand)."""

    item_id: str
    text: str
    _old: str | None = field(default=None, repr=False)

    def apply(self, briefing: Briefing) -> Change:
        section_id, _, item = _find(briefing, self.item_id)
        if isinstance(item, Note):
            self._old, item.text = item.text, self.text
        else:
            self._old, item.comment = item.comment, self.text
        return self._change(section_id, item)

    def revert(self, briefing: Briefing) -> Change:
        assert self._old is not None, "revert before apply"
        section_id, _, item = _find(briefing, self.item_id)
        if isinstance(item, Note):
            item.text = self._old
        else:
            item.comment = self._old
        return self._change(section_id, item)

    def _change(self, section_id: str, item: Item) -> Change:
        label = "Edit note" if isinstance(item, Note) else "Edit comment"
        return Change(label, sections=frozenset({section_id}), items=frozenset({item.id}))


@dataclass
class TrimExcerpt(Operation):
    """Change which part of its source an excerpt quotes; the anchor is rebuilt from the source text."""

    item_id: str
    start: int
    end: int
    _old: object = field(default=None, repr=False)

    def apply(self, briefing: Briefing) -> Change:
        section_id, _, item = _find(briefing, self.item_id)
        if not isinstance(item, Excerpt):
            raise OperationError("only an excerpt can be trimmed")
        source = briefing.source(item.source_id)
        trimmed = new_excerpt(source, self.start, self.end)
        self._old, item.anchor = item.anchor, trimmed.anchor
        return Change("Trim excerpt", sections=frozenset({section_id}), items=frozenset({item.id}))

    def revert(self, briefing: Briefing) -> Change:
        section_id, _, item = _find(briefing, self.item_id)
        assert isinstance(item, Excerpt) and self._old is not None, "revert before apply"
        item.anchor = self._old  # type: ignore[assignment]
        return Change("Trim excerpt", sections=frozenset({section_id}), items=frozenset({item.id}))


# --- title block -------------------------------------------------------------------------------------


@dataclass
class SetTitleField(Operation):
    name: str
    value: str
    _old: str | None = field(default=None, repr=False)

    def apply(self, briefing: Briefing) -> Change:
        if self.name not in TitleBlock.field_names():
            raise OperationError(f"unknown title block field {self.name!r}")
        if self.name == "purpose" and self.value not in PURPOSES:
            raise OperationError(f"purpose must be one of {', '.join(PURPOSES)}, not {self.value!r}")
        self._old = getattr(briefing.title_block, self.name)
        setattr(briefing.title_block, self.name, self.value)
        return Change(f"Change {in_sentence(field_label(self.name))}", title_block=True)

    def revert(self, briefing: Briefing) -> Change:
        assert self._old is not None, "revert before apply"
        setattr(briefing.title_block, self.name, self._old)
        return Change(f"Change {in_sentence(field_label(self.name))}", title_block=True)
