"""E-mail messages (.eml): subject, sender and date as metadata; the body as text (an HTML body through the web
page extractor). Attachments are ignored."""

from __future__ import annotations

import email
import email.policy
import email.utils
from typing import Any

from briefing.core.model import Source, SourceMeta, new_id
from briefing.core.text import build_text, clean_block_text
from briefing.importers import ImportOptions, SourceImportError
from briefing.importers.text import decode, parse_plain, script_direction


def _part_text(part: Any, file_name: str, options: ImportOptions) -> tuple[str, str]:
    payload = part.get_payload(decode=True) or b""
    charset = options.encoding or part.get_content_charset()
    if charset:
        try:
            return payload.decode(charset), charset
        except (LookupError, UnicodeDecodeError):
            options.warnings.append(f"the message says its text is {charset} but it is not; the encoding was detected")
    return decode(payload, file_name, None, options)


def import_bytes(data: bytes, file_name: str, options: ImportOptions) -> Source:
    from briefing.importers.html import _parse, extract_article, fragment_to_parts

    head = data[:4096]
    if b":" not in head or not any(
        key in head.lower() for key in (b"from:", b"subject:", b"date:", b"to:", b"message-id:", b"received:")
    ):
        raise SourceImportError(file_name, "is not an e-mail message (no message headers)")
    message = email.message_from_bytes(data, policy=email.policy.default)
    options.report(1, 2)
    subject = clean_block_text(str(message.get("Subject") or ""))
    sender = str(message.get("From") or "")
    name, address = email.utils.parseaddr(sender)
    author = clean_block_text(name or address)
    published = ""
    try:
        when = email.utils.parsedate_to_datetime(str(message.get("Date") or ""))
        published = when.isoformat() if when else ""
    except (TypeError, ValueError, IndexError):
        pass

    plain = html = None
    for part in message.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and plain is None:
            plain = part
        elif kind == "text/html" and html is None:
            html = part
    parts: list[tuple[str, int, str]] = []
    encoding = ""
    if plain is not None:
        body, encoding = _part_text(plain, file_name, options)
        parts = parse_plain(body)
        parts = [("paragraph", 0, t) if k == "title" else (k, lv, t) for k, lv, t in parts]
    elif html is not None:
        body, encoding = _part_text(html, file_name, options)
        everything, _meta = fragment_to_parts(body)
        root = _parse(body) if len(everything) > 10 else None
        article, _doc = extract_article(root, with_metadata=False) if root is not None else ([], None)
        # a newsletter's article is what the extractor keeps; a short personal note is all of the message
        total = sum(len(t.split()) for _k, _l, t in everything)
        kept = sum(len(t.split()) for _k, _l, t in article)
        parts = article if total > 300 and article and kept >= 0.5 * total else everything
    text, blocks = build_text(parts)
    if not text.strip():
        raise SourceImportError(file_name, "the message has no text body")
    meta = SourceMeta(
        title=subject or "(no subject)",
        author=author,
        published=published,
        direction=script_direction(text),  # type: ignore[arg-type]
        encoding=encoding,
        format="eml",
    )
    options.report(2, 2)
    return Source(id=new_id("src"), text=text, blocks=blocks, meta=meta)
