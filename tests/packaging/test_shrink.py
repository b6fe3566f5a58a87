"""packaging/shrink.py on the real libraries the bundle carries: smaller, and still doing their work when loaded."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.conftest import load

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries: Linux only")

SITE = Path(importlib.util.find_spec("PySide6").submodule_search_locations[0]).parent  # type: ignore[index, union-attr]
QT_LIB = SITE / "PySide6" / "Qt" / "lib"


@pytest.fixture(scope="module")
def shrink() -> ModuleType:
    return load("shrink")


def run_python(code: str, env: dict[str, str]) -> dict:
    """Run `code` in a fresh interpreter of this virtualenv; what it printed, as JSON."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True, text=True, timeout=120, env={**os.environ, **env}, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def without_offsets(readelf_output: str) -> str:
    return re.sub(r"(at offset|File:) \S+", "", readelf_output)


def loaded_from(name: str) -> str:
    """Python that records the path the process loaded the library `name` from (in the JSON it prints)."""
    return f'[line.split()[-1] for line in open("/proc/self/maps") if "{name}" in line][0]'


@pytest.mark.skipif(importlib.util.find_spec("tesserocr") is None, reason="tesserocr is not installed")
def test_compacted_ocr_libraries_are_smaller_and_still_read_a_page(tmp_path: Path, shrink: ModuleType) -> None:
    # tesserocr's wheel libraries carry segments that patchelf aligned to 2 MB in the file: 28 MB, mostly zeros.
    shutil.copytree(SITE / "tesserocr", tmp_path / "tesserocr")
    shutil.copytree(SITE / "tesserocr.libs", tmp_path / "tesserocr.libs")
    libs = sorted((tmp_path / "tesserocr.libs").iterdir())
    before = sum(p.stat().st_size for p in libs)
    saved = sum(shrink.compact_elf(p) for p in libs)
    after = sum(p.stat().st_size for p in libs)
    assert saved == before - after and saved > 15_000_000, (before, after)
    assert all(shrink.not_shrunk(p) is None for p in libs)
    assert all(shrink.compact_elf(p) == 0 for p in libs)  # nothing left to do: a second pass changes nothing
    for lib in libs:  # binutils reads the rewritten files as the originals: same complaints, dynamic data, symbols
        for args in (["-a"], ["--dynamic", "--dyn-syms", "--notes"]):
            new, old = (
                subprocess.run(["readelf", "-W", *args, str(path)], capture_output=True, text=True, check=True)
                for path in (lib, SITE / "tesserocr.libs" / lib.name)
            )
            assert new.stderr == old.stderr, lib.name
            if args != ["-a"]:  # what the loader reads, at the same addresses (file offsets aside)
                assert without_offsets(new.stdout) == without_offsets(old.stdout), lib.name
    tessdata = load("layout").tessdata_files()[0][0]  # eng.traineddata on this machine
    found = run_python(
        f"""
        import json, tesserocr
        from PIL import Image, ImageDraw, ImageFont
        image = Image.new("L", (1400, 200), 255)
        ImageDraw.Draw(image).text((40, 60), "Talks resumed in Geneva", font=ImageFont.load_default(60), fill=0)
        text = tesserocr.image_to_text(image, lang="eng", path={str(Path(tessdata).parent)!r})
        print(json.dumps({{"text": text, "module": tesserocr.__file__, "lib": {loaded_from("libtesseract")}}}))
        """,
        {"PYTHONPATH": str(tmp_path)},
    )
    assert found["module"].startswith(str(tmp_path)) and found["lib"].startswith(str(tmp_path))
    assert "Talks resumed in Geneva" in found["text"]


def test_compacting_keeps_bytes_appended_after_the_library(tmp_path: Path, shrink: ModuleType) -> None:
    padded = next((SITE / "pillow.libs").glob("libXau-*.so*"))  # patchelf's 2 MB alignment, one added segment
    lib = tmp_path / padded.name
    lib.write_bytes(padded.read_bytes() + b"appended data")
    assert shrink.compact_elf(lib) > 1_000_000
    assert lib.read_bytes().endswith(b"appended data") and shrink.not_shrunk(lib) is None


