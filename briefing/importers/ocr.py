"""OCR: text from images of printed pages (scanned PDFs, PNG, JPEG and TIFF), English and French, offline.

Tesseract (Apache-2.0) through tesserocr (MIT), which calls the library in-process: its wheels carry libtesseract
for Linux, Windows and macOS, so no separate program has to be installed or found, and it releases the interpreter
lock while it reads a page (the window stays responsive). The language data (eng, fra: tessdata, Apache-2.0) is
not in the wheels: the installers ship it (packaging/), and a checkout on Debian uses tesseract-ocr-eng and
tesseract-ocr-fra. Pillow (HPND) decodes the images, behind a pixel limit (decompression bombs).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefing.core.messages import QT_TRANSLATE_NOOP, Message, extension
from briefing.core.model import Source, SourceMeta, new_id
from briefing.core.text import build_text
from briefing.importers import ImportOptions, SourceImportError

LANGUAGES = "eng+fra"  # English and French: the languages of the briefings, and the data the installers ship
MAX_PIXELS = 80_000_000  # per image: a 600 dpi A3 scan is 70 million; more is a decompression bomb, not a page
MAX_PAGES = 5000  # as for PDF
MIN_SIDE = 32  # pixels: smaller images in a PDF page are rules, bullets or logos, not text
IMAGE_FORMATS = ("PNG", "JPEG", "TIFF")  # the decoders Pillow may use: no other (less tested) parser sees the file
# where Tesseract's language data may be, after the bundled copy and TESSDATA_PREFIX: Debian/Ubuntu, Fedora,
# Homebrew (Apple silicon, Intel), MacPorts, the UB Mannheim Windows installer
SYSTEM_TESSDATA = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
    "/opt/local/share/tessdata",
    r"C:\Program Files\Tesseract-OCR\tessdata",
)
_HYPHENATED = re.compile(r"\w-$")


class OcrUnavailable(Exception):
    """OCR cannot run here; str() says what to install."""


def tessdata_dir(languages: str = LANGUAGES) -> Path:
    """The folder holding the .traineddata of every language in `languages` ("eng+fra"): the installers'
    bundled copy first, then TESSDATA_PREFIX, then the usual system folders."""
    from briefing.paths import data_dir

    candidates: list[Path] = []
    with contextlib.suppress(FileNotFoundError):  # no bundled copy: a checkout, or a system-wide install
        candidates.append(data_dir("tessdata"))
    prefix = os.environ.get("TESSDATA_PREFIX")
    if prefix:
        candidates += [Path(prefix), Path(prefix) / "tessdata"]
    candidates += [Path(p) for p in SYSTEM_TESSDATA]
    needed = languages.split("+")
    for folder in candidates:
        if all((folder / f"{lang}.traineddata").is_file() for lang in needed):
            return folder
    names: str = needed[-1]  # "eng and fra"
    if len(needed) > 1:
        names = Message(QT_TRANSLATE_NOOP("Messages", "{first} and {last}"), first=", ".join(needed[:-1]), last=names)
    raise OcrUnavailable(
        Message(
            QT_TRANSLATE_NOOP(
                "Messages",
                "the OCR language data ({names}) is not installed (on Debian or Ubuntu: apt install {packages}; "
                "or set TESSDATA_PREFIX)",
            ),
            names=names,
            packages=" ".join(f"tesseract-ocr-{lang}" for lang in needed),
        )
    )


def check_available(languages: str = LANGUAGES) -> Path:
    """The language data folder when OCR can run; else OcrUnavailable saying what is missing."""
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        raise OcrUnavailable(
            Message(
                QT_TRANSLATE_NOOP("Messages", "OCR is not installed (the tesserocr package, which carries Tesseract)")
            )
        ) from None
    return tessdata_dir(languages)


class Reader:
    """One Tesseract engine, loaded once for all the pages of an import (loading takes a fraction of a second)."""

    def __init__(self, file_name: str, languages: str = LANGUAGES) -> None:
        import tesserocr

        self._tesserocr = tesserocr
        try:
            folder = check_available(languages)
            # the trailing separator: Tesseract appends the file name to the path as given
            self._api = tesserocr.PyTessBaseAPI(path=str(folder) + os.sep, lang=languages)
        except OcrUnavailable as exc:
            raise SourceImportError(
                file_name, Message(QT_TRANSLATE_NOOP("Messages", "reading it needs OCR, and {exc}"), exc=exc)
            ) from None
        except RuntimeError as exc:  # a damaged .traineddata: the engine does not start
            problem = Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "the OCR engine could not load its language data ({languages} in {folder}): {exc}"
                ),
                languages=languages,
                folder=folder,
                exc=exc,
            )
            raise SourceImportError(file_name, problem) from None

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._api.End()

    def paragraphs(self, image: Any) -> list[str]:
        """The paragraphs Tesseract finds in one page image, in its reading order, lines joined."""
        tesserocr = self._tesserocr
        self._api.SetImage(_for_ocr(image))
        self._api.Recognize()
        found: list[str] = []
        iterator = self._api.GetIterator()
        if iterator is None:  # nothing on the page
            return found
        for item in tesserocr.iterate_level(iterator, tesserocr.RIL.PARA):
            text = _join_lines(item.GetUTF8Text(tesserocr.RIL.PARA) or "")
            if text:
                found.append(text)
        return found


def _for_ocr(image: Any) -> Any:
    """Greyscale, transparency on white: what Tesseract reads best (and a palette or 16-bit image it reads at all)."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        white = Image.new("RGBA", image.size, "white")
        image = Image.alpha_composite(white, image.convert("RGBA"))
    elif image.mode.startswith("I"):  # 16- or 32-bit grey: a plain conversion clips everything above 255 to white
        image = image.convert("I").point(lambda value: value / 256)
    return image if image.mode == "L" else image.convert("L")


