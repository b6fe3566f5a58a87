"""tree.clean's quick way for text with nothing to clean gives what the general way gives, for every character."""

from __future__ import annotations

import sys

from briefing.demo import demo_briefing
from briefing.export.tree import _cleaned, clean, clean_line


def test_the_quick_way_and_the_general_way_agree_on_every_character() -> None:
    # The quick way answers only for printable text; for it, the general way must change nothing: every printable
    # character, alone, between letters and between spaces (in runs, to keep the test quick)
    printable = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isprintable()]
    assert " " in printable and not any(c.isspace() for c in printable if c != " ")
    for start in range(0, len(printable), 512):
        run = printable[start : start + 512]
        for text in ("".join(run), "a".join(run), " ".join(c for c in run if c != " "), *run[:8]):
            assert clean(text) == _cleaned(text), hex(ord(run[0]))
    for c in (chr(code) for code in range(0x10000) if not chr(code).isprintable()):  # controls, spaces, marks...
        assert clean(f"a{c}b") == _cleaned(f"a{c}b"), hex(ord(c))
    for text in ("", " ", "a  b", " a", "a ", "a\tb", "a\r\nb", "a\n b", "line\u2028two", "a\xa0", "\ufeffa"):
        assert clean(text) == _cleaned(text), repr(text)
        assert clean_line(text) == " ".join(_cleaned(text).split())


def test_the_quick_way_and_the_general_way_agree_on_a_note() -> None:
    briefing = demo_briefing()
    texts = [source.text for source in briefing.sources] + [source.meta.title for source in briefing.sources]
    texts += [item.text for section in briefing.sections for item in section.items if hasattr(item, "text")]
    lines = [line for text in texts for line in text.split("\n")]
    for text in texts + lines:
        assert clean(text) == _cleaned(text)
