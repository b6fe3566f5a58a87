"""Whole-fragment conversion (pasted selections, e-mail bodies, another extractor's summary): all visible text of
an HTML fragment as Briefing's blocks, keeping its structure."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from briefing.core.messages import Message
from briefing.core.text import clean_block_text
from briefing.importers.html.decoding import parse_page
from briefing.importers.line_ends import HYPHENATED, document_words, joined_at_line_end, signs_off
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
            block = tag not in ("span", "font")
            if block:
                flush()
            if el.text:  # (after the flush: the first words of the block's own paragraph)
                inline.append(el.text)
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


# Outlook (Word as the mail editor) writes its paragraphs as <p class=MsoNormal> with no space between them, a blank
# line being an empty paragraph: text wrapped by hand (a plain-text message pasted or forwarded) comes out as one
# such paragraph per line, which a reader sees as the lines of one paragraph.
_MSO_NORMAL_STYLE = re.compile(r"p\.MsoNormal\b[^{]*\{([^}]*)\}", re.IGNORECASE)
_MARGIN = re.compile(r"margin(-bottom)?\s*:\s*([^;]+)", re.IGNORECASE)
_LENGTH = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")
_WRAP_WIDTH = 100  # characters: a run of lines with one longer than this is paragraphs written so, not wrapped text
_WRAPPED_LINE = 50  # characters: a line shorter than this (a greeting, a signature's, a paragraph's last) ends one


def _no_paragraph_spacing(root: Any) -> bool:
    """Whether the page's style gives p.MsoNormal no space below it (Outlook's "margin:0cm; margin-bottom:.0001pt")."""
    style = " ".join("".join(el.itertext()) for el in root.iter("style"))
    below = None
    for rule in _MSO_NORMAL_STYLE.findall(style):
        for bottom, value in _MARGIN.findall(rule):
            lengths = _LENGTH.findall(value)
            if lengths:  # "margin: 0 0 8pt" gives the bottom third (or first, when it alone is given)
                below = float(lengths[2] if not bottom and len(lengths) > 2 else lengths[0])
    return below is not None and abs(below) < 0.5


# a signature: a block Outlook on the web (id="Signature"), Gmail (gmail_signature), Thunderbird (moz-signature) or
# Apple Mail (AppleMailSignature) names so; the lines after "-- " alone on its line or a rule, as in plain text
_SIGNATURE_NAME = re.compile("signature", re.IGNORECASE)
_RULE_LINE = re.compile(r"^(?:_{8,}|-{8,}|={8,})$")
_SIGNATURE_DASHES = "--"  # "-- " alone on its line (RFC 3676), its space stripped: a mark, left out as in plain text
_LINE_BLOCKS = {"p", "div"}  # blocks whose <br> lines become paragraphs (a table cell's or list item's stay one)
_BLOCK_TAGS = {"p", "div", "table", "ul", "ol", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr"}


def read_as_email(root: Any) -> None:
    """Prepare an e-mail's HTML body as its reader sees it: a signature's lines kept apart (keep_signature_lines),
    then Outlook's wrapped lines joined (join_wrapped_lines)."""
    keep_signature_lines(root)
    join_wrapped_lines(root)


def keep_signature_lines(root: Any) -> None:
    """Make each line of a signature, or of another block of short lines broken by <br> (an address, a sign-off),
    a paragraph of its own, as the plain-text body gives them (eml.plain_body_parts) and the reader sees them, not
    name, title, telephone and address run together in one. A signature is a block its mail program names so, the
    blocks after "-- " or a rule (a "______" line, <hr>) up to an empty paragraph, or those after Outlook's
    signature bookmark (_MailAutoSig) up to one; a sign-off and the lines after it, and any block of short lines
    (_short_lines) are kept apart the same way."""
    blocks = {_block_of(br) for br in root.iter("br")} - {None}
    for block in blocks:
        if block.tag not in _LINE_BLOCKS or any(el.tag in _BLOCK_TAGS for el in block.iterdescendants()):
            continue
        lines = [line.strip() for line in _text_with_breaks(block).split("\n")]
        lines = [line for line in lines if line]
        if len(lines) < 2:
            continue
        if lines[0] == _SIGNATURE_DASHES or _RULE_LINE.match(lines[0]) or _in_signature(block):
            _split_lines(block, [line for line in lines if line != _SIGNATURE_DASHES])
            continue
        # a sign-off ("Thanks,<br>John") and the lines after it; the lines before it, a paragraph or short lines
        off = next((i for i, line in enumerate(lines[:-1]) if signs_off(line)), len(lines))
        head, tail = lines[:off], lines[off:]
        if _short_lines(head):
            _split_lines(block, head + tail)
        elif tail:
            _split_lines(block, [" ".join(head), *tail] if head else tail)


