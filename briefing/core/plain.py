"""The briefing as plain data (dicts, lists, strings and numbers), built in one place: the project file's
manifest stores it (with the file's own bookkeeping added) and `briefing show --json` prints it (with the
citations and source numbers a reader wants added), so the two can never describe a briefing differently."""

from __future__ import annotations

from typing import Any

from briefing.core.model import Briefing, Excerpt, Item


def item_data(item: Item) -> dict[str, Any]:
    """An excerpt with its whole anchor (W3C quote and position selectors) and comment, or a note."""
    if isinstance(item, Excerpt):
        a = item.anchor
        return {
            "kind": "excerpt",
            "id": item.id,
            "source": item.source_id,
            "exact": a.exact,
            "prefix": a.prefix,
            "suffix": a.suffix,
            "start": a.start,
            "end": a.end,
            "comment": item.comment,
            # only while a source update's flag is unresolved, so an unflagged excerpt reads as in format version 1
            **({"flag": item.flag, "filed": item.filed} if item.flag else {}),
        }
    return {"kind": "note", "id": item.id, "text": item.text}


def briefing_data(briefing: Briefing) -> dict[str, Any]:
    """Template id, title block, sections with their items, and each source's id and metadata (not its text)."""
    return {
        "template": briefing.template,
        "title_block": vars(briefing.title_block).copy(),
        "sections": [
            {
                "id": section.id,
                "heading": section.heading,
                "heading_fr": section.heading_fr,
                "items": [item_data(item) for item in section.items],
            }
            for section in briefing.sections
        ],
        "sources": [{"id": source.id, "meta": vars(source.meta).copy()} for source in briefing.sources],
    }
