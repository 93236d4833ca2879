"""One table model and one filter proxy for every list that can grow (model/view, as Vorta does).

A ``RecordModel`` shows frozen row objects through column definitions; ``ROW_ROLE`` returns the
row object itself. ``RecordFilter`` filters by a search text (matched against each row's
``search_key``, which holds pinyin) and by any number of named predicates.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from core.money import format_fen

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Col:
    title: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None  # defaults to the text
    right: bool = False  # numbers and amounts align right

    @classmethod
    def fen(cls, title: str, value: Callable[[Any], int]) -> "Col":
        """An amount: shown as ¥1,234.50, sorted by its value (¥9.00 before ¥10.00), aligned right."""
        return cls(title, lambda row: format_fen(value(row)), sort=value, right=True)


class RecordModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Col], background: Callable[[Any], QColor | None] | None = None) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._background = background

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self._background:
            return self._background(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None


def table_view(model: QAbstractTableModel, fit_columns: bool = False) -> QTableView:
    """A read-only table of whole rows; ``fit_columns``: every column as wide as its content
    (receipt numbers, amounts), only the stretched last one may be elided."""
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    if fit_columns:
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class RecordFilter(QSortFilterProxyModel):
    def __init__(self, model: RecordModel) -> None:
        super().__init__()
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self._query = ""
        self._predicates: dict[str, Callable[[Any], bool]] = {}

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._query = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_predicate(self, name: str, predicate: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        if predicate is None:
            self._predicates.pop(name, None)
        else:
            self._predicates[name] = predicate
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        row = self.sourceModel().rows[source_row]  # type: ignore[attr-defined]
        if self._query and self._query not in row.search_key and self._query not in getattr(row, "barcode", ""):
            return False
        return all(predicate(row) for predicate in self._predicates.values())

    def row_at(self, index: QModelIndex) -> Any:
        return self.data(index, ROW_ROLE) if index.isValid() else None
