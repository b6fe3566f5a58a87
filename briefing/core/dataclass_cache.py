"""The methods Python's dataclasses generate, compiled once and kept between starts.

`@dataclass` writes each class's __init__, __repr__, __eq__ (and, frozen, __setattr__, __delattr__, __hash__) as
source text and compiles it with `exec`: about 4 M instructions for a frozen class, some 100 M for the 27 classes
the window loads before its first paint, a sixth of a bare Qt window's whole start-up. While
`compiled_dataclasses()` is active, the dataclasses module's `exec` takes the code compiled from exactly that text
from a cache (`user_cache_dir()/dataclasses-TAG.marshal`, one file per bytecode format) and compiles only text it
has not seen, as Python does; on leaving, the cache is rewritten if any text was new. The code is
what `exec` would have compiled from the same text (same file name, no inherited `__future__` flags), so every
class is exactly the class it would be; only the compiling is skipped. A missing, unreadable or foreign cache is
simply compiled again.
"""

from __future__ import annotations

import builtins
import contextlib
import importlib.util
import marshal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import CodeType
from typing import Any

from briefing import paths
from briefing.core.lazy_modules import stand_ins

# dataclasses imports inspect (with dis, tokenize and linecache) only to write a signature into the docstring of a
# class that has none: it is imported when first used (core/lazy_modules.py)
with stand_ins("inspect"):
    import dataclasses

_lock = threading.Lock()
MAX_ENTRIES = 3000  # texts kept (about 6 a class; Briefing has some 150 dataclasses)


def cache_file() -> Path:
    """The cache for this interpreter's bytecode format and optimisation level (code is not portable across them)."""
    tag = f"{sys.implementation.cache_tag}-{importlib.util.MAGIC_NUMBER.hex()}-O{sys.flags.optimize}"
    return paths.user_cache_dir() / f"dataclasses-{tag}.marshal"


def _read(path: Path) -> dict[str, CodeType]:
    try:
        entries = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(entries, dict):
        return {}
    return {text: code for text, code in entries.items() if isinstance(text, str) and isinstance(code, CodeType)}


class _CompiledExec:
    """Stands in for `exec` in the dataclasses module: source text is compiled once, then reused."""

    def __init__(self, entries: dict[str, CodeType]) -> None:
        self.entries = entries
        self.used: dict[str, CodeType] = {}
        self.new = False

    def __call__(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:
        if isinstance(source, str):
            code = self.entries.get(source)
            if code is None:
                # What exec(source) compiles: file name "<string>", none of this module's __future__ flags.
                code = compile(source, "<string>", "exec", dont_inherit=True)
                self.entries[source] = code
                self.new = True
            self.used[source] = code
            source = code
        builtins.exec(source, globals, locals)


@contextlib.contextmanager
def compiled_dataclasses() -> Iterator[None]:
    """Dataclasses created inside take their generated methods' code from the cache (see the module). Nested or
    concurrent uses leave the outer one in charge."""
    with _lock:
        active = "exec" in vars(dataclasses)
        if not active:
            path = cache_file()
            shim = _CompiledExec(_read(path))
            dataclasses.exec = shim  # type: ignore[attr-defined]
    if active:
        yield
        return
    try:
        yield
    finally:
        with _lock:
            del dataclasses.exec  # type: ignore[attr-defined]
        if shim.new:
            # What other starts used stays (the demo and a saved note load different classes); texts of classes
            # that changed would pile up, so past MAX_ENTRIES the cache starts again from this start's.
            _write(path, shim.entries if len(shim.entries) <= MAX_ENTRIES else shim.used)


def _write(path: Path, entries: dict[str, CodeType]) -> None:
    """A cache that cannot be written is no error: the methods are compiled again next time. (Written atomically,
    so a reader never sees half a file.)"""
    from briefing.core.files import atomic_write

    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, marshal.dumps(entries))
