"""A city-month (SPEC scale): 3,000,000 sale lines, 5,000 suppliers, 20,000 products, 100,000
households. Measures the sales import beside an executemany of its prepared rows; the month's
summary + attribution in one pass beside one hand-written query of per-supplier net; the PDF +
XLSX beside the JSON figures, and their process's peak memory; the settlement. With
BANGFU_BENCH_PG_URL the same month on PostgreSQL, beside psql running the per-supplier query.

The registry is imported through Bangfu; the 3 million lines are written with raw sqlite3 / COPY
(a benchmark fixture, not a product path) after the import was measured on its own file.
"""

import csv
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from benchmarks.raw import raw_sqlite
from catalog.importing import import_file
from catalog.kinds import registry_kinds
from core.auth import Actor
from core.db import open_database
from core.identifiers import uscc_check_char
from core.money import line_amount
from orders.monthly import attribution_of, monthly_summary
from orders.report_data import attributed_households, report_input
from orders.sales_import import sales_columns, sales_kind
from orders.settlement import settlement

if TYPE_CHECKING:
    from core.db import Database

SUPPLIERS, PRODUCTS, HOUSEHOLDS = 5_000, 20_000, 100_000
LINES, IMPORT_LINES = 3_000_000, 200_000
SAMPLES = 3  # the month's figures and its documents: the median of three processes
MONTH = "2026-10"
ZONE = ZoneInfo("Asia/Shanghai")
RNG = random.Random(7)
ROOT = Path(__file__).resolve().parent.parent
ACTOR = Actor("bench", "admin")


def _uscc(n: int) -> str:
    body = f"934112{n:011d}"
    return body + uscc_check_char(body)


def _write(path: Path, header: list[str], rows) -> Path:  # type: ignore[no-untyped-def]
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        out.writerows(rows)
    return path


PRODUCT_HEADER = (
    "code name category unit price supplier_uscc cert_no cert_level certified_on valid_until origin_region_code"
)
PRODUCT_HEADER = PRODUCT_HEADER.split()  # type: ignore[assignment]


def _product(n: int) -> list[str]:
    unit = "公斤" if n % 3 == 0 else "袋"
    valid_until = "2027-12-31" if n % 500 else "2026-10-15"  # a few certificates end mid-month
    price = f"{5 + n % 95}.{n % 100:02d}"
    return [
        f"P{n:05d}",
        f"香菇{n}",
        f"品类{n % 12}",
        unit,
        price,
        _uscc(n % SUPPLIERS),
        f"C{n}",
        "county",
        "2025-01-01",
        valid_until,
        "411224",
    ]


def _registry(root: Path) -> dict[str, Path]:
    files = {
        "suppliers": _write(
            root / "s.csv",
            ["uscc", "name", "kind", "region_code", "benefit_rate"],
            ([_uscc(n), f"合作社{n}", "cooperative", "411224", str(5 + n % 10)] for n in range(SUPPLIERS)),
        ),
        "products": _write(root / "p.csv", PRODUCT_HEADER, (_product(n) for n in range(PRODUCTS))),
        "households": _write(
            root / "h.csv",
            ["code", "head_name", "region_code", "members", "status"],
            ([f"H{n:06d}", "王建国", "411224", "3", "poor"] for n in range(HOUSEHOLDS)),
        ),
        "linkages": _write(
            root / "l.csv",
            ["supplier_uscc", "household_code", "weight", "mode", "start_month"],
            (
                [_uscc(n % SUPPLIERS), f"H{n:06d}", str(1 + n % 3), "dividend", "2026-01"]
                for n in range(HOUSEHOLDS - 5_000)
            ),
        ),
    }
    return files


def _sale_rows(count: int):  # type: ignore[no-untyped-def]
    """Two lines a sale, spread over the month, every channel."""
    start = dt.datetime(2026, 10, 1, tzinfo=ZONE)
    for n in range(0, count, 2):
        at = (start + dt.timedelta(seconds=RNG.randrange(31 * 86400))).isoformat()
        channel = ("counter", "online", "cooperative", "bulk")[n % 4]
        for k in range(2):
            product = (n * 7 + k * 13) % PRODUCTS
            qty = "1.5" if product % 3 == 0 else "2"
            yield [
                f"S{n:08d}",
                at,
                channel,
                "C1" if channel == "counter" else "",
                "食堂" if channel == "bulk" else "",
                f"P{product:05d}",
                qty,
                "",
                "sale",
                "",
            ]


