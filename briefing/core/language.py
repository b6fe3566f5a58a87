"""A note's language (English, French or bilingual) and everything French about it: the words an export prints
in French (labels, markings, page numbers, citations, dates) and French typography. Plain Python, the one home
of both for the exports and the command line; the window's own French is Qt's catalogue (resources/i18n).

French follows the Government of Canada's usage (the Translation Bureau's *Guide du rédacteur*): « guillemets »
with non-breaking spaces inside, a non-breaking space before : ; ? !, "4 décembre 2026", "1er décembre".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefing.core.lazy_regex import lazy
from briefing.core.model import LANGUAGES, Source
from briefing.core.script import language_of

NBSP = "\u00a0"
TAGS = {"en": "en-CA", "fr": "fr-CA"}  # BCP 47 tags the exports write (Canadian English and French)
LANGUAGE_NAMES = {"en": "English", "fr": "French", "bilingual": "Bilingual (English and French)"}

MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]

# The export's English words (labels from core/labels.py, the decision block, the watermark) and their French
FRENCH = {
    "Classification": "Classification de sécurité",
    "Document number": "Numéro du document",
    "Addressee": "Destinataire",
    "Purpose": "But",
    "Title": "Objet",
    "Title (French)": "Objet (français)",
    "Date": "Date",
    "Prepared by": "Préparé par",
    "Telephone": "Téléphone",
    "Approved by": "Approuvé par",
    "Consulted": "Consultés",
    "Language of the note": "Langue de la note",
    "For decision": "Pour décision",
    "For information": "Pour information",
    "Signature": "Signature",
    "I concur": "Je suis d’accord",  # the typographic apostrophe, as French text is set
    "I do not concur": "Je ne suis pas d’accord",
    "Sources": "Sources",
    "Analyst comment": "Commentaire de l’analyste",
    "DRAFT": "ÉBAUCHE",
    "Draft": "Ébauche",
}
# The security markings in French (Policy on Government Security): PROTECTED B is PROTÉGÉ B
MARKINGS_FR = {
    "UNCLASSIFIED": "NON CLASSIFIÉ",
    "PROTECTED A": "PROTÉGÉ A",
    "PROTECTED B": "PROTÉGÉ B",
    "PROTECTED C": "PROTÉGÉ C",
    "CONFIDENTIAL": "CONFIDENTIEL",
    "SECRET": "SECRET",
    "TOP SECRET": "TRÈS SECRET",
}


def _unaccented(text: str) -> str:
    """Text without its accents, in any case ("PROTÉGÉ B" → "protege b"): as people type French on a keyboard."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", " ".join(text.split()).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_NOTE_LANGUAGES = {
    "en": "en en-ca english anglais",
    "fr": "fr fr-ca french francais",
    "bilingual": "bilingual bilingue",
}


def note_language(typed: str) -> str | None:
    """A note's language ("en", "fr", "bilingual") from what an analyst types: a code in any case ("FR",
    "fr-CA") or the name the window shows, in English or French, with or without accents ("Français",
    "bilingue"); None when it is none of them."""
    wanted = _unaccented(typed).replace("_", "-")
    return next((code for code, names in _NOTE_LANGUAGES.items() if wanted in names.split()), None)


def english_word(french: str) -> str | None:
    """The English of a French label or marking the exports print ("Pour décision" → "For decision",
    "protege b" → "PROTECTED B"), in any case, with or without accents; None when it is none of them."""
    wanted = _unaccented(french)
    for english, word in (*FRENCH.items(), *MARKINGS_FR.items()):
        if _unaccented(word) == wanted:
            return english
    return None


def french_typography(text: str) -> str:
    """French punctuation: “quotes” and "quotes" become « guillemets » and : ; ? ! » get a non-breaking space
    before them, « one after it; a space already there becomes non-breaking. URLs ("https://") are left alone, and
    what the guillemets hold is spaced as written (a title is the source's own words, like a quotation: "Was it
    worth it?" stays; only a space it has before : ; ? ! becomes non-breaking)."""
    text = re.sub(r"[“\"]\s*([^”\"]*?)\s*[”\"]", lambda m: f"«{NBSP}{m.group(1)}{NBSP}»", text)
    text = re.sub(r"«[ \u00a0\u202f]*", f"«{NBSP}", text)
    text = re.sub(r"(?<=\S)[ \u00a0\u202f]*»", f"{NBSP}»", text)
    text = _outside_guillemets(r"(?<=\S)[ \u00a0\u202f]*([;?!])(?=\s|$)", lambda m: NBSP + m.group(1), text)
    return _outside_guillemets(r"(?<=[^\s:/])[ \u00a0\u202f]*:(?!//)(?=\s|$)", lambda m: f"{NBSP}:", text)


