"""Set up and run Bangfu from a source checkout, the same way on Linux, macOS and Windows.

    python3 dev.py run        create .venv if missing, install, open the application
    python3 dev.py test       create .venv if missing, install, lint and run every test
    python3 dev.py bench      run the benchmarks in benchmarks/
    python3 dev.py translations   refresh resources/i18n/*.ts from the sources and build the .qm
    python3 dev.py migration "message"   autogenerate an Alembic migration against the models

Only the standard library is used here, because this runs before anything is installed.
"""

import hashlib
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".bangfu-installed"
EXTRAS = "test,postgresql"


def sh(*args: object, **kwargs: object) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    result = subprocess.run([str(a) for a in args], cwd=ROOT, **kwargs)  # type: ignore[call-overload]
    if result.returncode:
        sys.exit(result.returncode)


def ensure_venv() -> None:
    """Create .venv and (re)install the project whenever pyproject.toml changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be started by an older python3
        sys.exit("Bangfu needs Python 3.11 or newer")
    if not PYTHON.exists():
        venv.create(VENV, with_pip=True)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + EXTRAS.encode()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != wanted:
        sh(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        sh(PYTHON, "-m", "pip", "install", "--quiet", "-e", f".[{EXTRAS}]")
        STAMP.write_text(wanted)


def run(args: list[str]) -> None:
    sh(PYTHON, "main.py", *(args or ["gui"]))


def test(args: list[str]) -> None:
    sh(PYTHON, "-m", "ruff", "check", ".")
    sh(PYTHON, "-m", "ruff", "format", "--check", ".")
    sh(PYTHON, "-m", "pytest", *args)


def bench(args: list[str]) -> None:
    sh(PYTHON, "benchmarks/run.py", *args)


def translations(_args: list[str]) -> None:
    ts = ROOT / "resources" / "i18n" / "bangfu_zh_CN.ts"
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))
    sh(BIN / "pyside6-lupdate", "-no-obsolete", *sources, "-ts", ts.relative_to(ROOT))
    sh(BIN / "pyside6-lrelease", ts.relative_to(ROOT), "-qm", ts.with_suffix(".qm").relative_to(ROOT))


def migration(args: list[str]) -> None:
    """Autogenerate a migration by comparing the models with a database at the current head."""
    code = """
import sys
from alembic import command
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine
from core.db import _alembic_config
engine = create_engine("sqlite:///" + sys.argv[1])
with engine.begin() as connection:
    cfg = _alembic_config(connection)
    command.upgrade(cfg, "head")
    command.revision(cfg, message=sys.argv[2], autogenerate=True)
"""
    with tempfile.TemporaryDirectory() as tmp:
        sh(PYTHON, "-c", code, Path(tmp) / "m.db", " ".join(args) or "change")


TASKS = {"run": run, "test": test, "bench": bench, "translations": translations, "migration": migration}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        sys.exit(__doc__)
    ensure_venv()
    TASKS[sys.argv[1]](sys.argv[2:])
