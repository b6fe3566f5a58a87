"""Saved web pages (.html, .htm, .mhtml): the article itself, with its structure and metadata.

The article text comes from trafilatura, cross-checked against readability-lxml (see docs/import-quality.md for
the measurements behind that choice); metadata comes from the page's own JSON-LD, Open Graph and <meta> tags,
then from trafilatura's heuristics. Nothing the page references is fetched and no script runs: the page is parsed
as data by lxml.
"""

from __future__ import annotations

import codecs
import contextlib
import copy
import email
import email.policy
import re
import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefing.core.model import Source, SourceMeta, new_id
from briefing.core.script import direction as text_direction
from briefing.core.script import language_direction
from briefing.core.text import build_text, clean_block_text
from briefing.importers import ImportOptions, SourceImportError
from briefing.importers.text import codec_for, decode_detected, decode_mostly
from briefing.importers.webmeta import MONTHS, choose_author, choose_title, markup_byline, page_metadata, squash

Parts = list[tuple[str, int, str]]  # (kind, level, text) for build_text
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")


def decode_html(data: bytes, file_name: str, options: ImportOptions) -> tuple[str, str]:
    """Decode a page: the user's encoding, else a BOM, else the page's own declaration, else detection."""
    if options.encoding:
        from briefing.importers.text import decode

        return decode(data, file_name, options.encoding, options)
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    head = data[:4096]
    declared = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if declared:
        name = codec_for(declared.group(1).decode("ascii")) or ""
        # utf-16 declared in an ASCII-compatible byte stream is a lie
        if name and not name.startswith("utf-16"):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                mostly = decode_mostly(data, name, options)
                if mostly is not None:
                    return mostly, name
                options.warnings.append(f"the page says it is {name} but is not; the encoding was detected instead")
    return decode_detected(data, file_name, options)


_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)


def _drop_hidden(root: Any) -> None:
    """Remove what a browser would not show: the article is what the reader saw."""
    hidden: dict[Any, None] = {}  # (ordered, without repeats)
    # (the attributes themselves are found faster than the elements carrying them)
    for attribute in root.xpath("//@hidden|//@style|//@aria-hidden"):
        el = attribute.getparent()
        if el.tag in ("html", "body", "head"):
            continue
        name = attribute.attrname
        if (
            name == "hidden"
            or (name == "style" and _HIDDEN_STYLE.search(attribute))
            or (name == "aria-hidden" and attribute == "true" and "fallback-image" not in (el.get("class") or ""))
        ):
            hidden[el] = None
    for el in hidden:
        if el.getparent() is not None:
            el.drop_tree()


def _parse(html_text: str) -> Any:
    """The parsed page, or None; see _parse_page."""
    return _parse_page(html_text)[0]


