"""Consignment stock (issue 16): an append-only ledger of movements per counter and product."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from core.auth import Actor, PermissionDenied
from core.errors import BangfuError, InvalidValue
from core.models import StockBalance, StockMovement
from orders import stock
from orders.counter import scan
from orders.ledger import LineDraft, PaymentDraft, SaleDraft, record_sale
from orders.refunds import RefundDraft, picked_lines, record_refund
from orders.stock import StockLine
from tests import factories
from tests.factories import ADMIN

MANAGER = Actor("li", "manager")
DAY = dt.datetime(2026, 10, 12, 10, tzinfo=dt.UTC)


def _setup(session: Session) -> tuple[int, int]:
    factories.counter(session, "ZZ01")
    factories.counter(session, "ZZ02")
    owner = factories.supplier(session)
    return factories.product(session, owner, "P1", unit="件", price_fen=1000).id, factories.product(
        session, owner, "P2", unit="公斤", price_fen=2000
    ).id


def _on_hand(session: Session, counter: str, product_id: int) -> int:
    from core.models import Counter

    counter_id = session.scalar(select(Counter.id).where(Counter.code == counter))
    assert counter_id is not None
    return stock.on_hand(session, counter_id, product_id)


def _sell(session: Session, product_id: int, quantity: int, price: int) -> str:
    draft = SaleDraft(
        "counter", DAY, (LineDraft(product_id, quantity),), (PaymentDraft("cash", price * quantity // 1000),),
        counter_code="ZZ01",
    )  # fmt: skip
    return record_sale(session, ADMIN, draft).ref


def test_a_counters_day_received_sold_refunded_moved_returned_and_counted(session: Session) -> None:
    p1, p2 = _setup(session)
    note = stock.receive_goods(
        session, MANAGER, "ZZ01",
        [StockLine(p1, 20_000, "B1", dt.date(2026, 9, 1), 180), StockLine(p2, 12_500)],
    )  # fmt: skip
    assert note == f"SH-ZZ01-{dt.datetime.now(dt.timezone(dt.timedelta(hours=8))):%Y%m%d}-01"
    ref = _sell(session, p1, 3000, 1000)
    assert _on_hand(session, "ZZ01", p1) == 17_000  # the sale moved it in its own transaction
    picked = picked_lines(session, ref, {"P1": "1"})
    record_refund(session, ADMIN, RefundDraft(ref, DAY, picked, "换货"))  # back on the shelf
    assert _on_hand(session, "ZZ01", p1) == 18_000
    picked = picked_lines(session, ref, {"P1": "1"})
    record_refund(session, ADMIN, RefundDraft(ref, DAY, picked, "破损", back_on_shelf=False))
    assert _on_hand(session, "ZZ01", p1) == 18_000  # back and written off at once: both in the ledger
    kinds = session.scalars(select(StockMovement.kind).where(StockMovement.document == f"{ref}-R2")).all()
    assert sorted(kinds) == ["refund", "write_off"]
    stock.transfer(session, MANAGER, "ZZ01", "ZZ02", [StockLine(p1, 5000)])
    assert (_on_hand(session, "ZZ01", p1), _on_hand(session, "ZZ02", p1)) == (13_000, 5000)
    stock.return_to_supplier(session, MANAGER, "ZZ02", [StockLine(p1, 2000)], "临期")
    with pytest.raises(InvalidValue, match="only 3 on hand at ZZ02, not 4"):
        stock.return_to_supplier(session, MANAGER, "ZZ02", [StockLine(p1, 4000)], "临期")
    stock.write_off(session, MANAGER, "ZZ01", [StockLine(p2, 500)], "过期")
    with pytest.raises(InvalidValue, match="say why"):
        stock.write_off(session, MANAGER, "ZZ01", [StockLine(p2, 500)], " ")
    assert _on_hand(session, "ZZ01", p2) == 12_000
    take = stock.start_stocktake(session, MANAGER, "ZZ01")
    with pytest.raises(BangfuError, match="already open"):
        stock.start_stocktake(session, MANAGER, "ZZ01")
    stock.count(session, MANAGER, take, p1, 10_000)
    stock.count(session, MANAGER, take, p1, 2000)  # a second shelf
    _sell(session, p1, 1000, 1000)  # selling goes on after P1 was counted: not a difference
    stock.count(session, MANAGER, take, p2, 11_750)
    found = {d.code: (d.expected_milli, d.counted_milli, d.difference_milli) for d in stock.differences(session, take)}
    assert found == {"P1": (13_000, 12_000, -1000), "P2": (12_000, 11_750, -250)}
    assert [d.value_fen for d in stock.differences(session, take)] == [-1000, -500]  # ¥10/件, ¥20/公斤 × 0.25
    with pytest.raises(PermissionDenied):
        stock.approve_stocktake(session, Actor("c", "cashier", counter_code="ZZ01"), take)
    stock.approve_stocktake(session, MANAGER, take)
    assert (_on_hand(session, "ZZ01", p1), _on_hand(session, "ZZ01", p2)) == (11_000, 11_750)  # 12 counted − 1 sold
    second = stock.start_stocktake(session, MANAGER, "ZZ01")
    stock.count(session, MANAGER, second, p1, 11_000)
    assert {d.code: d.counted_milli for d in stock.differences(session, second)} == {"P1": 11_000, "P2": None}
    stock.approve_stocktake(session, MANAGER, second)
    assert _on_hand(session, "ZZ01", p2) == 11_750  # not counted: left as it was
    with pytest.raises(BangfuError, match="already approved"):
        stock.approve_stocktake(session, MANAGER, take)
    assert stock.check(session) == []


def test_selling_what_is_not_on_hand_sells_with_a_warning(session: Session) -> None:
    p1, _p2 = _setup(session)
    day = DAY.date()
    assert scan(session, "P1", day, "ZZ01").warning == ""  # no stock kept at this counter yet: no warning
    stock.receive_goods(session, MANAGER, "ZZ01", [StockLine(p1, 1000)])
    assert scan(session, "P1", day, "ZZ01").warning == ""
    _sell(session, p1, 1000, 1000)
    assert "only 0 on hand" in scan(session, "P1", day, "ZZ01").warning
    _sell(session, p1, 1000, 1000)  # sells anyway: the goods are in the customer's hand
    assert _on_hand(session, "ZZ01", p1) == -1000  # for the next stocktake


def test_a_counter_that_never_received_goods_sells_without_stock_warnings(session: Session) -> None:
    p1, _p2 = _setup(session)
    for _ in range(2):  # its sales alone take its balance below zero
        draft = SaleDraft("counter", DAY, (LineDraft(p1, 1000),), (PaymentDraft("cash", 1000),), counter_code="ZZ02")
        record_sale(session, ADMIN, draft)
    assert scan(session, "P1", DAY.date(), "ZZ02").warning == ""


def test_a_balance_edited_behind_bangfus_back_is_found(session: Session) -> None:
    p1, _p2 = _setup(session)
    stock.receive_goods(session, MANAGER, "ZZ01", [StockLine(p1, 4000)])
    session.execute(update(StockBalance).values(quantity_milli=5000))
    [mismatch] = stock.check(session)
    assert (mismatch.balance_milli, mismatch.movements_milli) == (5000, 4000)


def test_a_receipt_with_the_same_reference_is_recorded_once(session: Session) -> None:
    p1, _p2 = _setup(session)
    for _ in range(2):
        assert stock.receive_goods(session, MANAGER, "ZZ01", [StockLine(p1, 4000)], document="GYS-0007") == "GYS-0007"
    assert _on_hand(session, "ZZ01", p1) == 4000


def test_slow_movers_go_by_the_latest_sale_even_when_an_older_one_arrives_later(session: Session) -> None:
    p1, p2 = _setup(session)
    stock.receive_goods(session, MANAGER, "ZZ01", [StockLine(p1, 9000), StockLine(p2, 9000)])
    _sell(session, p1, 1000, 1000)  # on DAY
    earlier = [stock.Movement(session.scalar(select(StockBalance.counter_id)) or 0, p1, "sale", -1000, "K-1")]
    stock.add_movements(session, "kiosk", earlier, at=DAY - dt.timedelta(days=30))  # uploaded late
    rows = {r.code: r for r in stock.stock_rows(session, MANAGER, "ZZ01")}
    assert rows["P1"].last_sold == DAY
    assert rows["P2"].last_sold is None
    slow = stock.slow_movers(list(rows.values()), DAY + dt.timedelta(days=10), days=7)
    assert [r.code for r in slow] == ["P1", "P2"]
    assert [r.code for r in stock.slow_movers(list(rows.values()), DAY + dt.timedelta(days=5), 7)] == ["P2"]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["in", "out", "sale", "move"]), st.integers(1, 5)), max_size=12))
def test_the_running_balance_is_the_sum_of_the_movements(session: Session, steps: list[tuple[str, int]]) -> None:
    savepoint = session.begin_nested()
    p1, _p2 = _setup(session)
    for kind, units in steps:
        quantity = units * 1000  # P1 is counted in whole pieces
        line = [StockLine(p1, quantity)]
        try:
            if kind == "in":
                stock.receive_goods(session, MANAGER, "ZZ01", line)
            elif kind == "out":
                stock.write_off(session, MANAGER, "ZZ01", line, "过期")
            elif kind == "move":
                stock.transfer(session, MANAGER, "ZZ01", "ZZ02", line)
            else:
                _sell(session, p1, quantity, 1000)
        except InvalidValue:
            pass  # more than on hand: refused, nothing written
    assert stock.check(session) == []
    total = session.scalar(select(func.sum(StockMovement.quantity_milli))) or 0
    assert total == sum(b.quantity_milli for b in session.scalars(select(StockBalance)))
    savepoint.rollback()


def test_opening_stock_comes_in_from_a_file_all_or_nothing_and_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import contextlib
    import io
    import json

    from catalog.importing import import_file
    from catalog.kinds import registry_kinds
    from cli.main import main as command
    from core.db import open_database
    from tests.files import SAMPLES

    path = str(tmp_path / "s.db")
    db = open_database(path)
    with db.session() as session, session.begin():
        for kind in ("suppliers", "products"):
            import_file(session, ADMIN, registry_kinds()[kind], SAMPLES / f"{kind}.csv")
        factories.counter(session, "ZZ01")
    db.dispose()
    good = tmp_path / "stock.csv"
    good.write_text(
        "receipt_ref,counter_code,product_code,quantity,batch,produced_on,shelf_life_days\n"
        "QC-0001,ZZ01,XG500,40,B2609,2026-09-01,365\n"
        "QC-0001,ZZ01,XG-BULK,12.5,,,\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(
        good.read_text().replace("QC-0001", "QC-0002").replace(",40,", ",4.5,").replace("ZZ01,XG-BULK", "ZZ09,XG-BULK"),
        encoding="utf-8",
    )
    assert command(["--db", path, "import", "stock", str(bad)]) == 2  # 4.5 bags; ZZ09: nothing imported
    assert command(["--db", path, "import", "stock", str(good)]) == 0
    assert command(["--db", path, "import", "stock", str(good)]) == 0  # the same reference again: skipped
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert command(["--db", path, "stock", "on-hand"]) == 0
    rows = json.loads(buffer.getvalue())
    assert [(r["product_code"], r["on_hand"]) for r in rows] == [("XG-BULK", "12.5"), ("XG500", "40")]
    assert command(["--db", path, "stock", "check"]) == 0
    assert command(["--db", path, "stock", "slow", "--days", "7", "--out", str(tmp_path / "slow.xlsx")]) == 0


def test_first_expiry_first_out_leaves_the_latest_batches(session: Session) -> None:
    from orders.stock import Lot, fefo_left

    received = [Lot("A", dt.date(2026, 11, 1), 5000), Lot("B", dt.date(2027, 1, 1), 5000), Lot("C", None, 2000)]
    assert fefo_left(6000, received) == [Lot("B", dt.date(2027, 1, 1), 4000), Lot("C", None, 2000)]
    assert fefo_left(0, received) == []
    p1, _p2 = _setup(session)
    stock.receive_goods(session, MANAGER, "ZZ01", [StockLine(p1, 5000, "A", dt.date(2026, 5, 1), 180)])
    stock.receive_goods(session, MANAGER, "ZZ01", [StockLine(p1, 5000, "B", dt.date(2026, 9, 1), 180)])
    _sell(session, p1, 6000, 1000)  # the older batch A sold first
    [soon] = stock.expiring(session, ADMIN, dt.date(2027, 2, 1), 30)
    assert (soon.batch, soon.expires_on, soon.quantity_milli) == ("B", dt.date(2027, 2, 28), 4000)
    assert stock.expiring(session, ADMIN, dt.date(2026, 10, 1), 30) == []  # A is gone: nothing to warn of


def test_goods_transferred_take_their_batches_and_expiry_with_them(session: Session) -> None:
    p1, _p2 = _setup(session)
    stock.receive_goods(session, MANAGER, "ZZ01", [StockLine(p1, 5000, "A", dt.date(2026, 9, 1), 90)])
    stock.receive_goods(session, MANAGER, "ZZ01", [StockLine(p1, 10_000, "B", dt.date(2026, 10, 1), 180)])
    number = stock.transfer(session, MANAGER, "ZZ01", "ZZ02", [StockLine(p1, 7000)])  # the next to sell: A, then B
    arrived = session.execute(
        select(StockMovement.batch, StockMovement.quantity_milli, StockMovement.produced_on)
        .where(StockMovement.document == number, StockMovement.kind == "transfer_in")
        .order_by(StockMovement.id)
    ).all()
    assert [tuple(r) for r in arrived] == [("A", 5000, dt.date(2026, 9, 1)), ("B", 2000, dt.date(2026, 10, 1))]
    soon = stock.expiring(session, ADMIN, dt.date(2026, 11, 20), 30)
    assert [(e.counter, e.batch, e.expires_on, e.quantity_milli) for e in soon] == [
        ("ZZ02", "A", dt.date(2026, 11, 30), 5000)
    ]  # and ZZ01 keeps 8 of B, which expires in March
    assert [(lot.batch, lot.quantity_milli) for lot in stock.note(session, MANAGER, number).lines] == [
        ("A", 5000),
        ("B", 2000),
    ]


def test_the_batch_that_expires_first_is_named_at_receiving_and_at_the_scan(session: Session) -> None:
    p1, _p2 = _setup(session)
    stock.receive_goods(session, MANAGER, "ZZ01", [StockLine(p1, 3000, "A", dt.date(2026, 9, 1), 90)])
    counter_id = session.scalar(select(StockBalance.counter_id))
    assert counter_id is not None
    assert stock.fefo_hint(session, counter_id, p1, dt.date(2026, 11, 1)) == ""  # A ends 2026-11-30: weeks away
    later = stock.receive_goods(session, MANAGER, "ZZ01", [StockLine(p1, 5000, "B", dt.date(2026, 11, 1), 90)])
    assert stock.receiving_hints(session, later) == [
        "P1: batch A on the shelf expires first (2026-11-30): put the new goods behind it"
    ]
    assert scan(session, "P1", dt.date(2026, 11, 25), "ZZ01").warning == "sell batch A first: it expires on 2026-11-30"
    _sell(session, p1, 3000, 1000)  # A is gone (first-expiry-first-out)
    assert stock.fefo_hint(session, counter_id, p1, dt.date(2026, 11, 25)) == ""


@given(
    st.integers(0, 20), st.lists(st.tuples(st.integers(1, 9), st.one_of(st.none(), st.integers(0, 400))), max_size=6)
)
def test_fefo_never_leaves_more_than_was_received_or_is_on_hand(
    on_hand: int, lots: list[tuple[int, int | None]]
) -> None:
    from orders.stock import Lot, fefo_left

    received = [
        Lot(str(n), None if d is None else dt.date(2026, 1, 1) + dt.timedelta(days=d), q)
        for n, (q, d) in enumerate(lots)
    ]
    left = fefo_left(on_hand, received)
    assert sum(b.quantity_milli for b in left) == min(on_hand, sum(q for q, _d in lots))
    assert all(0 < b.quantity_milli <= dict((r.batch, r.quantity_milli) for r in received)[b.batch] for b in left)


def test_a_manager_moves_goods_from_the_command_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import contextlib
    import io
    import json

    from cli.main import main as command
    from core.db import open_database

    path = str(tmp_path / "m.db")
    db = open_database(path)
    with db.session() as session, session.begin():
        p1, _p2 = _setup(session)
        stock.receive_goods(session, MANAGER, "ZZ01", [StockLine(p1, 10_000)])
    db.dispose()
    base = ["--db", path, "stock"]
    assert command([*base, "transfer", "--counter", "ZZ01", "--product", "P1", "--quantity", "4", "--to", "ZZ02"]) == 0
    assert command([*base, "write-off", "--counter", "ZZ01", "--product", "P1", "--quantity", "1"]) == 2  # no reason
    assert (
        command([*base, "write-off", "--counter", "ZZ01", "--product", "P1", "--quantity", "1", "--reason", "破损"])
        == 0
    )
    assert command([*base, "return", "--counter", "ZZ02", "--product", "P1", "--quantity", "9", "--reason", "x"]) == 2
    assert command([*base, "minimum", "--counter", "ZZ01", "--product", "P1", "--quantity", "6"]) == 0
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert command([*base, "low"]) == 0
    assert [(r["counter_code"], r["on_hand"], r["minimum"]) for r in json.loads(buffer.getvalue())] == [
        ("ZZ01", "5", "6")
    ]
    month = f"{dt.datetime.now(dt.timezone(dt.timedelta(hours=8))):%Y-%m}"
    assert command([*base, "movements"]) == 2  # which month?
    out = tmp_path / "movements.csv"
    assert command([*base, "movements", "--month", month, "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "at,counter_code,product_code,name,kind,quantity,document,batch,reason,username"
    moved = [line.split(",")[4:6] for line in lines[1:]]
    assert moved == [["receipt", "10"], ["transfer_out", "-4"], ["transfer_in", "4"], ["write_off", "-1"]]
