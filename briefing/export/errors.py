"""The export package's one error type, in a module of its own so the document tree can raise it too."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.core.messages import Message, named


class ExportError(Exception):
    """An export failed; str() is one line naming the file and the problem. Any earlier file is untouched.

    path is None only when raised by build_tree, which knows no output file; export_briefing adds it.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None,
        problem: str | Message,
        *,
        unmatched: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.path = None if path is None else Path(path)
        self.problem = problem  # as a str, in English
        # (section id, quotation) of each excerpt that no longer matches its source, when that is the problem:
        # the window words its own message from them, naming each section as it shows it
        self.unmatched = unmatched
        # the window shows it translated; without a path it is the problem alone, which export_briefing names
        self.message: Message | str = problem if self.path is None else named(self.path.name, problem)
        super().__init__(str(self.message))
