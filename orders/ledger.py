"""Recording sales: one transaction per sale, gapless receipt numbers, exact payments (SPEC §5).

The caller owns the transaction: ``with db.session() as s, s.begin(): record_sale(s, draft)``.
Nothing here updates or deletes a committed sale.
"""

import datetime as dt
import uuid
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from catalog.certificates import SELLABLE, effective_status
from core.audit import record
from core.auth import Actor, Approval, PermissionDenied, approved_by, can, require
from core.codes import CHANNELS, PAYMENT_METHODS
from core.config import business_zone, local_day
from core.db import upsert
from core.errors import BangfuError, InvalidValue
from core.i18n import _
from core.identifiers import receipt_number
from core.locks import serialize
from core.models import Counter, Payment, Product, ReceiptSequence, Sale, SaleLine
from core.money import format_fen, line_amount, whole_units_problem
from orders.kiosk_binding import check_sells_here
from orders.stock import add_movements, sale_movements


@dataclass(frozen=True)
class LineDraft:
    product_id: int
    quantity_milli: int
    unit_price_fen: int | None = None  # None: the product's price


@dataclass(frozen=True)
class PaymentDraft:
    method: str
    amount_fen: int
    tendered_fen: int | None = None  # cash only: what the customer handed over
    reference: str | None = None


@dataclass(frozen=True)
class SaleDraft:
    channel: str
    sold_at: dt.datetime
    lines: tuple[LineDraft, ...]
    payments: tuple[PaymentDraft, ...] = ()
    counter_code: str | None = None
    cashier_id: int | None = None
    customer_org: str | None = None
    ref: str | None = None  # counter sales get a receipt number instead
    idempotency_key: str | None = None  # one per cart: a retried "pay" returns the first sale


@dataclass(frozen=True)
class SaleRecorded:
    sale_id: int
    ref: str
    total_fen: int
    change_fen: int = 0
    lines: tuple[int, ...] = field(default=())  # line amounts in fen, in order


def next_receipt_no(session: Session, counter: Counter, day: dt.date) -> str:
    """Bump the counter's number for the day inside the sale's transaction (gapless by rollback)."""
    stmt = upsert(session, ReceiptSequence).values(counter_id=counter.id, business_day=day, last_no=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=[ReceiptSequence.counter_id, ReceiptSequence.business_day],
        set_={"last_no": ReceiptSequence.last_no + 1},
    ).returning(ReceiptSequence.last_no)
    number = session.execute(stmt).scalar_one()
    return receipt_number(counter.code, day, number)


def channel_problem(channel: str, counter_code: str | None, customer_org: str | None) -> tuple[str, str] | None:
    """SPEC §5, the one definition: a counter sale names its counter, a bulk sale its buying
    organisation. (field, reason) of what is missing, or None; the caller decides how to tell."""
    if channel == "counter" and not (counter_code or "").strip():
        return "counter_code", _("a counter sale needs a counter")
    if channel == "bulk" and not (customer_org or "").strip():
        return "customer_org", _("a bulk sale needs the buying organisation")
    return None


def _check_channel(session: Session, draft: SaleDraft) -> Counter | None:
    if draft.channel not in CHANNELS:
        raise InvalidValue("channel", _("must be one of {choices}").format(choices=", ".join(CHANNELS)))
    if draft.sold_at.tzinfo is None:
        raise InvalidValue("sold_at", _("needs a time zone offset"))
    problem = channel_problem(draft.channel, draft.counter_code, draft.customer_org)
    if problem:
        raise InvalidValue(*problem)
    if draft.channel != "counter":
        return None
    counter = session.scalars(select(Counter).where(Counter.code == draft.counter_code)).one_or_none()
    if counter is None:
        raise InvalidValue("counter_code", _("unknown counter: {value}").format(value=draft.counter_code))
    check_sells_here(session, counter)
    return counter


