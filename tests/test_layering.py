"""The package's layers: core, importers and export are plain Python that never reach up into the command line or
the window, and no two packages import each other (directly or round a longer loop)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "briefing"
PLAIN = ("core", "importers", "export")  # used by the CLI and the GUI, never the other way round
ABOVE = ("briefing.cli", "briefing.gui", "PySide6", "shiboken6")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    module = _module_name(path)
    return imported_by(
        path.read_text(encoding="utf-8"), module if path.name == "__init__.py" else module.rpartition(".")[0]
    )


def imported_by(code: str, package: str) -> set[str]:
    """Every module the code of a module in `package` imports, at the top or inside a function (the import that
    runs late is still a dependency); relative imports made absolute."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # `from briefing import cli`
        elif isinstance(node, ast.Call) and (name := _imported_by_name(node)):
            found.add(name)  # importlib.import_module("briefing.gui.app")
    return found


def _imported_by_name(call: ast.Call) -> str:
    function = getattr(call.func, "attr", getattr(call.func, "id", ""))
    first = call.args[0] if call.args else None
    if function in ("import_module", "__import__") and isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return ""


def _layer(module: str) -> str | None:
    """briefing.core.model -> "core"; a top-level module (briefing.paths) is its own layer; outside -> None."""
    parts = module.split(".")
    if parts[0] != "briefing":
        return None
    return parts[1] if len(parts) > 1 else "briefing"


@pytest.mark.parametrize("layer", PLAIN)
def test_plain_layers_never_import_the_command_line_or_the_window(layer: str) -> None:
    wrong = {
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in (PACKAGE / layer).rglob("*.py")
        for name in imports(path)
        if any(name == above or name.startswith(above + ".") for above in ABOVE)
    }
    assert not wrong


def package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        here = _layer(_module_name(path))
        assert here is not None
        for name in imports(path):
            there = _layer(name)
            # `from briefing import __version__` names the package itself, not a layer
            if there not in (None, here, "briefing", "__version__"):
                graph.setdefault(here, set()).add(str(there))
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One loop in the graph, as the path round it; [] when there is none."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = "open"
        path.append(node)
        for after in sorted(graph.get(node, ())):
            if state.get(after) == "open":
                return [*path[path.index(after) :], after]
            if after not in state and (loop := visit(after)):
                return loop
        state[node] = "done"
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (loop := visit(node)):
            return loop
    return []


def test_no_import_cycle_between_packages() -> None:
    graph = package_graph()
    assert {"importers", "export", "gui", "cli"} <= set(graph)  # the walk saw the packages' imports
    assert _cycle(graph) == []


def test_the_cycle_finder_finds_a_loop() -> None:
    # the check above could not fail if _cycle never found anything
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}}) == []


def test_every_form_of_import_is_seen() -> None:
    # what the old importers/command.py did: a late import of the CLI, inside a function
    code = "def run():\n    from briefing.cli import say\n"
    assert "briefing.cli" in imported_by(code, "briefing.importers")
    assert {"briefing.cli", "briefing.cli.terminal"} <= imported_by("from ..cli import terminal", "briefing.export")
    assert "briefing.gui" in imported_by("from briefing import gui", "briefing.core")
    assert "briefing.gui.app" in imported_by("importlib.import_module('briefing.gui.app')", "briefing.core")
