"""The export package's one error type, in a module of its own so the document tree can raise it too."""

from __future__ import annotations

import os
from pathlib import Path


class ExportError(Exception):
    """An export failed; str() is one line naming the file and the problem. Any earlier file is untouched.

    path is None only when raised by build_tree, which knows no output file; export_briefing adds it.
    """

    def __init__(
        self, path: str | os.PathLike[str] | None, problem: str, *, unmatched: tuple[tuple[str, str], ...] = ()
    ) -> None:
        self.path = None if path is None else Path(path)
        self.problem = problem
        # (section heading, quotation) of each excerpt that no longer matches its source, when that is the
        # problem: the window words its own message from them, in its language
        self.unmatched = unmatched
        super().__init__(problem if self.path is None else f"{self.path.name}: {problem}")
