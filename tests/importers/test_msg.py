"""Outlook .msg: the corpus's real messages against their ground truth, attachments, and broken files."""

from __future__ import annotations

import email.utils
import json
import struct
import time
from datetime import datetime
from pathlib import Path

import pytest

from briefing.cli.sources import as_json, summary
from briefing.importers import (
    SourceImportError,
    import_attachment,
    import_attachments,
    import_file,
    import_file_with_warnings,
)
from briefing.importers import file_attachment as file_attachment_of
from briefing.importers.msg import _Damaged, decompress_rtf
from tests.importers.msgbuild import (
    PT_LONG,
    compound_file,
    file_attachment,
    message,
    message_attachment,
    properties,
    unicode,
)

MESSAGES = [
    "msgreader__TxtSampleEmail.msg",
    "msgreader__HtmlSampleEmail.msg",
    "msgreader__RtfSampleEmail.msg",
    "msgreader__EmailWithAttachments.msg",
    "msgreader__EmailWithSpecialCharsInSubject.msg",
]


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", MESSAGES)
def test_corpus_message_matches_ground_truth(corpus, name: str) -> None:
    expected = json.loads((corpus / "msg" / "expected.json").read_text(encoding="utf-8"))[name]
    result = import_file_with_warnings(corpus / "msg" / name)
    source = result.source
    assert source.meta.format == "msg"
    assert source.meta.title == expected["subject"]
    sender_name, sender_address = email.utils.parseaddr(expected["sender"])
    assert source.meta.author == (sender_name or sender_address)
    assert datetime.fromisoformat(source.meta.published) == datetime.fromisoformat(expected["date"])
    # the body as a mail client shows it: where the HTML version differs from the plain one ("html" for
    # "text"), the start still reads the same apart from that word
    start = _words(expected["body_starts"])[:60]
    assert _words(source.text).replace("Neverland html", "Neverland text").startswith(start)
    assert [a.name for a in result.attachments] == expected["attachments"]
    assert result.warnings == []


def test_html_body_is_preferred_to_plain_text(corpus) -> None:
    # this message has both: the HTML one says "html", the plain one "text"
    source = import_file(corpus / "msg" / "msgreader__EmailWithAttachments.msg")
    assert source.text == "Hello Neverland html"


def test_html_recovered_from_the_rtf_body(corpus) -> None:
    # no HTML property: the HTML comes out of the compressed RTF body. Its wrapped lines are one <p class=MsoNormal>
    # each, with no space between paragraphs: read as the paragraphs a reader sees, as the plain-text and RTF
    # versions of the same message give them (QA8 D15: a quotation across a line end was two paragraphs)
    source = import_file(corpus / "msg" / "msgreader__HtmlSampleEmail.msg")
    paragraphs = source.text.split("\n\n")
    assert paragraphs[:3] == [
        "BOOK ONE: 1805",
        "CHAPTER I",
        "“Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes. But I warn you, if you "
        "don’t tell me that this means war, if you still try to defend the infamies and horrors perpetrated by that "
        "Antichrist—I really believe he is Antichrist—I will have nothing more to do with you and you are no longer "
        "my friend, no longer my ‘faithful slave,’ as you call yourself! But how do you do? I see I have frightened "
        "you—sit down and tell me all the news.”",
    ]
    plain = import_file(corpus / "msg" / "msgreader__TxtSampleEmail.msg").text.split("\n\n")
    # the signature too, its <br> lines each a paragraph as in the plain body (QA9 D8), but for its last: the
    # address the HTML shows, which the plain text spells out as a link
    assert paragraphs[:-1] == plain[: len(paragraphs) - 1]
    assert paragraphs[-7:] == [
        "_" * 32,
        "Chris Wilson",
        "Lead Developer, eServices",
        "Corporate ICT",
        "Leeds City Council",
        "Tel: 0113 37 85294",
        "Email: chris.wilson@leeds.gov.uk",
    ]
    assert "\\htmlrtf" not in source.text and "<p" not in source.text


_OUTLOOK_STYLE = (
    "<html><head><style><!-- p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; margin-bottom:.0001pt; "
    "font-size:11.0pt;} --></style></head><body><div class=WordSection1>"
)


