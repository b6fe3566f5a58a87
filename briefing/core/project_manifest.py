"""The manifest of a .briefing file: its format version and migrations, written from a briefing and parsed.

Turning a parsed manifest into a Briefing, checking every value, is project_load's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from briefing import __version__
from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import Briefing, sha256_hex
from briefing.core.plain import briefing_data
from briefing.core.project import no_surrogates, part_names, sub_in_pieces, utf8
from briefing.core.yaml_cache import safe_load, yaml_module

FORMAT_VERSION = 3
# A manifest of 1,000 excerpts is about 0.5 MB; parsing 16 MB takes under a second (the window waits for it).
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
# Containers ("{" and "[") in the manifest, counted before parsing: a bound on the objects it can make.
MAX_CONTAINERS = 2_000_000
# A manifest that is not Briefing's own JSON-style YAML is read by a YAML parser ~100 times slower: bounded apart.
MAX_YAML_BYTES = 8 * 1024 * 1024
MAX_YAML_EVENTS = 200_000


# Steps that bring an older manifest up to date: MIGRATIONS[n] turns a version-n manifest into n + 1.
# Version 2 added excerpts' "flag" and "filed" (left by a source update): a version-1 file has none to convert, but
# a Briefing that reads only version 1 must refuse a version-2 file rather than drop its flags unseen.
# Version 3 added the title block's "language" (en, fr, bilingual): a version-2 note is English, the default.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: lambda manifest: manifest,
    2: lambda manifest: manifest,
}


def manifest_of(briefing: Briefing) -> dict[str, Any]:
    data = briefing_data(briefing)
    for entry, source in zip(data["sources"], briefing.sources, strict=True):
        entry.update({"text_sha256": sha256_hex(utf8(source.text)), **part_names(source)})
    return {
        "format": "briefing",
        "version": FORMAT_VERSION,
        "app": f"Briefing {__version__}",
        "saved_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        **data,
    }


# Characters YAML does not allow raw (or reads as line breaks) inside a quoted scalar; JSON leaves them raw.
_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def dump_manifest(manifest: dict[str, Any]) -> bytes:
    """The manifest as YAML in flow (JSON-compatible) style: any YAML reader reads it, and it loads fast."""
    text = json.dumps(manifest, ensure_ascii=False, indent=1)
    text = sub_in_pieces(_NOT_YAML_PRINTABLE, lambda m: f"\\u{ord(m.group()):04x}", no_surrogates(text))
    return ("# Briefing project manifest (YAML; see docs/file-format.md)\n" + text + "\n").encode("utf-8")


class ManifestTooLarge(ValueError):
    """The manifest is beyond what Briefing reads (str() says how); raised before its objects are built."""


def parse_manifest(raw: bytes) -> Any:
    """Read the manifest: JSON-style YAML as written by Briefing quickly, any other YAML (hand-edited) safely.

    Raises UnicodeDecodeError, yaml.YAMLError or ManifestTooLarge; RecursionError for JSON nested too deep.
    """
    text = raw.decode("utf-8")
    containers = raw.count(b"{") + raw.count(b"[")
    if containers > MAX_CONTAINERS:
        raise ManifestTooLarge(
            Message(
                QT_TRANSLATE_NOOP("Messages", "has more than {limit} lists and mappings"),
                limit=f"{MAX_CONTAINERS:,}",
            )
        )
    body = text.partition("\n")[2] if text.startswith("#") else text  # (a comment alone has no second line)
    try:
        return json.loads(body)
    except ValueError:
        pass
    if len(raw) > MAX_YAML_BYTES:
        raise ManifestTooLarge(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "is {size} MB of hand-written YAML; Briefing reads YAML up to {limit} "
                    "MB (larger manifests only in the JSON style it writes)",
                ),
                size=len(raw) // (1024 * 1024),
                limit=MAX_YAML_BYTES // (1024 * 1024),
            )
        )
    _check_yaml_events(text)
    return safe_load(text)  # no Python objects


def _check_yaml_events(text: str) -> None:
    """Refuse aliases (*name), before any object is built: a few hundred bytes of nested aliases expand to billions
    of entries ("billion laughs"), and Briefing never writes them. Bound the number of nodes as well."""
    yaml = yaml_module()  # PyYAML is imported only for a manifest that is not Briefing's own JSON style
    for count, event in enumerate(yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.YAMLError(f"uses a YAML alias (*{str(event.anchor)[:40]}), which Briefing does not read")
        if count > MAX_YAML_EVENTS:
            raise ManifestTooLarge(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "has more than {limit} YAML entries written by hand"),
                    limit=f"{MAX_YAML_EVENTS:,}",
                )
            )
