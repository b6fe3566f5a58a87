"""Shared fixtures for the export tests: the demo briefing, with and without multilingual notes."""

from __future__ import annotations

import pytest

from briefing.core.model import Briefing, Note
from briefing.core.templates import Template, load_catalog
from briefing.demo import demo_briefing

MULTILINGUAL = [
    "Français : « le rétablissement des relations diplomatiques » — déjà évoqué.",
    "Русский: переговоры о восстановлении дипломатических отношений.",
    "العلاقات الدبلوماسية بين كندا وإيران مقطوعة منذ عام 2012.",
    "روابط دیپلماتیک کانادا و ایران از سال ۲۰۱۲ قطع شده است.",
    "中文：加拿大与伊朗恢复外交关系的谈判。",
    "日本語：カナダとイランの外交関係の再開に向けた協議。",
    "Emoji: 🤝 ✅ 🌍",
]


@pytest.fixture(scope="session")
def catalog_templates() -> dict[str, Template]:
    return load_catalog().templates


@pytest.fixture
def demo() -> Briefing:
    return demo_briefing()


@pytest.fixture
def template(demo: Briefing, catalog_templates: dict[str, Template]) -> Template:
    return catalog_templates[demo.template]


@pytest.fixture
def multilingual(demo: Briefing) -> Briefing:
    section = demo.section("positions")
    for index, text in enumerate(MULTILINGUAL):
        section.items.append(Note(id=f"note-ml-{index}", text=text))
    return demo
