"""Issuing a month: the summary sent upward is frozen with its PDF, numbered, and never changes.
Data that arrives later shows as differences against the latest issue; a revised issue takes
the next number, so what was sent is never silently different."""

import datetime as dt
import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.audit import record
from core.auth import Actor, require
from core.models import IssuedReport, utc_now
from orders.monthly import monthly_summary
from orders.report_data import report_input
from reports.monthly_pdf import render_monthly_pdf

COMPARED = (
    "sales_count",
    "gross_fen",
    "refunds_fen",
    "net_fen",
    "attributed_fen",
    "unattributed_fen",
    "households_benefited",
)


def issue_month(session: Session, actor: Actor, month: str, now: dt.datetime | None = None) -> IssuedReport:
    require(actor, "report.issue")
    now = now or utc_now()
    data = report_input(session, actor, month, now=now)
    number = (session.scalar(select(func.max(IssuedReport.issue_no)).where(IssuedReport.month == month)) or 0) + 1
    issued = IssuedReport(
        month=month,
        issue_no=number,
        issued_at=now,
        issued_by=actor.username,
        figures=json.dumps(data.summary.to_json(), ensure_ascii=False, sort_keys=True),
        pdf=render_monthly_pdf(data),
    )
    session.add(issued)
    session.flush()
    behind = "".join(f"; not uploaded to the month's end: {b.counter}" for b in data.behind)
    record(session, actor.username, "report.issue", f"{month} #{number}", f"net {data.summary.net_fen} fen{behind}")
    return issued


def latest_issue(session: Session, month: str) -> IssuedReport | None:
    return session.scalars(
        select(IssuedReport).where(IssuedReport.month == month).order_by(IssuedReport.issue_no.desc())
    ).first()


def differences(session: Session, actor: Actor, month: str) -> dict[str, tuple[int, int]]:
    """Headline figures that changed since the latest issue: name -> (issued, now)."""
    issued = latest_issue(session, month)
    if issued is None:
        return {}
    then = json.loads(issued.figures)
    now = monthly_summary(session, actor, month).to_json()
    return {key: (then[key], now[key]) for key in COMPARED if then[key] != now[key]}  # type: ignore[misc]
