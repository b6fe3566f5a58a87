"""Outlook messages (.msg, the compound-file format): subject, sender, recipients (To, Cc) and date as metadata;
the body as a mail client shows it (HTML through the web page extractor, else HTML recovered from the RTF body,
else plain text, else the RTF body read as RTF); attachments listed, each importable as a further source.

Built on olefile (BSD). The message's properties are streams named __substg1.0_<property id><type>; fixed-size
ones (dates, code pages) are in the __properties_version1.0 table [MS-OXMSG].
"""

from __future__ import annotations

import io
import struct
import uuid
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import NO_SUBJECT, Source, SourceMeta, new_id
from briefing.core.script import direction
from briefing.core.text import build_text, clean_block_text
from briefing.importers import Attachment, ImportOptions, SourceImportError, attachment_name, file_attachment
from briefing.importers.text import codec_for, decode_detected

MAX_STREAM_BYTES = 100 * 1024 * 1024  # no property of a message within the file size limit can be larger
MAX_RTF_BYTES = 50 * 1024 * 1024  # a compressed RTF body that claims to unpack to more is not a real one
MAX_NESTING = 10  # messages attached to messages attached to ...: deeper is a crafted file

PT_UNICODE, PT_STRING8, PT_BINARY, PT_LONG, PT_SYSTIME, PT_OBJECT = 0x001F, 0x001E, 0x0102, 0x0003, 0x0040, 0x000D
PR_MESSAGE_CLASS, PR_SUBJECT, PR_CLIENT_SUBMIT_TIME, PR_TRANSPORT_HEADERS = 0x001A, 0x0037, 0x0039, 0x007D
PR_SENDER_NAME, PR_SENDER_EMAIL, PR_SENDER_SMTP = 0x0C1A, 0x0C1F, 0x5D01
PR_SENT_REPRESENTING_NAME, PR_SENT_REPRESENTING_EMAIL = 0x0042, 0x0065
PR_DISPLAY_TO, PR_DISPLAY_CC, PR_DELIVERY_TIME = 0x0E04, 0x0E03, 0x0E06
PR_BODY, PR_RTF_COMPRESSED, PR_HTML = 0x1000, 0x1009, 0x1013
PR_INTERNET_CPID, PR_MESSAGE_CODEPAGE = 0x3FDE, 0x3FFD
PR_ATTACH_DATA, PR_ATTACH_FILENAME, PR_ATTACH_METHOD, PR_ATTACH_LONG_FILENAME = 0x3701, 0x3704, 0x3705, 0x3707
PR_DISPLAY_NAME, PR_EMAIL_ADDRESS, PR_SMTP_ADDRESS, PR_RECIPIENT_TYPE = 0x3001, 0x3003, 0x39FE, 0x0C15
ATTACH_EMBEDDED_MSG = 5
NAMED_PROPERTIES = "__nameid_version1.0"  # the storage mapping named properties to ids

# MS-OXRTFCP: the dictionary of compressed RTF starts filled with these 207 bytes
_RTF_PREBUF = (
    b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS"
    b" Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20"
    b"\\b\\i\\u\\tab\\tx"
)


class _Damaged(Exception):
    """The compressed RTF body is damaged."""


