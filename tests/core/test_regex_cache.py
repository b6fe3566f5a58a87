"""The cache of compiled regular expressions: the same patterns as Python compiles, compiled once."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
import warnings
import zlib
from pathlib import Path
from re import _compiler  # type: ignore[attr-defined]
from typing import Any

import pytest

from briefing.core import regex_cache
from briefing.core.regex_cache import cache_file, compiled_patterns

PYTHON_COMPILE = _compiler.compile
PATTERNS = [  # (text, flags): classes over large ranges, groups, flags inline and given, bytes
    ("[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]", 0),
    ("(?P<indent>[ \\t]*)(?:(?P<bullet>[-•*–])|(?P<number>\\d{1,3})[.)])", 0),
    ("(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?", re.IGNORECASE),
    ("(?x) \\$(?: (?P<escaped>\\$) | (?P<named>[_a-z][_a-z0-9]*) )", 0),
    ("(?<=[^\\W_])[ \\u00a0\\u202f][:;?!](?=[\\s)»]|$)|«", 0),
    ("[^\\x00-\\u2e7f\\U00010000-\\U0010ffff]", 0),
    (b"\\.x\\.pdf\\.[a-z0-9_]{8}\\.tmp", re.IGNORECASE),
]


def compile_all() -> list[re.Pattern[Any]]:
    re.purge()  # (re keeps the patterns of this process: the cache is asked only for new ones)
    return [re.compile(text, flags) for text, flags in PATTERNS]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The patterns Python's own compiler compiles (rather than the cache building them)."""
    texts: list[object] = []

    def counting(pattern: Any, flags: int = 0) -> Any:
        texts.append(pattern)
        return PYTHON_COMPILE(pattern, flags)

    monkeypatch.setattr(_compiler, "compile", counting)
    return texts


def test_a_pattern_built_from_the_cache_is_the_pattern_python_compiles(home: Path, compiles: list[object]) -> None:
    plain = compile_all()
    with compiled_patterns():
        first = compile_all()
    assert len(compiles) == 2 * len(PATTERNS), "compiled the first time"
    assert cache_file().is_file()
    compiles.clear()
    with compiled_patterns():
        second = compile_all()
    assert compiles == [], "the second run compiles nothing"
    # Patterns compare by their compiled code, flags and groups: these are Python's own, not look-alikes
    assert first == plain and second == plain
    assert [p.groupindex for p in second] == [p.groupindex for p in plain]
    assert second[1].match("  12. x").group("number") == "12"
    assert _compiler.compile.__name__ == "counting", "re is left as it was"
    compile_all()
    assert compiles, "outside, Python compiles again"


def test_a_damaged_or_foreign_cache_is_compiled_again(home: Path, compiles: list[object]) -> None:
    with compiled_patterns():
        compile_all()
    good = cache_file().read_bytes()
    flipped = bytearray(good)
    flipped[len(good) // 2] ^= 0x01  # one bit in the middle of the compiled code
    foreign = marshal.dumps((1, {(PATTERNS[0][0], 0): (1, (0, [1, 2, 3], 0, {}, ()))}))
    for content in (b"", b"\x00garbage", good[:-10], bytes(flipped), b"BRX2" + b"\0" * 4 + foreign):
        cache_file().write_bytes(content)
        compiles.clear()
        with compiled_patterns():
            assert compile_all() == [PYTHON_COMPILE(text, flags) for text, flags in PATTERNS]
        assert len(compiles) >= len(PATTERNS), content[:8]
    compiles.clear()
    with compiled_patterns():
        compile_all()
    assert compiles == []  # the last run rewrote the cache, which the next one reads


def test_an_entry_this_python_cannot_build_is_compiled(home: Path, compiles: list[object]) -> None:
    """A well-formed file whose entry is not a compiled form (as from another build of Python)."""
    payload = marshal.dumps((1, {(PATTERNS[0][0], 0): (1, (0, [999999], 0, {}, ())), (PATTERNS[1][0], 0): "junk"}))
    cache_file().parent.mkdir(parents=True)
    cache_file().write_bytes(b"BRX2" + zlib.crc32(payload).to_bytes(4, "little") + payload)
    with compiled_patterns():
        assert compile_all() == [PYTHON_COMPILE(text, flags) for text, flags in PATTERNS]
    assert PATTERNS[0][0] in compiles and PATTERNS[1][0] in compiles


def test_a_pattern_python_warns_about_still_warns(home: Path) -> None:
    """Python warns about some patterns as it compiles them ("possible nested set"): those are not kept, so the
    warning comes every time, as without the cache."""
    for _ in range(2):
        re.purge()
        with compiled_patterns(), warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            re.compile("[[a]")
        assert [w.category for w in caught] == [FutureWarning]


def test_a_cold_export_builds_python_s_own_patterns(tmp_path: Path) -> None:
    """Every pattern a cold `briefing export` to PDF kept (Briefing's, ReportLab's, the standard library's, about
    130) is built from the cache exactly as Python compiles it; later runs find them there."""
    from briefing.core.project_save import save_briefing
    from briefing.demo import demo_briefing

    note = tmp_path / "demo.briefing"
    save_briefing(demo_briefing(), note)
    env = {**os.environ, "BRIEFING_HOME": str(tmp_path), "PYTHONHASHSEED": "0"}
    command = [sys.executable, "-m", "briefing", "export", str(note), "-o", str(tmp_path / "demo.pdf")]
    for _ in range(2):
        run = subprocess.run(command, env=env, capture_output=True, timeout=120)
        assert run.returncode == 0, run.stderr
    (cache,) = (tmp_path / "cache").glob("patterns-*.marshal")
    written = cache.stat().st_mtime_ns
    number, entries = marshal.loads(cache.read_bytes()[8:])
    assert len(entries) > 80 and number == 1
    for (text, flags), (_, form) in entries.items():
        assert regex_cache._sre.compile(text, *form) == PYTHON_COMPILE(text, flags), text
    subprocess.run(command, env=env, capture_output=True, timeout=120, check=True)
    assert cache.stat().st_mtime_ns == written, "nothing new to keep"


def test_patterns_that_differ_from_run_to_run_do_not_pile_up(home: Path) -> None:
    """ReportLab joins a set of names into a pattern, in an order that changes with each process's string hashing:
    each run adds such a pattern; the cache keeps those of the last KEEP_RUNS runs that wrote it, and every pattern
    still in use."""
    for run in range(3 * regex_cache.KEEP_RUNS):
        re.purge()
        with compiled_patterns():
            compile_all()
            re.compile(f"once-{run}")
    number, entries = marshal.loads(cache_file().read_bytes()[8:])
    assert number == 3 * regex_cache.KEEP_RUNS
    assert len(entries) == len(PATTERNS) + regex_cache.KEEP_RUNS
    assert all((text, flags) in entries for text, flags in PATTERNS)
