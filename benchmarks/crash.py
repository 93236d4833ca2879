"""Kill a process that is recording sales, again and again, and check that nothing was lost.

``python benchmarks/crash.py [KILLS]`` (default 200). A writer process records counter sales in
a loop and prints each receipt number after its commit returned; the parent kills it with
SIGKILL at a random moment. After every kill the database must pass ``PRAGMA integrity_check``,
hold every printed sale, have each sale's lines sum to its total, and have receipt numbers
without gaps or duplicates. The test suite runs a short version of the same check.
"""

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def writer(db_path: str) -> None:
    """Record sales until killed; print each receipt number once its commit has returned."""
    sys.path.insert(0, str(ROOT))
    from core.auth import Actor
    from core.db import open_database
    from core.models import Product
    from orders.ledger import LineDraft, PaymentDraft, SaleDraft, record_sale

    db = open_database(db_path)
    actor = Actor("crash-test", "admin")
    with db.read_session() as session:
        products = [(p.id, p.price_fen) for p in session.query(Product).order_by(Product.id)]
    n = 0
    while True:
        n += 1
        chosen = products[n % len(products)], products[(n * 7) % len(products)]
        lines = tuple(LineDraft(pid, 1000 * (1 + n % 3)) for pid, _price in dict(chosen).items())
        total = sum(price * (1 + n % 3) for _pid, price in dict(chosen).items())
        draft = SaleDraft(
            "counter", dt.datetime.now(dt.UTC), lines, (PaymentDraft("wechat", total),), counter_code="ZZ01"
        )
        with db.session() as session, session.begin():
            recorded = record_sale(session, actor, draft)
        print(recorded.ref, flush=True)


def stock_writer(db_path: str) -> None:
    """Receive goods (five lines a note), then count and approve a stocktake, until killed; print
    each document's number once its commit has returned."""
    sys.path.insert(0, str(ROOT))
    from core.auth import Actor
    from core.db import open_database
    from core.models import Product
    from orders import stock

    db = open_database(db_path)
    actor = Actor("crash-test", "admin")
    with db.read_session() as session:
        products = [p.id for p in session.query(Product).order_by(Product.id)]
    n = 0
    while True:
        n += 1
        with db.session() as session, session.begin():
            lines = [stock.StockLine(pid, 1000 * (1 + (n + k) % 4)) for k, pid in enumerate(products)]
            note = stock.receive_goods(session, actor, "ZZ01", lines, document=f"N{n:06d}")
        print(note, flush=True)  # after the commit has returned, never before
        with db.session() as session, session.begin():
            take = stock.start_stocktake(session, actor, "ZZ01")
            for pid in products:
                stock.count(session, actor, take, pid, stock.on_hand(session, 1, pid) + 1000)  # one more than booked
        with db.session() as session, session.begin():
            stock.approve_stocktake(session, actor, take)
        print(take, flush=True)


def prepare(db_path: Path | str) -> None:
    sys.path.insert(0, str(ROOT))
    from core.db import open_database
    from core.identifiers import uscc_check_char
    from core.models import Counter, Product, Supplier

    db = open_database(str(db_path))
    with db.session() as session, session.begin():
        body = "93411224000000001"
        supplier = Supplier(
            uscc=body + uscc_check_char(body),
            name="合作社",
            kind="cooperative",
            region_code="411224",
            benefit_rate_bp=1000,
        )
        session.add(supplier)
        for n in range(5):
            session.add(
                Product(
                    code=f"P{n}",
                    name=f"商品{n}",
                    category="干货",
                    unit="袋",
                    price_fen=100 * (n + 1),
                    supplier=supplier,
                    cert_no=f"C{n}",
                    cert_level="county",
                    certified_on=dt.date(2020, 1, 1),
                    valid_until=dt.date(2099, 1, 1),
                    origin_region_code="411224",
                )
            )
        session.add(Counter(code="ZZ01", name="专柜", kind="counter"))
    db.dispose()


