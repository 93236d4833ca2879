"""The checkout driven as a clerk drives it: scanner keystrokes and Enter, F-keys (issue 6)."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from catalog.importing import import_file
from catalog.kinds import registry_kinds
from core.auth import Actor, create_user
from core.config import business_zone
from core.db import open_database
from core.models import Payment, Product, Refund, Sale
from gui.app import install_translations
from gui.pages.counter import CounterPage, PaymentDialog
from gui.tasks import settle
from orders.ledger import PaymentDraft, SaleRecorded
from orders.shifts import ZReport, current_shift
from tests import factories
from tests.factories import ADMIN
from tests.files import REGISTRY, SAMPLES

pytestmark = pytest.mark.gui
CASHIER = Actor("wang", "cashier", counter_code="ZZ01")


@pytest.fixture
def page(qtbot, qapp, tmp_path: Path):  # type: ignore[no-untyped-def]
    translators = install_translations(qapp, "zh")
    db = open_database(str(tmp_path / "counter.db"))
    with db.session() as session, session.begin():
        for kind in REGISTRY:
            import_file(session, ADMIN, registry_kinds()[kind], SAMPLES / f"{kind}.csv")
        factories.counter(session, "ZZ01", "市民服务中心专柜")
        # HZ-GIFT's certificate ends before today, so the counter must refuse it
        session.scalars(select(Product).where(Product.code == "HZ-GIFT")).one().valid_until = (
            dt.date.today() - dt.timedelta(days=1)
        )
    widget = CounterPage(db, CASHIER, "收银台")
    qtbot.addWidget(widget)
    widget.show()
    settle()  # its cart and shift are read on the worker
    yield widget
    db.dispose()
    for translator in translators:
        qapp.removeTranslator(translator)


def scan(qtbot, page: CounterPage, code: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.scan_field, code)
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    settle()  # looked up on the worker


def pay(page: CounterPage, *payments: PaymentDraft) -> SaleRecorded | None:
    """Pay and wait for the sale to be committed; the sale, or None when nothing was recorded."""
    before = page.last_sale
    page.pay(payments)
    settle()
    return page.last_sale if page.last_sale is not before else None


def opened(page: CounterPage, amount: str) -> None:
    page.shift(amount)
    settle()


def test_a_clerk_sells_three_products_and_takes_cash(qtbot, page: CounterPage) -> None:  # type: ignore[no-untyped-def]
    opened(page, "200")
    scan(qtbot, page, "6900000009017")  # XG500 by barcode
    scan(qtbot, page, "HZ1000")
    scan(qtbot, page, "XG-BULK")  # weighed
    page.change_quantity("1.36")
    assert [line.code for line in page.cart.lines] == ["XG500", "HZ1000", "XG-BULK"]
    assert page.total.text() == "合计 ¥126.96"  # 68.00 + 45.50 + round(9.90 × 1.36) = 13.46

    dialog = PaymentDialog(page, page.cart.total_fen)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.tendered, "200")
    assert dialog.change.text() == "¥73.04"
    recorded = pay(page, *dialog.build())
    assert recorded is not None
    with page.db.read_session() as session:
        business_day = dt.datetime.now(business_zone(session)).date()  # receipts count Beijing days
    assert recorded.ref == f"ZZ01-{business_day:%Y%m%d}-0001"
    assert "ZZ01-" in page.message.text()
    assert page.cart.lines == []
    assert page.total.text() == "找零 ¥73.04"  # as large as the total was, until the next scan
    with page.db.read_session() as session:
        sale = session.scalars(select(Sale)).one()
        payment = session.scalars(select(Payment)).one()
        assert (sale.total_fen, len(sale.lines)) == (12696, 3)
        assert (payment.method, payment.tendered_fen, payment.change_fen) == ("cash", 20000, 7304)
    assert pay(page) is None  # nothing left to pay: a second press makes no second sale
    assert "empty" in page.message.text() or "空" in page.message.text()
    with page.db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Sale)) == 1
        data = page.receipt_pdf(session)
    assert data is not None
    assert data.startswith(b"%PDF")
    scan(qtbot, page, "HZ1000")
    assert page.total.text() == "合计 ¥45.50"


def test_unknown_and_expired_products_leave_the_cart_unchanged(qtbot, page: CounterPage) -> None:  # type: ignore[no-untyped-def]
    opened(page, "0")  # a sale needs an open shift
    scan(qtbot, page, "XG500")
    scan(qtbot, page, "0000000000000")
    assert "unknown code" in page.message.text()
    scan(qtbot, page, "HZ-GIFT")
    assert "certificate expired on" in page.message.text()
    assert [line.code for line in page.cart.lines] == ["XG500"]
    qtbot.keyClicks(page.scan_field, "X")  # the clerk types again: the error has been read
    assert page.message.text() == ""


def test_pinyin_matches_are_chosen_with_arrow_keys(qtbot, page: CounterPage) -> None:  # type: ignore[no-untyped-def]
    opened(page, "0")  # a sale needs an open shift
    qtbot.keyClicks(page.scan_field, "xz")  # 新郑…
    settle()  # the matches of the last keystroke are looked up on the worker
    assert page.suggestions.isVisible()
    texts = [page.suggestions.item(row).text() for row in range(page.suggestions.count())]
    assert len(texts) == 2
    assert page.suggestions.currentItem() is None  # nothing is chosen for the clerk
    (gift,) = [row for row, text in enumerate(texts) if "HZ-GIFT" in text]
    assert "certificate expired on" in texts[gift]  # greyed, with the reason
    assert not page.suggestions.item(gift).flags() & Qt.ItemFlag.ItemIsEnabled
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Down)
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Down)  # the expired one is skipped
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    settle()
    assert [line.code for line in page.cart.lines] == ["HZ1000"]


def test_hold_recall_and_a_restart(qtbot, page: CounterPage) -> None:  # type: ignore[no-untyped-def]
    opened(page, "0")  # a sale needs an open shift
    scan(qtbot, page, "XG500")
    page.hold("张女士")
    assert page.cart.lines == []
    scan(qtbot, page, "HZ1000")
    restarted = CounterPage(page.db, CASHIER, "收银台")  # the program started again
    qtbot.addWidget(restarted)
    settle()
    assert [line.code for line in restarted.cart.lines] == ["HZ1000"]
    restarted.recall(0)
    settle()
    assert [line.code for line in restarted.cart.lines] == ["XG500"]


def test_refund_and_shift_close_agree_with_the_ledger(qtbot, page: CounterPage) -> None:  # type: ignore[no-untyped-def]
    with page.db.session() as session, session.begin():
        create_user(session, ADMIN, "li", "李店长", "manager", "manager-pass")
    opened(page, "100")
    scan(qtbot, page, "XG500")
    scan(qtbot, page, "XG500")
    first = pay(page, PaymentDraft("cash", page.cart.total_fen, 20000))
    scan(qtbot, page, "HZ1000")
    pay(page, PaymentDraft("wechat", 4550))
    assert first is not None
    seen: list[str] = []
    manager_approves(qtbot, seen)
    page.refund(first.ref, {"卢氏花菇 500克": "1"}, "包装破损")
    settle()
    assert seen == ["店长授权", "first field", ""]
    assert page.last_refund == f"{first.ref}-R1"
    with page.db.read_session() as session:
        refund_pdf = page.last_document(session)  # F5 now prints the refund receipt
    assert refund_pdf is not None
    assert refund_pdf.startswith(b"%PDF")
    manager_approves(qtbot, seen)
    page.shift("229.00")
    settle()
    report = page.z_report
    assert isinstance(report, ZReport)
    with page.db.read_session() as session:
        ledger_total = session.scalar(select(func.sum(Sale.total_fen)))
        refunds = session.scalar(select(func.sum(Refund.total_fen)))
    assert (report.sales_count, report.sales_fen, report.refunds_fen) == (2, ledger_total, refunds)
    assert report.by_method == {"cash": 13600, "wechat": 4550}
    assert report.expected_cash_fen == 10000 + 13600 - 6800
    assert report.difference_fen == 22900 - 16800
    assert page.last_z is not None
    assert page.last_z.startswith(b"%PDF")


def _answer(qtbot, text: str | None) -> None:  # type: ignore[no-untyped-def]
    """Answer the next modal input dialog as a clerk would: type and Enter, or Esc."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # the step that asks has not come back from the worker yet
            QTimer.singleShot(5, act)
            return
        field = dialog.findChild(QLineEdit)
        if text is None:
            qtbot.keyClick(field, Qt.Key.Key_Escape)
            return
        field.selectAll()
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(0, act)


