"""Web page import: the article without the page furniture, its metadata, encodings, web archives."""

from __future__ import annotations

import datetime
import gzip
import json

import pytest

from briefing.importers import SourceImportError, import_file, make_options, webmeta
from briefing.importers import html as html_importer
from briefing.importers.html import extraction as html_extraction


def test_readability_page_article_and_metadata(corpus) -> None:
    source = import_file(corpus / "readability" / "aclu" / "source.html")
    meta = source.meta
    assert meta.title == "Facebook Is Tracking Me Even Though I’m Not on Facebook"
    assert meta.author == "Daniel Kahn Gillmor"
    assert meta.publisher == "American Civil Liberties Union"
    assert meta.published.startswith("2018-04-05")
    assert meta.language == "en"
    assert meta.direction == "ltr"
    assert meta.url.startswith("https://www.aclu.org/")
    assert meta.format == "html" and meta.encoding == "utf-8"
    assert "I don't use Facebook." in source.text
    assert "Sign up for" not in source.text  # the newsletter box is not the article
    assert any(b.kind == "paragraph" for b in source.blocks)


def test_headline_without_site_name(corpus) -> None:
    # <title> is "Scherenschnitt (3) | gnaddrig ad libitum"; the site name goes
    source = import_file(corpus / "html" / "trafilatura" / "trafilatura__gnadlib.wordpress.com.scherenschnitt.html")
    assert source.meta.title == "Scherenschnitt (3)"


def test_benchmark_page_matches_its_article_body(corpus) -> None:
    truth = json.loads((corpus / "html" / "aeb" / "aeb__ground-truth.json").read_text("utf-8"))
    key = sorted(truth)[0]
    data = gzip.decompress((corpus / "html" / "aeb" / f"aeb__{key}.html.gz").read_bytes())
    source = html_importer.import_bytes(data, "page.html", make_options())
    body = truth[key]["articleBody"]
    first_sentence = body.split(". ")[0]
    assert first_sentence[:60] in source.text
    words = set(source.text.split())
    truth_words = body.split()
    assert sum(w in words for w in truth_words) / len(truth_words) > 0.9


def test_must_and_must_not_snippets(corpus) -> None:
    folder = corpus / "html" / "trafilatura"
    evaldata = json.loads((folder / "trafilatura__evaldata.json").read_text("utf-8"))
    case = next(v for v in evaldata.values() if v["file"] == "bmjv.de.konsum.html")
    text = " ".join(import_file(folder / "trafilatura__bmjv.de.konsum.html").text.split())
    for snippet in case["with"]:
        assert " ".join(snippet.split()) in text
    assert "Impressum" not in text


def test_hidden_elements_are_not_text(corpus) -> None:
    source = import_file(corpus / "readability" / "hidden-nodes" / "source.html")
    expected = (corpus / "readability" / "hidden-nodes" / "expected.html").read_text("utf-8")
    assert "Lorem ipsum" in source.text
    assert len(source.text) < 2 * len(expected)


def test_arabic_page_without_declared_charset(corpus) -> None:
    name = "chardet__windows-1256-arabic___chromium_windows-1256_with_no_encoding_specified.html"
    source = html_importer.import_bytes((corpus / "text" / name).read_bytes(), name, make_options())
    assert source.meta.encoding == "cp1256"
    assert source.meta.direction == "rtl"
    assert "\ufffd" not in source.text


def test_chinese_page_without_usable_charset(corpus) -> None:
    name = "chardet__GB2312___mozilla_bug171813_text.html"
    options = make_options()
    source = html_importer.import_bytes((corpus / "text" / name).read_bytes(), name, options)
    assert source.meta.encoding in ("gb18030", "gb2312", "gbk")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in source.text)


def test_rtl_page_declares_direction(corpus) -> None:
    source = import_file(corpus / "readability" / "rtl-4" / "source.html")
    assert source.meta.direction == "rtl"


