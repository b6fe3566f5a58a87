"""Hostile and broken files: each is one clear line naming the file and the problem, quickly, never a traceback."""

from __future__ import annotations

import io
import os
import time
import zipfile

import pytest

from briefing.importers import SourceImportError, import_file

JUNK = bytes(range(256)) * 64 + os.urandom(4096)


def _one_line_error(path, match: str | None = None) -> str:
    started = time.monotonic()
    with pytest.raises(SourceImportError) as caught:
        import_file(path)
    assert time.monotonic() - started < 10
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path.name}: ")
    if match:
        assert match in message.lower(), message
    return message


def test_empty_file(tmp_path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _one_line_error(path, "empty")


@pytest.mark.parametrize(
    "suffix", [".txt", ".md", ".html", ".pdf", ".docx", ".eml", ".mhtml", ".msg", ".odt", ".rtf", ".doc"]
)
def test_binary_junk(tmp_path, suffix: str) -> None:
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(JUNK)
    _one_line_error(path)


def test_truncated_docx(tmp_path, corpus) -> None:
    data = (corpus / "docx" / "python-docx__test.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    _one_line_error(path, "not a word document")


def test_wording_of_a_package_that_is_not_one(tmp_path) -> None:
    """QA2 20: "is not an OpenDocument text document" (its article), and a PDF under a .docx or .odt name is said to
    be a PDF, with what to do."""
    path = tmp_path / "pk.odt"
    path.write_bytes(b"PK\x03\x04garbage")
    assert _one_line_error(path).startswith("pk.odt: is not an OpenDocument text document (not a valid .odt package")
    for suffix in (".docx", ".odt"):
        path = tmp_path / f"renamed{suffix}"
        path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
        message = _one_line_error(path)
        assert message == f"renamed{suffix}: is a PDF file named {suffix}; rename it to .pdf to import it"


def test_docx_without_document_part(tmp_path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("hello.txt", "not word")
    path = tmp_path / "other.docx"
    path.write_bytes(buffer.getvalue())
    _one_line_error(path, "no word/document.xml")


def test_zip_bomb_disguised_as_docx(tmp_path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(400):  # 400 MB of zeros compress to well under 1 MB
                member.write(chunk)
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 2 * 1024 * 1024
    _one_line_error(path, "zip bomb")


def test_truncated_pdf(tmp_path, corpus) -> None:
    data = (corpus / "pdf" / "sample-files__multicolumn.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[:2000])
    _one_line_error(path)


def test_pdf_header_then_junk(tmp_path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"%PDF-1.7\n" + JUNK)
    _one_line_error(path)


def test_unsupported_format(tmp_path) -> None:
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04")
    message = _one_line_error(path, "unsupported file type")
    assert ".docx" in message  # tells the user what would work


def test_file_over_the_size_limit_is_refused_unread(tmp_path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024 + 300_000)  # sparse: costs no disk and must not be read
    assert "(100.3 MB; the limit is 100 MB)" in _one_line_error(path, "too large")


def test_missing_file_and_folder(tmp_path) -> None:
    _one_line_error(tmp_path / "nothing.txt", "not found")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    _one_line_error(folder, "folder")
    plain = tmp_path / "reports"  # no suffix: a folder, not an unsupported file type
    plain.mkdir()
    assert _one_line_error(plain, "folder") == "reports: is a folder, not a file"


def test_html_without_article_text(tmp_path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>", "utf-8")
    _one_line_error(path)


def test_library_failures_become_import_errors(tmp_path, monkeypatch) -> None:
    from briefing.importers import docx as docx_importer

    def explode(*_args, **_kwargs):
        raise KeyError("unexpected internal failure")

    monkeypatch.setattr(docx_importer, "import_bytes", explode)
    path = tmp_path / "any.docx"
    path.write_bytes(b"PK")
    _one_line_error(path, "could not be read")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    _one_line_error(path, "not a regular file")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_link_to_a_device_is_refused_not_read_forever(tmp_path) -> None:
    path = tmp_path / "zero.txt"
    path.symlink_to("/dev/zero")
    _one_line_error(path, "not a regular file")


def test_link_to_a_regular_file_is_that_file(tmp_path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("Linked text is read through the link.", "utf-8")
    link = tmp_path / "link.txt"
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("cannot make symbolic links here")
    assert import_file(link).text == "Linked text is read through the link."


def test_file_that_grew_past_the_limit_after_the_check_is_refused(tmp_path, monkeypatch) -> None:
    import briefing.importers as importers

    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 50)
    real = os.stat(path)
    small = os.stat_result((real.st_mode, 0, 0, 1, 0, 0, 5, 0, 0, 0))  # what stat said before the file grew
    monkeypatch.setattr(importers, "MAX_FILE_BYTES", 10)
    monkeypatch.setattr(type(path), "stat", lambda self, **_kwargs: small)
    _one_line_error(path, "too large")


def test_bad_file_names_are_import_errors(tmp_path) -> None:
    with pytest.raises(SourceImportError, match="not a valid file name"):
        import_file(tmp_path / "a\x00b.txt")
    _one_line_error(tmp_path / ("n" * 300 + ".txt"), "cannot read the file")


def test_control_characters_in_the_file_name_are_shown_escaped(tmp_path) -> None:
    with pytest.raises(SourceImportError) as caught:
        import_file(tmp_path / "two\nlines\x00.txt")
    assert str(caught.value).startswith("two\\nlines\\x00.txt: ")
    # an undecodable byte in a Linux file name (a lone surrogate) could not even be printed
    assert str(SourceImportError("caf\udce9 \u00e9t\u00e9.txt", "x")) == "caf\\udce9 \u00e9t\u00e9.txt: x"
