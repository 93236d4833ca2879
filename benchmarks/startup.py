"""Start-up to first window shown, against a bare PySide6 window in the same run; and the whole
``report monthly --format json`` process against a bare interpreter that imports SQLAlchemy's
ORM and runs one query on the same file (issue 18).

Each sample is a fresh process: ``python main.py gui --screenshot`` (imports, database open and
migration check, translations, stylesheet, window shown with its first page's data, painted)
versus a bare QApplication + QMainWindow painted the same way; and ``gui --page login
--screenshot``, the sign-in window as a user meets it at every start, painted while the data
layer still loads behind it. The window is timed from the
launch to the moment its picture is written (the PNG's modification time), so neither side's
exit counts; the JSON report is timed as a whole process, exit included, on both sides.
What follows the sign-in window is timed too: the demo's cashier signs in with the keys (once
the database has opened behind the window, as it has for anyone who types a password), and the
seconds from Enter to the checkout painted with its data are set beside the password check
alone (argon2's verify of the same stored hash), the floor of any sign-in.

The project's modules are compiled to bytecode first, as installing the wheel does (pip
compiles at install; the bundle holds bytecode): a checkout run with PYTHONDONTWRITEBYTECODE
would otherwise compile ~70 modules from source at every start (~0.1 s).
"""

import compileall
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
window.grab().save(sys.argv[1])
"""
# The floor under the first: the same bare window once SQLAlchemy's ORM and Bangfu's 37 mapped
# tables are imported and configured (what any first query needs), with no query and no page.
BARE_ORM = (
    """
import core.models
from sqlalchemy.orm import configure_mappers
configure_mappers()
"""
    + BARE
)
SIGNED_IN = """
import sqlite3, sys, time
from argon2 import PasswordHasher
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from gui.app import Opening, make_app, sign_in
from gui.login import LoginDialog
from gui.tasks import read_now, settle, wait_for_background
path, user, password, picture = sys.argv[1:5]
app = make_app("zh")
opening = Opening(path)
pressed = []

def type_password():
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, LoginDialog) or dialog.db is None:
        QTimer.singleShot(10, type_password)
        return
    QTest.keyClicks(dialog.username, user)
    QTest.keyClicks(dialog.password, password)
    pressed.append(time.perf_counter())
    QTest.keyClick(dialog.password, Qt.Key.Key_Return)

QTimer.singleShot(0, type_password)
actor = sign_in(opening)
db = opening.database()
from core.config import idle_minutes
from gui.main_window import MainWindow
window = MainWindow(db, actor, idle_minutes=read_now(db, idle_minutes))
window.resize(1366, 768)
window.show()
settle()
app.processEvents()
window.grab().save(picture)
shown = time.perf_counter() - pressed[0]
window.close()
wait_for_background()
opening.close()
stored = sqlite3.connect(path).execute("SELECT password_hash FROM users WHERE username = ?", (user,)).fetchone()[0]
start = time.perf_counter()
PasswordHasher().verify(stored, password)
print(shown, time.perf_counter() - start)
"""
BARE_QUERY = """
import sys
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
with Session(create_engine("sqlite:///" + sys.argv[1])) as session:
    session.execute(text("SELECT count(*) FROM sale_lines")).scalar()
"""


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def _painted(cmd: list[str], env: dict[str, str], picture: Path) -> float:
    """Seconds from the launch to the window's picture written."""
    picture.unlink(missing_ok=True)
    start = time.time_ns()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    return (picture.stat().st_mtime_ns - start) / 1e9


def _enter_to_checkout(db: str, password: str, picture: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from Enter in the sign-in window to the checkout painted, and the password check."""
    done = subprocess.run(
        [sys.executable, "-c", SIGNED_IN, db, "demo_cashier", password, str(picture)],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    shown, check = done.stdout.split()[-2:]
    return float(shown), float(check)


def run(samples: int = 7) -> list[tuple[str, float, float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for package in ("core", "catalog", "orders", "reports", "gui", "cli"):
        compileall.compile_dir(ROOT / package, quiet=1)
    compileall.compile_file(ROOT / "main.py", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        demo = subprocess.run(
            [sys.executable, "main.py", "--db", db, "demo"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        cashier = re.search(r"demo_cashier\W.*?(demo-\w+)", demo.stdout)
        assert cashier, demo.stdout
        shot = Path(tmp) / "s.png"
        window = [sys.executable, "main.py", "--db", db, "gui", "--screenshot", str(shot)]
        bangfu = [_painted(window, env, shot) for _ in range(samples)]
        bare = [_painted([sys.executable, "-c", BARE, str(shot)], env, shot) for _ in range(samples)]
        floor = [_painted([sys.executable, "-c", BARE_ORM, str(shot)], env, shot) for _ in range(samples)]
        login = [*window[:-2], "--page", "login", *window[-2:]]
        sign_in = [_painted(login, env, shot) for _ in range(samples)]
        signed_in = [_enter_to_checkout(db, cashier[1], shot, env) for _ in range(samples)]
        out = str(Path(tmp) / "r.json")
        report = [sys.executable, "main.py", "--db", db, "report", "monthly", "--month", "2026-10", "--format", "json"]
        json_report = [_time([*report, "--out", out], env) for _ in range(samples)]
        bare_query = [_time([sys.executable, "-c", BARE_QUERY, db], env) for _ in range(samples)]
    return [
        ("startup to first window (demo database)", statistics.median(bangfu), statistics.median(bare)),
        ("  the same, beside a bare window after the ORM", statistics.median(bangfu), statistics.median(floor)),
        ("startup to the sign-in window, what a user meets first", statistics.median(sign_in), statistics.median(bare)),
        (
            "  then Enter to the checkout with its data (vs the password check alone)",
            statistics.median(s for s, _check in signed_in),
            statistics.median(c for _s, c in signed_in),
        ),
        ("report monthly --format json, whole process", statistics.median(json_report), statistics.median(bare_query)),
    ]
