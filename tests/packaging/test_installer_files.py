"""Installer sources: desktop entry, MIME type, .deb tree, macOS Info.plist, WiX source (compiled with wixl)."""

from __future__ import annotations

import os
import plistlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from briefing.core.project_save import save_briefing
from briefing.core.templates import load_catalog, new_briefing
from tests.packaging.conftest import PACKAGING

LINUX = PACKAGING / "linux"
WXS = PACKAGING / "windows" / "briefing.wxs"
UPGRADE_CODE = "9EFABC6A-BAC2-4101-9290-85A48337C260"  # never changes: it is how an MSI finds older versions
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def needs(*tools: str) -> None:
    missing = [t for t in tools if not shutil.which(t)]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (Debian: dev.py TEST_PACKAGES)")


def briefing_file(folder: Path) -> Path:
    path = folder / "note.briefing"
    save_briefing(new_briefing(load_catalog().get("information-note"), title="Test"), path)
    return path


def test_desktop_entry_is_valid() -> None:
    needs("desktop-file-validate")
    result = subprocess.run(["desktop-file-validate", str(LINUX / "briefing.desktop")], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    text = (LINUX / "briefing.desktop").read_text(encoding="utf-8")
    assert "MimeType=application/vnd.briefing+zip;" in text
    assert re.search(r"^Exec=/usr/lib/briefing/launch %f$", text, re.M)


def test_launcher_opens_a_file_or_the_window() -> None:
    script = (LINUX / "launch").read_text(encoding="utf-8")
    assert subprocess.run(["sh", "-n", str(LINUX / "launch")]).returncode == 0
    assert 'exec /opt/briefing/briefing open "$1"' in script and "exec /opt/briefing/briefing\n" in script


def test_mime_magic_matches_a_real_project_file(tmp_path: Path) -> None:
    tree = ET.parse(LINUX / "briefing-mime.xml")
    (mime,) = tree.getroot().findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == "application/vnd.briefing+zip"
    assert mime.find(f"{MIME_NS}glob").get("pattern") == "*.briefing"
    match = mime.find(f"{MIME_NS}magic/{MIME_NS}match")
    offset, value = int(match.get("offset")), match.get("value").encode()
    data = briefing_file(tmp_path).read_bytes()
    assert data[offset : offset + len(value)] == value  # what Briefing writes is what the magic recognises


def test_mime_database_accepts_the_type(tmp_path: Path) -> None:
    needs("update-mime-database")
    (tmp_path / "packages").mkdir()
    shutil.copy(LINUX / "briefing-mime.xml", tmp_path / "packages" / "briefing.xml")
    result = subprocess.run(["update-mime-database", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stderr.lower(), result.stderr
    assert (tmp_path / "application" / "vnd.briefing+zip.xml").is_file()
    assert "*.briefing" in (tmp_path / "globs2").read_text(encoding="utf-8")


def test_deb_tree_and_control(tmp_path: Path, build: ModuleType) -> None:
    needs("dpkg-deb", "dpkg")
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "briefing").write_text("#!/bin/sh\n", encoding="utf-8")
    (bundle / "briefing").chmod(0o700)
    (bundle / "_internal" / "data.txt").write_text("x", encoding="utf-8")
    (bundle / "_internal" / "libx.so.1").write_bytes(b"\x7fELF")
    (bundle / "_internal" / "libx.so.1").chmod(0o755)
    icons = build.make_icons(tmp_path / "icons")
    root = tmp_path / "root"
    build.stage_deb(bundle, root, icons)
    assert (root / "opt/briefing/briefing").stat().st_mode & 0o777 == 0o755
    assert (root / "opt/briefing/_internal/data.txt").stat().st_mode & 0o777 == 0o644
    assert (root / "opt/briefing/_internal/libx.so.1").stat().st_mode & 0o777 == 0o644
    assert os.readlink(root / "usr/bin/briefing") == "/opt/briefing/briefing"
    for path in (
        "usr/lib/briefing/launch",
        "usr/share/applications/briefing.desktop",
        "usr/share/mime/packages/briefing.xml",
        "usr/share/icons/hicolor/scalable/apps/briefing.svg",
        "usr/share/icons/hicolor/48x48/apps/briefing.png",
        "usr/share/doc/briefing/copyright",
        "usr/share/doc/briefing/changelog.gz",
    ):
        assert (root / path).is_file(), path
    deb = tmp_path / "t.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(root), str(deb)], check=True, capture_output=True
    )
    depends = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Depends"], capture_output=True, text=True, check=True
    ).stdout
    for package in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0", "libegl1"):
        assert package in depends  # Qt's xcb platform aborts without them (packaging-notes.md)
    assert "libc6 (>= 2.36)" in depends  # stage_deb's default floor; build_deb measures it (glibc_floor)
    contents = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True).stdout
    assert "root/root" in contents and "./usr/bin/briefing -> /opt/briefing/briefing" in contents


