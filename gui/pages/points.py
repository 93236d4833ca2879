"""积分超市: redemption at a points supermarket by keyboard and scanner (the card, then the goods,
F4 confirms, Esc clears), a meeting's awards (one rule, the households ticked) and the proposals
that wait for a second person. Everything goes through orders.points* on the worker."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.auth import APPROVERS, Actor, can
from core.db import Database
from core.places import place_name
from gui.pages.common import page_layout, recent_months
from gui.printing import print_pdf
from gui.table import Col, RecordModel
from gui.tasks import CHANGES, message_for, read, write
from gui.text import tr
from orders import points, points_counter
from orders.points_proposals import award_households, award_villages, pending, rules_on
from orders.points_reports import points_month, points_notice

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from core.models import PointsGood
    from orders.points import Outcome
    from orders.points_counter import Card, Redeemed
    from orders.points_proposals import Awardable, Pending


@dataclass
class Line:
    code: str
    name: str
    unit: str
    price: int
    quantity: int = 1


class RedeemTab(QWidget):
    """One scan field, as at the checkout: a card (or a typed household code) first, then goods."""

    def __init__(self, db: Database, actor: Actor) -> None:
        super().__init__()
        self.db, self.actor = db, actor
        self.card: Card | None = None
        self.lines: list[Line] = []
        self.last: Redeemed | None = None
        self.counter = QComboBox()
        self.scan_field = QLineEdit()
        self.scan_field.setPlaceholderText(
            tr("Scan the household's card, then the goods (F4 redeems, F5 prints the receipt, Esc clears)")
        )
        self.scan_field.returnPressed.connect(self.scanned)
        self.who = QLabel(tr("No card scanned."))
        self.who.setObjectName("bigTotal")
        self.model = RecordModel(
            [
                Col(tr("Good"), lambda ln: ln.name),
                Col(tr("Quantity"), lambda ln: f"{ln.quantity} {ln.unit}", right=True),
                Col(tr("Points"), lambda ln: str(ln.quantity * ln.price), right=True),
            ]
        )
        table = QTableView()
        table.setModel(self.model)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.total = QLabel()
        self.total.setObjectName("bigTotal")
        self.message = QLabel()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Points supermarket")))
        top.addWidget(self.counter)
        top.addWidget(self.scan_field, 3)
        layout.addLayout(top)
        layout.addWidget(self.who)
        layout.addWidget(table, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.message)
        for key, action in (("F4", self.confirm), ("F5", self.reprint), ("Escape", self.clear)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        read(self, db, points_counter.supermarkets, self._counters, self._failed)
        self._show()

    def _counters(self, codes: list[str]) -> None:
        for code in codes:
            self.counter.addItem(code, code)
        if self.actor.counter_code in codes:
            self.counter.setCurrentIndex(codes.index(self.actor.counter_code))
        if not codes:
            self.message.setText(tr("No points supermarket yet: an administrator registers one."))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scan_field.setFocus()

    def _failed(self, error: BaseException) -> None:
        self.message.setText(message_for(error))
        self.scan_field.setFocus()

    def scanned(self) -> None:
        text = self.scan_field.text().strip()
        self.scan_field.clear()
        if not text:
            return
        today = dt.date.today()
        if self.card is None or text.startswith("bangfu:h/"):
            read(self, self.db, lambda s: points_counter.card(s, text, today), self._card, self._failed)
        else:
            read(self, self.db, lambda s: points_counter.good(s, text), self._good, self._failed)

    def _card(self, card: "Card") -> None:
        self.card, self.lines, self.last = card, [], None
        self.message.setText("")
        self._show()

    def _good(self, good: "PointsGood") -> None:
        code = good.code
        for line in self.lines:
            if line.code == code:
                line.quantity += 1
                break
        else:
            self.lines.append(Line(code, good.name, good.unit, good.points_price))
        self.message.setText("")
        self._show()

    def spent(self) -> int:
        return sum(line.quantity * line.price for line in self.lines)

    def _show(self) -> None:
        self.model.set_rows(self.lines)
        if self.card is None:
            self.who.setText(tr("No card scanned."))
        else:
            self.who.setText(
                tr("{0} {1}: {2} points")
                .replace("{0}", self.card.code)
                .replace("{1}", self.card.head_name)
                .replace("{2}", str(self.card.balance))
            )
        text = tr("This redemption: {0} points").replace("{0}", str(self.spent()))
        if self.card is not None:
            left = self.card.balance - self.spent()
            text += "　" + tr("left after it: {0}").replace("{0}", str(left))
        self.total.setText(text)

    def confirm(self) -> None:
        """F4: the redemption, checked against the balance in its own transaction."""
        if self.card is None or not self.lines:
            return
        counter, household = self.counter.currentData() or "", self.card.code
        lines = [(line.code, line.quantity) for line in self.lines]
        today = dt.date.today()
        write(
            self,
            self.db,
            lambda s: points_counter.redeem_at(s, self.actor, counter, household, today, lines),
            self._redeemed,
            self._failed,
            changes=("points",),
        )

    def _redeemed(self, done: "Redeemed") -> None:
        self.last, self.card, self.lines = done, None, []
        self._show()
        self.message.setText(
            tr("Redeemed {0}: {1} points spent, {2} left.")
            .replace("{0}", done.ref)
            .replace("{1}", str(done.spent))
            .replace("{2}", str(done.balance))
        )
        self.scan_field.setFocus()

    def reprint(self) -> None:
        """F5: the last redemption's receipt (points spent, balance left)."""
        from reports.points_docs import redemption_receipt  # ReportLab only when a receipt is printed

        done, counter = self.last, self.counter.currentData() or ""
        if done is not None:
            read(self, self.db, lambda _s: redemption_receipt(done, counter), self._print, self._failed)

    def _print(self, data: bytes) -> None:
        print_pdf(self, data, "receipt")

    def clear(self) -> None:
        self.card, self.lines = None, []
        self.message.setText("")
        self._show()
        self.scan_field.setFocus()


