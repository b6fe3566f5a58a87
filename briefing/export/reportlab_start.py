"""ReportLab's start-up made cheaper for a cold PDF export, without changing what it does.

ReportLab's paragraph module compiles, as it is imported, a case-insensitive pattern for web addresses that spans
most of Unicode: about 0.3 billion instructions, a tenth of a cold `briefing export` to PDF (the pattern is used
whenever a line is hyphenated, so it cannot simply be compiled later). Here that module compiles an equivalent
pattern that is ten times cheaper to compile. install() puts a finder in front of Python's import system that wraps
that one module's loader; ReportLab itself is not imported by it (DOCX and Markdown exports never load it)."""

from __future__ import annotations

import importlib.abc
import re
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

PARAGRAPH = "reportlab.platypus.paragraph"

# The web-address pattern's three character classes, which ReportLab compiles case-insensitively: each is a-z, A-Z,
# the digits and "-" as the class says, and all of \xa1-\uffff. Written as the characters they leave out, matched
# case-sensitively, they compile about ten times faster and match exactly the same characters (the tests check
# every code point).
FAST_CLASSES = {
    "[a-z\xa1-\uffff0-9]": "(?-i:[^\\x00-/:-@\\[-`{-\\xa0\\U00010000-\\U0010ffff])",
    "[a-z\xa1-\uffff0-9-]": "(?-i:[^\\x00-,./:-@\\[-`{-\\xa0\\U00010000-\\U0010ffff])",
    "[a-z\xa1-\uffff-]": "(?-i:[^\\x00-,.-@\\[-`{-\\xa0\\U00010000-\\U0010ffff])",
}


def faster_pattern(pattern: str) -> str:
    """The same pattern with the slow classes rewritten (unchanged if it has none of them)."""
    for slow, fast in FAST_CLASSES.items():
        pattern = pattern.replace(slow, fast)
    return pattern


class _FasterPatterns(importlib.abc.Loader):
    """Runs a module with its case-insensitive patterns compiled from their faster equivalents."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def __getattr__(self, name: str) -> Any:  # get_code, is_package...: as the real loader
        return getattr(self._loader, name)

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        compile_as_given = re.compile

        def compile_faster(pattern: Any, flags: int = 0) -> Any:
            # only the module's own calls: another thread compiling meanwhile is left alone
            if flags & re.IGNORECASE and isinstance(pattern, str) and sys._getframe(1).f_globals is module.__dict__:
                pattern = faster_pattern(pattern)
            return compile_as_given(pattern, flags)

        re.compile = compile_faster
        try:
            self._loader.exec_module(module)
        finally:
            re.compile = compile_as_given


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != PARAGRAPH:
            return None
        for finder in sys.meta_path:  # the finders after this one: the file system's, or the bundle's
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _FasterPatterns(spec.loader)
                return spec
        return None


def install() -> None:
    """Once, before ReportLab is imported (a later call, or ReportLab already loaded, changes nothing)."""
    if PARAGRAPH not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
