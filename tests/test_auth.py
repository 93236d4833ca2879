"""Users, roles and the audit trail (issue 5), at the service level, on SQLite and PostgreSQL."""

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from catalog.certificates import change_certificate
from catalog.exporting import export_registry
from catalog.importing import import_file
from catalog.kinds import registry_kinds
from catalog.listing import household_rows, supplier_rows
from catalog.registry import reveal_id_number, save_household, save_product, save_supplier
from core.audit_trail import audit_rows
from core.auth import (
    LOCK_FOR,
    Actor,
    Approval,
    PermissionDenied,
    approve,
    authenticate,
    change_password,
    create_user,
    require,
    user_rows,
)
from core.config import change_setting
from core.errors import BangfuError, InvalidValue
from core.models import AuditEvent, Household, Product, Supplier, User
from orders.ledger import LineDraft, PaymentDraft, SaleDraft, record_sale
from orders.monthly import monthly_summary
from orders.refunds import RefundDraft, record_refund
from tests.factories import ADMIN
from tests.files import SAMPLES
from tests.test_catalog_import import load_samples

NOW = dt.datetime(2026, 6, 10, 10, tzinfo=dt.UTC)
MANAGER = Actor("li", "manager")
CASHIER = Actor("wang", "cashier", counter_code="ZZ01")


def actions(session: Session) -> list[str]:
    return [row.action for row in reversed(audit_rows(session, ADMIN))]


@pytest.fixture
def registry(session: Session) -> Session:
    load_samples(session)
    session.add(
        Household(
            code="H1", head_name="王", id_number="110102199101010078", region_code="110000", members=1, status="poor"
        )
    )
    session.flush()
    return session


def coop_of(session: Session, uscc: str) -> Actor:
    return Actor("coop", "coop_manager", supplier_id=session.scalar(select(Supplier.id).where(Supplier.uscc == uscc)))


def test_the_first_user_must_be_an_admin_and_needs_no_default_password(session: Session) -> None:
    with pytest.raises(PermissionDenied):
        create_user(session, None, "zhang", "张", "cashier", "long-enough-1")
    with pytest.raises(InvalidValue, match="at least 8"):
        create_user(session, None, "admin", "管理员", "admin", "short")
    admin = create_user(session, None, "admin", "管理员", "admin", "long-enough-1")
    assert admin.password_hash.startswith("$argon2id$")
    assert "long-enough-1" not in admin.password_hash
    with pytest.raises(PermissionDenied):  # now someone must be signed in to add users
        create_user(session, None, "second", "二", "admin", "long-enough-2")


def test_five_wrong_passwords_lock_the_account_for_five_minutes(session: Session) -> None:
    create_user(session, ADMIN, "wang", "王", "cashier", "right-password", counter_code="ZZ01")
    for _attempt in range(5):
        with pytest.raises(BangfuError, match="wrong user name or password"):
            authenticate(session, "wang", "wrong", NOW)
    with pytest.raises(BangfuError, match="try again in 5 minutes"):
        authenticate(session, "wang", "right-password", NOW + dt.timedelta(minutes=1))
    actor = authenticate(session, "wang", "right-password", NOW + LOCK_FOR + dt.timedelta(seconds=1))
    assert (actor.username, actor.role, actor.counter_code) == ("wang", "cashier", "ZZ01")
    assert actions(session).count("login.failed") == 5  # 4 wrong passwords + 1 while locked
    assert "login.locked" in actions(session)
    assert actions(session)[-1] == "login"


def test_change_password_needs_the_old_one_or_an_admin(session: Session) -> None:
    create_user(session, ADMIN, "wang", "王", "cashier", "first-password", counter_code="ZZ01")
    wang = Actor("wang", "cashier")
    with pytest.raises(InvalidValue, match="wrong password"):
        change_password(session, wang, "wang", "second-password", old_password="nope")
    change_password(session, wang, "wang", "second-password", old_password="first-password")
    with pytest.raises(PermissionDenied):
        change_password(session, wang, "admin-someone", "x" * 10)
    change_password(session, ADMIN, "wang", "third-password")
    assert authenticate(session, "wang", "third-password").username == "wang"
    hashes = session.scalars(select(User.password_hash)).all()
    assert not any("password" in h for h in hashes)