def _outlook(*lines: str, style: str = _OUTLOOK_STYLE) -> str:
    """An Outlook HTML body: each line a <p class=MsoNormal>, "" an empty one (a blank line)."""
    paragraph = "<p class=MsoNormal><span style='font-family:\"Calibri\"'>{}<o:p></o:p></span></p>"
    return style + "".join(paragraph.format(line or "<o:p>&nbsp;</o:p>") for line in lines) + "</div></body></html>"


def test_outlooks_wrapped_lines_are_read_as_the_paragraphs_a_reader_sees(tmp_path: Path) -> None:
    wrapped = [
        "The ministers agreed on Tuesday to reopen the embassies in Ottawa and",
        "Tehran before the end of the year. Officials on both sides said the",
        "talks would resume in Geneva.",
    ]
    body = _outlook(
        "Hi Bob,",
        "",
        *wrapped,
        "",
        "Short lines a writer ended stay as they are:",
        "Ann Lee",
        "Director, Policy Planning",
        "",
        "A paragraph typed as such, longer than any line a mail program wraps text at, stays a paragraph of its own "
        "when the next follows it without a blank line between them.",
        "The next paragraph, which follows it directly, with no blank line before it, and is long enough to wrap.",
    )
    path = tmp_path / "wrapped.msg"
    path.write_bytes(compound_file(message("Talks", "", extra=[unicode(0x1013, body)])))
    assert import_file(path).text.split("\n\n") == [
        "Hi Bob,",
        " ".join(wrapped),
        "Short lines a writer ended stay as they are:",
        "Ann Lee",
        "Director, Policy Planning",
        "A paragraph typed as such, longer than any line a mail program wraps text at, stays a paragraph of its own "
        "when the next follows it without a blank line between them.",
        "The next paragraph, which follows it directly, with no blank line before it, and is long enough to wrap.",
    ]
    # paragraphs with space between them (a web mail's, a style giving MsoNormal a margin) are each their own
    spaced = _OUTLOOK_STYLE.replace("margin-bottom:.0001pt", "margin-bottom:8.0pt")
    path.write_bytes(compound_file(message("Talks", "", extra=[unicode(0x1013, _outlook(*wrapped, style=spaced))])))
    assert import_file(path).text.split("\n\n") == wrapped


def test_outlooks_wrapped_lines_join_words_by_the_line_end_rule_and_keep_list_items_and_sentences_apart(
    tmp_path: Path,
) -> None:
    """QA9 D6/D7: a word hyphenated at a wrapped line end reads as plain text gives it (never "offi- cial", never
    split in two paragraphs when its line is short); list items and sentences typed one a line are not glued."""
    body = _outlook(
        "The minister will attend the summit in Brussels on Thursday afternoon.",
        "Officials expect a joint statement on sanctions to be released after it.",
        "Please confirm the briefing materials are ready by noon on Wednesday.",
        "",
        "Action items agreed at the meeting of the interdepartmental group:",
        "1. Global Affairs to draft the speaking points for the bilateral call",
        "2. Finance to confirm the sanctions list with the legal services unit",
        "- a bullet about the timing of the joint statement on the sanctions",
        "",
        "The delegation arrived in Geneva on Sunday and talks resumed late in",
        "the evening, according to a senior foreign ministry offi-",
        "cial who briefed reporters on the condition of anonymity after the",
        "session. Another official, a well-",
        "known diplomat, said the pre-",
        "and post-election periods would be calm, said the envoy.",  # (the paragraph's last line)
        "A second paragraph, typed after the last line above without a blank",
        "line, is not glued to it.",
    )
    path = tmp_path / "wrapped.msg"
    path.write_bytes(compound_file(message("Talks", "", extra=[unicode(0x1013, body)])))
    assert import_file(path).text.split("\n\n") == [
        "The minister will attend the summit in Brussels on Thursday afternoon.",
        "Officials expect a joint statement on sanctions to be released after it.",
        "Please confirm the briefing materials are ready by noon on Wednesday.",
        "Action items agreed at the meeting of the interdepartmental group:",
        "1. Global Affairs to draft the speaking points for the bilateral call",
        "2. Finance to confirm the sanctions list with the legal services unit",
        "- a bullet about the timing of the joint statement on the sanctions",
        "The delegation arrived in Geneva on Sunday and talks resumed late in the evening, according to a senior "
        "foreign ministry official who briefed reporters on the condition of anonymity after the session. Another "
        "official, a well-known diplomat, said the pre- and post-election periods would be calm, said the envoy.",
        "A second paragraph, typed after the last line above without a blank line, is not glued to it.",
    ]


