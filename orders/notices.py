"""What household statements, public notices (公示表) and bulk-order documents say, built from
the ledger (reports.notices renders them as A4 PDFs).

A statement lists what one household received, by supplier and linkage mode, for a month or a
whole year. A notice lists every household of a region with a non-zero amount; the head's name
is masked as 张*三 because the notice is posted in public.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.auth import Actor, require
from core.config import business_zone, check_year
from core.errors import InvalidValue
from core.i18n import _
from core.identifiers import mask_name
from core.models import BulkOrder, Household, Product
from core.money import line_amount, quantity_text
from core.places import place_name
from orders.monthly import attribution_report, household_statement

MODE_NAMES = {"dividend": "分红", "employment": "务工就业", "purchase": "订单收购", "land": "土地流转", "other": "其他"}


@dataclass(frozen=True)
class StatementRow:
    month: str
    supplier: str
    mode: str
    amount_fen: int


def _months(period: str) -> list[str]:
    if len(period) == 4 and period.isascii() and period.isdigit():
        check_year(int(period), "period", period)
        return [f"{period}-{m:02d}" for m in range(1, 13)]
    if len(period) == 7:
        return [period]
    raise InvalidValue("period", _("must be YYYY-MM or YYYY: {value}").format(value=period))


def statement_rows(
    session: Session, actor: Actor, code: str, period: str, zone: ZoneInfo | None = None
) -> list[StatementRow]:
    zone = zone or business_zone(session)
    if session.scalar(select(Household.id).where(Household.code == code)) is None:
        raise InvalidValue("household", _("unknown household {value}: import households first").format(value=code))
    return [
        StatementRow(month, line.supplier, MODE_NAMES.get(line.mode, line.mode), line.amount_fen)
        for month in _months(period)
        for line in household_statement(session, actor, code, month, zone)
    ]


@dataclass(frozen=True)
class Statement:
    code: str
    head_name: str
    members: int | None
    place: str  # the household's place by name; empty when the household is unknown
    period: str
    rows: list[StatementRow]


def statement(session: Session, actor: Actor, code: str, period: str) -> Statement:
    rows = statement_rows(session, actor, code, period)
    household = session.scalars(select(Household).where(Household.code == code)).first()
    if household is None:
        return Statement(code, "", None, "", period, rows)
    return Statement(code, household.head_name, household.members, place_name(household.region_code), period, rows)


@dataclass(frozen=True)
class NoticeRow:
    code: str
    head_masked: str
    members: int
    amount_fen: int


@dataclass(frozen=True)
class Notice:
    region: str
    place: str
    month: str
    rows: list[NoticeRow]


def notice(session: Session, actor: Actor, region: str, month: str) -> Notice:
    """公示表 of a region (village) for a month: every household with a non-zero amount."""
    require(actor, "report.view")
    report = attribution_report(session, actor, month)
    households = session.scalars(
        select(Household).where(Household.region_code == region).order_by(Household.code)
    ).all()
    rows = []
    for household in households:
        amount = sum(report.households.get(household.code, {}).values())
        if amount:
            rows.append(NoticeRow(household.code, mask_name(household.head_name), household.members, amount))
    return Notice(region, place_name(region), month, rows)


@dataclass(frozen=True)
class OrderDocument:
    number: str
    organisation: str
    delivery_date: dt.date
    lines: list[tuple[str, str, int, int]]  # product name, quantity with unit, unit price, amount


def order_document(session: Session, number: str) -> OrderDocument:
    """A bulk order's lines at the agreed prices, for its confirmation or delivery note."""
    order = session.scalars(select(BulkOrder).where(BulkOrder.number == number)).one_or_none()
    if order is None:
        raise InvalidValue("order", _("unknown order {value}").format(value=number))
    lines = []
    for line in order.lines:
        product = session.get(Product, line.product_id)
        assert product is not None
        quantity = f"{quantity_text(line.quantity_milli)} {product.unit}"
        lines.append(
            (product.name, quantity, line.unit_price_fen, line_amount(line.unit_price_fen, line.quantity_milli))
        )
    return OrderDocument(order.number, order.organisation.name, order.delivery_date, lines)
