"""Regular expressions compiled once and kept between starts.

Python compiles every pattern a process uses from its text, in Python: a cold `briefing export` to PDF compiles
some 130 (Briefing's, ReportLab's, the standard library's), about 0.2 billion instructions, a twentieth of its run,
most of it for character classes over large Unicode ranges (CJK, Arabic), whose every code point the compiler
visits. While `compiled_patterns()` is active, a pattern compiled by an earlier start (same text, same flags) is
built from the compiled form kept in the user's cache folder (`user_cache_dir()/patterns-TAG.marshal`, one file per
Python build), and only new patterns are compiled, as Python does; on leaving, the cache is rewritten if any was
new. Never trusted blindly: a form is kept only when building the pattern from it gives a pattern equal to the one
Python compiled (patterns compare by their compiled code), and only for patterns that compile without a warning;
the file carries a checksum, so a damaged, truncated or foreign cache is ignored and everything is compiled again.
"""

from __future__ import annotations

import _sre
import contextlib
import marshal
import os
import re
import sys
import threading
import warnings
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from briefing import paths

_lock = threading.Lock()
# A pattern no run has used in the last KEEP_RUNS rewrites of the cache is dropped. Some patterns differ from one
# run to the next (one made of an output file's name; a set of names joined in the set's order, which changes with
# Python's string hashing: export/reportlab_start.py sorts ReportLab's one): each adds one, never used again, so the
# cache rewrites itself at each such run and would otherwise grow without end.
KEEP_RUNS = 8
_HEADER = b"BRX2"  # then the payload's CRC-32, then the payload: (run number, {key: (run last used, form)})

Key = tuple[str | bytes, int]  # the pattern's text and flags
Form = tuple[Any, ...]  # what re's compiler passes to _sre.compile after the text


def cache_file() -> Path:
    """The cache for this Python build (its compiler and its Unicode tables decide the compiled form)."""
    build = zlib.crc32(sys.version.encode())
    return paths.user_cache_dir() / f"patterns-{sys.implementation.cache_tag}-{_sre.MAGIC}-{build:08x}.marshal"


Entries = dict[Key, tuple[int, Form]]  # each with the number of the last run (rewrite) that used it


def _read(path: Path) -> tuple[int, Entries]:
    try:
        data = path.read_bytes()
    except OSError:
        return 0, {}
    if data[:4] != _HEADER or data[4:8] != zlib.crc32(data[8:]).to_bytes(4, "little"):
        return 0, {}
    try:
        run, entries = marshal.loads(data[8:])
    except (EOFError, ValueError, TypeError):
        return 0, {}
    if not isinstance(run, int) or not isinstance(entries, dict):
        return 0, {}
    return run, {
        key: entry
        for key, entry in entries.items()
        if isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], int) and isinstance(entry[1], tuple)
    }


def _write(path: Path, run: int, entries: Entries) -> None:
    """A cache that cannot be written is no error: the patterns are compiled again next time. (Written to a
    temporary file and renamed over the cache, so a reader never sees half a file.)"""
    try:
        payload = marshal.dumps((run, entries))
    except ValueError:  # (an entry marshal cannot keep: never expected, see _CachedCompile; the cache is optional)
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(_HEADER + zlib.crc32(payload).to_bytes(4, "little") + payload)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()


def compiled_form(pattern: str | bytes, flags: int) -> Form:
    """What Python's own compiler (re._compiler.compile) passes to _sre.compile after the pattern's text."""
    parsed = _parser.parse(pattern, flags)
    code = list(map(int, _compiler._code(parsed, flags)))  # (its opcodes are named int constants)
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))


class _CachedCompile:
    """Stands in for re's compiler (re._compiler.compile): a pattern's compiled form is made once, then reused."""

    def __init__(self, run: int, entries: Entries, compile_as_given: Callable[..., re.Pattern[Any]]) -> None:
        self.run = run + 1  # this run's number, should it rewrite the cache
        self.entries = entries
        self.compile_as_given = compile_as_given
        self.used: dict[Key, Form] = {}
        self.new = False

    def __call__(self, pattern: Any, flags: int = 0) -> re.Pattern[Any]:
        if type(pattern) not in (str, bytes) or flags & re.DEBUG:
            # (a parsed pattern; a str subclass, which marshal cannot keep, such as lxml's XPath strings; DEBUG
            # prints as it compiles)
            return self.compile_as_given(pattern, flags)
        key = (pattern, int(flags))
        entry = self.entries.get(key)
        if entry is not None:
            form = entry[1]
            try:
                compiled: re.Pattern[Any] = _sre.compile(pattern, *form)
            except Exception:  # an entry this Python cannot build: compiled below, as without
                pass
            else:
                self.used[key] = form
                return compiled
        compiled = self.compile_as_given(pattern, flags)  # Python's own, with any warning it gives
        checked = _checked_form(pattern, int(flags), compiled)
        if checked is not None:
            self.used[key] = checked
            self.new = True
        return compiled

    def kept(self) -> Entries:
        """What the cache keeps: this run's patterns, and those used in the last KEEP_RUNS runs before it."""
        entries = {key: entry for key, entry in self.entries.items() if entry[0] > self.run - KEEP_RUNS}
        entries.update((key, (self.run, form)) for key, form in self.used.items())
        return entries


def _checked_form(pattern: str | bytes, flags: int, compiled: re.Pattern[Any]) -> Form | None:
    """The pattern's compiled form when building from it gives exactly Python's pattern and compiling it gave no
    warning (a cached pattern would not repeat it); else None: not kept."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            form = compiled_form(pattern, flags)
            same = _sre.compile(pattern, *form) == compiled
        except Exception:  # whatever it is, the pattern is simply not kept
            return None
    return form if same and not caught else None


@contextlib.contextmanager
def compiled_patterns() -> Iterator[None]:
    """Patterns compiled inside are built from the cache when it has them (see the module). Nested or concurrent
    uses leave the outer one in charge."""
    with _lock:
        active = isinstance(_compiler.compile, _CachedCompile)
        if not active:
            path = cache_file()
            shim = _CachedCompile(*_read(path), _compiler.compile)
            _compiler.compile = shim
    if active:
        yield
        return
    try:
        yield
    finally:
        with _lock:
            _compiler.compile = shim.compile_as_given
        if shim.new:
            _write(path, shim.run, shim.kept())
