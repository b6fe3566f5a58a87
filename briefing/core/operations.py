"""Every change to a briefing, as a small reversible operation that reports what it changed.

The GUI wraps each operation in a QUndoCommand (redo -> apply, undo -> revert); the command line
applies them directly. Nothing else mutates a Briefing. An operation validates in apply() before it
changes anything, so a failed apply leaves the briefing as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from briefing.core.anchors import make_anchor
from briefing.core.errors import OperationError as OperationError
from briefing.core.labels import undo_name
from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import (
    FLAGS,
    LANGUAGES,
    PURPOSES,
    Anchor,
    Block,
    Briefing,
    Excerpt,
    Item,
    Note,
    Source,
    SourceMeta,
    TitleBlock,
    is_note_date,
    new_id,
)
from briefing.core.update import OUTCOMES, Reanchored, reanchor_in_new_version


@dataclass(frozen=True)
class Change:
    """What an operation changed, so views refresh only that; label is the undo text."""

    label: str
    sections: frozenset[str] = frozenset()
    items: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    title_block: bool = False
    name: tuple[str, ...] = ()  # (key in labels.UNDO_NAMES, its arguments): the GUI shows the label translated


def _named(key: str, *args: str) -> dict[str, Any]:
    """A Change's label (English, for the command line) and name (for the GUI to translate)."""
    return {"label": undo_name(key, *args), "name": (key, *args)}


class Operation:
    def apply(self, briefing: Briefing) -> Change:
        raise NotImplementedError

    def revert(self, briefing: Briefing) -> Change:
        raise NotImplementedError


def _heading(briefing: Briefing, section_id: str) -> str:
    try:
        return briefing.section(section_id).heading
    except KeyError:
        raise OperationError(
            Message(QT_TRANSLATE_NOOP("Messages", "there is no section {section_id}"), section_id=f"{section_id!r}")
        ) from None


def _check_index(index: int | None, length: int) -> int:
    if index is None:
        return length
    if not 0 <= index <= length:
        raise OperationError(
            Message(
                QT_TRANSLATE_NOOP("Messages", "position {index} is outside 0..{length}"), index=index, length=length
            )
        )
    return index


def _find(briefing: Briefing, item_id: str) -> tuple[str, int, Item]:
    try:
        section, index, item = briefing.find_item(item_id)
    except KeyError:
        raise OperationError(
            Message(QT_TRANSLATE_NOOP("Messages", "there is no item {item_id}"), item_id=f"{item_id!r}")
        ) from None
    return section.id, index, item


# --- sources -----------------------------------------------------------------------------------------


@dataclass
class AddSource(Operation):
    source: Source
    index: int | None = None

    def apply(self, briefing: Briefing) -> Change:
        if any(s.id == self.source.id for s in briefing.sources):
            raise OperationError(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "source {id} is already in the briefing"), id=f"{self.source.id!r}"
                )
            )
        briefing.sources.insert(_check_index(self.index, len(briefing.sources)), self.source)
        return Change(**_named("add_source", self.source.label), sources=frozenset({self.source.id}))

    def revert(self, briefing: Briefing) -> Change:
        briefing.sources.remove(self.source)
        return Change(**_named("add_source", self.source.label), sources=frozenset({self.source.id}))


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
            raise OperationError(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "there is no source {source_id}"), source_id=f"{self.source_id!r}"
                )
            ) from None
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
            **_named("remove_source", source.label),
            sections=frozenset(s for s, _, _ in self._excerpts),
            items=frozenset(e.id for _, _, e in self._excerpts),
            sources=frozenset({source.id}),
        )


EDITABLE_META = ("title", "author", "publisher", "published", "url", "language")  # what the analyst may correct


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
            raise OperationError(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "there is no source {source_id}"), source_id=f"{self.source_id!r}"
                )
            ) from None
        unknown = sorted(set(self.values) - set(EDITABLE_META))
        if unknown:
            editable = ", ".join(EDITABLE_META)
            raise OperationError(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "cannot edit source field(s) {fields}; editable: {editable}"),
                    fields=", ".join(unknown),
                    editable=editable,
                )
            )
        values = dict(self.values)
        if "language" in values:  # the analyst's choice, which a new version of the file keeps (_updated_meta)
            values["language_chosen"] = values["language"]
        self._old = {k: getattr(source.meta, k) for k in values}
        change = self._change(source)  # named by the source as it was
        for key, value in values.items():
            setattr(source.meta, key, value)
        return change

    def revert(self, briefing: Briefing) -> Change:
        source = briefing.source(self.source_id)
        for key, value in self._old.items():
            setattr(source.meta, key, value)
        return self._change(source)

    def _change(self, source: Source) -> Change:
        key = "rename_source" if set(self.values) == {"title"} else "edit_source"
        return Change(**_named(key, source.label), sources=frozenset({source.id}))


