"""Recording a sale: one transaction, exact amounts, gapless receipt numbers (SPEC §2, §5)."""

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.errors import BangfuError, InvalidValue
from core.models import Payment, Sale
from core.money import line_amount
from orders.ledger import LineDraft, PaymentDraft, SaleDraft, record_sale
from orders.refunds import RefundDraft, picked_lines, record_refund, refund_amount
from tests import factories
from tests.factories import ADMIN

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _at(day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, 6, day, hour, tzinfo=SHANGHAI)


def _cash_sale(product_id: int, milli: int, total: int, when: dt.datetime, **kw: object) -> SaleDraft:
    return SaleDraft(
        channel="counter",
        sold_at=when,
        lines=(LineDraft(product_id, milli),),
        payments=(PaymentDraft("cash", total, tendered_fen=10000),),
        counter_code="ZZ01",
        **kw,  # type: ignore[arg-type]
    )


def test_counter_sale_gets_exact_amounts_change_and_a_receipt_number(session: Session) -> None:
    owner = factories.supplier(session)
    mushrooms = factories.product(session, owner, "XG-BULK", unit="斤", price_fen=1235)
    factories.counter(session)
    recorded = record_sale(session, ADMIN, _cash_sale(mushrooms.id, 1235, 1525, _at(3)), SHANGHAI)
    assert (recorded.ref, recorded.total_fen, recorded.change_fen, recorded.lines) == (
        "ZZ01-20260603-0001",
        1525,
        8475,
        (1525,),
    )
    payment = session.scalars(select(Payment)).one()
    assert (payment.tendered_fen, payment.change_fen) == (10000, 8475)


def test_receipt_numbers_are_gapless_per_counter_and_local_day(session: Session) -> None:
    owner = factories.supplier(session)
    item = factories.product(session, owner, price_fen=100)
    factories.counter(session, "ZZ01")
    factories.counter(session, "ZZ02")
    refs = [record_sale(session, ADMIN, _cash_sale(item.id, 1000, 100, _at(3, h)), SHANGHAI).ref for h in (9, 10, 11)]
    other_counter = replace(_cash_sale(item.id, 1000, 100, _at(3, 12)), counter_code="ZZ02")
    refs.append(record_sale(session, ADMIN, other_counter, SHANGHAI).ref)
    # 2026-06-03 23:30 in Shanghai is still the 3rd; 16:00 UTC is already the 4th there.
    refs.append(
        record_sale(
            session, ADMIN, _cash_sale(item.id, 1000, 100, dt.datetime(2026, 6, 3, 16, tzinfo=dt.UTC)), SHANGHAI
        ).ref
    )
    assert refs == [
        "ZZ01-20260603-0001",
        "ZZ01-20260603-0002",
        "ZZ01-20260603-0003",
        "ZZ02-20260603-0001",
        "ZZ01-20260604-0001",
    ]


def test_a_refused_sale_leaves_no_gap_and_nothing_written(session: Session) -> None:
    owner = factories.supplier(session)
    item = factories.product(session, owner, price_fen=100)
    factories.counter(session)
    with pytest.raises(BangfuError, match="payments add up to"), session.begin_nested():
        record_sale(session, ADMIN, _cash_sale(item.id, 1000, 99, _at(5)), SHANGHAI)
    assert session.scalar(select(func.count()).select_from(Sale)) == 0
    assert record_sale(session, ADMIN, _cash_sale(item.id, 1000, 100, _at(5)), SHANGHAI).ref.endswith("-0001")


def test_retrying_the_same_cart_never_makes_two_sales(session: Session) -> None:
    owner = factories.supplier(session)
    item = factories.product(session, owner, price_fen=100)
    factories.counter(session)
    first = record_sale(session, ADMIN, _cash_sale(item.id, 2000, 200, _at(6), idempotency_key="cart-1"), SHANGHAI)
    again = record_sale(session, ADMIN, _cash_sale(item.id, 2000, 200, _at(6), idempotency_key="cart-1"), SHANGHAI)
    assert again == first
    assert session.scalar(select(func.count()).select_from(Sale)) == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"valid_until": dt.date(2026, 5, 31)}, "expired"),
        ({"certified_on": dt.date(2026, 7, 1)}, "pending"),
        ({"cert_status": "revoked"}, "revoked"),
    ],
)
def test_a_product_without_an_active_certificate_is_not_sold(
    session: Session, change: dict[str, object], message: str
) -> None:
    owner = factories.supplier(session)
    item = factories.product(session, owner, price_fen=100, **change)
    factories.counter(session)
    with pytest.raises(BangfuError, match=message):
        record_sale(session, ADMIN, _cash_sale(item.id, 1000, 100, _at(3)), SHANGHAI)


