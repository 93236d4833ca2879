"""合作社与团购: a cooperative's own sales and households, and bulk orders with quotas."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from gui.tasks import Task, message_for, read, write
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
from orders.campaigns import CampaignReport, campaign_names, campaign_report, save_campaign, tag_sale
from orders.cart import Cart, CartLine
from orders.ledger import SaleDraft, SaleRecorded, record_sale
from orders.notices import order_document
from reports.notices import order_pdf

if TYPE_CHECKING:  # only in annotations (see the contracts)
    from sqlalchemy.orm import Session

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
        self.last_ref: str | None = None  # the sale recorded last
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

    def add_line(self) -> Task:
        """The first product that matches, with the quantity and price as typed now."""
        typed, own = self.product.text(), self.actor.supplier_id
        quantity, price = self.quantity.text(), self.price.text().strip()

        def first_match(session: "Session") -> CartLine | None:
            found = [p for p in find_products(session, typed, 20) if own is None or p.supplier_id == own]
            if not found:
                return None
            product = found[0]
            return CartLine(product.id, product.code, product.name, product.unit, product.price_fen)

        def found(line: CartLine | None) -> None:
            if line is None:
                self.message.setText(tr("No product matches {0}.").replace("{0}", typed))
            else:
                self._add(line, quantity, price)

        return read(self, self.db, first_match, found, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.message.setText(message_for(error))

    def _add(self, line: CartLine, quantity: str, price: str) -> None:
        try:
            line.quantity_milli = parse_quantity(quantity, line.unit)
            if price:
                line.override_fen = parse_yuan(price)
        except BangfuError as exc:
            self.message.setText(str(exc))
            return
        self.cart.add(line)
        self.lines.set_rows(self.cart.lines)
        self.product.clear()
        self.price.clear()
        self.message.setText(tr("Total {0}").replace("{0}", format_fen(self.cart.total_fen)))

    def record(self) -> Task:
        """Once the lines asked for before have arrived (a read queued behind them), the sale."""
        return read(self, self.db, lambda _session: None, lambda _none: self._record(), self._failed)

    def _record(self) -> None:
        if not self.cart.lines:
            return
        day = dt.date.fromisoformat(self.day.date().toString("yyyy-MM-dd"))
        channel, drafts, key = self.channel.currentData(), self.cart.drafts(), self.cart.key

        def op(session: "Session") -> SaleRecorded:
            when = dt.datetime(day.year, day.month, day.day, 12, tzinfo=business_zone(session))
            return record_sale(session, self.actor, SaleDraft(channel, when, drafts, idempotency_key=key))

        write(self, self.db, op, self._recorded, self._failed, changes=("sales",))

    def _recorded(self, recorded: SaleRecorded) -> None:
        self.last_ref = recorded.ref
        self.cart = Cart("")
        self.lines.set_rows([])
        self.message.setText(
            tr("Recorded {0}: {1}.").replace("{0}", recorded.ref).replace("{1}", format_fen(recorded.total_fen))
        )
        self.refresh_households()

    def refresh_households(self) -> None:
        month, actor = dt.date.today().strftime("%Y-%m"), self.actor

        def op(session: "Session") -> tuple[list[Any], list[Any]]:
            zone = business_zone(session)
            return coop_households(session, actor, month, zone), recent_sales(session, actor, zone)

        def arrived(rows: tuple[list[Any], list[Any]]) -> None:
            self.households.set_rows(rows[0])
            self.recent.set_rows(rows[1])

        read(self, self.db, op, arrived, self._failed, view="households")

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
        year = dt.date.today().year
        read(
            self, self.db, lambda session: quota_progress(session, year, business_zone(session)), self._quotas,
            self.show_error, view="quotas",
        )  # fmt: skip

    def _quotas(self, rows: list[Any]) -> None:
        self.quotas.set_rows(rows)
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
        fields = [
            Field("organisation", tr("Organisation"), choices_later=True),
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
        dialog.load(
            organisation_choices, lambda rows: dialog.set_choices("organisation", [(str(i), n) for i, n in rows])
        )
        dialog.open()
        return dialog

    def document(self, title: str, path: str | None = None) -> Task | None:
        row = self.selected()
        if row is None:
            return None
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, title, f"{row.number}-{title}.pdf", "PDF (*.pdf)")
            if not path:
                return None
        target = Path(path)

        def op(session: "Session") -> None:
            target.write_bytes(order_pdf(order_document(session, row.number), title))

        return read(self, self.db, op, lambda _none: None, self.show_error, label=tr("Writing the report…"))


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

    def fill(self, chosen: str = "") -> None:
        def arrived(names: list[str]) -> None:
            self.chosen.clear()
            self.chosen.addItems(names)
            if chosen:
                self.chosen.setCurrentText(chosen)

        read(self, self.db, campaign_names, arrived, self._failed, view="names")

    def _failed(self, error: BaseException) -> None:
        self.result.setText(message_for(error))

    def save(self) -> Task:
        starts = dt.date.fromisoformat(self.starts.date().toString("yyyy-MM-dd"))
        ends = dt.date.fromisoformat(self.ends.date().toString("yyyy-MM-dd"))
        counters = tuple(c.strip().upper() for c in self.counters.text().replace("，", ",").split(",") if c.strip())
        organisations = tuple(o.strip() for o in self.organisations.text().replace("，", ",").split(",") if o.strip())
        name = self.name.text()
        return write(
            self, self.db,
            lambda session: save_campaign(session, self.actor, name, starts, ends, counters, organisations),
            lambda _campaign: self.fill(name.strip()), self._failed,
        )  # fmt: skip

    def tag(self, ref: str | None = None) -> None:
        if ref is None:
            ref, ok = QInputDialog.getText(self, tr("Tag a sale…"), tr("Receipt number"))
            if not ok:
                return
        name, ref = self.chosen.currentText(), ref.strip()
        write(self, self.db, lambda session: tag_sale(session, self.actor, name, ref), lambda _t: None, self._failed)

    def report(self) -> Task:
        name = self.chosen.currentText()
        return read(
            self, self.db, lambda session: campaign_report(session, self.actor, name, business_zone(session)),
            self._reported, self._failed,
        )  # fmt: skip

    def _reported(self, figures: CampaignReport) -> None:
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
