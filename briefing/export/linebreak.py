"""Where a line may break inside a word (a run of text without spaces), as LibreOffice breaks the DOCX.

ReportLab breaks lines only at spaces (and, with embeddedHyphenation, after a hyphen between letters); LibreOffice
breaks with ICU's line breaking (UAX #14, tailored): inside a web address after a hyphen, a "?" or "!", before a "%",
and so on. A footnote's long address then took a line more in the PDF than in the DOCX, and a long note drifted a
page apart (issue 13). The rules here are the ones LibreOffice was seen to apply (Writer 7.x, a DOCX of test words
in a monospaced font, each pushed across a line end at every position; docs/export.md, "Line breaks"). Notably
it does not break after ",", ".", ":", ";", "_", "=" or "&" between letters or digits, so neither does this; after
a "/" it moves the whole word to the next line instead (break_at).

install() makes ReportLab's paragraphs (those with embeddedHyphenation, all of the export's) use these
opportunities where a word does not fit at the end of a line: the word is split in two with nothing added (no
hyphen, no space), so the text read back from the PDF is unchanged apart from the line end. Right-to-left text
keeps ReportLab's own splitting.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import Any

# A break may follow these: hyphens and dashes (UAX #14 HY, BA, B2), "|", "\", "?", "!" (EX) and "…" (IN)
BREAK_AFTER = frozenset("-\u2010\u2012\u2013\u2014|\\?!\u2026")
# and come before these: the em dash (B2) and "%" (PO) after a letter
BREAK_BEFORE = frozenset("\u2014%")
# Never a break before these (closing marks, punctuation that ends a phrase, another hyphen: UAX #14 CL, CP, IS, EX,
# SY, HY, BA; CJK closing punctuation, small kana and the prolonged sound mark: NS)
NO_BREAK_BEFORE = frozenset(
    "-\u2010\u2012\u2013|)]},.;:!?/\u00bb\u2019\u201d\"'"
    "\u3001\u3002\uff0c\uff0e\u30fb\uff1a\uff1b\uff01\uff1f\uff09\u300d\u300f\u3011\u3015\u3009\u300b\u30fc\u3005"
    "\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7"
)
OPENING = frozenset("([{\uff08\u300c\u300e\u3010\u3014\u3008\u300a")
CLOSING = frozenset(")]}")
# Every break above has one of these, or an ideographic character, before or after it (the ideographs are told
# apart by _ideographic: a class of their 41,000 code points would cost 3.5 ms to compile at every start)
_MAY_BREAK = re.compile("[-\u2010\u2012\u2013\u2014|\\\\?!\u2026%)\\]}]")


def _ideographic(char: str) -> bool:
    """Han, kana, Hangul, CJK punctuation and full-width forms (UAX #14 ID, CL, NS): a line may break after them."""
    code = ord(char)
    return (
        0x3000 <= code <= 0x30FF
        or 0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
    )


def _may_break_somewhere(word: str) -> bool:
    """False for a word with no break (most words, asked at every line's end), found without looking at each
    character: every break has a character of _MAY_BREAK or an ideograph before or after it."""
    return bool(_MAY_BREAK.search(word)) or (not word.isascii() and any(map(_ideographic, word)))


def _may_break(before: str, after: str) -> bool:
    """Whether a line may break between these two characters."""
    if after in NO_BREAK_BEFORE:
        return False
    return (
        (before in BREAK_AFTER and not before == after == "\u2014")
        or (after == "\u2014" and before != "\u2014")
        or (after == "%" and not before.isdigit())
        or (before in CLOSING and after in OPENING)
        or (_ideographic(before) and before not in OPENING)  # CJK: before anything but closing punctuation
    )


def breaks(word: str) -> tuple[int, ...]:
    """The offsets (1 to len - 1) at which a line may break inside `word`, a run of text without spaces."""
    if not _may_break_somewhere(word):
        return ()
    return tuple(i for i in range(1, len(word)) if _may_break(word[i - 1], word[i]))


def _fitting(word: str, head_width: Callable[[int], float], room: float) -> int:
    """The longest head of `word` (0 to len - 1 characters) that fits in room: heads grow with their length."""
    return bisect_right(range(1, len(word)), False, key=lambda i: head_width(i) > room)


def break_at(word: str, head_width: Callable[[int], float], room: float) -> int | None:
    """Where to break `word` when only `room` of it fits on the line (head_width(i): the width of word[:i]): its last
    break that fits, or None (the whole word goes to the next line)."""
    at = None
    if _may_break_somewhere(word):
        # the last break at or before the longest head that fits, looked for from there back (a Chinese sentence,
        # one word of a hundred characters, may break after nearly every one: a step or two), rather than all the
        # word's breaks found and measured
        at = next((i for i in range(_fitting(word, head_width, room), 0, -1) if _may_break(word[i - 1], word[i])), None)
    # LibreOffice may break after a "/" too, but then moves that break back to the space before the word (its rule
    # for paths): a "/" after the last break that fits, with the character after it fitting too, sends the whole word
    # to the next line (or, at the start of a line, has it cut where the line is full)
    slash = word.find("/", at or 0, len(word) - 1)
    while slash >= 0 and word[slash + 1] in NO_BREAK_BEFORE:  # no break in "//", "/." or "/?"
        slash = word.find("/", slash + 1, len(word) - 1)
    return None if slash >= 0 and head_width(slash + 2) <= room else at


def cut_at(word: str, head_width: Callable[[int], float], room: float) -> int:
    """Where to cut `word`, alone on its line and still wider than it, with no break that fits: after its last
    character that fits (at least one, and never before a combining mark), as LibreOffice cuts a long token."""
    at = max(1, _fitting(word, head_width, room))
    while at > 1 and unicodedata.combining(word[at]):
        at -= 1
    return at


def install() -> None:
    """Make ReportLab split a word that overflows a line at its last break that fits (once per process)."""
    from reportlab.platypus import paragraph as rl

    if getattr(rl._hyphenateWord, "briefing", False):
        return
    plain_word, frag_word = rl._hyphenateWord, rl._hyphenateFragWord

    # A word wider than a line with no break that fits in what is left of this one starts the next line, where it
    # breaks at its last break that fits, as in LibreOffice (ReportLab would cut it between any two letters right
    # here): an empty head makes ReportLab end this line and lay the word out again on the next.
    # Only where the style asks for embeddedHyphenation (ours all do; a <nobr> fragment turns it off), without a
    # dictionary hyphenator; right-to-left words keep ReportLab's splitting
    def hyphenate_word(hyphenator: Any, font_name: str, font_size: float, word: str, word_width: float,
                       new_width: float, max_width: float, *rest: Any) -> Any:  # fmt: skip
        # new_width - word_width: the line so far with its space
        if hyphenator or not rest[1] or rl.isBidiStr(word) or not word_width:
            return plain_word(hyphenator, font_name, font_size, word, word_width, new_width, max_width, *rest)
        before = new_width - word_width
        width = lambda i: rl.stringWidth(word[:i], font_name, font_size)  # noqa: E731
        at = break_at(word, width, max_width - before)
        if not at and before <= 0 and word_width > max_width:
            # alone on the line and too wide: cut it where the line is full (ReportLab would let the rest of a word
            # it had split once run past the margin, off the page)
            at = cut_at(word, width, max_width)
        if at:
            return [rl._SplitWordH(word[:at]), rl._SplitWordEnd(word[at:])]
        if before > 0 and word_width > max_width:  # to the next line
            return [rl._SplitWordH(""), word]
        return None

    def hyphenate_frag_word(hyphenator: Any, fw: Any, new_width: float, max_width: float, *rest: Any) -> Any:
        # fw: [width, (fragment, text), ...], a word in one or more fonts; ReportLab's own when raised or with images
        joined = rl._fragWordSplitRep(fw)
        if hyphenator or not rest[1] or not fw[0] or not joined:
            return frag_word(hyphenator, fw, new_width, max_width, *rest)
        owners: tuple[tuple[int, int], ...]
        text, owners = joined  # owners[i]: (index in fw of the fragment holding character i, its first character)
        room = max_width - (new_width - fw[0])
        # each fragment measured once (the tail's whole fragments reuse these), and the widths of the whole
        # fragments before each one, added in order (as the sum in head_width would add them)
        widths: list[float] = [rl.stringWidth(t, f.fontName, f.fontSize) for f, t in fw[1:]]
        before: list[float] = list(accumulate(widths, initial=0))

        def head_width(at: int) -> float:  # the width of the text's first `at` characters
            index, first = owners[at]
            if at == first:
                return before[index - 1]
            frag, piece = fw[index]
            part: float = rl.stringWidth(piece[: at - first], frag.fontName, frag.fontSize)
            return before[index - 1] + part

        at = break_at(text, head_width, room)
        if not at and room >= max_width and fw[0] > max_width:  # alone on the line and too wide: cut where it is full
            at = cut_at(text, head_width, room)
        if at:
            index, first = owners[at]
            frag, piece = fw[index]
            parts = fw[1:index] if at == first else [*fw[1:index], (frag, piece[: at - first])]
            tail = [(frag, piece[at - first :]), *fw[index + 1 :]]
            # (the same floats added in the same order as measuring each piece of the tail again)
            tail_width = sum([rl.stringWidth(tail[0][1], frag.fontName, frag.fontSize), *widths[index:]])
            tail_class = rl._SplitFragHS if isinstance(fw, rl._HSFrag) else rl._SplitFrag
            return [rl._SplitFragH([head_width(at), *parts]), tail_class([tail_width, *tail])]
        if room < max_width and fw[0] > max_width:  # to the next line
            return [rl._SplitFragH([0, (fw[1][0], "")]), fw]
        return None

    # When ReportLab lays a paragraph out again (split at a page, or wrapped once more by KeepTogether), it rejoins
    # the words it split; its rejoin strips a "-" from the end of every head, also a hyphen that was in the text
    # (613-555-0100 printed as 613-5550100 on the next layout). Only a head with a hyphen ReportLab added
    # (_SplitFragHY) loses it here.
    def rejoin_split_frag_words(split: list[Any]) -> Any:
        if any(isinstance(t, rl._SHYIndexedStr) for part in split for _, t in part[1:]):
            return rejoin(split)  # soft hyphens: ReportLab's own bookkeeping
        joined: list[Any] = [0]
        width, style = 0.0, None
        for part in split:
            width += part[0]
            added = isinstance(part, rl._SplitFragHY)
            for piece in part[1:]:
                frag, text = piece
                if added and piece is part[-1]:
                    width -= rl.stringWidth(text[-1], frag.fontName, frag.fontSize) + 1e-8
                    text = text[:-1]
                if style is frag:
                    joined[-1] = (frag, joined[-1][1] + text)
                else:
                    joined.append((frag, text))
                    style = frag
        joined[0] = width
        return rl._reconstructSplitFrags(split[-1])(joined)

    rejoin = rl._rejoinSplitFragWords
    hyphenate_word.briefing = True  # type: ignore[attr-defined]
    rl._hyphenateWord, rl._hyphenateFragWord = hyphenate_word, hyphenate_frag_word
    rl._rejoinSplitFragWords = rejoin_split_frag_words
