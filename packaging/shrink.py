"""Linux: make the bundle's shared libraries smaller without changing what they do (build.py, after PyInstaller).

- `compact_elf`: some wheels' libraries (tesserocr's, one of Pillow's) were patched by auditwheel's patchelf, which
  added segments aligned to 2 MB *in the file*: each added segment costs up to 2 MB of zeros. The loader needs a
  segment's file offset to agree with its address only modulo the page size, so the segments are moved down to
  close the gaps, keeping every address (and so every relocation and symbol) as it was: OCR's 28.7 MB -> 9.4 MB.
- `trim_icu_data`: Qt's ICU data library (32 MB) holds data for ICU services Qt never calls. Qt calls ICU for
  collation (QCollator, file lists), case mapping, text codecs and time-zone names only (the ICU functions
  libQt6Core imports: ucol_*, u_strTo*, ucnv_*, ucal_*); the break-iterator dictionaries, the display names of
  languages, regions, currencies and units, transliteration, spelled-out numbers, spoof and stringprep data are
  reachable only through ICU functions nothing in the bundle imports, so they are left out and the library is
  rebuilt (binutils' `as` and `ld`) with the same exported symbol. Collation, codecs, time zones, locales stay.

Plain Python with no imports from PyInstaller or Briefing; the packaging tests run both on the real libraries.
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
PT_LOAD = 1
SHT_NOBITS = 8
EM_X86_64 = 62
PHDR = struct.Struct("<IIQQQQQQ")  # type, flags, offset, vaddr, paddr, filesz, memsz, align
SHDR = struct.Struct("<IIQQQQIIQQ")  # name, type, flags, addr, offset, size, link, info, addralign, entsize


def _is_elf64_le(data: bytes) -> bool:
    return data[:4] == ELF_MAGIC and data[4] == 2 and data[5] == 1  # ELFCLASS64, little-endian


def _page_size(machine: int) -> int:
    """The loader's page size to align to: 4 KiB on x86-64; 64 KiB, the largest Linux uses, elsewhere."""
    return 0x1000 if machine == EM_X86_64 else 0x10000


def _padded(data: bytes) -> bool:
    """Whether an ELF file has a loadable segment aligned to more than a page (and so, usually, padded to it)."""
    page = _page_size(struct.unpack_from("<H", data, 18)[0])  # e_machine
    phoff = struct.unpack_from("<Q", data, 32)[0]
    phentsize, phnum = struct.unpack_from("<HH", data, 54)
    phdrs = [PHDR.unpack_from(data, phoff + i * phentsize) for i in range(phnum)]
    return any(p[0] == PT_LOAD and p[7] > page for p in phdrs)


def compact_elf(path: Path) -> int:
    """Close the file-alignment gaps between a shared library's segments; the bytes saved (0: left untouched)."""
    data = path.read_bytes()
    if not _is_elf64_le(data) or not _padded(data):
        return 0
    page = _page_size(struct.unpack_from("<H", data, 18)[0])  # e_machine
    phoff, shoff = struct.unpack_from("<QQ", data, 32)
    phentsize, phnum, shentsize, shnum = struct.unpack_from("<HHHH", data, 54)
    phdrs = [list(PHDR.unpack_from(data, phoff + i * phentsize)) for i in range(phnum)]
    shdrs = [list(SHDR.unpack_from(data, shoff + i * shentsize)) for i in range(shnum)]
    # Every range of the file something points at, with the alignment its new place must keep.
    pieces = [(0, 64, page), (phoff, phoff + phnum * phentsize, 8), (shoff, shoff + shnum * shentsize, 8)]
    pieces += [(p[2], p[2] + p[5], page if p[0] == PT_LOAD else 1) for p in phdrs if p[5]]
    pieces += [(s[4], s[4] + s[5], max(s[8], 1)) for s in shdrs if s[1] != SHT_NOBITS and s[5]]
    last = max(end for _, end, _ in pieces)
    if last < len(data):  # bytes after everything the headers describe (a signature, an archive): kept as they are
        pieces.append((last, len(data), 1))
    blocks: list[list[int]] = []  # [start, end, alignment]: overlapping pieces move together
    for start, end, align in sorted(pieces):
        if blocks and start < blocks[-1][1]:
            blocks[-1][1] = max(blocks[-1][1], end)
            blocks[-1][2] = max(blocks[-1][2], align)
        else:
            blocks.append([start, end, align])
    out = bytearray()
    moves: list[tuple[int, int]] = []  # (old start, shift) per block, in file order
    for start, end, align in blocks:
        # the lowest offset at or after what is written so far that keeps the block's position modulo `align`
        new = len(out) + (start - len(out)) % align
        out += bytes(new - len(out)) + data[start:end]
        moves.append((start, start - new))

    def moved(offset: int) -> int:
        shift = next((s for start, s in reversed(moves) if start <= offset), 0)
        return offset - shift

    for p in phdrs:
        p[2] = moved(p[2])
        if p[0] == PT_LOAD and p[7] > page:
            p[7] = page
        if p[0] == PT_LOAD and p[7] > 1 and (p[3] - p[2]) % p[7]:  # the loader refuses such a library
            raise ValueError(f"{path}: a segment would lose its alignment; not compacted")
    for s in shdrs:
        if s[0] or s[1]:  # not the null section
            s[4] = moved(s[4])
    new_phoff, new_shoff = moved(phoff), moved(shoff)
    struct.pack_into("<QQ", out, 32, new_phoff, new_shoff)
    for i, p in enumerate(phdrs):
        PHDR.pack_into(out, new_phoff + i * phentsize, *p)
    for i, s in enumerate(shdrs):
        SHDR.pack_into(out, new_shoff + i * shentsize, *s)
    if len(out) >= len(data):
        return 0
    path.write_bytes(out)
    return len(data) - len(out)


