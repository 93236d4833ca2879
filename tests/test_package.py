"""The wheel a packager builds holds everything the program opens (issue 13): today's wheel had
no resources/, so an installed bangfu failed on every PDF, label and window. The whole install
and run from another folder is `python3 dev.py wheel`, which CI runs."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEEDED = (
    "main.py",
    "resources/style.qss",
    "resources/fonts/wqy-microhei.ttc",
    "resources/i18n/bangfu_zh_CN.qm",
    "resources/labels/templates.json",
    "resources/regions/regions.csv",
    "core/migrations/env.py",
    "gui/rasterize.py",
)


def test_the_wheel_carries_its_resources(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("bangfu-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert [name for name in NEEDED if name not in names] == []
    assert any(name.startswith("core/migrations/versions/") for name in names)
    assert not any(name.startswith(("tests/", "benchmarks/")) for name in names)
