"""Files a user chose that are wrong in every way a file can be (issue 12): each gets a message
that names the file, line and field, exit status 2, nothing written, and bounded work."""

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from catalog.importing import import_file
from catalog.kinds import registry_kinds
from cli.main import main
from core.db import Database, open_database
from core.models import AuditEvent, Household, Linkage, Product, Sale, Supplier
from orders.sales_import import sales_kind
from tests.factories import ADMIN
from tests.files import SAMPLES, sample_rows, write_csv, write_xlsx


@pytest.fixture
def db(empty_db_url: str) -> Iterator[Database]:
    """A database holding the sample registry (suppliers, products, households)."""
    database = open_database(empty_db_url)
    with database.session() as session, session.begin():
        for kind in ("suppliers", "products", "households"):
            import_file(session, ADMIN, registry_kinds()[kind], SAMPLES / f"{kind}.csv")
    yield database
    database.dispose()


def _fingerprint(db: Database) -> tuple[int, ...]:
    with db.read_session() as session:
        return tuple(
            int(session.scalar(select(func.count()).select_from(m)) or 0)
            for m in (Supplier, Product, Household, Linkage, Sale, AuditEvent)
        )


def refused(db: Database, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run a command that must be refused: exit 2, a message, no traceback, nothing written."""
    before = _fingerprint(db)
    status = main(["--db", db.url.render_as_string(hide_password=False), *args])
    err = capsys.readouterr().err
    assert status == 2, err
    assert "Traceback" not in err
    assert "unexpected failure" not in err
    assert _fingerprint(db) == before
    return err


def _rows(kind: str, **changes: str) -> list[list[str]]:
    """The sample file of ``kind`` with cells of its first data row replaced."""
    rows = sample_rows(kind)
    for column, value in changes.items():
        rows[1][rows[0].index(column)] = value
    return rows


NEW = {  # cells that make the first sample row a new record of its kind
    "suppliers": {"uscc": "91110000600037341L"},
    "products": {"code": "NEW1", "cert_no": "NEW-CERT", "barcode": ""},
    "households": {"code": "NEW1", "id_number": ""},
}


def _set_dimension(path: Path, ref: str) -> Path:
    """Rewrite the sheet's stored range (<dimension ref=…>) as another program might write it."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), parts[sheet])
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def test_an_xlsx_whose_stored_range_is_too_small_imports_every_row(db: Database, tmp_path: Path) -> None:
    rows = sample_rows("linkages")[:4]
    path = _set_dimension(write_xlsx(tmp_path / "linkages.xlsx", rows), "A1:F2")
    with db.session() as session, session.begin():
        result = import_file(session, ADMIN, registry_kinds()["linkages"], path)
    assert result.added == 3


def test_an_xlsx_claiming_the_whole_sheet_is_read_as_what_it_holds(db: Database, tmp_path: Path) -> None:
    path = _set_dimension(write_xlsx(tmp_path / "linkages.xlsx", sample_rows("linkages")[:3]), "A1:XFD1048576")
    with db.session() as session, session.begin():
        assert import_file(session, ADMIN, registry_kinds()["linkages"], path).added == 2


def test_broken_xlsx_sheets(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", sample_rows("linkages"))
    with zipfile.ZipFile(good) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    broken = dict(parts, **{"xl/worksheets/sheet1.xml": parts["xl/worksheets/sheet1.xml"][:-40]})
    missing = {k: v for k, v in parts.items() if k != "xl/worksheets/sheet1.xml"}
    for name, content in (("broken.xlsx", broken), ("missing.xlsx", missing)):
        with zipfile.ZipFile(tmp_path / name, "w") as target:
            for part, data in content.items():
                target.writestr(part, data)
        assert name in refused(db, capsys, "import", "linkages", str(tmp_path / name))


def test_undecodable_and_unreadable_csv_name_file_and_line(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bom_then_bad = tmp_path / "bom.csv"
    bom_then_bad.write_bytes(b"\xef\xbb\xbfcode,head_name\nLS9,\xff\xfe\n")
    assert "bom.csv, line 2" in refused(db, capsys, "import", "households", str(bom_then_bad))
    huge_cell = write_csv(tmp_path / "huge.csv", _rows("households", head_name="王" * 140_000))
    assert "huge.csv, line 2" in refused(db, capsys, "import", "households", str(huge_cell))


@pytest.mark.parametrize(
    ("kind", "column", "value", "reason"),
    [
        ("products", "price", "12345678901234567890", "too large"),
        ("products", "price", "9" * 5000, "too large"),
        ("products", "net_weight_kg", "12345678901234567890", "too large"),
        ("households", "members", "12345678901234567890", "between 1 and 99"),
        ("households", "members", "100", "between 1 and 99"),
        ("households", "members", "٣", "not a whole number"),
        ("suppliers", "benefit_rate", "1" * 5000, "too large"),
        ("products", "certified_on", "2026-02-03T25:00", "not a real date"),
        ("products", "valid_until", "0001-01-01", "between 1900 and 2100"),
    ],
)
def test_values_out_of_range_are_named(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, column: str, value: str, reason: str
) -> None:
    rows = _rows(kind, **{**NEW[kind], column: value})
    err = refused(db, capsys, "import", kind, str(write_csv(tmp_path / f"{kind}.csv", rows)))
    assert f"line 2, {column}: " in err
    assert reason in err


def test_sales_quantities_and_dates_out_of_range(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for column, value, reason in (
        ("quantity", "12345678901234567890", "too large"),
        ("sold_at", "0001-06-03T09:12:00+08:00", "between 1900 and 2100"),
        ("sold_at", "9999-12-31T23:59:59-12:00", "between 1900 and 2100"),
    ):
        path = write_csv(tmp_path / "sales.csv", _rows("sales", **{column: value}))
        assert reason in refused(db, capsys, "import", "sales", str(path))


def test_linkage_months_out_of_range(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "linkages.csv", _rows("linkages", start_month="0000-01"))
    assert "line 2, start_month" in refused(db, capsys, "import", "linkages", str(path))


def test_full_width_digits_are_read_as_digits(db: Database, tmp_path: Path) -> None:
    rows = _rows("products", code="FW1", price="１２.５", barcode="", cert_no="FW-CERT")
    with db.session() as session, session.begin():
        import_file(session, ADMIN, registry_kinds()["products"], write_csv(tmp_path / "p.csv", rows))
        assert session.scalar(select(Product.price_fen).where(Product.code == "FW1")) == 1250


def test_a_barcode_or_id_number_belongs_to_one_record(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    taken = sample_rows("products")[1][sample_rows("products")[0].index("barcode")]
    rows = _rows("products", code="NEW1", cert_no="NEW-CERT", barcode=taken)
    err = refused(db, capsys, "import", "products", str(write_csv(tmp_path / "p.csv", rows)))
    assert f"line 2, barcode: {taken} is already the barcode of product XG500" in err
    id_number = sample_rows("households")[1][sample_rows("households")[0].index("id_number")]
    rows = _rows("households", code="NEW1", id_number=id_number)
    err = refused(db, capsys, "import", "households", str(write_csv(tmp_path / "h.csv", rows)))
    assert "line 2, id_number: this ID number is already that of household LS001" in err
    assert id_number not in err  # the message itself never repeats the number


def test_a_column_named_twice_is_refused(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [[*row, row[1]] for row in sample_rows("households")]
    rows[0][-1] = "户主姓名"  # head_name twice: in English and in Chinese
    err = refused(db, capsys, "import", "households", str(write_csv(tmp_path / "h.csv", rows)))
    assert "line 1, head_name: the header names this column more than once: B head_name, G 户主姓名" in err


def test_a_file_wrong_throughout_stops_at_a_thousand_problems(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = sample_rows("households")[0]
    rows = [header, *([f"B{i}", "王", "411224", "", "0", "poor"] for i in range(5000))]
    err = refused(db, capsys, "import", "households", str(write_csv(tmp_path / "h.csv", rows)))
    assert "nothing was imported, 1000 problem(s) found" in err
    assert "stopped reading after line 1001" in err


@pytest.mark.parametrize(
    "args",
    [
        ["report", "monthly", "--month", "9999-12", "--format", "json", "--out", "-"],
        ["attribution", "--month", "0000-01", "--format", "json", "--out", "-"],
        ["quotas", "--year", "0"],
        ["quotas", "--year", "2026", "--below", "nan"],
        ["labels", "--product", "XG500", "--shelf-days", "99999999", "--out", "labels.pdf"],
        ["labels", "--product", "XG500", "--count", "100000000", "--out", "labels.pdf"],
        ["labels", "--product", "XG500", "--produced", "0001-01-01", "--out", "labels.pdf"],
        ["statement", "--household", "LS001", "--period", "0000", "--out", "s.pdf"],
    ],
)
def test_arguments_out_of_range(db: Database, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    refused(db, capsys, *args)


def test_a_database_url_nobody_can_open(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "bogus://x", "report", "monthly", "--month", "2026-06", "--format", "json", "--out", "-"]) == 2
    assert "cannot open database bogus://x" in capsys.readouterr().err


def test_a_backup_onto_a_folder_is_refused_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(str(tmp_path / "bangfu.db")).dispose()
    folder = tmp_path / "backups"
    folder.mkdir()
    assert main(["--db", str(tmp_path / "bangfu.db"), "backup", str(folder)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_names_with_markup_are_printed_as_typed(db: Database, tmp_path: Path) -> None:
    import pdfplumber

    from catalog.registry import save_household

    with db.session() as session, session.begin():
        for kind in ("linkages", "sales"):
            kinds = {"sales": sales_kind(session, ADMIN), **registry_kinds()}
            import_file(session, ADMIN, kinds[kind], SAMPLES / f"{kind}.csv")
        form = dict(zip(*sample_rows("households")[:2], strict=True))
        household_id = session.scalar(select(Household.id).where(Household.code == "LS001"))
        save_household(session, ADMIN, {**form, "head_name": "<b>王&"}, household_id)
    for args in (["statement", "--household", "LS001", "--period", "2026-06"], ["notice", "--region", "411224"]):
        out = tmp_path / "out.pdf"
        extra = ["--month", "2026-06"] if args[0] == "notice" else []
        assert main(["--db", db.url.render_as_string(hide_password=False), *args, *extra, "--out", str(out)]) == 0
        with pdfplumber.open(out) as pdf:
            text = pdf.pages[0].extract_text()
        assert ("<b>王&" if args[0] == "statement" else "<***&") in text


@pytest.mark.parametrize(
    ("out", "reason"),
    [("missing/report.json", "does not exist"), (".", "is a folder"), ("/proc/report.csv", "cannot write")],
)
def test_an_output_that_cannot_be_written(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], out: str,
    reason: str,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    for args in (["report", "monthly", "--month", "2026-06", "--format", "pdf"], ["attribution", "--month", "2026-06",
                 "--format", "csv"]):  # fmt: skip
        assert reason in refused(db, capsys, *args, "--out", out)


def test_reading_commands_never_create_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "typo.db"
    for args in (
        ["report", "monthly", "--month", "2026-06", "--format", "json", "--out", "-"],
        ["attribution", "--month", "2026-06", "--format", "json", "--out", "-"],
        ["export", "households", str(tmp_path / "h.csv")],
        ["quotas", "--year", "2026"],
        ["audit", "verify"],
    ):
        assert main(["--db", str(missing), *args]) == 2
        assert "there is no database at" in capsys.readouterr().err
    assert not missing.exists()


def test_argparse_speaks_chinese_and_month_13_does_not_exist(capsys: pytest.CaptureFixture[str]) -> None:
    from core.i18n import set_language

    set_language("zh")
    assert main(["report", "monthly", "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert "用法：" in err
    assert "缺少必需的参数：--month, --out" in err
    set_language("en")
    assert main(["report", "monthly", "--month", "2026-13", "--format", "json", "--out", "-"]) == 2
    assert "there is no month 13" in capsys.readouterr().err
