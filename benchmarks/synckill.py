"""Kill a kiosk's sync again and again, and check that every sale reaches the central once.

``BANGFU_BENCH_PG_URL=… python benchmarks/synckill.py [KILLS]`` (default 200). A kiosk bound to a
central PostgreSQL records sales; a child process synchronises and is killed with SIGKILL at a
random moment (before, during or after a batch's commit at the central). After every kill the
central holds no sale twice, only sales the kiosk made, each with lines that sum to its total;
after the last one, a sync to the end leaves the central with exactly the kiosk's sales. The test
suite runs a short version of the same check.
"""

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.crash import prepare  # noqa: E402
from core.auth import Actor  # noqa: E402
from core.db import Database, open_database  # noqa: E402


def sync_child(kiosk_path: str) -> None:
    from orders.kiosk import binding, open_central, synchronise

    kiosk = open_database(kiosk_path)
    with kiosk.read_session() as session:
        bound = binding(session)
    assert bound is not None
    central = open_central(bound)
    print("ready", flush=True)
    synchronise(kiosk, central)
    print("done", flush=True)


def sell(kiosk: Database, count: int, start: int) -> None:
    from sqlalchemy import select

    from core.models import Product
    from orders.ledger import LineDraft, PaymentDraft, SaleDraft, record_sale

    with kiosk.read_session() as session:
        products = [(p.id, p.price_fen) for p in session.scalars(select(Product).order_by(Product.id))]
    actor = Actor("synckill", "admin")
    for n in range(start, start + count):
        chosen = dict((products[n % len(products)], products[(n * 3 + 1) % len(products)]))
        lines = tuple(LineDraft(pid, 1000) for pid in chosen)
        total = sum(chosen.values())
        draft = SaleDraft(
            "counter", dt.datetime.now(dt.UTC), lines, (PaymentDraft("cash", total),), counter_code="ZZ01"
        )
        with kiosk.session() as session, session.begin():
            record_sale(session, actor, draft)


def problems(kiosk: Database, central: Database) -> list[str]:
    from sqlalchemy import func, select

    from core.models import Sale, SaleLine

    with kiosk.read_session() as session:
        made = set(session.scalars(select(Sale.ref)))
    with central.read_session() as session:
        refs = list(session.scalars(select(Sale.ref)))
        unbalanced = session.execute(
            select(Sale.ref)
            .outerjoin(SaleLine)
            .group_by(Sale.id)
            .having(func.coalesce(func.sum(SaleLine.amount_fen), -1) != Sale.total_fen)
        ).all()
    found = []
    if len(refs) != len(set(refs)):
        found.append("a sale is at the central twice")
    if set(refs) - made:
        found.append(f"sales the kiosk never made: {sorted(set(refs) - made)[:3]}")
    if unbalanced:
        found.append(f"lines do not sum to the total: {unbalanced[:3]}")
    return found


def run(folder: Path, central_url: str, kills: int, seed: int = 1, max_delay: float = 0.8) -> tuple[int, int, int]:
    """Kill the sync ``kills`` times; returns (kills, those that cut a sync short, sales at the
    central). Raises on any problem."""
    from benchmarks.kiosk import use_file_keyring
    from orders.kiosk import join, pending, synchronise

    use_file_keyring(folder)
    rng = random.Random(seed)
    prepare(central_url)
    central = open_database(central_url)
    kiosk_path = str(folder / "kiosk.db")
    kiosk = open_database(kiosk_path)
    join(kiosk, central, Actor("synckill", "admin"), ["ZZ01"])
    sell(kiosk, 300, 0)
    cut = 0
    for kill in range(kills):
        sell(kiosk, 30, 300 + 30 * kill)
        child = [sys.executable, __file__, "--sync", kiosk_path]
        with subprocess.Popen(child, stdout=subprocess.PIPE, text=True, cwd=ROOT) as proc:
            assert proc.stdout is not None
            proc.stdout.readline()  # both databases open: the kill lands in the sync itself
            time.sleep(rng.random() * max_delay)
            os.kill(proc.pid, signal.SIGKILL)
            cut += "done" not in proc.stdout.read()
        found = problems(kiosk, central)
        if found:
            raise AssertionError(f"after kill {kill + 1}: {found}")
    synchronise(kiosk, central)
    with kiosk.read_session() as session:
        left = pending(session)
    from sqlalchemy import func, select

    from core.models import Sale

    with kiosk.read_session() as session:
        made = session.scalar(select(func.count()).select_from(Sale))
    with central.read_session() as session:
        arrived = session.scalar(select(func.count()).select_from(Sale)) or 0
    kiosk.dispose()
    central.dispose()
    if left["sales"] or arrived != made:
        raise AssertionError(f"after the last sync: {left} waiting, {arrived} of {made} sales at the central")
    return kills, cut, arrived


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--sync":
        sync_child(sys.argv[2])
    else:
        import tempfile

        url = os.environ["BANGFU_BENCH_PG_URL"]
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            count, cut, sales = run(Path(tmp), url, int(sys.argv[1]) if len(sys.argv) > 1 else 200)
            seconds = time.perf_counter() - started
            print(f"{count} kills ({cut} mid-sync), {sales} sales at the central exactly once, {seconds:.0f} s")