def test_bad_sales_name_what_is_wrong(session: Session) -> None:
    owner = factories.supplier(session)
    bag = factories.product(session, owner, price_fen=100)
    factories.counter(session)
    with pytest.raises(InvalidValue, match="whole numbers"):
        record_sale(session, ADMIN, _cash_sale(bag.id, 1500, 150, _at(3)), SHANGHAI)
    with pytest.raises(InvalidValue, match="customer_org"):
        record_sale(session, ADMIN, SaleDraft("bulk", _at(3), (LineDraft(bag.id, 1000),)), SHANGHAI)
    with pytest.raises(InvalidValue, match="unknown counter"):
        record_sale(
            session,
            ADMIN,
            SaleDraft(
                "counter", _at(3), (LineDraft(bag.id, 1000),), (PaymentDraft("wechat", 100),), counter_code="NOPE"
            ),
            SHANGHAI,
        )
    with pytest.raises(BangfuError, match="needs a payment"):
        record_sale(
            session, ADMIN, SaleDraft("counter", _at(3), (LineDraft(bag.id, 1000),), counter_code="ZZ01"), SHANGHAI
        )
    assert session.scalar(select(func.count()).select_from(Sale)) == 0


def test_refunds_are_new_records_with_cumulative_amounts(session: Session) -> None:
    owner = factories.supplier(session)
    shrimp = factories.product(session, owner, "LX", unit="公斤", price_fen=1235)
    factories.counter(session)
    sold = record_sale(session, ADMIN, _cash_sale(shrimp.id, 3000, 3705, _at(3)), SHANGHAI)
    first = record_refund(session, ADMIN, RefundDraft(sold.ref, _at(4), ((shrimp.id, 1235),), reason="质量问题"))
    second = record_refund(session, ADMIN, RefundDraft(sold.ref, _at(5), ((shrimp.id, 1765),)))
    assert (first.ref, first.total_fen, second.ref, second.total_fen) == (
        "ZZ01-20260603-0001-R1",
        1525,
        "ZZ01-20260603-0001-R2",
        2180,
    )
    sale_row = session.scalars(select(Sale)).one()
    assert sale_row.total_fen == 3705  # the sale itself is never edited
    with pytest.raises(InvalidValue, match="only 0 of 3 sold remain"):
        record_refund(session, ADMIN, RefundDraft(sold.ref, _at(6), ((shrimp.id, 1),)))
    with pytest.raises(InvalidValue, match="before its sale"):
        record_refund(session, ADMIN, RefundDraft(sold.ref, _at(2), ((shrimp.id, 1),)))
    with pytest.raises(InvalidValue, match="unknown sale"):
        record_refund(session, ADMIN, RefundDraft("NOPE", _at(6), ((shrimp.id, 1),)))


def test_refund_lines_are_picked_by_code_or_name_in_each_products_unit(session: Session) -> None:
    owner = factories.supplier(session)
    mushrooms = factories.product(session, owner, "XG-BULK", unit="斤", price_fen=990, name="卢氏鲜香菇（散装）")
    dates = factories.product(session, owner, "HZ1000", unit="盒", price_fen=4550)
    factories.counter(session)
    draft = replace(
        _cash_sale(mushrooms.id, 2500, 7025, _at(3)), lines=(LineDraft(mushrooms.id, 2500), LineDraft(dates.id, 1000))
    )
    sold = record_sale(session, ADMIN, draft, SHANGHAI)
    picked = picked_lines(session, sold.ref, {"卢氏鲜香菇（散装）": "1.5", " HZ1000 ": "1"})
    assert picked == ((mushrooms.id, 1500), (dates.id, 1000))
    with pytest.raises(InvalidValue, match="XG500 is not on sale") as error:
        picked_lines(session, sold.ref, {"XG500": "1"})
    assert error.value.field == "product"
    with pytest.raises(InvalidValue, match="unknown sale"):
        picked_lines(session, "NOPE", {"HZ1000": "1"})


@given(st.lists(st.integers(1, 5000), min_size=1, max_size=8), st.integers(1, 99_999))
def test_refund_amounts_never_add_up_to_more_than_the_line(parts: list[int], price: int) -> None:
    sold = sum(parts)
    before, total = 0, 0
    for quantity in parts:
        total += refund_amount(price, before, quantity)
        before += quantity
    assert total == line_amount(price, sold)
