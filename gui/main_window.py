"""The main window: navigation on the left, one page at a time, status bar below."""

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.auth import Actor, can
from core.config import demo_data
from core.db import Database
from gui.login import ChangePasswordDialog, UnlockDialog
from gui.pages import PAGES
from gui.sync_status import SyncStatus
from gui.tasks import read_now
from gui.text import role_text
from orders.kiosk_binding import binding

ROLE_NAMES = {
    "admin": "Administrator",
    "manager": "Manager",
    "cashier": "Cashier",
    "coop_manager": "Cooperative manager",
    "village_officer": "Village officer",
}
INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


class MainWindow(QMainWindow):
    """Pages are built the first time they are shown, so start-up stays fast. Pages the signed-in
    role may not use are not listed. After ``idle_minutes`` without input the window locks."""

    def __init__(self, db: Database, actor: Actor, idle_minutes: int = 0) -> None:
        super().__init__()
        self.db = db
        self.actor = actor
        demo = read_now(db, demo_data)
        title = self.tr("Bangfu consumption assistance")
        self.setWindowTitle(self.tr("{title} [demo data]").replace("{title}", title) if demo else title)
        self.setMinimumSize(QSize(1024, 700))
        room = QApplication.primaryScreen().availableGeometry()  # a 1366×768 counter PC has ~728 px
        self.resize(min(1280, room.width()), min(800, room.height()))

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
            item = QListWidgetItem(spec.title)
            self.nav.addItem(item)
            item.setHidden(not can(actor, spec.permission))
            self.stack.addWidget(QWidget())
        self.nav.currentRowChanged.connect(self._show_row)
        # As wide as the longest page name in this language (English is longer), never scrolled
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.ensurePolished()
        widest = max(self.nav.fontMetrics().horizontalAdvance(spec.title) for spec in PAGES)
        sidebar.setFixedWidth(max(190, widest + 18 * 2 + 4 + 12))  # the item padding and border (style.qss)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel(self.tr("Database: {0}").format(db.description))
        self.user_label = QLabel(self.tr("User: {0} ({1})").format(actor.username, role_text(actor.role)))
        if demo:
            marker = QLabel(self.tr("DEMO DATA"))
            marker.setObjectName("demoMarker")
            self.statusBar().addPermanentWidget(marker)
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        # A kiosk's database: whether its sales have reached the central, and 立即同步.
        self.sync: SyncStatus | None = SyncStatus(db) if read_now(db, binding) else None
        if self.sync is not None:
            self.statusBar().addPermanentWidget(self.sync)
        password = QPushButton(self.tr("Change password…"))
        password.setFlat(True)
        password.clicked.connect(self.change_password)
        self.statusBar().addPermanentWidget(password)
        first = next(i for i in range(self.nav.count()) if not self.nav.item(i).isHidden())
        self.nav.setCurrentRow(first)

        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        if idle_minutes > 0:
            self.idle.setInterval(idle_minutes * 60_000)
            QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
            self.idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.idle.interval():
            self.idle.start()  # any input restarts the countdown
        return False

    def lock(self) -> UnlockDialog:
        dialog = UnlockDialog(self.db, self.actor, self)
        dialog.finished.connect(lambda _result: self.idle.start())
        dialog.open()
        return dialog

    def change_password(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self.db, self.actor, self)
        dialog.open()
        return dialog

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        if row not in self._built:
            spec = PAGES[row]
            page = spec.make(self.db, self.actor)
            old = self.stack.widget(row)
            if old is not None:  # the empty stand-in the page replaces
                self.stack.removeWidget(old)
                old.deleteLater()
            self.stack.insertWidget(row, page)
            self._built[row] = page
        self.stack.setCurrentIndex(row)

    def show_page(self, slug: str) -> None:
        row = next(i for i, spec in enumerate(PAGES) if spec.slug == slug)
        if not self.nav.item(row).isHidden():
            self.nav.setCurrentRow(row)

    def current_slug(self) -> str:
        return PAGES[self.nav.currentRow()].slug
