"""Web page rules on small made-up pages: paragraphs kept as blocks, labelled link lists dropped, author lines
that are not people's names refused, a whole-page paste cleaned like the saved page."""

from __future__ import annotations

from briefing.importers import html as html_importer
from briefing.importers import make_options
from briefing.importers.html import extraction

_PROSE = "The harbour authority spent its dredging budget on the northern channel, the inquiry found."


def _page(body: str, head: str = "") -> bytes:
    return f"<html><head><title>Harbour inquiry</title>{head}</head><body>{body}</body></html>".encode()


def _blocks(data: bytes) -> list[tuple[str, str]]:
    source = html_importer.import_bytes(data, "page.html", make_options())
    return [(b.kind, source.text[b.start : b.end]) for b in source.blocks]


def test_double_line_breaks_end_paragraphs_in_a_page() -> None:
    paragraphs = [f"Paragraph {i}. {_PROSE} {_PROSE}" for i in range(6)]
    for wrapper in ("div", "p"):
        body = f"<article><{wrapper}>" + "<br><br>\n".join(paragraphs) + f"</{wrapper}></article>"
        texts = [t for _k, t in _blocks(_page(body))]
        assert texts == paragraphs, wrapper


def test_a_single_line_break_stays_inside_its_paragraph() -> None:
    body = f"<article><p>{_PROSE}<br>{_PROSE}</p><p>{_PROSE} {_PROSE}</p></article>"
    assert len(_blocks(_page(body))) == 2


def test_double_line_breaks_around_inline_markup_and_blocks() -> None:
    root = html_importer.parse(
        "<html><body><div>First <b>bold</b> part<br><br><br>Second part<h2>Head</h2>Third<br><br></div></body></html>"
    )
    div = root.find(".//div")
    assert [(el.tag, el.text_content()) for el in div] == [
        ("p", "First bold part"),
        ("p", "Second part"),
        ("h2", "Head"),
        ("p", "Third"),
    ]


def test_double_line_breaks_split_a_pasted_fragment() -> None:
    parts, _meta, _stopped = html_importer.fragment_to_parts("<div>One line<br><br>Two line<br>still two</div>")
    assert [t.replace("\n", " ") for _k, _l, t in parts] == ["One line", "Two line still two"]


def test_labelled_link_lists_are_dropped_wherever_they_are() -> None:
    article = [("paragraph", 0, f"{_PROSE} {i}") for i in range(4)]
    links = {"another town votes on its budget", "a second unrelated story about the weather"}
    furniture = [
        ("heading", 2, "Top stories"),
        ("paragraph", 0, "Another town votes on its budget"),
        ("paragraph", 0, "A second unrelated story about the weather"),
    ]
    labelled = [("paragraph", 0, "Read more: Another town votes on its budget")]
    parts = article[:2] + furniture + article[2:3] + labelled + article[3:]
    assert extraction.drop_labelled_links(parts, links) == article
    assert extraction.drop_labelled_links([("paragraph", 0, "À lire aussi » Un autre sujet")], set()) == []


def test_a_label_does_not_swallow_the_article_after_it() -> None:
    # a long paragraph (not a link) after a label ends the run; a real section heading stays
    parts = [
        ("heading", 2, "Related"),
        ("paragraph", 0, f"{_PROSE} {_PROSE}"),
        ("heading", 2, "Related work on harbours"),
        ("paragraph", 0, "Short line."),
        ("paragraph", 0, "Read more about the inquiry in the annex, which lists every contract and its cost."),
    ]
    assert extraction.drop_labelled_links(parts, set()) == parts[1:]


def test_top_stories_after_a_break_separated_article_are_not_text() -> None:
    teasers = "".join(f"<a href='/story-{i}'>Story {i} about another town's budget vote</a><br>" for i in range(4))
    body = (
        "<div><h1>Harbour inquiry</h1>"
        + "<br><br>".join(f"Paragraph {i}. {_PROSE} {_PROSE}" for i in range(5))
        + f"<br><br><b>Top stories</b><br><br>{teasers}</div>"
    )
    text = " ".join(t for _k, t in _blocks(_page(body)))
    assert "Paragraph 4." in text
    assert "Top stories" not in text and "Story 1" not in text


def test_author_candidates_that_are_not_peoples_names_are_refused() -> None:
    from briefing.importers.webmeta import is_person_name

    for name in ("Daniel Kahn Gillmor", "J. R. R. Tolkien", "Ludwig van Beethoven", "Jean-Luc Picard",
                 "Conan O'Brien", "JOHN SMITH", "焦鹏", "marc", "Bruno (Henrique Zecchin) Rodrigues"):  # fmt: skip
        assert is_person_name(name), name
    for name in ("The Russian", "Syrian defense ministries", "staff", "Staff Writer", "Editorial Team",
                 "April 28, 2019 at 6:01 am", "Follow Author", "This is a sentence about the harbour.",
                 "www.example.com", "news desk", "A very long line of words that goes on and on past names"):  # fmt: skip
        assert not is_person_name(name), name


def test_a_declared_author_that_is_not_a_person_gives_no_author() -> None:
    from briefing.importers.webmeta import choose_author

    assert choose_author({"author": "The Russian; Syrian defense ministries"}, "Moscow Region") == ""
    assert choose_author({"author": "Jane Doe; Reuters staff"}, "") == "Jane Doe"
    assert choose_author({"author": ""}, "By staff") == ""
    assert choose_author({"author": "", "byline": "By Kelli Miller"}, "Newsroom staff") == "Kelli Miller"


