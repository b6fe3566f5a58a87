"""E-mail messages and pasted clipboard text."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from briefing.importers import SourceImportError, import_file, import_pasted


def _message(plain: str | None, html: str | None, attach: bool = False) -> bytes:
    message = EmailMessage()
    message["Subject"] = "Re: Port closure update"
    message["From"] = "Marie Tremblay <marie@example.org>"
    message["To"] = "desk@example.org"
    message["Date"] = "Tue, 03 Mar 2026 14:05:00 +0100"
    if plain is not None:
        message.set_content(plain)
    if html is not None:
        if plain is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    if attach:
        message.add_attachment(b"SECRET-ATTACHMENT", maintype="application", subtype="octet-stream", filename="a.bin")
    return message.as_bytes()


def test_plain_email(tmp_path) -> None:
    path = tmp_path / "mail.eml"
    path.write_bytes(_message("The port reopens on Friday.\n\nShipping resumes next week.", None, attach=True))
    source = import_file(path)
    assert source.meta.title == "Re: Port closure update"
    assert source.meta.author == "Marie Tremblay"
    assert source.meta.published == "2026-03-03T14:05:00+01:00"
    assert source.meta.format == "eml"
    assert "The port reopens on Friday." in source.text
    assert "SECRET-ATTACHMENT" not in source.text


def test_quoted_reply_lines_are_blocks_of_their_own_without_their_marks(tmp_path) -> None:
    """QA8 D9: "> On 29 Nov, Bob wrote:" / "> Are the sanctions staying?" ran into one paragraph with a ">" in the
    middle of it. The message replied to comes in as the HTML body's <blockquote> does: quote blocks, no marks, its
    paragraphs (and one quoted within it) kept, the line introducing it a block of its own."""
    plain = (
        "Agreed, see below.\nOn Mon, 30 Nov 2026, Ann <ann@example.org> wrote:\n"
        "> On 29 Nov, Bob wrote:\n> Are the sanctions\n> staying?\n>\n> They are, for now.\n>> Older text.\n\nMarie\n"
    )
    path = tmp_path / "mail.eml"
    path.write_bytes(_message(plain, None))
    source = import_file(path)
    blocks = [(b.kind, source.text[b.start : b.end]) for b in source.blocks]
    assert blocks == [
        ("paragraph", "Agreed, see below."),
        ("paragraph", "On Mon, 30 Nov 2026, Ann <ann@example.org> wrote:"),
        ("quote", "On 29 Nov, Bob wrote:"),
        ("quote", "Are the sanctions staying?"),
        ("quote", "They are, for now."),
        ("quote", "Older text."),
        ("paragraph", "Marie"),
    ]
    assert ">" not in source.text.replace("<ann@example.org>", "")


def test_list_lines_in_a_plain_email_and_its_quotation_are_blocks_of_their_own(tmp_path) -> None:
    """QA9 D3: a plain-text body's list lines (and a quoted reply's) were glued into the paragraph before them."""
    plain = (
        "Key points from the call:\n- a bullet outside quote\n- another bullet\n\nOn 29 Nov, Bob wrote:\n"
        "> Line one of the quote.\n> Line two of the quote.\n> - a bullet in the quote\n> - another bullet\n"
    )
    path = tmp_path / "mail.eml"
    path.write_bytes(_message(plain, None))
    source = import_file(path)
    assert [(b.kind, source.text[b.start : b.end]) for b in source.blocks] == [
        ("paragraph", "Key points from the call:"),
        ("list-item", "- a bullet outside quote"),
        ("list-item", "- another bullet"),
        ("paragraph", "On 29 Nov, Bob wrote:"),
        ("quote", "Line one of the quote. Line two of the quote."),
        ("quote", "- a bullet in the quote"),
        ("quote", "- another bullet"),
    ]


def test_pasted_list_lines_after_a_lead_in_are_items() -> None:
    source = import_pasted("Next steps for the team:\n\u2022 draft the memo\n\u2022 brief the minister")
    assert [(b.kind, source.text[b.start : b.end]) for b in source.blocks][1:] == [
        ("list-item", "\u2022 draft the memo"),
        ("list-item", "\u2022 brief the minister"),
    ]


def test_a_lone_line_opening_with_a_greater_than_sign_is_the_writers_text_not_a_quotation(tmp_path) -> None:
    """QA9 D17: ">50 per cent" continuing the writer's sentence became a quotation reading "50 per cent"; a quotation
    needs its usual "> " (or ">>") mark, or several ">" lines."""
    plain = (
        "Agreed. The survey found that\n>50 per cent of respondents support the deal.\n\nBob wrote:\n"
        ">Figures are due\n>on Friday.\n\nAnn wrote:\n> Noted.\n"
    )
    path = tmp_path / "mail.eml"
    path.write_bytes(_message(plain, None))
    source = import_file(path)
    assert [(b.kind, source.text[b.start : b.end]) for b in source.blocks] == [
        ("paragraph", "Agreed. The survey found that >50 per cent of respondents support the deal."),
        ("paragraph", "Bob wrote:"),
        ("quote", "Figures are due on Friday."),
        ("paragraph", "Ann wrote:"),
        ("quote", "Noted."),
    ]


def test_a_signatures_lines_are_kept_apart_after_its_dashes_or_a_rule(tmp_path) -> None:
    """QA9 D4/D8: "Regards, Alice -- Alice Martin | Policy Analyst" was one paragraph. After "-- " (a mark, left
    out) or a "______" rule, the signature's lines up to a blank line are each a paragraph; a disclaimer after the
    blank line is read as text is."""
    plain = (
        "The talks resume on Friday\nin Geneva.\n\nRegards,\nAlice\n-- \nAlice Martin | Policy Analyst\n"
        "Tel: 613-555-0100\n\nThis message is confidential and is meant\nonly for its addressee.\n"
        "________________________________\nChris Wilson\nLead Developer, eServices\n"
    )
    path = tmp_path / "mail.eml"
    path.write_bytes(_message(plain, None))
    source = import_file(path)
    assert [(b.kind, source.text[b.start : b.end]) for b in source.blocks] == [
        ("paragraph", "The talks resume on Friday in Geneva."),
        ("paragraph", "Regards,"),
        ("paragraph", "Alice"),
        ("paragraph", "Alice Martin | Policy Analyst"),
        ("paragraph", "Tel: 613-555-0100"),
        ("paragraph", "This message is confidential and is meant only for its addressee."),
        ("paragraph", "_" * 32),
        ("paragraph", "Chris Wilson"),
        ("paragraph", "Lead Developer, eServices"),
    ]


def test_a_plain_bodys_sign_off_and_lead_in_keep_their_lines_as_the_html_body_does(tmp_path) -> None:
    """QA11 D3: a plain-text body ran "Regards,⏎John Smith⏎Senior Policy Analyst" and « Cordialement,⏎Marie
    Tremblay » into one paragraph, and a lead-in ending ":" into the line after it, where the HTML body keeps them
    apart; "…and many⏎thanks." and a colon before a lower-case word stay inside their paragraph."""
    plain = (
        "The committee reviewed the draft budget and\nthe projections. The key points were these:\n"
        "Spending on health rises by 4 %.\n\nWe owe them our\nthanks. Note the ratio:\nthree to one.\n\n"
        "Regards,\nJohn Smith\nSenior Policy Analyst\n613-555-0199\n\nCordialement,\nMarie Tremblay\n"
    )
    path = tmp_path / "mail.eml"
    path.write_bytes(_message(plain, None))
    assert import_file(path).text.split("\n\n") == [
        "The committee reviewed the draft budget and the projections. The key points were these:",
        "Spending on health rises by 4 %.",
        "We owe them our thanks. Note the ratio: three to one.",
        "Regards,",
        "John Smith",
        "Senior Policy Analyst",
        "613-555-0199",
        "Cordialement,",
        "Marie Tremblay",
    ]


def test_a_pasted_messages_sign_off_and_signature_keep_their_lines() -> None:
    """QA11 D3: a message pasted as plain text showed "Regards, John Smith Senior Policy Analyst" in the reader."""
    source = import_pasted("The figures are attached.\n\nRegards,\nJohn Smith\nSenior Policy Analyst")
    assert source.text.split("\n\n") == ["The figures are attached.", "Regards,", "John Smith", "Senior Policy Analyst"]


def test_an_html_signatures_lines_are_kept_apart_as_the_reader_sees_them(tmp_path) -> None:
    """An HTML body's signature, name, title, telephone and address broken by <br>, was one paragraph where the
    plain body gives a line each: Outlook's (after its rule, <br> inside a span), a mail program's named block,
    a "-- " line's (the mark left out) and a sign-off of short lines alike; prose broken at its wrapped lines
    stays a paragraph, and a <div>'s own words stay with the link after them."""
    span = "<p class=MsoNormal><span style='font-size:8.0pt'>{}</span><o:p></o:p></p>"
    html = (
        "<html><body><div class=WordSection1>"
        "<div>Please see <a href='https://example.org/r'>the report</a> attached.</div>"
        "<p>The talks resume on Friday in Geneva, where both delegations are expected<br>to present their "
        "proposals on sanctions relief and the timetable for it.</p>"
        "<p>Regards,<br>Alice<br>Ottawa</p>"
        + span.format("_" * 32)
        + span.format("Chris Wilson<br>Lead Developer, eServices")
        + span.format("Tel: 0113 37 85294")
        + "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        + "<div class=gmail_signature><div>Ann Lee<br>Director, Policy Planning</div></div>"
        + "<div>-- <br>Bo Li<br>Analyst</div>"
        + "</div></body></html>"
    )
    path = tmp_path / "mail.eml"
    path.write_bytes(_message(None, html))
    assert import_file(path).text.split("\n\n") == [
        "Please see the report attached.",
        "The talks resume on Friday in Geneva, where both delegations are expected to present their proposals on "
        "sanctions relief and the timetable for it.",
        "Regards,",
        "Alice",
        "Ottawa",
        "_" * 32,
        "Chris Wilson",
        "Lead Developer, eServices",
        "Tel: 0113 37 85294",
        "Ann Lee",
        "Director, Policy Planning",
        "Bo Li",
        "Analyst",
    ]


