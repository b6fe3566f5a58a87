"""Where bundled data lives: the same lookup from a checkout, an installed wheel and a frozen bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The bundled folder `name` ("resources" or "templates").

    A frozen (PyInstaller) bundle keeps it next to the executable's data, a wheel inside the package
    (briefing/_data), a checkout or editable install at the repository root.
    """
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / name)
    candidates += [_PACKAGE / "_data" / name, _PACKAGE.parent / name]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} not found (looked in {', '.join(map(str, candidates))})")


def resource(*parts: str) -> Path:
    return data_dir("resources").joinpath(*parts)


def user_data_dir() -> Path:
    """Per-user folder for templates, settings and recovery files."""
    override = os.environ.get("BRIEFING_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "Briefing"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Briefing"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "briefing"


def user_cache_dir() -> Path:
    """Per-user folder for what Briefing can always make again (the fonts unpacked, the parsed templates):
    BRIEFING_HOME/cache when set. The one cache folder: nothing the user needs goes here."""
    override = os.environ.get("BRIEFING_HOME")
    if override:
        return Path(override) / "cache"
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "Briefing" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "Briefing"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing"
