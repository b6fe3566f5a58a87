"""What the commands say: after the fact, in the analyst's words, without the libraries' own noise."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from briefing import paths
from briefing.cli import main
from briefing.core.project_load import load_briefing

SAMPLE = paths.resource("demo", "canada-iran-talks.txt")
LIBRARY_WORDS = re.compile(r"\w*(Error|Exception)\b|BadZipFile|CRC|zlib|startxref|xref|Stream has ended")


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_source_says_added_only_once_the_briefing_is_saved(tmp_path: Path, capsys) -> None:
    path = tmp_path / "iran.briefing"
    assert run(capsys, "new", path)[0] == 0
    path.chmod(0o444)  # the save is refused (even for root: the file's own mode is checked)
    code, out, err = run(capsys, "add-source", path, SAMPLE)
    path.chmod(0o644)
    assert code == 1
    assert "Added source" not in out  # it was printed before the save, which then failed
    assert err.startswith("briefing: error: iran.briefing: is read-only") and err.count("\n") == 1
    assert load_briefing(path).sources == []


def _docx_with_a_damaged_part() -> bytes:
    """A real Word document whose word/document.xml fails its checksum, as a flipped byte in a copy makes it."""
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Some words in a paragraph of a Word document. " * 20)
    document.save(buffer)
    data = bytearray(buffer.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as package:
        info = package.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0x55
    return bytes(data)


def _cut_pdf() -> bytes:
    from briefing.export import reportlab_start

    reportlab_start.install()  # first, as in the app: ReportLab's modules load as the export wraps them
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for page in range(3):
        pdf.drawString(72, 720, f"Page {page + 1} of a report with some text on it.")
        pdf.showPage()
    pdf.save()
    data = buffer.getvalue()
    return data[: len(data) // 3]


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("report.docx", _docx_with_a_damaged_part(), "is a damaged Word document"),
        ("report.pdf", _cut_pdf(), "is a damaged PDF and cannot be read (its end is missing: was it cut short?)"),
    ],
)
def test_a_damaged_file_is_refused_in_the_analysts_words(
    tmp_path: Path, capsys, name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, _out, err = run(capsys, "import", path)
    assert code == 1
    assert err.startswith(f"briefing: error: {name}: {problem}") and err.count("\n") == 1, err
    assert not LIBRARY_WORDS.search(err), err


def test_an_unexpected_library_failure_is_not_named_by_its_exception(tmp_path: Path, monkeypatch, capsys) -> None:
    from briefing.importers import html

    def fail(*_args: object) -> None:
        raise KeyError("rId7")  # what python-docx or lxml raise on a part that is not where it should be

    monkeypatch.setattr(html, "import_bytes", fail)
    page = tmp_path / "page.html"
    page.write_text("<p>text</p>", encoding="utf-8")
    code, _out, err = run(capsys, "import", page)
    assert code == 1
    assert err == "briefing: error: page.html: could not be read: it is damaged, or it is not really a .html file\n"


NOISY_IMPORT = """
import sys, warnings
from briefing.cli import main, sources

real_import = sources.import_file_with_warnings

def noisy_import(*args, **kwargs):
    from readability import Document
    try:  # readability-lxml logs the whole traceback of a page it gives up on, then raises
        Document("").summary()
    except Exception:
        pass
    warnings.warn("a library's warning")
    return real_import(*args, **kwargs)

