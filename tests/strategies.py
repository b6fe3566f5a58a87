"""Hypothesis strategies: random but valid briefings, for round-trip and undo properties."""

from __future__ import annotations

from hypothesis import strategies as st

from briefing.core.anchors import make_anchor
from briefing.core.model import LANGUAGES, Briefing, Excerpt, Note, Section, Source, SourceMeta, TitleBlock
from briefing.core.text import build_text

# Any Unicode a source or an analyst may produce, control characters included; lone surrogates are not
# text (they cannot be encoded) and are tested separately.
text_chars = st.characters(blacklist_categories=("Cs",))
words = st.text(text_chars, min_size=1, max_size=30)
plain = st.text(text_chars, max_size=60)


@st.composite
def sources(draw: st.DrawFn, index: int = 0) -> Source:
    paragraphs = draw(st.lists(st.tuples(st.sampled_from(["paragraph", "heading"]), words), min_size=1, max_size=6))
    text, blocks = build_text((kind, 1 if kind == "heading" else 0, body) for kind, body in paragraphs)
    if not text:
        text, blocks = build_text([("paragraph", 0, "fallback text")])
    meta = SourceMeta(title=draw(plain), author=draw(plain), url=draw(plain), encoding="utf-8", format="text")
    original = draw(st.one_of(st.none(), st.binary(max_size=200)))
    return Source(id=f"src-{index}", text=text, blocks=blocks, meta=meta, original=original)


@st.composite
def briefings(draw: st.DrawFn) -> Briefing:
    srcs = [draw(sources(i)) for i in range(draw(st.integers(0, 3)))]
    sections = [
        Section(id=f"s{i}", heading=draw(words), heading_fr=draw(plain)) for i in range(draw(st.integers(1, 4)))
    ]
    counter = 0
    for section in sections:
        for _ in range(draw(st.integers(0, 4))):
            counter += 1
            if srcs and draw(st.booleans()):
                source = draw(st.sampled_from(srcs))
                start = draw(st.integers(0, len(source.text) - 1))
                end = draw(st.integers(start + 1, len(source.text)))
                anchor = make_anchor(source.text, start, end)
                section.items.append(Excerpt(id=f"i{counter}", source_id=source.id, anchor=anchor, comment=draw(plain)))
            else:
                section.items.append(Note(id=f"i{counter}", text=draw(plain)))
    title = TitleBlock(
        **{name: draw(plain) for name in TitleBlock.field_names() if name not in ("purpose", "language")}
    )
    title.language = draw(st.sampled_from(LANGUAGES))
    return Briefing(template="information-note", title_block=title, sections=sections, sources=srcs)