def test_a_sentence_broken_by_br_stays_a_paragraph_and_a_two_line_sign_off_is_kept_apart(tmp_path) -> None:
    """QA11 D11: a sentence its writer broke with <br> over four short lines became four paragraphs (taken for a
    signature's lines), and "Thanks,<br>John" ran together (fewer than three lines)."""
    html = (
        "<html><body><div>Hello,</div><div>The meeting with the<br>Deputy Minister is<br>postponed to next week<br>"
        "because of the vote.</div><p>Please confirm that you<br>can attend on Tuesday.</p>"
        "<div>Thanks,<br>John</div><div>Noted, with thanks.<br>Cordialement,<br>Marie Tremblay<br>Analyste</div>"
        "<p>Jane Doe<br>Director, policy and planning<br>jane@example.ca<br>www.example.ca.</p></body></html>"
    )
    path = tmp_path / "mail.eml"
    path.write_bytes(_message(None, html))
    assert import_file(path).text.split("\n\n") == [
        "Hello,",
        "The meeting with the Deputy Minister is postponed to next week because of the vote.",
        "Please confirm that you can attend on Tuesday.",
        "Thanks,",
        "John",
        "Noted, with thanks.",
        "Cordialement,",
        "Marie Tremblay",
        "Analyste",
        "Jane Doe",
        "Director, policy and planning",
        "jane@example.ca",
        "www.example.ca.",
    ]


