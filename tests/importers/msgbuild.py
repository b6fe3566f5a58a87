"""Build small Outlook .msg files for tests: a minimal compound-file writer and the message property layout.

Only what the tests need: 512-byte sectors, one level of allocation table index (files up to ~7 MB), siblings
chained to the right. Real messages are in the shared corpus; these are made to order
(attachments of every kind, messages inside messages, code-page strings).
"""

from __future__ import annotations

import itertools
import struct

SECTOR = 512
END, FREE, FATSECT, NONE = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF

Tree = dict[str, "bytes | Tree"]


def compound_file(tree: Tree) -> bytes:
    """A compound file holding `tree`: a name maps to a stream's bytes or to a storage's own tree."""
    entries: list[dict] = [{"name": "Root Entry", "type": 5, "kids": [], "data": b""}]

    def add(node: Tree, parent: int) -> None:
        for name, value in node.items():
            index = len(entries)
            entries.append({"name": name, "type": 1 if isinstance(value, dict) else 2, "kids": [], "data": b""})
            entries[parent]["kids"].append(index)
            if isinstance(value, dict):
                add(value, index)
            else:
                entries[index]["data"] = value

    add(tree, 0)
    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        if not data:
            return END
        first = len(sectors)
        count = (len(data) + SECTOR - 1) // SECTOR
        for i in range(count):
            sectors.append(data[i * SECTOR : (i + 1) * SECTOR].ljust(SECTOR, b"\0"))
            fat.append(first + i + 1 if i < count - 1 else END)
        return first

    # streams under 4096 bytes live in 64-byte mini sectors inside the root entry's stream, as readers expect
    mini = b""
    minifat: list[int] = []
    for entry in entries:
        data = entry["data"]
        if entry["type"] != 2 or not data:
            entry["start"] = END
        elif len(data) >= 4096:
            entry["start"] = place(data)
        else:
            entry["start"] = first = len(mini) // 64
            count = (len(data) + 63) // 64
            mini += data.ljust(count * 64, b"\0")
            minifat += [first + i + 1 if i < count - 1 else END for i in range(count)]
    entries[0]["start"] = place(mini)
    entries[0]["data"] = mini  # (its size is the mini stream's)
    first_minifat = place(struct.pack(f"<{len(minifat)}I", *minifat)) if minifat else END
    directory = b""
    for entry in entries:
        kids = entry["kids"]
        entry["child"] = kids[0] if kids else NONE
        for left, right in itertools.pairwise(kids):
            entries[left]["right"] = right
    for entry in entries:
        name = entry["name"].encode("utf-16-le") + b"\0\0"
        directory += struct.pack(
            "<64sHBBIII16sIQQIQ",
            name,
            len(name),
            entry["type"],
            1,  # black
            NONE,
            entry.get("right", NONE),
            entry["child"],
            b"\0" * 16,
            0,
            0,
            0,
            entry["start"],
            len(entry["data"]),
        )
    first_directory = place(directory)
    fat_count = 1
    while (len(sectors) + fat_count) > fat_count * (SECTOR // 4):
        fat_count += 1
    first_fat = len(sectors)
    fat += [FATSECT] * fat_count
    table = fat + [FREE] * (fat_count * (SECTOR // 4) - len(fat))
    for i in range(fat_count):
        sectors.append(struct.pack(f"<{SECTOR // 4}I", *table[i * 128 : (i + 1) * 128]))
    difat = [first_fat + i for i in range(fat_count)] + [FREE] * (109 - fat_count)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        bytes.fromhex("d0cf11e0a1b11ae1"),
        b"\0" * 16,
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"\0" * 6,
        0,
        fat_count,
        first_directory,
        0,
        4096,  # mini-stream cutoff
        first_minifat,
        (len(minifat) * 4 + SECTOR - 1) // SECTOR,
        END,
        0,
        *difat,
    )
    return header + b"".join(sectors)


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
