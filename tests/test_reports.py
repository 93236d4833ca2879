"""Monthly summary PDF and XLSX (issue 8): they show exactly the figures of the SPEC §9 JSON."""

import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from cli.main import main
from core.money import format_fen
from orders.month_details import month_details, previous_month, same_month_last_year
from orders.report_data import attributed_households, report_input
from reports.monthly_pdf import render_monthly_pdf
from reports.monthly_xlsx import render_monthly_xlsx
from tests.factories import ADMIN
from tests.files import SAMPLES
from tests.test_catalog_import import load_samples
from tests.test_sales import EXPECTED_SUMMARY, sales

GOLDEN = Path(__file__).parent / "data" / "golden" / "monthly-xlsx-structure.json"


@pytest.fixture
def june(session: Session) -> Session:
    load_samples(session)
    sales(session, SAMPLES / "sales.csv")
    return session


def test_pdf_shows_the_json_figures_in_yuan(june: Session) -> None:
    data = report_input(june, ADMIN, "2026-06", now=dt.datetime(2026, 7, 1, tzinfo=dt.UTC))
    assert data.summary.to_json() == EXPECTED_SUMMARY
    pdf = render_monthly_pdf(data)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = "".join(page.extract_text() for page in document.pages).replace("\n", "")
    for fen in (477241, 34000, 443241, 36281, 896, 153850, 8462, 27819, 374500, 405450, 11200):
        assert format_fen(fen) in text, format_fen(fen)
    for name in ("卢氏县香菇专业合作社", "新郑红枣食品有限公司", "干货", "河南省三门峡市卢氏县", "第 1 页"):
        assert name in text
    assert b"/FontFile2" in pdf
    assert b"/Helvetica" not in pdf


def test_xlsx_reads_back_equal_to_the_json_to_the_fen(june: Session) -> None:
    data = report_input(june, ADMIN, "2026-06")
    book = load_workbook(io.BytesIO(render_monthly_xlsx(data, attributed_households(june, data.summary))))

    def fen(value: object) -> int:
        return int(Decimal(str(value)) * 100)

    summary = {row[0]: row[1] for row in book["汇总"].iter_rows(min_row=2, values_only=True)}
    assert (summary["销售笔数"], fen(summary["销售总额"]), fen(summary["净销售额"])) == (6, 477241, 443241)
    channels = {row[1]: fen(row[2]) for row in book["渠道"].iter_rows(min_row=2, values_only=True)}
    assert channels == EXPECTED_SUMMARY["by_channel"]
    suppliers = [
        {
            "uscc": r[0],
            "name": r[1],
            "net_fen": fen(r[2]),
            "pool_fen": fen(r[3]),
            "attributed_fen": fen(r[4]),
            "unattributed_fen": fen(r[5]),
        }
        for r in book["供应商"].iter_rows(min_row=2, values_only=True)
    ]
    assert suppliers == EXPECTED_SUMMARY["by_supplier"]
    households = {r[0]: (r[1], r[2], fen(r[4])) for r in book["帮扶户"].iter_rows(min_row=2, values_only=True)}
    assert households["LS001"] == ("王*国", "411224********0016", 13909)  # names and ID numbers masked
    assert isinstance(book["供应商"]["C2"].value, int | float)  # amounts are numbers, not text
    assert book["供应商"].freeze_panes == "A2"
    structure = {sheet.title: [cell.value for cell in sheet[1]] for sheet in book.worksheets}
    assert structure == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_details_daily_weight_and_comparison_months(june: Session) -> None:
    from zoneinfo import ZoneInfo

    details = month_details(june, "2026-06", ZoneInfo("Asia/Shanghai"))
    assert len(details.daily_net) == 30
    assert sum(net for _day, net in details.daily_net) == 443241
    # 42 − 5 bags of 0.5 kg, 26.86 斤, 31 boxes of 1 kg, 2 kg of shrimps (the 3 kg sale is July's
    # in Shanghai), and a gift box without a net weight, which is named instead
    assert details.grams_sold == (42 - 5) * 500 + 26860 * 500 // 1000 + 31 * 1000 + 2000
    assert details.without_weight == ["新郑红枣礼盒"]
    assert (previous_month("2026-01"), same_month_last_year("2026-06")) == ("2025-12", "2025-06")


def test_report_command_writes_pdf_and_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "r.db")
    for kind in ("suppliers", "products", "households", "linkages", "sales"):
        assert main(["--db", db, "import", kind, str(SAMPLES / f"{kind}.csv")]) == 0
    for form in ("pdf", "xlsx"):
        out = tmp_path / f"june.{form}"
        assert main(["--db", db, "report", "monthly", "--month", "2026-06", "--format", form, "--out", str(out)]) == 0
        assert out.stat().st_size > 1000
    assert main(["--db", db, "report", "monthly", "--month", "2026-06", "--format", "pdf", "--out", "-"]) == 2
    assert "JSON only" in capsys.readouterr().err


