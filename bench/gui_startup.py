"""Start-up benchmark: time to a painted main window with the demo briefing, and with a saved 2,000-item note
opened as `briefing FILE` opens it, against a bare PySide6 QMainWindow.

Each run is a fresh process (interpreter start, imports, QApplication, window, first paint), alternating the
kinds so all see the same machine state, after one uncounted warm-up run of each that compiles the bytecode.
Targets (ratios to the bare window in the same run): the demo at most 2x, the 2,000-item note at most 3x. Two
reference kinds show how much of the ratio is spent before an
application does anything: a minimal editor window with no Briefing code (a source list, a text view holding
the sample article, twelve word-wrapped labels, a toolbar and a menu), and the same window after it has read
the shipped YAML templates with PyYAML's C loader, as any window built from a template must.

    .venv/bin/python bench/gui_startup.py [--runs 7]            # offscreen
    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python bench/gui_startup.py --platform xcb
    .venv/bin/python bench/gui_startup.py --instructions        # one run of each, counted by callgrind
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QMainWindow

ROOT = Path(__file__).resolve().parent.parent


def child(kind: str, started: float, note: str | None) -> None:
    sys.path.insert(0, str(ROOT))
    if kind in ("briefing", "big"):  # exactly what run_gui() does, in the same order
        from briefing.gui.app import application, create_window, open_files_from_the_system, prepare

        demo = kind == "briefing"
        briefing = prepare(demo=demo)
        app = application()
        ours = create_window(None if demo else Path(str(note)), demo=demo, briefing=briefing)
        # The note is read on a worker thread: the figure is the first paint with the note shown, as before.
        ours.files.wait_open()
        open_files_from_the_system(app, ours)
        window: QMainWindow = ours
    elif kind == "minimal":
        app, window = minimal_window()
    elif kind == "template":
        import yaml

        for template in sorted((ROOT / "templates").glob("*.yaml")):
            yaml.load(template.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        app, window = minimal_window()
    else:
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setWindowTitle("bare")
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                print(f"{time.time() - started:.4f}", flush=True)
                os._exit(0)
            return False

    window.resize(1400, 900)  # Briefing's window already has this size (no saved geometry in the bench's profile)
    spy = FirstPaint()
    window.installEventFilter(spy)
    window.show()
    QTimer.singleShot(10_000, lambda: os._exit(1))
    app.exec()


def minimal_window() -> tuple[QApplication, QMainWindow]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QApplication,
        QLabel,
        QListWidget,
        QMainWindow,
        QPlainTextEdit,
        QSplitter,
        QToolBar,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    splitter = QSplitter(Qt.Orientation.Horizontal)
    left, right = QWidget(), QWidget()
    sources = QListWidget()
    sources.addItems(["First source", "Second source"])
    text = QPlainTextEdit(readOnly=True)
    text.setPlainText((ROOT / "resources" / "demo" / "canada-iran-talks.txt").read_text(encoding="utf-8"))
    left_layout, right_layout = QVBoxLayout(left), QVBoxLayout(right)
    left_layout.addWidget(sources)
    left_layout.addWidget(text)
    for number in range(12):
        label = QLabel(f"Section {number}: guidance that wraps over more than one line of the column. " * 2)
        label.setWordWrap(True)
        right_layout.addWidget(label)
    splitter.addWidget(left)
    splitter.addWidget(right)
    window.setCentralWidget(splitter)
    toolbar = QToolBar()
    window.addToolBar(toolbar)
    menu = window.menuBar().addMenu("&File")
    for name in ("New", "Open", "Save", "Undo", "Redo"):
        toolbar.addAction(name)
        menu.addAction(name)
    return app, window


def big_note(folder: Path, items: int = 2000, sources: int = 10) -> Path:
    """A saved briefing of `items` items (nine excerpts to a note) over `sources` generated articles of about
    60 KB each, built with core operations, in the default template: what opening a big note means."""
    import random

    sys.path.insert(0, str(ROOT))
    from briefing.core.model import Source, SourceMeta
    from briefing.core.operations import AddSource, add_note, file_excerpt, new_excerpt
    from briefing.core.project_save import save_briefing
    from briefing.core.templates import load_catalog, new_briefing
    from briefing.core.text import build_text

    rng = random.Random(16)
    words = ["minister", "talks", "embassy", "sanctions", "official", "level", "neutral", "Tehran", "Ottawa"]
    briefing = new_briefing(load_catalog().get("information-note"), title="A big note")
    for number in range(sources):
        paragraphs = [" ".join(rng.choice(words) for _ in range(rng.randint(40, 160))) + "." for _ in range(90)]
        text, blocks = build_text([("paragraph", 0, p) for p in paragraphs])
        meta = SourceMeta(title=f"Report {number + 1}", publisher="Sample Press", format="text")
        AddSource(Source(id=f"src-{number}", text=text, blocks=blocks, meta=meta)).apply(briefing)
    sections = [s.id for s in briefing.sections]
    for index in range(items):
        section = sections[index % len(sections)]
        if index % 10 == 9:
            add_note(section, f"Note {index}: " + " ".join(rng.choice(words) for _ in range(30))).apply(briefing)
            continue
        source = briefing.sources[index % sources]
        start = rng.randrange(0, len(source.text) - 400)
        file_excerpt(section, new_excerpt(source, start, start + rng.randint(40, 300))).apply(briefing)
    path = folder / "big.briefing"
    save_briefing(briefing, path, keep_backup=False)
    return path


KINDS = {
    "bare": "bare QMainWindow",
    "minimal": "minimal editor window",
    "template": "minimal, reading YAML",
    "briefing": "Briefing with the demo",
    "big": "Briefing, 2,000 items",
}
TARGETS = {"briefing": 2.0, "big": 3.0}  # ratio to the bare window, same run


def targets() -> str:
    return "targets: " + ", ".join(f"{KINDS[kind]} <= {ratio}x bare" for kind, ratio in TARGETS.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument(
        "--instructions", action="store_true", help="count one run of each kind in instructions (valgrind; slow)"
    )
    parser.add_argument("--child", choices=tuple(KINDS))
    parser.add_argument("--started", type=float)
    parser.add_argument("--note", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.started, args.note)
        return 0
    # Bytecode as an installed application has it: compiled once (in a private cache, so the checkout stays
    # clean), then reused. PYTHONDONTWRITEBYTECODE would otherwise make every run compile every module.
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=args.platform,
        BRIEFING_HOME=tempfile.mkdtemp(prefix="bench-gui-"),
        PYTHONPYCACHEPREFIX=tempfile.mkdtemp(prefix="bench-pyc-"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    note = big_note(Path(tempfile.mkdtemp(prefix="bench-note-")))

    def run(kind: str, *, counted: bool = False) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, __file__, "--child", kind, "--note", str(note), "--started", repr(time.time())]
        if counted:
            command[:0] = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
        return subprocess.run(command, env=env, capture_output=True, text=True, check=True)

    if args.instructions:  # repeatable to about 0.1 % on a busy machine, unlike the clock
        for kind in KINDS:
            run(kind)  # compiles the bytecode
        counts = {}
        for kind in KINDS:
            found = re.search(r"Collected : (\d+)", run(kind, counted=True).stderr)
            if not found:
                raise RuntimeError(f"no callgrind count for {kind}")
            counts[kind] = int(found.group(1))
        print(f"platform {args.platform}, instructions from process start to first paint (callgrind)")
        for kind, name in KINDS.items():
            print(f"{name:22s}  {counts[kind] / 1e6:7,.0f} M   {counts[kind] / counts['bare']:.2f}x")
        print(targets())
        return 0
    times: dict[str, list[float]] = {kind: [] for kind in KINDS}
    for warm_up in range(args.runs + 1):
        for kind in times:
            out = run(kind).stdout.split()
            if warm_up:
                times[kind].append(float(out[-1]))
    median = {kind: statistics.median(runs) for kind, runs in times.items()}
    fastest = {kind: min(runs) for kind, runs in times.items()}
    print(f"platform {args.platform}, {args.runs} runs each, seconds from process start to first paint")
    print("                        median   fastest   ratio to bare (median, fastest)")
    for kind, name in KINDS.items():
        ratios = f"{median[kind] / median['bare']:.2f}  {fastest[kind] / fastest['bare']:.2f}"
        print(f"{name:22s}  {median[kind]:.3f}    {fastest[kind]:.3f}     {ratios}")
    print(targets())
    return 0


if __name__ == "__main__":
    sys.exit(main())
