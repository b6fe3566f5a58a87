"""The parsed-YAML cache the window's start-up reads templates through: the same data as parsing, or a parse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.core import yaml_cache
from briefing.core.templates import load_catalog
from briefing.core.yaml_cache import YamlCache


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("BRIEFING_TEMPLATES", raising=False)
    return tmp_path / "home"


def count_parses(monkeypatch) -> list[str]:
    parsed: list[str] = []
    real = yaml_cache.safe_load

    def counting(text: str) -> object:
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(yaml_cache, "safe_load", counting)
    return parsed


def test_a_file_with_the_same_text_is_not_parsed_again(home: Path, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "t.yaml"
    text = "id: a\nsections: [{id: one, heading: One}]\nratio: 1.5\nflag: true\nnothing: null\n"
    first = YamlCache()
    data = first.load(path, text)
    first.save()
    parsed = count_parses(monkeypatch)
    again = YamlCache().load(path, text)
    assert again == data and parsed == []
    assert type(again["ratio"]) is float and again["flag"] is True
    changed = text.replace("One", "Uno")
    assert YamlCache().load(path, changed)["sections"][0]["heading"] == "Uno"  # a changed file is read again
    assert parsed == [changed]


def test_what_json_would_change_is_never_cached(home: Path, tmp_path: Path, monkeypatch) -> None:
    cache = YamlCache()
    for name, text in (("d.yaml", "date: 2016-04-18\n"), ("k.yaml", "1: one\n"), ("n.yaml", "x: .nan\n")):
        cache.load(tmp_path / name, text)
    cache.save()
    assert not (home / "cache" / "yaml.json").exists()
    parsed = count_parses(monkeypatch)
    assert str(YamlCache().load(tmp_path / "d.yaml", "date: 2016-04-18\n")["date"]) == "2016-04-18"
    assert len(parsed) == 1


def test_a_damaged_cache_is_parsed_past_and_rewritten(home: Path, tmp_path: Path) -> None:
    (home / "cache").mkdir(parents=True)
    cache_file = home / "cache" / "yaml.json"
    for damage in ("{not json", "[1, 2]", json.dumps({str(tmp_path / "t.yaml"): {"text": "a: 1\n"}})):
        cache_file.write_text(damage, encoding="utf-8")
        cache = YamlCache()
        assert cache.load(tmp_path / "t.yaml", "a: 1\n") == {"a": 1}
        cache.save()
        assert json.loads(cache_file.read_text(encoding="utf-8"))[str(tmp_path / "t.yaml")]["data"] == {"a": 1}


def test_the_callers_copy_is_its_own(home: Path, tmp_path: Path) -> None:
    cache = YamlCache()
    cache.load(tmp_path / "t.yaml", "a: [1]\n")
    cache.save()
    data = YamlCache().load(tmp_path / "t.yaml", "a: [1]\n")
    data["a"].append(2)
    assert YamlCache().load(tmp_path / "t.yaml", "a: [1]\n") == {"a": [1]}


def test_the_cached_catalogue_is_the_parsed_one(home: Path, monkeypatch) -> None:
    parsed_without_cache = load_catalog()
    assert load_catalog(cached=True) == parsed_without_cache  # fills the cache
    parsed = count_parses(monkeypatch)
    assert load_catalog(cached=True) == parsed_without_cache
    assert parsed == [] and len(parsed_without_cache.templates) >= 2


def test_the_cache_is_in_the_cache_folder_and_the_old_one_goes(tmp_path: Path, monkeypatch) -> None:
    """One per-user cache folder, the unpacked fonts' (paths.user_cache_dir()): the parsed templates were kept in
    the data folder (user_data_dir()/cache), beside the user's own templates and settings."""
    from briefing import paths

    monkeypatch.delenv("BRIEFING_HOME", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    data = tmp_path / "data" / "briefing"
    (data / "cache").mkdir(parents=True)
    (data / "cache" / "yaml.json").write_text("{}", encoding="utf-8")  # an older version's cache
    (data / "templates").mkdir()
    (data / "settings.yaml").write_text("template_folders: []\n", encoding="utf-8")
    cache = YamlCache()
    assert cache.file == paths.user_cache_dir() / "yaml.json" == tmp_path / "cache" / "briefing" / "yaml.json"
    cache.load(tmp_path / "t.yaml", "a: 1\n")
    cache.save()
    assert json.loads(cache.file.read_text(encoding="utf-8"))[str(tmp_path / "t.yaml")]["data"] == {"a": 1}
    assert sorted(path.name for path in data.iterdir()) == ["settings.yaml", "templates"]  # the old cache gone
    assert (paths.user_cache_dir() / "fonts").parent == cache.file.parent  # the fonts' folder too (fontcache)


def test_with_briefing_home_the_cache_stays_in_its_cache_folder(home: Path, tmp_path: Path) -> None:
    cache = YamlCache()
    cache.load(tmp_path / "t.yaml", "a: 1\n")
    cache.save()
    assert cache.file == home / "cache" / "yaml.json" and cache.file.is_file()  # (the old place: never removed)