def _parse_page(html_text: str) -> tuple[Any, str]:
    """The parsed page (or None), and why the parser stopped before the end of the page ("" when it did not).

    libxml2's limits stay on (no huge_tree): they keep a hostile page from exhausting memory or our recursion. When
    one is hit the parser quietly stops there and keeps what it had, so the caller must say so.
    """
    import lxml.html

    # lxml refuses str with an encoding declaration; drop the XML prolog
    html_text = re.sub(r"^\s*<\?xml[^>]*\?>", "", html_text)
    parser = lxml.html.HTMLParser(remove_comments=True, no_network=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(html_text, parser=parser)
    except Exception:
        return None, ""
    stopped = ""
    for error in parser.error_log:
        if error.level_name == "FATAL":  # (an ordinary HTML error, like an unclosed tag, is only an ERROR)
            if "depth" in error.message.lower():
                stopped = "the page nests its elements too deeply (over 256 levels): reading stopped there"
            elif error.type_name == "ERR_RESOURCE_LIMIT":
                stopped = "the page has a part too large to read (over 10 MB): reading stopped there"
            else:
                stopped = f"the page broke the HTML parser ({' '.join(error.message.split())}): reading stopped there"
            break
    _drop_hidden(root)
    # ruby annotations (furigana) are pronunciation aids, not text: "子こども" must read "子ども"
    for el in list(root.iter("rt", "rp")):
        el.drop_tree()
    return root, stopped


# ---- article text -------------------------------------------------------------------------------------------------


_BREAKING = {"lb", "p", "head", "item", "list", "quote", "cell", "row", "table", "code", "div", "br"}


def _element_text(el: Any) -> str:
    """An element's text, with a break where trafilatura's markup has a line break or a nested block."""
    chunks: list[str] = []

    def walk(node: Any) -> None:
        breaking = node is not el and node.tag in _BREAKING
        if breaking:
            chunks.append("\n")
        if node.text:
            chunks.append(node.text)
        for child in node:
            walk(child)
        if breaking:
            chunks.append("\n")
        if node is not el and node.tail:
            chunks.append(node.tail)

    walk(el)
    return "".join(chunks)


def body_parts(body: Any) -> list[tuple[str, int, str]]:
    """(kind, level, text) parts from trafilatura's XML body (p, head, list/item, quote, code, table/row/cell)."""
    parts: list[tuple[str, int, str]] = []

    def item_text(item: Any) -> str:
        chunks = [item.text or ""]
        for child in item:
            if child.tag != "list":
                block = child.tag in _BREAKING
                chunks.append("\n" + _element_text(child) + "\n" if block else _element_text(child))
            chunks.append(child.tail or "")
        return "".join(chunks)

    def walk_list(lst: Any, depth: int) -> None:
        for item in lst:
            if item.tag != "item":
                continue
            parts.append(("list-item", depth, item_text(item)))
            for child in item:
                if child.tag == "list":
                    walk_list(child, depth + 1)

    def walk(el: Any, quoted: bool) -> None:
        for child in el:
            tag = child.tag
            if tag == "head":
                rend = child.get("rend", "h2")
                level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
                parts.append(("heading", level, _element_text(child)))
            elif tag == "list":
                walk_list(child, 1)
            elif tag == "quote":
                if any(c.tag in ("p", "list", "head", "quote", "table") for c in child):
                    if (child.text or "").strip():
                        parts.append(("quote", 0, child.text or ""))
                    walk(child, True)
                else:
                    parts.append(("quote", 0, _element_text(child)))
            elif tag == "code":
                parts.append(("code", 0, _element_text(child)))
            elif tag == "table":
                for row in child.iter("row"):
                    cells = [clean_block_text(_element_text(c)) for c in row if c.tag == "cell"]
                    parts.append(("table", 0, " | ".join(c for c in cells if c)))
            elif tag in ("p", "item", "cell", "div", "hi", "ref"):
                parts.append(("quote" if quoted else "paragraph", 0, _element_text(child)))
            elif tag == "graphic" or tag == "lb":
                continue
            else:
                parts.append(("quote" if quoted else "paragraph", 0, _element_text(child)))
            if (child.tail or "").strip():
                parts.append(("quote" if quoted else "paragraph", 0, child.tail or ""))

    if (body.text or "").strip():
        parts.append(("paragraph", 0, body.text or ""))
    walk(body, False)
    return parts


_tap = threading.local()
_tap_lock = threading.Lock()


def _tap_readability() -> None:
    """Keep what trafilatura's own copy of readability finds on the page, so that the second opinion can use it
    instead of running readability a second time (trafilatura runs it on every page to check its own result).

    Installed once; when a future trafilatura has no such hook the second opinion runs readability-lxml itself.
    """
    import trafilatura.external as external

    with _tap_lock:
        original = getattr(external, "try_readability", None)
        if original is None or getattr(original, "briefing_tap", False):
            return

        def try_readability(htmlinput: Any) -> Any:
            result = original(htmlinput)
            seen = getattr(_tap, "seen", None)
            if seen is not None and result is not None:
                seen.append(copy.deepcopy(result))  # trafilatura may go on to rework its own copy
            return result

        try_readability.briefing_tap = True  # type: ignore[attr-defined]
        external.try_readability = try_readability


def _extract(root: Any, url: str | None, *, with_metadata: bool) -> tuple[Parts, Any, list[Any]]:
    """extract_article, and the summaries trafilatura's own readability made of the page on the way."""
    import trafilatura

    _tap_readability()
    seen: list[Any] = []
    _tap.seen = seen
    try:
        doc: Any = trafilatura.bare_extraction(
            root,
            url=url,
            with_metadata=with_metadata,
            include_comments=False,
            include_tables=True,
            include_formatting=False,
            include_images=False,
        )
    finally:
        _tap.seen = None
    if doc is None or doc.body is None:
        return [], doc, seen
    return body_parts(doc.body), doc, seen


def extract_article(
    html_text: Any, url: str | None = None, *, with_metadata: bool = True
) -> tuple[list[tuple[str, int, str]], Any]:
    """The article's parts and trafilatura's document (with its metadata unless told not to), or ([], None)."""
    parts, doc, _seen = _extract(html_text, url, with_metadata=with_metadata)
    return parts, doc


def library_metadata(root: Any, url: str | None, *, need_author: bool) -> Any:
    """trafilatura's metadata of the page (title, author, url, host and site name), as its bare_extraction
    gives them, without the parts Briefing never uses: categories, tags, licence, and the author heuristics when
    the page declares its author (they copy the whole page). The date is publication_date's. The page is not
    changed."""
    try:
        from trafilatura import metadata as lib

        found = lib.examine_meta(root)
        if found.author and " " not in found.author:  # as trafilatura does
            found.author = None
        with contextlib.suppress(Exception):  # bugs in trafilatura's JSON-LD reading
            found = lib.extract_meta_json(root, found)
        found.title = found.title or lib.extract_title(root)
        if need_author and not found.author:
            found.author = lib.extract_author(root)
        found.url = found.url or lib.extract_url(root, url)
        if found.url:
            found.hostname = lib.extract_domain(found.url, fast=True)
        found.sitename = found.sitename or lib.extract_sitename(root)
        if found.sitename:
            found.sitename = found.sitename.lstrip("@")
            if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
                found.sitename = found.sitename.title()
        elif found.url:
            match = lib.META_URL.match(found.url)
            if match:
                found.sitename = match[1]
        found.clean_and_trim()
        return found
    except (ImportError, AttributeError):  # a trafilatura without these helpers: its whole metadata pass
        from trafilatura.metadata import extract_metadata

        return extract_metadata(root, url)


def publication_date(root: Any, url: str | None, declared: str) -> str:
    """When the page was published, as far as it says: "YYYY-MM-DD", "YYYY-MM", "YYYY" or "" (never a guess).

    htmldate reads the page's markup, then (extensive search) dates in its text. That last search also falls back
    on a "YYYY/MM" or a lone year (a copyright line, "2012." opening a paragraph) padded to day 1 or 1 January:
    such a date is cut to its month, or dropped when nothing but the year may be real. declared is the date the
    page's own metadata gives (webmeta.page_metadata)."""
    import datetime

    from htmldate import find_date

    found = find_date(root, extensive_search=True, original_date=True, url=url) or ""
    if (
        found.endswith("-01")
        and found != find_date(root, extensive_search=False, original_date=True, url=url)
        and not _writes_day(root, url, found)
    ):
        found = "" if found.endswith("-01-01") else found[:7]
    # A "2015-06" or "June 2015" is padded with today's day: keep that day only where the page writes it out
    if found[8:] == f"{datetime.date.today().day:02}" and not _writes_day(root, url, found):
        found = found[:7]
    declared = declared.strip()[:10]
    # htmldate pads a declared "2015" or "2015-06" too (with today's day): only what the page declares is known
    if re.fullmatch(r"\d{4}(-\d{2})?", declared) and found.startswith(declared):
        return declared
    return found or declared


def _writes_day(root: Any, url: str | None, date: str) -> bool:
    """Whether the page or its address gives date ("YYYY-MM-DD") with its day, in one of the usual forms."""
    from lxml import etree

    year, month, day = date.split("-")
    m, d = month.lstrip("0"), day.lstrip("0")
    forms = (
        rf"{year}\D?{month}\D?{day}(?!\d)",  # 2015-06-27, 2015/06/27, 20150627
        rf"(?<!\d)0?{d}[./-]0?{m}[./-]{year}",  # 27.06.2015, 27/6/2015
        rf"(?<!\d)0?{m}/0?{d}/{year}",  # 6/27/2015
        rf"(?<!\d)0?{d}(?:st|nd|rd|th)?\.?,?\s+(?:[^\W\d]+\.?,?\s+)?{year}",  # 27 June 2015, June 27, 2015
    )
    page = etree.tostring(root, encoding="unicode") + " " + (url or "")
    return any(re.search(form, page) for form in forms)


_CJK_CHARS = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORD = re.compile(f"[{_CJK_CHARS}]|[^\\W_{_CJK_CHARS}]+")  # a CJK character counts as a word


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.casefold()))


