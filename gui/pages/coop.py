"""合作社与团购: a cooperative's own sales and households, and bulk orders with quotas."""

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from catalog.search import find_products
from core.auth import Actor, can
from core.codes import ORG_KINDS
from core.config import business_zone
from core.db import Database
from core.errors import BangfuError
from core.money import format_fen, parse_quantity, parse_yuan, quantity_text
from gui.forms import Field, FormDialog, Operation
from gui.import_dialog import ImportDialog
from gui.pages.common import RecordPage, page_layout
from gui.table import Col, RecordModel, table_view
from gui.text import QT_TRANSLATE_NOOP, channel_text, tr
from orders.bulk import (
    cancel_order,
    coop_households,
    deliver_order,
    mark_paid,
    order_lines,
    order_rows,
    organisation_choices,
    place_order,
    quota_progress,
    recent_sales,
    save_organisation,
)
from orders.bulk import return_goods as bulk_return
from orders.campaigns import campaign_names, campaign_report, save_campaign, tag_sale
from orders.cart import Cart, CartLine
from orders.ledger import SaleDraft, record_sale
from orders.notices import order_document
from reports.notices import order_pdf

STATE_NAMES = {  # marked for lupdate; tr() translates them where they are shown
    "ordered": QT_TRANSLATE_NOOP("", "Ordered"),
    "delivered": QT_TRANSLATE_NOOP("", "Delivered"),
    "paid": QT_TRANSLATE_NOOP("", "Paid"),
    "cancelled": QT_TRANSLATE_NOOP("", "Cancelled"),
}


