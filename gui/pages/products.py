"""商品与认定: certified products with their certificate status, filters, editing, life-cycle."""

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from catalog.certificates import certificate_history, change_certificate
from catalog.fields import barcode
from catalog.listing import ProductRow, product_rows, supplier_choices
from catalog.registry import product_form, save_product
from core.auth import Actor, can
from core.codes import CERT_LEVELS
from core.config import business_day
from core.db import Database
from gui.forms import Field, FormDialog, Operation
from gui.pages.common import RecordPage
from gui.table import Col
from gui.tasks import message_for, read
from gui.text import tr

if TYPE_CHECKING:  # only in annotations (see the contracts)
    from core.models import CertificateEvent

STATUS_COLOURS = {
    "active": None,
    "expiring": QColor("#fff3cd"),
    "expired": QColor("#f8d7da"),
    "suspended": QColor("#e2e3e5"),
    "revoked": QColor("#f1b0b7"),
    "pending": QColor("#d1ecf1"),
}
UNITS = ["袋", "盒", "箱", "瓶", "件", "份", "个", "包", "桶", "只", "公斤", "斤", "克"]


def status_text(status: str) -> str:
    return {
        "active": tr("Active"),
        "expiring": tr("Expiring soon"),
        "expired": tr("Expired"),
        "suspended": tr("Suspended"),
        "revoked": tr("Revoked"),
        "pending": tr("Not yet valid"),
    }[status]


def level_text(level: str) -> str:
    return {
        "national": tr("National"),
        "provincial": tr("Provincial"),
        "municipal": tr("Municipal"),
        "county": tr("County"),
    }[level]


class ProductsPage(RecordPage):
    def __init__(self, db: Database, actor: Actor, title: str) -> None:
        columns = [
            Col(tr("Code"), lambda r: r.code),
            Col(tr("Name"), lambda r: r.name),
            Col(tr("Status"), lambda r: status_text(r.status)),
            Col.fen(tr("Price"), lambda r: r.price_fen),
            Col(tr("Unit"), lambda r: r.unit),
            Col(tr("Category"), lambda r: r.category),
            Col(tr("Supplier"), lambda r: r.supplier_name),
            Col(tr("Valid until"), lambda r: r.valid_until.isoformat()),
            Col(tr("Certificate"), lambda r: r.cert_no),
            Col(tr("Barcode"), lambda r: r.barcode),
        ]
        super().__init__(
            db,
            actor,
            title,
            columns,
            lambda s: product_rows(s, actor, business_day(s)),
            shows=("products", "suppliers"),  # a product row names its supplier
            background=lambda r: STATUS_COLOURS[r.status],
        )
        self.status = self.add_choice_filter(
            "status", tr("All statuses"), [(s, status_text(s)) for s in STATUS_COLOURS]
        )
        self.supplier = self.add_choice_filter("supplier_name", tr("All suppliers"))
        self.category = self.add_choice_filter("category", tr("All categories"))
        self.add_button(tr("New product…"), self.new_product)
        self.add_button(tr("Edit…"), self.edit_product)
        if can(actor, "certificate.change"):
            self.add_button(tr("Certificate…"), self.certificate)
        self.add_transfer_buttons("products")
        self.table.doubleClicked.connect(self.edit_product)

    def loaded(self) -> None:
        self.fill_choices(self.supplier, "supplier_name")
        self.fill_choices(self.category, "category")

    def _dialog(self, title: str, product_id: int | None) -> FormDialog:
        fields = [
            Field("code", tr("Code")),
            Field("name", tr("Name")),
            Field(
                "category",
                tr("Category"),
                choices=[(c, c) for c in sorted({r.category for r in self.model.rows})],
                editable_choice=True,
            ),
            Field("unit", tr("Unit"), choices=[(u, u) for u in UNITS], editable_choice=True),
            Field("price", tr("Price (yuan)"), placeholder="12.50"),
            Field("barcode", tr("Barcode (EAN-13 or EAN-8)"), check=barcode),
            Field("supplier_uscc", tr("Supplier"), choices_later=True),
            Field("cert_no", tr("Certificate number")),
            Field("cert_level", tr("Certificate level"), choices=[(lv, level_text(lv)) for lv in CERT_LEVELS]),
            Field("cert_authority", tr("Issued by")),
            Field("certified_on", tr("Certified on"), date=True),
            Field("valid_until", tr("Valid until"), date=True),
            Field("origin_region_code", tr("Origin region code")),
            Field("net_weight_kg", tr("Net weight per unit (kg)"), placeholder="0.5"),
        ]
        if can(self.actor, "settlement.terms"):  # an administrator sets the consignment terms
            fields.append(Field("supply_price", tr("Supply price (yuan, paid per unit sold)"), placeholder="55.00"))

        def save(texts: dict[str, str]) -> Operation:
            return lambda session: save_product(session, self.actor, texts, product_id)

        dialog = FormDialog(self, title, fields, save, self.db, self.saved)
        dialog.load(supplier_choices, lambda rows: dialog.set_choices("supplier_uscc", [(u, n) for _i, u, n in rows]))
        return dialog

    def new_product(self) -> FormDialog:
        dialog = self._dialog(tr("New product"), None)
        dialog.open()
        return dialog

    def edit_product(self) -> FormDialog | None:
        row: ProductRow | None = self.selected()
        if row is None:
            return None
        dialog = self._dialog(tr("Edit product {code}").format(code=row.code), row.id)
        dialog.load(lambda session: product_form(session, self.actor, row.id), dialog.set_values)
        dialog.open()
        return dialog

    def certificate(self) -> QDialog | None:
        row: ProductRow | None = self.selected()
        if row is None:
            return None
        dialog = CertificateDialog(self, row)
        dialog.open()
        return dialog


