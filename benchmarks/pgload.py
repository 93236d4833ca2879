"""PostgreSQL under load: 16 writers selling at 16 counters at once, on a cluster with fsync on.

    FSYNC=on bash .ci/postgres.sh /tmp/pgf 54330      # as root: a throwaway cluster, fsync on
    BANGFU_BENCH_PG_URL=postgresql+psycopg://bangfu@127.0.0.1:54330/bangfu python benchmarks/pgload.py

Each writer is its own process with its own connection and records 3-line cash sales through the
sale service (checks, receipt number, lines, payment: one transaction each). Reported: sales per
second, p99 commit latency, CPU time per sale in the clients and in the server, errors, and gaps in
receipt numbers; beside the same rows written by hand-written psycopg statements in the same run.
"""

import datetime as dt
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WRITERS = 16
SALES = 400  # per writer
ACTOR_NAME = "bench"


def _server_cpu() -> float:
    """Seconds of CPU used so far by the PostgreSQL server: every postgres process alive now, plus
    what the postmaster's children that already ended used (its cutime and cstime)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name, fields = stat[stat.index("(") + 1 : stat.rindex(")")], stat[stat.rindex(")") + 2 :].split()
        if name.startswith("postgres"):
            total += int(fields[11]) + int(fields[12])  # utime, stime
            if fields[1] == "1" or not Path(f"/proc/{fields[1]}/stat").read_text().split("(")[1].startswith("postgres"):
                total += int(fields[13]) + int(fields[14])  # the postmaster: its ended children
    return total / ticks


def _fresh(url: str) -> str:
    """A new empty database ``bangfu_load`` on the same server, for a run that starts from nothing."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text('DROP DATABASE IF EXISTS "bangfu_load" WITH (FORCE)'))
        conn.execute(text('CREATE DATABASE "bangfu_load"'))
    admin.dispose()
    return make_url(url).set(database="bangfu_load").render_as_string(hide_password=False)


def _prepare(url: str) -> list[int]:
    from core.db import open_database
    from core.models import Counter
    from tests import factories

    db = open_database(url)
    with db.session() as session, session.begin():
        owner = factories.supplier(session, 77)
        products = [factories.product(session, owner, f"LOAD{n}", price_fen=1000 + n).id for n in range(3)]
        for n in range(WRITERS):
            session.add(Counter(code=f"LD{n:02d}", name=f"负载{n}", kind="counter"))
    db.dispose()
    return products


def _service_writer(args: tuple[str, int, list[int], dt.datetime], ready) -> tuple[list[float], int, float]:  # type: ignore[no-untyped-def]
    url, number, products, day = args
    from sqlalchemy import select

    from core.auth import Actor
    from core.db import open_database
    from orders.ledger import LineDraft, PaymentDraft, SaleDraft, record_sale

    db = open_database(url)
    actor, latencies, errors = Actor(ACTOR_NAME, "admin"), [], 0
    lines = tuple(LineDraft(p, 1000) for p in products)
    total = sum(1000 + n for n in range(3))
    with db.read_session() as session:  # connected and warm before the clock starts
        session.execute(select(1))
    ready.wait()
    started = time.process_time()
    for n in range(SALES):
        draft = SaleDraft(
            "counter", day + dt.timedelta(seconds=n), lines, (PaymentDraft("cash", total, total),),
            counter_code=f"LD{number:02d}",
        )  # fmt: skip
        begin = time.perf_counter()
        try:
            with db.session() as session, session.begin():
                record_sale(session, actor, draft)
        except Exception:
            errors += 1
        latencies.append(time.perf_counter() - begin)
    cpu = time.process_time() - started
    db.dispose()
    return latencies, errors, cpu


