"""Where a line break falls inside a word: the one rule for text whose lines a layout broke (a PDF's lines, and
plain text copied from a PDF viewer or wrapped for an e-mail), so that a quotation never reads "offi- cial".

A hard hyphen "-" after a letter or digit at a line end stays, and the next line joins without a space (a
compound: "well-⏎known" is "well-known"), unless the word joined without it (the next line starting in lower case)
occurs elsewhere in the document while the hyphenated one does not ("offi-⏎cial" where "official" appears); a soft
hyphen (U+00AD) always goes. A dash between words ("Ottawa–⏎Gatineau") joins without a space too. A hyphen after
an abbreviation's full stop is a compound's too ("U.S.-⏎Mexico"). A hyphen before a conjunction is a suspended one
("short-⏎and long-term", "pre-⏎et post-électoral"): it keeps its space."""

from __future__ import annotations

import re
from collections.abc import Iterable

HYPHENATED = re.compile(r"\w[-\u00ad]$|\w\.-$")  # a word (or an abbreviation: "U.S.-") hyphenated at the line end
# the conjunctions after a suspended hyphen ("short- and long-term", "court- et long terme", "Vor- und Nachteile")
_SUSPENDED = re.compile(r"(?:and|or|nor|to|et|ou|und|oder|bis|y|e|o|u)(?:\s|$)")
_COMPOUND = re.compile(r"\w+(?:-\w+)*")  # a word, or words joined by hyphens ("government-to-government")


def document_words(lines: Iterable[str]) -> frozenset[str]:
    """The words (and hyphenated compounds) of a document's lines, folded: what a line-end hyphen is judged by."""
    return frozenset(word.casefold() for line in lines for word in _COMPOUND.findall(line))


def joined_at_line_end(line: str, next_line: str, words: frozenset[str]) -> str | None:
    """Two lines (stripped, neither empty) made one where the break between them is inside a word, by the rule
    above; None where they are separate words (joined by a space)."""
    if line[-1] in "\u2013\u2014" and line[-2:-1].isalnum() and next_line[:1].isalnum():
        return line + next_line  # a dash between words ("Ottawa–Gatineau"), not one set between spaces
    if line[-1] in "-\u00ad" and HYPHENATED.search(line) and next_line[:1].isalnum():
        if line[-1] == "-" and _SUSPENDED.match(next_line):
            return None  # a suspended hyphen: "short- and long-term" keeps its space
        split = line[-1] == "\u00ad" or (next_line[:1].islower() and _hyphenated_word(line, next_line, words))
        return (line[:-1] if split else line) + next_line
    return None


def _hyphenated_word(line: str, next_line: str, words: frozenset[str]) -> bool:
    """Whether a line-end hyphen only split a word: the document has the word whole elsewhere, never hyphenated."""
    left = _COMPOUND.findall(line)[-1]
    right = _COMPOUND.match(next_line)
    if right is None:
        return False
    return (left + right[0]).casefold() in words and f"{left}-{right[0]}".casefold() not in words


# a sign-off ("Regards,", "Thanks!", « Cordialement, »): the line ends its paragraph, and the lines after it (a name,
# a title, a telephone number) are each a line of their own, however long: in an e-mail's HTML and plain bodies alike
_SIGN_OFF = re.compile(
    r"(?:(?:kind|best|warm|warmest|many|with)\s+)?(?:regards|wishes|thanks|thank you|best|cheers|sincerely|"
    r"yours sincerely|yours truly|respectfully|cordially|all the best|take care|(?:bien\s+)?cordialement|merci|"
    r"merci beaucoup|bien à vous|salutations|meilleures salutations|amitiés)\s*[,.!]?",
    re.IGNORECASE,
)


def signs_off(line: str) -> bool:
    """Whether a line (stripped) is a sign-off alone."""
    return line[:1].isupper() and bool(_SIGN_OFF.fullmatch(line))  # ("… and many⏎thanks." is a paragraph's end)
