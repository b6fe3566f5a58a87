"""The bundled fonts unpacked once per user, in the user's cache folder, instead of at every export.

The fonts ship gzip-compressed (resources/fonts/*.ttf.gz: half the room in the installed app). Unpacking Droid
Sans Fallback (2.1 -> 4.0 MB) takes about 20 ms CPU, some 5 % of a cold `briefing export` of a note with Chinese
text, every time. The first use of a font writes its unpacked copy to user_cache_dir()/fonts; later uses read
that copy back and check it against the CRC-32 and length the gzip file records for its content, so a damaged,
truncated or edited copy is never used: the font is unpacked again and the copy rewritten. A copy found sound is
not checked again until it changes: its size, modification and change times and file number when it was last
found sound are kept in user_cache_dir()/fonts-checked (the checksums of the nine faces a note in Arabic, Hebrew
and Chinese uses are 23 million instructions, 0.7 % of a cold export to PDF), as Python trusts its bytecode cache
by its source's time and size; writing, replacing or cutting the copy short changes them (an edit cannot set the
change time back; on Windows, where that time is the creation time, an edit that also set the modification
time back would go unseen), and the copy is checked again. The copy's name carries the compressed file's size,
modification time and that CRC, so a changed bundled font never meets an older copy (which is removed when the new
one is written). When the cache folder cannot be written or read, the font is unpacked in memory as before:
nothing fails.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import struct
import zlib
from pathlib import Path

from briefing import paths
from briefing.core.files import atomic_write


def cache_dir() -> Path:
    return paths.user_cache_dir() / "fonts"


def unpacked(path: Path) -> bytes:
    """The content of a gzip-compressed font file (FONT.ttf.gz), from the user's cache when a sound copy is there."""
    with path.open("rb") as file:
        info = os.fstat(file.fileno())
        file.seek(-8, os.SEEK_END)
        crc, length = struct.unpack("<II", file.read(8))  # the gzip trailer: CRC-32 and length (mod 2**32)
    font = Path(path.name.removesuffix(".gz"))
    try:
        copy = cache_dir() / f"{font.stem}.{info.st_size}-{info.st_mtime_ns}-{crc:08x}{font.suffix}"
    except RuntimeError:  # (no home folder to keep a cache in)
        copy = None
    with contextlib.suppress(OSError):
        found = _read_sound(copy, crc, length) if copy is not None else None
        if found is not None:
            return found
    data = gzip.decompress(path.read_bytes())
    if copy is not None and _sound(data, crc, length):  # (a gzip file of several members records only its last one's)
        _store(copy, data)
    return data


def _sound(data: bytes, crc: int, length: int) -> bool:
    return len(data) & 0xFFFFFFFF == length and zlib.crc32(data) == crc


def _read_sound(copy: Path, crc: int, length: int) -> bytes | None:
    """The copy's content if it is sound: unchanged since it was last found so, or checked now; else None."""
    with copy.open("rb") as file:
        stamp = _stamp(os.fstat(file.fileno()))
        data = file.read()
        unchanged = _stamp(os.fstat(file.fileno())) == stamp  # (not written to while it was read)
    if unchanged and _checked().get(copy.name) == stamp and len(data) & 0xFFFFFFFF == length:
        return data
    if not _sound(data, crc, length):
        return None
    if unchanged:
        _remember(copy, stamp)
    return data


def _stamp(info: os.stat_result) -> str:
    """What changes when a file is written, replaced or cut short."""
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}"


_checked_copies: tuple[Path, dict[str, str]] | None = None  # this process's reading of a fonts-checked file


def _checked_file() -> Path:
    return paths.user_cache_dir() / "fonts-checked"


def _checked() -> dict[str, str]:
    """Each copy found sound (by name) with its stamp then; an unreadable or damaged file is an empty one."""
    global _checked_copies
    path = _checked_file()
    if _checked_copies is None or _checked_copies[0] != path:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        _checked_copies = path, dict(line.split(" ", 1) for line in lines if line.count(" ") == 1)
    return _checked_copies[1]


def _remember(copy: Path, stamp: str) -> None:
    """Note that the copy was found sound; the copies no longer in the folder are forgotten. Best effort."""
    checked = {name: seen for name, seen in _checked().items() if (copy.parent / name).is_file()}
    checked[copy.name] = stamp
    global _checked_copies
    _checked_copies = _checked_file(), checked
    with contextlib.suppress(OSError):
        atomic_write(_checked_file(), "".join(f"{name} {seen}\n" for name, seen in checked.items()).encode())


def _store(copy: Path, data: bytes) -> None:
    """Write the unpacked copy (atomically: another process reads the old copy or the new one) and remove the
    copies of older versions of the font; best effort."""
    with contextlib.suppress(OSError):
        copy.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(copy, data)
        for older in copy.parent.glob(copy.name.split(".", 1)[0] + ".*" + copy.suffix):
            if older != copy:
                older.unlink(missing_ok=True)
        _remember(copy, _stamp(copy.stat()))  # (just written from the checked content)
