"""Reading the audit trail: the list for the screen and its export, and checking its hash chain.
Both are for those allowed to read the trail (``audit.view``), whoever calls them."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.audit import chain_hash, record
from core.audit_text import action_text, summary_text
from core.auth import Actor, require
from core.config import business_zone
from core.models import AuditEvent
from core.tabular import write_table


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime  # in the business zone, as receipts show times
    username: str
    action: str  # the stored code
    target: str
    summary: str  # as stored
    action_text: str  # both in the window's language (core.audit_text)
    summary_text: str
    search_key: str


def audit_rows(session: Session, actor: Actor, since: dt.datetime | None = None, limit: int = 50_000) -> list[AuditRow]:
    """The newest events first (the screen filters them further)."""
    require(actor, "audit.view")
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if since is not None:
        query = query.where(AuditEvent.at >= since)
    zone = business_zone(session)
    rows = []
    for e in session.scalars(query):
        action, summary = action_text(e.action), summary_text(e.summary)
        key = f"{e.username} {e.action} {action} {e.target} {e.summary} {summary}".lower()
        rows.append(
            AuditRow(e.id, e.at.astimezone(zone), e.username, e.action, e.target, e.summary, action, summary, key)
        )
    return rows


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


def export_audit(session: Session, actor: Actor, path: Path, ids: Sequence[int]) -> int:
    """The audit rows ``ids`` (what the screen shows, newest first) as CSV or XLSX, with their
    stored codes and times in UTC; the export is itself audited. Returns the rows written."""
    require(actor, "audit.view")
    wanted = sorted(set(ids), reverse=True)
    events = (
        event
        for start in range(0, len(wanted), 5_000)  # within every backend's limit of bound parameters
        for event in session.scalars(
            select(AuditEvent).where(AuditEvent.id.in_(wanted[start : start + 5_000])).order_by(AuditEvent.id.desc())
        )
    )
    header = ["time", "user", "action", "target", "details"]
    count = write_table(path, header, ([e.at.isoformat(), e.username, e.action, e.target, e.summary] for e in events))
    record(session, actor.username, "export.audit", path.name, f"{count} rows")
    return count