def _container_words(root: Any) -> int:
    """Words in the page's own declaration of where its article is (articleBody, <article>, <main>), or 0."""
    found = [a.getparent() for a in root.xpath("//@itemprop") if a == "articleBody"]
    found = found or list(root.iter("article")) or list(root.iter("main"))
    found = found or [a.getparent() for a in root.xpath("//@role") if a == "main"]
    return max((len(_WORD.findall(el.text_content())) for el in found), default=0)


def _readability_parts(page: Any) -> Parts:
    """readability-lxml's article (from the parsed page or its HTML), or []."""
    try:
        from readability import Document

        summary = Document(page).summary(html_partial=True)
    except Exception:
        return []
    root = _parse(summary)
    return fragment_parts(root) if root is not None else []


def second_opinion(parts: Parts, page: Any, container_words: int, candidates: Sequence[Any] = ()) -> Parts:
    """Check trafilatura against readability where the page's own article container says its text is too short
    (under 60 %), and take readability's text when it holds ours and the container backs it.

    `page` is the parsed page (or its HTML); `candidates` are the summaries trafilatura's own readability already
    made of it. readability-lxml is run only when those are missing or disagree with trafilatura's text, so
    nearly no page pays for a second extraction (see docs/import-quality.md for what the check gains).
    """
    if not container_words:
        return parts
    text = " ".join(t for _k, _l, t in parts)
    n_ours = len(_WORD.findall(text.casefold()))
    if not n_ours or n_ours >= 0.6 * container_words:
        return parts
    ours = _words(text)

    def judge(other: Parts) -> tuple[bool, float]:
        """(take it, how much of it is already ours)"""
        theirs = _words(" ".join(t for _k, _l, t in other))
        n_theirs = sum(theirs.values())
        if not n_theirs:
            return False, 0.0
        common = sum((ours & theirs).values())
        ours_in_theirs, theirs_in_ours = common / n_ours, common / n_theirs
        # we lost part of the article that readability and the page's container both have. (The converse,
        # readability's shorter text inside ours, is not taken: a container can hold just part of an article,
        # and missing text costs an analyst more than extra text.)
        take = 0.8 <= n_theirs / container_words <= 1.2 and ours_in_theirs >= 0.97 and theirs_in_ours <= 0.7
        return take, theirs_in_ours

    for candidate in candidates:
        other = fragment_parts(candidate)
        take, agree = judge(other)
        if take:
            return other
        if agree >= 0.9:  # readability found what trafilatura found: running it again would too
            return parts
    other = _readability_parts(page)
    return other if other and judge(other)[0] else parts


