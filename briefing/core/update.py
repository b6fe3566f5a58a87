"""Re-anchoring a source's excerpts in a new version of it (a reissued report): each is kept, moved, changed or lost.

- kept: the same words at the same place, with the same words around them;
- moved: the same words elsewhere (when they occur more than once, the copy with the old surroundings, then the
  nearest to the old place);
- changed: the passage was edited: the text now between the old surroundings, or else the nearest passage at least
  anchors.FUZZY_THRESHOLD alike; the excerpt then quotes the new wording, word for word as the source has it;
- lost: neither; it keeps its quote, at the empty place where it was.

Applying the result is operations.UpdateSource, so that it can be undone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from briefing.core.anchors import CONTEXT_CHARS, locate, make_anchor
from briefing.core.model import Anchor, Excerpt

Outcome = Literal["kept", "moved", "changed", "lost"]
OUTCOMES: tuple[Outcome, ...] = ("kept", "moved", "changed", "lost")
MAX_GROWTH = 400  # how much longer than the old quote an edited passage between the old surroundings may be
MAX_PLACES = 16  # places of the old prefix weighed (the nearest to the old place first)


@dataclass(frozen=True)
class Reanchored:
    excerpt_id: str
    outcome: Outcome
    anchor: Anchor  # where the excerpt now points; the old anchor when lost
    filed: str  # the quote as the analyst filed it (before this update and any earlier unresolved one)


def reanchor_in_new_version(excerpts: list[Excerpt], text: str) -> list[Reanchored]:
    """Where each excerpt is in a source's new text; the excerpts themselves are left untouched."""
    return [_reanchor(excerpt, text) for excerpt in excerpts]


def _reanchor(excerpt: Excerpt, text: str) -> Reanchored:
    old = excerpt.anchor
    # An excerpt still flagged from an earlier update is judged against what the analyst filed, not the
    # wording they have not accepted yet.
    filed = excerpt.filed if excerpt.flag and excerpt.filed else old.exact
    new = _find(text, old)
    if new is None:
        # It keeps its quote and context (a later version may have the passage again), at the empty place where
        # it was: nothing in the new text is highlighted as its passage, and Show in Source goes there.
        where = _where_it_was(text, old)
        return Reanchored(excerpt.id, "lost", replace(old, start=where, end=where), filed)
    if new.exact != filed:
        return Reanchored(excerpt.id, "changed", new, filed)
    kept = (new.start, new.end) == (old.start, old.end)
    return Reanchored(excerpt.id, "kept" if kept else "moved", new, filed)


def _find(text: str, old: Anchor) -> Anchor | None:
    if text[old.start : old.end] == old.exact and _context_holds(text, old):
        return make_anchor(text, old.start, old.end)
    # Offsets that match nothing (end = start) make locate search by quote and context (nearest the old place
    # first) even where the quote happens to sit at its old offsets in other surroundings.
    status, found, _ = locate(text, replace(old, end=old.start))
    if status in ("ok", "moved") and found is not None:
        return found
    between = _between_context(text, old)
    fuzzy = found if status == "fuzzy" and found is not None else None
    if fuzzy is not None and (between is None or fuzzy.end <= between.start or between.end <= fuzzy.start):
        return _whole_words(text, fuzzy, old)  # the words themselves elsewhere weigh more than the surroundings
    return between


def _context_holds(text: str, a: Anchor) -> bool:
    before = text[max(0, a.start - len(a.prefix)) : a.start]
    return before == a.prefix and text[a.end : a.end + len(a.suffix)] == a.suffix


def _between_context(text: str, old: Anchor) -> Anchor | None:
    """The passage between the excerpt's old surroundings, when both are still there (the passage was edited).

    A context shorter than CONTEXT_CHARS means the excerpt began (or ended) the text: it must still do so.
    """
    if len(old.prefix) < CONTEXT_CHARS:
        starts = [len(old.prefix)] if text.startswith(old.prefix) else []
    else:
        starts = _places(text, old.prefix, old.start - len(old.prefix))
        starts = [s + len(old.prefix) for s in starts]
    limit = len(old.exact) + max(len(old.exact), MAX_GROWTH)
    for start in starts:
        if len(old.suffix) < CONTEXT_CHARS:
            end = len(text) - len(old.suffix)
            if not text.endswith(old.suffix) or not start < end <= start + limit:
                continue
        else:
            end = text.find(old.suffix, start, start + limit + len(old.suffix))
            if end == -1:
                continue
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            return make_anchor(text, start, end)
    return None


def _where_it_was(text: str, old: Anchor) -> int:
    """Just after the old prefix where it is still found nearest the old place, else the old offset (or the end)."""
    if old.prefix:
        places = _places(text, old.prefix, old.start - len(old.prefix))
        if places:
            return places[0] + len(old.prefix)
    return min(old.start, len(text))


def _places(text: str, needle: str, around: int) -> list[int]:
    """Up to MAX_PLACES places of needle in text, the nearest to around first (bounded, whatever the text)."""
    found: list[int] = []
    position = text.find(needle)
    while position != -1 and len(found) < 4 * MAX_PLACES:
        found.append(position)
        position = text.find(needle, position + 1)
    return sorted(found, key=lambda p: abs(p - around))[:MAX_PLACES]


def _whole_words(text: str, a: Anchor, old: Anchor) -> Anchor:
    """A fuzzy match widened to whole words where the filed quote began and ended on a word's edge, so that the
    changed excerpt never starts or ends in the middle of a word."""
    start, end = a.start, a.end
    if not old.prefix[-1:].isalnum() or not old.exact[:1].isalnum():
        while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
            start -= 1
    if not old.suffix[:1].isalnum() or not old.exact[-1:].isalnum():
        while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
            end += 1
    return make_anchor(text, start, end) if (start, end) != (a.start, a.end) else a
