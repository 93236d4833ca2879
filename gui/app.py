"""Starting the application: QApplication, translations, stylesheet, the main window."""

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QThreadPool, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from core.db import Database, open_database
from core.errors import BangfuError
from core.i18n import language, set_language
from core.paths import RESOURCES

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


def run_gui(db_value: str | None, screenshot: str | None = None, page: str = "counter", lang: str | None = None) -> int:
    """Open the window; with ``screenshot`` render it to a PNG and return instead of running."""
    if screenshot and _needs_offscreen():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The window speaks Chinese unless English is asked for (--lang en or BANGFU_LANG=en),
    # whatever the system locale; messages from the core follow the window.
    set_language(lang or os.environ.get("BANGFU_LANG") or "zh")
    app = make_app(language())
    from gui.main_window import MainWindow  # after translators exist, so tr() finds them

    try:
        db: Database = open_database(db_value)
    except BangfuError as exc:
        if screenshot:
            raise
        QMessageBox.critical(None, "Bangfu", str(exc))
        return 2
    window = MainWindow(db)
    window.show_page(page)
    window.show()
    try:
        if screenshot:
            app.processEvents()
            QThreadPool.globalInstance().waitForDone(30_000)  # pages load their rows in the background
            app.processEvents()
            if not window.grab().save(str(Path(screenshot))):
                raise BangfuError(f"cannot write {screenshot}")
            return 0
        return app.exec()
    finally:
        window.close()
        db.dispose()
