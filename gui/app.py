"""Starting the application: QApplication, translations, stylesheet, the main window."""

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from core.auth import Actor, first_admin, has_users
from core.backup import housekeeping
from core.config import idle_minutes
from core.db import Database, open_database
from core.errors import BangfuError
from core.i18n import _, language, set_language
from core.paths import RESOURCES, backup_folder
from gui.login import FirstAdminDialog, LoginDialog
from gui.main_window import MainWindow
from gui.tasks import Report, read_now, run_task, settle, wait_for_background

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

    try:
        db: Database = open_database(db_value)
    except BangfuError as exc:
        if screenshot:
            raise
        QMessageBox.critical(None, "Bangfu", str(exc))
        return 2
    try:
        if screenshot:
            return _screenshot(app, db, Path(screenshot), page, size)
        actor = sign_in(db)
        if actor is None:  # closed or cancelled: say so, and let a script see it was not a normal end
            print(_("not signed in: the sign-in window was closed"), file=sys.stderr)
            return 2
        window = MainWindow(db, actor, idle_minutes=read_now(db, idle_minutes))
        window.show()
        start_housekeeping(window, db, actor)
        # What start-up made lives as long as the window: out of the collector's full passes, which
        # otherwise stop the checkout for ~0.1 s every few hundred sales (benchmarks/counter.py).
        gc.freeze()
        return app.exec()
    finally:
        wait_for_background()  # no load or sync still using the database as it closes
        db.dispose()


def sign_in(db: Database) -> Actor | None:
    """The first start creates the administrator; later starts ask for a user and password."""
    dialog = LoginDialog(db) if read_now(db, has_users) else FirstAdminDialog(db)
    return dialog.actor if dialog.exec() else None


def _screenshot(app: QApplication, db: Database, target: Path, page: str, size: tuple[int, int]) -> int:
    """Render as the first administrator, without the login dialog (``--page login`` shows it)."""
    actor = read_now(db, first_admin) or Actor("admin", "admin")
    widget: QWidget
    if page == "login":
        widget = LoginDialog(db)
    else:
        window = MainWindow(db, actor)
        window.resize(*size)
        window.show_page(page)
        widget = window
    widget.show()
    settle()  # pages load in the background: every result has arrived
    app.processEvents()  # then layouts (charts) settle
    saved = widget.grab().save(str(target))
    widget.close()
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


def start_housekeeping(window: MainWindow, db: Database, actor: Actor) -> None:
    """After the window is up: check the database for damage, then take the daily backup."""

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
