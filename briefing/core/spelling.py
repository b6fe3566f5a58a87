"""Spell checking of the analyst's notes and comments: English (Canada) and French, offline, with Hunspell.

The dictionaries are bundled (resources/hunspell: Debian's hunspell-en-ca and hunspell-fr, licences beside them);
the engine is chunspell (Hunspell's C++ library, MIT wrapper; Hunspell itself MPL 1.1). The language is chosen
per paragraph, by which dictionary knows more of its words: a note often mixes an English paragraph with a French
one (a quoted minister, the French title), and there is no setting to forget. In an English or French note the
note's language checks a paragraph unless the other dictionary knows clearly more of its words (OTHER_MARGIN): a
short line ("Les négociatoins", "la délégatoin") knows as many words in both, and is in the note's language. Words
the analyst adds go to a personal dictionary in the user data folder, one word a line, shared by both languages.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing import paths
from briefing.core.messages import QT_TRANSLATE_NOOP, Message

LANGUAGES = ("en_CA", "fr_CA")
NOTE_DICTIONARIES = {"en": "en_CA", "fr": "fr_CA"}  # a note's language (model.LANGUAGES); bilingual: none preferred
OTHER_MARGIN = 2  # how many more of a paragraph's words the other dictionary must know to check it in a note
PERSONAL_FILE = "dictionary.txt"

# A word: letters, with inner apostrophes (isn't, l'économie, aujourd’hui) and hyphens (bien-être) kept inside it.
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Never checked: web and e-mail addresses, file paths, and words next to digits (2016-04-18, 3e, G7).
_SKIPPED = re.compile(r"\S*(?:://|www\.|@)\S*|\S*[\\/]\S*|\w*\d\w*")


class SpellingUnavailable(RuntimeError):
    """The spelling library or its dictionaries could not be loaded: checking is off, with this reason."""


@dataclass(frozen=True)
class Misspelling:
    start: int
    end: int
    word: str
    language: str


class Speller:
    """Both dictionaries and the personal one. Loading takes about half a second: build one, then share it."""

    def __init__(self, personal: Path | None = None, folder: Path | None = None) -> None:
        self.personal = personal if personal is not None else paths.user_data_dir() / PERSONAL_FILE
        self._lock = threading.Lock()
        self._dictionaries: dict[str, Any] = {}
        self._added: set[str] = set()
        try:
            import hunspell  # chunspell: a compiled library, imported only when spelling is wanted
        except ImportError as exc:
            raise SpellingUnavailable(
                Message(QT_TRANSLATE_NOOP("Messages", "the spelling library is not installed ({exc})"), exc=exc)
            ) from None
        folder = folder or paths.resource("hunspell")
        for language in LANGUAGES:
            if not (folder / f"{language}.dic").is_file() or not (folder / f"{language}.aff").is_file():
                raise SpellingUnavailable(
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "{folder}: the {language} dictionary is missing"),
                        folder=folder,
                        language=language,
                    )
                )
            try:
                self._dictionaries[language] = hunspell.Hunspell(language, hunspell_data_dir=str(folder))
            except Exception as exc:  # the wrapper raises its own error types for unreadable files
                raise SpellingUnavailable(
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "{folder}: the {language} dictionary cannot be read ({exc})"),
                        folder=folder,
                        language=language,
                        exc=exc,
                    )
                ) from None
        for word in self._read_personal():
            self._remember(word)

    def _read_personal(self) -> list[str]:
        try:
            text = self.personal.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return []  # none yet, or unreadable: the analyst loses nothing but a few red lines
        return [line.strip() for line in text.splitlines() if line.strip()]

    def _remember(self, word: str) -> None:
        self._added.add(word)
        for dictionary in self._dictionaries.values():
            dictionary.add(word)

    def is_known(self, word: str, language: str) -> bool:
        if word in self._added:
            return True
        with self._lock:  # Hunspell objects are not thread-safe; the highlighter and an export may both ask
            return bool(self._dictionaries[language].spell(word))

    def suggestions(self, word: str, language: str = "en_CA", limit: int = 6) -> list[str]:
        with self._lock:
            return list(self._dictionaries[language].suggest(word))[:limit]

    def add(self, word: str) -> None:
        """Add a word to the personal dictionary: known from now on, and in every later session."""
        word = word.strip()
        if not word or word in self._added:
            return
        self._remember(word)
        try:
            self.personal.parent.mkdir(parents=True, exist_ok=True)
            with self.personal.open("a", encoding="utf-8") as file:
                file.write(word + "\n")
        except OSError as exc:
            problem = Message(
                QT_TRANSLATE_NOOP("Messages", "{file}: cannot save the word to the personal dictionary ({reason})"),
                file=self.personal,
                reason=exc,
            )
            raise OSError(problem) from None

    def language_of(self, words: list[str], note_language: str = "") -> str:
        """The dictionary to check these words with. In an English or French note (`note_language`: "en", "fr"),
        the note's, unless the other dictionary knows at least OTHER_MARGIN more of them (an English paragraph in a
        French note); otherwise (a bilingual note) English unless French knows more of them."""
        counts = {language: 0 for language in LANGUAGES}
        for word in words[:60]:  # enough to tell; a long paragraph is not read twice over
            for language in LANGUAGES:
                counts[language] += self.is_known(word, language)
        preferred = NOTE_DICTIONARIES.get(note_language)
        if preferred is not None:
            other = next(language for language in LANGUAGES if language != preferred)
            return other if counts[other] >= counts[preferred] + OTHER_MARGIN else preferred
        return "fr_CA" if counts["fr_CA"] > counts["en_CA"] else "en_CA"

    def check(self, text: str, note_language: str = "") -> list[Misspelling]:
        """The misspelled words of one paragraph (a line of a note or comment), with their positions in it;
        note_language: the note's ("en", "fr", "bilingual"; "" unknown), which the paragraph is checked in unless
        it is clearly in the other language."""
        skipped = [m.span() for m in _SKIPPED.finditer(text)]
        words = [m for m in _WORD.finditer(text) if not any(s <= m.start() < e for s, e in skipped)]
        language = self.language_of([m[0] for m in words], note_language)
        found = []
        for match in words:
            word = match[0]
            if len(word) < 2 or (word.isupper() and len(word) <= 6):
                continue  # single letters (list markers, "a"), and acronyms: CBC, NATO, GAC
            if not self.is_known(word, language) and not self._parts_known(word, language):
                found.append(Misspelling(match.start(), match.end(), word, language))
        return found

    def _parts_known(self, word: str, language: str) -> bool:
        """A compound (well-being, Canada-Iran) or elided word (l'Iran) is right when each of its parts is."""
        parts = [p for p in re.split(r"['’\-]", word) if p]
        return len(parts) > 1 and all(len(p) < 2 or self.is_known(p, language) for p in parts)


_shared: Speller | None = None
_shared_lock = threading.Lock()


def shared_speller() -> Speller:
    """The process's one Speller (raises SpellingUnavailable, every time, when it cannot be built)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Speller()
        return _shared
