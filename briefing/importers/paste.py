"""Pasted text: the clipboard's HTML flavour when it carries the text with its structure, else its plain text."""

from __future__ import annotations

import re

from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import Source, SourceMeta, new_id, sha256_hex
from briefing.core.script import direction
from briefing.core.text import build_text
from briefing.importers import SourceImportError, set_language
from briefing.importers.html import fragment_to_parts, pasted_page
from briefing.importers.text import lines_kept_apart, parse_plain

PASTED = Message(QT_TRANSLATE_NOOP("Messages", "pasted text"))  # what a refused paste is named by, as a file would be

_SOURCE_URL = re.compile(r"^SourceURL:(\S+)", re.MULTILINE)  # the Windows CF_HTML header names the page


def import_pasted(text: str, html: str | None = None, *, url: str = "") -> Source:
    """A Source from the clipboard's plain-text and (optional) HTML flavours.

    A selection is what the user wanted, so nothing is dropped as boilerplate; the HTML flavour is used for its
    headings, lists and tables when it holds the same words as the plain text. A whole page (select all, copy:
    the site's navigation came along) is read as its saved copy would be: the article alone, with its metadata.
    """
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    parts: list[tuple[str, int, str]] = []
    declared: dict[str, str] = {}
    if html and html.strip():
        found = _SOURCE_URL.search(html[:2000])
        if found and not url:
            url = found.group(1)
        html_body = html[html.find("<") :] if "<" in html else html
        html_parts, declared, stopped = fragment_to_parts(html_body)
        html_words = sum(len(t.split()) for _k, _l, t in html_parts)
        plain_words = len(text.split())
        if stopped and not plain_words:  # (a paste has no warnings: the HTML cut short cannot be taken silently)
            raise SourceImportError(PASTED, stopped)
        if html_parts and not stopped and (not plain_words or html_words >= 0.8 * plain_words):
            parts = html_parts
            page = pasted_page(html_body)  # a whole page is cleaned as its saved copy would be
            if page is not None:
                return _finish(page, html or text, url)
    if not parts:  # (a message pasted: its sign-off and signature lines apart, as its HTML would give them)
        parts = lines_kept_apart(parse_plain(text))
    body, blocks = build_text(parts)
    if not body.strip():
        raise SourceImportError(PASTED, Message(QT_TRANSLATE_NOOP("Messages", "the clipboard holds no text")))
    first = blocks[0]
    if first.kind in ("title", "heading"):
        title = body[first.start : first.end]
    else:
        title = body[first.start : first.end]
        if len(title) > 80:
            title = title[:80].rsplit(" ", 1)[0] + "…"
    title = declared.get("og_title") or title
    meta = SourceMeta(
        title=title,
        author=declared.get("author", ""),
        url=url or declared.get("url", ""),
        language=declared.get("language", ""),
        direction=(declared.get("direction") or direction(body)),  # type: ignore[arg-type]
        format="paste",
        encoding="utf-8",
    )
    return _finish(Source(id=new_id("src"), text=body, blocks=blocks, meta=meta), html or text, url)


def _finish(source: Source, pasted: str, url: str) -> Source:
    """The pasted source with its provenance: a paste, its address when known, the hash of what was pasted."""
    from datetime import UTC, datetime

    source.meta.format = "paste"
    source.meta.encoding = "utf-8"
    source.meta.url = url or source.meta.url
    source.meta.sha256 = sha256_hex(pasted.encode("utf-8"))
    source.meta.imported_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    set_language(source)
    return source
