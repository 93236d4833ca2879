"""Who may do what: users, passwords, one permission table, and the actor every service checks.

Services take an ``Actor`` and call ``require`` before they change anything, so a role's limits
hold whether the request comes from the window, the command line or a test. The window only
hides what ``can`` says no to.
"""

import datetime as dt
import getpass
import hashlib
import hmac
import secrets
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.audit import record
from core.codes import ROLES
from core.errors import BangfuError, InvalidValue
from core.i18n import _
from core.locks import serialize
from core.models import User, utc_now

if TYPE_CHECKING:
    from argon2 import PasswordHasher

APPROVAL_FOR = dt.timedelta(minutes=5)
_APPROVAL_KEY = secrets.token_bytes(32)  # new at every start: an approval never outlives the program
LOCK_AFTER = 5
LOCK_FOR = dt.timedelta(minutes=5)
MIN_PASSWORD = 8

# One table for the whole program. coop_manager permissions apply to its own supplier only.
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset(
        {"sale.record", "sale.refund", "price.override", "shift.close", "report.view", "registry.view",
         "registry.edit", "registry.import", "registry.export", "certificate.change", "sales.import",
         "labels.print", "coop.sales", "users.manage", "audit.view", "settings.change", "id.reveal",
         "backup", "demo.load", "households.edit", "linkages.edit", "suppliers.view", "households.view",
         "report.issue", "bulk.manage", "settlement.view", "settlement.terms", "settlement.issue",
         "stock.manage", "stock.view", "stocktake.approve", "points.view", "points.award", "points.redeem",
         "points.adjust", "points.import"}
    ),
    "manager": frozenset(
        {"sale.record", "sale.refund", "price.override", "shift.close", "report.view", "registry.view",
         "registry.export", "labels.print", "audit.view", "suppliers.view", "households.view", "bulk.manage",
         "coop.sales", "settlement.view", "stock.manage", "stock.view", "stocktake.approve", "points.view",
         "points.award", "points.redeem", "points.adjust"}
    ),
    "cashier": frozenset({"sale.record", "registry.view", "points.view", "points.redeem"}),
    "coop_manager": frozenset({"registry.view", "registry.edit", "labels.print", "coop.sales", "sales.import",
                               "stock.view", "settlement.view"}),
    # 村干部: awards for the households of their regions, adjustments proposed for a second person
    "village_officer": frozenset({"points.view", "points.award", "points.adjust"}),
}  # fmt: skip
# Who may approve a points proposal (an award above the threshold, any adjustment): never its proposer.
APPROVERS = ("admin", "manager")


@cache
def _hasher() -> "PasswordHasher":
    """Argon2id with argon2-cffi's defaults (above OWASP's minimum), loaded at the first password."""
    from argon2 import PasswordHasher

    return PasswordHasher()


@dataclass(frozen=True)
class Actor:
    """The person (or the command line) doing something; ``supplier_id`` binds a coop manager,
    ``counter_code`` binds a cashier to a counter."""

    username: str
    role: str
    supplier_id: int | None = None
    counter_code: str | None = None
    user_id: int | None = None
    regions: tuple[str, ...] = ()  # a village officer's region codes


class PermissionDenied(BangfuError):
    pass


def command_line_actor() -> Actor:
    """The command line acts as the administrator of the machine it runs on."""
    try:
        who = f"{getpass.getuser()}@{socket.gethostname()}"
    except Exception:  # no user name in a service account: still say it was the command line
        who = "unknown"
    return Actor(f"cli:{who}", "admin")


def can(actor: Actor, permission: str) -> bool:
    return permission in PERMISSIONS.get(actor.role, frozenset())


def require(actor: Actor, permission: str, supplier_id: int | None = None) -> None:
    """Refuse unless ``actor`` holds ``permission`` (and, for a coop manager, owns ``supplier_id``)."""
    if not can(actor, permission):
        raise PermissionDenied(
            _("{user} ({role}) may not do this: {permission}").format(
                user=actor.username, role=actor.role, permission=permission
            )
        )
    if actor.role == "coop_manager" and supplier_id is not None and supplier_id != actor.supplier_id:
        raise PermissionDenied(
            _("{user} may only work with their own cooperative's records").format(user=actor.username)
        )


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidValue("password", _("at least {n} characters").format(n=MIN_PASSWORD))


