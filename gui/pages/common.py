"""Pieces every registry page shares: the toolbar, the table view, loading rows off the GUI thread."""

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.auth import Actor, can
from core.db import Database
from gui.import_dialog import ImportDialog, export_kind
from gui.table import Col, RecordFilter, RecordModel
from gui.tasks import CHANGES, Task, announce, message_for, read, write
from gui.text import tr

if TYPE_CHECKING:  # only in annotations: the work runs in services (see the contracts)
    from sqlalchemy.orm import Session


def this_month() -> str:
    return dt.date.today().strftime("%Y-%m")


def page_layout(page: QWidget, title: str) -> tuple[QVBoxLayout, QLabel]:
    """The page's layout with its title first, so every page's title sits at the same place."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 12, 8)
    heading = QLabel(title)
    heading.setObjectName("pageTitle")
    layout.addWidget(heading)
    return layout, heading


class RecordPage(QWidget):
    """A title, a search field with extra filters, buttons, and a sortable table of rows that a
    ``load(session)`` function returns. Subclasses add their filters, buttons and dialogs."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        title: str,
        columns: Sequence[Col],
        load: "Callable[[Session], list[Any]]",
        shows: tuple[str, ...] = (),
        **model_kw: Any,
    ) -> None:
        super().__init__()
        self.db = db
        self.actor = actor
        self._load = load
        self.shows = shows  # kinds of data listed here: a write of one anywhere reloads the page
        CHANGES.changed.connect(self._changed)
        self.task: Task | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search: code, name or pinyin initials"))
        self.search.setClearButtonEnabled(True)
        self.model = RecordModel(columns, **model_kw)
        self.proxy = RecordFilter(self.model)
        self.search.textChanged.connect(self.proxy.set_query)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel()
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self.proxy.modelReset.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)

        self.filters = QHBoxLayout()
        self.filters.addWidget(self.search, 2)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout, self.heading = page_layout(self, title)
        inner = self.inner = QVBoxLayout()  # pages add their own parts below the table
        inner.setContentsMargins(20, 0, 8, 0)
        inner.addLayout(self.filters)
        inner.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addLayout(self.buttons)
        inner.addLayout(bottom)
        layout.addLayout(inner, 1)
        self.reload()

    def add_choice_filter(self, attr: str, everything: str, choices: Sequence[tuple[str, str]] = ()) -> QComboBox:
        """A combo that keeps rows whose ``attr`` equals the chosen value (first item: no filter)."""
        combo = QComboBox()
        combo.addItem(everything, None)
        for value, text in choices:
            combo.addItem(text, value)

        def changed() -> None:
            value = combo.currentData()
            self.proxy.set_predicate(attr, None if value is None else lambda row: getattr(row, attr) == value)

        combo.currentIndexChanged.connect(changed)
        self.filters.addWidget(combo, 1)
        return combo

    def fill_choices(self, combo: QComboBox, attr: str) -> None:
        """Offer the values of ``attr`` found in the rows, keeping the current choice."""
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value in sorted({getattr(row, attr) for row in self.model.rows}):
            combo.addItem(value, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def add_transfer_buttons(self, kind: str) -> None:
        """Import… and Export… for this page's kind of record."""
        if can(self.actor, "registry.import"):
            self.add_button(tr("Import…"), lambda: self.open_import(kind))
        if can(self.actor, "registry.export"):
            self.add_button(tr("Export…"), lambda: export_kind(self, self.db, self.actor, kind))

    def open_import(self, kind: str) -> ImportDialog:
        dialog = ImportDialog(self, self.db, self.actor, kind)
        dialog.accepted.connect(lambda: announce(kind) if kind in self.shows else self.reload())
        dialog.open()
        return dialog

    def add_button(self, text: str, action: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(action)
        self.buttons.addWidget(button)
        return button

    def reload(self) -> None:
        """Read the rows in the background; the table keeps its old rows until they arrive."""

        self.task = read(self, self.db, self._load, self._loaded, self.show_error, view="rows")

    def _loaded(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.task = None
        self.loaded()

    def loaded(self) -> None:
        """Called after new rows arrived (filters that list values refresh here)."""

    def _count(self) -> None:
        self.count.setText(
            tr("{shown} of {total} shown").format(shown=self.proxy.rowCount(), total=self.model.rowCount())
        )

    def selected(self) -> Any:
        indexes = self.table.selectionModel().selectedRows()
        return self.proxy.row_at(indexes[0]) if indexes else None

    def show_error(self, error: BaseException) -> None:
        self.task = None
        QMessageBox.warning(self, self.window().windowTitle(), message_for(error))

    def write(
        self,
        action: "Callable[[Session], object]",
        done: Callable[[], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run one write on the worker in its own transaction; once it is committed, tell every
        page showing this kind and call ``done``. A refusal goes to ``failed`` (default: a message)."""

        def committed(_result: object) -> None:
            self.saved()
            if done is not None:
                done()

        return write(self, self.db, action, committed, failed or self.show_error)

    def saved(self) -> None:
        """After a committed write of this page's kind: every page showing it reloads."""
        announce(*self.shows)
        if not self.shows:
            self.reload()

    @Slot(object)  # a real slot: Qt drops the connection when the page is closed
    def _changed(self, kinds: frozenset[str]) -> None:
        if kinds & set(self.shows):
            self.reload()


def recent_months(today: dt.date, count: int = 24) -> list[str]:
    index = today.year * 12 + today.month - 1
    return [f"{(index - n) // 12:04d}-{(index - n) % 12 + 1:02d}" for n in range(count)]