@dataclass
class UpdateSource(Operation):
    """Replace a source by a new version of it (a reissued report: text, structure, metadata and original file) and
    re-anchor its excerpts (see core/update.py). Changed and lost excerpts are flagged until the analyst resolves
    them (AcceptChangedText, or RemoveItem); `outcomes` says what happened to each excerpt."""

    source_id: str
    new_source: Source
    outcomes: list[Reanchored] = field(default_factory=list, init=False)
    _old: tuple[str, list[Block], SourceMeta, bytes | None] | None = field(default=None, repr=False)
    _old_excerpts: dict[str, tuple[Anchor, str, str]] = field(default_factory=dict, repr=False)
    _label: str = field(default="", repr=False)

    def apply(self, briefing: Briefing) -> Change:
        try:
            source = briefing.source(self.source_id)
        except KeyError:
            raise OperationError(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "there is no source {source_id}"), source_id=f"{self.source_id!r}"
                )
            ) from None
        if not self.new_source.text.strip():
            raise OperationError(
                Message(QT_TRANSLATE_NOOP("Messages", "the new version of {label} holds no text"), label=source.label)
            )
        excerpts = briefing.excerpts_of(self.source_id)
        self._label = source.label  # named as it was: the new version may bear another title
        self.outcomes = reanchor_in_new_version(excerpts, self.new_source.text)
        self._old = (source.text, source.blocks, source.meta, source.original)
        self._old_excerpts = {e.id: (e.anchor, e.flag, e.filed) for e in excerpts}
        for excerpt, outcome in zip(excerpts, self.outcomes, strict=True):
            excerpt.anchor = outcome.anchor
            excerpt.flag = outcome.outcome if outcome.outcome in FLAGS else ""  # type: ignore[assignment]
            excerpt.filed = outcome.filed if excerpt.flag else ""
        new = self.new_source
        source.text, source.blocks, source.original = new.text, list(new.blocks), new.original
        source.meta = _updated_meta(source.meta, new.meta)
        return self._change(briefing, source)

    def revert(self, briefing: Briefing) -> Change:
        assert self._old is not None, "revert before apply"
        source = briefing.source(self.source_id)
        source.text, source.blocks, source.meta, source.original = self._old
        for excerpt in briefing.excerpts_of(self.source_id):
            if excerpt.id in self._old_excerpts:
                excerpt.anchor, flag, excerpt.filed = self._old_excerpts[excerpt.id]
                excerpt.flag = flag  # type: ignore[assignment]
        return self._change(briefing, source)

    def counts(self) -> dict[str, int]:
        return {name: sum(o.outcome == name for o in self.outcomes) for name in OUTCOMES}

    def ids(self, outcome: str) -> list[str]:
        return [o.excerpt_id for o in self.outcomes if o.outcome == outcome]

    def _change(self, briefing: Briefing, source: Source) -> Change:
        cited = [(s.id, e.id) for s, e in briefing.excerpts() if e.source_id == source.id]
        return Change(
            **_named("update_source", self._label),
            sections=frozenset(s for s, _ in cited),
            items=frozenset(e for _, e in cited),
            sources=frozenset({source.id}),
        )


def _updated_meta(old: SourceMeta, new: SourceMeta) -> SourceMeta:
    """The new version's metadata; where the import found nothing (no author, say) what the source had is kept, as
    the analyst may have typed it in. A title that is only the new file's name (or an e-mail's "(no subject)") is
    nothing found: a reissued report saved as report-v2.pdf is still cited by the title it had. The language is
    the new file's (a French version of an English report is French), unless the analyst chose the source's in
    Source details: that choice stays."""
    kept = {k: getattr(old, k) for k in EDITABLE_META if not getattr(new, k) and getattr(old, k)}
    if not new.has_own_title() and old.title:
        kept["title"] = old.title
    if old.language_chosen:
        kept["language"] = kept["language_chosen"] = old.language_chosen
    return replace(new, **kept)


@dataclass
class AcceptChangedText(Operation):
    """The analyst accepts a changed excerpt's new wording: its flag is cleared. A lost excerpt has no new wording
    to accept (delete it, or file the passage again)."""

    item_id: str
    _old: tuple[str, str] | None = field(default=None, repr=False)

    def apply(self, briefing: Briefing) -> Change:
        section_id, _, item = _find(briefing, self.item_id)
        if not isinstance(item, Excerpt) or not item.flag:
            raise OperationError(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "only an excerpt changed by a source update has new text to accept")
                )
            )
        text = briefing.source(item.source_id).text
        a = item.anchor
        if item.flag == "lost" or text[a.start : a.end] != a.exact:
            raise OperationError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "the excerpt was not found in the new version of its source: delete it, "
                        "or file the passage again",
                    )
                )
            )
        self._old = (item.flag, item.filed)
        item.flag, item.filed = "", ""
        return Change(**_named("accept_changed"), sections=frozenset({section_id}), items=frozenset({item.id}))

    def revert(self, briefing: Briefing) -> Change:
        assert self._old is not None, "revert before apply"
        section_id, _, item = _find(briefing, self.item_id)
        assert isinstance(item, Excerpt)
        flag, item.filed = self._old
        item.flag = flag  # type: ignore[assignment]
        return Change(**_named("accept_changed"), sections=frozenset({section_id}), items=frozenset({item.id}))


