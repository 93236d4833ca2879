"""收银台: the checkout. One always-focused scan field, the cart, big total, keyboard shortcuts.

Every change to the cart is saved at once (a restart loses nothing); paying commits the sale in
one transaction before the receipt appears; the cart's key makes a second press of "pay" return
the same sale.
"""

import datetime as dt
from collections.abc import Callable
from copy import deepcopy
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

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

from core.auth import Actor, Approval, ask_approval, can
from core.config import business_day
from core.db import Database
from core.errors import BangfuError
from core.money import format_fen, parse_yuan, quantity_text
from gui.login import PasswordDialog
from gui.printing import print_pdf
from gui.refund_dialog import RefundDialog
from gui.table import Col, RecordModel
from gui.tasks import message_for, read, write
from gui.text import QT_TRANSLATE_NOOP, tr
from orders.cart import Cart, CartLine
from orders.counter import (
    CounterState,
    Scanned,
    Suggestion,
    checkout,
    counter_state,
    held_carts,
    hold_cart,
    matches,
    recall_cart,
    save_open_cart,
    scan,
)
from orders.ledger import PaymentDraft, SaleRecorded
from orders.receipts import Receipt, refund_receipt, sale_receipt
from orders.refunds import RefundDraft, RefundRecorded, picked_lines, receipt_to_refund, record_refund
from orders.shifts import ZReport, close_shift, open_shift

if TYPE_CHECKING:  # only in annotations (see the contracts)
    from sqlalchemy.orm import Session

    from core.models import Shift

T = TypeVar("T")

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


class ApprovalDialog(PasswordDialog):
    """A manager types their user name and password to approve one action (audited as theirs);
    the same keyboard as every password dialog: first field, Tab to 确定 and 取消, Enter submits."""

    def __init__(self, parent: QWidget, db: Database, permission: str, what: str) -> None:
        super().__init__(parent, db, tr("Manager approval"), what)
        self.permission = permission
        self.approval: Approval | None = None
        self.username = self.line(tr("Manager"))
        self.password = self.line(tr("Password"), secret=True)

    def operation(self) -> "Callable[[Session], object]":
        username, password, permission = self.username.text(), self.password.text(), self.permission
        return lambda session: ask_approval(session, username, password, permission)

    def take(self, result: object) -> Actor:
        if isinstance(result, BangfuError):
            raise result
        assert isinstance(result, Approval)
        self.approval = result
        return result.actor


def _receipts() -> ModuleType:
    """reports.receipts, loaded on the worker at the first print: ReportLab takes 0.15 s to
    import, and the checkout opens without it (a test holds it)."""
    import reports.receipts

    return reports.receipts


