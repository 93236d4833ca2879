"""The monthly dashboard (issue 8): figures, issuing and differences, the year, exports."""

from pathlib import Path

import pytest
from openpyxl import load_workbook

from catalog.importing import import_file
from catalog.kinds import registry_kinds
from core.db import open_database
from gui.app import install_translations
from gui.pages.summary import SummaryPage
from orders.sales_import import sales_kind
from tests.factories import ADMIN
from tests.files import REGISTRY, SAMPLES
from tests.test_sales import refund, rows_file

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, qapp, tmp_path: Path):  # type: ignore[no-untyped-def]
    translators = install_translations(qapp, "zh")
    db = open_database(str(tmp_path / "summary.db"))
    with db.session() as session, session.begin():
        for kind in REGISTRY:
            import_file(session, ADMIN, registry_kinds()[kind], SAMPLES / f"{kind}.csv")
        import_file(session, ADMIN, sales_kind(session, ADMIN), SAMPLES / "sales.csv")
    widget = SummaryPage(db, ADMIN, "月度汇总")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.task is None)
    widget.month.addItem("2026-06", "2026-06")
    widget.month.setCurrentIndex(widget.month.findData("2026-06"))
    qtbot.waitUntil(lambda: widget.data is not None and widget.data.summary.month == "2026-06" and widget.task is None)
    yield widget
    db.dispose()
    for translator in translators:
        qapp.removeTranslator(translator)


def test_cards_show_the_months_figures(page: SummaryPage) -> None:
    assert page.cards["net_fen"].text() == "¥4,432.41"
    assert page.cards["households_benefited"].text() == "5"
    assert page.cards["unattributed_fen"].text() == "¥8.96"
    assert page.suppliers.rowCount() == 3
    assert page.issue_note.text() == "本月尚未出具。"


def test_issuing_then_late_data_shows_the_difference(qtbot, page: SummaryPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.issue(confirm=False)
    qtbot.waitUntil(lambda: page.issued == 1)
    qtbot.waitUntil(lambda: "第 1 版" in page.issue_note.text() and page.task is None)
    assert "没有变化" in page.issue_note.text()
    with page.db.session() as session, session.begin():
        late = rows_file(tmp_path, [refund("LATE-1", "2026-06-29T10:00:00+08:00", "HZ1000", "2", "BULK-2026-001")])
        import_file(session, ADMIN, sales_kind(session, ADMIN), late)
    page.load()
    qtbot.waitUntil(lambda: "有变化" in page.issue_note.text() and page.task is None)
    assert "¥4,432.41 → ¥4,341.41" in page.issue_note.text()


def test_year_tab_and_exports(qtbot, page: SummaryPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.year.setValue(2026)
    page.load_year()
    qtbot.waitUntil(lambda: page.task is None)
    assert page.months.rowCount() == 12, page.issue_note.text()
    june = page.months.rows[5]
    assert (june[0], june[1], june[3]) == ("2026-06", 443241, 5)
    page.export_xlsx(str(tmp_path / "june.xlsx"))
    qtbot.waitUntil(lambda: (tmp_path / "june.xlsx").exists() and page.task is None)
    assert "供应商" in load_workbook(tmp_path / "june.xlsx").sheetnames
    page.export_pdf(str(tmp_path / "june.pdf"))
    qtbot.waitUntil(lambda: (tmp_path / "june.pdf").exists() and page.task is None)
    assert (tmp_path / "june.pdf").read_bytes()[:4] == b"%PDF"


def test_the_dashboard_opens_on_the_latest_ended_month_with_sales(qtbot, page: SummaryPage) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from gui.pages.summary import recent_months

    reopened = SummaryPage(page.db, ADMIN, "月度汇总")
    qtbot.addWidget(reopened)
    qtbot.waitUntil(lambda: reopened.task is None and reopened.data is not None)
    # the samples end at 2026-06-30T16:30Z, 2026-07-01 in Beijing: July, not today's partial month
    assert reopened.month.currentData() == "2026-07"
    assert reopened.month.itemData(0) == recent_months(dt.date.today())[0]  # the current month, one click away


def test_charts_start_at_zero_in_round_steps_and_the_pie_has_a_legend(page: SummaryPage) -> None:
    from PySide6.QtCharts import QValueAxis

    (bars_axis,) = [a for a in page.top.axes() if isinstance(a, QValueAxis)]
    assert bars_axis.min() == 0
    top_net = max(s.net_fen for s in page.data.summary.suppliers) / 100  # type: ignore[union-attr]
    assert top_net <= bars_axis.max()
    step = (bars_axis.max() - bars_axis.min()) / (bars_axis.tickCount() - 1)
    assert str(int(step)).rstrip("0") in ("1", "2", "5")
    daily_axis = [a for a in page.daily.axes() if isinstance(a, QValueAxis)][1]
    nets = [net / 100 for _d, net in page.data.details.daily_net]  # type: ignore[union-attr]
    assert daily_axis.min() <= min(0, *nets)
    assert daily_axis.max() >= max(nets)
    (pie,) = page.channels.series()
    assert page.channels.legend().isVisible()
    assert not any(slice_.isLabelVisible() for slice_ in pie.slices())
    assert next(slice_.label() for slice_ in pie.slices()).startswith(("专柜", "合作社", "团购", "线上"))


def test_cancel_stops_a_summary_load(qtbot, page: SummaryPage) -> None:  # type: ignore[no-untyped-def]
    """The work stops at its next step and the page keeps the figures it showed."""
    from core.tasks import Cancelled

    shown = page.data
    failures: list[BaseException] = []
    page.failed = lambda error: failures.append(error)  # type: ignore[method-assign]
    page.month.blockSignals(True)
    page.month.setCurrentIndex(page.month.findData("2026-05"))
    page.month.blockSignals(False)
    task = page.load()
    task.cancel()  # before the worker reaches its first step
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], Cancelled)
    assert page.data is shown  # June's figures are still on the page
