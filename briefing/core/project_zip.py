"""A .briefing file's zip, read defensively: only a regular file is opened, every part name and size is checked,
each part is read once within the limits of the whole load, and zipfile's complaints are put in words.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.project import PartCache, ProjectFileError, reason_of, short_repr

MAX_ENTRIES = 20_000
MAX_PART_BYTES = 512 * 1024 * 1024  # one part, uncompressed
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024  # all parts, uncompressed
MAX_RATIO = 200  # uncompressed / compressed beyond which a big part is a zip bomb, not a document
# What one load may read in all (decompressed), whatever the parts claim: a small file cannot make Briefing read
# gigabytes. The larger of a floor far above real briefings' texts and 20 times the file's size (originals such as
# PDFs are stored as they are), up to MAX_TOTAL_BYTES.
LOAD_FLOOR_BYTES = 128 * 1024 * 1024
LOAD_RATIO = 20
_SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")


class ZipParts:
    """Bounded, checked access to the zip's entries."""

    def __init__(self, zf: zipfile.ZipFile, path: Path, cache: PartCache | None = None, file_size: int = 0) -> None:
        self.zf = zf
        self.path = path
        self.cache = cache
        self.budget = min(MAX_TOTAL_BYTES, max(LOAD_FLOOR_BYTES, LOAD_RATIO * file_size))
        self.used = 0  # bytes read so far, after decompression
        self.read_names: set[str] = set()  # each part is read once: a part named by 200 sources is not read 200 times
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise self.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "has {count} parts, more than a briefing can have"), count=len(infos)
                )
            )
        self.infos: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename
            if name.endswith("/"):
                continue
            if not _SAFE_NAME.match(name) or ".." in name.split("/"):
                raise self.fail(
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "contains a part with an unsafe name ({name})"),
                        name=f"{name[:80]!r}",
                    )
                )
            if name in self.infos:
                raise self.fail(
                    Message(QT_TRANSLATE_NOOP("Messages", "contains the part {name} twice"), name=short_repr(name))
                )
            if info.file_size > MAX_PART_BYTES:
                raise self.fail(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Messages", "part {name} claims {file_size} bytes, more than a briefing can hold"
                        ),
                        name=short_repr(name),
                        file_size=info.file_size,
                    )
                )
            if info.file_size > 10 * 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise self.fail(
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "part {name} expands {ratio}-fold (a zip bomb?)"),
                        name=short_repr(name),
                        ratio=info.file_size // max(info.compress_size, 1),
                    )
                )
            total += info.file_size
            self.infos[name] = info
        if total > MAX_TOTAL_BYTES:
            raise self.fail(Message(QT_TRANSLATE_NOOP("Messages", "expands to more than 2 GB")))

    def fail(self, problem: str | Message) -> ProjectFileError:
        return ProjectFileError(self.path, problem)

    def read(self, name: Any, what: Message, limit: int = MAX_PART_BYTES) -> bytes:
        if not isinstance(name, str) or name not in self.infos:
            raise self.fail(
                Message(QT_TRANSLATE_NOOP("Messages", "is missing {what} ({name})"), what=what, name=short_repr(name))
            )
        if name in self.read_names:
            raise self.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "names the part {name} twice in its manifest (as {what})"),
                    name=short_repr(name),
                    what=what,
                )
            )
        self.read_names.add(name)
        info = self.infos[name]
        left = self.budget - self.used  # of what the whole load may read
        with self.zf.open(info) as stream:
            data = stream.read(min(info.file_size, limit, left) + 1)  # never more than declared: headers can lie
        if len(data) > min(info.file_size, limit):
            raise self.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "part {name} is larger than it declares (damaged or hostile)"),
                    name=short_repr(name),
                )
            )
        if len(data) > left:
            raise self.over_budget()
        data = self._gunzip(name, data, limit, left) if name.endswith(".gz") else data
        self.used += len(data)
        return data

    def over_budget(self) -> ProjectFileError:
        return self.fail(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "holds more than {budget} MB of data in all, far more than its size suggests (damaged or hostile)",
                ),
                budget=self.budget // (1024 * 1024),
            )
        )

    def _gunzip(self, name: str, data: bytes, limit: int, left: int) -> bytes:
        """Decompress a gzip part, stopping at the limit, at zip-bomb ratios and at what is left of the load's
        budget (left) instead of filling memory."""
        cap = min(limit, max(10 * 1024 * 1024, MAX_RATIO * len(data)))
        inflater = zlib.decompressobj(wbits=31)
        try:
            out = inflater.decompress(data, min(cap, left) + 1)
        except zlib.error:
            raise self.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "part {name} is damaged (it does not decompress)"),
                    name=short_repr(name),
                )
            ) from None
        if len(out) > cap:
            raise self.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "part {name} expands far beyond its size (a zip bomb?)"),
                    name=short_repr(name),
                )
            )
        if len(out) > left:
            raise self.over_budget()
        if not inflater.eof:
            raise self.fail(Message(QT_TRANSLATE_NOOP("Messages", "part {name} is truncated"), name=short_repr(name)))
        if self.cache is not None:
            self.cache.remember(out, data)
        return out


