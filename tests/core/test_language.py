"""A note's language: French wording and typography, and the file format that keeps it."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from briefing.core.citation import ocr_note, place
from briefing.core.language import (
    NBSP,
    Wording,
    detect_language,
    format_date,
    french_spacing,
    french_text,
    french_typography,
    language_tag,
    quotation_language,
    source_language,
)
from briefing.core.model import Source, SourceMeta
from briefing.core.operations import OperationError, SetTitleField
from briefing.core.project import ProjectFileError
from briefing.core.project_load import load_briefing
from briefing.core.project_manifest import dump_manifest, parse_manifest
from briefing.core.project_save import save_briefing
from briefing.core.text import build_text
from briefing.demo import demo_briefing


def test_french_typography() -> None:
    assert french_typography("Objet: “la note”; fin? oui!") == (
        f"Objet{NBSP}: «{NBSP}la note{NBSP}»{NBSP}; fin{NBSP}? oui{NBSP}!"
    )
    assert french_typography("https://x.ca/a?b=1 et 10:30") == "https://x.ca/a?b=1 et 10:30"  # left alone
    # a title (or quotation) is the source's words: spaced as written, only its spaces made non-breaking (QA8 D5)
    assert french_typography("A, “Iran: talks; why? now !”, p. 2: fin") == (
        f"A, «{NBSP}Iran: talks; why? now{NBSP}!{NBSP}», p. 2{NBSP}: fin"
    )


def test_french_dates_and_places() -> None:
    assert format_date("2026-12-04", "fr") == "4 décembre 2026"
    assert format_date("2026-12-01", "fr") == "1er décembre 2026"
    assert format_date("2026-12-04") == "4 December 2026"
    assert format_date("2026-08", "fr") == "août 2026"


def _source(pages: list[int] | None = None, ocr: list[int] | None = None) -> Source:
    text, blocks = build_text([("paragraph", 0, p) for p in ("One.", "Two.", "Three.", "Four.")])
    starts = [0, blocks[2].start] if pages else []
    meta = SourceMeta(title="R", file_name="r.pdf", page_starts=starts, pages=len(starts), ocr_pages=ocr or [])
    return Source(id="s", text=text, blocks=blocks, meta=meta)


def test_french_places_come_from_the_one_home_of_citation_places() -> None:
    plain, paged = _source(), _source(pages=[1, 2], ocr=[2])
    span = plain.text.index("Two"), plain.text.index("Three") + 5
    assert (place(plain, *span), place(plain, *span, "fr")) == ("paras. 2–3", "paragr. 2–3")
    assert place(plain, span[0], span[0] + 3, "fr") == "paragr. 2"
    assert place(paged, *span, "fr") == "p. 1–2 (texte ROC)"  # "p." for pages too, in French
    assert place(paged, *span) == "pp. 1–2 (OCR text)"
    assert ocr_note(paged, "fr") == "Page 2 lue par ROC" and ocr_note(paged) == "Page 2 read by OCR"


def test_french_spacing_of_the_analysts_text() -> None:
    assert french_text("Objet: la note; fin? oui!") == f"Objet{NBSP}: la note{NBSP}; fin{NBSP}? oui{NBSP}!"
    assert french_text("Vraiment?! (sûr!)") == f"Vraiment{NBSP}?! (sûr{NBSP}!)"
    assert french_text("« texte » et «x»") == f"«{NBSP}texte{NBSP}» et «{NBSP}x{NBSP}»"
    assert french_text("l'analyse d'aujourd'hui") == "l’analyse d’aujourd’hui"
    assert french_text(f"déjà{NBSP}: ok ?") == f"déjà{NBSP}: ok{NBSP}?"  # a non-breaking space is kept


def test_french_spacing_leaves_quotations_urls_times_and_code_alone() -> None:
    # the quoted words are the source's: only the guillemets and their inner spaces change
    assert french_text('Il a dit "the deal is off!" hier') == f"Il a dit «{NBSP}the deal is off!{NBSP}» hier"
    assert french_text("Voir https://x.ca/a?b=1&c=d:e et www.x.ca;") == "Voir https://x.ca/a?b=1&c=d:e et www.x.ca;"
    assert french_text("À 10:30 et 14:00, ratio 3:2") == "À 10:30 et 14:00, ratio 3:2"
    assert french_text("Écrire `a; b` puis C:\\Temp") == "Écrire `a; b` puis C:\\Temp"
    assert french_text("? au début") == "? au début"  # nothing before it to keep it with


def test_french_spacing_keeps_each_run_its_own_text() -> None:
    runs = ["Attention ", "important", "! Suite: ", "gras", " ?"]
    assert french_spacing(runs) == ["Attention ", "important", f"{NBSP}! Suite{NBSP}: ", "gras", f"{NBSP}?"]


def test_the_language_of_a_paragraph() -> None:
    assert detect_language("The minister will meet her counterpart on Monday to discuss the file.") == "en"
    assert detect_language("La ministre rencontrera son homologue lundi pour discuter du dossier.") == "fr"
    assert detect_language("Élément général détaillé préféré prévu", "en") == "fr"  # accents alone tell too
    # too short, or as English as French: the note's first language
    assert detect_language("Canada–Iran, pourparlers", "en") == "en"
    assert detect_language("Options et recommandations", "fr") == "fr"
    assert detect_language("Le budget of the programme et the plan de la", "en") == "en"


def test_short_french_lines_are_told_by_french_punctuation_spacing() -> None:
    # QA2 defect 8: an analyst's short French lines had too few common words and were taken for English
    for text in (
        "Options : 1, 2 ou 3 ?",
        "Statu quo ?",
        "Budget : 4 M$ (voir l'annexe B).",
        "Recommandation : approuver.",
        "Commentaire : à vérifier ?",
        "Relations Canada–Iran : état des lieux",
        "Note d'information : essai",
    ):
        assert detect_language(text, "en") == "fr", text
    # English spacing, or an English sentence with a stray space, stays English
    assert detect_language("Options: 1, 2 or 3?", "en") == "en"
    assert detect_language("Options: 1, 2 or 3?", "") == ""
    assert detect_language("What is the plan for the file ?", "") == "en"


def test_turkish_is_not_french() -> None:
    # QA2 defect 15: Turkish "en" ("most") and ü, ç counted as French; ı, ş, ğ, ö are no French letters
    quote = "İstanbul, Türkiye'nin en kalabalık, iktisadi ve kültürel açıdan en önemli şehri."
    assert detect_language(quote, "") == ""
    assert quotation_language(_quoted(quote), quote) == ""
    # a French text naming a Turkish politician stays French
    assert detect_language("Le président a reçu M. Kılıçdaroğlu à Ankara pour discuter de la crise.", "") == "fr"


def test_spanish_german_italian_portuguese_or_dutch_is_neither_english_nor_french() -> None:
    # they share "de", "la", "en", "que" with French: without their own words they counted as French
    for text in (
        "El gobierno de Canadá confirmó que las conversaciones con Irán se reanudarán la semana que viene.",
        "Die Regierung von Kanada hat bestätigt, dass die Gespräche mit dem Iran nicht beendet sind.",
        "Il governo del Canada ha confermato che i colloqui con l'Iran sono ripresi della settimana scorsa.",
        "O governo do Canadá confirmou que as conversas com o Irão não terminaram e que os diplomatas voltam.",
        "De regering van Canada heeft bevestigd dat de gesprekken met Iran niet zijn beëindigd.",
    ):
        assert detect_language(text, "") == "", text


FRENCH_ARTICLE = "La désinformation a été une des caractéristiques de la pandémie. " * 3
ENGLISH_ARTICLE = "In 2012, the Harper administration cut ties with Tehran and expelled its diplomats. " * 3


def test_a_sources_language_is_its_texts_where_the_file_declares_a_default() -> None:
    assert source_language(FRENCH_ARTICLE) == "fr"  # nothing declared: the text tells
    assert source_language(FRENCH_ARTICLE, "", "en") == "fr"  # a site's lang="en" on a French page
    assert source_language(FRENCH_ARTICLE, "fr_FR", "en") == "fr-FR"  # og:locale agrees with the text
    assert source_language(ENGLISH_ARTICLE, "en-GB") == "en-GB"  # what the file says, when the text agrees
    assert source_language(ENGLISH_ARTICLE, "es-ES") == "es-ES"  # a language the text cannot tell is kept
    spanish = "El gobierno de Canadá confirmó que las conversaciones con Irán se reanudarán pronto. " * 3
    assert source_language(spanish, "en-US") == ""  # Word's default on a Spanish text: not English either
    assert source_language(spanish, "en-US", "es-MX") == "es-MX"
    assert source_language("Canada–Iran", "fr-CA", "en") == "fr-CA"  # too short to tell: the most trusted first
    assert source_language("2026-12-04") == ""


def _quoted(text: str, language: str = "") -> Source:
    body, blocks = build_text([("paragraph", 0, text)])
    return Source(id="src-1", text=body, blocks=blocks, meta=SourceMeta(language=language))


def test_a_quotations_language() -> None:
    quote = "La désinformation a été une des caractéristiques de la pandémie."
    assert quotation_language(_quoted(FRENCH_ARTICLE, "fr-FR"), quote) == "fr-FR"  # the source's, as imported
    assert quotation_language(_quoted(FRENCH_ARTICLE), quote) == "fr"  # a source with none: its words
    assert quotation_language(_quoted(FRENCH_ARTICLE), "La pandémie") == "fr"  # too short: its source's text
    assert quotation_language(_quoted(ENGLISH_ARTICLE), "Harper administration") == "en"
    assert quotation_language(_quoted("روابط دیپلماتیک کانادا و ایران", "en"), "روابط دیپلماتیک") == ""  # its script
    assert quotation_language(_quoted("روابط دیپلماتیک کانادا و ایران", "fa-IR"), "روابط دیپلماتیک") == "fa-IR"


def test_links_handles_and_words_with_digits_are_set_aside_as_the_pattern_does() -> None:
    """_without_non_words answers at once for text without "://", "www.", "@", "#" or a digit: the same text the
    pattern gives, for every digit of every script and every kind of non-word."""
    from briefing.core import language
    from briefing.demo import demo_briefing

    texts = [FRENCH_ARTICLE, ENGLISH_ARTICLE, "Maybe worth considering chloroquine for C19", "mail a.b@c.ca now"]
    texts += ["see https://x.ca/a or ftp://y", "at www.gc.ca", "#tag and @handle", "un # seul", "pas@", "ftp:/ x"]
    texts += [f"year {chr(code)}0 again" for code in range(0x110000) if chr(code).isdecimal()]  # ٣ ۳ ३ ...
    demo = demo_briefing()
    texts += [item.text for section in demo.sections for item in section.items if hasattr(item, "text")]
    texts += [source.text for source in demo.sources]
    for text in texts:
        assert language._without_non_words(text) == language._NOT_WORDS.sub(" ", text), text[:40]


def test_a_quotations_own_words_decide_over_its_sources_language() -> None:
    tweet = "Maybe worth considering chloroquine for C19 https://t.co/LEYob7Jofr"  # quoted on a French page
    assert quotation_language(_quoted(FRENCH_ARTICLE, "fr-FR"), tweet) == "en"
    assert quotation_language(_quoted(FRENCH_ARTICLE, "fr"), ENGLISH_ARTICLE) == "en"  # running text
    assert quotation_language(_quoted(ENGLISH_ARTICLE, "en-GB"), "Le gouvernement confirme les pourparlers") == "fr"
    assert quotation_language(_quoted(ENGLISH_ARTICLE, "en-GB"), ENGLISH_ARTICLE) == "en-GB"  # agrees: its own tag
    # too short or with both languages' words: the source's language
    assert quotation_language(_quoted(FRENCH_ARTICLE, "fr"), "Chloroquine for C19") == "fr"
    assert quotation_language(_quoted(FRENCH_ARTICLE, "fr"), "Trump for président en 2024") == "fr"
    assert quotation_language(_quoted(FRENCH_ARTICLE, "fr"), "Make America Great Again") == "fr"
    assert quotation_language(_quoted(FRENCH_ARTICLE, "fr"), "@WHO #covid19 https://who.int/news for") == "fr"


def test_wording_in_each_language() -> None:
    assert Wording("fr").word("Prepared by") == "Préparé par"
    assert Wording("fr").word("For decision") == "Pour décision"
    assert Wording("fr").marking("protected b") == "PROTÉGÉ B"
    assert Wording("fr").label("Date") == f"Date{NBSP}: "
    # QA4 9: English typography for an English colon in a bilingual note, French after the French half
    assert Wording("bilingual").label(Wording("bilingual").word("Date")) == "Date: "
    assert Wording("bilingual").label(Wording("bilingual").word("Prepared by")) == f"Prepared by / Préparé par{NBSP}: "
    assert Wording("bilingual").heading("Background", "Contexte") == "Background / Contexte"
    assert Wording("bilingual").heading("Options", "Options") == "Options"
    assert Wording("en").page(3, 4) == "Page 3 of 4" and Wording("fr").page(3, 4) == "Page 3 de 4"
    with pytest.raises(ValueError):
        Wording("de")


def _rewrite(path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(path) as zf:
        parts = [(info, zf.read(info)) for info in zf.infolist()]
    out = path.with_name("changed.briefing")
    with zipfile.ZipFile(out, "w") as zf:
        for info, data in parts:
            if info.filename == "manifest.yaml":
                manifest = parse_manifest(data)
                change(manifest)
                data = dump_manifest(json.loads(json.dumps(manifest)))
            zf.writestr(info, data)
    return out


def test_the_language_is_saved_a_version_2_note_is_english_and_a_bad_one_is_refused(tmp_path: Path) -> None:
    briefing = demo_briefing()
    SetTitleField("language", "bilingual").apply(briefing)
    path = tmp_path / "note.briefing"
    save_briefing(briefing, path)
    assert load_briefing(path).title_block.language == "bilingual"

    def version_2(manifest: dict) -> None:  # type: ignore[type-arg]
        manifest["version"] = 2
        del manifest["title_block"]["language"]

    assert load_briefing(_rewrite(path, version_2)).title_block.language == "en"
    bad = _rewrite(path, lambda m: m["title_block"].update(language="klingon"))
    with pytest.raises(ProjectFileError, match="title_block.language"):
        load_briefing(bad)


def test_setting_an_unknown_language_is_refused() -> None:
    with pytest.raises(OperationError, match="language must be one of en, fr, bilingual"):
        SetTitleField("language", "de").apply(demo_briefing())


def test_running_text_in_another_language_is_not_taken_for_french() -> None:
    # Turkish's ü and ç, Portuguese's and Italian's "de", "que", "il", "la", "un": look-alikes, not French
    turkish = (
        "Türkiye'nin en büyük şehri olan İstanbul, tarihi ve kültürel zenginlikleriyle dünyanın dört bir yanından "
        "gelen turistleri çekmektedir. Şehir, Avrupa ve Asya kıtaları arasında bir köprü görevi görür ve yüzyıllar "
        "boyunca birçok imparatorluğa başkentlik yapmıştır."
    )
    portuguese = "Após rechaçar um encontro da seleção brasileira com o presidente, o técnico disse que não. " * 3
    italian = (
        "Il governo del Canada ha confermato che i colloqui con l'Iran riprenderanno la prossima settimana a "
        "Ginevra, secondo un comunicato del ministero degli esteri pubblicato ieri sera."
    )
    for text in (turkish, portuguese, italian):
        assert detect_language(text, "") == "", text
    assert detect_language(FRENCH_ARTICLE, "") == "fr" and detect_language(ENGLISH_ARTICLE, "") == "en"


def test_declared_languages_become_valid_bcp47_tags() -> None:
    # QA2 defect 18: whatever a page put in lang="" went unchecked into the DOCX and the PDF
    assert language_tag("en_us") == "en-US" and language_tag("zh-hant-tw") == "zh-Hant-TW"
    assert language_tag("English") == "en" and language_tag("Français") == "fr"
    for bad in ("x", "und", "xx Klingon <b>&", "English (Canada)", ""):
        assert language_tag(bad) == "", bad
    assert source_language(FRENCH_ARTICLE, "English") == "fr"  # a French page declaring lang="English"
    assert source_language(ENGLISH_ARTICLE, "English") == "en"
    assert source_language("Canada–Iran", "x") == ""


def test_a_source_mostly_in_a_script_that_tells_its_language_is_not_its_templates_english() -> None:
    # QA5 3: an Arabic office PDF with LibreOffice's /Lang en-CA and an English title block
    from briefing.core.language import source_language

    arabic = "أعلنت وزارة الخارجية الكندية يوم الجمعة أن المحادثات مع إيران بدأت على المستوى الرسمي في جنيف. " * 3
    assert source_language("MEMORANDUM TO THE DIRECTOR\n\n" + arabic, "en-CA") == "ar"
    assert source_language("部长说，重开大使馆不是第一步。" * 3, "en-US") == "zh"
    assert source_language(arabic, "ur-PK") == "ur-PK"  # a declared language the script cannot tell from others
