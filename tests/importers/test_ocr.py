"""OCR of images (PNG, JPEG, TIFF) and scanned PDFs: text read from scans made here from known text (scans.py),
page progress and cancel, the source marked as OCR text, and hostile images refused in one line."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from briefing.importers import (
    ImportCancelled,
    NeedsOcr,
    SourceImportError,
    import_file,
    import_file_with_warnings,
)
from briefing.importers import ocr as ocr_module
from tests.importers.scans import PAGES, image_pdf, scans, word_f1

SHORT = [
    "The first page of the report says that the budget was approved in March.",
    "The second page adds that the vote was close and that two members abstained.",
]


@pytest.fixture(scope="module")
def ocr_ready() -> None:
    try:
        ocr_module.check_available()
    except ocr_module.OcrUnavailable as exc:
        pytest.skip(f"OCR is not available here: {exc}")


@pytest.fixture(scope="module")
def short_scans(ocr_ready: None) -> list[Any]:
    return scans(SHORT)


def _save(image: Any, path: Path, **options: Any) -> Path:
    image.save(path, **options)
    return path


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_200_dpi_scan_reads_with_a_word_f1_of_at_least_095(ocr_ready, tmp_path: Path, language: str) -> None:
    known = PAGES[language][0]
    [page] = scans([known])
    source = import_file(_save(page, tmp_path / f"page-{language}.png"))
    assert word_f1(source.text, known) >= 0.95, source.text
    assert source.meta.format == "image" and source.meta.pages == 1 and source.meta.ocr_pages == [1]
    assert source.meta.title == f"page-{language}"


def test_every_page_of_a_tiff_is_read_with_progress_per_page(short_scans, tmp_path: Path) -> None:
    first, second = short_scans
    path = _save(first, tmp_path / "two pages.tiff", save_all=True, append_images=[second], compression="tiff_deflate")
    seen: list[tuple[int, int]] = []
    source = import_file_with_warnings(path, progress=lambda done, total: seen.append((done, total))).source
    assert seen == [(0, 2), (1, 2), (2, 2)]
    assert source.meta.pages == 2 and source.meta.ocr_pages == [1, 2]
    second_page = source.text[source.meta.page_starts[1] :]
    assert (
        word_f1(second_page, SHORT[1]) >= 0.95 and word_f1(source.text[: source.meta.page_starts[1]], SHORT[0]) >= 0.95
    )


def test_a_jpeg_photo_of_a_page_is_read(short_scans, tmp_path: Path) -> None:
    source = import_file(_save(short_scans[0].convert("RGB"), tmp_path / "photo.JPG", quality=85))
    assert word_f1(source.text, SHORT[0]) >= 0.95


def test_a_scanned_pdf_is_read_by_ocr_and_cited_as_ocr_text(short_scans, tmp_path: Path) -> None:
    from briefing.core.citation import place

    path = tmp_path / "scan.pdf"
    path.write_bytes(image_pdf(short_scans))
    seen: list[tuple[int, int]] = []
    result = import_file_with_warnings(path, progress=lambda done, total: seen.append((done, total)))
    source = result.source
    assert source.meta.format == "pdf" and source.meta.pages == 2 and source.meta.ocr_pages == [1, 2]
    assert word_f1(source.text, " ".join(SHORT)) >= 0.95
    assert seen[-3:] == [(0, 2), (1, 2), (2, 2)]  # the OCR pass counts pages too (after the text-layer pass)
    start = source.text.index("abstained")
    assert place(source, start, start + 9) == "p. 2 (OCR text)"
    assert not result.warnings


def test_cancel_stops_ocr_between_pages(short_scans, tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_pdf(short_scans))
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if len(calls) > 3 and done == 1:  # the OCR pass, after its first page
            raise ImportCancelled

    with pytest.raises(ImportCancelled):
        import_file_with_warnings(path, progress=progress)
    assert calls[-1] == (1, 2)  # page 2 was never read


def test_a_scanned_page_among_text_pages_is_read_by_ocr(short_scans, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    from tests.importers.scans import text_pdf

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(text_pdf(["A typed first page about the budget and its vote. " * 12]))))
    writer.append(PdfReader(io.BytesIO(image_pdf(short_scans[1:]))))
    path = tmp_path / "mixed.pdf"
    with path.open("wb") as out:
        writer.write(out)
    result = import_file_with_warnings(path)
    source = result.source
    assert source.meta.pages == 2 and source.meta.ocr_pages == [2]
    assert source.text.startswith("A typed first page")
    assert word_f1(source.text[source.meta.page_starts[1] :], SHORT[1]) >= 0.95
    assert not result.warnings


@pytest.fixture
def no_language_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TESSDATA_PREFIX", raising=False)
    monkeypatch.setattr(ocr_module, "SYSTEM_TESSDATA", ())


def test_without_ocr_a_scan_says_what_to_install(no_language_data, short_scans, tmp_path: Path) -> None:
    pdf, png = tmp_path / "scan.pdf", _save(short_scans[0], tmp_path / "scan.png")
    pdf.write_bytes(image_pdf(short_scans))
    with pytest.raises(NeedsOcr) as scanned:
        import_file(pdf)
    message = str(scanned.value)
    assert message.startswith("scan.pdf: has no text layer") and "tesseract-ocr-eng tesseract-ocr-fra" in message
    with pytest.raises(SourceImportError, match=r"^scan\.png: is an image: reading its text needs OCR, and .*fra"):
        import_file(png)


# --- hostile and broken images -----------------------------------------------------------------------------------


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares width x height pixels of 1-bit grey: a few hundred bytes claiming gigapixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    body = zlib.compress(row * 64)  # only the first rows: the rest is missing as well
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("bomb.png", lambda _: _png_header_only(60_000, 60_000), r"too large to read.*limit is 80 million pixels"),
        ("wide.png", lambda _: _png_header_only(9_000, 9_500), r"too large to read \(9000 × 9500 pixels\)"),
        ("cut.png", lambda img: _png_bytes(img)[: len(_png_bytes(img)) // 2], r"damaged or cut short"),
        ("empty.png", lambda _: b"", r"the file is empty"),
        ("text.png", lambda _: b"just some words, not an image", r"is not a PNG, JPEG or TIFF image"),
        ("anim.tif", lambda _: b"GIF89a" + b"\x00" * 64, r"is not a PNG, JPEG or TIFF image"),
    ],
)
def test_hostile_images_are_refused_in_one_line(short_scans, tmp_path: Path, name: str, make, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(make(short_scans[0]))
    with pytest.raises(SourceImportError, match=expected) as refused:
        import_file(path)
    assert str(refused.value).startswith(f"{name}: ") and "\n" not in str(refused.value)


def _png_bytes(image: Any) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_a_pdf_page_image_declaring_a_gigapixel_size_is_not_decoded(ocr_ready, tmp_path: Path) -> None:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject, NumberObject

    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    image = DecodedStreamObject()
    image.set_data(b"\x00" * 64)
    image.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(100_000),
            NameObject("/Height"): NumberObject(100_000),
            NameObject("/ColorSpace"): NameObject("/DeviceGray"),
            NameObject("/BitsPerComponent"): NumberObject(8),
        }
    )
    resources = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Im0"): writer._add_object(image)})}
    )
    page[NameObject("/Resources")] = resources
    path = tmp_path / "bomb.pdf"
    with path.open("wb") as out:
        writer.write(out)
    with pytest.raises(SourceImportError, match=r"^bomb\.pdf: has no text layer .*page images could not be read"):
        import_file(path)
    from pypdf import PdfReader

    with pytest.raises(ValueError, match=r"too large to read \(100000 × 100000 pixels\)"):  # refused undecoded
        ocr_module.pdf_page_images(PdfReader(path).pages[0])


def test_the_command_line_counts_ocr_pages(short_scans, tmp_path: Path, monkeypatch, capsys) -> None:
    import sys

    from briefing.cli import main
    from briefing.cli import terminal as cli_terminal
    from tests.importers.test_progress import FakeTerminal

    path = _save(short_scans[0], tmp_path / "scan.tif", save_all=True, append_images=[short_scans[1]])
    clock = iter(range(1000))
    monkeypatch.setattr(cli_terminal.time, "monotonic", lambda: next(clock) * 1.0)
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["import", str(path)]) == 0
    assert "Importing scan.tif: page 2 of 2" in terminal.getvalue().split("\r")
    summary = capsys.readouterr().out
    assert "  ocr: Text read by OCR" in summary and "image: " in summary


def test_a_16_bit_grey_scan_is_read_not_clipped_to_white(short_scans, tmp_path: Path) -> None:
    deep = short_scans[0].convert("I").point(lambda value: value * 256)  # the same page, 16-bit
    path = _save(deep.convert("I;16"), tmp_path / "deep.png")
    assert word_f1(import_file(path).text, SHORT[0]) >= 0.95


def test_a_photo_turned_by_its_exif_orientation_is_read_upright(short_scans, tmp_path: Path) -> None:
    from PIL import Image

    sideways = short_scans[0].transpose(Image.Transpose.ROTATE_90)  # stored turned, as a phone does
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: turn 90° clockwise to show it
    path = _save(sideways.convert("RGB"), tmp_path / "photo.jpg", exif=exif.tobytes(), quality=90)
    assert word_f1(import_file(path).text, SHORT[0]) >= 0.95


def test_damaged_language_data_is_one_clear_line(short_scans, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "tessdata"
    folder.mkdir()
    for language in ("eng", "fra"):
        (folder / f"{language}.traineddata").write_bytes(b"not a model")
    monkeypatch.setattr(ocr_module, "SYSTEM_TESSDATA", ())
    monkeypatch.setenv("TESSDATA_PREFIX", str(folder))
    with pytest.raises(SourceImportError, match=r"^page\.png: the OCR engine could not load its language data"):
        import_file(_save(short_scans[0], tmp_path / "page.png"))


def test_an_encrypted_scan_asks_for_its_password_then_is_read(short_scans, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    from briefing.importers import PasswordRequired

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(image_pdf(short_scans[:1]))))
    writer.encrypt("secret", algorithm="AES-256")
    path = tmp_path / "locked scan.pdf"
    with path.open("wb") as out:
        writer.write(out)
    with pytest.raises(PasswordRequired):
        import_file(path)
    source = import_file(path, password="secret")
    assert source.meta.ocr_pages == [1] and word_f1(source.text, SHORT[0]) >= 0.95