sources.import_file_with_warnings = noisy_import
sys.exit(main(["import", sys.argv[1]]))
"""


@pytest.mark.parametrize("debug", ["", "1"])
def test_library_logging_and_warnings_stay_off_the_terminal(debug: str) -> None:
    # In a process of its own: pytest's own logging and warning capture would hide what Python prints by itself.
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2]), "BRIEFING_DEBUG": debug}
    done = subprocess.run(
        [sys.executable, "-c", NOISY_IMPORT, str(SAMPLE)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0 and "Canada Confirms Talks" in done.stdout
    if debug:  # where it is wanted, it is all there
        assert "Traceback" in done.stderr and "a library's warning" in done.stderr
    else:
        assert done.stderr == ""


def test_add_source_takes_options_between_its_files(tmp_path: Path, capsys) -> None:
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["Subject"] = "Photos"
    mail.set_content("Two pictures and a note attached.")
    mail.add_attachment(b"\xff\xd8\xff", maintype="image", subtype="jpeg", filename="peterpan.jpg")
    mail.add_attachment(b"The note.", maintype="text", subtype="plain", filename="note.txt")
    eml = tmp_path / "photos.eml"
    eml.write_bytes(mail.as_bytes())
    path = tmp_path / "n.briefing"
    assert run(capsys, "new", path)[0] == 0

    # `add-source FILE A --attachments B`: the option between the files, as one types it
    code, _out, err = run(capsys, "add-source", path, eml, "--attachments", SAMPLE)
    assert code == 0, err
    names = [s.meta.file_name for s in load_briefing(path).sources]
    assert names == ["photos.eml", "note.txt", SAMPLE.name]
    # pictures are left out on purpose (OCR could read them): the note says how, not "cannot import"
    assert "photos.eml: pictures not added: peterpan.jpg; save them and add them as sources to read them by OCR" in err
    assert "cannot import" not in err


def test_add_source_attachments_leaves_out_a_damaged_attachment(tmp_path: Path, capsys) -> None:
    """--attachments takes all of a message's attachments: a damaged one is reported as an attachment of its
    message and left out, as one of an unknown kind is, and the message and its good attachments are added (as the
    window does), not "nothing was added; add the others without it", which no option can do (QA8 D17)."""
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["Subject"] = "Report attached"
    mail.set_content("The report and my notes are attached.")
    mail.add_attachment(_cut_pdf(), maintype="application", subtype="pdf", filename="broken.pdf")
    mail.add_attachment(b"\x00\x01", maintype="application", subtype="octet-stream", filename="data.bin")
    mail.add_attachment(b"My notes on the report.", maintype="text", subtype="plain", filename="notes.txt")
    eml = tmp_path / "badatt.eml"
    eml.write_bytes(mail.as_bytes())
    path = tmp_path / "n.briefing"
    assert run(capsys, "new", path)[0] == 0
    code, out, err = run(capsys, "add-source", path, eml, "--attachments")
    assert code == 0, err
    assert [s.meta.file_name for s in load_briefing(path).sources] == ["badatt.eml", "notes.txt"]
    assert out.count("Added source") == 2
    assert err.splitlines() == [
        "briefing: warning: badatt.eml: attachment broken.pdf: is a damaged PDF and cannot be read (its end is "
        "missing: was it cut short?); it was left out",
        "briefing: note: badatt.eml: attachments Briefing cannot import were left out: data.bin",
    ]


def test_quote_of_blank_text_says_the_passage_is_empty(tmp_path: Path, capsys) -> None:
    path = tmp_path / "n.briefing"
    assert run(capsys, "new", path)[0] == 0
    assert run(capsys, "add-source", path, SAMPLE)[0] == 0
    code, out, err = run(capsys, "quote", path, "--section", "background", "--text", "   ")
    assert (code, out) == (1, "")
    assert err == "briefing: error: n.briefing: the passage is empty: give the words to quote with --text\n"


def test_show_indents_every_line_of_a_multi_line_note(tmp_path: Path, capsys) -> None:
    path = tmp_path / "n.briefing"
    assert run(capsys, "new", path)[0] == 0
    assert run(capsys, "note", path, "--section", "background", "--text", "First line\nsecond line\n\nthird")[0] == 0
    code, out, _err = run(capsys, "show", path)
    assert code == 0
    assert "\n  First line\n  second line\n\n  third\n" in out


def test_exporting_an_untitled_note_warns_and_still_titles_the_pdf(tmp_path: Path, capsys) -> None:
    from pypdf import PdfReader

    path = tmp_path / "n.briefing"
    assert run(capsys, "new", path)[0] == 0
    assert run(capsys, "note", path, "--section", "background", "--text", "Some words.")[0] == 0
    pdf = tmp_path / "n.pdf"
    code, _out, err = run(capsys, "export", path, "-o", pdf)
    assert code == 0
    warning = next(line for line in err.splitlines() if "has no title" in line)
    # QA4 23: the page shows no title; only the file's properties carry the placeholder, and the warning says so
    assert warning.startswith(
        "briefing: warning: n.briefing has no title: the exported page shows none, and the file's properties call it “"
    )
    assert "(untitled)”; give it one with: briefing set n.briefing title=..." in warning
    title = PdfReader(pdf).metadata.title
    assert title and title.endswith(" (untitled)") and title in warning  # PDF/UA wants a /Title (UA-07-001)

    assert run(capsys, "set", path, "title=Canada–Iran ties")[0] == 0
    code, _out, err = run(capsys, "export", path, "-o", pdf)
    assert code == 0 and "has no title" not in err
    assert PdfReader(pdf).metadata.title == "Canada–Iran ties"

    french = tmp_path / "fr.briefing"  # a French note's title is its French title: `new --title` fills it
    assert run(capsys, "new", french, "--language", "fr", "--title", "Reprise des relations avec l’Iran")[0] == 0
    code, _out, err = run(capsys, "export", french, "-o", pdf)
    assert code == 0 and "has no title" not in err
    assert PdfReader(pdf).metadata.title == "Reprise des relations avec l’Iran"
    assert run(capsys, "set", french, "title_fr=")[0] == 0
    err = run(capsys, "export", french, "-o", pdf)[2]
    assert "(sans titre)”; give it one with: briefing set fr.briefing title_fr=..." in err


@pytest.mark.parametrize("command", ["show", "check", "note", "export"])
def test_a_damaged_briefing_names_its_backup_and_how_to_use_it(tmp_path: Path, capsys, command: str) -> None:
    """QA 18 and 44: in words, not zipfile's; and the backup beside it (the previous save) is pointed at."""
    path = tmp_path / "note.briefing"
    assert run(capsys, "new", path, "--title", "First")[0] == 0
    assert run(capsys, "set", path, "title=Second")[0] == 0  # the backup now holds the first save
    backup = tmp_path / "note.briefing.bak"
    path.write_bytes(path.read_bytes()[:300])
    args = {
        "show": ["show", path],
        "check": ["check", path],
        "note": ["note", path, "--section", "background", "--text", "x"],
        "export": ["export", path, "-o", tmp_path / "note.pdf"],
    }[command]
    code, _out, err = run(capsys, *args)
    assert code == 1 and err.count("\n") == 1, err
    assert err.startswith("briefing: error: note.briefing: is not a briefing file, or is damaged (it is cut short")
    assert f"its backup from {time.strftime('%Y-%m-%d', time.localtime(backup.stat().st_mtime))}" in err
    assert f"briefing open {backup}" in err and not LIBRARY_WORDS.search(err), err
    assert load_briefing(backup).title_block.title == "First"
    backup.write_bytes(b"damaged too")
    code, _out, err = run(capsys, *args)
    assert code == 1 and "; its backup note.briefing.bak (saved " in err, err
    assert err.endswith(") cannot be read either\n") and "briefing open" not in err


