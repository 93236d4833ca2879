"""Registry import and export (SPEC §7): encodings, XLSX, all-or-nothing, idempotency, round trips."""

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog.exporting import export_registry
from catalog.importing import ImportFailed, import_file
from catalog.kinds import registry_kinds
from core.errors import BangfuError
from core.models import Household, Linkage, Product, Supplier
from core.tasks import Cancelled, CancelToken
from tests.factories import ADMIN
from tests.files import REGISTRY, SAMPLES, sample_rows, write_csv, write_xlsx


def load(session: Session, kind: str, path: Path):  # type: ignore[no-untyped-def]
    return import_file(session, ADMIN, registry_kinds()[kind], path)


def load_samples(session: Session) -> None:
    for kind in REGISTRY:
        load(session, kind, SAMPLES / f"{kind}.csv")


def failure(session: Session, kind: str, path: Path) -> list[tuple[int, str, str]]:
    """Import expected to fail: the (line, column, reason) list, and nothing was written."""
    nested = session.begin_nested()
    with pytest.raises(ImportFailed) as caught:
        load(session, kind, path)
    nested.rollback()
    return [(e.line, e.column, e.reason) for e in caught.value.errors]


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_samples_import_in_their_encodings_and_again_as_skips(session: Session) -> None:
    # suppliers.csv is GB18030, households.csv UTF-8 with BOM, the rest plain UTF-8
    results = [load(session, kind, SAMPLES / f"{kind}.csv") for kind in REGISTRY]
    assert [(r.added, r.skipped) for r in results] == [(3, 0), (5, 0), (6, 0), (6, 0)]
    supplier = session.scalars(select(Supplier).where(Supplier.uscc == "934112240000050101")).one()
    assert (supplier.name, supplier.benefit_rate_bp) == ("卢氏县香菇专业合作社", 1000)
    product = session.scalars(select(Product).where(Product.code == "XG500")).one()
    assert (product.price_fen, product.net_weight_g, product.cert_status) == (6800, 500, "active")
    again = [load(session, kind, SAMPLES / f"{kind}.csv") for kind in REGISTRY]
    assert [(r.added, r.skipped) for r in again] == [(0, 3), (0, 5), (0, 6), (0, 6)]


@pytest.mark.parametrize("kind", REGISTRY)
@pytest.mark.parametrize("form", ["utf-8", "utf-8-sig", "gb18030", "xlsx"])
def test_every_kind_reads_in_every_encoding_and_xlsx(session: Session, tmp_path: Path, kind: str, form: str) -> None:
    for earlier in REGISTRY[: REGISTRY.index(kind)]:
        load(session, earlier, SAMPLES / f"{earlier}.csv")
    rows = sample_rows(kind)
    path = (
        write_xlsx(tmp_path / f"{kind}.xlsx", rows)
        if form == "xlsx"
        else write_csv(tmp_path / f"{kind}.csv", rows, form)
    )
    result = load(session, kind, path)
    assert (result.added, result.skipped) == (len(rows) - 1, 0)
    assert load(session, kind, SAMPLES / f"{kind}.csv").skipped == len(rows) - 1  # same content as the CSV


def test_chinese_headers_in_any_order_with_extra_columns(session: Session, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "s.csv",
        [
            ["备注", "名称", " 统一社会信用代码 ", "带贫比例", "类型", "行政区划代码"],
            ["x", "兰考县蜜瓜合作社", "91310115ma1k3btp2b", "12.5%", "合作社", "410225"],
        ],
    )
    assert load(session, "suppliers", path).added == 1
    supplier = session.scalars(select(Supplier)).one()
    assert (supplier.uscc, supplier.kind, supplier.benefit_rate_bp, supplier.contact_phone) == (
        "91310115MA1K3BTP2B",
        "cooperative",
        1250,
        None,
    )