def decompress_rtf(data: bytes) -> bytes:
    """Undo Outlook's RTF compression (MS-OXRTFCP: LZFu, or MELA for stored uncompressed)."""
    if len(data) < 16:
        raise _Damaged(Message(QT_TRANSLATE_NOOP("Messages", "the header is cut short")))
    comp_size, raw_size, kind, _crc = struct.unpack_from("<IIII", data)
    if raw_size > MAX_RTF_BYTES:
        raise _Damaged(
            Message(QT_TRANSLATE_NOOP("Messages", "it claims to unpack to {size} MB"), size=raw_size // (1024 * 1024))
        )
    body = data[16 : 4 + comp_size]
    if kind == 0x414C454D:  # "MELA": stored as is
        return bytes(body[:raw_size])
    if kind != 0x75465A4C:  # "LZFu"
        raise _Damaged(Message(QT_TRANSLATE_NOOP("Messages", "its compression is of an unknown kind")))
    window = bytearray(4096)
    window[: len(_RTF_PREBUF)] = _RTF_PREBUF
    write = len(_RTF_PREBUF)
    out = bytearray()
    pos, end = 0, len(body)
    while pos < end:
        flags = body[pos]
        pos += 1
        for bit in range(8):
            if pos >= end:
                break
            if flags & (1 << bit):  # a reference: 12-bit offset into the window, 4-bit length - 2
                if pos + 2 > end:
                    raise _Damaged(Message(QT_TRANSLATE_NOOP("Messages", "a reference is cut short")))
                ref = (body[pos] << 8) | body[pos + 1]
                pos += 2
                offset, length = ref >> 4, (ref & 0xF) + 2
                if offset == write:  # the end marker
                    return bytes(out[:raw_size])
                for i in range(length):
                    byte = window[(offset + i) % 4096]
                    out.append(byte)
                    window[write] = byte
                    write = (write + 1) % 4096
            else:
                byte = body[pos]
                pos += 1
                out.append(byte)
                window[write] = byte
                write = (write + 1) % 4096
            if len(out) > raw_size + 4096:
                raise _Damaged(Message(QT_TRANSLATE_NOOP("Messages", "it unpacks to more than it says")))
    return bytes(out[:raw_size])


def _filetime(value: int) -> datetime | None:
    if not 0 < value < 0x7FFFFFFFFFFFFFFF:
        return None
    try:
        return datetime(1601, 1, 1, tzinfo=UTC) + timedelta(microseconds=value // 10)
    except OverflowError:
        return None


class _Message:
    """One message in the compound file: the top-level one, or one attached to it (under `prefix`)."""

    def __init__(self, ole: Any, prefix: str, file_name: str, header_size: int) -> None:
        self.ole = ole
        self.prefix = prefix
        self.file_name = file_name
        self.props: dict[int, tuple[int, bytes]] = {}
        raw = self.stream("__properties_version1.0") or b""
        for at in range(header_size, len(raw) - 15, 16):
            tag = struct.unpack_from("<I", raw, at)[0]
            self.props[tag >> 16] = (tag & 0xFFFF, raw[at + 8 : at + 16])
        page = self.long(PR_MESSAGE_CODEPAGE) or self.long(PR_INTERNET_CPID) or 1252
        self.codec = codec_for(f"cp{page}") or codec_for(str(page)) or "cp1252"

    def stream(self, name: str) -> bytes | None:
        path = self.prefix + name
        if not self.ole.exists(path) or self.ole.get_type(path) != 2:  # 2: a stream (not a storage)
            return None
        return _read_stream(self.ole, path, self.file_name)

    def long(self, prop: int) -> int:
        kind, value = self.props.get(prop, (0, b""))
        return struct.unpack_from("<i", value)[0] if kind == PT_LONG and len(value) >= 4 else 0

    def time(self, prop: int) -> datetime | None:
        kind, value = self.props.get(prop, (0, b""))
        return _filetime(struct.unpack_from("<Q", value)[0]) if kind == PT_SYSTIME and len(value) == 8 else None

    def string(self, prop: int) -> str:
        raw = self.stream(f"__substg1.0_{prop:04X}{PT_UNICODE:04X}")
        if raw is not None:
            return raw.decode("utf-16-le", errors="replace").split("\x00", 1)[0]
        raw = self.stream(f"__substg1.0_{prop:04X}{PT_STRING8:04X}")
        if raw is not None:
            return raw.split(b"\x00", 1)[0].decode(self.codec, errors="replace")
        return ""

    def binary(self, prop: int) -> bytes | None:
        return self.stream(f"__substg1.0_{prop:04X}{PT_BINARY:04X}")

    def storages(self, start: str) -> list[str]:
        """Names of the storages directly in this message whose names begin with `start`."""
        parent = self.prefix.strip("/").split("/") if self.prefix else []
        found = {
            entry[-1]
            for entry in self.ole.listdir(streams=False, storages=True)
            if len(entry) == len(parent) + 1 and entry[:-1] == parent and entry[-1].startswith(start)
        }
        return sorted(found)


def _read_stream(ole: Any, path: str, file_name: str) -> bytes:
    if ole.get_size(path) > MAX_STREAM_BYTES:
        raise SourceImportError(
            file_name,
            Message(QT_TRANSLATE_NOOP("Messages", "has a part larger than the file itself; the file is damaged")),
        )
    with ole.openstream(path) as handle:
        return bytes(handle.read())


def _cut_short(data: bytes) -> bool:
    """Does the compound file end before the last sector its allocation table uses? (olefile reads a truncated
    file without a word, as if the streams in the missing part had never been there.)"""
    if len(data) < 512:
        return True
    size = 4096 if struct.unpack_from("<H", data, 0x1E)[0] == 12 else 512
    header = size  # the header fills the first sector (512 bytes of it are used)
    per_sector = size // 4
    last = -1
    # the first 109 sectors of the allocation table, listed in the header: enough to see a cut in any message
    for k, index in enumerate(struct.unpack_from("<109I", data, 0x4C)):
        if index >= 0xFFFFFFFA:
            break
        at = header + index * size
        if at + size > len(data):
            return True
        entries = struct.unpack_from(f"<{per_sector}I", data, at)
        used = [i for i, value in enumerate(entries) if value != 0xFFFFFFFF]  # (0xFFFFFFFF: a free sector)
        if used:
            last = k * per_sector + used[-1]
    return header + (last + 1) * size > len(data)


def _open(data: bytes, file_name: str) -> Any:
    import olefile

    if not data.startswith(olefile.MAGIC):
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "is not an Outlook message (not a compound file; damaged or renamed?)")
            ),
        )
    if _cut_short(data):
        raise SourceImportError(
            file_name,
            Message(QT_TRANSLATE_NOOP("Messages", "is cut short (truncated?); the message cannot be read whole")),
        )
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, struct.error, IndexError, EOFError) as exc:
        raise SourceImportError(
            file_name, Message(QT_TRANSLATE_NOOP("Messages", "is a damaged Outlook message ({exc})"), exc=exc)
        ) from None
    if not ole.exists("__properties_version1.0") and not ole.exists("__substg1.0_0037001F"):
        if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
            raise SourceImportError(
                file_name,
                Message(QT_TRANSLATE_NOOP("Messages", "is an encrypted Office document, not an Outlook message")),
            )
        if ole.exists("WordDocument"):
            raise SourceImportError(
                file_name,
                Message(
                    QT_TRANSLATE_NOOP("Messages", "is a Word .doc document, not an Outlook message (rename it to .doc)")
                ),
            )
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "is not an Outlook message (a compound file without message properties)")
            ),
        )
    return ole


