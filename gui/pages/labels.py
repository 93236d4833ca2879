"""标签打印: choose products and counts, a template, batch and dates; preview the first sheet;
print or save the PDF. Rendering runs off the GUI thread with progress and Cancel."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog.labels import LabelData, Template, check_batch, label_data, templates
from catalog.search import find_products
from core.auth import Actor
from core.db import Database
from core.errors import BangfuError
from gui.pages.common import page_layout
from gui.printing import pdf_images, print_pdf
from gui.tasks import Report, Task, message_for, read, read_long
from gui.text import tr
from reports.labels import render_labels

if TYPE_CHECKING:  # only in annotations (see the contracts)
    from sqlalchemy.orm import Session

    from core.models import Product


class LabelsPage(QWidget):
    def __init__(self, db: Database, actor: Actor, title: str) -> None:
        super().__init__()
        self.db, self.actor = db, actor
        self.task: Task | None = None
        self.pdf: bytes | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Product code, name or pinyin initials, then Enter"))
        self.search.returnPressed.connect(self.add_from_search)
        self.jobs = QTableWidget(0, 3)
        self.jobs.setHorizontalHeaderLabels([tr("Code"), tr("Product"), tr("Count")])
        self.jobs.horizontalHeader().setStretchLastSection(True)
        self.jobs.verticalHeader().setVisible(False)
        self.available: dict[str, Template] = {}
        self.template = QComboBox()
        read(self, db, templates, self._templates, self._failed)
        self.batch = QLineEdit()
        self.produced = QDateEdit(QDate.currentDate())
        self.produced.setDisplayFormat("yyyy-MM-dd")
        self.produced.setCalendarPopup(True)
        self.shelf = QSpinBox()
        self.shelf.setRange(0, 3650)
        self.shelf.setSuffix(tr(" days (0: none)"))
        self.start = QSpinBox()
        self.start.setRange(1, 100)
        self.outline = QCheckBox(tr("Outline (alignment test)"))
        self.level = QComboBox()
        for level in ("M", "L", "Q", "H"):
            self.level.addItem(level, level)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)

        form = QFormLayout()
        form.addRow(tr("Template"), self.template)
        form.addRow(tr("Batch"), self.batch)
        form.addRow(tr("Produced on"), self.produced)
        form.addRow(tr("Shelf life"), self.shelf)
        form.addRow(tr("Start at label"), self.start)
        form.addRow(tr("QR error correction"), self.level)
        form.addRow(self.outline)
        buttons = QHBoxLayout()
        for text, action in (
            (tr("Preview"), self.make_pdf),
            (tr("Print…"), self.print_labels),
            (tr("Save PDF…"), self.save_pdf),
        ):
            button = QPushButton(text)
            button.clicked.connect(action)
            buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.jobs, 1)
        left.addLayout(form)
        left.addLayout(buttons)
        left.addWidget(self.status)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(scroll, 3)
        layout, _heading = page_layout(self, title)
        body.setContentsMargins(20, 0, 8, 0)
        layout.addLayout(body, 1)

    def _templates(self, available: dict[str, Template]) -> None:
        self.available = available
        for name, template in available.items():
            self.template.addItem(template.title, name)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.status.setText(message_for(error))

    def add_from_search(self, text: str | None = None, count: int = 1) -> Task:
        query = (text if text is not None else self.search.text()).strip()
        return read(
            self,
            self.db,
            lambda session: find_products(session, query, 1),
            lambda found: self._add(query, found, count),
            self._failed,
        )

    def _add(self, query: str, found: "list[Product]", count: int) -> None:
        if not found:
            self.status.setText(tr("No product matches {0}.").replace("{0}", query))
            return
        row = self.jobs.rowCount()
        self.jobs.insertRow(row)
        self.jobs.setItem(row, 0, QTableWidgetItem(found[0].code))
        self.jobs.setItem(row, 1, QTableWidgetItem(found[0].name))
        spin = QSpinBox()
        spin.setRange(1, 10_000)
        spin.setValue(count)
        self.jobs.setCellWidget(row, 2, spin)
        self.search.clear()

    def _job(self, row: int) -> tuple[str, int]:
        code, count = self.jobs.item(row, 0), self.jobs.cellWidget(row, 2)
        assert code is not None
        assert isinstance(count, QSpinBox)
        return code.text(), count.value()

    def _chosen(self) -> tuple[list[tuple[str, int]], Template, str, dt.date, int | None]:
        jobs = [self._job(row) for row in range(self.jobs.rowCount())]
        if not jobs:
            raise BangfuError(tr("Add at least one product."))
        produced = dt.date.fromisoformat(self.produced.date().toString("yyyy-MM-dd"))
        return (
            jobs,
            self.available[self.template.currentData()],
            check_batch(self.batch.text()),
            produced,
            self.shelf.value() or None,
        )

    def make_pdf(self, then=None) -> Task | None:
        """Render in the background, then show the first sheet (and run ``then``)."""
        try:
            jobs, template, batch, produced, shelf = self._chosen()
        except BangfuError as exc:
            self.status.setText(str(exc))
            return None
        start, outline, level = self.start.value(), self.outline.isChecked(), self.level.currentData()

        def op(session: "Session", report: Report) -> tuple[bytes, QImage]:
            items: list[tuple[LabelData, int]] = [
                (label_data(session, self.actor, code, batch, produced, shelf), count) for code, count in jobs
            ]
            data = render_labels(items, template, start, outline, level, report)
            return data, pdf_images(data, 60)[0]  # the preview is rasterised here too, not on the GUI thread

        def done(result: tuple[bytes, QImage]) -> None:
            data, first = result
            self.pdf, self.task = data, None
            self.preview.setPixmap(QPixmap.fromImage(first))
            total = sum(count for _code, count in jobs)
            self.status.setText(tr("{0} labels ready.").replace("{0}", str(total)))
            if then is not None:
                then(data)

        total = sum(count for _code, count in jobs)
        self.task = read_long(self, self.db, op, done, self._failed, maximum=total, label=tr("Rendering labels…"))
        return self.task

    def print_labels(self) -> None:
        self.make_pdf(lambda data: print_pdf(self, data, "labels"))

    def save_pdf(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, tr("Save PDF…"), "labels.pdf", "PDF (*.pdf)")
            if not path:
                return
        target = Path(path)
        self.make_pdf(lambda data: target.write_bytes(data))


def make(db: Database, actor: Actor, title: str) -> QWidget:
    return LabelsPage(db, actor, title)
