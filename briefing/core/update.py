"""Re-anchoring a source's excerpts in a new version of it (a reissued report): each is kept, moved, changed or lost.

- kept: the same words with the same text just before and after them (the anchor's context, CONTEXT_CHARS each
  side), even if an edit elsewhere shifted their offsets;
- moved: the same words in other surroundings: elsewhere in the text (paragraphs reordered), or with text inserted,
  deleted or edited right beside them (when they occur more than once, the copy with the old surroundings, then
  the nearest to the old place);
- changed: the passage was edited: the nearest passage at least anchors.FUZZY_THRESHOLD alike, or the text now
  between the old surroundings when that is as alike (or nothing alike is found); the excerpt then quotes the new
  wording, word for word as the source has it. Never a passage twice the quote's length or more, nor one that
  overlaps the passage of another excerpt found word for word (unless their old passages overlapped too);
- lost: none of these; it keeps its quote, at the empty place where it was.

Applying the result is operations.UpdateSource, so that it can be undone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from briefing.core.anchors import CONTEXT_CHARS, FUZZY_THRESHOLD, _similarity, locate, make_anchor
from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import Anchor, Briefing, Excerpt

Outcome = Literal["kept", "moved", "changed", "lost"]
OUTCOMES: tuple[Outcome, ...] = ("kept", "moved", "changed", "lost")
MAX_PLACES = 16  # places of the old prefix weighed (the nearest to the old place first)


@dataclass(frozen=True)
class Reanchored:
    """Where an excerpt points after its source was updated, and how it got there."""

    excerpt_id: str
    outcome: Outcome
    anchor: Anchor  # where the excerpt now points; the old anchor when lost
    filed: str  # the quote as the analyst filed it (before this update and any earlier unresolved one)


def unreviewed_changes(briefing: Briefing) -> Message | None:
    """A warning for an export (never a refusal): excerpts an update changed that the analyst has not accepted
    yet print their new wording, which nobody has read; None when there are none."""
    count = sum(excerpt.flag == "changed" for _, excerpt in briefing.excerpts())
    if not count:
        return None
    if count == 1:
        return Message(QT_TRANSLATE_NOOP("Messages", "1 excerpt changed by an update is not yet reviewed"))
    return Message(
        QT_TRANSLATE_NOOP("Messages", "{count} excerpts changed by an update are not yet reviewed"), count=count
    )


def reanchor_in_new_version(excerpts: list[Excerpt], text: str) -> list[Reanchored]:
    """Where each excerpt is in a source's new text; the excerpts themselves are left untouched."""
    candidates = [_candidates(text, e.anchor, _filed(e)) for e in excerpts]
    picks = [places[0] if places else None for places in candidates]
    # A changed passage is a guess: it may not take words that another excerpt was found quoting word for word (a
    # filed paragraph moved next to the edited one), unless the two excerpts' passages overlapped before too.
    found = [(e.anchor, p) for e, p in zip(excerpts, picks, strict=True) if p is not None and _word_for_word(e, p)]
    for i, excerpt in enumerate(excerpts):
        pick = picks[i]
        if pick is None or _word_for_word(excerpt, pick):
            continue
        taken = [new for old, new in found if not _overlap(old, excerpt.anchor)]
        picks[i] = next((c for c in candidates[i] if not any(_overlap(c, t) for t in taken)), None)
    return [_outcome(excerpt, pick, text) for excerpt, pick in zip(excerpts, picks, strict=True)]


def _word_for_word(excerpt: Excerpt, new: Anchor) -> bool:
    """The excerpt's words were found (as filed, or as an earlier update left them): no guess at an edit."""
    return new.exact in (_filed(excerpt), excerpt.anchor.exact)


def _filed(excerpt: Excerpt) -> str:
    """The quote as the analyst filed it: an excerpt still flagged from an earlier update is judged against that,
    not the wording they have not accepted yet."""
    return excerpt.filed if excerpt.flag and excerpt.filed else excerpt.anchor.exact


def _outcome(excerpt: Excerpt, new: Anchor | None, text: str) -> Reanchored:
    old, filed = excerpt.anchor, _filed(excerpt)
    if new is None:
        # It keeps its quote and context (a later version may have the passage again), at the empty place where
        # it was: nothing in the new text is highlighted as its passage, and Show in Source goes there.
        where = _where_it_was(text, old)
        return Reanchored(excerpt.id, "lost", replace(old, start=where, end=where), filed)
    if new.exact != filed:
        return Reanchored(excerpt.id, "changed", new, filed)
    # Kept: in the same surroundings, wherever an edit elsewhere (above it) shifted its offsets.
    kept = _same_surroundings(text, new.start, new.end, old)
    return Reanchored(excerpt.id, "kept" if kept else "moved", new, filed)


def _candidates(text: str, old: Anchor, filed: str) -> list[Anchor]:
    """Where the excerpt may now be, the likeliest first: its words (at most one place), or the edited passage
    (a fuzzy match, the text between the old surroundings, or both)."""
    if text[old.start : old.end] == old.exact and _same_surroundings(text, old.start, old.end, old):
        return [make_anchor(text, old.start, old.end)]
    # The words as filed first: a new version may undo an earlier update's edit the analyst has not accepted.
    for quote in dict.fromkeys((filed, old.exact)):
        # Offsets that match nothing (end = start) make locate search by quote and context (nearest the old place
        # first) even where the quote happens to sit at its old offsets in other surroundings.
        status, found, _ = locate(text, replace(old, exact=quote, end=old.start))
        if status in ("ok", "moved") and found is not None:
            return [found]
    # Not word for word: the last search (of the words the excerpt quotes now) found the passage most alike, if any.
    fuzzy = _whole_words(text, found, old) if status == "fuzzy" and found is not None else None
    between = _between_context(text, old)
    if between is None or fuzzy is None:
        return [c for c in (fuzzy, between) if c is not None]
    # The words themselves weigh more than the surroundings: the text between them is the edited passage only when
    # it holds the fuzzy match and is itself as alike (not when a paragraph moved in beside the edited one).
    if _overlap(fuzzy, between) and _similarity(old.exact, between.exact) >= FUZZY_THRESHOLD:
        return [between, fuzzy]
    return [fuzzy, between]


def _overlap(a: Anchor, b: Anchor) -> bool:
    return a.start < b.end and b.start < a.end


def _same_surroundings(text: str, start: int, end: int, old: Anchor) -> bool:
    """text[start:end] has the old anchor's context just before and after it. A context shorter than CONTEXT_CHARS
    means the excerpt began (or ended) the text: it must still do so."""
    before = text[max(0, start - len(old.prefix)) : start]
    after = text[end : end + len(old.suffix)]
    if len(old.prefix) < CONTEXT_CHARS and start != len(old.prefix):
        return False
    if len(old.suffix) < CONTEXT_CHARS and end + len(old.suffix) != len(text):
        return False
    return before == old.prefix and after == old.suffix


def _between_context(text: str, old: Anchor) -> Anchor | None:
    """The passage between the excerpt's old surroundings, when both are still there (the passage was edited).

    A context shorter than CONTEXT_CHARS means the excerpt began (or ended) the text: it must still do so.
    """
    if len(old.prefix) < CONTEXT_CHARS:
        starts = [len(old.prefix)] if text.startswith(old.prefix) else []
    else:
        starts = _places(text, old.prefix, old.start - len(old.prefix))
        starts = [s + len(old.prefix) for s in starts]
    limit = 2 * len(old.exact) - 1  # an edited passage twice the quote's length is another passage
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
