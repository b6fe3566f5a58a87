"""PDF paragraphs as the document's: Chinese lines joined without a space, list items one paragraph each with
their hanging indent (QA5 defects 2, 3, 4)."""

from __future__ import annotations

from pathlib import Path

from briefing.core.anchors import find_quote
from briefing.importers import import_file
from briefing.importers.pdf import Line, _paragraphs

SENTENCE = "加拿大外交部星期五表示，与伊朗的会谈已在日内瓦以官方级别开始。部长说，重开大使馆不是第一步。"


def _texts(lines: list[Line]) -> list[str]:
    return [para.text() for para in _paragraphs([lines], 11.0)]


def test_chinese_lines_join_without_a_space_and_a_bullets_hanging_indent_goes_on() -> None:
    # as LibreOffice lays out two paragraphs and a bullet of the same Chinese text (QA5's ZH.pdf)
    first, rest = SENTENCE[:-4], SENTENCE[-4:]
    lines = [
        Line(71.0, 610.6, 11.0, first),
        Line(71.0, 595.8, 11.0, rest),
        Line(71.0, 574.9, 11.0, first),
        Line(71.0, 560.0, 11.0, rest),
        Line(71.0, 539.1, 11.0, "• " + SENTENCE[:-5]),
        Line(89.0, 524.3, 11.0, SENTENCE[-5:]),
    ]
    assert _texts(lines) == [SENTENCE, SENTENCE, "• " + SENTENCE]


def test_latin_list_items_are_one_paragraph_each() -> None:
    lines = [
        Line(72.0, 700.0, 11.0, "• Consular access next week."),
        Line(72.0, 686.0, 11.0, "• Officials confirmed that sanctions relief will be discussed in Geneva"),
        Line(86.0, 672.0, 11.0, "under the existing agreements."),
        Line(72.0, 658.0, 11.0, "1. Meet next week."),
        Line(72.0, 644.0, 11.0, "2. Discuss the access to consular officials and the relief of the sanctions"),
        Line(86.0, 630.0, 11.0, "in Geneva."),
        Line(72.0, 610.0, 11.0, "A paragraph after the list, long enough to wrap on to a second line of the"),
        Line(72.0, 596.0, 11.0, "page, and joined with a space."),
    ]
    assert _texts(lines) == [
        "• Consular access next week.",
        "• Officials confirmed that sanctions relief will be discussed in Geneva under the existing agreements.",
        "1. Meet next week.",
        "2. Discuss the access to consular officials and the relief of the sanctions in Geneva.",
        "A paragraph after the list, long enough to wrap on to a second line of the page, and joined with a space.",
    ]


def test_a_wrapped_chinese_sentence_of_briefings_own_pdf_can_be_quoted(tmp_path: Path, capsys) -> None:
    from tests.test_cli import run

    note = tmp_path / "zh.briefing"
    assert run(capsys, "new", str(note), "--title", "Test ZH")[0] == 0
    for _ in range(2):
        assert run(capsys, "note", str(note), "--section", "background", "--text", SENTENCE)[0] == 0
    assert run(capsys, "export", str(note), "-o", str(tmp_path / "zh.pdf"))[0] == 0
    source = import_file(tmp_path / "zh.pdf")
    paragraphs = [source.text[b.start : b.end] for b in source.blocks]
    assert paragraphs.count(SENTENCE) == 2  # each wrapped paragraph whole, with no space at the line end
    assert len(find_quote(source.text, "重开大使馆不是第一步")) == 2


def test_a_chinese_paragraph_cut_by_a_page_end_goes_on_on_the_next_page() -> None:
    from briefing.importers.pdf import _continues

    assert _continues(("paragraph", 0, "部长说，重开大使馆不"), "是第一步。")
    assert not _continues(("paragraph", 0, "部长说，重开大使馆不是第一步。"), "加拿大外交部星期五表示")


