"""The monthly summary as an A4 PDF (ReportLab platypus, embedded CJK font): headline figures,
comparisons, tables by channel, category, origin and supplier, and three charts."""

import io

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from core.collector import collector_paused
from core.money import format_fen
from core.places import place_name
from core.scales import zero_based_scale
from orders.kiosk import behind_text
from orders.month_details import MonthDetails
from orders.monthly import MonthlySummary
from orders.report_data import ReportInput
from reports.fonts import pdf_font, text_paragraph

CHANNEL_NAMES = {"counter": "专柜", "cooperative": "合作社", "bulk": "团购", "online": "线上"}
RED = colors.HexColor("#8c1c13")
PALETTE = [colors.HexColor(c) for c in ("#b3261e", "#d9822b", "#2e7d32", "#1565c0", "#6a1b9a", "#00838f")]


def _styles() -> dict[str, ParagraphStyle]:
    font = pdf_font()
    return {
        "title": ParagraphStyle("title", fontName=font, fontSize=17, leading=22, textColor=RED),
        "h2": ParagraphStyle("h2", fontName=font, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4, textColor=RED),
        "body": ParagraphStyle("body", fontName=font, fontSize=9, leading=13),
        "flag": ParagraphStyle("flag", fontName=font, fontSize=9, leading=13, textColor=colors.HexColor("#b3261e")),
    }


def _table(rows: list[list[str]], widths: list[float], numeric_from: int = 1) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), pdf_font()),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3e3e1")),
                ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _change(now: int, before: MonthlySummary | None, attr: str) -> str:
    if before is None:
        return "—"
    old = getattr(before, attr)
    if old == 0:
        return "—"
    return f"{(now - old) * 100 / abs(old):+.1f}%"


