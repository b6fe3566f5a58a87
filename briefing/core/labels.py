"""The title block's field labels and purpose names: one table for the window, the exports, the command line
and the Edit menu's undo text.

The strings are plain English, ready for translation: each is marked with QT_TRANSLATE_NOOP (a no-op here),
so Qt's lupdate puts them in the catalogue, in TRANSLATION_CONTEXT, and the GUI passes each through Qt's
translate(); plain Python (exports, command line) keeps them as they are.
"""

from __future__ import annotations

from collections.abc import Callable

TRANSLATION_CONTEXT = "TitleBlockWidget"  # the GUI class that shows them


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks text for Qt's translation catalogue and returns it unchanged: this module stays plain Python."""
    return text


TITLE_FIELD_LABELS = {
    "classification": QT_TRANSLATE_NOOP("TitleBlockWidget", "Classification"),
    "document_number": QT_TRANSLATE_NOOP("TitleBlockWidget", "Document number"),
    "addressee": QT_TRANSLATE_NOOP("TitleBlockWidget", "Addressee"),
    "purpose": QT_TRANSLATE_NOOP("TitleBlockWidget", "Purpose"),
    "title": QT_TRANSLATE_NOOP("TitleBlockWidget", "Title"),
    "title_fr": QT_TRANSLATE_NOOP("TitleBlockWidget", "Title (French)"),
    "date": QT_TRANSLATE_NOOP("TitleBlockWidget", "Date"),
    "prepared_by": QT_TRANSLATE_NOOP("TitleBlockWidget", "Prepared by"),
    "phone": QT_TRANSLATE_NOOP("TitleBlockWidget", "Telephone"),
    "approved_by": QT_TRANSLATE_NOOP("TitleBlockWidget", "Approved by"),
    "consulted": QT_TRANSLATE_NOOP("TitleBlockWidget", "Consulted"),
}
PURPOSE_LABELS = {
    "for-decision": QT_TRANSLATE_NOOP("TitleBlockWidget", "For decision"),
    "for-information": QT_TRANSLATE_NOOP("TitleBlockWidget", "For information"),
}

# Printed under the decision block's lines: the signature line when the template names no signer, and the date line
DECISION_SIGNATURE = QT_TRANSLATE_NOOP("TitleBlockWidget", "Signature")
DECISION_DATE = QT_TRANSLATE_NOOP("TitleBlockWidget", "Date")

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


def field_label(name: str, translate: Translate = _same) -> str:
    """A title-block field's label ("Document number"); an unknown field is shown by its name."""
    label = TITLE_FIELD_LABELS.get(name)
    return translate(label) if label is not None else name


def purpose_label(purpose: str, translate: Translate = _same) -> str:
    """The purpose as written ("For decision"); a purpose from elsewhere is kept as it is."""
    label = PURPOSE_LABELS.get(purpose)
    return translate(label) if label is not None else purpose


def purpose_named(text: str) -> str | None:
    """The purpose ("for-decision") that text names, by its name or its English label ("For decision"), in any
    case; None when it names none."""
    wanted = " ".join(text.replace("-", " ").split()).casefold()
    for purpose, label in PURPOSE_LABELS.items():
        if wanted in (purpose.replace("-", " "), label.casefold()):
            return purpose
    return None


def in_sentence(label: str) -> str:
    """A label inside a sentence ("Change document number"): its first letter small, the rest as it is."""
    return label[:1].lower() + label[1:]
