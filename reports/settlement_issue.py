"""Issuing a supplier's settlement statement: numbered, frozen with its PDF, then marked paid.
Later sales or refunds of that month never change what was issued: they show as a difference
against it, to settle the next month (as a month's issue does, reports.issuing)."""

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.audit import record
from core.auth import Actor, require
from core.config import business_day
from core.errors import BangfuError, InvalidValue
from core.i18n import _
from core.locks import locked, serialize
from core.models import SettlementPayment, SettlementStatement, Supplier
from core.money import format_fen
from orders.settlement import SupplierSettlement, settlement, statement
from reports.settlement_docs import statement_pdf


def supplier_id_of(session: Session, uscc: str) -> int:
    found = session.scalar(select(Supplier.id).where(Supplier.uscc == uscc.strip().upper()))
    if found is None:
        raise InvalidValue("supplier", _("unknown supplier {value}").format(value=uscc))
    return found


def issue_statement(session: Session, actor: Actor, month: str, supplier_id: int) -> SettlementStatement:
    """JS-2026-10-0001: the month's statements numbered in the order they are issued."""
    require(actor, "settlement.issue")
    serialize(session, "settlement issue", month)  # two issues of one month number in turn
    existing = session.scalar(
        select(SettlementStatement.number).where(
            SettlementStatement.supplier_id == supplier_id, SettlementStatement.month == month
        )
    )
    if existing:
        raise BangfuError(
            _("the {month} statement of this supplier is already issued as {number}").format(
                month=month, number=existing
            )
        )
    data = statement(session, actor, month, supplier_id)
    count = session.scalar(
        select(func.count()).select_from(SettlementStatement).where(SettlementStatement.month == month)
    )
    number = f"JS-{month}-{(count or 0) + 1:04d}"
    issued = SettlementStatement(
        number=number,
        supplier_id=supplier_id,
        month=month,
        issued_by=actor.username,
        figures=json.dumps(data, ensure_ascii=False, sort_keys=True),
        pdf=statement_pdf(data, number, business_day(session)),
    )
    session.add(issued)
    session.flush()
    record(
        session,
        actor.username,
        "settlement.issue",
        number,
        f"{data['uscc']}, payable {format_fen(data['payable_fen'])}",
    )
    return issued


def statement_pdf_of(session: Session, actor: Actor, month: str, supplier_id: int) -> bytes:
    """A supplier's statement as PDF: the frozen one once it is issued, else a draft of today's figures."""
    data = statement(session, actor, month, supplier_id)  # also checks who may see it
    issued = session.scalars(
        select(SettlementStatement.pdf).where(
            SettlementStatement.supplier_id == supplier_id, SettlementStatement.month == month
        )
    ).first()
    return issued if issued is not None else statement_pdf(data, None, business_day(session))


def mark_paid(session: Session, actor: Actor, number: str, paid_on: dt.date, reference: str) -> None:
    require(actor, "settlement.issue")
    issued = locked(session, SettlementStatement, SettlementStatement.number == number)  # paid once, also at once
    if issued is None:
        raise InvalidValue("statement", _("unknown statement {value}").format(value=number))
    if not reference.strip():
        raise InvalidValue("reference", _("give the payment's reference (the bank transfer's number)"))
    if session.scalar(select(SettlementPayment.id).where(SettlementPayment.statement_id == issued.id)):
        raise BangfuError(_("statement {number} is already paid").format(number=number))
    session.add(
        SettlementPayment(
            statement_id=issued.id, paid_on=paid_on, reference=reference.strip(), recorded_by=actor.username
        )
    )
    session.flush()
    record(session, actor.username, "settlement.paid", number, f"{paid_on.isoformat()}, {reference.strip()}")


@dataclass(frozen=True)
class StatementState:
    number: str
    issued: dict[str, Any]
    paid_on: dt.date | None
    reference: str | None
    payable_now_fen: int  # the month's payable computed again today

    @property
    def difference_fen(self) -> int:
        """What later sales or refunds of the month changed since the issue (settled next month)."""
        return self.payable_now_fen - int(self.issued["payable_fen"])


def statement_state(session: Session, actor: Actor, number: str) -> StatementState:
    """An issued statement, whether it is paid, and how the month's payable moved since (a
    cooperative manager sees their own supplier's; orders.settlement checks who may)."""
    issued = session.scalars(select(SettlementStatement).where(SettlementStatement.number == number)).one_or_none()
    if issued is None:
        raise InvalidValue("statement", _("unknown statement {value}").format(value=number))
    payment = session.scalars(select(SettlementPayment).where(SettlementPayment.statement_id == issued.id)).first()
    now = statement(session, actor, issued.month, issued.supplier_id)
    return StatementState(
        number,
        json.loads(issued.figures),
        payment.paid_on if payment else None,
        payment.reference if payment else None,
        int(now["payable_fen"]),
    )


@dataclass(frozen=True)
class SettlementRow:
    """One supplier's month on the settlement page: the figures now, and its statement if issued."""

    figures: SupplierSettlement
    number: str | None
    paid_on: dt.date | None
    issued_payable_fen: int | None

    @property
    def difference_fen(self) -> int:
        return 0 if self.issued_payable_fen is None else self.figures.payable_fen - self.issued_payable_fen


def settlement_rows(session: Session, actor: Actor, month: str) -> list[SettlementRow]:
    issued = {
        s.supplier_id: s for s in session.scalars(select(SettlementStatement).where(SettlementStatement.month == month))
    }
    paid = dict(
        session.execute(
            select(SettlementPayment.statement_id, SettlementPayment.paid_on).where(
                SettlementPayment.statement_id.in_([s.id for s in issued.values()])
            )
        ).all()
    )
    rows = []
    for figures in settlement(session, actor, month).suppliers:
        statement_row = issued.get(figures.id)
        rows.append(
            SettlementRow(
                figures,
                statement_row.number if statement_row else None,
                paid.get(statement_row.id) if statement_row else None,
                int(json.loads(statement_row.figures)["payable_fen"]) if statement_row else None,
            )
        )
    return rows
