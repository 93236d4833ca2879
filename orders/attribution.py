"""Revenue attribution (SPEC §6): each supplier's monthly benefit pool, split over its linked
households by weight with the largest remainder method, exactly to the fen.

The sums over sale and refund lines are GROUP BY queries in the database (the same SQL on
SQLite and PostgreSQL); Python only folds the grouped rows and splits the pools.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from core.config import month_bounds
from core.db import rows_with
from core.models import Household, Linkage, Product, Refund, RefundLine, Sale, SaleLine, Supplier
from core.money import RATE_SCALE, div_round_half_up


def pool_of(net_fen: int, rate_bp: int) -> int:
    """SPEC §6: a supplier's pool is its month's net times its benefit rate, rounded half away
    from zero to the fen (a net-negative month gives a negative pool)."""
    return div_round_half_up(net_fen * rate_bp, RATE_SCALE)


def split_pool(pool: int, weights: Sequence[tuple[str, int]]) -> dict[str, int]:
    """Split ``pool`` fen over (household code, weight) by the largest remainder method.

    Each household gets floor(|pool|·w/W); the fen left over go one each to the largest
    fractional parts, ties to the smaller household code in plain string order; then the sign of
    the pool is applied. The parts always add up to the pool exactly.
    """
    total = sum(weight for _code, weight in weights)
    if not weights or total <= 0:
        raise ValueError("a pool is split over at least one positive weight")
    magnitude = abs(pool)
    shares = {code: magnitude * weight // total for code, weight in weights}
    remainders = {code: magnitude * weight % total for code, weight in weights}
    leftover = magnitude - sum(shares.values())
    for code in sorted(shares, key=lambda c: (-remainders[c], c))[:leftover]:
        shares[code] += 1
    sign = -1 if pool < 0 else 1
    return {code: sign * amount for code, amount in shares.items()}


@dataclass(frozen=True)
class LineSums:
    """Sale or refund amounts of one month grouped by product and channel (SQL does the sums)."""

    amounts: dict[tuple[int, str], int]  # (product id, channel) -> fen
    lines: dict[int, int]  # product id -> number of lines
    quantities: dict[int, int]  # product id -> thousandths of a unit (the weight sold, from the same scan)


def _sums(session: Session, query: Select[int, str, int, int, int], suppliers: Iterable[int] | None) -> LineSums:
    """Run a (product, channel, amount, count, quantity) GROUP BY, optionally for some suppliers only."""
    if suppliers is not None:
        query = query.join(Product, SaleLine.product_id == Product.id).where(Product.supplier_id.in_(list(suppliers)))
    amounts: dict[tuple[int, str], int] = {}
    lines: defaultdict[int, int] = defaultdict(int)
    quantities: defaultdict[int, int] = defaultdict(int)
    for product_id, channel, amount, count, quantity in session.execute(query):
        amounts[(product_id, channel)] = int(amount)
        lines[product_id] += int(count)
        quantities[product_id] += int(quantity)
    return LineSums(amounts, dict(lines), dict(quantities))


def sale_sums(
    session: Session, start: dt.datetime, end: dt.datetime, suppliers: Iterable[int] | None = None
) -> LineSums:
    query = (  # one range scan of ix_sale_lines_month: the lines carry their sale's time and channel
        select(
            SaleLine.product_id,
            SaleLine.channel,
            func.sum(SaleLine.amount_fen),
            func.count(),
            func.sum(SaleLine.quantity_milli),
        )
        .where(SaleLine.sold_at >= start, SaleLine.sold_at < end)
        .group_by(SaleLine.product_id, SaleLine.channel)
    )
    return _sums(session, query, suppliers)


def refund_sums(
    session: Session, start: dt.datetime, end: dt.datetime, suppliers: Iterable[int] | None = None
) -> LineSums:
    """Refunds dated in the month, under the original sale's channel and line's product."""
    query = (
        select(
            SaleLine.product_id,
            Sale.channel,
            func.sum(RefundLine.amount_fen),
            func.count(),
            func.sum(RefundLine.quantity_milli),
        )
        .select_from(RefundLine)
        .join(Refund, RefundLine.refund_id == Refund.id)
        .join(SaleLine, RefundLine.sale_line_id == SaleLine.id)
        .join(Sale, SaleLine.sale_id == Sale.id)
        .where(Refund.refunded_at >= start, Refund.refunded_at < end)
        .group_by(SaleLine.product_id, Sale.channel)
    )
    return _sums(session, query, suppliers)


@dataclass(frozen=True)
class ProductInfo:
    supplier_id: int
    category: str
    origin: str


def product_info(session: Session, ids: Iterable[int]) -> dict[int, ProductInfo]:
    query = select(Product.id, Product.supplier_id, Product.category, Product.origin_region_code)
    return {pid: ProductInfo(sid, cat, origin) for pid, sid, cat, origin in rows_with(session, query, Product.id, ids)}


@dataclass
class SupplierMonth:
    """One supplier's month: net, pool and where the pool went."""

    id: int
    uscc: str
    name: str
    benefit_rate_bp: int
    net_fen: int = 0
    pool_fen: int = 0
    shares: dict[str, int] = field(default_factory=dict)  # household code -> fen
    linked: bool = False

    @property
    def attributed_fen(self) -> int:
        return sum(self.shares.values())

    @property
    def unattributed_fen(self) -> int:
        return 0 if self.linked else self.pool_fen


