"""The .briefing project file: what its saving and loading share.

See docs/file-format.md for the layout. project_save writes the file, project_load reads it (through
project_zip, which reads the zip's parts defensively), and project_manifest encodes and parses its manifest.
Any problem is one ProjectFileError naming the file and what is wrong; the rules here (source ids, part names,
text without lone surrogates) are the same both ways, so a save never writes a file that loading refuses.
"""

from __future__ import annotations

import gzip
import os
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from briefing.core.messages import QT_TRANSLATE_NOOP, Message, named, system_reason
from briefing.core.model import Source

MIMETYPE = "application/vnd.briefing+zip"
SUFFIX = ".briefing"
# A source id names the source's folder in the zip (sources/<id>/...), so it must be one safe part name itself.
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]+")
_PRECOMPRESSED = (".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".zip", ".gz", ".png", ".jpg", ".jpeg", ".epub")


class ProjectFileError(Exception):
    """A briefing file cannot be read or written; str() is one line naming the file and the problem."""

    def __init__(self, path: str | os.PathLike[str], problem: str | Message) -> None:
        self.path = Path(path)
        self.problem = problem  # as a str, in English; the window shows `message`, translated
        self.message = named(self.path.name, problem)
        super().__init__(str(self.message))


def source_ids_problem(ids: list[str]) -> Message | None:
    """What is wrong with a briefing's source ids, or None. The one rule for loading and saving: a save must never
    write a file that loading refuses. Briefing itself makes ids such as "src-1a2b3c4d5e6f"."""
    seen: set[str] = set()
    for source_id in ids:
        if not _SAFE_ID.fullmatch(source_id) or source_id in (".", ".."):
            return Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "the source id {source_id} is not allowed "
                    "(an id is made of the letters A-Z and a-z, digits, '.', '_' and '-')",
                ),
                source_id=repr(source_id[:60]),
            )
        if source_id in seen:
            return Message(
                QT_TRANSLATE_NOOP("Messages", "the source id {source_id} is used by two sources"),
                source_id=short_repr(source_id),
            )
        seen.add(source_id)
    return None


def part_names(source: Source) -> dict[str, str]:
    """Names of a source's parts in the zip."""
    folder = f"sources/{source.id}"
    parts = {"text": f"{folder}/text.txt.gz", "blocks": f"{folder}/blocks.json.gz"}
    if source.original is not None:
        precompressed = source.meta.file_name.lower().endswith(_PRECOMPRESSED)
        parts["original"] = f"{folder}/original" if precompressed else f"{folder}/original.gz"
    return parts


class PartCache:
    """Compressed parts by content: a source's text rarely changes, so a save reuses the bytes it (or the
    load) already has instead of compressing every source again.

    Whoever saves a briefing repeatedly owns one (the window's document; the command line for one load and
    save) and passes it to load_briefing, save_briefing and prepare_source_parts; without one, every part is
    compressed afresh. Thread-safe: the GUI's import worker fills it while the GUI thread saves."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self.entries: OrderedDict[bytes, bytes] = OrderedDict()
        self.lock = threading.Lock()

    def remember(self, raw: bytes, packed: bytes) -> None:
        with self.lock:
            self.entries[raw] = packed
            self.entries.move_to_end(raw)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def __call__(self, raw: bytes) -> bytes:
        with self.lock:
            packed = self.entries.get(raw)
        if packed is None:
            packed = gzip.compress(raw, compresslevel=6, mtime=0)
            self.remember(raw, packed)
        return packed

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


# A lone surrogate (Qt paste can produce one; a hand-edited manifest can say "\ud83d") is not a character and
# cannot be UTF-8: it is saved, and read, as U+FFFD. One for one, so that offsets into a text stay right.
_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(text: str) -> str:
    if text.isascii():  # most of a manifest's 10,000s of strings: no pass of the regular expression needed
        return text
    return sub_in_pieces(_SURROGATE, "\ufffd", text)


def sub_in_pieces(pattern: re.Pattern[str], repl: Any, text: str, piece: int = 65_536) -> str:
    """pattern.sub for a pattern of one character, on pieces of text: one regex call holds the interpreter lock
    for its whole run (4 ms on a 750 kB source), which an autosave on a worker thread would take from the GUI
    thread; between pieces other threads run. A one-character match never spans two pieces: the result is the same."""
    if len(text) <= piece:
        return pattern.sub(repl, text)
    return "".join(pattern.sub(repl, text[at : at + piece]) for at in range(0, len(text), piece))


def utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")  # nearly always: no lone surrogate; far faster than looking for one first
    except UnicodeEncodeError:
        return no_surrogates(text).encode("utf-8")


def short_repr(value: Any, limit: int = 80) -> str:
    """A value from the file for a message: its repr, cut short (a hostile file can hold a megabyte there)."""
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def reason_of(exc: BaseException) -> str:
    return system_reason(exc)  # (its common reasons in the interface language)
