"""合作社与团购 driven as a cooperative manager and an office clerk would (issue 9)."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from core.auth import Actor
from core.models import Organisation, Product, Refund, Sale
from gui.pages.coop import CoopPage
from gui.tasks import settle
from orders.bulk import deliver_order, place_order, save_organisation
from orders.ledger import LineDraft
from tests.factories import ADMIN

pytestmark = pytest.mark.gui


@pytest.fixture
def db(registry_db):  # type: ignore[no-untyped-def]
    with registry_db.session() as session, session.begin():
        save_organisation(session, ADMIN, "市机关食堂", "canteen", "410100")
    return registry_db


def test_a_cooperative_manager_enters_a_market_day(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    with db.read_session() as session:
        supplier_id = session.scalar(select(Product.supplier_id).where(Product.code == "XG500"))
    page = CoopPage(db, Actor("coop", "coop_manager", supplier_id=supplier_id), "合作社与团购")
    qtbot.addWidget(page)
    assert page.orders is None  # a cooperative manager does not manage bulk orders
    sales = page.sales
    qtbot.keyClicks(sales.product, "XG500")
    sales.quantity.setText("10")
    qtbot.keyClick(sales.product, Qt.Key.Key_Return)
    qtbot.keyClicks(sales.product, "hz1000")  # another cooperative's product is not offered
    sales.add_line()
    settle()
    assert "hz1000" in sales.message.text()
    sales.product.setText("XG-BULK")
    sales.quantity.setText("25.5")
    sales.add_line()
    sales.record()  # after the line it follows
    settle()
    ref = sales.last_ref
    assert ref is not None
    with db.read_session() as session:
        sale = session.scalars(select(Sale).where(Sale.ref == ref)).one()
        assert (sale.channel, sale.total_fen, len(sale.lines)) == ("cooperative", 68000 + 25245, 2)


def test_an_office_clerk_enters_and_delivers_a_bulk_order(qtbot, db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = CoopPage(db, ADMIN, "合作社与团购")
    qtbot.addWidget(page)
    orders = page.orders
    assert orders is not None
    dialog = orders.new_order()
    settle()  # the organisations to choose from
    dialog.inputs["number"].setText("T-100")  # type: ignore[union-attr]
    dialog.inputs["lines"].setText("HZ1000 30 42.00; XG500 20")  # type: ignore[union-attr]
    dialog.try_save()
    qtbot.waitUntil(lambda: orders.model.rowCount() == 1 and orders.task is None)
    orders.table.selectRow(0)
    assert orders.proxy.index(0, 4).data() == "¥2,620.00"  # 30 × 42.00 + 20 × 68.00
    orders.document("送货单", str(tmp_path / "note.pdf"))
    settle()
    assert (tmp_path / "note.pdf").read_bytes()[:4] == b"%PDF"
    orders._act(deliver_order)
    qtbot.waitUntil(lambda: orders.model.rows and orders.model.rows[0].state == "delivered")
    with db.read_session() as session:
        assert session.scalars(select(Sale.customer_org).where(Sale.channel == "bulk")).one() == "市机关食堂"


def test_recent_sales_and_importing_own_sales(qtbot, db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.files import write_csv
    from tests.test_sales import HEADER, sale

    with db.read_session() as session:
        supplier_id = session.scalar(select(Product.supplier_id).where(Product.code == "XG500"))
    page = CoopPage(db, Actor("coop", "coop_manager", supplier_id=supplier_id), "合作社与团购")
    qtbot.addWidget(page)
    dialog = page.sales.import_sales()  # a child of the page: closed with it
    import datetime as dt

    today = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    mine = write_csv(tmp_path / "mine.csv", [HEADER, sale("C-1", today, "XG500", "3", channel="cooperative")])
    dialog.path.setText(str(mine))
    dialog.load_preview()
    dialog.check()
    qtbot.waitUntil(dialog.import_button.isEnabled)
    dialog.run_import()
    qtbot.waitUntil(lambda: page.sales.recent.rowCount() == 1)
    assert page.sales.recent.rows[0].total_fen == 3 * 6800
    theirs = write_csv(tmp_path / "theirs.csv", [HEADER, sale("C-2", today, "HZ1000", "1", channel="cooperative")])
    other = page.sales.import_sales()
    other.path.setText(str(theirs))
    other.check()
    qtbot.waitUntil(lambda: other.errors.rowCount() == 1)  # another cooperative's product is refused


def test_a_campaign_is_set_up_and_reported(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from PySide6.QtCore import QDate

    from orders.ledger import LineDraft, SaleDraft, record_sale

    with db.session() as session, session.begin():
        xg500 = session.scalar(select(Product.id).where(Product.code == "XG500"))
        draft = SaleDraft("online", dt.datetime(2026, 9, 20, 10, tzinfo=dt.UTC), (LineDraft(xg500, 2000),), ref="WEB-1")
        record_sale(session, ADMIN, draft)
    page = CoopPage(db, ADMIN, "合作社与团购")
    qtbot.addWidget(page)
    campaigns = page.campaigns
    assert campaigns is not None
    campaigns.name.setText("消费帮扶月")
    campaigns.starts.setDate(QDate(2026, 9, 1))
    campaigns.ends.setDate(QDate(2026, 9, 30))
    campaigns.save()
    settle()
    assert campaigns.chosen.currentText() == "消费帮扶月"
    campaigns.report()
    settle()
    assert "1" in campaigns.result.text()
    assert campaigns.top.rows == [("卢氏花菇 500克", 13600)]


def test_goods_returned_after_delivery_are_refunded(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session, session.begin():
        canteen = session.scalar(select(Organisation.id))
        hz1000 = session.scalar(select(Product.id).where(Product.code == "HZ1000"))
        place_order(session, ADMIN, canteen, "R-9", (LineDraft(hz1000, 10_000),), dt.date(2026, 6, 1))
        deliver_order(session, ADMIN, "R-9")
    page = CoopPage(db, ADMIN, "合作社与团购")
    qtbot.addWidget(page)
    orders = page.orders
    assert orders is not None
    qtbot.waitUntil(lambda: orders.model.rowCount() == 1 and orders.task is None)
    orders.table.selectRow(0)
    orders.return_goods("HZ1000", "2")  # recorded on the worker
    qtbot.waitUntil(lambda: orders.task is None and orders.model.rowCount() == 1)
    settle()
    with db.read_session() as session:
        assert session.scalar(select(Refund.total_fen)) == 2 * 4550


def test_a_cooperative_manager_sees_only_their_own_lines_of_a_mixed_receipt(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    """A receipt of ¥544.10, of which ¥222.80 is the cooperative's: they see ¥222.80 and their refund."""
    from core.models import utc_now
    from orders.bulk import recent_sales
    from orders.ledger import SaleDraft, record_sale
    from orders.refunds import RefundDraft, record_refund

    with db.session() as session, session.begin():
        products = {p.code: p for p in session.scalars(select(Product))}
        mine, theirs = products["XG500"], products["HZ1000"]
        assert mine.supplier_id != theirs.supplier_id
        lines = (LineDraft(mine.id, 2000, 11140), LineDraft(theirs.id, 1000, 32130))  # 222.80 + 321.30
        sold = record_sale(session, ADMIN, SaleDraft("online", utc_now(), lines, ref="W-1"))
        record_refund(session, ADMIN, RefundDraft("W-1", utc_now(), ((mine.id, 1000),)))
        record_refund(session, ADMIN, RefundDraft("W-1", utc_now(), ((theirs.id, 1000),)))
        assert sold.total_fen == 54410
        coop = Actor("coop", "coop_manager", supplier_id=mine.supplier_id)
        zone = dt.UTC
        (own,) = recent_sales(session, coop, zone)  # type: ignore[arg-type]
        assert (own.ref, own.total_fen, own.refunded_fen) == ("W-1", 22280, 11140)
        (whole,) = recent_sales(session, ADMIN, zone)  # type: ignore[arg-type]
        assert (whole.total_fen, whole.refunded_fen) == (54410, 11140 + 32130)
    page = CoopPage(db, coop, "合作社与团购")
    qtbot.addWidget(page)
    settle()
    recent = page.sales.recent
    assert [recent.index(0, c).data() for c in range(5)][2:] == ["线上", "¥222.80", "¥111.40"]