def _fit(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _zero_based(axis: object, values_fen: list[int]) -> None:
    """ReportLab would start the axis near the smallest value; the reader's eye expects zero."""
    scale = zero_based_scale(values_fen)
    axis.valueMin, axis.valueMax, axis.valueStep = scale.low_fen / 100, scale.high_fen / 100, scale.step_fen / 100  # type: ignore[attr-defined]
    axis.labelTextFormat = lambda value: f"{value:,.0f}"  # type: ignore[attr-defined]


def _daily_chart(details: MonthDetails) -> Drawing:
    font = pdf_font()
    drawing = Drawing(170 * mm, 55 * mm)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 15 * mm, 8 * mm, 150 * mm, 40 * mm
    chart.data = [[net / 100 for _day, net in details.daily_net] or [0]]
    chart.categoryAxis.categoryNames = [str(day.day) if day.day % 5 == 1 else "" for day, _net in details.daily_net]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    _zero_based(chart.valueAxis, [net for _day, net in details.daily_net])
    chart.lines[0].strokeColor = RED
    chart.lines[0].strokeWidth = 1.5
    drawing.add(chart)
    drawing.add(String(15 * mm, 51 * mm, "每日净销售额（元）", fontName=font, fontSize=8))
    return drawing


def _channel_pie(summary: MonthlySummary) -> Drawing:
    font = pdf_font()
    drawing = Drawing(80 * mm, 55 * mm)
    shares = [(CHANNEL_NAMES[c], v) for c, v in summary.by_channel.items() if v > 0]
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 4 * mm, 6 * mm, 38 * mm, 38 * mm
    pie.data = [v for _n, v in shares] or [1]
    total = max(1, sum(v for _n, v in shares))
    for index, (name, value) in enumerate(shares):
        colour = PALETTE[index % len(PALETTE)]
        pie.slices[index].fillColor = colour
        y = 40 * mm - index * 6 * mm  # a legend beside the pie: small slices never overlap
        drawing.add(Rect(46 * mm, y, 3 * mm, 3 * mm, fillColor=colour, strokeColor=None))
        drawing.add(String(51 * mm, y + 0.3 * mm, f"{name} {value * 100 / total:.1f}%", fontName=font, fontSize=7.5))
    drawing.add(pie)
    drawing.add(String(2 * mm, 51 * mm, "渠道占比", fontName=font, fontSize=8))
    return drawing


def _supplier_bars(summary: MonthlySummary) -> Drawing:
    font = pdf_font()
    top = sorted(summary.suppliers, key=lambda s: -s.net_fen)[:8]
    drawing = Drawing(90 * mm, 55 * mm)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 34 * mm, 4 * mm, 52 * mm, 42 * mm
    chart.data = [[s.net_fen / 100 for s in reversed(top)] or [0]]
    chart.categoryAxis.categoryNames = [_fit(s.name, 10) for s in reversed(top)] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6.5
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 6.5
    _zero_based(chart.valueAxis, [s.net_fen for s in top])
    chart.bars[0].fillColor = RED
    drawing.add(chart)
    drawing.add(String(2 * mm, 51 * mm, "净销售额前八的供应商（元）", fontName=font, fontSize=8))
    return drawing


NAMED_AT_MOST = 30  # a city may have thousands: the report names the first, the registry has the rest


def _without_weight(names: list[str]) -> str:
    shown = "、".join(names[:NAMED_AT_MOST])
    if len(names) > NAMED_AT_MOST:
        shown += f" 等 {len(names):,} 种（在商品登记中补填净重）"
    return "未计入重量（缺少净重）的商品：" + shown


@collector_paused()
def render_monthly_pdf(data: ReportInput) -> bytes:
    s, styles = data.summary, _styles()
    buffer = io.BytesIO()
    title = f"{data.organisation}消费帮扶月度汇总 {s.month}".strip()

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(pdf_font(), 7.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(18 * mm, 10 * mm, f"{title} · 生成于 {data.generated_at:%Y-%m-%d %H:%M} · 金额单位：元")
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
    )
    story: list = [
        text_paragraph(title, styles["title"]),
        text_paragraph(f"统计期间：{s.month}（{s.zone}） 生成时间：{data.generated_at:%Y-%m-%d %H:%M}", styles["body"]),
    ]
    benefited = s.households_benefited
    average = s.attributed_fen // benefited if benefited else 0
    tonnes = f"{data.details.grams_sold / 1_000_000:,.3f} 吨"
    compared = (
        ("销售笔数", "sales_count", f"{s.sales_count:,}"),
        ("销售总额", "gross_fen", format_fen(s.gross_fen)),
        ("退货金额", "refunds_fen", format_fen(s.refunds_fen)),
        ("净销售额", "net_fen", format_fen(s.net_fen)),
        ("带贫收益（已分配）", "attributed_fen", format_fen(s.attributed_fen)),
        ("受益户数", "households_benefited", f"{benefited:,}"),
    )
    headline = [["指标", "本月", "环比", "同比"]]
    for label, attr, shown in compared:
        now = getattr(s, attr)
        headline.append([label, shown, _change(now, data.previous, attr), _change(now, data.last_year, attr)])
    headline += [["户均收益", format_fen(average), "", ""], ["销售重量", tonnes, "", ""]]
    story += [text_paragraph("一、主要指标", styles["h2"]), _table(headline, [50 * mm, 45 * mm, 39 * mm, 39 * mm])]
    if s.unattributed_fen:
        story.append(
            text_paragraph(
                f"⚠ 未分配收益 {format_fen(s.unattributed_fen)}：有供应商本月没有有效的利益联结，见供应商表。",
                styles["flag"],
            )
        )
    if data.behind:
        story.append(text_paragraph(behind_text(data.behind, data.generated_at.tzinfo), styles["flag"]))
    if s.uncertified_lines:
        warning = f"【注意】{s.uncertified_lines} 行销售的商品在销售日期认定证书无效。"
        story.append(text_paragraph(warning, styles["flag"]))
    if data.details.without_weight:
        story.append(text_paragraph(_without_weight(data.details.without_weight), styles["body"]))
    story += [Spacer(1, 4 * mm), _daily_chart(data.details)]
    charts = Table(
        [[_channel_pie(s), _supplier_bars(s)]],
        colWidths=[80 * mm, 94 * mm],
        style=[("FONTNAME", (0, 0), (-1, -1), pdf_font())],
    )
    story += [charts]
    channel_rows = [["渠道", "净销售额"]] + [[CHANNEL_NAMES[c], format_fen(v)] for c, v in s.by_channel.items()]
    category_rows = [["品类", "净销售额"]] + [
        [_fit(c), format_fen(v)] for c, v in sorted(s.by_category.items(), key=lambda kv: -kv[1])
    ]
    cell = ParagraphStyle("cell", fontName=pdf_font(), fontSize=8.5, leading=10.5)
    region_rows = [["产地", "净销售额"]] + [
        [text_paragraph(place_name(r), cell), format_fen(v)] for r, v in sorted(s.by_origin_region.items())
    ]
    breakdowns = Table(
        [
            [
                _table(channel_rows, [20 * mm, 28 * mm]),
                _table(category_rows, [26 * mm, 28 * mm]),
                _table(region_rows, [36 * mm, 28 * mm]),
            ]
        ],
        colWidths=[52 * mm, 58 * mm, 64 * mm],
        style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), pdf_font())],
    )
    story.append(KeepTogether([text_paragraph("二、按渠道、品类、产地", styles["h2"]), breakdowns]))
    supplier_rows: list[list[str]] = [["供应商", "统一社会信用代码", "净销售额", "收益池", "已分配", "未分配"]]
    for supplier in sorted(s.suppliers, key=lambda x: (-x.net_fen, x.uscc)):
        unattributed = format_fen(supplier.unattributed_fen) + (" ※" if supplier.unattributed_fen else "")
        name = _fit(supplier.name, 20)  # plain text: a city has thousands of suppliers
        amounts = (supplier.net_fen, supplier.pool_fen, supplier.attributed_fen)
        supplier_rows.append([name, supplier.uscc, *(format_fen(a) for a in amounts), unattributed])
    story.append(text_paragraph("三、按供应商（净销售额从高到低，※ 为未分配）", styles["h2"]))
    widths = [48 * mm, 36 * mm, 24 * mm, 22 * mm, 22 * mm, 22 * mm]
    header, body = supplier_rows[0], supplier_rows[1:]
    for start in range(0, len(body), 40):  # small tables: platypus splits one huge table slowly
        story.append(_table([header, *body[start : start + 40]], widths, 2))
    if data.quotas:
        rows = [["采购单位", "年度认购额度", "截至本月已采购", "完成比例"]]
        rows += [
            [_fit(q.organisation, 24), format_fen(q.quota_fen), format_fen(q.bought_fen), f"{q.share * 100:.1f}%"]
            for q in data.quotas
        ]
        story += [
            text_paragraph("四、团购认购额度（本年截至本月末）", styles["h2"]),
            _table(rows, [64 * mm, 38 * mm, 38 * mm, 34 * mm]),
        ]
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