def test_right_to_left_paragraphs_are_found_by_their_right_edges_and_line_pitch() -> None:
    # as LibreOffice lays out two Arabic paragraphs and a bullet (QA5's AR.pdf): lines ragged on the left, a
    # paragraph's last line short, the gap between paragraphs 1.4 times the line pitch
    from briefing.importers.pdf import _reading_order

    first = "أعلنت وزارة الخارجية الكندية يوم الجمعة أن المحادثات مع إيران بدأت على المستوى الرسمي في جنيف،"
    last = "وقال الوزير إن السفارة ليست خطوة أولى (2016)."
    lines = [
        Line(74.9, 610.4, 11.0, first, 540.7),
        Line(313.8, 595.5, 11.0, last, 541.0),
        Line(74.9, 574.6, 11.0, first, 540.7),
        Line(313.8, 559.8, 11.0, last, 541.0),
        Line(88.4, 538.9, 11.0, "• " + first, 545.1),
        Line(264.3, 524.0, 11.0, last, 523.0),
    ]
    paragraphs = [para.text() for para in _paragraphs(_reading_order(lines, 0.0, 612.0), 11.0)]
    assert paragraphs == [f"{first} {last}", f"{first} {last}", f"• {first} {last}"]


def test_a_right_to_left_numbered_item_as_libreoffice_draws_it_is_one_paragraph_numbered_1() -> None:
    from briefing.importers.pdf import _reading_order

    first = "أعلنت وزارة الخارجية الكندية يوم الجمعة أن المحادثات مع إيران بدأت على المستوى الرسمي في"
    last = "جنيف، وقال الوزير إن السفارة ليست خطوة أولى."
    lines = [
        Line(88.4, 610.4, 11.0, ".1 " + first, 550.4),  # its number's point drawn on the left
        Line(240.2, 595.5, 11.0, last, 522.7),  # under the item's text, not under its number
        Line(88.4, 577.7, 11.0, ".2 " + first, 550.4),
        Line(240.2, 562.8, 11.0, last, 522.7),
    ]
    paragraphs = [para.text() for para in _paragraphs(_reading_order(lines, 0.0, 612.0), 11.0)]
    assert paragraphs == [f"1. {first} {last}", f"2. {first} {last}"]


def test_a_paragraph_back_under_the_bullets_after_a_list_is_not_the_last_item_going_on() -> None:
    # as Briefing's PDF sets a list with 3 pt between items and a short paragraph after it (QA5's p30.pdf)
    lines = [
        Line(70.9, 482.8, 12.0, "• Consular week access under access to next in."),
        Line(70.9, 463.6, 12.0, "• Will in confirmed under next sanctions and week access next existing confirmed"),
        Line(88.9, 447.4, 12.0, "week."),
        Line(70.9, 428.2, 12.0, "• Confirmed minister next agreements under."),
        Line(70.9, 409.0, 12.0, "Points:"),
        Line(70.9, 386.2, 12.0, "• That access the week relief consular geneva existing."),
    ]
    assert _texts(lines) == [
        "• Consular week access under access to next in.",
        "• Will in confirmed under next sanctions and week access next existing confirmed week.",
        "• Confirmed minister next agreements under.",
        "Points:",
        "• That access the week relief consular geneva existing.",
    ]


def test_a_chinese_paragraph_running_on_to_the_next_page_is_one_paragraph_and_the_page_starts_at_its_line(
    tmp_path: Path, capsys
) -> None:
    from pypdf import PdfReader

    from briefing.importers.pdf import _page_lines
    from tests.test_cli import run

    note = tmp_path / "zh.briefing"
    assert run(capsys, "new", str(note), "--title", "Long")[0] == 0
    assert run(capsys, "note", str(note), "--section", "background", "--text", SENTENCE * 40)[0] == 0
    assert run(capsys, "export", str(note), "-o", str(tmp_path / "zh.pdf"))[0] == 0
    source = import_file(tmp_path / "zh.pdf")
    assert source.meta.pages == 2
    assert [source.text[b.start : b.end] for b in source.blocks].count(SENTENCE * 40) == 1
    second_page_first_line = next(
        ln.text for ln in _page_lines(PdfReader(tmp_path / "zh.pdf").pages[1]) if "部" in ln.text
    )
    assert source.text[source.meta.page_starts[1] :].startswith(second_page_first_line)


