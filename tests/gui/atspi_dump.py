"""Dump an application's accessibility tree from the AT-SPI bus as JSON, the way a screen reader meets it.

Runs under the SYSTEM python3 (Debian's python3-pyatspi is not on PyPI):
    /usr/bin/python3 atspi_dump.py NAME OUT.json [--caret-in NAME TEXT]
--caret-in first moves the caret of the text control NAME into TEXT, through AT-SPI as a screen reader does.
Writes one JSON list of nodes (to a file: the AT-SPI registry daemon it starts prints to stdout): role, name, description, states, path (indexes from the application), the node's
index among its parent's children and how many siblings share its role (what "item 3 of 7" is made of), and
attributes (a heading's level). Exits 1 with a message when the application is not on the bus.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

MAX_NODES = 5000  # a runaway tree (a bug in itself) still ends


def find_app(name: str, wait: float):
    deadline = time.monotonic() + wait
    while True:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name.lower() == name.lower():
                return app
        if time.monotonic() > deadline:
            names = [app.name for app in desktop if app is not None]
            sys.exit(f"atspi_dump: no application {name!r} on the accessibility bus (found {names})")
        time.sleep(0.5)


def node(acc, path: list[int]) -> dict:
    states = acc.getState()
    try:
        attributes = dict(a.split(":", 1) for a in acc.getAttributes() if ":" in a)
    except Exception:  # some objects raise for attributes they do not have
        attributes = {}
    parent = acc.parent
    role = acc.getRoleName()
    same_role = [c for c in parent if c is not None and c.getRoleName() == role] if parent is not None else []
    position = next((i for i, c in enumerate(same_role) if c == acc), -1)
    return {
        "path": path,
        "role": role,
        "name": acc.name or "",
        "description": acc.description or "",
        "states": sorted(pyatspi.stateToString(s) for s in states.getStates()),
        "position": position + 1,  # among siblings of the same role, from 1
        "of": len(same_role),
        "attributes": attributes,
        "children": acc.childCount,
    }


def walk(app) -> list[dict]:
    nodes: list[dict] = []
    stack = [(app, [])]
    while stack and len(nodes) < MAX_NODES:
        acc, path = stack.pop()
        nodes.append(node(acc, path))
        kids = [(acc.getChildAtIndex(i), [*path, i]) for i in range(acc.childCount)]
        stack.extend(reversed([(kid, kid_path) for kid, kid_path in kids if kid is not None]))
    return nodes


def caret_into(app, control: str, text: str) -> None:
    stack = [app]
    while stack:
        acc = stack.pop()
        if acc.name == control and acc.getRoleName() == "text":
            content = acc.queryText()
            where = content.getText(0, -1).find(text)
            if where < 0:
                sys.exit(f"atspi_dump: {text!r} is not in {control!r}")
            content.setCaretOffset(where + 1)
            time.sleep(0.5)
            return
        stack.extend(c for c in acc if c is not None)
    sys.exit(f"atspi_dump: no text control {control!r}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("app")
    parser.add_argument("out")
    parser.add_argument("--wait", type=float, default=30)
    parser.add_argument("--caret-in", nargs=2, metavar=("CONTROL", "TEXT"))
    args = parser.parse_args()
    app = find_app(args.app, args.wait)
    time.sleep(1)  # the window finishes laying out before it is read
    if args.caret_in:
        caret_into(app, *args.caret_in)
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(walk(app), out, ensure_ascii=False)
