"""The registry screens, driven as a person would: search, filter, edit, import."""

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget
from sqlalchemy import func, select

from core.db import Database
from core.models import Household, Product
from core.tasks import Cancelled
from gui.pages.households import HouseholdsPage
from gui.pages.products import ProductsPage
from gui.pages.suppliers import SuppliersPage
from gui.tasks import run_task, settle
from tests.factories import ADMIN
from tests.files import write_csv

pytestmark = pytest.mark.gui


@pytest.fixture
def db(registry_db):  # type: ignore[no-untyped-def]
    return registry_db


def _page(qtbot, page_class, db: Database, rows: int):  # type: ignore[no-untyped-def]
    page = page_class(db, ADMIN, "title")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == rows)
    return page


def _select(page, column_text: str) -> None:  # type: ignore[no-untyped-def]
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 0).data() == column_text:
            page.table.selectRow(row)
            return
    raise AssertionError(column_text)


def test_products_page_searches_by_pinyin_and_filters_by_status(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ProductsPage, db, 5)
    qtbot.keyClicks(page.search, "xianggu")
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 1).data() == "卢氏鲜香菇（散装）"
    page.search.clear()
    page.status.setCurrentIndex(page.status.findData("expired"))  # HZ-GIFT ended 2026-06-15
    assert [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())] == ["HZ-GIFT"]
    assert page.proxy.index(0, 2).data() == "已过期"
    assert page.proxy.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    page.status.setCurrentIndex(0)
    page.supplier.setCurrentIndex(page.supplier.findData("新郑红枣食品有限公司"))
    assert page.proxy.rowCount() == 2
    assert "显示 2 / 共 5 条" in page.count.text()


def test_editing_a_product_with_a_bad_price_shows_the_error_and_saves_nothing(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ProductsPage, db, 5)
    _select(page, "XG500")
    dialog = page.edit_product()
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # until the product's values have arrived
    settle()
    assert dialog.save_button.isEnabled()
    price = dialog.inputs["price"]
    assert isinstance(price, QLineEdit)
    assert price.text() == "68.00"
    price.clear()
    qtbot.keyClicks(price, "12.345")
    dialog.try_save()  # checked and stored on the worker; the messages come back
    qtbot.waitUntil(lambda: dialog.errors["price"].isVisible())
    assert dialog.isVisible()
    assert "0.01" in dialog.errors["price"].text()
    with db.read_session() as session:
        assert session.scalar(select(Product.price_fen).where(Product.code == "XG500")) == 6800
    price.clear()
    qtbot.keyClicks(price, "72.5")
    dialog.try_save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with db.read_session() as session:
        assert session.scalar(select(Product.price_fen).where(Product.code == "XG500")) == 7250
    qtbot.waitUntil(lambda: any(page.model.rows[i].price_fen == 7250 for i in range(5)))


def test_new_product_form_shows_every_problem(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ProductsPage, db, 5)
    dialog = page.new_product()
    qtbot.addWidget(dialog)
    settle()  # the suppliers to choose from
    qtbot.keyClicks(dialog.inputs["code"], "XG500")
    qtbot.keyClicks(dialog.inputs["barcode"], "7501031311308")
    until = dialog.inputs["valid_until"]
    assert isinstance(until, QDateEdit)
    dialog.try_save()
    qtbot.waitUntil(lambda: dialog.errors["name"].isVisible())
    shown = {name for name, label in dialog.errors.items() if label.isVisible()}
    assert {"name", "price", "barcode", "cert_no", "origin_region_code"} <= shown
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Product)) == 5


def test_certificate_dialog_suspends_with_a_reason(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ProductsPage, db, 5)
    _select(page, "XG500")
    dialog = page.certificate()
    qtbot.addWidget(dialog)
    dialog.action.setCurrentIndex(dialog.action.findData("suspend"))
    dialog.reason.setText("抽检复核")  # Chinese arrives through the input method, not key clicks
    dialog.apply()
    qtbot.waitUntil(lambda: next(r for r in page.model.rows if r.code == "XG500").status == "suspended")


