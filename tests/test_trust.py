"""Roles held by the services, personal data kept out of logs and files others can read (issue 12)."""

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

import core.auth
from catalog.kinds import Households
from catalog.listing import household_rows, product_rows, supplier_rows
from catalog.search import find_households
from cli.demo import _users
from cli.main import main
from core.audit_trail import audit_rows
from core.auth import Actor, PermissionDenied, authenticate, create_user
from core.db import open_database
from core.errors import BangfuError, InvalidValue
from core.models import Product, Supplier
from orders.bulk import order_rows
from orders.ledger import LineDraft, PaymentDraft, SaleDraft, record_sale
from tests import factories
from tests.factories import ADMIN
from tests.files import SAMPLES, sample_rows
from tests.test_catalog_import import load_samples

CASHIER = Actor("wang", "cashier", counter_code="ZZ01", user_id=None)
COOP = Actor("coop", "coop_manager", supplier_id=1)


def test_a_cashier_is_bound_to_a_counter(session: Session) -> None:
    load_samples(session)
    factories.counter(session, "ZZ01")
    with pytest.raises(InvalidValue, match="a cashier is bound to one counter"):
        create_user(session, ADMIN, "zhang", "张", "cashier", "long-enough-1")
    product = session.scalars(select(Product).where(Product.code == "XG500")).one()
    sale = SaleDraft(
        "counter", factories.dt.datetime(2026, 6, 10, 2, tzinfo=factories.dt.UTC),
        (LineDraft(product.id, 1000),), (PaymentDraft("wechat", 6800),), counter_code="ZZ01",
    )  # fmt: skip
    with pytest.raises(PermissionDenied, match="bound to no counter"):
        record_sale(session, Actor("zhang", "cashier"), sale)
    with pytest.raises(PermissionDenied, match="sells at a counter only"):
        record_sale(session, CASHIER, SaleDraft("online", sale.sold_at, sale.lines, sale.payments))
    assert record_sale(session, CASHIER, sale).ref.startswith("ZZ01-")


def test_lists_of_personal_and_audit_data_check_the_actor(session: Session) -> None:
    load_samples(session)
    for actor in (CASHIER, COOP):
        for read in (
            lambda a: household_rows(session, a, "2026-06"),
            lambda a: find_households(session, a, "LS"),
            lambda a: audit_rows(session, a),
            lambda a: supplier_rows(session, a, "2026-06"),
            lambda a: order_rows(session, a),
        ):
            with pytest.raises(PermissionDenied):
                read(actor)
    mine = session.scalar(select(Supplier.id).where(Supplier.uscc == "934112240000050101"))
    own = product_rows(session, Actor("coop", "coop_manager", supplier_id=mine), factories.dt.date(2026, 6, 1))
    assert own
    assert {row.supplier_uscc for row in own} == {"934112240000050101"}
    manager = Actor("li", "manager")
    found = find_households(session, manager, "LS001")
    assert [(h.code, h.id_masked, h.head_name) for h in found] == [("LS001", "411224********0016", "王*国")]
    assert find_households(session, ADMIN, "LS001")[0].head_name == "王建国"


def test_demo_passwords_differ_from_install_to_install(session: Session) -> None:
    owner = factories.supplier(session)
    factories.counter(session, "ZZ01")
    first = session.begin_nested()
    once = _users(session, ADMIN, [owner])
    first.rollback()
    again = _users(session, ADMIN, [owner])
    assert once.keys() == again.keys()
    assert all(once[user] != again[user] for user in once)


def test_an_unknown_user_costs_a_password_check_and_gets_the_same_message(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_user(session, ADMIN, "li", "李", "manager", "manager-password")
    checks: list[str] = []
    real = core.auth._password_matches
    monkeypatch.setattr(core.auth, "_password_matches", lambda h, p: checks.append(h) or real(h, p))
    messages = []
    for username in ("li", "nobody"):
        with pytest.raises(BangfuError) as caught:
            authenticate(session, username, "wrong-password")
        messages.append(str(caught.value))
    assert messages[0] == messages[1] == "wrong user name or password"
    assert len(checks) == 2  # one Argon2 verification each, the unknown user's against a dummy hash


def test_no_personal_data_reaches_the_log(
    empty_db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A failure inside the database (forced here: a status the table refuses) logs a traceback,
    and the failed statement's parameters — names, ID numbers — stay out of it."""
    monkeypatch.setattr("core.logs.log_dir", lambda: tmp_path / "logs")
    monkeypatch.setattr(Households, "prepare", lambda self, values: {**values, "status": "forged"})
    for kind in ("suppliers", "households"):
        main(["--db", empty_db_url, "import", kind, str(SAMPLES / f"{kind}.csv")])
    assert "unexpected failure" in capsys.readouterr().err
    log = (tmp_path / "logs" / "bangfu.log").read_text(encoding="utf-8")
    assert "IntegrityError" in log
    header, *rows = sample_rows("households")
    for row in rows:
        assert row[header.index("id_number")] not in log
        assert row[header.index("head_name")] not in log


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_the_database_and_its_backups_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    open_database(str(tmp_path / "bangfu.db")).dispose()
    assert stat.S_IMODE((tmp_path / "bangfu.db").stat().st_mode) == 0o600
    assert main(["--db", str(tmp_path / "bangfu.db"), "backup", str(tmp_path / "copy.db")]) == 0
    assert stat.S_IMODE((tmp_path / "copy.db").stat().st_mode) == 0o600


def test_a_changed_household_in_a_file_is_named_without_its_id_number(session: Session, tmp_path: Path) -> None:
    from catalog.importing import ImportFailed, import_file
    from catalog.kinds import registry_kinds
    from tests.files import write_csv

    load_samples(session)
    header, first, *_rest = sample_rows("households")
    changed = [*first]
    changed[header.index("id_number")] = "110102199101010078"
    with pytest.raises(ImportFailed) as caught:
        import_file(session, ADMIN, registry_kinds()["households"], write_csv(tmp_path / "h.csv", [header, changed]))
    assert "411224********0016 ≠ 110102********0078" in str(caught.value)
    assert "411224197101110016" not in str(caught.value)