def test_statement_and_public_notice(june: Session) -> None:
    from core.identifiers import mask_name
    from orders.notices import notice, statement, statement_rows
    from reports.notices import notice_pdf, statement_pdf

    assert [mask_name(n) for n in ("张三", "张小三", "欧阳小明", "王")] == ["张*", "张*三", "欧**明", "王"]
    rows = statement_rows(june, ADMIN, "LS001", "2026")
    assert [(r.month, r.mode, r.amount_fen) for r in rows] == [("2026-06", "分红", 13909)]
    with pdfplumber.open(io.BytesIO(statement_pdf(statement(june, ADMIN, "LS001", "2026-06")))) as document:
        statement = document.pages[0].extract_text()
    assert "¥139.09" in statement
    assert "所在地：河南省三门峡市卢氏县" in statement
    with pdfplumber.open(io.BytesIO(notice_pdf(notice(june, ADMIN, "411224", "2026-06")))) as document:
        text = document.pages[0].extract_text()
    assert "行政区划：河南省三门峡市卢氏县（411224）" in text
    assert "王*国" in text
    assert "王建国" not in text  # a public notice never shows the full name
    assert "¥362.81" in text  # 13909 + 6955 + 6955 + 3385 + 5077
    assert "411224197101110016" not in text


def test_issuing_freezes_the_month_and_later_data_shows_as_a_difference(june: Session, tmp_path: Path) -> None:
    from reports.issuing import differences, issue_month, latest_issue
    from tests.test_sales import refund, rows_file

    first = issue_month(june, ADMIN, "2026-06")
    assert (first.issue_no, first.pdf[:4]) == (1, b"%PDF")
    assert differences(june, ADMIN, "2026-06") == {}
    sales(june, rows_file(tmp_path, [refund("LATE-1", "2026-06-29T10:00:00+08:00", "HZ1000", "2", "BULK-2026-001")]))
    changed = differences(june, ADMIN, "2026-06")
    assert changed["refunds_fen"] == (34000, 34000 + 9100)
    assert changed["net_fen"] == (443241, 443241 - 9100)
    assert json.loads(latest_issue(june, "2026-06").figures)["net_fen"] == 443241  # what was sent stays
    revised = issue_month(june, ADMIN, "2026-06")
    assert revised.issue_no == 2
    assert differences(june, ADMIN, "2026-06") == {}


def test_year_view_has_twelve_months(june: Session) -> None:
    from zoneinfo import ZoneInfo

    from orders.month_details import year_view

    year = year_view(june, ADMIN, 2026, ZoneInfo("Asia/Shanghai"))
    assert [m for m, *_rest in year][:2] == ["2026-01", "2026-02"]
    assert dict((m, (net, attributed, benefited)) for m, net, attributed, benefited in year)["2026-06"] == (
        443241,
        36281,
        5,
    )


def _drawn_axis(drawing):  # type: ignore[no-untyped-def]
    """The value axis as ReportLab laid it out for the page (it decides its range when drawn)."""
    from reportlab.graphics import renderPDF

    renderPDF.drawToString(drawing)
    chart = drawing.contents[0]
    return chart.valueAxis


def test_pdf_charts_start_at_zero_with_round_steps(june: Session) -> None:
    """Eight suppliers of ¥10,000–¥17,000: today's axis started at 10,000 and the eighth had no bar."""
    import dataclasses

    from orders.attribution import SupplierMonth
    from reports.monthly_pdf import _daily_chart, _supplier_bars

    data = report_input(june, ADMIN, "2026-06")
    suppliers = [SupplierMonth(n, f"U{n}", f"供应商{n}", 0, net_fen=1_000_000 + n * 100_000) for n in range(8)]
    summary = dataclasses.replace(data.summary, suppliers=suppliers)
    bars = _drawn_axis(_supplier_bars(summary))
    assert (bars._valueMin, bars._valueMax, bars._valueStep) == (0, 20_000, 5_000)
    daily = _drawn_axis(_daily_chart(data.details))
    nets = [net / 100 for _day, net in data.details.daily_net]
    step = daily._valueStep
    assert min(nets) < 0  # a day of refunds: the axis goes one round step below zero, no further
    assert min(nets) - step < daily._valueMin <= min(nets)
    assert max(nets) <= daily._valueMax < max(nets) + step  # no clipped peak
    assert Decimal(str(step)) / 10 ** Decimal(str(step)).adjusted() in (1, 2, 5)  # 1-2-5 steps
