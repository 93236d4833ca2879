"""收银台: the checkout. One always-focused scan field, the cart, big total, keyboard shortcuts.

Every change to the cart is saved at once (a restart loses nothing); paying commits the sale in
one transaction before the receipt appears; the cart's key makes a second press of "pay" return
the same sale.
"""

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.auth import Actor, Approval, PermissionDenied, approve, can
from core.db import Database
from core.errors import BangfuError
from core.money import format_fen, parse_yuan, quantity_text
from gui.login import PasswordDialog
from gui.printing import print_pdf
from gui.table import Col, RecordModel
from gui.text import QT_TRANSLATE_NOOP, tr
from orders.cart import Cart, CartLine
from orders.counter import (
    checkout,
    counters,
    held_carts,
    hold_cart,
    matches,
    open_cart,
    recall_cart,
    save_open_cart,
    scan,
)
from orders.ledger import PaymentDraft, SaleRecorded
from orders.receipts import refund_receipt, sale_receipt
from orders.refunds import RefundDraft, picked_lines, record_refund
from orders.shifts import close_shift, current_shift, open_shift
from reports.receipts import render_receipt, render_z_report

METHODS = (
    ("wechat", QT_TRANSLATE_NOOP("", "WeChat Pay")),
    ("alipay", QT_TRANSLATE_NOOP("", "Alipay")),
    ("unionpay", QT_TRANSLATE_NOOP("", "UnionPay card")),
)
# Marked for lupdate here; tr() translates them where they are shown.
SHORTCUTS = (
    ("F1", QT_TRANSLATE_NOOP("", "Help")),
    ("F2", QT_TRANSLATE_NOOP("", "Quantity")),
    ("F3", QT_TRANSLATE_NOOP("", "Change price")),
    ("F4", QT_TRANSLATE_NOOP("", "Pay")),
    ("F5", QT_TRANSLATE_NOOP("", "Print receipt again")),
    ("F6", QT_TRANSLATE_NOOP("", "Hold")),
    ("F7", QT_TRANSLATE_NOOP("", "Recall")),
    ("F8", QT_TRANSLATE_NOOP("", "Refund")),
    ("F9", QT_TRANSLATE_NOOP("", "Shift")),
    ("Del", QT_TRANSLATE_NOOP("", "Remove line")),
    ("Esc", QT_TRANSLATE_NOOP("", "Clear")),
)


def workstation_counter(db: Database, actor: Actor) -> str | None:
    """A cashier's own counter; otherwise the counter this PC is bound to (设置), else the first."""
    if actor.counter_code:
        return actor.counter_code
    bound = QSettings().value("counter", "")
    if bound:
        return str(bound)
    with db.read_session() as session:
        registered = counters(session)
    return registered[0].code if registered else None


class ApprovalDialog(PasswordDialog):
    """A manager types their user name and password to approve one action (audited as theirs);
    the same keyboard as every password dialog: first field, Tab to 确定 and 取消, Enter submits."""

    def __init__(self, parent: QWidget, db: Database, permission: str, what: str) -> None:
        super().__init__(parent, tr("Manager approval"), what)
        self.db, self.permission = db, permission
        self.approval: Approval | None = None
        self.username = self.line(tr("Manager"))
        self.password = self.line(tr("Password"), secret=True)

    @property
    def approver(self) -> Actor | None:
        return self.approval.actor if self.approval else None

    def attempt(self) -> Actor:
        with self.db.session() as session:
            session.begin()
            try:
                self.approval = approve(session, self.username.text(), self.password.text(), self.permission)
            except PermissionDenied:
                raise BangfuError(
                    tr("{0} may not approve this.").replace("{0}", self.username.text().strip())
                ) from None
            finally:
                session.commit()  # a refused password is audited too
        return self.approval.actor