def test_html_only_email(tmp_path) -> None:
    html = "<html><body><h2>Update</h2><p>The port reopens on <b>Friday</b>.</p><ul><li>Berth 4</li></ul></body></html>"
    path = tmp_path / "mail.eml"
    path.write_bytes(_message(None, html))
    source = import_file(path)
    assert "The port reopens on Friday." in source.text
    assert "Berth 4" in source.text
    assert "<p>" not in source.text


def test_not_an_email(tmp_path) -> None:
    path = tmp_path / "mail.eml"
    path.write_text("just some words, no headers at all", "utf-8")
    with pytest.raises(SourceImportError, match="not an e-mail"):
        import_file(path)


def test_paste_uses_html_structure() -> None:
    html = (
        "Version:0.9\r\nSourceURL:https://news.example.com/story\r\n"
        "<html><body><!--StartFragment--><h1>Drought deepens</h1><p>Rainfall was <i>40%</i> below normal.</p>"
        "<ul><li>Wells dry</li><li>Crops lost</li></ul><!--EndFragment--></body></html>"
    )
    text = "Drought deepens\nRainfall was 40% below normal.\nWells dry\nCrops lost"
    source = import_pasted(text, html)
    blocks = [(b.kind, source.text[b.start : b.end]) for b in source.blocks]
    assert blocks == [
        ("heading", "Drought deepens"),
        ("paragraph", "Rainfall was 40% below normal."),
        ("list-item", "Wells dry"),
        ("list-item", "Crops lost"),
    ]
    assert source.meta.title == "Drought deepens"
    assert source.meta.url == "https://news.example.com/story"
    assert source.meta.format == "paste"


