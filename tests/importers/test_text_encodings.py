"""Short texts in legacy encodings, as an analyst saves or pastes them: read as written, or, where the bytes read
as well in another encoding, with the unsure-encoding warning naming the one that reads them right. Never wrong
without a warning (every quotation must match its source)."""

from __future__ import annotations

import os
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.importers import ImportOptions, import_file_with_warnings
from briefing.importers.readings import implausibility, most_plausible
from briefing.importers.text import decode
from tests.importers.encoding_samples import SAMPLES, cases, encode


def read(data: bytes) -> tuple[str, str, list[str]]:
    options = ImportOptions()
    text, encoding = decode(data, "sample.txt", None, options)
    return unicodedata.normalize("NFC", text), encoding, [str(w) for w in options.warnings]


def named(warnings: list[str]) -> list[str]:
    """The encodings an unsure-encoding warning names ("guessed as X…, but Y, Z would also fit")."""
    for warning in warnings:
        if "guessed as " in warning and " would also fit" in warning:
            return warning.split(" but ", 1)[1].split(" would also fit")[0].split(", ")
    return []


def reads_as(data: bytes, encoding: str, text: str) -> bool:
    return unicodedata.normalize("NFC", data.decode(encoding)) == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize(("language", "codec", "length", "text"), cases(), ids=lambda v: str(v)[:20])
def test_a_line_a_paragraph_and_three_paragraphs_are_read_as_written(language, codec, length, text) -> None:
    """A line, a paragraph and three paragraphs of one news item in 18 languages, in each encoding the language
    is written in (tests/importers/encoding_samples.py)."""
    decoded, encoding, warnings = read(encode(text, codec))
    assert decoded == unicodedata.normalize("NFC", text), (encoding, warnings)


# Short lines the last release read wrong without a word, and what they read as then
ONCE_SILENTLY_WRONG = [
    ("cp1250", "Rzecznik ministerstwa odmówił podania szczegółów."),  # Shift_JIS 2004
    ("iso8859_2", "Opozycja skrytykowała decyzję rządu jako"),  # cp1250 ("rz±du")
    ("iso8859_2", "Ministr zahraničí v pátek potvrdil, že rozhovory s Íránem budou příští týden obnoveny."),  # cp1252
    ("cp1251", "Путин"),  # Shift_JIS 2004
    ("koi8_r", "Делегация вылетит в Женеву в понедельник."),  # Shift_JIS 2004
    ("koi8_r", "Совещание перенесено"),  # Shift_JIS 2004
    ("koi8_u", "Опозиція назвала рішення уряду передчасним."),  # Shift_JIS 2004
    ("cp1254", "Görüşmelerin bir sonraki turu Ankara'da"),  # Big5-HKSCS
    ("cp1254", "Çalışma grubu"),  # Big5-HKSCS
    ("cp1256", "ووصفت المعارضة قرار"),  # Shift_JIS
    ("iso8859_6", "وأعلن رئيس"),  # Shift_JIS 2004
    ("cp1258", "Bộ trưởng"),  # Big5-HKSCS
    ("cp1258", "Người phát"),  # Big5-HKSCS
    ("shift_jis", "外務大臣は金曜日、イランとの協議が来週再開されると確認した。"),  # cp949 (Korean)
    ("euc_jp", "外務省の報道官は詳細の説明を控えた。"),  # EUC-KR
    ("euc_jp", "首相は、いかなる"),  # cp874 (Thai)
]


@pytest.mark.parametrize(("codec", "text"), ONCE_SILENTLY_WRONG)
def test_short_lines_once_misread_without_a_warning_are_read_right_or_warned_about(codec, text) -> None:
    data = encode(text, codec)
    decoded, encoding, warnings = read(data)
    if decoded != unicodedata.normalize("NFC", text):
        assert any(reads_as(data, name, text) for name in named(warnings)), (decoded, encoding, warnings)


