"""Consignment settlement (SPEC §11), by hand-made cases worked out on paper, and by property."""

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from core.auth import Actor, PermissionDenied
from core.db import open_database
from orders.ledger import LineDraft, PaymentDraft, SaleDraft, record_sale
from orders.refunds import RefundDraft, picked_lines, record_refund
from orders.settlement import payable_of, quantity_3, settlement
from tests import factories
from tests.factories import ADMIN

OCT = dt.timezone(dt.timedelta(hours=8))


def _sale(session: Session, channel: str, day: dt.datetime, lines: list[tuple[int, int]], price: dict[int, int]) -> str:
    total = sum(price[pid] * qty // 1000 for pid, qty in lines)  # whole amounts in these cases
    draft = SaleDraft(
        channel, day, tuple(LineDraft(pid, qty) for pid, qty in lines), (PaymentDraft("cash", total),),
        counter_code="ZZ01" if channel == "counter" else None,
        customer_org="某某局工会" if channel == "bulk" else None,
    )  # fmt: skip
    return record_sale(session, ADMIN, draft).ref


def _refund(session: Session, ref: str, code: str, quantity: str, day: dt.datetime) -> None:
    record_refund(session, ADMIN, RefundDraft(ref, day, picked_lines(session, ref, {code: quantity}), "退货"))


def test_a_month_settled_by_hand(session: Session) -> None:
    factories.counter(session)
    s1 = factories.supplier(session, 1, rate_bp=1000)
    s1.commission_rate_bp = 1250  # 12.5 %
    s2 = factories.supplier(session, 2, rate_bp=2000)
    s2.commission_rate_bp = 3333
    p1 = factories.product(session, s1, "P1", unit="公斤", price_fen=1235)  # no supply price: commission
    p2 = factories.product(session, s1, "P2", unit="件", price_fen=1000, supply_price_fen=700)
    p3 = factories.product(session, s2, "P3", unit="件", price_fen=999)
    price = {p1.id: 1235, p2.id: 1000, p3.id: 999}
    september = dt.datetime(2026, 9, 30, 20, tzinfo=OCT)
    old = _sale(session, "counter", september, [(p3.id, 4000)], price)  # refunded in October
    a = _sale(session, "counter", dt.datetime(2026, 10, 2, 10, tzinfo=OCT), [(p1.id, 1235), (p2.id, 3000)], price)
    _sale(session, "bulk", dt.datetime(2026, 10, 3, 10, tzinfo=OCT), [(p2.id, 5000)], price)  # not settled
    _sale(session, "counter", dt.datetime(2026, 10, 4, 10, tzinfo=OCT), [(p3.id, 1000)], price)
    _refund(session, a, "P1", "0.5", dt.datetime(2026, 10, 5, 10, tzinfo=OCT))
    _refund(session, a, "P2", "1", dt.datetime(2026, 10, 5, 11, tzinfo=OCT))
    _refund(session, old, "P3", "3", dt.datetime(2026, 10, 31, 23, 30, tzinfo=OCT))  # still October here
    figures = settlement(session, ADMIN, "2026-10").to_json()
    first, second = figures["suppliers"]
    # P1: 1.235 kg at ¥12.35 = 1525.225 → 1525; refund 0.5 kg = 617.5 → 618; net 907 at 87.5 % = 793.625 → 794
    # P2: 3 − 1 = 2 at the supply price ¥7.00 = 1400 (its bulk sale is the supplier's own)
    assert first == {
        "uscc": s1.uscc, "counter_net_fen": 2907, "payable_fen": 2194, "commission_fen": 713,
        "pool_fen": 791,  # §6 over all channels: (2907 + 5000) × 10 % = 790.7 → 791
        "products": [
            {"code": "P1", "net_quantity": "0.735", "net_fen": 907, "payable_fen": 794},
            {"code": "P2", "net_quantity": "2.000", "net_fen": 2000, "payable_fen": 1400},
        ],
    }  # fmt: skip
    # P3: more refunds than sales: 1 − 3 = −2, 999 − 2997 = −1998 at 66.67 % = −1332.0666 → −1332
    assert second == {
        "uscc": s2.uscc, "counter_net_fen": -1998, "payable_fen": -1332, "commission_fen": -666,
        "pool_fen": -400,  # −1998 × 20 % = −399.6 → −400
        "products": [{"code": "P3", "net_quantity": "-2.000", "net_fen": -1998, "payable_fen": -1332}],
    }  # fmt: skip
    assert settlement(session, ADMIN, "2026-11").to_json() == {"month": "2026-11", "suppliers": []}


def test_a_statement_without_counter_sales_still_shows_the_households_pool(session: Session) -> None:
    from orders.settlement import statement

    factories.counter(session)
    supplier = factories.supplier(session, 1, rate_bp=1000)
    product = factories.product(session, supplier, "P1", unit="件", price_fen=1000)
    _sale(session, "bulk", dt.datetime(2026, 10, 3, 10, tzinfo=OCT), [(product.id, 5000)], {product.id: 1000})
    assert settlement(session, ADMIN, "2026-10").suppliers == ()  # nothing to settle (§11 lists none)
    shown = statement(session, ADMIN, "2026-10", supplier.id)
    assert (shown["payable_fen"], shown["pool_fen"]) == (0, 500)  # its bulk sale still owes 10 %


def test_rounding_is_half_away_from_zero_both_ways() -> None:
    assert payable_of(0, 1, None, 5000) == 1  # 0.5 → 1
    assert payable_of(0, -1, None, 5000) == -1  # −0.5 → −1
    assert payable_of(1500, 0, 333, 0) == 500  # 499.5 → 500
    assert payable_of(-1500, 0, 333, 0) == -500
    assert payable_of(1000, 1234, 0, 0) == 0  # a supply price of ¥0 wins over the commission
    assert quantity_3(-500) == "-0.500"
    assert quantity_3(12000) == "12.000"


@given(st.integers(-(10**9), 10**9), st.integers(0, 10_000))
def test_payable_and_commission_add_up_to_the_net(net_fen: int, commission_bp: int) -> None:
    payable = payable_of(0, net_fen, None, commission_bp)
    assert abs(payable * 10_000 - net_fen * (10_000 - commission_bp)) <= 5_000  # within half a fen
    assert payable_of(0, -net_fen, None, commission_bp) == -payable  # symmetric about zero


def test_a_cooperative_manager_sees_their_own_statement_only(session: Session) -> None:
    factories.counter(session)
    s1, s2 = factories.supplier(session, 1), factories.supplier(session, 2)
    p1, p2 = factories.product(session, s1, "P1", unit="件", price_fen=100), factories.product(session, s2, "P2")
    _sale(
        session,
        "counter",
        dt.datetime(2026, 10, 2, tzinfo=OCT),
        [(p1.id, 1000), (p2.id, 1000)],
        {p1.id: 100, p2.id: 6800},
    )
    own = Actor("coop", "coop_manager", supplier_id=s1.id)
    assert [s["uscc"] for s in settlement(session, own, "2026-10").to_json()["suppliers"]] == [s1.uscc]
    with pytest.raises(PermissionDenied):
        settlement(session, own, "2026-10", supplier_id=s2.id)
    with pytest.raises(PermissionDenied):
        settlement(session, Actor("c", "cashier", counter_code="ZZ01"), "2026-10")


def test_the_settlement_command_writes_the_spec_json(tmp_path: Path) -> None:
    from catalog.importing import import_file
    from catalog.kinds import registry_kinds
    from cli.main import main as command
    from tests.files import REGISTRY, SAMPLES

    path = str(tmp_path / "s.db")
    db = open_database(path)
    with db.session() as session, session.begin():
        for kind in REGISTRY:
            import_file(session, ADMIN, registry_kinds()[kind], SAMPLES / f"{kind}.csv")
    db.dispose()
    assert command(["--db", path, "import", "sales", str(SAMPLES / "sales.csv")]) == 0
    out = tmp_path / "settlement.json"
    assert command(["--db", path, "settlement", "--month", "2026-06", "--format", "json", "--out", str(out)]) == 0
    figures = json.loads(out.read_text())
    assert figures["month"] == "2026-06"
    assert figures["suppliers"]  # the sample has counter sales that month
    assert [s["uscc"] for s in figures["suppliers"]] == sorted(s["uscc"] for s in figures["suppliers"])
    for supplier in figures["suppliers"]:
        assert supplier["counter_net_fen"] == sum(p["net_fen"] for p in supplier["products"])
        assert supplier["commission_fen"] == supplier["counter_net_fen"] - supplier["payable_fen"]


def test_terms_come_in_with_the_registry_imports_and_bad_ones_name_the_row(session: Session, tmp_path: Path) -> None:
    from catalog.importing import ImportFailed, import_file
    from catalog.kinds import registry_kinds
    from core.models import Product, Supplier

    kinds = registry_kinds()
    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text(
        "uscc,name,kind,region_code,benefit_rate,commission_rate\n"
        "934112240000050101,卢氏县香菇专业合作社,cooperative,411224,10,12.5%\n"
        "91410184000005020K,新郑食品有限公司,enterprise,410184,5.5,\n",
        encoding="utf-8",
    )
    assert import_file(session, ADMIN, kinds["suppliers"], suppliers).added == 2
    rates = dict(session.query(Supplier.uscc, Supplier.commission_rate_bp).all())
    assert rates == {"934112240000050101": 1250, "91410184000005020K": 0}  # blank is 0
    assert import_file(session, ADMIN, kinds["suppliers"], suppliers).skipped == 2  # the same again
    products = tmp_path / "products.csv"
    header = "code,name,category,unit,price,supplier_uscc,cert_no,cert_level,certified_on,valid_until,"
    header += "origin_region_code,supply_price\n"
    row = "XG500,卢氏花菇 500克,干货,袋,68.00,934112240000050101,豫扶认〔2025〕101号,provincial,"
    row += "2025-03-01,2027-02-28,411224,"
    products.write_text(header + row + "55.20\n", encoding="utf-8")
    assert import_file(session, ADMIN, kinds["products"], products).added == 1
    assert session.query(Product.supply_price_fen).scalar() == 5520
    bad = tmp_path / "bad.csv"
    bad.write_text(header + row.replace("XG500", "XG501").replace("101号", "109号") + "55.205\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"line 2.*supply_price"):
        import_file(session, ADMIN, kinds["products"], bad)
    changed = tmp_path / "changed.csv"
    changed.write_text(suppliers.read_text().replace("12.5%", "15"), encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"commission_rate.*12.5"):
        import_file(session, ADMIN, kinds["suppliers"], changed)  # different content: refused, not changed


def test_a_statement_is_issued_once_frozen_paid_once_and_a_late_refund_shows_as_a_difference(session: Session) -> None:
    from core.errors import BangfuError
    from orders import stock
    from reports.settlement_issue import issue_statement, mark_paid, statement_state

    factories.counter(session)
    s1 = factories.supplier(session, 1)
    p1 = factories.product(session, s1, "P1", unit="件", price_fen=1000, supply_price_fen=800)
    stock.receive_goods(session, ADMIN, "ZZ01", [stock.StockLine(p1.id, 10_000)])
    ref = _sale(session, "counter", dt.datetime.now(OCT), [(p1.id, 3000)], {p1.id: 1000})
    month = f"{dt.datetime.now(OCT):%Y-%m}"
    issued = issue_statement(session, ADMIN, month, s1.id)
    assert issued.number == f"JS-{month}-0001"
    assert issued.pdf.startswith(b"%PDF")
    figures = json.loads(issued.figures)
    assert figures["payable_fen"] == 2400
    [line] = figures["lines"]
    assert (line["received_milli"], line["sold_milli"], line["on_hand_milli"]) == (10_000, 3000, 7000)
    with pytest.raises(BangfuError, match="already issued"):
        issue_statement(session, ADMIN, month, s1.id)
    _refund(session, ref, "P1", "1", dt.datetime.now(OCT))  # after the issue
    state = statement_state(session, ADMIN, issued.number)
    assert (state.issued["payable_fen"], state.payable_now_fen, state.difference_fen) == (2400, 1600, -800)
    assert json.loads(issued.figures)["payable_fen"] == 2400  # the issue itself never changes
    mark_paid(session, ADMIN, issued.number, dt.date.today(), "工行转账 0042")
    with pytest.raises(BangfuError, match="already paid"):
        mark_paid(session, ADMIN, issued.number, dt.date.today(), "again")
    assert statement_state(session, ADMIN, issued.number).reference == "工行转账 0042"
    with pytest.raises(PermissionDenied):
        issue_statement(session, Actor("li", "manager"), month, s1.id)
    own = Actor("coop", "coop_manager", supplier_id=s1.id)
    assert statement_state(session, own, issued.number).paid_on == dt.date.today()  # their own: read-only
    with pytest.raises(PermissionDenied):
        statement_state(session, Actor("other", "coop_manager", supplier_id=s1.id + 1), issued.number)
