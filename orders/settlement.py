"""Consignment settlement (SPEC §11): what the operator owes each supplier for a month of counter sales.

Only the ``counter`` channel is settled: cooperative, online and bulk sales are the supplier's own
money. Per product, over counter sale lines sold in the month and refunds dated in it (under the
original sale's channel, as SPEC §5 counts refunds): the net quantity and the net amount; the
payable is the net quantity at the product's supply price, or else the net amount less the
supplier's commission. The sums are GROUP BY queries; Python applies the one rounding rule.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.auth import Actor, PermissionDenied, require
from core.config import business_zone, month_bounds
from core.i18n import _
from core.models import Product, Refund, RefundLine, Sale, SaleLine, StockMovement, Supplier
from core.money import RATE_SCALE, div_round_half_up
from orders.attribution import attribute

MILLI = 1000


def payable_of(net_quantity_milli: int, net_fen: int, supply_price_fen: int | None, commission_bp: int) -> int:
    """SPEC §11: round_half_up(net quantity × supply price) when the product has one, else
    round_half_up(net amount × (100 − commission rate) / 100); negative in a month of more refunds
    than sales."""
    if supply_price_fen is not None:
        return div_round_half_up(net_quantity_milli * supply_price_fen, MILLI)
    return div_round_half_up(net_fen * (RATE_SCALE - commission_bp), RATE_SCALE)


def quantity_3(milli: int) -> str:
    """A net quantity with exactly three decimals, as the JSON gives it: -0.500, 12.000."""
    sign = "-" if milli < 0 else ""
    return f"{sign}{abs(milli) // MILLI}.{abs(milli) % MILLI:03d}"


@dataclass(frozen=True)
class ProductSettlement:
    code: str
    name: str
    unit: str
    sold_milli: int
    refunded_milli: int
    sold_fen: int
    refunded_fen: int
    supply_price_fen: int | None
    payable_fen: int

    @property
    def net_quantity_milli(self) -> int:
        return self.sold_milli - self.refunded_milli

    @property
    def net_fen(self) -> int:
        return self.sold_fen - self.refunded_fen

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "net_quantity": quantity_3(self.net_quantity_milli),
            "net_fen": self.net_fen,
            "payable_fen": self.payable_fen,
        }


@dataclass(frozen=True)
class SupplierSettlement:
    id: int
    uscc: str
    name: str
    commission_rate_bp: int
    pool_fen: int  # SPEC §6, all channels: what the supplier owes its linked households this month
    products: tuple[ProductSettlement, ...]

    @property
    def counter_net_fen(self) -> int:
        return sum(p.net_fen for p in self.products)

    @property
    def payable_fen(self) -> int:
        return sum(p.payable_fen for p in self.products)

    @property
    def commission_fen(self) -> int:
        return self.counter_net_fen - self.payable_fen

    def to_json(self) -> dict[str, Any]:
        return {
            "uscc": self.uscc,
            "counter_net_fen": self.counter_net_fen,
            "payable_fen": self.payable_fen,
            "commission_fen": self.commission_fen,
            "pool_fen": self.pool_fen,
            "products": [p.to_json() for p in self.products],
        }


@dataclass(frozen=True)
class Settlement:
    month: str
    suppliers: tuple[SupplierSettlement, ...]

    def to_json(self) -> dict[str, Any]:
        return {"month": self.month, "suppliers": [s.to_json() for s in self.suppliers]}


def _counter_sums(
    session: Session, start: dt.datetime, end: dt.datetime, supplier_id: int | None
) -> dict[int, list[int]]:
    """product id -> [sold milli, refunded milli, sold fen, refunded fen] of counter sales in the month."""
    sold = (
        select(SaleLine.product_id, func.sum(SaleLine.quantity_milli), func.sum(SaleLine.amount_fen))
        .where(SaleLine.channel == "counter", SaleLine.sold_at >= start, SaleLine.sold_at < end)
        .group_by(SaleLine.product_id)
    )
    refunded = (
        select(SaleLine.product_id, func.sum(RefundLine.quantity_milli), func.sum(RefundLine.amount_fen))
        .select_from(RefundLine)
        .join(Refund, RefundLine.refund_id == Refund.id)
        .join(SaleLine, RefundLine.sale_line_id == SaleLine.id)
        .join(Sale, SaleLine.sale_id == Sale.id)
        .where(Sale.channel == "counter", Refund.refunded_at >= start, Refund.refunded_at < end)
        .group_by(SaleLine.product_id)
    )
    if supplier_id is not None:
        sold = sold.join(Product, SaleLine.product_id == Product.id).where(Product.supplier_id == supplier_id)
        refunded = refunded.join(Product, SaleLine.product_id == Product.id).where(Product.supplier_id == supplier_id)
    sums: defaultdict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for product_id, quantity, amount in session.execute(sold):
        sums[product_id][0], sums[product_id][2] = int(quantity), int(amount)
    for product_id, quantity, amount in session.execute(refunded):
        sums[product_id][1], sums[product_id][3] = int(quantity), int(amount)
    return dict(sums)


def settlement(session: Session, actor: Actor, month: str, supplier_id: int | None = None) -> Settlement:
    """Every supplier with a counter sale or refund line in ``month`` (or only ``supplier_id``),
    sorted by credit code, each with its products sorted by code. A cooperative manager sees
    their own supplier's only."""
    if actor.role == "coop_manager":
        if actor.supplier_id is None or supplier_id not in (None, actor.supplier_id):
            raise PermissionDenied(
                _("{user} may only work with their own cooperative's records").format(user=actor.username)
            )
        supplier_id = actor.supplier_id
    else:
        require(actor, "settlement.view")
    zone = business_zone(session)
    start, end = month_bounds(month, zone)
    sums = _counter_sums(session, start, end, supplier_id)
    products = session.execute(
        select(
            Product.id, Product.code, Product.name, Product.unit, Product.supply_price_fen, Product.supplier_id
        ).where(Product.id.in_(list(sums)))
    ).all()
    suppliers = {
        row.id: row
        for row in session.execute(
            select(Supplier.id, Supplier.uscc, Supplier.name, Supplier.commission_rate_bp).where(
                Supplier.id.in_({p.supplier_id for p in products})
            )
        )
    }
    by_supplier: defaultdict[int, list[ProductSettlement]] = defaultdict(list)
    for p in products:
        sold_milli, refunded_milli, sold_fen, refunded_fen = sums[p.id]
        payable = payable_of(
            sold_milli - refunded_milli,
            sold_fen - refunded_fen,
            p.supply_price_fen,
            suppliers[p.supplier_id].commission_rate_bp,
        )
        by_supplier[p.supplier_id].append(
            ProductSettlement(
                p.code, p.name, p.unit, sold_milli, refunded_milli, sold_fen, refunded_fen, p.supply_price_fen, payable
            )
        )
    pools = attribute(session, month, zone, suppliers=list(by_supplier))
    rows = [
        SupplierSettlement(
            sid,
            suppliers[sid].uscc,
            suppliers[sid].name,
            suppliers[sid].commission_rate_bp,
            pools[sid].pool_fen if sid in pools else 0,
            tuple(sorted(items, key=lambda p: p.code)),
        )
        for sid, items in by_supplier.items()
    ]
    return Settlement(month, tuple(sorted(rows, key=lambda s: s.uscc)))


