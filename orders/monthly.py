"""The monthly figures of SPEC §9 as data objects; JSON, CSV, PDF and XLSX are renderings of them.

``monthly_summary`` and ``attribution_report`` read one month in the business zone: sale lines
dated in the month, refunds dated in the month (under the original sale's channel, the
product's category and origin), each supplier's pool and its split.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog.certificates import sellable_span
from core.auth import Actor, require
from core.codes import CHANNELS
from core.collector import collector_paused
from core.config import business_zone, month_bounds
from core.db import rows_with
from core.models import Household, Linkage, Product, Sale, SaleLine, Supplier
from orders.attribution import (
    LineSums,
    SupplierMonth,
    attribute,
    household_totals,
    product_info,
    refund_sums,
    sale_sums,
)


@dataclass(frozen=True)
class MonthlySummary:
    month: str
    zone: str
    sales_count: int
    gross_fen: int
    refunds_fen: int
    by_channel: dict[str, int]
    by_category: dict[str, int]
    by_origin_region: dict[str, int]
    suppliers: list[SupplierMonth]  # sorted by credit code
    households_benefited: int
    uncertified_lines: int
    # not in SPEC §9's JSON: product id -> net thousandths of a unit sold (the report's weight)
    net_quantities: dict[int, int] = field(default_factory=dict, repr=False)

    @property
    def net_fen(self) -> int:
        return self.gross_fen - self.refunds_fen

    @property
    def attributed_fen(self) -> int:
        return sum(s.attributed_fen for s in self.suppliers)

    @property
    def unattributed_fen(self) -> int:
        return sum(s.unattributed_fen for s in self.suppliers)

    def to_json(self) -> dict[str, object]:
        """Exactly the shape of SPEC §9, amounts in integer fen, keys in plain string order."""
        return {
            "month": self.month,
            "zone": self.zone,
            "sales_count": self.sales_count,
            "gross_fen": self.gross_fen,
            "refunds_fen": self.refunds_fen,
            "net_fen": self.net_fen,
            "by_channel": {channel: self.by_channel.get(channel, 0) for channel in CHANNELS},
            "by_category": dict(sorted(self.by_category.items())),
            "by_origin_region": dict(sorted(self.by_origin_region.items())),
            "by_supplier": [
                {
                    "uscc": s.uscc,
                    "name": s.name,
                    "net_fen": s.net_fen,
                    "pool_fen": s.pool_fen,
                    "attributed_fen": s.attributed_fen,
                    "unattributed_fen": s.unattributed_fen,
                }
                for s in self.suppliers
            ],
            "households_benefited": self.households_benefited,
            "attributed_fen": self.attributed_fen,
            "unattributed_fen": self.unattributed_fen,
            "flags": {"uncertified_lines": self.uncertified_lines},
        }


def _local_start(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=zone)


def uncertified_lines(
    session: Session, lines: dict[int, int], start: dt.datetime, end: dt.datetime, zone: ZoneInfo
) -> int:
    """Sale lines whose product was not ``active`` on the sale's local date (SPEC §4).

    A product inactive all month counts all its lines; one whose certificate starts or ends
    inside the month counts the lines before its first or after its last valid day."""
    first, last = start.date(), (end - dt.timedelta(days=1)).date()
    count = 0
    certs = select(Product.id, Product.cert_status, Product.certified_on, Product.valid_until)
    for product_id, status, certified_on, valid_until in list(rows_with(session, certs, Product.id, lines)):
        span = sellable_span(status, certified_on, valid_until)
        if span is None or span[0] > last or span[1] < first:
            count += lines[product_id]
            continue
        valid_from, valid_to = span
        outside = []
        if valid_from > first:
            outside.append((start, _local_start(valid_from, zone)))
        if valid_to < last:
            outside.append((_local_start(valid_to + dt.timedelta(days=1), zone), end))
        for low, high in outside:  # a line carries its sale's time (SaleLine): no join
            lines_outside = select(func.count()).where(
                SaleLine.product_id == product_id, SaleLine.sold_at >= low, SaleLine.sold_at < high
            )
            count += session.scalar(lines_outside) or 0
    return count


def net_quantities(sales: LineSums, refunds: LineSums) -> dict[int, int]:
    """Product id -> thousandths of a unit sold in the month, less those refunded in it."""
    net = dict(sales.quantities)
    for product_id, quantity in refunds.quantities.items():
        net[product_id] = net.get(product_id, 0) - quantity
    return net


@collector_paused()
def monthly_summary(session: Session, actor: Actor, month: str, zone: ZoneInfo | None = None) -> MonthlySummary:
    require(actor, "report.view")
    zone = zone or business_zone(session)
    start, end = month_bounds(month, zone)
    sales = sale_sums(session, start, end)
    refunds = refund_sums(session, start, end)
    info = product_info(session, {p for p, _c in sales.amounts} | {p for p, _c in refunds.amounts})
    by_channel: dict[str, int] = defaultdict(int)
    by_category: dict[str, int] = defaultdict(int)
    by_origin: dict[str, int] = defaultdict(int)
    for sign, sums in ((1, sales), (-1, refunds)):
        for (product_id, channel), amount in sums.amounts.items():
            product = info[product_id]
            by_channel[channel] += sign * amount
            by_category[product.category] += sign * amount
            by_origin[product.origin] += sign * amount
    months = attribute(session, month, zone, sales, refunds, info)
    benefited = sum(1 for amounts in household_totals(months.values()).values() if sum(amounts.values()) > 0)
    sales_count = session.scalar(
        select(func.count()).select_from(Sale).where(Sale.sold_at >= start, Sale.sold_at < end)
    )
    return MonthlySummary(
        month=month,
        zone=zone.key,
        sales_count=sales_count or 0,
        gross_fen=sum(sales.amounts.values()),
        refunds_fen=sum(refunds.amounts.values()),
        by_channel=dict(by_channel),
        by_category=dict(by_category),
        by_origin_region=dict(by_origin),
        suppliers=sorted(months.values(), key=lambda s: s.uscc),
        households_benefited=benefited,
        uncertified_lines=uncertified_lines(session, sales.lines, start, end, zone),
        net_quantities=net_quantities(sales, refunds),
    )


@dataclass(frozen=True)
class AttributionReport:
    month: str
    households: dict[str, dict[str, int]]  # household code -> {supplier uscc: fen}, non-zero
    unattributed: list[SupplierMonth]  # suppliers with activity and no active linkage

    def to_json(self) -> dict[str, object]:
        return {
            "month": self.month,
            "households": [
                {"code": code, "attributed_fen": sum(amounts.values()), "by_supplier": dict(sorted(amounts.items()))}
                for code, amounts in sorted(self.households.items())
            ],
            "unattributed": [{"uscc": s.uscc, "pool_fen": s.pool_fen} for s in self.unattributed],
        }

    def csv_rows(self) -> list[list[object]]:
        """month, household_code, supplier_uscc, attributed_fen: one row per non-zero amount."""
        return [
            [self.month, code, uscc, amount]
            for code, amounts in sorted(self.households.items())
            for uscc, amount in sorted(amounts.items())
        ]


def attribution_report(session: Session, actor: Actor, month: str, zone: ZoneInfo | None = None) -> AttributionReport:
    require(actor, "report.view")
    return attribution_of(month, attribute(session, month, zone or business_zone(session)).values())


def attribution_of(month: str, suppliers: Iterable[SupplierMonth]) -> AttributionReport:
    """The per-household view of suppliers' months already computed (no second pass)."""
    months = {s.id: s for s in suppliers}
    households = {
        code: amounts for code, amounts in household_totals(months.values()).items() if sum(amounts.values()) != 0
    }
    unattributed = sorted((s for s in months.values() if not s.linked), key=lambda s: s.uscc)
    return AttributionReport(month, households, unattributed)


@dataclass(frozen=True)
class StatementLine:
    uscc: str
    supplier: str
    mode: str
    amount_fen: int


def household_statement(
    session: Session, actor: Actor, code: str, month: str, zone: ZoneInfo | None = None
) -> list[StatementLine]:
    """What one household received in ``month``, by supplier and linkage mode (zero lines left out)."""
    require(actor, "report.view")
    zone = zone or business_zone(session)
    linked = session.execute(
        select(Linkage.supplier_id, Linkage.mode)
        .join(Household, Linkage.household_id == Household.id)
        .where(Household.code == code, Linkage.active_in(month))
    ).all()
    modes = dict(linked)
    if not modes:
        return []
    months = attribute(session, month, zone, suppliers=modes)
    names = dict(session.execute(select(Supplier.id, Supplier.name).where(Supplier.id.in_(modes))).all())
    return sorted(
        (
            StatementLine(figures.uscc, names[sid], modes[sid], figures.shares.get(code, 0))
            for sid, figures in months.items()
            if figures.shares.get(code, 0)
        ),
        key=lambda line: line.uscc,
    )
