"""Anchors: making them, finding a pasted quote in a source, and re-anchoring when a source's text changes."""

from __future__ import annotations

import bisect
import functools
import re
import threading
import time
from array import array
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from briefing.core.lazy_regex import LazyPattern, lazy
from briefing.core.messages import QT_TRANSLATE_NOOP, Message
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
_WHITE = lazy(r"\s+")


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


# Folding is one for one except for these: _FOLD_SAME_LENGTH keeps offsets, the rest is done run by run below.
_FOLD_SAME_LENGTH = {k: v for k, v in _FOLD.items() if isinstance(v, str) and len(v) == 1}
# Where folding is not one for one: runs of white space, dashes and soft hyphens (but not a lone space or dash,
# the common case), and ellipses. Found on the text after _FOLD_SAME_LENGTH, whose dashes are all "-".
_IRREGULAR = re.compile("[\\s\\-\u00ad]{2,}|[^\\S ]|\u00ad|\u2026")


@dataclass(frozen=True)
class _Folded:
    """A text folded for forgiving matching (see _fold), and the way back to offsets in the original."""

    text: str
    # Arrays of machine integers, not lists of Python ones: a hostile text can have millions of segments.
    starts: array[int]  # segment i covers folded offsets starts[i] .. starts[i + 1] - 1 ...
    origins: array[int]  # ... which come from the original's origins[i] onwards, one for one

    def original(self, position: int) -> int:
        """The offset in the original text of the folded character at position."""
        i = bisect.bisect_right(self.starts, position) - 1
        return self.origins[i] + position - self.starts[i]


class _Spent(Exception):
    """The budget ran out part-way (folding a long, hostile text)."""


def _fold(text: str, budget: Budget | None = None) -> _Folded:
    """Text folded for forgiving matching: typographic quotes and dashes as ASCII, soft hyphens dropped, "…" as
    "...", runs of white space as one space, and spaces beside a dash dropped ("step —and" and "step - and" both
    fold to "step-and").

    Linear in the text and mostly in C (str.translate, re, str.join): Python only sees the irregular runs (line
    breaks, double spaces, dashes between spaces). The offsets are kept as segments, not a number per character.
    """
    same = text.translate(_FOLD_SAME_LENGTH)
    pieces: list[str] = []
    starts: array[int] = array("q")
    origins: array[int] = array("q")
    length = 0  # of the folded text so far
    done = 0  # of the original, up to the current run
    for count, match in enumerate(_IRREGULAR.finditer(same)):
        if budget is not None and not count % 50_000 and budget.spent():
            raise _Spent
        run, at = match.group(), match.start()
        if done < at:  # the text between runs, one for one
            pieces.append(same[done:at])
            starts.append(length)
            origins.append(done)
            length += at - done
        done = match.end()
        if "-" in run:  # dashes stay, the white space and soft hyphens around them go
            places = [at + i for i, char in enumerate(run) if char == "-"]
        elif run == "\u2026":
            places = [at, at, at]  # three dots from one character: each maps back to it
        else:  # white space (and soft hyphens): one space, from the first white space character
            kept = run.lstrip("\u00ad")
            places = [at + len(run) - len(kept)] if kept else []
        piece = "-" if "-" in run else "." if run == "\u2026" else " "
        for place in places:
            pieces.append(piece)
            starts.append(length)
            origins.append(place)
            length += 1
    if done < len(same) or not starts:
        pieces.append(same[done:])
        starts.append(length)
        origins.append(done)
    return _Folded("".join(pieces), starts, origins)


_FOLDED_SOURCES: OrderedDict[str, _Folded] = OrderedDict()  # the last few sources' folded texts
_FOLDED_LOCK = threading.Lock()


def _folded_source(text: str, budget: Budget | None = None) -> _Folded:
    """A source's folded text, folded once for all its excerpts (and for every quote pasted into it)."""
    with _FOLDED_LOCK:
        found = _FOLDED_SOURCES.get(text)
    if found is None:
        found = _fold(text, budget)
        with _FOLDED_LOCK:
            _FOLDED_SOURCES[text] = found
            while len(_FOLDED_SOURCES) > 4:
                _FOLDED_SOURCES.popitem(last=False)
    return found