def _pool(session: Session, month: str, supplier_id: int) -> int:
    """The supplier's §6 pool for the month, for a statement with no counter sale to settle (its
    cooperative or bulk sales still owe its households)."""
    pools = attribute(session, month, business_zone(session), suppliers=[supplier_id])
    return pools[supplier_id].pool_fen if supplier_id in pools else 0


@dataclass(frozen=True)
class StatementLine:
    """One product on a supplier's statement: its goods (all counters) and its money."""

    code: str
    name: str
    unit: str
    received_milli: int
    sold_milli: int
    refunded_milli: int
    returned_milli: int
    on_hand_milli: int  # at the month's end
    net_fen: int
    payable_fen: int


def statement_lines(
    session: Session, actor: Actor, month: str, supplier_id: int
) -> tuple[SupplierSettlement | None, list[StatementLine]]:
    """What a supplier's statement lists: every product of its with a counter sale or refund, a
    delivery or return in the month, or goods on hand at its end, by code."""
    money = settlement(session, actor, month, supplier_id)
    figures = money.suppliers[0] if money.suppliers else None
    settled = {p.code: p for p in (figures.products if figures else ())}
    start, end = month_bounds(month, business_zone(session))

    def moved(*where: Any) -> dict[int, int]:
        query = (
            select(StockMovement.product_id, func.sum(StockMovement.quantity_milli))
            .join(Product, Product.id == StockMovement.product_id)
            .where(Product.supplier_id == supplier_id, *where)
            .group_by(StockMovement.product_id)
        )
        return {pid: int(q) for pid, q in session.execute(query)}

    in_month = (StockMovement.at >= start, StockMovement.at < end)
    received = moved(StockMovement.kind == "receipt", *in_month)
    returned = moved(StockMovement.kind == "return", *in_month)
    on_hand = moved(StockMovement.at < end)
    products = session.scalars(select(Product).where(Product.supplier_id == supplier_id).order_by(Product.code))
    lines = []
    for p in products:
        money_line = settled.get(p.code)
        if money_line is None and not (received.get(p.id) or returned.get(p.id) or on_hand.get(p.id)):
            continue
        lines.append(
            StatementLine(
                p.code,
                p.name,
                p.unit,
                received.get(p.id, 0),
                money_line.sold_milli if money_line else 0,
                money_line.refunded_milli if money_line else 0,
                -returned.get(p.id, 0),
                on_hand.get(p.id, 0),
                money_line.net_fen if money_line else 0,
                money_line.payable_fen if money_line else 0,
            )
        )
    return figures, lines


def statement(session: Session, actor: Actor, month: str, supplier_id: int) -> dict[str, Any]:
    """A supplier's statement as data (what is issued and frozen, and what its PDF and XLSX show)."""
    figures, lines = statement_lines(session, actor, month, supplier_id)
    supplier = session.get(Supplier, supplier_id)
    assert supplier is not None
    return {
        "month": month,
        "uscc": supplier.uscc,
        "name": supplier.name,
        "commission_rate_bp": supplier.commission_rate_bp,
        "counter_net_fen": figures.counter_net_fen if figures else 0,
        "payable_fen": figures.payable_fen if figures else 0,
        "commission_fen": figures.commission_fen if figures else 0,
        "pool_fen": figures.pool_fen if figures else _pool(session, month, supplier_id),
        "lines": [asdict(line) for line in lines],
    }