def test_one_line_paragraphs_of_briefings_own_pdf_stay_apart(tmp_path: Path, capsys) -> None:
    # QA6 defect 2: with no paragraph of two lines there was no line pitch to measure the gap against, and two
    # one-line notes came back as one paragraph (English, Hebrew, Arabic set against the right margin)
    from tests.test_cli import run

    notes = [
        "He confirmed it again, the situation is stable.",
        "He said: yes indeed.",
        "השרה אמרה ביום שישי.",
        "לדבריה, פתיחת השגרירות.",
        "وأكد أيضاً، أن الوضع مستقر.",
        "قال: نعم فعلاً.",
    ]
    note = tmp_path / "n.briefing"
    assert run(capsys, "new", str(note), "--title", "One-line paragraphs")[0] == 0
    for text in notes:
        assert run(capsys, "note", str(note), "--section", "background", "--text", text)[0] == 0
    assert run(capsys, "export", str(note), "-o", str(tmp_path / "n.pdf"))[0] == 0
    source = import_file(tmp_path / "n.pdf")
    paragraphs = [source.text[b.start : b.end] for b in source.blocks]
    for text in notes:
        assert text in paragraphs


def test_label_lines_without_a_full_stop_stay_their_own_paragraphs(tmp_path: Path, capsys) -> None:
    # QA7 defect 9: a one-line note with no full stop ("Next steps") ran into the note after it, and the label after
    # a one-line note ("… report back." then "Key dates") into that note
    from tests.test_cli import run

    notes = [
        "Next steps",
        "The department will brief the minister on Monday and report back.",
        "Key dates",
        "Talks resume on 12 January in Geneva with officials from both sides attending.",
        "Not agreed",
        "Line one of a note.",
    ]
    note = tmp_path / "n.briefing"
    assert run(capsys, "new", str(note), "--title", "Labels")[0] == 0
    for text in notes:
        assert run(capsys, "note", str(note), "--section", "background", "--text", text)[0] == 0
    assert run(capsys, "export", str(note), "-o", str(tmp_path / "n.pdf"))[0] == 0
    source = import_file(tmp_path / "n.pdf")
    paragraphs = [source.text[b.start : b.end] for b in source.blocks]
    for text in notes:
        assert text in paragraphs


def test_a_title_in_capitals_on_two_lines_stays_one_paragraph() -> None:
    # a short line, a gap a little wider than the line pitch, then a line in capitals: a title going on, not a label
    lines = [
        Line(72.0, 700.0, 11.0, "MEMORANDUM TO THE DIRECTOR", 250.0),
        Line(72.0, 683.0, 11.0, "FOR INFORMATION", 160.0),
        Line(72.0, 660.0, 11.0, "The Minister said on Friday that talks with Iran had begun at the official", 520.0),
        Line(72.0, 646.0, 11.0, "level, and officials will meet again next week to discuss sanctions relief", 520.0),
        Line(72.0, 632.0, 11.0, "under the agreements.", 180.0),
    ]
    assert [p.text() for p in _paragraphs([lines], 11.0, page=(0.0, 595.0))] == [
        "MEMORANDUM TO THE DIRECTOR FOR INFORMATION",
        "The Minister said on Friday that talks with Iran had begun at the official level, and officials will meet"
        " again next week to discuss sanctions relief under the agreements.",
    ]
    lines[1].text = "For information"  # a capitalised word: the short line was a label
    assert len(_paragraphs([lines], 11.0, page=(0.0, 595.0))) == 3


def test_a_paragraphs_short_last_line_stays_in_it_on_a_page_with_closer_set_footnotes() -> None:
    # footnotes set closer than the body lowered the page's line pitch, so every body line's gap looked wide and a
    # paragraph's short last line (then a capitalised paragraph) was taken for a label and split off
    body = [
        "Nearly every website that you visit that has a Like button is actually encouraging",
        "your browser to tell Facebook about your browsing habits, whether you are a member.",
        "Even if you do not click on the 18",
        "I would be shocked if Facebook were not connecting those dots given the goals they",
        "claim for data collection.",
    ]
    ys = [700.0, 683.8, 667.6, 644.8, 628.6]
    notes = [f"{n} A note set in a smaller size, closer than the body text of the page." for n in range(1, 9)]
    lines = [Line(72.0, y, 12.0, text, 72.0 + 5.6 * len(text)) for y, text in zip(ys, body, strict=True)]
    lines += [Line(72.0, 200.0 - 13.3 * i, 10.0, text, 72.0 + 4.7 * len(text)) for i, text in enumerate(notes)]
    texts = [p.text() for p in _paragraphs([lines], 12.0, page=(0.0, 612.0))]
    assert " ".join(body[:3]) in texts
    assert " ".join(body[3:]) in texts


