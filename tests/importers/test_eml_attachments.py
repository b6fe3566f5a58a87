"""E-mail (.eml) attachments: listed in order, each importable as a source; an attached message is one."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from briefing.importers import import_attachments, import_file_with_warnings

SAMPLES = Path(__file__).parent / "samples"


def test_eml_attachments(tmp_path) -> None:
    inner = EmailMessage()
    inner["Subject"] = "Original memo"
    inner["From"] = "Bo <bo@example.org>"
    inner.set_content("The memo itself.")
    inner.add_attachment(b"Notes inside the memo.", maintype="text", subtype="plain", filename="notes.txt")

    outer = EmailMessage()
    outer["Subject"] = "Fwd: memo and report"
    outer["From"] = "Ana <ana@example.org>"
    outer["Date"] = "Mon, 06 May 2024 07:08:09 +0000"
    outer["To"] = "Zoë Ng <zoe@example.org>, bo@example.org"
    outer["Cc"] = '"Lee, Kim" <kim@example.org>'
    outer.set_content("Both attached.")
    docx = (SAMPLES / "same-content.docx").read_bytes()
    outer.add_attachment(docx, maintype="application", subtype="octet-stream", filename="C:\\Reports\\report.docx")
    outer.add_attachment(b"\xff\xd8\xff", maintype="image", subtype="jpeg", filename="photo.jpg")
    outer.add_attachment(inner)
    path = tmp_path / "fwd.eml"
    path.write_bytes(outer.as_bytes())

    result = import_file_with_warnings(path)
    assert result.source.text == "Both attached."  # (the attached message's text is not the body)
    assert result.recipients == {
        "to": ["Zoë Ng <zoe@example.org>", "bo@example.org"],
        "cc": ['"Lee, Kim" <kim@example.org>'],
    }
    meta = result.source.meta  # kept in the briefing, for Source Details and the footnote
    assert (meta.to, meta.cc) == (result.recipients["to"], result.recipients["cc"])
    assert [(a.name, a.importable) for a in result.attachments] == [
        ("report.docx", True),  # the sender's folders are dropped
        ("photo.jpg", False),
        ("Original memo.eml", True),
    ]
    assert result.attachments[0].data == docx
    found, errors = import_attachments(result)
    assert errors == []
    assert [(r.source.meta.file_name, r.source.text.split("\n\n")[0]) for r in found] == [
        ("report.docx", "Summary"),
        ("Original memo.eml", "The memo itself."),
        ("notes.txt", "Notes inside the memo."),
    ]
    # each cited with the message it came attached to (the attached message's name is made up: no file has it)
    assert [r.source.meta.attached_to for r in found] == [
        "Fwd: memo and report",
        "Fwd: memo and report",
        "Original memo",
    ]
    assert result.source.meta.attached_to == ""


def test_an_empty_attachment_is_named_not_dropped(tmp_path) -> None:
    inner = EmailMessage()
    inner["Subject"] = "Bad header"
    inner.set_content("Inner text.")
    outer = EmailMessage()
    outer["Subject"] = "Two odd ones"
    outer.set_content("Body.")
    outer.add_attachment(b"", maintype="text", subtype="plain", filename="blank.txt")
    outer.add_attachment(inner)
    path = tmp_path / "odd.eml"
    path.write_bytes(outer.as_bytes())

    result = import_file_with_warnings(path)
    assert [a.name for a in result.attachments] == ["Bad header.eml"]
    assert result.warnings == ["the attachment blank.txt is empty (0 bytes), so it was left out"]
