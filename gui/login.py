"""Signing in, creating the first administrator, and unlocking an idle checkout."""

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.auth import Actor, authenticate, can, change_password, create_user
from core.db import Database
from core.errors import BangfuError


class PasswordDialog(QDialog):
    """A form with an error line; ``attempt()`` returns the actor or raises BangfuError."""

    def __init__(self, parent: QWidget | None, title: str, intro: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
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

    def attempt(self) -> Actor:
        raise NotImplementedError

    def try_accept(self) -> None:
        try:
            self.actor = self.attempt()
        except BangfuError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class LoginDialog(PasswordDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent, self.tr("Sign in to Bangfu"), self.tr("Sign in with your user name and password."))
        self.db = db
        self.username = self.line(self.tr("User name"))
        self.password = self.line(self.tr("Password"), secret=True)

    def attempt(self) -> Actor:
        # Failed attempts are written too (audit trail, lockout), so the transaction commits.
        with self.db.session() as session:
            session.begin()
            try:
                actor = authenticate(session, self.username.text(), self.password.text())
            finally:
                session.commit()
        return actor


class FirstAdminDialog(PasswordDialog):
    """The first start on an empty database: create the administrator (there is no default)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            self.tr("Create the administrator"),
            self.tr("This database has no users yet. Create the administrator account; keep the password safe."),
        )
        self.db = db
        self.username = self.line(self.tr("User name"))
        self.display_name = self.line(self.tr("Name"))
        self.password = self.line(self.tr("Password (at least 8 characters)"), secret=True)
        self.again = self.line(self.tr("Password again"), secret=True)

    def attempt(self) -> Actor:
        if self.password.text() != self.again.text():
            raise BangfuError(self.tr("The two passwords differ."))
        with self.db.session() as session, session.begin():
            user = create_user(
                session, None, self.username.text(), self.display_name.text(), "admin", self.password.text()
            )
            return Actor(user.username, user.role, user_id=user.id)


class UnlockDialog(PasswordDialog):
    """After the idle time: the same user, or a manager, unlocks the window."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            self.tr("Locked"),
            self.tr("The window was locked after a pause. {user} or a manager can unlock it.").replace(
                "{user}", actor.username
            ),
        )
        self.db, self.locked_for = db, actor
        self.username = self.line(self.tr("User name"))
        self.username.setText(actor.username)
        self.password = self.line(self.tr("Password"), secret=True)

    def attempt(self) -> Actor:
        with self.db.session() as session:
            session.begin()
            try:
                who = authenticate(session, self.username.text(), self.password.text())
            finally:
                session.commit()
        if who.username != self.locked_for.username and not can(who, "price.override"):
            raise BangfuError(self.tr("Only the same user or a manager can unlock."))
        return self.locked_for

    def reject(self) -> None:  # a locked window stays locked
        return


class ChangePasswordDialog(PasswordDialog):
    """Any signed-in user changes their own password (the old one is asked for)."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            self.tr("Change password"),
            self.tr("Change the password of {user}.").replace("{user}", actor.username),
        )
        self.db, self.for_actor = db, actor
        self.old = self.line(self.tr("Current password"), secret=True)
        self.new = self.line(self.tr("New password (at least 8 characters)"), secret=True)
        self.again = self.line(self.tr("New password again"), secret=True)

    def attempt(self) -> Actor:
        if self.new.text() != self.again.text():
            raise BangfuError(self.tr("The two passwords differ."))
        with self.db.session() as session, session.begin():
            change_password(
                session, self.for_actor, self.for_actor.username, self.new.text(), old_password=self.old.text()
            )
        return self.for_actor
