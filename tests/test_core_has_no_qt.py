"""catalog/, orders/, reports/, core/ and cli/ must work without Qt: the GUI is a thin layer on top.
(No import statement of Qt there: the import-linter contracts in pyproject.toml; this runs them.)"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Import every module of the Qt-free packages in a fresh interpreter where Qt cannot load.
PROBE = """
import importlib, pkgutil, sys
sys.modules["PySide6"] = None  # any import of PySide6 now raises ImportError
sys.modules["shiboken6"] = None
imported = []
for package in ("core", "catalog", "orders", "reports", "cli"):
    module = importlib.import_module(package)
    imported.append(package)
    for info in pkgutil.walk_packages(module.__path__, package + "."):
        importlib.import_module(info.name)
        imported.append(info.name)
print(len(imported))
"""


def test_core_packages_import_without_qt() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 15  # core, catalog, orders, cli and their modules were all imported
