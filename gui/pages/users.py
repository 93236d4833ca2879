"""用户与日志: user accounts (administrators) and the audit trail (administrators, managers)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from catalog.listing import supplier_choices
from core.audit_text import GROUPS, group_text
from core.audit_trail import AuditRow, audit_rows, export_audit
from core.auth import Actor, can, change_password, create_user, set_active, user_rows
from core.codes import ROLES
from core.db import Database
from gui.forms import Field, FormDialog, Operation
from gui.pages.common import RecordPage, page_layout
from gui.table import Col
from gui.tasks import write
from gui.text import role_text, tr


class UsersTab(RecordPage):
    def __init__(self, db: Database, actor: Actor) -> None:
        columns = [
            Col(tr("User name"), lambda u: u.username),
            Col(tr("Name"), lambda u: u.display_name),
            Col(tr("Role"), lambda u: role_text(u.role)),
            Col(tr("Counter"), lambda u: u.counter_code or ""),
            Col(tr("Active"), lambda u: tr("yes") if u.active else tr("no")),
        ]
        super().__init__(db, actor, tr("Users"), columns, lambda s: user_rows(s, actor), shows=("users",))
        self.add_button(tr("New user…"), self.new_user)
        self.add_button(tr("Reset password…"), self.reset_password)
        self.add_button(tr("Activate / deactivate"), self.toggle)

    def new_user(self) -> FormDialog:
        fields = [
            Field("username", tr("User name")),
            Field("display_name", tr("Name")),
            Field("role", tr("Role"), choices=[(r, role_text(r)) for r in ROLES]),
            Field("counter_code", tr("Counter (cashiers)")),
            Field("supplier", tr("Cooperative (coop managers)"), choices=[("", "—")], choices_later=True),
            Field("regions", tr("Region codes (village officers)"), placeholder="411224, 411225"),
            Field("password", tr("Password (at least 8 characters)")),
        ]

        def save(t: dict[str, str]) -> Operation:
            supplier = int(t["supplier"]) if t["supplier"] else None
            regions = t.get("regions", "").replace("，", ",").split(",")
            return lambda s: create_user(
                s, self.actor, t["username"], t["display_name"], t["role"], t["password"], supplier,
                t["counter_code"] or None, regions,
            )  # fmt: skip

        dialog = FormDialog(self, tr("New user"), fields, save, self.db, self.saved)
        dialog.inputs["password"].setEchoMode(QLineEdit.EchoMode.Password)  # type: ignore[union-attr]
        dialog.load(
            supplier_choices, lambda rows: dialog.set_choices("supplier", [(str(i), name) for i, _u, name in rows])
        )
        dialog.open()
        return dialog

    def reset_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        password, ok = QInputDialog.getText(
            self,
            tr("Reset password"),
            tr("New password for {0}").replace("{0}", row.username),
            QLineEdit.EchoMode.Password,
        )
        if ok:
            self._try(lambda s: change_password(s, self.actor, row.username, password))

    def toggle(self) -> None:
        row = self.selected()
        if row is not None:
            self._try(lambda s: set_active(s, self.actor, row.username, not row.active))

    def _try(self, action) -> None:
        self.write(action)  # a refusal is shown as a message when it comes back


class AuditTab(RecordPage):
    def __init__(self, db: Database, actor: Actor) -> None:
        columns = [
            Col(tr("Time"), lambda e: e.at.strftime("%Y-%m-%d %H:%M:%S"), sort=lambda e: e.id),
            Col(tr("User"), lambda e: e.username),
            Col(tr("Action"), lambda e: e.action_text),
            Col(tr("Target"), lambda e: e.target),
            Col(tr("Details"), lambda e: e.summary_text),
        ]
        super().__init__(db, actor, tr("Audit log"), columns, lambda s: audit_rows(s, actor))
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.action = QComboBox()
        self.action.addItem(tr("All actions"), None)
        self.action.currentIndexChanged.connect(self._filter_action)
        for prefix in GROUPS:
            self.action.addItem(group_text(prefix), prefix)
        self.filters.addWidget(self.action, 1)
        self.add_button(tr("Export…"), self.export)

    def _filter_action(self) -> None:
        prefix = self.action.currentData()
        self.proxy.set_predicate("action", None if prefix is None else lambda e: e.action.startswith(prefix))

    def export(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, tr("Export"), "audit.xlsx", tr("Excel (*.xlsx);;CSV (*.csv)")
            )
            if not path:
                return
        shown: list[AuditRow] = [self.proxy.row_at(self.proxy.index(r, 0)) for r in range(self.proxy.rowCount())]
        ids, target = [row.id for row in shown], Path(path)

        def done(count: int) -> None:
            self.task = None
            self.count.setText(tr("{0} rows written to {1}").replace("{0}", f"{count:,}").replace("{1}", str(target)))
            self.reload()  # the export is in the log now

        # A write: the export is audited.
        self.task = write(
            self,
            self.db,
            lambda session: export_audit(session, self.actor, target, ids),
            done,
            self.show_error,
            label=tr("Exporting…"),
        )


class UsersPage(QWidget):
    def __init__(self, db: Database, actor: Actor, title: str) -> None:
        super().__init__()
        tabs = QTabWidget()
        self.audit = AuditTab(db, actor)
        pages = [(UsersTab(db, actor), tr("Users"))] if can(actor, "users.manage") else []
        for page, name in [*pages, (self.audit, tr("Audit log"))]:
            page.heading.hide()  # the tab names it
            tabs.addTab(page, name)
        layout, _heading = page_layout(self, title)
        layout.addWidget(tabs, 1)
        self.tabs = tabs


def make(db: Database, actor: Actor, title: str) -> QWidget:
    return UsersPage(db, actor, title)
