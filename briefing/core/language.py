"""A note's language (English, French or bilingual) and everything French about it: the words an export prints
in French (labels, markings, page numbers, citations, dates) and French typography. Plain Python, the one home
of both for the exports and the command line; the window's own French is Qt's catalogue (resources/i18n).

French follows the Government of Canada's usage (the Translation Bureau's *Guide du rédacteur*): « guillemets »
with non-breaking spaces inside, a non-breaking space before : ; ? !, "4 décembre 2026", "1er décembre".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from briefing.core.model import LANGUAGES

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
    "I concur": "Je suis d'accord",
    "I do not concur": "Je ne suis pas d'accord",
    "Sources": "Sources",
    "Analyst comment": "Commentaire de l'analyste",
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


def french_typography(text: str) -> str:
    """French punctuation: “quotes” and "quotes" become « guillemets » and : ; ? ! » get a non-breaking space
    before them, « one after it; a space already there becomes non-breaking. URLs ("https://") are left alone."""
    text = re.sub(r"[“\"]\s*([^”\"]*?)\s*[”\"]", lambda m: f"«{NBSP}{m.group(1)}{NBSP}»", text)
    text = re.sub(r"«[ \u00a0\u202f]*", f"«{NBSP}", text)
    text = re.sub(r"(?<=\S)[ \u00a0\u202f]*([;?!])(?=\s|$)", lambda m: NBSP + m.group(1), text)
    text = re.sub(r"(?<=\S)[ \u00a0\u202f]*»", f"{NBSP}»", text)
    return re.sub(r"(?<=[^\s:/])[ \u00a0\u202f]*:(?!//)(?=\s|$)", f"{NBSP}:", text)


def format_date(value: str, language: str = "en") -> str:
    """An ISO date as a reader writes it: "18 April 2016", "18 avril 2016", "1er avril 2016"; a month alone
    ("2016-04") as "April 2016"; anything else as it was."""
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


def french_place(where: str) -> str:
    """A citation's place in French: "p. 4", "p. 4–5", "paragr. 4", "p. 4 (texte ROC)"."""
    where = re.sub(r"\bpp\. ", "p. ", where)
    where = re.sub(r"\bparas?\. ", "paragr. ", where)
    return where.replace("(OCR text)", "(texte ROC)")


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
        """A label before its value: "Prepared by: ", "Préparé par : " (a non-breaking space before the colon)."""
        if self.language == "en":
            return f"{label}: "
        return f"{label}{NBSP}: "

    @property
    def other_tag(self) -> str:
        """The language of the title under the main one: the English title in a French note, else the French."""
        return TAGS["en" if self.language == "fr" else "fr"]

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
        """A footnote in the note's language: French place words and « guillemets » in a French note; a
        bilingual note's citations stay as the sources are cited in English."""
        if self.language != "fr":
            return text
        return french_typography(french_place(text))
