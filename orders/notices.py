"""Household statements and public notices (公示表), A4 PDFs for the village board.

A statement lists what one household received, by supplier and linkage mode, for a month or a
whole year. A notice lists every household of a region with a non-zero amount; the head's name
is masked as 张*三 because the notice is posted in public.
"""

import datetime as dt
import io
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.auth import Actor, require
from core.config import business_zone, check_year
from core.errors import InvalidValue
from core.fonts import pdf_font, text_paragraph
from core.i18n import _
from core.identifiers import mask_name
from core.models import BulkOrder, Household, Product
from core.money import format_fen, line_amount, quantity_text
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


def _styles() -> dict[str, ParagraphStyle]:
    font = pdf_font()
    return {
        "title": ParagraphStyle("t", fontName=font, fontSize=16, leading=22, alignment=1),
        "body": ParagraphStyle("b", fontName=font, fontSize=10, leading=15),
    }


def _grid(rows: list[list[str]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), pdf_font()),
                ("FONTSIZE", (0, 0), (-1, -1), 10),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def _pdf(story: list) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm, bottomMargin=20 * mm
    ).build(story)
    return buffer.getvalue()


def statement_pdf(session: Session, actor: Actor, code: str, period: str, today: dt.date | None = None) -> bytes:
    household = session.scalars(select(Household).where(Household.code == code)).first()
    rows = statement_rows(session, actor, code, period)
    styles = _styles()
    head = household.head_name if household else ""
    table = [["月份", "供应商", "联结方式", "金额"]] + [
        [r.month, r.supplier, r.mode, format_fen(r.amount_fen)] for r in rows
    ]
    table.append(["合计", "", "", format_fen(sum(r.amount_fen for r in rows))])
    story = [
        text_paragraph(f"帮扶户收益明细（{period}）", styles["title"]),
        Spacer(1, 6 * mm),
        text_paragraph(
            f"户编码：{code}　户主：{head}　家庭人口：{household.members if household else ''}"
            + (f"　所在地：{place_name(household.region_code)}" if household else ""),
            styles["body"],
        ),
        Spacer(1, 4 * mm),
        _grid(table, [25 * mm, 70 * mm, 30 * mm, 35 * mm]),
        Spacer(1, 8 * mm),
        text_paragraph(f"出具日期：{(today or dt.date.today()).isoformat()}", styles["body"]),
    ]
    return _pdf(story)


def notice_pdf(session: Session, actor: Actor, region: str, month: str, today: dt.date | None = None) -> bytes:
    """公示表 of a region (village) for a month: every household with a non-zero amount."""
    require(actor, "report.view")
    report = attribution_report(session, actor, month)
    households = session.scalars(
        select(Household).where(Household.region_code == region).order_by(Household.code)
    ).all()
    styles = _styles()
    rows = [["户编码", "户主", "家庭人口", "本月收益"]]
    total = 0
    for household in households:
        amount = sum(report.households.get(household.code, {}).values())
        if amount:
            rows.append([household.code, mask_name(household.head_name), str(household.members), format_fen(amount)])
            total += amount
    rows.append(["合计", "", "", format_fen(total)])
    story = [
        text_paragraph(f"消费帮扶收益分配公示表（{month}）", styles["title"]),
        Spacer(1, 4 * mm),
        text_paragraph(
            f"行政区划：{place_name(region)}（{region}）　公示期：七天。对公示内容如有异议，请向村委会反映。",
            styles["body"],
        ),
        Spacer(1, 4 * mm),
        _grid(rows, [35 * mm, 45 * mm, 30 * mm, 50 * mm]),
        Spacer(1, 14 * mm),
        text_paragraph("村委会（盖章）：____________　　负责人签字：____________", styles["body"]),
        Spacer(1, 6 * mm),
        text_paragraph(f"公示日期：{(today or dt.date.today()).isoformat()}", styles["body"]),
    ]
    return _pdf(story)


def order_pdf(session: Session, number: str, title: str) -> bytes:
    """An order confirmation (订货确认单) or delivery note (送货单) of a bulk order: the lines at
    the agreed prices and signature lines for both sides."""
    order = session.scalars(select(BulkOrder).where(BulkOrder.number == number)).one_or_none()
    if order is None:
        raise InvalidValue("order", _("unknown order {value}").format(value=number))
    styles = _styles()
    rows = [["商品", "数量", "单价", "金额"]]
    total = 0
    for line in order.lines:
        product = session.get(Product, line.product_id)
        assert product is not None
        amount = line_amount(line.unit_price_fen, line.quantity_milli)
        total += amount
        quantity = f"{quantity_text(line.quantity_milli)} {product.unit}"
        rows.append([product.name, quantity, format_fen(line.unit_price_fen), format_fen(amount)])
    rows.append(["合计", "", "", format_fen(total)])
    heading = (
        f"订单号：{order.number}　采购单位：{order.organisation.name}　送货日期：{order.delivery_date.isoformat()}"
    )
    story = [
        text_paragraph(title, styles["title"]),
        Spacer(1, 6 * mm),
        text_paragraph(heading, styles["body"]),
        Spacer(1, 4 * mm),
        _grid(rows, [75 * mm, 30 * mm, 25 * mm, 30 * mm]),
        Spacer(1, 14 * mm),
        text_paragraph("供货方（签字）：____________　　收货方（签字）：____________", styles["body"]),
    ]
    return _pdf(story)
