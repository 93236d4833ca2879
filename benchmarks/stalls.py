"""The longest time the GUI thread stops answering while the window issues a month, renders
the monthly PDF for printing, previews a sheet of labels, checks a password at sign-in (Argon2id),
sells three products at the checkout and imports 100,000 households (the garbage collector runs
on the GUI thread: gui.tasks.collect_on_gui_thread): a 10 ms QTimer heartbeat on the
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
from benchmarks.catalog import head_names, households_csv
from catalog.importing import import_file
from catalog.kinds import registry_kinds
from cli.main import main as command
from core.auth import create_user, first_admin
from core.db import open_database
from gui.app import make_app, warm_up
from gui.login import LoginDialog
from gui.pages.counter import CounterPage
from gui.pages.labels import LabelsPage
from gui.pages.summary import SummaryPage
from gui.tasks import KEEPER, Task, write_long
from orders.ledger import PaymentDraft


def idle() -> bool:
    return not KEEPER.running


def longest_gap(app: QApplication, start: Callable[[], Task | None], idle: Callable[[], bool]) -> float:
    """Seconds of the largest gap between 10 ms heartbeats from ``start()`` until ``idle()``."""
    beats: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))
    timer.start()
    beats.append(time.perf_counter())
    start()
    deadline = time.perf_counter() + float(os.environ.get("BENCH_DEADLINE", 120))
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
            longest_gap(app, labels.add_from_search, idle)
            preview = longest_gap(app, labels.make_pdf, lambda: labels.task is None)
            with db.session() as session, session.begin():
                create_user(session, admin, "bench", "测速", "manager", "bench-password")
            login = LoginDialog(db)
            login.username.setText("bench")
            login.password.setText("bench-password")
            signed_in = longest_gap(app, login.try_accept, lambda: login.actor is not None)
            counter = CounterPage(db, admin, "收银台")
            longest_gap(app, lambda: None, idle)  # its cart and shift arrive
            longest_gap(app, lambda: counter.shift("0"), idle)

            def sell() -> None:
                for code in ("P0101", "P0102", "P0101"):
                    counter.scan_field.setText(code)
                    counter.on_enter()
                counter.when_settled(lambda: counter.pay((PaymentDraft("cash", counter.cart.total_fen),)))

            sold = longest_gap(app, sell, lambda: idle() and counter.last_sale is not None)
            register = Path(tmp) / "households.csv"
            households_csv(register, head_names(100_000))
            imported: list[object] = []

            def import_register() -> None:
                def op(session, report):  # type: ignore[no-untyped-def]
                    return import_file(session, admin, registry_kinds()["households"], register, report)

                write_long(counter, db, op, imported.append, imported.append)

            registered = longest_gap(app, import_register, lambda: idle() and bool(imported))
            assert getattr(imported[0], "added", 0) == 100_000, imported
        finally:
            db.dispose()
    return [
        ("GUI stall while issuing a month (longest gap)", issued, baseline),
        ("GUI stall while rendering the monthly PDF to print", printed, baseline),
        ("GUI stall while previewing a sheet of labels", preview, baseline),
        ("GUI stall while a password is checked at sign-in", signed_in, baseline),
        ("GUI stall while scanning three products and paying", sold, baseline),
        ("GUI stall while importing 100,000 households", registered, baseline),
    ]
