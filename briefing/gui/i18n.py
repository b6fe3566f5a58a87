"""The interface language: French or English, from the Preferences (saved in the GUI settings) or else the
system locale, installed as Qt translators (Briefing's own catalogue and Qt's, for standard buttons and dialogs).

The catalogue is resources/i18n/briefing_fr.ts (edited with Qt Linguist or by hand); the compiled
briefing_fr.qm beside it is committed so a checkout, a wheel and the bundle all carry it. After changing strings:
`pyside6-lupdate briefing/gui/*.py briefing/core/*.py briefing/importers/*.py briefing/importers/html/*.py
briefing/export/*.py -ts resources/i18n/briefing_fr.ts -no-obsolete -locations none`, translate, then
`pyside6-lrelease resources/i18n/briefing_fr.ts`; tests/gui/test_translation.py fails until both are done.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTranslator

from briefing import paths
from briefing.core.citation import attachment_note
from briefing.core.labels import TRANSLATION_CONTEXT, UNDO_CONTEXT, undo_name
from briefing.core.language import MARKINGS_FR, french_typography
from briefing.core.messages import CONTEXT as MESSAGES_CONTEXT
from briefing.core.messages import Message, render
from briefing.core.model import NO_SUBJECT, Briefing, Section, Source
from briefing.gui.style import settings

if TYPE_CHECKING:
    from briefing.core.operations import Change

# The languages the interface offers, each named in itself (as a language menu shows them)
LANGUAGES = {"en": "English", "fr": "Français"}
SETTING = "language"  # in gui-settings.ini: "en", "fr", or absent to follow the system

_installed: list[QTranslator] = []


def chosen_language() -> str:
    """The language set in Preferences, or "" when the interface follows the system."""
    value = settings().value(SETTING, "")
    return value if isinstance(value, str) and value in LANGUAGES else ""


def choose_language(language: str) -> None:
    """Save the choice ("" to follow the system); it applies the next time Briefing starts."""
    store = settings()
    if language in LANGUAGES:
        store.setValue(SETTING, language)
    else:
        store.remove(SETTING)


def interface_language() -> str:
    """The language the interface is shown in: the preference, else the system's when it is French."""
    chosen = chosen_language()
    if chosen:
        return chosen
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def catalogue(language: str) -> str:
    """The compiled catalogue of Briefing's strings for `language`."""
    return str(paths.resource("i18n", f"briefing_{language}.qm"))


def install_translators(language: str | None = None) -> str:
    """Install the catalogues of `language` (default: interface_language()) in the running application.

    English needs none. Returns the language installed. A missing catalogue leaves the interface in English
    rather than stopping Briefing from starting.
    """
    app = QCoreApplication.instance()
    language = language or interface_language()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language == "en" or app is None:
        return "en"
    from PySide6.QtCore import QLibraryInfo  # (here: English, the usual case, never needs it)

    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"briefing_{language}", str(paths.resource("i18n"))), (f"qtbase_{language}", qt_folder)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    if not _installed:
        return "en"
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.Canada))  # dates and numbers in French
    return language


def interface_is_french() -> bool:
    """Whether the running interface is in French (its catalogue installed), whatever the preference says now."""
    return bool(_installed)


def new_note_language() -> str:
    """The language a new note takes unless told otherwise: French in a French interface, else English."""
    return "fr" if interface_is_french() else "en"


def in_interface_language(english: str, french: str) -> str:
    """A template's own text (name, description, heading, guidance) in the interface language: the French one
    in a French interface when the template has it, else the English."""
    return french if french and interface_is_french() else english


def shown_heading(section: Section, note_language: str) -> str:
    """The heading the window shows for a section, wherever it names it (the heading, the filing toolbar and its
    tooltips, Move To, undo names, status messages, accessible names).

    Headings are the note's own words, so the note's language decides, and the window names each section as the
    exported note prints it: a French note shows the template's French heading in any interface, an English note
    the English one, and a bilingual note (which prints both) the one of the interface language. A section with
    no French heading keeps its English one."""
    french = note_language == "fr" or (note_language == "bilingual" and interface_is_french())
    return section.heading_fr if french and section.heading_fr else section.heading


def shown_headings(briefing: Briefing) -> dict[str, str]:
    """shown_heading() of every section of the briefing, by section id."""
    return {section.id: shown_heading(section, briefing.title_block.language) for section in briefing.sections}