def receipt_width() -> int:
    """This PC's receipt paper (设置), in millimetres."""
    return int(str(QSettings().value("receipt_width", 58)))


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
    """Every database step runs on the worker, one after another in the order the clerk made
    them, so a scan typed while the previous one is still being looked up lands after it. The
    cart lives here; each change is saved from a copy of it."""

    def __init__(self, db: Database, actor: Actor, title: str) -> None:
        super().__init__()
        self.db, self.actor = db, actor
        # A cashier's own counter; otherwise the counter this PC is bound to (设置), else the first.
        self.counter_code: str | None = actor.counter_code or str(QSettings().value("counter", "")) or None
        self.cart = Cart(self.counter_code or "")
        self.shift_number: int | None = None  # the open shift, read with the cart
        self.approval: Approval | None = None  # a manager's approval of this cart's price changes
        self.last_sale: SaleRecorded | None = None
        self.last_refund: str | None = None
        self.last_z: bytes | None = None
        self.z_report: ZReport | None = None  # the last shift closed here
        self.last_document: Callable[[Session], bytes | None] = self.receipt_pdf  # what F5 prints
        self.pending = 0  # steps sent to the worker whose answer has not come back yet
        self.paying = False
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

        self.refresh()
        self.scan_field.setFocus()
        self._watched: QWidget | None = None
        self._read(lambda session: counter_state(session, self.counter_code), self._opened)

    def _opened(self, state: CounterState) -> None:
        """The counter's unfinished cart after a restart, and its open shift."""
        self.counter_code = state.counter_code
        self.cart = state.cart
        self.shift_number = state.shift_number
        self.refresh()

    # -- the worker ------------------------------------------------------------------------------

    def _read(
        self,
        op: "Callable[[Session], T]",
        then: Callable[[T], None],
        refused: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.pending += 1
        read(self, self.db, op, self._back(then), self._back(refused or self._refused))

    def _write(self, op: "Callable[[Session], T]", then: Callable[[T], None], changes: tuple[str, ...] = ()) -> None:
        self.pending += 1
        write(self, self.db, op, self._back(then), self._back(self._refused), changes=changes)

    def _back(self, then: Callable[[T], None]) -> Callable[[T], None]:
        def arrived(result: T) -> None:
            self.pending -= 1
            then(result)

        return arrived

    def _refused(self, error: BaseException) -> None:
        self.paying = False
        self.say(message_for(error), error=True)

    def when_settled(self, then: Callable[[], None]) -> None:
        """Run ``then`` once every step sent so far has come back (paying sees every scan)."""
        if not self.pending:
            then()
            return
        self._read(lambda _session: None, lambda _none: self.when_settled(then))

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
        if not self.counter_code:
            self.shift_label.setText(tr("No counter is registered yet."))
        elif self.shift_number is None:
            self.shift_label.setText(tr("Counter {0} · no shift open (F9)").replace("{0}", self.counter_code))
        else:
            self.shift_label.setText(
                tr("Counter {0} · shift #{1}").replace("{0}", self.counter_code).replace("{1}", str(self.shift_number))
            )

    def _save(self) -> None:
        """After every change: the cart as it is now is saved (a restart loses nothing)."""
        copy = deepcopy(self.cart)
        self._write(lambda session: save_open_cart(session, copy), lambda _none: None)
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
        if not self.cart.lines and self.shift_number is None:  # asks for the cash float first
            self.say(tr("Open the shift first (F9): a sale needs an open shift."), error=True)
            self.shift(then=lambda: self.add_line(line, warning))
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
        # The field is free at once for the next scan; a refused code comes back into it.
        self.scan_field.clear()
        self.suggestions.hide()
        counter = self.counter_code
        self._read(
            lambda session: scan(session, text, business_day(session), counter), self._scanned, self._scan_refused(text)
        )

    def _scan_refused(self, text: str) -> Callable[[BaseException], None]:
        def refused(error: BaseException) -> None:
            self.say(message_for(error), error=True)  # the cart is unchanged
            if not self.scan_field.text():
                self.scan_field.setText(text)
                self.scan_field.selectAll()

        return refused

    def _scanned(self, hit: Scanned) -> None:
        if not self.counter_code:
            self.say(tr("No counter is registered yet."), error=True)
            return
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
        # The newest keystroke's matches win over those of a slower earlier one.
        read(self, self.db, lambda session: matches(session, text, business_day(session)), self._suggest, self._refused,
             view="suggestions")  # fmt: skip

    def _suggest(self, found: list[Suggestion]) -> None:
        if not self.scan_field.text().strip():  # scanned or cleared meanwhile
            return
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

    def manager_approval(self, permission: str, what: str) -> Approval | None:
        """A manager's approval typed in the real dialog; None when it was cancelled."""
        dialog = ApprovalDialog(self, self.db, permission, what)
        return dialog.approval if dialog.exec() == QDialog.DialogCode.Accepted else None

    def approver(self, permission: str, what: str) -> Actor | None:
        """Who the action is recorded as: the clerk if they may do it, else the manager who
        approved it in the dialog; None when the approval was cancelled."""
        if can(self.actor, permission):
            return self.actor
        approval = self.manager_approval(permission, what)
        return approval.actor if approval else None

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

    def change_price(self, price: str | None = None) -> None:
        """Only with a manager's password; the override is recorded in the audit log on payment."""
        if not self.cart.lines:
            return
        row = self.selected_row()
        approval = None
        if not can(self.actor, "price.override"):
            approval = self.manager_approval("price.override", tr("Approve a price change"))
            if approval is None:
                return
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

    def pay(self, payments: tuple[PaymentDraft, ...] | None = None) -> None:
        """Once every scan sent so far is in the cart: the payment, then the sale committed on the
        worker; only then does the receipt exist and the change show."""
        if self.paying:  # a second press while the sale is being written makes no second sale
            return
        self.when_settled(lambda: self._pay(payments))

    def _pay(self, payments: tuple[PaymentDraft, ...] | None) -> None:
        if not self.cart.lines:
            self.say(tr("The cart is empty."), error=True)
            return
        if payments is None:
            dialog = PaymentDialog(self, self.cart.total_fen)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            payments = dialog.payments
        self.paying = True
        cart, approval, chosen = deepcopy(self.cart), self.approval, payments
        self._write(
            lambda session: checkout(session, self.actor, cart, chosen, approval=approval), self._paid, ("sales",)
        )

    def _paid(self, recorded: SaleRecorded) -> None:
        self.paying = False
        self.last_sale, self.approval, self.last_document = recorded, None, self.receipt_pdf
        self.cart = Cart(self.counter_code or "")
        self.refresh()
        # The change takes the total's place, as large, until the next scan: the clerk counts it out.
        self.total.setText(tr("Change {0}").replace("{0}", format_fen(recorded.change_fen)))
        self.say(
            tr("Paid {0}, receipt {1}.").replace("{0}", format_fen(recorded.total_fen)).replace("{1}", recorded.ref)
        )

    # What F5 prints, as operations: the receipt is read and rendered on the worker.

    def receipt_pdf(self, session: "Session") -> bytes | None:
        """The last sale's receipt."""
        sale = self.last_sale
        return _receipts().render_receipt(sale_receipt(session, sale.ref), receipt_width()) if sale else None

    def refund_pdf(self, session: "Session") -> bytes | None:
        ref = self.last_refund
        return _receipts().render_receipt(refund_receipt(session, ref), receipt_width()) if ref else None

    def z_pdf(self, _session: "Session") -> bytes | None:
        return self.last_z

    def reprint(self) -> None:
        """F5: the last receipt, refund receipt or Z report again."""
        self._read(self.last_document, self._print)

    def _print(self, data: bytes | None) -> None:
        if data is not None:
            print_pdf(self, data, "receipt")

    def hold(self, label: str | None = None) -> None:
        if not self.cart.lines:
            return
        if label is None:
            label, ok = QInputDialog.getText(self, tr("Hold"), tr("Name for the held cart (e.g. the customer)"))
            if not ok:
                return
        cart, name = deepcopy(self.cart), label
        self._write(lambda session: hold_cart(session, cart, name), lambda _none: self.say(tr("Cart held.")))
        self.cart = Cart(self.counter_code or "")
        self.refresh()

    def recall(self, index: int | None = None) -> None:
        code = self.counter_code or ""
        self._read(lambda session: held_carts(session, code), lambda held: self._recall(held, index))

    def _recall(self, held: list[tuple[int, str, Cart]], index: int | None) -> None:
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
        cart_id = held[index][0]
        self._write(lambda session: recall_cart(session, cart_id), self._recalled)

    def _recalled(self, cart: Cart) -> None:
        self.cart = cart
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
        self, ref: str | None = None, lines: dict[str, str] | None = None, reason: str = "", back_on_shelf: bool = True
    ) -> None:
        """Find the sale by receipt number, choose quantities per product code, say whether the
        goods go back on the shelf, a manager approves."""
        if ref is None:
            ref, ok = QInputDialog.getText(self, tr("Refund"), tr("Receipt number"))
            if not ok or not ref.strip():
                return
        wanted = ref.strip()
        self._read(
            lambda session: receipt_to_refund(session, wanted),
            lambda receipt: self._refund(receipt, lines, reason, back_on_shelf),
        )

    def _refund(self, receipt: Receipt, lines: dict[str, str] | None, reason: str, back_on_shelf: bool) -> None:
        if lines is None:
            dialog = RefundDialog(self, receipt)  # opened, not run: the page's loop goes on
            dialog.accepted.connect(lambda: self._refund_chosen(dialog))
            dialog.open()
            return
        approver = self.approver("sale.refund", tr("Approve a refund"))
        if approver is None:
            return
        picked_by_name, why, now = lines, reason, dt.datetime.now(dt.UTC)

        def op(session: "Session") -> RefundRecorded:
            picked = picked_lines(session, receipt.ref, picked_by_name)
            draft = RefundDraft(receipt.ref, now, picked, why, method="cash", back_on_shelf=back_on_shelf)
            return record_refund(session, approver, draft)

        self._write(op, self._refunded, ("sales",))

    def _refund_chosen(self, dialog: RefundDialog) -> None:
        self._refund(dialog.receipt, dialog.lines(), dialog.reason.text(), dialog.back_on_shelf.isChecked())

    def _refunded(self, done: RefundRecorded) -> None:
        self.last_refund, self.last_document = done.ref, self.refund_pdf
        self.say(
            tr("Refunded {0} in cash, refund {1}.").replace("{0}", format_fen(done.total_fen)).replace("{1}", done.ref)
        )

    def shift(self, amount: str | None = None, then: Callable[[], None] | None = None) -> None:
        """Open a shift with a cash float, or close the open one with the counted cash (a manager).
        ``then`` runs once a shift has been opened (the line that asked for it is added)."""
        if not self.counter_code:
            return
        if amount is None:
            question = (
                tr("Cash float to start the shift") if self.shift_number is None else tr("Cash counted in the drawer")
            )
            amount, ok = QInputDialog.getText(self, tr("Shift"), question, text="0")
            if not ok:
                return
        try:
            fen = parse_yuan(amount, tr("amount"))
        except BangfuError as exc:
            self.say(str(exc), error=True)
            return
        code = self.counter_code
        if self.shift_number is None:

            def opened(shift: "Shift") -> None:
                self.shift_number = shift.number
                self.refresh()
                if then is not None:
                    then()

            self._write(lambda session: open_shift(session, self.actor, code, fen), opened, ("shifts",))
            return
        approver = self.approver("shift.close", tr("Approve closing the shift"))
        if approver is None:
            return

        def op(session: "Session") -> tuple[ZReport, bytes]:
            report = close_shift(session, approver, code, fen)
            return report, _receipts().render_z_report(report)

        self._write(op, self._closed, ("shifts",))

    def _closed(self, closed: tuple[ZReport, bytes]) -> None:
        report, self.last_z = closed
        self.z_report, self.shift_number, self.last_document = report, None, self.z_pdf
        self.refresh()
        self.say(tr("Shift closed. Difference {0}.").replace("{0}", format_fen(report.difference_fen)))


def make(db: Database, actor: Actor, title: str) -> QWidget:
    return CounterPage(db, actor, title)
