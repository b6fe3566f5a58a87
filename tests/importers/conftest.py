"""Shared fixtures for importer tests: the public corpus beside the repository (never copied into it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# BRIEFING_CORPUS points elsewhere, e.g. from a git worktree that has no shared/ beside it
CORPUS = Path(os.environ.get("BRIEFING_CORPUS") or REPO / ".." / "shared" / "corpus").resolve()


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the public test corpus is not at {CORPUS} (clone shared/ beside the repository)")
    return CORPUS
