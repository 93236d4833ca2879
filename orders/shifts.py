"""Shifts and their Z report: opened with a cash float, closed with the counted cash.

The report is computed from committed sales, payments and refunds of the counter during the
shift, so it cannot disagree with the ledger; once closed, it is written to the shift and
never changes (a reprint shows the same figures).
"""

import datetime as dt
import json
from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.audit import record
from core.auth import Actor, require
from core.codes import PAYMENT_METHODS
from core.errors import BangfuError
from core.i18n import _
from core.locks import locked
from core.models import Counter, Payment, Refund, Sale, Shift, utc_now
from core.money import format_fen
from orders.kiosk_binding import check_sells_here


@dataclass(frozen=True)
class ZReport:
    counter_code: str
    shift_number: int
    opened_by: str
    opened_at: str  # ISO, UTC
    closed_by: str
    closed_at: str
    sales_count: int
    sales_fen: int
    by_method: dict[str, int]  # payment method -> fen taken
    refunds_count: int
    refunds_fen: int
    cash_refunds_fen: int
    float_fen: int
    expected_cash_fen: int
    counted_cash_fen: int

    @property
    def difference_fen(self) -> int:
        return self.counted_cash_fen - self.expected_cash_fen

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "ZReport":
        return cls(**json.loads(text))


def _counter(session: Session, code: str, lock: bool = False) -> Counter:
    """The counter; ``lock`` holds its row so that two opens or closes of its shift take turns."""
    counter = locked(session, Counter, Counter.code == code, lock=lock)
    if counter is None:
        raise BangfuError(_("unknown counter: {value}").format(value=code))
    return counter


def current_shift(session: Session, counter_code: str) -> Shift | None:
    """The open shift of the counter; None when none is open (or the counter is not registered)."""
    query = select(Shift).join(Counter).where(Counter.code == counter_code, Shift.closed_at.is_(None))
    return session.scalars(query).first()


def open_shift(
    session: Session, actor: Actor, counter_code: str, float_fen: int, now: dt.datetime | None = None
) -> Shift:
    require(actor, "sale.record")
    if float_fen < 0:
        raise BangfuError(_("must not be negative: {value}").format(value=format_fen(float_fen)))
    counter = _counter(session, counter_code, lock=True)
    check_sells_here(session, counter)
    if current_shift(session, counter_code) is not None:
        raise BangfuError(_("a shift is already open at counter {counter}").format(counter=counter_code))
    number = (session.scalar(select(func.max(Shift.number)).where(Shift.counter_id == counter.id)) or 0) + 1
    shift = Shift(
        counter_id=counter.id, number=number, opened_by=actor.username, opened_at=now or utc_now(), float_fen=float_fen
    )
    session.add(shift)
    session.flush()
    record(session, actor.username, "shift.open", f"{counter_code} #{number}", f"float {format_fen(float_fen)}")
    return shift


def z_figures(session: Session, shift: Shift, until: dt.datetime, closed_by: str = "", counted_fen: int = 0) -> ZReport:
    """The shift's figures from the committed records of its counter and time."""
    in_shift = (Sale.counter_id == shift.counter_id, Sale.sold_at >= shift.opened_at, Sale.sold_at < until)
    count, total = session.execute(
        select(func.count(), func.coalesce(func.sum(Sale.total_fen), 0)).where(*in_shift)
    ).one()
    methods = dict(
        session.execute(
            select(Payment.method, func.sum(Payment.amount_fen)).join(Sale).where(*in_shift).group_by(Payment.method)
        ).all()
    )
    refunds = select(func.count(), func.coalesce(func.sum(Refund.total_fen), 0)).join(Sale, Refund.sale_id == Sale.id)
    refunds = refunds.where(
        Sale.counter_id == shift.counter_id, Refund.refunded_at >= shift.opened_at, Refund.refunded_at < until
    )
    refund_count, refund_total = session.execute(refunds).one()
    cash_refunds = session.execute(refunds.where(Refund.method == "cash")).one()[1]
    by_method = {m: int(methods.get(m, 0)) for m in PAYMENT_METHODS if methods.get(m)}
    expected = shift.float_fen + by_method.get("cash", 0) - int(cash_refunds)
    code = session.get(Counter, shift.counter_id).code  # type: ignore[union-attr]
    return ZReport(
        counter_code=code,
        shift_number=shift.number,
        opened_by=shift.opened_by,
        opened_at=shift.opened_at.isoformat(),
        closed_by=closed_by,
        closed_at=until.isoformat(),
        sales_count=int(count),
        sales_fen=int(total),
        by_method=by_method,
        refunds_count=int(refund_count),
        refunds_fen=int(refund_total),
        cash_refunds_fen=int(cash_refunds),
        float_fen=shift.float_fen,
        expected_cash_fen=expected,
        counted_cash_fen=counted_fen,
    )


def close_shift(
    session: Session, actor: Actor, counter_code: str, counted_fen: int, now: dt.datetime | None = None
) -> ZReport:
    """Close the counter's shift with the counted cash; the Z report is written once, here."""
    require(actor, "shift.close")
    _counter(session, counter_code, lock=True)
    shift = current_shift(session, counter_code)
    if shift is None:
        raise BangfuError(_("no shift is open at counter {counter}").format(counter=counter_code))
    if counted_fen < 0:
        raise BangfuError(_("must not be negative: {value}").format(value=format_fen(counted_fen)))
    until = now or utc_now()
    report = z_figures(session, shift, until, actor.username, counted_fen)
    shift.closed_by, shift.closed_at, shift.counted_fen, shift.report = (
        actor.username,
        until,
        counted_fen,
        report.to_json(),
    )
    record(
        session,
        actor.username,
        "shift.close",
        f"{counter_code} #{shift.number}",
        f"difference {format_fen(report.difference_fen)}",
    )
    return report


def closed_reports(session: Session, counter_code: str) -> list[ZReport]:
    """Every closed shift's Z report at the counter, newest first, exactly as written at closing."""
    counter = _counter(session, counter_code)
    rows = session.scalars(
        select(Shift.report)
        .where(Shift.counter_id == counter.id, Shift.report.is_not(None))
        .order_by(Shift.number.desc())
    )
    return [ZReport.from_json(text) for text in rows if text is not None]
