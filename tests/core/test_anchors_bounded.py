"""Re-anchoring with a bounded cost: the pathological shapes of issue 12 (a ~2 KB and a ~50 KB file that took
30 s and 2 minutes) do a bounded amount of work, a long quote changed inside is still found, and a check that
runs out of time says so ("unchecked") instead of blocking. Speed figures: bench/fault_injection.py."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core import anchors
from briefing.core.anchors import _FOLD, _folded, _nearest, check_anchors, find_quote, locate, make_anchor
from briefing.core.model import Anchor, Briefing, Excerpt, Section, Source, TitleBlock
from briefing.core.project_load import load_briefing
from briefing.core.project_save import save_briefing

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "demo" / "canada-iran-talks.txt"


def _folded_one_by_one(text: str) -> tuple[str, list[int]]:
    """The folding as it was first written, character by character: the fast one must agree with it exactly."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        folded = char.translate(_FOLD)
        if not folded:
            continue
        if folded.isspace():
            if out and out[-1] in " -":
                continue
            folded = " "
        elif folded == "-" and out and out[-1] == " ":
            out.pop()
            where.pop()
        elif folded == "\u2026":
            folded = "..."
        for piece in folded:
            out.append(piece)
            where.append(index)
    return "".join(out), where


@settings(max_examples=int(os.environ.get("BRIEFING_EXAMPLES", "300")), deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list(" \t\n\u00a0\u2003\u2029-\u2014\u2013\u2212\u00ad\u2026ab'\u201c\u2019.")),
        max_size=40,
    )
)
def test_fast_folding_agrees_with_folding_character_by_character(text: str) -> None:
    assert _folded(text) == _folded_one_by_one(text)


def _briefing(text: str, anchors_: list[Anchor]) -> Briefing:
    items = [Excerpt(id=f"e{i}", source_id="s", anchor=a) for i, a in enumerate(anchors_)]
    return Briefing(
        template="information-note",
        title_block=TitleBlock(),
        sections=[Section(id="background", heading="Background", items=items)],
        sources=[Source(id="s", text=text)],
    )


class _Counting:
    """Counts the comparisons re-anchoring makes (each costs up to the length of what it compares)."""

    def __init__(self, monkeypatch) -> None:
        self.calls = 0
        real = anchors._similarity

        def counted(a: str, b: str) -> float:
            self.calls += 1
            return real(a, b)

        monkeypatch.setattr(anchors, "_similarity", counted)


def test_a_small_file_with_many_copies_of_each_quote_does_bounded_work(tmp_path: Path, monkeypatch) -> None:
    # ~2 KB on disk: a highly repetitive source and excerpts whose offsets are wrong, so each is searched for.
    text = "ab " * 300_000
    wrong = [
        Anchor(exact="ab ab", prefix="x" * 32, suffix="y" * 32, start=i * 30 + 1, end=i * 30 + 6) for i in range(40)
    ]
    path = tmp_path / "small.briefing"
    save_briefing(_briefing(text, wrong), path)
    assert path.stat().st_size < 4_000
    counting = _Counting(monkeypatch)
    reports = check_anchors(load_briefing(path), budget_s=60)
    assert {r.status for r in reports} == {"moved"}
    # Each moved to the copy nearest its old place (the context says nothing here).
    for report in reports:
        assert abs(report.new.start - report.old.start) <= 2
    # 300,000 copies of each quote; the old code compared the context at every one of them.
    assert counting.calls <= len(wrong) * 2 * (anchors.MAX_CANDIDATES + 1)


def test_a_larger_file_of_folded_and_fuzzy_shapes_does_bounded_work(tmp_path: Path, monkeypatch) -> None:
    # ~50 KB: the quote occurs only once white space is folded (at every other word), or not at all (fuzzy).
    text = "a  b " * 200_000 + " ".join(f"word{i % 40:02d}" for i in range(100_000))
    folded_only = [Anchor(exact="a b", prefix="", suffix="", start=i, end=i + 3) for i in range(1, 400, 4)]
    words = " ".join(f"word{i:02d}" for i in range(40))
    nowhere = [Anchor(exact=words + " zz", prefix="", suffix="", start=5, end=10 + i) for i in range(100)]
    path = tmp_path / "larger.briefing"
    save_briefing(_briefing(text, folded_only + nowhere), path)
    assert path.stat().st_size < 80_000
    counting = _Counting(monkeypatch)
    reports = check_anchors(load_briefing(path), budget_s=60)
    statuses = [r.status for r in reports]
    assert statuses == ["fuzzy"] * len(folded_only) + ["lost"] * len(nowhere)
    assert counting.calls <= len(folded_only) * (2 * anchors.MAX_CANDIDATES + 1)


def test_a_check_that_runs_out_of_time_says_so_and_passes_nothing() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    start = text.index("Harper")
    at_place = make_anchor(text, start, start + 20)
    moved = Anchor(exact=at_place.exact, prefix=at_place.prefix, suffix=at_place.suffix, start=3, end=23)
    reports = check_anchors(_briefing(text, [at_place, moved]), budget_s=0)
    assert [r.status for r in reports] == ["ok", "unchecked"]  # at its place is always found; the rest is not guessed
    assert reports[1].new is None
    assert "could not be re-anchored in the time allowed" in reports[1].describe()
    assert [r.status for r in check_anchors(_briefing(text, [at_place, moved]))] == ["ok", "moved"]


def test_a_long_quote_corrected_inside_is_found_by_its_head_and_tail() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    start = text.index("In 2012")
    end = min(len(text), start + 3_000)
    anchor = make_anchor(text, start, end)
    assert len(anchor.exact) > anchors.MAX_FUZZY_CHARS
    middle = start + 1_500
    changed = "Preface.\n\n" + text[:middle] + "[corrected] " + text[middle:]
    status, new, similarity = locate(changed, anchor)
    assert status == "fuzzy"
    assert new.start == start + len("Preface.\n\n")
    assert new.exact.endswith(anchor.exact[-200:]) and "[corrected]" in new.exact
    assert similarity >= anchors.FUZZY_THRESHOLD


def test_nearest_places_come_first_and_are_bounded() -> None:
    text = "x " * 1_000
    assert _nearest(text, "x", 501, limit=4) == [502, 500, 504, 498]
    assert len(_nearest(text, "x", 0)) == anchors.MAX_CANDIDATES
    assert _nearest(text, "y", 10) == []


def test_find_quote_still_reports_every_folded_occurrence() -> None:
    text = "step \u2014 by step. step -by step; step  by\nstep"
    assert [text[m.start : m.end] for m in find_quote(text, "step-by step")] == ["step \u2014 by step", "step -by step"]
    assert [text[m.start : m.end] for m in find_quote(text, "step by step")] == ["step  by\nstep"]