def _outside_guillemets(pattern: str, replace: Callable[[re.Match[str]], str], text: str) -> str:
    """Each match of pattern replaced, but one inside « » only has its plain spaces made non-breaking."""
    quoted = [m.span() for m in re.finditer(r"«[^«»]*»", text)]

    def spaced(m: re.Match[str]) -> str:
        return m.group().replace(" ", NBSP) if any(a < m.start() < b for a, b in quoted) else replace(m)

    return re.sub(pattern, spaced, text)


def format_date(value: str, language: str = "en") -> str:
    """An ISO date as a reader writes it: "18 April 2016", "18 avril 2016", "1er avril 2016"; a month alone
    ("2016-04") as "April 2016"; anything else as it was."""
    from datetime import date, datetime  # (here: start-up formats no date)

    value = value.strip()
    try:
        parsed = date.fromisoformat(value[:10]) if len(value) >= 10 else datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        return value
    months = MONTHS_FR if language == "fr" else MONTHS_EN
    if len(value) == 7:
        return f"{months[parsed.month - 1]} {parsed.year}"
    day = "1er" if language == "fr" and parsed.day == 1 else str(parsed.day)
    return f"{day} {months[parsed.month - 1]} {parsed.year}"


# The analyst's text in a French note (or a French paragraph of a bilingual one) is set as French is printed, but
# only where the analyst typed a plain space or none: never inside quotation marks (a quotation is the source's
# words), in a URL or e-mail address, in `code`, or before a colon that does not end a word (10:30, C:\\, a::b).
_UNTOUCHED = lazy(r"(?:https?|ftp|file)://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|`[^`]*`")
_QUOTED = lazy(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"")
_HIGH = lazy(r"[;:?!]+(?=[\s)\]»”’'\"]|$)")  # the punctuation French spaces, where it ends a word
_APOSTROPHE = lazy(r"(?<=[^\W\d_])'(?=[^\W\d_])")  # l'analyse, aujourd'hui: not 'quoted' words
_SPACES = " \u00a0\u202f"


def french_spacing(runs: list[str]) -> list[str]:
    """Runs of the analyst's text (a paragraph's bold and italic pieces, or one string) set in French typography:
    « guillemets » for "quotes" with non-breaking spaces inside, a non-breaking space before : ; ? !, the
    typographic apostrophe (l’analyse). What a run holds stays in that run; what a quotation says is left as it
    is (only the spaces inside its « » become non-breaking)."""
    text = "".join(runs)
    out = list(text)  # what each character becomes (a character and what is inserted before it)
    kept = [False] * len(text)
    for m in _UNTOUCHED.finditer(text):
        kept[m.start() : m.end()] = [True] * (m.end() - m.start())

    def space_before(index: int) -> None:
        """A non-breaking space before text[index]: the plain space there becomes one, else one is inserted."""
        if index > 0 and text[index - 1] == " ":
            out[index - 1] = NBSP
        elif index > 0 and text[index - 1] not in _SPACES:
            out[index] = NBSP + out[index]

    for m in _QUOTED.finditer(text):
        first, last = m.start(), m.end() - 1
        if any(kept[first : last + 1]) or last - first < 2:
            continue
        out[first] = "«"
        if text[first + 1] == " ":
            out[first + 1] = NBSP
        elif text[first + 1] not in _SPACES:
            out[first] += NBSP
        out[last] = "»"
        space_before(last)
        kept[first + 1 : last] = [True] * (last - first - 1)  # the quoted words stay as they are
    for m in _HIGH.finditer(text):
        at = m.start()
        if kept[at] or at == 0 or (text[at - 1] == " " and text[at - 2 : at - 1] in ("", " ")):
            continue  # in a URL or a quotation, or nothing before it but spaces
        space_before(at)
    for m in _APOSTROPHE.finditer(text):
        if not kept[m.start()]:
            out[m.start()] = "’"
    result, at = [], 0
    for run in runs:
        result.append("".join(out[at : at + len(run)]))
        at += len(run)
    return result