def _raw_writer(args: tuple[str, int, list[int], dt.datetime], ready) -> tuple[list[float], int, float]:  # type: ignore[no-untyped-def]
    """The same rows by hand: receipt counter upsert, sale, three lines, one payment."""
    url, number, products, day = args
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    latencies = []
    with psycopg.connect(dsn) as conn:
        counter_id = conn.execute("SELECT id FROM counters WHERE code = %s", (f"LD{number:02d}",)).fetchone()[0]
        conn.commit()
        ready.wait()
        started = time.process_time()
        for n in range(SALES):
            begin = time.perf_counter()
            with conn.transaction():
                sold = day + dt.timedelta(days=1, seconds=n)
                seq = conn.execute(
                    "INSERT INTO receipt_sequences (counter_id, business_day, last_no) VALUES (%s, %s, 1)"
                    " ON CONFLICT (counter_id, business_day) DO UPDATE SET last_no = receipt_sequences.last_no + 1"
                    " RETURNING last_no",
                    (counter_id, sold.date()),
                ).fetchone()[0]
                sale_id = conn.execute(
                    "INSERT INTO sales (ref, channel, sold_at, counter_id, total_fen, created_at)"
                    " VALUES (%s, 'counter', %s, %s, 3003, now()) RETURNING id",
                    (f"RAW{number:02d}-{sold:%Y%m%d}-{seq:04d}", sold, counter_id),
                ).fetchone()[0]
                with conn.cursor() as cursor:
                    cursor.executemany(
                        "INSERT INTO sale_lines (sale_id, line_no, product_id, quantity_milli, unit_price_fen,"
                        " amount_fen, sold_at, channel) VALUES (%s, %s, %s, 1000, %s, %s, %s, 'counter')",
                        [(sale_id, i + 1, p, 1000 + i, 1000 + i, sold) for i, p in enumerate(products)],
                    )
                conn.execute(
                    "INSERT INTO payments (sale_id, method, amount_fen, tendered_fen, change_fen)"
                    " VALUES (%s, 'cash', 3003, 3003, 0)",
                    (sale_id,),
                )
            latencies.append(time.perf_counter() - begin)
    return latencies, 0, time.process_time() - started


def _worker(writer, args, ready, results) -> None:  # type: ignore[no-untyped-def]
    results.put(writer(args, ready))


def _load(url: str, writer, products: list[int], day: dt.datetime) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """All writers start, connect and warm up, then sell at once; the clock runs from the last
    one ready to the last one done, so start-up (imports, connecting) is not counted."""
    context = multiprocessing.get_context("spawn")
    ready, results = context.Barrier(WRITERS + 1), context.Queue()
    workers = [
        context.Process(target=_worker, args=(writer, (url, n, products, day), ready, results)) for n in range(WRITERS)
    ]
    for worker in workers:
        worker.start()
    ready.wait()
    server_before, wall = _server_cpu(), time.perf_counter()
    done = [results.get() for _ in workers]
    wall = time.perf_counter() - wall
    for worker in workers:
        worker.join()
    server = _server_cpu() - server_before
    latencies = [x for lat, _e, _c in done for x in lat]
    sales = WRITERS * SALES
    return {
        "sales_per_s": sales / wall,
        "p99_ms": statistics.quantiles(latencies, n=100)[98] * 1000,
        "client_cpu_ms": sum(c for _l, _e, c in done) / sales * 1000,
        "server_cpu_ms": server / sales * 1000,
        "errors": sum(e for _l, e, _c in done),
    }


def _gaps(url: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT count(*), max(CAST(right(ref, 4) AS integer)) FROM sales"
                " WHERE ref LIKE 'LD%' GROUP BY counter_id, left(ref, 13)"
            )
        ).all()
    engine.dispose()
    return sum(int(top) - int(count) for count, top in rows)


def run() -> list[tuple[str, float, float]]:
    url = os.environ.get("BANGFU_BENCH_PG_URL")
    if not url:
        print("pgload: set BANGFU_BENCH_PG_URL (a PostgreSQL with fsync on, see the docstring)", file=sys.stderr)
        return []
    url = _fresh(url)
    products = _prepare(url)
    day = dt.datetime(2026, 7, 1, 1, tzinfo=dt.UTC)
    ours = _load(url, _service_writer, products, day)
    raw = _load(url, _raw_writer, products, day)
    gaps = _gaps(url)
    print(f"pgload: {WRITERS} writers × {SALES} sales, cores {os.cpu_count()}", file=sys.stderr)
    for name, figures in (("Bangfu", ours), ("raw psycopg", raw)):
        shown = ", ".join(f"{k} {v:.1f}" for k, v in figures.items())
        print(f"pgload {name}: {shown}", file=sys.stderr)
    print(f"pgload receipt-number gaps: {gaps}", file=sys.stderr)
    return [
        (f"PostgreSQL fsync on, {WRITERS} writers: s per 1,000 sales", 1000 / ours["sales_per_s"],
         1000 / raw["sales_per_s"]),
        (f"  p99 commit (s), {int(ours['errors'])} errors, {gaps} gaps", ours["p99_ms"] / 1000, raw["p99_ms"] / 1000),
        ("  CPU per sale, client (s)", ours["client_cpu_ms"] / 1000, raw["client_cpu_ms"] / 1000),
        ("  CPU per sale, server (s)", ours["server_cpu_ms"] / 1000, raw["server_cpu_ms"] / 1000),
    ]  # fmt: skip


if __name__ == "__main__":
    for label, mine, base in run():
        print(f"{label:<52} {mine:>9.4f} {base:>10.4f}")
