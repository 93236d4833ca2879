"""The README's pictures, made the way a user sees them: ``python3 dev.py screenshots``.

A demo database (``demo --until 2026-11-20``) in a temporary folder; each screen at 1366×768 in
Chinese and English (sign-in, the checkout right after a cash payment, the cooperative page of
the demo cooperative's manager, the monthly dashboard, the audit log), and the documents as PNG
pages (a label sheet, a 40×30 roll label, the monthly PDF's first page, the sale's receipt), into
docs/.
"""

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from catalog.labels import label_data, templates
from cli.main import main as command
from core.auth import actor_of
from core.db import Database, open_database
from core.i18n import set_language
from core.models import User
from gui.app import install_translations, make_app
from gui.login import LoginDialog
from gui.main_window import MainWindow
from gui.pages.counter import CounterPage
from gui.printing import rasteriser
from gui.tasks import settle as deliver_results
from orders.ledger import PaymentDraft
from orders.report_data import report_input
from reports.labels import render_labels
from reports.monthly_pdf import render_monthly_pdf

DOCS = Path(__file__).resolve().parent
SIZE = (1366, 768)


def settle(app: QApplication) -> None:
    """Background loads finish, their results arrive, then layouts (charts) settle."""
    deliver_results()
    app.processEvents()


def grab(app: QApplication, widget: QWidget, name: str) -> None:
    widget.show()
    settle(app)
    widget.grab().save(str(DOCS / f"{name}.png"))
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone before the next language
    print(f"docs/{name}.png")


def window_of(db: Database, username: str, page: str) -> MainWindow:
    with db.read_session() as session:
        user = session.scalars(select(User).where(User.username == username)).one()
        actor = actor_of(user)
    window = MainWindow(db, actor)
    window.resize(*SIZE)
    window.show_page(page)
    return window


