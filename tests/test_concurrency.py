"""Every check that guards a write holds with two writers at once, on SQLite and PostgreSQL.

``race`` keeps the first writer's transaction open (its work done, not yet committed) while the
second writer runs in another thread and connection. Without a lock the second one reads the
old state and both commit; with the lock it waits for the first commit and then sees it.
"""

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog.importing import import_file
from catalog.kinds import registry_kinds
from core.auth import Actor, create_user
from core.db import Database, open_database
from core.errors import BangfuError
from core.models import Household, Linkage, Product, Quota, RefundLine, Sale, Shift
from orders.bulk import deliver_order, place_order, save_organisation, set_quota
from orders.cart import Cart, CartLine
from orders.counter import checkout
from orders.ledger import LineDraft, PaymentDraft, SaleDraft, record_sale
from orders.refunds import RefundDraft, record_refund
from orders.shifts import close_shift, open_shift
from tests import factories
from tests.factories import ADMIN
from tests.files import SAMPLES

AT = dt.datetime(2026, 6, 10, 2, tzinfo=dt.UTC)
MANAGER = Actor("li", "manager")
HOLD = 2.0  # seconds the first writer keeps its transaction open at most


def _blocked(db: Database) -> bool:
    """Whether some transaction waits for a lock (PostgreSQL tells; on SQLite the second writer
    waits in BEGIN IMMEDIATE, unseen, so the first one simply keeps its transaction a moment)."""
    if db.engine.dialect.name != "postgresql":
        return False
    waiting = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
    with db.engine.connect() as connection:
        return bool(connection.exec_driver_sql(waiting).scalar())


def _hold(db: Database, second_done: threading.Event) -> None:
    """Keep the first transaction open until the second writer is blocked or done."""
    deadline = time.monotonic() + (HOLD if db.engine.dialect.name == "postgresql" else 0.3)
    while time.monotonic() < deadline and not second_done.wait(0.02):
        if _blocked(db):
            return