class PaymentDialog(QDialog):
    """Cash with tendered and change, WeChat Pay, Alipay, UnionPay, or a mix that adds up exactly."""

    def __init__(self, parent: QWidget, total_fen: int) -> None:
        super().__init__(parent)
        self.total_fen = total_fen
        self.payments: tuple[PaymentDraft, ...] = ()
        self.setWindowTitle(tr("Payment"))
        self.setMinimumWidth(420)
        total = QLabel(format_fen(total_fen))
        total.setObjectName("bigTotal")
        self.tendered = QLineEdit()
        self.tendered.setPlaceholderText(tr("cash handed over (empty: exact)"))
        self.amounts: dict[str, QLineEdit] = {}
        self.refs: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(tr("To pay"), total)
        form.addRow(tr("Cash tendered"), self.tendered)
        for method, name in METHODS:
            amount, ref = QLineEdit(), QLineEdit()
            amount.setPlaceholderText("0.00")
            ref.setPlaceholderText(tr("reference (optional)"))
            row = QHBoxLayout()
            row.addWidget(amount, 1)
            row.addWidget(ref, 1)
            form.addRow(tr(name), row)
            self.amounts[method], self.refs[method] = amount, ref
            amount.textChanged.connect(self.update_change)
        self.tendered.textChanged.connect(self.update_change)
        self.change = QLabel()
        self.change.setObjectName("change")
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        form.addRow(tr("Change due"), self.change)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.tendered.setFocus()
        self.update_change()

    def build(self) -> tuple[PaymentDraft, ...]:
        """The payments as typed; raises BangfuError when they do not add up."""
        others = []
        for method, field in self.amounts.items():
            if field.text().strip():
                fen = parse_yuan(field.text(), tr("amount"))
                if fen:
                    others.append(PaymentDraft(method, fen, reference=self.refs[method].text().strip() or None))
        cash = self.total_fen - sum(p.amount_fen for p in others)
        if cash < 0:
            raise BangfuError(tr("The card and mobile payments exceed the total."))
        if cash == 0:
            return tuple(others)
        tendered = parse_yuan(self.tendered.text(), tr("cash")) if self.tendered.text().strip() else cash
        if tendered < cash:
            raise BangfuError(tr("Cash tendered is less than the cash part {0}.").replace("{0}", format_fen(cash)))
        return (PaymentDraft("cash", cash, tendered), *others)

    def update_change(self) -> None:
        try:
            payments = self.build()
        except BangfuError as exc:
            self.change.setText("—")
            self.error.setText(str(exc))
            return
        self.error.clear()
        change = sum((p.tendered_fen or p.amount_fen) - p.amount_fen for p in payments)
        self.change.setText(format_fen(change))

    def try_accept(self) -> None:
        try:
            self.payments = self.build()
        except BangfuError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class CounterPage(QWidget):
    def __init__(self, db: Database, actor: Actor, title: str) -> None:
        super().__init__()
        self.db, self.actor = db, actor
        self.counter_code = workstation_counter(db, actor)
        self.approval: Approval | None = None  # a manager's approval of this cart's price changes
        self.last_sale: SaleRecorded | None = None
        self.last_document: Callable[[], bytes | None] = self.receipt_pdf  # what F5 prints
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        self.shift_label = QLabel()
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("scanField")
        self.scan_field.setPlaceholderText(
            tr("Scan a barcode or label, or type a code, name or pinyin initials, then Enter")
        )
        self.scan_field.returnPressed.connect(self.on_enter)
        self.scan_field.textEdited.connect(self.on_typed)
        self.scan_field.installEventFilter(self)
        self.suggestions = QListWidget()
        self.suggestions.setMaximumHeight(150)
        self.suggestions.hide()
        self.suggestions.itemActivated.connect(self.take_suggestion)
        self.message = QLabel()
        self.message.setObjectName("counterMessage")
        self.message.setWordWrap(True)
        self.model = RecordModel(
            [
                Col(tr("Product"), lambda line: f"{line.name}  {line.code}"),
                Col(tr("Quantity"), lambda line: f"{quantity_text(line.quantity_milli)} {line.unit}", right=True),
                Col(
                    tr("Price"),
                    lambda line: format_fen(line.unit_price_fen) + (" *" if line.override_fen is not None else ""),
                    right=True,
                ),
                Col.fen(tr("Amount"), lambda line: line.amount_fen),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name is what a clerk reads
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
        self.total = QLabel()
        self.total.setObjectName("bigTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        keys = QVBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        actions = {
            "F1": self.help,
            "F2": self.change_quantity,
            "F3": self.change_price,
            "F4": self.pay,
            "F5": self.reprint,
            "F6": self.hold,
            "F7": self.recall,
            "F8": self.refund,
            "F9": self.shift,
            "Del": self.remove_line,
            "Esc": self.clear,
        }
        for key, name in SHORTCUTS:
            button = QPushButton(f"{key}  {tr(name)}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(actions[key])
            keys.addWidget(button)
            self.buttons[key] = button
            shortcut = QShortcut(QKeySequence("Delete" if key == "Del" else "Escape" if key == "Esc" else key), self)
            shortcut.activated.connect(actions[key])
        keys.addStretch(1)

        left = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.shift_label)
        left.addLayout(top)
        left.addWidget(self.scan_field)
        left.addWidget(self.suggestions)
        left.addWidget(self.message)
        left.addWidget(self.table, 1)
        left.addWidget(self.total)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 0, 12, 8)
        layout.addLayout(left, 1)
        layout.addLayout(keys)

        with db.read_session() as session:
            self.cart = open_cart(session, self.counter_code) if self.counter_code else Cart("")
        self.shift_open = False  # set by refresh()
        self.refresh()
        self.scan_field.setFocus()
        self._watched: QWidget | None = None

    # -- the keyboard ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Shown after sign-in or on coming back to the page: the scanner types into the scan field.
        The window is watched too, so that closing a dialog or returning to the window does the same."""
        super().showEvent(event)
        window = self.window()
        if window is not self._watched:
            window.installEventFilter(self)
            self._watched = window
        QTimer.singleShot(0, self.scan_field.setFocus)  # after the navigation list took the click

    # -- the cart ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.set_rows(self.cart.lines)
        self.total.setText(tr("Total {0}").replace("{0}", format_fen(self.cart.total_fen)))
        self.table.resizeColumnsToContents()
        if self.counter_code:
            with self.db.read_session() as session:
                shift = current_shift(session, self.counter_code)
            self.shift_open = shift is not None
            self.shift_label.setText(
                tr("Counter {0} · shift #{1}").replace("{0}", self.counter_code).replace("{1}", str(shift.number))
                if shift
                else tr("Counter {0} · no shift open (F9)").replace("{0}", self.counter_code)
            )
        else:
            self.shift_label.setText(tr("No counter is registered yet."))

    def _save(self) -> None:
        with self.db.session() as session, session.begin():
            save_open_cart(session, self.cart)
        self.refresh()

    def say(self, text: str, error: bool = False) -> None:
        self.message.setProperty("error", error)
        self.message.setText(text)
        self.message.style().polish(self.message)
        if error:
            QApplication.beep()

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else len(self.cart.lines) - 1

    def add_line(self, line: CartLine, warning: str = "") -> None:
        if not self.cart.lines and not self.shift_open and self.shift() is None:  # asks for the cash float
            self.say(tr("Open the shift first (F9): a sale needs an open shift."), error=True)
            return
        index = self.cart.add(line)
        self._save()
        self.table.selectRow(index)
        self.say(warning or f"{line.name}  {format_fen(line.price_fen)}/{line.unit}", error=bool(warning))

    # -- scanning ------------------------------------------------------------------------------

    def on_enter(self) -> None:
        if self.suggestions.isVisible() and self.suggestions.currentItem() is not None:
            self.take_suggestion(self.suggestions.currentItem())
            return
        text = self.scan_field.text().strip()
        if not text:
            return
        if not self.counter_code:
            self.say(tr("No counter is registered yet."), error=True)
            return
        try:
            with self.db.read_session() as session:
                hit = scan(session, text, dt.date.today())
        except BangfuError as exc:
            self.say(str(exc), error=True)  # the cart is unchanged
            self.scan_field.selectAll()
            return
        self.scan_field.clear()
        self.suggestions.hide()
        self.add_line(hit.line, hit.warning)

    def on_typed(self, text: str) -> None:
        """Words or pinyin initials list matches; a scanner's digits never reach here slowly.
        Typing again means the clerk has read the last error."""
        if self.message.property("error"):
            self.say("")
        text = text.strip()
        if len(text) < 2 or text.isdigit():
            self.suggestions.hide()
            return
        with self.db.read_session() as session:
            found = matches(session, text, dt.date.today())
        self.suggestions.clear()
        for hit in found:
            line = hit.line
            item = QListWidgetItem(f"{line.name}  {line.code}  {format_fen(line.price_fen)}/{line.unit}")
            item.setData(Qt.ItemDataRole.UserRole, line.code)
            if hit.refusal:  # greyed, skipped by the arrow keys, with the reason beside it
                item.setText(f"{item.text()}  — {hit.refusal}")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.suggestions.addItem(item)
        self.suggestions.setVisible(bool(found))
        self.suggestions.setCurrentRow(-1)  # Enter without choosing scans what was typed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down move through the matches while the scan field keeps the focus; the window
        becoming active again (a dialog closed, the clerk came back) gives the scan field the keyboard."""
        if event.type() == QEvent.Type.WindowActivate and watched is self._watched and self.isVisible():
            self.scan_field.setFocus()
        pressed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if watched is self.scan_field and pressed and self.suggestions.isVisible():
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step:
                self._move_suggestion(step)
                return True
        return False

    def _move_suggestion(self, step: int) -> None:
        """To the next match that can be sold, staying put at either end."""
        row = self.suggestions.currentRow() + step
        while 0 <= row < self.suggestions.count():
            if self.suggestions.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
                self.suggestions.setCurrentRow(row)
                return
            row += step

    def take_suggestion(self, item: QListWidgetItem) -> None:
        self.scan_field.setText(item.data(Qt.ItemDataRole.UserRole))
        self.suggestions.hide()
        self.on_enter()

    # -- actions -------------------------------------------------------------------------------

    def help(self) -> None:
        QMessageBox.information(self, tr("Help"), "\n".join(f"{key}  {tr(name)}" for key, name in SHORTCUTS))

    def change_quantity(self, text: str | None = None) -> None:
        if not self.cart.lines:
            return
        row = self.selected_row()
        line = self.cart.lines[row]
        if text is None:
            text, ok = QInputDialog.getText(
                self, tr("Quantity"), f"{line.name} ({line.unit})", text=quantity_text(line.quantity_milli)
            )
            if not ok:
                return
        try:
            self.cart.set_quantity(row, text)
        except BangfuError as exc:
            self.say(str(exc), error=True)
            return
        self._save()
        self.table.selectRow(row)

    def change_price(self, price: str | None = None, approval: Approval | None = None) -> None:
        """Only with a manager's password; the override is recorded in the audit log on payment."""
        if not self.cart.lines:
            return
        row = self.selected_row()
        if approval is None and not can(self.actor, "price.override"):
            dialog = ApprovalDialog(self, self.db, "price.override", tr("Approve a price change"))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            approval = dialog.approval
        if price is None:
            price, ok = QInputDialog.getText(self, tr("Change price"), self.cart.lines[row].name)
            if not ok:
                return
        try:
            self.cart.lines[row].override_fen = parse_yuan(price)
        except BangfuError as exc:
            self.say(str(exc), error=True)
            return
        self.approval = approval
        self.cart.approver = approval.actor.username if approval else self.actor.username
        self._save()

    def pay(self, payments: tuple[PaymentDraft, ...] | None = None) -> SaleRecorded | None:
        if not self.cart.lines:
            self.say(tr("The cart is empty."), error=True)
            return None
        if payments is None:
            dialog = PaymentDialog(self, self.cart.total_fen)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            payments = dialog.payments
        try:
            with self.db.session() as session, session.begin():
                recorded = checkout(session, self.actor, self.cart, payments, approval=self.approval)
        except BangfuError as exc:
            self.say(str(exc), error=True)
            return None
        # Committed: only now does the receipt exist.
        self.last_sale, self.approval, self.last_document = recorded, None, self.receipt_pdf
        self.cart = Cart(self.counter_code or "")
        self.refresh()
        # The change takes the total's place, as large, until the next scan: the clerk counts it out.
        self.total.setText(tr("Change {0}").replace("{0}", format_fen(recorded.change_fen)))
        self.say(
            tr("Paid {0}, receipt {1}.").replace("{0}", format_fen(recorded.total_fen)).replace("{1}", recorded.ref)
        )
        return recorded

    def receipt_pdf(self, refund_ref: str | None = None) -> bytes | None:
        """The last sale's receipt, or a refund's."""
        width = int(str(QSettings().value("receipt_width", 58)))
        with self.db.read_session() as session:
            if refund_ref is not None:
                return render_receipt(refund_receipt(session, refund_ref), width)
            if self.last_sale is None:
                return None
            return render_receipt(sale_receipt(session, self.last_sale.ref), width)

    def reprint(self) -> None:
        """F5: the last receipt, refund receipt or Z report again."""
        data = self.last_document()
        if data is not None:
            print_pdf(self, data, "receipt")

    def hold(self, label: str | None = None) -> None:
        if not self.cart.lines:
            return
        if label is None:
            label, ok = QInputDialog.getText(self, tr("Hold"), tr("Name for the held cart (e.g. the customer)"))
            if not ok:
                return
        with self.db.session() as session, session.begin():
            hold_cart(session, self.cart, label)
        self.cart = Cart(self.counter_code or "")
        self.refresh()
        self.say(tr("Cart held."))

    def recall(self, index: int | None = None) -> None:
        with self.db.read_session() as session:
            held = held_carts(session, self.counter_code or "")
        if not held:
            self.say(tr("No held carts."), error=True)
            return
        if index is None:
            names = [f"{label}  {format_fen(cart.total_fen)}" for _id, label, cart in held]
            chosen, ok = QInputDialog.getItem(self, tr("Recall"), tr("Held carts"), names, 0, False)
            if not ok:
                return
            index = names.index(chosen)
        if self.cart.lines:
            self.hold(tr("held cart"))
        with self.db.session() as session, session.begin():
            self.cart = recall_cart(session, held[index][0])
        self.refresh()

    def remove_line(self) -> None:
        if self.cart.lines:
            self.cart.remove(self.selected_row())
            self._save()

    def clear(self) -> None:
        if self.suggestions.isVisible() or self.scan_field.text():
            self.scan_field.clear()
            self.suggestions.hide()
            return
        if self.cart.lines:
            self.cart = Cart(self.counter_code or "")
            self._save()

    def refund(
        self,
        ref: str | None = None,
        lines: dict[str, str] | None = None,
        reason: str = "",
        approver: Actor | None = None,
    ) -> str | None:
        """Find the sale by receipt number, choose quantities per product code, a manager approves."""
        if ref is None:
            ref, ok = QInputDialog.getText(self, tr("Refund"), tr("Receipt number"))
            if not ok or not ref.strip():
                return None
        with self.db.read_session() as session:
            try:
                receipt = sale_receipt(session, ref.strip())
            except BangfuError as exc:
                self.say(str(exc), error=True)
                return None
        if lines is None:
            names = [f"{line.name}  {line.quantity} {line.unit}" for line in receipt.lines]
            chosen, ok = QInputDialog.getItem(self, tr("Refund"), tr("Line to refund"), names, 0, False)
            if not ok:
                return None
            quantity, ok = QInputDialog.getText(
                self, tr("Refund"), tr("Quantity"), text=receipt.lines[names.index(chosen)].quantity
            )
            if not ok:
                return None
            reason, _ok = QInputDialog.getText(self, tr("Refund"), tr("Reason"))
            lines = {receipt.lines[names.index(chosen)].name: quantity}
        if approver is None and not can(self.actor, "sale.refund"):
            dialog = ApprovalDialog(self, self.db, "sale.refund", tr("Approve a refund"))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            approver = dialog.approver
        try:
            with self.db.session() as session, session.begin():
                picked = picked_lines(session, receipt.ref, lines)
                done = record_refund(
                    session,
                    approver or self.actor,
                    RefundDraft(receipt.ref, dt.datetime.now(dt.UTC), picked, reason, method="cash"),
                )
        except BangfuError as exc:
            self.say(str(exc), error=True)
            return None
        self.say(
            tr("Refunded {0} in cash, refund {1}.").replace("{0}", format_fen(done.total_fen)).replace("{1}", done.ref)
        )
        return done.ref

    def shift(self, amount: str | None = None, approver: Actor | None = None) -> object:
        """Open a shift with a cash float, or close the open one with the counted cash (a manager)."""
        if not self.counter_code:
            return None
        with self.db.read_session() as session:
            shift = current_shift(session, self.counter_code)
        if amount is None:
            question = tr("Cash float to start the shift") if shift is None else tr("Cash counted in the drawer")
            amount, ok = QInputDialog.getText(self, tr("Shift"), question, text="0")
            if not ok:
                return None
        try:
            fen = parse_yuan(amount, tr("amount"))
            if shift is None:
                with self.db.session() as session, session.begin():
                    opened = open_shift(session, self.actor, self.counter_code, fen)
                self.refresh()
                return opened.number
            if approver is None and not can(self.actor, "shift.close"):
                dialog = ApprovalDialog(self, self.db, "shift.close", tr("Approve closing the shift"))
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return None
                approver = dialog.approver
            with self.db.session() as session, session.begin():
                report = close_shift(session, approver or self.actor, self.counter_code, fen)
        except BangfuError as exc:
            self.say(str(exc), error=True)
            return None
        self.refresh()
        self.last_z = render_z_report(report)
        self.last_document = lambda: self.last_z
        self.say(tr("Shift closed. Difference {0}.").replace("{0}", format_fen(report.difference_fen)))
        return report


def make(db: Database, actor: Actor, title: str) -> QWidget:
    return CounterPage(db, actor, title)
