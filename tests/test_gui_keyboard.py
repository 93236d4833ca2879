"""The keyboard lands where the clerk types (issue 13): password dialogs driven by real keys."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from core.auth import create_user
from core.db import open_database
from gui.login import ChangePasswordDialog, FirstAdminDialog, LoginDialog, UnlockDialog
from gui.tasks import settle
from tests.factories import ADMIN

pytestmark = pytest.mark.gui


@pytest.fixture
def db(tmp_path, qapp):  # type: ignore[no-untyped-def]
    database = open_database(str(tmp_path / "keys.db"))
    with database.session() as session, session.begin():
        create_user(session, ADMIN, "li", "李", "manager", "manager-pass")
    yield database
    database.dispose()


def _type(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _key(qtbot, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key)


def _open(qtbot, dialog: QDialog) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog


def test_sign_in_by_name_tab_password_enter(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, LoginDialog(db))
    assert QApplication.focusWidget() is dialog.username
    _type(qtbot, "li")
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.password
    _type(qtbot, "manager-pass")
    _key(qtbot, Qt.Key.Key_Return)
    assert not dialog.ok.isEnabled()  # the password is checked on the worker; Enter again does nothing
    settle()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None
    assert dialog.actor.username == "li"


def test_tab_runs_fields_then_ok_then_cancel(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, ChangePasswordDialog(db, ADMIN))
    seen = []
    for _step in range(5):
        seen.append(QApplication.focusWidget())
        _key(qtbot, Qt.Key.Key_Tab)
    assert seen == [dialog.old, dialog.new, dialog.again, dialog.ok, dialog.cancel]


def test_every_password_dialog_starts_in_its_first_field_to_fill(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    first = _open(qtbot, FirstAdminDialog(db))
    assert QApplication.focusWidget() is first.username
    first.close()
    unlock = _open(qtbot, UnlockDialog(db, ADMIN))
    assert QApplication.focusWidget() is unlock.password  # the user name is filled in already


def test_enter_from_the_first_field_submits_and_names_the_problem(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, LoginDialog(db))
    _type(qtbot, "li")
    _key(qtbot, Qt.Key.Key_Return)
    settle()
    assert dialog.isVisible()
    assert "wrong user name or password" in dialog.error.text()
    assert dialog.ok.isEnabled()
    assert QApplication.focusWidget() is dialog.password  # to be typed again


def test_the_scan_field_has_the_keyboard_whenever_the_checkout_is_visible(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from core.auth import Actor
    from gui.main_window import MainWindow
    from tests import factories

    with db.session() as session, session.begin():
        factories.counter(session, "ZZ01")
    window = MainWindow(db, Actor("wang", "cashier", counter_code="ZZ01"))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    counter = window.stack.currentWidget()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is counter.scan_field)  # after sign-in
    window.nav.setFocus()
    window.show_page("catalog")
    window.show_page("counter")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is counter.scan_field)  # back on the page
    dialog = QDialog(window)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.close()
    window.activateWindow()  # what the window system does when a dialog closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is counter.scan_field)


def test_a_password_typed_before_the_database_is_open_is_checked_once_it_is(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    """The sign-in window shows before the database opens (gui.app): a quick typist's Enter
    waits, and the check runs the moment the database arrives."""
    dialog = _open(qtbot, LoginDialog(None))
    _type(qtbot, "li")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "manager-pass")
    _key(qtbot, Qt.Key.Key_Return)
    settle()
    assert dialog.isVisible()
    assert not dialog.ok.isEnabled()  # submitted, waiting: Enter again does nothing
    dialog.attach(db)
    settle()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None
    assert dialog.actor.username == "li"


def _when_shown(kind: type | None, act) -> None:  # type: ignore[no-untyped-def]
    """Run ``act(dialog)`` once a modal dialog of ``kind`` is up (sign_in runs their loops itself);
    after 10 s, whatever dialog is up is closed, so that a wrong turn fails the test, never hangs it."""
    tries = iter(range(1000))

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if next(tries, None) is None:
            if isinstance(dialog, QDialog):
                dialog.done(0)
        elif kind is not None and isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def test_the_first_start_asks_for_the_administrator_once_the_database_is_open(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from gui.app import Opening, sign_in

    opening = Opening(str(tmp_path / "first.db"))

    def fill(dialog: FirstAdminDialog) -> None:
        for field, text in zip(dialog.fields, ("boss", "Boss", "first-pass", "first-pass"), strict=True):
            qtbot.keyClicks(field, text)
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)

    _when_shown(FirstAdminDialog, fill)
    try:
        actor = sign_in(opening)
        assert actor is not None
        assert (actor.username, actor.role) == ("boss", "admin")
    finally:
        settle()
        opening.close()


def test_a_database_that_cannot_open_is_reported_after_the_sign_in_window(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from core.errors import BangfuError
    from gui.app import Opening, sign_in

    (tmp_path / "a file").write_text("not a folder")
    opening = Opening(str(tmp_path / "a file" / "x.db"))
    _when_shown(None, None)  # (only its time limit)
    try:
        with pytest.raises(BangfuError):
            sign_in(opening)
    finally:
        opening.close()