def _folded(text: str) -> tuple[str, list[int]]:
    """Text folded for forgiving matching, and for each folded character the offset it came from (short texts)."""
    folded = _fold(text)
    return folded.text, [folded.original(i) for i in range(len(folded.text))]


@dataclass(frozen=True)
class Match:
    """Where a quote was found in a text (start and end offsets)."""

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


# What copying from a PDF viewer adds to a quote: ligature characters ("oﬃcial") and a word hyphenated at a line end
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})
_LIGATURES.update(str.maketrans({"\ufb05": "st", "\ufb06": "st"}))
# (or the line end pasted as a space, as a terminal and some viewers do: "offi- cial")
_LINE_END_HYPHEN = lazy(r"(?<=\w)[-\u00ad\u2010]\s+(?=\w)")
_LIGATURE_CHARACTERS = lazy("[\ufb00-\ufb06]")
# a hyphen between two letters: forgiven when a quote lacks it (or has it where the source lacks it) only after
# the plain match fails ("rhoncus" for a PDF's "rhon-cus", kept because the whole word occurs nowhere else); with
# the space a line end became in text imported before its line ends were joined ("offi- cial")
_WORD_HYPHEN = lazy(r"(?<=[^\W\d_])- ?(?=[^\W\d_])")


def find_quote(text: str, quote: str) -> list[Match]:
    """Every place a pasted quote occurs in text, forgiving white space, quote marks and dashes, and what copying
    from a PDF viewer changes: ligatures, and a word hyphenated at a line end ("agree-⏎ment": "agreement", or
    "well-known" when the source has the hyphen), or a source's hyphen inside a word the quote has whole.

    Offsets are in the original text, so the stored quote is always the source's own characters.
    """
    found = _find_quote(text, quote)
    if not found and _LIGATURE_CHARACTERS.search(text):  # a source pasted from a PDF viewer has them: "ﬁnancial"
        letters = _substituted(text, _LIGATURE_CHARACTERS, lambda ligature: ligature.translate(_LIGATURES))
        found = [
            Match(letters.original(m.start), letters.original(m.end - 1) + 1) for m in find_quote(letters.text, quote)
        ]
    if not found and _WORD_HYPHEN.search(text):  # a word a PDF hyphenated at a line end, typed whole ("rhon-cus")
        joined = _substituted(text, _WORD_HYPHEN, lambda hyphen: "")
        found = [
            Match(joined.original(m.start), joined.original(m.end - 1) + 1)
            for m in _find_quote(joined.text, _WORD_HYPHEN.sub("", quote))
        ]
    if found or not (quote.translate(_LIGATURES) != quote or _LINE_END_HYPHEN.search(quote)):
        return found
    plain = quote.translate(_LIGATURES)
    return _find_quote(text, _LINE_END_HYPHEN.sub("", plain)) or _find_quote(
        text, _LINE_END_HYPHEN.sub(lambda m: m.group()[0], plain)
    )


def _substituted(text: str, pattern: LazyPattern, replacement: Callable[[str], str]) -> _Folded:
    """The text with each match of pattern replaced (a ligature by its letters, a hyphen by nothing), and the way
    back to offsets in text: each character of a replacement maps back to its match."""
    pieces: list[str] = []
    starts: array[int] = array("q")
    origins: array[int] = array("q")
    length = done = 0
    for match in pattern.finditer(text):
        at = match.start()
        starts.append(length)  # the text before it, one for one
        origins.append(done)
        pieces.append(text[done:at])
        length += at - done
        for char in replacement(match.group()):
            starts.append(length)
            origins.append(at)
            pieces.append(char)
            length += 1
        done = match.end()
    starts.append(length)
    origins.append(done)
    pieces.append(text[done:])
    return _Folded("".join(pieces), starts, origins)


