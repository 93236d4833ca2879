"""One form dialog for every record (product, supplier, household, linkage, user, order…).

Fields are described as data; ``save(texts)`` turns the texts by SPEC column name into the
operation that stores them (a service call on a session), which runs on the window's worker in
its own transaction. FormInvalid's messages appear under their fields, and nothing is saved until
every field is right.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from catalog.registry import FormInvalid
from core.db import Database
from core.errors import BangfuError, InvalidValue
from gui.tasks import message_for, read, write

if TYPE_CHECKING:  # only in annotations: the operation runs in a service (see the contracts)
    from sqlalchemy.orm import Session

Operation = Callable[["Session"], object]  # a service call on the worker's session
T = TypeVar("T")


@dataclass(frozen=True)
class Field:
    name: str  # SPEC column name, the key of the form's texts
    label: str
    choices: Sequence[tuple[str, str]] = ()  # (stored value, shown text); empty: free text
    choices_later: bool = False  # a combo whose choices a read fills (FormDialog.load, set_choices)
    date: bool = False
    editable_choice: bool = False  # a combo that also accepts typed text (units, categories)
    placeholder: str = ""
    check: Callable[[str, str], object] | None = None  # a field parser: checked as soon as it is typed


class FormDialog(QDialog):
    """``save(texts)`` returns the operation that stores them, or raises FormInvalid; the
    operation may raise FormInvalid too. Either keeps the dialog open with the messages shown;
    after a committed save ``saved()`` runs (pages announce the change) and the dialog closes."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        fields: Sequence[Field],
        save: Callable[[dict[str, str]], Operation],
        db: Database,
        saved: Callable[[], None] = lambda: None,
        result: Callable[[Any], None] = lambda _value: None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._save, self.db, self._saved, self._result = save, db, saved, result
        self.saving = False  # an operation is on the worker: a second press does nothing
        self.loading = 0  # reads that fill the form are still on the worker: Save waits for them
        self.inputs: dict[str, QLineEdit | QComboBox | QDateEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for field in fields:
            widget = self._input(field)
            error = QLabel()
            error.setObjectName("fieldError")
            error.setVisible(False)
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow(field.label, box)
            self.inputs[field.name] = widget
            self.errors[field.name] = error
            if field.check is not None and isinstance(widget, QLineEdit):
                widget.editingFinished.connect(lambda f=field, w=widget: self._check(f, w.text()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @staticmethod
    def _input(field: Field) -> QLineEdit | QComboBox | QDateEdit:
        if field.date:
            date = QDateEdit()
            date.setDisplayFormat("yyyy-MM-dd")
            date.setCalendarPopup(True)
            date.setDate(QDate.currentDate())
            return date
        if field.choices or field.choices_later:
            combo = QComboBox()
            combo.setEditable(field.editable_choice)
            for value, text in field.choices:
                combo.addItem(text, value)
            return combo
        line = QLineEdit()
        line.setPlaceholderText(field.placeholder)
        return line

    def load(self, op: "Callable[[Session], T]", fill: Callable[[T], None]) -> None:
        """Fill the form from a service read on the worker (the dialog opens at once); Save
        is enabled once every read has arrived, so a half-filled form is never saved."""
        self.loading += 1
        self.save_button.setEnabled(False)

        def arrived(result: T) -> None:
            self.loading -= 1
            fill(result)
            self.save_button.setEnabled(not self.loading and not self.saving)

        def missed(error: BaseException) -> None:
            self.loading -= 1
            self._refused(error)

        read(self, self.db, op, arrived, missed)

    def set_choices(self, name: str, choices: Sequence[tuple[str, str]]) -> None:
        combo = self.inputs[name]
        assert isinstance(combo, QComboBox)
        for value, text in choices:
            combo.addItem(text, value)

    def set_values(self, values: dict[str, str]) -> None:
        for name, value in values.items():
            widget = self.inputs.get(name)
            if isinstance(widget, QDateEdit):
                widget.setDate(QDate.fromString(value, "yyyy-MM-dd"))
            elif isinstance(widget, QComboBox):
                index = widget.findData(value)
                if index >= 0:
                    widget.setCurrentIndex(index)
                else:
                    widget.setEditText(value)
            elif isinstance(widget, QLineEdit):
                widget.setText(value)

    def values(self) -> dict[str, str]:
        texts = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QDateEdit):
                texts[name] = widget.date().toString("yyyy-MM-dd")
            elif isinstance(widget, QComboBox):
                data = widget.currentData()
                texts[name] = (
                    data
                    if data is not None and widget.currentText() == widget.itemText(widget.currentIndex())
                    else widget.currentText()
                )
            else:
                texts[name] = widget.text()
        return texts

    def _check(self, field: Field, text: str) -> None:
        """The field's own rule on leaving it, so a typo is seen at once, not on saving."""
        problem = ""
        if text.strip() and field.check is not None:
            try:
                field.check(text.strip(), field.name)
            except InvalidValue as exc:
                problem = exc.reason
        self.errors[field.name].setText(problem)
        self.errors[field.name].setVisible(bool(problem))

    def show_errors(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)
        unplaced = {k: v for k, v in problems.items() if k not in self.errors}
        if unplaced:
            QMessageBox.warning(self, self.windowTitle(), "\n".join(f"{k}: {v}" for k, v in unplaced.items()))

    def try_save(self) -> None:
        if self.saving or self.loading:
            return
        try:
            operation = self._save(self.values())
        except BangfuError as exc:
            self._refused(exc)
            return

        def done(value: object) -> None:
            self.saving = False
            self._result(value)  # what the operation returned (a document's number, say)
            self._saved()
            self.accept()

        self.saving = True
        self.save_button.setEnabled(False)
        write(self, self.db, operation, done, self._refused)

    def _refused(self, error: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(not self.loading)
        if isinstance(error, FormInvalid):
            self.show_errors(error.problems)
        elif isinstance(error, InvalidValue) and error.field in self.inputs:  # a service's refusal of one field
            self.show_errors({error.field: error.reason})
        else:
            QMessageBox.warning(self, self.windowTitle(), message_for(error))