def _priced_lines(session: Session, draft: SaleDraft, day: dt.date) -> list[SaleLine]:
    if not draft.lines:
        raise BangfuError(_("a sale needs at least one line"))
    lines = []
    wanted = {line.product_id for line in draft.lines}  # one query; later lookups hit the identity map
    products = {p.id: p for p in session.scalars(select(Product).where(Product.id.in_(wanted)))}
    for number, line in enumerate(draft.lines, start=1):
        product = products.get(line.product_id)
        if product is None:
            raise InvalidValue("product", _("unknown product id {value}").format(value=line.product_id))
        status = effective_status(product, day)
        if status != SELLABLE:
            raise BangfuError(
                _("{name}: certificate {cert_no} is {status} on {day}, it cannot be sold").format(
                    name=product.name, cert_no=product.cert_no, status=_(status), day=day.isoformat()
                )
            )
        if line.quantity_milli <= 0:
            raise InvalidValue(
                "quantity", _("quantity must be greater than 0: {value}").format(value=line.quantity_milli)
            )
        problem = whole_units_problem(line.quantity_milli, product.unit)
        if problem:
            raise InvalidValue("quantity", problem)
        price = product.price_fen if line.unit_price_fen is None else line.unit_price_fen
        if price < 0:
            raise InvalidValue("unit_price", _("must not be negative: {value}").format(value=price))
        lines.append(
            SaleLine(
                line_no=number,
                product_id=product.id,
                quantity_milli=line.quantity_milli,
                unit_price_fen=price,
                amount_fen=line_amount(price, line.quantity_milli),
            )
        )
    return lines


def _payments(draft: SaleDraft, total: int) -> tuple[list[Payment], int]:
    if draft.channel == "counter" and not draft.payments:
        raise BangfuError(_("a counter sale needs a payment"))
    payments, change = [], 0
    for p in draft.payments:
        if p.method not in PAYMENT_METHODS:
            raise InvalidValue("payment", _("must be one of {choices}").format(choices=", ".join(PAYMENT_METHODS)))
        if p.amount_fen <= 0:
            raise InvalidValue("payment", _("amount must be greater than 0"))
        tendered = p.tendered_fen if p.method == "cash" else None
        if tendered is not None and tendered < p.amount_fen:
            raise InvalidValue("tendered", _("less than the amount paid in cash"))
        payment_change = tendered - p.amount_fen if tendered is not None else None
        change += payment_change or 0
        payments.append(
            Payment(
                method=p.method,
                amount_fen=p.amount_fen,
                tendered_fen=tendered,
                change_fen=payment_change,
                reference=p.reference or None,
            )
        )
    paid = sum(p.amount_fen for p in payments)
    if payments and paid != total:
        raise BangfuError(
            _("payments add up to {paid}, the sale is {total}").format(paid=format_fen(paid), total=format_fen(total))
        )
    return payments, change


def _already_paid(sale: Sale, draft: SaleDraft) -> SaleRecorded:
    """The sale a cart key already made, if the cart is the same: a retried "pay" gets it back.
    The same key with other lines or payments is a cart changed after paying, and is refused."""
    asked = [(line.product_id, line.quantity_milli, line.unit_price_fen) for line in draft.lines]
    stored = [(line.product_id, line.quantity_milli, line.unit_price_fen) for line in sale.lines]
    same_lines = len(asked) == len(stored) and all(
        a[:2] == s[:2] and a[2] in (None, s[2]) for a, s in zip(asked, stored, strict=True)
    )
    same_payments = sorted((p.method, p.amount_fen) for p in draft.payments) == sorted(
        (p.method, p.amount_fen) for p in sale.payments
    )
    if not (same_lines and same_payments and draft.channel == sale.channel):
        raise BangfuError(
            _("this cart was already paid as {ref} ({total}) with other contents; start a new cart").format(
                ref=sale.ref, total=format_fen(sale.total_fen)
            )
        )
    change = sum(p.change_fen or 0 for p in sale.payments)
    return SaleRecorded(sale.id, sale.ref, sale.total_fen, change, tuple(line.amount_fen for line in sale.lines))


SALE_LINE_COLUMNS = ("line_no", "product_id", "quantity_milli", "unit_price_fen", "amount_fen", "sold_at", "channel")
PAYMENT_COLUMNS = ("method", "amount_fen", "tendered_fen", "change_fen", "reference")


def _columns(row: object, names: tuple[str, ...]) -> dict[str, object]:
    return {name: getattr(row, name) for name in names}


