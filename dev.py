"""Set up and run Bangfu from a source checkout, the same way on Linux, macOS and Windows.

    python3 dev.py run        create .venv if missing, install, open the application
    python3 dev.py test       create .venv if missing, install, lint, type-check, check the layers, run every test
    python3 dev.py bench      run the benchmarks in benchmarks/
    python3 dev.py translations   refresh resources/i18n/*.ts from the sources and build the .qm
    python3 dev.py migration "message"   autogenerate an Alembic migration against the models
    python3 dev.py wheel      build the wheel, install it in a fresh venv, smoke-test it elsewhere
    python3 dev.py screenshots   the README's pictures in docs/, zh and en at 1366x768
    python3 dev.py bundle     build dist/bangfu, a one-folder desktop program (PyInstaller), and smoke-test it

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
    sh(PYTHON, "-m", "mypy")  # the files and rules are in pyproject.toml
    sh(BIN / ("lint-imports.exe" if os.name == "nt" else "lint-imports"))  # the layers' contracts
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


def smoke(program: list[str], folder: Path) -> list[tuple[str, float]]:
    """Run an installed or bundled Bangfu from ``folder`` (not the checkout) as a user would:
    demo data, the monthly PDF, labels, the window. Returns each step's seconds; exits on failure."""
    import time

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BANGFU_LANG": "zh"}
    steps = [
        ("demo", ["demo", "--until", "2026-11-20"], None),
        (
            "report monthly --format pdf",
            ["report", "monthly", "--month", "2026-10", "--format", "pdf", "--out", "r.pdf"],
            "r.pdf",
        ),
        ("labels", ["labels", "--product", "P0101", "--count", "3", "--out", "l.pdf"], "l.pdf"),
        ("gui --screenshot", ["gui", "--screenshot", "s.png"], "s.png"),
    ]
    timings = []
    for name, args, output in steps:
        start = time.perf_counter()
        done = subprocess.run(
            [*program, "--db", "smoke.db", *args], cwd=folder, env=env, capture_output=True, text=True
        )
        timings.append((name, time.perf_counter() - start))
        made = folder / output if output else None
        if done.returncode or (made and made.read_bytes()[:4] not in (b"%PDF", b"\x89PNG")):
            sys.exit(f"{name} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    for name, seconds in timings:
        print(f"  {name:30s} {seconds:6.2f} s")
    return timings


def wheel(_args: list[str]) -> None:
    """What `pip install .` gives a user: the wheel, in a venv of its own, run from elsewhere."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sh(PYTHON, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", work / "dist", ".")
        (built,) = (work / "dist").glob("bangfu-*.whl")
        print(f"wheel: {built.name}, {built.stat().st_size / 1e6:.1f} MB")
        venv.create(work / "venv", with_pip=True)
        installed = work / "venv" / BIN.name
        sh(installed / PYTHON.name, "-m", "pip", "install", "--quiet", built)
        (work / "elsewhere").mkdir()
        smoke([str(installed / ("bangfu.exe" if os.name == "nt" else "bangfu"))], work / "elsewhere")


def screenshots(_args: list[str]) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    sh(PYTHON, "docs/screenshots.py", env=env)


def bundle(_args: list[str]) -> None:
    """The counters' PCs: one folder with the program, Python and Qt inside (packaging/bangfu.spec)."""
    import time

    sh(PYTHON, "-m", "pip", "install", "--quiet", "pyinstaller>=6.10")
    start = time.perf_counter()
    sh(PYTHON, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", "dist",
       "--workpath", "build/pyinstaller", "packaging/bangfu.spec")  # fmt: skip
    built = time.perf_counter() - start
    folder = ROOT / "dist" / "bangfu"
    files = [f for f in folder.rglob("*") if f.is_file() and not f.is_symlink()]
    size = sum(f.stat().st_size for f in files)
    print(f"dist/bangfu: {size / 1e6:.0f} MB in {len(files):,} files, built in {built:.0f} s")
    with tempfile.TemporaryDirectory() as tmp:
        smoke([str(folder / ("bangfu.exe" if os.name == "nt" else "bangfu"))], Path(tmp))


TASKS = {
    "run": run,
    "test": test,
    "bench": bench,
    "translations": translations,
    "migration": migration,
    "wheel": wheel,
    "bundle": bundle,
    "screenshots": screenshots,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        sys.exit(__doc__)
    ensure_venv()
    TASKS[sys.argv[1]](sys.argv[2:])