# --- items -------------------------------------------------------------------------------------------


def new_excerpt(source: Source, start: int, end: int, comment: str = "") -> Excerpt:
    """An excerpt of source.text[start:end] with its anchor; white space at either end is trimmed off."""
    length = len(source.text)
    if not 0 <= start <= end <= length:  # checked first: the trimming below indexes the text
        raise OperationError(
            Message(
                QT_TRANSLATE_NOOP("Messages", "the range {start}-{end} is not within the source's text (0-{length})"),
                start=start,
                end=end,
                length=length,
            )
        )
    while start < end and source.text[start].isspace():
        start += 1
    while end > start and source.text[end - 1].isspace():
        end -= 1
    if start == end:
        raise OperationError(
            Message(QT_TRANSLATE_NOOP("Messages", "the selection holds no text, only spaces or line breaks"))
        )
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
                Message(
                    QT_TRANSLATE_NOOP("Messages", "the excerpt cites source {source_id}, which is not in the briefing"),
                    source_id=f"{excerpt.source_id!r}",
                )
            ) from None
        a = excerpt.anchor
        if text[a.start : a.end] != a.exact or not a.exact:
            raise OperationError(
                Message(QT_TRANSLATE_NOOP("Messages", "the excerpt's quote does not match its source at its offsets"))
            )

    def _change(self, heading: str) -> Change:
        key = "file_excerpt" if isinstance(self.item, Excerpt) else "add_note"
        return Change(**_named(key, heading), sections=frozenset({self.section_id}), items=frozenset({self.item.id}))


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
        key = "delete_excerpt" if isinstance(item, Excerpt) else "delete_note"
        return Change(
            **_named(key, _heading(briefing, section_id)), sections=frozenset({section_id}), items=frozenset({item.id})
        )


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
        key = "move_item" if source_section != self.section_id else "reorder"
        return Change(
            **_named(key, target_heading),
            sections=frozenset({source_section, self.section_id}),
            items=frozenset({item.id}),
        )

    def revert(self, briefing: Briefing) -> Change:
        assert self._from is not None, "revert before apply"
        section_id, index = self._from
        current_section, current_index, item = _find(briefing, self.item_id)
        briefing.section(current_section).items.pop(current_index)
        briefing.section(section_id).items.insert(index, item)
        return Change(
            **_named("move_item", _heading(briefing, self.section_id)),
            sections=frozenset({section_id, current_section}),
            items=frozenset({item.id}),
        )


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
        return Change(
            **_named("edit_note" if isinstance(item, Note) else "edit_comment"),
            sections=frozenset({section_id}),
            items=frozenset({item.id}),
        )


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
            raise OperationError(Message(QT_TRANSLATE_NOOP("Messages", "only an excerpt can be trimmed")))
        source = briefing.source(item.source_id)
        trimmed = new_excerpt(source, self.start, self.end)
        self._old, item.anchor = item.anchor, trimmed.anchor
        return Change(**_named("trim_excerpt"), sections=frozenset({section_id}), items=frozenset({item.id}))

    def revert(self, briefing: Briefing) -> Change:
        section_id, _, item = _find(briefing, self.item_id)
        assert isinstance(item, Excerpt) and self._old is not None, "revert before apply"
        item.anchor = self._old  # type: ignore[assignment]
        return Change(**_named("trim_excerpt"), sections=frozenset({section_id}), items=frozenset({item.id}))


# --- title block -------------------------------------------------------------------------------------


@dataclass
class SetTitleField(Operation):
    name: str
    value: str
    _old: str | None = field(default=None, repr=False)

    def apply(self, briefing: Briefing) -> Change:
        if self.name not in TitleBlock.field_names():
            raise OperationError(
                Message(QT_TRANSLATE_NOOP("Messages", "unknown title block field {name}"), name=f"{self.name!r}")
            )
        if self.name == "purpose" and self.value not in PURPOSES:
            raise OperationError(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "purpose must be one of {allowed}, not {given}"),
                    allowed=", ".join(PURPOSES),
                    given=f"{self.value!r}",
                )
            )
        if self.name == "language" and self.value not in LANGUAGES:
            raise OperationError(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "language must be one of {allowed}, not {given}"),
                    allowed=", ".join(LANGUAGES),
                    given=f"{self.value!r}",
                )
            )
        if self.name == "date" and self.value and not is_note_date(self.value):
            raise OperationError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "date must be a real date written YYYY-MM-DD (like 2026-03-31), not {given}"
                    ),
                    given=f"{self.value!r}",
                )
            )
        self._old = getattr(briefing.title_block, self.name)
        setattr(briefing.title_block, self.name, self.value)
        return Change(**_named("change_field", self.name), title_block=True)

    def revert(self, briefing: Briefing) -> Change:
        assert self._old is not None, "revert before apply"
        setattr(briefing.title_block, self.name, self._old)
        return Change(**_named("change_field", self.name), title_block=True)