def race(db: Database, first: Callable[[Session], Any], second: Callable[[Session], Any]) -> list[Any]:
    """Run both writers as described above; returns what each returned or raised."""
    results: list[Any] = [None, None]
    first_done, second_done = threading.Event(), threading.Event()

    def writer(index: int, work: Callable[[Session], Any]) -> None:
        try:
            if index == 1:
                first_done.wait(30)
            with db.session() as session, session.begin():
                results[index] = work(session)
                if index == 0:
                    first_done.set()
                    _hold(db, second_done)
        except Exception as exc:
            results[index] = exc
        finally:
            (first_done if index == 0 else second_done).set()

    threads = [threading.Thread(target=writer, args=(i, w)) for i, w in enumerate((first, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def twice(db: Database, work: Callable[[Session], Any]) -> list[Any]:
    return race(db, work, work)


def refused(results: list[Any]) -> list[BaseException]:
    """The results that are errors; anything but a user-facing refusal fails the test."""
    errors = [r for r in results if isinstance(r, BaseException)]
    for error in errors:
        assert isinstance(error, BangfuError), repr(error)
    return errors


@pytest.fixture
def db(empty_db_url: str) -> Iterator[Database]:
    database = open_database(empty_db_url)
    with database.session() as session, session.begin():
        owner = factories.supplier(session)
        factories.product(session, owner, "RACE1", price_fen=6800)
        factories.counter(session, "ZZ01")
    yield database
    database.dispose()


def _product_id(db: Database) -> int:
    with db.read_session() as session:
        return int(session.scalar(select(func.min(Product.id))))  # type: ignore[arg-type]


def _sale(db: Database, quantity: int = 1000, key: str | None = None) -> SaleDraft:
    price = 6800 * quantity // 1000
    return SaleDraft(
        "counter",
        AT,
        (LineDraft(_product_id(db), quantity),),
        (PaymentDraft("wechat", price),),
        counter_code="ZZ01",
        idempotency_key=key,
    )


def _count(db: Database, query: Any) -> int:
    with db.read_session() as session:
        return int(session.scalar(query) or 0)


def test_two_refunds_of_the_last_unit_refund_it_once(db: Database) -> None:
    with db.session() as session, session.begin():
        sold = record_sale(session, ADMIN, _sale(db))
    product = _product_id(db)
    results = twice(db, lambda s: record_refund(s, MANAGER, RefundDraft(sold.ref, AT, ((product, 1000),))))
    assert len(refused(results)) == 1
    assert "only 0 of 1 sold remain" in str(refused(results)[0])
    assert _count(db, select(func.sum(RefundLine.quantity_milli))) == 1000


def test_two_closes_of_one_shift_write_one_z_report(db: Database) -> None:
    with db.session() as session, session.begin():
        open_shift(session, ADMIN, "ZZ01", 10000, AT)
    results = race(
        db,
        lambda s: close_shift(s, MANAGER, "ZZ01", 10000, AT + dt.timedelta(hours=8)),
        lambda s: close_shift(s, MANAGER, "ZZ01", 99900, AT + dt.timedelta(hours=9)),
    )
    assert "no shift is open" in str(refused(results)[0])
    with db.read_session() as session:
        assert session.scalar(select(Shift.counted_fen)) == 10000


def test_a_sale_while_its_shift_closes_lands_in_the_shift_or_is_refused(db: Database) -> None:
    with db.session() as session, session.begin():
        open_shift(session, ADMIN, "ZZ01", 0, AT - dt.timedelta(hours=1))
    cart = Cart("ZZ01")
    cart.add(CartLine(_product_id(db), "RACE1", "商品RACE1", "袋", 6800))
    results = race(
        db,
        lambda s: close_shift(s, MANAGER, "ZZ01", 0, AT + dt.timedelta(hours=1)),
        lambda s: checkout(s, ADMIN, cart, (PaymentDraft("wechat", 6800),), AT),
    )
    assert "no shift is open at counter ZZ01" in str(refused(results)[0])
    assert results[0].sales_count == 0
    assert _count(db, select(func.count()).select_from(Sale)) == 0


def test_two_opens_of_a_shift_open_one(db: Database) -> None:
    results = twice(db, lambda s: open_shift(s, ADMIN, "ZZ01", 10000, AT))
    assert "already open" in str(refused(results)[0])
    assert _count(db, select(func.count()).select_from(Shift)) == 1


@pytest.mark.parametrize("kind", ["households", "linkages"])
def test_two_imports_of_one_file_store_it_once(db: Database, kind: str) -> None:
    with db.session() as session, session.begin():
        for earlier in ("suppliers", "products", "households")[: 3 if kind == "linkages" else 1]:
            import_file(session, ADMIN, registry_kinds()[earlier], SAMPLES / f"{earlier}.csv")
    path = SAMPLES / f"{kind}.csv"
    results = twice(db, lambda s: import_file(s, ADMIN, registry_kinds()[kind], path))
    assert refused(results) == []
    assert results[0].added > 0
    assert (results[1].added, results[1].skipped) == (0, results[0].added)
    model = Linkage if kind == "linkages" else Household
    assert _count(db, select(func.count()).select_from(model)) == results[0].added + results[0].skipped


def test_two_payments_of_one_cart_make_one_sale(db: Database) -> None:
    results = twice(db, lambda s: record_sale(s, ADMIN, _sale(db, key="cart-1")))
    assert refused(results) == []
    assert results[0].ref == results[1].ref
    assert _count(db, select(func.count()).select_from(Sale)) == 1


def test_a_changed_cart_under_a_paid_key_is_refused(db: Database) -> None:
    with db.session() as session, session.begin():
        first = record_sale(session, ADMIN, _sale(db, key="cart-1"))
    with db.session() as session, session.begin(), pytest.raises(BangfuError, match=f"already paid as {first.ref}"):
        record_sale(session, ADMIN, _sale(db, quantity=6000, key="cart-1"))
    with db.session() as session, session.begin():
        assert record_sale(session, ADMIN, _sale(db, key="cart-1")).ref == first.ref


def test_two_deliveries_of_one_bulk_order_make_one_sale(db: Database) -> None:
    with db.session() as session, session.begin():
        org = save_organisation(session, ADMIN, "县机关食堂", "government", "411224")
        place_order(session, ADMIN, org.id, "T-1", (LineDraft(_product_id(db), 5000),), AT.date())
    results = twice(db, lambda s: deliver_order(s, ADMIN, "T-1", AT).ref)
    assert "cannot be delivered" in str(refused(results)[0])
    assert _count(db, select(func.count()).select_from(Sale)) == 1


def test_named_records_and_quotas_saved_twice_at_once(db: Database) -> None:
    saved = twice(db, lambda s: save_organisation(s, ADMIN, "县一中", "school", "411224").id)
    assert refused(saved) == []
    assert saved[0] == saved[1]
    results = twice(db, lambda s: set_quota(s, ADMIN, saved[0], 2026, 500000))
    assert refused(results) == []
    assert _count(db, select(func.count()).select_from(Quota)) == 1
    results = twice(db, lambda s: create_user(s, ADMIN, "zhao", "赵", "manager", "long-password-1"))
    assert "already used" in str(refused(results)[0])


def test_eight_programs_opening_one_new_database_at_once(empty_db_url: str) -> None:
    barrier = threading.Barrier(8)
    failures: list[BaseException] = []

    def program() -> None:
        barrier.wait()
        try:
            open_database(empty_db_url).dispose()
        except Exception as exc:
            failures.append(exc)

    threads = [threading.Thread(target=program) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []


def test_two_write_offs_of_the_last_piece_write_off_one(db: Database) -> None:
    from orders import stock

    pid = _product_id(db)
    with db.session() as session, session.begin():
        stock.receive_goods(session, MANAGER, "ZZ01", [stock.StockLine(pid, 1000)])
    results = twice(db, lambda s: stock.write_off(s, MANAGER, "ZZ01", [stock.StockLine(pid, 1000)], "破损"))
    assert len(refused(results)) == 1
    with db.read_session() as session:
        assert stock.on_hand(session, 1, pid) == 0
        assert stock.check(session) == []


def test_two_sales_of_one_product_at_once_both_leave_the_shelf(db: Database) -> None:
    from orders import stock

    pid = _product_id(db)
    with db.session() as session, session.begin():
        stock.receive_goods(session, MANAGER, "ZZ01", [stock.StockLine(pid, 10_000)])
    results = twice(db, lambda s: record_sale(s, ADMIN, _sale(db)))
    assert refused(results) == []
    with db.read_session() as session:
        assert stock.on_hand(session, 1, pid) == 8000  # no update lost: the database adds
        assert stock.check(session) == []
