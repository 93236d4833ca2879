"""The main window: navigation on the left, one page at a time, status bar below."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.db import Database
from gui.pages import PAGES


class MainWindow(QMainWindow):
    """Pages are built the first time they are shown, so start-up stays fast."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.setWindowTitle(self.tr("Bangfu consumption assistance"))
        self.setMinimumSize(QSize(1024, 700))
        self.resize(1280, 800)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        brand = QLabel(self.tr("Bangfu"))
        brand.setObjectName("brand")
        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setFixedWidth(190)
        side_layout = QVBoxLayout(sidebar)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(brand)
        side_layout.addWidget(self.nav, 1)
        self.stack = QStackedWidget()
        self._built: dict[int, QWidget] = {}
        for spec in PAGES:
            self.nav.addItem(QListWidgetItem(spec.title))
            self.stack.addWidget(QWidget())
        self.nav.currentRowChanged.connect(self._show_row)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel(self.tr("Database: {0}").format(db.description))
        self.user_label = QLabel(self.tr("Not signed in"))
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self.nav.setCurrentRow(0)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        if row not in self._built:
            spec = PAGES[row]
            page = spec.make(self.db)
            old = self.stack.widget(row)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(row, page)
            self._built[row] = page
        self.stack.setCurrentIndex(row)

    def show_page(self, slug: str) -> None:
        self.nav.setCurrentRow(next(i for i, spec in enumerate(PAGES) if spec.slug == slug))

    def current_slug(self) -> str:
        return PAGES[self.nav.currentRow()].slug