def french_text(text: str) -> str:
    """One string of the analyst's (a title, a comment) in French typography: see french_spacing."""
    return french_spacing([text])[0]


# Telling English from French (the analyst's paragraphs of a bilingual note, a quotation, a whole source): their
# most frequent short words (none shared by both: "on", "a", "an", "plus" are left out) and French's accented
# letters. Plain Python and good enough for a paragraph; a short or mixed one is taken to be in the note's first
# language. Spanish, Italian, Portuguese, German and Dutch share "de", "la", "en", "que" with French: their own
# frequent words, when as common, say the text is neither English nor French.
_COMMON = {
    "fr": "le la les l des du de d un une et est sont été être dans pour par sur avec sans sous que qu qui ne n pas au "
    "aux ce cet cette ces c il elle ils elles nous vous se sa son ses leur leurs mais ou où donc à entre selon "
    "aussi très lors dont notre nos votre vos y en ont avait sera cela",
    "en": "the of and to in is are was were be been being that this these those with for on by as at from it its "
    "have has had not which or will would should can could their they them we our there but if than who what",
    "other": "el los las del por con una es para como pero más lo al gli della delle degli sono questo não uma os "
    "dos do da em um no na ao pelo pela foi der das und ist nicht mit von zu dem ein eine sich auf für auch het een "
    "van niet zijn voor",
}
_FRENCH_WORDS = frozenset(_COMMON["fr"].split())
_ENGLISH_WORDS = frozenset(_COMMON["en"].split())
_OTHER_WORDS = frozenset(_COMMON["other"].split())
_ACCENTED = frozenset("éèêëàâîïôûùüçœæ")
_WORD = lazy(r"[^\W\d_]+")
# Evidence only French gives: a space before : ; ? ! (« Statu quo ? », "Budget : 4 M$") or « guillemets », which
# tells even a line too short for common words; and letters French never uses (Turkish ı ş ğ, German ß, Spanish
# ñ...), which say a text is not French though it has French-looking words (Turkish "en" is "most")
_FRENCH_SPACING = lazy(r"(?<=[^\W_])[ \u00a0\u202f][:;?!](?=[\s)»]|$)|«")
_NOT_FRENCH = frozenset("ıİşğößñãõáíóúåøłőűčřžšąęćńśźż")
_NOT_WORDS = lazy(r"(?:https?|ftp|file)://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|[@#]\w+|\w*\d\w*")
_DIGIT = lazy(r"\d")
FEWEST_WORDS = 4  # fewer words than this tell no language
SAMPLE = 20_000  # characters of a source read to tell its language (as core/script.py its direction)
RUNNING_TEXT, COMMON_SHARE = 20, 0.12  # from 20 words on, English or French needs 12% of them common words


def _told(text: str) -> str:
    """ "en", "fr", "other" (plainly Spanish, German...: neither) or "" (too short, or mixed)."""
    words = [w.lower() for w in _WORD.findall(text)]
    hints = len(_FRENCH_SPACING.findall(text))
    if len(words) < FEWEST_WORDS and not hints:
        return ""
    # (a word's letters checked against a set at C speed: a PDF export asks this of every quotation)
    foreign = sum(not _NOT_FRENCH.isdisjoint(w) for w in words)
    common = sum(w in _FRENCH_WORDS for w in words) + hints
    french = common + sum(not _ACCENTED.isdisjoint(w) for w in words) / 2 + hints
    if foreign >= max(2, common / 4):  # a French text may name a Kılıçdaroğlu or two, not be written in ı and ş
        french = 0
    english = sum(w in _ENGLISH_WORDS for w in words)
    other = sum(w in _OTHER_WORDS for w in words)
    # in running text a language's common words are a quarter to a third of its words; another language's few
    # look-alikes ("de", "la", "son"; Turkish ü and ç) stay far below that
    least = COMMON_SHARE * len(words) if len(words) >= RUNNING_TEXT else 0
    for language, score, rivals, found in (
        ("fr", french, (english, other), common),
        ("en", english, (french, other), english),
    ):
        if score >= 2 and score > 2 * max(rivals) and found >= least:
            return language
    return "other" if other >= 2 and 2 * other > max(english, french) else ""  # Spanish is half "French"


