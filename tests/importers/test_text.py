"""Plain text and Markdown import: structure, encodings (detected, declared by BOM, overridden), warnings."""

from __future__ import annotations

import pytest

from briefing.core.anchors import find_quote
from briefing.importers import SourceImportError, import_file, import_file_with_warnings
from tests.importers.conftest import REPO


def test_demo_article_title_and_paragraphs() -> None:
    source = import_file(REPO / "resources" / "demo" / "canada-iran-talks.txt")
    assert source.meta.title == "Canada Confirms Talks to Renew Iran Ties"
    assert source.meta.encoding == "utf-8"
    assert source.meta.format == "text"
    assert "In 2012, the Harper administration cut ties with Tehran" in source.text
    assert source.blocks[0].kind == "title"
    assert any(b.kind == "paragraph" for b in source.blocks)
    for block in source.blocks:
        assert source.text[block.start : block.end].strip()


# (file, a phrase that only a correct decoding produces, encodings accepted as correct)
ENCODED = [
    ("chardet__EUC-JP___ude_1.txt", "アプリケーション", {"euc_jis_2004", "euc_jp", "euc_jisx0213"}),
    ("chardet__iso-8859-1___ude_1.txt", "ção", {"cp1252", "latin_1", "iso8859-1", "iso8859_15"}),
    ("chardet__iso-8859-1___ude_4.txt", "à", {"cp1252", "latin_1", "iso8859-1", "iso8859_15"}),
    ("charset_normalizer__sample-arabic-1.txt", "ال", {"cp1256"}),
    ("charset_normalizer__sample-french-1.txt", "é", {"cp1252", "iso8859_15"}),
    ("charset_normalizer__sample-greek.txt", "Η", {"cp1253", "iso8859_7"}),
    ("charset_normalizer__sample-hebrew-2.txt", "ה", {"cp1255", "iso8859_8"}),
    ("charset_normalizer__sample-polish.txt", "URZĄDZENIE", {"utf-8"}),
    ("charset_normalizer__sample-turkish.txt", "ş", {"cp1254", "iso8859_9"}),
]


@pytest.mark.parametrize(("name", "phrase", "encodings"), ENCODED)
def test_legacy_encodings_are_detected(corpus, name: str, phrase: str, encodings: set[str]) -> None:
    source = import_file(corpus / "text" / name)
    assert source.meta.encoding in encodings
    assert phrase in source.text
    assert "\ufffd" not in source.text


def test_portuguese_latin1_is_not_read_as_central_european(corpus) -> None:
    result = import_file_with_warnings(corpus / "text" / "chardet__iso-8859-1___ude_1.txt")
    assert "ă" not in result.source.text  # cp1250 would turn "ã" into "ă"
    # charset-normalizer found cp1250 close, and the user was told; weighed, its reading has 17 letters that fit no
    # one language beside Portuguese ones ("ação" as "açăo"): no guess to warn about
    assert not any("cp1250" in w for w in result.warnings), result.warnings


# Short Western European texts with guillemets, as a Latin-1 or cp1252 file from an older office system has them:
# charset-normalizer's best guess for the first was ISO-8859-14, which turns « » into ḋ Ṡ (qa4win 9).
WESTERN = {
    "fr": "Rapport sur les négociations\n\nLes négociations à Genève ont repris lundi dernier. Le ministre a déclaré :"
    " « Nous sommes prêts à discuter. »\n\nLa délégation française arrivera vendredi.\n",
    "fr-short": "Le ministre a dit : « Ça suffit. » Il a quitté la salle.\n",
    "de": "Bericht über die Gespräche\n\nDer Außenminister sagte: »Wir sind bereit.« Die Verhandlungen in Genf werden"
    " fortgesetzt. « Möglich » sei eine Einigung bis März.\n",
    "es": "Informe sobre las negociaciones\n\nEl ministro declaró: «Estamos preparados para dialogar.» La delegación"
    " española llegará el viernes a Ginebra.\n",
}


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
@pytest.mark.parametrize("language", sorted(WESTERN))
def test_short_western_european_text_is_read_as_windows_1252(tmp_path, language: str, codec: str) -> None:
    path = tmp_path / f"{language}.txt"
    path.write_bytes(WESTERN[language].encode(codec))
    result = import_file_with_warnings(path)
    assert result.source.text == WESTERN[language].rstrip("\n")
    assert result.source.meta.encoding == "cp1252"


