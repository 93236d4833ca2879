"""Bulk orders and quotas (issue 9, services): life cycle, ledger, returns, quota arithmetic."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.auth import Actor, PermissionDenied
from core.errors import BangfuError, InvalidValue
from core.models import Product, Sale
from orders.bulk import (
    below_share,
    cancel_order,
    deliver_order,
    mark_paid,
    order_lines,
    place_order,
    quota_progress,
    return_goods,
    save_organisation,
    set_quota,
)
from orders.ledger import LineDraft
from orders.monthly import monthly_summary
from tests.factories import ADMIN
from tests.test_catalog_import import load_samples

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def office(session: Session) -> Session:
    load_samples(session)
    return session


def product_id(session: Session, code: str) -> int:
    return session.scalar(select(Product.id).where(Product.code == code))  # type: ignore[return-value]


def test_an_order_becomes_a_bulk_sale_when_delivered_and_returns_are_refunds(office: Session) -> None:
    canteen = save_organisation(office, ADMIN, "市机关食堂", "canteen", "410100")
    lines = (LineDraft(product_id(office, "XG500"), 40_000, 6500), LineDraft(product_id(office, "HZ1000"), 30_000))
    place_order(office, ADMIN, canteen.id, "T-001", lines, dt.date(2026, 6, 20))
    assert office.scalars(select(Sale)).all() == []  # an order is not a sale yet
    sale = deliver_order(office, ADMIN, "T-001", dt.datetime(2026, 6, 20, 9, tzinfo=SHANGHAI))
    assert (sale.channel, sale.customer_org, sale.total_fen) == ("bulk", "市机关食堂", 40 * 6500 + 30 * 4550)
    returned = return_goods(office, ADMIN, "T-001", {"XG500": "5"}, "破损", dt.datetime(2026, 7, 2, tzinfo=SHANGHAI))
    assert returned.total_fen == 5 * 6500
    mark_paid(office, ADMIN, "T-001")
    assert monthly_summary(office, ADMIN, "2026-06").by_channel["bulk"] == 396500
    assert monthly_summary(office, ADMIN, "2026-07").by_channel["bulk"] == -32500  # the month of the return
    with pytest.raises(BangfuError, match="cannot be delivered"):
        deliver_order(office, ADMIN, "T-001")


def test_order_lines_are_typed_as_code_quantity_and_optional_price(office: Session) -> None:
    lines = order_lines(office, "HZ1000 30 42.00；6900000009017 2 ;")  # a full-width ; and a barcode
    dates, mushrooms = product_id(office, "HZ1000"), product_id(office, "XG500")
    assert lines == (LineDraft(dates, 30_000, 4200), LineDraft(mushrooms, 2000))
    for typed, reason in (
        ("HZ1000", "write code, quantity and an optional price: HZ1000"),
        ("HZ 3", "unknown code: HZ"),  # exact codes only: an order never guesses
        ("HZ1000 3 4.555", "exact to the fen"),
    ):
        with pytest.raises(InvalidValue, match=reason) as error:
            order_lines(office, typed)
        assert error.value.field == "lines"


def test_cancelled_orders_never_count_and_cannot_be_cancelled_after_delivery(office: Session) -> None:
    union = save_organisation(office, ADMIN, "市总工会", "union", "410100")
    place_order(
        office, ADMIN, union.id, "T-002", (LineDraft(product_id(office, "HZ1000"), 10_000),), dt.date(2026, 6, 1)
    )
    cancel_order(office, ADMIN, "T-002")
    with pytest.raises(BangfuError, match="cannot be delivered"):
        deliver_order(office, ADMIN, "T-002")
    place_order(
        office, ADMIN, union.id, "T-003", (LineDraft(product_id(office, "HZ1000"), 10_000),), dt.date(2026, 6, 1)
    )
    deliver_order(office, ADMIN, "T-003", dt.datetime(2026, 6, 1, 10, tzinfo=SHANGHAI))
    with pytest.raises(BangfuError, match="only an order not yet delivered"):
        cancel_order(office, ADMIN, "T-003")
    with pytest.raises(PermissionDenied):
        place_order(
            office,
            Actor("wang", "cashier"),
            union.id,
            "T-004",
            (LineDraft(product_id(office, "HZ1000"), 1000),),
            dt.date(2026, 6, 1),
        )


def test_quota_progress_counts_the_year_net_of_returns(office: Session) -> None:
    canteen = save_organisation(office, ADMIN, "市机关食堂", "canteen", "410100")
    school = save_organisation(office, ADMIN, "实验中学食堂", "school", "410100")
    set_quota(office, ADMIN, canteen.id, 2026, 100_000)
    set_quota(office, ADMIN, school.id, 2026, 200_000)
    place_order(
        office, ADMIN, canteen.id, "Q-1", (LineDraft(product_id(office, "HZ1000"), 20_000),), dt.date(2026, 3, 1)
    )
    deliver_order(office, ADMIN, "Q-1", dt.datetime(2026, 3, 1, 10, tzinfo=SHANGHAI))  # ¥910.00
    return_goods(office, ADMIN, "Q-1", {"HZ1000": "2"}, "退回", dt.datetime(2026, 3, 5, tzinfo=SHANGHAI))
    # bought on New Year's Eve at 23:30 in Shanghai: still last year
    place_order(
        office, ADMIN, school.id, "Q-2", (LineDraft(product_id(office, "HZ1000"), 10_000),), dt.date(2025, 12, 31)
    )
    deliver_order(office, ADMIN, "Q-2", dt.datetime(2025, 12, 31, 23, 30, tzinfo=SHANGHAI))
    progress = quota_progress(office, 2026, SHANGHAI)
    assert [(p.organisation, p.quota_fen, p.bought_fen) for p in progress] == [
        ("实验中学食堂", 200_000, 0),
        ("市机关食堂", 100_000, 81_900),
    ]
    assert [p.organisation for p in below_share(progress, 0.5)] == ["实验中学食堂"]
    early = quota_progress(office, 2026, SHANGHAI, until=dt.datetime(2026, 3, 3, tzinfo=SHANGHAI))
    assert early[1].bought_fen == 91_000  # before the return


def test_a_campaign_counts_its_counters_days_across_a_month_end_and_tagged_sales(office: Session) -> None:
    from orders.campaigns import campaign_report, save_campaign, tag_sale
    from orders.ledger import PaymentDraft, SaleDraft, record_sale
    from tests import factories

    factories.counter(office, "ZZ01")
    factories.counter(office, "ZZ02")
    xg500 = product_id(office, "XG500")

    def sell(counter: str, when: dt.datetime) -> str:
        draft = SaleDraft(
            "counter", when, (LineDraft(xg500, 1000),), (PaymentDraft("wechat", 6800),), counter_code=counter
        )
        return record_sale(office, ADMIN, draft).ref

    sell("ZZ01", dt.datetime(2026, 10, 24, 12, tzinfo=SHANGHAI))  # the day before: not counted
    sell("ZZ01", dt.datetime(2026, 10, 31, 23, 30, tzinfo=SHANGHAI))
    sell("ZZ01", dt.datetime(2026, 11, 1, 9, tzinfo=SHANGHAI))
    sell("ZZ01", dt.datetime(2026, 11, 6, 9, tzinfo=SHANGHAI))  # the day after: not counted
    other = sell("ZZ02", dt.datetime(2026, 11, 2, 9, tzinfo=SHANGHAI))  # another counter: only if tagged
    save_campaign(office, ADMIN, "消费帮扶月", dt.date(2026, 10, 25), dt.date(2026, 11, 5), counters=("ZZ01",))
    report = campaign_report(office, ADMIN, "消费帮扶月", SHANGHAI)
    assert (report.sales_count, report.net_fen) == (2, 13600)
    tag_sale(office, ADMIN, "消费帮扶月", other)
    report = campaign_report(office, ADMIN, "消费帮扶月", SHANGHAI)
    assert (report.sales_count, report.net_fen, report.top_products) == (3, 20400, [("卢氏花菇 500克", 20400)])
    assert report.households_benefited == 3  # LS001–LS003 share the cooperative's pool
    with pytest.raises(BangfuError):
        save_campaign(office, ADMIN, "反了", dt.date(2026, 11, 5), dt.date(2026, 10, 25))


def test_order_list_and_documents(office: Session) -> None:
    import io

    import pdfplumber

    from orders.bulk import order_rows
    from orders.notices import order_document
    from reports.notices import order_pdf

    canteen = save_organisation(office, ADMIN, "市机关食堂", "canteen", "410100")
    place_order(
        office, ADMIN, canteen.id, "D-1", (LineDraft(product_id(office, "HZ1000"), 30_000, 4200),), dt.date(2026, 6, 20)
    )
    assert [(r.number, r.state, r.total_fen) for r in order_rows(office, ADMIN)] == [("D-1", "ordered", 126000)]
    with pdfplumber.open(io.BytesIO(order_pdf(order_document(office, "D-1"), "送货单"))) as document:
        text = document.pages[0].extract_text()
    for expected in ("送货单", "市机关食堂", "新郑灰枣 1000克", "¥42.00", "¥1,260.00"):
        assert expected in text


def test_a_cooperative_records_its_own_sales_and_sees_its_households(office: Session) -> None:
    from orders.bulk import coop_households
    from orders.ledger import SaleDraft, record_sale

    supplier_id = office.scalar(select(Product.supplier_id).where(Product.code == "XG500"))
    coop = Actor("coop", "coop_manager", supplier_id=supplier_id)
    day = dt.datetime(2026, 6, 12, 12, tzinfo=SHANGHAI)  # a market day's totals as one sale
    lines = (LineDraft(product_id(office, "XG500"), 10_000), LineDraft(product_id(office, "XG-BULK"), 25_500))
    sold = record_sale(office, coop, SaleDraft("cooperative", day, lines, ref="COOP-0612"))
    assert sold.total_fen == 68000 + 25245
    with pytest.raises(PermissionDenied, match="own cooperative"):
        record_sale(office, coop, SaleDraft("online", day, (LineDraft(product_id(office, "HZ1000"), 1000),)))
    with pytest.raises(PermissionDenied):
        record_sale(office, coop, SaleDraft("bulk", day, lines, customer_org="x"))
    shares = coop_households(office, coop, "2026-06", SHANGHAI)
    # pool = round(93245 × 10 %) = 9325 over LS001:LS002:LS003 = 2:1:1
    assert [(s.code, s.name, s.month_fen) for s in shares] == [
        ("LS001", "王*国", 4663),
        ("LS002", "李*英", 2331),
        ("LS003", "张*东", 2331),
    ]


def test_quotas_appear_in_the_monthly_report(office: Session) -> None:
    import io

    import pdfplumber
    from openpyxl import load_workbook

    from orders.report_data import attributed_households, report_input
    from reports.monthly_pdf import render_monthly_pdf
    from reports.monthly_xlsx import render_monthly_xlsx

    canteen = save_organisation(office, ADMIN, "市机关食堂", "canteen", "410100")
    set_quota(office, ADMIN, canteen.id, 2026, 100_000)
    place_order(
        office, ADMIN, canteen.id, "R-1", (LineDraft(product_id(office, "HZ1000"), 10_000),), dt.date(2026, 6, 5)
    )
    deliver_order(office, ADMIN, "R-1", dt.datetime(2026, 6, 5, 10, tzinfo=SHANGHAI))
    data = report_input(office, ADMIN, "2026-06")
    assert [(q.organisation, q.bought_fen) for q in data.quotas] == [("市机关食堂", 45_500)]
    with pdfplumber.open(io.BytesIO(render_monthly_pdf(data))) as document:
        text = "".join(page.extract_text() for page in document.pages)
    assert "团购认购额度" in text
    assert "45.5%" in text
    sheet = load_workbook(io.BytesIO(render_monthly_xlsx(data, attributed_households(office, data.summary))))[
        "认购额度"
    ]
    assert [cell.value for cell in sheet[2]][:2] == ["市机关食堂", 1000]


def test_quotas_from_the_command_line(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from cli.main import main
    from core.db import open_database

    db_path = str(tmp_path / "q.db")
    db = open_database(db_path)
    with db.session() as session, session.begin():
        load_samples(session)
        canteen = save_organisation(session, ADMIN, "市机关食堂", "canteen", "410100")
        school = save_organisation(session, ADMIN, "实验中学", "school", "410100")
        set_quota(session, ADMIN, canteen.id, 2026, 10_000)
        set_quota(session, ADMIN, school.id, 2026, 10_000)
        place_order(
            session, ADMIN, canteen.id, "C-1", (LineDraft(product_id(session, "HZ1000"), 2000),), dt.date(2026, 4, 1)
        )
        deliver_order(session, ADMIN, "C-1", dt.datetime(2026, 4, 1, 10, tzinfo=SHANGHAI))
    db.dispose()
    assert main(["--db", db_path, "quotas", "--year", "2026", "--below", "50"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {
        "year": 2026,
        "organisations": [{"organisation": "实验中学", "quota_fen": 10000, "bought_fen": 0}],
    }
    assert main(["--db", db_path, "quotas", "--year", "2026", "--until", "2026-03-31"]) == 0
    assert [o["bought_fen"] for o in json.loads(capsys.readouterr().out)["organisations"]] == [0, 0]
