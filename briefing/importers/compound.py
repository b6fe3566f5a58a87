"""Write a compound file [MS-CFB] (version 3, 512-byte sectors): what an Outlook .msg is. Used to give a message
attached to a message a file of its own, as Outlook does when one is dragged out of its message.

A storage is a dict of names to streams (bytes) or storages (dicts). Each storage's children are a binary
search tree in the format's order (shorter names first, then by upper-case letters), balanced and all black,
which keeps the format's three rules (black root, no two reds in a row, left less than right): Windows looks
names up in that tree, so it must be in order.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass, field

SECTOR, MINI_SECTOR, MINI_CUTOFF = 512, 64, 4096
END, FREE, FAT_SECTOR, DIFAT_SECTOR, NO_ENTRY = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFC, 0xFFFFFFFF
STORAGE, STREAM, ROOT = 1, 2, 5
PER_SECTOR = SECTOR // 4  # allocation table entries in a sector
HEADER_DIFAT = 109  # allocation table sectors listed in the header; more are listed in DIFAT sectors

Tree = Mapping[str, "bytes | Tree"]


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    clsid: bytes = bytes(16)
    children: list[int] = field(default_factory=list)
    left: int = NO_ENTRY
    right: int = NO_ENTRY
    child: int = NO_ENTRY
    start: int = END


def _order(name: str) -> tuple[int, str]:
    """The format's order of sibling names: by length in UTF-16 units, then letter by letter in upper case."""
    return len(name.encode("utf-16-le")) // 2, "".join(c.upper() if len(c.upper()) == 1 else c for c in name)


class _Sectors:
    """The file's sectors after the header, and the allocation table chaining them."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.table: list[int] = []

    def place(self, data: bytes) -> int:
        """Store `data` in a chain of new sectors; the first one's number (END for nothing)."""
        if not data:
            return END
        first = len(self.table)
        count = -(-len(data) // SECTOR)
        self.chunks.append(data.ljust(count * SECTOR, b"\0"))
        self.table += [*range(first + 1, first + count), END]
        return first


def compound_file(tree: Tree, clsids: Mapping[str, bytes] | None = None) -> bytes:
    """A compound file holding `tree`; `clsids` gives storages their class ids by path ("" the root, "a/b")."""
    clsids = clsids or {}
    entries = [_Entry("Root Entry", ROOT, clsid=clsids.get("", bytes(16)))]

    def add(node: Tree, parent: int, path: str) -> None:
        for name, value in node.items():
            if not 0 < len(name) <= 31:
                raise ValueError(f"a compound file name has 1 to 31 characters: {name!r}")
            entries[parent].children.append(len(entries))
            if isinstance(value, bytes):
                entries.append(_Entry(name, STREAM, data=value))
            else:
                inner = f"{path}/{name}" if path else name
                entries.append(_Entry(name, STORAGE, clsid=clsids.get(inner, bytes(16))))
                add(value, len(entries) - 1, inner)

    add(tree, 0, "")
    for entry in entries:
        entry.child = _balance(entries, sorted(entry.children, key=lambda i: _order(entries[i].name)))

    sectors = _Sectors()
    mini = bytearray()
    mini_table: list[int] = []
    for entry in entries:
        if entry.kind != STREAM or not entry.data:
            continue
        if len(entry.data) >= MINI_CUTOFF:
            entry.start = sectors.place(entry.data)
        else:  # small streams live in 64-byte mini sectors inside the root's stream, as readers expect
            entry.start, count = len(mini_table), -(-len(entry.data) // MINI_SECTOR)
            mini += entry.data.ljust(count * MINI_SECTOR, b"\0")
            mini_table += [*range(entry.start + 1, entry.start + count), END]
    entries[0].start, entries[0].data = sectors.place(bytes(mini)), bytes(mini)
    first_mini_table = sectors.place(struct.pack(f"<{len(mini_table)}I", *mini_table))
    directory = b"".join(_directory_entry(entry) for entry in entries)
    unused = struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NO_ENTRY, NO_ENTRY, NO_ENTRY, bytes(16), 0, 0, 0, 0, 0)
    directory += unused * (-len(entries) % (SECTOR // 128))
    first_directory = sectors.place(directory)

    # the allocation table covers its own sectors and those listing it (DIFAT): grow both until they fit
    fat_count = difat_count = 0
    while True:
        total = len(sectors.table) + fat_count + difat_count
        need_fat = -(-total // PER_SECTOR)
        need_difat = max(0, -(-(need_fat - HEADER_DIFAT) // (PER_SECTOR - 1)))
        if (need_fat, need_difat) == (fat_count, difat_count):
            break
        fat_count, difat_count = need_fat, need_difat
    first_fat = len(sectors.table)
    fat_sectors = list(range(first_fat, first_fat + fat_count))
    first_difat = first_fat + fat_count if difat_count else END
    table = sectors.table + [FAT_SECTOR] * fat_count + [DIFAT_SECTOR] * difat_count
    table += [FREE] * (fat_count * PER_SECTOR - len(table))
    body = b"".join(sectors.chunks) + struct.pack(f"<{len(table)}I", *table)
    listed = fat_sectors[HEADER_DIFAT:]
    for i in range(difat_count):
        chunk = listed[i * (PER_SECTOR - 1) : (i + 1) * (PER_SECTOR - 1)]
        chunk += [FREE] * (PER_SECTOR - 1 - len(chunk))
        following = first_difat + i + 1 if i + 1 < difat_count else END
        body += struct.pack(f"<{PER_SECTOR}I", *chunk, following)
    in_header = fat_sectors[:HEADER_DIFAT] + [FREE] * (HEADER_DIFAT - min(fat_count, HEADER_DIFAT))
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        bytes.fromhex("d0cf11e0a1b11ae1"),
        bytes(16),
        0x3E,  # minor version
        3,  # major version: 512-byte sectors
        0xFFFE,  # little-endian
        9,  # sector size 2**9
        6,  # mini sector size 2**6
        bytes(6),
        0,  # directory sectors: always 0 in version 3
        fat_count,
        first_directory,
        0,  # transaction signature
        MINI_CUTOFF,
        first_mini_table,
        -(-len(mini_table) * 4 // SECTOR),
        first_difat,
        difat_count,
        *in_header,
    )
    return header.ljust(SECTOR, b"\0") + body


def _balance(entries: list[_Entry], ordered: list[int]) -> int:
    """Make `ordered` (sibling entries, in order) a balanced search tree; its root's index."""
    if not ordered:
        return NO_ENTRY
    middle = len(ordered) // 2
    top = entries[ordered[middle]]
    top.left = _balance(entries, ordered[:middle])
    top.right = _balance(entries, ordered[middle + 1 :])
    return ordered[middle]


def _directory_entry(entry: _Entry) -> bytes:
    name = entry.name.encode("utf-16-le") + b"\0\0"
    size = len(entry.data) if entry.kind != STORAGE else 0
    start = entry.start if entry.kind != STORAGE else 0
    black = 1
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name,
        len(name),
        entry.kind,
        black,
        entry.left,
        entry.right,
        entry.child,
        entry.clsid,
        0,  # state bits
        0,  # created
        0,  # modified
        start,
        size,
    )