def _month_rows(prices: dict[int, int], sale_id: int, first: int, batch: int = 200_000):  # type: ignore[no-untyped-def]
    """The rest of the month as the import would have written it: (sales, lines) in batches."""
    ids = sorted(prices)
    sales, lines = [], []
    start = dt.datetime(2026, 10, 1, tzinfo=dt.UTC) - dt.timedelta(hours=8)
    for n in range(first, LINES, 2):
        sale_id += 1
        at = start + dt.timedelta(seconds=RNG.randrange(31 * 86400))
        channel = ("online", "cooperative")[n % 2]
        total = 0
        for k in range(2):
            pid = ids[(n * 7 + k * 13) % PRODUCTS]
            amount = line_amount(prices[pid], 2000)
            total += amount
            lines.append((sale_id, k + 1, pid, 2000, prices[pid], amount, at, channel))
        sales.append((sale_id, f"B{n:08d}", channel, at, total, at))
        if len(lines) >= batch:
            yield sales, lines
            sales, lines = [], []
    yield sales, lines


SALE_COLUMNS = "id, ref, channel, sold_at, total_fen, created_at"
LINE_COLUMNS = "sale_id, line_no, product_id, quantity_milli, unit_price_fen, amount_fen, sold_at, channel"


def _bulk_lines(db_path: Path, first: int) -> None:
    """The rest of the month straight into SQLite (a fixture, not a product path)."""
    con = raw_sqlite(db_path)
    prices = dict(con.execute("SELECT id, price_fen FROM products"))
    stored = "%Y-%m-%d %H:%M:%S.000000"  # UTC, as UTCDateTime stores it
    for sales, lines in _month_rows(prices, con.execute("SELECT max(id) FROM sales").fetchone()[0], first):
        with con:
            con.executemany(
                f"INSERT INTO sales ({SALE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                [(*r[:3], r[3].strftime(stored), r[4], r[5].strftime(stored)) for r in sales],
            )
            con.executemany(
                f"INSERT INTO sale_lines ({LINE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(*r[:6], r[6].strftime(stored), r[7]) for r in lines],
            )
    con.close()


def _bulk_lines_pg(url: str, first: int) -> None:
    """The same rows into PostgreSQL by COPY (a fixture), the sequence moved past them."""
    import psycopg

    with psycopg.connect(url) as con, con.cursor() as cur:
        prices = dict(cur.execute("SELECT id, price_fen FROM products").fetchall())
        last = cur.execute("SELECT max(id) FROM sales").fetchone()[0]  # type: ignore[index]
        for sales, lines in _month_rows(prices, last, first):
            with cur.copy(f"COPY sales ({SALE_COLUMNS}) FROM STDIN") as copy:
                for row in sales:
                    copy.write_row(row)
            with cur.copy(f"COPY sale_lines ({LINE_COLUMNS}) FROM STDIN") as copy:
                for row in lines:
                    copy.write_row(row)
        cur.execute("SELECT setval(pg_get_serial_sequence('sales', 'id'), (SELECT max(id) FROM sales))")
        cur.execute("ANALYZE")


