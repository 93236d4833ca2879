"""The label screen, and a printed label scanned back at the checkout (issue 7)."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.pages.counter import CounterPage
from gui.pages.labels import LabelsPage
from gui.tasks import settle
from tests import factories
from tests.factories import ADMIN
from tests.test_labels import decode_pages

pytestmark = pytest.mark.gui


@pytest.fixture
def db(registry_db):  # type: ignore[no-untyped-def]
    with registry_db.session() as session, session.begin():
        factories.counter(session, "ZZ01")
    return registry_db


def test_print_labels_then_scan_them_at_the_counter(qtbot, db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = LabelsPage(db, ADMIN, "标签打印")
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page.search, "XG500")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    page.add_from_search("HZ1000", count=3)
    settle()
    assert page.jobs.rowCount() == 2
    page.template.setCurrentIndex(page.template.findData("a4-3x8"))
    page.batch.setText("B2611")
    page.shelf.setValue(180)
    page.save_pdf(str(tmp_path / "sheet.pdf"))
    qtbot.waitUntil(lambda: (tmp_path / "sheet.pdf").exists() and page.task is None)
    assert page.preview.pixmap() is not None
    assert "4" in page.status.text()
    payloads = sorted(set(decode_pages((tmp_path / "sheet.pdf").read_bytes())[0]))
    assert len(payloads) == 2

    counter = CounterPage(db, ADMIN, "收银台")
    qtbot.addWidget(counter)
    settle()
    counter.shift("0")  # a sale needs an open shift
    for payload in payloads:  # the scanner "types" the QR's text and Enter
        qtbot.keyClicks(counter.scan_field, payload)
        qtbot.keyClick(counter.scan_field, Qt.Key.Key_Return)
    settle()
    assert sorted(line.code for line in counter.cart.lines) == ["HZ1000", "XG500"]


def test_an_empty_job_says_what_is_missing(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    page = LabelsPage(db, ADMIN, "标签打印")
    qtbot.addWidget(page)
    assert page.make_pdf() is None
    assert page.status.text()
