"""The stock and settlement pages (issue 16): thin over orders.stock and the settlement services."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from core.db import Database
from core.models import Product, SettlementStatement
from gui.pages.settlement import SettlementPage
from gui.pages.stock import StockPage
from gui.tasks import settle
from orders import stock
from orders.ledger import LineDraft, PaymentDraft, SaleDraft, record_sale
from tests import factories
from tests.factories import ADMIN

pytestmark = pytest.mark.gui


def test_goods_received_by_keys_show_on_the_stock_page(qtbot, registry_db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with registry_db.session() as session, session.begin():
        factories.counter(session, "ZZ01", "市民服务中心专柜")
    page = StockPage(registry_db, ADMIN, "库存")
    qtbot.addWidget(page)
    settle()
    dialog = page.receive()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.inputs["product_code"], "XG500")
    qtbot.keyClicks(dialog.inputs["quantity"], "24")
    qtbot.keyClicks(dialog.inputs["batch"], "B2611")
    qtbot.keyClick(dialog.inputs["batch"], Qt.Key.Key_Return)
    settle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle()
    assert [(r.code, r.on_hand_milli) for r in page.model.rows] == [("XG500", 24_000)]
    assert page.last_document.startswith("SH-ZZ01-")  # the receiving note, ready to print
    pdf = tmp_path / "note.pdf"
    page.save_document(page.last_document, str(pdf))
    settle()
    assert pdf.read_bytes().startswith(b"%PDF")
    minimum = page.set_minimum()
    qtbot.addWidget(minimum)
    qtbot.keyClicks(minimum.inputs["product_code"], "XG500")
    qtbot.keyClicks(minimum.inputs["quantity"], "30")
    qtbot.keyClick(minimum.inputs["quantity"], Qt.Key.Key_Return)
    settle()
    qtbot.waitUntil(lambda: not minimum.isVisible())
    settle()
    assert [(r.minimum_milli, r.low) for r in page.model.rows] == [(30_000, True)]


def test_a_statement_is_issued_from_the_settlement_page(qtbot, registry_db: Database) -> None:  # type: ignore[no-untyped-def]
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=8)))
    with registry_db.session() as session, session.begin():
        factories.counter(session, "ZZ01", "市民服务中心专柜")
        product = session.scalars(select(Product).where(Product.code == "XG500")).one()
        stock.receive_goods(session, ADMIN, "ZZ01", [stock.StockLine(product.id, 10_000)])
        draft = SaleDraft(
            "counter", today, (LineDraft(product.id, 2000),), (PaymentDraft("cash", 13_600),), counter_code="ZZ01"
        )
        record_sale(session, ADMIN, draft)
    page = SettlementPage(registry_db, ADMIN, "代销结算")
    qtbot.addWidget(page)
    page.month_box.setCurrentText(f"{today:%Y-%m}")
    settle()
    [row] = page.model.rows
    assert (row.figures.payable_fen, row.number) == (13_600, None)
    page.table.selectRow(0)
    page.issue()
    settle()
    settle()
    with registry_db.read_session() as session:
        assert session.scalar(select(SettlementStatement.number)) == f"JS-{today:%Y-%m}-0001"
    assert page.model.rows[0].number == f"JS-{today:%Y-%m}-0001"


def test_goods_written_off_by_keys_and_more_than_on_hand_is_refused(qtbot, registry_db: Database) -> None:  # type: ignore[no-untyped-def]
    with registry_db.session() as session, session.begin():
        factories.counter(session, "ZZ01", "市民服务中心专柜")
        product = session.scalars(select(Product).where(Product.code == "XG500")).one()
        stock.receive_goods(session, ADMIN, "ZZ01", [stock.StockLine(product.id, 5000)])
    page = StockPage(registry_db, ADMIN, "库存")
    qtbot.addWidget(page)
    settle()

    def write_off(quantity: str):  # type: ignore[no-untyped-def]
        dialog = page.move_out()
        qtbot.addWidget(dialog)
        qtbot.keyClick(dialog.inputs["kind"], Qt.Key.Key_Down)
        qtbot.keyClick(dialog.inputs["kind"], Qt.Key.Key_Down)  # 报损
        qtbot.keyClicks(dialog.inputs["product_code"], "XG500")
        qtbot.keyClicks(dialog.inputs["quantity"], quantity)
        qtbot.keyClicks(dialog.inputs["reason"], "expired")
        qtbot.keyClick(dialog.inputs["reason"], Qt.Key.Key_Return)
        settle()
        return dialog

    refused = write_off("6")
    assert refused.isVisible()  # kept open with the reason shown
    refused.reject()
    done = write_off("2")
    qtbot.waitUntil(lambda: not done.isVisible())
    settle()
    assert [(r.code, r.on_hand_milli) for r in page.model.rows] == [("XG500", 3000)]
