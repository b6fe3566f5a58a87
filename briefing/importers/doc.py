"""Legacy Word documents (.doc): converted to .docx by LibreOffice, when it is installed, and read as a .docx.

The conversion runs in a private temporary folder with a fresh LibreOffice profile that has macros switched off,
and a time limit; without LibreOffice the user is told how to convert the file themselves.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import Source
from briefing.importers import ImportOptions, SourceImportError

CONVERT_SECONDS = 120  # a large .doc converts in a few seconds; a hung LibreOffice is stopped after this
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HOW_TO_CONVERT = Message(
    QT_TRANSLATE_NOOP(
        "Messages",
        "open it in Word or LibreOffice and save it as .docx, then import that (or install LibreOffice, which Briefing"
        " uses to convert .doc files)",
    )
)
# a fresh profile: never run macros, whatever the document holds
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution"
 oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel"
 oor:op="fuse"><value>3</value></prop></item>
</oor:items>
"""
_INSTALLED = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)


def find_libreoffice() -> str | None:
    """LibreOffice's soffice program: on the PATH, or where its installer puts it; None when not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((path for path in _INSTALLED if os.path.isfile(path)), None)


def _check_word_file(data: bytes, file_name: str) -> None:
    """Refuse, before starting LibreOffice, what is not a Word 97-2003 document or is encrypted."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "is a damaged Word document ({kind}: {exc})"),
                kind=type(exc).__name__,
                exc=exc,
            ),
        ) from None
    with contextlib.closing(ole):
        if not ole.exists("WordDocument"):
            if ole.exists("__properties_version1.0"):
                raise SourceImportError(
                    file_name,
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "is an Outlook message, not a Word document (rename it to .msg)")
                    ),
                )
            raise SourceImportError(
                file_name,
                Message(
                    QT_TRANSLATE_NOOP("Messages", "is not a Word document (a compound file without a Word document)")
                ),
            )
        with ole.openstream("WordDocument") as stream:
            head = stream.read(12)
    if len(head) < 12 or head[:2] != b"\xec\xa5":
        raise SourceImportError(
            file_name,
            Message(QT_TRANSLATE_NOOP("Messages", "is a damaged Word document (its text stream has no valid header)")),
        )
    if head[11] & 0x01:  # the file information block's fEncrypted flag (0x0100 of the flags word at 0x0A)
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "is password-protected; open it in Word, remove the password, save it as .docx and import that",
                )
            ),
        )


def _convert(soffice: str, data: bytes, file_name: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="briefing-doc-") as folder:
        work = Path(folder)
        profile = work / "profile" / "user"
        profile.mkdir(parents=True)
        (profile / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
        source = work / "input.doc"
        source.write_bytes(data)
        out = work / "out"
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source),
        ]  # fmt: skip
        posix = sys.platform != "win32"
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=posix,  # its own process group, so a hung conversion is stopped with its helpers
        )
        try:
            _out, err = process.communicate(timeout=CONVERT_SECONDS)
        except subprocess.TimeoutExpired:
            if posix:
                with contextlib.suppress(OSError):
                    os.killpg(process.pid, signal.SIGKILL)
            process.kill()
            process.communicate()
            raise SourceImportError(
                file_name,
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "LibreOffice did not convert it within {convert_seconds} seconds; {how_to_convert}"
                    ),
                    convert_seconds=CONVERT_SECONDS,
                    how_to_convert=HOW_TO_CONVERT,
                ),
            ) from None
        converted = out / "input.docx"
        if not converted.is_file():
            detail = " ".join(err.decode("utf-8", "replace").split())[:200]
            problem = (
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "LibreOffice could not convert it (damaged?) ({detail}); {how_to_convert}"
                    ),
                    detail=detail,
                    how_to_convert=HOW_TO_CONVERT,
                )
                if detail
                else Message(
                    QT_TRANSLATE_NOOP("Messages", "LibreOffice could not convert it (damaged?); {how_to_convert}"),
                    how_to_convert=HOW_TO_CONVERT,
                )
            )
            raise SourceImportError(file_name, problem)
        return converted.read_bytes()


def import_bytes(data: bytes, file_name: str, options: ImportOptions) -> Source:
    from briefing.importers import docx, rtf

    # Word saved many "documents" as .doc that are RTF or .docx inside: read those directly
    if data.lstrip()[:5] == b"{\\rtf":
        return rtf.import_bytes(data, file_name, options)
    if data[:4] == b"PK\x03\x04":
        return docx.import_bytes(data, file_name, options)
    if not data.startswith(OLE_MAGIC):
        raise SourceImportError(
            file_name, Message(QT_TRANSLATE_NOOP("Messages", "is not a Word document (not a Word 97-2003 .doc file)"))
        )
    _check_word_file(data, file_name)
    soffice = find_libreoffice()
    if soffice is None:
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "old Word .doc files need LibreOffice to be read; {how_to_convert}"),
                how_to_convert=HOW_TO_CONVERT,
            ),
        )
    options.report(0, 3)  # (the conversion is the long step; the .docx reader then reports its own three)
    source = docx.import_bytes(_convert(soffice, data, file_name), file_name, options)
    source.meta.format = "doc"
    return source
