"""Saved web pages (.html, .htm, .mhtml): the article itself, with its structure and metadata.

The article text comes from trafilatura, cross-checked against readability-lxml (see docs/import-quality.md for
the measurements behind that choice); metadata comes from the page's own JSON-LD, Open Graph and <meta> tags,
then from trafilatura's heuristics. Nothing the page references is fetched and no script runs: the page is parsed
as data by lxml.

One module per job: decoding (bytes to text to a parsed tree), extraction (the article body), fragment (all of a
fragment's visible text: pastes, e-mail bodies), metadata (trafilatura's and the date; what the page declares is
in importers/webmeta.py), mhtml (web archives). This module puts them together.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.core.language import source_language
from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import Source, SourceMeta, new_id
from briefing.core.script import direction as text_direction
from briefing.core.script import language_direction
from briefing.core.text import build_text
from briefing.importers import ImportOptions, SourceImportError
from briefing.importers.html.decoding import decode_html, parse, parse_page
from briefing.importers.html.extraction import (
    byline_author,
    container_words,
    drop_datelines,
    drop_labelled_links,
    drop_leading_title,
    drop_trailing_teasers,
    extract,
    extract_article,
    fallback_parts,
    link_texts,
    page_blocks_if_flattened,
    second_opinion,
    teaser_texts,
)
from briefing.importers.html.fragment import as_document, fragment_parts, fragment_to_parts
from briefing.importers.html.metadata import library_metadata, publication_date
from briefing.importers.html.mhtml import html_part
from briefing.importers.webmeta import choose_author, choose_title, markup_byline, page_metadata

__all__ = [
    "decode_html",
    "drop_trailing_teasers",
    "extract_article",
    "fragment_parts",
    "fragment_to_parts",
    "html_to_source",
    "import_bytes",
    "import_mhtml",
    "is_whole_page",
    "parse",
    "pasted_page",
    "second_opinion",
    "teaser_texts",
]


def html_to_source(html_text: str, file_name: str, options: ImportOptions, *, fmt: str = "html") -> Source:
    """The page's article and metadata as a Source (html_text is the decoded page)."""
    root, stopped = parse_page(html_text)
    if root is None:
        raise SourceImportError(file_name, Message(QT_TRANSLATE_NOOP("Messages", "is not a readable web page")))
    page = page_metadata(root)
    url = page.get("url") or None
    parts, doc = extract(root, url)
    parts = page_blocks_if_flattened(parts, root)
    if doc is None:
        doc = library_metadata(root, url)
    parts = second_opinion(parts, root, container_words(root)) if parts else fallback_parts(html_text, options)
    parts = drop_trailing_teasers(parts, teaser_texts(root))
    parts = drop_labelled_links(parts, link_texts(root))
    if not parts:
        problem = (
            Message(QT_TRANSLATE_NOOP("Messages", "{stopped}, before any text"), stopped=stopped)
            if stopped
            else Message(QT_TRANSLATE_NOOP("Messages", "no text found in the page"))
        )
        raise SourceImportError(file_name, problem)
    if stopped:
        options.warnings.append(
            Message(
                QT_TRANSLATE_NOOP("Messages", "{stopped}, so text after that point may be missing"), stopped=stopped
            )
        )
    site = page["publisher"] or doc.sitename or ""
    title = choose_title(page, doc.title or "", site, doc.hostname or "")
    parts = drop_leading_title(parts, title)  # the title is metadata: para. 1 is the article's first
    author = choose_author(page, doc.author or "")
    if not author:
        page["byline"] = markup_byline(root, title)
        author = choose_author(page, "")
    author = author or byline_author(parts)  # a paste carries no <meta>: the article's own byline names its writer
    parts = drop_datelines(parts, author)
    text, blocks = build_text(parts)
    published = publication_date(root, doc.url, page["published"], doc.date)
    # a site's template may declare lang="en" on French pages: og:locale, then the text itself, say otherwise
    language = source_language(text, page["locale"], page["language"], doc.language or "")
    direction = page["direction"] or language_direction(language) or text_direction(text)
    meta = SourceMeta(
        title=title or Path(file_name).stem,
        author=author,
        publisher=site,
        published=published,
        url=page["url"] or doc.url or "",
        language=language,
        direction=direction,  # type: ignore[arg-type]
        format=fmt,
    )
    return Source(id=new_id("src"), text=text, blocks=blocks, meta=meta)


def import_bytes(data: bytes, file_name: str, options: ImportOptions) -> Source:
    html_text, encoding = decode_html(data, file_name, options)
    options.report(1, 2)
    source = html_to_source(html_text, file_name, options)
    source.meta.encoding = encoding
    options.report(2, 2)
    return source


def import_mhtml(data: bytes, file_name: str, options: ImportOptions) -> Source:
    """A web archive (MIME multipart): its first HTML part is the page."""
    html_text, encoding, url = html_part(data, file_name, options)
    options.report(1, 2)
    source = html_to_source(html_text, file_name, options, fmt="html")
    source.meta.encoding = encoding
    source.meta.url = source.meta.url or url
    options.report(2, 2)
    return source


# the site's own furniture: outside any <article> (an article may have its own header, footer or contents nav)
_PAGE_FURNITURE = (
    "//*[self::nav or @role='navigation' or @role='banner' or @role='contentinfo'][not(ancestor::article)]"
)


def is_whole_page(root: Any) -> bool:
    """Whether pasted HTML is a whole page (select all, copy) rather than a selection: it holds the site's
    navigation, banner or footer, which a reader selecting an article's text would not take along."""
    outside = "[not(ancestor::article)]"
    has_header_and_footer = bool(root.xpath(f"//header{outside}")) and bool(root.xpath(f"//footer{outside}"))
    return has_header_and_footer or bool(root.xpath(_PAGE_FURNITURE))


def pasted_page(html_text: str) -> Source | None:
    """A whole-page paste read as the saved page would be (the article without the site's navigation, teasers
    and labelled links, with its metadata), or None when the paste is a selection or no article is found in it."""
    html_text = as_document(html_text)
    root = parse(html_text)
    if root is None or not is_whole_page(root):
        return None
    try:
        return html_to_source(html_text, "pasted text", ImportOptions())
    except SourceImportError:
        return None


_parse = parse  # (the name eml.py knows it by)