def test_compacting_leaves_a_library_without_padding_as_it_is(tmp_path: Path, shrink: ModuleType) -> None:
    lib = tmp_path / "libQt6Svg.so.6"
    shutil.copyfile(QT_LIB / lib.name, lib)
    assert shrink.not_shrunk(lib) is None
    assert shrink.compact_elf(lib) == 0
    assert lib.read_bytes() == (QT_LIB / lib.name).read_bytes()


ICU_CHECK = f"""
    import functools, json
    from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
    words = ["côté", "coté", "côte", "cote", "Zoo", "zèbre", "öl", "ol", "zz"]
    order = {{
        name: sorted(words, key=functools.cmp_to_key(QCollator(QLocale(name)).compare))
        for name in ("en_CA", "fr_CA", "sv_SE")
    }}
    paris = QTimeZone(b"Europe/Paris")
    names = {{
        name: paris.displayName(QTimeZone.StandardTime, QTimeZone.LongName, QLocale(name)) for name in ("en", "fr")
    }}
    codecs = QStringDecoder.availableCodecs()
    print(json.dumps({{
        "order": order, "zone": names, "upper": QLocale("tr_TR").toUpper("istanbul"),
        "codecs": [c for c in ("windows-1252", "Shift_JIS", "GB18030", "Big5", "KOI8-R") if c in codecs],
        "lib": {loaded_from("libicudata")},
    }}))
"""


@pytest.mark.skipif(shutil.which("ld") is None, reason="binutils (as, ld) are needed to rebuild the library")
def test_trimmed_icu_data_keeps_what_qt_does_with_icu(tmp_path: Path, shrink: ModuleType) -> None:
    lib = tmp_path / "libicudata.so.73"
    shutil.copyfile(QT_LIB / lib.name, lib)
    assert shrink.not_shrunk(lib) is not None
    assert shrink.trim_icu_data(lib) > 12_000_000
    assert shrink.not_shrunk(lib) is None
    # Qt's own libraries (from the virtualenv) with the trimmed data in front of theirs (their RUNPATH gives way)
    found = run_python(ICU_CHECK, {"LD_LIBRARY_PATH": str(tmp_path)})
    assert found["lib"] == str(lib)
    assert found["order"] == {
        "en_CA": ["cote", "coté", "côte", "côté", "ol", "öl", "zèbre", "Zoo", "zz"],
        "fr_CA": ["cote", "côte", "coté", "côté", "ol", "öl", "zèbre", "Zoo", "zz"],  # accents compared backwards
        "sv_SE": ["cote", "coté", "côte", "côté", "ol", "zèbre", "Zoo", "zz", "öl"],  # ö after z
    }
    assert found["zone"] == {"en": "Central European Standard Time", "fr": "heure normale d’Europe centrale"}
    assert found["upper"] == "İSTANBUL"
    assert found["codecs"] == ["windows-1252", "Shift_JIS", "GB18030", "Big5", "KOI8-R"]


def test_icu_filter_drops_only_the_unused_items_and_keeps_the_rest_byte_for_byte(shrink: ModuleType) -> None:
    data = (QT_LIB / "libicudata.so.73").read_bytes()
    offset, size = shrink._dynamic_symbol(data, "icudt73_dat")
    package = data[offset : offset + size]
    items = shrink.icu_package_items(package)
    kept = shrink.icu_package_items(shrink.filter_icu_package(package))
    dropped = [name for name, _ in items if shrink.ICU_UNUSED.search(name)]
    assert any("/brkitr/" in name for name in dropped) and any("/lang/" in name for name in dropped)
    assert [(n, d.rstrip(b"\0")) for n, d in kept] == [(n, d.rstrip(b"\0")) for n, d in items if n not in dropped]
    names = [name for name, _ in kept]
    assert names == sorted(names)  # ICU finds an item by binary search
    for needed in ("coll/root.res", "coll/fr_CA.res", "zone/fr.res", "zoneinfo64.res", "cnvalias.icu", "fr.res"):
        assert f"icudt73l/{needed}" in names
