"""The `briefing` command: the GUI by default, sub-commands for headless work (scripts, tests, batch).

Each module here registers one group of sub-commands (`register(subparsers)`); a new command is a function and a
parser in the module of its group (and its name in COMMANDS), or a new module added to COMMAND_GROUPS."""

from __future__ import annotations

import argparse
import atexit
import importlib
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from briefing import __version__
from briefing.cli.terminal import CommandError, library_noise_hidden, say
from briefing.core.dataclass_cache import compiled_dataclasses
from briefing.core.regex_cache import compiled_patterns

SUFFIX = ".briefing"  # briefing.core.project.SUFFIX (tests/test_cli.py checks they agree), named here so that the
# core modules load inside main(), where their dataclasses come from the cache of compiled code

COMMAND_GROUPS = ("window", "edit", "show", "sources", "export")  # in the order `briefing --help` lists them
# Each command's group: a command imports only its own group's module (a cold `briefing export` skips what the
# editing commands import, about 5 % of its run); anything else (`--help`, a mistyped command) imports them all.
# tests/cli/test_commands.py checks this table against what each group registers.
COMMANDS = {
    **dict.fromkeys(("open", "demo"), "window"),
    **dict.fromkeys(("new", "set", "add-source", "update-source", "resolve", "quote", "note"), "edit"),
    **dict.fromkeys(("show", "check", "templates"), "show"),
    "import": "sources",
    "export": "export",
}

__all__ = ["CommandError", "build_parser", "main", "run", "say"]


class _Parser(argparse.ArgumentParser):
    """A parser whose errors are one line, like every other error of the command (the usage is in --help)."""

    help_for = ""  # the command whose --help to point to, when the main parser reports its options' mistake

    def error(self, message: str) -> NoReturn:
        say("error", f"{message}; see '{self.help_for or self.prog} --help'")
        sys.exit(2)  # (argparse's status for a mistyped command line)


class _CommandParser(_Parser):
    """A command's parser: its options may come between its files (`add-source N.briefing A --attachments B`)."""

    _intermixed = False  # (the intermixed parse calls parse_known_args itself: that call parses as usual)

    def parse_known_args(  # type: ignore[override]  # (typeshed overloads it on the namespace type)
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._intermixed:
            return super().parse_known_args(args, namespace)
        self._intermixed = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixed = False


def build_parser(groups: Sequence[str] = COMMAND_GROUPS) -> _Parser:
    parser = _Parser(prog="briefing", description="Briefing: build briefing notes from source articles.")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument(
        "--smoke-test", metavar="OUTDIR", help="open the demo in the window, export DOCX and PDF to OUTDIR, check them"
    )
    parser.set_defaults(func=_window)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_CommandParser)
    for group in groups:
        importlib.import_module(f"briefing.cli.{group}").register(sub)
    return parser


def not_a_briefing(file: str) -> str:
    """What is said of a file given to open that is no briefing (notes.txt): how to add it to one instead."""
    name = Path(file).name
    return (
        f"{name}: Briefing opens {SUFFIX} files; to add it to one as a source: briefing add-source FILE{SUFFIX} {file}"
    )


def _window(args: argparse.Namespace) -> int:
    """Plain `briefing`: the window. (The window group is imported when used, like the other commands' groups.)"""
    from briefing.cli import window

    return window.cmd_gui(args)


def _one_line_errors() -> tuple[type[Exception], ...]:
    """The errors a command reports as one line. Imported only when an exception reaches main: a command that does
    not lock or edit a briefing (`export`, `show`) does not load those modules (about 2 % of a cold export)."""
    from briefing.core.lock import LockedError
    from briefing.core.operations import OperationError
    from briefing.core.project import ProjectFileError
    from briefing.core.templates import TemplateError

    return CommandError, ProjectFileError, LockedError, OperationError, TemplateError


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and COMMANDS.get(argv[0], "window") != "window":
        # A headless command creates some 40 dataclasses (a cold `briefing export`: about 5 % of its run compiling
        # their methods); the window does the same for its own start-up (gui/app.py). Likewise the 130 regular
        # expressions a cold export to PDF compiles (another 5 %).
        with compiled_dataclasses(), compiled_patterns():
            return _run(argv)
    return _run(argv)


def run() -> NoReturn:
    """The `briefing` program (the installed script, `python -m briefing`, the frozen bundle): main(), then the
    process ends. A headless command ends it as Python's own exit would, without tearing the interpreter down:
    after an export, freeing every module and object one by one is some 16 million instructions (0.5 % of a cold
    export to PDF) for memory the system takes back anyway. The window's exit stays Python's (Qt objects save and
    close as they are destroyed)."""
    argv = sys.argv[1:]
    status = main(argv)
    if not argv or COMMANDS.get(argv[0], "window") == "window":
        sys.exit(status)
    # what Python's exit does before its teardown, in its order: wait for other threads, run the exit functions
    # (a frozen collector, temporary folders, logging), flush the standard streams
    threading = sys.modules.get("threading")
    if threading is not None:
        threading._shutdown()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader gone away, a closed stream: as Python's exit, nothing to do
            status = status or 120  # (Python's own status when flushing stdout fails at exit)
    os._exit(status)


def _run(argv: list[str]) -> int:
    if argv and argv[0].lower().endswith(SUFFIX):
        argv.insert(0, "open")  # `briefing FILE.briefing`, as a file manager or file association runs it
    elif argv and argv[0] not in COMMANDS and not argv[0].startswith("-") and Path(argv[0]).suffix:
        say("error", not_a_briefing(argv[0]))
        return 2
    group = COMMANDS.get(argv[0]) if argv else None
    parser = build_parser((group,) if group else COMMAND_GROUPS)
    if group:  # (an option no command takes is reported by the main parser, after the command's own)
        parser.help_for = f"briefing {argv[0]}"
    args = parser.parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        # A character the output cannot carry (a terminal's code page, a stray surrogate) is shown as "?" rather
        # than stop `show` part-way.
        sys.stdout.reconfigure(errors="replace")
    if args.smoke_test:
        from briefing.gui.smoke import run as smoke_test

        return smoke_test(Path(args.smoke_test))
    try:
        with library_noise_hidden():
            status = int(args.func(args))
        sys.stdout.flush()  # here, where a closed pipe is caught, rather than at exit
        return status
    except BrokenPipeError:
        # The reader went away (`briefing show x | head`): not an error. Later writes go nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # as a shell reports a process ended by SIGPIPE
    except _one_line_errors() as exc:
        say("error", exc)
        return 1
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not bad input: still one line, with the details on request
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        say("internal error", f"{type(exc).__name__}: {exc} (set BRIEFING_DEBUG=1 for details)")
        return 70
