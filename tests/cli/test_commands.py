"""The `briefing` command imports only the group of the command being run: its table of commands must match
what each group registers."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import COMMAND_GROUPS, COMMANDS, build_parser

ROOT = Path(__file__).resolve().parents[2]


def registered(groups: tuple[str, ...]) -> set[str]:
    parser = build_parser(groups)
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {name for action in actions for name in action.choices}


@pytest.mark.parametrize("group", COMMAND_GROUPS)
def test_the_table_names_every_command_of_each_group(group: str) -> None:
    assert registered((group,)) == {name for name, g in COMMANDS.items() if g == group}


def test_every_command_is_in_the_table() -> None:
    assert registered(COMMAND_GROUPS) == set(COMMANDS)


def test_a_command_imports_only_its_own_group(tmp_path: Path) -> None:
    script = (
        "import sys; from briefing.cli import main; main(['export', sys.argv[1], '-o', sys.argv[1] + '.pdf']); "
        "print(sorted(m for m in sys.modules if m.startswith('briefing.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "missing.briefing")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert "missing.briefing" in done.stderr  # the export command ran (and said the file is not there)
    loaded = done.stdout.strip()
    assert "briefing.cli.export" in loaded
    assert "briefing.cli.edit" not in loaded and "briefing.cli.show" not in loaded
    assert "briefing.cli.sources" not in loaded and "briefing.cli.window" not in loaded
    # nor what only editing needs: the owner lock (getpass, socket, secrets) and the operations
    assert "briefing.core.lock" not in loaded and "briefing.core.operations" not in loaded


def test_an_export_reads_the_templates_without_pyyaml_once_they_are_cached(tmp_path: Path) -> None:
    # PyYAML's import compiles large patterns (some 5 % of a cold PDF export): the command line keeps the templates
    # as parsed, as the window does, keyed by their text (core/yaml_cache.py)
    from briefing.core.project_save import save_briefing
    from briefing.demo import demo_briefing

    save_briefing(demo_briefing(), tmp_path / "demo.briefing")
    script = (
        "import sys; from briefing.cli import main; code = main(['export', sys.argv[1], '-o', sys.argv[1] + '.md']); "
        "print(code, 'yaml' in sys.modules)"
    )
    env = {**os.environ, "BRIEFING_HOME": str(tmp_path / "home")}
    command = [sys.executable, "-c", script, str(tmp_path / "demo.briefing")]
    runs = [
        subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120, env=env).stdout.split()[-2:]
        for _ in range(2)
    ]
    assert runs == [["0", "True"], ["0", "False"]]  # parsed once, then read from the cache


def test_the_readme_lists_every_option_of_every_command() -> None:
    """README's command list is where an error's "use --force" sends the analyst: each command's entry (its line
    and the lines under it, up to the next command) names every option `--help` has (qa4exp 6)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Command line", 1)[1].split("```", 2)[1]
    entries: dict[str, str] = {}
    for line in block.splitlines():
        if line.startswith("briefing "):
            command = line.split()[1]
            entries[command] = entries.get(command, "") + line
        elif entries:
            entries[command] += line
    actions = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    missing = []
    for name, parser in actions[0].choices.items():
        assert name in entries, f"README lists no `briefing {name}`"
        for action in parser._actions:
            options = [o for o in action.option_strings if o not in ("-h", "--help")]
            if options and not any(re.search(rf"{re.escape(o)}(?![\w-])", entries[name]) for o in options):
                missing.append(f"{name} {options[-1]}")  # (-o or --output, as the README writes it)
    assert missing == []


@pytest.mark.parametrize(
    "argv, line",
    [
        (["export", "a.briefing"], "the following arguments are required: -o/--output; see 'briefing export --help'"),
        (["frob"], "argument COMMAND: invalid choice: 'frob' (choose from 'open', "),
        (["show", "a.briefing", "--bogus"], "unrecognized arguments: --bogus; see 'briefing show --help'"),
        (["--bogus"], "unrecognized arguments: --bogus; see 'briefing --help'"),
    ],
)
def test_a_mistyped_command_line_is_one_line_like_every_other_error(argv: list[str], line: str, capsys) -> None:
    """argparse's usage block and its own error line made two to four lines (QA8 D13e); --help keeps the usage."""
    from briefing.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(argv)
    out, err = capsys.readouterr()
    assert stopped.value.code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"briefing: error: {line}"), err
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    assert capsys.readouterr().out.startswith("usage: briefing export [-h] -o OUT")


def test_the_program_ends_as_pythons_exit_would_after_a_headless_command(tmp_path: Path) -> None:
    # briefing.cli.run ends the process without Python's teardown: still with main's status, the exit functions
    # run and the output written, even into a file (buffered)
    from briefing.core.project_save import save_briefing
    from briefing.demo import demo_briefing

    save_briefing(demo_briefing(), tmp_path / "demo.briefing")
    script = (
        "import atexit, sys; atexit.register(print, 'exit functions ran', file=sys.stderr); "
        "from briefing.cli import run; run()"
    )
    env = {**os.environ, "BRIEFING_HOME": str(tmp_path / "home")}
    for target, status in (("demo.md", 0), ("missing/demo.md", 1)):
        with (tmp_path / "out.txt").open("w") as out:
            done = subprocess.run(
                [sys.executable, "-c", script, "export", str(tmp_path / "demo.briefing"), "-o", str(tmp_path / target)],
                stdout=out, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120, env=env,
            )  # fmt: skip
        assert done.returncode == status, done.stderr
        assert done.stderr.rstrip().endswith("exit functions ran")
        written = (tmp_path / "out.txt").read_text()
        assert written == (f"Exported {tmp_path / target}\n" if status == 0 else "")
    assert "\n# " in (tmp_path / "demo.md").read_text(encoding="utf-8")
