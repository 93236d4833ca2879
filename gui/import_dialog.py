"""Import wizard: pick a file → see its first rows → check every row → import, all off the GUI
thread with progress and Cancel. Checking runs the real import and rolls it back, so "no
problems" means the import will succeed."""

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog.exporting import export_registry
from catalog.importing import ImportFailed, ImportResult, check_file, import_file
from catalog.kinds import registry_kinds
from core.auth import Actor
from core.db import Database
from core.errors import BangfuError
from core.tabular import preview, row_at
from gui.table import Col, RecordFilter, RecordModel
from gui.tasks import Task, message_for, write, write_long
from gui.text import tr
from orders.sales_import import sales_kind


def kind_names() -> dict[str, str]:
    return {
        "suppliers": tr("Suppliers"),
        "products": tr("Products"),
        "households": tr("Households"),
        "linkages": tr("Linkages"),
        "sales": tr("Sales and refunds"),
    }


class ImportDialog(QDialog):
    """Emits nothing: the page that opened it reloads when it is accepted."""

    def __init__(self, parent: QWidget, db: Database, actor: Actor, kind: str) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.task: Task | None = None
        self.setWindowTitle(tr("Import"))
        self.resize(900, 620)
        self.kind = QComboBox()
        for value, text in kind_names().items():
            self.kind.addItem(text, value)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.currentIndexChanged.connect(self._reset)
        self.path = QLineEdit()
        self.path.setPlaceholderText(tr("CSV (UTF-8 or GB18030) or XLSX file"))
        self.path.editingFinished.connect(self.load_preview)
        choose = QPushButton(tr("Choose file…"))
        choose.clicked.connect(self.choose)
        self.preview = QTableWidget()
        self.preview.verticalHeader().setVisible(False)
        self.status = QLabel(tr("Choose a file to import."))
        self.status.setWordWrap(True)
        self.errors = RecordModel(
            [
                Col(tr("Line"), lambda e: str(e.line), sort=lambda e: e.line, right=True),
                Col(tr("Column"), lambda e: e.column),
                Col(tr("Problem"), lambda e: e.reason),
            ]
        )
        self.error_view = QTableView()
        self.error_view.setModel(RecordFilter(self.errors))
        self.error_view.verticalHeader().setVisible(False)
        self.error_view.horizontalHeader().setStretchLastSection(True)
        self.error_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.error_view.clicked.connect(self.show_error_row)
        self.error_row = QLabel()
        self.error_row.setWordWrap(True)
        self.check_button = QPushButton(tr("Check"))
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(tr("Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Kind")))
        top.addWidget(self.kind)
        top.addWidget(self.path, 1)
        top.addWidget(choose)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.check_button, self.import_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(tr("First rows of the file")))
        layout.addWidget(self.preview, 2)
        layout.addWidget(QLabel(tr("Problems found")))
        layout.addWidget(self.error_view, 2)
        layout.addWidget(self.error_row)
        layout.addLayout(buttons)

    def _file(self) -> Path:
        return Path(self.path.text().strip())

    def _reset(self) -> None:
        self.errors.set_rows([])
        self.error_row.clear()
        self.import_button.setEnabled(False)

    def choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, tr("Import"), "", tr("Spreadsheets (*.csv *.xlsx)"))
        if name:
            self.path.setText(name)
            self.load_preview()

    def load_preview(self) -> None:
        self._reset()
        try:
            header, rows = preview(self._file())
        except BangfuError as exc:
            self.status.setText(str(exc))
            return
        self.preview.clear()
        self.preview.setColumnCount(len(header) + 1)
        self.preview.setHorizontalHeaderLabels([tr("Line"), *header])
        self.preview.setRowCount(len(rows))
        for r, (line, cells) in enumerate(rows):
            for c, value in enumerate([str(line), *cells]):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.preview.resizeColumnsToContents()
        self.status.setText(tr("Press Check to check every row; nothing is written yet."))

    def _run(self, service, done) -> Task:
        """``check_file`` or ``import_file`` on the worker, in one transaction (a check rolls it back)."""
        name, path, actor = self.kind.currentData(), self._file(), self.actor

        def op(session, report):
            kind = sales_kind(session, actor) if name == "sales" else registry_kinds()[name]
            return service(session, actor, kind, path, report)

        label = tr("Checking rows…") if service is check_file else tr("Importing…")
        self.task = write_long(self, self.db, op, done, self._failed, label=label)
        return self.task

    def check(self) -> Task:
        self._reset()
        return self._run(check_file, self._checked)

    def _checked(self, result: ImportResult) -> None:
        self.task = None
        self.status.setText(
            tr("No problems: {added} rows will be added, {skipped} are already present.").format(
                added=result.added, skipped=result.skipped
            )
        )
        self.import_button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        if isinstance(error, ImportFailed):
            self.errors.set_rows(error.errors)
            self.error_view.resizeColumnsToContents()
            self.status.setText(
                tr("{n} problem(s); nothing was written. Fix the file and check again.").format(n=len(error.errors))
            )
        else:
            self.status.setText(message_for(error))

    def show_error_row(self) -> None:
        index = self.error_view.currentIndex()
        error = self.error_view.model().row_at(index)  # type: ignore[attr-defined]
        if error is not None:
            cells = row_at(self._file(), error.line)
            self.error_row.setText(tr("Line {line}: {cells}").format(line=error.line, cells=" | ".join(cells)))

    def run_import(self) -> Task:
        self.import_button.setEnabled(False)
        return self._run(import_file, self._imported)

    def _imported(self, result: ImportResult) -> None:
        self.task = None
        self.status.setText(
            tr("Imported: {added} added, {skipped} already present.").format(added=result.added, skipped=result.skipped)
        )
        self.accept()


def export_kind(parent: QWidget, db: Database, actor: Actor, kind: str, path: str | None = None) -> Task | None:
    """Ask where to save, then write the file in the background (ID numbers masked)."""
    if path is None:
        path, _filter = QFileDialog.getSaveFileName(
            parent, tr("Export"), f"{kind}.xlsx", tr("Excel (*.xlsx);;CSV (*.csv)")
        )
        if not path:
            return None

    def failed(error: BaseException) -> None:
        QMessageBox.warning(parent, tr("Export"), message_for(error))

    # A write: the export is audited.
    return write(
        parent,
        db,
        lambda session: export_registry(session, actor, kind, Path(path)),
        lambda n: None,
        failed,
        label=tr("Exporting…"),
    )