def test_an_unlikely_encoding_that_fits_a_little_better_is_passed_over(tmp_path) -> None:
    """charset-normalizer's best guess was ISO-8859-14, whose "ḋ" and "Ṡ" for « and » are letters of no language
    written in the common code pages: the cp1252 reading wins, and is no unsure guess (it was warned about as one
    before readings were weighed)."""
    path = tmp_path / "fr.txt"
    path.write_bytes(WESTERN["fr"].encode("latin-1"))
    result = import_file_with_warnings(path)
    assert "« Nous sommes prêts à discuter. »" in result.source.text
    assert result.source.meta.encoding == "cp1252"
    assert not any("iso8859_14" in w for w in result.warnings), result.warnings


def test_cyrillic_central_european_and_greek_short_texts_keep_their_encodings(tmp_path) -> None:
    texts = {
        "cp1250": "Zpráva o jednáních\n\nMinistr zahraničí řekl: „Jsme připraveni jednat.“ Delegace přijede v pátek"
        " do Ženevy. Příští týden se uskuteční další schůzka.",
        "cp1251": "Доклад о переговорах\n\nМинистр иностранных дел заявил: «Мы готовы к диалогу». Делегация прибудет"
        " в пятницу в Женеву.",
        "cp1253": "Έκθεση για τις διαπραγματεύσεις\n\nΟ υπουργός Εξωτερικών δήλωσε: «Είμαστε έτοιμοι για διάλογο.»",
    }
    for codec, text in texts.items():
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(text.encode(codec))
        source = import_file(path)
        assert (source.text, source.meta.encoding) == (text, codec)


def test_rtl_text_gets_rtl_direction(corpus) -> None:
    source = import_file(corpus / "text" / "charset_normalizer__sample-hebrew-2.txt")
    assert source.meta.direction == "rtl"


def test_utf16_without_bom(corpus) -> None:
    result = import_file_with_warnings(corpus / "text" / "chardet__UTF-16LE__nobom-utf16le.txt")
    assert result.source.meta.encoding == "utf-16-le"
    assert "\x00" not in result.source.text
    assert any("byte-order mark" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [(b"\xef\xbb\xbf", "utf-8", "utf-8-sig"), (b"", "utf-16", "utf-16"), (b"", "utf-32", "utf-32")],
)
def test_boms(tmp_path, bom: bytes, codec: str, expected: str) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(bom + "Überschrift\n\nDer Text geht weiter, mit Umlauten: äöü.".encode(codec))
    source = import_file(path)
    assert source.meta.encoding == expected
    assert source.text.startswith("Überschrift")
    assert "\ufeff" not in source.text


def test_encoding_override(tmp_path) -> None:
    path = tmp_path / "cyrillic.txt"
    path.write_bytes("Привет, мир. Это проверка кодировки.".encode("koi8_r"))
    assert "Привет" in import_file(path, encoding="koi8_r").text
    assert import_file(path, encoding="koi8_r").meta.encoding == "koi8-r"
    with pytest.raises(SourceImportError, match="unknown encoding"):
        import_file(path, encoding="no-such-codec")


def test_a_legacy_encoding_forced_on_utf8_text_is_warned_about(tmp_path) -> None:
    """--encoding latin-1 on a UTF-8 file gives "å æ¿å¤§…", mojibake that can be quoted and exported: the
    analyst is told (qa4exp 4). An encoding that is right, and plain ASCII in any encoding, are not warned about."""
    path = tmp_path / "chinese.txt"
    path.write_bytes("加拿大外交部长证实。".encode())
    result = import_file_with_warnings(path, encoding="latin-1")
    assert "加拿大" not in result.source.text
    assert [w for w in result.warnings if "valid UTF-8" in w and "choosing utf-8" in w], result.warnings
    french = tmp_path / "fr.txt"
    french.write_bytes("Déjà vu, à Genève.".encode("cp1252"))
    assert import_file_with_warnings(french, encoding="cp1252").warnings == []
    assert import_file_with_warnings(path, encoding="utf-8").warnings == []
    ascii_text = tmp_path / "en.txt"
    ascii_text.write_bytes(b"Plain words only.")
    assert import_file_with_warnings(ascii_text, encoding="latin-1").warnings == []


