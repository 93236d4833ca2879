"""Backups and restores of the SQLite database (issue 5)."""

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cli.main import main
from core.backup import backup, daily_backup, integrity_problem, restore
from core.db import open_database
from core.errors import BangfuError
from core.models import AuditEvent, Sale, SaleLine
from orders.ledger import LineDraft, PaymentDraft, SaleDraft, record_sale
from tests import factories
from tests.factories import ADMIN


def _seeded(path: Path):  # type: ignore[no-untyped-def]
    db = open_database(str(path))
    with db.session() as session, session.begin():
        owner = factories.supplier(session)
        product_id = factories.product(session, owner, price_fen=100).id
        factories.counter(session)
    return db, product_id


def _sell(db, product_id: int, n: int) -> None:  # type: ignore[no-untyped-def]
    at = dt.datetime(2026, 6, 1, 10, tzinfo=dt.UTC) + dt.timedelta(minutes=n)
    draft = SaleDraft(
        "counter", at, (LineDraft(product_id, 1000),), (PaymentDraft("wechat", 100),), counter_code="ZZ01"
    )
    with db.session() as session, session.begin():
        record_sale(session, ADMIN, draft)


def test_a_backup_taken_during_sales_restores_to_a_consistent_database(tmp_path: Path) -> None:
    db, product_id = _seeded(tmp_path / "live.db")
    stop = threading.Event()
    sold = []

    def counter_busy() -> None:
        n = 0
        while not stop.is_set() and n < 2000:
            _sell(db, product_id, n)
            sold.append(n)
            n += 1

    worker = threading.Thread(target=counter_busy)
    worker.start()
    while len(sold) < 20:  # let the counter get going
        worker.join(0.01)
    backup(db, ADMIN, tmp_path / "copy.db")
    stop.set()
    worker.join()

    restored = open_database(str(tmp_path / "restored.db"))
    restore(restored, ADMIN, tmp_path / "copy.db")
    restored.dispose()
    restored = open_database(str(tmp_path / "restored.db"))
    with restored.read_session() as session:
        sales = session.scalar(select(func.count()).select_from(Sale)) or 0
        lines = session.scalar(select(func.count()).select_from(SaleLine)) or 0
        refs = sorted(session.scalars(select(Sale.ref)))
        assert 20 <= sales <= len(sold)
        assert lines == sales  # no sale without its line, no line without its sale
        assert refs[-1].endswith(f"-{sales:04d}")  # receipt numbers without gaps
        assert session.scalar(select(AuditEvent.action).order_by(AuditEvent.id.desc())) == "restore"
    assert integrity_problem(restored) is None
    restored.dispose()
    db.dispose()


def test_damaged_or_newer_backups_are_refused(tmp_path: Path) -> None:
    db, product_id = _seeded(tmp_path / "live.db")
    _sell(db, product_id, 1)
    good = backup(db, ADMIN, tmp_path / "good.db")
    damaged = tmp_path / "damaged.db"
    data = bytearray(good.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # overwrite a page in the middle
    damaged.write_bytes(bytes(data))
    with pytest.raises(BangfuError, match=r"damaged|not a usable"):
        restore(db, ADMIN, damaged)
    newer = tmp_path / "newer.db"
    newer.write_bytes(good.read_bytes())
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(BangfuError, match="newer Bangfu"):
        restore(db, ADMIN, newer)
    with pytest.raises(BangfuError, match="newer Bangfu"):
        open_database(str(newer))
    with db.read_session() as session:  # nothing was replaced
        assert session.scalar(select(func.count()).select_from(Sale)) == 1
    db.dispose()


def test_daily_backups_rotate(tmp_path: Path) -> None:
    db, _product = _seeded(tmp_path / "live.db")
    folder = tmp_path / "backups"
    for day in range(1, 6):
        daily_backup(db, ADMIN, folder, keep=3, today=dt.date(2026, 6, day))
    assert daily_backup(db, ADMIN, folder, keep=3, today=dt.date(2026, 6, 5)) is None  # once a day
    assert sorted(p.name for p in folder.iterdir()) == [
        "bangfu-20260603.db",
        "bangfu-20260604.db",
        "bangfu-20260605.db",
    ]
    db.dispose()


def test_backup_and_restore_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, product_id = _seeded(tmp_path / "live.db")
    _sell(db, product_id, 1)
    db.dispose()
    live, copy = str(tmp_path / "live.db"), str(tmp_path / "b.db")
    assert main(["--db", live, "backup", copy]) == 0
    assert "backup written and checked" in capsys.readouterr().out
    assert main(["--db", str(tmp_path / "other.db"), "restore", copy]) == 0
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    assert main(["--db", live, "restore", str(tmp_path / "junk.db")]) == 2
    assert "not a usable Bangfu backup" in capsys.readouterr().err


def test_postgresql_backup_runs_pg_dump(pg_url: str, tmp_path: Path) -> None:
    from tests.conftest import _pg_database

    db = open_database(_pg_database(pg_url, "bangfu_backup"))
    target = backup(db, ADMIN, tmp_path / "pg.dump")
    assert target.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    with pytest.raises(BangfuError, match="pg_restore"):
        restore(db, ADMIN, target)
    db.dispose()