_TEASER_WORDS = 80  # a teaser (headline and summary) is short; a listicle's entry or an article is not


def _words_over(el: Any, limit: int) -> bool:
    """Whether an element has more than `limit` words."""
    return len(el.text_content().split()) > limit


def _is_link_headline(heading: Any) -> bool:
    """A heading that is (almost) all a link to another page: a teaser's headline, not a section of this article
    (in-page anchors like a table of contents's "#section" do not count)."""
    text = "".join(heading.itertext()).strip()
    if not text:
        return False
    for anc in heading.iterancestors("a"):
        return not (anc.get("href") or "#").startswith("#")
    linked = sum(
        len("".join(a.itertext()).strip()) for a in heading.iter("a") if not (a.get("href") or "#").startswith("#")
    )
    return linked >= 0.8 * len(text)


def teaser_texts(root: Any) -> str:
    """The text of teaser lists outside the article (squashed, one item per line): three or more short items
    under one parent, each a linked headline with (usually) a summary — "related", "more stories", story streams.

    Lists inside the element holding most of the page's paragraph text are left alone: there a list of linked
    headlines is part of the article (a round-up, a listicle), not page furniture.
    """
    headlines = [h for h in root.iter("h2", "h3", "h4", "h5", "h6") if _is_link_headline(h)]
    if len(headlines) < 3:
        return ""
    too_long: dict[Any, bool] = {}  # elements are shared by many headlines' climbs: count each once
    groups: dict[Any, list[Any]] = {}
    for heading in headlines:
        item = heading
        while True:
            parent = item.getparent()
            if parent is None or parent.tag in ("body", "html"):
                break
            over = too_long.get(parent)
            if over is None:
                over = too_long[parent] = _words_over(parent, _TEASER_WORDS)
            if over:
                break
            item = parent
        if item is not heading and item.getparent() is not None:
            groups.setdefault(item.getparent(), []).append(item)
    lists = {parent: items for parent, items in groups.items() if len(items) >= 3}
    if not lists:
        return ""
    words: Counter[Any] = Counter()
    for p in root.iter("p"):
        parent = p.getparent()
        if parent is not None:
            words[parent] += len(p.text_content().split())
    main = words.most_common(1)[0][0] if words else None
    texts = []
    for parent, items in lists.items():
        if main is not None and (parent is main or main in parent.iterancestors() or parent in main.iterancestors()):
            continue
        texts += [squash(" ".join(item.itertext())) for item in items]
    return "\n".join(texts)