def test_scripts_never_become_text_and_nothing_is_fetched(tmp_path) -> None:
    page = tmp_path / "page.html"
    paragraphs = "".join(
        f"<p>Paragraph {i} of the report says the budget rose by {i} per cent this year.</p>" for i in range(8)
    )
    page.write_text(
        "<html lang='fr'><head><title>Budget report | Example News</title>"
        "<meta property='og:site_name' content='Example News'>"
        "<script>document.write('INJECTED')</script>"
        "<link rel='stylesheet' href='http://127.0.0.1:9/never.css'></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>Budget report</h1>{paragraphs}"
        "<img src='http://127.0.0.1:9/never.png'></article></body></html>",
        "utf-8",
    )
    source = import_file(page)
    assert "INJECTED" not in source.text
    assert "Paragraph 3 of the report" in source.text
    assert source.meta.title == "Budget report"
    assert source.meta.publisher == "Example News"
    assert source.meta.language == "en"  # it declares lang='fr', but its text is plainly English


def test_mhtml_archive(tmp_path) -> None:
    body = "".join(f"<p>Sentence number {i} in the archived article about harbour dredging.</p>" for i in range(8))
    html = f"<html><head><title>Harbour dredging</title></head><body><article>{body}</article></body></html>"
    archive = (
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/harbour\r\n"
        "Subject: Harbour dredging\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="XYZ"\r\n\r\n'
        "--XYZ\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
        f"Content-Location: https://example.org/harbour\r\n\r\n{html}\r\n--XYZ--\r\n"
    )
    path = tmp_path / "saved.mhtml"
    path.write_bytes(archive.encode("utf-8"))
    source = import_file(path)
    assert source.meta.title == "Harbour dredging"
    assert source.meta.url == "https://example.org/harbour"
    assert "Sentence number 5 in the archived article" in source.text


def test_title_choice_prefers_the_visible_headline() -> None:
    meta = {"og_title": "", "ld_headline": "", "html_title": "What we found - Example Times", "h1": "What we found"}
    assert webmeta.choose_title(meta, "", "Example Times") == "What we found"
    meta = {"og_title": "Lorem ipsum dolor sit amet – My website", "ld_headline": "", "html_title": "", "h1": ""}
    assert webmeta.choose_title(meta, "", "") == "Lorem ipsum dolor sit amet"
    meta = {"og_title": "", "ld_headline": "", "html_title": "Mozilla - Wikipedia", "h1": ""}
    assert webmeta.choose_title(meta, "", "") == "Mozilla - Wikipedia"  # too short to be a headline + site


def test_author_cleaning() -> None:
    clean = webmeta.clean_author
    assert clean("View all posts by Daniel Lemire") == "Daniel Lemire"
    assert clean("Auteur Anna Kubišta") == "Anna Kubišta"
    assert clean("By GILLIAN MOHNEY March 11, 2015 3:46 PM") == "GILLIAN MOHNEY"
    assert clean("Hans Müller am 3. März 2020") == "Hans Müller"
    assert clean("Chris Jung") == "Chris Jung"  # "Jung" is not "June"
    assert clean("Maria May") == "Maria May"


def test_byline_from_markup_when_nothing_declares_an_author(tmp_path) -> None:
    body = "".join(
        f"<p>Paragraph {i} about the ferry timetable change and what it means for commuters.</p>" for i in range(6)
    )
    page = tmp_path / "post.html"
    page.write_text(
        f"<html><head><title>Ferry timetable</title></head><body><article><h1>Ferry timetable</h1>"
        f"<span class='byline'>by <a rel='author' href='/u/kim'>Kim Lee</a></span>{body}</article></body></html>",
        "utf-8",
    )
    assert import_file(page).meta.author == "Kim Lee"


def test_an_infobox_hcard_naming_the_pages_subject_is_not_its_author(tmp_path, corpus) -> None:
    """Wikipedia's infobox is an hCard ("infobox vcard") whose "fn" is the article's subject: a page about Mozilla
    was cited as written by Mozilla (qa4exp 3). A card in a table, or one naming the page's title, is no byline."""
    assert import_file(corpus / "readability" / "wikipedia" / "source.html").meta.author == ""
    body = "".join(f"<p>Paragraph {i} about the minister's career and the offices she has held.</p>" for i in range(6))
    infobox = "<table class='infobox vcard'><tr><th class='fn'>Anna Kubišta</th></tr></table>"
    page = tmp_path / "person.html"
    page.write_text(
        f"<html><head><title>Anna Kubišta</title></head><body><article><h1>Anna Kubišta</h1>{infobox}{body}"
        "</article></body></html>",
        "utf-8",
    )
    assert import_file(page).meta.author == ""
    # a card that is the byline still names the writer
    page.write_text(
        f"<html><head><title>Ferry timetable</title></head><body><article><h1>Ferry timetable</h1>"
        f"<div class='vcard'>By <span class='fn'>Kim Lee</span></div>{body}</article></body></html>",
        "utf-8",
    )
    assert import_file(page).meta.author == "Kim Lee"


