"""The article body of a parsed page: trafilatura's extraction (its public API), checked against readability-lxml
where the page's own article container says it is too short, without teaser lists and datelines."""

from __future__ import annotations

import copy
import re
from collections import Counter
from typing import Any

from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.text import clean_block_text
from briefing.importers import ImportOptions
from briefing.importers.html.decoding import parse
from briefing.importers.html.fragment import fragment_parts
from briefing.importers.webmeta import MONTHS, squash

Parts = list[tuple[str, int, str]]  # (kind, level, text) for build_text

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


_LONG_BLOCK = 1500  # characters: longer than nearly any real paragraph


def _lines_of_long_block(text: str) -> list[str]:
    """A block's text, or, when it is very long and made of lines (a page that separates its paragraphs, or a
    title, a date and a list of links, with single line breaks only), its lines as blocks: a whole page must not
    become one paragraph, or every excerpt of it would cite "¶ 1"."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(" ".join(text.split())) <= _LONG_BLOCK or len(lines) < 3:
        return [text]
    return lines


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
                kind = "quote" if quoted else "paragraph"
                parts.extend((kind, 0, line) for line in _lines_of_long_block(_element_text(child)))
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


def extract(root: Any, url: str | None = None, *, with_metadata: bool = True) -> tuple[Parts, Any]:
    """The article's parts and trafilatura's document with its metadata (title, author, site, url, language),
    through trafilatura's public API only, so that its version can move on. The document is None when trafilatura
    finds nothing; its metadata then comes from trafilatura.extract_metadata. The tree is not changed
    (trafilatura works on a copy)."""
    import trafilatura

    doc: Any = trafilatura.bare_extraction(
        root,
        url=url,
        with_metadata=with_metadata,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        include_images=False,
        # the date search metadata.publication_date starts from (htmldate's, as trafilatura runs it by default)
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    if doc is None or doc.body is None:
        return [], doc
    return body_parts(doc.body), doc


_SHORT_PAGE = 300  # words: a page trafilatura may give back as its body's text in one block of lines


def page_blocks_if_flattened(parts: Parts, root: Any) -> Parts:
    """The page's own blocks (headings, paragraphs, list items) when trafilatura gave back the same text in fewer
    blocks: on a short page it returns the body as one block of lines, the heading run into the paragraphs, so
    every excerpt would cite "para. 1". On a page with a menu or footer, the blocks without them, in page order
    and with the sub-headings and list items trafilatura drops on a short page (QA9 D15, D16)."""
    text = " ".join(text for _kind, _level, text in parts)
    body = root.find(".//body")
    if len(text.split()) > _SHORT_PAGE or body is None:
        return parts
    if any("\n" in text.strip() for _kind, _level, text in parts):
        own = fragment_parts(body)
        same_text = squash(" ".join(text for _kind, _level, text in own)) == squash(text)
        if same_text and len(own) > len(parts):
            return own
    return _blocks_without_furniture(text, body) or parts


# A site's furniture around a short page's article: menus, banner, footer, sidebar (HTML5's elements and roles, or a
# block whose class or id names one), outside the page's <article> or <main> and not holding them
_OUTSIDE_ARTICLE = ".//*[not(ancestor::article or ancestor::main or .//article or .//main)]"
_FURNITURE_ROLES = {"navigation", "contentinfo", "complementary", "search"}
_FURNITURE_NAMES = {"menu", "nav", "navbar", "navigation", "footer", "breadcrumb", "breadcrumbs", "sidebar"}


def _is_furniture(el: Any) -> bool:
    if el.tag in ("nav", "footer", "aside") or el.get("role") in _FURNITURE_ROLES:
        return True
    names = re.split(r"[^a-z0-9]+", f"{el.get('class') or ''} {el.get('id') or ''}".lower())
    if el.tag == "header" or el.get("role") == "banner" or "banner" in names:
        return not el.xpath(".//h1|.//h2|.//h3")  # (a page's header or banner may hold its heading and lead)
    # (a layout block named for its sidebar, "with-sidebar", holds the page's heading: it is not furniture)
    return not _FURNITURE_NAMES.isdisjoint(names) and not el.xpath(".//h1")


def _blocks_without_furniture(text: str, body: Any) -> Parts:
    """The body's own blocks without the site's furniture, when trafilatura's text is their text, with or without
    some of the furniture's (on a short page it keeps a menu's links), and with at most headings and list items
    (not links) that trafilatura left out; [] when it is not."""
    body = copy.deepcopy(body)
    furniture: list[Any] = []
    for el in body.xpath(_OUTSIDE_ARTICLE):
        if _is_furniture(el) and not any(outer in furniture for outer in el.iterancestors()):
            furniture.append(el)
    if not furniture:
        return []
    furniture_words: Counter[str] = Counter()
    for el in furniture:
        furniture_words += _words(" ".join(el.itertext()))
        el.drop_tree()  # (the text after it stays)
    links = [squash(a.text_content()) for a in body.iter("a") if not (a.get("href") or "#").startswith("#")]
    own = fragment_parts(body)
    kept = squash(text)
    added: Counter[str] = Counter()  # the words of the headings and list items trafilatura left out
    for kind, _level, block in own:
        key = squash(block)
        if kind in ("heading", "list-item") and key not in kept:
            # (a list of links is a menu or a share bar, not the article's list)
            if kind == "list-item" and sum(len(link) for link in links if link and link in key) * 2 >= len(key):
                return []
            added += _words(block)
    own_words, words = _words(" ".join(text for _kind, _level, text in own)), _words(text)
    # all of the blocks' text is trafilatura's or an added heading's or list item's, and trafilatura's is theirs or
    # the furniture's; most of it theirs
    if len(own) < 2 or own_words - words - added or words - own_words - furniture_words:
        return []
    return own if own_words.total() * 2 >= words.total() else []


def extract_article(html_text: Any, url: str | None = None, *, with_metadata: bool = True) -> tuple[Parts, Any]:
    """The article's parts and trafilatura's document (see extract), or ([], None)."""
    return extract(html_text, url, with_metadata=with_metadata)


_CJK_CHARS = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORD = re.compile(f"[{_CJK_CHARS}]|[^\\W_{_CJK_CHARS}]+")  # a CJK character counts as a word


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.casefold()))


def container_words(root: Any) -> int:
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
    root = parse(summary)
    return fragment_parts(root) if root is not None else []


def second_opinion(parts: Parts, page: Any, container_words: int) -> Parts:
    """Check trafilatura against readability where the page's own article container says its text is too short
    (under 60 %), and take readability's text when it holds ours and the container backs it.

    `page` is the parsed page (or its HTML). readability-lxml runs only on such pages (see docs/import-quality.md
    for what the check gains).
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


