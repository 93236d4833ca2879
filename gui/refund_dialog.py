"""退款: one dialog for what a clerk decides about a refund — which line, how much, why, and
whether the goods can be sold again — instead of four questions one after another."""

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from gui.text import tr
from orders.receipts import Receipt


class RefundDialog(QDialog):
    def __init__(self, parent: QWidget, receipt: Receipt) -> None:
        super().__init__(parent)
        self.receipt = receipt
        self.setWindowTitle(tr("Refund {0}").replace("{0}", receipt.ref))
        self.setMinimumWidth(440)
        self.line = QComboBox()
        for line in receipt.lines:
            self.line.addItem(f"{line.name}  {line.quantity} {line.unit}", line.name)
        self.quantity = QLineEdit(receipt.lines[0].quantity if receipt.lines else "")
        self.reason = QLineEdit()
        self.back_on_shelf = QCheckBox(tr("The goods can be sold again (back on the shelf)"))
        self.back_on_shelf.setChecked(True)
        self.line.currentIndexChanged.connect(lambda n: self.quantity.setText(receipt.lines[n].quantity))
        form = QFormLayout(self)
        form.addRow(tr("Line to refund"), self.line)
        form.addRow(tr("Quantity"), self.quantity)
        form.addRow(tr("Reason"), self.reason)
        form.addRow(self.back_on_shelf)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.line.setFocus()

    def lines(self) -> dict[str, str]:
        """The chosen line's product name and the quantity to refund (the service checks it)."""
        return {self.line.currentData(): self.quantity.text()}
