"""PyYAML loaded on first use, and the YAML files the window reads at every start kept parsed between starts.

Importing PyYAML costs about 90 M instructions (its reader and resolver compile large regular expressions), some
15 % of a bare Qt window's whole start-up, and the window needs only what two or three small files say: the
templates and settings.yaml. YamlCache keeps what each file parsed to, keyed by its exact text, in the user's
cache folder, `user_cache_dir()/yaml.json` (beside the unpacked fonts); a file whose text changed (or a cache that
is missing or unreadable) is parsed again with PyYAML. Only what JSON keeps exactly is stored (not dates or
non-string keys), so a file read from the cache gives the same data as parsing it.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from briefing import paths


def yaml_module() -> ModuleType:
    import yaml  # PyYAML, imported when something is parsed, not at start-up

    return yaml


def yaml_error() -> type[Exception]:
    """yaml.YAMLError, for an `except` clause (evaluated only when an exception reaches it)."""
    error: type[Exception] = yaml_module().YAMLError
    return error


def safe_load(text: str) -> Any:
    """yaml.safe_load, with the C parser where PyYAML has it (several times faster)."""
    yaml = yaml_module()
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


_NOT_KEPT = object()


def _json_copy(data: Any) -> Any:
    """A copy of data through JSON, or _NOT_KEPT when JSON does not keep it exactly (a date, an int key, a NaN)."""
    try:
        copy = json.loads(json.dumps(data))
    except (TypeError, ValueError):
        return _NOT_KEPT
    return copy if copy == data else _NOT_KEPT


class YamlCache:
    """What YAML files parsed to, read from and written back to the user's cache file (see the module)."""

    def __init__(self) -> None:
        self.file = paths.user_cache_dir() / "yaml.json"
        self.used: dict[str, dict[str, Any]] = {}
        self.changed = False
        try:
            entries = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = {}
        self.entries: dict[str, Any] = entries if isinstance(entries, dict) else {}

    def load(self, path: Path, text: str) -> Any:
        """safe_load(text) of the file at path (raising yaml.YAMLError as it does), from the cache when the file
        had this very text before. The data returned is the caller's own."""
        key = str(path)
        entry = self.entries.get(key)
        if isinstance(entry, dict) and entry.get("text") == text and "data" in entry:
            self.used[key] = entry
            return json.loads(json.dumps(entry["data"]))  # a copy: the caller may change it
        data = safe_load(text)
        copy = _json_copy(data)
        if copy is not _NOT_KEPT:
            self.used[key] = {"text": text, "data": copy}
            self.changed = True
        return data

    def save(self) -> None:
        """Write the files used since this cache was read (so entries of deleted files go), if any changed. A
        cache that cannot be written is no error: the files are parsed again next time."""
        if not self.changed and self.used.keys() == self.entries.keys():
            return
        from briefing.core.files import atomic_write

        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.file, json.dumps(self.used, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass
        else:
            _remove_old_cache(self.file)
        self.changed = False
        self.entries = dict(self.used)


def _remove_old_cache(new: Path) -> None:
    """Remove the cache file versions before 7 Dec 2026 kept in the data folder (user_data_dir()/cache/yaml.json),
    and that folder when nothing else is in it; best effort. (With BRIEFING_HOME set, both are the same file.)"""
    old = paths.user_data_dir() / "cache" / "yaml.json"
    if old != new:
        with contextlib.suppress(OSError):
            old.unlink(missing_ok=True)
            old.parent.rmdir()  # (fails, and is left, when not empty)
