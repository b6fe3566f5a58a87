"""A pattern compiled on first use answers as the compiled pattern does."""

from __future__ import annotations

import re

from briefing.core.lazy_regex import lazy


def test_a_lazy_pattern_compiles_once_when_first_used_and_answers_as_re_does() -> None:
    source = r"(?<!\\)(`+)(.+?)\1"
    pattern, compiled = lazy(source, re.DOTALL), re.compile(source, re.DOTALL)
    assert not pattern.is_compiled
    assert pattern.pattern == source
    text = "a `b` c ``d\ne`` f \\`g`"
    assert pattern.search(text).span() == compiled.search(text).span()  # type: ignore[union-attr]
    assert pattern.is_compiled
    first = pattern.compiled
    assert pattern.compiled is first  # compiled once
    assert pattern.match(text) is None and compiled.match(text) is None
    assert pattern.fullmatch("`x`") is not None
    assert [m.span() for m in pattern.finditer(text, 2)] == [m.span() for m in compiled.finditer(text, 2)]
    assert pattern.findall(text) == compiled.findall(text)
    assert pattern.split(text) == compiled.split(text)
    assert pattern.sub(r"<\2>", text) == compiled.sub(r"<\2>", text)
    assert pattern.subn("", text) == compiled.subn("", text)
    assert pattern.sub(lambda m: m.group(2).upper(), text, 1) == compiled.sub(lambda m: m.group(2).upper(), text, 1)
