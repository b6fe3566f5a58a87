"""Quote matching and re-anchoring: forgiving of copy-paste, never moving an excerpt silently."""

from __future__ import annotations

from briefing.core.anchors import check_anchors, find_quote, locate, make_anchor, reanchor_excerpts
from briefing.core.model import Anchor, Excerpt
from briefing.core.operations import new_excerpt
from briefing.demo import demo_briefing

TEXT = (
    "“Talks have started, yes, at the official level,” Dion said.\n\n"
    "“I would say it’s step by step —and an embassy cannot be a first step.”\n\n"
    "Dion said step by step again."
)


def test_make_anchor_records_quote_context_and_offsets() -> None:
    start = TEXT.index("official")
    anchor = make_anchor(TEXT, start, start + len("official level"))
    assert anchor.exact == "official level"
    assert anchor.prefix == TEXT[start - 32 : start]
    assert anchor.suffix == TEXT[anchor.end : anchor.end + 32]


def test_find_quote_forgives_straight_quotes_dashes_and_spaces() -> None:
    pasted = '"I would say it\'s step  by step - and an embassy\ncannot be a first step."'
    [match] = find_quote(TEXT, pasted)
    assert TEXT[match.start : match.end] == "“I would say it’s step by step —and an embassy cannot be a first step.”"


def test_find_quote_reports_every_occurrence() -> None:
    assert len(find_quote(TEXT, "step by step")) == 2
    assert find_quote(TEXT, "not in the text") == []
    assert find_quote(TEXT, "   ") == []


def test_find_quote_is_case_sensitive_and_word_exact() -> None:
    assert find_quote(TEXT, "talks have started") == []
    assert find_quote(TEXT, "Talks have startd") == []


def _excerpt(text: str, quote: str) -> Excerpt:
    start = text.index(quote)
    return Excerpt(id="e1", source_id="s", anchor=make_anchor(text, start, start + len(quote)))


def test_unchanged_text_is_ok() -> None:
    excerpt = _excerpt(TEXT, "an embassy cannot be a first step")
    assert locate(TEXT, excerpt.anchor)[0] == "ok"


def test_text_inserted_before_moves_the_anchor_exactly() -> None:
    excerpt = _excerpt(TEXT, "an embassy cannot be a first step")
    new_text = "Editor's note: updated.\n\n" + TEXT
    [report] = reanchor_excerpts([excerpt], new_text)
    assert report.status == "moved"
    assert new_text[report.new.start : report.new.end] == "an embassy cannot be a first step"


def test_context_chooses_between_repeated_quotes() -> None:
    excerpt = _excerpt(TEXT, "Dion said step by step")
    quote_start = TEXT.index("step by step", excerpt.anchor.start)
    anchor = make_anchor(TEXT, quote_start, quote_start + len("step by step"))
    new_text = "Preface.\n\n" + TEXT
    status, new, _ = locate(new_text, anchor)
    assert status == "moved"
    assert new.start == len("Preface.\n\n") + quote_start  # the second occurrence, as before


def test_a_corrected_typo_re_anchors_fuzzily_and_says_so() -> None:
    old = "The minister said the embassy would not reopen this year, officials confirmed on Tuesday evening."
    excerpt = _excerpt(old, "the embassy would not reopen this year")
    new = "The minister said the embassy would not re-open this year, officials confirmed on Tuesday evening."
    [report] = reanchor_excerpts([excerpt], new)
    assert report.status == "fuzzy"
    assert report.new.exact == "the embassy would not re-open this year"
    assert 0.85 <= report.similarity < 1
    assert "no longer occurs word for word" in report.describe()


def test_a_removed_passage_is_reported_lost() -> None:
    excerpt = _excerpt(TEXT, "an embassy cannot be a first step")
    [report] = reanchor_excerpts([excerpt], "A completely different article about trade and tariffs.")
    assert report.status == "lost"
    assert report.new is None
    assert "cannot be found" in report.describe()


