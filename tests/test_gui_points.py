"""The 积分超市 page (issue 17): a redemption by keys alone, and a meeting's awards with approval."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.auth import Actor, actor_of, create_user
from core.config import set_setting
from core.db import Database
from core.models import Counter, PointsGood, PointsRule
from gui.pages.points import PointsPage
from gui.tasks import settle
from orders import points, points_counter
from orders.points_proposals import APPROVAL_ABOVE
from tests.factories import ADMIN

pytestmark = pytest.mark.gui
TODAY = dt.date.today()
MANAGER = Actor("li", "manager")


def _supermarket(db: Database) -> None:
    with db.session() as session, session.begin():
        session.add_all(
            [
                Counter(code="JF01", name="卢氏积分超市", kind="points"),
                PointsRule(code="LD", name="公益劳动", points=10, region_code="411200", valid_from=dt.date(2026, 1, 1)),
                PointsGood(code="OIL", name="食用油", unit="桶", points_price=30, barcode="6900000000017"),
                PointsGood(code="SOAP", name="肥皂", unit="块", points_price=4),
            ]
        )
        session.flush()
        points_counter.goods_in(session, ADMIN, "JF01", "donation", [("OIL", 5, 30_000), ("SOAP", 9, 900)], "爱心企业")
        points.award(session, ADMIN, "LS001", "LD", TODAY, times=4)  # 40


def test_a_clerk_redeems_by_keys_card_then_two_goods_then_f4(qtbot, registry_db: Database) -> None:  # type: ignore[no-untyped-def]
    _supermarket(registry_db)
    page = PointsPage(registry_db, Actor("clerk", "cashier", counter_code="JF01"), "积分超市")
    qtbot.addWidget(page)
    page.show()
    settle()
    tab = page.redeem
    assert tab is not None
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    assert QApplication.focusWidget() is tab.scan_field  # the scan field has the keyboard
    for scanned in ("bangfu:h/LS001", "6900000000017", "SOAP"):  # the card, then oil by barcode, soap by code
        qtbot.keyClicks(tab.scan_field, scanned)
        qtbot.keyClick(tab.scan_field, Qt.Key.Key_Return)
        settle()
    assert tab.card is not None
    assert (tab.card.balance, tab.spent()) == (40, 34)
    qtbot.keyClick(tab.scan_field, Qt.Key.Key_F4)
    settle()
    assert tab.last is not None
    assert (tab.last.spent, tab.last.balance) == (34, 6)
    assert "34" in tab.message.text()
    assert QApplication.focusWidget() is tab.scan_field  # ready for the next household
    with registry_db.read_session() as session:
        assert points.available(session, "LS001", TODAY) == 6
        assert {g.code: g.on_hand for g in points_counter.goods_on_hand(session, "JF01")} == {"OIL": 4, "SOAP": 8}


def test_a_meetings_awards_wait_for_a_second_person_then_count(qtbot, registry_db: Database) -> None:  # type: ignore[no-untyped-def]
    _supermarket(registry_db)
    with registry_db.session() as session, session.begin():
        user = create_user(session, ADMIN, "cun", "村干部", "village_officer", "officer-pass", region_codes=["411224"])
        officer = actor_of(user)
        set_setting(session, APPROVAL_ABOVE, "20")
    page = PointsPage(registry_db, officer, "积分超市")
    qtbot.addWidget(page)
    page.show()
    settle()
    assert page.redeem is None  # a village officer records awards; the supermarket's clerk redeems
    tab = page.awards
    assert tab is not None
    assert tab.rule.currentData() == "LD"
    tab.times.setValue(3)  # 30 points each: above the threshold
    tab.list.setFocus()
    tab.list.setCurrentIndex(tab.households.index(0, 0))
    qtbot.keyClick(tab.list, Qt.Key.Key_Space)  # tick LS001
    qtbot.keyClick(tab.list, Qt.Key.Key_Down)
    qtbot.keyClick(tab.list, Qt.Key.Key_Space)  # tick LS002
    assert tab.ticked() == ["LS001", "LS002"]
    tab.record()
    settle()
    assert "2" in tab.message.text()
    assert tab.ticked() == []
    with registry_db.read_session() as session:
        assert points.available(session, "LS002", TODAY) == 0  # pending: in no balance
    approver = PointsPage(registry_db, MANAGER, "积分超市")
    qtbot.addWidget(approver)
    settle()
    approvals = approver.approvals
    assert [p.household for p in approvals.model.rows] == ["LS001", "LS002"]
    approvals.table.selectRow(1)
    approvals.approve()
    settle()
    settle()
    assert [p.household for p in approvals.model.rows] == ["LS001"]
    with registry_db.read_session() as session:
        assert points.available(session, "LS002", TODAY) == 30


def test_the_reports_tab_saves_the_month_the_notice_and_the_cards(qtbot, registry_db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _supermarket(registry_db)
    page = PointsPage(registry_db, MANAGER, "积分超市")
    qtbot.addWidget(page)
    settle()
    reports = page.reports
    reports.month.setCurrentIndex(0)  # this month: the award above
    for what, name in (("month", "m.pdf"), ("month", "m.xlsx"), ("notice", "n.pdf"), ("cards", "c.pdf")):
        reports.save(what, str(tmp_path / name))
        settle()
        assert (tmp_path / name).read_bytes()[:4] in (b"%PDF", b"PK\x03\x04"), reports.message.text()
    assert "c.pdf" in reports.message.text()