def drop_trailing_teasers(parts: Parts, teasers: str) -> Parts:
    """Drop the run of teasers (see teaser_texts) that an extractor kept after the end of the article.

    Only a trailing run of at least two teaser blocks goes, and only when an article of 50 words or more is left:
    text inside the article is never dropped for looking like a teaser.
    """
    if not teasers:
        return parts
    cut = len(parts)
    matched = 0
    for i in range(len(parts) - 1, -1, -1):
        key = squash(parts[i][2])
        if not key:
            continue
        if len(key.split()) >= 3 and key in teasers:
            cut, matched = i, matched + 1
        elif len(key.split()) > 4:  # a byline or "2 hours ago" between teasers does not end the run
            break
    kept = parts[:cut]
    if matched < 2 or sum(len(t.split()) for _k, _l, t in kept) < 50:
        return parts
    return kept


def _fallback_parts(html_text: str, options: ImportOptions) -> Parts:
    """When trafilatura finds no article: readability-lxml's, else all the page's visible text (with a warning)."""
    parts = _readability_parts(html_text)
    if sum(len(t.split()) for _k, _l, t in parts) >= 20:
        return parts
    root = _parse(html_text)
    body = root.find(".//body") if root is not None else None
    parts = fragment_parts(body) if body is not None else []
    if parts:
        options.warnings.append("no article could be told apart from the page: all of its visible text was imported")
    return parts