def check(db_path: Path, committed: set[str]) -> list[str]:
    """Everything that is wrong with the database after a kill (empty: nothing)."""
    problems = []
    con = sqlite3.connect(db_path)
    if (verdict := con.execute("PRAGMA integrity_check").fetchone()[0]) != "ok":
        problems.append(f"integrity_check: {verdict}")
    refs = [ref for (ref,) in con.execute("SELECT ref FROM sales")]
    missing = {ref for ref in committed if not ref.startswith(("N", "PD-"))} - set(refs)
    if missing:
        problems.append(f"committed sales missing: {sorted(missing)[:5]}")
    if len(refs) != len(set(refs)):
        problems.append("duplicate receipt numbers")
    by_day: dict[str, list[int]] = {}
    for ref in refs:
        _counter, day, number = ref.rsplit("-", 2)
        by_day.setdefault(day, []).append(int(number))
    for day, numbers in by_day.items():
        if sorted(numbers) != list(range(1, len(numbers) + 1)):
            problems.append(f"gap in receipt numbers of {day}")
    bad = con.execute(
        "SELECT s.ref FROM sales s LEFT JOIN sale_lines l ON l.sale_id = s.id GROUP BY s.id"
        " HAVING COALESCE(SUM(l.amount_fen), -1) != s.total_fen"
    ).fetchall()
    if bad:
        problems.append(f"lines do not sum to the total: {bad[:5]}")
    problems += _stock_problems(con, committed)
    con.close()
    return problems


def _stock_problems(con: sqlite3.Connection, committed: set[str]) -> list[str]:
    """Stock: balances equal their movements; a receiving note has all its lines or none; an
    approved stocktake has its adjustments and an unapproved one none."""
    problems = []
    differ = con.execute(
        "SELECT b.counter_id, b.product_id FROM stock_balances b LEFT JOIN (SELECT counter_id, product_id,"
        " SUM(quantity_milli) AS q FROM stock_movements GROUP BY counter_id, product_id) m"
        " ON m.counter_id = b.counter_id AND m.product_id = b.product_id WHERE COALESCE(m.q, 0) != b.quantity_milli"
    ).fetchall()
    if differ:
        problems.append(f"balances differ from movements: {differ[:5]}")
    partial = con.execute(
        "SELECT document FROM stock_movements WHERE kind = 'receipt' GROUP BY document"
        " HAVING COUNT(*) != (SELECT COUNT(*) FROM products)"
    ).fetchall()
    if partial:
        problems.append(f"receiving notes with some lines only: {partial[:5]}")
    takes = con.execute(
        "SELECT t.number, t.approved_at IS NOT NULL, COUNT(m.id) FROM stocktakes t"
        " LEFT JOIN stock_movements m ON m.document = t.number GROUP BY t.id"
    ).fetchall()
    for number, approved, moves in takes:
        if bool(approved) != bool(moves):
            problems.append(f"stocktake {number}: approved {bool(approved)} with {moves} adjustments")
    notes = {ref for (ref,) in con.execute("SELECT DISTINCT document FROM stock_movements")}
    missing = {ref for ref in committed if ref.startswith(("N", "PD-"))} - notes
    if missing:
        problems.append(f"committed stock documents missing: {sorted(missing)[:5]}")
    return problems


def run(db_path: Path, kills: int, seed: int = 1, max_delay: float = 0.4, what: str = "--writer") -> tuple[int, int]:
    """Kill the writer (``--writer``: sales; ``--stock``: receipts and stocktakes) ``kills`` times;
    returns (kills, records committed). Raises on any problem."""
    rng = random.Random(seed)
    prepare(db_path)
    committed: set[str] = set()
    for kill in range(kills):
        command = [sys.executable, __file__, what, str(db_path)]
        with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT) as proc:
            assert proc.stdout is not None
            first = proc.stdout.readline().strip()  # wait until it is really writing
            if first:
                committed.add(first)
            time.sleep(rng.random() * max_delay)
            os.kill(proc.pid, signal.SIGKILL)
            committed.update(line.strip() for line in proc.stdout.read().splitlines() if line.strip())
        problems = check(db_path, committed)
        if problems:
            raise AssertionError(f"after kill {kill + 1}: {problems}")
    return kills, len(committed)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--writer":
        writer(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "--stock":
        stock_writer(sys.argv[2])
    else:
        import tempfile

        count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            kills, sales = run(Path(tmp) / "crash.db", count)
            print(
                f"{kills} kills, {sales} committed sales, nothing lost, no gaps ({time.perf_counter() - start:.0f} s)"
            )
