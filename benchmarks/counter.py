"""The counter's two waits: scan-to-line among 20,000 products, and committing a 5-line sale
(SQLite, synchronous=FULL), each as p99 over many tries beside a raw sqlite3 baseline."""

import datetime as dt
import gc
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.catalog import load_products
from benchmarks.raw import raw_sqlite
from core.auth import Actor
from core.db import open_database
from core.identifiers import ean_check_digit
from core.models import Counter
from orders.cart import Cart
from orders.counter import checkout, save_open_cart, scan
from orders.ledger import PaymentDraft
from orders.shifts import open_shift

ACTOR = Actor("bench", "admin")
RAW_SALE = (
    "INSERT INTO sales (ref, channel, sold_at, counter_id, total_fen, created_at) VALUES (?, 'counter', ?, 1, 500, ?)"
)
RAW_LINE = (
    "INSERT INTO sale_lines (sale_id, line_no, product_id, quantity_milli, unit_price_fen, amount_fen,"
    " sold_at, channel) VALUES (?, ?, ?, 1000, 100, 100, '2026-01-01 00:00:00', 'counter')"
)
TRIES = 300


def _p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[98]


def _barcode(n: int) -> str:
    body = f"69{n:010d}"
    return body + ean_check_digit(body)


def run() -> list[tuple[str, float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / "counter.db"
        db = open_database(str(path))
        load_products(db, root, 20_000)
        with db.session() as s, s.begin():
            s.add(Counter(code="ZZ01", name="专柜", kind="counter"))
        with db.session() as s, s.begin():
            open_shift(s, ACTOR, "ZZ01", 0)  # the counter sells only in an open shift
        today = dt.date.today()
        gc.freeze()  # as the window does once it has started (gui/app.py): the fixture's objects stay

        scans, commits = [], []
        for n in range(TRIES):
            cart = Cart("ZZ01")
            for k in range(5):
                start = time.perf_counter()
                with db.session() as s, s.begin():  # what one scanner Enter costs: find, add, save the cart
                    cart.add(scan(s, _barcode((n * 37 + k * 4001) % 20_000), today).line)
                    save_open_cart(s, cart)
                scans.append(time.perf_counter() - start)
            start = time.perf_counter()
            with db.session() as s, s.begin():
                checkout(s, ACTOR, cart, (PaymentDraft("wechat", cart.total_fen),))
            commits.append(time.perf_counter() - start)

        raw = raw_sqlite(path, isolation_level=None)
        raw.execute("PRAGMA synchronous=FULL")
        raw_scans, raw_commits = [], []
        for n in range(TRIES):
            start = time.perf_counter()
            raw.execute("SELECT id, price_fen FROM products WHERE barcode = ?", (_barcode(n * 11 % 20_000),)).fetchone()
            raw_scans.append(time.perf_counter() - start)
            start = time.perf_counter()
            raw.execute("BEGIN IMMEDIATE")
            sale = raw.execute(RAW_SALE, (f"RAW-{n}", "2026-01-01 00:00:00", "2026-01-01 00:00:00")).lastrowid
            for k in range(5):
                raw.execute(RAW_LINE, (sale, k + 1, k + 1))
            raw.execute("INSERT INTO payments (sale_id, method, amount_fen) VALUES (?, 'wechat', 500)", (sale,))
            raw.execute("COMMIT")
            raw_commits.append(time.perf_counter() - start)
        raw.close()
        db.dispose()
    return [
        ("scan-to-line p99 (20,000 products; find, add, save cart)", _p99(scans), _p99(raw_scans)),
        ("commit a 5-line sale p99 (synchronous=FULL)", _p99(commits), _p99(raw_commits)),
    ]
