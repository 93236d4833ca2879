"""Receipts and Z reports for 58 mm and 80 mm thermal rolls, as PDF (ReportLab, embedded CJK font).

A roll has no fixed page height: the page is as long as its content. Text is measured with the
font's real widths and wrapped, so nothing runs off the paper.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.config import business_zone
from core.errors import BangfuError
from core.i18n import _
from core.models import Counter, Product, Refund, Sale, SaleLine, User
from core.money import quantity_text


def method_text(method: str) -> str:
    names = {
        "cash": _("Cash"),
        "wechat": _("WeChat Pay"),
        "alipay": _("Alipay"),
        "unionpay": _("UnionPay card"),
        "transfer": _("Transfer"),
        "other": _("Other"),
    }
    return names.get(method, method)


@dataclass(frozen=True)
class ReceiptLine:
    name: str
    quantity: str
    unit: str
    unit_price_fen: int
    amount_fen: int


@dataclass(frozen=True)
class Receipt:
    heading: str
    ref: str
    time: str
    cashier: str
    lines: tuple[ReceiptLine, ...]
    total_fen: int
    payments: tuple[tuple[str, int, int | None, int | None], ...]  # method, amount, tendered, change
    refund_of: str | None = None


def _local(moment: dt.datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")


def sale_receipt(session: Session, ref: str, zone: ZoneInfo | None = None) -> Receipt:
    zone = zone or business_zone(session)
    sale = session.scalars(select(Sale).where(Sale.ref == ref)).one_or_none()
    if sale is None:
        raise BangfuError(_("unknown sale {value}").format(value=ref))
    counter = session.get(Counter, sale.counter_id) if sale.counter_id else None
    cashier = session.get(User, sale.cashier_id) if sale.cashier_id else None
    lines = tuple(
        ReceiptLine(
            line.product.name,
            quantity_text(line.quantity_milli),
            line.product.unit,
            line.unit_price_fen,
            line.amount_fen,
        )
        for line in sale.lines
    )
    payments = tuple((p.method, p.amount_fen, p.tendered_fen, p.change_fen) for p in sale.payments)
    heading = counter.name if counter else _("Bangfu consumption assistance")
    return Receipt(
        heading,
        sale.ref,
        _local(sale.sold_at, zone),
        cashier.display_name if cashier else "",
        lines,
        sale.total_fen,
        payments,
    )


def refund_receipt(session: Session, ref: str, zone: ZoneInfo | None = None) -> Receipt:
    zone = zone or business_zone(session)
    refund = session.scalars(select(Refund).where(Refund.ref == ref)).one_or_none()
    if refund is None:
        raise BangfuError(_("unknown sale {value}").format(value=ref))
    sale = refund.sale
    counter = session.get(Counter, sale.counter_id) if sale.counter_id else None
    rows = []
    for line in refund.lines:
        sold: SaleLine = line.sale_line
        product = session.get(Product, sold.product_id)
        assert product is not None
        rows.append(
            ReceiptLine(
                product.name, quantity_text(line.quantity_milli), product.unit, sold.unit_price_fen, line.amount_fen
            )
        )
    payments = ((refund.method or "cash", refund.total_fen, None, None),)
    heading = counter.name if counter else _("Bangfu consumption assistance")
    return Receipt(
        heading, refund.ref, _local(refund.refunded_at, zone), "", tuple(rows), refund.total_fen, payments, sale.ref
    )