_DATE_BITS = re.compile(
    r"\d{1,4}(?:[./:-]\d{1,4})*|\b(?:posted|published|updated|last|modified|on|at|am|pm|a\.m|p\.m|um|uhr|le|à|"
    r"el|de|del|by|von|par|por|et|gmt|utc|cet|cest|edt|est|pst|pdt|bst|mez|mesz|" + MONTHS + r"|"
    r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|"
    r"mittwoch|donnerstag|freitag|samstag|sonntag)\b\.?",
    re.IGNORECASE,
)


def _is_dateline(text: str, author: str) -> bool:
    """A block that only says when (or by whom) the article was posted: metadata, not article text."""
    words = text.split()
    if not words or len(words) > 14:
        return False
    if author and squash(text).removeprefix("by ").strip() == squash(author):
        return True
    if not re.search(r"\d", text):
        return False
    rest = _DATE_BITS.sub(" ", text)
    if author:
        rest = rest.replace(author, " ")
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 1


def _drop_datelines(parts: Parts, author: str) -> Parts:
    head = [p for p in parts[:4] if not (p[0] == "paragraph" and _is_dateline(p[2], author))]
    return head + parts[4:] if len(head) < min(4, len(parts)) and len(parts) > 2 else parts


def _mark_leading_title(parts: Parts, title: str) -> Parts:
    """Where the extractor kept the headline as the article's first block, it is the source's title block."""
    key = squash(title)
    for i, (kind, _level, text) in enumerate(parts[:3]):
        if key and kind in ("heading", "paragraph", "title") and squash(text) == key:
            return [*parts[:i], ("title", 1, text), *parts[i + 1 :]]
    return parts


def html_to_source(html_text: str, file_name: str, options: ImportOptions, *, fmt: str = "html") -> Source:
    root, stopped = _parse_page(html_text)
    if root is None:
        raise SourceImportError(file_name, "is not a readable web page")
    page = page_metadata(root)
    url = page.get("url") or None
    parts, doc, candidates = _extract(root, url, with_metadata=False)  # (trafilatura works on a copy of the tree)
    declared_author = choose_author({"author": page["author"]}, "")
    doc = library_metadata(root, url, need_author=not declared_author)
    if parts:
        parts = second_opinion(parts, root, _container_words(root), candidates)
    else:
        parts = _fallback_parts(html_text, options)
    parts = drop_trailing_teasers(parts, teaser_texts(root))
    if not parts:
        raise SourceImportError(file_name, f"{stopped}, before any text" if stopped else "no text found in the page")
    if stopped:
        options.warnings.append(f"{stopped}, so text after that point may be missing")
    site = page["publisher"] or doc.sitename or ""
    title = choose_title(page, doc.title or "", site, doc.hostname or "")
    parts = _mark_leading_title(parts, title)
    author = choose_author(page, doc.author or "")
    if not author:
        page["byline"] = markup_byline(root)
        author = choose_author(page, "")
    parts = _drop_datelines(parts, author)
    text, blocks = build_text(parts)
    published = publication_date(root, doc.url, page["published"])
    language = page["language"] or doc.language or ""
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
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            payload = payload if isinstance(payload, bytes) else b""
            charset = part.get_content_charset()
            sub_options = ImportOptions(encoding=options.encoding or charset, warnings=options.warnings)
            try:
                html_text, encoding = decode_html(payload, file_name, sub_options)
            except SourceImportError:
                html_text, encoding = decode_html(payload, file_name, ImportOptions(warnings=options.warnings))
            options.report(1, 2)
            source = html_to_source(html_text, file_name, options, fmt="html")
            source.meta.encoding = encoding
            if not source.meta.url:
                source.meta.url = str(message.get("Snapshot-Content-Location") or part.get("Content-Location") or "")
            options.report(2, 2)
            return source
    raise SourceImportError(file_name, "is not a web archive (no HTML page inside)")


# ---- whole-fragment conversion (pasted selections, e-mail bodies): keep everything visible ------------------------