def test_encoding_override_for_a_page(tmp_path) -> None:
    body = "".join(f"<p>Абзац {i}: правительство объявило о новых мерах поддержки регионов.</p>" for i in range(6))
    page = tmp_path / "ru.html"
    page.write_bytes(
        f"<html><head><title>Новости</title></head><body><article>{body}</article></body></html>".encode("koi8_r")
    )
    source = import_file(page, encoding="koi8_r")
    assert source.meta.encoding == "koi8-r"
    assert "правительство объявило" in source.text


def test_second_opinion_recovers_text_the_extractor_dropped(corpus) -> None:
    # trafilatura keeps only one of two identical paragraphs; readability-lxml and the <article> element have both
    source = import_file(corpus / "readability" / "title-en-dash" / "source.html")
    assert source.text.count("Lorem ipsum dolor sit amet, consectetur adipisicing elit") == 2
    assert source.meta.title == "Lorem ipsum dolor sit amet"


def test_second_opinion_is_not_taken_without_a_container() -> None:
    parts = [("paragraph", 0, "short text the extractor found")]
    assert html_importer.second_opinion(parts, "<html><body><p>other</p></body></html>", 0) is parts


def test_datelines_and_bylines_are_metadata_not_text() -> None:
    is_dateline = html_extraction._is_dateline
    assert is_dateline("Posted on April 21, 2015, at 11:29 a.m.", "")
    assert is_dateline("08.04.2015 12:46 Uhr", "")
    assert is_dateline("By Kelli Miller", "Kelli Miller")
    assert not is_dateline("In 2012, the Harper administration cut ties.", "")
    assert not is_dateline("WASHINGTON, March 3 (Reuters) - The Senate voted 52 to 48.", "")


def _stream_page(stream_inside_body: bool) -> str:
    """An article (no <article> element) followed by a stream of unrelated teasers, as news sites do."""
    paragraphs = "".join(
        f"<p>Paragraph {i} of the inquiry report describes how the harbour authority spent its dredging budget.</p>"
        for i in range(8)
    )
    last = "<p>The minister will answer the committee's questions about the harbour in the spring sitting.</p>"
    teasers = "".join(
        f"<li><div><h3><a href='/news/story-{i}'>Story {i}: a headline about another town</a></h3>"
        f"<p>Summary {i}: a council approved a new bicycle lane after a long debate on parking spaces.</p></div></li>"
        for i in range(6)
    )
    stream = f"<ul class='stream'>{teasers}</ul>"
    body = f"<div class='story-body'>{paragraphs}{last}{stream if stream_inside_body else ''}</div>"
    return (
        f"<html><head><title>Harbour inquiry</title></head><body><div id='main'><h1>Harbour inquiry</h1>{body}"
        f"<div class='more'>{'' if stream_inside_body else stream}</div></div></body></html>"
    )


def _as_extracted(page: str) -> list[tuple[str, int, str]]:
    """The page's paragraphs in order, as an extractor that kept the teasers' summaries would give them."""
    root = html_importer.parse(page)
    return [("paragraph", 0, p.text_content()) for p in root.iter("p")]


def test_trailing_teaser_stream_is_dropped_and_the_last_paragraph_kept() -> None:
    page = _stream_page(stream_inside_body=False)
    root = html_importer.parse(page)
    teasers = html_importer.teaser_texts(root)
    parts = _as_extracted(page)
    kept = html_importer.drop_trailing_teasers(parts, teasers)
    texts = [t for _k, _l, t in kept]
    assert texts[-1].startswith("The minister will answer")
    assert len(texts) == 9 and not any("bicycle lane" in t for t in texts)


