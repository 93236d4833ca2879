"""A year of points for 100,000 households (issue 17): twelve monthly ``points`` files (an award
for every household early in each month, a redemption for seven in ten later in it: about
2,000,000 rows) imported through the product's import, each checked against the whole history of
the households it touches; then the last month's SPEC §10 JSON (every lot, expiry and spend
replayed), beside one hand-written sqlite3 query of the month's earned, redeemed and adjusted
points and each household's running total (the same figures without expiry: a floor).

BANGFU_BENCH_POINTS_HOUSEHOLDS scales it down for a quick look."""

import csv
import os
import random
import tempfile
import time
from pathlib import Path

from benchmarks.catalog import ACTOR
from benchmarks.raw import raw_sqlite
from catalog.importing import import_file
from core.db import open_database
from orders.points import month_figures
from orders.points_import import PointsEvents

HOUSEHOLDS = int(os.environ.get("BANGFU_BENCH_POINTS_HOUSEHOLDS", "100000"))
YEAR = 2026
HEADER = ["ref", "kind", "date", "household_code", "rule_code", "times", "good_code", "quantity", "points", "reason"]
RAW_MONTH = """
SELECT h.code,
       SUM(CASE WHEN e.kind = 'award' AND e.day >= :start THEN e.points ELSE 0 END),
       SUM(CASE WHEN e.kind = 'redemption' AND e.day >= :start THEN e.points ELSE 0 END),
       SUM(CASE WHEN e.kind = 'adjustment' AND e.day >= :start THEN e.points ELSE 0 END),
       SUM(CASE WHEN e.kind = 'redemption' THEN -e.points ELSE e.points END)
FROM points_events e JOIN households h ON h.id = e.household_id
WHERE e.day < :end GROUP BY h.code ORDER BY h.code
"""


def _month_file(folder: Path, month: int, rng: random.Random) -> tuple[Path, int]:
    path = folder / f"points-{month:02d}.csv"
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADER)
        for n in range(1, HOUSEHOLDS + 1):
            times = rng.randint(1, 3)
            day = f"{YEAR}-{month:02d}-{rng.randint(1, 10):02d}"
            out.writerow([f"A{month:02d}{n:06d}", "award", day, f"H{n:06d}", "LD", times, "", "", "", ""])
            rows += 1
            if rng.random() < 0.7:  # what the month's award covers, later in the month
                later = f"{YEAR}-{month:02d}-{rng.randint(15, 28):02d}"
                soap = rng.randint(1, times * 10 // 4)
                out.writerow([f"R{month:02d}{n:06d}", "redemption", later, f"H{n:06d}", "", "", "SOAP", soap, "", ""])
                rows += 1
    return path, rows


def run() -> list[tuple[str, float, float]]:
    rng = random.Random(17)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / "points.db"
        open_database(str(path)).dispose()
        raw = raw_sqlite(path)
        raw.executemany(
            "INSERT INTO households (code, head_name, region_code, members, status, search_key, created_at)"
            " VALUES (?, '王某某', '411224', 3, 'poor', '', '2026-01-01 00:00:00')",
            ((f"H{n:06d}",) for n in range(1, HOUSEHOLDS + 1)),
        )
        raw.execute(
            "INSERT INTO points_rules (code, name, points, valid_from) VALUES ('LD', '公益劳动', 10, '2025-01-01')"
        )
        raw.execute("INSERT INTO points_goods (code, name, unit, points_price) VALUES ('SOAP', '洗衣皂', '块', 4)")
        raw.commit()
        files = [_month_file(root, month, rng) for month in range(1, 13)]
        db = open_database(str(path))
        total_rows, seconds = 0, 0.0
        for file, rows in files:
            start = time.perf_counter()
            with db.session() as session, session.begin():
                import_file(session, ACTOR, PointsEvents(ACTOR.username), file)
            seconds += time.perf_counter() - start
            total_rows += rows
        start = time.perf_counter()
        with db.read_session() as session:
            figures = month_figures(session, ACTOR, f"{YEAR}-12")
        ours = time.perf_counter() - start
        db.dispose()
        start = time.perf_counter()
        by_hand = raw.execute(RAW_MONTH, {"start": f"{YEAR}-12-01", "end": f"{YEAR + 1}-01-01"}).fetchall()
        baseline = time.perf_counter() - start
        raw.close()
        assert len(figures["households"]) == len(by_hand) == HOUSEHOLDS
        assert figures["earned"] == sum(row[1] for row in by_hand)
    return [
        (
            f"import points: {total_rows:,} rows in 12 monthly files ({total_rows / seconds:,.0f} rows/s)",
            seconds,
            float("nan"),
        ),
        (f"points --month JSON, {HOUSEHOLDS:,} households, a year of events", ours, baseline),
    ]
