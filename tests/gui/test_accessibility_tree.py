"""The window as a screen reader meets it: the live AT-SPI tree, read from outside the app.

The app runs under Xvfb in its own D-Bus session with Qt's AT-SPI bridge on; tests/gui/atspi_dump.py (Debian's
python3-pyatspi, in the system python3) moves the caret as a reader would and dumps the tree as JSON.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DUMP = Path(__file__).with_name("atspi_dump.py")
SYSTEM_PYTHON = "/usr/bin/python3"
GENERIC_ROLES = {"panel", "filler", "unknown", "redundant object", "invalid", "section"}


def _missing() -> str | None:
    for tool in ("dbus-run-session", "xvfb-run"):
        if shutil.which(tool) is None:
            return tool
    probe = (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
        if Path(SYSTEM_PYTHON).exists()
        else None
    )
    return None if probe is not None and probe.returncode == 0 else "python3-pyatspi"


def _must_run() -> bool:
    """CI, and any Debian machine where `python3 dev.py test` installed the packages as root, never skip this."""
    return bool(os.environ.get("CI")) or (
        os.name == "posix" and os.geteuid() == 0 and Path("/etc/debian_version").exists()
    )


def _session_env(home: Path) -> dict[str, str]:
    """The environment of one session of the app and a reader. at-spi-bus-launcher puts the accessibility bus's
    socket in $XDG_RUNTIME_DIR/at-spi (else ~/.cache/at-spi), the same name for every session: a second session at
    the same time (another run, a CI job as the same user) would take it over and leave this one's app on a bus
    its reader cannot reach. So each session has a private runtime folder (mode 700, as logind makes one)."""
    runtime = home / "runtime"
    runtime.mkdir()
    runtime.chmod(0o700)
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "BRIEFING_HOME": str(home)}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return env | {"XDG_RUNTIME_DIR": str(runtime), "APP_PYTHON": sys.executable, "SYSTEM_PYTHON": SYSTEM_PYTHON}


@pytest.fixture(scope="module")
def session_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("home")


def _read_tree(home: Path, app_args: list[str], dump_args: list[str]) -> list[dict]:
    """The tree of `briefing APP_ARGS…` as tests/gui/atspi_dump.py reads it (with DUMP_ARGS…), in its own session."""
    missing = _missing()
    if missing:
        message = f"{missing} is missing (python3 dev.py test installs it)"
        pytest.fail(message) if _must_run() else pytest.skip(message)
    env = _session_env(home)
    script = (
        f'"$APP_PYTHON" -m briefing {shlex.join(app_args)} & app=$!; '
        f'"$SYSTEM_PYTHON" "$DUMP" briefing "$OUT" {shlex.join(dump_args)}; rc=$?; '
        "dbus-send --session --print-reply=literal --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress "
        '> "$BUS"; kill $app; exit $rc'
    )
    out = home / "tree.json"
    env |= {"DUMP": str(DUMP), "OUT": str(out), "BUS": str(home / "a11y-bus.txt")}
    xvfb = ["dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1366x768x24"]
    run = subprocess.run(
        [*xvfb, "sh", "-c", script],
        env=env, capture_output=True, text=True, timeout=180, cwd=ROOT,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tree(session_home: Path) -> list[dict]:
    return _read_tree(session_home, ["demo"], ["--caret-in", "Source text", "Harper administration cut ties"])


def test_the_session_has_its_own_accessibility_bus(tree, session_home: Path) -> None:
    """The bus the app and the reader met on lives in the session's private runtime folder (QA 39)."""
    runtime = session_home / "runtime"
    assert stat.S_IMODE(runtime.stat().st_mode) == 0o700
    address = (session_home / "a11y-bus.txt").read_text(encoding="utf-8").strip()
    assert address.startswith(f"unix:path={runtime}/at-spi/"), address


def _line(node: dict) -> str:
    return f"{node['role']} {node['name']!r} at {node['path']}"


def test_every_focusable_control_has_a_name_and_a_real_role(tree):
    focusable = [n for n in tree if "focusable" in n["states"]]  # shown or not (a drop-down list, a menu)
    assert len([n for n in focusable if "showing" in n["states"]]) > 30  # the whole window was read
    assert [_line(n) for n in focusable if not n["name"].strip()] == []
    assert [_line(n) for n in focusable if n["role"] in GENERIC_ROLES] == []


