"""A city-month (SPEC scale): 3,000,000 sale lines, 5,000 suppliers, 20,000 products, 100,000
households. Measures sales import throughput, then `report monthly` + `attribution` for the
month against a hand-written single-query sqlite3 baseline of per-supplier net.

The registry is imported through Bangfu; the 3 million lines are written with raw sqlite3 (a
benchmark fixture, not a product path) after the import throughput was measured on its own file.
"""

import csv
import datetime as dt
import random
import sqlite3
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from catalog.importing import import_file
from catalog.kinds import registry_kinds
from core.auth import Actor
from core.db import open_database
from core.identifiers import uscc_check_char
from core.money import line_amount
from orders.monthly import attribution_report, monthly_summary
from orders.report_data import attributed_households, report_input
from orders.sales_import import sales_columns, sales_kind
from orders.settlement import settlement
from reports.monthly_pdf import render_monthly_pdf
from reports.monthly_xlsx import render_monthly_xlsx

SUPPLIERS, PRODUCTS, HOUSEHOLDS = 5_000, 20_000, 100_000
LINES, IMPORT_LINES = 3_000_000, 200_000
MONTH = "2026-10"
ZONE = ZoneInfo("Asia/Shanghai")
RNG = random.Random(7)
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


def _bulk_lines(db_path: Path, first: int) -> None:
    """The rest of the month straight into SQLite, as the import would have written it."""
    con = sqlite3.connect(db_path)
    prices = dict(con.execute("SELECT id, price_fen FROM products"))
    ids = sorted(prices)
    sale_id = con.execute("SELECT max(id) FROM sales").fetchone()[0]
    sales, lines = [], []
    start = dt.datetime(2026, 10, 1, tzinfo=dt.UTC) - dt.timedelta(hours=8)
    for n in range(first, LINES, 2):
        sale_id += 1
        at = (start + dt.timedelta(seconds=RNG.randrange(31 * 86400))).strftime("%Y-%m-%d %H:%M:%S.000000")
        channel = ("online", "cooperative")[n % 2]
        total = 0
        for k in range(2):
            pid = ids[(n * 7 + k * 13) % PRODUCTS]
            amount = line_amount(prices[pid], 2000)
            total += amount
            lines.append((sale_id, k + 1, pid, 2000, prices[pid], amount, at, channel))
        sales.append((sale_id, f"B{n:08d}", channel, at, total, at))
        if len(lines) >= 200_000:
            _flush(con, sales, lines)
    _flush(con, sales, lines)
    con.close()


def _flush(con: sqlite3.Connection, sales: list, lines: list) -> None:  # type: ignore[type-arg]
    with con:
        con.executemany(
            "INSERT INTO sales (id, ref, channel, sold_at, total_fen, created_at) VALUES (?, ?, ?, ?, ?, ?)", sales
        )
        con.executemany(
            "INSERT INTO sale_lines (sale_id, line_no, product_id, quantity_milli, unit_price_fen, amount_fen,"
            " sold_at, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            lines,
        )
    sales.clear()
    lines.clear()


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


def run() -> list[tuple[str, float, float]]:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / "city.db"
        db = open_database(str(path))
        for kind, file in _registry(root).items():
            with db.session() as s, s.begin():
                import_file(s, ACTOR, registry_kinds()[kind], file)
        sales_file = _write(
            root / "sales.csv",
            [column.name for column in sales_columns(ZONE)],
            _sale_rows(IMPORT_LINES),
        )
        start = time.perf_counter()
        with db.session() as s, s.begin():
            import_file(s, ACTOR, sales_kind(s, ACTOR), sales_file)
        seconds = time.perf_counter() - start
        results.append(
            (f"import sales: {IMPORT_LINES:,} lines ({IMPORT_LINES / seconds:,.0f} lines/s)", seconds, float("nan"))
        )
        db.dispose()
        _bulk_lines(path, IMPORT_LINES)

        db = open_database(str(path))
        start = time.perf_counter()
        with db.read_session() as s:
            summary = monthly_summary(s, ACTOR, MONTH, ZONE)
            attribution_report(s, ACTOR, MONTH, ZONE)
        ours = time.perf_counter() - start
        raw = sqlite3.connect(path)
        baselines = []
        for sql in (BASELINE, BASELINE_INDEXED):
            start = time.perf_counter()
            raw.execute(sql, ("2026-09-30 16:00:00", "2026-10-31 16:00:00")).fetchall()
            baselines.append(time.perf_counter() - start)
        raw.close()
        db.dispose()
        label = f"report monthly + attribution, {summary.sales_count * 2:,} lines"
        db = open_database(str(path))
        start = time.perf_counter()
        with db.read_session() as s:
            data = report_input(s, ACTOR, MONTH, ZONE)
            render_monthly_pdf(data)
            render_monthly_xlsx(data, attributed_households(s, data.summary))
        documents = time.perf_counter() - start
        db.dispose()
        results.append(("PDF + XLSX of the city-month (figures computed again inside)", documents, ours))
        db = open_database(str(path))
        start = time.perf_counter()
        with db.read_session() as s:
            settled = settlement(s, ACTOR, MONTH)
        settling = time.perf_counter() - start
        db.dispose()
        raw = sqlite3.connect(path)
        start = time.perf_counter()
        bounds = ("2026-09-30 16:00:00", "2026-10-31 16:00:00")
        raw.execute(SETTLEMENT_BASELINE, bounds).fetchall()  # counter lines by product
        raw.execute(BASELINE_INDEXED, bounds).fetchall()  # and every channel's net by supplier, for the pools
        settling_raw = time.perf_counter() - start
        raw.close()
        results.append((f"settlement of the city-month, {len(settled.suppliers):,} suppliers (SPEC §11)", settling,
                        settling_raw))  # fmt: skip
        results.append((f"{label} (vs sales⋈lines⋈products)", ours, baselines[0]))
        results.append((f"{label} (vs the same via the month index)", ours, baselines[1]))
    return results