def test_every_bad_row_is_reported_and_nothing_is_written(session: Session, tmp_path: Path) -> None:
    load(session, "suppliers", SAMPLES / "suppliers.csv")
    header, good = sample_rows("products")[0], sample_rows("products")[1]
    col = {name: i for i, name in enumerate(header)}

    def variant(code: str, **changes: str) -> list[str]:
        row = list(good)
        row[col["code"]], row[col["cert_no"]] = code, f"C-{code}"
        for name, value in changes.items():
            row[col[name]] = value
        return row

    rows = [
        header,
        variant("A1", price="12.345"),
        variant("A2", price="-1"),
        variant("A3", barcode="6900000009018"),
        variant("A4", supplier_uscc="91110000600037341N"),
        variant("A5", supplier_uscc="91110000600037341L"),
        variant("A6", valid_until="2026-02-30"),
        variant("A7", cert_level="city"),
        variant("A8", unit="袋", name=""),
        variant("A9"),  # good: still not written
    ]
    errors = failure(session, "products", write_csv(tmp_path / "p.csv", rows))
    assert errors == [
        (2, "price", "amount must be exact to the fen (0.01): 12.345"),
        (3, "price", "must not be negative: -1"),
        (4, "barcode", "check digit is wrong: 6900000009018"),
        (5, "supplier_uscc", "check character is wrong: 91110000600037341N"),
        (6, "supplier_uscc", "unknown supplier 91110000600037341L: import suppliers first"),
        (7, "valid_until", "not a real date YYYY-MM-DD: 2026-02-30"),
        (8, "cert_level", "must be one of national, provincial, municipal, county: city"),
        (9, "name", "required, but empty"),
    ]
    assert count(session, Product) == 0


def test_bad_identifiers_in_suppliers_and_households(session: Session, tmp_path: Path) -> None:
    suppliers = [sample_rows("suppliers")[0], ["91110000600037341N", "某公司", "enterprise", "110000", "5", ""]]
    assert failure(session, "suppliers", write_csv(tmp_path / "s.csv", suppliers)) == [
        (2, "uscc", "check character is wrong: 91110000600037341N")
    ]
    households = [
        ["code", "head_name", "region_code", "id_number", "members", "status"],
        ["H1", "王", "411224", "36042619910102009X", "3", "poor"],
        ["H2", "李", "411224", "360426199113010079", "0", "poor"],
    ]
    assert failure(session, "households", write_csv(tmp_path / "h.csv", households)) == [
        (2, "id_number", "check character is wrong: 36042619910102009X"),
        (3, "id_number", "birth date is not a real date: 360426199113010079"),
        (3, "members", "must be between 1 and 99: 0"),
    ]


def test_same_key_with_different_content_is_an_error(session: Session, tmp_path: Path) -> None:
    load_samples(session)
    rows = sample_rows("products")
    rows[1][rows[0].index("price")] = "69.00"
    errors = failure(session, "products", write_csv(tmp_path / "p.csv", rows))
    assert errors == [(2, "price", "XG500 already exists with different content: ¥68.00 ≠ ¥69.00")]
    # A price written another way is the same content.
    rows = sample_rows("products")
    rows[1][rows[0].index("price")] = "68"
    assert load(session, "products", write_csv(tmp_path / "p2.csv", rows)).skipped == 5


def test_duplicate_rows_inside_one_file(session: Session, tmp_path: Path) -> None:
    rows = sample_rows("suppliers")
    same = [*rows, rows[1]]
    assert (
        load(session, "suppliers", write_csv(tmp_path / "a.csv", same, "gb18030")).added,
        count(session, Supplier),
    ) == (3, 3)
    other = [*sample_rows("suppliers"), [*rows[1][:1], "另一个名字", *rows[1][2:]]]
    errors = failure(session, "suppliers", write_csv(tmp_path / "b.csv", other))
    assert errors[0][:2] == (5, "name")


