"""Act in an application the way a screen-reader user does and record what the reader hears from the AT-SPI bus:
announcements (object:announcement) and focus changes, as JSON.

Runs under the SYSTEM python3 (Debian's python3-pyatspi is not on PyPI):
    /usr/bin/python3 atspi_listen.py NAME OUT.json STEP...
Each STEP is one of: focus:NAME (give the control of that name the keyboard), select:NAME:TEXT (select TEXT in
the text control NAME), press:NAME (press the button NAME, as a reader's "activate" does), mark (start a new group
of events). (Keys synthesised through AT-SPI do not reach a window under a bare Xvfb, with no window manager to
give it the keyboard: the offscreen tests press the keys.) Writes a list of groups, each a list of [kind, role, name,
detail] events, detail being an announcement's text.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]
from atspi_dump import find_app  # type: ignore[import-not-found]


def find(app, name: str, role: str | None = None):
    stack = [app]
    while stack:
        acc = stack.pop()
        if acc.name == name and (role is None or acc.getRoleName() == role):
            return acc
        stack.extend(c for c in acc if c is not None)
    sys.exit(f"atspi_listen: no control {name!r}")


def main() -> None:
    name, out, *steps = sys.argv[1:]
    app = find_app(name, 30)
    time.sleep(1)
    groups: list[list[list[str]]] = [[]]

    def heard(event) -> None:
        source = event.source
        if event.type.startswith("object:state-changed:focused") and not event.detail1:
            return
        kind = "announcement" if event.type.startswith("object:announcement") else "focus"
        detail = str(event.any_data) if kind == "announcement" else ""
        groups[-1].append([kind, source.getRoleName() if source else "", source.name if source else "", detail])

    pyatspi.Registry.registerEventListener(heard, "object:announcement", "object:state-changed:focused")
    for step in steps:
        kind, _, rest = step.partition(":")
        if kind == "focus":
            find(app, rest).queryComponent().grabFocus()
        elif kind == "select":
            control, _, text = rest.partition(":")
            content = find(app, control, "text").queryText()
            start = content.getText(0, -1).find(text)
            content.setSelection(0, start, start + len(text)) if content.getNSelections() else content.addSelection(
                start, start + len(text)
            )
        elif kind == "press":
            find(app, rest, "push button").queryAction().doAction(0)
        elif kind == "mark":
            groups.append([])
        pump(0.8)
    with open(out, "w", encoding="utf-8") as file:
        json.dump(groups, file, ensure_ascii=False)


def pump(seconds: float) -> None:
    """Let events arrive: pyatspi delivers them from its GLib main loop."""
    from gi.repository import GLib  # type: ignore[import-not-found]

    context = GLib.MainContext.default()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        while context.iteration(False):
            pass
        time.sleep(0.02)


if __name__ == "__main__":
    main()