def detect_language(text: str, fallback: str = "en") -> str:
    """ "en" or "fr": the language of a paragraph, told by its common words and accents; `fallback` (the note's
    first language, or "" for "cannot tell") when it is too short to tell, as much one as the other, or in
    another language."""
    told = _told(text)
    return told if told in ("en", "fr") else fallback


def primary_language(tag: str) -> str:
    """A language tag's language: "fr" for "fr-CA", "fr_FR" or "FR"."""
    return tag.strip().replace("_", "-").split("-")[0].lower()


# A language tag as BCP 47 writes it (RFC 5646, the common part: language, script, region, variants), and the
# English and native names files put in its place (lang="English"), for the tags the exports write
_BCP47 = lazy(r"([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?((?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*)", re.I)
_NAMES = {
    "en": "english anglais",
    "fr": "french francais",
    "es": "spanish espanol",
    "de": "german deutsch",
    "it": "italian italiano",
    "pt": "portuguese portugues",
    "nl": "dutch nederlands",
    "ar": "arabic",
    "fa": "persian farsi",
    "zh": "chinese",
    "ja": "japanese",
    "ko": "korean",
    "ru": "russian",
    "uk": "ukrainian",
    "pl": "polish polski",
    "tr": "turkish turkce",
    "el": "greek",
    "he": "hebrew",
}
_BY_NAME = {name: code for code, names in _NAMES.items() for name in names.split()}


def language_tag(value: str) -> str:
    """A declared language as a valid BCP 47 tag, or "" when it is none: "en_us" → "en-US", "English" → "en",
    "zh-hant-tw" → "zh-Hant-TW"; "x", "und" and "xx Klingon <b>&" → "" (an invalid tag in a DOCX or PDF is
    ignored by Word and screen readers, which then read the text in the document's language)."""
    value = value.strip().replace("_", "-")
    named = _BY_NAME.get(_unaccented(value))
    if named:
        return named
    m = _BCP47.fullmatch(value)
    if not m or m.group(1).lower() == "und":
        return ""
    language, script, region, variants = m.groups()
    parts = [language.lower(), script.title() if script else "", region.upper() if region else "", variants.lower()]
    return "-".join(p for p in parts[:3] if p) + parts[3]


@functools.lru_cache(maxsize=64)
def _text_language(text: str) -> str:
    return _told(text)


def source_language(text: str, *declared: str) -> str:
    """A source's language tag, from the tags its file declares (the most trusted first: a web page's og:locale,
    then its <html lang>) and its text. Files often declare a template's default (Word's en-US, a site's
    lang="en" on French pages), so the text has the last word where it plainly is English or French: the first
    declared tag of that language ("fr-FR"), else "en" or "fr". A declared language the text cannot tell (Spanish,
    Persian) is kept, and a text plainly in another language (Spanish, German...) or mostly in a script that tells
    its language (Arabic, Persian, Hebrew, Chinese...) is not declared English or French; "" when nothing tells."""
    tags = [tag for tag in map(language_tag, declared) if tag]
    others = [tag for tag in tags if primary_language(tag) not in TAGS]
    script = language_of(text[:SAMPLE])
    if script and not others:  # most of its letters are Arabic, Hebrew, Chinese...: not a template's en-CA
        return script
    told = _text_language(text[:SAMPLE])
    if told in TAGS:
        same = [tag for tag in tags if primary_language(tag) == told]
        return same[0] if same else others[0] if others else told
    if told == "other":
        return others[0] if others else ""
    return tags[0] if tags else ""


def _without_non_words(text: str) -> str:
    """_NOT_WORDS.sub(" ", text), at once for text that has none: each of its kinds needs "://", "www.", "@", "#"
    or a digit, and the pattern tries them all at every character (a PDF export asks this of every quotation)."""
    if "://" in text or "www." in text or "@" in text or "#" in text or _DIGIT.search(text):
        return _NOT_WORDS.sub(" ", text)
    return text