def actor_of(user: User) -> Actor:
    regions = tuple(code for code in (user.region_codes or "").split(",") if code)
    return Actor(user.username, user.role, user.supplier_id, user.counter_code, user.id, regions)


def first_admin(session: Session) -> Actor | None:
    """The first administrator account (a window screenshot is taken as them), if any."""
    user = session.scalars(select(User).where(User.role == "admin").order_by(User.id)).first()
    return actor_of(user) if user else None


def has_users(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(User)))


def create_user(
    session: Session,
    actor: Actor | None,
    username: str,
    display_name: str,
    role: str,
    password: str,
    supplier_id: int | None = None,
    counter_code: str | None = None,
    region_codes: Sequence[str] = (),
) -> User:
    """Add a user. With no users yet, the first one is created without an actor and must be an admin."""
    if actor is None:
        if has_users(session) or role != "admin":
            raise PermissionDenied(_("only the first user, an administrator, can be created without signing in"))
        actor_name = username
    else:
        require(actor, "users.manage")
        actor_name = actor.username
    username = username.strip()
    if not username:
        raise InvalidValue("username", _("required, but empty"))
    if role not in ROLES:
        raise InvalidValue("role", _("must be one of {choices}").format(choices=", ".join(ROLES)))
    if role == "coop_manager" and supplier_id is None:
        raise InvalidValue("supplier", _("a cooperative manager is bound to one supplier"))
    if role == "cashier" and not counter_code:
        raise InvalidValue("counter", _("a cashier is bound to one counter"))
    regions = [code.strip() for code in region_codes if code.strip()]
    if role == "village_officer" and not regions:
        raise InvalidValue("regions", _("a village officer is bound to one or more region codes"))
    for code in regions:
        if not (len(code) == 6 and code.isdigit()):
            raise InvalidValue("regions", _("a region code has 6 digits: {value}").format(value=code))
    serialize(session, User.username, username)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise InvalidValue("username", _("{value} is already used by another record").format(value=username))
    _check_password(password)
    user = User(
        username=username,
        display_name=display_name.strip() or username,
        role=role,
        password_hash=_hasher().hash(password),
        supplier_id=supplier_id,
        counter_code=counter_code,
        region_codes=",".join(regions) if role == "village_officer" else None,
    )
    session.add(user)
    session.flush()
    record(session, actor_name, "user.create", username, f"role={role}")
    return user


@dataclass(frozen=True)
class Approval:
    """Proof that a manager typed their password to approve one kind of action, good for a few
    minutes. Only ``approve`` makes a genuine one: its seal is a keyed hash with a secret of
    this process, so an Approval built by hand is refused by ``approved_by``."""

    actor: Actor
    permission: str
    expires: dt.datetime
    seal: str


def _seal(actor: Actor, permission: str, expires: dt.datetime) -> str:
    message = "\x1f".join(str(v) for v in (actor.username, actor.role, actor.user_id, permission, expires.isoformat()))
    return hmac.new(_APPROVAL_KEY, message.encode(), hashlib.sha256).hexdigest()


def approve(
    session: Session, username: str, password: str, permission: str, now: dt.datetime | None = None
) -> Approval:
    """A manager's password check for ``permission``; the sign-in rules (lockout, audit) apply."""
    now = now or utc_now()
    actor = authenticate(session, username, password, now)
    require(actor, permission)
    expires = now + APPROVAL_FOR
    return Approval(actor, permission, expires, _seal(actor, permission, expires))


def approved_by(approval: Approval, permission: str, now: dt.datetime | None = None) -> Actor:
    """The manager behind a genuine, unexpired approval for ``permission``; refuses anything else."""
    genuine = hmac.compare_digest(approval.seal, _seal(approval.actor, approval.permission, approval.expires))
    if not genuine or approval.permission != permission or approval.expires < (now or utc_now()):
        raise PermissionDenied(_("the approval is not valid (expired or not given by a password); ask again"))
    require(approval.actor, permission)
    return approval.actor