class AwardTab(QWidget):
    """评定 at a village meeting: one rule, the households ticked, recorded at once; awards above
    the approval threshold wait for a second person."""

    def __init__(self, db: Database, actor: Actor) -> None:
        super().__init__()
        self.db, self.actor = db, actor
        self.village = QComboBox()
        self.village.currentIndexChanged.connect(self._village_chosen)
        self.rule = QComboBox()
        self.times = QSpinBox()
        self.times.setRange(1, 99)
        self.households = QStandardItemModel()
        self.list = QListView()
        self.list.setModel(self.households)
        self.message = QLabel()
        record = QPushButton(tr("Record awards"))
        record.clicked.connect(self.record)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.village, 2)
        top.addWidget(QLabel(tr("Rule")))
        top.addWidget(self.rule, 3)
        top.addWidget(QLabel(tr("Times")))
        top.addWidget(self.times)
        top.addWidget(record)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        today = dt.date.today()
        read(self, db, lambda s: [(r.code, r.name, r.points) for r in rules_on(s, today)], self._rules, self._failed)
        read(self, db, lambda s: award_villages(s, actor), self._villages, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.message.setText(message_for(error))

    def _rules(self, rules: list[tuple[str, str, int]]) -> None:
        for code, name, worth in rules:
            self.rule.addItem(f"{code} {name}（{worth}）", code)

    def _villages(self, villages: list[tuple[str, str]]) -> None:
        for code, place in villages:
            self.village.addItem(f"{place}（{code}）", code)

    def _village_chosen(self) -> None:
        region = self.village.currentData() or ""
        read(self, self.db, lambda s: award_households(s, self.actor, region), self._households, self._failed)

    def _households(self, rows: "list[Awardable]") -> None:
        self.households.clear()
        for row in rows:
            item = QStandardItem(f"{row.code}  {row.head_name}")
            item.setData(row.code, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            self.households.appendRow(item)

    def ticked(self) -> list[str]:
        rows = (self.households.item(n) for n in range(self.households.rowCount()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in rows if item.checkState() == Qt.CheckState.Checked]

    def record(self) -> None:
        rule, codes, times, today = self.rule.currentData() or "", self.ticked(), self.times.value(), dt.date.today()
        write(
            self,
            self.db,
            lambda s: points.award_many(s, self.actor, rule, today, codes, times),
            self._recorded,
            self._failed,
            changes=("points",),
        )

    def _recorded(self, outcomes: "list[Outcome]") -> None:
        waiting = [o.number for o in outcomes if o.pending]
        counted = len(outcomes) - len(waiting)
        text = tr("{0} awards counted.").replace("{0}", str(counted))
        if waiting:
            text += " " + tr("{0} wait for approval: {1}").replace("{0}", str(len(waiting))).replace(
                "{1}", ", ".join(waiting)
            )
        self.message.setText(text)
        for n in range(self.households.rowCount()):
            self.households.item(n).setCheckState(Qt.CheckState.Unchecked)


class ApprovalsTab(QWidget):
    """审核: what waits for a second person; a manager or administrator approves or refuses."""

    def __init__(self, db: Database, actor: Actor) -> None:
        super().__init__()
        self.db, self.actor = db, actor
        self.model = RecordModel(
            [
                Col(tr("Number"), lambda p: p.number),
                Col(tr("Date"), lambda p: p.day.isoformat()),
                Col(tr("Household"), lambda p: f"{p.household} {p.head_name}"),
                Col(tr("Rule or reason"), lambda p: p.rule or p.reason),
                Col(tr("Points"), lambda p: f"{p.points:+d}", right=True),
                Col(tr("Proposed by"), lambda p: p.proposed_by),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        if actor.role in APPROVERS:
            for text, action in ((tr("Approve"), self.approve), (tr("Refuse…"), self.refuse)):
                button = QPushButton(text)
                button.clicked.connect(action)
                buttons.addWidget(button)
        layout.addLayout(buttons)
        CHANGES.changed.connect(self._changed)
        self.reload()

    def _changed(self, kinds: frozenset[str]) -> None:
        if "points" in kinds:
            self.reload()

    def reload(self) -> None:
        read(self, self.db, lambda s: pending(s, self.actor), self._loaded, self._failed, view="pending")

    def _loaded(self, rows: "list[Pending]") -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def _failed(self, error: BaseException) -> None:
        self.message.setText(message_for(error))

    def selected(self) -> "Pending | None":
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def approve(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        number = chosen.number
        write(
            self,
            self.db,
            lambda s: points.approve(s, self.actor, number),
            lambda ref: self.message.setText(tr("{0} approved: {1}").replace("{0}", number).replace("{1}", ref)),
            self._failed,
            changes=("points",),
        )

    def refuse(self, why: str | None = None) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if why is None:
            from PySide6.QtWidgets import QInputDialog

            why, ok = QInputDialog.getText(self, tr("Refuse…"), tr("Why is it refused?"))
            if not ok:
                return
        number, reason = chosen.number, why
        write(
            self,
            self.db,
            lambda s: points.refuse(s, self.actor, number, reason),
            lambda _none: self.message.setText(tr("{0} refused.").replace("{0}", number)),
            self._failed,
            changes=("points",),
        )


class ReportsTab(QWidget):
    """The month's report (PDF or XLSX), a village's public notice and its households' cards."""

    def __init__(self, db: Database, actor: Actor) -> None:
        super().__init__()
        self.db, self.actor = db, actor
        self.month = QComboBox()
        for month in recent_months(dt.date.today()):
            self.month.addItem(month, month)
        self.month.setCurrentIndex(1)  # the last month that has ended
        self.village = QComboBox()
        self.message = QLabel()
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Month")))
        row.addWidget(self.month)
        row.addWidget(self.village, 2)
        for text, what in ((tr("Month report…"), "month"), (tr("Public notice…"), "notice"), (tr("Cards…"), "cards")):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, w=what: self.ask(w))
            row.addWidget(button)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)
        read(self, db, lambda s: award_villages(s, actor), self._villages, self._failed)

    def _villages(self, villages: list[tuple[str, str]]) -> None:
        for code, place in villages:
            self.village.addItem(f"{place}（{code}）", code)

    def _failed(self, error: BaseException) -> None:
        self.message.setText(message_for(error))

    def ask(self, what: str) -> None:
        from PySide6.QtWidgets import QFileDialog

        month, region = self.month.currentData(), self.village.currentData() or ""
        name = {
            "month": f"积分月报-{month}.pdf",
            "notice": f"积分公示-{region}-{month}.pdf",
            "cards": f"积分卡-{region}.pdf",
        }
        kinds = "PDF (*.pdf);;Excel (*.xlsx)" if what == "month" else "PDF (*.pdf)"
        path, _filter = QFileDialog.getSaveFileName(self, tr("Save…"), name[what], kinds)
        if path:
            self.save(what, path)

    def save(self, what: str, path: str) -> None:
        """Render on the worker and write ``path`` (a month report ending in .xlsx is a workbook)."""
        month, region = self.month.currentData(), self.village.currentData() or ""

        def write_file(session: "Session") -> str:
            from reports import points_docs

            today = dt.date.today()
            if what == "month":
                data = points_month(session, self.actor, month)
                if path.endswith(".xlsx"):
                    points_docs.points_month_xlsx(data, Path(path))
                    return path
                Path(path).write_bytes(points_docs.points_month_pdf(data))
            elif what == "notice":
                rows = points_notice(session, self.actor, month, region)
                Path(path).write_bytes(points_docs.points_notice_pdf(month, region, place_name(region), rows, today))
            else:
                codes = points_counter.household_codes(session, region)
                Path(path).write_bytes(points_docs.cards_pdf([points_counter.card(session, c, today) for c in codes]))
            return path

        read(
            self,
            self.db,
            write_file,
            lambda done: self.message.setText(tr("Saved {0}.").replace("{0}", done)),
            self._failed,
        )


class PointsPage(QWidget):
    def __init__(self, db: Database, actor: Actor, title: str) -> None:
        super().__init__()
        layout, _heading = page_layout(self, title)
        self.tabs = QTabWidget()
        self.redeem = RedeemTab(db, actor) if can(actor, "points.redeem") else None
        if self.redeem is not None:
            self.tabs.addTab(self.redeem, tr("Redeem"))
        self.awards = AwardTab(db, actor) if can(actor, "points.award") else None
        if self.awards is not None:
            self.tabs.addTab(self.awards, tr("Awards"))
        self.approvals = ApprovalsTab(db, actor)
        self.tabs.addTab(self.approvals, tr("Approvals"))
        self.reports = ReportsTab(db, actor)
        self.tabs.addTab(self.reports, tr("Reports"))
        layout.addWidget(self.tabs, 1)


def make(db: Database, actor: Actor, title: str) -> PointsPage:
    return PointsPage(db, actor, title)