def test_the_first_line_without_an_open_shift_asks_for_the_cash_float(qtbot, page: CounterPage) -> None:  # type: ignore[no-untyped-def]
    _answer(qtbot, None)  # the clerk cancels: nothing is added, and the message says why
    scan(qtbot, page, "XG500")
    assert page.cart.lines == []
    assert "请先开班" in page.message.text()
    _answer(qtbot, "150")
    scan(qtbot, page, "XG500")
    assert [line.code for line in page.cart.lines] == ["XG500"]
    assert page.shift_label.text() == "专柜 ZZ01 · 第 1 班"
    with page.db.read_session() as session:
        assert current_shift(session, "ZZ01").float_fen == 15000  # type: ignore[union-attr]
    scan(qtbot, page, "XG500")  # the second line asks nothing
    assert len(page.cart.lines) == 1
    assert page.cart.lines[0].quantity_milli == 2000


def manager_approves(qtbot, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """The next approval dialog is answered as a manager does: name, Tab, password, Enter;
    ``seen`` gets its title, where the keyboard started, and the error line afterwards."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from shiboken6 import isValid

    from gui.pages.counter import ApprovalDialog

    def manager_types() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # the step that asks has not come back from the worker yet
            QTimer.singleShot(5, manager_types)
            return
        assert isinstance(dialog, ApprovalDialog)
        # The error line as the dialog closes (the password is checked on the worker); nothing
        # here waits inside the dialog's own event loop, which a nested wait made crash at times.
        dialog.finished.connect(lambda _result: seen.append(dialog.error.text()))
        dialog.activateWindow()  # what the window system does for a new modal dialog
        qtbot.waitUntil(dialog.isActiveWindow)
        seen.append(dialog.windowTitle())
        seen.append("first field" if QApplication.focusWidget() is dialog.username else "elsewhere")
        qtbot.keyClicks(dialog.username, "li")
        qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), "manager-pass")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        # a refused approval must not leave the test waiting on the dialog
        QTimer.singleShot(10_000, lambda: dialog.reject() if isValid(dialog) and dialog.isVisible() else None)

    QTimer.singleShot(0, manager_types)


def test_closing_a_shift_is_approved_through_the_real_dialog_by_keys(qtbot, page: CounterPage) -> None:  # type: ignore[no-untyped-def]
    """No shortcut: the cashier presses F9, a manager types name, Tab, password, Enter."""
    with page.db.session() as session, session.begin():
        create_user(session, ADMIN, "li", "李店长", "manager", "manager-pass")
    opened(page, "0")
    seen: list[str] = []
    manager_approves(qtbot, seen)
    page.shift("0")  # counted cash typed; approval asked because a cashier may not close
    settle()
    assert isinstance(page.z_report, ZReport), seen
    assert seen == ["店长授权", "first field", ""]
    with page.db.read_session() as session:
        assert current_shift(session, "ZZ01") is None


def test_scans_typed_faster_than_the_lookups_all_reach_the_sale(qtbot, page: CounterPage) -> None:  # type: ignore[no-untyped-def]
    """A scanner does not wait for the worker: three codes and F4 at once still sell all three."""
    opened(page, "0")
    for code in ("XG500", "HZ1000", "XG500"):
        qtbot.keyClicks(page.scan_field, code)
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert page.pending  # still being looked up
    page.pay((PaymentDraft("wechat", 2 * 6800 + 4550),))
    settle()
    assert page.last_sale is not None
    with page.db.read_session() as session:
        sale = session.scalars(select(Sale)).one()
        assert (sale.total_fen, len(sale.lines)) == (2 * 6800 + 4550, 2)


def test_a_refund_of_goods_that_cannot_be_sold_again_writes_them_off(qtbot, page: CounterPage) -> None:  # type: ignore[no-untyped-def]
    from core.models import StockMovement
    from orders import stock

    with page.db.session() as session, session.begin():
        create_user(session, ADMIN, "li", "李店长", "manager", "manager-pass")
        xg500 = session.scalars(select(Product).where(Product.code == "XG500")).one().id
        stock.receive_goods(session, ADMIN, "ZZ01", [stock.StockLine(xg500, 10_000)])
    opened(page, "100")
    scan(qtbot, page, "XG500")
    sold = pay(page, PaymentDraft("cash", page.cart.total_fen, 10000))
    assert sold is not None
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    from gui.refund_dialog import RefundDialog

    def receipt_number() -> None:  # F8 asks for the receipt's number first
        asking = QApplication.activeModalWidget()
        if not isinstance(asking, QInputDialog):
            QTimer.singleShot(5, receipt_number)
            return
        asking.activateWindow()  # what the window system does for a new modal dialog
        qtbot.waitUntil(asking.isActiveWindow)
        qtbot.keyClicks(QApplication.focusWidget(), sold.ref)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    QTimer.singleShot(0, receipt_number)
    qtbot.keyClick(page.scan_field, Qt.Key.Key_F8)
    settle()  # the sale is read on the worker, then one dialog asks the rest
    [dialog] = [d for d in page.findChildren(RefundDialog) if d.isVisible()]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.line
    qtbot.keyClick(dialog.line, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "\b1")  # the quantity: 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "crushed")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # "can be sold again": no
    assert not dialog.back_on_shelf.isChecked()
    seen: list[str] = []
    manager_approves(qtbot, seen)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    settle()
    assert page.last_refund == f"{sold.ref}-R1"
    with page.db.read_session() as session:
        kinds = sorted(session.scalars(select(StockMovement.kind).where(StockMovement.document == page.last_refund)))
        assert kinds == ["refund", "write_off"]  # back, and written off at once
        assert stock.on_hand(session, 1, xg500) == 9000