class CoopSales(QWidget):
    """Fast entry of a cooperative's sales: code or pinyin, quantity, price (the product's by
    default); one sale per customer, or a market day's totals as one sale dated that day."""

    def __init__(self, db: Database, actor: Actor) -> None:
        super().__init__()
        self.db, self.actor = db, actor
        self.cart = Cart("")
        self.product = QLineEdit()
        self.product.setPlaceholderText(tr("Product code, name or pinyin initials"))
        self.quantity = QLineEdit("1")
        self.price = QLineEdit()
        self.price.setPlaceholderText(tr("default: the product's price"))
        self.channel = QComboBox()
        self.channel.addItem(tr("Cooperative (market, farm gate)"), "cooperative")
        self.channel.addItem(tr("Online shop"), "online")
        self.day = QDateEdit(QDate.currentDate())
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.message = QLabel()
        self.message.setWordWrap(True)
        add = QPushButton(tr("Add line"))
        add.clicked.connect(self.add_line)
        self.product.returnPressed.connect(self.add_line)
        save = QPushButton(tr("Record the sale"))
        save.clicked.connect(self.record)
        self.lines = RecordModel(
            [
                Col(tr("Product"), lambda line: line.name),
                Col(tr("Quantity"), lambda line: f"{quantity_text(line.quantity_milli)} {line.unit}", right=True),
                Col.fen(tr("Price"), lambda line: line.unit_price_fen),
                Col.fen(tr("Amount"), lambda line: line.amount_fen),
            ]
        )
        self.households = RecordModel(
            [
                Col(tr("Household"), lambda h: h.code),
                Col(tr("Head"), lambda h: h.name),
                Col.fen(tr("This month"), lambda h: h.month_fen),
                Col.fen(tr("This year"), lambda h: h.year_fen),
            ]
        )
        form = QFormLayout()
        form.addRow(tr("Product"), self.product)
        form.addRow(tr("Quantity"), self.quantity)
        form.addRow(tr("Price (yuan)"), self.price)
        form.addRow(tr("Channel"), self.channel)
        form.addRow(tr("Date"), self.day)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(save)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(buttons)
        left.addWidget(self.message)
        left.addWidget(table_view(self.lines), 1)
        self.recent = RecordModel(
            [
                Col(tr("Receipt number"), lambda r: r.ref),
                Col(tr("Date"), lambda r: r.day.isoformat()),
                Col(tr("Channel"), lambda r: channel_text(r.channel)),
                Col.fen(tr("Amount"), lambda r: r.total_fen),
                Col(
                    tr("Refunds"),
                    lambda r: format_fen(r.refunded_fen) if r.refunded_fen else "",
                    sort=lambda r: r.refunded_fen,
                    right=True,
                ),
            ]
        )
        importer = QPushButton(tr("Import sales…"))
        importer.clicked.connect(self.import_sales)
        right = QVBoxLayout()
        right.addWidget(QLabel(tr("What our linked households received")))
        right.addWidget(table_view(self.households), 1)
        right.addWidget(QLabel(tr("Recent sales (30 days)")))
        right.addWidget(table_view(self.recent, fit_columns=True), 1)  # whole receipt numbers and refunds
        right.addWidget(importer)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)  # the receipts and household amounts need the width, the form does not
        self.refresh_households()

    def add_line(self) -> None:
        with self.db.read_session() as session:
            found = [p for p in find_products(session, self.product.text(), 20)
                     if self.actor.supplier_id is None or p.supplier_id == self.actor.supplier_id]  # fmt: skip
            if not found:
                self.message.setText(tr("No product matches {0}.").replace("{0}", self.product.text()))
                return
            product = found[0]
            line = CartLine(product.id, product.code, product.name, product.unit, product.price_fen)
        try:
            line.quantity_milli = parse_quantity(self.quantity.text(), line.unit)
            if self.price.text().strip():
                line.override_fen = parse_yuan(self.price.text())
        except BangfuError as exc:
            self.message.setText(str(exc))
            return
        self.cart.add(line)
        self.lines.set_rows(self.cart.lines)
        self.product.clear()
        self.price.clear()
        self.message.setText(tr("Total {0}").replace("{0}", format_fen(self.cart.total_fen)))

    def record(self) -> str | None:
        if not self.cart.lines:
            return None
        day = dt.date.fromisoformat(self.day.date().toString("yyyy-MM-dd"))
        try:
            with self.db.session() as session, session.begin():
                zone = business_zone(session)
                when = dt.datetime(day.year, day.month, day.day, 12, tzinfo=zone)
                draft = SaleDraft(self.channel.currentData(), when, self.cart.drafts(), idempotency_key=self.cart.key)
                recorded = record_sale(session, self.actor, draft)
        except BangfuError as exc:
            self.message.setText(str(exc))
            return None
        self.cart = Cart("")
        self.lines.set_rows([])
        self.message.setText(
            tr("Recorded {0}: {1}.").replace("{0}", recorded.ref).replace("{1}", format_fen(recorded.total_fen))
        )
        self.refresh_households()
        return recorded.ref

    def refresh_households(self) -> None:
        with self.db.read_session() as session:
            zone = business_zone(session)
            self.households.set_rows(coop_households(session, self.actor, dt.date.today().strftime("%Y-%m"), zone))
            self.recent.set_rows(recent_sales(session, self.actor, zone))

    def import_sales(self) -> ImportDialog:
        """An Excel/CSV file of the cooperative's own sales (SPEC §7 columns)."""
        dialog = ImportDialog(self, self.db, self.actor, "sales")
        dialog.accepted.connect(self.refresh_households)
        dialog.open()
        return dialog


