"""The counter's services: scan, carts, checkout, refunds, shifts, receipts (issue 6)."""

import datetime as dt
import io

import pdfplumber
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.qr import label_payload, read_label
from core.auth import Actor
from core.errors import BangfuError, InvalidValue
from core.models import Sale
from orders.cart import Cart
from orders.counter import checkout, held_carts, hold_cart, open_cart, recall_cart, save_open_cart, scan
from orders.ledger import PaymentDraft
from orders.receipts import refund_receipt, sale_receipt
from orders.refunds import RefundDraft, record_refund
from orders.shifts import close_shift, closed_reports, open_shift
from reports.receipts import render_receipt, render_z_report
from tests import factories
from tests.factories import ADMIN
from tests.test_catalog_import import load_samples

DAY = dt.date(2026, 6, 10)
AT = dt.datetime(2026, 6, 10, 2, tzinfo=dt.UTC)
CASHIER = Actor("wang", "cashier", counter_code="ZZ01")
MANAGER = Actor("li", "manager")


@pytest.fixture
def counter(session: Session) -> Session:
    load_samples(session)
    factories.counter(session, "ZZ01")
    return session


def test_scan_reads_barcodes_codes_and_labels(counter: Session) -> None:
    assert scan(counter, "6900000009017", DAY).line.code == "XG500"
    assert scan(counter, " XG-BULK ", DAY).line.unit == "斤"
    gs1 = label_payload("XG500", "6900000009017", "B2606", dt.date(2026, 6, 1), "豫扶认〔2025〕101号")
    assert gs1.startswith("https://id.bangfu.cn/01/06900000009017/10/B2606?17=260601&cert=")
    hit = scan(counter, gs1, DAY)
    assert (hit.line.code, "B2606" in hit.warning) == ("XG500", True)  # an expired batch is sold with a warning
    plain = label_payload("LX-KG", None, None, None, "x")
    assert read_label(plain) is not None
    assert scan(counter, plain, DAY).line.code == "LX-KG"
    with pytest.raises(InvalidValue, match="unknown code"):
        scan(counter, "1234567890128", DAY)
    with pytest.raises(InvalidValue, match="not registered here"):
        scan(counter, label_payload("NOPE", None, None, None, "x"), DAY)
    with pytest.raises(BangfuError, match="certificate expired on 2026-06-15"):
        scan(counter, "HZ-GIFT", dt.date(2026, 6, 16))


def test_carts_survive_a_restart_and_can_be_held(counter: Session) -> None:
    cart = Cart("ZZ01")
    cart.add(scan(counter, "XG500", DAY).line)
    cart.add(scan(counter, "XG500", DAY).line)
    weighed = cart.add(scan(counter, "XG-BULK", DAY).line)
    cart.set_quantity(weighed, "1.36")
    save_open_cart(counter, cart)
    again = open_cart(counter, "ZZ01")  # as after a restart
    assert [(line.code, line.quantity_milli) for line in again.lines] == [("XG500", 2000), ("XG-BULK", 1360)]
    assert again.total_fen == 2 * 6800 + 1346 == cart.total_fen
    hold_cart(counter, again, "张女士")
    assert open_cart(counter, "ZZ01").lines == []
    [(cart_id, label, held)] = held_carts(counter, "ZZ01")
    assert (label, held.key) == ("张女士", cart.key)
    assert recall_cart(counter, cart_id).total_fen == cart.total_fen
    assert held_carts(counter, "ZZ01") == []
    with pytest.raises(InvalidValue, match="whole numbers"):
        again.set_quantity(0, "1.5")


def test_a_counter_sale_needs_an_open_shift(counter: Session) -> None:
    cart = Cart("ZZ01")
    cart.add(scan(counter, "HZ1000", DAY).line)
    with pytest.raises(BangfuError, match="no shift is open at counter ZZ01"):
        checkout(counter, CASHIER, cart, (PaymentDraft("cash", 4550, 5000),), AT)
    assert counter.scalars(select(Sale)).all() == []


def test_paying_twice_makes_one_sale(counter: Session) -> None:
    open_shift(counter, CASHIER, "ZZ01", 0, AT - dt.timedelta(hours=1))
    cart = Cart("ZZ01")
    cart.add(scan(counter, "HZ1000", DAY).line)
    first = checkout(counter, CASHIER, cart, (PaymentDraft("cash", 4550, 5000),), AT)
    second = checkout(counter, CASHIER, cart, (PaymentDraft("cash", 4550, 5000),), AT)
    assert first == second
    assert (first.ref, first.change_fen) == ("ZZ01-20260610-0001", 450)
    assert len(counter.scalars(select(Sale)).all()) == 1
    assert open_cart(counter, "ZZ01").lines == []


