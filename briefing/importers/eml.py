"""E-mail messages (.eml): subject, sender, recipients (To, Cc) and date as metadata; the body as text (an HTML
body through the web page extractor). Attachments are listed, each importable as a further source (an attached
message as .eml)."""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from email import errors
from itertools import groupby
from typing import Any

from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import NO_SUBJECT, Source, SourceMeta, new_id
from briefing.core.script import direction
from briefing.core.text import build_text, clean_block_text, normalise_breaks
from briefing.importers import Attachment, ImportOptions, SourceImportError, attachment_name, file_attachment
from briefing.importers.text import (
    codec_for,
    decode,
    decode_detected,
    decode_mostly,
    lines_kept_apart,
    parse_plain,
)

# in quoted-printable "=" starts a hex code or ends a line (a soft line break, perhaps after padding)
_BAD_QP = re.compile(r"=(?![0-9A-Fa-f]{2}|[ \t]*\r?$)", re.MULTILINE)
_QUOTED_LINE = re.compile(r"^[ \t]*>")  # a line of the message replied to, "> …"
_QUOTE_MARK = re.compile(r"^[ \t]*>(?:[ \t>]|$)")  # its usual mark: "> ", ">>" or a ">" alone
_SIGNATURE_DASHES = re.compile(r"^--[ \t]*$")  # "-- " alone on its line: a signature follows (RFC 3676)
_RULE = re.compile(r"^[ \t]*(?:_{8,}|-{8,}|={8,})[ \t]*$")  # Outlook's "______" before a signature or forward
# the line a mail program puts before the quoted message: "On 29 Nov, Bob wrote:", « Le 29 nov., Bob a écrit : »
_ATTRIBUTION = re.compile(
    r"^(?:on|le|am|el|il|em|op)\b.*\b(?:wrote|a écrit|schrieb|escribió|ha scritto|scrisse|escreveu|schreef)\s*:$",
    re.IGNORECASE,
)


def _payload(part: Any, file_name: str, options: ImportOptions) -> bytes:
    """The part's bytes with the transfer encoding (base64, quoted-printable) undone, or a clear error."""
    payload = part.get_payload(decode=True) or b""
    defects = {type(defect) for defect in part.defects}
    # the email package gives back the base64 text itself when it cannot be decoded at all
    if errors.InvalidBase64LengthDefect in defects:
        raise SourceImportError(
            file_name,
            Message(QT_TRANSLATE_NOOP("Messages", "the message's text is damaged base64 and cannot be decoded")),
        )
    if errors.InvalidBase64CharactersDefect in defects:
        options.warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "the message's base64 text had characters that do not belong in it; they were skipped"
                )
            )
        )
    if str(part.get("Content-Transfer-Encoding", "")).strip().lower() == "quoted-printable":
        raw = part.get_payload(decode=False)
        if isinstance(raw, str) and _BAD_QP.search(raw):
            options.warnings.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "the message's quoted-printable text is damaged: some '=' codes could "
                        "not be decoded and were kept as they are",
                    )
                )
            )
    return bytes(payload)


def _part_text(part: Any, file_name: str, options: ImportOptions) -> tuple[str, str]:
    payload = _payload(part, file_name, options)
    if options.encoding:
        return decode(payload, file_name, options.encoding, options)
    charset = part.get_content_charset()
    if not charset:
        return decode(payload, file_name, None, options)
    name = codec_for(charset)  # (iso-8859-1 mail from Outlook is windows-1252: its quotes and dashes are kept)
    if name is None:
        # the bytes are in some encoding with a name we do not know: never read them as UTF-8 with letters lost
        text, name = decode_detected(payload, file_name, options, mostly_utf8=False)
        options.warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "the message says its text is in {charset}, a character set Briefing "
                    "does not know; it was read as {name} (if letters look wrong, import "
                    "again choosing the encoding)",
                ),
                charset=f"{charset!r}",
                name=name,
            )
        )
        return text, name
    try:
        return payload.decode(name), name
    except UnicodeDecodeError:
        mostly = decode_mostly(payload, name, options)  # (a few corrupt bytes are replaced, with a warning)
        if mostly is not None:
            return mostly, name
    options.warnings.append(
        Message(
            QT_TRANSLATE_NOOP(
                "Messages", "the message says its text is {charset} but it is not; the encoding was detected"
            ),
            charset=charset,
        )
    )
    return decode_detected(payload, file_name, options)