def test_linkages_may_not_overlap(session: Session, tmp_path: Path) -> None:
    load_samples(session)
    header = sample_rows("linkages")[0]
    rows = [
        header,
        ["934112240000050101", "LS001", "3", "dividend", "2026-06", ""],  # overlaps 2026-01…
        ["91410184000005020K", "LS004", "1", "land", "2027-01", "2027-06"],  # after 2026-12: fine
        ["91410184000005020K", "LS004", "2", "land", "2027-06", ""],  # overlaps the row above
        ["934112240000050101", "LS009", "1", "dividend", "2026-01", ""],  # unknown household
        ["934112240000050101", "LS006", "1", "dividend", "2026-05", "2026-04"],
    ]
    errors = failure(session, "linkages", write_csv(tmp_path / "l.csv", rows))
    assert errors == [
        (2, "start_month", "overlaps the linkage 2026-01 – … of the same supplier and household"),
        (4, "start_month", "overlaps the linkage 2027-01 – 2027-06 of the same supplier and household"),
        (5, "household_code", "unknown household LS009: import households first"),
        (6, "end_month", "is before start_month 2026-05"),
    ]
    assert count(session, Linkage) == 6


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\r\n\r\n", "is empty"),
        (b"uscc,name,kind,region_code,benefit_rate\r\n", "has a header but no rows"),
        ("uscc,name\r\n".encode("utf-16"), "neither UTF-8 nor GB18030"),
        (b"uscc,name\r\n\xff\xfe\x80,x\r\n", "neither UTF-8 nor GB18030"),
    ],
)
def test_unreadable_files_get_a_clear_message(session: Session, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes(content)
    with pytest.raises(BangfuError, match=message):
        load(session, "suppliers", path)


def test_missing_required_columns_are_named(session: Session, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "s.csv", [["uscc", "name", "region_code"], ["91110000600037341L", "x", "110000"]])
    assert failure(session, "suppliers", path) == [
        (1, "kind", "required column is missing"),
        (1, "benefit_rate", "required column is missing"),
    ]


def test_a_large_file_with_one_bad_row_at_the_end_writes_nothing(session: Session, tmp_path: Path) -> None:
    rows = [["code", "head_name", "region_code", "members", "status"]]
    rows += [[f"H{n:06d}", "王建国", "411224", "3", "poor"] for n in range(5000)]
    rows.append(["H999999", "李", "411224", "three", "poor"])
    assert failure(session, "households", write_csv(tmp_path / "h.csv", rows)) == [
        (5002, "members", "not a whole number: three")
    ]
    assert count(session, Household) == 0


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_round_trips(session: Session, tmp_path: Path, suffix: str) -> None:
    load_samples(session)
    session.add(
        Supplier(
            uscc="91110000600037341L", name="=HYPERLINK(1)", kind="other", region_code="110000", benefit_rate_bp=1234
        )
    )
    session.flush()
    files = {kind: tmp_path / f"{kind}{suffix}" for kind in REGISTRY}
    for kind, path in files.items():
        export_registry(session, ADMIN, kind, path, clear_ids=True)
    if suffix == ".csv":
        assert "'=HYPERLINK(1)" in files["suppliers"].read_text(encoding="utf-8-sig")  # never a formula
    for kind, path in files.items():
        result = load(session, kind, path)
        assert result.added == 0, kind  # the same content: everything is recognised and skipped


def test_export_masks_names_and_id_numbers_and_masked_files_reimport(session: Session, tmp_path: Path) -> None:
    load_samples(session)
    path = tmp_path / "h.csv"
    export_registry(session, ADMIN, "households", path)
    text = path.read_text(encoding="utf-8-sig")
    assert "LS001,王*国,411224********0016," in text
    assert "411224197101110016" not in text
    assert "王建国" not in text
    assert load(session, "households", path).skipped == 6
    header = sample_rows("households")[0]
    fresh = write_csv(tmp_path / "new.csv", [header, ["N1", "王", "411224", "411224********0016", "3", "poor"]])
    assert failure(session, "households", fresh) == [
        (2, "id_number", "is masked: give the full ID number or leave it empty")
    ]
    fresh = write_csv(tmp_path / "new.csv", [header, ["N1", "王*", "411224", "", "3", "poor"]])
    assert failure(session, "households", fresh) == [(2, "head_name", "is masked: give the full name")]
    changed = write_csv(tmp_path / "changed.csv", [header, ["LS001", "李*国", "411224", "", "3", "poor"]])
    assert [row[1] for row in failure(session, "households", changed)] == ["head_name"]  # not the stored name


def test_cancelling_an_import_writes_nothing(session: Session, tmp_path: Path) -> None:
    rows = [["code", "head_name", "region_code", "members", "status"]]
    rows += [[f"H{n:05d}", "王", "411224", "2", "poor"] for n in range(2500)]
    token = CancelToken()
    seen = []

    def progress(read: int) -> None:
        seen.append(read)
        token.cancel()
        token.check()

    nested = session.begin_nested()
    with pytest.raises(Cancelled):
        import_file(session, ADMIN, registry_kinds()["households"], write_csv(tmp_path / "h.csv", rows), progress)
    nested.rollback()
    assert seen == [1000]
    assert count(session, Household) == 0


def test_exports_escape_formulas_but_not_plain_negative_numbers() -> None:
    from core.tabular import escape_formula, unescape_formula

    assert [escape_formula(t) for t in ("-4", "-1.500", "-1+cmd|' /C calc'!A0", "=1", "@SUM(A1)")] == [
        "-4", "-1.500", "'-1+cmd|' /C calc'!A0", "'=1", "'@SUM(A1)",
    ]  # fmt: skip
    assert unescape_formula(escape_formula("-2+3")) == "-2+3"
