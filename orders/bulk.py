"""Bulk orders from organisations (团购 / 以购代捐) and their yearly quotas.

An order goes ordered → delivered → paid, or is cancelled before delivery (a cancelled order
never counts). Delivering it records a ``bulk`` sale in the ledger, dated when it was delivered,
at the agreed prices; a return after delivery is a refund of that sale. Quota progress counts
the organisation's bulk sales of the year net of refunds, so it always agrees with the ledger.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from core.audit import record
from core.auth import Actor, require
from core.codes import ORG_KINDS
from core.errors import BangfuError, InvalidValue
from core.i18n import _
from core.identifiers import mask_name
from core.locks import locked, one_or_new, serialize
from core.models import (
    BulkOrder,
    BulkOrderLine,
    Household,
    Organisation,
    Product,
    Quota,
    Refund,
    RefundLine,
    Sale,
    SaleLine,
    utc_now,
)
from core.money import format_fen, line_amount, parse_quantity, parse_yuan
from orders.attribution import attribute
from orders.ledger import LineDraft, SaleDraft, record_sale
from orders.refunds import RefundDraft, RefundRecorded, picked_lines, record_refund


def save_organisation(
    session: Session, actor: Actor, name: str, kind: str, region_code: str, contact: str = ""
) -> Organisation:
    require(actor, "bulk.manage")
    name = name.strip()
    if not name:
        raise InvalidValue("name", _("required, but empty"))
    if kind not in ORG_KINDS:
        raise InvalidValue("kind", _("must be one of {choices}").format(choices=", ".join(ORG_KINDS)))
    organisation = one_or_new(session, Organisation, Organisation.name, name)
    organisation.kind, organisation.region_code, organisation.contact = kind, region_code, contact
    session.add(organisation)
    session.flush()
    record(session, actor.username, "organisation.save", name, kind)
    return organisation


def set_quota(session: Session, actor: Actor, organisation_id: int, year: int, quota_fen: int) -> None:
    require(actor, "bulk.manage")
    if quota_fen < 0:
        raise InvalidValue("quota", _("must not be negative: {value}").format(value=format_fen(quota_fen)))
    serialize(session, "quota", organisation_id, year)  # merge inserts or updates: one at a time
    session.merge(Quota(organisation_id=organisation_id, year=year, quota_fen=quota_fen))
    record(session, actor.username, "quota.set", str(organisation_id), f"{year}: {format_fen(quota_fen)}")


def order_lines(session: Session, text: str) -> tuple[LineDraft, ...]:
    """Lines typed as ``code quantity [agreed price]``, separated by ``;`` (``HZ1000 30 42.00; XG500 20``):
    the code or barcode exactly, the quantity in the product's unit, the price in yuan."""
    lines = []
    for part in filter(None, (p.strip() for p in text.replace("；", ";").split(";"))):
        code, *rest = part.split()
        if len(rest) not in (1, 2):
            raise InvalidValue("lines", _("write code, quantity and an optional price: {value}").format(value=part))
        product = session.scalars(select(Product).where(or_(Product.code == code, Product.barcode == code))).first()
        if product is None:
            raise InvalidValue("lines", _("unknown code: {value}").format(value=code))
        agreed = parse_yuan(rest[1], "lines") if len(rest) == 2 else None
        lines.append(LineDraft(product.id, parse_quantity(rest[0], product.unit, "lines"), agreed))
    return tuple(lines)


def place_order(
    session: Session,
    actor: Actor,
    organisation_id: int,
    number: str,
    lines: tuple[LineDraft, ...],
    delivery_date: dt.date,
) -> BulkOrder:
    """An order at agreed prices (a line without a price takes the product's)."""
    require(actor, "bulk.manage")
    if not lines:
        raise BangfuError(_("a sale needs at least one line"))
    serialize(session, "bulk_order", number)
    if session.scalar(select(BulkOrder.id).where(BulkOrder.number == number)) is not None:
        raise InvalidValue("number", _("{value} is already used by another record").format(value=number))
    order = BulkOrder(number=number, organisation_id=organisation_id, ordered_at=utc_now(), delivery_date=delivery_date)
    for line in lines:
        product = session.get(Product, line.product_id)
        if product is None:
            raise InvalidValue("product", _("unknown product id {value}").format(value=line.product_id))
        price = product.price_fen if line.unit_price_fen is None else line.unit_price_fen
        order.lines.append(
            BulkOrderLine(product_id=product.id, quantity_milli=line.quantity_milli, unit_price_fen=price)
        )
    session.add(order)
    session.flush()
    record(session, actor.username, "bulk.order", number, f"{len(lines)} lines, delivery {delivery_date.isoformat()}")
    return order


