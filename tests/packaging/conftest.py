"""Packaging tests: offscreen Qt, and packaging/*.py loaded from the source tree (the folder is not a package)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load(name: str) -> ModuleType:
    """packaging/<name>.py as a module (packaging/ would shadow the PyPI `packaging` if it were put on sys.path)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def layout() -> ModuleType:
    return load("layout")


@pytest.fixture(scope="session")
def build() -> ModuleType:
    load("layout")  # build.py imports it by name
    return load("build")