class BulkOrders(RecordPage):
    def __init__(self, db: Database, actor: Actor) -> None:
        columns = [
            Col(tr("Order"), lambda o: o.number),
            Col(tr("Organisation"), lambda o: o.organisation),
            Col(tr("Delivery"), lambda o: o.delivery_date.isoformat()),
            Col(tr("State"), lambda o: tr(STATE_NAMES[o.state])),
            Col.fen(tr("Amount"), lambda o: o.total_fen),
        ]
        super().__init__(db, actor, tr("Bulk orders"), columns, lambda s: order_rows(s, actor), shows=("bulk orders",))
        for text, action in (
            (tr("New organisation…"), self.new_organisation),
            (tr("New order…"), self.new_order),
            (tr("Delivered"), lambda: self._act(deliver_order)),
            (tr("Paid"), lambda: self._act(mark_paid)),
            (tr("Cancel order"), lambda: self._act(cancel_order)),
            (tr("Return…"), self.return_goods),
            (tr("Order confirmation…"), lambda: self.document("订货确认单")),
            (tr("Delivery note…"), lambda: self.document("送货单")),
        ):
            self.add_button(text, action)
        self.quotas = RecordModel(
            [
                Col(tr("Organisation"), lambda q: q.organisation),
                Col.fen(tr("Quota"), lambda q: q.quota_fen),
                Col.fen(tr("Bought"), lambda q: q.bought_fen),
                Col(tr("Share"), lambda q: f"{q.share * 100:.1f}%", right=True),
            ]
        )
        self.inner.addWidget(QLabel(tr("Quotas of this year")))
        self.quota_view = table_view(self.quotas)
        self.inner.addWidget(self.quota_view)

    def loaded(self) -> None:
        with self.db.read_session() as session:
            self.quotas.set_rows(quota_progress(session, dt.date.today().year, business_zone(session)))
        self.quota_view.resizeColumnsToContents()

    def _act(self, action) -> None:
        row = self.selected()
        if row is None:
            return
        self.write(lambda session: action(session, self.actor, row.number))

    def return_goods(self, code: str | None = None, quantity: str | None = None) -> None:
        """Goods sent back after delivery: a refund of the order's sale."""
        row = self.selected()
        if row is None:
            return
        if code is None or quantity is None:
            code, ok = QInputDialog.getText(self, tr("Return…"), tr("Product code"))
            if not ok:
                return
            quantity, ok = QInputDialog.getText(self, tr("Return…"), tr("Quantity"))
            if not ok:
                return

        reason = tr("Returned after delivery")
        self.write(lambda session: bulk_return(session, self.actor, row.number, {code: quantity}, reason))

    def new_organisation(self) -> FormDialog:
        fields = [
            Field("name", tr("Name")),
            Field("kind", tr("Type"), choices=[(k, k) for k in ORG_KINDS]),
            Field("region_code", tr("Region code")),
            Field("contact", tr("Phone")),
        ]

        def save(t: dict[str, str]) -> Operation:
            return lambda session: save_organisation(
                session, self.actor, t["name"], t["kind"], t["region_code"], t["contact"]
            )

        dialog = FormDialog(self, tr("New organisation…"), fields, save, self.db, self.saved)
        dialog.open()
        return dialog

    def new_order(self) -> FormDialog:
        with self.db.read_session() as session:
            organisations = [(str(id_), name) for id_, name in organisation_choices(session)]
        fields = [
            Field("organisation", tr("Organisation"), choices=organisations),
            Field("number", tr("Order")),
            Field("delivery", tr("Delivery"), date=True),
            Field("lines", tr("Lines: code quantity [price], separated by ;"), placeholder="HZ1000 30 42.00; XG500 20"),
        ]

        def save(t: dict[str, str]) -> Operation:
            delivery = dt.date.fromisoformat(t["delivery"])
            return lambda session: place_order(
                session, self.actor, int(t["organisation"]), t["number"], order_lines(session, t["lines"]), delivery
            )

        dialog = FormDialog(self, tr("New order…"), fields, save, self.db, self.saved)
        dialog.open()
        return dialog

    def document(self, title: str, path: str | None = None) -> None:
        row = self.selected()
        if row is None:
            return
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, title, f"{row.number}-{title}.pdf", "PDF (*.pdf)")
            if not path:
                return
        with self.db.read_session() as session:
            data = order_pdf(order_document(session, row.number), title)
        with open(path, "wb") as target:
            target.write(data)