def _sender(message: _Message) -> str:
    name = clean_block_text(message.string(PR_SENDER_NAME) or message.string(PR_SENT_REPRESENTING_NAME))
    if name:
        return name
    address = message.string(PR_SENDER_SMTP) or message.string(PR_SENDER_EMAIL)
    return clean_block_text(address if "@" in address else "")


def _recipients(message: _Message) -> dict[str, list[str]]:
    """To and Cc, "Name <address>", from the recipient table; else the display lists Outlook keeps."""
    from briefing.importers.eml import format_address

    found: dict[str, list[str]] = {}
    for storage in message.storages("__recip_version1.0_#"):
        recipient = _Message(message.ole, f"{message.prefix}{storage}/", message.file_name, 8)
        kind = {1: "to", 2: "cc"}.get(recipient.long(PR_RECIPIENT_TYPE))
        if kind is None:  # (blind copies are nobody's business in a briefing)
            continue
        address = recipient.string(PR_SMTP_ADDRESS) or recipient.string(PR_EMAIL_ADDRESS)
        shown = format_address(recipient.string(PR_DISPLAY_NAME), address if "@" in address else "")
        if shown:
            found.setdefault(kind, []).append(shown)
    for kind, prop in (("to", PR_DISPLAY_TO), ("cc", PR_DISPLAY_CC)):
        if kind not in found:
            names = [clean_block_text(n) for n in message.string(prop).split(";")]
            if any(names):
                found[kind] = [n for n in names if n]
    return found


def _date(message: _Message) -> str:
    when = message.time(PR_CLIENT_SUBMIT_TIME) or message.time(PR_DELIVERY_TIME)
    if when is None:
        import email
        import email.policy
        import email.utils

        headers = email.message_from_string(message.string(PR_TRANSPORT_HEADERS), policy=email.policy.compat32)
        try:
            when = email.utils.parsedate_to_datetime(str(headers.get("Date") or ""))
        except (TypeError, ValueError, IndexError):
            when = None
    return when.isoformat() if when else ""


def _html_text(raw: bytes, message: _Message, options: ImportOptions) -> str:
    """An HTML body's bytes as text: in the code page the message names, else in the one the page declares."""
    page = message.long(PR_INTERNET_CPID)
    name = codec_for(f"cp{page}") if page else None
    if page == 65001:
        name = "utf-8"
    if name is None:
        import re

        declared = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", raw[:4096], re.IGNORECASE)
        name = codec_for(declared.group(1).decode("ascii")) if declared else None
    if name is None:
        return decode_detected(raw, message.file_name, options)[0]
    try:
        return raw.decode(name)
    except UnicodeDecodeError:
        return raw.decode(name, errors="replace")