def test_section_headings_are_headings_and_their_items_a_list(tree):
    headings = [n["name"] for n in tree if n["role"] == "heading"]
    assert headings == ["Background", "Positions", "Open issues"]
    for heading in headings:
        (section_list,) = [n for n in tree if n["role"] == "list" and n["name"] == heading]
        items = [n for n in tree if n["path"][:-1] == section_list["path"]]
        assert section_list["children"] == len(items) == 3
        assert [(n["role"], n["position"], n["of"]) for n in items] == [("list item", i, 3) for i in (1, 2, 3)]
        assert all(n["name"].startswith(("Excerpt: ", "Note: ")) for n in items)


def test_the_caret_in_a_highlight_tells_its_section(tree):
    (source,) = [n for n in tree if n["role"] == "text" and n["name"] == "Source text"]
    assert source["description"] == "Filed in Background"


def test_roles_inside_qt_follow_cards_as_they_come_and_go(window, qtbot):
    """The same roles as Qt reports them, offscreen: the list follows filing, without the layout's chunks."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAccessible

    from .test_filing import select

    section = window.briefing_view.sections["background"]
    heading = QAccessible.queryAccessibleInterface(section.heading)
    assert heading.role() == QAccessible.Role.Heading and heading.text(QAccessible.Text.Name) == "Background"
    column = QAccessible.queryAccessibleInterface(section.column)
    assert column.role() == QAccessible.Role.List and column.childCount() == 0
    for quote in ("cut ties with Tehran", "state sponsors of terrorism"):
        select(window, quote)
        qtbot.keyClick(window.source_view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert column.childCount() == 2
    second = column.child(1)
    assert second.role() == QAccessible.Role.ListItem and "state sponsors" in second.text(QAccessible.Text.Name)
    assert second.parent().object() is section.column and column.indexOfChild(second) == 1


def test_headings_tell_their_level(tree):
    headings = [n for n in tree if n["role"] == "heading"]
    assert headings and all(n["attributes"].get("level") == "1" for n in headings), [h["attributes"] for h in headings]


def test_the_classification_combo_box_is_named_by_its_label_and_valued_by_its_marking(tree):
    combos = [n for n in tree if n["role"] == "combo box" and "showing" in n["states"]]
    assert "Classification" in [n["name"] for n in combos]  # before: its name was its value, "UNCLASSIFIED"
    assert "UNCLASSIFIED" not in [n["name"] for n in combos]


def test_a_named_combo_box_keeps_qt_s_value_list_and_action(window, qtbot):
    from PySide6.QtGui import QAccessible

    combo = window.banner.combo
    interface = QAccessible.queryAccessibleInterface(combo)
    assert interface.role() == QAccessible.Role.ComboBox
    assert interface.text(QAccessible.Text.Name) == "Classification"
    assert interface.text(QAccessible.Text.Value) == combo.currentText() == "UNCLASSIFIED"
    assert interface.childCount() == 1 and interface.child(0).object() is combo.view()
    assert interface.indexOfChild(interface.child(0)) == 0
    actions = interface.actionInterface()
    assert "ShowMenu" in actions.actionNames() and not interface.state().expanded
    actions.doAction("ShowMenu")
    assert combo.view().isVisible() and interface.state().expanded
    combo.hidePopup()
    heading = QAccessible.queryAccessibleInterface(window.briefing_view.sections["background"].heading)
    level = heading.attributesInterface()
    assert level.attributeKeys() == [QAccessible.Attribute.Level]
    assert level.attributeValue(QAccessible.Attribute.Level) == 1


def test_title_block_combos_are_named_by_their_labels_and_no_field_is_described_as_a_dash(tree):
    combos = {n["name"]: n for n in tree if n["role"] == "combo box" and "showing" in n["states"]}
    assert {"Purpose", "Language of the note"} <= set(combos), sorted(combos)  # not "For information", "English"
    assert [_line(n) for n in tree if n["description"] == "—"] == []  # the empty fields' placeholder, read "dash"


def test_filing_and_its_refusal_are_announced_on_the_bus(tmp_path):
    """What Orca hears when the analyst files (here by activating a toolbar button, as a reader's "activate"
    does): the status bar's text changing is not read by itself, the announcement is."""
    missing = _missing()
    if missing:
        message = f"{missing} is missing (python3 dev.py test installs it)"
        pytest.fail(message) if _must_run() else pytest.skip(message)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "BRIEFING_HOME": str(tmp_path),
    }
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    out = tmp_path / "heard.json"
    steps = ["press:Positions", "mark", "select:Source text:Harper administration", "press:Positions"]
    script = '"$APP_PYTHON" -m briefing demo & app=$!; "$SYSTEM_PYTHON" "$LISTEN" briefing "$OUT" "$@"; rc=$?; kill $app; exit $rc'
    env |= {
        "APP_PYTHON": sys.executable,
        "SYSTEM_PYTHON": SYSTEM_PYTHON,
        "LISTEN": str(DUMP.with_name("atspi_listen.py")),
    }
    env["OUT"] = str(out)
    run = subprocess.run(
        ["dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "sh", "-c", script, "sh", *steps],
        env=env, capture_output=True, text=True, timeout=180, cwd=ROOT,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    refused, filed = (
        [text for kind, _role, _name, text in group if kind == "announcement"]
        for group in json.loads(out.read_text(encoding="utf-8"))
    )
    assert refused == ["Select a passage in the source first."]  # before: nothing said
    assert filed[-1] == "File excerpt into Positions"


def test_the_pane_dividers_are_named_separators(tree, window):
    """The dividers between the panes had Qt's "grip" role, which AT-SPI gives readers as "unknown"."""
    from PySide6.QtGui import QAccessible

    for splitter in (window.splitter, window.source_pane.splitter):
        assert QAccessible.queryAccessibleInterface(splitter.handle(1)).role() == QAccessible.Role.Separator
    dividers = [n for n in tree if n["name"].startswith("Divider between")]
    assert [(n["role"], n["name"]) for n in dividers] == [
        ("separator", "Divider between the source list and the text"),
        ("separator", "Divider between the source and the note"),
    ]


def test_the_status_bar_s_size_grip_is_left_out_and_no_object_is_unknown(tree, window):
    """The status bar's size grip reached AT-SPI as an "unknown" object (qa4win 14): decoration no reader can work
    (the window's frame resizes it), so it is left out; the bar keeps its role, its message for a name, its counts."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QSizeGrip

    assert [_line(n) for n in tree if n["role"] == "unknown"] == []
    (bar,) = [n for n in tree if n["role"] == "status bar"]
    assert "read only" in bar["states"]
    shown = [n["name"] for n in tree if n["path"][:-1] == bar["path"] and "showing" in n["states"]]
    assert shown[0].endswith(" words") and shown[1].endswith(" at most"), shown
    status = window.statusBar()
    assert status.findChild(QSizeGrip) is not None  # still drawn
    interface = QAccessible.queryAccessibleInterface(status)
    children = [interface.child(i).object() for i in range(interface.childCount())]
    assert not any(isinstance(c, QSizeGrip) for c in children) and status.words in children
    assert all(interface.indexOfChild(interface.child(i)) == i for i in range(interface.childCount()))
    status.showMessage("Filed in Background")
    assert (interface.role(), interface.text(QAccessible.Text.Name)) == (
        QAccessible.Role.StatusBar,
        "Filed in Background",
    )


def test_why_the_pages_are_not_counted_is_in_the_label_a_reader_and_the_keyboard_meet(tmp_path):
    """The page count said "? pages", its reason in a tooltip only (qa4win 14): the label's name says it briefly,
    its description in full (a briefing whose excerpt no longer matches its source, as opened from disk)."""
    from briefing.core.project_save import save_briefing
    from briefing.demo import demo_briefing

    briefing = demo_briefing()
    briefing.section("background").items[0].anchor.exact = "cut ties with Moscow"  # changed outside Briefing
    save_briefing(briefing, tmp_path / "stale.briefing")
    home = tmp_path / "session"
    home.mkdir()
    tree = _read_tree(home, [str(tmp_path / "stale.briefing")], [])
    (pages,) = [n for n in tree if n["name"].startswith("Pages not counted")]
    assert (pages["role"], pages["name"]) == ("label", "Pages not counted: 1 excerpt to review")
    assert pages["description"] == (
        "The pages cannot be counted: 1 excerpt no longer matches its source: Background “cut ties with Moscow”. "
        "Delete it, or file the passage again."
    )