def test_a_backup_is_read_by_show_check_and_export_and_never_changed(tmp_path: Path, capsys) -> None:
    """QA2 14: one rule for NAME.briefing.bak: the commands that only read it take it, those that would change it
    say how to make it a briefing of its own."""
    path = tmp_path / "note.briefing"
    assert run(capsys, "new", path, "--title", "First")[0] == 0
    assert run(capsys, "set", path, "title=Second")[0] == 0  # the backup now holds the first save
    backup = tmp_path / "note.briefing.bak"
    before = backup.read_bytes()
    code, out, _err = run(capsys, "show", backup)
    assert code == 0 and "First" in out
    code, out, _err = run(capsys, "check", backup)
    assert code == 0 and out.startswith("note.briefing.bak: sound")
    assert run(capsys, "export", backup, "-o", tmp_path / "bak.md")[0] == 0
    for args in (["set", backup, "title=Third"], ["note", backup, "--section", "background", "--text", "x"]):
        code, _out, err = run(capsys, *args)
        assert code == 1 and err.count("\n") == 1, err
        assert err.startswith("briefing: error: note.briefing.bak: a backup is never changed; copy it to a new name")
    assert backup.read_bytes() == before


def test_counts_of_one_are_singular(tmp_path: Path, capsys) -> None:
    # QA4 17: "1 words in 1 blocks", "(1 words)", "1 sources"
    one = tmp_path / "one.txt"
    one.write_text("Bonjour\n", encoding="utf-8")
    path = tmp_path / "one.briefing"
    assert run(capsys, "new", path)[0] == 0
    code, out, _ = run(capsys, "import", one)
    assert code == 0 and "text: 1 word in 1 block\n" in out
    code, out, _ = run(capsys, "add-source", path, one)
    assert code == 0 and out.strip().endswith("Bonjour (1 word)")
    code, out, _ = run(capsys, "check", path)
    assert code == 0 and "(1 source, 0 excerpts, every quote" in out


