"""Opening stock and goods received, from CSV or XLSX (issue 16, SPEC §7 rules): all or nothing,
every bad row named, idempotent by the receipt's reference.

Rows with the same ``receipt_ref`` form one receiving note (one counter, one supplier's goods);
a reference already recorded is skipped whole (a file imported twice adds nothing).
"""

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import fields as f
from catalog.fields import Column
from catalog.importing import Batch
from core.auth import Actor
from core.errors import BangfuError
from core.i18n import _
from core.models import Counter, Product, StockMovement
from core.money import parse_quantity, whole_units_problem
from orders.kiosk_binding import check_sells_here
from orders.stock import StockLine, receive_goods

COLUMNS = (
    Column("receipt_ref", True, f.text(64), ("收货单号", "单号", "入库单号")),
    Column("counter_code", True, f.text(32), ("专柜编码", "专柜", "柜台")),
    Column("product_code", True, f.text(64), ("商品编码", "商品代码")),
    Column("quantity", True, lambda value, field: parse_quantity(value, "kg", field), ("数量",)),
    Column("batch", False, f.text(64), ("批次", "批号")),
    Column("produced_on", False, f.date, ("生产日期",)),
    Column("shelf_life_days", False, f.whole_number(1, 36_500), ("保质期（天）", "保质期")),
)


class StockReceipts:
    """``import stock FILE``: held until the whole file is read, then one note per reference."""

    name = "stock"
    columns = COLUMNS
    permission = "stock.manage"

    def __init__(self, actor: Actor) -> None:
        self.actor = actor
        self.rows: list[tuple[int, dict[str, Any]]] = []

    def store(self, session: Session, batch: Batch) -> None:
        self.rows.extend(batch.rows)
        if not batch.final:
            return
        notes: defaultdict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
        for line, values in self.rows:
            notes[values["receipt_ref"]].append((line, values))
        products = {
            p.code: p
            for p in session.scalars(
                select(Product).where(Product.code.in_({v["product_code"] for _l, v in self.rows}))
            )
        }
        counters = {
            c.code: c
            for c in session.scalars(
                select(Counter).where(Counter.code.in_({v["counter_code"] for _l, v in self.rows}))
            )
        }
        have = set(session.scalars(select(StockMovement.document).where(StockMovement.document.in_(list(notes)))))
        for ref, rows in notes.items():
            if ref in have:
                batch.skipped += len(rows)
                continue
            lines = self._lines(session, batch, rows, products, counters)
            if lines is not None and not batch.errors:
                receive_goods(session, self.actor, rows[0][1]["counter_code"], lines, document=ref)
                batch.added += len(rows)

    def _lines(
        self,
        session: Session,
        batch: Batch,
        rows: list[tuple[int, dict[str, Any]]],
        products: dict[str, Product],
        counters: dict[str, Counter],
    ) -> list[StockLine] | None:
        """The note's lines, or None with each bad row reported."""
        first = rows[0][1]
        suppliers = {products[v["product_code"]].supplier_id for _l, v in rows if v["product_code"] in products}
        lines, bad = [], False
        for line, values in rows:
            problem = self._problem(session, values, first, products, counters, len(suppliers))
            if problem:
                batch.fail(line, *problem)
                bad = True
            else:
                product = products[values["product_code"]]
                lines.append(
                    StockLine(
                        product.id,
                        values["quantity"],
                        values["batch"],
                        values["produced_on"],
                        values["shelf_life_days"],
                    )
                )
        return None if bad else lines

    @staticmethod
    def _problem(
        session: Session,
        values: dict[str, Any],
        first: dict[str, Any],
        products: dict[str, Product],
        counters: dict[str, Counter],
        suppliers: int,
    ) -> tuple[str, str] | None:
        """(column, reason) of what is wrong with one row, or None."""
        product, counter = products.get(values["product_code"]), counters.get(values["counter_code"])
        if values["counter_code"] != first["counter_code"]:
            return "counter_code", _("one receipt_ref is one counter's note: {value}").format(
                value=first["counter_code"]
            )
        if counter is None:
            return "counter_code", _("unknown counter: {value}").format(value=values["counter_code"])
        if product is None:
            reason = _("unknown product {value}: import products first")
            return "product_code", reason.format(value=values["product_code"])
        if suppliers > 1:
            return "product_code", _("a receiving note is for one supplier's goods; make one note per supplier")
        problem = whole_units_problem(values["quantity"], product.unit)
        if problem:
            return "quantity", problem
        try:
            check_sells_here(session, counter)
        except BangfuError as exc:
            return "counter_code", str(exc)
        return None