def _raw_sales_import(db_path: Path, sales_file: Path) -> float:
    """The sales file's rows prepared by hand (not timed), then one executemany per table into a
    copy of the registry: what the database alone costs for the import's rows."""
    con = raw_sqlite(db_path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA foreign_keys=ON")
    products = {code: (pid, price) for code, pid, price in con.execute("SELECT code, id, price_fen FROM products")}
    counter = con.execute(
        "INSERT INTO counters (code, name, kind, location) VALUES ('C1', 'C1', 'counter', '') RETURNING id"
    ).fetchone()[0]
    con.commit()
    sales: list[tuple[object, ...]] = []
    lines: list[tuple[object, ...]] = []
    sale_id, previous, number = 0, None, 0
    stored = "%Y-%m-%d %H:%M:%S.000000"
    with sales_file.open(encoding="utf-8", newline="") as f:
        for ref, at, channel, _code, org, product, quantity, *_rest in list(csv.reader(f))[1:]:
            moment = dt.datetime.fromisoformat(at).astimezone(dt.UTC).strftime(stored)
            if ref != previous:
                sale_id, previous, number = sale_id + 1, ref, 0
                sales.append((sale_id, ref, channel, moment, counter if channel == "counter" else None, org or None,
                              0, moment))  # fmt: skip
            number += 1
            pid, price = products[product]
            milli = 1500 if quantity == "1.5" else 2000
            lines.append((sale_id, number, pid, milli, price, line_amount(price, milli), moment, channel))
    start = time.perf_counter()
    with con:
        con.executemany(
            "INSERT INTO sales (id, ref, channel, sold_at, counter_id, customer_org, total_fen, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            sales,
        )
        con.executemany(f"INSERT INTO sale_lines ({LINE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", lines)
    seconds = time.perf_counter() - start
    con.close()
    return seconds


# The same per-supplier net through the month index that Bangfu's lines carry (see SaleLine).
BASELINE_INDEXED = """
SELECT p.supplier_id, SUM(l.amount_fen)
FROM sale_lines l JOIN products p ON p.id = l.product_id
WHERE l.sold_at >= ? AND l.sold_at < ?
GROUP BY p.supplier_id
"""
SETTLEMENT_BASELINE = """
SELECT l.product_id, SUM(l.quantity_milli), SUM(l.amount_fen)
FROM sale_lines l
WHERE l.channel = 'counter' AND l.sold_at >= ? AND l.sold_at < ?
GROUP BY l.product_id
"""
BASELINE = """
SELECT p.supplier_id, SUM(l.amount_fen)
FROM sales s JOIN sale_lines l ON l.sale_id = s.id JOIN products p ON p.id = l.product_id
WHERE s.sold_at >= ? AND s.sold_at < ?
GROUP BY p.supplier_id
"""


def _import_registry(db: "Database", files: dict[str, Path]) -> None:
    for kind, file in files.items():
        with db.session() as s, s.begin():
            import_file(s, ACTOR, registry_kinds()[kind], file)


def _import_sales(db: "Database", sales_file: Path) -> float:
    start = time.perf_counter()
    with db.session() as s, s.begin():
        import_file(s, ACTOR, sales_kind(s, ACTOR), sales_file)
    return time.perf_counter() - start


def _month_figures(db: "Database") -> tuple[float, int]:
    """The SPEC §9 summary and the attribution in one process, one pass (attribution_of reads the
    summary's suppliers): seconds, and the lines of the month."""
    start = time.perf_counter()
    with db.read_session() as s:
        summary = monthly_summary(s, ACTOR, MONTH, ZONE)
        attribution_of(MONTH, summary.suppliers)
    return time.perf_counter() - start, summary.sales_count * 2


def documents(url: str) -> dict[str, float]:
    """The month's PDF and XLSX as the summary page saves them: seconds, and this process's
    memory after the imports and at its peak (MB)."""
    from reports.monthly_pdf import render_monthly_pdf
    from reports.monthly_xlsx import render_monthly_xlsx

    db = open_database(url)
    before = _memory_mb("VmRSS")
    start = time.perf_counter()
    with db.read_session() as s:
        data = report_input(s, ACTOR, MONTH, ZONE)
        render_monthly_pdf(data)
        render_monthly_xlsx(data, attributed_households(s, data.summary))
    seconds = time.perf_counter() - start
    db.dispose()
    return {"seconds": seconds, "before_mb": before, "peak_mb": _memory_mb("VmHWM")}


def _memory_mb(field: str) -> float:
    """This process's resident memory now (VmRSS) or at its peak (VmHWM), from Linux's own
    account (ru_maxrss would carry the parent's peak across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def figures(url: str) -> dict[str, float]:
    db = open_database(url)
    seconds, lines = _month_figures(db)
    db.dispose()
    return {"seconds": seconds, "lines": lines}


MEASURES = {"--figures": figures, "--documents": documents}


def _alone(measure: str, url: str, samples: int = 1) -> dict[str, float]:
    """A measure in fresh processes, as a command or the window meets it (this process's heap,
    grown by the import, slowed the same figures by up to half), its peak memory its own; the
    median of ``samples`` runs."""
    runs = []
    for _run in range(samples):
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.citymonth", measure, url],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def run() -> list[tuple[str, float, float]]:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = _registry(root)
        sales_file = _write(
            root / "sales.csv", [column.name for column in sales_columns(ZONE)], _sale_rows(IMPORT_LINES)
        )
        path = root / "city.db"
        db = open_database(str(path))
        _import_registry(db, files)
        db.dispose()
        shutil.copy(path, root / "registry.db")  # for the raw baseline of the sales import
        db = open_database(str(path))
        seconds = _import_sales(db, sales_file)
        db.dispose()
        raw_import = _raw_sales_import(root / "registry.db", sales_file)
        results.append((f"import sales: {IMPORT_LINES:,} lines, all checks ({IMPORT_LINES / seconds:,.0f} lines/s;"
                        f" baseline: executemany of the prepared rows, {IMPORT_LINES / raw_import:,.0f} lines/s)",
                        seconds, raw_import))  # fmt: skip
        _bulk_lines(path, IMPORT_LINES)

        month = _alone("--figures", str(path), SAMPLES)
        ours, lines = month["seconds"], int(month["lines"])
        raw = raw_sqlite(path)
        baselines = []
        bounds = ("2026-09-30 16:00:00", "2026-10-31 16:00:00")
        for sql in (BASELINE, BASELINE_INDEXED):
            start = time.perf_counter()
            raw.execute(sql, bounds).fetchall()
            baselines.append(time.perf_counter() - start)
        raw.close()
        label = f"summary + attribution in one pass, {lines:,} lines"
        results.append((f"{label} (vs one query of per-supplier net via the month index)", ours, baselines[1]))
        results.append((f"{label} (vs sales⋈lines⋈products)", ours, baselines[0]))
        made = _alone("--documents", str(path), SAMPLES)
        results.append(("PDF + XLSX of the city-month (figures computed inside; vs the JSON figures alone)",
                        made["seconds"], ours))  # fmt: skip
        results.append(("peak memory of that PDF + XLSX process, MB (vs the same process after its imports)",
                        made["peak_mb"], made["before_mb"]))  # fmt: skip
        db = open_database(str(path))
        start = time.perf_counter()
        with db.read_session() as s:
            settled = settlement(s, ACTOR, MONTH)
        settling = time.perf_counter() - start
        db.dispose()
        raw = raw_sqlite(path)
        start = time.perf_counter()
        raw.execute(SETTLEMENT_BASELINE, bounds).fetchall()  # counter lines by product
        raw.execute(BASELINE_INDEXED, bounds).fetchall()  # and every channel's net by supplier, for the pools
        settling_raw = time.perf_counter() - start
        raw.close()
        results.append((f"settlement of the city-month, {len(settled.suppliers):,} suppliers (SPEC §11)", settling,
                        settling_raw))  # fmt: skip
        results += _postgres_month(files, sales_file)
    return results


def _postgres_month(files: dict[str, Path], sales_file: Path) -> list[tuple[str, float, float]]:
    """The same city-month on PostgreSQL (BANGFU_BENCH_PG_URL): the sales import, then the
    figures beside psql running the per-supplier query on the same database."""
    base = os.environ.get("BANGFU_BENCH_PG_URL")
    if not base:
        return [("city-month on PostgreSQL: set BANGFU_BENCH_PG_URL to run", float("nan"), float("nan"))]
    from sqlalchemy.engine import make_url

    from benchmarks.kiosk import fresh_database

    url = fresh_database(base, "bangfu_city")
    libpq = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    db = open_database(url)
    _import_registry(db, files)
    seconds = _import_sales(db, sales_file)
    db.dispose()
    results = [(f"PostgreSQL: import sales, {IMPORT_LINES:,} lines ({IMPORT_LINES / seconds:,.0f} lines/s)", seconds,
                float("nan"))]  # fmt: skip
    _bulk_lines_pg(libpq, IMPORT_LINES)
    month = _alone("--figures", url)
    ours, lines = month["seconds"], int(month["lines"])
    sql = BASELINE_INDEXED.replace("?", "'{}'").format("2026-09-30 16:00:00+00", "2026-10-31 16:00:00+00")
    start = time.perf_counter()
    subprocess.run(["psql", libpq, "-Atq", "-o", os.devnull, "-c", sql], check=True)
    psql = time.perf_counter() - start
    results.append((f"PostgreSQL: summary + attribution in one pass, {lines:,} lines (vs psql, the per-supplier"
                    " query)", ours, psql))  # fmt: skip
    made = _alone("--documents", url)
    results.append(("PostgreSQL: PDF + XLSX of the city-month (vs the JSON figures alone)", made["seconds"], ours))
    return results


if __name__ == "__main__" and sys.argv[1:2] and sys.argv[1] in MEASURES:
    print(json.dumps(MEASURES[sys.argv[1]](sys.argv[2])))