def test_teasers_inside_the_article_body_are_kept() -> None:
    # a round-up or listicle: linked headlines in the same container as the article's paragraphs
    page = _stream_page(stream_inside_body=True)
    root = html_importer.parse(page)
    parts = _as_extracted(page)
    assert html_importer.drop_trailing_teasers(parts, html_importer.teaser_texts(root)) == parts


def test_only_a_trailing_run_of_teasers_goes() -> None:
    teasers = "summary one of a story about another town\nsummary two of a story about another town"
    article = [("paragraph", 0, f"Article paragraph {i} with enough words to be an article. " * 3) for i in range(4)]
    one = [("paragraph", 0, "Summary one of a story about another town.")]
    two = [("paragraph", 0, "Summary two of a story about another town.")]
    # in the middle of the article, teaser-like text stays; a single trailing match is not a run
    assert html_importer.drop_trailing_teasers(article[:2] + one + two + article[2:], teasers)[2:4] == one + two
    assert html_importer.drop_trailing_teasers(article + one, teasers) == article + one
    assert html_importer.drop_trailing_teasers(article + one + two, teasers) == article
    # nothing is dropped when too little article would be left
    assert html_importer.drop_trailing_teasers(article[:1] + one + two, teasers) == article[:1] + one + two


def test_table_of_contents_links_are_not_teasers() -> None:
    sections = "".join(
        f"<div><h2><a href='#s{i}'>Section {i}</a></h2><p>Short text of section {i}.</p></div>" for i in range(5)
    )
    root = html_importer.parse(
        f"<html><body><div class='toc'>{sections}</div><div>{'<p>x</p>' * 3}</div></body></html>"
    )
    assert html_importer.teaser_texts(root) == ""


def test_unrelated_stories_after_an_article_are_not_text(corpus) -> None:
    # Yahoo: a stream of two dozen unrelated stories follows the article in the page
    source = import_file(corpus / "readability" / "yahoo-3" / "source.html")
    expected = (corpus / "readability" / "yahoo-3" / "expected.html").read_text("utf-8")
    last = "she plans to give 15 percent of all profits related to these shoots to the USO."
    assert source.text.rstrip().endswith(last)
    assert len(source.text) < 1.5 * len(expected)


def test_second_opinion_takes_readabilitys_longer_text_only_when_it_holds_ours() -> None:
    article = "".join(f"<p>Sentence {i} of the full article on rail freight and grain exports.</p>" for i in range(20))
    page = f"<html><body><div>{article}</div></body></html>"
    ours = [("paragraph", 0, "Sentence 0 of the full article on rail freight and grain exports.")]
    container = 20 * 12
    # readability's text holds ours and matches the container: taken
    taken = html_importer.second_opinion(ours, page, container)
    assert len(taken) == 20
    # a text that does not hold ours is not taken
    other = [("paragraph", 0, "A different paragraph entirely, about the weather in the mountains.")]
    assert html_importer.second_opinion(other, page, container) is other


_PROSE = "of the article has enough words in it to count as real prose for extraction."


def _published(head: str, body: str) -> str:
    page = f"<html><head>{head}</head><body><article>{body}<p>{_PROSE}</p></article></body></html>"
    return html_importer.import_bytes(page.encode(), "page.html", make_options()).meta.published


def test_no_publication_date_is_made_up_from_a_year(corpus) -> None:
    # "© 1998–2015 Mozilla" is the footer's only date: it used to be cited as "1 January 1998"
    assert import_file(corpus / "readability" / "mozilla-2" / "source.html").meta.published == ""
    assert _published("", "<p>2012. The embassy in Tehran closed that year.</p>") == ""
    assert _published("", "<p>The embassy closed.</p><footer>© 2014 Example News</footer>") == ""