def _body_parts(message: _Message, options: ImportOptions) -> list[tuple[str, int, str]]:
    """The body as a mail client shows it: HTML, else HTML kept in the RTF, else plain text, else the RTF."""
    from briefing.importers.eml import html_body_parts, plain_body_parts
    from briefing.importers.rtf import read_rtf

    html = message.binary(PR_HTML)
    if html is None:
        text = message.string(PR_HTML)
        html = text.encode("utf-8") if text else None
    rtf = None
    compressed = message.binary(PR_RTF_COMPRESSED)
    if compressed is not None:
        try:
            rtf = read_rtf(decompress_rtf(compressed), message.file_name)
        except (_Damaged, SourceImportError) as exc:
            detail = exc.problem if isinstance(exc, SourceImportError) else str(exc)
            options.warnings.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "the message's formatted (RTF) body is damaged ({detail}); it was not read"
                    ),
                    detail=detail,
                )
            )
    html_text = ""
    if html is not None and html.strip():
        html_text = _html_text(html, message, options)
    elif rtf is not None and rtf.from_html:
        html_text = rtf.html
    if html_text.strip():
        parts, stopped = html_body_parts(html_text)
        if stopped:
            options.warnings.append(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "{stopped}, so text after that point may be missing"), stopped=stopped
                )
            )
        if any(t.strip() for _k, _l, t in parts):
            return parts
    plain = message.string(PR_BODY)
    if plain.strip():
        return plain_body_parts(plain)
    if rtf is not None and not rtf.from_html:
        return rtf.parts
    return []


def _signed_body(message: _Message, attachments: list[Attachment], options: ImportOptions) -> list[Any]:
    """A signed (S/MIME, clear-signed) message keeps its body only in the MIME message of its smime.p7m
    attachment; an encrypted one cannot be read without the recipient's key."""
    import email
    import email.policy

    from briefing.importers.eml import _part_text, html_body_parts, plain_body_parts

    p7m = next((a for a in attachments if a.name.lower() == "smime.p7m"), None)
    if p7m is None or "MULTIPARTSIGNED" not in message.string(PR_MESSAGE_CLASS).upper():
        raise SourceImportError(
            message.file_name,
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "is encrypted (S/MIME); Briefing cannot read it: open it in Outlook and "
                    "save or forward a decrypted copy",
                )
            ),
        )
    attachments.remove(p7m)  # (the signature's envelope, not something the sender attached)
    mime = email.message_from_bytes(p7m.data, policy=email.policy.default)
    texts = [p for p in mime.walk() if not p.is_multipart() and p.get_content_disposition() != "attachment"]
    plain = next((p for p in texts if p.get_content_type() == "text/plain"), None)
    html = next((p for p in texts if p.get_content_type() == "text/html"), None)
    if html is not None:
        return html_body_parts(_part_text(html, message.file_name, options)[0])[0]
    if plain is not None:
        return plain_body_parts(_part_text(plain, message.file_name, options)[0])
    return []


def _attachments(message: _Message, data: bytes, depth: int, warnings: list[str]) -> list[Attachment]:
    """The message's attachments, in order; an empty one is left out, and named in `warnings`."""
    found: list[Attachment] = []
    for storage in message.storages("__attach_version1.0_#"):
        inner = _Message(message.ole, f"{message.prefix}{storage}/", message.file_name, 8)
        name = attachment_name(
            inner.string(PR_ATTACH_LONG_FILENAME) or inner.string(PR_ATTACH_FILENAME) or inner.string(PR_DISPLAY_NAME),
            "",
        )
        nested = f"{inner.prefix}__substg1.0_{PR_ATTACH_DATA:04X}{PT_OBJECT:04X}"
        is_storage = message.ole.exists(nested) and message.ole.get_type(nested) == 1
        if is_storage and (
            inner.long(PR_ATTACH_METHOD) == ATTACH_EMBEDDED_MSG
            or message.ole.exists(f"{nested}/__properties_version1.0")
        ):
            sub = _Message(message.ole, nested + "/", message.file_name, 24)
            title = attachment_name(sub.string(PR_SUBJECT), name or "message")
            name = title if title.lower().endswith(".msg") else f"{title}.msg"
            try:
                own = _message_file(message.ole, nested, message.file_name)
            except (SourceImportError, OSError, ValueError, struct.error, IndexError):
                warnings.append(
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "the attached message {name} is damaged, so it was left out"),
                        name=name,
                    )
                )
                continue
            found.append(Attachment(name=name, data=own, importer=partial(_import_attached, depth=depth + 1)))
            continue
        content = inner.binary(PR_ATTACH_DATA)
        if content is None:  # an embedded OLE object (a chart, a spreadsheet), or a link to a file elsewhere
            if name:
                found.append(Attachment(name=name, data=b"", importer=None))  # listed, not importable
            continue
        name = name or f"attachment {len(found) + 1}"
        if not content:
            warnings.append(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "the attachment {name} is empty (0 bytes), so it was left out"),
                    name=name,
                )
            )
            continue
        found.append(file_attachment(name, content))
    return found