def test_outlooks_short_paragraphs_typed_one_a_line_are_not_joined_as_wrapped_text(tmp_path: Path) -> None:
    """Lines typed one a paragraph in Outlook (no space between paragraphs) that the join took for wrapped text: a
    sign-off and the signature under it, a sentence whose next word would have fitted on its line, a lead-in."""
    lines = [
        "Good morning all,",
        "As discussed at yesterday's meeting, the deadline for comments on the draft is noon on Friday.",
        "Best,",
        "",
        "Please confirm that the briefing materials are ready by noon on Wednesday.",
        "The deputy minister has asked to see the final version before Thursday at 9 a.m.",
        "",
        "The following officials will attend the meeting with the delegation tomorrow:",
        "Jane Doe, Director General, International Security and Intelligence",
        "",
        "Regards,",
        "Jane Doe",
        "Senior Policy Analyst | Analyste principale des politiques",
        "Global Affairs Canada | Affaires mondiales Canada",
    ]
    path = tmp_path / "typed.msg"
    path.write_bytes(compound_file(message("Typed", "", extra=[unicode(0x1013, _outlook(*lines))])))
    assert import_file(path).text.split("\n\n") == [line for line in lines if line]


def test_attachment_that_cannot_be_imported_says_so(corpus) -> None:
    result = import_file_with_warnings(corpus / "msg" / "msgreader__EmailWithAttachments.msg")
    picture = result.attachments[0]
    assert not picture.importable
    assert picture.data[:3] == b"\xff\xd8\xff"  # the JPEG's own bytes
    with pytest.raises(SourceImportError) as caught:
        import_attachment(picture)
    assert str(caught.value).startswith("peterpan.jpg: ") and ".jpg" in str(caught.value)


def test_attachment_imports_as_a_source(corpus) -> None:
    from dataclasses import replace

    from briefing.importers import importer_for

    result = import_file_with_warnings(corpus / "msg" / "msgreader__EmailWithAttachments.msg")
    # a stand-in for an attached report: the attachment API imports whatever bytes an importer reads
    report = replace(
        result.attachments[0],
        name="notes.txt",
        data=b"Attached notes\n\nSecond paragraph",
        importer=importer_for(".txt"),
    )
    imported = import_attachment(report)
    assert imported.source.text == "Attached notes\n\nSecond paragraph"
    assert imported.source.meta.file_name == "notes.txt"
    assert imported.source.original == b"Attached notes\n\nSecond paragraph"


def test_compressed_rtf_example_from_the_specification() -> None:
    # MS-OXRTFCP section 4.1: a compressed RTF body and what it decompresses to
    compressed = bytes.fromhex(
        "2d0000002b0000004c5a4675f1c5c7a703000a007263706731323542320af32068656c090020627705b06c647d0a800fa0"
    )
    assert decompress_rtf(compressed) == b"{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n"


def test_compressed_rtf_damage_is_detected() -> None:
    compressed = bytes.fromhex("2d0000002b0000004c5a4675f1c5c7a703000a0072637067")
    with pytest.raises(_Damaged):
        decompress_rtf(compressed[:10])
    with pytest.raises(_Damaged, match="unpack"):
        decompress_rtf(struct.pack("<IIII", 100, 2_000_000_000, 0x75465A4C, 0) + b"\0" * 100)
    with pytest.raises(_Damaged, match="unknown kind"):
        decompress_rtf(struct.pack("<IIII", 12, 10, 0x12345678, 0) + b"\0" * 10)


# --- broken and hostile files ------------------------------------------------------------------------


def _error(path, *words: str) -> str:
    started = time.monotonic()
    with pytest.raises(SourceImportError) as caught:
        import_file(path)
    assert time.monotonic() - started < 10
    message = str(caught.value)
    assert message.startswith(f"{path.name}: ") and "\n" not in message
    for word in words:
        assert word in message.lower(), message
    return message


def test_not_a_compound_file(tmp_path) -> None:
    path = tmp_path / "fake.msg"
    path.write_bytes(b"From: someone\r\nSubject: renamed e-mail\r\n\r\nHello")
    _error(path, "not an outlook message")


def test_compound_file_header_then_junk(tmp_path) -> None:
    path = tmp_path / "junk.msg"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(range(256)) * 40)
    _error(path)


