"""The fast paths of issue 18 store and find exactly what the ordinary paths do."""

import datetime as dt
import gc
import weakref
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import cast
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import lazy_pinyin
from pypinyin.constants import PHRASES_DICT
from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from catalog import fields as f
from catalog import importing
from catalog.kinds import Households, registry_kinds
from catalog.pinyin import syllables_of
from catalog.search import search_key
from core.bulk import insert_rows
from core.collector import collect_due, collect_only_when_asked, collector_paused
from core.models import Sale, SaleLine
from core.tabular import NumberCell
from tests import factories
from tests.files import write_csv

ZONE = ZoneInfo("Asia/Shanghai")
PHRASES = sorted(PHRASES_DICT)[::997]  # a spread of pypinyin's phrases, polyphones among them
CHINESE = st.sampled_from("重庆银行长乐行走单于朝阳都会香菇卢氏花菇长春〇㐀龘")
PIECES = st.one_of(CHINESE, st.sampled_from(PHRASES), st.text(max_size=3), st.sampled_from(" -·()（）500克ABc"))


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=8).map("".join))
def test_syllables_are_lazy_pinyin(value: str) -> None:
    assert syllables_of(value) == lazy_pinyin(value)


def test_syllables_of_phrases_and_names() -> None:
    names = ["王建国", "单于朝", "曾小明", "解放", "仇长春", "朴重", "乐乐", "单单", "长孙无忌"]
    for value in [*PHRASES, *names, "重庆火锅底料 500克", "卢氏县香菇专业合作社", "", "P0001"]:
        assert syllables_of(value) == lazy_pinyin(value), value


def test_a_search_key_holds_the_text_its_pinyin_and_initials() -> None:
    assert search_key("H0001", "王建国") == "h0001 王建国 wangjianguo wjg"
    assert search_key("卢氏 香菇", None, "") == "卢氏香菇 lushixianggu lsxg"
    assert search_key("P 01", "p01") == "p01"  # the same part once


def _raw(session: Session, sql: str) -> list[tuple[object, ...]]:
    """Rows as the driver returns them: what is really stored, before SQLAlchemy's types."""
    return [tuple(row) for row in session.connection().exec_driver_sql(sql).all()]


def test_insert_rows_stores_what_core_insert_stores(session: Session) -> None:
    product = factories.product(session, factories.supplier(session))
    moment = dt.datetime(2026, 10, 31, 23, 59, 59, 120, tzinfo=ZONE)  # 15:59:59 UTC
    now = dt.datetime(2026, 11, 1, 0, 0, tzinfo=dt.UTC)
    sales = cast(Table, Sale.__table__)
    session.execute(
        insert(sales),
        [{"id": 9001, "ref": "CORE", "channel": "online", "sold_at": moment, "total_fen": 100, "created_at": now}],
    )
    insert_rows(session, sales, ("id", "ref", "channel", "sold_at", "total_fen", "created_at"),
                [(9002, "BULK", "online", moment, 100, now)])  # fmt: skip
    lines = cast(Table, SaleLine.__table__)
    names = ("sale_id", "line_no", "product_id", "quantity_milli", "unit_price_fen", "amount_fen", "sold_at", "channel")
    session.execute(
        insert(lines), [dict(zip(names, (9001, 1, product.id, 1000, 100, 100, moment, "online"), strict=True))]
    )
    insert_rows(session, lines, names, [(9002, 1, product.id, 1000, 100, 100, moment, "online")])
    stored = _raw(session, "SELECT ref, channel, sold_at, total_fen, created_at FROM sales WHERE id IN (9001, 9002)"
                           " ORDER BY id")  # fmt: skip
    assert stored[0][1:] == stored[1][1:]
    line_rows = _raw(session, "SELECT line_no, product_id, sold_at, amount_fen FROM sale_lines"
                              " WHERE sale_id IN (9001, 9002) ORDER BY sale_id")  # fmt: skip
    assert line_rows[0] == line_rows[1]
    # the month index finds both the same way
    month = select(SaleLine.sale_id).where(SaleLine.sold_at >= dt.datetime(2026, 10, 31, 15, 59, tzinfo=dt.UTC))
    assert sorted(session.scalars(month)) == [9001, 9002]


