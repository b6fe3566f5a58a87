"""Whole-fragment conversion (pasted selections, e-mail bodies, another extractor's summary): all visible text of
an HTML fragment as Briefing's blocks, keeping its structure."""

from __future__ import annotations

import re
from typing import Any

from briefing.core.messages import Message
from briefing.core.text import clean_block_text
from briefing.importers.html.decoding import parse_page
from briefing.importers.webmeta import page_metadata

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


_DOCUMENT = re.compile(r"<(?:html|head|body)[\s>]", re.IGNORECASE)


def as_document(fragment: str) -> str:
    """A fragment (the clipboard's HTML, an e-mail body) as a document whose body holds all of it. Without this,
    libxml2 leaves HTML5 elements it does not know (<header>, <nav>, <main>) that follow a leading <meta> in the
    head, and their text would be lost."""
    return fragment if _DOCUMENT.search(fragment) else f"<html><body>{fragment}</body></html>"


def fragment_to_parts(html_text: str) -> tuple[list[tuple[str, int, str]], dict[str, str], Message | str]:
    """Parse an HTML fragment and return its parts, whatever metadata it declares, and why the parser stopped
    before its end ("" when it did not; see decoding.parse_page)."""
    root, stopped = parse_page(as_document(html_text))
    if root is None:
        return [], {}, ""
    meta = page_metadata(root)
    body = root.find(".//body")
    return fragment_parts(body if body is not None else root), meta, stopped
