"""Fault injection on the owner lock: many processes meeting one stale lock; never two owners at once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.fault.lock_race import kills, race

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses fork to start the takers together")


def test_two_takers_of_a_stale_lock_never_both_win(tmp_path: Path) -> None:
    trials = int(os.environ.get("BRIEFING_TRIALS", "40"))
    lost, nobody = race(tmp_path, trials)
    assert lost == 0
    assert nobody == 0  # the lock was stale: one of them always gets it


def test_four_takers_of_a_stale_lock_never_both_win(tmp_path: Path) -> None:
    lost, nobody = race(tmp_path, 15, takers=4)
    assert (lost, nobody) == (0, 0)


def test_a_process_killed_while_taking_the_lock_never_blocks_the_next(tmp_path: Path) -> None:
    # kill -9 used to leave an empty lock now and then, which then blocked everyone for a day.
    assert kills(tmp_path, int(os.environ.get("BRIEFING_TRIALS", "8"))) == 0
