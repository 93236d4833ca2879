"""A sale is either committed whole or not at all, even when the process is killed (issue 6).
The full run (200 kills) is `python benchmarks/crash.py`; this is the quick version."""

import sys
from pathlib import Path

import pytest

from benchmarks.crash import run


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_the_writer_loses_nothing_and_leaves_no_gap(tmp_path: Path) -> None:
    kills, committed = run(tmp_path / "crash.db", kills=5, seed=7, max_delay=0.3)
    assert kills == 5
    assert committed > 5  # the writer really was writing when it was killed


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_a_receipt_or_a_stocktake_approval_leaves_all_or_nothing(tmp_path: Path) -> None:
    kills, committed = run(tmp_path / "stock.db", kills=5, seed=9, max_delay=0.4, what="--stock")
    assert kills == 5
    assert committed > 5