def test_override_that_does_not_fit_is_an_error(tmp_path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes("déjà vu".encode("cp1252"))
    with pytest.raises(SourceImportError, match="is not valid utf-8"):
        import_file(path, encoding="utf-8")


def test_utf16_forced_on_8_bit_text_is_refused_naming_the_encoding_that_reads_it(tmp_path) -> None:
    """Reopen With Encoding as UTF-16 on a Latin-1 file filled the source with CJK ideographs, private-use and bidi
    characters (qa4win 14): a reading with no letters of any language is refused, as invalid UTF-8 is."""
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Le ministre a déclaré : « Nous sommes prêts à discuter. »\n".encode("latin-1"))
    assert len(latin1.read_bytes()) % 2 == 0  # so it decodes as UTF-16 without an error
    for forced in ("utf-16", "utf-16-be", "UTF-16LE"):
        with pytest.raises(SourceImportError, match=r"is not utf-16(-[lb]e)? text .*; it reads as cp1252") as caught:
            import_file(latin1, encoding=forced)
        assert "latin1.txt" in str(caught.value)
    russian = tmp_path / "ru.txt"
    russian.write_bytes("Министр заявил: переговоры продолжатся.\n".encode())  # (an even number of bytes)
    with pytest.raises(SourceImportError, match="reads as utf-8"):
        import_file(russian, encoding="utf-16")


def test_utf16_that_is_utf16_is_read_when_forced(tmp_path, corpus) -> None:
    """Real UTF-16 is kept: with ASCII (and its zero bytes), symbols that look like a jumble to a measure of
    mess included, and Chinese with no ASCII at all, which detection cannot tell from bytes."""
    maths = tmp_path / "maths.txt"
    maths.write_bytes(("∀x∈ℝ: x²≥0 ⇒ √(x²)=|x|; ∑ᵢ aᵢ ≤ ∏ⱼ bⱼ\n" * 10).encode("utf-16"))
    assert "∑ᵢ aᵢ" in import_file(maths, encoding="utf-16").text
    chinese = tmp_path / "zh.txt"
    chinese.write_bytes(("加拿大外交部长证实，谈判将继续。" * 10).encode("utf-16-le"))
    assert "谈判将继续" in import_file(chinese, encoding="utf-16-le").text
    csv = corpus / "text" / "chardet__UTF-16LE__nobom-utf16le.txt"
    assert import_file(csv, encoding="utf-16-le").text == import_file(csv).text


def test_a_few_corrupt_bytes_in_utf8_are_replaced_with_a_warning(tmp_path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(("Zażółć gęślą jaźń. " * 50).encode("utf-8") + b"\xc3 end")
    result = import_file_with_warnings(path)
    assert result.source.meta.encoding == "utf-8"
    assert "Zażółć" in result.source.text
    assert any("not valid utf-8" in w for w in result.warnings)


def test_markdown_structure(tmp_path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "# Title here\n\nIntro paragraph.\n\n## Section\n\n- one\n- two\n\n> quoted words\n\n1. Step one.\n2) Step two.\n",
        "utf-8",
    )
    source = import_file(path)
    kinds = [(b.kind, source.text[b.start : b.end]) for b in source.blocks]
    assert kinds == [
        ("title", "Title here"),
        ("paragraph", "Intro paragraph."),
        ("heading", "Section"),
        ("list-item", "one"),  # a bullet is markup
        ("list-item", "two"),
        ("quote", "quoted words"),
        ("list-item", "1. Step one."),  # a number is text: readers refer to "step 1"
        ("list-item", "2) Step two."),
    ]
    assert source.meta.title == "Title here"


def test_a_markdown_table_comes_in_as_rows(tmp_path) -> None:
    """A GFM table came in as one paragraph of raw pipes, "| a | b | |---|---| …" (qa4exp 11): a block per row, its
    cells "a | b" as an HTML or DOCX table's, no rule row; the cells read without their markup."""
    path = tmp_path / "rapport.md"
    path.write_text(
        "# Rapport\n\nLes montants.\n\n| Pays | Montant |\n|---|:--:|\n| Canada | 12 \\| 13 |\n| Iran | **5** |\n\n"
        "Costs | benefits\n---\n\nFin.\n",
        encoding="utf-8",
    )
    source = import_file(path)
    blocks = [(b.kind, source.text[b.start : b.end]) for b in source.blocks]
    assert blocks[2:5] == [("table", "Pays | Montant"), ("table", "Canada | 12 | 13"), ("table", "Iran | 5")]
    assert ":--:" not in source.text and "|---" not in source.text
    assert blocks[5][0] != "table"  # a line over "---" is no table
    assert find_quote(source.text, "Canada | 12 | 13")


def test_markdown_headings_keep_a_closing_hash_of_their_own_and_list_items_go_on_over_lines(tmp_path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Learn C#\n\n## Budget ##\n\n- an item that goes\n  on to a second line\n- next item\n", "utf-8")
    source = import_file(path)
    assert [(b.kind, source.text[b.start : b.end]) for b in source.blocks] == [
        ("title", "Learn C#"),  # a closing run of "#" follows a space
        ("heading", "Budget"),
        ("list-item", "an item that goes on to a second line"),
        ("list-item", "next item"),
    ]


def test_markdown_is_read_without_its_inline_markup_and_titled_by_its_heading(tmp_path) -> None:
    """QA2 22: Briefing's own Markdown export as a source: its title the "#" heading, not the "**PROTECTED B**"
    marking above it, and its words without the asterisks, so that a quotation of them is found."""
    path = tmp_path / "en.md"
    path.write_text(
        "**PROTECTED B**\n\n**MEMORANDUM TO THE MINISTER**  \n**FOR DECISION**\n\n"
        "# Canada–Iran: re-engagement options\n\n## Purpose\n\n"
        "To seek your **decision** on whether to *re-engage*, see [the report](https://x.org/r) or "
        "<https://x.org>; `a*b*c` stays; snake\\_case and snake_case_name, 2\\*3 and __strong__ words.\n",
        "utf-8",
    )
    source = import_file(path)
    assert source.meta.title == "Canada–Iran: re-engagement options"
    assert [(b.kind, source.text[b.start : b.end]) for b in source.blocks] == [
        ("paragraph", "PROTECTED B"),
        ("paragraph", "MEMORANDUM TO THE MINISTER FOR DECISION"),
        ("title", "Canada–Iran: re-engagement options"),
        ("heading", "Purpose"),
        (
            "paragraph",
            "To seek your decision on whether to re-engage, see the report or https://x.org; a*b*c stays; snake_case "
            "and snake_case_name, 2*3 and strong words.",
        ),
    ]
    assert find_quote(source.text, "To seek your decision on whether to re-engage")


def test_a_markdown_style_title_in_plain_text_is_named_without_its_hash(tmp_path) -> None:
    path = tmp_path / "memo.txt"
    path.write_text("# Talks with Iran\n\nThe talks went on.\n", "utf-8")
    source = import_file(path)
    assert source.text.startswith("# Talks with Iran")  # the text keeps every character
    assert source.meta.title == "Talks with Iran"


def test_plain_text_keeps_every_character(tmp_path) -> None:
    # a year or a paragraph number opening a line is not list markup to drop: quotations must be able to include it
    written = (
        "2012. The embassy closed.\n\n1. First numbered paragraph.\n2) Second one.\n\n- a dash\n\n> quoted\n\n# hash"
    )
    path = tmp_path / "report.txt"
    path.write_text(written, "utf-8")
    source = import_file(path)
    assert source.text == written.replace("\n2)", "\n\n2)")  # (each list line is a block of its own)
    assert [b.kind for b in source.blocks][:3] == ["list-item"] * 3


def test_list_lines_after_a_lead_in_are_items_not_glued_into_its_paragraph(tmp_path) -> None:
    """QA9 D3: "Key points from the call:" and the bullet and numbered lines under it came in as one paragraph
    ("… call: - a bullet - another bullet * star 1. numbered"): each line a list item, as a reader sees it, the
    lead-in a paragraph of its own; every character kept. Two list lines make a list after any line; one only
    after a line ending ":"."""
    written = (
        "Key points from the call:\n- a bullet\n- another bullet that goes\n  on to a second line\n* star bullet\n"
        "\u2022 round bullet\n1. numbered item\n2) second numbered\n\nThe agenda was short\n- budget\n- staff\n\n"
        "One thing to note:\n1. the date\n"
    )
    path = tmp_path / "call.txt"
    path.write_text(written, "utf-8")
    source = import_file(path)
    assert [(b.kind, source.text[b.start : b.end]) for b in source.blocks] == [
        ("paragraph", "Key points from the call:"),
        ("list-item", "- a bullet"),
        ("list-item", "- another bullet that goes on to a second line"),
        ("list-item", "* star bullet"),
        ("list-item", "\u2022 round bullet"),
        ("list-item", "1. numbered item"),
        ("list-item", "2) second numbered"),
        ("heading", "The agenda was short"),
        ("list-item", "- budget"),
        ("list-item", "- staff"),
        ("paragraph", "One thing to note:"),
        ("list-item", "1. the date"),
    ]


def test_a_number_or_dash_opening_one_wrapped_line_stays_in_its_paragraph(tmp_path) -> None:
    # wrapped prose: a line that happens to open with "2012." or "- " is no list (one such line, no ":" before it)
    written = "The embassy closed in\n2012. It reopened\nlater.\n\nThe minister said\n- and I quote -\nthat it would.\n"
    path = tmp_path / "prose.txt"
    path.write_text(written, "utf-8")
    source = import_file(path)
    assert [(b.kind, source.text[b.start : b.end]) for b in source.blocks] == [
        ("paragraph", "The embassy closed in 2012. It reopened later."),
        ("paragraph", "The minister said - and I quote - that it would."),
    ]


def test_a_word_broken_at_a_line_end_is_joined_as_a_pdf_line_is(tmp_path) -> None:
    """QA8 D10: text copied from a PDF viewer (or wrapped for an e-mail) keeps "offi-⏎cial"; read as a PDF's lines
    are (importers/line_ends.py): the word whole where the document has it whole, a compound keeps its hyphen, and
    a quotation never reads "offi- cial"."""
    path = tmp_path / "hy2.txt"
    path.write_text(
        "The ministers reopened the offi-\ncial channels before the end of the year, said an official,\n"
        "a well-\nknown diplomat from the Franco-\nGerman desk. New nego-\ntiations resume.\n",
        "utf-8",
    )
    source = import_file(path)
    assert source.text == (
        "The ministers reopened the official channels before the end of the year, said an official, "
        "a well-known diplomat from the Franco-German desk. New nego-tiations resume."
    )
    [match] = find_quote(source.text, "reopened the official channels before")
    assert source.text[match.start : match.end] == "reopened the official channels before"
    [match] = find_quote(source.text, "New negotiations resume")  # (hyphen kept: "negotiations" is not elsewhere)
    assert source.text[match.start : match.end] == "New nego-tiations resume"


def test_a_suspended_hyphen_at_a_line_end_keeps_its_space_and_an_abbreviation_keeps_its_hyphen(tmp_path) -> None:
    """QA9 D1/D2: "short-⏎and long-term" is a suspended hyphen (not "short-and"), in French too ("court-⏎et long
    terme"); "U.S.-⏎Mexico" is a compound after an abbreviation (not "U.S.- Mexico")."""
    path = tmp_path / "hyph2.txt"
    path.write_text(
        "The official text covers both short-\nand long-term goals for pre-\nand post-election periods, and\n"
        "trade with the U.S.-\nMexico border, a hand-\nto-mouth policy. Les objectifs à court-\net long terme.\n",
        "utf-8",
    )
    text = import_file(path).text
    assert text == (
        "The official text covers both short- and long-term goals for pre- and post-election periods, and trade "
        "with the U.S.-Mexico border, a hand-to-mouth policy. Les objectifs à court- et long terme."
    )
    for quoted in ("both short- and long-term goals for pre- and post-election", "the U.S.-Mexico border"):
        [match] = find_quote(text, quoted)
        assert text[match.start : match.end] == quoted


def test_cp1251_feed_is_detected(corpus) -> None:
    from briefing.importers import make_options
    from briefing.importers.text import decode

    data = (corpus / "text" / "chardet__windows-1251-russian__newsru.com.xml").read_bytes()
    text, encoding = decode(data, "feed.xml", None, make_options())
    assert encoding == "cp1251"
    assert "Россия" in text or "России" in text


def test_binary_named_txt_is_refused(tmp_path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    with pytest.raises(SourceImportError, match="not a text file"):
        import_file(path)


def test_page_and_line_breaks_separate_words(tmp_path) -> None:
    path = tmp_path / "ff.txt"
    # a form feed (new page) and PARAGRAPH SEPARATOR start a paragraph; VT, NEL and LINE SEPARATOR break a line
    path.write_bytes(
        "The last word on page one is alpha\fbeta starts page two. Also gamma\vdelta, eta\x85theta,"
        " iota\u2028kappa.\u2029Lambda is in a paragraph of its own.".encode()
    )
    source = import_file(path)
    assert source.text == (
        "The last word on page one is alpha\n\nbeta starts page two. Also gamma delta, eta theta, iota kappa."
        "\n\nLambda is in a paragraph of its own."
    )


def test_markdown_backslashes_read_as_a_markdown_reader_reads_them(tmp_path) -> None:
    # QA4 16: the note markup now keeps "\\" as typed, so the Markdown reader undoes Markdown's own escapes itself
    from briefing.export.markdown import escape

    typed = r"Saved at \\ncr-fs01\policy\note.docx, C:\Users\* and a\\b."
    path = tmp_path / "unc.md"
    path.write_text(f"{escape(typed)}\n\nLiteral \\\\\\*star\\* and \\\\*emphasis*.\n", "utf-8")  # as our export
    source = import_file(path)
    assert [source.text[b.start : b.end] for b in source.blocks] == [typed, "Literal \\*star* and \\emphasis."]


# One line saved as Windows "ANSI": charset-normalizer scored them Mac Roman (“quickly” as ìquicklyî) and cp1257
# (À as Ą) (QA5 5)
SHORT_CP1252 = [
    "The minister’s “step by step” approach.",
    "Talks – officials say — resumed “quickly”.",
    "ÉTATS-UNIS ET CANADA : ACCORD SIGNÉ À OTTAWA",
    "L’ambassade a fermé ses portes à Téhéran… enfin.",
]


@pytest.mark.parametrize("text", SHORT_CP1252)
def test_a_short_cp1252_text_with_curly_quotes_dashes_or_capitals_is_read_as_cp1252(tmp_path, text: str) -> None:
    path = tmp_path / "one.txt"
    path.write_bytes(text.encode("cp1252"))
    source = import_file(path)
    assert (source.text, source.meta.encoding) == (text, "cp1252")


def test_mac_roman_and_other_windows_code_pages_with_curly_quotes_are_not_taken_for_cp1252(tmp_path) -> None:
    texts = {
        "mac_roman": "Le ministre a déclaré à Genève.",
        "cp1251": "Министр сказал: “Мы готовы”.",
    }
    for codec, text in texts.items():
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(text.encode(codec))
        source = import_file(path)
        assert (source.text, source.meta.encoding) == (text, codec)


# Legacy Central/Eastern European, Turkish and Hebrew texts, one or three sentences: charset-normalizer scored them
# as cp1252 ("Dýþiþleri", "kezdõdtek"), cp1254 ("Uşsienio reikalø", silently) or cp1251 (Hebrew as "дщшд") (QA6 3)
LEGACY = [
    ("cp1254", "Dışişleri Bakanı Cuma günü açıkladı: “görüşmeler başladı”."),
    (
        "cp1254",
        "Dışişleri Bakanı Cuma günü İran ile görüşmelerin Cenevre'de yeniden başladığını açıkladı. Heyet pazartesi"
        " dönecek. Bakan, anlaşmanın yakında imzalanacağını söyledi.",
    ),
    ("cp1257", "Užsienio reikalų ministrė penktadienį pareiškė."),
    (
        "cp1257",
        "Užsienio reikalų ministrė penktadienį pareiškė, kad derybos Ženevoje atnaujintos. Delegacija grįš"
        " pirmadienį. Susitarimas bus pasirašytas netrukus.",
    ),
    ("iso8859_2", "A külügyminiszter pénteken bejelentette: tárgyalások kezdődtek."),
    ("cp1250", "A külügyminiszter pénteken bejelentette, hogy a tárgyalások elkezdődtek."),
    ("cp1255", "השרה אמרה ביום שישי כי השיחות החלו."),
]


@pytest.mark.parametrize(("codec", "text"), LEGACY)
def test_a_legacy_text_is_read_in_the_encoding_whose_letters_fit_its_language(tmp_path, codec: str, text: str) -> None:
    path = tmp_path / "one.txt"
    path.write_bytes(text.encode(codec))
    result = import_file_with_warnings(path)
    assert result.source.text == text
    assert text.encode(result.source.meta.encoding) == text.encode(codec)  # (cp1250 reads ISO-8859-2's ő alike)


def test_a_guess_made_on_the_letters_of_a_language_is_reported_as_unsure(tmp_path) -> None:
    path = tmp_path / "lt.txt"
    path.write_bytes("Užsienio reikalų ministrė penktadienį pareiškė.".encode("cp1257"))
    result = import_file_with_warnings(path)
    assert any("guessed as cp1257" in w and "cp1254" in w for w in result.warnings), result.warnings


@pytest.mark.parametrize(
    "text",
    [
        "El ministre va dir divendres que així no es pot continuar la negociació, però sí més endavant.",
        "Il ministro ha detto venerdì che però così non si può andare avanti con la trattativa.",
    ],
)
def test_catalan_and_italian_in_cp1252_are_not_read_as_vietnamese(tmp_path, text: str) -> None:
    """QA7: cp1258 reads "però" as "per" + a combining grave, an accent no letter takes; its letters fitting no
    alphabet, the cp1252 reading wins."""
    path = tmp_path / "note.txt"
    path.write_bytes(text.encode("cp1252"))
    source = import_file(path)
    assert (source.text, source.meta.encoding) == (text, "cp1252")


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("cp1252", "Udenrigsministeren sagde på fredag, at forhandlingerne var begyndt."),
        ("latin-1", "Mødet blev udsat."),
        ("cp1252", "Han kom hjem på fredag."),
    ],
)
def test_one_byte_that_is_not_utf8_and_no_byte_that_is_makes_a_single_byte_text(tmp_path, codec, text) -> None:
    """A Danish line whose one "å" is a cp1252 byte was read as UTF-8 with that byte replaced by �: with no UTF-8
    character beside it, the byte is a letter of a single-byte encoding."""
    path = tmp_path / "da.txt"
    path.write_bytes(text.encode(codec))
    result = import_file_with_warnings(path)
    assert result.source.text == text
    assert not any("not valid utf-8" in w for w in result.warnings), result.warnings


def test_a_utf8_text_with_as_many_characters_as_corrupt_bytes_stays_utf8(tmp_path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes("Le ministre a parlé.".encode() + b" Fin \xe9")
    result = import_file_with_warnings(path)
    assert (result.source.text, result.source.meta.encoding) == ("Le ministre a parlé. Fin \ufffd", "utf-8")
    assert any("not valid utf-8" in w for w in result.warnings), result.warnings


@pytest.mark.parametrize(
    "text",
    ["Välisminister ütles reedel, et läbirääkimised jätkuvad.", "Õhtul teatas valitsus, et töö jätkub."],
)
def test_estonian_in_cp1257_is_not_read_as_mac_roman(tmp_path, text: str) -> None:
    """charset-normalizer scored Mac Roman's "V‰lisminister ¸tles" cleaner than Estonian's "ää": a reading with
    signs inside its words fits no language and loses to one, a little messier, whose letters fit Estonian."""
    path = tmp_path / "et.txt"
    path.write_bytes(text.encode("cp1257"))
    result = import_file_with_warnings(path)
    assert result.source.text == text
    assert text.encode(result.source.meta.encoding) == text.encode("cp1257")  # (cp1252 reads ä ö ü õ alike)
    assert any("guessed as" in w for w in result.warnings), "still an unsure guess"


@pytest.mark.parametrize(
    "text",
    [
        "El col·legi d’advocats «aprova» l’acord: ¿qui l’ha signat? ¡Ningú!",
        "Superficie : 40 m², marque Acme™ – l’État a dit « non ».",
    ],
)
def test_signs_that_belong_beside_letters_do_not_make_a_reading_fit_no_language(tmp_path, text: str) -> None:
    path = tmp_path / "signs.txt"
    path.write_bytes(text.encode("cp1252"))
    source = import_file(path)
    assert (source.text, source.meta.encoding) == (text, "cp1252")


@pytest.mark.parametrize("text", ["It’s done.", "Ministre—l’accord—« ok »", "Talks—resumed.", "Ottawa – Gatineau"])
def test_a_short_cp1252_line_with_only_its_quotes_and_dashes_is_not_read_as_cjk_or_utf8(tmp_path, text: str) -> None:
    """charset-normalizer offered only CJK readings of "It’s done." ("It抯 done.", GB18030) and of a line with a
    dash and a curly quote (Shift-JIS), and one dash alone was UTF-8 with a replaced byte: cp1252's punctuation
    reads them, still as an unsure guess."""
    path = tmp_path / "one.txt"
    path.write_bytes(text.encode("cp1252"))
    result = import_file_with_warnings(path)
    assert (result.source.text, result.source.meta.encoding) == (text, "cp1252")
    assert any("guessed as cp1252" in w for w in result.warnings), result.warnings
