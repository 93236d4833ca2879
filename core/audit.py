"""The audit trail: who did what and when, appended and never changed.

There is no update or delete here; triggers in the database refuse UPDATE, DELETE, TRUNCATE and
a replacing INSERT on the table (see AUDIT_TRIGGERS), so not even a hand-written statement can
rewrite history. Someone with the database file itself can bypass triggers, so every row also
keeps a hash of the previous row's hash and of its own content: ``verify`` recomputes the chain
(core.audit_trail) and names the first row that was changed, or that follows a removed one.
"""

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from core.identifiers import mask_ids_in_text
from core.locks import serialize
from core.models import AuditEvent, utc_now


def chain_hash(previous: str, at: dt.datetime, username: str, action: str, target: str, summary: str) -> str:
    """The hash a row keeps: SHA-256 over the previous row's hash and this row's content."""
    moment = at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    content = json.dumps([previous, moment, username, action, target, summary], ensure_ascii=False)
    return hashlib.sha256(content.encode()).hexdigest()


@dataclass(frozen=True)
class Entry:
    at: dt.datetime
    username: str
    action: str
    target: str = ""
    summary: str = ""
    origin: str | None = None  # a kiosk's row at the central: "<kiosk id>:<its id there>"


def record(session: Session, username: str, action: str, target: str = "", summary: str = "") -> None:
    """Append one event in the caller's transaction (it commits or rolls back with the action).
    A resident ID number typed into a reason is masked in the summary, as everywhere else."""
    append(session, [Entry(utc_now(), username, action, target[:200], mask_ids_in_text(summary))])


def append(session: Session, entries: list[Entry]) -> None:
    """Append events in order, each chained to the one before, in the caller's transaction."""
    serialize(session, "audit")  # the newest row's hash is the next row's start: one writer at a time
    previous, rows = _head(session), []
    for entry in entries:
        previous = chain_hash(previous, entry.at, entry.username, entry.action, entry.target, entry.summary)
        rows.append({**asdict(entry), "hash": previous})
    if rows:
        session.execute(insert(AuditEvent), rows)


def _head(session: Session) -> str:
    """The newest row's hash. On PostgreSQL through a function (core.models.AUDIT_HEAD), so a
    kiosk's role, which may not read the trail, continues the chain with what it uploads."""
    if session.get_bind().dialect.name == "postgresql":
        return session.scalar(text("SELECT bangfu_audit_head()")) or ""
    return session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)) or ""