def format_address(name: str, address: str) -> str:
    """'Name <address>' as a reader writes it (no MIME encoding of accented names), or whichever of them there is."""
    name, address = clean_block_text(name), address.strip()
    if not address or name == address:
        return name or address
    if not name:
        return address
    return f'"{name}" <{address}>' if any(c in name for c in ',;:<>@"()[]') else f"{name} <{address}>"


def _attachments(message: Any, warnings: list[str]) -> list[Attachment]:
    """The message's attachments, in order; an attached message is one (its own attachments are its own). Those
    left out (empty, or an attached message too damaged to write back) are named in `warnings`."""
    found: list[Attachment] = []
    pending = list(message.iter_parts()) if message.is_multipart() else []
    while pending:
        part = pending.pop(0)
        if part.get_content_disposition() != "attachment" and not part.get_filename():
            if part.is_multipart() and part.get_content_type() != "message/rfc822":
                pending[:0] = list(part.iter_parts())
            continue
        fallback = f"attachment {len(found) + 1}"
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else None
            if inner is None:
                continue
            name = attachment_name(str(part.get_filename() or inner.get("Subject") or ""), "message")
            try:
                data = inner.as_bytes()
            except (ValueError, LookupError, TypeError):  # a header too broken to write back out
                warnings.append(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Messages", "the attached message {name} has damaged headers, so it was left out"
                        ),
                        name=name,
                    )
                )
                continue
            found.append(file_attachment(name if name.lower().endswith(".eml") else f"{name}.eml", data))
        else:
            data = part.get_payload(decode=True)
            name = attachment_name(str(part.get_filename() or ""), fallback)
            if isinstance(data, bytes) and data:
                found.append(file_attachment(name, data))
            else:
                warnings.append(
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "the attachment {name} is empty (0 bytes), so it was left out"),
                        name=name,
                    )
                )
    return found


def plain_body_parts(body: str) -> list[tuple[str, int, str]]:
    """The blocks of a message's plain-text body: its own text read as plain text is (no title: the subject names
    the message), and the message it replies to, its "> " lines, as blocks of kind "quote" without the ">" marks,
    its paragraphs kept (an HTML body's <blockquote> comes in alike); the "On …, Bob wrote:" line a block alone, and
    so each line of a signature (after "-- " or a "______" rule, or a sign-off: text.lines_kept_apart, up to a blank
    line), as a reader sees them."""
    parts: list[tuple[str, int, str]] = []
    lines = normalise_breaks(body).split("\n")
    flagged = groupby(zip(_quoted_lines(lines), lines, strict=True), key=lambda pair: pair[0])
    groups = [(quoted, [line for _quoted, line in run]) for quoted, run in flagged]
    for index, (quoted, run) in enumerate(groups):
        if quoted:
            inner = "\n".join(_QUOTED_LINE.sub("", line, count=1).removeprefix(" ") for line in run)
            parts += [("quote", 0, text) for _kind, _level, text in plain_body_parts(inner)]
            continue
        quote_follows = index + 1 < len(groups)
        marked: list[str] = []
        apart = False  # the lines after a signature's "-- " or a rule, up to a blank line: each a paragraph alone
        for i, line in enumerate(run):
            if _SIGNATURE_DASHES.match(line) or _RULE.match(line) or (apart and line.strip()):
                parts += _own_text_parts("\n".join(marked))  # (the text before, read as plain text)
                marked = []
                apart = True
                if not _SIGNATURE_DASHES.match(line):  # ("-- " is a mark, as "> " is)
                    parts.append(("paragraph", 0, line.strip()))
                continue
            apart = False
            # the line introducing a quotation is not the first words of the sentence quoted (nor the last of one's
            # own)
            introduces = quote_follows and i == len(run) - 1 and line.rstrip().endswith(":")
            marked.append(f"\n\n{line}\n\n" if introduces or _ATTRIBUTION.match(line.strip()) else line)
        parts += _own_text_parts("\n".join(marked))
    return parts


