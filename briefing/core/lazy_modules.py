"""Modules imported when first used rather than with the module that imports them.

Some modules import others at the top only for a function a cold `briefing export` never calls: the dataclasses
module and ReportLab's rl_safe_eval import inspect (with dis, tokenize and linecache: about 0.5 % of the command)
for a class signature in a docstring and for evaluating expressions in templates Briefing does not use. While such
a module is imported inside `stand_ins(NAME)`, its `import NAME` binds a stand-in that imports the real module when
one of its names is first used; once the block ends, every later import gets the real module.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterator
from typing import Any


class ModuleOnFirstUse:
    """Stands in for a module and imports it when one of its names is first used."""

    __spec__ = None  # (the import system looks for it: not a name to import the module for)

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        current: object = sys.modules.get(self._name)  # (typed as a module: this stands in for one there)
        if current is self:
            del sys.modules[self._name]
        return getattr(importlib.import_module(self._name), attr)


@contextlib.contextmanager
def stand_ins(*names: str) -> Iterator[None]:
    """Inside, importing one of these modules (not loaded yet) gives its stand-in; afterwards, the real module.
    (`from NAME import x` still imports it at once: the stand-in is asked for x.)"""
    placed = {name: ModuleOnFirstUse(name) for name in names if name not in sys.modules}
    sys.modules.update(placed)  # type: ignore[arg-type]  # what `import NAME` finds
    try:
        yield
    finally:
        for name, stand_in in placed.items():
            current: object = sys.modules.get(name)
            if current is stand_in:
                del sys.modules[name]  # later imports get the real module