def test_an_empty_quote_is_lost_not_found_everywhere() -> None:
    """An empty quote (only a hand-edited anchor has one) used to crash re-anchoring: it "occurs" at every offset."""
    for start, end in ((4, 12), (4, 4)):
        status, new, _ = locate(TEXT, Anchor(exact="", prefix="", suffix="", start=start, end=end))
        assert (status, new) == ("lost", None)


def test_check_anchors_on_a_sound_briefing() -> None:
    assert {r.status for r in check_anchors(demo_briefing())} == {"ok"}


def test_new_excerpt_trims_white_space() -> None:
    briefing = demo_briefing()
    source = briefing.sources[0]
    start = source.text.index("In 2012")
    excerpt = new_excerpt(source, start - 2, start + 7)
    assert excerpt.anchor.exact == "In 2012"


def test_quote_copied_from_a_pdf_viewer_is_found_and_stores_the_source_words() -> None:
    # QA4 24: viewers copy "official" as "oﬃcial" (U+FB03) and keep a line-end hyphen and its line break
    text = "Talks have started, yes, at the official level. Engaging did not signify agreement; a well-known fact."
    for quote, words in (
        ("at the o\ufb03cial level", "at the official level"),
        ("did not signify agree-\nment;", "did not signify agreement;"),
        ("a well-\nknown fact", "a well-known fact"),
    ):
        [match] = find_quote(text, quote)
        assert text[match.start : match.end] == words
    assert find_quote(text, "signify agree-\nments") == []


def test_a_line_end_pasted_as_a_space_and_ligatures_in_the_source_are_forgiven() -> None:
    # QA5 9: a terminal pastes "offi-⏎cial" as "offi- cial"; a source pasted from a PDF viewer has "ﬁ" and "ﬀ"
    text = "Talks have started, yes, at the official level. Engaging did not signify agreement; a well-known fact."
    for quote, words in (
        ("at the offi- cial level", "at the official level"),
        ("a well- known fact", "a well-known fact"),
    ):
        [match] = find_quote(text, quote)
        assert text[match.start : match.end] == words
    source = "The \ufb01nancial of\ufb01cials con\ufb01rmed the e\ufb00ort. Then the \ufb01nancial of\ufb01cials left."
    matches = find_quote(source, "The financial officials confirmed the effort")
    assert [source[m.start : m.end] for m in matches] == [
        "The \ufb01nancial of\ufb01cials con\ufb01rmed the e\ufb00ort"
    ]
    matches = find_quote(source, "financial officials left")
    assert [source[m.start : m.end] for m in matches] == ["\ufb01nancial of\ufb01cials left"]
    assert find_quote(source, "financial officials right") == []


def test_a_word_the_source_hyphenated_at_a_line_end_is_found_typed_whole() -> None:
    """QA7: a PDF keeps "rhon-cus" (the whole word occurs nowhere else in it); the analyst quotes "rhoncus". The
    place found is the source's own characters, hyphen included."""
    text = "Vivamus viverra metus rhon-cus sem. Donec nonummy pellentesque ante."
    [match] = find_quote(text, "viverra metus rhoncus sem.")
    assert text[match.start : match.end] == "viverra metus rhon-cus sem."
    assert find_quote(text, "metus rhon-cus") and not find_quote(text, "metus rhoncus sam")


def test_a_word_a_line_end_split_in_text_imported_before_lines_were_joined_is_found_typed_whole() -> None:
    """QA8 D10: plain text imported with its line-end hyphen and the space its line end became ("offi- cial"), as
    the README promises it is quoted: "official" finds it, and the stored quote is the source's characters."""
    text = "The ministers reopened the offi- cial channels before the end of the year."
    [match] = find_quote(text, "reopened the official channels before")
    assert text[match.start : match.end] == "reopened the offi- cial channels before"
