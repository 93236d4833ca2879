"""帮扶户: registered households, ID numbers masked, with the suppliers linked to them this month."""

from PySide6.QtWidgets import QMessageBox, QWidget

from catalog.listing import HouseholdRow, household_rows
from catalog.registry import reveal_id_number, save_household
from core.auth import Actor, can
from core.codes import HOUSEHOLD_STATUSES
from core.db import Database
from core.places import place_name
from gui.forms import Field, FormDialog, Operation
from gui.pages.common import RecordPage, this_month
from gui.table import Col
from gui.tasks import Task, write
from gui.text import tr


def status_text(status: str) -> str:
    return {"poor": tr("Not yet lifted"), "lifted": tr("Lifted out of poverty"), "monitored": tr("Monitored")}[status]


class HouseholdsPage(RecordPage):
    def __init__(self, db: Database, actor: Actor, title: str) -> None:
        columns = [
            Col(tr("Code"), lambda r: r.code),
            Col(tr("Head of household"), lambda r: r.head_name),
            Col(tr("ID number"), lambda r: r.id_masked),
            Col(tr("Region"), lambda r: place_name(r.region_code)),
            Col(tr("Members"), lambda r: str(r.members), sort=lambda r: r.members, right=True),
            Col(tr("Status"), lambda r: status_text(r.status)),
            Col(tr("Linked suppliers"), lambda r: r.suppliers),
        ]
        super().__init__(
            db,
            actor,
            title,
            columns,
            lambda s: household_rows(s, actor, this_month()),
            shows=("households", "linkages"),
        )
        self.status = self.add_choice_filter(
            "status", tr("All statuses"), [(s, status_text(s)) for s in HOUSEHOLD_STATUSES]
        )
        self.add_button(tr("New household…"), self.new_household)
        self.add_button(tr("Edit…"), self.edit_household)
        if can(actor, "id.reveal"):
            self.add_button(tr("Show ID number…"), self.reveal)
        self.add_transfer_buttons("households")
        self.table.doubleClicked.connect(self.edit_household)

    def reveal(self) -> Task | None:
        """One full ID number at a time, for an administrator; the audit trail records it."""
        row: HouseholdRow | None = self.selected()
        if row is None:
            return None

        def revealed(number: str | None) -> None:
            QMessageBox.information(self, tr("ID number"), f"{row.code}  {row.head_name}\n{number or '—'}")

        # A write: the reveal is audited.
        return write(
            self, self.db, lambda session: reveal_id_number(session, self.actor, row.id), revealed, self.show_error
        )

    def _dialog(self, title: str, household_id: int | None) -> FormDialog:
        fields = [
            Field("code", tr("Code")),
            Field("head_name", tr("Head of household")),
            Field("id_number", tr("ID number")),
            Field("region_code", tr("Region code")),
            Field("members", tr("Members")),
            Field("status", tr("Status"), choices=[(s, status_text(s)) for s in HOUSEHOLD_STATUSES]),
        ]

        def save(texts: dict[str, str]) -> Operation:
            return lambda session: save_household(session, self.actor, texts, household_id)

        return FormDialog(self, title, fields, save, self.db, self.saved)

    def new_household(self) -> FormDialog:
        dialog = self._dialog(tr("New household"), None)
        dialog.open()
        return dialog

    def edit_household(self) -> FormDialog | None:
        row: HouseholdRow | None = self.selected()
        if row is None:
            return None
        dialog = self._dialog(tr("Edit household {code}").format(code=row.code), row.id)
        dialog.set_values(
            {"code": row.code, "head_name": row.head_name, "id_number": row.id_masked, "region_code": row.region_code,
             "members": str(row.members), "status": row.status}
        )  # fmt: skip
        dialog.open()
        return dialog


def make(db: Database, actor: Actor, title: str) -> QWidget:
    return HouseholdsPage(db, actor, title)