class CertificateDialog(QDialog):
    """Suspend, revoke, reinstate or renew a certificate, with its history."""

    def __init__(self, page: ProductsPage, row: ProductRow) -> None:
        super().__init__(page)
        self.page, self.row = page, row
        self.setWindowTitle(tr("Certificate {cert_no}").format(cert_no=row.cert_no))
        self.action = QComboBox()
        for value, text in (
            ("suspend", tr("Suspend")),
            ("revoke", tr("Revoke")),
            ("reinstate", tr("Reinstate")),
            ("renew", tr("Renew")),
        ):
            self.action.addItem(text, value)
        self.reason = QLineEdit()
        self.valid_until = QDateEdit()
        self.valid_until.setDisplayFormat("yyyy-MM-dd")
        self.valid_until.setDate(QDate(row.valid_until.year + 2, row.valid_until.month, min(row.valid_until.day, 28)))
        self.history = QListWidget()
        read(self, page.db, lambda session: certificate_history(session, row.id), self.show_history, self.refused)
        form = QFormLayout()
        form.addRow(tr("Product"), QLabel(f"{row.code}  {row.name}"))
        form.addRow(tr("Status"), QLabel(status_text(row.status)))
        form.addRow(tr("Change"), self.action)
        form.addRow(tr("Reason"), self.reason)
        form.addRow(tr("New end date (renewal)"), self.valid_until)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("History")))
        layout.addWidget(self.history)
        layout.addWidget(buttons)

    def show_history(self, events: "list[CertificateEvent]") -> None:
        for event in events:
            self.history.addItem(
                f"{event.at:%Y-%m-%d %H:%M}  {event.username}  {status_text(event.status)}  {event.reason}"
            )

    def apply(self) -> None:
        action = self.action.currentData()
        until = dt.date.fromisoformat(self.valid_until.date().toString("yyyy-MM-dd")) if action == "renew" else None
        reason = self.reason.text()
        self.page.write(
            lambda s: change_certificate(s, self.page.actor, self.row.id, action, reason, until),
            done=self.accept,  # the dialog stays open, with what was typed, if the change is refused
            failed=self.refused,
        )

    def refused(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.windowTitle(), message_for(error))


def make(db: Database, actor: Actor, title: str) -> QWidget:
    return ProductsPage(db, actor, title)
