"""Stock documents as A4 PDFs with signature lines: receiving notes (收货单), transfers, returns to
the supplier, write-offs, and a stocktake's differences (盘点差异表)."""

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from sqlalchemy.orm import Session

from core.auth import Actor, require
from core.config import business_zone
from core.money import format_fen, quantity_text
from orders.stock import Difference, Note, differences, note, stocktake_of
from reports.a4 import a4_pdf, grid, text_styles
from reports.fonts import text_paragraph

TITLES = {
    "receipt": "收货单",
    "transfer_out": "调拨单",
    "return": "退供单",
    "write_off": "报损单",
    "stocktake": "盘点调整单",
}
SIGNERS = {"receipt": ("送货人", "收货人"), "transfer_out": ("调出", "调入"), "return": ("退货人", "供应商签收"),
           "write_off": ("经办人", "审核人"), "stocktake": ("盘点人", "审核人")}  # fmt: skip


def note_pdf(data: Note, zone: dt.tzinfo) -> bytes:
    styles = text_styles()
    rows = [["商品编码", "商品名称", "单位", "数量", "批次", "生产日期", "保质期(天)"]]
    rows += [
        [ln.code, ln.name, ln.unit, quantity_text(ln.quantity_milli), ln.batch,
         ln.produced_on.isoformat() if ln.produced_on else "", str(ln.shelf_life_days or "")]
        for ln in data.lines
    ]  # fmt: skip
    first, second = SIGNERS[data.kind]
    story = [
        text_paragraph(f"{TITLES[data.kind]}　{data.number}", styles["title"]),
        Spacer(1, 4 * mm),
        text_paragraph(
            f"专柜：{data.counter}　供应商：{data.supplier}　经办：{data.username}　"
            f"时间：{data.at.astimezone(zone):%Y-%m-%d %H:%M}" + (f"　原因：{data.reason}" if data.reason else ""),
            styles["body"],
        ),
        Spacer(1, 3 * mm),
        grid(rows, [22 * mm, 42 * mm, 12 * mm, 16 * mm, 20 * mm, 24 * mm, 24 * mm], numbers_from=3),
        Spacer(1, 14 * mm),
        text_paragraph(f"{first}（签字）：＿＿＿＿＿＿　　{second}（签字）：＿＿＿＿＿＿", styles["body"]),
    ]
    return a4_pdf(story)


def stocktake_pdf(number: str, counter: str, differences: list[Difference], approved: str | None) -> bytes:
    styles = text_styles()
    rows = [["商品编码", "商品名称", "账面", "实盘", "差异", "差异金额(售价)"]]
    rows += [
        [
            d.code,
            d.name,
            quantity_text(d.expected_milli),
            "未盘" if d.counted_milli is None else quantity_text(d.counted_milli),
            quantity_text(d.difference_milli),
            format_fen(d.value_fen),
        ]
        for d in differences
    ]
    rows.append(["合计", "", "", "", "", format_fen(sum(d.value_fen for d in differences))])
    story = [
        text_paragraph(f"盘点差异表　{number}", styles["title"]),
        Spacer(1, 4 * mm),
        text_paragraph(f"专柜：{counter}　" + (f"审核：{approved}" if approved else "（未审核）"), styles["body"]),
        Spacer(1, 3 * mm),
        grid(rows, [24 * mm, 52 * mm, 22 * mm, 22 * mm, 22 * mm, 28 * mm], numbers_from=2),
        Spacer(1, 14 * mm),
        text_paragraph("盘点人（签字）：＿＿＿＿＿＿　　审核人（签字）：＿＿＿＿＿＿", styles["body"]),
    ]
    return a4_pdf(story)


def document_pdf(session: Session, actor: Actor, number: str) -> bytes:
    """A receiving note, transfer, return or write-off by its number, or a stocktake's differences (PD-…)."""
    take = stocktake_of(session, number)
    if take is None:
        return note_pdf(note(session, actor, number), business_zone(session))
    require(actor, "stock.view")
    counter, approved_by = take
    return stocktake_pdf(number, counter, differences(session, number), approved_by)
