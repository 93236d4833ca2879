"""The longest time the GUI thread stops answering while the window issues a month, renders
the monthly PDF for printing, and previews a sheet of labels: a 10 ms QTimer heartbeat on the
GUI thread records the largest gap between its beats while each piece of work runs in the
background. Baseline: the largest gap of the same heartbeat with nothing else to do."""

import itertools
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import gui.pages.summary as summary_page
from cli.main import main as command
from core.auth import first_admin
from core.db import open_database
from gui.app import make_app, warm_up
from gui.pages.labels import LabelsPage
from gui.pages.summary import SummaryPage
from gui.tasks import Task


def longest_gap(app: QApplication, start: Callable[[], Task | None], idle: Callable[[], bool]) -> float:
    """Seconds of the largest gap between 10 ms heartbeats from ``start()`` until ``idle()``."""
    beats: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))
    timer.start()
    beats.append(time.perf_counter())
    start()
    deadline = time.perf_counter() + 120
    while not idle() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
    timer.stop()
    beats.append(time.perf_counter())
    return max(b - a for a, b in itertools.pairwise(beats))


def run() -> list[tuple[str, float, float]]:
    app = make_app("zh")
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "demo.db")
        command(["--db", path, "demo", "--until", "2026-11-20"])
        db = open_database(path)
        try:
            with db.read_session() as session:
                admin = first_admin(session)
            assert admin is not None
            warm_up()  # as the window's start-up housekeeping does
            summary = SummaryPage(db, admin, "月度汇总")
            longest_gap(app, lambda: None, lambda: summary.task is None)  # the opening load
            until = time.perf_counter() + 2
            baseline = longest_gap(app, lambda: None, lambda: time.perf_counter() > until)
            issued = longest_gap(
                app, lambda: summary.issue(confirm=False), lambda: summary.task is None and summary.issued is not None
            )
            summary_page.print_pdf = lambda *_args, **_kw: True  # the rendering could block, not the dialog
            printed = longest_gap(app, summary.print_report, lambda: summary.task is None)
            labels = LabelsPage(db, admin, "标签打印")
            labels.search.setText("P0101")
            labels.add_from_search()
            preview = longest_gap(app, labels.make_pdf, lambda: labels.task is None)
        finally:
            db.dispose()
    return [
        ("GUI stall while issuing a month (longest gap)", issued, baseline),
        ("GUI stall while rendering the monthly PDF to print", printed, baseline),
        ("GUI stall while previewing a sheet of labels", preview, baseline),
    ]
