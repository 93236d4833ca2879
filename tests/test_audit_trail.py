"""The audit trail nobody can erase (issue 12): triggers refuse every way of rewriting it through
the database, and the hash chain shows a change made behind the database's back."""

import datetime as dt
from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from catalog.registry import save_household
from cli.main import main
from core.audit import record
from core.audit_trail import verify
from core.db import Database, _alembic_config, open_database, resolve_url
from core.models import AuditEvent, Household
from orders import points
from tests.factories import ADMIN
from tests.files import SAMPLES
from tests.test_catalog_import import load
from tests.test_points import MANAGER


@pytest.fixture
def db(empty_db_url: str) -> Iterator[Database]:
    database = open_database(empty_db_url)
    with database.session() as session, session.begin():
        for n in range(5):
            record(session, ADMIN.username, "test.event", f"T{n}", f"summary {n}")
    yield database
    database.dispose()


def _tamper(db: Database, statement: str) -> None:
    """What someone with the database file (or a superuser) can do: switch the triggers off."""
    with db.engine.begin() as connection:
        if db.engine.dialect.name == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER audit_events_no_update")
            connection.exec_driver_sql("DROP TRIGGER audit_events_no_delete")
        else:
            connection.exec_driver_sql("ALTER TABLE audit_events DISABLE TRIGGER USER")
        connection.exec_driver_sql(statement)


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def test_truncate_and_replace_are_refused(db: Database) -> None:
    statement = (
        "TRUNCATE audit_events"
        if db.engine.dialect.name == "postgresql"
        else "INSERT OR REPLACE INTO audit_events (id, at, username, action, target, summary)"
        " VALUES (1, '2026-01-01 00:00:00', 'x', 'forged', '', '')"
    )
    with pytest.raises(DBAPIError, match="append-only"), db.session() as session, session.begin():
        session.execute(text(statement))
    if db.engine.dialect.name == "postgresql":
        with pytest.raises(DBAPIError, match="append-only"), db.session() as session, session.begin():
            session.execute(
                text(
                    "INSERT INTO audit_events (id, at, username, action, target, summary) VALUES"
                    " (1, now(), 'x', 'forged', '', '') ON CONFLICT (id) DO UPDATE SET action = 'forged'"
                )
            )
    with db.read_session() as session:
        assert session.scalar(select(AuditEvent.action).where(AuditEvent.id == 1)) == "test.event"


def test_verify_passes_an_intact_trail(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    with db.read_session() as session:
        check = verify(session, ADMIN)
    assert (check.rows, check.broken_at, len(check.head)) == (5, None, 64)
    assert main(["--db", _url(db), "audit", "verify"]) == 0
    assert f"audit trail intact: 5 rows, newest hash {check.head}" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("statement", "broken_at"),
    [
        ("UPDATE audit_events SET summary = 'nothing happened' WHERE id = 3", 3),
        ("DELETE FROM audit_events WHERE id = 2", 3),
        ("UPDATE audit_events SET username = 'someone-else' WHERE id = 1", 1),
    ],
)
def test_verify_finds_a_row_changed_or_removed_behind_the_databases_back(
    db: Database, capsys: pytest.CaptureFixture[str], statement: str, broken_at: int
) -> None:
    _tamper(db, statement)
    assert main(["--db", _url(db), "audit", "verify"]) == 2
    assert f"row {broken_at} does not follow" in capsys.readouterr().err


def test_verify_needs_the_right_to_read_the_trail(db: Database) -> None:
    from core.auth import Actor, PermissionDenied

    with db.read_session() as session, pytest.raises(PermissionDenied):
        verify(session, Actor("wang", "cashier", counter_code="ZZ01"))


def test_upgrading_chains_the_rows_already_there(empty_db_url: str) -> None:
    engine = create_engine(resolve_url(empty_db_url))
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0008")
        for n in range(3):
            connection.execute(
                text(
                    "INSERT INTO audit_events (at, username, action, target, summary) VALUES (:at, 'old', 'a', '', :s)"
                ),
                {"at": dt.datetime(2026, 1, 1, n, tzinfo=dt.UTC), "s": f"row {n}"},
            )
    engine.dispose()
    db = open_database(empty_db_url)
    with db.session() as session, session.begin():
        record(session, "new", "after.upgrade")
    with db.read_session() as session:
        assert verify(session, ADMIN).rows == 4
        assert verify(session, ADMIN).broken_at is None
    db.dispose()


def test_changing_an_id_number_keeps_it_out_of_the_audit_trail(empty_db_url: str) -> None:
    db = open_database(empty_db_url)
    with db.session() as session, session.begin():
        for kind in ("suppliers", "households"):
            load(session, kind, SAMPLES / f"{kind}.csv")
        household = session.scalars(select(Household).where(Household.code == "LS001")).one()
        old = household.id_number
        form = {
            "code": "LS001",
            "head_name": "王建民",
            "id_number": "110102199101010078",
            "region_code": "411224",
            "members": "3",
            "status": "lifted",
        }
        save_household(session, ADMIN, form, household.id)
    with db.read_session() as session:
        summary = session.scalars(select(AuditEvent.summary).where(AuditEvent.action == "households.update")).one()
    db.dispose()
    assert "110102********0078" in summary
    assert "110102199101010078" not in summary
    assert old not in summary
    assert "王建民" not in summary
    assert "王*民" in summary


def test_an_id_number_typed_into_a_reason_is_masked_in_the_trail(session: Session) -> None:
    for kind in ("suppliers", "households"):
        load(session, kind, SAMPLES / f"{kind}.csv")
    reason = "补记：户主身份证 110102199101010078 的劳动"
    number = points.adjust(session, ADMIN, "LS001", dt.date(2026, 5, 5), 5, reason).number
    points.refuse(session, MANAGER, number, "身份证号11010219910101007x不对")
    summaries = session.scalars(select(AuditEvent.summary).where(AuditEvent.action.like("points.%"))).all()
    assert summaries == ["LS001, +5, 补记：户主身份证 110102********0078 的劳动", "身份证号110102********007X不对"]
