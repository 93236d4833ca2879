"""Registry figures: pinyin search over 20,000 products, importing 100,000 households, and a
50 MB products file whose only bad row is the last one. Baselines: hand-written sqlite3."""

import csv
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.raw import raw_sqlite
from catalog.importing import ImportFailed, import_file
from catalog.kinds import registry_kinds
from catalog.pinyin import _run, syllables_of
from catalog.search import find_products, search_key
from core.auth import Actor
from core.db import open_database
from core.identifiers import ean_check_digit

if TYPE_CHECKING:
    from core.db import Database

SUPPLIER = "934112240000050101"
ACTOR = Actor("bench", "admin")
NAMES = [
    "卢氏花菇",
    "新郑灰枣",
    "石首小龙虾",
    "兰考蜜瓜",
    "定西土豆",
    "威宁火腿",
    "镇雄天麻",
    "赣南脐橙",
    "香菇酱",
    "苦荞茶",
]
AUTHORITY = "河南省乡村振兴局（消费帮扶产品认定）"
HEADER = (
    "code name category unit price barcode supplier_uscc cert_no cert_level cert_authority certified_on valid_until"
)
HEADER = [*HEADER.split(), "origin_region_code", "net_weight_kg"]
BIG_ROWS = 240_000  # about 50 MB
QUERIES = ["xg", "xianggu", "红枣", "P01234", "6900000012345", "qqq"]


def load_products(db: "Database", root: Path, count: int) -> None:
    """One supplier and ``count`` products, imported through Bangfu (the benchmarks' registry)."""
    suppliers = root / "s.csv"
    suppliers.write_text(
        f"uscc,name,kind,region_code,benefit_rate\n{SUPPLIER},合作社,cooperative,411224,10\n", encoding="utf-8"
    )
    products = root / "p.csv"
    _products_csv(products, count)
    with db.session() as s, s.begin():
        import_file(s, ACTOR, registry_kinds()["suppliers"], suppliers)
        import_file(s, ACTOR, registry_kinds()["products"], products)


def _products_csv(path: Path, count: int, bad_last: bool = False) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADER)
        for n in range(count):
            body = f"69{n:010d}"
            price = "12.345" if bad_last and n == count - 1 else f"{10 + n % 90}.{n % 100:02d}"
            name = f"{NAMES[n % 10]} {n % 997}克装"
            cert = f"豫扶认〔2025〕{n:06d}号"
            out.writerow([f"P{n:06d}", name, "干货", "袋", price, body + ean_check_digit(body), SUPPLIER, cert,
                          "provincial", AUTHORITY, "2025-03-01", "2027-02-28", "411224", "0.5"])  # fmt: skip


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
GIVEN = "建国军华明红英秀兰玉芳丽敏静强伟勇杰磊涛斌超刚平辉鹏飞霞燕梅琴云凤莲桂花春生福贵德才文武志成海波"


def head_names(count: int) -> list[str]:
    """Household heads' names as a county's register has them: a surname and one or two given
    characters, about half of them shared with another household."""
    rng = random.Random(18)
    return [rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2)))) for _n in range(count)]


def households_csv(path: Path, names: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["code", "head_name", "region_code", "members", "status"])
        out.writerows([f"H{n:07d}", name, "411224", str(1 + n % 6), "poor"] for n, name in enumerate(names))


def _households_floor(connection, path: Path) -> None:  # type: ignore[no-untyped-def]
    """What any import of the register pays before a single check: the file read by csv.reader,
    the pinyin of each distinct name (Bangfu's converter, fresh caches: catalog.pinyin), and the
    executemany of the rows, into the table the import filled (as the baseline does)."""
    _run.cache_clear()
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    pinyin = {name: " ".join(syllables_of(name)) for name in {row[1] for row in rows}}
    connection.executemany(
        "INSERT INTO households (code, head_name, region_code, members, status, search_key, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, '2026-01-01 00:00:00')",
        [
            ("F" + code[1:], name, region, int(members), status, pinyin[name])
            for code, name, region, members, status in rows
        ],
    )


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run() -> list[tuple[str, float, float]]:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = open_database(str(root / "bench.db"))
        suppliers = root / "s.csv"
        suppliers.write_text(
            f"uscc,name,kind,region_code,benefit_rate\n{SUPPLIER},卢氏县香菇专业合作社,cooperative,411224,10\n",
            encoding="utf-8",
        )
        products = root / "p.csv"
        _products_csv(products, 20_000)
        with db.session() as s, s.begin():
            import_file(s, ACTOR, registry_kinds()["suppliers"], suppliers)
        with db.session() as s, s.begin():
            seconds = _timed(lambda: import_file(s, ACTOR, registry_kinds()["products"], products))
        results.append(("import 20,000 products (CSV)", seconds, float("nan")))

        with db.read_session() as s:
            ours = statistics.median(_timed(lambda q=q: find_products(s, q)) for q in QUERIES * 5)
        raw = raw_sqlite(root / "bench.db")
        sql = "SELECT * FROM products WHERE barcode = ? OR code = ? OR search_key LIKE ? ORDER BY code LIMIT 50"
        baseline = statistics.median(
            _timed(lambda q=q: raw.execute(sql, (q, q, f"%{q}%")).fetchall()) for q in QUERIES * 5
        )
        results.append(("search 20,000 products (median of 30 queries)", ours, baseline))

        households = root / "h.csv"
        names = head_names(100_000)
        households_csv(households, names)
        with db.session() as s, s.begin():
            ours = _timed(lambda: import_file(s, ACTOR, registry_kinds()["households"], households))
        with db.session() as s, s.begin():  # a register sent again next month: every row found, skipped
            again = _timed(lambda: import_file(s, ACTOR, registry_kinds()["households"], households))
        rows = [
            (f"X{n:07d}", name, "411224", 1 + n % 6, "poor", search_key(f"X{n:07d}", name))
            for n, name in enumerate(names)
        ]

        def raw_insert() -> None:
            with raw:
                raw.executemany(
                    "INSERT INTO households (code, head_name, region_code, members, status, search_key, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, '2026-01-01 00:00:00')",
                    rows,
                )

        raw_seconds = _timed(raw_insert)
        with db.session() as s, s.begin():
            floor = _timed(lambda: _households_floor(s.connection().connection.dbapi_connection, households))
        results.append(("import 100,000 households (CSV)", ours, raw_seconds))
        results.append(("  the floor under it (vs the executemany alone)", floor, raw_seconds))
        results.append(("  the import beside that floor", ours, floor))
        results.append(("the same file again: 100,000 found and skipped", again, float("nan")))
        raw.close()

        big = root / "big.csv"
        _products_csv(big, BIG_ROWS, bad_last=True)
        size_mb = big.stat().st_size / 1e6
        fresh = open_database(str(root / "fresh.db"))
        with fresh.session() as s, s.begin():
            import_file(s, ACTOR, registry_kinds()["suppliers"], suppliers)

        def refused() -> None:
            try:
                with fresh.session() as s, s.begin():
                    import_file(s, ACTOR, registry_kinds()["products"], big)
            except ImportFailed as exc:
                if [e.line for e in exc.errors] != [BIG_ROWS + 1]:
                    raise RuntimeError(f"expected one error on the last line, got {exc.errors[:3]}") from exc
            else:
                raise RuntimeError("the bad file was imported")

        results.append((f"{size_mb:.0f} MB products file, bad last row: refused", _timed(refused), float("nan")))
        fresh.dispose()
        db.dispose()
    return results