def screens(app: QApplication, db: Database, lang: str) -> bytes | None:
    """The screens in ``lang``; returns the receipt of the sale made at the checkout."""
    set_language(lang)
    translators = install_translations(app, lang)
    try:
        grab(app, LoginDialog(db), f"login-{lang}")
        checkout = window_of(db, "demo_cashier", "counter")
        page = checkout.stack.currentWidget()
        checkout.show()
        settle(app)
        assert isinstance(page, CounterPage)
        if page.shift_number is None:
            page.shift("200")
        for code in ("P0101", "P0102", "P0201"):
            page.scan_field.setText(code)
            page.on_enter()
        settle(app)
        total = page.cart.total_fen
        page.pay((PaymentDraft("cash", total, (total // 10_000 + 1) * 10_000),))
        settle(app)
        with db.read_session() as session:
            receipt = page.receipt_pdf(session)
        grab(app, checkout, f"checkout-{lang}")
        grab(app, window_of(db, "demo_coop", "coop"), f"coop-{lang}")
        grab(app, window_of(db, "demo_admin", "summary"), f"summary-{lang}")
        users = window_of(db, "demo_admin", "users")
        users.stack.currentWidget().tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
        grab(app, users, f"audit-{lang}")
        return receipt
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def pages(pdf: bytes, name: str, dpi: int) -> None:
    """The first page of a PDF as docs/{name}.png, rasterised as the window does (PDFium)."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "d.pdf").write_bytes(pdf)
        subprocess.run([*rasteriser(), str(Path(tmp) / "d.pdf"), str(dpi), tmp], check=True)
        (Path(tmp) / "page-0001.png").replace(DOCS / f"{name}.png")
    print(f"docs/{name}.png")


def documents(db: Database, receipt: bytes | None) -> None:
    set_language("zh")
    with db.read_session() as session:
        admin = actor_of(session.scalars(select(User).where(User.username == "demo_admin")).one())
        item = label_data(session, admin, "P0101", "B2611", dt.date(2026, 11, 23), 365)
        report = report_input(session, admin, "2026-10")
    shown = templates()
    pages(render_labels([(item, 24)], shown["a4-3x8"]), "labels-a4", 60)
    pages(render_labels([(item, 1)], shown["roll-40x30"]), "label-40x30", 400)
    pages(render_monthly_pdf(report), "report-1", 80)
    if receipt is not None:
        pages(receipt, "receipt", 200)


def points_screens(app: QApplication, db: Database, lang: str) -> None:
    """The 积分超市 page: a redemption with a card and two goods scanned, a meeting's awards with
    households ticked (the village officer), and what waits for approval (the manager)."""
    from PySide6.QtCore import Qt

    from gui.pages.points import PointsPage

    set_language(lang)
    translators = install_translations(app, lang)
    try:
        window = window_of(db, "demo_admin", "points")
        page = window.stack.currentWidget()
        assert isinstance(page, PointsPage)
        assert page.redeem is not None
        window.show()
        settle(app)
        for scanned in ("bangfu:h/411224-057", "6970000000044", "6970000000037"):
            page.redeem.scan_field.setText(scanned)
            page.redeem.scanned()
            settle(app)
        grab(app, window, f"points-redeem-{lang}")
        officer = window_of(db, "demo_officer", "points")
        awards = officer.stack.currentWidget().awards  # type: ignore[attr-defined]
        officer.show()
        settle(app)
        for row in (0, 2, 3):
            awards.households.item(row).setCheckState(Qt.CheckState.Checked)
        grab(app, officer, f"points-awards-{lang}")
        manager = window_of(db, "demo_manager", "points")
        shown = manager.stack.currentWidget()
        shown.tabs.setCurrentWidget(shown.approvals)  # type: ignore[attr-defined]
        grab(app, manager, f"points-approvals-{lang}")
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def points_documents(db: Database) -> None:
    from core.config import business_day
    from orders import points_counter
    from orders.points_reports import points_notice
    from reports.points_docs import cards_pdf, points_notice_pdf

    set_language("zh")
    with db.read_session() as session:
        admin = actor_of(session.scalars(select(User).where(User.username == "demo_admin")).one())
        today = business_day(session)
        rows = points_notice(session, admin, "2026-11", "411224")
        cards = [points_counter.card(session, c, today) for c in points_counter.household_codes(session, "411224")]
    pages(
        points_notice_pdf("2026-11", "411224", "河南省三门峡市卢氏县", rows, dt.date(2026, 11, 30)), "points-notice", 80
    )
    pages(cards_pdf(cards), "points-cards", 80)


def kiosk_screens(app: QApplication, db: Database) -> None:
    """The checkout of a kiosk whose central is out of reach, then after a successful round."""
    from orders import kiosk

    with db.session() as session, session.begin():
        kiosk.bind(session, "postgresql+psycopg://bangfu@127.0.0.1:9/central", "kiosk-demo", ["ZZ01"])
    for lang in ("zh", "en"):
        set_language(lang)
        translators = install_translations(app, lang)
        try:
            offline = window_of(db, "demo_cashier", "counter")
            assert offline.sync is not None
            offline.sync.sync_now()
            grab(app, offline, f"kiosk-offline-{lang}")
            with db.session() as session, session.begin():
                kiosk.mark_sent(session, {})  # as a round that reached the central does
            grab(app, window_of(db, "demo_cashier", "counter"), f"kiosk-synced-{lang}")
        finally:
            for translator in translators:
                app.removeTranslator(translator)


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "demo.db")
        if command(["--db", path, "demo", "--until", "2026-11-20"]):
            sys.exit("demo failed")
        app = make_app("en")  # English is the source text; screens() adds Chinese when asked
        db = open_database(path)
        try:
            receipt = screens(app, db, "zh")
            screens(app, db, "en")
            documents(db, receipt)
            for lang in ("zh", "en"):
                points_screens(app, db, lang)
            points_documents(db)
            kiosk_screens(app, db)
        finally:
            db.dispose()


if __name__ == "__main__":
    run()
