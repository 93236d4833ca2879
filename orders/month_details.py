"""What the monthly report shows beyond SPEC §9's figures: the daily net, the weight sold, and
the previous month and the same month a year earlier for comparison."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.auth import Actor
from core.config import month_bounds
from core.models import Product, Refund, RefundLine, Sale, SaleLine
from orders.attribution import refund_sums, sale_sums
from orders.monthly import monthly_summary, net_quantities

GRAMS_PER_UNIT = {"公斤": 1000, "千克": 1000, "kg": 1000, "斤": 500, "克": 1, "g": 1}


@dataclass(frozen=True)
class MonthDetails:
    daily_net: list[tuple[dt.date, int]]  # each local day of the month, net fen
    grams_sold: int  # net weight sold, count units through the product's net weight
    without_weight: list[str]  # products sold in count units that have no net weight


def _shift(month: str, months: int) -> str:
    year, mon = (int(p) for p in month.split("-"))
    index = year * 12 + mon - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def previous_month(month: str) -> str:
    return _shift(month, -1)


def same_month_last_year(month: str) -> str:
    return _shift(month, -12)


def latest_ended_month(session: Session, zone: ZoneInfo, today: dt.date) -> str | None:
    """The last month before ``today``'s that has sales: what a dashboard opens on, since the
    running month is partial (most of its days still zero)."""
    this_month = today.strftime("%Y-%m")
    start, _end = month_bounds(this_month, zone)
    last = session.scalar(select(func.max(Sale.sold_at)).where(Sale.sold_at < start))
    return None if last is None else last.astimezone(zone).strftime("%Y-%m")


def month_details(session: Session, month: str, zone: ZoneInfo, net: dict[int, int] | None = None) -> MonthDetails:
    """The month's daily net and weight; ``net`` quantities by product when the summary has them
    already (MonthlySummary.net_quantities: one scan of the month fewer)."""
    start, end = month_bounds(month, zone)
    daily = []
    day = start.date()
    while day < end.date():
        low = dt.datetime(day.year, day.month, day.day, tzinfo=zone)
        high = low + dt.timedelta(days=1)
        sold = session.scalar(
            select(func.coalesce(func.sum(SaleLine.amount_fen), 0)).where(
                SaleLine.sold_at >= low, SaleLine.sold_at < high
            )
        )
        back = session.scalar(
            select(func.coalesce(func.sum(RefundLine.amount_fen), 0))
            .join(Refund)
            .where(Refund.refunded_at >= low, Refund.refunded_at < high)
        )
        daily.append((day, int(sold or 0) - int(back or 0)))
        day += dt.timedelta(days=1)
    if net is None:
        net = net_quantities(sale_sums(session, start, end), refund_sums(session, start, end))
    quantities = net
    grams, missing = 0, []
    products = session.execute(
        select(Product.id, Product.name, Product.unit, Product.net_weight_g).where(Product.id.in_(quantities))
    )
    for product_id, name, unit, net_g in products:
        per_unit = GRAMS_PER_UNIT.get(unit.strip().lower(), net_g)
        if per_unit is None:
            missing.append(name)
            continue
        grams += int(quantities[product_id]) * per_unit // 1000
    return MonthDetails(daily, grams, sorted(missing))


def year_view(
    session: Session, actor: Actor, year: int, zone: ZoneInfo, progress: Callable[[int], None] = lambda _n: None
) -> list[tuple[str, int, int, int]]:
    """The twelve months side by side: (month, net fen, attributed fen, households benefited).
    ``progress(n)`` after each month may raise Cancelled."""
    rows = []
    for number, month in enumerate((f"{year:04d}-{m:02d}" for m in range(1, 13)), start=1):
        figures = monthly_summary(session, actor, month, zone)
        rows.append((month, figures.net_fen, figures.attributed_fen, figures.households_benefited))
        progress(number)
    return rows
