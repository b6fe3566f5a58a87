"""The cache of dataclasses' compiled methods: the same classes as without it, compiled once."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from briefing.core import dataclass_cache
from briefing.core.dataclass_cache import cache_file, compiled_dataclasses


def make_class() -> type:
    @dataclasses.dataclass(frozen=True)
    class Point:
        x: int
        label: str = "origin"
        tags: tuple[str, ...] = ()
        extra: list[int] = dataclasses.field(default_factory=list, compare=False)

    return Point


def behaviour(cls: Any) -> tuple[object, ...]:
    a, b = cls(1, "a", ("t",)), cls(1, "a", ("t",), [5])
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.x = 2
    return (
        repr(a),
        a == b,
        hash(a) == hash(b),
        cls.__init__.__annotations__,
        cls.__doc__,
        [f.name for f in dataclasses.fields(cls)],
        {name: getattr(cls, name).__code__.co_code for name in ("__init__", "__repr__", "__eq__", "__hash__")},
    )


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the cache compiles (rather than takes from the file)."""
    texts: list[str] = []

    def counting(source: str, *args: Any, **kwargs: Any) -> Any:
        texts.append(source)
        return compile(source, *args, **kwargs)

    monkeypatch.setattr(dataclass_cache, "compile", counting, raising=False)
    return texts


def test_a_class_made_with_the_cache_is_the_class_made_without(home: Path, compiles: list[str]) -> None:
    plain = behaviour(make_class())
    with compiled_dataclasses():
        first = behaviour(make_class())
    assert compiles, "the methods were compiled the first time"
    assert cache_file().is_file()
    compiles.clear()
    with compiled_dataclasses():
        second = behaviour(make_class())
    assert compiles == [], "the second start compiles nothing"
    assert first == plain and second == plain
    # The generated code's own annotations are evaluated, as without the cache (this module postpones its own).
    assert first[3]["return"] is None
    assert "exec" not in vars(dataclasses), "dataclasses is left as it was"


def test_a_damaged_or_foreign_cache_is_compiled_again(home: Path, compiles: list[str]) -> None:
    cache_file().parent.mkdir(parents=True)
    for content in (b"\x00garbage", b"", __import__("marshal").dumps({"def f(): pass": 3, 4: "x"})):
        cache_file().write_bytes(content)
        compiles.clear()
        with compiled_dataclasses():
            assert behaviour(make_class()) == behaviour(make_class())
        assert compiles
    with compiled_dataclasses():
        make_class()
    assert compiles  # the last run rewrote the cache...
    compiles.clear()
    with compiled_dataclasses():
        make_class()
    assert compiles == []  # ...which the next one reads


def test_the_cache_keeps_what_other_starts_used_up_to_its_limit(
    home: Path, compiles: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def other() -> None:
        @dataclasses.dataclass
        class Other:
            name: str

    with compiled_dataclasses():
        make_class()
    with compiled_dataclasses():
        other()
    compiles.clear()
    with compiled_dataclasses():  # one start loads one class, the next another: neither is compiled again
        make_class()
        other()
    assert compiles == []
    size = cache_file().stat().st_size
    monkeypatch.setattr(dataclass_cache, "MAX_ENTRIES", 1)
    with compiled_dataclasses():

        @dataclasses.dataclass
        class Third:
            value: int

    assert cache_file().stat().st_size < size  # past the limit: only what this start used


def test_an_unwritable_cache_is_no_error(home: Path, compiles: list[str]) -> None:
    cache_file().parent.parent.mkdir(parents=True, exist_ok=True)
    cache_file().parent.write_text("a file where the cache folder should be")
    with compiled_dataclasses():
        cls = make_class()
    assert cls(1).x == 1 and compiles
    assert "exec" not in vars(dataclasses)