def _find_quote(text: str, quote: str) -> list[Match]:
    needle = _fold(quote.strip()).text
    if not needle.strip():
        return []
    exact = _occurrences(text, quote)
    if exact:
        return [Match(s, s + len(quote)) for s in exact]
    haystack = _folded_source(text)
    matches = []
    position = haystack.text.find(needle)
    while position != -1:
        matches.append(Match(haystack.original(position), haystack.original(position + len(needle) - 1) + 1))
        position = haystack.text.find(needle, position + 1)
    return matches


AnchorStatus = Literal["ok", "moved", "fuzzy", "lost", "unchecked"]

# Re-anchoring's bounds. Its cost is near linear in the source (exact and folded searches run in C), and the rest
# is bounded: a fixed number of candidate places for each quote, fuzzy alignment only for quotes of moderate length
# on a few windows, and a time budget for a whole check, after which an excerpt not at its place is "unchecked"
# (reported as such: never moved, never passed as sound).
CHECK_BUDGET_S = 1.0  # what the window may wait on opening a briefing; batch callers (check, export) may give more
MAX_CANDIDATES = 64  # places of a quote (or its folded form) considered, nearest the old place first
MAX_FUZZY_CHARS = 1_000  # longer quotes are found by their head and tail instead of aligned whole
FUZZY_WINDOWS = 8
EDGE_CHARS = 200  # the head and tail of a long quote


class Budget:
    """A deadline shared by the excerpts of one check: past it, what is left is reported "unchecked"."""

    def __init__(self, seconds: float = CHECK_BUDGET_S) -> None:
        self.deadline = time.monotonic() + seconds

    def spent(self) -> bool:
        return time.monotonic() > self.deadline


@dataclass(frozen=True)
class AnchorReport:
    """What re-anchoring an excerpt found: its status and its old and new anchors."""

    excerpt_id: str
    status: AnchorStatus
    old: Anchor
    new: Anchor | None  # None when lost or unchecked
    similarity: float = 1.0

    def describe(self) -> Message:
        """What became of the quotation, in a sentence (a message: the window shows it in its language)."""
        quote = _short(self.old.exact)
        if self.status == "ok":
            return Message(QT_TRANSLATE_NOOP("Messages", "“{quote}” is where it was"), quote=quote)
        if self.status == "moved":
            return Message(
                QT_TRANSLATE_NOOP("Messages", "“{quote}” moved from {old} to {new}"),
                quote=quote,
                old=self.old.start,
                new=self.new.start if self.new else "?",
            )
        if self.status == "fuzzy":
            return Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "“{quote}” no longer occurs word for word; nearest text ({percent}% alike) is “{new}”"
                ),
                quote=quote,
                percent=f"{self.similarity * 100:.0f}",
                new=_short(self.new.exact if self.new else ""),
            )
        if self.status == "unchecked":
            return Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "“{quote}” is not where it was, and could not be re-anchored in the time allowed "
                    "(a very large or repetitive source); check it by hand",
                ),
                quote=quote,
            )
        return Message(QT_TRANSLATE_NOOP("Messages", "“{quote}” cannot be found in the source"), quote=quote)