def test_a_date_keeps_only_the_precision_the_page_gives() -> None:
    assert _published("", "<p>Posted 2015/06 by the press office.</p>") == "2015-06"  # not 1 June
    # a first of the month the page writes out in its text is whole
    assert _published("", "<p class='byline'>By Jane Doe | March 1, 2021</p>") == "2021-03-01"
    assert _published("", "<p>Jane Doe, 1 January 2021</p>") == "2021-01-01"
    assert _published('<meta property="article:published_time" content="2015">', "") == "2015"
    assert _published('<meta property="article:published_time" content="2015-06">', "") == "2015-06"
    # htmldate pads a month with today's day
    assert _published("", "<p>Published <time>2015-06</time> by the ministry.</p>") == "2015-06"
    today = datetime.date.today()
    written = f"{today.day} June 2015"  # a whole date that happens to fall on today's day stays whole
    assert _published("", f"<p>Published <time>{written}</time> by the ministry.</p>") == f"2015-06-{today.day:02}"
    # a whole date given in the markup stays whole, on the first of a month too
    assert _published('<meta property="article:published_time" content="2020-01-01T10:00">', "") == "2020-01-01"
    assert _published("", '<p><time datetime="2019-03-01">1 March 2019</time></p>') == "2019-03-01"


def test_page_nested_past_the_parser_limit_warns_that_text_may_be_missing(tmp_path) -> None:
    from briefing.importers import import_file_with_warnings

    before = "".join(f"<p>Paragraph {i} {_PROSE}</p>" for i in range(1, 11))
    after = "".join(f"<p>Later paragraph {i} {_PROSE}</p>" for i in range(1, 11))
    path = tmp_path / "unclosed.html"
    path.write_text(f"<html><body><article>{before}{'<span>' * 300}x{after}</article></body></html>", "utf-8")
    result = import_file_with_warnings(path)
    assert "Paragraph 10 " in result.source.text  # what came before the limit is kept
    assert any("too deeply" in w and "may be missing" in w for w in result.warnings), result.warnings


def test_page_whose_text_is_all_past_the_parser_limit_says_so(tmp_path) -> None:
    path = tmp_path / "deep.html"
    path.write_text(f"<html><body>{'<div>' * 260}<p>{'Real article text with words. ' * 5}</p></body></html>", "utf-8")
    with pytest.raises(SourceImportError, match="deep.html: the page nests its elements too deeply"):
        import_file(path)


def test_page_within_the_parser_limit_has_no_warning(tmp_path) -> None:
    from briefing.importers import import_file_with_warnings

    path = tmp_path / "nested.html"
    text = " ".join(f"Sentence {i} {_PROSE}" for i in range(8))
    path.write_text(f"<html><body>{'<div>' * 200}<p>{text}</p>{'</div>' * 200}</body></html>", "utf-8")
    result = import_file_with_warnings(path)
    assert "Sentence 7" in result.source.text
    assert result.warnings == []


def test_page_with_a_text_past_the_parser_size_limit_warns(tmp_path) -> None:
    from briefing.importers import import_file_with_warnings

    before = "".join(f"<p>Paragraph {i} {_PROSE}</p>" for i in range(1, 11))
    path = tmp_path / "huge.html"
    path.write_text(f"<html><body>{before}<p>{'word ' * 2_200_000}</p><p>The end.</p></body></html>", "utf-8")
    result = import_file_with_warnings(path)
    assert "Paragraph 10 " in result.source.text
    assert any("too large" in w and "may be missing" in w for w in result.warnings), result.warnings


def _page(tmp_path, head: str, paragraphs: list[str]):
    page = tmp_path / "page.html"
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page.write_text(
        f"<html {head}<title>Article</title></head><body><article><h1>Article</h1>{body}</article></body></html>"
    )
    return import_file(page)


FRENCH = [
    "Les bonnes bactéries de notre intestin jouent un rôle essentiel dans la digestion et dans notre santé.",
    "Pour les nourrir, les nutritionnistes conseillent une alimentation variée, riche en fibres et en légumes.",
    "Elles aiment aussi les aliments fermentés, comme le yaourt ou la choucroute, qui sont faciles à trouver.",
]
SPANISH = [
    "Las bacterias buenas del intestino son esenciales para la digestión y para la salud de todos.",
    "Para alimentarlas, los nutricionistas aconsejan una dieta variada, rica en fibra y en verduras.",
    "También les gustan los alimentos fermentados, como el yogur, que son fáciles de encontrar.",
]


