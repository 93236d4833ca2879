"""An import fuzzer over every import kind: the sample files of tests/data/samples, mutated cell by
cell, row by row and byte by byte (encodings, BOMs, NULs, truncation, XLSX parts and ranges).

Each input must be imported (exit 0) or refused with a message naming the file (exit 2); any
other exception is a failure. A refusal must change nothing. ``python benchmarks/fuzz_imports.py
[N] [SEED]`` runs N inputs (the benchmark: 100,000); the test suite runs a short seeded run.
"""

import contextlib
import csv
import io
import random
import sys
import tempfile
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from catalog.importing import import_file
from catalog.kinds import registry_kinds
from core.auth import Actor
from core.db import Database, open_database
from core.errors import BangfuError
from core.models import AuditEvent, Household, Linkage, Product, Refund, Sale, Supplier
from core.models import Counter as CounterRow
from orders.sales_import import sales_kind

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "data" / "samples"
KINDS = ("suppliers", "products", "households", "linkages", "sales")
ACTOR = Actor("fuzz", "admin")
HOSTILE = [
    "", " ", "-1", "0", "00", "1e309", "NaN", "inf", "9" * 20, "9" * 5000, "12.345", "12.5%", "１２.５", "٣", "४२",
    "1_000", "0x10", "¥1,234.50", "1,2,3", "2026-02-30", "2026-02-03T25:00", "0000-01", "9999-12", "2026-13",
    "0001-06-03T09:12:00+08:00", "9999-12-31T23:59:59-12:00", "2026-06-03", "2026-06-03T09:12:00", "<b>&amp;</b>",
    "=HYPERLINK(\"http://x\")", "'=1+1", "\x00", "王" * 300, "\u202e\u200b", "411224********0016", "TRUE", "sale",
    "refund", "counter", "bulk", "ZZ01", "XG500", "LS001", "934112240000050101", "91110000600037341L", "合作社",
    "已脱贫", "分红", "专柜", "\"", "\r\n", "\t", "\\", "%", "_", "null", "None", "-0", "+1", "1.0", "2.000", "1" * 64,
]  # fmt: skip


@dataclass
class Report:
    inputs: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)


def _sample(kind: str) -> list[list[str]]:
    raw = (SAMPLES / f"{kind}.csv").read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    return list(csv.reader(io.StringIO(text)))


def _mutate_rows(rng: random.Random, rows: list[list[str]]) -> list[list[str]]:
    rows = [list(r) for r in rows]
    for _ in range(rng.randint(1, 4)):
        if not rows[0]:  # the header was cut away: nothing left to mutate by column
            break
        choice = rng.random()
        if choice < 0.55 and len(rows) > 1:  # one cell
            row = rng.choice(rows[1:])
            if row:
                row[rng.randrange(len(row))] = rng.choice(HOSTILE) if rng.random() < 0.8 else _noise(rng)
        elif choice < 0.65:  # a header cell
            rows[0][rng.randrange(len(rows[0]))] = rng.choice([*rows[0], "", "名称", "户主姓名", "CODE ", "x"])
        elif choice < 0.72 and len(rows) > 1:  # a row twice, or gone
            index = rng.randrange(1, len(rows))
            if rng.random() < 0.5:
                rows.insert(index, list(rows[index]))
            else:
                rows.pop(index)
        elif choice < 0.79:  # a column gone, or an extra one
            column = rng.randrange(len(rows[0]))
            for row in rows:
                if rng.random() < 0.5 and column < len(row):
                    row.pop(column)
                else:
                    row.append(rng.choice(HOSTILE))
        elif choice < 0.86:  # ragged rows
            row = rng.choice(rows)
            del row[rng.randrange(len(row) + 1) :]
        elif choice < 0.9:
            rows = rows[:1]  # header only
        elif choice < 0.94:  # the same cell down a whole column
            column, value = rng.randrange(len(rows[0])), rng.choice(HOSTILE)
            for row in rows[1:]:
                if column < len(row):
                    row[column] = value
        else:  # shuffle the rows
            body = rows[1:]
            rng.shuffle(body)
            rows = rows[:1] + body
    return rows


def _noise(rng: random.Random) -> str:
    return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x4E00, 0x9FFF), rng.randrange(1, 0x2FFF)]))
                   for _ in range(rng.randint(1, 12)))  # fmt: skip


def _encode(rng: random.Random, rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=rng.choice(["\r\n", "\n"])).writerows(rows)
    text = buffer.getvalue()
    encoding = rng.choice(["utf-8", "utf-8", "utf-8-sig", "gb18030"])
    data = text.encode(encoding, errors="replace")
    choice = rng.random()
    if choice < 0.08 and data:  # flip bytes
        raw = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        data = bytes(raw)
    elif choice < 0.12:  # cut short
        data = data[: rng.randrange(len(data) + 1)]
    elif choice < 0.15:
        data = b"\xef\xbb\xbf" + data.replace(b",", b"\xff", 1)  # a BOM, then a byte that is not UTF-8
    elif choice < 0.17:
        data = data.replace(b",", b"\x00", 1)
    return data


