"""What the `briefing` command writes to the terminal: one-line messages, the one-line error type, import progress."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO

from briefing.core.text import printable

PROGRESS_DELAY = 0.4  # seconds an import runs before its progress is shown (as in the window)


class CommandError(Exception):
    """A user-facing failure: printed as one line, exit status 1."""


def say(kind: str, message: object) -> None:
    """One line on stderr: "briefing: error: ...", whatever the message holds (control characters escaped)."""
    print(f"briefing: {kind}: {printable(str(message))}", file=sys.stderr)


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
        self.active = self.stream.isatty()
        path = Path(file)
        self.label = f"Importing {path.name}: " + (
            "page %d of %d" if path.suffix.lower() == ".pdf" else "step %d of %d"
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