@cache
def _dummy_hash() -> str:
    return _hasher().hash(secrets.token_hex(16))


def _password_matches(password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerifyMismatchError

    try:
        return _hasher().verify(password_hash, password)
    except (VerifyMismatchError, InvalidHashError):
        return False


def authenticate(session: Session, username: str, password: str, now: dt.datetime | None = None) -> Actor:
    """Check a password; five failures lock the account for five minutes. Every try is audited."""
    now = now or utc_now()
    user = session.scalars(select(User).where(User.username == username.strip())).one_or_none()
    refused = BangfuError(_("wrong user name or password"))
    if user is None or not user.active:
        # As slow as a real check, so the time taken does not tell which user names exist.
        _password_matches(_dummy_hash(), password)
        record(session, username.strip() or "?", "login.failed", username.strip(), "unknown or inactive user")
        raise refused
    if user.locked_until is not None and user.locked_until > now:
        record(session, user.username, "login.failed", user.username, "account locked")
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        raise BangfuError(_("too many wrong passwords: try again in {n} minutes").format(n=minutes))
    if not _password_matches(user.password_hash, password):
        user.failed_attempts += 1
        if user.failed_attempts >= LOCK_AFTER:
            user.locked_until, user.failed_attempts = now + LOCK_FOR, 0
            record(session, user.username, "login.locked", user.username, f"{LOCK_AFTER} wrong passwords")
        else:
            record(session, user.username, "login.failed", user.username, f"attempt {user.failed_attempts}")
        raise refused
    user.failed_attempts, user.locked_until = 0, None
    if _hasher().check_needs_rehash(user.password_hash):
        user.password_hash = _hasher().hash(password)
    record(session, user.username, "login", user.username, "")
    return actor_of(user)


def sign_in(session: Session, username: str, password: str, now: dt.datetime | None = None) -> Actor | BangfuError:
    """One attempt at a sign-in window. The caller commits whatever the outcome: a refused
    attempt is audited and counts toward the lockout, so the refusal is returned, not raised."""
    try:
        return authenticate(session, username, password, now)
    except BangfuError as refused:
        return refused


def ask_approval(
    session: Session, username: str, password: str, permission: str, now: dt.datetime | None = None
) -> Approval | BangfuError:
    """A manager's approval typed at the counter; committed whatever the outcome, as ``sign_in``."""
    try:
        return approve(session, username, password, permission, now)
    except PermissionDenied:
        return BangfuError(_("{user} may not approve this").format(user=username.strip()))
    except BangfuError as refused:
        return refused


def change_password(
    session: Session, actor: Actor, username: str, new_password: str, old_password: str | None = None
) -> None:
    """Users change their own password (with the old one); an admin resets anyone's."""
    own = actor.username == username and old_password is not None
    if not own:
        require(actor, "users.manage")
    user = session.scalars(select(User).where(User.username == username)).one_or_none()
    if user is None:
        raise InvalidValue("username", _("unknown user {value}").format(value=username))
    if own and not _password_matches(user.password_hash, old_password or ""):
        raise InvalidValue("old_password", _("wrong password"))
    _check_password(new_password)
    user.password_hash = _hasher().hash(new_password)
    record(session, actor.username, "user.password", username, "")


def set_active(session: Session, actor: Actor, username: str, active: bool) -> None:
    require(actor, "users.manage")
    user = session.scalars(select(User).where(User.username == username)).one_or_none()
    if user is None:
        raise InvalidValue("username", _("unknown user {value}").format(value=username))
    user.active = active
    record(session, actor.username, "user.active" if active else "user.inactive", username, "")


@dataclass(frozen=True)
class UserRow:
    """A user as the users list shows it: no password hash leaves this module."""

    username: str
    display_name: str
    role: str
    counter_code: str | None
    active: bool

    @property
    def search_key(self) -> str:
        return f"{self.username} {self.display_name}".lower()


def user_rows(session: Session, actor: Actor) -> list[UserRow]:
    require(actor, "users.manage")
    return [
        UserRow(user.username, user.display_name, user.role, user.counter_code, user.active)
        for user in session.scalars(select(User).order_by(User.username))
    ]