def test_a_french_page_declared_english_is_french(tmp_path) -> None:
    # as a site's template may do (the corpus's madame.lefigaro.fr page): lang="en", og:locale fr_FR, French text
    head = "lang='en'><head><meta property='og:locale' content='fr_FR'>"
    assert _page(tmp_path, head, FRENCH).meta.language == "fr-FR"
    assert _page(tmp_path, "lang='en'><head>", FRENCH).meta.language == "fr"  # the text alone tells
    # a text that says neither English nor French: og:locale rather than <html lang>
    head = "lang='en'><head><meta property='og:locale' content='es_ES'>"
    assert _page(tmp_path, head, SPANISH).meta.language == "es-ES"
    assert _page(tmp_path, "lang='es'><head>", SPANISH).meta.language == "es"  # not taken for French


def test_the_corpus_french_page_with_an_english_lang_attribute(corpus) -> None:
    name = "trafilatura__madame.lefigaro.fr.dintestin.html"
    assert import_file(corpus / "html" / "trafilatura" / name).meta.language == "fr-FR"


def test_a_short_page_keeps_its_heading_and_paragraphs_as_blocks(tmp_path) -> None:
    # trafilatura gives a tiny page back as one block of lines: the heading ran into the text, so every excerpt
    # cited "para. 1" (QA6 10)
    body = (
        "<h1>{h1}</h1><p>Texte f. La ministre a parlé vendredi à Genève.</p><p>Deuxième paragraphe f.</p>"
        "<ul><li>Premier point.</li><li>Second point.</li></ul>"
    )
    for name, title, h1 in [("f.html", "La reprise", "La reprise"), ("g.html", "Le site", "Les pourparlers")]:
        path = tmp_path / name
        page = f'<html lang="fr"><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>'
        path.write_text(page.format(h1=h1), encoding="utf-8")
        source = import_file(path)
        blocks = [(b.kind, source.text[b.start : b.end]) for b in source.blocks]
        paragraphs = [
            ("paragraph", "Texte f. La ministre a parlé vendredi à Genève."),
            ("paragraph", "Deuxième paragraphe f."),
            ("list-item", "Premier point."),
            ("list-item", "Second point."),
        ]
        heading = [] if h1 == title else [("heading", h1)]  # (an h1 that repeats the title is the title)
        assert blocks == heading + paragraphs


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "<nav><a href='/'>Accueil</a> <a href='/actu'>Actualités</a> <a href='/contact'>Contact</a></nav>",
            "<footer>© 2026 Le site. Tous droits réservés.</footer>",
        ),
        (
            "",
            "<footer><p>© 2026 Le site. Tous droits réservés.</p><p><a href='/vie-privee'>Vie privée</a></p></footer>",
        ),
        (
            "<div class='menu'><ul><li><a href='/'>Accueil</a></li><li><a href='/actu'>Actualités</a></li></ul></div>",
            "<div id='footer'>Contact | Mentions légales</div>",
        ),
        (
            "<header><a href='/'>Le site</a><nav><a href='/monde'>Monde</a></nav></header>",
            "<aside><h3>À lire aussi</h3><ul><li><a href='/x'>Autre article</a></li></ul></aside>",
        ),
    ],
    ids=["nav and footer", "footer", "divs named menu and footer", "header and aside"],
)
def test_a_short_page_with_a_menu_or_footer_keeps_its_paragraphs_apart_without_them(tmp_path, before, after) -> None:
    """trafilatura gives a short page back as one block of lines, menu links included; the page's own blocks were
    taken only when they held the same text, so a page with a menu or footer came in as one block (QA7)."""
    body = (
        "<h1>Les pourparlers</h1><p>Texte f. La ministre a parlé vendredi à Genève.</p>"
        "<p>Deuxième paragraphe f.</p><ul><li>Premier point.</li><li>Second point.</li></ul>"
    )
    path = tmp_path / "page.html"
    page = f'<html lang="fr"><head><meta charset="utf-8"><title>Le site</title></head><body>{before}{body}{after}'
    path.write_text(page + "</body></html>", encoding="utf-8")
    source = import_file(path)
    assert [(b.kind, source.text[b.start : b.end]) for b in source.blocks] == [
        ("heading", "Les pourparlers"),
        ("paragraph", "Texte f. La ministre a parlé vendredi à Genève."),
        ("paragraph", "Deuxième paragraphe f."),
        ("list-item", "Premier point."),
        ("list-item", "Second point."),
    ]


