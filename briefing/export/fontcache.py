"""The bundled fonts unpacked once per user, in the user's cache folder, instead of at every export.

The fonts ship gzip-compressed (resources/fonts/*.ttf.gz: half the room in the installed app). Unpacking Droid
Sans Fallback (2.1 -> 4.0 MB) takes about 20 ms CPU, some 5 % of a cold `briefing export` of a note with Chinese
text, every time. The first use of a font writes its unpacked copy to user_cache_dir()/fonts; later uses read
that copy back and check it against the CRC-32 and length the gzip file records for its content (about 2 ms for
Droid Sans Fallback), so a damaged, truncated or edited copy is never used: the font is unpacked again and the
copy rewritten. The copy's name carries the compressed file's size, modification time and that CRC, so a changed
bundled font never meets an older copy (which is removed when the new one is written). When the cache folder
cannot be written or read, the font is unpacked in memory as before: nothing fails.
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
        data = copy.read_bytes() if copy is not None else b""
        if _sound(data, crc, length):
            return data
    data = gzip.decompress(path.read_bytes())
    if copy is not None and _sound(data, crc, length):  # (a gzip file of several members records only its last one's)
        _store(copy, data)
    return data


def _sound(data: bytes, crc: int, length: int) -> bool:
    return len(data) & 0xFFFFFFFF == length and zlib.crc32(data) == crc


def _store(copy: Path, data: bytes) -> None:
    """Write the unpacked copy (atomically: another process reads the old copy or the new one) and remove the
    copies of older versions of the font; best effort."""
    with contextlib.suppress(OSError):
        copy.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(copy, data)
        for older in copy.parent.glob(copy.name.split(".", 1)[0] + ".*" + copy.suffix):
            if older != copy:
                older.unlink(missing_ok=True)