def test_english_paragraphs_on_a_page_mostly_in_arabic_are_not_split_at_their_line_ends(tmp_path: Path, capsys) -> None:
    # QA9 D14: a page of Briefing's own PDF with a long Arabic passage reads right to left, its lines measured from
    # the right; an English paragraph's ragged right end then looked like an indented first line at every line
    from tests.test_cli import run

    english = [
        f"Analyst note {n}: the delegation met again today and the officials discussed the sequence of steps"
        " toward restoring relations, including consular services and the protection of nationals abroad."
        for n in range(1, 5)
    ]
    arabic = (
        "قال وزير الخارجية إن المحادثات بين البلدين ستستمر الأسبوع المقبل في جنيف، وأضاف أن الوفدين اتفقا على مواصلة"
        " العمل على مستوى الخبراء من أجل التوصل إلى تفاهم بشأن القضايا العالقة، بما في ذلك مسألة العقوبات. "
    ) * 6
    note = tmp_path / "n.briefing"
    assert run(capsys, "new", str(note), "--title", "Mixed page")[0] == 0
    for text in [*english, arabic.strip()]:
        assert run(capsys, "note", str(note), "--section", "background", "--text", text)[0] == 0
    assert run(capsys, "export", str(note), "-o", str(tmp_path / "n.pdf"))[0] == 0
    source = import_file(tmp_path / "n.pdf")
    assert source.meta.pages == 1
    assert source.meta.direction == "rtl"  # the page is read as a right-to-left one
    paragraphs = [source.text[b.start : b.end] for b in source.blocks]
    for text in english:
        assert text in paragraphs
    assert arabic.strip() in paragraphs


def test_each_footnote_of_briefings_own_pdf_is_a_paragraph_of_its_own(tmp_path: Path, capsys) -> None:
    # QA9 D12: footnotes are set one under the other at their line pitch, and a page's all came back as one
    # paragraph ("1 “Canada Confirms…”, para. 4. 2 Sample news article, …")
    from tests.test_cli import SAMPLE, run

    note = tmp_path / "n.briefing"
    assert run(capsys, "new", str(note), "--title", "Footnotes")[0] == 0
    assert run(capsys, "add-source", str(note), str(SAMPLE))[0] == 0
    for passage in (
        "In 2012, the Harper administration cut ties with Tehran and expelled Iranian diplomats from Canada.",
        "The Harper government also added Iran to its list of state sponsors of terrorism.",
        "Dion was at pains to clarify that engaging with Tehran did not signify agreement with its policies.",
    ):
        assert run(capsys, "quote", str(note), "--section", "background", "--text", passage)[0] == 0
    assert run(capsys, "export", str(note), "-o", str(tmp_path / "n.pdf"))[0] == 0
    source = import_file(tmp_path / "n.pdf")
    notes = [p for p in (source.text[b.start : b.end] for b in source.blocks) if p[:2] in ("1 ", "2 ", "3 ")]
    assert [p[:2] for p in notes] == ["1 ", "2 ", "3 "]
    assert all(p.endswith(".") and " para. " in p and p.count(" para. ") == 1 for p in notes), notes


