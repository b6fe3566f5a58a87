"""Writing direction and script of text: the one definition every importer, exporter and view uses.

A character is right-to-left when its Unicode bidirectional class is R (Hebrew and other right-to-left letters)
or AL (Arabic letters); left-to-right when it is L (Latin, Greek, Cyrillic, Devanagari, Chinese, ...). Every
other character (digits, spaces, punctuation, combining marks, the byte order mark, joiners) has no direction of
its own. The direction marks LRM and RLM are strong (classes L and R): setting a direction is what they are for.

- A paragraph's direction is that of its first strong character (the Unicode bidi rule P2): is_rtl.
- A whole source's direction is right-to-left when at least 30% of its strong characters are: direction. An
  Arabic article often starts with a Latin name or a date, and a first-letter rule would get it wrong.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Literal

from briefing.core.lazy_regex import lazy

RTL_CLASSES = frozenset({"R", "AL"})
# Blocks holding every R and AL character (Hebrew to Arabic Extended-A, the presentation forms, the historic
# right-to-left scripts, Adlam and Arabic mathematical letters): a quick pre-filter before the exact class test.
_RTL_BLOCKS = lazy("[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
SOURCE_SHARE = 0.3  # the share of right-to-left strong characters that makes a source right-to-left
SAMPLE = 20_000  # characters looked at to tell a source's direction

# Languages written right to left (ISO 639 codes, as an HTML page's lang or a mail header gives them).
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "ug", "ur", "yi"})


# The scripts the export needs a font of its own for, by the blocks their characters are in. (Compiled on first
# use: re walks every code point of a range it compiles, some 8 ms for the CJK ones.)
SCRIPT_BLOCKS = {
    "Arabic": lazy("[\u0600-\u08ff\ufb50-\ufdff\ufe70-\ufefc]"),
    "Hebrew": lazy("[\u0590-\u05ff\ufb1d-\ufb4f]"),
    "CJK": lazy("[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"),
}


def is_rtl_char(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in RTL_CLASSES


def has_rtl(text: str) -> bool:
    """Whether any character of the text is right-to-left."""
    return any(is_rtl_char(m.group()) for m in _RTL_BLOCKS.finditer(text))


def is_rtl(text: str) -> bool:
    """Whether a paragraph is right-to-left: its first strong character is (False when it has none)."""
    for ch in text:
        bidi_class = unicodedata.bidirectional(ch)
        if bidi_class in RTL_CLASSES:
            return True
        if bidi_class == "L":
            return False
    return False


def direction(text: str) -> Literal["rtl", "ltr", ""]:
    """A whole source's direction: "rtl" when enough of its strong characters are right-to-left (see above),
    "ltr" when it has strong characters, "" when it has none (only digits and punctuation)."""
    sample = text[:SAMPLE]
    rtl = sum(1 for m in _RTL_BLOCKS.finditer(sample) if is_rtl_char(m.group()))
    if rtl == 0:  # most texts: no need to look at every character
        return "ltr" if any(unicodedata.bidirectional(ch) == "L" for ch in sample) else ""
    ltr = sum(1 for ch in sample if unicodedata.bidirectional(ch) == "L")
    return "rtl" if rtl >= SOURCE_SHARE * (rtl + ltr) else "ltr"


def language_direction(language: str) -> Literal["rtl", "ltr", ""]:
    """The direction a language tag ("fa-IR", "he") implies: "rtl" for a right-to-left language, else ""."""
    return "rtl" if language.split("-")[0].strip().lower() in RTL_LANGUAGES else ""


def scripts(text: str) -> set[str]:
    """Which of SCRIPT_BLOCKS's scripts the text has characters of."""
    return {name for name, block in SCRIPT_BLOCKS.items() if block.search(text)}


def script_name(ch: str) -> str:
    """A letter's or mark's script as a reader calls it, from its Unicode name ("THAI CHARACTER KO KAI": Thai);
    "" for anything else (digits, punctuation, symbols, unnamed characters)."""
    name = unicodedata.name(ch, "")
    if unicodedata.category(ch)[0] not in "LM" or not name:
        return ""
    return name.split(" ")[0].title()


# Letters Persian has and Arabic does not (پ چ ژ گ, and the Persian forms of kaf and yeh), and Persian digits
_PERSIAN = lazy("[\u067e\u0686\u0698\u06af\u06a9\u06cc\u06f0-\u06f9\ufb56-\ufb95\ufbfc-\ufbff]")
# Scripts written by one language only, so the script tells the language: Greek, Thai, Armenian, Georgian
# (Cyrillic does not: Russian, Ukrainian, Bulgarian, Serbian... share it; nor Latin)
_ONE_LANGUAGE = {
    "el": lazy("[\u0370-\u03ff\u1f00-\u1fff]"),
    "th": lazy("[\u0e00-\u0e7f]"),
    "hy": lazy("[\u0530-\u058f]"),
    "ka": lazy("[\u10a0-\u10ff\u1c90-\u1cbf]"),
}
_KANA = lazy("[\u3040-\u30ff]")
_HANGUL = lazy("[\u1100-\u11ff\uac00-\ud7af]")


# Anything past Latin (Greek on): where a letter that may tell a language is. (A negated Latin range: compiling it
# walks no large range, so it is no lazy pattern.)
_PAST_LATIN = re.compile("[^\x00-\u036f]")


@functools.lru_cache(maxsize=1024)  # the PDF export asks for each paragraph's language twice (tree, then tags)
def language_of(text: str) -> str:
    """The language a text's script tells, as a language tag: "ar", "fa", "he", "zh", "ja", "ko", "el", "th",
    "hy" or "ka" when most of its letters are in that script; "" when the script does not tell (Latin, Cyrillic,
    ...: many languages)."""
    # (Searched, not iterated: iterating a text past Latin-1 makes a string of each character, the most of this
    # function's cost for an Arabic or Chinese quotation)
    if not any(found.group().isalpha() for found in _PAST_LATIN.finditer(text)):
        # No letter past Latin (’ — “ are punctuation): nothing to tell, and no pattern compiled, no search
        return ""
    if not any(block.search(text) for block in (*SCRIPT_BLOCKS.values(), *_ONE_LANGUAGE.values())):
        return ""  # the common case, at regex speed (the blocks one by one: compiling them as one costs 8 ms more)
    found = "".join(filter(str.isalpha, text))  # its letters (filter: at C speed, a quotation 5x faster)
    if not found:
        return ""
    for name, block in SCRIPT_BLOCKS.items():
        if block.subn("", found)[1] * 2 <= len(found):  # (subn counts without a string per letter, as findall makes)
            continue
        if name == "Arabic":
            return "fa" if _PERSIAN.search(found) else "ar"
        if name == "Hebrew":
            return "he"
        return "ja" if _KANA.search(found) else "ko" if _HANGUL.search(found) else "zh"
    for language, block in _ONE_LANGUAGE.items():
        if block.subn("", found)[1] * 2 > len(found):
            return language
    return ""
