"""Household statements, public notices (公示表) and bulk-order documents as A4 PDFs for the
village board and the buyers, from what orders.notices builds."""

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from core.money import format_fen
from orders.notices import Notice, OrderDocument, Statement
from reports.a4 import a4_pdf, grid, text_styles
from reports.fonts import text_paragraph


def statement_pdf(data: Statement, today: dt.date | None = None) -> bytes:
    styles = text_styles()
    table = [["月份", "供应商", "联结方式", "金额"]] + [
        [r.month, r.supplier, r.mode, format_fen(r.amount_fen)] for r in data.rows
    ]
    table.append(["合计", "", "", format_fen(sum(r.amount_fen for r in data.rows))])
    members = "" if data.members is None else str(data.members)
    story = [
        text_paragraph(f"帮扶户收益明细（{data.period}）", styles["title"]),
        Spacer(1, 6 * mm),
        text_paragraph(
            f"户编码：{data.code}　户主：{data.head_name}　家庭人口：{members}"
            + (f"　所在地：{data.place}" if data.place else ""),
            styles["body"],
        ),
        Spacer(1, 4 * mm),
        grid(table, [25 * mm, 70 * mm, 30 * mm, 35 * mm]),
        Spacer(1, 8 * mm),
        text_paragraph(f"出具日期：{(today or dt.date.today()).isoformat()}", styles["body"]),
    ]
    return a4_pdf(story)


def notice_pdf(data: Notice, today: dt.date | None = None) -> bytes:
    styles = text_styles()
    rows = [["户编码", "户主", "家庭人口", "本月收益"]]
    rows += [[r.code, r.head_masked, str(r.members), format_fen(r.amount_fen)] for r in data.rows]
    rows.append(["合计", "", "", format_fen(sum(r.amount_fen for r in data.rows))])
    story = [
        text_paragraph(f"消费帮扶收益分配公示表（{data.month}）", styles["title"]),
        Spacer(1, 4 * mm),
        text_paragraph(
            f"行政区划：{data.place}（{data.region}）　公示期：七天。对公示内容如有异议，请向村委会反映。",
            styles["body"],
        ),
        Spacer(1, 4 * mm),
        grid(rows, [35 * mm, 45 * mm, 30 * mm, 50 * mm]),
        Spacer(1, 14 * mm),
        text_paragraph("村委会（盖章）：____________　　负责人签字：____________", styles["body"]),
        Spacer(1, 6 * mm),
        text_paragraph(f"公示日期：{(today or dt.date.today()).isoformat()}", styles["body"]),
    ]
    return a4_pdf(story)


def order_pdf(data: OrderDocument, title: str) -> bytes:
    """An order confirmation (订货确认单) or delivery note (送货单): the lines at the agreed prices
    and signature lines for both sides."""
    styles = text_styles()
    rows = [["商品", "数量", "单价", "金额"]]
    rows += [[name, quantity, format_fen(price), format_fen(amount)] for name, quantity, price, amount in data.lines]
    rows.append(["合计", "", "", format_fen(sum(amount for *_rest, amount in data.lines))])
    heading = f"订单号：{data.number}　采购单位：{data.organisation}　送货日期：{data.delivery_date.isoformat()}"
    story = [
        text_paragraph(title, styles["title"]),
        Spacer(1, 6 * mm),
        text_paragraph(heading, styles["body"]),
        Spacer(1, 4 * mm),
        grid(rows, [75 * mm, 30 * mm, 25 * mm, 30 * mm]),
        Spacer(1, 14 * mm),
        text_paragraph("供货方（签字）：____________　　收货方（签字）：____________", styles["body"]),
    ]
    return a4_pdf(story)
