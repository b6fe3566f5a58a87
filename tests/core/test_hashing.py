"""A source's SHA-256: the same digest whichever implementation computes it."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

from briefing.core import model
from briefing.core.model import sha256_hex


def test_small_and_big_data_hash_as_hashlib_does() -> None:
    for data in (b"", b"abc", os.urandom(model._SMALL), os.urandom(model._SMALL + 1), os.urandom(3_000_000)):
        assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_small_data_does_not_load_openssl() -> None:
    script = (
        "import sys\n"
        "from briefing.core.model import sha256_hex\n"
        "assert sha256_hex(b'x' * 20_000) == "
        f"{hashlib.sha256(b'x' * 20_000).hexdigest()!r}\n"
        "print('_hashlib' in sys.modules, 'hashlib' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["False", "False"]
