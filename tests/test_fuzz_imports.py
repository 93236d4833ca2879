"""A short seeded run of the import fuzzer (benchmarks/fuzz_imports.py runs 100,000 inputs):
every mutated file is imported or refused with a message naming it, and a refusal changes nothing."""

from pathlib import Path

from benchmarks.fuzz_imports import fuzz, prepare
from core.db import open_database


def test_hostile_imports_are_imported_or_refused_and_a_refusal_changes_nothing(
    empty_db_url: str, tmp_path: Path
) -> None:
    db = open_database(empty_db_url)
    try:
        prepare(db)
        report = fuzz(db, 200, seed=2026, folder=tmp_path)
    finally:
        db.dispose()
    assert report.failures == []
    assert report.inputs == 200
    assert sum(n for outcome, n in report.outcomes.items() if outcome.endswith("refused")) > 100
