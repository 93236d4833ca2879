"""A kiosk and its central: catching up after a week offline, the first download of a large
registry, and the checkout's commit time while a sync runs.

    BANGFU_BENCH_PG_URL=postgresql+psycopg://bangfu@127.0.0.1:54329/bangfu python3 dev.py bench kiosk

Baselines, measured in the same run: the same sale and line rows written into the central by one
hand-written psycopg ``executemany`` each; the products read by one SELECT and written into a
SQLite table by sqlite3's ``executemany``; the checkout's commit p99 with no sync running.
"""

import datetime as dt
import os
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WEEK_SALES, LINES = 5_000, 5
PRODUCTS = 20_000
NAN = float("nan")


def use_file_keyring(folder: Path) -> None:
    """Where no desktop keyring exists (a server, CI), the kiosk's password goes to the tests' file
    (the suite has set one already)."""
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.keyring_file.FileKeyring")
    os.environ.setdefault("BANGFU_TEST_KEYRING", str(folder / "keyring.json"))


def fresh_database(url: str, name: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _central(url: str, products: int) -> None:
    """A supplier with ``products`` certified products and counter ZZ01, written in bulk."""
    from sqlalchemy import insert

    from core.db import open_database
    from core.identifiers import uscc_check_char
    from core.models import Counter, Product, Supplier

    db = open_database(url)
    body = "93411224000000001"
    with db.session() as session, session.begin():
        supplier = Supplier(
            uscc=body + uscc_check_char(body), name="合作社", kind="cooperative", region_code="411224",
            benefit_rate_bp=1000,
        )  # fmt: skip
        session.add(supplier)
        session.add(Counter(code="ZZ01", name="专柜", kind="counter"))
        session.flush()
        session.execute(
            insert(Product),
            [
                {
                    "code": f"P{n:05d}",
                    "name": f"商品{n}",
                    "category": "干货",
                    "unit": "袋",
                    "price_fen": 100 + n % 900,
                    "supplier_id": supplier.id,
                    "cert_no": f"C{n:05d}",
                    "cert_level": "county",
                    "certified_on": dt.date(2020, 1, 1),
                    "valid_until": dt.date(2099, 1, 1),
                    "origin_region_code": "411224",
                    "search_key": f"p{n:05d}",
                }
                for n in range(products)
            ],
        )
    db.dispose()


def _sell(kiosk: object, count: int, lines: int, latencies: list[float] | None = None) -> None:
    from sqlalchemy import select

    from core.auth import Actor
    from core.models import Product
    from orders.ledger import LineDraft, PaymentDraft, SaleDraft, record_sale

    db = kiosk
    with db.read_session() as session:  # type: ignore[attr-defined]
        products = [(p.id, p.price_fen) for p in session.scalars(select(Product).order_by(Product.id).limit(500))]
    actor = Actor("bench", "admin")
    for n in range(count):
        chosen = [products[(n * lines + k) % len(products)] for k in range(lines)]
        total = sum(price for _pid, price in chosen)
        draft = SaleDraft(
            "counter", dt.datetime.now(dt.UTC), tuple(LineDraft(pid, 1000) for pid, _p in chosen),
            (PaymentDraft("cash", total),), counter_code="ZZ01",
        )  # fmt: skip
        started = time.perf_counter()
        with db.session() as session, session.begin():  # type: ignore[attr-defined]
            record_sale(session, actor, draft)
        if latencies is not None:
            latencies.append(time.perf_counter() - started)


def _raw_upload(kiosk_path: str, url: str) -> float:
    """The same sales and lines into a fresh central by two hand-written executemany calls."""
    import psycopg
    from sqlalchemy.engine import make_url

    target = fresh_database(url, "bangfu_kiosk_raw")
    _central(target, PRODUCTS)  # the same tables, counter and products
    source = sqlite3.connect(kiosk_path)
    sales = source.execute(
        "SELECT ref, channel, sold_at, counter_id, total_fen, created_at FROM sales ORDER BY id"
    ).fetchall()
    lines = source.execute(
        "SELECT sale_id, line_no, product_id, quantity_milli, unit_price_fen, amount_fen, sold_at, channel"
        " FROM sale_lines ORDER BY id"
    ).fetchall()
    source.close()
    parts = make_url(target)
    started = time.perf_counter()
    connect = psycopg.connect(host=parts.host, port=parts.port, user=parts.username, dbname=parts.database)
    with connect as conn, conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO sales (id, ref, channel, sold_at, counter_id, total_fen, created_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [(n + 1, *row) for n, row in enumerate(sales)],
        )
        cur.executemany(
            "INSERT INTO sale_lines (sale_id, line_no, product_id, quantity_milli, unit_price_fen, amount_fen,"
            " sold_at, channel) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            lines,
        )
    return time.perf_counter() - started


def _raw_read(url: str) -> float:
    """One SELECT of every product: where comparing the whole registry each round would start."""
    import psycopg
    from sqlalchemy.engine import make_url

    parts = make_url(url)
    started = time.perf_counter()
    with psycopg.connect(host=parts.host, port=parts.port, user=parts.username, dbname=parts.database) as conn:
        conn.execute("SELECT * FROM products").fetchall()
    return time.perf_counter() - started


def _reprice(url: str, count: int) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE products SET price_fen = price_fen + 1 WHERE id <= :n"), {"n": count})
    engine.dispose()


def _raw_download(url: str) -> float:
    """The products by one SELECT, into a SQLite table by one executemany."""
    import psycopg
    from sqlalchemy.engine import make_url

    parts = make_url(url)
    with tempfile.TemporaryDirectory() as tmp:
        target = sqlite3.connect(Path(tmp) / "raw.db")
        target.execute("CREATE TABLE products (id, code, name, category, unit, price_fen, supplier_id, cert_no)")
        started = time.perf_counter()
        with psycopg.connect(host=parts.host, port=parts.port, user=parts.username, dbname=parts.database) as conn:
            rows = conn.execute(
                "SELECT id, code, name, category, unit, price_fen, supplier_id, cert_no FROM products"
            ).fetchall()
        target.executemany("INSERT INTO products VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        target.commit()
        elapsed = time.perf_counter() - started
        target.close()
    return elapsed


def run() -> list[tuple[str, float, float]]:
    base = os.environ.get("BANGFU_BENCH_PG_URL")
    if not base:
        return [("kiosk: set BANGFU_BENCH_PG_URL (a PostgreSQL) to run", NAN, NAN)]
    from core.auth import Actor
    from core.db import open_database
    from orders.kiosk import join, open_central, synchronise

    url = fresh_database(base, "bangfu_kiosk")
    _central(url, PRODUCTS)
    central = open_database(url)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        use_file_keyring(Path(tmp))
        kiosk_path = str(Path(tmp) / "kiosk.db")
        kiosk = open_database(kiosk_path)
        started = time.perf_counter()
        bound = join(kiosk, central, Actor("bench", "admin"), ["ZZ01"])
        rows.append((f"kiosk: first download, {PRODUCTS:,}-product registry", time.perf_counter() - started,
                     _raw_download(url)))  # fmt: skip
        central.dispose()
        central = open_central(bound)  # from here on as the kiosk's own role, as a kiosk syncs
        started = time.perf_counter()
        synchronise(kiosk, central)
        rows.append(("kiosk: a round with nothing changed (down by change numbers)", time.perf_counter() - started,
                     _raw_read(url)))  # fmt: skip
        _reprice(url, 100)
        started = time.perf_counter()
        synchronise(kiosk, central)
        rows.append(("kiosk: a round after 100 prices changed at the central", time.perf_counter() - started,
                     _raw_read(url)))  # fmt: skip
        _sell(kiosk, WEEK_SALES, LINES)
        started = time.perf_counter()
        synchronise(kiosk, central)
        caught_up = time.perf_counter() - started
        rows.append((f"kiosk: catch-up after a week, {WEEK_SALES:,} sales x {LINES} lines", caught_up,
                     _raw_upload(kiosk_path, base)))  # fmt: skip
        rows.append(("kiosk: upload rate (sales/s; baseline: raw rows/s)", WEEK_SALES / caught_up, NAN))
        quiet: list[float] = []
        _sell(kiosk, 300, 3, quiet)
        _sell(kiosk, WEEK_SALES, LINES)  # a backlog for the sync below
        busy: list[float] = []
        syncing = threading.Thread(target=synchronise, args=(kiosk, central))
        syncing.start()
        while syncing.is_alive() and len(busy) < 2_000:
            _sell(kiosk, 1, 3, busy)
        syncing.join()
        p99 = statistics.quantiles(busy, n=100)[98] if len(busy) >= 2 else NAN
        rows.append((f"kiosk: checkout commit p99 during a sync ({len(busy)} sales)", p99,
                     statistics.quantiles(quiet, n=100)[98]))  # fmt: skip
        kiosk.dispose()
    central.dispose()
    return rows


if __name__ == "__main__":
    for label, ours, baseline in run():
        print(f"{label:<60} {ours:>10.4f} {baseline:>10.4f}")