# Labels that sites put on lists of other pages ("Top stories", "Read more: …", "À lire aussi"), in the languages
# of the pages Briefing meets. Matched against a whole heading, or the start of a short block before ":" or "»".
_RELATED_LABELS = (
    r"read (?:more|also|next)|also read|see also|related(?: articles?| stories| posts| content| coverage| news| links"
    r"| reading| topics)?|more (?:on this(?: story| topic)?|from \w+(?: \w+)?|stories|news|articles|to read)|"
    r"top stories|latest (?:news|stories)|most (?:read|popular|viewed|shared)|trending(?: now)?|recommended"
    r"(?: for you| stories)?|you (?:may|might) also (?:like|be interested in)|don ?t miss|editor s picks|"
    r"(?:a|à) lire aussi|lire aussi|voir aussi|sur le même sujet|lesen sie auch|auch interessant|mehr zum thema|"
    r"weitere artikel|das könnte sie auch interessieren|lee también|leer más|ver también|te puede interesar|"
    r"leia também|leggi anche|czytaj (?:też|także|więcej)|zobacz (?:też|także)|newsletter|sign up|subscribe"
)
_LABEL = re.compile(rf"(?:{_RELATED_LABELS})", re.IGNORECASE)
_LABELLED = re.compile(rf"^\W*(?:{_RELATED_LABELS})\s*(?::|»|>|›|\|)", re.IGNORECASE)
_SIGN_UP = re.compile(r"\b(?:sign(?:ing)? up|subscrib\w*)\b", re.IGNORECASE)
_NOTE_WORDS = 8  # a byline, a date or "2 hours ago" between linked headlines


def link_texts(root: Any) -> set[str]:
    """The (squashed) texts of the page's links to other pages, of three words or more."""
    texts = set()
    for a in root.iter("a"):
        if (a.get("href") or "#").startswith("#"):
            continue
        key = squash(a.text_content())
        if len(key.split()) >= 3:
            texts.add(key)
    return texts