def _short_lines(lines: list[str]) -> bool:
    """Whether lines are an address's or a signature's: three or more, each shorter than a wrapped line, and not a
    sentence broken over them (its writer's lines ending inside it, "with the<br>Deputy Minister is<br>postponed
    to next week<br>because of the vote.": a line running on into a lower-case word, the last ending a sentence)."""
    if len(lines) < 3 or any(len(line) >= _WRAPPED_LINE for line in lines):
        return False
    runs_on = any(
        line[-1:].isalpha() and _opens_with_a_lower_case_word(next_line) for line, next_line in pairwise(lines)
    )
    return not (runs_on and _FULL_STOP.search(lines[-1]))


def _opens_with_a_lower_case_word(line: str) -> bool:
    word = line.split()[0].rstrip(",")
    return word.isalpha() and word.islower()  # (not an e-mail address, a web site or a telephone number)


def _block_of(el: Any) -> Any:
    """The nearest block an element is in (None at the top)."""
    for parent in el.iterancestors():
        if isinstance(parent.tag, str) and (parent.tag in _BLOCK_TAGS or parent.tag in ("td", "th", "body")):
            return parent
    return None


def _in_signature(block: Any) -> bool:
    for el in (block, *block.iterancestors()):
        if _SIGNATURE_NAME.search(f"{el.get('id') or ''} {el.get('class') or ''}"):
            return True
    # the blocks before it, up to an empty one: a rule or "-- " line, or Outlook's signature bookmark, starts one
    for el in (block, *block.itersiblings(preceding=True)):
        if not isinstance(el.tag, str):
            continue
        if el.tag == "hr" or any(a.get("name") == "_MailAutoSig" for a in el.iter("a")):
            return True
        text = "".join(el.itertext()).strip()
        if el is not block and (not text or el.tag not in _LINE_BLOCKS):
            return False
        if el is not block and (text == _SIGNATURE_DASHES or _RULE_LINE.match(text)):
            return True
    return False


def _split_lines(block: Any, lines: list[str]) -> None:
    """Put one <p> per line in a block's place (a <p>) or in it (a <div>). Not an Outlook line (MsoNormal): a
    signature's lines are never joined as wrapped text."""
    from lxml import etree

    paragraphs = []
    for line in lines:
        p = etree.Element("p")
        p.text = line
        paragraphs.append(p)
    if block.tag == "div":
        tail = block.tail
        for child in list(block):
            block.remove(child)
        block.text = None
        block.extend(paragraphs)
        block.tail = tail
        return
    if paragraphs:
        paragraphs[-1].tail = block.tail
    anchor = block
    for p in paragraphs:
        anchor.addnext(p)
        anchor = p
    block.getparent().remove(block)


def join_wrapped_lines(root: Any) -> None:
    """In an Outlook message whose paragraphs have no space between them, join the paragraphs that are the wrapped
    lines of one (each at least _WRAPPED_LINE characters, and most of its run's longest), as the message's plain and
    RTF bodies give them; empty paragraphs (the blank lines), short lines, list items and other elements end a
    paragraph, and a word hyphenated at a line end is joined by the rule plain text and PDFs follow (line_ends.py)."""
    if not _no_paragraph_spacing(root):
        return
    words = document_words(_line_text(p) for p in root.iter("p"))
    for parent in {p.getparent() for p in root.iter("p")} - {None}:
        run: list[Any] = []
        for child in [*parent, None]:  # (None: the end, closing the last run)
            line = child is not None and _is_mso_line(child)
            if line:
                run.append(child)
            if not line or (child.tail or "").strip():
                _join_run(run, words)
                run = []


def _is_mso_line(el: Any) -> bool:
    return (
        isinstance(el.tag, str)
        and el.tag == "p"
        and "MsoNormal" in (el.get("class") or "").split()
        and bool("".join(el.itertext()).replace("\xa0", " ").strip())
    )


def _line_text(p: Any) -> str:
    return " ".join("".join(p.itertext()).split())


# a line a list item opens ("1. ", "a) ", "- ", "• "); a line ending a sentence (its full stop, maybe a quote after)
_LIST_LINE = re.compile(r"(?:[-*+•◦▪‣●○■□–]|\(?(?:\d{1,3}|[a-z])[.)])\s")
_SENTENCE_END = re.compile(r"[.!?:][\"'”’»)\]]*$")
_FULL_STOP = re.compile(r"[.!?][\"'”’»)\]]*$")


