"""`briefing open FILE`, `briefing demo` and plain `briefing`: the window (PySide6 is imported only when it opens)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from briefing.cli import SUFFIX, not_a_briefing
from briefing.cli.files import usable
from briefing.cli.terminal import CommandError


def register(sub: Any) -> None:
    p = sub.add_parser("open", help="open a briefing in the window")
    p.add_argument("file")
    p.set_defaults(func=cmd_gui)
    p = sub.add_parser("demo", help="open the window on the demo briefing (built from the bundled sample article)")
    p.set_defaults(func=cmd_gui, demo=True)


def cmd_gui(args: argparse.Namespace) -> int:
    from briefing.core.files import BACKUP_SUFFIX
    from briefing.gui.app import run_gui

    path = usable(Path(args.file)) if getattr(args, "file", None) else None
    if path is not None and path.suffix and not path.name.lower().endswith((SUFFIX, SUFFIX + BACKUP_SUFFIX)):
        raise CommandError(not_a_briefing(args.file))  # a text file is no damaged briefing: say what to do with it
    if path is not None and not path.is_file():
        raise CommandError(f"{path.name}: file not found")
    return run_gui(path, demo=getattr(args, "demo", False))
