"""The DOCX export against its golden files (tests/export/docx_golden.py says how to regenerate them)."""

from __future__ import annotations

import difflib

import pytest

from tests.export.docx_golden import CASES, exported, normalised_parts, stored


@pytest.mark.parametrize("case", sorted(CASES))
def test_docx_parts_match_golden(case: str) -> None:
    want, got = stored(case), exported(case)
    assert want, f"no golden files for {case}; run: PYTHONPATH=. python -m tests.export.docx_golden"
    diff = []
    for name in sorted(want.keys() | got.keys()):
        diff += difflib.unified_diff(
            want.get(name, "").splitlines(),
            got.get(name, "").splitlines(),
            f"golden/{case}/{name}",
            "export",
            lineterm="",
        )
    if diff:
        shown = "\n".join(diff[:200]) + ("\n…" if len(diff) > 200 else "")
        pytest.fail(f"the DOCX export differs from tests/export/golden/{case}:\n{shown}", pytrace=False)


def test_normalising_hides_volatile_values_only() -> None:
    """Timestamps and relationship ids are normalised away; a changed word is not."""
    import io
    import zipfile

    def package(stamp: str, rid: str, word: str) -> bytes:
        buffer = io.BytesIO()
        r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(
                "[Content_Types].xml",
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="xml" ContentType="application/xml"/></Types>',
            )
            archive.writestr(
                "word/document.xml",
                f'<w:document xmlns:w="urn:w" xmlns:r="{r}"><w:p w:rsidR="{stamp}"><w:r r:id="{rid}">'
                f"<w:t>{word}</w:t></w:r></w:p></w:document>",
            )
            archive.writestr(
                "word/_rels/document.xml.rels",
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="{rid}" Type="{r}/footer" Target="footer1.xml"/></Relationships>',
            )
            archive.writestr(
                "docProps/core.xml",
                '<cp:coreProperties xmlns:cp="urn:cp" xmlns:dcterms="http://purl.org/dc/terms/">'
                f"<dcterms:created>{stamp}</dcterms:created></cp:coreProperties>",
            )
        return buffer.getvalue()

    first = normalised_parts(package("2026-01-01", "rId1", "same"))
    assert first == normalised_parts(package("2027-02-02", "rIdFooter", "same"))
    assert 'r:id="(rel footer word/footer1.xml)"' in first["word/document.xml"]
    assert first != normalised_parts(package("2026-01-01", "rId1", "other"))
