"""The window shell: navigation, status bar, languages, screenshots."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from core.db import open_database
from gui.app import install_translations
from gui.main_window import MainWindow
from gui.pages import PAGES
from gui.tasks import settle
from tests.factories import ADMIN

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, qapp, tmp_path):  # type: ignore[no-untyped-def]
    translators = install_translations(qapp, "zh")
    db = open_database(str(tmp_path / "gui.db"))
    win = MainWindow(db, ADMIN)
    qtbot.addWidget(win)
    win.show()
    yield win
    for translator in translators:
        qapp.removeTranslator(translator)
    db.dispose()


def test_navigation_lists_every_page_in_chinese(window: MainWindow) -> None:
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [
        "收银台",
        "商品与认定",
        "供应商",
        "帮扶户",
        "合作社与团购",
        "标签打印",
        "库存",
        "代销结算",
        "积分超市",
        "月度汇总",
        "用户与日志",
        "设置",
    ]
    assert window.windowTitle().startswith("帮扶")
    assert "数据库：SQLite" in window.db_label.text()


def test_clicking_and_keys_switch_pages(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    rect = window.nav.visualItemRect(window.nav.item(9))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_slug() == "summary"
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_slug() == "users"
    window.show_page("settings")
    assert window.stack.currentWidget().findChild(type(window.db_label), "pageTitle").text() == "设置"


def test_page_slugs_match_the_command_line() -> None:
    from cli.main import PAGES as CLI_PAGES

    assert tuple(spec.slug for spec in PAGES) == CLI_PAGES


def test_english_is_available(qtbot, qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, "en")
    db = open_database(str(tmp_path / "en.db"))
    win = MainWindow(db, ADMIN)
    qtbot.addWidget(win)
    assert win.nav.item(0).text() == "Checkout"
    settle()  # the first page's loads end before the database is closed under them
    db.dispose()


def test_screenshot_command_renders_the_window(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [
            sys.executable,
            "main.py",
            "--db",
            str(tmp_path / "s.db"),
            "gui",
            "--screenshot",
            str(out),
            "--page",
            "summary",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)  # the counters' common screen (--size)
    assert image.pixelColor(40, 300).red() > 120  # the red navigation bar was painted


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_name_fits_the_sidebar(qtbot, qapp, tmp_path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """In English, "Cooperatives & bulk orders" was cut off above a horizontal scrollbar."""
    from PySide6.QtWidgets import QApplication

    translators = install_translations(qapp, lang)
    db = open_database(str(tmp_path / "gui.db"))
    try:
        win = MainWindow(db, ADMIN)
        qtbot.addWidget(win)
        win.resize(1366, 768)
        win.show()
        QApplication.processEvents()
        room = win.nav.viewport().width()
        for row in range(win.nav.count()):
            text = win.nav.item(row).text()
            assert win.nav.fontMetrics().horizontalAdvance(text) + 18 * 2 + 4 <= room, text
        assert not win.nav.horizontalScrollBar().isVisible()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        settle()
        db.dispose()


def test_page_titles_sit_at_one_height_and_settings_lists_counters_and_templates(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication, QLabel

    from gui.pages.settings import SettingsPage
    from gui.tasks import settle
    from tests import factories

    with window.db.session() as session, session.begin():
        factories.counter(session, "ZZ01", "市民服务中心专柜")
    window.resize(1366, 768)
    heights = {}
    for spec in PAGES:
        window.show_page(spec.slug)
        QApplication.processEvents()
        page = window.stack.currentWidget()
        (title,) = [label for label in page.findChildren(QLabel, "pageTitle") if label.isVisible()]
        heights[spec.slug] = title.mapTo(window, QPoint(0, 0)).y()
    assert len(set(heights.values())) == 1, heights
    settle()  # the settings page reads its lists on the worker
    settings = window.stack.currentWidget()
    assert isinstance(settings, SettingsPage)
    assert [row.code for row in settings.counters.rows] == ["ZZ01"]
    assert settings.templates.rowCount() >= 6  # the shipped label stocks


def test_an_older_load_never_overwrites_a_newer_one(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """Two loads of one view: the first is slow and finishes last; only the second's result shows."""
    import threading

    from PySide6.QtWidgets import QWidget

    from gui.tasks import run_task, wait_for_background

    page = QWidget()
    qtbot.addWidget(page)
    shown: list[str] = []
    release = threading.Event()

    def slow(_report):  # type: ignore[no-untyped-def]
        release.wait(10)
        return "old"

    first = run_task(page, "load", slow, shown.append, lambda e: None, view="rows")
    run_task(page, "load", lambda _report: "new", shown.append, lambda e: None, view="rows")
    assert first.token.cancelled  # the older load is asked to stop
    release.set()
    wait_for_background()
    qtbot.waitUntil(lambda: shown == ["new"])
    qapp.processEvents()
    assert shown == ["new"]


def test_garbage_is_collected_on_the_gui_thread_never_on_a_worker(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """A worker that collected a cycle holding a widget would destroy it off the GUI thread."""
    import gc
    import threading

    from PySide6.QtWidgets import QWidget

    from gui.tasks import collect_on_gui_thread, run_task

    on_gui_thread: list[bool] = []

    def seen(phase: str, _info: object) -> None:
        if phase == "start":
            on_gui_thread.append(threading.current_thread() is threading.main_thread())

    gc.enable()  # as a process starts (the tests keep it off: see conftest)
    gc.callbacks.append(seen)
    try:
        collect_on_gui_thread(qapp)
        page = QWidget()
        qtbot.addWidget(page)
        done: list[int] = []
        many = gc.get_threshold()[0] * 20  # young objects alive at once: collections come due
        run_task(page, "load", lambda _report: len([[n] for n in range(many)]), done.append, lambda e: None)
        qtbot.waitUntil(lambda: bool(done))
        kept = [[n] for n in range(many)]
        qtbot.waitUntil(lambda: True in on_gui_thread, timeout=5000)  # the GUI thread's timer collects
        assert len(kept) == many
    finally:
        gc.callbacks.remove(seen)
        gc.disable()
    assert False not in on_gui_thread  # and no worker ever did


def test_a_write_tells_every_page_that_shows_its_kind(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from gui.pages.products import ProductsPage
    from gui.pages.suppliers import SuppliersPage
    from gui.tasks import announce

    window.show_page("catalog")
    window.show_page("suppliers")
    products = next(w for w in window._built.values() if isinstance(w, ProductsPage))
    suppliers = next(w for w in window._built.values() if isinstance(w, SuppliersPage))
    qtbot.waitUntil(lambda: products.task is None and suppliers.task is None)
    reloads: list[str] = []
    products.reload = lambda: reloads.append("products")  # type: ignore[method-assign]
    suppliers.reload = lambda: reloads.append("suppliers")  # type: ignore[method-assign]
    announce("products")
    assert reloads == ["products"]
    announce("suppliers")
    assert sorted(reloads) == ["products", "products", "suppliers"]  # a product row names its supplier
