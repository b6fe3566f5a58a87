"""Anchors: making them, finding a pasted quote in a source, and re-anchoring when a source's text changes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from briefing.core.model import Anchor, Briefing, Excerpt

CONTEXT_CHARS = 32
FUZZY_THRESHOLD = 0.85  # share of the quote's characters that must survive for a fuzzy re-anchor

# What copy-paste changes: typographic quotes, dashes and odd spaces fold to plain ASCII for matching only.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": "",
    }
)
_WHITE = re.compile(r"\s+")


def make_anchor(text: str, start: int, end: int) -> Anchor:
    if not 0 <= start < end <= len(text):
        raise ValueError(f"range {start}-{end} is outside the text (length {len(text)}) or empty")
    return Anchor(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        start=start,
        end=end,
    )


def _folded(text: str) -> tuple[str, list[int]]:
    """Text folded for forgiving matching, and for each folded character the offset it came from.

    Runs of white space become one space, and spaces beside a dash are dropped ("step —and" and
    "step - and" both fold to "step-and").
    """
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        folded = char.translate(_FOLD)
        if not folded:
            continue
        if folded.isspace():
            if out and out[-1] in " -":
                continue
            folded = " "
        elif folded == "-" and out and out[-1] == " ":
            out.pop()
            where.pop()
        elif folded == "\u2026":
            folded = "..."
        for piece in folded:
            out.append(piece)
            where.append(index)
    return "".join(out), where


@dataclass(frozen=True)
class Match:
    start: int
    end: int


def _occurrences(text: str, quote: str) -> list[int]:
    """Where quote occurs in text, without overlaps: re.finditer(re.escape(quote)) without compiling a pattern."""
    found: list[int] = []
    if not quote:
        return found
    position = text.find(quote)
    while position != -1:
        found.append(position)
        position = text.find(quote, position + len(quote))
    return found


def find_quote(text: str, quote: str) -> list[Match]:
    """Every place a pasted quote occurs in text, forgiving white space, quote marks and dashes.

    Offsets are in the original text, so the stored quote is always the source's own characters.
    """
    needle, _ = _folded(quote.strip())
    if not needle.strip():
        return []
    exact = _occurrences(text, quote)
    if exact:
        return [Match(s, s + len(quote)) for s in exact]
    haystack, where = _folded(text)
    matches = []
    position = haystack.find(needle)
    while position != -1:
        matches.append(Match(where[position], where[position + len(needle) - 1] + 1))
        position = haystack.find(needle, position + 1)
    return matches


AnchorStatus = Literal["ok", "moved", "fuzzy", "lost"]


@dataclass(frozen=True)
class AnchorReport:
    excerpt_id: str
    status: AnchorStatus
    old: Anchor
    new: Anchor | None  # None when lost
    similarity: float = 1.0

    def describe(self) -> str:
        quote = _short(self.old.exact)
        if self.status == "ok":
            return f"{quote} is where it was"
        if self.status == "moved":
            return f"{quote} moved from {self.old.start} to {self.new.start if self.new else '?'}"
        if self.status == "fuzzy":
            new = _short(self.new.exact if self.new else "")
            return f"{quote} no longer occurs word for word; nearest text ({self.similarity:.0%} alike) is {new}"
        return f"{quote} cannot be found in the source"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def _similarity(a: str, b: str) -> float:
    import difflib  # only re-anchoring needs it; start-up does not

    return difflib.SequenceMatcher(None, a, b).ratio()


def _context_score(text: str, start: int, end: int, anchor: Anchor) -> float:
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    return _similarity(before, anchor.prefix) + _similarity(after, anchor.suffix)


def locate(text: str, anchor: Anchor) -> tuple[AnchorStatus, Anchor | None, float]:
    """Find an anchor in (possibly changed) text: by offsets, then the exact quote, then fuzzily.

    Returns (status, new anchor or None when lost, similarity of the found text to the quote).
    """
    if not anchor.exact:
        return "lost", None, 0.0  # an empty quote is found everywhere, so it says nowhere
    if text[anchor.start : anchor.end] == anchor.exact:
        return "ok", anchor, 1.0
    starts = [m.start() for m in re.finditer(re.escape(anchor.exact), text)]
    if starts:
        # Several copies of the quote: the context decides, then closeness to the old place.
        best = max(
            starts, key=lambda s: (_context_score(text, s, s + len(anchor.exact), anchor), -abs(s - anchor.start))
        )
        return "moved", make_anchor(text, best, best + len(anchor.exact)), 1.0
    folded = find_quote(text, anchor.exact)
    if folded:
        best_match = max(folded, key=lambda m: _context_score(text, m.start, m.end, anchor))
        new = make_anchor(text, best_match.start, best_match.end)
        return "fuzzy", new, _similarity(anchor.exact, new.exact)
    found = _fuzzy_find(text, anchor)
    if found is None:
        return "lost", None, 0.0
    start, end, similarity = found
    return "fuzzy", make_anchor(text, start, end), similarity


def _fuzzy_find(text: str, anchor: Anchor) -> tuple[int, int, float] | None:
    """The passage most like the quote, if at least FUZZY_THRESHOLD of it survives.

    Candidate places come from words of the quote (and its context) that still occur; each is then
    aligned character by character with difflib, on a window a little larger than the quote.
    """
    import difflib

    quote = anchor.exact
    words = [(m.start(), m.group()) for m in re.finditer(r"\w{4,}", quote)]
    votes: dict[int, int] = {}
    for offset, word in words[:40]:
        occurrences = [m.start() for m in re.finditer(r"\b" + re.escape(word) + r"\b", text)]
        if len(occurrences) > 50:
            continue  # too common to say where the quote is
        for occurrence in occurrences:
            guess = (occurrence - offset) // 16  # bucket nearby guesses together
            votes[guess] = votes.get(guess, 0) + 1
    best: tuple[int, int, float] | None = None
    slack = max(16, len(quote) // 4)
    for bucket, _ in sorted(votes.items(), key=lambda kv: -kv[1])[:8]:
        lo = max(0, bucket * 16 - slack)
        window = text[lo : bucket * 16 + len(quote) + slack + 16]
        matcher = difflib.SequenceMatcher(None, quote, window, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not blocks:
            continue
        matched = sum(b.size for b in blocks)
        start, end = lo + blocks[0].b, lo + blocks[-1].b + blocks[-1].size
        span = end - start
        similarity = 2 * matched / (len(quote) + span)
        if best is None or similarity > best[2]:
            best = (start, end, similarity)
    if best is None or best[2] < FUZZY_THRESHOLD:
        return None
    return best


def reanchor_excerpts(excerpts: list[Excerpt], text: str) -> list[AnchorReport]:
    """Locate each excerpt in (new) text; returns reports and leaves the excerpts untouched.

    Applying a re-anchor is an operation (operations.ReplaceSourceText) so that it can be undone, and
    so that fuzzy and lost excerpts are always shown to the analyst, never moved silently.
    """
    return [AnchorReport(e.id, *_report_parts(text, e.anchor)) for e in excerpts]


def _report_parts(text: str, anchor: Anchor) -> tuple[AnchorStatus, Anchor, Anchor | None, float]:
    status, new, similarity = locate(text, anchor)
    return status, anchor, new, similarity


def check_anchors(briefing: Briefing) -> list[AnchorReport]:
    """Locate every excerpt's anchor in its source; a report for each excerpt, in note order."""
    known = {s.id: s.text for s in briefing.sources}
    reports = []
    for _, excerpt in briefing.excerpts():
        if excerpt.source_id not in known:
            reports.append(AnchorReport(excerpt.id, "lost", excerpt.anchor, None, 0.0))
        else:
            reports.extend(reanchor_excerpts([excerpt], known[excerpt.source_id]))
    return reports
