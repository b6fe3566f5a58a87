"""What the `briefing` command writes to the terminal: one-line messages, the one-line error type, import progress."""

from __future__ import annotations

import json
import os
import sys
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from briefing.core.lazy_regex import lazy

PROGRESS_DELAY = 0.4  # seconds an import runs before its progress is shown (as in the window)


class CommandError(Exception):
    """A user-facing failure: printed as one line, exit status 1."""


# What a terminal would act on instead of showing: C0 controls (ESC starts "set the window title", "clear the
# screen"), DEL, C1 controls (CSI, OSC), line and paragraph separators, the bidi embeddings, overrides and isolates
# (they reorder the rest of the line, and past it when left open), lone surrogates. Tab and newline are kept where
# text may run over lines; a one-line message escapes them too. (Compiled when first used: this module is imported
# before briefing.cli.main makes compiled patterns come from their cache, and the surrogates' class alone takes
# about 4 million instructions to compile.)
_HIDDEN = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_HIDDEN_IN_TEXT = lazy(f"[{_HIDDEN}]")
_HIDDEN_IN_LINE = lazy(f"[{_HIDDEN}\t\n]")


def visible(text: str, *, one_line: bool = False) -> str:
    """Text from a file made safe to print: each control character shown as its escape (\\x1b, \\u202e)."""
    return (_HIDDEN_IN_LINE if one_line else _HIDDEN_IN_TEXT).sub(lambda m: ascii(m[0])[1:-1], text)


def counted(count: int, noun: str) -> str:
    """ "1 word", "2 words", "0 excerpts": a count and its noun, singular for one."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def out(text: str = "", *, err: bool = False) -> None:
    """Print text that holds values from a file (titles, quotes, names, paths): how every command writes a line."""
    print(visible(text), file=sys.stderr if err else sys.stdout)


def out_json(data: Any, *, indent: int) -> None:
    """JSON on stdout; what a terminal would act on is written as a \\u escape, the same string to a JSON reader
    (json escapes only C0 controls by itself)."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    print(_HIDDEN_IN_TEXT.sub(lambda m: f"\\u{ord(m[0]):04x}", text))


def say(kind: str, message: object) -> None:
    """One line on stderr: "briefing: error: ...", whatever the message holds (control characters escaped)."""
    print(f"briefing: {kind}: {visible(str(message), one_line=True)}", file=sys.stderr)


@contextmanager
def library_noise_hidden() -> Iterator[None]:
    """Keep what libraries log or warn about off the terminal while a command runs: readability-lxml logs a whole
    traceback when it gives up on a page that was imported anyway, and Python prints any library's unhandled
    warning or log record on stderr. What matters reaches the analyst as our own one-line message or warning.
    BRIEFING_DEBUG=1 lets it all through."""
    if os.environ.get("BRIEFING_DEBUG"):
        yield
        return
    import logging  # here: `briefing --version` need not pay for it

    root = logging.getLogger()
    sink = logging.NullHandler()  # a handler on the root: records stop here, not at Python's stderr fallback
    root.addHandler(sink)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        root.removeHandler(sink)


def short(text: str, limit: int = 70) -> str:
    """Text on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class TerminalProgress:
    """An import's progress on one line of a terminal ("Importing report.pdf: page 40 of 300"), once the import
    has taken more than a moment; updated at most ten times a second and wiped when the import ends. Nothing is
    written when the stream is not a terminal, so pipes and logs stay clean."""

    def __init__(self, file: str, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        from briefing.importers import PAGED_SUFFIXES

        self.active = self.stream.isatty()
        path = Path(file)
        self.label = f"Importing {path.name}: " + (
            "page %d of %d" if path.suffix.lower() in PAGED_SUFFIXES else "step %d of %d"
        )
        self.shown_after = time.monotonic() + PROGRESS_DELAY
        self.next_update = 0.0
        self.width = 0  # of the line on screen, to wipe it

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.active or now < max(self.shown_after, self.next_update):
            return
        self.next_update = now + 0.1
        line = self.label % (done, total)
        self.stream.write("\r" + line.ljust(self.width))  # padding, not an escape code: any terminal, Windows too
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0
