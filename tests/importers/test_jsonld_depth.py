"""A web page whose JSON-LD is nested thousands of levels deep: its metadata is skipped, the article imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.importers import import_file

ARTICLE = "".join(
    f"<p>Paragraph {i} of the article, long enough to count as body text for the extractor.</p>" for i in range(12)
)


@pytest.mark.parametrize(
    "ld",
    [
        '{"@type": "NewsArticle", "headline": "Deep", "x": ' + "[" * 5_000 + "]" * 5_000 + "}",
        "[" * 900 + '{"@type": "NewsArticle", "headline": "Deep"}' + "]" * 900,
        '{"@type": "NewsArticle", "author": ' + "[" * 900 + '{"name": "Kim"}' + "]" * 900 + "}",
    ],
)
def test_deep_json_ld_skips_only_the_metadata(tmp_path: Path, ld: str) -> None:
    page = tmp_path / "deep.html"
    page.write_text(
        f'<html><head><title>Deep page</title><script type="application/ld+json">{ld}</script></head>'
        f"<body><article><h1>Deep page</h1>{ARTICLE}</article></body></html>",
        encoding="utf-8",
    )
    source = import_file(page)
    assert "Paragraph 11 of the article" in source.text
