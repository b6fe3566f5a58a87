"""The compound-file writer (importers/compound.py) that gives an attached Outlook message a file of its own."""

from __future__ import annotations

import io

import olefile

from briefing.importers.compound import compound_file

NO_ENTRY = 0xFFFFFFFF


def _in_order(ole: olefile.OleFileIO, index: int) -> list[str]:
    if index == NO_ENTRY:
        return []
    entry = ole.direntries[index] or ole._load_direntry(index)
    return [*_in_order(ole, entry.sid_left), entry.name, *_in_order(ole, entry.sid_right)]


def test_streams_storages_and_class_ids_read_back() -> None:
    tree = {
        "__substg1.0_0037001F": "Subject".encode("utf-16-le"),
        "big": bytes(range(256)) * 40,  # over the mini-stream cutoff: in ordinary sectors
        "empty": b"",
        "__attach_version1.0_#00000000": {"__substg1.0_37010102": b"attached", "deeper": {"x": b"1"}},
    }
    clsid = bytes(range(16))
    ole = olefile.OleFileIO(io.BytesIO(compound_file(tree, {"__attach_version1.0_#00000000/deeper": clsid})))
    assert ole.openstream("__substg1.0_0037001F").read() == tree["__substg1.0_0037001F"]
    assert ole.openstream("big").read() == tree["big"]
    assert ole.openstream("empty").read() == b""
    assert ole.openstream("__attach_version1.0_#00000000/__substg1.0_37010102").read() == b"attached"
    assert ole.openstream("__attach_version1.0_#00000000/deeper/x").read() == b"1"
    assert ole.getclsid("__attach_version1.0_#00000000/deeper") == "03020100-0504-0706-0809-0A0B0C0D0E0F"


def test_siblings_are_a_search_tree_in_the_formats_order() -> None:
    # Windows finds a name by walking the tree: shorter names first, then by upper-case letters; all black is
    # allowed (no two reds in a row), and balanced keeps look-ups short
    names = ["b", "A", "__substg1.0_1000001F", "c", "aa", "__properties_version1.0", "Zz", "__substg1.0_0037001F"]
    ole = olefile.OleFileIO(io.BytesIO(compound_file({name: b"x" for name in names})))
    order = _in_order(ole, ole.root.sid_child)
    assert order == [
        "A",
        "b",
        "c",
        "aa",
        "Zz",
        "__substg1.0_0037001F",
        "__substg1.0_1000001F",
        "__properties_version1.0",
    ]
    assert all(entry.color == 1 for entry in ole.direntries if entry is not None)


def test_a_file_whose_allocation_table_outgrows_the_header() -> None:
    # over 109 allocation table sectors (about 7 MB): the rest are listed in DIFAT sectors
    data = bytes(range(251)) * 40_000
    written = compound_file({"big": data, "small": b"s"})
    ole = olefile.OleFileIO(io.BytesIO(written))
    assert ole.openstream("big").read() == data and ole.openstream("small").read() == b"s"
    assert int.from_bytes(written[0x48:0x4C], "little") == 1  # one DIFAT sector