def test_a_short_page_keeps_its_sub_headings_and_list_in_page_order(tmp_path) -> None:
    """On a short press release trafilatura dropped the h2 headings and the "Quick facts" list (facts an analyst
    quotes) with no warning (QA9 D15); the menu and footer still go."""
    path = tmp_path / "release.html"
    path.write_text(
        "<html><head><title>Press release</title></head><body><nav>Home | News | Contact</nav>"
        "<h1>Minister announces funding</h1>"
        "<p>OTTAWA, December 2, 2026 — The Minister today announced $5 million for refugee resettlement.</p>"
        '<p>"This funding will help families rebuild their lives," said the Minister.</p>'
        "<h2>Quick facts</h2><ul><li>The funding covers three years.</li><li>It supports 12 organizations.</li></ul>"
        "<h2>Contacts</h2><p>Media Relations, 613-555-0100</p>"
        "<footer>Date modified: 2026-12-02</footer></body></html>",
        encoding="utf-8",
    )
    source = import_file(path)
    assert [(b.kind, source.text[b.start : b.end]) for b in source.blocks] == [
        ("heading", "Minister announces funding"),
        ("paragraph", "OTTAWA, December 2, 2026 — The Minister today announced $5 million for refugee resettlement."),
        ("paragraph", '"This funding will help families rebuild their lives," said the Minister.'),
        ("heading", "Quick facts"),
        ("list-item", "The funding covers three years."),
        ("list-item", "It supports 12 organizations."),
        ("heading", "Contacts"),
        ("paragraph", "Media Relations, 613-555-0100"),
    ]


def test_a_short_page_keeps_its_banners_lead_first_and_drops_its_sidebar(tmp_path) -> None:
    """trafilatura moved the lead paragraph of a header banner after the body (QA9 D16): it stays in page order
    (the banner's h1 repeats the title, so it is the title); the sidebar and footer still go."""
    path = tmp_path / "notice.html"
    path.write_text(
        "<html><head><title>Notice to travellers</title></head><body><div class='layout with-sidebar'>"
        "<div class='page-header-banner'><h1>Notice to travellers</h1>"
        "<p class='lead'>Avoid all travel to the border region until further notice.</p></div><div class='main'>"
        "<p>The border crossing closed on Sunday after clashes near the town.</p>"
        "<p>Travellers already in the region should follow local authorities' instructions.</p></div>"
        "<div class='sidebar'><p>Related: <a href='/x'>Travel advice</a></p></div></div>"
        "<footer>Last updated: 2 December 2026</footer></body></html>",
        encoding="utf-8",
    )
    source = import_file(path)
    assert [(b.kind, source.text[b.start : b.end]) for b in source.blocks] == [
        ("paragraph", "Avoid all travel to the border region until further notice."),
        ("paragraph", "The border crossing closed on Sunday after clashes near the town."),
        ("paragraph", "Travellers already in the region should follow local authorities' instructions."),
    ]


def test_a_short_page_does_not_take_a_share_bars_links_for_its_list(tmp_path) -> None:
    """The sub-headings and list items trafilatura left out are taken back (QA9 D15), but not a list of links."""
    path = tmp_path / "release.html"
    path.write_text(
        "<html><head><title>Press release</title></head><body><nav>Home | News | Contact</nav>"
        "<h1>Minister announces funding</h1>"
        "<p>OTTAWA, December 2, 2026 — The Minister today announced $5 million for refugee resettlement.</p>"
        '<p>"This funding will help families rebuild their lives," said the Minister.</p>'
        "<ul class='share'><li><a href='https://x.example/share'>Share this on X</a></li>"
        "<li><a href='https://fb.example/share'>Share this on Facebook</a></li></ul>"
        "<footer>Date modified: 2026-12-02</footer></body></html>",
        encoding="utf-8",
    )
    source = import_file(path)
    assert "Share this" not in source.text
    assert "The Minister today announced $5 million" in source.text