# Lines too short for their bytes to tell: a few letters that read as well in another code page
AMBIGUOUS = [
    ("cp1250", "Ministr zahraničí"),  # cp1252 "zahranièí": Italian letters
    ("cp1250", "Dziękuję bardzo"),  # cp1252 "Dziêkujê": French letters
    ("cp1254", "İstanbul"),  # cp1252 "Ýstanbul"
    ("cp1251", "Привет"),  # cp1253 "Οπθβετ", EUC-KR
]


@pytest.mark.parametrize(("codec", "text"), AMBIGUOUS)
def test_a_few_letters_that_read_as_well_in_another_encoding_are_warned_about(codec, text) -> None:
    data = encode(text, codec)
    _, encoding, warnings = read(data)
    assert any(f"guessed as {encoding}" in w for w in warnings), warnings
    assert reads_as(data, encoding, text) or any(reads_as(data, name, text) for name in named(warnings)), warnings


def test_the_warning_names_the_encoding_used_and_says_the_text_may_be_misread(tmp_path) -> None:
    path = tmp_path / "pl.txt"
    path.write_bytes("Dziękuję bardzo".encode("cp1250"))
    result = import_file_with_warnings(path)
    [warning] = result.warnings
    assert f"guessed as {result.source.meta.encoding}" in warning
    assert "if letters look wrong, import again choosing the encoding" in warning


def test_a_clear_reading_is_not_warned_about() -> None:
    """A sentence with letters enough to judge by is read without a warning: warnings on every file would teach
    the analyst to ignore them."""
    for language in ("Polish", "Russian", "Greek", "Hebrew", "Turkish", "Chinese (simplified)", "Japanese"):
        codecs, paragraphs = SAMPLES[language]
        text = paragraphs[1]
        decoded, encoding, warnings = read(encode(text, codecs[0]))
        assert (decoded, warnings) == (unicodedata.normalize("NFC", text), []), (language, encoding)


def test_misreadings_are_less_plausible_than_the_text_as_written() -> None:
    """The measure behind the choice: each wrong code page's reading of a sentence scores worse than the right
    one (letters of two scripts in a word, signs inside words, rare ideographs, letters of no one alphabet)."""
    for language, (codecs, paragraphs) in SAMPLES.items():
        data = encode(paragraphs[0], codecs[0])
        right = implausibility(data.decode(codecs[0]))[0]
        for other in ("cp1252", "cp1250", "cp1251", "koi8_r", "cp1253", "cp1255", "shift_jis", "big5", "euc_kr"):
            try:
                reading = data.decode(other)
            except UnicodeDecodeError:
                continue
            if not reads_as(data, other, paragraphs[0]):
                assert implausibility(reading)[0] > right, (language, other, reading[:40])


def test_a_long_file_is_weighed_by_its_start_and_read_whole(tmp_path) -> None:
    text = "\n\n".join(SAMPLES["Russian"][1]) * 400  # (about 250 KB in KOI8-R)
    data = text.encode("koi8_r")
    decoded, encoding, names = most_plausible(data, data.decode("cp1251"), "cp1251", [])
    assert (decoded, encoding, names) == (text, "koi8_r", [])


@settings(max_examples=int(os.environ.get("BRIEFING_EXAMPLES", "60")), deadline=None)
@given(
    sample=st.sampled_from([(codec, paragraphs) for codecs, paragraphs in SAMPLES.values() for codec in codecs]),
    start=st.integers(0, 60),
    length=st.integers(1, 40),
)
def test_any_stretch_of_a_sample_is_read_right_or_with_a_warning_naming_the_right_encoding(sample, start, length):
    """Property: whatever words of a sample an analyst copies (a word to a few lines; in Chinese, Japanese and
    Thai, which have no spaces between words, any characters), their reading is the text as written, or a warning
    says the encoding used and that letters may be wrong (a guess, or bytes shown as �); with eight letters
    beyond ASCII or more it names an encoding that reads the text as written."""
    codec, paragraphs = sample
    whole = "\n\n".join(paragraphs)
    words = whole.split(" ")
    cut = " ".join(words[start % len(words) :][:length]) if len(words) > 20 else whole[start : start + length * 3]
    text = cut.strip()
    data = encode(text, codec)
    if data.isascii():
        return
    decoded, encoding, warnings = read(data)
    if decoded != unicodedata.normalize("NFC", text):
        assert any(f"guessed as {encoding}" in w or f"not valid {encoding}" in w for w in warnings), warnings
        if sum(1 for c in text if not c.isascii()) >= 8:
            assert any(reads_as(data, name, text) for name in named(warnings)), (text, encoding, warnings)


