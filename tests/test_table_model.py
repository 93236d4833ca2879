"""The one table model, without widgets (as Vorta tests its models): columns, sorting, filtering."""

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt

from gui.table import ROW_ROLE, Col, RecordFilter, RecordModel

pytestmark = pytest.mark.gui


@dataclass(frozen=True)
class Row:
    name: str
    net_fen: int
    search_key: str


ROWS = [Row("甲", 1_000, "jia"), Row("乙", 900, "yi"), Row("丙", 100_000, "bing")]


def test_amount_columns_sort_by_value_not_by_text(qapp) -> None:  # type: ignore[no-untyped-def]
    """As text, ¥9.00 sorts after ¥10.00 and ¥1,000.00 between them."""
    model = RecordModel([Col("Name", lambda r: r.name), Col.fen("Net", lambda r: r.net_fen)])
    model.set_rows(ROWS)
    proxy = RecordFilter(model)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(row, 1).data() for row in range(proxy.rowCount())]
    assert shown == ["¥9.00", "¥10.00", "¥1,000.00"]
    assert proxy.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_the_filter_matches_pinyin_and_predicates(qapp) -> None:  # type: ignore[no-untyped-def]
    model = RecordModel([Col("Name", lambda r: r.name)])
    model.set_rows(ROWS)
    proxy = RecordFilter(model)
    proxy.set_query("Yi")
    assert [proxy.index(r, 0).data(ROW_ROLE).name for r in range(proxy.rowCount())] == ["乙"]
    proxy.set_query("")
    proxy.set_predicate("big", lambda r: r.net_fen > 950)
    assert proxy.rowCount() == 2
    proxy.set_predicate("big", None)
    assert proxy.rowCount() == 3
