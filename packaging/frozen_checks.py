"""Checks of a frozen bundle's command line, beyond the smoke test's plain-text demo: run by packaging/build.py.

Each check runs the frozen `briefing` on files it writes into a work folder and raises SystemExit naming what the
bundle cannot do; on success it returns a line for the build log.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import layout  # packaging/layout.py, beside this file

ROOT = layout.ROOT

SAMPLE_PAGE = (
    "<html><head><title>Talks resume</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Talks resume</h1>"
    + "<p>Canada and Iran met in Geneva on Tuesday to discuss consular matters and the embassies.</p>" * 6
    + "</article></body></html>"
)


# A printed page, scanned: OCR must read it in the bundle (its libraries are the ones packaging/shrink.py rewrites).
SCAN_LINES = ("Canada and Iran met in Geneva on Tuesday.", "Le ministre a rencontré la délégation à Genève.")
SCAN_WORDS = ("Canada", "Geneva", "Tuesday", "ministre", "rencontré", "délégation", "Genève")


def scanned_page(folder: Path) -> list[Path]:
    """SCAN_LINES as a scanner gives them: a 300 dpi PNG, and the same image as a PDF page with no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    font_file = folder / "LiberationSerif-Regular.ttf"
    font_file.write_bytes(gzip.decompress((ROOT / "resources" / "fonts" / f"{font_file.name}.gz").read_bytes()))
    font = ImageFont.truetype(str(font_file), 60)  # 14 pt at 300 dpi
    image = Image.new("L", (2480, 500), 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(SCAN_LINES):
        draw.text((200, 150 + 130 * number), line, font=font, fill=0)
    png, pdf = folder / "scan.png", folder / "scan.pdf"
    image.save(png, dpi=(300, 300))
    image.save(pdf, resolution=300)
    return [png, pdf]


def ocr_check(cli: Path, folder: Path) -> str:
    """The scanned page, as PNG and as an image-only PDF, through the frozen `briefing import`: every word read."""
    for path in scanned_page(folder):
        result = subprocess.run([str(cli), "import", "--json", str(path)], capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            raise SystemExit(f"the bundle cannot OCR {path.name}: {result.stderr.strip()}")
        (found,) = json.loads(result.stdout)
        missing = [word for word in SCAN_WORDS if word not in found["text"]]
        if not found["ocr_pages"] or missing:
            raise SystemExit(f"the bundle's OCR of {path.name} missed {missing}: {found['text']!r}")
    return "the bundle reads a scanned page by OCR (PNG, and PDF without text), English and French"


# Text in the scripts whose fonts and shaping the PDF export bundles (resources/fonts, arabic-reshaper).
SCRIPTS_NOTE = {"Arabic": "المحادثات في جنيف", "Chinese": "加拿大与伊朗在日内瓦会谈"}


def scripts_export_check(cli: Path, folder: Path) -> str:
    """A note in Arabic and Chinese exported to PDF and DOCX by the frozen command: the text is in both files and
    the PDF embeds the Arabic and Chinese fonts."""
    from pypdf import PdfReader

    note = folder / "scripts.briefing"
    text = " ".join(f"{name}: {words}." for name, words in SCRIPTS_NOTE.items())
    commands = [["new", note, "--title", "Talks"], ["note", note, "--section", "background", "--text", text]]
    commands += [["export", note, "-o", note.with_suffix(suffix)] for suffix in (".pdf", ".docx")]
    for command in commands:
        result = subprocess.run([str(cli), *map(str, command)], capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise SystemExit(f"the bundle failed `briefing {command[0]}`: {result.stderr.strip()}")
    pdf = PdfReader(note.with_suffix(".pdf"))
    pdf_text = "".join(page.extract_text() for page in pdf.pages)
    fonts = set()
    for page in pdf.pages:
        resources: Any = page["/Resources"]  # a dictionary object, which pypdf's types leave general
        fonts |= {str(font.get_object()["/BaseFont"]) for font in resources["/Font"].values()}
    with zipfile.ZipFile(note.with_suffix(".docx")) as docx:
        docx_text = docx.read("word/document.xml").decode("utf-8")
    missing = [f"{name} in {kind}" for name, words in SCRIPTS_NOTE.items() for kind, found in
               (("PDF", pdf_text), ("DOCX", docx_text)) if words not in found]  # fmt: skip
    missing += [f"font {font}" for font in ("NotoNaskhArabic", "DroidSansFallback") if font not in " ".join(fonts)]
    if missing:
        raise SystemExit(f"the bundle's export of Arabic and Chinese lacks {', '.join(missing)}")
    return "the bundle exports Arabic and Chinese to PDF (fonts embedded) and DOCX"


def encrypted_pdf_check(cli: Path, pdf: Path, folder: Path) -> str:
    """An AES-256 and an RC4 encrypted PDF opened with their password by the frozen `briefing import`: the
    cryptography library and hashlib's hashes (the bundle has Python's built-in ones, not OpenSSL's) at work."""
    from pypdf import PdfReader, PdfWriter

    for algorithm in ("AES-256", "RC4-128"):
        writer = PdfWriter(clone_from=PdfReader(pdf))
        writer.encrypt("secret", algorithm=algorithm)
        locked = folder / f"locked-{algorithm}.pdf"
        writer.write(locked)
        command = [str(cli), "import", "--json", "--password", "secret", str(locked)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0 or "Canada" not in json.loads(result.stdout)[0]["text"]:
            raise SystemExit(f"the bundle cannot open {locked.name} with its password: {result.stderr.strip()}")
    return "the bundle opens AES-256 and RC4 encrypted PDFs with their password"


def run_all(cli: Path, folder: Path, exported: list[Path], *, ocr: bool) -> list[str]:
    """One source of each common kind through the frozen `briefing import`: the registry loads importers by name,
    and their libraries read data files of their own (trafilatura's settings), neither of which the smoke test's
    plain-text demo touches. `exported`: the smoke test's own DOCX and PDF. Then the other checks above."""
    page = folder / "page.html"
    page.write_text(SAMPLE_PAGE, encoding="utf-8")
    mail = folder / "message.eml"
    mail.write_text(f"From: a@example.org\nSubject: Talks\nContent-Type: text/html; charset=utf-8\n\n{SAMPLE_PAGE}\n")
    samples = sorted((ROOT / "tests" / "importers" / "samples").glob("same-content.*"))
    files = [page, mail, *(p for p in samples + exported if p.suffix in (".docx", ".odt", ".rtf", ".pdf"))]
    for path in files:
        result = subprocess.run([str(cli), "import", str(path)], capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise SystemExit(f"the bundle cannot import {path.name}: {result.stderr.strip()}")
    done = [f"the bundle imports {', '.join(p.suffix for p in files)}"]
    done.append(encrypted_pdf_check(cli, next(p for p in exported if p.suffix == ".pdf"), folder))
    if ocr:
        done.append(ocr_check(cli, folder))
    done.append(scripts_export_check(cli, folder))
    return done
