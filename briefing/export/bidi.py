"""Right-to-left text for renderers that draw glyphs left to right (ReportLab): shaping and visual order.

Arabic and Persian letters are joined with arabic-reshaper (MIT), which maps them to their contextual
presentation forms; then a compact form of the Unicode bidirectional algorithm (paragraph level, strong
types, numbers, neutrals, mirrored brackets) puts one line into visual order. python-bidi would do the
second part fully, but is LGPL; briefing notes need no explicit embeddings or isolates.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache
from typing import Any, TypeVar

from briefing.core.lazy_regex import lazy
from briefing.core.script import RTL_CLASSES, SCRIPT_BLOCKS, has_rtl, is_rtl, is_rtl_char

# Hebrew cantillation and vowel points (not maqaf U+05BE, paseq U+05C0, sof pasuq U+05C3, nun hafukha U+05C6)
_HEBREW_POINTS = re.compile(r"[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")
T = TypeVar("T")
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
_MIRRORABLE = re.compile("[()\\[\\]{}<>«»‹›]")


def _mirrored(text: str) -> str:
    """Right-to-left text with its brackets mirrored. Searched first: str.translate looks every character of
    text past ASCII up in the table, and each one the table lacks raises and clears a KeyError (some 1,500
    instructions a character of Arabic)."""
    return text.translate(_MIRROR) if _MIRRORABLE.search(text) else text


@lru_cache(maxsize=2)
def _reshaper(marks: bool = False) -> object:
    import arabic_reshaper

    # with marks, no Allah ligature: its glyph draws a shadda and alef of its own, and the word's marks would come
    # after it (in Noto Naskh Arabic the three letters are narrower, so the line still fits as measured)
    options = {"delete_harakat": not marks, "support_ligatures": True, "ARABIC LIGATURE ALLAH": not marks}
    reshaper = arabic_reshaper.ArabicReshaper(options)
    reshaper.configuration = _OptionsReadOnce(reshaper.configuration, _options_given(options))
    return reshaper


def _options_given(options: dict[str, bool]) -> dict[str, bool]:
    """The reshaper's yes-or-no options as its configuration holds them: its defaults with `options` over them
    (what its configparser was given), unless a configuration file named in the environment may change them."""
    import os

    from arabic_reshaper import reshaper_config

    defaults = getattr(reshaper_config, "default_config", None)
    if os.environ.get("PYTHON_ARABIC_RESHAPER_CONFIGURATION_FILE") or not isinstance(defaults, dict):
        return {}
    return {name: value for name, value in {**defaults, **options}.items() if isinstance(value, bool)}


class _OptionsReadOnce:
    """arabic-reshaper's options as it reads them, each read once: it reads five or six through configparser on
    every call, a third of its time for a line, and each of its 285 ligatures' once (2 ms). The options given
    (_options_given) are answered without configparser."""

    def __init__(self, options: Any, given: dict[str, bool] | None = None) -> None:
        self._options = options
        # (configparser's option names are case-insensitive: its optionxform lowers them)
        self._read: dict[str, bool] = {name.lower(): value for name, value in (given or {}).items()}

    def getboolean(self, name: str) -> bool:
        key = name.lower()
        if key not in self._read:
            self._read[key] = self._options.getboolean(name)
        return self._read[key]

    def __getattr__(self, name: str) -> Any:  # anything else: as configparser has it
        return getattr(self._options, name)


# Lines whose shaping is already known: a right-to-left paragraph is shaped whole to break it into lines, and its
# letters join only within words, so each line's shaping is a slice of it (see pdftext._rtl_lines).
_SHAPED: dict[str, str] = {}
_SHAPED_MARKS: dict[str, str] = {}  # the same, shaped with their marks (shape(line, marks=True))


def remember_shaped(line: str, shaped: str, marks: bool = False) -> None:
    """Record the shaping of a line cut from a paragraph shaped whole, for shape() to give without reshaping."""
    known = _SHAPED_MARKS if marks else _SHAPED
    if len(known) >= 4096:
        known.clear()
    known[line] = shaped


def has_marks(text: str) -> bool:
    """Whether shape() without marks would leave some character out (see _dropped): one search at C speed, where
    looking at each character made a string of each (a quotation's line is asked twice)."""
    return _MARKS.search(text) is not None


def shape(text: str, marks: bool = False) -> str:
    """Arabic-script letters replaced by their joined presentation forms, Hebrew points dropped; other text
    unchanged. ReportLab alone cannot position combining marks, so like Arabic harakat (delete_harakat below) the
    optional Hebrew vowel points and cantillation would land on the wrong letter: the letters are kept. With
    marks, both are kept, each after its letter, for a line whose marks pdfmarkplace positions."""
    if marks and has_marks(text):
        known = _SHAPED_MARKS.get(text)
        if known is not None:
            return known
        if SCRIPT_BLOCKS["Arabic"].search(text) is None:
            return text
        return _reshape(text, True)
    known = _SHAPED.get(text)
    if known is not None:
        return known
    text = _HEBREW_POINTS.sub("", text)
    if SCRIPT_BLOCKS["Arabic"].search(text) is None:
        return text
    return _reshape(text, False)


def _reshape(text: str, marks: bool) -> str:
    """arabic-reshaper's shaping of the text, word by word: letters join only within a word, so each word is shaped
    once per process (a note's words come back again and again). The whole text at once where something joins
    across words: a zero-width joiner, or a phrase ligature (several words as one glyph; none is switched on)."""
    if "\u200d" in text or _ligatures_span_words(marks):
        whole: str = _reshaper(marks).reshape(text)  # type: ignore[attr-defined]
        return whole
    return " ".join([_reshape_word(word, marks) for word in text.split(" ")])


@lru_cache(maxsize=16384)
def _reshape_word(word: str, marks: bool) -> str:
    shaped: str = _reshaper(marks).reshape(word)  # type: ignore[attr-defined]
    return shaped


@lru_cache(maxsize=2)
def _ligatures_span_words(marks: bool) -> bool:
    """Whether one of the ligatures the reshaper draws is of several words (its pattern has a space)."""
    return " " in _reshaper(marks)._ligatures_re.pattern  # type: ignore[attr-defined]


def _kind_of(bidi_class: str) -> str:
    """R (right-to-left letter), L (left-to-right letter), N (digit) or O (neutral: space, punctuation)."""
    if bidi_class in RTL_CLASSES:
        return "R"
    return "L" if bidi_class == "L" else "N" if bidi_class in ("EN", "AN") else "O"


def _kinds(text: str) -> list[str]:
    """Each character's kind, numbers resolved as the Unicode rules W2, W4 and W5 do (and Word, LibreOffice and
    Qt with them): a number is one left-to-right unit with a single separator between its digits (16:20, 3.5,
    1,000, 15/04/2016) and a sign touching it (12.5%, $5). After Arabic letters digits are Arabic numbers, which
    only a comma, point, colon or slash joins (so Arabic text shows 2024-2025 as two numbers, and % on the left)."""
    classes = [unicodedata.bidirectional(ch) for ch in text]
    strong = "L"
    for i, cls in enumerate(classes):
        if cls in ("L", "R", "AL"):
            strong = cls
        elif cls == "EN" and strong == "AL":  # W2
            classes[i] = "AN"
    for i in range(1, len(text) - 1):  # W4
        before, after = classes[i - 1], classes[i + 1]
        if (before == after == "EN" and classes[i] in ("ES", "CS")) or (before == after == "AN" and classes[i] == "CS"):
            classes[i] = before
    i = 0
    while i < len(text):  # W5
        j = i
        while j < len(text) and classes[j] == "ET":
            j += 1
        if j > i and ((i > 0 and classes[i - 1] == "EN") or (j < len(text) and classes[j] == "EN")):
            classes[i:j] = ["EN"] * (j - i)
        i = max(j, i + 1)
    return [_kind_of(bidi_class) for bidi_class in classes]


def levels(text: str, rtl_base: bool) -> list[int]:
    """Embedding level per character (even: left to right, odd: right to left)."""
    base = 1 if rtl_base else 0
    kinds = _kinds(text)
    # numbers take the direction of the last strong letter before them for neutral resolution
    strong: list[str] = []
    last = "R" if rtl_base else "L"
    for kind in kinds:
        if kind in "RL":
            last = kind
        strong.append(kind if kind in "RL" else ("R" if kind == "N" and last == "R" else ("L" if kind == "N" else "")))
    result = [base] * len(text)
    i = 0
    while i < len(text):
        kind = kinds[i]
        if kind == "R":
            result[i] = 1
        elif kind == "L":
            result[i] = 2 if base else 0
        elif kind == "N":
            result[i] = 2 if (base or strong[i] == "R") else 0
        else:  # a run of neutrals: the direction on both sides, if they agree, else the paragraph's
            j = i
            while j < len(text) and kinds[j] == "O":
                j += 1
            before = strong[i - 1] if i > 0 else ("R" if rtl_base else "L")
            after = strong[j] if j < len(text) else ("R" if rtl_base else "L")
            level = base
            if before == after:
                level = 1 if before == "R" else (2 if base else 0)
            if level == 1 and base == 0 and (i == 0 or j == len(text)):
                level = base
            for k in range(i, j):
                result[k] = level
            i = j
            continue
        i += 1
    return result


def _clusters(text: str) -> list[str]:
    """Base characters with their combining marks, so a reversal keeps marks after their letter. A zero-width
    non-joiner (Persian's می‌, ‌ها) is a cluster of its own: it stands between two letters, and reversed with the
    one before it would come out one letter early (and be read back there by text extraction)."""
    out: list[str] = []
    for ch in text:
        if out and (unicodedata.combining(ch) or ch == "\u200d"):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def visual(text: str, rtl_base: bool | None = None, marks: bool = False) -> str:
    """One line of logical text in visual (left-to-right drawing) order, Arabic letters joined (marks: with their
    combining marks, see shape)."""
    if not has_rtl(text):
        return text
    if rtl_base is None:
        rtl_base = is_rtl(text)
    if not rtl_base:
        cut = _ltr_tail(text, marks)
        if cut:  # the head reordered once per process: a footnote's text differs from the last by its tail
            return _visual_head(text[:cut], marks) + text[cut:]
    return _visual(text, rtl_base, marks)


# A left-to-right line may end, after its last right-to-left character, with a Latin word after a space and text
# that shaping and the bidi rules leave as it is ("“وكالة الأنباء”, para. 12."): the word's letter is strong and
# at the paragraph's level 0, so no reordering crosses it, and nothing before it changes what comes after (the
# rules look back to the last strong letter: it) nor after it what comes before (neutrals before it meet it, a
# left-to-right letter, as they would the line's end at level 0; the space before it is no number separator).
# Shaping joins letters only within a word. So the line is its head's visual order followed by the tail as it is.
_TAIL_WORD = lazy(" [A-Za-z]")  # (compiled for the first such line: a Latin-only note never asks)
_UNSHAPED = lazy("[^\u0590-\u08ff\ufb1d-\ufefc\u200d]*")  # no Hebrew, Arabic or joiner: shape leaves it


def _ltr_tail(text: str, marks: bool) -> int:
    """Where a left-to-right line's tail starts (see above), or 0; not where shaping joins across words."""
    last = len(text) - 1
    while last >= 0 and not is_rtl_char(text[last]):
        last -= 1
    found = _TAIL_WORD.search(text, last + 1)
    if found is None or "\u200d" in text:
        return 0
    if SCRIPT_BLOCKS["Arabic"].search(text) is not None and _ligatures_span_words(marks):
        return 0
    cut = found.start() + 1
    return cut if _UNSHAPED.fullmatch(text, cut) else 0


@lru_cache(maxsize=4096)
def _visual_head(text: str, marks: bool) -> str:
    return _visual(text, False, marks)


def _visual(text: str, rtl_base: bool, marks: bool) -> str:
    shaped = shape(text, marks)
    if rtl_base:
        chars = set(shaped)  # (one set for both: a string made of each character past Latin-1)
        if _all_right_to_left(shaped, chars):
            return _reversed_clusters(shaped, chars)
    return "".join(cluster for cluster, _ in _reordered(shaped, rtl_base))


@lru_cache(maxsize=1024)
def _kind_of_char(ch: str) -> str:
    return _kind_of(unicodedata.bidirectional(ch))


def _all_right_to_left(text: str, chars: set[str] | None = None) -> bool:
    """Whether every character of a right-to-left line is at level 1: no left-to-right letter and no digit (only
    they, and the separators and signs beside digits, take another level), so the line is its clusters reversed
    (the common case for an Arabic quotation; looked at per distinct character)."""
    return all(_kind_of_char(ch) in "RO" for ch in (set(text) if chars is None else chars))


@lru_cache(maxsize=64)
def _cluster_pattern(marks: str) -> re.Pattern[str]:
    return re.compile(f"(?s).[{re.escape(marks)}]*")


def _reversed_clusters(text: str, chars: set[str] | None = None) -> str:
    """_reordered for a line whose characters are all at level 1: its clusters (a character and the combining marks
    and joiner after it, see _clusters) in reverse order, brackets mirrored (chars: the set of text's characters)."""
    attached = "".join(
        sorted(ch for ch in (set(text) if chars is None else chars) if unicodedata.combining(ch) or ch == "\u200d")
    )
    if not attached:
        return _mirrored(text[::-1])
    return _mirrored("".join(reversed(_cluster_pattern(attached).findall(text))))


def _reordered(text: str, rtl_base: bool) -> list[tuple[str, int]]:
    """Shaped text's clusters in visual order, brackets mirrored where right to left, each with the index in text
    of its first character."""
    clusters = _clusters(text)
    starts = list(itertools.accumulate((len(c) for c in clusters[:-1]), initial=0))
    lv = levels("".join(c[0] for c in clusters), rtl_base)
    items = [(_mirrored(c) if level % 2 else c, start) for c, level, start in zip(clusters, lv, starts, strict=True)]
    top = max(lv, default=0)
    for level in range(top, 0, -1):
        i = 0
        while i < len(items):
            if lv[i] >= level:
                j = i
                while j < len(items) and lv[j] >= level:
                    j += 1
                items[i:j] = items[i:j][::-1]
                lv[i:j] = lv[i:j][::-1]
                i = j
            else:
                i += 1
    return items


def visual_runs(pieces: list[tuple[str, T]], rtl_base: bool = True, marks: bool = False) -> list[tuple[str, T]]:
    """One line given as logical pieces of text, each with its tag (a face: bold, italic), in visual order as
    pieces with their tags: Arabic letters join across pieces, as in Word, where bold can start mid-word.
    marks: keep Arabic harakat and Hebrew points (see shape), each in its letter's piece."""
    text = "".join(piece for piece, _ in pieces)
    tags = [tag for piece, tag in pieces for _ in piece]
    shaped = shape(text, marks)
    shaped_tags = _align(text, shaped, tags)
    if shaped_tags is None:  # (not expected) each piece joined on its own
        shaped = "".join(shape(piece, marks) for piece, _ in pieces)
        shaped_tags = [tag for piece, tag in pieces for _ in shape(piece, marks)]
    out: list[tuple[str, T]] = []
    for cluster, start in _reordered(shaped, rtl_base):
        tag = shaped_tags[start]
        if out and out[-1][1] == tag:
            out[-1] = (out[-1][0] + cluster, tag)
        else:
            out.append((cluster, tag))
    return out


def _align(text: str, shaped: str, tags: list[T]) -> list[T] | None:
    """The tag of each character of shape(text), from the characters of text it stands for: shape drops
    Arabic harakat and Hebrew points (or keeps them, moving a lam-alef's after its ligature) and draws some letter
    pairs as one ligature (lam-alef); else one for one. A mark kept takes its letter's tag. None when they do not
    line up."""
    letters = [tag for ch, tag in zip(text, tags, strict=True) if not _dropped(ch)]
    out: list[T] = []
    i = 0  # in letters
    for ch in shaped:
        if _dropped(ch):  # a mark shape kept: drawn with its letter (in its face)
            if not out and not letters:
                return None
            out.append(out[-1] if out else letters[0])
            continue
        if i >= len(letters):
            return None
        out.append(letters[i])
        ligature = "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff"
        i += len(unicodedata.normalize("NFKC", ch)) if ligature else 1
    return out if i == len(letters) else None


def _dropped(ch: str) -> bool:
    """Whether shape() leaves a character out: a combining mark of Arabic or Hebrew."""
    return unicodedata.combining(ch) > 0 and "\u0591" <= ch <= "\u08ff"


# The characters _dropped is true of, as a class (from this Python's Unicode tables, as _dropped reads them)
_MARKS = lazy("[" + "".join(chr(code) for code in range(0x591, 0x900) if _dropped(chr(code))) + "]")
