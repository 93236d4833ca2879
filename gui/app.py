"""Starting the application: QApplication, translations, stylesheet, sign-in, the main window.

The sign-in window shows first, with Qt alone loaded; SQLAlchemy, the mapped tables and the
window's pages (~0.5 s) load on a thread behind it while the user types, and the database opens
there (``Opening``). A password submitted before that is checked the moment it is open.
"""

import gc
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from core.errors import BangfuError
from core.i18n import _, language, set_language
from core.paths import RESOURCES
from core.startup import load_data_layer
from gui.login import FirstAdminDialog, LoginDialog
from gui.tasks import Report, collect_on_gui_thread, read_now, run_task, settle, wait_for_background

if TYPE_CHECKING:
    from core.auth import Actor
    from core.db import Database
    from gui.main_window import MainWindow

I18N = RESOURCES / "i18n"
UI_FONTS = ["Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC"]


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Simplified Chinese unless English is asked for; English is the source text."""
    if lang != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translators = []
    for folder, name in (
        (I18N, "bangfu_zh_CN"),
        (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), "qtbase_zh_CN"),
    ):
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def make_app(lang: str) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Bangfu")
    app.setOrganizationName("Bangfu")
    font = QFont()
    font.setFamilies(UI_FONTS)
    font.setPointSize(11)
    app.setFont(font)
    app.setStyleSheet((RESOURCES / "style.qss").read_text(encoding="utf-8"))
    install_translations(app, lang)
    collect_on_gui_thread(app)
    return app


def _needs_offscreen() -> bool:
    return sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(
    db_value: str | None,
    screenshot: str | None = None,
    page: str = "counter",
    lang: str | None = None,
    size: tuple[int, int] = (1366, 768),
) -> int:
    """Open the window; with ``screenshot`` render it to a PNG and return instead of running."""
    if screenshot and _needs_offscreen():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The window speaks Chinese unless English is asked for (--lang en or BANGFU_LANG=en),
    # whatever the system locale; messages from the core follow the window.
    set_language(lang or os.environ.get("BANGFU_LANG") or "zh")
    app = make_app(language())
    if screenshot and page != "login":
        return _screenshot(app, db_value, Path(screenshot), page, size)
    opening = Opening(db_value)
    try:
        if screenshot:
            return _sign_in_picture(app, opening, Path(screenshot))
        actor = sign_in(opening)
        if actor is None:  # closed or cancelled: say so, and let a script see it was not a normal end
            print(_("not signed in: the sign-in window was closed"), file=sys.stderr)
            return 2
        db = opening.database()
        from core.config import idle_minutes
        from gui.main_window import MainWindow

        window = MainWindow(db, actor, idle_minutes=read_now(db, idle_minutes))
        window.show()
        start_housekeeping(window, db, actor)
        # What start-up made lives as long as the window: out of the collector's full passes, which
        # otherwise stop the checkout for ~0.1 s every few hundred sales (benchmarks/counter.py).
        gc.freeze()
        return app.exec()
    except BangfuError as exc:  # the database could not be opened: say why, in a window
        if screenshot:
            raise
        QMessageBox.critical(None, "Bangfu", str(exc))
        return 2
    finally:
        wait_for_background()  # no load or sync still using the database as it closes
        opening.close()


class Opening(QObject):
    """The database, opened on a thread of its own while the sign-in window shows: the data layer
    and the window's pages load there (~0.5 s), and opening may migrate the database."""

    opened = Signal(object)  # on the GUI thread: whether the database has users, or why it did not open
    _done = Signal(object)  # from the thread; through a slot of this object, which lives on the GUI thread

    def __init__(self, value: str | None) -> None:
        super().__init__()
        self.db: Database | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._open, args=(value,), name="opening", daemon=True)
        self._done.connect(self._arrived)

    def _arrived(self, result: object) -> None:
        self.opened.emit(result)

    def start(self) -> None:
        self._thread.start()

    def _open(self, value: str | None) -> None:
        try:
            load_data_layer("gui.main_window")  # after sign-in, the window costs only its building
            from core.auth import has_users
            from core.db import open_database

            self.db = open_database(value)
            users = read_now(self.db, has_users)

            self._done.emit(users)
        except BaseException as exc:  # reported on the GUI thread, which decides what to tell
            self.error = exc
            self._done.emit(exc)

    def database(self) -> "Database":
        """The open database, once the thread is done; raises what stopped it from opening."""
        self._thread.join()
        if self.error is not None:
            raise self.error
        assert self.db is not None
        return self.db

    def close(self) -> None:
        if self._thread.ident is not None:
            self._thread.join()
        if self.db is not None:
            self.db.dispose()