def _xlsx(rng: random.Random, rows: list[list[str]], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def typed(cell: str) -> object:  # a number cell where Excel would make one
        if cell.replace(".", "", 1).isdigit() and len(cell) < 20 and rng.random() < 0.5:
            return float(cell)
        return ILLEGAL_CHARACTERS_RE.sub("", cell)

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append([typed(c) for c in row])
    book.save(path)
    choice = rng.random()
    if choice < 0.4:
        return
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet_part = next(name for name in parts if name.startswith("xl/worksheets/"))
    if choice < 0.6:
        ref = rng.choice(["A1:B2", "A1:XFD1048576", "A1", "Z99:A1", "garbage"])
        parts[sheet_part] = parts[sheet_part].replace(b"<sheetData", f'<dimension ref="{ref}"/><sheetData'.encode(), 1)
    elif choice < 0.75:
        parts[sheet_part] = parts[sheet_part][: rng.randrange(len(parts[sheet_part]))]
    elif choice < 0.85:
        del parts[sheet_part]
    else:
        parts[sheet_part] = parts[sheet_part].replace(b'r="2"', f'r="{rng.choice([0, -1, 10**9])}"'.encode(), 1)
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)


def prepare(db: Database) -> None:
    """The sample registry and sales, so references resolve and re-imports meet stored rows."""
    with db.session() as session, session.begin():
        session.add(CounterRow(code="ZZ01", name="专柜ZZ01", kind="counter"))
        for kind in KINDS:
            chosen = sales_kind(session, ACTOR) if kind == "sales" else registry_kinds()[kind]
            import_file(session, ACTOR, chosen, SAMPLES / f"{kind}.csv")


def fingerprint(db: Database) -> tuple[int, ...]:
    with db.read_session() as session:
        return tuple(
            int(session.scalar(select(func.count()).select_from(m)) or 0)
            for m in (Supplier, Product, Household, Linkage, Sale, Refund, AuditEvent)
        )


def one_input(rng: random.Random, folder: Path) -> tuple[str, Path]:
    kind = rng.choice(KINDS)
    rows = _mutate_rows(rng, _sample(kind))
    if rng.random() < 0.05:
        path = folder / f"{kind}.xlsx"
        _xlsx(rng, rows, path)
    else:
        path = folder / f"{kind}.csv"
        path.write_bytes(_encode(rng, rows))
    return kind, path


def fuzz(db: Database, count: int, seed: int, folder: Path, check_every: int = 1) -> Report:
    """``count`` inputs; each one's import runs and is rolled back. Every ``check_every``-th
    refusal is checked to have changed nothing in a committed import attempt."""
    rng, report = random.Random(seed), Report()
    for number in range(count):
        kind, path = one_input(rng, folder)
        commit = number % check_every == 0
        before = fingerprint(db) if commit else ()
        outcome = _run(db, kind, path, commit, report)
        if commit and outcome == "refused" and fingerprint(db) != before:
            report.failures.append(f"input {number} ({kind}): refused but the database changed")
        report.inputs += 1
        report.outcomes[f"{kind} {outcome}"] += 1
    return report


def _run(db: Database, kind: str, path: Path, commit: bool, report: Report) -> str:
    session = db.session()
    try:
        with session.begin():
            chosen = sales_kind(session, ACTOR) if kind == "sales" else registry_kinds()[kind]
            import_file(session, ACTOR, chosen, path)
            if not commit:
                session.rollback()
        return "imported"
    except BangfuError as exc:
        if path.name not in str(exc):
            report.failures.append(f"{kind}: a refusal that does not name the file: {str(exc)[:200]}")
        return "refused"
    except Exception as exc:
        report.failures.append(f"{kind}: {type(exc).__name__}: {str(exc)[:300]} (kept as {_keep(path)})")
        return "failed"
    finally:
        session.close()


def _keep(path: Path) -> Path:
    kept = Path(tempfile.gettempdir()) / f"bangfu-fuzz-{time.time_ns()}{path.suffix}"
    kept.write_bytes(path.read_bytes())
    return kept


def run(count: int = 100_000, seed: int = 12) -> list[tuple[str, float, float]]:
    """For ``dev.py bench``: inputs per second; the baseline is parsing alone (csv module)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(str(folder / "fuzz.db"))
        prepare(db)
        started = time.perf_counter()
        report = fuzz(db, count, seed, folder, check_every=100)
        seconds = time.perf_counter() - started
        db.dispose()
        rng = random.Random(seed)
        started = time.perf_counter()
        for _ in range(min(count, 10_000)):
            _kind, path = one_input(rng, folder)
            if path.suffix == ".csv":
                with contextlib.suppress(csv.Error):
                    list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8", errors="replace"), newline="")))
        baseline = (time.perf_counter() - started) * count / min(count, 10_000)
    print(f"fuzz: {report.inputs} inputs, {dict(sorted(report.outcomes.items()))}", file=sys.stderr)
    for failure in report.failures[:20]:
        print("FAIL", failure, file=sys.stderr)
    label = f"fuzz {report.inputs:,} import inputs, {len(report.failures)} failures"
    return [(label, seconds, baseline)]


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    for label, ours, baseline in run(n, int(sys.argv[2]) if len(sys.argv) > 2 else 12):
        print(f"{label}: {ours:.1f} s (generating and parsing alone: {baseline:.1f} s)")
