"""Reading a saved page: its bytes decoded (the user's encoding, a BOM, the page's own declaration, detection),
then parsed as data by lxml, without what a browser would not show."""

from __future__ import annotations

import codecs
import re
from typing import Any

from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.importers import ImportOptions
from briefing.importers.text import codec_for, decode_detected, decode_mostly

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
                options.warnings.append(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Messages", "the page says it is {name} but is not; the encoding was detected instead"
                        ),
                        name=name,
                    )
                )
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


# elements that are blocks of their own: a run of inline content between them is a paragraph
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "li", "table", "blockquote", "pre",
           "section", "article", "main", "header", "footer", "aside", "nav", "figure", "form", "hr"}  # fmt: skip
_SPLITTABLE = {"p", "div", "section", "article", "main", "body", "center", "blockquote", "td", "dd"}


def _ends_paragraph(br: Any) -> bool:
    """Whether a <br> is the first of two or more in a row (only white space between): a blank line on screen."""
    following = br.getnext()
    return following is not None and following.tag == "br" and not (br.tail or "").strip()


def split_double_breaks(root: Any) -> None:
    """Make "<br><br>" paragraph breaks real: the inline content on each side becomes its own <p>, as the reader
    saw separate paragraphs. (Extractors keep such text as one paragraph, so a page written that way would come
    in as one block: title, date, article and whatever followed it.) The tree is changed in place."""
    parents = {br.getparent(): None for br in root.iter("br") if _ends_paragraph(br)}
    for parent in parents:
        if parent is None or parent.tag not in _SPLITTABLE:
            continue
        children = list(parent)
        breaks = {child for child in children if child.tag == "br" and _ends_paragraph(child)}
        # the parent's content in order: runs of inline text and elements (lists), and block elements between them
        out: list[Any] = []
        run: list[Any] = [parent.text or ""]
        in_breaks = False
        for child in children:
            tail = child.tail or ""
            child.tail = None
            parent.remove(child)
            if child.tag == "br" and (in_breaks or child in breaks):
                in_breaks = child in breaks  # (the last <br> of a run ends it)
                out.append(run)
                run = [tail]
                continue
            in_breaks = False
            if isinstance(child.tag, str) and child.tag in _BLOCKS:
                out += [run, child]
                run = [tail]
            else:
                run += [child, tail]
        out.append(run)
        parent.text = None
        nodes = [
            node for node in (_paragraph(item) if isinstance(item, list) else item for item in out) if node is not None
        ]
        if parent.tag != "p":
            parent.extend(nodes)
            continue
        # a <p> cannot hold another: its paragraphs take its place, with its attributes
        for node in nodes:
            if node.tag == "p":
                node.attrib.update(parent.attrib)
        if nodes:
            nodes[-1].tail = parent.tail
        anchor = parent
        for node in nodes:
            anchor.addnext(node)
            anchor = node
        parent.tail = None
        parent.getparent().remove(parent)


def _paragraph(run: list[Any]) -> Any:
    """A <p> holding a run of text and inline elements, or None when it has no text."""
    from lxml import etree

    p = etree.Element("p")
    last = None
    for item in run:
        if isinstance(item, str):
            if last is None:
                p.text = (p.text or "") + item
            else:
                last.tail = (last.tail or "") + item
        else:
            p.append(item)
            last = item
    has_text = "".join(p.itertext()).strip()
    return p if has_text or any(el.tag in ("img", "picture") for el in p.iter()) else None


def parse(html_text: str) -> Any:
    """The parsed page, or None; see parse_page."""
    return parse_page(html_text)[0]


def parse_page(html_text: str) -> tuple[Any, Message | str]:
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
    stopped: Message | str = ""
    for error in parser.error_log:
        if error.level_name == "FATAL":  # (an ordinary HTML error, like an unclosed tag, is only an ERROR)
            if "depth" in error.message.lower():
                stopped = Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "the page nests its elements too deeply (over 256 levels): reading stopped there"
                    )
                )
            elif error.type_name == "ERR_RESOURCE_LIMIT":
                stopped = Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "the page has a part too large to read (over 10 MB): reading stopped there"
                    )
                )
            else:
                stopped = Message(
                    QT_TRANSLATE_NOOP("Messages", "the page broke the HTML parser ({error}): reading stopped there"),
                    error=" ".join(error.message.split()),
                )
            break
    _drop_hidden(root)
    split_double_breaks(root)
    # ruby annotations (furigana) are pronunciation aids, not text: "子こども" must read "子ども"
    for el in list(root.iter("rt", "rp")):
        el.drop_tree()
    return root, stopped