def test_paste_plain_text_only() -> None:
    source = import_pasted("First paragraph of the memo, which is long enough to be a sentence.\n\nSecond one.")
    assert [source.text[b.start : b.end] for b in source.blocks][1] == "Second one."
    assert source.meta.title.startswith("First paragraph of the memo")


def test_pasted_plain_text_joins_a_word_broken_at_a_line_end() -> None:
    # QA8 D10: copied from a PDF viewer; its title is its first words, never "offi- ciels"
    source = import_pasted(
        "Le Canada et l'Iran ont convenu de rouvrir les canaux offi-\nciels, ont dit les responsables officiels."
    )
    assert source.meta.title.startswith("Le Canada et l'Iran ont convenu de rouvrir les canaux officiels")
    assert "offi" not in source.text.replace("offici", "")


def test_paste_html_missing_words_falls_back_to_plain() -> None:
    source = import_pasted("alpha beta gamma delta epsilon zeta eta theta", "<p>alpha</p>")
    assert "theta" in source.text


def test_empty_paste() -> None:
    with pytest.raises(SourceImportError, match="no text"):
        import_pasted("   \n ", None)


def _raw_message(tmp_path, headers: str, body: bytes):
    path = tmp_path / "raw.eml"
    path.write_bytes(f"From: a@example.org\nSubject: Raw\n{headers}\n\n".encode() + body)
    return path


def test_unknown_charset_is_detected_with_a_warning(tmp_path) -> None:
    from briefing.importers import import_file_with_warnings

    body = "Bonjour, le café est très bon et le gâteau aussi, même à Montréal.\n".encode("cp1252")
    path = _raw_message(tmp_path, "Content-Type: text/plain; charset=x-unknown-foo", body)
    result = import_file_with_warnings(path)
    assert result.source.text == "Bonjour, le café est très bon et le gâteau aussi, même à Montréal."
    assert any("x-unknown-foo" in w for w in result.warnings), result.warnings


def test_unknown_charset_short_text_keeps_its_letters(tmp_path) -> None:
    from briefing.importers import import_file_with_warnings

    path = _raw_message(tmp_path, "Content-Type: text/plain; charset=x-unknown-foo", b"Hello caf\xe9 world.\n")
    result = import_file_with_warnings(path)
    assert result.source.text == "Hello café world."  # not "caf\ufffd": a letter must not be lost
    assert any("x-unknown-foo" in w for w in result.warnings), result.warnings


def test_base64_that_cannot_be_decoded_is_an_error_not_the_base64_text(tmp_path) -> None:
    headers = "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64"
    path = _raw_message(tmp_path, headers, b"SGVsbG8gd29ybGQhI\n")
    with pytest.raises(SourceImportError, match="raw.eml: .*damaged base64"):
        import_file(path)


def test_base64_with_stray_characters_warns(tmp_path) -> None:
    from briefing.importers import import_file_with_warnings

    headers = "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64"
    result = import_file_with_warnings(_raw_message(tmp_path, headers, b"SGVsbG8gd29ybGQ!!!*&^%$\n"))
    assert result.source.text == "Hello world"
    assert any("base64" in w for w in result.warnings), result.warnings


def test_damaged_quoted_printable_warns(tmp_path) -> None:
    from briefing.importers import import_file_with_warnings

    headers = "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable"
    good = import_file_with_warnings(_raw_message(tmp_path, headers, b"Caf=E9 au lait, a long line =\nwrapped.\n"))
    assert good.source.text == "Café au lait, a long line wrapped."
    assert good.warnings == []
    bad = import_file_with_warnings(_raw_message(tmp_path, headers, b"Caf=E9 costs =ZZ5 today.\n"))
    assert any("quoted-printable" in w for w in bad.warnings), bad.warnings


def test_html_body_nested_past_the_parser_limit_warns(tmp_path) -> None:
    from briefing.importers import import_file_with_warnings

    html = (
        "<html><body><p>The port reopens on Friday.</p>" + "<span>" * 300 + "<p>Berth 4 stays shut.</p></body></html>"
    )
    path = tmp_path / "mail.eml"
    path.write_bytes(_message(None, html))
    result = import_file_with_warnings(path)
    assert "The port reopens on Friday." in result.source.text
    assert any("too deeply" in w for w in result.warnings), result.warnings