class Campaigns(QWidget):
    """Campaigns (消费帮扶月, 八进…): days, counters and organisations; hand-tagged sales; a report."""

    def __init__(self, db: Database, actor: Actor) -> None:
        super().__init__()
        self.db, self.actor = db, actor
        self.name, self.counters, self.organisations = QLineEdit(), QLineEdit(), QLineEdit()
        self.counters.setPlaceholderText("ZZ01, ZZ02")
        self.organisations.setPlaceholderText(tr("names, separated by commas; empty: every sale of the days"))
        self.starts, self.ends = QDateEdit(QDate.currentDate()), QDateEdit(QDate.currentDate().addDays(30))
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.chosen = QComboBox()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.top = RecordModel([Col(tr("Product"), lambda r: r[0]), Col.fen(tr("Net"), lambda r: r[1])])
        form = QFormLayout()
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("From"), self.starts)
        form.addRow(tr("Until"), self.ends)
        form.addRow(tr("Counters"), self.counters)
        form.addRow(tr("Organisations"), self.organisations)
        buttons = QHBoxLayout()
        for text, action in (
            (tr("Save campaign"), self.save),
            (tr("Tag a sale…"), self.tag),
            (tr("Report"), self.report),
        ):
            button = QPushButton(text)
            button.clicked.connect(action)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.chosen)
        layout.addWidget(self.result)
        layout.addWidget(table_view(self.top), 1)
        self.fill()

    def fill(self) -> None:
        with self.db.read_session() as session:
            names = campaign_names(session)
        self.chosen.clear()
        self.chosen.addItems(names)

    def save(self) -> None:
        starts = dt.date.fromisoformat(self.starts.date().toString("yyyy-MM-dd"))
        ends = dt.date.fromisoformat(self.ends.date().toString("yyyy-MM-dd"))
        counters = tuple(c.strip().upper() for c in self.counters.text().replace("，", ",").split(",") if c.strip())
        organisations = tuple(o.strip() for o in self.organisations.text().replace("，", ",").split(",") if o.strip())
        try:
            with self.db.session() as session, session.begin():
                save_campaign(session, self.actor, self.name.text(), starts, ends, counters, organisations)
        except BangfuError as exc:
            self.result.setText(str(exc))
            return
        self.fill()
        self.chosen.setCurrentText(self.name.text().strip())

    def tag(self, ref: str | None = None) -> None:
        if ref is None:
            ref, ok = QInputDialog.getText(self, tr("Tag a sale…"), tr("Receipt number"))
            if not ok:
                return
        try:
            with self.db.session() as session, session.begin():
                tag_sale(session, self.actor, self.chosen.currentText(), ref.strip())
        except BangfuError as exc:
            self.result.setText(str(exc))

    def report(self) -> None:
        with self.db.read_session() as session:
            try:
                figures = campaign_report(session, self.actor, self.chosen.currentText(), business_zone(session))
            except BangfuError as exc:
                self.result.setText(str(exc))
                return
        text = tr("{0}: {1} sales, net {2}, {3} households benefited")
        self.result.setText(
            text.replace("{0}", figures.name)
            .replace("{1}", str(figures.sales_count))
            .replace("{2}", format_fen(figures.net_fen))
            .replace("{3}", str(figures.households_benefited))
        )
        self.top.set_rows(figures.top_products)


class CoopPage(QWidget):
    def __init__(self, db: Database, actor: Actor, title: str) -> None:
        super().__init__()
        self.tabs = QTabWidget()
        self.sales = CoopSales(db, actor)
        self.tabs.addTab(self.sales, tr("Cooperative sales"))
        self.orders: BulkOrders | None = None
        self.campaigns: Campaigns | None = None
        if can(actor, "bulk.manage"):
            self.orders = BulkOrders(db, actor)
            self.tabs.addTab(self.orders, tr("Bulk orders"))
            self.campaigns = Campaigns(db, actor)
            self.tabs.addTab(self.campaigns, tr("Campaigns"))
        layout, _heading = page_layout(self, title)
        layout.addWidget(self.tabs, 1)


def make(db: Database, actor: Actor, title: str) -> QWidget:
    return CoopPage(db, actor, title)
