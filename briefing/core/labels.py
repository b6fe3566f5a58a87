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
    "language": QT_TRANSLATE_NOOP("TitleBlockWidget", "Language of the note"),
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


# The Edit menu's undo names ("Undo File excerpt into Background"), by operation; %1 is a source's or section's
# name, or (for "change_field") the field's name, itself shown by its label. In the GUI's catalogue, in MainWindow.
UNDO_CONTEXT = "MainWindow"
UNDO_NAMES = {
    "add_source": QT_TRANSLATE_NOOP("MainWindow", "Add source %1"),
    "remove_source": QT_TRANSLATE_NOOP("MainWindow", "Remove source %1"),
    "rename_source": QT_TRANSLATE_NOOP("MainWindow", "Rename source %1"),
    "edit_source": QT_TRANSLATE_NOOP("MainWindow", "Edit source %1"),
    "update_source": QT_TRANSLATE_NOOP("MainWindow", "Update source %1"),
    "accept_changed": QT_TRANSLATE_NOOP("MainWindow", "Accept changed text"),
    "file_excerpt": QT_TRANSLATE_NOOP("MainWindow", "File excerpt into %1"),
    "add_note": QT_TRANSLATE_NOOP("MainWindow", "Add note into %1"),
    "delete_excerpt": QT_TRANSLATE_NOOP("MainWindow", "Delete excerpt from %1"),
    "delete_note": QT_TRANSLATE_NOOP("MainWindow", "Delete note from %1"),
    "move_item": QT_TRANSLATE_NOOP("MainWindow", "Move item to %1"),
    "reorder": QT_TRANSLATE_NOOP("MainWindow", "Reorder %1"),
    "edit_note": QT_TRANSLATE_NOOP("MainWindow", "Edit note"),
    "edit_comment": QT_TRANSLATE_NOOP("MainWindow", "Edit comment"),
    "trim_excerpt": QT_TRANSLATE_NOOP("MainWindow", "Trim excerpt"),
    "change_field": QT_TRANSLATE_NOOP("MainWindow", "Change %1"),
}


def undo_name(key: str, *args: str, translate: Translate = _same, translate_label: Translate = _same) -> str:
    """An operation's undo name: its pattern (translated) with %1, %2 filled in. For "change_field" the
    argument is a field's name, shown by its label (translated with translate_label) inside the sentence."""
    if key == "change_field":
        args = tuple(in_sentence(field_label(name, translate_label)) for name in args)
    text = translate(UNDO_NAMES[key])
    for number, arg in enumerate(args, start=1):
        text = text.replace(f"%{number}", arg)
    return text