def record_sale(
    session: Session, actor: Actor, draft: SaleDraft, zone: ZoneInfo | None = None, approval: Approval | None = None
) -> SaleRecorded:
    """Validate and add one sale with its lines and payments; flushes, the caller commits.

    A cashier sells at their own counter only; a price other than the product's needs an actor
    allowed to override prices, or an ``approval``: a manager's password check (core.auth.approve)."""
    if draft.channel in ("cooperative", "online") and can(actor, "coop.sales"):
        own = actor.supplier_id if actor.role == "coop_manager" else None  # a coop sells its own products
    else:
        require(actor, "sale.record")
        own = None
    if actor.role == "cashier" and (draft.channel != "counter" or not actor.counter_code):
        raise PermissionDenied(
            _("{user} is a cashier bound to no counter, or sells at a counter only").format(user=actor.username)
        )
    if actor.counter_code and draft.channel == "counter" and draft.counter_code != actor.counter_code:
        raise PermissionDenied(
            _("{user} sells at counter {counter} only").format(user=actor.username, counter=actor.counter_code)
        )
    if draft.idempotency_key:
        serialize(session, Sale.idempotency_key, draft.idempotency_key)  # a second "pay" waits for the first
        existing = session.scalars(select(Sale).where(Sale.idempotency_key == draft.idempotency_key)).one_or_none()
        if existing is not None:
            return _already_paid(existing, draft)
    zone = zone or business_zone(session)
    day = local_day(draft.sold_at, zone)
    counter = _check_channel(session, draft)
    lines = _priced_lines(session, draft, day)
    if own is not None and any(session.get(Product, line.product_id).supplier_id != own for line in lines):  # type: ignore[union-attr]
        raise PermissionDenied(
            _("{user} may only work with their own cooperative's records").format(user=actor.username)
        )
    for line in lines:
        line.sold_at, line.channel = draft.sold_at, draft.channel
    overrides = [line for line, asked in zip(lines, draft.lines, strict=True) if asked.unit_price_fen is not None]
    overrides = [line for line in overrides if line.unit_price_fen != session.get(Product, line.product_id).price_fen]  # type: ignore[union-attr]
    allowed_by = actor
    if overrides:
        allowed_by = approved_by(approval, "price.override") if approval is not None else actor
        require(allowed_by, "price.override")
    total = sum(line.amount_fen for line in lines)
    payments, change = _payments(draft, total)
    if counter is not None:
        ref = next_receipt_no(session, counter, day)
    else:
        ref = draft.ref or f"{draft.channel.upper()}-{day:%Y%m%d}-{uuid.uuid4().hex[:8].upper()}"
    if session.scalars(select(Sale.id).where(Sale.ref == ref)).first() is not None:
        raise InvalidValue("sale_ref", _("already used by another sale: {value}").format(value=ref))
    # Plain INSERTs through the connection rather than the unit of work or the ORM's bulk path:
    # the rows are final, and a counter's sale is the hottest write of the program
    # (see benchmarks/pgload.py and benchmarks/counter.py).
    connection = session.connection()
    sale_id = connection.execute(
        insert(Sale).returning(Sale.id),
        {
            "ref": ref,
            "channel": draft.channel,
            "sold_at": draft.sold_at,
            "counter_id": counter.id if counter else None,
            "cashier_id": draft.cashier_id,
            "customer_org": (draft.customer_org or "").strip() or None,
            "total_fen": total,
            "idempotency_key": draft.idempotency_key,
        },
    ).scalar_one()
    connection.execute(insert(SaleLine), [{**_columns(line, SALE_LINE_COLUMNS), "sale_id": sale_id} for line in lines])
    if payments:
        connection.execute(insert(Payment), [{**_columns(p, PAYMENT_COLUMNS), "sale_id": sale_id} for p in payments])
    if counter is not None:  # the goods leave the counter's shelf in the sale's own transaction
        sold = [(line.product_id, line.quantity_milli) for line in lines]
        add_movements(session, actor.username, sale_movements(counter.id, ref, sold), draft.sold_at)
    for line in overrides:
        listed = session.get(Product, line.product_id).price_fen  # type: ignore[union-attr]
        summary = (
            f"product {line.product_id}: {format_fen(listed)} → {format_fen(line.unit_price_fen)}, by {actor.username}"
        )
        record(session, allowed_by.username, "price.override", ref, summary)
    return SaleRecorded(sale_id, ref, total, change, tuple(line.amount_fen for line in lines))
