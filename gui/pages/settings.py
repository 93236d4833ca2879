"""设置: idle lock, backups (now, daily, restore) and where the data lives."""

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from catalog.labels import Template, add_template, templates
from catalog.registry import FormInvalid
from core.auth import Actor
from core.backup import KEEP_DEFAULT, backup, restore
from core.config import IDLE_SETTING, KEEP_SETTING, change_setting, get_setting, idle_minutes
from core.db import Database
from core.paths import backup_folder
from gui.forms import Field, FormDialog, Operation
from gui.pages.common import page_layout
from gui.table import Col, RecordModel, table_view
from gui.tasks import Report, Task, message_for, read, run_task, write
from gui.text import QT_TRANSLATE_NOOP, tr
from orders.counter import counters, save_counter
from reports.receipts import WIDTHS_MM

if TYPE_CHECKING:  # only in annotations (see the contracts)
    from sqlalchemy.orm import Session

COUNTER_KINDS = {  # marked for lupdate; tr() translates them where they are shown
    "counter": QT_TRANSLATE_NOOP("", "Counter (专柜)"),
    "zone": QT_TRANSLATE_NOOP("", "Zone (专区)"),
    "hall": QT_TRANSLATE_NOOP("", "Hall (专馆)"),
}


class SettingsPage(QWidget):
    def __init__(self, db: Database, actor: Actor, title: str) -> None:
        super().__init__()
        self.db, self.actor = db, actor
        self.task: Task | None = None
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setSuffix(tr(" minutes (0: never)"))
        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.paper = QComboBox()
        for width in WIDTHS_MM:
            self.paper.addItem(tr("{0} mm roll").replace("{0}", str(width)), width)
        self.paper.setCurrentIndex(max(0, self.paper.findData(int(str(QSettings().value("receipt_width", 58))))))
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)  # each field as wide as it needs
        self.paper.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        form.addRow(tr("Lock the window after"), self.idle)
        form.addRow(tr("Daily backups kept"), self.keep)
        self.counter = QComboBox()
        self.counter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.counters = RecordModel(
            [
                Col(tr("Code"), lambda c: c.code),
                Col(tr("Name"), lambda c: c.name),
                Col(tr("Type"), lambda c: tr(COUNTER_KINDS[c.kind])),
                Col(tr("Location"), lambda c: c.location or ""),
            ]
        )
        self.templates = RecordModel(
            [
                Col(tr("Name"), lambda t: t.title),  # the title gives the label's size
                Col(tr("Per page"), lambda t: f"{t.columns} × {t.rows}", right=True),
            ]
        )
        self.fill_counters()
        form.addRow(tr("This workstation's counter"), self.counter)
        form.addRow(tr("Receipt paper"), self.paper)
        form.addRow(tr("Database"), QLabel(db.description))
        form.addRow(tr("Backup folder"), QLabel(str(backup_folder())))
        buttons = QHBoxLayout()
        for text, action in (
            (tr("Save settings"), self.save),
            (tr("New counter…"), self.new_counter),
            (tr("New label template…"), self.new_template),
            (tr("Back up now…"), self.backup_now),
            (tr("Restore…"), self.restore_from),
        ):
            button = QPushButton(text)
            button.clicked.connect(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        lists = QHBoxLayout()
        for name, model in ((tr("Counters"), self.counters), (tr("Label templates"), self.templates)):
            column = QVBoxLayout()
            column.addWidget(QLabel(name))
            column.addWidget(table_view(model, fit_columns=True), 1)
            lists.addLayout(column, 1)
        layout, _heading = page_layout(self, title)
        inner = QVBoxLayout()
        inner.setContentsMargins(20, 0, 8, 0)
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addWidget(self.status)
        inner.addLayout(lists, 1)
        layout.addLayout(inner, 1)

    def fill_counters(self) -> None:
        """The settings, counters and label templates, read on the worker."""

        def op(session: "Session") -> tuple[int, int, list[Any], list[Any]]:
            return (
                idle_minutes(session),
                int(get_setting(session, KEEP_SETTING, str(KEEP_DEFAULT)) or KEEP_DEFAULT),
                counters(session),
                list(templates(session).values()),
            )

        read(self, self.db, op, self._filled, self._failed, view="settings")

    def _filled(self, values: tuple[int, int, list[Any], list[Any]]) -> None:
        idle, keep, registered, label_templates = values
        self.idle.setValue(idle)
        self.keep.setValue(keep)
        self.templates.set_rows(label_templates)
        bound = str(QSettings().value("counter", ""))
        self.counter.clear()
        self.counter.addItem(tr("(first counter)"), "")
        for counter in registered:
            self.counter.addItem(f"{counter.code}  {counter.name}", counter.code)
        self.counter.setCurrentIndex(max(0, self.counter.findData(bound)))
        self.counters.set_rows(registered)

    def new_counter(self) -> FormDialog:
        kinds = [(code, tr(name)) for code, name in COUNTER_KINDS.items()]
        fields = [
            Field("code", tr("Code")),
            Field("name", tr("Name")),
            Field("kind", tr("Type"), choices=kinds),
            Field("location", tr("Location")),
        ]

        def save(t: dict[str, str]) -> Operation:
            return lambda session: save_counter(session, self.actor, t["code"], t["name"], t["kind"], t["location"])

        dialog = FormDialog(self, tr("New counter…"), fields, save, self.db, self.fill_counters)
        dialog.open()
        return dialog

    def new_template(self) -> FormDialog:
        """A label stock that Bangfu does not ship: sizes in millimetres."""
        names = [
            ("name", tr("Name (letters, digits, -)")), ("title", tr("Title")), ("page_w", tr("Page width")),
            ("page_h", tr("Page height")), ("label_w", tr("Label width")), ("label_h", tr("Label height")),
            ("columns", tr("Columns")), ("rows", tr("Rows")), ("margin_left", tr("Left margin")),
            ("margin_top", tr("Top margin")), ("gap_x", tr("Gap between columns")), ("gap_y", tr("Gap between rows")),
        ]  # fmt: skip

        def save(t: dict[str, str]) -> Operation:
            try:
                number = {
                    k: float(t[k] or 0)
                    for k in ("page_w", "page_h", "label_w", "label_h", "margin_left", "margin_top", "gap_x", "gap_y")
                }
                template = Template(
                    t["name"].strip(), t["title"].strip() or t["name"].strip(), (number["page_w"], number["page_h"]),
                    (number["label_w"], number["label_h"]), int(t["columns"] or 0), int(t["rows"] or 0),
                    (number["margin_left"], number["margin_top"]), (number["gap_x"], number["gap_y"]),
                )  # fmt: skip
            except ValueError:
                raise FormInvalid({"page_w": tr("Sizes are numbers of millimetres.")}) from None
            return lambda session: add_template(session, self.actor, template)

        fields = [Field(name, label) for name, label in names]
        dialog = FormDialog(self, tr("New label template…"), fields, save, self.db, self.fill_counters)
        dialog.open()
        return dialog

    def save(self) -> Task:
        # The workstation's counter and paper are this PC's, not the shared database's.
        QSettings().setValue("counter", self.counter.currentData() or "")
        QSettings().setValue("receipt_width", self.paper.currentData())
        idle, keep = str(self.idle.value()), str(self.keep.value())

        def op(session: "Session") -> None:
            change_setting(session, self.actor, IDLE_SETTING, idle)
            change_setting(session, self.actor, KEEP_SETTING, keep)

        def saved(_none: None) -> None:
            self.status.setText(tr("Saved. The idle lock applies from the next sign-in."))

        return write(self, self.db, op, saved, self._failed)

    def backup_now(self, path: str | None = None) -> Task | None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, tr("Back up now…"), str(backup_folder() / "bangfu-backup.db"), "SQLite (*.db)"
            )
            if not path:
                return None

        def work(_report: Report) -> Path:  # a copy of the whole database, made by the backup service
            return backup(self.db, self.actor, Path(path))

        self.task = run_task(
            self,
            tr("Backing up…"),
            work,
            lambda p: self.status.setText(tr("Backup written and checked: {0}").replace("{0}", str(p))),
            self._failed,
        )
        return self.task

    def restore_from(self, path: str | None = None) -> Task | None:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self, tr("Restore…"), str(backup_folder()), "SQLite (*.db)")
            if not path:
                return None
            answer = QMessageBox.question(
                self, tr("Restore…"), tr("Replace everything in the database with this backup?")
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        source = Path(path)

        def work(_report: Report) -> None:
            restore(self.db, self.actor, source)

        self.task = run_task(
            self,
            tr("Restoring…"),
            work,
            lambda _none: self.status.setText(tr("Restored. Restart Bangfu to see the restored data everywhere.")),
            self._failed,
        )
        return self.task

    def _failed(self, error: BaseException) -> None:
        self.status.setText(message_for(error))


def make(db: Database, actor: Actor, title: str) -> QWidget:
    return SettingsPage(db, actor, title)