def _own_text_parts(text: str) -> list[tuple[str, int, str]]:
    """The writer's own text read as plain text is, without a title (the subject names the message), a sign-off's
    and a lead-in's lines kept apart as in an HTML body (lines_kept_apart)."""
    return lines_kept_apart([("paragraph", 0, t) if k == "title" else (k, lv, t) for k, lv, t in parse_plain(text)])


def _quoted_lines(lines: list[str]) -> list[bool]:
    """Which lines are quoted: those opening with ">", unless one alone without the usual "> " mark, which is the
    writer's own text (">50 per cent of respondents")."""
    quoted = [bool(_QUOTED_LINE.match(line)) for line in lines]
    for index, line in enumerate(lines):
        alone = not any(quoted[index - 1 : index]) and not any(quoted[index + 1 : index + 2])
        if quoted[index] and alone and not _QUOTE_MARK.match(line):
            quoted[index] = False
    return quoted


def html_body_parts(body: str) -> tuple[list[tuple[str, int, str]], Message | str]:
    """The parts of a message's HTML body, and why the HTML parser stopped early ("" when it did not)."""
    from briefing.importers.html import _parse, extract_article, fragment_to_parts
    from briefing.importers.html.fragment import read_as_email

    everything, _meta, stopped = fragment_to_parts(body, email=True)
    root = _parse(body) if len(everything) > 10 else None
    if root is not None:
        read_as_email(root)
    article, _doc = extract_article(root, with_metadata=False) if root is not None else ([], None)
    # a newsletter's article is what the extractor keeps; a short personal note is all of the message
    total = sum(len(t.split()) for _k, _l, t in everything)
    kept = sum(len(t.split()) for _k, _l, t in article)
    return (article if total > 300 and article and kept >= 0.5 * total else everything), stopped


def import_bytes(data: bytes, file_name: str, options: ImportOptions) -> Source:
    head = data[:4096]
    if b":" not in head or not any(
        key in head.lower() for key in (b"from:", b"subject:", b"date:", b"to:", b"message-id:", b"received:")
    ):
        raise SourceImportError(
            file_name, Message(QT_TRANSLATE_NOOP("Messages", "is not an e-mail message (no message headers)"))
        )
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
    stopped: Message | str = ""  # why the HTML parser stopped before the end of an HTML body
    if plain is not None:
        try:
            body, encoding = _part_text(plain, file_name, options)
        except SourceImportError as exc:
            if html is None:
                raise
            # the same message in HTML: one damaged version does not lose the message
            options.warnings.append(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "{problem}; the message's HTML version was read instead"),
                    problem=exc.problem,
                )
            )
            plain = None
        else:
            parts = plain_body_parts(body)
    if plain is None and html is not None:
        body, encoding = _part_text(html, file_name, options)
        parts, stopped = html_body_parts(body)
    text, blocks = build_text(parts)
    if not text.strip():
        problem = (
            Message(QT_TRANSLATE_NOOP("Messages", "{stopped}, before any text"), stopped=stopped)
            if stopped
            else Message(QT_TRANSLATE_NOOP("Messages", "the message has no text body"))
        )
        raise SourceImportError(file_name, problem)
    if stopped:
        options.warnings.append(
            Message(
                QT_TRANSLATE_NOOP("Messages", "{stopped}, so text after that point may be missing"), stopped=stopped
            )
        )
    options.attachments.extend(_attachments(message, options.warnings))
    for kind in ("to", "cc"):
        found = email.utils.getaddresses([str(v) for v in message.get_all(kind, [])])
        names = [format_address(n, a) for n, a in found]
        if any(names):
            options.recipients[kind] = [n for n in names if n]
    meta = SourceMeta(
        title=subject or NO_SUBJECT,
        author=author,
        published=published,
        direction=direction(text),
        encoding=encoding,
        format="eml",
        to=list(options.recipients.get("to", [])),
        cc=list(options.recipients.get("cc", [])),
    )
    options.report(2, 2)
    return Source(id=new_id("src"), text=text, blocks=blocks, meta=meta)