def test_an_import_parses_each_distinct_cell_once_and_refuses_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def parse(value: str, field: str) -> object:
        calls.append(value)
        return f.whole_number(0, 10)(value, field)

    monkeypatch.setattr(importing, "REMEMBERED_MOST", 2)
    shape = importing.RowShape([f.Column("n", True, parse), f.Column("barcode", False, f.barcode)], [0, 1], {})

    def parsed(*cells: str) -> object:
        values, errors = shape.parse(list(cells), 7)
        return [str(e) for e in errors] or values["n"]

    assert [parsed(v) for v in ("1", "1", "2", "1")] == [1, 1, 2, 1]
    assert calls == ["1", "2"]
    parsed("3")  # a third distinct cell starts the memory over
    assert parsed("1") == 1
    assert calls[-1] == "1"
    assert parsed("11") == parsed("11") == ["line 7, n: must be between 0 and 10: 11"]  # refused each time
    assert calls.count("11") == 2
    assert parsed("") == ["line 7, n: required, but empty"]
    long_cell = "1" * (importing.REMEMBERED_LENGTH + 1)
    parsed(long_cell)
    parsed("2")
    parsed(long_cell)
    assert calls.count(long_cell) == 2  # parsed, never kept (bounded memory, whatever the file holds)
    values, _errors = shape.parse(["1", NumberCell("690000001239")], 8)
    assert values["barcode"] == "0690000001239"  # Excel dropped the leading zero of a number cell
    _values, errors = shape.parse(["1", "690000001239"], 9)
    assert [e.column for e in errors] == ["barcode"]  # the same digits typed as text are a typo


@pytest.fixture
def collector_on() -> Iterator[None]:
    """The collector as a command has it (the tests run with it off: see conftest)."""
    gc.enable()
    yield
    gc.disable()