def open_regular(path: Path) -> io.BufferedReader:
    """Open a file for reading if it is a regular file (after symlinks): a FIFO would hang, a device never ends.

    O_NONBLOCK keeps opening a FIFO from waiting for a writer; it changes nothing for a regular file.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        raise  # said plainly by load_briefing
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte in it: not damage in the file
        raise ProjectFileError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "cannot be opened ({reason})"), reason=reason_of(exc))
        ) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError
        if not stat.S_ISREG(mode):
            raise ProjectFileError(
                path,
                Message(
                    QT_TRANSLATE_NOOP("Messages", "is not a regular file (a pipe or a device?), so not a briefing file")
                ),
            )
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


class _Zip(zipfile.ZipFile):
    """A briefing's zip, which remembers the part it is reading, so that damage found in it can be named."""

    reading = ""

    def open(self, name: Any, *args: Any, **kwargs: Any) -> Any:
        self.reading = getattr(name, "filename", name)
        return super().open(name, *args, **kwargs)


@contextmanager
def zip_in_words(stream: io.BufferedReader) -> Iterator[zipfile.ZipFile]:
    """The zip of a briefing file, whose damage zipfile and zlib find ("Bad CRC-32 for file 'manifest.yaml'",
    "File is not a zip file") is raised again in words (damage_in_words), for the messages that quote it."""
    zf: _Zip | None = None
    try:
        with _Zip(stream) as zf:
            if zf.infolist() and min(info.header_offset for info in zf.infolist()) != 0:
                # a briefing's first part starts the file: this table of contents is that of a document stored in
                # it (a DOCX source), found because the briefing's own, at its end, was cut off
                raise zipfile.BadZipFile("File is not a zip file")
            yield zf
    except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
        stream.seek(0)
        raise type(exc)(damage_in_words(exc, zf.reading if zf is not None else "", stream.read(4))) from None


def damage_in_words(exc: BaseException, part: str = "", head: bytes = b"") -> Message:
    """What zipfile's or zlib's complaint about a briefing file means, in the analyst's words: "it is cut short",
    "part 'manifest.yaml' is damaged". part: the part being read when it was raised; head: the file's first bytes."""
    text = str(exc)
    named = re.search(r"for file '(.*)'$", text)  # "Bad CRC-32 for file 'manifest.yaml'"
    part = named.group(1) if named else part
    if text == "File is not a zip file":  # no table of contents at the end: cut short, or no zip at all
        if not head:
            return Message(QT_TRANSLATE_NOOP("Messages", "it is empty"))
        if head == b"PK\x03\x04":
            return Message(QT_TRANSLATE_NOOP("Messages", "it is cut short, or damaged at its end"))
        return Message(QT_TRANSLATE_NOOP("Messages", "it does not begin as a briefing file does"))
    if isinstance(exc, EOFError) or "runcated" in text:
        return Message(QT_TRANSLATE_NOOP("Messages", "it is cut short"))
    if part:
        return Message(QT_TRANSLATE_NOOP("Messages", "part {part} is damaged"), part=short_repr(part))
    return Message(QT_TRANSLATE_NOOP("Messages", "its table of contents is damaged"))
