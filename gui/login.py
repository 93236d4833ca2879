"""Signing in, creating the first administrator, and unlocking an idle checkout.

A password check takes ~0.13 s (Argon2id), so it runs on the worker like every other service
call; the OK button waits meanwhile.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.errors import BangfuError
from gui.tasks import message_for, write

if TYPE_CHECKING:  # only in annotations (see the contracts); the sign-in window shows before the
    # data layer loads (gui.app), so the checks import core.auth on the worker, when they run
    from sqlalchemy.orm import Session

    from core.auth import Actor
    from core.db import Database


class PasswordDialog(QDialog):
    """A form with an error line. ``operation()`` is the service call that checks what was typed
    (committed whatever it returns, so a refused password is audited and counts toward the
    lockout); ``take(result)`` turns its result into the actor, or raises BangfuError to refuse."""

    def __init__(self, parent: QWidget | None, db: "Database | None", title: str, intro: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.db = db  # None while it opens behind the sign-in window (attach)
        self.checking = False  # the check is on the worker: Enter again does nothing
        self.waiting: Callable[[Session], object] | None = None  # typed before the database was open
        self.actor: Actor | None = None
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok.setDefault(True)  # Enter in any field submits
        self.fields: list[QLineEdit] = []
        heading = QLabel(intro)
        heading.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def line(self, label: str, secret: bool = False) -> QLineEdit:
        edit = QLineEdit()
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(label, edit)
        # The buttons exist before the fields, so Tab would visit them first: fields → 确定 → 取消.
        if self.fields:
            QWidget.setTabOrder(self.fields[-1], edit)
        QWidget.setTabOrder(edit, self.ok)
        QWidget.setTabOrder(self.ok, self.cancel)
        self.fields.append(edit)
        return edit

    def showEvent(self, event: QShowEvent) -> None:
        """The keyboard starts in the first field still to fill (the password when unlocking)."""
        super().showEvent(event)
        first = next((f for f in self.fields if not f.text()), self.fields[0] if self.fields else None)
        if first is not None:
            first.setFocus()

    def operation(self) -> "Callable[[Session], object]":
        """Raises BangfuError for what is wrong without asking the database (two passwords differ)."""
        raise NotImplementedError

    def take(self, result: object) -> "Actor":
        from core.auth import Actor

        if isinstance(result, BangfuError):
            raise result
        assert isinstance(result, Actor)
        return result

    def try_accept(self) -> None:
        if self.checking:
            return
        try:
            operation = self.operation()
        except BangfuError as exc:
            self.refuse(exc)
            return
        self.checking = True
        self.ok.setEnabled(False)
        if self.db is None:  # a quick typist: checked the moment the database is open
            self.waiting = operation
            return
        self._check(self.db, operation)

    def attach(self, db: "Database") -> None:
        """The database, now open; what was submitted before is checked on it now."""
        self.db = db
        operation, self.waiting = self.waiting, None
        if operation is not None:
            self._check(db, operation)

    def _check(self, db: "Database", operation: "Callable[[Session], object]") -> None:
        write(self, db, operation, self._checked, self._failed, label=self.tr("Checking the password…"))

    def _checked(self, result: object) -> None:
        self._failed(None)
        try:
            self.actor = self.take(result)
        except BangfuError as exc:
            self.refuse(exc)
            return
        self.accept()

    def _failed(self, error: BaseException | None) -> None:
        self.checking = False
        self.ok.setEnabled(True)
        if error is not None:
            self.refuse(error)

    def refuse(self, error: BaseException) -> None:
        """The reason under the fields; the password is selected, to be typed again."""
        self.error.setText(message_for(error))
        secret = [f for f in self.fields if f.echoMode() == QLineEdit.EchoMode.Password]
        if secret:
            secret[0].setFocus()
            secret[0].selectAll()


class LoginDialog(PasswordDialog):
    def __init__(self, db: "Database | None", parent: QWidget | None = None) -> None:
        super().__init__(parent, db, self.tr("Sign in to Bangfu"), self.tr("Sign in with your user name and password."))
        self.username = self.line(self.tr("User name"))
        self.password = self.line(self.tr("Password"), secret=True)

    def operation(self) -> "Callable[[Session], object]":
        return _signing_in(self.username.text(), self.password.text())


def _signing_in(username: str, password: str) -> "Callable[[Session], object]":
    def check(session: "Session") -> object:
        from core.auth import sign_in

        return sign_in(session, username, password)

    return check


class FirstAdminDialog(PasswordDialog):
    """The first start on an empty database: create the administrator (there is no default)."""

    def __init__(self, db: "Database", parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            db,
            self.tr("Create the administrator"),
            self.tr("This database has no users yet. Create the administrator account; keep the password safe."),
        )
        self.username = self.line(self.tr("User name"))
        self.display_name = self.line(self.tr("Name"))
        self.password = self.line(self.tr("Password (at least 8 characters)"), secret=True)
        self.again = self.line(self.tr("Password again"), secret=True)

    def operation(self) -> "Callable[[Session], object]":
        if self.password.text() != self.again.text():
            raise BangfuError(self.tr("The two passwords differ."))
        username, name, password = self.username.text(), self.display_name.text(), self.password.text()

        def create(session: "Session") -> object:
            from core.auth import actor_of, create_user

            return actor_of(create_user(session, None, username, name, "admin", password))

        return create


class UnlockDialog(PasswordDialog):
    """After the idle time: the same user, or a manager, unlocks the window."""

    def __init__(self, db: "Database", actor: "Actor", parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            db,
            self.tr("Locked"),
            self.tr("The window was locked after a pause. {user} or a manager can unlock it.").replace(
                "{user}", actor.username
            ),
        )
        self.locked_for = actor
        self.username = self.line(self.tr("User name"))
        self.username.setText(actor.username)
        self.password = self.line(self.tr("Password"), secret=True)

    def operation(self) -> "Callable[[Session], object]":
        return _signing_in(self.username.text(), self.password.text())

    def take(self, result: object) -> "Actor":
        from core.auth import can

        who = super().take(result)
        if who.username != self.locked_for.username and not can(who, "price.override"):
            raise BangfuError(self.tr("Only the same user or a manager can unlock."))
        return self.locked_for

    def reject(self) -> None:  # a locked window stays locked
        return


class ChangePasswordDialog(PasswordDialog):
    """Any signed-in user changes their own password (the old one is asked for)."""

    def __init__(self, db: "Database", actor: "Actor", parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            db,
            self.tr("Change password"),
            self.tr("Change the password of {user}.").replace("{user}", actor.username),
        )
        self.for_actor = actor
        self.old = self.line(self.tr("Current password"), secret=True)
        self.new = self.line(self.tr("New password (at least 8 characters)"), secret=True)
        self.again = self.line(self.tr("New password again"), secret=True)

    def operation(self) -> "Callable[[Session], object]":
        if self.new.text() != self.again.text():
            raise BangfuError(self.tr("The two passwords differ."))
        actor, new, old = self.for_actor, self.new.text(), self.old.text()

        def change(session: "Session") -> object:
            from core.auth import change_password

            change_password(session, actor, actor.username, new, old_password=old)
            return None

        return change

    def take(self, result: object) -> "Actor":
        return self.for_actor