def _join_lines(text: str) -> str:
    """A paragraph's lines as one line: a word hyphenated at a line's end joined back when the next goes on in
    lower case ("exam-" + "ple"), other lines joined with a space."""
    out = ""
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        if out and _HYPHENATED.search(out) and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return out


def build_source(pages: list[list[str]], meta: SourceMeta, ocr_pages: list[int]) -> Source:
    """A paged Source from each page's paragraphs; `ocr_pages` (1-based) are those whose text OCR read."""
    parts: list[tuple[str, int, str]] = []
    page_first_part: list[int] = []
    for paragraphs in pages:
        page_first_part.append(len(parts))
        parts += [("paragraph", 0, text) for text in paragraphs]
    text, blocks = build_text(parts)
    meta.pages = len(pages)
    meta.page_starts = [blocks[i].start if i < len(blocks) else len(text) for i in page_first_part]
    meta.ocr_pages = sorted(ocr_pages)
    return Source(id=new_id("src"), text=text, blocks=blocks, meta=meta)


# --- images: PNG, JPEG, TIFF (every page of a multi-page TIFF) --------------------------------------------------


def _open_image(data: bytes, file_name: str) -> Any:
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)  # refused below, with our own words
            return Image.open(io.BytesIO(data), formats=IMAGE_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise SourceImportError(file_name, _too_big()) from None
    except UnidentifiedImageError:
        suffix = extension(Path(file_name).suffix, quoted=False)
        problem = Message(
            QT_TRANSLATE_NOOP("Messages", "is not a PNG, JPEG or TIFF image, or is damaged (named {suffix})"),
            suffix=suffix,
        )
        raise SourceImportError(file_name, problem) from None


def _too_big(width: int = 0, height: int = 0) -> Message:
    limit = MAX_PIXELS // 1_000_000
    if width:
        return Message(
            QT_TRANSLATE_NOOP(
                "Messages",
                "the image is too large to read ({width} × {height} pixels); the limit is {limit} million pixels",
            ),
            width=width,
            height=height,
            limit=limit,
        )
    return Message(
        QT_TRANSLATE_NOOP("Messages", "the image is too large to read; the limit is {limit} million pixels"),
        limit=limit,
    )


def _frames(image: Any, file_name: str) -> Iterator[Any]:
    """Each page of the image, decoded, after checking its size (before decoding it)."""
    count = getattr(image, "n_frames", 1)
    if count > MAX_PAGES:
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "has {count} pages; the limit is {max_pages}"),
                count=count,
                max_pages=MAX_PAGES,
            ),
        )
    for index in range(count):
        image.seek(index)
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise SourceImportError(file_name, _too_big(width, height))
        try:
            image.load()
        except OSError as exc:  # "image file is truncated", a broken compressed stream
            problem = (
                Message(
                    QT_TRANSLATE_NOOP("Messages", "the image is damaged or cut short (page {page})"), page=index + 1
                )
                if count > 1
                else Message(QT_TRANSLATE_NOOP("Messages", "the image is damaged or cut short"))
            )
            raise SourceImportError(file_name, problem) from exc
        yield image