def active_weights(session: Session, month: str, suppliers: Iterable[int]) -> dict[int, list[tuple[str, int]]]:
    """(household code, weight) of each supplier's linkages active in ``month``."""
    query = (
        select(Linkage.supplier_id, Household.code, Linkage.weight_centi)
        .join(Household, Linkage.household_id == Household.id)
        .where(Linkage.active_in(month))
    )
    weights: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for supplier_id, code, weight in rows_with(session, query, Linkage.supplier_id, suppliers):
        weights[supplier_id].append((code, weight))
    return weights


def attribute(
    session: Session,
    month: str,
    zone: ZoneInfo,
    sales: LineSums | None = None,
    refunds: LineSums | None = None,
    info: dict[int, ProductInfo] | None = None,
    suppliers: Iterable[int] | None = None,
) -> dict[int, SupplierMonth]:
    """Every supplier with a sale or refund in ``month`` (or only ``suppliers``), by id."""
    start, end = month_bounds(month, zone)
    sales = sales or sale_sums(session, start, end, suppliers)
    refunds = refunds or refund_sums(session, start, end, suppliers)
    info = (
        info
        if info is not None
        else product_info(session, {p for p, _c in sales.amounts} | {p for p, _c in refunds.amounts})
    )
    net: dict[int, int] = defaultdict(int)
    for sign, sums in ((1, sales), (-1, refunds)):
        for (product_id, _channel), amount in sums.amounts.items():
            net[info[product_id].supplier_id] += sign * amount
    months: dict[int, SupplierMonth] = {}
    query = select(Supplier.id, Supplier.uscc, Supplier.name, Supplier.benefit_rate_bp)
    for sid, uscc, name, rate in rows_with(session, query, Supplier.id, net):
        months[sid] = SupplierMonth(sid, uscc, name, rate, net[sid], pool_of(net[sid], rate))
    for supplier_id, weights in active_weights(session, month, months).items():
        figures = months[supplier_id]
        figures.linked = True
        figures.shares = split_pool(figures.pool_fen, weights)
    return months


def household_totals(months: Iterable[SupplierMonth]) -> dict[str, dict[str, int]]:
    """Household code -> {supplier uscc: fen}, non-zero amounts only."""
    totals: dict[str, dict[str, int]] = defaultdict(dict)
    for figures in months:
        for code, amount in figures.shares.items():
            if amount:
                totals[code][figures.uscc] = amount
    return dict(totals)
