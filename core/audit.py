"""The audit trail: who did what and when, appended and never changed.

There is no update or delete here; triggers in the database refuse UPDATE and DELETE on the
table (see AUDIT_TRIGGERS), so not even a hand-written statement can rewrite history.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import AuditEvent, utc_now


def record(session: Session, username: str, action: str, target: str = "", summary: str = "") -> None:
    """Append one event in the caller's transaction (it commits or rolls back with the action)."""
    session.add(AuditEvent(at=utc_now(), username=username, action=action, target=target[:200], summary=summary))


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    username: str
    action: str
    target: str
    summary: str
    search_key: str


def audit_rows(session: Session, since: dt.datetime | None = None, limit: int = 50_000) -> list[AuditRow]:
    """The newest events first (the screen filters them further)."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if since is not None:
        query = query.where(AuditEvent.at >= since)
    return [
        AuditRow(
            e.id,
            e.at,
            e.username,
            e.action,
            e.target,
            e.summary,
            f"{e.username} {e.action} {e.target} {e.summary}".lower(),
        )
        for e in session.scalars(query)
    ]
