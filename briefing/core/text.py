"""Normalising extracted text into a Source's text and blocks: the one place every importer ends up."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from briefing.core.lazy_regex import lazy
from briefing.core.model import Block

# C0/C1 controls other than tab and the line breaks below, and lone surrogates: never valid in a document (or XML).
_CONTROL = lazy(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff]")
# Every way text breaks a line: CR LF, CR, vertical tab, NEL, LINE SEPARATOR; and a paragraph: a form feed (a page
# break) and PARAGRAPH SEPARATOR. Deleting them would glue the words either side together.
_LINE_BREAK = lazy("\r\n|[\r\x0b\x85\u2028]")
_PARAGRAPH_BREAK = lazy("[\x0c\u2029]")
_SPACES = lazy(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


# For messages, not documents: control characters (a newline or an escape sequence in a file name) would break a
# one-line message or drive the terminal, and lone surrogates cannot be printed.
_UNPRINTABLE = lazy("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(text: str) -> str:
    """Text for a one-line message: control characters and lone surrogates shown escaped (\\n, \\x1b, \\udc80)."""
    return _UNPRINTABLE.sub(lambda m: ascii(m[0])[1:-1], text)


def normalise_breaks(text: str) -> str:
    """Every line break as "\n", and every paragraph or page break as a blank line ("\n\n")."""
    return _PARAGRAPH_BREAK.sub("\n\n", _LINE_BREAK.sub("\n", text))


def clean_block_text(text: str) -> str:
    """One block's text as stored: NFC, no control characters, single spaces, no line breaks.

    Line breaks inside a block are hard wraps or layout, so they become spaces; blocks are what carry
    the paragraph structure.
    """
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", normalise_breaks(text))
    text = text.replace("\n", " ")
    return _SPACES.sub(" ", text).strip()


def build_text(parts: Iterable[tuple[str, int, str]]) -> tuple[str, list[Block]]:
    """Join (kind, level, text) parts into normalised text with blocks separated by a blank line.

    Empty parts are dropped, so every block has text.
    """
    chunks: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for kind, level, raw in parts:
        text = clean_block_text(raw)
        if not text:
            continue
        if chunks:
            offset += 2  # the "\n\n" separator
        blocks.append(Block(kind=kind, start=offset, end=offset + len(text), level=level))
        chunks.append(text)
        offset += len(text)
    return "\n\n".join(chunks), blocks


# Chinese and Japanese are written without spaces: word processors count each ideograph and kana as a word, and
# their punctuation (、。，：「」) as none. Korean puts spaces between words, so it is counted by them.
# Compiled on first use: re walks every code point of a range as it compiles it, some 10 M instructions that each
# start of the window paid for its word counts, though most notes have no Chinese or Japanese.
@functools.cache
def _cjk() -> tuple[re.Pattern[str], re.Pattern[str]]:
    char = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
    punctuation = re.compile("[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]")
    return char, punctuation


def count_words(text: str) -> int:
    """Words as Word and LibreOffice count them: runs between spaces, and each Chinese or Japanese character."""
    if text.isascii() or max(text) < "\u3000":  # nothing Chinese or Japanese (all of it is from U+3000 on)
        return len(text.split())  # the common case, at split speed
    cjk_char, cjk_punctuation = _cjk()
    cjk = len(cjk_char.findall(text))
    return cjk + len(cjk_punctuation.sub(" ", cjk_char.sub(" ", text)).split())
