"""结算: each supplier's month of counter sales (SPEC §11) — payable, commission, the benefit pool
beside it — and issuing, paying and saving its statement."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFileDialog

from core.auth import Actor, can
from core.db import Database
from core.money import format_fen
from gui.forms import Field, FormDialog, Operation
from gui.pages.common import RecordPage, recent_months
from gui.table import Col
from gui.tasks import read, write
from gui.text import tr
from orders.settlement import statement
from reports.settlement_docs import statement_xlsx
from reports.settlement_issue import issue_statement, mark_paid, settlement_rows, statement_pdf_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reports.settlement_issue import SettlementRow


def _state(row: "SettlementRow") -> str:
    if row.number is None:
        return tr("not issued")
    if row.paid_on is not None:
        return tr("{0} paid {1}").replace("{0}", row.number).replace("{1}", row.paid_on.isoformat())
    return row.number


class SettlementPage(RecordPage):
    def __init__(self, db: Database, actor: Actor, title: str) -> None:
        self.months = recent_months(dt.date.today())  # as the summary page: no read before it shows
        self.month = self.months[1]  # the last month that has ended: the one to settle
        columns = [
            Col(tr("Credit code"), lambda r: r.figures.uscc),
            Col(tr("Supplier"), lambda r: r.figures.name),
            Col.fen(tr("Counter net"), lambda r: r.figures.counter_net_fen),
            Col.fen(tr("Commission"), lambda r: r.figures.commission_fen),
            Col.fen(tr("Payable"), lambda r: r.figures.payable_fen),
            Col.fen(tr("Benefit pool"), lambda r: r.figures.pool_fen),
            Col(tr("Statement"), _state),
            Col(
                tr("Since the issue"),
                lambda r: "—" if r.number is None else format_fen(r.difference_fen),
                sort=lambda r: r.difference_fen,
                right=True,
            ),
        ]
        super().__init__(
            db,
            actor,
            title,
            columns,
            lambda session: settlement_rows(session, actor, self.month),
            shows=("sales", "settlement"),
        )
        self.month_box = QComboBox()
        self.month_box.addItems(self.months)
        self.month_box.setCurrentIndex(1)
        self.month_box.currentTextChanged.connect(self._month)
        self.filters.addWidget(self.month_box, 1)
        self.add_button(tr("Save statement…"), self.save_statement)
        if can(actor, "settlement.issue"):
            self.add_button(tr("Issue statement"), self.issue)
            self.add_button(tr("Mark paid…"), self.paid)

    def _month(self, month: str) -> None:
        self.month = month
        self.reload()

    def issue(self) -> None:
        row: SettlementRow | None = self.selected()
        if row is None:
            return
        month, supplier = self.month, row.figures.id
        write(
            self,
            self.db,
            lambda session: issue_statement(session, self.actor, month, supplier).number,
            lambda _number: self.reload(),
            self.show_error,
            changes=("settlement",),
        )

    def paid(self) -> FormDialog | None:
        row: SettlementRow | None = self.selected()
        if row is None or row.number is None:
            return None
        number = row.number
        fields = [Field("paid_on", tr("Paid on"), date=True), Field("reference", tr("Payment reference"))]

        def save(texts: dict[str, str]) -> Operation:
            day = dt.date.fromisoformat(texts["paid_on"])
            return lambda session: mark_paid(session, self.actor, number, day, texts.get("reference", ""))

        dialog = FormDialog(self, tr("Mark {0} paid").replace("{0}", number), fields, save, self.db, self.saved)
        dialog.open()
        return dialog

    def save_statement(self) -> None:
        row: SettlementRow | None = self.selected()
        if row is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Save statement…"), f"结算单-{row.figures.uscc}-{self.month}.pdf", "PDF (*.pdf);;Excel (*.xlsx)"
        )
        if not path:
            return
        month, supplier = self.month, row.figures.id

        def write_file(session: "Session") -> str:
            if path.endswith(".xlsx"):
                statement_xlsx(statement(session, self.actor, month, supplier), Path(path))
            else:  # the issued statement as it was issued, or a draft
                Path(path).write_bytes(statement_pdf_of(session, self.actor, month, supplier))
            return path

        read(self, self.db, write_file, lambda _path: None, self.show_error)


def make(db: Database, actor: Actor, title: str) -> SettlementPage:
    return SettlementPage(db, actor, title)