# ICU data items no function libQt6Core imports can reach (see the module's docstring): break iterators and their
# dictionaries, display names of languages, regions, currencies and units, transliterators, rule-based number
# formats, spoof-check data (.cfu) and stringprep profiles (.spp, for IDNA).
ICU_UNUSED = re.compile(r"^icudt\d+[lbe]/(brkitr|lang|region|curr|unit|translit|rbnf)/|\.(cfu|spp)$")
ICU_LIBRARY = re.compile(r"^libicudata\.so\.(\d+)$")


def _dynamic_symbol(data: bytes, name: str) -> tuple[int, int]:
    """(file offset, size) of an exported data symbol of an ELF shared library."""
    shoff = struct.unpack_from("<Q", data, 40)[0]
    shentsize, shnum = struct.unpack_from("<HH", data, 58)
    shdrs = [SHDR.unpack_from(data, shoff + i * shentsize) for i in range(shnum)]
    for section in shdrs:
        if section[1] != 11:  # SHT_DYNSYM
            continue
        strings = shdrs[section[6]]
        for i in range(section[5] // 24):
            st_name, _, _, st_shndx, st_value, st_size = struct.unpack_from("<IBBHQQ", data, section[4] + 24 * i)
            start = strings[4] + st_name
            if data[start : data.index(b"\0", start)] == name.encode():
                holder = shdrs[st_shndx]
                return holder[4] + st_value - holder[3], st_size
    raise ValueError(f"no symbol {name}")


def icu_package_items(package: bytes) -> list[tuple[str, bytes]]:
    """(name, data) of every item of an ICU common data package ("CmnD", as icudt73l.dat), in the package's order."""
    header_size = struct.unpack_from("<H", package, 0)[0]
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = package[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        name = toc[name_at : toc.index(b"\0", name_at)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        items.append((name, toc[data_at:end]))
    return items


def filter_icu_package(package: bytes, drop: re.Pattern[str] = ICU_UNUSED) -> bytes:
    """An ICU common data package without the items whose names `drop` matches, the others as they were."""
    header_size = struct.unpack_from("<H", package, 0)[0]
    # kept in the package's (sorted) order, which ICU's binary search by name relies on
    items = [(name.encode("ascii"), item) for name, item in icu_package_items(package) if not drop.search(name)]
    names = b"".join(name + b"\0" for name, _ in items)
    names_at = 4 + 8 * len(items)
    data_at = (names_at + len(names) + 15) // 16 * 16  # items are 16-byte aligned (ICU reads them in place)
    table, body, offset = bytearray(), bytearray(), 0
    for name, item in items:
        table += struct.pack("<II", names_at + offset, data_at + len(body))
        offset += len(name) + 1
        body += item + bytes(-len(item) % 16)
    out = struct.pack("<I", len(items)) + table + names
    return package[:header_size] + out + bytes(data_at - len(out)) + body


def trim_icu_data(lib: Path) -> int:
    """Rebuild Qt's libicudata.so.NN with only the data Qt can use; the bytes saved (0: not an x86-64 ICU library)."""
    match = ICU_LIBRARY.match(lib.name)
    data = lib.read_bytes()
    if not match or not _is_elf64_le(data) or struct.unpack_from("<H", data, 18)[0] != EM_X86_64:
        return 0
    symbol = f"icudt{match.group(1)}_dat"
    offset, size = _dynamic_symbol(data, symbol)
    package = filter_icu_package(data[offset : offset + size])
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        (folder / "icudata.dat").write_bytes(package)
        source = [
            ".section .rodata",
            f".globl {symbol}",
            f".type {symbol}, @object",
            ".balign 16",  # ICU reads its data in place
            f"{symbol}:",
            '.incbin "icudata.dat"',
            f".size {symbol}, . - {symbol}",
            '.section .note.GNU-stack,"",@progbits',  # no executable stack
        ]
        (folder / "icudata.s").write_text("\n".join(source) + "\n", encoding="ascii")
        subprocess.run(["as", "-o", "icudata.o", "icudata.s"], cwd=folder, check=True)
        subprocess.run(
            ["ld", "-shared", "-s", "--hash-style=gnu", "--build-id", "-z", "noexecstack", "-z", "relro",
             "-soname", lib.name, "-o", "out.so", "icudata.o"],
            cwd=folder, check=True,
        )  # fmt: skip
        rebuilt = (folder / "out.so").read_bytes()
    if _dynamic_symbol(rebuilt, symbol)[1] != len(package):
        raise ValueError(f"{lib}: the rebuilt library does not export {symbol} whole")
    lib.write_bytes(rebuilt)
    return len(data) - len(rebuilt)


def not_shrunk(path: Path) -> str | None:
    """What `shrink_bundle` would still change in a library (None: nothing): build.py's check of a built bundle."""
    data = path.read_bytes()
    if not _is_elf64_le(data) or len(data) < 64:
        return None
    if _padded(data):
        return "padded to a large alignment in the file (compact_elf)"
    if ICU_LIBRARY.match(path.name) and struct.unpack_from("<H", data, 18)[0] == EM_X86_64 and b"/brkitr/" in data:
        return "ICU data Qt never uses left in (trim_icu_data)"
    return None


def shrink_bundle(internal: Path) -> dict[str, int]:
    """Compact every padded library in a Linux bundle's folder and trim Qt's ICU data: {relative path: bytes saved}."""
    saved = {}
    for path in sorted(internal.rglob("*")):
        if path.is_symlink() or not path.is_file() or ".so" not in path.name:
            continue
        gained = trim_icu_data(path) + compact_elf(path)
        if gained:
            saved[path.relative_to(internal).as_posix()] = gained
    return saved
