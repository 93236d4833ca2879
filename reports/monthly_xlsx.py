"""The monthly summary as an XLSX workbook: one sheet per breakdown and one of households
(ID numbers masked). Amounts are numbers in yuan with two decimals, never text."""

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from core.places import place_name
from orders.kiosk import behind_text
from orders.report_data import AttributedHousehold, ReportInput
from reports.monthly_pdf import CHANNEL_NAMES

YUAN = "#,##0.00"


def _yuan(fen: int) -> Decimal:
    return Decimal(fen) / 100


def _sheet(
    book: Workbook,
    title: str,
    header: list[str],
    rows: list[list[object]],
    money_columns: set[int],
    money_rows: frozenset[int] = frozenset(),
) -> None:
    """A write-only sheet (a city's 100,000 households stream out): bold frozen header, widths
    from the first rows, amounts formatted as yuan."""
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        longest = max([len(str(name)) * 2, *(len(str(r[index - 1])) for r in rows[:200] if index - 1 < len(r))])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(10, longest + 4))
    heading = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F3E3E1")
        heading.append(cell)
    sheet.append(heading)
    for number, row in enumerate(rows):
        out: list[object] = list(row)
        for column in money_columns | ({2} if number in money_rows else set()):
            cell = WriteOnlyCell(sheet, value=row[column - 1])
            cell.number_format = YUAN
            out[column - 1] = cell
        sheet.append(out)


def render_monthly_xlsx(data: ReportInput, households: list[AttributedHousehold]) -> bytes:
    s = data.summary
    book = Workbook(write_only=True)
    headline: list[list[object]] = [["月份", s.month], ["销售笔数", s.sales_count]]
    for label, fen in (("销售总额", s.gross_fen), ("退货金额", s.refunds_fen), ("净销售额", s.net_fen)):
        headline.append([label, _yuan(fen)])
    headline += [["已分配收益", _yuan(s.attributed_fen)], ["未分配收益", _yuan(s.unattributed_fen)]]
    headline += [["受益户数", s.households_benefited], ["销售重量（吨）", Decimal(data.details.grams_sold) / 1_000_000]]
    headline.append(["证书无效的销售行", s.uncertified_lines])
    if data.behind:  # after the other rows, so the sheet's known rows keep their places
        headline.append(["尚未上传至月末的专柜", behind_text(data.behind, data.generated_at.tzinfo)])
    _sheet(book, "汇总", ["指标", "数值"], headline, set(), money_rows=frozenset({2, 3, 4, 5, 6}))  # the five amounts
    _sheet(
        book,
        "渠道",
        ["渠道", "代码", "净销售额（元）"],
        [[CHANNEL_NAMES[c], c, _yuan(v)] for c, v in s.by_channel.items()],
        {3},
    )
    _sheet(book, "品类", ["品类", "净销售额（元）"], [[c, _yuan(v)] for c, v in sorted(s.by_category.items())], {2})
    _sheet(
        book,
        "产地",
        ["产地区划代码", "净销售额（元）", "产地"],  # the name last: the first two columns keep their places
        [[r, _yuan(v), place_name(r)] for r, v in sorted(s.by_origin_region.items())],
        {2},
    )
    suppliers = [
        [x.uscc, x.name, _yuan(x.net_fen), _yuan(x.pool_fen), _yuan(x.attributed_fen), _yuan(x.unattributed_fen)]
        for x in s.suppliers
    ]
    _sheet(
        book,
        "供应商",
        ["统一社会信用代码", "名称", "净销售额（元）", "收益池（元）", "已分配（元）", "未分配（元）"],
        suppliers,
        {3, 4, 5, 6},
    )
    rows: list[list[object]] = [
        [h.code, h.head_name, h.id_masked, h.region_code, _yuan(h.amount_fen), "、".join(h.suppliers)]
        for h in households
    ]
    _sheet(book, "帮扶户", ["户编码", "户主", "身份证号（脱敏）", "行政区划", "收益（元）", "来源供应商"], rows, {5})
    _sheet(
        book, "每日", ["日期", "净销售额（元）"], [[d.isoformat(), _yuan(v)] for d, v in data.details.daily_net], {2}
    )
    quotas = [[q.organisation, _yuan(q.quota_fen), _yuan(q.bought_fen), round(q.share, 4)] for q in data.quotas]
    _sheet(book, "认购额度", ["采购单位", "年度认购额度（元）", "截至本月已采购（元）", "完成比例"], quotas, {2, 3})
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
