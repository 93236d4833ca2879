"""Sales import and the monthly figures (SPEC §2, §5, §6, §7, §9) on SQLite and PostgreSQL."""

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.importing import ImportFailed, import_file
from cli.main import main
from core.models import Refund, RefundLine, Sale, SaleLine
from orders.monthly import attribution_report, household_statement, monthly_summary
from orders.sales_import import sales_kind
from tests.factories import ADMIN
from tests.files import SAMPLES, write_csv
from tests.test_catalog_import import load_samples

HEADER = [
    "sale_ref",
    "sold_at",
    "channel",
    "counter_code",
    "customer_org",
    "product_code",
    "quantity",
    "unit_price",
    "kind",
    "refund_of",
]
EXPECTED_SUMMARY = json.loads((SAMPLES / "expected-summary-2026-06.json").read_text(encoding="utf-8"))
EXPECTED_ATTRIBUTION = json.loads((SAMPLES / "expected-attribution-2026-06.json").read_text(encoding="utf-8"))


def sales(session: Session, path: Path):  # type: ignore[no-untyped-def]
    return import_file(session, ADMIN, sales_kind(session, ADMIN), path)


def rows_file(tmp_path: Path, rows: list[list[str]], name: str = "s.csv") -> Path:
    return write_csv(tmp_path / name, [HEADER, *rows])


def sale(ref: str, at: str, product: str, qty: str, channel: str = "online", **kw: str) -> list[str]:
    values = {"counter_code": "", "customer_org": "", "unit_price": "", "kind": "sale", "refund_of": "", **kw}
    return [
        ref,
        at,
        channel,
        values["counter_code"],
        values["customer_org"],
        product,
        qty,
        values["unit_price"],
        values["kind"],
        values["refund_of"],
    ]


def refund(ref: str, at: str, product: str, qty: str, of: str) -> list[str]:
    return [ref, at, "", "", "", product, qty, "", "refund", of]


@pytest.fixture
def registry(session: Session) -> Session:
    load_samples(session)
    return session


def test_samples_give_the_expected_june_figures(registry: Session) -> None:
    result = sales(registry, SAMPLES / "sales.csv")
    assert (result.added, result.skipped) == (8, 0)
    assert monthly_summary(registry, ADMIN, "2026-06").to_json() == EXPECTED_SUMMARY
    assert attribution_report(registry, ADMIN, "2026-06").to_json() == EXPECTED_ATTRIBUTION
    again = sales(registry, SAMPLES / "sales.csv")
    assert (again.added, again.skipped) == (0, 8)
    assert monthly_summary(registry, ADMIN, "2026-06").to_json() == EXPECTED_SUMMARY


def test_month_boundaries_in_the_business_zone(registry: Session, tmp_path: Path) -> None:
    rows = [
        sale("A", "2026-10-31T23:30:00+08:00", "LX-KG", "1"),  # October in Shanghai
        sale("B", "2026-10-31T15:59:59Z", "LX-KG", "1"),  # still October there
        sale("C", "2026-10-31T16:00:00Z", "LX-KG", "1"),  # November 1st, 00:00 in Shanghai
        sale("D", "2026-10-31T16:30:00Z", "LX-KG", "1"),
    ]
    sales(registry, rows_file(tmp_path, rows))
    assert monthly_summary(registry, ADMIN, "2026-10").sales_count == 2
    assert monthly_summary(registry, ADMIN, "2026-11").sales_count == 2
    assert monthly_summary(registry, ADMIN, "2026-10").gross_fen == 2 * 5600


def test_line_amounts_round_half_up_and_refunds_are_cumulative(registry: Session, tmp_path: Path) -> None:
    rows = [
        sale("S1", "2026-06-01T10:00:00+08:00", "LX-KG", "3", unit_price="12.35"),
        refund("R1", "2026-06-02T10:00:00+08:00", "LX-KG", "1.235", "S1"),
        refund("R2", "2026-06-03T10:00:00+08:00", "LX-KG", "1.765", "S1"),
    ]
    sales(registry, rows_file(tmp_path, rows))
    amounts = dict(registry.execute(select(Refund.ref, Refund.total_fen)).all())
    # 1235 × 1.235 = 1525.225 → 1525; then 1235 × 3 − 1525 = 2180: never more than the line (3705)
    assert amounts == {"R1": 1525, "R2": 2180}
    assert monthly_summary(registry, ADMIN, "2026-06").net_fen == 0


def test_negative_pool_in_the_month_of_the_refund(registry: Session, tmp_path: Path) -> None:
    rows = [
        sale("S1", "2026-05-20T10:00:00+08:00", "XG500", "10"),
        refund("R1", "2026-06-02T10:00:00+08:00", "XG500", "4", "S1"),
    ]
    sales(registry, rows_file(tmp_path, rows))
    june = monthly_summary(registry, ADMIN, "2026-06").to_json()
    assert june["net_fen"] == -27200
    assert june["by_channel"]["online"] == -27200  # under the original sale's channel
    supplier = june["by_supplier"][0]
    assert (supplier["pool_fen"], supplier["attributed_fen"]) == (-2720, -2720)
    assert june["households_benefited"] == 0
    households = attribution_report(registry, ADMIN, "2026-06").to_json()["households"]
    assert [(h["code"], h["attributed_fen"]) for h in households] == [
        ("LS001", -1360),
        ("LS002", -680),
        ("LS003", -680),
    ]