def shown_label(source: Source) -> str:
    """A source's name wherever the window names it (the source list, the reader's header, cards, dialogs and
    messages): its label, but an e-mail without a subject, stored with the importers' English marker "(no subject)",
    is called so in the interface language, « (sans objet) »."""
    if source.meta.title == NO_SUBJECT:
        return render(Message(NO_SUBJECT), _translate_message)
    return source.label


def shown_attachment(source: Source) -> str:
    """The e-mail a source came attached to, as the reader's header and Source Details say it in the interface
    language: "Attached to the e-mail “Weekly report”", « Joint au courriel « Weekly report » »; "" for a file of
    its own. (Its citations say it in the note's language.)"""
    french = interface_is_french()
    note = attachment_note(source, "fr" if french else "en")
    note = note[:1].upper() + note[1:]
    return french_typography(note) if french else note


def shown_marking(classification: str) -> str:
    """A classification as the interface shows it ("PROTÉGÉ B" in French); the briefing keeps the stored value."""
    if not interface_is_french():
        return classification
    return MARKINGS_FR.get(classification.strip().upper(), classification)


def moment(seconds: float) -> str:
    """A moment (seconds since the epoch) as the window writes it inside a sentence, in the interface language
    and local time: "7 December 2026 at 00:06", « 7 décembre 2026 à 0 h 06 ». The sentence puts its own word
    before it ("since %1": « depuis le %1 »). The one way lock and recovery messages write a time."""
    when = QDateTime.fromSecsSinceEpoch(int(seconds)).toLocalTime()
    french = interface_is_french()
    locale = QLocale() if french else QLocale(QLocale.Language.English, QLocale.Country.Canada)
    day = locale.toString(when.date(), QCoreApplication.translate("MainWindow", "d MMMM yyyy"))
    clock = locale.toString(when.time(), QCoreApplication.translate("MainWindow", "HH:mm"))
    if french and when.date().day() == 1:  # « le 1er décembre »
        day = "1er" + day[1:]
    return QCoreApplication.translate("MainWindow", "%1 at %2").replace("%1", day).replace("%2", clock)


def autosaved(name: str, seconds: float) -> str:
    """A recovered copy of work named in a sentence: "notes.briefing (autosaved on 7 December 2026 at 00:06)"."""
    text = QCoreApplication.translate("MainWindow", "%1 (autosaved on %2)")
    return text.replace("%1", name).replace("%2", moment(seconds))


def local_time(iso: str) -> str:
    """A timestamp the briefing stores (ISO 8601, UTC) as a local date and time in the interface's locale."""
    when = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    return QLocale().toString(when.toLocalTime(), QLocale.FormatType.ShortFormat) if when.isValid() else iso


# The undo names whose argument is a section's heading (core/labels.py's UNDO_NAMES)
SECTION_CHANGES = frozenset({"file_excerpt", "add_note", "delete_excerpt", "delete_note", "move_item", "reorder"})


def change_name(change: Change, briefing: Briefing | None = None) -> str:
    """An operation's undo name in the interface language ("Classer l’extrait dans Contexte"), a section named
    by its shown_heading() when the briefing is given (the core names it by its English heading)."""
    if not change.name:
        return change.label
    key, *args = change.name
    if briefing is not None and key in SECTION_CHANGES:
        language = briefing.title_block.language
        shown = {section.heading: shown_heading(section, language) for section in briefing.sections}
        args = [shown.get(arg, arg) for arg in args]

    def translate(text: str) -> str:
        return QCoreApplication.translate(UNDO_CONTEXT, text)

    def translate_label(text: str) -> str:
        return QCoreApplication.translate(TRANSLATION_CONTEXT, text)

    return undo_name(key, *args, translate=translate, translate_label=translate_label)


def _translate_message(template: str) -> str:
    return QCoreApplication.translate(MESSAGES_CONTEXT, template)


def shown_error(error: object) -> str:
    """What the window shows for an error (or a message) of the plain-Python layers: its Message translated into
    the interface language, every part of it (the file's name stays as it is); an error without one (the system's,
    a library's) by its own text, else by its type's name. Translating is thread-safe: workers call it too."""
    text = render(error, _translate_message)
    return text or type(error).__name__
