"""Refunds (SPEC §5): a new record pointing at the original sale and its lines, never an edit.

A line's refunds never add up to more than the line: each refund's amount is the rounded value
of everything refunded so far minus the rounded value of what was refunded before it.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.audit import record
from core.auth import Actor, require
from core.errors import BangfuError, InvalidValue
from core.i18n import _
from core.locks import locked
from core.models import Refund, RefundLine, Sale
from core.money import format_fen, line_amount, parse_quantity, quantity_text
from orders.kiosk import refund_elsewhere
from orders.receipts import Receipt, sale_receipt
from orders.stock import add_movements, refund_movements


def refund_amount(unit_price_fen: int, before_milli: int, quantity_milli: int) -> int:
    """round_half_up(price × Q_after) − round_half_up(price × Q_before)."""
    return line_amount(unit_price_fen, before_milli + quantity_milli) - line_amount(unit_price_fen, before_milli)


@dataclass(frozen=True)
class RefundDraft:
    sale_ref: str
    refunded_at: dt.datetime
    lines: tuple[tuple[int, int], ...]  # (product id, quantity in thousandths)
    reason: str = ""
    user_id: int | None = None
    ref: str | None = None  # default: {sale ref}-R{n}
    method: str | None = None  # how the money went back, for a counter's cash count
    back_on_shelf: bool = True  # a counter sale's goods return to its stock (else: written off at once)


@dataclass(frozen=True)
class RefundRecorded:
    refund_id: int
    ref: str
    total_fen: int


def refunded_so_far(session: Session, sale_line_ids: list[int]) -> dict[int, int]:
    rows = session.execute(
        select(RefundLine.sale_line_id, func.sum(RefundLine.quantity_milli))
        .where(RefundLine.sale_line_id.in_(sale_line_ids))
        .group_by(RefundLine.sale_line_id)
    )
    done = dict.fromkeys(sale_line_ids, 0)
    done.update({line_id: int(quantity) for line_id, quantity in rows})
    return done


def receipt_to_refund(session: Session, ref: str) -> Receipt:
    """The receipt the refund dialog shows; at a kiosk, one sold elsewhere is refused saying where."""
    if session.scalar(select(Sale.id).where(Sale.ref == ref)) is None:
        raise refund_elsewhere(session, ref)
    return sale_receipt(session, ref)


def _sale(session: Session, ref: str, lock: bool = False) -> Sale:
    sale = locked(session, Sale, Sale.ref == ref, lock=lock)
    if sale is None:
        raise InvalidValue("refund_of", _("unknown sale {value}").format(value=ref))
    return sale


def picked_lines(session: Session, sale_ref: str, quantities: Mapping[str, str]) -> tuple[tuple[int, int], ...]:
    """(product id, thousandths) for the products a person picked from a sale by code or name,
    each typed quantity read in that product's unit (``1.5`` 斤 → 1500)."""
    sale = _sale(session, sale_ref)
    on_sale = {key: line for line in sale.lines for key in (line.product.code, line.product.name)}
    picked = []
    for key, typed in quantities.items():
        line = on_sale.get(key.strip())
        if line is None:
            raise InvalidValue("product", _("{code} is not on sale {ref}").format(code=key, ref=sale.ref))
        picked.append((line.product_id, parse_quantity(typed, line.product.unit)))
    return tuple(picked)


def record_refund(session: Session, actor: Actor, draft: RefundDraft) -> RefundRecorded:
    """Check and add one refund with its lines; flushes, the caller commits. Managers only."""
    require(actor, "sale.refund")
    sale = _sale(session, draft.sale_ref, lock=True)  # two refunds of one sale wait for each other
    if draft.refunded_at < sale.sold_at:
        raise InvalidValue(
            "refunded_at", _("a refund cannot be dated before its sale ({day})").format(day=sale.sold_at.isoformat())
        )
    if not draft.lines:
        raise BangfuError(_("a refund needs at least one line"))
    by_product = {line.product_id: line for line in sale.lines}
    done = refunded_so_far(session, [line.id for line in sale.lines])
    refund_lines = []
    for product_id, quantity in draft.lines:
        line = by_product.get(product_id)
        if line is None:
            raise InvalidValue("product", _("{code} is not on sale {ref}").format(code=product_id, ref=sale.ref))
        if quantity <= 0:
            raise InvalidValue(
                "quantity", _("quantity must be greater than 0: {value}").format(value=quantity_text(quantity))
            )
        left = line.quantity_milli - done[line.id]
        if quantity > left:
            reason = _("refunds {qty} but only {left} of {sold} sold remain")
            raise InvalidValue(
                "quantity",
                reason.format(
                    qty=quantity_text(quantity), left=quantity_text(left), sold=quantity_text(line.quantity_milli)
                ),
            )
        refund_lines.append(
            RefundLine(
                sale_line_id=line.id,
                quantity_milli=quantity,
                amount_fen=refund_amount(line.unit_price_fen, done[line.id], quantity),
            )
        )
        done[line.id] += quantity
    count = session.scalar(select(func.count()).select_from(Refund).where(Refund.sale_id == sale.id)) or 0
    refund = Refund(
        ref=draft.ref or f"{sale.ref}-R{count + 1}",
        sale_id=sale.id,
        refunded_at=draft.refunded_at,
        total_fen=sum(line.amount_fen for line in refund_lines),
        reason=draft.reason,
        method=draft.method,
        user_id=draft.user_id,
        lines=refund_lines,
    )
    session.add(refund)
    session.flush()
    if sale.counter_id is not None:
        moves = refund_movements(sale.counter_id, refund.ref, draft.lines, draft.back_on_shelf)
        add_movements(session, actor.username, moves, draft.refunded_at)
    record(
        session,
        actor.username,
        "refund",
        refund.ref,
        f"sale {sale.ref}, {format_fen(refund.total_fen)}, {draft.reason}",
    )
    return RefundRecorded(refund.id, refund.ref, refund.total_fen)