def _short(text: str, limit: int = 60) -> str:
    """A quotation on one line, cut short (the message around it puts the quotation marks of its language)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _similarity(a: str, b: str) -> float:
    if len(a) + len(b) > 2 * MAX_FUZZY_CHARS:
        # Aligning long texts costs their lengths multiplied: the share of characters they have in common (what
        # difflib's quick_ratio says, counted in C here) is linear, and an upper bound of the alignment's ratio.
        common = Counter(a) & Counter(b)
        return 2 * sum(common.values()) / (len(a) + len(b))
    import difflib  # only re-anchoring needs it; start-up does not

    return difflib.SequenceMatcher(None, a, b).ratio()


def _context_score(text: str, start: int, end: int, anchor: Anchor) -> float:
    # The context Briefing writes is CONTEXT_CHARS long; a hand-edited one may be far longer: only its ends count.
    prefix, suffix = anchor.prefix[-2 * CONTEXT_CHARS :], anchor.suffix[: 2 * CONTEXT_CHARS]
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    return _similarity(before, prefix) + _similarity(after, suffix)


def _nearest(text: str, needle: str, around: int, limit: int = MAX_CANDIDATES) -> list[int]:
    """Up to limit places of needle in text (overlapping ones too), the nearest to offset around first.

    Found by str.find outwards from around: the cost is bounded by limit, not by how often needle occurs.
    """
    found: list[int] = []
    after = text.find(needle, max(0, around))
    before = text.rfind(needle, 0, max(0, around) + len(needle) - 1)
    while len(found) < limit and (after != -1 or before != -1):
        if after != -1 and (before == -1 or after - around <= around - before):
            found.append(after)
            after = text.find(needle, after + 1)
        else:
            found.append(before)
            before = text.rfind(needle, 0, before + len(needle) - 1) if before > 0 else -1
    return found


def locate(text: str, anchor: Anchor, budget: Budget | None = None) -> tuple[AnchorStatus, Anchor | None, float]:
    """Find an anchor in (possibly changed) text: by offsets, then the exact quote with its context, then the
    quote folded (white space, quote marks, dashes), then fuzzily; "unchecked" when the budget ran out first.

    Returns (status, new anchor or None when lost or unchecked, similarity of the found text to the quote).
    """
    if not anchor.exact:
        return "lost", None, 0.0  # an empty quote is found everywhere, so it says nowhere
    if text[anchor.start : anchor.end] == anchor.exact:
        return "ok", anchor, 1.0
    if budget is not None and budget.spent():
        return "unchecked", None, 0.0
    exact = anchor.exact
    starts = _nearest(text, exact, anchor.start)
    if starts:
        # The quote with all its context, wherever it is (one search), then the nearest copies of the quote alone:
        # the context decides between copies, then closeness to the old place.
        whole = text.find(anchor.prefix + exact + anchor.suffix)
        if whole != -1:
            starts.append(whole + len(anchor.prefix))
        best = max(starts, key=lambda s: (_context_score(text, s, s + len(exact), anchor), -abs(s - anchor.start)))
        return "moved", make_anchor(text, best, best + len(exact)), 1.0
    try:
        folded = _folded_matches(text, anchor, budget)
    except _Spent:
        return "unchecked", None, 0.0
    if folded:
        best_match = max(folded, key=lambda m: _context_score(text, m.start, m.end, anchor))
        new = make_anchor(text, best_match.start, best_match.end)
        return "fuzzy", new, _similarity(exact, new.exact)
    if budget is not None and budget.spent():
        return "unchecked", None, 0.0
    found = _fuzzy_find(text, anchor, budget) if len(exact) <= MAX_FUZZY_CHARS else _edges_find(text, anchor)
    if found is None:
        return ("unchecked" if budget is not None and budget.spent() else "lost"), None, 0.0
    start, end, similarity = found
    return "fuzzy", make_anchor(text, start, end), similarity


def _folded_matches(text: str, anchor: Anchor, budget: Budget | None) -> list[Match]:
    """Places of the quote once quote marks, dashes and white space are folded: the nearest to the old place."""
    needle = _fold(anchor.exact.strip()).text
    if not needle.strip():
        return []
    haystack = _folded_source(text, budget)
    around = bisect.bisect_right(haystack.origins, anchor.start) - 1  # the old place, roughly, in folded offsets
    around = haystack.starts[max(0, around)]
    return [
        Match(haystack.original(p), haystack.original(p + len(needle) - 1) + 1)
        for p in _nearest(haystack.text, needle, around)
    ]


_WORD = lazy(r"\w{4,}")


@functools.lru_cache(maxsize=4096)  # the quotes of one source share many words; each search scans the text
def _word_places(text: str, word: str, limit: int = 50) -> list[int] | None:
    """Where word occurs in text as a whole word; None when more than limit times (too common to say where)."""
    places: list[int] = []
    position = text.find(word)
    substrings = 0
    while position != -1:
        substrings += 1
        if substrings > 10 * limit:
            return None  # inside so many other words that it says nothing either
        end = position + len(word)
        if not (position and _WORD_CHAR.match(text, position - 1)) and not _WORD_CHAR.match(text, end):
            places.append(position)
            if len(places) > limit:
                return None
        position = text.find(word, position + 1)
    return places


_WORD_CHAR = lazy(r"\w")


def _fuzzy_find(text: str, anchor: Anchor, budget: Budget | None = None) -> tuple[int, int, float] | None:
    """The passage most like the quote, if at least FUZZY_THRESHOLD of it survives.

    Candidate places come from words of the quote that still occur (each found with a bounded number of
    searches); each is then aligned character by character with difflib, on a window a little larger than the
    quote (a quote is at most MAX_FUZZY_CHARS long here, and at most FUZZY_WINDOWS windows are aligned).
    """
    import difflib

    quote = anchor.exact
    words = [(m.start(), m.group()) for m in _WORD.finditer(quote)]
    votes: dict[int, int] = {}
    for offset, word in words[:40]:
        if budget is not None and budget.spent():
            return None
        occurrences = _word_places(text, word)
        if occurrences is None:
            continue  # too common to say where the quote is
        for occurrence in occurrences:
            guess = (occurrence - offset) // 16  # bucket nearby guesses together
            votes[guess] = votes.get(guess, 0) + 1
    best: tuple[int, int, float] | None = None
    slack = max(16, len(quote) // 4)
    for bucket, _ in sorted(votes.items(), key=lambda kv: -kv[1])[:FUZZY_WINDOWS]:
        if budget is not None and budget.spent():
            return None
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


def _edges_find(text: str, anchor: Anchor) -> tuple[int, int, float] | None:
    """A long quote changed inside: found by its head and tail (each exactly, nearest the old place), if the
    passage between them is about as long as the quote and alike enough (a linear estimate of likeness)."""
    quote = anchor.exact
    head, tail = quote[:EDGE_CHARS], quote[-EDGE_CHARS:]
    spans = []
    for start in _nearest(text, head, anchor.start, 8):
        for tail_at in _nearest(text, tail, start + len(quote) - len(tail), 8):
            end = tail_at + len(tail)
            if start < end and abs((end - start) - len(quote)) <= len(quote) // 4:
                spans.append((abs(start - anchor.start), start, end))
    best: tuple[int, int, float] | None = None
    for _, start, end in sorted(spans)[:4]:  # each likeness costs the quote's length: the nearest few only
        similarity = _similarity(quote, text[start:end])
        if similarity >= FUZZY_THRESHOLD and (best is None or similarity > best[2]):
            best = (start, end, similarity)
    return best


def reanchor_excerpts(excerpts: list[Excerpt], text: str, budget: Budget | None = None) -> list[AnchorReport]:
    """Locate each excerpt in (new) text; returns reports and leaves the excerpts untouched.

    Applying a re-anchor is an operation (operations.ReplaceSourceText) so that it can be undone, and
    so that fuzzy and lost excerpts are always shown to the analyst, never moved silently. The budget (by default
    CHECK_BUDGET_S for the call) bounds the time: excerpts left when it runs out are "unchecked".
    """
    budget = budget or Budget()
    return [AnchorReport(e.id, *_report_parts(text, e.anchor, budget)) for e in excerpts]


def _report_parts(text: str, anchor: Anchor, budget: Budget) -> tuple[AnchorStatus, Anchor, Anchor | None, float]:
    status, new, similarity = locate(text, anchor, budget)
    return status, anchor, new, similarity


def check_anchors(briefing: Briefing, budget_s: float = CHECK_BUDGET_S) -> list[AnchorReport]:
    """Locate every excerpt's anchor in its source; a report for each excerpt, in note order.

    Bounded by budget_s seconds in all (plus at most one alignment): excerpts at their place are always found so;
    the others left when time runs out are reported "unchecked". A window calling this on its own thread should
    give it a budget it can afford to wait.
    """
    known = {s.id: s.text for s in briefing.sources}
    budget = Budget(budget_s)
    reports = []
    for _, excerpt in briefing.excerpts():
        if excerpt.source_id not in known:
            reports.append(AnchorReport(excerpt.id, "lost", excerpt.anchor, None, 0.0))
        else:
            reports.extend(reanchor_excerpts([excerpt], known[excerpt.source_id], budget))
    return reports
