"""Short commands and the first screen load what they use (issue 18): the JSON report and the
checkout page, each in a fresh process, import none of ReportLab, openpyxl, QtCharts, Alembic,
Argon2 or pypinyin (documents, charts, migrations, passwords and search keys load when used)."""

import json
import subprocess
import sys
from pathlib import Path

from core.db import open_database

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("reportlab", "openpyxl", "alembic", "argon2", "pypinyin")


def _tail(also: tuple[str, ...] = ()) -> str:
    """The end of a probe: print the heavy modules loaded (and any starting with ``also``)."""
    return (
        "import json as j; print(j.dumps(sorted(m for m in sys.modules if m.split('.')[0] in"
        f" {HEAVY!r} or 'QtCharts' in m or m.startswith({also!r}))))"
    )


def _loaded(probe: str, *args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", probe, *args], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_json_report_loads_no_documents_migrations_or_passwords(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    open_database(str(path)).dispose()
    probe = (
        "import sys, runpy; sys.argv = ['main.py', '--db', sys.argv[1], 'report', 'monthly', '--month', '2026-10',"
        " '--format', 'json', '--out', sys.argv[2]]\n"
        "try:\n    runpy.run_path('main.py', run_name='__main__')\n"
        "except SystemExit:\n    pass\n" + _tail(("sqlalchemy.dialects.postgresql",))
        # on SQLite, not even PostgreSQL's dialect (a model's dialect option would load it: 40 ms)
    )
    assert _loaded(probe, str(path), str(tmp_path / "r.json")) == []
    assert json.loads((tmp_path / "r.json").read_text())["month"] == "2026-10"


def test_the_checkout_opens_without_documents_or_charts(tmp_path: Path) -> None:
    """The window shown on the checkout, as a cashier starts the day (its receipts load ReportLab
    on the worker at the first print; the warm-up after start-up does so in the background)."""
    path = tmp_path / "c.db"
    open_database(str(path)).dispose()
    probe = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from core.auth import Actor\n"
        "from core.db import open_database\n"
        "from gui.main_window import MainWindow\n"
        "from gui.tasks import settle\n"
        "window = MainWindow(open_database(sys.argv[1]), Actor('cashier', 'admin'))\n"
        "window.show_page('counter')\n"
        "window.show()\n"
        "settle()\n"
        "app.processEvents()\n"
        "assert window.current_slug() == 'counter'\n" + _tail(("sqlalchemy.dialects.postgresql",))
    )
    assert _loaded(probe, str(path)) == []


def test_the_sign_in_window_shows_before_the_data_layer_loads() -> None:
    """What a user meets first: the command line read and the sign-in window painted with Qt
    alone; SQLAlchemy and the mapped tables load behind it (gui.app.Opening)."""
    probe = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from cli.main import build_parser\n"
        "args = build_parser().parse_args(['--db', 'x.db', 'gui'])\n"
        "from gui.app import make_app\n"
        "from gui.login import LoginDialog\n"
        "app = make_app('zh')\n"
        "dialog = LoginDialog(None)\n"
        "dialog.show()\n"
        "app.processEvents()\n" + _tail(("sqlalchemy", "core.models", "core.db"))
    )
    assert _loaded(probe) == []
