"""The monthly summary as an XLSX workbook: one sheet per breakdown and one of households
(names and ID numbers masked). Amounts are numbers in yuan with two decimals, never text; names are text,
never formulas (core.xlsx)."""

from decimal import Decimal

from core.collector import collector_paused
from core.places import place_name
from core.xlsx import Sheet, workbook_bytes
from orders.kiosk import behind_text
from orders.report_data import AttributedHousehold, ReportInput
from reports.monthly_pdf import CHANNEL_NAMES


def _yuan(fen: int) -> Decimal:
    return Decimal(fen) / 100


@collector_paused()
def render_monthly_xlsx(data: ReportInput, households: list[AttributedHousehold]) -> bytes:
    s = data.summary
    headline: list[list[object]] = [["月份", s.month], ["销售笔数", s.sales_count]]
    for label, fen in (("销售总额", s.gross_fen), ("退货金额", s.refunds_fen), ("净销售额", s.net_fen)):
        headline.append([label, _yuan(fen)])
    headline += [["已分配收益", _yuan(s.attributed_fen)], ["未分配收益", _yuan(s.unattributed_fen)]]
    headline += [["受益户数", s.households_benefited], ["销售重量（吨）", Decimal(data.details.grams_sold) / 1_000_000]]
    headline.append(["证书无效的销售行", s.uncertified_lines])
    if data.behind:  # after the other rows, so the sheet's known rows keep their places
        headline.append(["尚未上传至月末的专柜", behind_text(data.behind, data.generated_at.tzinfo)])
    amounts = frozenset((row, 2) for row in (2, 3, 4, 5, 6))  # the five amounts
    suppliers: list[list[object]] = [
        [x.uscc, x.name, _yuan(x.net_fen), _yuan(x.pool_fen), _yuan(x.attributed_fen), _yuan(x.unattributed_fen)]
        for x in s.suppliers
    ]
    paid: list[list[object]] = [
        [h.code, h.head_masked, h.id_masked, h.region_code, _yuan(h.amount_fen), "、".join(h.suppliers)]
        for h in households
    ]
    quotas: list[list[object]] = [
        [q.organisation, _yuan(q.quota_fen), _yuan(q.bought_fen), round(q.share, 4)] for q in data.quotas
    ]
    return workbook_bytes(
        [
            Sheet("汇总", ["指标", "数值"], headline, money_cells=amounts),
            Sheet("渠道", ["渠道", "代码", "净销售额（元）"],
                  [[CHANNEL_NAMES[c], c, _yuan(v)] for c, v in s.by_channel.items()], frozenset({3})),
            Sheet("品类", ["品类", "净销售额（元）"], [[c, _yuan(v)] for c, v in sorted(s.by_category.items())],
                  frozenset({2})),
            Sheet("产地", ["产地区划代码", "净销售额（元）", "产地"],  # the name last: the first two keep their places
                  [[r, _yuan(v), place_name(r)] for r, v in sorted(s.by_origin_region.items())], frozenset({2})),
            Sheet("供应商",
                  ["统一社会信用代码", "名称", "净销售额（元）", "收益池（元）", "已分配（元）", "未分配（元）"],
                  suppliers, frozenset({3, 4, 5, 6})),
            # 户主 keeps its header (the sheet's columns are a contract), though the names are masked now.
            Sheet("帮扶户", ["户编码", "户主", "身份证号（脱敏）", "行政区划", "收益（元）", "来源供应商"], paid,
                  frozenset({5})),
            Sheet("每日", ["日期", "净销售额（元）"], [[d.isoformat(), _yuan(v)] for d, v in data.details.daily_net],
                  frozenset({2})),
            Sheet("认购额度", ["采购单位", "年度认购额度（元）", "截至本月已采购（元）", "完成比例"], quotas,
                  frozenset({2, 3})),
        ]
    )  # fmt: skip
