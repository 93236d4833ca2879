"""供应商: suppliers, and the linkage editor of the selected supplier with each household's share."""

from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from catalog.listing import SupplierRow, supplier_rows
from catalog.registry import Share, add_linkage, end_linkage, save_supplier, shares
from core.auth import Actor, can
from core.codes import LINKAGE_MODES, SUPPLIER_KINDS
from core.db import Database
from core.money import rate_text, weight_text
from core.places import place_name
from gui.forms import Field, FormDialog, Operation
from gui.pages.common import RecordPage, this_month
from gui.table import Col, RecordFilter, RecordModel
from gui.tasks import read
from gui.text import tr


def kind_text(kind: str) -> str:
    return {
        "enterprise": tr("Enterprise"),
        "cooperative": tr("Cooperative"),
        "family_farm": tr("Family farm"),
        "individual": tr("Individual"),
        "other": tr("Other"),
    }[kind]


def mode_text(mode: str) -> str:
    return {
        "dividend": tr("Dividend"),
        "employment": tr("Employment"),
        "purchase": tr("Purchase"),
        "land": tr("Land transfer"),
        "other": tr("Other"),
    }[mode]


class SuppliersPage(RecordPage):
    def __init__(self, db: Database, actor: Actor, title: str) -> None:
        self.month = this_month()
        columns = [
            Col(tr("Credit code"), lambda r: r.uscc),
            Col(tr("Name"), lambda r: r.name),
            Col(tr("Type"), lambda r: kind_text(r.kind)),
            Col(tr("Region"), lambda r: place_name(r.region_code)),
            Col(
                tr("Benefit rate"),
                lambda r: rate_text(r.benefit_rate_bp) + "%",
                sort=lambda r: r.benefit_rate_bp,
                right=True,
            ),
            Col(tr("Products"), lambda r: str(r.products), sort=lambda r: r.products, right=True),
            Col(tr("Linked households"), lambda r: str(r.households), sort=lambda r: r.households, right=True),
            Col(tr("Phone"), lambda r: r.contact_phone),
        ]
        super().__init__(
            db,
            actor,
            title,
            columns,
            lambda s: supplier_rows(s, actor, self.month),
            shows=("suppliers", "linkages"),
        )
        self.add_button(tr("New supplier…"), self.new_supplier)
        self.add_button(tr("Edit…"), self.edit_supplier)
        self.add_transfer_buttons("suppliers")
        self.table.doubleClicked.connect(self.edit_supplier)

        # The selected supplier's linkages, with each household's share of this month's pool.
        self.links_title = QLabel()
        self.links_title.setObjectName("sectionTitle")
        self.month_edit = QLineEdit(self.month)
        self.month_edit.setMaximumWidth(90)
        self.month_edit.editingFinished.connect(self.show_links)
        self.links = RecordModel(
            [
                Col(tr("Household"), lambda s: s.household.code),
                Col(tr("Head"), lambda s: s.household.head_name),
                Col(tr("Mode"), lambda s: mode_text(s.linkage.mode)),
                Col(tr("Weight"), lambda s: weight_text(s.linkage.weight_centi), right=True),
                Col(tr("Share of pool"), lambda s: f"{float(s.share) * 100:.2f}%", sort=lambda s: s.share, right=True),
                Col(tr("From"), lambda s: s.linkage.start_month),
                Col(tr("Until"), lambda s: s.linkage.end_month or "—"),
            ]
        )
        self.links_view = QTableView()
        self.links_view.setModel(RecordFilter(self.links))
        self.links_view.verticalHeader().setVisible(False)
        self.links_view.horizontalHeader().setStretchLastSection(True)
        self.links_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.links_view.setMaximumHeight(220)
        header = QHBoxLayout()
        header.addWidget(self.links_title, 1)
        header.addWidget(QLabel(tr("Month")))
        header.addWidget(self.month_edit)
        for text, action in ((tr("Add linkage…"), self.add_link), (tr("End linkage…"), self.end_link)):
            button = QPushButton(text)
            button.clicked.connect(action)
            header.addWidget(button)
        self.inner.addLayout(header)
        self.inner.addWidget(self.links_view)
        self.table.selectionModel().selectionChanged.connect(self.show_links)

    def loaded(self) -> None:
        if self.selected() is None and self.proxy.rowCount():
            self.table.selectRow(0)

    def show_links(self) -> None:
        row: SupplierRow | None = self.selected()
        self.links_title.setText(
            tr("Linkages of {name}").format(name=row.name) if row else tr("Select a supplier to see its linkages")
        )
        if row is None:
            self.links.set_rows([])
            return
        month = self.month_edit.text().strip()
        read(self, self.db, lambda session: shares(session, row.id, month), self._links, self.show_error, view="links")

    def _links(self, rows: "list[Share]") -> None:
        self.links.set_rows(rows)
        self.links_view.resizeColumnsToContents()

    def _supplier_dialog(self, title: str, supplier_id: int | None) -> FormDialog:
        fields = [
            Field("uscc", tr("Credit code")),
            Field("name", tr("Name")),
            Field("kind", tr("Type"), choices=[(k, kind_text(k)) for k in SUPPLIER_KINDS]),
            Field("region_code", tr("Region code")),
            Field("benefit_rate", tr("Benefit rate (%)"), placeholder="10"),
            Field("contact_phone", tr("Phone")),
        ]
        if can(self.actor, "settlement.terms"):  # an administrator sets the consignment terms
            fields.append(Field("commission_rate", tr("Commission on consigned sales (%)"), placeholder="0"))

        def save(texts: dict[str, str]) -> Operation:
            return lambda session: save_supplier(session, self.actor, texts, supplier_id)

        return FormDialog(self, title, fields, save, self.db, self.saved)

    def new_supplier(self) -> FormDialog:
        dialog = self._supplier_dialog(tr("New supplier"), None)
        dialog.open()
        return dialog

    def edit_supplier(self) -> FormDialog | None:
        row: SupplierRow | None = self.selected()
        if row is None:
            return None
        dialog = self._supplier_dialog(tr("Edit supplier"), row.id)
        dialog.set_values(
            {"uscc": row.uscc, "name": row.name, "kind": row.kind, "region_code": row.region_code,
             "benefit_rate": rate_text(row.benefit_rate_bp), "contact_phone": row.contact_phone,
             "commission_rate": rate_text(row.commission_rate_bp)}
        )  # fmt: skip
        dialog.open()
        return dialog

    def add_link(self) -> FormDialog | None:
        row: SupplierRow | None = self.selected()
        if row is None:
            return None
        fields = [
            Field("household_code", tr("Household code")),
            Field("weight", tr("Weight"), placeholder="1"),
            Field("mode", tr("Mode"), choices=[(m, mode_text(m)) for m in LINKAGE_MODES]),
            Field("start_month", tr("From month"), placeholder="2026-01"),
            Field("end_month", tr("Until month (optional)"), placeholder="2026-12"),
        ]

        def save(texts: dict[str, str]) -> Operation:
            return lambda session: add_linkage(session, self.actor, {**texts, "supplier_uscc": row.uscc})

        def saved() -> None:
            self.saved()
            self.show_links()

        title = tr("New linkage for {name}").format(name=row.name)
        dialog = FormDialog(self, title, fields, save, self.db, saved)
        dialog.set_values({"start_month": self.month_edit.text()})
        dialog.open()
        return dialog

    def end_link(self) -> None:
        indexes = self.links_view.selectionModel().selectedRows()
        if not indexes:
            return
        share: Share = self.links_view.model().row_at(indexes[0])  # type: ignore[attr-defined]
        month, ok = QInputDialog.getText(
            self, tr("End linkage"), tr("Last month of the linkage (YYYY-MM)"), text=self.month_edit.text()
        )
        if not ok:
            return
        self.write(lambda session: end_linkage(session, self.actor, share.linkage.id, month), done=self.show_links)


def make(db: Database, actor: Actor, title: str) -> QWidget:
    return SuppliersPage(db, actor, title)