def _join_run(run: list[Any], words: frozenset[str]) -> None:
    lines = [_line_text(p) for p in run]
    if len(run) < 2 or max(len(line) for line in lines) > _WRAP_WIDTH:
        return
    width = max(len(line) for line in lines)
    cut = max(_WRAPPED_LINE, 0.6 * width)
    # lines that each end a sentence, two or more breaks in a row: sentences typed one a line, not wrapped text
    sentences = len(run) > 2 and all(_SENTENCE_END.search(line) for line in lines[:-1])
    signature = False  # after a sign-off: no line is joined
    into = run[0]  # the paragraph being rebuilt from its lines
    for line, following, next_line in zip(lines[:-1], run[1:], lines[1:], strict=True):
        signature = signature or signs_off(line)
        joined = None if _LIST_LINE.match(next_line) else joined_at_line_end(line, next_line, words)
        if (
            joined is None
            and (
                # its writer ended the paragraph here (a line ending in a hyphen, "pre-⏎and post-", goes on)
                (len(line) < cut and not HYPHENATED.search(line))
                or _LIST_LINE.match(next_line)
                or sentences
                or signature
                or signs_off(next_line)
                # a sentence's end where the next word would have fitted on the line (within 2 characters of the run's
                # longest: a wrapping width is not exact), its writer broke the line. (Where the corpus's wrapped text
                # goes on after a sentence's end, the next word never fits: measured, 0 characters to spare at least.
                # Lines ending inside a sentence are no such sign: wrapped by hand or a program balancing the lines,
                # they left up to 8 characters unused.)
                or (_SENTENCE_END.search(line) and len(line) + 1 + len(next_line.split()[0]) <= width - 2)
                # a lead-in ("The following will attend:") before a line opening with a capital or a digit
                or (line.endswith(":") and (next_line[:1].isupper() or next_line[:1].isdigit()))
            )
        ):
            into = following
            continue
        space = " "
        if joined is not None:  # no space at the break (a compound's hyphen, or a split word's, which goes)
            _trim(into, at_end=True, drop=0 if joined.startswith(line) else 1)
            _trim(following, at_end=False)
            space = ""
        if len(into):  # the next line's content, after a space
            into[-1].tail = (into[-1].tail or "") + space + (following.text or "")
        else:
            into.text = (into.text or "") + space + (following.text or "")
        into.extend(list(following))
        following.getparent().remove(following)  # (its tail is only the space between two paragraphs)


def _trim(el: Any, at_end: bool, drop: int = 0) -> None:
    """Strip the white space at a line's end (or start), which would show as a space, and `drop` characters more
    there (a hyphen), wherever the line's markup holds them."""
    holders = _document_order(el)
    for node, attr in reversed(holders) if at_end else holders:
        value = getattr(node, attr) or ""
        kept = value.rstrip() if at_end else value.lstrip()
        if kept:
            setattr(node, attr, kept[: len(kept) - drop] if at_end else kept)
            return
        if value:
            setattr(node, attr, "")


def _document_order(el: Any) -> list[tuple[Any, str]]:
    """Where an element's text lies, in reading order: its text, then each child's (recursively) and its tail."""
    order: list[tuple[Any, str]] = [(el, "text")] if isinstance(el.tag, str) else []  # (not a comment's)
    for child in el:
        order += _document_order(child)
        order.append((child, "tail"))
    return order


_DOCUMENT = re.compile(r"<(?:html|head|body)[\s>]", re.IGNORECASE)


def as_document(fragment: str) -> str:
    """A fragment (the clipboard's HTML, an e-mail body) as a document whose body holds all of it. Without this,
    libxml2 leaves HTML5 elements it does not know (<header>, <nav>, <main>) that follow a leading <meta> in the
    head, and their text would be lost."""
    return fragment if _DOCUMENT.search(fragment) else f"<html><body>{fragment}</body></html>"


def fragment_to_parts(
    html_text: str, *, email: bool = False
) -> tuple[list[tuple[str, int, str]], dict[str, str], Message | str]:
    """Parse an HTML fragment and return its parts, whatever metadata it declares, and why the parser stopped
    before its end ("" when it did not; see decoding.parse_page). An e-mail body is read as its reader sees it
    (read_as_email: a signature's lines apart, Outlook's wrapped lines joined)."""
    root, stopped = parse_page(as_document(html_text))
    if root is None:
        return [], {}, ""
    if email:
        read_as_email(root)
    meta = page_metadata(root)
    body = root.find(".//body")
    return fragment_parts(body if body is not None else root), meta, stopped