def _order(session: Session, number: str) -> BulkOrder:
    """The order, its row locked: its state decides what may happen next, one change at a time."""
    order = locked(session, BulkOrder, BulkOrder.number == number)
    if order is None:
        raise InvalidValue("order", _("unknown order {value}").format(value=number))
    return order


def cancel_order(session: Session, actor: Actor, number: str) -> None:
    require(actor, "bulk.manage")
    order = _order(session, number)
    if order.state != "ordered":
        raise BangfuError(
            _("order {value} is {state}: only an order not yet delivered can be cancelled").format(
                value=number, state=order.state
            )
        )
    order.state = "cancelled"
    record(session, actor.username, "bulk.cancel", number, "")


def deliver_order(session: Session, actor: Actor, number: str, delivered_at: dt.datetime | None = None) -> Sale:
    """The delivery becomes a bulk sale in the ledger, at the agreed prices, dated on delivery.
    The person managing bulk orders agreed the prices, so they approve them as overrides."""
    require(actor, "bulk.manage")
    order = _order(session, number)
    if order.state != "ordered":
        raise BangfuError(_("order {value} is {state} and cannot be delivered").format(value=number, state=order.state))
    draft = SaleDraft(
        channel="bulk",
        sold_at=delivered_at or utc_now(),
        lines=tuple(LineDraft(line.product_id, line.quantity_milli, line.unit_price_fen) for line in order.lines),
        customer_org=order.organisation.name,
        ref=f"BULK-{order.number}",
    )
    recorded = record_sale(session, actor, draft)
    order.state, order.sale_id = "delivered", recorded.sale_id
    record(session, actor.username, "bulk.deliver", number, f"sale {recorded.ref}, {format_fen(recorded.total_fen)}")
    sale = session.get(Sale, recorded.sale_id)
    assert sale is not None
    return sale


def mark_paid(session: Session, actor: Actor, number: str) -> None:
    require(actor, "bulk.manage")
    order = _order(session, number)
    if order.state != "delivered":
        raise BangfuError(
            _("order {value} is {state}: only a delivered order can be paid").format(value=number, state=order.state)
        )
    order.state = "paid"
    record(session, actor.username, "bulk.paid", number, "")


def return_goods(
    session: Session,
    actor: Actor,
    number: str,
    quantities: Mapping[str, str],
    reason: str,
    when: dt.datetime | None = None,
) -> RefundRecorded:
    """A return after delivery: a refund of the order's sale (never more than delivered), with the
    quantities typed per product code."""
    order = _order(session, number)
    if order.sale_id is None:
        raise BangfuError(_("order {value} has not been delivered").format(value=number))
    sale = session.get(Sale, order.sale_id)
    assert sale is not None
    lines = picked_lines(session, sale.ref, quantities)
    return record_refund(session, actor, RefundDraft(sale.ref, when or utc_now(), lines, reason, method="transfer"))


@dataclass(frozen=True)
class QuotaProgress:
    organisation: str
    quota_fen: int
    bought_fen: int  # delivered purchases of the year, net of returns

    @property
    def share(self) -> float:
        return self.bought_fen / self.quota_fen if self.quota_fen else 0.0


def quota_progress(
    session: Session, year: int, zone: ZoneInfo, until: dt.datetime | None = None
) -> list[QuotaProgress]:
    """Every organisation with a quota for ``year`` (in the business zone): quota, bought up to
    ``until`` (default: the whole year), share; by name."""
    start = dt.datetime(year, 1, 1, tzinfo=zone)
    year_end = dt.datetime(year + 1, 1, 1, tzinfo=zone)
    end = min(until, year_end) if until else year_end
    bought = dict(
        session.execute(
            select(Sale.customer_org, func.sum(Sale.total_fen))
            .where(Sale.channel == "bulk", Sale.sold_at >= start, Sale.sold_at < end)  # ix_sales_channel
            .group_by(Sale.customer_org)
        ).all()
    )
    returned = dict(
        session.execute(
            select(Sale.customer_org, func.sum(Refund.total_fen))
            .join(Sale, Refund.sale_id == Sale.id)
            .where(Sale.channel == "bulk", Refund.refunded_at >= start, Refund.refunded_at < end)
            .group_by(Sale.customer_org)
        ).all()
    )
    rows = session.execute(
        select(Organisation.name, Quota.quota_fen).join(Quota).where(Quota.year == year).order_by(Organisation.name)
    )
    return [QuotaProgress(name, quota, int(bought.get(name, 0)) - int(returned.get(name, 0))) for name, quota in rows]