# English and French are the users' languages, cp1252 (or Latin-1) their usual legacy encoding (QA11 D1, D2)
_ENGLISH = (
    "The Minister's café meeting on the naïve budget, a résumé of 2025 costs, was held at 9 a.m. The committee "
    "noted that the deficit rose by 3.5 % and asked for a report by Friday."
)
_FRENCH = (
    "Le ministère a présenté aujourd’hui son plan d’économies : « Nous réduirons les dépenses de 5 % », a déclaré "
    "la ministre. Les syndicats s’inquiètent déjà des conséquences pour les hôpitaux et les écoles. Ce cœur du "
    "débat reste à préciser d’ici à l’été. Où en est-on ? Ça ira, dit-elle."
)


@pytest.mark.parametrize("codec", ["cp1252", "latin_1"])
@pytest.mark.parametrize("text", [_ENGLISH, "Le ministère a présenté aujourd'hui son plan"], ids=["en", "fr"])
def test_english_and_french_in_cp1252_are_not_read_in_a_baltic_or_central_european_code_page(text, codec) -> None:
    """Not cp775's "cafķ", "na’ve" nor cp1250's "ministčre": the ASCII words tell English or French, and cp1252
    reads letters of that language."""
    decoded, encoding, _ = read(text.encode(codec))
    assert (decoded, encoding) == (text, "cp1252")


@pytest.mark.parametrize(
    "text",
    [" ".join([_ENGLISH] * 6), "\n\n".join([_FRENCH, _FRENCH, _FRENCH.removesuffix(" Ça ira, dit-elle.")])],
    ids=["en", "fr"],
)
def test_long_english_or_french_in_cp1252_is_not_warned_about_for_one_letter(text) -> None:
    """cp1250's "naďve" and cp1256's Arabic letter in "Ça" differ from cp1252's reading in one letter each time,
    and that letter is foreign to the language the text is in: no rival, however long the text."""
    assert read(text.encode("cp1252")) == (text, "cp1252", [])


@pytest.mark.parametrize(
    "text",
    [
        "Réunion à Québec : ordre du jour ci-joint.",
        "Ottawa, le 7 décembre 2026",
        "Le ministère a présenté aujourd’hui son plan",
        "The Minister’s café meeting on the naïve budget",
    ],
)
def test_a_short_english_or_french_line_names_no_reading_with_foreign_letters(text) -> None:
    """A word of the line ("du", "le", "the") tells its language, and cp1252 reads that language's letters: cp775's,
    cp874's Thai, Mac Roman's capitals inside words ("cafÈ") or KOI8-R's box drawing for "’" are no rivals."""
    assert read(text.encode("cp1252")) == (text, "cp1252", [])


def test_english_in_cp1250_naming_central_europeans_stays_cp1250() -> None:
    """The preference for cp1252 is for letters English writes: "Wałęsa" and "Dvořák" in an English text saved in
    cp1250 are not cp1252's "Wa³êsa" nor Mac Roman's "Dvo¯·k"."""
    for text in (
        "The meeting with Lech Wałęsa and the Polish delegation was held in Gdańsk on Monday.",
        "The report on Škoda and the Czech ministry was sent to Mr. Dvořák and his staff.",
    ):
        decoded, encoding, _ = read(text.encode("cp1250"))
        assert (decoded, encoding) == (text, "cp1250")