def test_each_role_is_refused_what_it_may_not_do(registry: Session, tmp_path: Path) -> None:
    xg500 = registry.scalars(select(Product).where(Product.code == "XG500")).one()
    form = {"uscc": "91110000600037341L", "name": "x", "kind": "other", "region_code": "110000", "benefit_rate": "1"}
    refused = [
        (CASHIER, lambda: save_supplier(registry, CASHIER, form)),
        (CASHIER, lambda: change_certificate(registry, CASHIER, xg500.id, "suspend", "x")),
        (CASHIER, lambda: export_registry(registry, CASHIER, "households", tmp_path / "h.csv")),
        (CASHIER, lambda: monthly_summary(registry, CASHIER, "2026-06")),
        (CASHIER, lambda: record_refund(registry, CASHIER, RefundDraft("X", NOW, ((xg500.id, 1000),)))),
        (MANAGER, lambda: import_file(registry, MANAGER, registry_kinds()["suppliers"], SAMPLES / "suppliers.csv")),
        (MANAGER, lambda: export_registry(registry, MANAGER, "households", tmp_path / "h.csv", clear_ids=True)),
        (MANAGER, lambda: reveal_id_number(registry, MANAGER, 1)),
        (MANAGER, lambda: change_setting(registry, MANAGER, "zone", "Asia/Urumqi")),
        (MANAGER, lambda: create_user(registry, MANAGER, "x", "x", "cashier", "long-enough")),
        (MANAGER, lambda: user_rows(registry, MANAGER)),  # list services check the permission too
        (CASHIER, lambda: supplier_rows(registry, CASHIER, "2026-06")),
        (CASHIER, lambda: household_rows(registry, CASHIER, "2026-06")),
    ]
    for _actor, action in refused:
        with pytest.raises(PermissionDenied):
            action()
    assert registry.scalar(select(AuditEvent.id).where(AuditEvent.action.like("export%"))) is None


def test_a_cashier_sells_only_at_their_counter_and_never_changes_a_price(registry: Session) -> None:
    from tests import factories

    factories.counter(registry, "ZZ01")
    factories.counter(registry, "ZZ02")
    xg500 = registry.scalars(select(Product).where(Product.code == "XG500")).one()

    def draft(counter: str, price: int | None = None) -> SaleDraft:
        total = price or 6800
        return SaleDraft(
            "counter", NOW, (LineDraft(xg500.id, 1000, price),), (PaymentDraft("wechat", total),), counter_code=counter
        )

    assert record_sale(registry, CASHIER, draft("ZZ01")).ref.startswith("ZZ01-")
    with pytest.raises(PermissionDenied, match="ZZ01"):
        record_sale(registry, CASHIER, draft("ZZ02"))
    with pytest.raises(PermissionDenied, match=r"price\.override"):
        record_sale(registry, CASHIER, draft("ZZ01", 6000))
    create_user(registry, ADMIN, "li", "李", "manager", "manager-password")
    forged = Approval(MANAGER, "price.override", NOW + dt.timedelta(days=1), "0" * 64)
    with pytest.raises(PermissionDenied, match="approval is not valid"):
        record_sale(registry, CASHIER, draft("ZZ01", 6000), approval=forged)
    with pytest.raises(BangfuError, match="wrong user name or password"):
        approve(registry, "li", "guessed-password", "price.override")
    expired = approve(registry, "li", "manager-password", "price.override", now=NOW - dt.timedelta(hours=1))
    with pytest.raises(PermissionDenied, match="approval is not valid"):
        record_sale(registry, CASHIER, draft("ZZ01", 6000), approval=expired)
    for_refunds = approve(registry, "li", "manager-password", "sale.refund")
    with pytest.raises(PermissionDenied, match="approval is not valid"):
        record_sale(registry, CASHIER, draft("ZZ01", 6000), approval=for_refunds)
    approval = approve(registry, "li", "manager-password", "price.override")
    approved = record_sale(registry, CASHIER, draft("ZZ01", 6000), approval=approval)
    assert approved.total_fen == 6000
    event = registry.scalars(select(AuditEvent).where(AuditEvent.action == "price.override")).one()
    assert (event.username, event.target) == ("li", approved.ref)
    assert "¥68.00 → ¥60.00, by wang" in event.summary