def _read(data: bytes, file_name: str, options: ImportOptions, prefix: str, depth: int) -> Source:
    if depth > MAX_NESTING:
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "has messages attached to messages more than {max_nesting} deep"),
                max_nesting=MAX_NESTING,
            ),
        )
    ole = _open(data, file_name)
    try:
        message = _Message(ole, prefix, file_name, 32 if not prefix else 24)
        options.report(1, 2)
        subject = clean_block_text(message.string(PR_SUBJECT))
        parts = _body_parts(message, options)
        attachments = _attachments(message, data, depth, options.warnings)
        smime = message.string(PR_MESSAGE_CLASS).upper().startswith("IPM.NOTE.SMIME")
        if smime and not any(t.strip() for _k, _l, t in parts):
            parts = _signed_body(message, attachments, options)
        options.attachments.extend(attachments)
        options.recipients.update(_recipients(message))
        sender = _sender(message)
        published = _date(message)
    finally:
        ole.close()
    text, blocks = build_text(parts)
    if not text.strip():
        names = ", ".join(a.name for a in options.attachments)
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "the message has no text body (its attachments: {names})"), names=names
            )
            if names
            else Message(QT_TRANSLATE_NOOP("Messages", "the message has no text body")),
        )
    meta = SourceMeta(
        title=subject or NO_SUBJECT,
        author=sender,
        published=published,
        direction=direction(text),
        format="msg",
        to=list(options.recipients.get("to", [])),
        cc=list(options.recipients.get("cc", [])),
    )
    options.report(2, 2)
    return Source(id=new_id("src"), text=text, blocks=blocks, meta=meta)


def _message_file(ole: Any, storage: str, file_name: str) -> bytes:
    """A message attached to a message as a file of its own, as Outlook saves one (its own attachments only, its
    own bytes kept as the source's original): the streams and storages under its storage; its property table's
    header as a top-level message has it (8 bytes longer); and the named-property map, which only the top-level
    message of a file keeps."""
    from briefing.importers.compound import compound_file

    top = storage.split("/")
    outer_map = not ole.exists(f"{storage}/{NAMED_PROPERTIES}")
    tree: dict[str, Any] = {}
    clsids = {"": _clsid(ole, storage)}
    for entry in sorted(ole.listdir(streams=True, storages=True), key=len):
        inside = entry[len(top) :] if entry[: len(top)] == top and len(entry) > len(top) else None
        if inside is None and outer_map and entry[:1] == [NAMED_PROPERTIES]:
            inside = entry  # (the outer file's map, which the attached message's named properties refer to)
        if inside is None:
            continue
        parent = tree
        for name in inside[:-1]:
            parent = parent.setdefault(name, {})
        path = "/".join(entry)
        if ole.get_type(path) == 2:
            parent[inside[-1]] = _read_stream(ole, path, file_name)
        else:
            parent.setdefault(inside[-1], {})
            clsids["/".join(inside)] = _clsid(ole, path)
    table = tree.get("__properties_version1.0", b"")
    if isinstance(table, bytes) and table:
        tree["__properties_version1.0"] = table[:24] + bytes(8) + table[24:]
    return compound_file(tree, clsids)


def _clsid(ole: Any, path: str) -> bytes:
    clsid = ole.getclsid(path)
    return uuid.UUID(clsid).bytes_le if clsid else bytes(16)


def _import_attached(data: bytes, file_name: str, options: ImportOptions, *, depth: int) -> Source:
    """A message attached to a message, from the file of its own made for it (the nesting still counted)."""
    return _read(data, file_name, options, "", depth)


def import_bytes(data: bytes, file_name: str, options: ImportOptions) -> Source:
    return _read(data, file_name, options, "", 0)
