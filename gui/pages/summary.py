"""月度汇总: the month's figures as cards, charts and tables, the year side by side, exports, and
issuing the month. Everything is computed off the GUI thread; switching months never blocks."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.auth import Actor, can
from core.config import business_day, business_zone
from core.db import Database
from core.money import format_fen
from core.scales import zero_based_scale
from gui.pages.common import recent_months
from gui.printing import print_pdf
from gui.table import Col, RecordModel
from gui.tasks import Report, Task, message_for, read, read_long, run_task, write
from gui.text import QT_TRANSLATE_NOOP, channel_text, tr
from orders.month_details import latest_ended_month, year_view
from orders.report_data import ReportInput, attributed_households, report_input
from reports.issuing import differences, issue_month, latest_issue
from reports.monthly_pdf import render_monthly_pdf
from reports.monthly_xlsx import render_monthly_xlsx

if TYPE_CHECKING:  # only in annotations (see the contracts)
    from sqlalchemy.orm import Session

FIGURE_NAMES = {  # marked for lupdate; tr() translates them where they are shown
    "sales_count": QT_TRANSLATE_NOOP("", "Sales"),
    "gross_fen": QT_TRANSLATE_NOOP("", "Gross"),
    "refunds_fen": QT_TRANSLATE_NOOP("", "Refunds"),
    "net_fen": QT_TRANSLATE_NOOP("", "Net"),
    "attributed_fen": QT_TRANSLATE_NOOP("", "Attributed"),
    "unattributed_fen": QT_TRANSLATE_NOOP("", "Unattributed"),
    "households_benefited": QT_TRANSLATE_NOOP("", "Households benefited"),
}


# the month's figures, what changed since it was issued, and (issue number, when) if it was
MonthShown = tuple[ReportInput, dict[str, tuple[int, int]], tuple[int, str] | None]


def _shown(key: str, value: int) -> str:
    return format_fen(value) if key.endswith("_fen") else f"{value:,}"


def _card(title: str) -> tuple[QWidget, QLabel]:
    box = QWidget()
    box.setObjectName("card")
    value = QLabel("—")
    value.setObjectName("cardValue")
    name = QLabel(title)
    name.setObjectName("cardTitle")
    layout = QVBoxLayout(box)
    layout.addWidget(value)
    layout.addWidget(name)
    return box, value


def _chart_view(chart: QChart) -> QChartView:
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def _amount_axis(values_fen: list[int], intervals: int = 5) -> QValueAxis:
    """Yuan from zero in round steps (core.scales), as on the PDF."""
    scale = zero_based_scale(values_fen, intervals)
    axis = QValueAxis()
    axis.setRange(scale.low_fen / 100, scale.high_fen / 100)
    axis.setTickCount(scale.ticks)
    axis.setLabelFormat("%.0f")
    return axis


class SummaryPage(QWidget):
    def __init__(self, db: Database, actor: Actor, title: str) -> None:
        super().__init__()
        self.db, self.actor = db, actor
        self.task: Task | None = None
        self.data: ReportInput | None = None
        self.issued: int | None = None  # the number of the issue this page made last
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        self.month = QComboBox()
        for month in recent_months(dt.date.today()):
            self.month.addItem(month, month)
        self.month.currentIndexChanged.connect(self.load)
        self.issue_note = QLabel()
        self.issue_note.setWordWrap(True)
        self.issue_note.setObjectName("issueNote")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(QLabel(tr("Month")))
        top.addWidget(self.month)
        top.addStretch(1)
        actions = [
            (tr("Export PDF…"), self.export_pdf),
            (tr("Export XLSX…"), self.export_xlsx),
            (tr("Print…"), self.print_report),
        ]
        if can(actor, "report.issue"):
            actions.append((tr("Issue this month…"), self.issue))
        for text, action in actions:
            button = QPushButton(text)
            button.clicked.connect(action)
            top.addWidget(button)

        cards = QGridLayout()
        self.cards: dict[str, QLabel] = {}
        names = [(key, tr(FIGURE_NAMES[key])) for key in ("sales_count", "net_fen", "refunds_fen", "attributed_fen")]
        names += [(key, tr(FIGURE_NAMES[key])) for key in ("households_benefited", "unattributed_fen")]
        names.append(("uncertified_lines", tr("Uncertified lines")))
        for index, (key, name) in enumerate(names):
            box, value = _card(name)
            cards.addWidget(box, 0, index)
            self.cards[key] = value

        self.daily = QChart()
        self.daily.setTitle(tr("Net sales per day (yuan)"))
        self.channels = QChart()
        self.channels.setTitle(tr("Channels"))
        self.top = QChart()
        self.top.setTitle(tr("Top suppliers (net, yuan)"))
        charts = QHBoxLayout()
        charts.addWidget(_chart_view(self.daily), 1)
        pie_view = _chart_view(self.channels)
        pie_view.setMinimumWidth(330)  # Qt Charts gives a legend a third of the width; names and shares need ~95 px
        charts.addWidget(pie_view, 1)
        charts.addWidget(_chart_view(self.top), 1)
        legend_font = self.channels.legend().font()
        legend_font.setPointSizeF(legend_font.pointSizeF() * 0.8)
        self.channels.legend().setFont(legend_font)

        self.suppliers = RecordModel(
            [
                Col(tr("Supplier"), lambda s: s.name),
                Col.fen(tr("Net"), lambda s: s.net_fen),
                Col.fen(tr("Pool"), lambda s: s.pool_fen),
                Col.fen(tr("Attributed"), lambda s: s.attributed_fen),
                Col.fen(tr("Unattributed"), lambda s: s.unattributed_fen),
            ]
        )
        table = self.supplier_table = QTableView()
        table.setModel(self.suppliers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)

        month_tab = QWidget()
        month_layout = QVBoxLayout(month_tab)
        month_layout.addWidget(self.issue_note)
        month_layout.addLayout(cards)
        month_layout.addLayout(charts, 2)
        month_layout.addWidget(table, 1)

        self.year = QSpinBox()
        self.year.setRange(2015, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.valueChanged.connect(self.load_year)
        self.months = RecordModel(
            [
                Col(tr("Month"), lambda r: r[0]),
                Col.fen(tr("Net"), lambda r: r[1]),
                Col.fen(tr("Attributed"), lambda r: r[2]),
                Col(tr("Households benefited"), lambda r: str(r[3]), right=True),
            ]
        )
        year_table = QTableView()
        year_table.setModel(self.months)
        year_table.verticalHeader().setVisible(False)
        year_table.horizontalHeader().setStretchLastSection(True)
        year_tab = QWidget()
        year_layout = QVBoxLayout(year_tab)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Year")))
        row.addWidget(self.year)
        row.addStretch(1)
        year_layout.addLayout(row)
        year_layout.addWidget(year_table)
        self.tabs = QTabWidget()
        self.tabs.addTab(month_tab, tr("Month"))
        self.tabs.addTab(year_tab, tr("Year"))
        self.tabs.currentChanged.connect(lambda index: self.load_year() if index == 1 else None)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.open_latest()

    # -- loading -------------------------------------------------------------------------------

    def open_latest(self) -> Task:
        """Opening: the latest month that has ended and has sales, not the running month's
        partial figures (the current month stays first in the list, one click away)."""

        running = self.month.currentData()

        def op(session: "Session", report: Report) -> MonthShown:
            month = latest_ended_month(session, business_zone(session), business_day(session))
            return self._month_figures(session, month or running, report)

        def opened(result: MonthShown) -> None:
            month = result[0].summary.month
            if self.month.findData(month) < 0:
                self.month.addItem(month, month)
            self.month.blockSignals(True)  # the figures are here already: no second load
            self.month.setCurrentIndex(self.month.findData(month))
            self.month.blockSignals(False)
            self.show_month(result)

        self.task = read_long(
            self, self.db, op, opened, self.failed, maximum=5, view="month", label=tr("Computing the month…")
        )
        return self.task

    def load(self) -> Task:
        month = self.month.currentData()
        self.task = read_long(
            self,
            self.db,
            lambda session, report: self._month_figures(session, month, report),
            self.show_month,
            self.failed,
            maximum=5,
            view="month",  # a month picked later wins over one still computing
            label=tr("Computing the month…"),
        )
        return self.task

    def _month_figures(self, session: "Session", month: str, report: Report) -> MonthShown:
        data = report_input(session, self.actor, month, progress=report)
        issued = latest_issue(session, month)
        changed = differences(session, self.actor, month) if issued else {}
        issue = (
            (issued.issue_no, issued.issued_at.astimezone(business_zone(session)).strftime("%Y-%m-%d %H:%M"))
            if issued
            else None
        )
        return data, changed, issue

    def failed(self, error: BaseException) -> None:
        self.task = None
        self.issue_note.setText(message_for(error))

    def show_month(self, result: MonthShown) -> None:
        data, changed, issue = result
        if data.summary.month != self.month.currentData():
            return  # the clerk picked another month meanwhile; its own result is on the way
        self.task = None
        self.data = data
        s = data.summary
        for key, label in self.cards.items():
            value = getattr(s, key)
            label.setText(_shown(key, value))
        if issue is None:
            self.issue_note.setText(tr("This month has not been issued."))
        elif not changed:
            self.issue_note.setText(
                tr("Issued as number {0} on {1}; the figures have not changed since.")
                .replace("{0}", str(issue[0]))
                .replace("{1}", issue[1])
            )
        else:
            shown = "；".join(f"{tr(FIGURE_NAMES[k])} {_shown(k, a)} → {_shown(k, b)}" for k, (a, b) in changed.items())
            note = (
                tr("Issued as number {0} on {1}. Changed since: {2}")
                .replace("{0}", str(issue[0]))
                .replace("{1}", issue[1])
            )
            self.issue_note.setText(note.replace("{2}", shown))
        if data.behind:  # the central knows what it is still missing
            codes = ", ".join(b.counter for b in data.behind)
            behind = tr("Not yet uploaded to the month's end: {0}; the figures may still grow.").replace("{0}", codes)
            self.issue_note.setText(f"{self.issue_note.text()}\n{behind}")
        self._charts(data)
        self.suppliers.set_rows(sorted(s.suppliers, key=lambda x: -x.net_fen))
        self.supplier_table.resizeColumnsToContents()

    def _charts(self, data: ReportInput) -> None:
        for chart in (self.daily, self.channels, self.top):
            chart.removeAllSeries()
            for axis in chart.axes():
                chart.removeAxis(axis)
        line = QLineSeries()
        line.setName(tr("Net"))
        for day, net in data.details.daily_net:
            line.append(day.day, net / 100)
        self.daily.addSeries(line)
        days = QValueAxis()
        days.setRange(1, max(1, len(data.details.daily_net)))
        days.setLabelFormat("%d")
        days.setTickCount(7)
        self.daily.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        self.daily.addAxis(_amount_axis([net for _d, net in data.details.daily_net]), Qt.AlignmentFlag.AlignLeft)
        for axis in self.daily.axes():
            line.attachAxis(axis)
        self.daily.legend().hide()
        pie = QPieSeries()
        pie.setPieSize(0.9)
        positive = {c: a for c, a in data.summary.by_channel.items() if a > 0}
        for channel, amount in positive.items():
            pie.append(f"{channel_text(channel)} {amount * 100 / sum(positive.values()):.1f}%", amount / 100)
        self.channels.addSeries(pie)  # the legend carries names and shares: small slices never overlap
        self.channels.legend().show()
        top = sorted(data.summary.suppliers, key=lambda x: -x.net_fen)[:6][::-1]
        bars = QBarSet(tr("Net"))
        bars.append([x.net_fen / 100 for x in top])
        series = QHorizontalBarSeries()
        series.append(bars)
        self.top.addSeries(series)
        names = QBarCategoryAxis()
        names.append([x.name[:10] for x in top])
        self.top.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        values = _amount_axis([x.net_fen for x in top], intervals=3)  # a narrow axis: room for 5-digit labels
        self.top.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        self.top.legend().hide()

    def load_year(self) -> Task:
        year = self.year.value()

        def op(session: "Session", report: Report) -> list[tuple[str, int, int, int]]:
            return year_view(session, self.actor, year, business_zone(session), report)

        self.task = read_long(
            self, self.db, op, self._year_loaded, self.failed, maximum=12, view="year", label=tr("Computing the year…")
        )
        return self.task

    def _year_loaded(self, rows: list[tuple[str, int, int, int]]) -> None:
        self.task = None
        self.months.set_rows(rows)

    # -- exports -------------------------------------------------------------------------------

    def _write(self, kind: str, path: str | None) -> Task | None:
        month = self.month.currentData()
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, tr("Export"), f"bangfu-{month}.{kind}", f"{kind.upper()} (*.{kind})"
            )
            if not path:
                return None
        target = Path(path)

        def op(session: "Session") -> Path:
            data = report_input(session, self.actor, month)
            content = (
                render_monthly_pdf(data)
                if kind == "pdf"
                else render_monthly_xlsx(data, attributed_households(session, data.summary))
            )
            target.write_bytes(content)
            return target

        def done(written: Path) -> None:
            self.task = None
            self.issue_note.setText(tr("Written to {0}").replace("{0}", str(written)))

        self.task = read(self, self.db, op, done, self.failed, label=tr("Writing the report…"))
        return self.task

    def export_pdf(self, path: str | None = None) -> Task | None:
        return self._write("pdf", path)

    def export_xlsx(self, path: str | None = None) -> Task | None:
        return self._write("xlsx", path)

    def print_report(self) -> Task | None:
        """The PDF is rendered in the background; only the print dialog runs on the GUI thread."""
        if self.data is None:
            return None
        data = self.data

        def done(pdf: bytes) -> None:
            self.task = None
            print_pdf(self, pdf, "reports")

        self.task = run_task(
            self, tr("Writing the report…"), lambda _report: render_monthly_pdf(data), done, self.failed
        )
        return self.task

    def issue(self, confirm: bool = True) -> Task | None:
        """Issue the month in the background (its PDF is rendered and stored); ``issued`` then
        holds the issue number."""
        month = self.month.currentData()
        if confirm:
            answer = QMessageBox.question(
                self,
                tr("Issue this month…"),
                tr("Issue the summary of {0}? The issued figures and PDF never change.").replace("{0}", month),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None

        def op(session: "Session") -> int:
            return issue_month(session, self.actor, month).issue_no  # renders the PDF it stores

        def done(number: int) -> None:
            self.task = None
            self.issued = number
            self.load()

        self.task = write(self, self.db, op, done, self.failed, changes=("issues",), label=tr("Issuing the month…"))
        return self.task


def make(db: Database, actor: Actor, title: str) -> QWidget:
    return SummaryPage(db, actor, title)