def test_html_body_with_all_its_text_past_the_parser_limit_says_so(tmp_path) -> None:
    path = tmp_path / "mail.eml"
    path.write_bytes(_message(None, "<html><body>" + "<div>" * 300 + "<p>The port reopens.</p></body></html>"))
    with pytest.raises(SourceImportError, match="too deeply"):
        import_file(path)


def test_declared_charset_with_a_bad_byte_is_kept_with_a_warning(tmp_path) -> None:
    from briefing.importers import import_file_with_warnings

    text = "Переговоры о возобновлении работы посольства продолжаются, сообщил министр."
    body = text.encode("cp1251").replace(b" ", b"\x98", 1) + b"\n"  # 0x98 is no letter in windows-1251
    result = import_file_with_warnings(_raw_message(tmp_path, "Content-Type: text/plain; charset=windows-1251", body))
    assert result.source.text == text.replace(" ", "\ufffd", 1)
    assert result.source.meta.encoding == "cp1251"
    assert any("not valid cp1251" in w for w in result.warnings), result.warnings


def test_paste_whose_html_is_cut_short_by_the_parser_uses_the_plain_text() -> None:
    first = "Rainfall was 40% below normal in the north this spring, and the reservoirs are at a third of capacity."
    html = f"<p>{first}</p>" + "<span>" * 300 + "<p>Wells are dry.</p>"
    source = import_pasted(f"{first}\n\nWells are dry.", html)
    assert "Wells are dry." in source.text  # the HTML held 19 of the 22 words: enough to be taken, but cut short


def test_paste_of_html_cut_short_with_no_plain_text_is_an_error() -> None:
    html = "<p>Rainfall was 40% below normal.</p>" + "<span>" * 300 + "<p>Wells are dry.</p>"
    with pytest.raises(SourceImportError, match="too deeply"):
        import_pasted("", html)


@pytest.mark.parametrize(
    ("charset", "body", "text"),
    [
        # Outlook writes windows-1252 quotes, dashes and ellipses under iso-8859-1
        (
            "iso-8859-1",
            b"He said \x93wait\x94 and then\x85 nothing \x96 caf\xe9.\n",
            "He said “wait” and then… nothing – café.",
        ),
        # labels of the HTML Encoding standard that Python's codecs do not know
        ("iso-8859-8-i", "שלום עולם, זה מכתב.\n".encode("iso-8859-8"), "שלום עולם, זה מכתב."),
        ("windows-874", "สวัสดีครับ ทุกคน\n".encode("cp874"), "สวัสดีครับ ทุกคน"),
    ],
)
def test_declared_charsets_are_read_as_mail_clients_mean_them(tmp_path, charset: str, body: bytes, text: str) -> None:
    from briefing.importers import import_file_with_warnings

    result = import_file_with_warnings(_raw_message(tmp_path, f"Content-Type: text/plain; charset={charset}", body))
    assert result.source.text == text
    assert result.warnings == []


def test_a_web_page_in_a_hebrew_label_python_does_not_know(tmp_path) -> None:
    page = "<html><head><meta charset='iso-8859-8-i'><title>ידיעה</title></head><body><article><p>"
    page += "שלום עולם, זוהי ידיעה חשובה מאוד על השיחות בין המדינות. " * 5 + "</p></article></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("iso-8859-8"))
    assert "שלום עולם" in import_file(path).text


def test_a_damaged_plain_text_version_falls_back_to_the_html_one(tmp_path) -> None:
    from briefing.importers import import_file_with_warnings

    raw = (
        b"From: a@example.org\nSubject: Both\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/alternative; boundary="b"\n\n'
        b"--b\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nSGVsbG8gd29ybGQhI\n"
        b"--b\nContent-Type: text/html; charset=utf-8\n\n<p>The port reopens on Monday.</p>\n--b--\n"
    )
    path = tmp_path / "both.eml"
    path.write_bytes(raw)
    result = import_file_with_warnings(path)
    assert result.source.text == "The port reopens on Monday."
    assert any("damaged base64" in w and "HTML version was read instead" in w for w in result.warnings)


def test_pasted_plain_text_keeps_list_numbers() -> None:
    source = import_pasted("2012. The embassy closed.\n\n1. First point.\n2. Second point.")
    assert source.text == "2012. The embassy closed.\n\n1. First point.\n\n2. Second point."