def test_macos_info_plist_declares_the_document_type(layout: ModuleType) -> None:
    with (PACKAGING / "macos" / "Info.plist").open("rb") as handle:
        info = plistlib.load(handle)
    (uti,) = info["UTExportedTypeDeclarations"]
    tags = uti["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == ["briefing"]
    assert tags["public.mime-type"] == [layout.MIME_TYPE]
    assert "public.zip-archive" in uti["UTTypeConformsTo"]
    (doc,) = info["CFBundleDocumentTypes"]
    assert doc["LSItemContentTypes"] == [uti["UTTypeIdentifier"]] and doc["CFBundleTypeRole"] == "Editor"
    assert info["CFBundleIdentifier"] == layout.BUNDLE_ID


def test_wix_source_has_a_fixed_upgrade_code_and_no_custom_actions() -> None:
    root = ET.parse(WXS).getroot()
    ns = "{http://schemas.microsoft.com/wix/2006/wi}"
    product = root.find(f"{ns}Product")
    assert product.get("UpgradeCode") == UPGRADE_CODE and product.get("Id") == "*"
    assert product.find(f"{ns}Package").get("InstallScope") == "perMachine"
    assert product.find(f"{ns}MajorUpgrade") is not None
    assert not list(root.iter(f"{ns}CustomAction"))


def test_wix_source_compiles_with_wixl(tmp_path: Path, build: ModuleType) -> None:
    needs("wixl", "wixl-heat", "msiinfo")
    bundle = tmp_path / "briefing"
    (bundle / "_internal" / "templates").mkdir(parents=True)
    (bundle / "briefing.exe").write_bytes(b"MZ stand-in")
    (bundle / "_internal" / "templates" / "information-note.yaml").write_text("id: x\n", encoding="utf-8")
    icons = build.make_icons(tmp_path / "icons")
    msi = build.compile_wixl(bundle, icons / "briefing.ico", tmp_path / "t.msi", tmp_path / "work")

    def table(name: str) -> str:
        return subprocess.run(["msiinfo", "export", str(msi), name], capture_output=True, text=True, check=True).stdout

    properties = dict(line.split("\t", 1) for line in table("Property").splitlines()[3:])
    assert properties["ALLUSERS"] == "1" and properties["UpgradeCode"] == "{" + UPGRADE_CODE + "}"
    assert properties["ProductVersion"] == build.layout.version()
    registry = table("Registry")
    assert '"[INSTALLDIR]briefing.exe" open "%1"' in registry and "Software\\Classes\\.briefing" in registry
    assert "BRIEFING_TEMPLATES\t[SHAREDTEMPLATES]" in registry
    assert "[INSTALLDIR]briefing.exe" in table("Shortcut") and "ProgramMenuFolder" in table("Shortcut")
    assert "WIX_UPGRADE_DETECTED" in table("Upgrade")
    files = table("File")
    assert "information-note.yaml" in files and "briefing.exe" in files
    assert "\n" not in table("CustomAction").strip().split("\n", 3)[-1]  # header only: no custom actions


def test_glibc_floor_reads_symbol_versions(tmp_path: Path, build: ModuleType) -> None:
    needs("objdump")
    import sys

    shutil.copy(os.path.realpath(sys.executable), tmp_path / "python")
    floor = build.glibc_floor(tmp_path)
    libc = os.confstr("CS_GNU_LIBC_VERSION").split()[-1]  # "glibc 2.36" on Debian 12
    as_tuple = lambda v: tuple(map(int, v.split(".")))  # noqa: E731
    assert (2, 2) <= as_tuple(floor) <= as_tuple(libc)
    (tmp_path / "python").unlink()
    with pytest.raises(SystemExit):
        build.glibc_floor(tmp_path)  # nothing to measure is an error, not a made-up floor


def test_build_script_commands(build: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as shown:
        build.main(["--help"])
    assert shown.value.code == 0
    usage = capsys.readouterr().out
    for command in ("bundle", "deb", "msi", "dmg", "figures"):
        assert command in usage
    with pytest.raises(SystemExit, match="holds no briefing"):
        build.main(["deb", "--bundle", str(tmp_path)])  # an empty folder is not a bundle
    with pytest.raises(SystemExit, match="macOS"):
        build.main(["dmg", "--bundle", str(tmp_path)])  # says where it can be built instead of failing oddly
