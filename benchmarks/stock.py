"""Stock on hand at city scale: 20,000 products at 300 counters (6,000,000 running balances, SQLite).

Measured: one counter's whole stock list through ``orders.stock.stock_rows`` (the manager's
screen and export), and one product's stock at one counter (what the checkout's warning reads),
each beside the same SELECT by hand in sqlite3 on the same file. The balances are written with
raw sqlite3 (a benchmark fixture, not a product path).
"""

import random
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.catalog import ACTOR, load_products
from benchmarks.raw import raw_sqlite
from core.db import open_database
from orders import stock

PRODUCTS, COUNTERS, LOOKUPS, REPEATS = 20_000, 300, 1_000, 7
RAW_LIST = (
    "SELECT c.code, p.code, p.name, p.unit, b.quantity_milli FROM stock_balances b"
    " JOIN counters c ON c.id = b.counter_id JOIN products p ON p.id = b.product_id"
    " WHERE c.code = ? ORDER BY p.code"
)
RAW_ONE = "SELECT quantity_milli FROM stock_balances WHERE counter_id = ? AND product_id = ?"


def _p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[98]


def run() -> list[tuple[str, float, float]]:
    rng = random.Random(16)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / "stock.db"
        db = open_database(str(path))
        load_products(db, root, PRODUCTS)
        db.dispose()
        raw = raw_sqlite(path)
        raw.executemany(
            "INSERT INTO counters (id, code, name, kind, location) VALUES (?, ?, ?, 'counter', '')",
            [(n, f"C{n:03d}", f"专柜{n}") for n in range(1, COUNTERS + 1)],
        )
        raw.executemany(
            "INSERT INTO stock_balances (counter_id, product_id, quantity_milli) VALUES (?, ?, ?)",
            ((c, p, 1000 * (1 + (c * p) % 50)) for c in range(1, COUNTERS + 1) for p in range(1, PRODUCTS + 1)),
        )
        raw.commit()
        db = open_database(str(path))
        with db.read_session() as s:
            stock.stock_rows(s, ACTOR, "C150")  # warm the cache as a manager's second look would
            lists = []
            for _ in range(REPEATS):
                start = time.perf_counter()
                rows = stock.stock_rows(s, ACTOR, "C150")
                lists.append(time.perf_counter() - start)
            ones = []
            for _ in range(LOOKUPS):
                counter, product = rng.randint(1, COUNTERS), rng.randint(1, PRODUCTS)
                start = time.perf_counter()
                stock.on_hand(s, counter, product)
                ones.append(time.perf_counter() - start)
        db.dispose()
        raw_lists = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            raw_rows = raw.execute(RAW_LIST, ("C150",)).fetchall()
            raw_lists.append(time.perf_counter() - start)
        raw_ones = []
        for _ in range(LOOKUPS):
            counter, product = rng.randint(1, COUNTERS), rng.randint(1, PRODUCTS)
            start = time.perf_counter()
            raw.execute(RAW_ONE, (counter, product)).fetchone()
            raw_ones.append(time.perf_counter() - start)
        raw.close()
        assert len(rows) == len(raw_rows) == PRODUCTS
    return [
        (
            f"stock on hand: one counter's {PRODUCTS:,} products among {COUNTERS} counters, median",
            statistics.median(lists),
            statistics.median(raw_lists),
        ),
        ("stock on hand: one product at one counter, p99", _p99(ones), _p99(raw_ones)),
    ]