def test_pools_round_half_up_and_linkages_follow_their_months(registry: Session, tmp_path: Path) -> None:
    rows = [
        sale("S1", "2026-04-10T10:00:00+08:00", "XG-BULK", "0.505", unit_price="0.10"),  # 5 fen × 10 % = 0.5 → 1
        sale("S2", "2027-01-10T10:00:00+08:00", "HZ1000", "1"),  # LS004's linkage ended 2026-12
    ]
    sales(registry, rows_file(tmp_path, rows))
    april = monthly_summary(registry, ADMIN, "2026-04")
    assert [(s.net_fen, s.pool_fen) for s in april.suppliers] == [(5, 1)]
    # in April LS003's linkage (from 2026-05) is not active: 1 fen to LS001 (weight 2) of LS001:LS002
    assert attribution_report(registry, ADMIN, "2026-04").households == {"LS001": {"934112240000050101": 1}}
    january = attribution_report(registry, ADMIN, "2027-01").to_json()
    assert [h["code"] for h in january["households"]] == ["LS005"]
    assert january["households"][0]["attributed_fen"] == 250  # 4550 × 5.5 % = 250.25 → 250, all to LS005


def test_unattributed_lists_suppliers_without_linkage_even_with_a_zero_pool(registry: Session, tmp_path: Path) -> None:
    rows = [
        sale("S1", "2026-06-05T10:00:00+08:00", "LX-KG", "1"),
        refund("R1", "2026-06-06T10:00:00+08:00", "LX-KG", "1", "S1"),
    ]
    sales(registry, rows_file(tmp_path, rows))
    report = attribution_report(registry, ADMIN, "2026-06").to_json()
    assert report["unattributed"] == [{"uscc": "93421081000005030E", "pool_fen": 0}]
    assert report["households"] == []


def test_certificates_flag_lines_outside_their_validity(registry: Session, tmp_path: Path) -> None:
    rows = [
        sale("S1", "2026-06-15T23:59:00+08:00", "HZ-GIFT", "1"),  # last valid day
        sale("S2", "2026-06-15T16:00:00Z", "HZ-GIFT", "1"),  # 2026-06-16 00:00 in Shanghai: expired
        sale("S3", "2025-02-28T12:00:00+08:00", "HZ1000", "1"),  # before certified_on 2025-03-01
        sale("S4", "2025-02-01T12:00:00+08:00", "HZ-GIFT", "2"),  # pending too
    ]
    sales(registry, rows_file(tmp_path, rows))
    assert monthly_summary(registry, ADMIN, "2026-06").uncertified_lines == 1
    assert monthly_summary(registry, ADMIN, "2025-02").uncertified_lines == 2


def test_rows_of_a_sale_may_be_apart_and_a_refund_may_come_first(registry: Session, tmp_path: Path) -> None:
    rows = [refund("R1", "2026-06-09T10:00:00+08:00", "XG500", "1", "S1")]
    rows += [
        sale("S1", "2026-06-08T10:00:00+08:00", "XG500", "2"),
        sale("S2", "2026-06-08T11:00:00+08:00", "LX-KG", "1"),
    ]
    rows += [sale("S1", "2026-06-08T02:00:00Z", "HZ1000", "1")]  # the same instant written in UTC
    result = sales(registry, rows_file(tmp_path, rows))
    assert (result.added, result.skipped) == (3, 0)
    totals = dict(registry.execute(select(Sale.ref, Sale.total_fen)).all())
    assert totals == {"S1": 2 * 6800 + 4550, "S2": 5600}
    assert registry.scalar(select(RefundLine.amount_fen)) == 6800
    assert sales(registry, rows_file(tmp_path, rows, "again.csv")).skipped == 3


