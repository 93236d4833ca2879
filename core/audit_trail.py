"""Reading the audit trail: the list for the screen and its export, and checking its hash chain.
Both are for those allowed to read the trail (``audit.view``), whoever calls them."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.audit import chain_hash
from core.auth import Actor, require
from core.models import AuditEvent


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    username: str
    action: str
    target: str
    summary: str
    search_key: str


def audit_rows(session: Session, actor: Actor, since: dt.datetime | None = None, limit: int = 50_000) -> list[AuditRow]:
    """The newest events first (the screen filters them further)."""
    require(actor, "audit.view")
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


@dataclass(frozen=True)
class AuditCheck:
    rows: int
    head: str  # the newest row's hash: compare it with one noted earlier to see rows cut off the end
    broken_at: int | None = None  # id of the first row whose hash does not follow


def verify(session: Session, actor: Actor) -> AuditCheck:
    """Recompute the whole chain in id order, streaming."""
    require(actor, "audit.view")
    previous, rows = "", 0
    query = select(
        AuditEvent.id, AuditEvent.at, AuditEvent.username, AuditEvent.action, AuditEvent.target, AuditEvent.summary,
        AuditEvent.hash,
    ).order_by(AuditEvent.id)  # fmt: skip
    with session.execute(query.execution_options(yield_per=5000)) as result:
        for event_id, at, username, action, target, summary, stored in result:
            if chain_hash(previous, at, username, action, target, summary) != stored:
                return AuditCheck(rows, previous, event_id)
            previous, rows = stored, rows + 1
    return AuditCheck(rows, previous)
