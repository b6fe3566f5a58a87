"""The spelling engine: English (Canada) and French per paragraph, suggestions, the personal dictionary."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.spelling import Speller, SpellingUnavailable


@pytest.fixture(scope="module")
def speller(tmp_path_factory: pytest.TempPathFactory) -> Speller:
    return Speller(personal=tmp_path_factory.mktemp("home") / "dictionary.txt")


def _words(speller: Speller, text: str) -> list[tuple[str, str]]:
    return [(m.word, m.language) for m in speller.check(text)]


def test_english_misspellings_with_positions_and_suggestions(speller: Speller) -> None:
    text = "The governmnet recieved the colour report."  # Canadian "colour" is right
    found = speller.check(text)
    assert [(m.word, m.language) for m in found] == [("governmnet", "en_CA"), ("recieved", "en_CA")]
    assert text[found[0].start : found[0].end] == "governmnet"
    assert "government" in speller.suggestions("governmnet", "en_CA")
    assert "received" in speller.suggestions("recieved", "en_CA")


def test_french_paragraphs_are_checked_in_french(speller: Speller) -> None:
    assert _words(speller, "Le gouvernemment a reçu le rapport sur l’économie aujourd’hui.") == [
        ("gouvernemment", "fr_CA")
    ]
    assert "gouvernement" in speller.suggestions("gouvernemment", "fr_CA")


def test_what_is_not_a_word_is_not_checked(speller: Speller) -> None:
    text = "See https://www.cbc.ca/newz, a@b.ca, C:\\Userz\\x, the G7 on 2016-04-18, NATO and CBC, well-being."
    assert _words(speller, text) == []
    assert _words(speller, "**Bold** *wordd* text") == [("wordd", "en_CA")]  # markup is not part of a word


def test_personal_dictionary_is_kept(tmp_path: Path) -> None:
    personal = tmp_path / "sub" / "dictionary.txt"
    speller = Speller(personal=personal)
    assert _words(speller, "Zorblat said so.") == [("Zorblat", "en_CA")]
    speller.add("Zorblat")
    speller.add("Zorblat")  # once is enough
    assert _words(speller, "Zorblat said so.") == []
    assert personal.read_text(encoding="utf-8") == "Zorblat\n"
    assert _words(Speller(personal=personal), "Zorblat said so.") == []  # the next session knows it


def test_missing_dictionaries_say_where(tmp_path: Path) -> None:
    with pytest.raises(SpellingUnavailable, match="en_CA dictionary is missing"):
        Speller(personal=tmp_path / "d.txt", folder=tmp_path)


def test_the_notes_language_checks_a_short_line(speller: Speller) -> None:
    """QA: in a French note "Les négociatoins" was checked in English ("la", "les" are English words too, and a tie
    went to English), and offered "associations"."""
    assert _words(speller, "Les négociatoins") == [("négociatoins", "en_CA")]  # a bilingual note guesses, as before
    found = speller.check("Les négociatoins", "fr")
    assert [(m.word, m.language) for m in found] == [("négociatoins", "fr_CA")]
    assert "négociations" in speller.suggestions("négociatoins", found[0].language)
    assert [m.language for m in speller.check("la délégatoin", "fr")] == ["fr_CA"]
    assert speller.check("la délégatoin", "bilingual")[0].language == "en_CA"
    # a line clearly in the other language is checked in it
    assert [(m.word, m.language) for m in speller.check("The delegatoin arrives on Thursday", "fr")] == [
        ("delegatoin", "en_CA")
    ]
    assert speller.check("Le ministre a dit que nous sommes prêts", "en") == []
    assert [m.language for m in speller.check("Teh minister", "en")] == ["en_CA"]