BAD = {
    "unknown product": (
        [sale("X1", "2026-06-10T10:00:00+08:00", "NOPE", "1")],
        (2, "product_code", "unknown product NOPE"),
    ),
    "fractional count": ([sale("X1", "2026-06-10T10:00:00+08:00", "XG500", "1.5")], (2, "quantity", "whole numbers")),
    "zero quantity": ([sale("X1", "2026-06-10T10:00:00+08:00", "LX-KG", "0")], (2, "quantity", "greater than 0")),
    "negative quantity": ([sale("X1", "2026-06-10T10:00:00+08:00", "LX-KG", "-1")], (2, "quantity", "negative")),
    "impossible time": (
        [sale("X1", "2026-06-31T10:00:00+08:00", "LX-KG", "1")],
        (2, "sold_at", "not a real date-time"),
    ),
    "refund too much": (
        [refund("X1", "2026-06-25T10:00:00+08:00", "XG500", "36", "BULK-2026-001")],
        (2, "quantity", "only 35 of 40 sold remain"),
    ),
    "refund unknown sale": (
        [refund("X1", "2026-06-25T10:00:00+08:00", "XG500", "1", "NOPE-1")],
        (2, "refund_of", "unknown sale NOPE-1"),
    ),
    "refund of a refund": (
        [refund("X1", "2026-06-25T10:00:00+08:00", "XG500", "1", "RF-0001")],
        (2, "refund_of", "only a sale can be refunded"),
    ),
    "refund before sale": (
        [refund("X1", "2026-06-19T10:00:00+08:00", "XG500", "1", "BULK-2026-001")],
        (2, "sold_at", "before its sale"),
    ),
    "same ref other content": (
        [sale("ONLINE-88", "2026-06-30T16:30:00Z", "LX-KG", "4")],
        (2, "product_code", "already exists with different content"),
    ),
    "rows disagree": (
        [sale("X1", "2026-06-10T10:00:00+08:00", "LX-KG", "1"), sale("X1", "2026-06-10T11:00:00+08:00", "XG500", "1")],
        (3, "sold_at", "differs from line 2"),
    ),
    "counter without code": (
        [sale("X1", "2026-06-10T10:00:00+08:00", "LX-KG", "1", channel="counter")],
        (2, "counter_code", "needs a counter"),
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_each_bad_sales_row_is_reported_and_nothing_changes(registry: Session, tmp_path: Path, case: str) -> None:
    sales(registry, SAMPLES / "sales.csv")
    rows, (line, column, reason) = BAD[case]
    good = sale("FINE-1", "2026-06-11T10:00:00+08:00", "LX-KG", "1")
    nested = registry.begin_nested()
    with pytest.raises(ImportFailed) as caught:
        sales(registry, rows_file(tmp_path, [*rows, good]))
    nested.rollback()
    errors = [(e.line, e.column, e.reason) for e in caught.value.errors]
    assert len(errors) == 1, errors
    assert errors[0][:2] == (line, column)
    assert reason in errors[0][2]
    assert monthly_summary(registry, ADMIN, "2026-06").to_json() == EXPECTED_SUMMARY


def test_household_statement(registry: Session) -> None:
    sales(registry, SAMPLES / "sales.csv")
    lines = household_statement(registry, ADMIN, "LS001", "2026-06")
    assert [(s.uscc, s.mode, s.amount_fen) for s in lines] == [("934112240000050101", "dividend", 13909)]
    assert household_statement(registry, ADMIN, "LS006", "2026-06") == []


def test_command_line_end_to_end(empty_db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for kind in ("suppliers", "products", "households", "linkages", "sales"):
        assert main(["--db", empty_db_url, "import", kind, str(SAMPLES / f"{kind}.csv")]) == 0
    assert "sales: 8 added, 0 skipped" in capsys.readouterr().out
    assert (
        main(["--db", empty_db_url, "report", "monthly", "--month", "2026-06", "--format", "json", "--out", "-"]) == 0
    )
    before = capsys.readouterr().out
    assert json.loads(before) == EXPECTED_SUMMARY
    out = tmp_path / "a.json"
    assert main(["--db", empty_db_url, "attribution", "--month", "2026-06", "--format", "json", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == EXPECTED_ATTRIBUTION
    assert main(["--db", empty_db_url, "attribution", "--month", "2026-06", "--format", "csv", "--out", "-"]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        "month,household_code,supplier_uscc,attributed_fen",
        "2026-06,LS001,934112240000050101,13909",
    ]
    missing = write_csv(
        tmp_path / "m.csv", [HEADER[:-4], ["X1", "2026-06-10T10:00:00+08:00", "online", "", "", "LX-KG"]]
    )
    assert main(["--db", empty_db_url, "import", "sales", str(missing)]) == 2
    assert "line 1, quantity: required column is missing" in capsys.readouterr().err
    assert (
        main(["--db", empty_db_url, "report", "monthly", "--month", "2026-06", "--format", "json", "--out", "-"]) == 0
    )
    assert capsys.readouterr().out == before  # byte-identical: the refused file changed nothing
    assert (
        main(["--db", empty_db_url, "report", "monthly", "--month", "2026-13", "--format", "json", "--out", "-"]) == 2
    )


def test_every_line_carries_its_sales_time_and_channel(registry: Session, tmp_path: Path) -> None:
    sales(registry, SAMPLES / "sales.csv")
    rows = [
        sale("S1", "2026-06-08T10:00:00+08:00", "XG500", "2"),
        sale("S2", "2026-06-08T11:00:00+08:00", "LX-KG", "1"),
    ]
    rows += [sale("S1", "2026-06-08T02:00:00Z", "HZ1000", "1")]
    sales(registry, rows_file(tmp_path, rows))
    pairs = registry.execute(
        select(Sale.sold_at, Sale.channel, SaleLine.sold_at, SaleLine.channel).join(SaleLine)
    ).all()
    assert len(pairs) == 9 + 3  # the sample lines and these three
    assert all(sale_at == line_at and channel == line_channel for sale_at, channel, line_at, line_channel in pairs)
