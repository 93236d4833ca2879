"""A supplier's settlement statement (结算单) as an A4 PDF and as XLSX, from orders.settlement's data."""

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from core.money import format_fen, quantity_text, rate_text
from core.tabular import write_table
from reports.a4 import a4_pdf, grid, text_styles
from reports.fonts import text_paragraph

HEADER = ["商品编码", "商品名称", "单位", "收货", "销售", "退货", "退供", "月末库存", "销售净额", "应付货款"]


def _rows(data: dict[str, Any]) -> list[list[str]]:
    rows = [
        [
            line["code"],
            line["name"],
            line["unit"],
            quantity_text(line["received_milli"]),
            quantity_text(line["sold_milli"]),
            quantity_text(line["refunded_milli"]),
            quantity_text(line["returned_milli"]),
            quantity_text(line["on_hand_milli"]),
            format_fen(line["net_fen"]),
            format_fen(line["payable_fen"]),
        ]
        for line in data["lines"]
    ]
    rows.append(
        ["合计", "", "", "", "", "", "", "", format_fen(data["counter_net_fen"]), format_fen(data["payable_fen"])]
    )
    return rows


def statement_pdf(data: dict[str, Any], number: str | None, today: dt.date) -> bytes:
    """Both sides on one page: what the operator pays the supplier, and what the supplier owes
    its linked households from the month's sales (SPEC §6), with signature lines."""
    styles = text_styles()
    title = f"代销结算单（{data['month']}）" + (f"　{number}" if number else "　（草稿，未出具）")
    story = [
        text_paragraph(title, styles["title"]),
        Spacer(1, 4 * mm),
        text_paragraph(
            f"供应商：{data['name']}　统一社会信用代码：{data['uscc']}　扣点：{rate_text(data['commission_rate_bp'])}%",
            styles["body"],
        ),
        Spacer(1, 3 * mm),
        grid([HEADER, *_rows(data)], [24 * mm, 62 * mm, 12 * mm] + [20 * mm] * 5 + [28 * mm, 28 * mm], numbers_from=3),
        Spacer(1, 4 * mm),
        text_paragraph(
            f"专柜销售净额 {format_fen(data['counter_net_fen'])}，扣点 {format_fen(data['commission_fen'])}，"
            f"应付货款 {format_fen(data['payable_fen'])}。",
            styles["body"],
        ),
        text_paragraph(
            f"本月各渠道销售应向联结帮扶户分配的收益（带贫益贫资金池）：{format_fen(data['pool_fen'])}。",
            styles["body"],
        ),
        Spacer(1, 12 * mm),
        text_paragraph(
            "运营方（盖章）：＿＿＿＿＿＿　　供应商（盖章）：＿＿＿＿＿＿　　日期：" + today.isoformat(), styles["body"]
        ),
    ]
    return a4_pdf(story, landscape(A4))


def statement_xlsx(data: dict[str, Any], path: Path) -> int:
    """The same table with numbers as numbers (quantities in units, money in yuan)."""

    def units(milli: int) -> Decimal:
        return Decimal(milli) / 1000

    def yuan(fen: int) -> Decimal:
        return Decimal(fen) / 100

    rows: list[list[object]] = [
        [
            line["code"],
            line["name"],
            line["unit"],
            units(line["received_milli"]),
            units(line["sold_milli"]),
            units(line["refunded_milli"]),
            units(line["returned_milli"]),
            units(line["on_hand_milli"]),
            yuan(line["net_fen"]),
            yuan(line["payable_fen"]),
        ]
        for line in data["lines"]
    ]
    rows.append(
        ["合计", "", "", None, None, None, None, None, yuan(data["counter_net_fen"]), yuan(data["payable_fen"])]
    )
    return write_table(path, HEADER, rows)