def test_a_coop_manager_works_on_their_own_cooperative_only(registry: Session) -> None:
    coop = coop_of(registry, "934112240000050101")
    mine = registry.scalars(select(Product).where(Product.code == "XG500")).one()
    theirs = registry.scalars(select(Product).where(Product.code == "HZ1000")).one()
    form = {
        "code": "XG500", "name": "卢氏花菇 500克（新包装）", "category": "干货", "unit": "袋", "price": "68",
        "supplier_uscc": "934112240000050101", "cert_no": mine.cert_no, "cert_level": "provincial",
        "certified_on": "2025-03-01", "valid_until": "2027-02-28", "origin_region_code": "411224",
    }  # fmt: skip
    save_product(registry, coop, form, mine.id)
    with pytest.raises(PermissionDenied, match="own cooperative"):
        save_product(
            registry,
            coop,
            {**form, "code": "HZ1000", "supplier_uscc": "91410184000005020K", "cert_no": theirs.cert_no},
            theirs.id,
        )
    with pytest.raises(PermissionDenied, match="own cooperative"):  # nor move a product to another supplier
        save_product(registry, coop, {**form, "supplier_uscc": "91410184000005020K"}, mine.id)
    with pytest.raises(PermissionDenied):
        save_household(
            registry, coop, {"code": "H9", "head_name": "李", "region_code": "411224", "members": "1", "status": "poor"}
        )
    require(coop, "labels.print")


def test_every_listed_action_leaves_an_audit_row(registry: Session, tmp_path: Path) -> None:
    from tests import factories

    factories.counter(registry, "ZZ01")
    xg500 = registry.scalars(select(Product).where(Product.code == "XG500")).one()
    create_user(registry, ADMIN, "li", "李", "manager", "long-enough-1")
    authenticate(registry, "li", "long-enough-1")
    with pytest.raises(BangfuError):
        authenticate(registry, "li", "wrong")
    sale = SaleDraft(
        "counter", NOW, (LineDraft(xg500.id, 1000, 6000),), (PaymentDraft("cash", 6000, 10000),), counter_code="ZZ01"
    )
    sold = record_sale(registry, ADMIN, sale)
    record_refund(registry, MANAGER, RefundDraft(sold.ref, NOW, ((xg500.id, 1000),), "退货"))
    change_certificate(registry, ADMIN, xg500.id, "suspend", "抽检")
    import_file(registry, ADMIN, registry_kinds()["suppliers"], SAMPLES / "suppliers.csv")
    export_registry(registry, ADMIN, "households", tmp_path / "h.csv")
    reveal_id_number(registry, ADMIN, registry.scalar(select(Household.id).where(Household.code == "H1")))
    change_password(registry, ADMIN, "li", "long-enough-2")
    change_setting(registry, ADMIN, "zone", "Asia/Shanghai")
    done = set(actions(registry))
    expected = {"user.create", "login", "login.failed", "price.override", "refund", "certificate.suspend",
                "import.suppliers", "export.households", "id.reveal", "user.password", "settings.change"}  # fmt: skip
    assert expected <= done
    reveal = registry.scalars(select(AuditEvent).where(AuditEvent.action == "id.reveal")).one()
    assert "110102199101010078" not in f"{reveal.target} {reveal.summary}"  # who saw whose, never the number


def test_audit_rows_cannot_be_changed_even_in_sql(database) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session, session.begin():
        session.add(AuditEvent(at=NOW, username="x", action="test.append", target="", summary=""))
    for statement in ("UPDATE audit_events SET username = 'y'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError, match="append-only"), database.session() as session, session.begin():
            session.execute(text(statement))
    with database.read_session() as session:
        assert session.scalar(select(AuditEvent.username).where(AuditEvent.action == "test.append")) == "x"