def test_an_arabic_paragraph_running_on_to_the_next_page_is_one_paragraph(tmp_path: Path, capsys) -> None:
    # QA9 D14: a long Arabic passage crossing the page end came back as two paragraphs: Arabic has no lower case
    # to show that the next page goes on with it; the page's last line, as long as the paragraph's others, does
    from tests.test_cli import run

    clause = "قال وزير الخارجية إن المحادثات بين البلدين ستستمر الأسبوع المقبل في جنيف، وأضاف أن الوفدين اتفقا على"
    passage = " ".join([clause] * 40) + " مواصلة العمل."
    after = "وأكد أيضاً، أن الوضع مستقر."  # a paragraph of its own after it, which stays apart
    note = tmp_path / "ar.briefing"
    assert run(capsys, "new", str(note), "--title", "Long")[0] == 0
    for text in (passage, after):
        assert run(capsys, "note", str(note), "--section", "background", "--text", text)[0] == 0
    assert run(capsys, "export", str(note), "-o", str(tmp_path / "ar.pdf"))[0] == 0
    source = import_file(tmp_path / "ar.pdf")
    assert source.meta.pages == 2
    paragraphs = [source.text[b.start : b.end] for b in source.blocks]
    assert passage in paragraphs
    assert after in paragraphs


def test_a_footnote_wrapped_under_its_text_stays_one_paragraph(tmp_path: Path, capsys) -> None:
    # a footnote's next line is set under its text, right of its number (a hanging indent): it read as an indented
    # first line, and a long footnote came back as two paragraphs ("…Sciences et Avenir, 14" / "septembre 2020, …")
    from tests.test_cli import run

    title = "Covid-19 et infox : comment une rumeur devient réalité, selon les chercheurs qui ont suivi sa diffusion"
    article = tmp_path / "infox.html"
    article.write_text(
        f"<html><head><title>{title}</title><meta name='author' content='Nicolas Gutierrez'></head><body><article>"
        f"<h1>{title}</h1><p>La rumeur est née sur un forum et a été reprise par des milliers de comptes.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    note = tmp_path / "n.briefing"
    assert run(capsys, "new", str(note), "--title", "Footnotes")[0] == 0
    assert run(capsys, "add-source", str(note), str(article))[0] == 0
    assert run(capsys, "quote", str(note), "--section", "background", "--text", "La rumeur est née")[0] == 0
    assert run(capsys, "export", str(note), "-o", str(tmp_path / "n.pdf"))[0] == 0
    source = import_file(tmp_path / "n.pdf")
    paragraphs = [source.text[b.start : b.end] for b in source.blocks]
    footnote = next(p for p in paragraphs if p.startswith("1 "))
    assert title in footnote and footnote.endswith(".")
    # a long file name ending a line that runs to the margin, its comma after it, is whole: the next line is no
    # part of it (LibreOffice's footnote "…, chardet__GB2312___mozilla_bug171813_text.html," / "paragr. 1.")
    lines = [
        Line(71.0, 74.2, 9.5, "5 « chardet__GB2312 », chardet__GB2312___mozilla_bug171813_text.html,", 519.6),
        Line(81.0, 58.7, 9.5, "paragr. 1.", 121.6),
    ]
    assert [p.text() for p in _paragraphs([lines], 12.0, page=(0.0, 612.0))] == [" ".join(ln.text for ln in lines)]


def test_a_left_to_right_line_under_a_right_to_left_one_starts_a_paragraph() -> None:
    # a page holding an Arabic paragraph's last line and the "Prepared by" line 33 points under it (LibreOffice's
    # French note, its last page): two lines, so their gap was taken for the line pitch, and they read as one
    # paragraph once an English line on a right-to-left page kept its own left edge
    from briefing.importers.pdf import _reading_order

    lines = [
        Line(281.6, 728.1, 12.0, "المسؤولون مرة أخرى الأسبوع المقبل لمناقشة تخفيف8", 506.6),
        Line(70.9, 695.1, 12.0, "Préparé par : A. Analyst, 613-555-0100", 283.5),
    ]
    paragraphs = _paragraphs(_reading_order(lines, 0.0, 612.0), 12.0, page=(0.0, 612.0))
    assert [p.text() for p in paragraphs] == [ln.text for ln in lines]
    # a paragraph in one language quoting the other at a line end goes on
    lines[1].text = "Préparé par : A. Analyst, qui cite « المسؤولون »"
    lines[1].y = 714.0
    assert len(_paragraphs(_reading_order(lines, 0.0, 612.0), 12.0, page=(0.0, 612.0))) == 1