@pytest.mark.usefixtures("collector_on")
def test_an_import_holds_the_collector_off_and_gives_it_back(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    store = Households.store
    monkeypatch.setattr(Households, "store", lambda self, *args: seen.append(gc.isenabled()) or store(self, *args))
    rows = [["code", "head_name", "region_code", "members", "status"], ["H1", "王建国", "411224", "3", "poor"]]
    kind = registry_kinds()["households"]
    assert importing.import_file(session, factories.ADMIN, kind, write_csv(tmp_path / "h.csv", rows)).added == 1
    assert seen == [False]  # off while the rows are stored
    assert gc.isenabled()
    with pytest.raises(importing.ImportFailed):
        importing.import_file(
            session,
            factories.ADMIN,
            kind,
            write_csv(tmp_path / "bad.csv", [*rows, ["H2", "李", "411224", "0", "poor"]]),
        )
    assert gc.isenabled()  # an import that fails gives it back too
    gc.disable()
    importing.import_file(session, factories.ADMIN, kind, write_csv(tmp_path / "h.csv", rows))
    assert not gc.isenabled()  # and leaves it off for a caller that had it off (the window)


def test_collect_due_makes_the_collection_that_has_come_due() -> None:
    class Node:
        other: object = None

    gc.collect()
    assert collect_due() == -1  # nothing allocated since: nothing due
    node = Node()
    node.other = node  # a cycle: only the collector frees it
    alive = weakref.ref(node)
    del node
    kept = [Node() for _n in range(gc.get_threshold()[0] + 1)]  # the youngest generation is full
    assert alive() is not None  # automatic collection is off
    with collector_paused():  # as a worker's import holds it off: the GUI thread's timer waits
        assert collect_due() == -1
    assert alive() is not None
    assert collect_due() >= 0
    assert alive() is None
    assert len(kept) > gc.get_threshold()[0]


@pytest.mark.usefixtures("collector_on")
def test_a_pause_that_began_before_the_window_turned_collection_off_leaves_it_off() -> None:
    with collector_paused():  # the opening thread's import of the data layer, say
        collect_only_when_asked()
    assert not gc.isenabled()


def test_xlsx_writer_reads_back_in_openpyxl() -> None:
    import io

    from openpyxl import load_workbook

    from core.xlsx import YUAN, Sheet, workbook_bytes

    rows: list[list[object]] = [
        ['=HYPERLINK("http://x")', Decimal("12.30"), 3, 0.25, True, dt.date(2026, 10, 1), None, "a&b<c>\x07 "],
        ["第二行", Decimal("-0.05"), 10**12, 1.5, False, "2026-10-02", "", "合作社"],
    ]
    book = load_workbook(io.BytesIO(workbook_bytes([
        Sheet("A & \"B\"", ["名称", "金额", "笔数", "比例", "是否", "日期", "空", "文本"], rows, frozenset({2}),
              frozenset({(1, 4)})),
        Sheet("二", ["x"], []),
    ])))  # fmt: skip
    assert book.sheetnames == ['A & "B"', "二"]
    sheet = book['A & "B"']
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == ["名称", "金额", "笔数", "比例", "是否", "日期", "空", "文本"]
    assert sheet["A1"].font.b
    assert sheet["A1"].fill.fgColor.rgb == "FFF3E3E1"
    first = [c.value for c in sheet[2]]
    assert first == ['=HYPERLINK("http://x")', 12.3, 3, 0.25, True, "2026-10-01", None, "a&b<c> "]
    assert sheet["A2"].data_type == "s"  # text that looks like a formula is text, never run
    assert [c.value for c in sheet[3]][:4] == ["第二行", -0.05, 10**12, 1.5]
    assert (sheet["B2"].number_format, sheet["D3"].number_format) == (YUAN, YUAN)  # a column, one cell
    assert (sheet["D2"].number_format, sheet["C2"].number_format) == ("General", "General")
    assert sheet.column_dimensions["A"].width >= 10
    assert book["二"].max_row == 1


def test_insert_rows_raises_what_sqlalchemy_raises(session: Session) -> None:
    """A refused row is an IntegrityError as on the ordinary path (retries and messages rely on it)."""
    from sqlalchemy.exc import IntegrityError

    now = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    names = ("id", "ref", "channel", "sold_at", "total_fen", "created_at")
    with pytest.raises(IntegrityError):
        insert_rows(session, cast(Table, Sale.__table__), names, [(9003, "BAD", "barter", now, 100, now)])


def test_read_rows_gives_what_sqlalchemy_gives(session: Session) -> None:
    """Aware times, integers, NULLs, a function and an IN list, straight from the driver."""
    from core.bulk import read_rows

    test_insert_rows_stores_what_core_insert_stores(session)  # two sales and lines with times
    query = (
        select(Sale.ref, Sale.sold_at, Sale.total_fen, Sale.customer_org, SaleLine.line_no, func.date(Sale.sold_at))
        .join(SaleLine, SaleLine.sale_id == Sale.id)
        .where(Sale.id.in_([9001, 9002, -1]), Sale.ref != "x")
        .order_by(Sale.id)
    )
    expected = [tuple(row) for row in session.execute(query).all()]
    assert read_rows(session, query) == expected
    assert expected[0][1] == dt.datetime(2026, 10, 31, 15, 59, 59, 120, tzinfo=dt.UTC)
    assert read_rows(session, query.where(Sale.id < 0)) == []


def test_rows_with_names_few_keys_and_reads_many(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    import core.db
    from core.db import rows_with
    from core.models import Supplier

    ids = [factories.supplier(session, n).id for n in range(1, 5)]
    query = select(Supplier.id, Supplier.uscc)
    few = sorted(row[0] for row in rows_with(session, query, Supplier.id, ids[:2]))
    monkeypatch.setattr(core.db, "MANY", 2)  # now two keys are many: the whole query, picked here
    many = sorted(row[0] for row in rows_with(session, query, Supplier.id, [ids[1], ids[3], -1]))
    assert (few, many) == (ids[:2], [ids[1], ids[3]])


def test_insert_rows_into_a_table_with_row_security(session: Session) -> None:
    """At a central with kiosks, sales have row-level security, under which PostgreSQL refuses
    COPY to a role its policies apply to: the rows go in as INSERTs."""
    from sqlalchemy import text

    if session.get_bind().dialect.name == "postgresql":  # all of it rolled back with the test
        for statement in (
            "CREATE ROLE bangfu_test_writer NOLOGIN",
            "GRANT SELECT, INSERT ON sales TO bangfu_test_writer",
            "ALTER TABLE sales ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY bangfu_test_all ON sales TO bangfu_test_writer USING (true) WITH CHECK (true)",
            "SET LOCAL ROLE bangfu_test_writer",  # not the owner, not a superuser: under the policy
        ):
            session.execute(text(statement))
    now = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    names = ("id", "ref", "channel", "sold_at", "total_fen", "created_at")
    assert insert_rows(session, cast(Table, Sale.__table__), names, [(9004, "RLS", "online", now, 1, now)]) == 1
    assert session.scalar(select(Sale.ref).where(Sale.id == 9004)) == "RLS"
