"""The database core: migrations, constraints, SQLite settings, locations."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from core import db as core_db
from core.db import _alembic_config, describe, head_revision, mount_fstype, open_database, resolve_url
from core.errors import BangfuError
from core.models import Base, Household, Linkage, Product, Sale, SaleLine
from tests import factories


def test_migrations_build_exactly_the_models(empty_db_url: str) -> None:
    """Upgrading an empty database step by step gives the schema the models describe."""
    engine = create_engine(resolve_url(empty_db_url))
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
        diff = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == []


def test_opening_creates_and_stamps_then_reopens(empty_db_url: str) -> None:
    first = open_database(empty_db_url)
    with first.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head_revision()
        assert {"sales", "sale_lines", "refunds", "payments", "audit_events"} <= set(
            inspect(connection).get_table_names()
        )
    first.dispose()
    open_database(empty_db_url).dispose()  # already at head: nothing to do, no error


def test_reopening_a_migrated_database_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
        connection.execute(text("INSERT INTO settings (key, value) VALUES ('zone', 'Asia/Urumqi')"))
    engine.dispose()
    db = open_database(str(path))
    with db.read_session() as session:
        assert session.execute(text("SELECT value FROM settings")).scalar_one() == "Asia/Urumqi"
    db.dispose()


def test_sqlite_runs_with_wal_foreign_keys_full_sync_and_a_large_cache(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "b.db"))
    with db.session() as session:
        pragma = {
            name: session.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout", "cache_size")
        }
    db.dispose()
    assert pragma == {
        "journal_mode": "wal", "foreign_keys": 1, "synchronous": 2, "busy_timeout": 10000, "cache_size": -65_536
    }  # fmt: skip


def test_sqlite_write_transactions_take_the_lock_at_begin(tmp_path: Path) -> None:
    """BEGIN IMMEDIATE: a second writer is refused at its BEGIN, never half-way through."""
    path = tmp_path / "c.db"
    db = open_database(str(path))
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    with db.session() as session, session.begin():
        session.execute(text("SELECT 1"))
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    with db.read_session() as reader, reader.begin():
        reader.execute(text("SELECT 1"))
        other.execute("BEGIN IMMEDIATE")  # a reader does not hold the write lock
        other.execute("ROLLBACK")
    other.close()
    db.dispose()


def test_negative_money_and_missing_parents_are_refused(session: Session) -> None:
    owner = factories.supplier(session)
    item = factories.product(session, owner)
    _refused(session, Product(**{**_copy(item), "code": "NEG", "cert_no": "X-1", "price_fen": -1}), IntegrityError)
    _refused(
        session,
        Linkage(supplier_id=owner.id, household_id=999999, weight_centi=100, mode="dividend", start_month="2026-01"),
        IntegrityError,
    )
    _refused(session, Product(**{**_copy(item), "code": "DUP"}), IntegrityError)  # same certificate number
    _refused(
        session,
        Product(**{**_copy(item), "code": "BAD", "cert_no": "X-2", "valid_until": dt.date(2020, 1, 1)}),
        IntegrityError,
    )


def test_sales_hold_their_own_invariants(session: Session) -> None:
    owner = factories.supplier(session)
    item = factories.product(session, owner)
    at = dt.datetime(2026, 6, 1, 10, tzinfo=dt.UTC)
    _refused(session, Sale(ref="S1", channel="counter", sold_at=at, total_fen=0), IntegrityError)  # no counter
    _refused(session, Sale(ref="S2", channel="bulk", sold_at=at, total_fen=0), IntegrityError)  # no buyer
    sale = Sale(ref="S3", channel="online", sold_at=at, total_fen=100)
    sale.lines = [SaleLine(line_no=1, product_id=item.id, quantity_milli=0, unit_price_fen=100, amount_fen=0)]
    _refused(session, sale, IntegrityError)


def test_timestamps_come_back_as_the_same_instant_in_utc(session: Session) -> None:
    shanghai = dt.timezone(dt.timedelta(hours=8))
    sale = Sale(ref="T1", channel="online", sold_at=dt.datetime(2026, 10, 31, 23, 30, tzinfo=shanghai), total_fen=0)
    session.add(sale)
    session.flush()
    session.expire_all()
    stored = session.get(Sale, sale.id)
    assert stored is not None
    assert stored.sold_at == dt.datetime(2026, 10, 31, 15, 30, tzinfo=dt.UTC)
    assert stored.sold_at.tzinfo is not None
    _refused(
        session,
        Household(
            code="H1",
            head_name="王",
            region_code="411224",
            members=1,
            status="poor",
            created_at=dt.datetime(2026, 1, 1),
        ),
        StatementError,
        match="naive",
    )


def _refused(session: Session, row: object, error: type[Exception], match: str | None = None) -> None:
    """Adding ``row`` fails at flush with ``error`` and leaves the session usable."""
    nested = session.begin_nested()
    session.add(row)
    with pytest.raises(error, match=match):
        session.flush()
    nested.rollback()


def _copy(row: Product) -> dict[str, object]:
    return {c.key: getattr(row, c.key) for c in Product.__table__.columns if c.key not in ("id", "created_at")}


def test_network_share_is_refused_with_a_pointer_to_postgresql(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(core_db, "is_network_path", lambda path: True)
    with pytest.raises(BangfuError, match="PostgreSQL"):
        open_database(str(tmp_path / "share.db"))
    assert not (tmp_path / "share.db").exists()


def test_mount_type_is_found_by_the_longest_mount_point() -> None:
    mounts = "/dev/vda / ext4 rw 0 0\nsrv:/x /mnt/shared nfs4 rw 0 0\n//nas/b /mnt/smb\\040share cifs rw 0 0\n"
    assert mount_fstype(Path("/mnt/shared/bangfu.db"), mounts) == "nfs4"
    assert mount_fstype(Path("/mnt/smb share/x.db"), mounts) == "cifs"
    assert mount_fstype(Path("/mnt/sharedx/b.db"), mounts) == "ext4"
    assert core_db.is_network_path(Path("//nas/bangfu/bangfu.db"))


def test_database_location_and_description(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BANGFU_DB", raising=False)
    assert resolve_url(None).database == str(core_db.default_db_path().resolve())
    monkeypatch.setenv("BANGFU_DB", str(tmp_path / "env.db"))
    assert resolve_url(None).database == str(tmp_path / "env.db")
    assert resolve_url(str(tmp_path / "arg.db")).database == str(tmp_path / "arg.db")
    pg = resolve_url("postgresql+psycopg://clerk:secret@db.example:5433/bangfu")
    assert describe(pg) == "PostgreSQL db.example:5433/bangfu"
    assert "secret" not in describe(pg)
    with pytest.raises(BangfuError, match="not a database URL"):
        resolve_url("nonsense://::")


def test_upgrading_from_0001_backfills_the_sale_line_copies(empty_db_url: str) -> None:
    engine = create_engine(resolve_url(empty_db_url))
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0001")
        connection.execute(
            text(
                "INSERT INTO suppliers (id, uscc, name, kind, region_code, benefit_rate_bp, search_key, created_at)"
                " VALUES (1, '91110000600037341L', 's', 'other', '110000', 0, '', '2026-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO products (id, code, name, category, unit, price_fen, supplier_id, cert_no, cert_level,"
                " certified_on, valid_until, cert_status, origin_region_code, search_key, created_at) VALUES"
                " (1, 'P', 'p', 'c', '袋', 100, 1, 'C', 'county', '2025-01-01', '2027-01-01', 'active', '110000', '',"
                " '2026-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO sales (id, ref, channel, sold_at, total_fen, created_at)"
                " VALUES (1, 'S1', 'online', '2026-06-01 02:00:00', 100, '2026-06-01 02:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO sale_lines (id, sale_id, line_no, product_id, quantity_milli, unit_price_fen, amount_fen)"
                " VALUES (1, 1, 1, 1, 1000, 100, 100)"
            )
        )
        # a refund points at the line, so rebuilding sale_lines must keep the reference intact
        connection.execute(
            text(
                "INSERT INTO refunds (id, ref, sale_id, refunded_at, total_fen, reason, created_at)"
                " VALUES (1, 'R1', 1, '2026-06-02 00:00:00', 100, '', '2026-06-02 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO refund_lines (refund_id, sale_line_id, quantity_milli, amount_fen)"
                " VALUES (1, 1, 1000, 100)"
            )
        )
    engine.dispose()
    db = open_database(empty_db_url)
    with db.read_session() as session:
        line = session.get(SaleLine, 1)
        assert line is not None
        assert (line.channel, line.sold_at) == ("online", dt.datetime(2026, 6, 1, 2, tzinfo=dt.UTC))
    db.dispose()


def test_the_head_read_from_the_migration_files_is_alembics() -> None:
    from core.db import head_from_files

    assert head_from_files() == head_revision()
