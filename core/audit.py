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

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.locks import serialize
from core.models import AuditEvent, utc_now


def chain_hash(previous: str, at: dt.datetime, username: str, action: str, target: str, summary: str) -> str:
    """The hash a row keeps: SHA-256 over the previous row's hash and this row's content."""
    moment = at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    content = json.dumps([previous, moment, username, action, target, summary], ensure_ascii=False)
    return hashlib.sha256(content.encode()).hexdigest()


def record(session: Session, username: str, action: str, target: str = "", summary: str = "") -> None:
    """Append one event in the caller's transaction (it commits or rolls back with the action)."""
    serialize(session, "audit")  # the newest row's hash is the next row's start: one writer at a time
    previous = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)) or ""
    at, target = utc_now(), target[:200]
    digest = chain_hash(previous, at, username, action, target, summary)
    session.add(AuditEvent(at=at, username=username, action=action, target=target, summary=summary, hash=digest))
    session.flush()  # the next event of this transaction reads this one's hash