def import_bytes(data: bytes, file_name: str, options: ImportOptions) -> Source:
    """An image file's text, read by OCR page by page (progress is per page, and can cancel between pages)."""
    from PIL import ImageOps

    image = _open_image(data, file_name)
    try:
        check_available(options.ocr_languages)
    except OcrUnavailable as exc:
        raise SourceImportError(
            file_name,
            Message(QT_TRANSLATE_NOOP("Messages", "is an image: reading its text needs OCR, and {exc}"), exc=exc),
        ) from None
    count = getattr(image, "n_frames", 1)
    pages: list[list[str]] = []
    options.report(0, count)
    with Reader(file_name, options.ocr_languages) as reader:
        for number, frame in enumerate(_frames(image, file_name), start=1):
            # a photo of a page taken with the phone turned is stored sideways, with its turn in the EXIF data
            pages.append(reader.paragraphs(ImageOps.exif_transpose(frame)))
            options.report(number, count)
    if not any(pages):
        raise SourceImportError(file_name, Message(QT_TRANSLATE_NOOP("Messages", "OCR found no text in the image")))
    meta = SourceMeta(title=Path(file_name).stem, format="image", direction="ltr")
    return build_source(pages, meta, list(range(1, len(pages) + 1)))


# --- scanned PDF pages -------------------------------------------------------------------------------------------


def pdf_page_images(page: Any) -> list[Any]:
    """The images drawn on a PDF page (a scan is one per page), each decoded only after its declared size is
    checked: a page's image stream is as able to be a decompression bomb as an image file."""
    resources = page.get("/Resources") or {}
    xobjects = resources.get("/XObject") or {}
    wanted = []
    for name in xobjects:
        xobject = xobjects[name].get_object()
        if xobject.get("/Subtype") != "/Image":
            continue
        width, height = int(xobject.get("/Width", 0)), int(xobject.get("/Height", 0))
        if width * height > MAX_PIXELS:
            raise ValueError(_too_big(width, height))
        if width >= MIN_SIDE and height >= MIN_SIDE:
            wanted.append(name)
    if not wanted:
        return []
    images = page.images
    return [images[name].image for name in wanted]


def read_pdf_pages(
    pages: list[Any], numbers: list[int], file_name: str, options: ImportOptions
) -> tuple[dict[int, list[str]], list[int]]:
    """OCR of the PDF pages `numbers` (1-based): each page's paragraphs, and the pages whose images could not be
    read. Progress counts these pages ("page 3 of 12"); a cancel stops between pages."""
    texts: dict[int, list[str]] = {}
    failed: list[int] = []
    options.report(0, len(numbers))
    with Reader(file_name, options.ocr_languages) as reader:
        for done, number in enumerate(numbers, start=1):
            try:
                images = pdf_page_images(pages[number - 1])
                texts[number] = [text for image in images for text in reader.paragraphs(image)]
            except Exception:  # a damaged or unsupported image stream (JBIG2 without its decoder, ...)
                failed.append(number)
            options.report(done, len(numbers))  # outside the try: a cancel is not a damaged page
    return texts, failed
