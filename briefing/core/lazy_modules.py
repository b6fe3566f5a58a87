"""Modules imported when first used rather than with the module that imports them.

Some modules import others at the top only for a function a cold `briefing export` never calls: the dataclasses
module and ReportLab's rl_safe_eval import inspect (with dis, tokenize and linecache: about 0.5 % of the command)
for a class signature in a docstring and for evaluating expressions in templates Briefing does not use. While such
a module is imported inside `stand_ins(NAME)`, its `import NAME` binds a stand-in that imports the real module when
one of its names is first used; once the block ends, every later import gets the real module. A stand-in may
also be given some names outright (hashlib's md5 as the built-in _md5 module's, without OpenSSL), so that
`from NAME import x` need not import the module at all.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any


class ModuleOnFirstUse:
    """Stands in for a module and imports it when one of its names is first used."""

    __spec__ = None  # (the import system looks for it: not a name to import the module for)

    def __init__(self, name: str, given: Mapping[str, object] = MappingProxyType({})) -> None:
        self._name = name
        self.__dict__.update(given)  # names it has without importing the module
        self._plain = bool(given)  # then a module, not a package

    def __getattr__(self, attr: str) -> Any:
        if attr == "__path__" and self._plain:  # (`from NAME import x` asks whether NAME is a package)
            raise AttributeError(attr)
        current: object = sys.modules.get(self._name)  # (typed as a module: this stands in for one there)
        if current is self:
            del sys.modules[self._name]
        return getattr(importlib.import_module(self._name), attr)


@contextlib.contextmanager
def stand_ins(*names: str, given: Mapping[str, object] = MappingProxyType({})) -> Iterator[None]:
    """Inside, importing one of these modules (not loaded yet) gives its stand-in; afterwards, the real module.
    (`from NAME import x` still imports it at once unless x is `given`: the stand-in is asked for x.)"""
    placed = {name: ModuleOnFirstUse(name, given) for name in names if name not in sys.modules}
    sys.modules.update(placed)  # type: ignore[arg-type]  # what `import NAME` finds
    try:
        yield
    finally:
        for name, stand_in in placed.items():
            current: object = sys.modules.get(name)
            if current is stand_in:
                del sys.modules[name]  # later imports get the real module
