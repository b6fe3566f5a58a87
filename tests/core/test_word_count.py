"""Word counts as word processors make them: Chinese and Japanese by characters, other scripts by spaces."""

from __future__ import annotations

import pytest

from briefing.core.text import count_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Talks have started, yes.", 4),
        ("  spaced\tout\n words ", 3),
        ("", 0),
        ("加拿大与伊朗恢复外交关系的谈判。", 15),  # a whole sentence was one word
        ("中文：加拿大与伊朗", 8),  # the full-width colon is no word
        ("カナダとイランの外交関係", 12),
        ("Canada 与伊朗 talks", 5),
        ("العلاقات الدبلوماسية بين كندا", 4),
        ("안녕하세요 세계", 2),  # Korean is written with spaces
        ("Ａ「引用」です", 5),  # full-width Latin is a word; brackets are none
        ("Canada–Iran: « déjà vu »\u2003again", 6),  # non-ASCII, nothing from U+3000 on: split on spaces
        ("talks\u3000resumed", 2),  # the ideographic space, U+3000 itself, separates words
    ],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words
