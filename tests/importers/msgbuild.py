"""Build small Outlook .msg files for tests: the message property layout, written as a compound file by the
writer the importer uses for attached messages (importers/compound.py; olefile reads them back independently).
Real messages are in the shared corpus; these are made to order (attachments of every kind, messages inside
messages, code-page strings).
"""

from __future__ import annotations

import struct

from briefing.importers.compound import compound_file

__all__ = ["compound_file", "file_attachment", "message", "message_attachment", "properties", "unicode"]

Tree = dict[str, "bytes | Tree"]


PT_LONG, PT_SYSTIME = 0x0003, 0x0040
SENT = (1_714_979_289 + 11_644_473_600) * 10_000_000  # 2024-05-06 07:08:09 UTC, as a FILETIME


def properties(header: int, values: dict[int, tuple[int, int]]) -> bytes:
    """A __properties_version1.0 stream: `header` bytes (32 message, 24 attached message, 8 attachment), then
    property id -> (type, value) entries."""
    table = b"\0" * header
    for prop, (kind, value) in values.items():
        table += struct.pack("<IIQ", (prop << 16) | kind, 6, value)
    return table


def unicode(prop: int, text: str) -> tuple[str, bytes]:
    return f"__substg1.0_{prop:04X}001F", text.encode("utf-16-le") + b"\0\0"


def message(
    subject: str, body: str, *, sender: str = "Ana Lima", attachments: list[Tree] = (), header: int = 32, extra=()
) -> Tree:
    """The streams of one message (a storage's tree, or a whole file's with header=32)."""
    tree: Tree = dict([unicode(0x0037, subject), unicode(0x0C1A, sender)])
    if body:
        tree.update([unicode(0x1000, body)])
    tree["__properties_version1.0"] = properties(header, {0x0039: (PT_SYSTIME, SENT)})
    tree.update(extra)
    for i, attachment in enumerate(attachments):
        tree[f"__attach_version1.0_#{i:08X}"] = attachment
    return tree


def file_attachment(name: str, data: bytes) -> Tree:
    return {
        "__properties_version1.0": properties(8, {0x3705: (PT_LONG, 1)}),
        **dict([unicode(0x3707, name)]),
        "__substg1.0_37010102": data,
    }


def message_attachment(inner: Tree) -> Tree:
    return {
        "__properties_version1.0": properties(8, {0x3705: (PT_LONG, 5)}),
        **dict([unicode(0x3001, "attached message")]),
        "__substg1.0_3701000D": inner,
    }