_BLOCK_KINDS = {
    "h1": ("heading", 1),
    "h2": ("heading", 2),
    "h3": ("heading", 3),
    "h4": ("heading", 4),
    "h5": ("heading", 5),
    "h6": ("heading", 6),
    "p": ("paragraph", 0),
    "blockquote": ("quote", 0),
    "pre": ("code", 0),
    "figcaption": ("caption", 0),
    "caption": ("caption", 0),
}
_CONTAINERS = {"div", "section", "article", "main", "body", "html", "center", "form", "header", "footer", "aside",
               "nav", "figure", "td", "th", "dd", "dt", "dl", "span", "font", "tbody", "thead", "tfoot"}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "button", "select",
         "iframe", "object", "embed", "canvas", "input", "textarea"}  # fmt: skip


def fragment_parts(root: Any) -> list[tuple[str, int, str]]:
    """All visible text of an HTML fragment as (kind, level, text) parts, with its block structure."""
    parts: list[tuple[str, int, str]] = []
    inline: list[str] = []

    def flush() -> None:
        if "".join(inline).strip():
            parts.append(("paragraph", 0, "".join(inline)))
        inline.clear()

    def text_of(el: Any) -> str:
        chunks: list[str] = []
        for node in el.iter():
            if not isinstance(node.tag, str) or node.tag in _SKIP:
                continue
            if node.tag == "br":
                chunks.append("\n")
        return "".join(t for t in el.itertext() if t) if not chunks else _text_with_breaks(el)

    def walk(el: Any, depth: int) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            if el.tail:
                inline.append(el.tail)
            return
        if tag in _BLOCK_KINDS:
            flush()
            kind, level = _BLOCK_KINDS[tag]
            if tag == "blockquote" and any(isinstance(c.tag, str) and c.tag in ("p", "div") for c in el):
                before = len(parts)
                for child in el:
                    walk(child, depth)
                flush()
                parts[before:] = [("quote", 0, t) for _k, _l, t in parts[before:]]
            else:
                parts.append((kind, level, text_of(el)))
        elif tag in ("ul", "ol"):
            flush()
            for item in el:
                if isinstance(item.tag, str) and item.tag == "li":
                    nested = [c for c in item if isinstance(c.tag, str) and c.tag in ("ul", "ol")]
                    for c in nested:
                        item.remove(c)
                    parts.append(("list-item", depth + 1, text_of(item)))
                    for c in nested:
                        walk(c, depth + 1)
        elif tag == "tr":
            flush()
            cells = [clean_block_text(text_of(c)) for c in el if isinstance(c.tag, str) and c.tag in ("td", "th")]
            parts.append(("table", 0, " | ".join(c for c in cells if c)))
        elif tag in _CONTAINERS or tag in ("table", "li") or not tag:
            if el.text:
                inline.append(el.text)
            block = tag not in ("span", "font")
            if block:
                flush()
            for child in el:
                walk(child, depth)
            if block:
                flush()
        else:  # inline markup: a, b, i, em, strong, ...
            inline.append(text_of(el))
        if el.tail:
            inline.append(el.tail)

    walk(root, 0)
    flush()
    return parts


def _text_with_breaks(el: Any) -> str:
    chunks: list[str] = []

    def walk(node: Any) -> None:
        if not isinstance(node.tag, str) or node.tag in _SKIP:
            if node.tail:
                chunks.append(node.tail)
            return
        if node.tag == "br":
            chunks.append("\n")
        if node.text:
            chunks.append(node.text)
        for child in node:
            walk(child)
        if node.tail and node is not el:
            chunks.append(node.tail)

    walk(el)
    return "".join(chunks)


def fragment_to_parts(html_text: str) -> tuple[list[tuple[str, int, str]], dict[str, str], str]:
    """Parse an HTML fragment and return its parts, whatever metadata it declares, and why the parser stopped
    before its end ("" when it did not; see _parse_page)."""
    root, stopped = _parse_page(html_text)
    if root is None:
        return [], {}, ""
    meta = page_metadata(root)
    body = root.find(".//body")
    return fragment_parts(body if body is not None else root), meta, stopped