def _words_language(text: str) -> str:
    """ "en" or "fr" when a quotation's own words say so, else "". Running text is told as a paragraph is (_told);
    a short one (a tweet, a headline) of at least FEWEST_WORDS words only by a lean: some of one language's common
    words or accents and none of the other's ("Maybe worth considering chloroquine for C19" is English). Links,
    e-mail addresses, @handles, #hashtags and words with digits (C19: not French's "c") are no language's words."""
    text = _without_non_words(text)
    told = _told(text)
    if told in TAGS or told == "other":
        return told if told in TAGS else ""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < FEWEST_WORDS or any(w in _OTHER_WORDS or not _NOT_FRENCH.isdisjoint(w) for w in words):
        return ""  # another language's words or letters (Turkish ı ş ğ): no lean either way
    french = sum(w in _FRENCH_WORDS or not _ACCENTED.isdisjoint(w) for w in words)
    english = sum(w in _ENGLISH_WORDS for w in words)
    return "fr" if french and not english else "en" if english and not french else ""


def quotation_language(source: Source, quote: str) -> str:
    """The language tag of a quotation from `source`. Its own words decide when they tell English or French (an
    English tweet quoted on a French page is English); else its source's language (as imported, or corrected by
    the analyst in Source details); else its whole source's text (a source imported before sources were given a
    language); "" when nothing tells. A quotation in a script that tells its language (Persian, Chinese) is ""
    unless its source says that language: the exports tag it by its script."""
    declared = source.meta.language.strip()
    script = language_of(quote)
    if script:
        return declared if primary_language(declared) == script else ""
    told = _words_language(quote)
    if told:  # the source's own tag (fr-FR) when it is that language
        return declared if primary_language(declared) == told else told
    if declared:
        return declared
    told = _text_language(source.text[:SAMPLE])
    return told if told in TAGS else ""


@dataclass(frozen=True)
class Wording:
    """The words of one note's export, in its language: "en", "fr" or "bilingual" (English / French)."""

    language: str = "en"

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {self.language!r}")

    @property
    def tag(self) -> str:
        """The document's language tag: a bilingual note is tagged English, its French parts French."""
        return TAGS["fr" if self.language == "fr" else "en"]

    def _both(self, english: str, french: str) -> str:
        if self.language == "fr":
            return french
        if self.language == "bilingual" and french and french != english:
            return f"{english} / {french}"
        return english

    def halves(self, text: str) -> list[tuple[str, str]]:
        """A two-language label of a bilingual note ("Purpose / Objet") as its English half, with the " / ",
        and its French half tagged fr-CA, for the exports to tag each; any other text whole and untagged."""
        pieces = text.split(" / ")
        if self.language != "bilingual" or len(pieces) % 2:
            return [(text, "")]
        half = len(pieces) // 2
        return [(" / ".join(pieces[:half]) + " / ", ""), (" / ".join(pieces[half:]), TAGS["fr"])]

    def word(self, english: str) -> str:
        """A label or fixed word ("Prepared by" → "Préparé par"); one the table lacks stays English."""
        return self._both(english, FRENCH.get(english, english))

    def heading(self, english: str, french: str) -> str:
        """A section heading: the template's heading_fr in French (English when it has none)."""
        return self._both(english, french.strip() or english)

    def marking(self, classification: str) -> str:
        """The classification marking: "PROTÉGÉ B" in French; a marking the table lacks is kept as written."""
        return self._both(classification, MARKINGS_FR.get(classification.strip().upper(), classification))

    def label(self, label: str) -> str:
        """A label before its value: "Prepared by: ", "Préparé par : " (a non-breaking space before the colon). In a
        bilingual note the colon takes the typography of the half it follows: "Prepared by / Préparé par : ", but
        "Date: " for a label that reads the same in both (English first)."""
        if self.language == "en" or (self.language == "bilingual" and len(self.halves(label)) == 1):
            return f"{label}: "
        return f"{label}{NBSP}: "

    @property
    def page_pattern(self) -> str:
        """ "Page {page} of {pages}", or in French "Page {page} de {pages}" (a DOCX puts fields in the gaps)."""
        return self._both("Page {page} of {pages}", "Page {page} de {pages}")

    def page(self, number: int, total: int) -> str:
        return self.page_pattern.format(page=number, pages=total)

    def date(self, value: str) -> str:
        if self.language == "bilingual":
            english, french = format_date(value), format_date(value, "fr")
            return english if english == french else f"{english} / {french}"
        return format_date(value, self.language)

    def citation(self, text: str) -> str:
        """A footnote (its place already in the note's language, core/citation.py) in the note's typography:
        « guillemets » and non-breaking spaces in French. A bilingual note's footnotes are each in the language
        of the text they belong to (export/tree.py), each given through the Wording of that language."""
        if self.language != "fr":
            return text
        return french_typography(text)