def test_shift_z_report_agrees_with_the_ledger(counter: Session) -> None:
    open_shift(counter, CASHIER, "ZZ01", 20000, AT)
    with pytest.raises(BangfuError, match="already open"):
        open_shift(counter, CASHIER, "ZZ01", 0, AT)
    for minutes, (method, amount, tendered) in enumerate(
        [("cash", 6800, 10000), ("wechat", 4550, None), ("cash", 4550, 5000)]
    ):
        cart = Cart("ZZ01")
        cart.add(scan(counter, "XG500" if amount == 6800 else "HZ1000", DAY).line)
        checkout(
            counter, CASHIER, cart, (PaymentDraft(method, amount, tendered),), AT + dt.timedelta(minutes=minutes + 1)
        )
    xg500 = scan(counter, "XG500", DAY).line.product_id
    back = RefundDraft("ZZ01-20260610-0001", AT + dt.timedelta(minutes=9), ((xg500, 1000),), "退货", method="cash")
    record_refund(counter, MANAGER, back)
    with pytest.raises(BangfuError):  # cashiers do not close shifts
        close_shift(counter, CASHIER, "ZZ01", 0, AT)
    report = close_shift(counter, MANAGER, "ZZ01", 24500, AT + dt.timedelta(hours=8))
    assert (report.sales_count, report.sales_fen, report.by_method) == (3, 15900, {"cash": 11350, "wechat": 4550})
    assert (report.refunds_count, report.refunds_fen, report.cash_refunds_fen) == (1, 6800, 6800)
    assert report.expected_cash_fen == 20000 + 11350 - 6800 == 24550
    assert report.difference_fen == -50
    assert closed_reports(counter, "ZZ01") == [report]  # written once, reprinted the same
    with pytest.raises(BangfuError, match="no shift is open"):
        close_shift(counter, MANAGER, "ZZ01", 0)


def _pdf_text(data: bytes) -> tuple[str, float]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        return page.extract_text(), float(page.width)


def test_receipts_name_everything_in_chinese_with_the_font_embedded(counter: Session) -> None:
    factories.counter(counter, "ZZ10", "市民服务中心消费帮扶专柜")
    open_shift(counter, ADMIN, "ZZ10", 0, AT - dt.timedelta(hours=1))
    cart = Cart("ZZ10")
    cart.add(scan(counter, "XG500", DAY).line)
    cart.add(scan(counter, "XG-BULK", DAY).line)
    cart.set_quantity(1, "1.36")
    sold = checkout(counter, ADMIN, cart, (PaymentDraft("cash", 8146, 10000),), AT)
    for width in (58, 80):
        data = render_receipt(sale_receipt(counter, sold.ref), width)
        text, page_width = _pdf_text(data)
        assert round(page_width / 72 * 25.4) == width
        for expected in ("市民服务中心消费帮扶专柜", sold.ref, "卢氏花菇 500克", "¥81.46", "¥18.54", "消费帮扶"):
            assert expected in text.replace("\n", ""), expected
        assert b"/FontFile2" in data  # the TrueType font is embedded, not referenced
    xg500 = scan(counter, "XG500", DAY).line.product_id
    refund = record_refund(counter, ADMIN, RefundDraft(sold.ref, AT, ((xg500, 1000),), method="cash"))
    text, _width = _pdf_text(render_receipt(refund_receipt(counter, refund.ref), 58))
    assert refund.ref in text
    assert sold.ref in text.replace("\n", "")
    z = close_shift(counter, ADMIN, "ZZ10", 10000, AT + dt.timedelta(hours=1))
    text, _width = _pdf_text(render_z_report(z))
    assert "¥81.46" in text


def test_counters_are_registered_by_an_administrator(counter: Session) -> None:
    from orders.counter import counters, save_counter

    save_counter(counter, ADMIN, "zz05", "高铁站消费帮扶专馆", "hall", "东广场")
    assert [(c.code, c.kind) for c in counters(counter)] == [("ZZ01", "counter"), ("ZZ05", "hall")]
    with pytest.raises(BangfuError):
        save_counter(counter, CASHIER, "ZZ06", "x", "counter")
    with pytest.raises(InvalidValue, match="must be one of"):
        save_counter(counter, ADMIN, "ZZ06", "x", "kiosk")