def test_suppliers_page_shows_each_households_share(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, SuppliersPage, db, 3)
    _select(page, "934112240000050101")
    page.month_edit.setText("2026-06")
    page.show_links()
    settle()
    shares = [(page.links.index(r, 0).data(), page.links.index(r, 4).data()) for r in range(page.links.rowCount())]
    assert shares == [("LS001", "50.00%"), ("LS002", "25.00%"), ("LS003", "25.00%")]


def test_households_page_masks_id_numbers(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, HouseholdsPage, db, 6)
    assert page.proxy.index(0, 2).data() == "411224********0016"
    page.status.setCurrentIndex(page.status.findData("poor"))
    assert page.proxy.rowCount() == 2


def test_import_dialog_checks_then_imports(qtbot, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, HouseholdsPage, db, 6)
    dialog = page.open_import("households")
    qtbot.addWidget(dialog)
    bad = write_csv(
        tmp_path / "h.csv",
        [
            ["code", "head_name", "region_code", "members", "status"],
            ["N1", "王", "411224", "2", "poor"],
            ["N2", "李", "411224", "x", "poor"],
        ],
    )
    dialog.path.setText(str(bad))
    dialog.load_preview()
    assert dialog.preview.rowCount() == 2
    dialog.check()
    qtbot.waitUntil(lambda: dialog.errors.rowCount() == 1)
    assert not dialog.import_button.isEnabled()
    dialog.error_view.setCurrentIndex(dialog.error_view.model().index(0, 0))
    dialog.show_error_row()
    assert "第 3 行" in dialog.error_row.text()

    good = write_csv(
        tmp_path / "g.csv",
        [["code", "head_name", "region_code", "members", "status"], ["N1", "王", "411224", "2", "poor"]],
    )
    dialog.path.setText(str(good))
    dialog.load_preview()
    dialog.check()
    qtbot.waitUntil(dialog.import_button.isEnabled)
    with db.read_session() as session:  # checking wrote nothing
        assert session.scalar(select(func.count()).select_from(Household)) == 6
    dialog.run_import()
    qtbot.waitUntil(lambda: page.model.rowCount() == 7)


def test_background_task_reports_progress_and_can_be_cancelled(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    outcome: list[object] = []
    started = threading.Event()

    def work(report):  # type: ignore[no-untyped-def]
        for n in range(10_000_000):
            started.set()
            report(n)
        return "finished"

    task = run_task(parent, "working", work, outcome.append, outcome.append)
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: bool(outcome))
    assert isinstance(outcome[0], Cancelled)


def test_a_typed_barcode_is_checked_as_typed_when_leaving_the_field(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    """Today a typed 12-digit code was padded with a zero and could pass as someone's EAN-13."""
    page = _page(qtbot, ProductsPage, db, 5)
    dialog = page.new_product()
    qtbot.addWidget(dialog)
    settle()  # the suppliers to choose from
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    field = dialog.inputs["barcode"]
    assert isinstance(field, QLineEdit)
    field.setFocus()
    qtbot.keyClicks(field, "690000000901")  # twelve digits: the last one forgotten
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert dialog.errors["barcode"].isVisible()
    assert "EAN-13" in dialog.errors["barcode"].text()
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, "96385074")  # an EAN-8 with its check digit
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert not dialog.errors["barcode"].isVisible()


def test_only_an_xlsx_number_cell_is_left_padded() -> None:
    from catalog.fields import barcode
    from core.errors import InvalidValue
    from core.tabular import cell_text

    assert barcode(cell_text(690000000904), "barcode") == "0690000000904"  # Excel dropped the zero
    assert barcode("96385074", "barcode") == "96385074"
    for typed in ("690000000904", "0690000000902", "96385075"):
        with pytest.raises(InvalidValue):
            barcode(typed, "barcode")