def test_truncated_message(tmp_path, corpus) -> None:
    data = (corpus / "msg" / "msgreader__TxtSampleEmail.msg").read_bytes()
    for cut in (600, len(data) // 3, len(data) // 2):
        path = tmp_path / f"cut{cut}.msg"
        path.write_bytes(data[:cut])
        message = _error(path)
        assert "cut short" in message or "damaged" in message  # never "no text body": the text was cut off


def test_a_word_document_renamed_msg(tmp_path) -> None:
    path = tmp_path / "report.msg"
    path.write_bytes((Path(__file__).parent / "samples" / "same-content.doc").read_bytes())
    _error(path, "word", ".doc")


def _directory_entry(data: bytes, name: str) -> int:
    """Offset of a stream's 128-byte directory entry in a compound file (found by its UTF-16 name)."""
    return data.index(name.encode("utf-16-le") + b"\0\0")


def test_stream_with_a_huge_declared_size(tmp_path, corpus) -> None:
    data = bytearray((corpus / "msg" / "msgreader__TxtSampleEmail.msg").read_bytes())
    at = _directory_entry(data, "__substg1.0_1000001F")
    struct.pack_into("<I", data, at + 120, 0x7FFFFF00)  # the stream's size: 2 GB in a file of kilobytes
    path = tmp_path / "huge.msg"
    path.write_bytes(bytes(data))
    _error(path)


def test_message_without_a_body(tmp_path, corpus) -> None:
    data = bytearray((corpus / "msg" / "msgreader__EmailWithAttachments.msg").read_bytes())
    for name in ("__substg1.0_1000001F", "__substg1.0_10130102"):  # rename the body streams out of the way
        at = _directory_entry(data, name)
        data[at : at + 2] = "X".encode("utf-16-le")
    path = tmp_path / "empty.msg"
    path.write_bytes(bytes(data))
    message = _error(path, "no text body")
    assert "peterpan.jpg" in message  # the attachments are what the message carries


# --- made-to-order messages: attachments of every kind, messages in messages, code pages -----------------


SAMPLES = Path(__file__).parent / "samples"


def _forwarded() -> bytes:
    inner = message(
        "Original report",
        "Inner body text",
        attachments=[file_attachment("inner.rtf", (SAMPLES / "same-content.rtf").read_bytes())],
        header=24,
    )
    return compound_file(
        message(
            "Fwd: weekly report",
            "See attached.",
            attachments=[
                file_attachment("report.docx", (SAMPLES / "same-content.docx").read_bytes()),
                file_attachment("photo.jpg", b"\xff\xd8\xff not really a picture"),
                message_attachment(inner),
            ],
            extra={"__nameid_version1.0": {"__substg1.0_00020102": b"named property guids"}},
        )
    )


def test_attachments_of_every_kind(tmp_path) -> None:
    path = tmp_path / "forwarded.msg"
    path.write_bytes(_forwarded())
    result = import_file_with_warnings(path)
    assert result.source.text == "See attached."
    assert result.source.meta.published == "2024-05-06T07:08:09+00:00"
    assert [(a.name, a.importable) for a in result.attachments] == [
        ("report.docx", True),
        ("photo.jpg", False),
        ("Original report.msg", True),
    ]
    found, errors = import_attachments(result)
    assert errors == []
    # each readable attachment, and the attached message's own attachment right after it
    assert [(r.source.meta.file_name, r.source.meta.format) for r in found] == [
        ("report.docx", "docx"),
        ("Original report.msg", "msg"),
        ("inner.rtf", "rtf"),
    ]
    sample = import_file(SAMPLES / "same-content.docx").text
    assert found[0].source.text == sample and found[2].source.text == sample
    assert found[1].source.text == "Inner body text" and found[1].source.meta.title == "Original report"
    assert found[0].source.original == (SAMPLES / "same-content.docx").read_bytes()
    # each cited with the message it came attached to (the attached message's name is made up: no file has it)
    assert [r.source.meta.attached_to for r in found] == ["Fwd: weekly report", "Fwd: weekly report", "Original report"]
    assert result.source.meta.attached_to == ""


def test_an_attached_message_keeps_a_file_of_its_own(tmp_path) -> None:
    import olefile

    path = tmp_path / "forwarded.msg"
    path.write_bytes(_forwarded())
    found, _errors = import_attachments(import_file_with_warnings(path))
    attached = found[1].source
    assert attached.meta.file_name == "Original report.msg"
    # its original is its own message, as Outlook saves an attached one: read again (Source > Save Attachment As),
    # it lists its own attachment, not those of the message it came in
    assert attached.original != path.read_bytes()
    again = import_attachment(file_attachment_of(attached.meta.file_name, attached.original))
    assert [a.name for a in again.attachments] == ["inner.rtf"]
    assert again.source.text == "Inner body text" and again.source.meta.published == "2024-05-06T07:08:09+00:00"
    ole = olefile.OleFileIO(attached.original)
    # a top-level message's property header (32 bytes, not an attached one's 24), and the outer file's map of
    # named properties, which only a file's top-level message keeps
    assert ole.openstream("__properties_version1.0").read()[:32] == bytes(32)
    assert ole.openstream("__nameid_version1.0/__substg1.0_00020102").read() == b"named property guids"
    assert not ole.exists("__attach_version1.0_#00000002")  # (the outer message's third attachment: itself)


def test_a_damaged_attached_message_is_left_out_and_named(tmp_path) -> None:
    data = bytearray(_forwarded())
    at = _directory_entry(data, "__substg1.0_1000001F")  # (the outer body's entry comes first: the inner's is later)
    at = data.index("__substg1.0_1000001F".encode("utf-16-le") + b"\0\0", at + 1)
    struct.pack_into("<I", data, at + 120, 0x7FFFFF00)  # the attached message's body: 2 GB in a file of kilobytes
    path = tmp_path / "forwarded.msg"
    path.write_bytes(bytes(data))
    result = import_file_with_warnings(path)
    assert result.source.text == "See attached."  # the message itself is read
    assert [a.name for a in result.attachments] == ["report.docx", "photo.jpg"]
    assert result.warnings == ["the attached message Original report.msg is damaged, so it was left out"]


def test_messages_nested_too_deep(tmp_path) -> None:
    tree = message("level 12", "deepest", header=24)
    for level in range(11, 0, -1):
        tree = message(f"level {level}", f"body {level}", attachments=[message_attachment(tree)], header=24)
    tree["__properties_version1.0"] = b"\0" * 8 + tree["__properties_version1.0"]  # the top one's header is 32
    path = tmp_path / "deep.msg"
    path.write_bytes(compound_file(tree))
    found, errors = import_attachments(import_file_with_warnings(path))
    assert [r.source.text for r in found] == [f"body {n}" for n in range(2, 12)]
    assert len(errors) == 1 and "more than 10 deep" in errors[0] and "\n" not in errors[0]


def test_code_page_strings_and_a_plain_rtf_body(tmp_path) -> None:
    rtf = rb"{\rtf1\ansi\ansicpg1251 {\b \'c7\'e0\'e3\'ee\'eb\'ee\'e2\'ee\'ea}\par \'d2\'e5\'ea\'f1\'f2.\par}"
    stored = struct.pack("<IIII", len(rtf) + 12, len(rtf), 0x414C454D, 0) + rtf  # "MELA": kept uncompressed
    tree = {
        "__substg1.0_0037001E": "Отчёт".encode("cp1251") + b"\0",
        "__substg1.0_0C1A001E": "Иван".encode("cp1251") + b"\0",
        "__substg1.0_10090102": stored,
        "__properties_version1.0": properties(32, {0x3FFD: (PT_LONG, 1251)}),
    }
    path = tmp_path / "cyrillic.msg"
    path.write_bytes(compound_file(tree))
    source = import_file(path)
    assert (source.meta.title, source.meta.author) == ("Отчёт", "Иван")
    assert source.text == "Заголовок\n\nТекст."
    assert source.meta.published == ""


def test_cli_lists_and_adds_attachments(tmp_path, capsys) -> None:
    from briefing.cli import main
    from briefing.core.project_load import load_briefing

    path = tmp_path / "forwarded.msg"
    path.write_bytes(_forwarded())
    assert main(["import", "--json", str(path)]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found[0]["attachments"] == ["report.docx", "photo.jpg", "Original report.msg"]

    note = tmp_path / "n.briefing"
    assert main(["new", str(note)]) == 0
    assert main(["add-source", str(note), str(path)]) == 0
    err = capsys.readouterr().err
    assert "has attachments: report.docx, Original report.msg; add them too with --attachments" in err
    assert [s.meta.file_name for s in load_briefing(note).sources] == ["forwarded.msg"]

    assert main(["add-source", str(note), str(path), "--attachments"]) == 0
    err = capsys.readouterr().err
    assert "pictures not added: photo.jpg; save them and add them as sources to read them by OCR" in err
    assert "cannot import" not in err
    # the message is in already (as the note said, the attachments were to be added "too"): not added twice
    assert (
        "forwarded.msg: is already source 1 of n.briefing (Fwd: weekly report); only its attachments were added" in err
    )
    names = [s.meta.file_name for s in load_briefing(note).sources]
    assert names == ["forwarded.msg", "report.docx", "Original report.msg", "inner.rtf"]


def test_signed_and_encrypted_messages(tmp_path) -> None:
    signed_mime = (
        b'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; boundary="b1"\r\n\r\n'
        b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSigned hello from the caf\xc3\xa9.\r\n"
        b"--b1\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\n\r\nMIIB\r\n--b1--\r\n"
    )
    for kind, expected in (("IPM.Note.SMIME.MultipartSigned", "Signed hello from the café."), ("IPM.Note.SMIME", None)):
        tree = message("Signed", "", attachments=[file_attachment("smime.p7m", signed_mime)])
        tree.update([unicode(0x001A, kind)])
        path = tmp_path / "signed.msg"
        path.write_bytes(compound_file(tree))
        if expected is None:
            _error(path, "encrypted (s/mime)")
            continue
        result = import_file_with_warnings(path)
        assert result.source.text == expected
        assert result.attachments == []  # the signature's envelope is no attachment of the sender's


def test_recipients(corpus, tmp_path) -> None:
    # to and cc from the recipient table (the blind copy left out), shown by `briefing import`
    result = import_file_with_warnings(corpus / "msg" / "msgreader__EmailWithAttachments.msg")
    assert result.recipients == {"to": ["crocodile@neverland.com"], "cc": ["tinkerbel@neverland.com"]}
    assert (result.source.meta.to, result.source.meta.cc) == (["crocodile@neverland.com"], ["tinkerbel@neverland.com"])
    result = import_file_with_warnings(corpus / "msg" / "msgreader__HtmlSampleEmail.msg")
    assert result.recipients == {"to": ['"Wilson, Chris" <Chris.Wilson@leeds.gov.uk>']}
    assert as_json("m.msg", result)["recipients"] == result.recipients
    assert '  to: "Wilson, Chris" <Chris.Wilson@leeds.gov.uk>' in summary("m.msg", result).splitlines()
    # without a recipient table: the display lists
    tree = message("Memo", "Text.")
    tree.update([unicode(0x0E04, "Zoë Ng; Bo Li"), unicode(0x0E03, "Ann")])
    path = tmp_path / "memo.msg"
    path.write_bytes(compound_file(tree))
    result = import_file_with_warnings(path)
    assert result.recipients == {"to": ["Zoë Ng", "Bo Li"], "cc": ["Ann"]}
    assert (result.source.meta.to, result.source.meta.cc) == (["Zoë Ng", "Bo Li"], ["Ann"])


def test_embedded_ole_object_is_listed_not_read_as_a_message(tmp_path) -> None:
    chart = {
        "__properties_version1.0": properties(8, {0x3705: (PT_LONG, 6)}),  # ATTACH_OLE
        **dict([unicode(0x3707, "Chart.xlsx")]),
        "__substg1.0_3701000D": {"\x01Ole": b"\x01\x00\x00\x02" + b"\0" * 16, "CONTENTS": b"chart data"},
    }
    path = tmp_path / "chart.msg"
    path.write_bytes(compound_file(message("Figures", "See the chart.", attachments=[chart])))
    result = import_file_with_warnings(path)
    assert [(a.name, a.importable) for a in result.attachments] == [("Chart.xlsx", False)]


def test_an_empty_attachment_is_named_not_dropped(tmp_path) -> None:
    tree = message("Empty one", "See attached.", attachments=[file_attachment("blank.txt", b"")])
    path = tmp_path / "empty.msg"
    path.write_bytes(compound_file(tree))
    result = import_file_with_warnings(path)
    assert result.attachments == []
    assert result.warnings == ["the attachment blank.txt is empty (0 bytes), so it was left out"]
