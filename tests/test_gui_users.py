"""Signing in, roles in the window, the users & log page, settings (issue 5)."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import select

from core.auth import Actor, create_user
from core.db import open_database
from core.models import AuditEvent
from gui.app import install_translations
from gui.login import FirstAdminDialog, LoginDialog, UnlockDialog
from gui.main_window import MainWindow
from gui.pages.settings import SettingsPage
from gui.pages.users import UsersPage
from gui.tasks import settle
from tests.factories import ADMIN

pytestmark = pytest.mark.gui


@pytest.fixture
def db(tmp_path: Path, qapp):  # type: ignore[no-untyped-def]
    translators = install_translations(qapp, "zh")
    database = open_database(str(tmp_path / "users.db"))
    yield database
    database.dispose()
    for translator in translators:
        qapp.removeTranslator(translator)


def test_first_start_creates_the_administrator_then_login_works(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    first = FirstAdminDialog(db)
    qtbot.addWidget(first)
    qtbot.keyClicks(first.username, "admin")
    qtbot.keyClicks(first.password, "strong-pass-1")
    qtbot.keyClicks(first.again, "strong-pass-2")
    first.try_accept()
    settle()
    assert "两次输入的密码不一致" in first.error.text()
    first.again.clear()
    qtbot.keyClicks(first.again, "strong-pass-1")
    first.try_accept()
    settle()
    assert first.actor is not None
    assert first.actor.role == "admin"

    login = LoginDialog(db)
    qtbot.addWidget(login)
    qtbot.keyClicks(login.username, "admin")
    qtbot.keyClicks(login.password, "wrong-one")
    login.try_accept()
    settle()
    assert login.actor is None
    assert "wrong user name or password" in login.error.text()  # core messages: English in tests
    login.password.clear()
    qtbot.keyClicks(login.password, "strong-pass-1")
    login.try_accept()
    settle()
    assert login.actor is not None
    with db.read_session() as session:  # the failed attempt was kept, not rolled back
        assert session.scalar(select(AuditEvent.id).where(AuditEvent.action == "login.failed")) is not None


def test_a_cashier_sees_only_what_a_cashier_may_use(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(db, Actor("wang", "cashier", counter_code="ZZ01"))
    qtbot.addWidget(window)
    shown = [window.nav.item(i).text() for i in range(window.nav.count()) if not window.nav.item(i).isHidden()]
    assert shown == ["收银台", "商品与认定", "积分超市"]  # a clerk at a points supermarket redeems there
    assert "收银员" in window.user_label.text()


def test_the_idle_lock_opens_for_the_same_user_or_a_manager(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session, session.begin():
        create_user(session, ADMIN, "wang", "王", "cashier", "cashier-pass", counter_code="ZZ01")
        create_user(session, ADMIN, "zhao", "赵", "cashier", "cashier-pass", counter_code="ZZ02")
        create_user(session, ADMIN, "li", "李", "manager", "manager-pass")
    window = MainWindow(db, Actor("wang", "cashier", counter_code="ZZ01"), idle_minutes=5)
    qtbot.addWidget(window)
    assert window.idle.isActive()
    dialog = window.lock()
    assert isinstance(dialog, UnlockDialog)
    dialog.username.setText("zhao")
    dialog.password.setText("cashier-pass")
    dialog.try_accept()
    settle()
    assert dialog.isVisible()  # another cashier cannot unlock
    dialog.reject()
    assert dialog.isVisible()  # Escape does not unlock either
    dialog.username.setText("li")
    dialog.password.setText("manager-pass")
    dialog.try_accept()
    settle()
    assert not dialog.isVisible()


def test_users_and_log_page_lists_and_exports_the_audit_trail(qtbot, db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session, session.begin():
        create_user(session, ADMIN, "li", "李", "manager", "manager-pass")
    page = UsersPage(db, ADMIN, "用户与日志")
    qtbot.addWidget(page)
    page.show()
    audit = page.audit
    qtbot.waitUntil(lambda: audit.model.rowCount() >= 1)
    assert page.tabs.count() == 2
    audit.action.setCurrentIndex(audit.action.findData("user"))
    assert audit.proxy.rowCount() == 1
    audit.export(str(tmp_path / "audit.csv"))  # written by the worker, not the GUI thread
    qtbot.waitUntil(lambda: audit.task is None and (tmp_path / "audit.csv").exists())
    assert "user.create" in (tmp_path / "audit.csv").read_text(encoding="utf-8-sig")
    with db.read_session() as session:
        assert session.scalars(select(AuditEvent.action).order_by(AuditEvent.id.desc())).first() == "export.audit"
    manager_view = UsersPage(db, Actor("li", "manager"), "用户与日志")
    qtbot.addWidget(manager_view)
    assert manager_view.tabs.count() == 1  # managers read the log but do not manage users


def test_settings_page_saves_and_backs_up(qtbot, db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = SettingsPage(db, ADMIN, "设置")
    qtbot.addWidget(page)
    page.idle.setValue(3)
    page.save()
    task = page.backup_now(str(tmp_path / "b.db"))
    assert task is not None
    qtbot.waitUntil(lambda: "通过校验" in page.status.text())
    assert (tmp_path / "b.db").exists()
    with db.read_session() as session:
        changed = session.scalars(select(AuditEvent.target).where(AuditEvent.action == "settings.change")).all()
    assert "idle_minutes" in changed


def test_any_user_changes_their_own_password(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session, session.begin():
        create_user(session, ADMIN, "wang", "王", "cashier", "cashier-pass", counter_code="ZZ01")
    window = MainWindow(db, Actor("wang", "cashier"))
    qtbot.addWidget(window)
    dialog = window.change_password()
    dialog.old.setText("wrong-pass")
    dialog.new.setText("new-cashier-pass")
    dialog.again.setText("new-cashier-pass")
    dialog.try_accept()
    settle()
    assert "wrong password" in dialog.error.text()
    dialog.old.setText("cashier-pass")
    dialog.try_accept()
    settle()
    assert not dialog.isVisible()
    login = LoginDialog(db)
    qtbot.addWidget(login)
    login.username.setText("wang")
    login.password.setText("new-cashier-pass")
    login.try_accept()
    settle()
    assert login.actor is not None


def test_settings_registers_a_counter_and_binds_the_workstation(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    page = SettingsPage(db, ADMIN, "设置")
    qtbot.addWidget(page)
    dialog = page.new_counter()
    dialog.inputs["code"].setText("ZZ07")  # type: ignore[union-attr]
    dialog.inputs["name"].setText("东站专馆")  # type: ignore[union-attr]
    dialog.try_save()
    qtbot.waitUntil(lambda: page.counter.findData("ZZ07") > 0)
    page.counter.setCurrentIndex(page.counter.findData("ZZ07"))
    page.save()
    assert QSettings().value("counter") == "ZZ07"
    QSettings().remove("counter")


def test_settings_adds_a_label_template(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from catalog.labels import templates

    page = SettingsPage(db, ADMIN, "设置")
    qtbot.addWidget(page)
    dialog = page.new_template()
    values = dict(name="a4-1x2", title="A4 两张", page_w="210", page_h="297", label_w="200", label_h="140")
    values |= dict(columns="1", rows="2", margin_left="5", margin_top="5", gap_x="0", gap_y="2")
    for name, value in values.items():
        dialog.inputs[name].setText(value)  # type: ignore[union-attr]
    dialog.try_save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with db.read_session() as session:
        assert templates(session)["a4-1x2"].per_page == 2


def test_the_audit_log_reads_in_the_business_zone_and_the_windows_language(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    """Today the page showed the PC's own zone and the stored codes (user.create, role=manager)."""
    import datetime as dt

    from core.i18n import set_language
    from core.models import AuditEvent

    set_language("zh")  # the window's language, as run_gui sets it
    with db.session() as session, session.begin():
        create_user(session, ADMIN, "li", "李", "manager", "manager-pass")
        stored = session.scalars(select(AuditEvent).where(AuditEvent.action == "user.create")).one()
        beijing = stored.at.astimezone(dt.timezone(dt.timedelta(hours=8))).strftime("%Y-%m-%d %H:%M:%S")
    page = UsersPage(db, ADMIN, "用户与日志")
    qtbot.addWidget(page)
    audit = page.audit
    qtbot.waitUntil(lambda: audit.model.rowCount() >= 1)
    audit.action.setCurrentIndex(audit.action.findData("user"))
    assert audit.action.currentText() == "用户"
    row = [audit.proxy.index(0, column).data() for column in range(5)]
    assert row == [beijing, ADMIN.username, "新建用户", "li", "角色 manager"]
    with db.read_session() as session:
        assert session.scalars(select(AuditEvent.action).where(AuditEvent.target == "li")).one() == "user.create"


def test_every_audit_action_and_summary_has_its_wording() -> None:
    from core.audit_text import action_text, summary_text

    assert action_text("import.products") == "import: products"
    assert action_text("households.update") == "households: changed"
    assert action_text("shift.close") == "shift closed"
    assert action_text("something.new") == "something.new"  # unknown: as stored
    assert summary_text("added 3, skipped 0") == "added 3, skipped 0"
    assert summary_text("price: 6800 → 7250") == "price: 6800 → 7250"


def test_the_audit_export_checks_the_permission(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """It wrote the file and its audit row on the GUI thread without asking who may."""
    from core.audit_trail import export_audit
    from core.auth import PermissionDenied

    with db.session() as session, session.begin(), pytest.raises(PermissionDenied):
        export_audit(session, Actor("wang", "cashier", counter_code="ZZ01"), tmp_path / "a.csv", [1])
    assert not (tmp_path / "a.csv").exists()
