"""A points supermarket's papers (issue 17): household points cards with their QR code, the
redemption receipt, the donation receipt, the month's points report (PDF and XLSX), a household's
points statement and the monthly public notice of points earned (公示, names masked, a place for
the village committee's seal)."""

import datetime as dt
import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Spacer

from catalog.qr import card_payload
from core.money import format_fen
from core.tabular import write_table
from orders.points_counter import Card, Donation, Redeemed
from orders.points_reports import NoticeRow, PointsMonth, StatementRow
from reports.a4 import a4_pdf, grid, text_styles
from reports.fonts import pdf_font, text_paragraph
from reports.labels import draw_qr, qr_modules
from reports.receipts import Roll

CARD_W, CARD_H = 85.6 * mm, 54 * mm  # ISO/IEC 7810 ID-1, a bank card's size


def cards_pdf(cards: list[Card], title: str = "积分超市积分卡") -> bytes:
    """Eight cards to an A4 sheet, cut along the lines: the household's code, masked name and
    village, and a QR code of the code alone (no ID number anywhere)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=pdf_font())
    canvas.setTitle(title)
    left, top = (A4[0] - 2 * CARD_W) / 2, A4[1] - 15 * mm
    for n, card in enumerate(cards):
        if n and n % 8 == 0:
            canvas.showPage()
        x = left + (n % 2) * CARD_W
        y = top - (n % 8 // 2 + 1) * CARD_H
        canvas.setLineWidth(0.3)
        canvas.setDash(2, 2)
        canvas.rect(x, y, CARD_W, CARD_H)
        canvas.setDash()
        font = pdf_font()
        canvas.setFont(font, 12)
        canvas.drawString(x + 5 * mm, y + CARD_H - 10 * mm, title)
        canvas.setFont(font, 10)
        canvas.drawString(x + 5 * mm, y + CARD_H - 20 * mm, f"户主：{card.head_name}")
        canvas.drawString(x + 5 * mm, y + CARD_H - 27 * mm, f"户编码：{card.code}")
        canvas.setFont(font, 8)
        canvas.drawString(x + 5 * mm, y + CARD_H - 34 * mm, card.place[:16])
        canvas.drawString(x + 5 * mm, y + 5 * mm, "以劳动换积分，以积分换商品")
        side = 34 * mm
        draw_qr(canvas, qr_modules(card_payload(card.code)), x + CARD_W - side - 4 * mm, y + (CARD_H - side) / 2, side)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def redemption_receipt(done: Redeemed, counter: str, width_mm: int = 58) -> bytes:
    roll = Roll(width_mm)
    roll.text("积分超市兑换单", size=roll.size + 2)
    roll.text(f"单号 {done.ref}")
    roll.text(f"专柜 {counter}", f"户 {done.household}")
    for name, unit, quantity, pts in done.lines:
        roll.text(name, rule=(name, unit, quantity, pts) == done.lines[0])
        roll.text(f"  {quantity} {unit}", f"{pts} 分")
    roll.text("本次使用积分", f"{done.spent} 分", size=roll.size + 2, rule=True)
    roll.text("剩余积分", f"{done.balance} 分")
    return roll.pdf()


def donation_pdf(data: Donation) -> bytes:
    styles = text_styles()
    purchase = data.donor == ""
    rows = [["物品", "单位", "数量", "价值"]]
    rows += [[name, unit, str(quantity), format_fen(value)] for name, unit, quantity, value in data.lines]
    rows.append(["合计", "", str(sum(q for _n, _u, q, _v in data.lines)), format_fen(sum(v for *_r, v in data.lines))])
    story = [
        text_paragraph(f"{'采购入库单' if purchase else '捐赠物资接收凭证'}　{data.number}", styles["title"]),
        Spacer(1, 4 * mm),
        text_paragraph(
            (f"捐赠方：{data.donor}　" if not purchase else "资金来源：帮扶项目资金　")
            + f"积分超市：{data.counter}　经办：{data.username}　日期：{data.at:%Y-%m-%d}",
            styles["body"],
        ),
        Spacer(1, 3 * mm),
        grid(rows, [70 * mm, 20 * mm, 25 * mm, 40 * mm], numbers_from=2),
        Spacer(1, 10 * mm),
        text_paragraph("感谢您对消费帮扶和积分超市的支持！" if not purchase else "", styles["body"]),
        Spacer(1, 8 * mm),
        text_paragraph("经办人（签字）：＿＿＿＿＿＿　　接收单位（盖章）：＿＿＿＿＿＿", styles["body"]),
    ]
    return a4_pdf(story)


def _figures(households: int, earned: int, redeemed: int, expired: int, adjusted: int, left: int) -> list[str]:
    return [str(households), str(earned), str(redeemed), str(expired), f"{adjusted:+d}" if adjusted else "0", str(left)]


def points_month_pdf(data: PointsMonth) -> bytes:
    styles = text_styles()
    villages = [["行政区划", "名称", "户数", "获得", "兑换", "过期", "更正", "结余"]]
    t = data.totals
    households = sum(v.households for v in data.villages)
    villages += [
        [v.region, v.place[-12:], *_figures(v.households, v.earned, v.redeemed, v.expired, v.adjusted, v.outstanding)]
        for v in data.villages
    ]
    villages.append(
        ["合计", "", *_figures(households, t["earned"], t["redeemed"], t["expired"], t["adjusted"], t["outstanding"])]
    )
    rules = [["积分项目", "名称", "积分"]] + [[c, n, str(p)] for c, n, p in data.rules]
    goods = [["商品", "名称", "数量", "积分"]] + [[c, n, str(q), str(p)] for c, n, q, p in data.goods]
    story = [
        text_paragraph(f"积分超市月度报告（{data.month}）", styles["title"]),
        Spacer(1, 5 * mm),
        grid(villages, [20 * mm, 42 * mm, 14 * mm, 18 * mm, 18 * mm, 18 * mm, 18 * mm, 20 * mm], numbers_from=2),
        Spacer(1, 6 * mm),
        text_paragraph("本月使用的积分项目", styles["body"]),
        grid(rules, [30 * mm, 90 * mm, 30 * mm], numbers_from=2),
        Spacer(1, 6 * mm),
        text_paragraph("本月兑换的商品", styles["body"]),
        grid(goods, [30 * mm, 70 * mm, 25 * mm, 25 * mm], numbers_from=2),
    ]
    return a4_pdf(story)


def points_month_xlsx(data: PointsMonth, path: Path) -> None:
    header = ["region_code", "place", "households", "earned", "redeemed", "expired", "adjusted", "outstanding"]
    rows: list[list[object]] = [
        [v.region, v.place, v.households, v.earned, v.redeemed, v.expired, v.adjusted, v.outstanding]
        for v in data.villages
    ]
    write_table(path, header, rows)


def points_statement_pdf(code: str, head_masked: str, rows: list[StatementRow], today: dt.date) -> bytes:
    styles = text_styles()
    table = [["日期", "单号", "事项", "积分", "结余"]]
    table += [[r.day.isoformat(), r.ref, r.what, f"{r.points:+d}", str(r.balance)] for r in rows]
    story = [
        text_paragraph("积分明细", styles["title"]),
        Spacer(1, 5 * mm),
        text_paragraph(f"户编码：{code}　户主：{head_masked}　截至：{today.isoformat()}", styles["body"]),
        Spacer(1, 3 * mm),
        grid(table, [26 * mm, 40 * mm, 56 * mm, 20 * mm, 20 * mm], numbers_from=3),
    ]
    return a4_pdf(story)


def points_notice_pdf(month: str, region: str, place: str, rows: list[NoticeRow], today: dt.date) -> bytes:
    styles = text_styles()
    table = [["户编码", "户主", "本月获得积分", "积分结余"]]
    table += [[r.code, r.head_masked, str(r.earned), str(r.balance)] for r in rows]
    table.append(["合计", "", str(sum(r.earned for r in rows)), str(sum(r.balance for r in rows))])
    story = [
        text_paragraph(f"积分超市积分评定公示（{month}）", styles["title"]),
        Spacer(1, 4 * mm),
        text_paragraph(
            f"行政区划：{place}（{region}）　公示期：七天。对评定结果如有异议，请向村委会反映。", styles["body"]
        ),
        Spacer(1, 4 * mm),
        grid(table, [35 * mm, 45 * mm, 40 * mm, 40 * mm], numbers_from=2),
        Spacer(1, 14 * mm),
        text_paragraph("村委会（盖章）：____________　　负责人签字：____________", styles["body"]),
        Spacer(1, 6 * mm),
        text_paragraph(f"公示日期：{today.isoformat()}", styles["body"]),
    ]
    return a4_pdf(story)
