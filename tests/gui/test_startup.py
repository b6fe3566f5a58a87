"""Start-up: what the first window needs is built before it shows, and what it does not need is not loaded."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.core.model import Excerpt


def test_demo_window_is_complete_and_the_collector_runs_again(qtbot) -> None:
    from briefing.gui.app import create_window, prepare

    assert gc.isenabled()
    briefing = prepare(demo=True)
    assert briefing is not None
    assert not gc.isenabled()  # paused while the window is built
    window = create_window(demo=True, briefing=briefing)
    qtbot.addWidget(window)
    assert gc.isenabled()
    # What start-up made went straight to the oldest generation: no young-generation pass walks all of it.
    assert any(obj is window for obj in gc.get_objects(generation=2))
    view = window.briefing_view
    for section in briefing.sections:  # every section with every item: nothing is left for later
        assert view.sections[section.id].ordered_ids() == [item.id for item in section.items]
    assert window.source_view.toPlainText() == briefing.sources[0].text
    excerpts = [item.id for _, item in briefing.excerpts() if isinstance(item, Excerpt)]
    assert sorted(window.source_view.highlighter.spans) == sorted(excerpts)
    window.document.mark_saved(Path(os.devnull))  # no unsaved-changes prompt


def test_a_failed_prepare_leaves_the_collector_on(monkeypatch) -> None:
    import briefing.demo
    from briefing.gui.app import prepare

    def broken(*_args: object) -> None:
        raise RuntimeError("no demo")

    monkeypatch.setattr(briefing.demo, "demo_briefing", broken)
    with pytest.raises(RuntimeError, match="no demo"):
        prepare(demo=True)
    assert gc.isenabled()


def test_start_up_loads_only_what_the_first_window_needs(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from briefing.gui.app import application, create_window, prepare\n"
        "b = prepare(demo=True)\n"
        "app = application()\n"
        "w = create_window(demo=True, briefing=b)\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "BRIEFING_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("BRIEFING_TEMPLATES", None)
    run = [sys.executable, "-c", script]
    subprocess.run(run, env=env, capture_output=True, text=True, check=True)  # the first start parses the templates
    loaded = set(subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout.split())
    assert "briefing.gui.main_window" in loaded
    needless = {
        "yaml", "html", "uuid", "difflib", "concurrent.futures", "hashlib", "_hashlib",
        "briefing.core.project", "briefing.core.lock", "briefing.core.spelling", "briefing.export", "briefing.gui.find",
        "briefing.gui.dialogs", "briefing.gui.imports", "briefing.gui.exports", "briefing.importers.html",
        "briefing.importers.pdf", "briefing.core.operations", "briefing.core.update",
        # the demo is read from resources/demo/canada-iran-talks.json, built by importing and anchoring (demo.py)
        "briefing.importers", "briefing.core.anchors",
        "datetime",  # for dates typed or formatted, which the first window has none of
    }  # fmt: skip
    assert loaded & needless == set()


def test_a_saved_note_paints_without_the_operations_or_the_importers(tmp_path: Path) -> None:
    """The operations (a dozen dataclasses, each compiled by exec) load with the first change and the importers
    with the first import: opening a saved note and painting its window needs neither."""
    from briefing.core.project_save import save_briefing
    from briefing.demo import demo_briefing

    note = tmp_path / "note.briefing"
    save_briefing(demo_briefing(), note, keep_backup=False)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from briefing.gui.app import application, create_window, open_files_from_the_system, prepare\n"
        "b = prepare(demo=False)\n"
        "app = application()\n"
        f"w = create_window(Path({str(note)!r}), demo=False, briefing=b)\n"
        "w.files.wait_open()\n"
        "open_files_from_the_system(app, w)\n"
        "w.show()\n"
        "w.repaint()\n"  # the first paint, as bench/gui_startup.py counts it
        "assert w.briefing_view.sections, 'the note is shown'\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "BRIEFING_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("BRIEFING_TEMPLATES", None)
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    loaded = set(run.stdout.split())
    assert "briefing.gui.main_window" in loaded
    assert loaded & {"briefing.core.operations", "briefing.core.update", "briefing.importers"} == set()


def test_no_application_wide_event_filter_where_qt_sends_no_file_open_events(monkeypatch) -> None:
    """QFileOpenEvent comes on macOS only; elsewhere a filter on the application would only slow every event."""
    from briefing.gui.app import open_files_from_the_system

    installed = []

    class App:
        def installEventFilter(self, event_filter: object) -> None:
            installed.append(event_filter)

    monkeypatch.setattr(sys, "platform", "linux")
    open_files_from_the_system(App(), None)  # type: ignore[arg-type]
    assert installed == []


def test_a_second_start_compiles_no_dataclass_methods(tmp_path: Path) -> None:
    """The methods `@dataclass` generates (some 100 M instructions of compiling for the window's classes) come
    from the cache of compiled code from the second start on (core/dataclass_cache.py)."""
    script = (
        "import builtins, sys\n"
        "from briefing.core import dataclass_cache\n"
        "compiled = []\n"
        "dataclass_cache.compile = lambda *a, **k: compiled.append(a[0]) or builtins.compile(*a, **k)\n"
        "from briefing.gui.app import application, create_window, prepare\n"
        "b = prepare(demo=True)\n"
        "app = application()\n"
        "w = create_window(demo=True, briefing=b)\n"
        "import dataclasses\n"
        "assert 'exec' not in vars(dataclasses), 'the cache is active during start-up only'\n"
        "print(len(compiled))\n"
    )
    env = {**os.environ, "BRIEFING_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    run = [sys.executable, "-c", script]
    first = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    assert int(first.stdout.split()[-1]) > 50  # the model, templates and the window's own classes
    second = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    assert second.stdout.split()[-1] == "0"


def test_a_second_start_compiles_no_regular_expressions(tmp_path: Path) -> None:
    """The patterns start-up compiles (Briefing's, and those PySide's signature support compiles as it loads) are
    built from their cached compiled form from the second start on (core/regex_cache.py); the cache is active
    during start-up only."""
    script = (
        "import re._compiler as compiler\n"
        "from briefing.gui.app import application, create_window, prepare\n"
        "python_compile, compiled = compiler.compile, []\n"
        "compiler.compile = lambda p, flags=0: compiled.append(p) or python_compile(p, flags)\n"
        "counting = compiler.compile\n"
        "b = prepare(demo=True)\n"
        "app = application()\n"
        "w = create_window(demo=True, briefing=b)\n"
        "assert compiler.compile is counting, 'the cache is active during start-up only'\n"
        "print(len(compiled))\n"
    )
    env = {**os.environ, "BRIEFING_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    run = [sys.executable, "-c", script]
    first = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    assert int(first.stdout.split()[-1]) > 20
    second = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    assert second.stdout.split()[-1] == "0"


def test_highlighting_a_whole_source_asks_for_high_contrast_once(qtbot, monkeypatch) -> None:
    """A big source's highlights (hundreds of blocks) are coloured in one pass that asks for high contrast once and
    shares each combination's format; every block is coloured exactly as a block highlighted on its own."""
    from PySide6.QtGui import QColor, QTextDocument

    from briefing.gui import source_view
    from briefing.gui.source_view import PassageHighlighter, Span, Utf16Positions

    text = "\n".join(f"Paragraph {n} of the source, long enough for passages to overlap." for n in range(60))
    document = QTextDocument()
    document.setPlainText(text)
    highlighter = PassageHighlighter(document)
    highlighter.positions = Utf16Positions(text)
    spans = [Span(f"i{n}", n * 50, n * 50 + 90, n % 3, f"S{n % 3}") for n in range(50)]
    asked = []
    real = source_view.high_contrast
    monkeypatch.setattr(source_view, "high_contrast", lambda: asked.append(1) or real())

    def formats() -> list[list[tuple[int, int, int, int]]]:
        block, found = document.begin(), []
        while block.isValid():
            found.append(
                [
                    (r.start, r.length, r.format.background().color().rgb(), r.format.foreground().color().rgb())
                    for r in block.layout().formats()
                ]
            )
            block = block.next()
        return found

    highlighter.set_spans(spans, page=QColor("#ffffff"))
    assert len(asked) == 1
    shared = formats()
    assert sum(map(len, shared)) > 50 and any(len(block) > 1 for block in shared)
    highlighter._rehighlight(set(range(document.blockCount())))  # each block on its own, as an edit does
    assert len(asked) > 30  # once a block with highlights
    assert formats() == shared


def test_start_up_compiles_no_lazy_pattern_and_loads_no_later_qt_class(tmp_path: Path) -> None:
    """Patterns declared with lazy_regex.lazy() are for later work (Markdown, French spacing, anchoring ...): each
    costs about a million instructions to compile. PySide creates a Qt class (and all its enums) when a module first
    names it, so the classes used only later are imported where they are used."""
    script = (
        "import sys\n"
        "from briefing.gui.app import application, create_window, prepare\n"
        "b = prepare(demo=True)\n"
        "app = application()\n"
        "w = create_window(demo=True, briefing=b)\n"
        "w.show()\n"
        "app.processEvents()\n"
        "from briefing.core.lazy_regex import LazyPattern\n"
        "for name, module in sorted(sys.modules.items()):\n"
        "    if not name.startswith('briefing'):\n"
        "        continue\n"
        "    for key, value in vars(module).items():\n"
        "        values = value.values() if isinstance(value, dict) else [value]\n"
        "        for pattern in values:\n"
        "            if isinstance(pattern, LazyPattern):\n"
        "                print('pattern', f'{name}.{key}', pattern.is_compiled)\n"
        "from PySide6 import QtCore, QtGui, QtWidgets\n"
        "for module, names in ((QtCore, ['QLibraryInfo', 'QMimeData', 'QTextBoundaryFinder']),\n"
        "                      (QtGui, ['QDrag']), (QtWidgets, ['QDialog', 'QToolTip'])):\n"
        "    for class_name in names:\n"
        "        print('class', class_name, class_name in vars(module))\n"
    )
    env = {**os.environ, "BRIEFING_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("BRIEFING_TEMPLATES", None)
    run = [sys.executable, "-c", script]
    subprocess.run(run, env=env, capture_output=True, text=True, check=True)  # the first start parses the templates
    lines = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout.splitlines()
    patterns = [line.split() for line in lines if line.startswith("pattern ")]
    assert len(patterns) >= 15  # Markdown, French spacing, script blocks ... (anchoring's module is not loaded)
    # those of text import, language tests and F8, which the first window (the demo read from a file) never runs
    later = {"core.text._CONTROL", "core.text._SPACES", "core.language._WORD", "core.language._BCP47",
             "core.script._RTL_BLOCKS", "gui.source_view._IDEOGRAPHS"}  # fmt: skip
    assert {f"briefing.{name}" for name in later} <= {name for _, name, _ in patterns}
    assert [name for _, name, compiled in patterns if compiled == "True"] == []
    classes = [line.split() for line in lines if line.startswith("class ")]
    assert len(classes) == 6
    assert [name for _, name, loaded in classes if loaded == "True"] == []


def test_no_pattern_compiled_by_start_up_walks_a_large_character_range(tmp_path: Path) -> None:
    """re's compiler walks every code point of a character range above Latin-1 (a CJK class: some 30 M instructions,
    a twentieth of a bare window's start-up). A pattern with such ranges is compiled on first use (lazy_regex.lazy);
    the few the first window compiles (placeholders, list items, template ids ...) span hardly any."""
    script = (
        "import re, sys\n"
        "import re._parser as p\n"
        "from briefing.gui.app import application, create_window, prepare\n"
        "b = prepare(demo=True)\n"
        "app = application()\n"
        "w = create_window(demo=True, briefing=b)\n"
        "def walked(items):\n"  # the code points of its ranges that re's compiler visits one by one
        "    total = 0\n"
        "    for op, av in items:\n"
        "        if op is p.IN:\n"
        "            total += sum(max(0, min(v[1], 0xFFFF) - max(v[0], 256) + 1) for k, v in av if k is p.RANGE)\n"
        "        elif op is p.SUBPATTERN or op is p.ATOMIC_GROUP:\n"
        "            total += walked(av[-1] if op is p.SUBPATTERN else av)\n"
        "        elif op in (p.MAX_REPEAT, p.MIN_REPEAT, p.POSSESSIVE_REPEAT):\n"
        "            total += walked(av[2])\n"
        "        elif op is p.BRANCH:\n"
        "            total += sum(walked(branch) for branch in av[1])\n"
        "        elif op in (p.ASSERT, p.ASSERT_NOT):\n"
        "            total += walked(av[1])\n"
        "    return total\n"
        "print('surrogates', walked(p.parse('[\\ud800-\\udfff]')))\n"
        "for name, module in sorted(sys.modules.items()):\n"
        "    for key, value in vars(module).items() if name.startswith('briefing') else ():\n"
        "        if isinstance(value, re.Pattern):\n"
        "            print(f'{name}.{key}', walked(p.parse(value.pattern, value.flags)))\n"
    )
    env = {**os.environ, "BRIEFING_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("BRIEFING_TEMPLATES", None)
    lines = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    walked = {name: int(count) for name, count in (line.split() for line in lines.stdout.splitlines())}
    assert walked.pop("surrogates") == 2048  # the walk is counted
    assert len(walked) >= 4  # the patterns the first window uses: placeholders, list items, template ids ...
    assert {name: count for name, count in walked.items() if count > 4096} == {}