def drop_labelled_links(parts: Parts, links: set[str]) -> Parts:
    """Drop what a page labels as links to other pages, wherever the extractor kept it: a heading (or a block)
    that is only such a label ("Top stories", "Related", "Newsletter"), with the linked headlines and short lines
    that follow it; and a short block that opens with one ("Read more: …", "À lire aussi » …").

    A following block goes only while it is (mostly) one of the page's link texts, or a note of at most 8 words,
    so the article's own text after a label ends the run. A newsletter or subscription call ("Sign up to our
    newsletter") is such a label too.
    """

    def is_link(key: str) -> bool:
        """Whether a block is (80 % or more) the text of links: a linked headline, or several on one line."""
        return key in links or sum(len(link) for link in links if link in key) >= 0.8 * len(key)

    kept: Parts = []
    in_run = False
    for kind, level, text in parts:
        key = squash(text)
        words = len(key.split())
        if not key:
            continue
        if kind in ("heading", "paragraph") and words <= 6 and _LABEL.fullmatch(key.rstrip(" :»")):
            in_run = True
            continue
        if in_run and kind != "heading" and (words <= _NOTE_WORDS or is_link(key)):
            continue
        in_run = False
        if kind in ("paragraph", "list-item") and words <= 25 and _LABELLED.match(text.strip()):
            continue
        if kind == "paragraph" and words <= 25 and "newsletter" in key and _SIGN_UP.search(text):
            continue
        kept.append((kind, level, text))
    return kept


def fallback_parts(html_text: str, options: ImportOptions) -> Parts:
    """When trafilatura finds no article: readability-lxml's, else all the page's visible text (with a warning)."""
    parts = _readability_parts(html_text)
    if sum(len(t.split()) for _k, _l, t in parts) >= 20:
        return parts
    root = parse(html_text)
    body = root.find(".//body") if root is not None else None
    parts = fragment_parts(body) if body is not None else []
    if parts:
        options.warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "no article could be told apart from the page: all of its visible text was imported"
                )
            )
        )
    return parts


_DATE_BITS = re.compile(
    r"\d{1,4}(?:[./:-]\d{1,4})*|\b(?:posted|published|updated|last|modified|on|at|am|pm|a\.m|p\.m|um|uhr|le|à|"
    r"el|de|del|by|von|par|por|et|gmt|utc|cet|cest|edt|est|pst|pdt|bst|mez|mesz|" + MONTHS + r"|"
    r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|"
    r"mittwoch|donnerstag|freitag|samstag|sonntag)\b\.?",
    re.IGNORECASE,
)


_BYLINE = re.compile(r"By\s+(?P<name>[^,]{2,60}?)(?:,\s*(?P<role>[^,]{1,40}))?")  # By Jane Doe, Staff Reporter


def byline_author(parts: Parts) -> str:
    """The name in a byline among the article's first blocks ("By Jane Doe, Staff Reporter"), or ""."""
    for kind, _level, text in parts[:4]:
        found = _BYLINE.fullmatch(text.strip()) if kind == "paragraph" else None
        name, role = (found["name"].strip(), found["role"] or "") if found else ("", "")
        # a name of two to four capitalised words, a short role: not a sentence ("By Monday, Ottawa had agreed")
        if 2 <= len(name.split()) <= 4 and all(w[:1].isupper() for w in name.split()) and len(role.split()) <= 3:
            return name
    return ""


def _is_dateline(text: str, author: str) -> bool:
    """A block that only says when (or by whom) the article was posted: metadata, not article text."""
    words = text.split()
    if not words or len(words) > 14:
        return False
    if author and squash(text).removeprefix("by ").strip() == squash(author):
        return True
    byline = _BYLINE.fullmatch(text.strip())
    if author and byline and squash(byline["name"]) == squash(author):  # with the writer's role after a comma
        return True
    if not re.search(r"\d", text):
        return False
    rest = _DATE_BITS.sub(" ", text)
    if author:
        rest = rest.replace(author, " ")
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 1


def drop_datelines(parts: Parts, author: str) -> Parts:
    head = [p for p in parts[:4] if not (p[0] == "paragraph" and _is_dateline(p[2], author))]
    return head + parts[4:] if len(head) < min(4, len(parts)) and len(parts) > 2 else parts


def drop_leading_title(parts: Parts, title: str) -> Parts:
    """Where the extractor kept the headline among the article's first blocks, it is left out: it is the source's
    title (metadata), and a citation's "para. 1" is then the article's first paragraph, as its reader counts them,
    whether the page was saved or pasted, and whether or not the extractor kept the headline."""
    key = squash(title)
    for i, (kind, _level, text) in enumerate(parts[:3]):
        if key and kind in ("heading", "paragraph", "title") and squash(text) == key and len(parts) > 1:
            return [*parts[:i], *parts[i + 1 :]]
    return parts
