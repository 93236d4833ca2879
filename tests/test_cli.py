"""The command line: exit codes, messages, the demo data set (SPEC §8)."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from catalog.certificates import display_status, effective_status
from cli.main import main
from core.db import open_database
from core.i18n import set_language
from core.identifiers import check_ean, check_resident_id, check_uscc
from core.models import Household, Product, Sale, SaleLine, Supplier

ROOT = Path(__file__).resolve().parent.parent


def test_demo_fills_an_empty_database_once(empty_db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", empty_db_url, "demo", "--until", "2026-11-20"]) == 0
    assert "demo data loaded: 8 suppliers, 48 products, 60 households, 53 linkages, 1517 sales, 36 refunds" in (
        capsys.readouterr().out
    )
    db = open_database(empty_db_url)
    with db.read_session() as session:
        for supplier in session.scalars(select(Supplier)):
            check_uscc(supplier.uscc)
        for product in session.scalars(select(Product)):
            assert product.barcode is not None
            check_ean(product.barcode)
        for household in session.scalars(select(Household)):
            assert household.id_number is not None
            check_resident_id(household.id_number)
        months = session.execute(select(Sale.sold_at)).scalars().all()
        assert {(m + dt.timedelta(hours=8)).strftime("%Y-%m") for m in months} == {"2026-09", "2026-10", "2026-11"}
        channels = set(session.scalars(select(Sale.channel).distinct()))
        assert channels == {"counter", "cooperative", "bulk", "online"}
        lines = session.execute(select(SaleLine, Sale.sold_at).join(Sale)).all()
        assert all(
            effective_status(line.product, (at + dt.timedelta(hours=8)).date()) == "active" for line, at in lines
        )
        statuses = {display_status(p, dt.date(2026, 11, 20)) for p in session.scalars(select(Product))}
        assert statuses == {"active", "expiring", "expired", "suspended", "revoked", "pending"}
        fingerprint = (len(months), int(session.scalar(select(func.sum(Sale.total_fen))) or 0))
    db.dispose()
    assert fingerprint == (1517, 39_433_916)  # deterministic: same seed and date, same data on every backend

    assert main(["--db", empty_db_url, "demo"]) == 2
    assert "not empty" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [["export", "sales", "x.csv"]],
)
def test_commands_of_later_versions_say_so(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "a.db"), *command]) == 2
    assert "not available in this version yet" in capsys.readouterr().err


def test_bad_usage_exits_2_without_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "monthly", "--month", "2026-06", "--format", "doc", "--out", "x"]) == 2
    assert main(["demo", "--until", "2026-13-01"]) == 2
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "invalid choice: 'doc'" in err
    assert "not a real date YYYY-MM-DD: 2026-13-01" in err


def test_bad_database_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "demo"]) == 2
    assert "cannot open database PostgreSQL 127.0.0.1:1/none" in capsys.readouterr().err


def test_unexpected_failure_exits_1_and_logs_the_details(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("core.logs.log_dir", lambda: tmp_path / "logs")

    def broken(_session: object, _actor: object, _until: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("cli.demo.load_demo", broken)
    assert main(["--db", str(tmp_path / "b.db"), "demo"]) == 1
    err = capsys.readouterr().err
    assert "unexpected failure" in err
    assert "Traceback" not in err
    assert "disk on fire" in (tmp_path / "logs" / "bangfu.log").read_text(encoding="utf-8")


def test_messages_follow_the_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_language("zh")
    assert main(["--db", str(tmp_path / "c.db"), "import", "sales", "x.csv"]) == 2
    assert "错误: 找不到文件" in capsys.readouterr().err
    assert main(["--lang", "en", "--db", str(tmp_path / "c.db"), "import", "sales", "x.csv"]) == 2
    assert "error: file not found" in capsys.readouterr().err


def test_main_py_runs_as_a_script_with_help() -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    for command in ("gui", "import", "export", "report", "attribution", "labels", "demo"):
        assert command in result.stdout


def test_import_and_export_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "i.db")
    samples = ROOT / "tests" / "data" / "samples"
    for kind in ("suppliers", "products", "households", "linkages"):
        assert main(["--db", db, "import", kind, str(samples / f"{kind}.csv")]) == 0
    out = capsys.readouterr().out
    assert "suppliers: 3 added, 0 skipped" in out
    assert "linkages: 6 added, 0 skipped" in out
    assert main(["--db", db, "export", "households", str(tmp_path / "h.xlsx")]) == 0
    assert "households: 6 rows written" in capsys.readouterr().out

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "code,head_name,region_code,members,status\nH1,王,411224,2,poor\nH2,李,999999,x,rich\n", encoding="utf-8"
    )
    assert main(["--db", db, "import", "households", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.csv: nothing was imported, 3 problem(s) found:" in err
    assert "line 3, region_code: 99 is not a province code: 999999" in err
    assert "line 3, status: must be one of poor, lifted, monitored: rich" in err
    assert main(["--db", db, "export", "households", str(tmp_path / "h.csv")]) == 0
    assert "H1" not in (tmp_path / "h.csv").read_text(encoding="utf-8-sig")  # nothing of the bad file was written
    assert main(["--db", db, "import", "households", str(tmp_path / "missing.csv")]) == 2
    assert "file not found" in capsys.readouterr().err


def test_main_py_leaves_without_teardown_but_with_its_status_and_output(tmp_path: Path) -> None:
    """main.py ends the process without the interpreter's teardown (issue 18): what a command
    printed still arrives whole through a pipe, and the exit status is the command's."""
    db = str(tmp_path / "t.db")
    open_database(db).dispose()
    script = [sys.executable, "main.py", "--lang", "en", "--db", db]
    report, refused = (
        subprocess.run(
            [*script, "report", "monthly", "--month", month, "--format", "json", "--out", "-"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        for month in ("2026-10", "2026-13")
    )
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout)["month"] == "2026-10"
    assert refused.returncode == 2
    assert "2026-13" in refused.stderr
    assert "Traceback" not in refused.stderr