def below_share(progress: list[QuotaProgress], share: float) -> list[QuotaProgress]:
    """Organisations that have bought less than ``share`` (0.5 = half) of their quota."""
    return [p for p in progress if p.share < share]


@dataclass(frozen=True)
class OrderRow:
    number: str
    organisation: str
    delivery_date: dt.date
    state: str
    total_fen: int
    search_key: str


def order_rows(session: Session, actor: Actor) -> list[OrderRow]:
    require(actor, "bulk.manage")
    rows = []
    for order in session.scalars(select(BulkOrder).order_by(BulkOrder.id.desc())):
        total = sum(line_amount(line.unit_price_fen, line.quantity_milli) for line in order.lines)
        name = order.organisation.name
        rows.append(
            OrderRow(order.number, name, order.delivery_date, order.state, total, f"{order.number} {name}".lower())
        )
    return rows


@dataclass(frozen=True)
class HouseholdShare:
    code: str
    name: str  # masked, as the cooperative may see it
    month_fen: int
    year_fen: int
    search_key: str


def coop_households(session: Session, actor: Actor, month: str, zone: ZoneInfo) -> list[HouseholdShare]:
    """What the cooperative's linked households received this month and this year so far."""
    require(actor, "coop.sales")
    if actor.supplier_id is None:
        return []
    year, number = int(month[:4]), int(month[5:])
    totals: dict[str, list[int]] = {}
    for m in range(1, number + 1):
        figures = attribute(session, f"{year:04d}-{m:02d}", zone, suppliers=[actor.supplier_id]).get(actor.supplier_id)
        for code, fen in (figures.shares if figures else {}).items():
            entry = totals.setdefault(code, [0, 0])
            entry[1] += fen
            if m == number:
                entry[0] += fen
    names = dict(
        session.execute(select(Household.code, Household.head_name).where(Household.code.in_(list(totals)))).all()
    )
    return [
        HouseholdShare(code, mask_name(names.get(code, "")), a, b, code.lower())
        for code, (a, b) in sorted(totals.items())
    ]


@dataclass(frozen=True)
class SaleSummary:
    ref: str
    day: dt.date
    channel: str
    total_fen: int  # of the lines the reader may see: a coop manager's own products only
    refunded_fen: int  # of those same lines
    search_key: str


def recent_sales(session: Session, actor: Actor, zone: ZoneInfo, days: int = 30) -> list[SaleSummary]:
    """Sales of the last ``days`` with their refunds. A coop manager sees their own products'
    lines of each receipt and nothing of other suppliers' money on a mixed receipt."""
    require(actor, "coop.sales")
    since = utc_now() - dt.timedelta(days=days)
    lines = select(SaleLine.sale_id, func.sum(SaleLine.amount_fen).label("fen")).where(SaleLine.sold_at >= since)
    refunds = (
        select(SaleLine.sale_id, func.sum(RefundLine.amount_fen).label("fen"))
        .join(RefundLine.sale_line)
        .where(SaleLine.sold_at >= since)
    )
    if actor.role == "coop_manager":
        own = SaleLine.product_id.in_(select(Product.id).where(Product.supplier_id == actor.supplier_id))
        lines, refunds = lines.where(own), refunds.where(own)
    shown = lines.group_by(SaleLine.sale_id).subquery()
    refunded = refunds.group_by(SaleLine.sale_id).subquery()
    query = (
        select(Sale.ref, Sale.sold_at, Sale.channel, shown.c.fen, func.coalesce(refunded.c.fen, 0))
        .join(shown, shown.c.sale_id == Sale.id)
        .outerjoin(refunded, refunded.c.sale_id == Sale.id)
        .order_by(Sale.sold_at.desc(), Sale.id.desc())
        .limit(500)
    )
    return [
        SaleSummary(ref, sold_at.astimezone(zone).date(), channel, int(fen), int(back), ref.lower())
        for ref, sold_at, channel, fen, back in session.execute(query)
    ]


def organisation_choices(session: Session) -> list[tuple[int, str]]:
    """(id, name) of every purchasing unit by name, for a form's list."""
    return [(o.id, o.name) for o in session.scalars(select(Organisation).order_by(Organisation.name))]