def test_add_source_attachments_again_says_what_happened(tmp_path: Path, capsys) -> None:
    """An e-mail already in the briefing, given again with --attachments as the note said to: when none of its
    attachments can be added (pictures only), nothing is added and it says so, not "only its attachments were
    added" (qa4exp 13); when one can, that one is added."""
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["Subject"] = "Photos"
    mail.set_content("Two pictures attached.")
    for name in ("peterpan.jpg", "tinkerbell.jpg"):
        mail.add_attachment(b"\xff\xd8\xff", maintype="image", subtype="jpeg", filename=name)
    eml = tmp_path / "photos.eml"
    eml.write_bytes(mail.as_bytes())
    path = tmp_path / "n.briefing"
    assert run(capsys, "new", path)[0] == 0
    assert run(capsys, "add-source", path, eml)[0] == 0
    before = path.read_bytes()
    code, out, err = run(capsys, "add-source", path, eml, "--attachments")
    assert code == 1 and out == ""
    assert "only its attachments were added" not in err
    assert err.splitlines()[-1] == (
        "briefing: error: photos.eml: is already source 1 of n.briefing (Photos); it has no attachment Briefing can "
        "add; nothing was added"
    )
    assert "pictures not added: peterpan.jpg, tinkerbell.jpg" in err
    assert path.read_bytes() == before

    mail.add_attachment(b"The note.", maintype="text", subtype="plain", filename="note.txt")
    eml.write_bytes(mail.as_bytes())
    assert run(capsys, "add-source", path, eml, "--force")[0] == 0
    code, out, err = run(capsys, "add-source", path, eml, "--attachments")
    assert code == 0 and "only its attachments were added" in err
    assert [s.meta.file_name for s in load_briefing(path).sources] == ["photos.eml", "photos.eml", "note.txt"]


def test_add_source_with_its_arguments_swapped_names_the_briefing_argument(tmp_path: Path, capsys) -> None:
    """`add-source notes.txt n.briefing`: the first argument is the mistake, not the briefing (qa4exp 5)."""
    path = tmp_path / "n.briefing"
    assert run(capsys, "new", path)[0] == 0
    code, _out, err = run(capsys, "add-source", SAMPLE, path)
    assert code != 0
    assert err.splitlines() == [f"briefing: error: {SAMPLE.name}: a briefing file must end in .briefing"]
    code, _out, err = run(capsys, "add-source", tmp_path / "missing.briefing", SAMPLE)
    assert err.splitlines() == ["briefing: error: missing.briefing: file not found"]