NO_USERS = 2  # the sign-in window's result when the database has no users yet


def sign_in(opening: Opening) -> "Actor | None":
    """The sign-in window shows at once; on a database without users (the first start) the
    administrator is created instead."""
    dialog = LoginDialog(None)

    def opened(result: object) -> None:
        if isinstance(result, BaseException):
            dialog.reject()
        elif result:
            dialog.attach(opening.database())
        else:
            dialog.done(NO_USERS)

    opening.opened.connect(opened)
    opening.start()
    outcome = dialog.exec()
    db = opening.database()  # raises what stopped it from opening
    if outcome == NO_USERS:
        first = FirstAdminDialog(db)
        return first.actor if first.exec() else None
    return dialog.actor if outcome else None


def _sign_in_picture(app: QApplication, opening: Opening, target: Path) -> int:
    """The sign-in window as it first shows, before the database is open (what ``bench startup``
    times); the database is opened all the same, so a broken one fails the picture."""
    dialog = LoginDialog(None)
    opening.start()
    dialog.show()
    app.processEvents()
    saved = dialog.grab().save(str(target))
    opening.database()
    dialog.close()
    if not saved:
        raise BangfuError(f"cannot write {target}")
    return 0


def _screenshot(app: QApplication, db_value: str | None, target: Path, page: str, size: tuple[int, int]) -> int:
    """Render a page as the first administrator, without the sign-in window."""
    load_data_layer("gui.main_window")
    from core.auth import Actor, first_admin
    from core.db import open_database
    from gui.main_window import MainWindow

    db = open_database(db_value)
    try:
        actor = read_now(db, first_admin) or Actor("admin", "admin")
        window = MainWindow(db, actor)
        window.resize(*size)
        window.show_page(page)
        window.show()
        settle()  # pages load in the background: every result has arrived
        app.processEvents()  # then layouts (charts) settle
        saved = window.grab().save(str(target))
        window.close()
    finally:
        wait_for_background()
        db.dispose()
    if not saved:
        raise BangfuError(f"cannot write {target}")
    return 0


def warm_up() -> None:
    """Pay start-up costs before the clerk works: the CJK font for the first receipt or report is
    read now, and what the program holds after start-up is frozen out of the garbage collector,
    whose full passes over it stopped every thread for ~0.1 s at random moments."""
    from reports.fonts import pdf_font  # ReportLab: not before the window is up

    pdf_font()
    gc.freeze()


def start_housekeeping(window: "MainWindow", db: "Database", actor: "Actor") -> None:
    """After the window is up: check the database for damage, then take the daily backup."""
    from core.backup import housekeeping
    from core.paths import backup_folder

    def work(_report: Report) -> str | None:
        warm_up()
        return housekeeping(db, actor, backup_folder())

    def done(problem: str | None) -> None:
        if problem:
            QMessageBox.critical(
                window,
                window.windowTitle(),
                QApplication.translate(
                    "App", "The database is damaged ({0}). Restore the latest backup in Settings."
                ).replace("{0}", problem),
            )

    run_task(window, QApplication.translate("App", "Checking the database…"), work, done, lambda e: None)