def test_page_author_line_of_organisations_is_not_taken() -> None:
    head = '<meta name="author" content="The Russian; Syrian defense ministries">'
    body = f"<article><h1>Harbour inquiry</h1>{''.join(f'<p>{_PROSE} {i}</p>' for i in range(6))}</article>"
    source = html_importer.import_bytes(_page(body, head), "page.html", make_options())
    assert source.meta.author == ""


def _news_page_body() -> str:
    nav = "<nav><ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(8)) + "</ul></nav>"
    article = "".join(f"<p>Paragraph {i}. {_PROSE} {_PROSE}</p>" for i in range(6))
    related = "<h2>Related stories</h2>" + "".join(
        f"<p><a href='/story-{i}'>Story {i} about another town's budget vote</a></p>" for i in range(3)
    )
    return (
        f"<header><a href='/'>Example Times</a>{nav}</header>"
        f"<main><article><h1>Harbour inquiry</h1>{article}{related}</article></main>"
        "<footer><p>© Example Times. All rights reserved. Contact us. Privacy policy.</p></footer>"
    )


def test_a_whole_page_paste_is_cleaned_like_the_saved_page() -> None:
    from briefing.importers import import_pasted

    body = _news_page_body()
    saved = html_importer.import_bytes(_page(body), "page.html", make_options())
    assert "Section 3" not in saved.text and "Story 1" not in saved.text and "Paragraph 5." in saved.text
    # what a browser puts on the clipboard after select all, copy: the body's HTML, and its text
    root = html_importer.parse(f"<html><body>{body}</body></html>")
    plain = "\n".join(t.strip() for t in root.find(".//body").itertext() if t.strip())
    pasted = import_pasted(plain, f"<meta charset='utf-8'>{body}")
    assert pasted.text == saved.text
    assert [(b.kind, b.start, b.end) for b in pasted.blocks] == [(b.kind, b.start, b.end) for b in saved.blocks]
    assert pasted.meta.format == "paste" and pasted.meta.title == "Harbour inquiry"


def test_a_selection_paste_keeps_everything_it_holds() -> None:
    from briefing.importers import import_pasted

    selection = "<h2>Related stories</h2><p><a href='/x'>Story 1 about another town's budget vote</a></p>"
    pasted = import_pasted("Related stories\nStory 1 about another town's budget vote", selection)
    assert "Related stories" in pasted.text and "Story 1" in pasted.text


def test_a_fragment_opening_with_meta_keeps_its_html5_elements() -> None:
    # libxml2 would leave <header> after a leading <meta> in the head, and its text would be lost
    parts, _meta, _stopped = html_importer.fragment_to_parts("<meta charset='utf-8'><header>Masthead</header><p>x</p>")
    assert [t for _k, _l, t in parts] == ["Masthead", "x"]


def test_a_very_long_block_made_of_lines_is_split_into_them() -> None:
    lines = ["Harbour inquiry", "Published 3 March 2026"] + [f"Line {i}. {_PROSE} {_PROSE}" for i in range(10)]
    body = "<article><div>" + "<br>".join(lines) + "</div></article>"
    blocks = _blocks(_page(body))
    assert [t for _k, t in blocks] == lines[2:]  # (the headline and the date line are metadata, not text)
    short = "<article><p>" + "<br>".join(lines[2:5]) + "</p><p>" + " ".join(lines[5:]) + "</p></article>"
    assert len(_blocks(_page(short))) == 2  # a short block keeps its line breaks


def test_an_article_with_its_own_header_footer_and_contents_is_a_selection() -> None:
    selection = html_importer.parse(
        "<article><header><h1>Harbour inquiry</h1></header><nav><a href='#a'>Findings</a></nav>"
        f"<p>{_PROSE}</p><footer>Filed under: harbours</footer></article>"
    )
    assert not html_importer.is_whole_page(selection)
    assert html_importer.is_whole_page(html_importer.parse(_news_page_body()))


def test_saved_and_pasted_page_cite_the_same_paragraphs() -> None:
    # The headline is the source's title and the byline its author: metadata, not paragraphs, so "para. 1" is the
    # article's first paragraph whether the page was saved (with its <head>) or pasted (select all: no <head>).
    from briefing.core.citation import place
    from briefing.importers.paste import import_pasted

    paragraphs = [f"Paragraph {i}. {_PROSE}" for i in range(6)]
    article = "<h1>Harbour inquiry</h1><p>By Jane Doe, Staff Reporter</p>" + "".join(f"<p>{p}</p>" for p in paragraphs)
    body = (
        f"<header><nav><a href='/'>Home</a></nav></header><main><article>{article}</article></main><footer>©</footer>"
    )
    saved = html_importer.import_bytes(_page(body, "<meta name='author' content='Jane Doe'>"), "p.html", make_options())
    pasted = import_pasted(" ".join(paragraphs), body)
    for source in (saved, pasted):
        assert source.text == "\n\n".join(paragraphs)
        assert (source.meta.title, source.meta.author) == ("Harbour inquiry", "Jane Doe")
        start = source.text.index("Paragraph 0")
        assert place(source, start, start + 11) == "para. 1"


def test_a_sentence_opening_with_by_is_not_a_byline() -> None:
    parts = [("paragraph", 0, "By Monday, Ottawa had agreed to the terms."), ("paragraph", 0, _PROSE)]
    assert extraction.byline_author(parts) == ""
    assert extraction.byline_author([("paragraph", 0, "By Jane Doe, Staff Reporter")]) == "Jane Doe"
