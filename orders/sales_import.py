"""Importing sales and refunds from other systems (SPEC §5, §7), through catalog's import engine.

Rows with the same ``sale_ref`` form one sale or one refund. They usually stand together; rows
of a sale that come back later in the file are added to the sale this import already wrote
(all inside one transaction, so nothing is ever edited after commit). Refunds are applied after
every sale of the file is in, in file order, because a refund may name a sale further down.
Imported sales are kept whatever their certificate status (the report flags them).
"""

from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from catalog import fields as f
from catalog.fields import Column
from catalog.importing import Batch
from core.auth import Actor
from core.bulk import insert_rows
from core.codes import CHANNELS
from core.config import business_zone
from core.db import reserve_ids
from core.i18n import _
from core.locks import locked
from core.models import Counter, Product, Refund, RefundLine, Sale, SaleLine, utc_now
from core.money import format_fen, line_amount, quantity_text, whole_units_problem
from orders.kiosk_binding import binding
from orders.ledger import channel_problem
from orders.refunds import refund_amount, refunded_so_far

Row = tuple[int, dict[str, Any]]
HEADER_FIELDS = ("sold_at", "channel", "counter_code", "customer_org", "kind", "refund_of")
LINE_COLUMNS = (
    "sale_id",
    "line_no",
    "product_id",
    "quantity_milli",
    "unit_price_fen",
    "amount_fen",
    "sold_at",
    "channel",
)


def _quantity(value: str, field_name: str) -> int:
    """Thousandths of a unit; whether the unit allows decimals is checked once the product is known."""
    return f.money.parse_quantity(value, "kg", field_name)


def sales_columns(zone: ZoneInfo) -> tuple[Column, ...]:
    return (
        Column("sale_ref", True, f.text(64), ("销售单号", "单号", "小票号")),
        Column("sold_at", True, f.timestamp(zone), ("销售时间", "时间", "交易时间")),
        Column(
            "channel", False, f.one_of(CHANNELS), ("渠道", "销售渠道"), in_header=True
        ),  # a refund may leave it blank
        Column("counter_code", False, f.text(32), ("专柜编码", "专柜")),
        Column("customer_org", False, f.text(200), ("采购单位", "团购单位", "单位名称")),
        Column("product_code", True, f.text(64), ("商品编码", "商品代码")),
        Column("quantity", True, _quantity, ("数量",)),
        Column("unit_price", False, f.yuan, ("单价", "价格")),
        Column("kind", True, f.one_of(("sale", "refund")), ("类型", "单据类型")),
        Column("refund_of", False, f.text(64), ("原销售单号", "原单号")),
    )


@dataclass(frozen=True)
class _Item:
    id: int
    unit: str
    price_fen: int


@dataclass
class _Stored:
    """A sale already in the database: its header, and its lines by product id."""

    id: int
    header: tuple[Any, ...]
    lines: dict[int, tuple[int, int, int]]  # product id -> (sale line id, quantity, unit price)


@dataclass
class _Seen:
    """Progress of a file's rows against a sale that existed before the import."""

    first_line: int
    expected: int
    matched: int = 0
    failed: bool = False  # a difference was reported already


@dataclass
class _RefundGroup:
    rows: list[Row] = field(default_factory=list)


def _groups(rows: Iterable[Row]) -> list[list[Row]]:
    """Consecutive rows with the same sale_ref."""
    groups: list[list[Row]] = []
    for row in rows:
        if groups and groups[-1][0][1]["sale_ref"] == row[1]["sale_ref"]:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


class Sales:
    name = "sales"
    permission = "sales.import"

    def __init__(
        self, zone: ZoneInfo, supplier_id: int | None = None, kiosk_counters: tuple[str, ...] | None = None
    ) -> None:
        self.zone = zone
        self.supplier_id = supplier_id  # a coop manager imports their own supplier's sales only
        self.kiosk_counters = kiosk_counters  # at a kiosk: only counter sales of its own counters
        self.columns = sales_columns(zone)
        self._items: dict[str, _Item] | None = None
        self._counters: dict[str, int] | None = None
        self._held: list[Row] = []  # the last group of a batch may go on in the next one
        self._refunds: dict[str, _RefundGroup] = {}  # by refund ref, in file order
        self._ours = array("q")  # ids of the sales this import wrote, ascending
        self._preexisting: dict[str, _Seen] = {}

    # -- helpers -------------------------------------------------------------------------------

    def _catalog(self, session: Session) -> dict[str, _Item]:
        if self._items is None:
            query = select(Product.code, Product.id, Product.unit, Product.price_fen)
            if self.supplier_id is not None:
                query = query.where(Product.supplier_id == self.supplier_id)
            rows = session.execute(query)
            self._items = {code: _Item(pid, unit, price) for code, pid, unit, price in rows}
            self._counters = dict(session.execute(select(Counter.code, Counter.id)).all())
        return self._items

    def _counter_id(self, session: Session, code: str | None) -> int | None:
        """Counters named by imported sales are registered on first sight (name = code)."""
        if not code:
            return None
        assert self._counters is not None
        if code not in self._counters:
            self._counters[code] = session.execute(
                insert(Counter).values(code=code, name=code, kind="counter", location="").returning(Counter.id)
            ).scalar_one()
        return self._counters[code]

    def _is_ours(self, sale_id: int) -> bool:
        i = bisect_left(self._ours, sale_id)
        return i < len(self._ours) and self._ours[i] == sale_id

    @staticmethod
    def _header(values: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(values[name] for name in HEADER_FIELDS)

    def _check_group(self, group: list[Row], batch: Batch) -> bool:
        """Rows of one sale_ref agree on the header and name each product once."""
        first_line, first = group[0]
        ok = True
        products: dict[str, int] = {}
        for line, values in group:
            for name in HEADER_FIELDS:
                if values[name] != first[name]:
                    reason = _("differs from line {line} of the same sale_ref").format(line=first_line)
                    batch.fail(line, name, reason)
                    ok = False
                    break
            code = values["product_code"]
            if code in products:
                reason = _("product {code} is already on line {line} of this sale").format(
                    code=code, line=products[code]
                )
                batch.fail(line, "product_code", reason)
                ok = False
            products.setdefault(code, line)
        return ok

    def _priced(self, session: Session, group: list[Row], batch: Batch) -> list[tuple[int, _Item, int, int]] | None:
        """(line, product, quantity, unit price) for each row of a sale, or None after errors."""
        items = self._catalog(session)
        priced = []
        for line, values in group:
            item = items.get(values["product_code"])
            if item is None:
                batch.fail(
                    line,
                    "product_code",
                    _("unknown product {value}: import products first").format(value=values["product_code"]),
                )
                continue
            quantity = values["quantity"]
            problem = whole_units_problem(quantity, item.unit)
            if problem:
                batch.fail(line, "quantity", problem)
                continue
            price = item.price_fen if values["unit_price"] is None else values["unit_price"]
            priced.append((line, item, quantity, price))
        return priced if len(priced) == len(group) else None

    def _kiosk_problem(self, channel: str | None, counter: str | None) -> str | None:
        """At a kiosk a file brings only what the kiosk itself could have sold: counter sales of
        its own counters (they upload like checkout sales); the rest belongs at the central."""
        if self.kiosk_counters is None or (channel == "counter" and counter in self.kiosk_counters):
            return None
        return _("at this kiosk only counter sales of {counters} can be imported").format(
            counters=", ".join(self.kiosk_counters)
        )

    def _check_sale_header(self, group: list[Row], batch: Batch) -> bool:
        line, values = group[0]
        if values["channel"] is None:
            batch.fail(line, "channel", _("required, but empty"))
            return False
        if values["refund_of"]:
            batch.fail(line, "refund_of", _("only a refund names the sale it refunds"))
            return False
        problem = channel_problem(values["channel"], values["counter_code"], values["customer_org"])
        if problem:
            batch.fail(line, *problem)
            return False
        kiosk = self._kiosk_problem(values["channel"], values["counter_code"])
        if kiosk:
            batch.fail(line, "channel" if values["channel"] != "counter" else "counter_code", kiosk)
            return False
        return True

    def _stored_sales(self, session: Session, refs: list[str]) -> dict[str, _Stored]:
        if not refs:
            return {}
        sales = session.execute(
            select(Sale.id, Sale.ref, Sale.sold_at, Sale.channel, Counter.code, Sale.customer_org)
            .outerjoin(Counter, Sale.counter_id == Counter.id)
            .where(Sale.ref.in_(refs))
        ).all()
        stored = {
            ref: _Stored(sid, (sold_at, channel, counter, org, "sale", None), {})
            for sid, ref, sold_at, channel, counter, org in sales
        }
        by_id = {s.id: s for s in stored.values()}
        if by_id:
            lines = session.execute(
                select(
                    SaleLine.sale_id, SaleLine.product_id, SaleLine.id, SaleLine.quantity_milli, SaleLine.unit_price_fen
                ).where(SaleLine.sale_id.in_(by_id))
            )
            for sale_id, product_id, line_id, quantity, price in lines:
                by_id[sale_id].lines[product_id] = (line_id, quantity, price)
        return stored

    # -- sales ---------------------------------------------------------------------------------

    def store(self, session: Session, batch: Batch) -> None:
        groups = _groups([*self._held, *batch.rows])
        self._held = [] if batch.final or not groups else groups.pop()
        sales = []
        for group in groups:
            if group[0][1]["kind"] == "refund":  # checked whole at the end, with its scattered rows
                self._refunds.setdefault(group[0][1]["sale_ref"], _RefundGroup()).rows.extend(group)
            elif self._check_group(group, batch) and self._check_sale_header(group, batch):
                sales.append(group)
        self._store_sales(session, sales, batch)
        if batch.final:
            self._finish_preexisting(batch)
            self._store_refunds(session, batch)

    def _store_sales(self, session: Session, groups: list[list[Row]], batch: Batch) -> None:
        refs = [g[0][1]["sale_ref"] for g in groups]
        stored = self._stored_sales(session, refs)
        refund_refs = set(session.scalars(select(Refund.ref).where(Refund.ref.in_(refs)))) if refs else set()
        new_sales: list[dict[str, Any]] = []
        new_lines: list[list[tuple[_Item, int, int]]] = []
        pending: dict[str, int] = {}  # ref -> index in new_sales, for a ref met twice in one batch
        for group in groups:
            line, values = group[0]
            ref = values["sale_ref"]
            priced = self._priced(session, group, batch)
            if priced is None:
                continue
            if ref in pending:
                first = new_sales[pending[ref]]
                if (values["sold_at"], values["channel"], values["customer_org"]) != (
                    first["sold_at"],
                    first["channel"],
                    first["customer_org"],
                ) or self._counter_id(session, values["counter_code"]) != first["counter_id"]:
                    batch.fail(line, "sold_at", _("differs from the earlier rows of the same sale_ref"))
                elif {i.id for i, _q, _p in new_lines[pending[ref]]} & {i.id for _l, i, _q, _p in priced}:
                    batch.fail(line, "product_code", _("product is already on an earlier row of this sale"))
                else:
                    new_lines[pending[ref]] += [(item, qty, price) for _l, item, qty, price in priced]
                    first["total_fen"] += sum(line_amount(price, qty) for _l, _i, qty, price in priced)
                continue
            if ref in refund_refs:
                batch.fail(line, "sale_ref", _("already used by a refund: {value}").format(value=ref))
            elif ref in stored and self._is_ours(stored[ref].id):
                self._extend(session, stored[ref], values, priced, batch)
            elif ref in stored:
                self._compare(stored[ref], values, priced, batch)
            else:
                pending[ref] = len(new_sales)
                new_sales.append(
                    {
                        "ref": ref,
                        "channel": values["channel"],
                        "sold_at": values["sold_at"],
                        "counter_id": self._counter_id(session, values["counter_code"]),
                        "customer_org": values["customer_org"],
                        "total_fen": sum(line_amount(price, qty) for _l, _i, qty, price in priced),
                    }
                )
                new_lines.append([(item, qty, price) for _l, item, qty, price in priced])
        if not new_sales:
            return
        now = utc_now()
        sale_table = cast(Table, Sale.__table__)
        ids = reserve_ids(session, sale_table, len(new_sales))
        insert_rows(
            session,
            sale_table,
            ("id", "ref", "channel", "sold_at", "counter_id", "customer_org", "total_fen", "created_at"),
            [
                (sale_id, row["ref"], row["channel"], row["sold_at"], row["counter_id"], row["customer_org"],
                 row["total_fen"], now)
                for sale_id, row in zip(ids, new_sales, strict=True)
            ],
        )  # fmt: skip
        self._ours.extend(ids)
        insert_rows(
            session,
            cast(Table, SaleLine.__table__),
            LINE_COLUMNS,
            [
                (sale_id, number, item.id, qty, price, line_amount(price, qty), sale["sold_at"], sale["channel"])
                for sale_id, sale, lines in zip(ids, new_sales, new_lines, strict=True)
                for number, (item, qty, price) in enumerate(lines, start=1)
            ],
        )
        batch.added += len(new_sales)

    def _extend(self, session: Session, sale: _Stored, values: dict[str, Any], priced: list, batch: Batch) -> None:
        """More rows of a sale written earlier in this import (its rows were not together)."""
        line = priced[0][0]
        if (values["sold_at"], values["channel"], values["counter_code"], values["customer_org"]) != sale.header[:4]:
            batch.fail(line, "sold_at", _("differs from the earlier rows of the same sale_ref"))
            return
        for row_line, item, _qty, _price in priced:
            if item.id in sale.lines:
                batch.fail(row_line, "product_code", _("product is already on an earlier row of this sale"))
                return
        start = len(sale.lines) + 1
        insert_rows(
            session,
            cast(Table, SaleLine.__table__),
            LINE_COLUMNS,
            [
                (sale.id, start + n, item.id, qty, price, line_amount(price, qty), sale.header[0], sale.header[1])
                for n, (_l, item, qty, price) in enumerate(priced)
            ],
        )
        extra = sum(line_amount(price, qty) for _l, _i, qty, price in priced)
        session.execute(update(Sale).where(Sale.id == sale.id).values(total_fen=Sale.total_fen + extra))

    def _compare(self, sale: _Stored, values: dict[str, Any], priced: list, batch: Batch) -> None:
        """A sale_ref that existed before the import: same content is skipped, other content is an error."""
        line, ref = priced[0][0], values["sale_ref"]
        seen = self._preexisting.get(ref)
        if seen is None:
            seen = self._preexisting[ref] = _Seen(line, len(sale.lines))
            batch.skipped += 1
        for name, stored in zip(HEADER_FIELDS, sale.header, strict=True):
            if values[name] != stored:
                batch.fail(line, name, _("sale {ref} already exists with different content").format(ref=ref))
                seen.failed = True
                return
        for row_line, item, qty, price in priced:
            stored_line = sale.lines.get(item.id)
            if stored_line is None or stored_line[1:] != (qty, price):
                seen.failed = True
                batch.fail(
                    row_line, "product_code", _("sale {ref} already exists with different content").format(ref=ref)
                )
                return
            seen.matched += 1

    def _finish_preexisting(self, batch: Batch) -> None:
        for ref, seen in self._preexisting.items():
            if seen.matched != seen.expected and not seen.failed:
                batch.fail(
                    seen.first_line, "sale_ref", _("sale {ref} already exists with different content").format(ref=ref)
                )

    # -- refunds -------------------------------------------------------------------------------

    def _store_refunds(self, session: Session, batch: Batch) -> None:
        refunded: dict[int, int] = {}  # sale line id -> quantity refunded so far
        for ref, group in self._refunds.items():
            if not self._check_group(group.rows, batch):
                continue
            line, values = group.rows[0]
            original = values["refund_of"]
            if not original:
                batch.fail(line, "refund_of", _("a refund names the sale it refunds"))
                continue
            sale = self._stored_sales(session, [original]).get(original)
            if sale is None:
                is_refund = session.scalar(select(Refund.id).where(Refund.ref == original)) is not None
                reason = (
                    _("only a sale can be refunded, {value} is a refund") if is_refund else _("unknown sale {value}")
                )
                batch.fail(line, "refund_of", reason.format(value=original))
                continue
            locked(session, Sale, Sale.id == sale.id)  # refunded so far is read under a counter refund's lock
            existing = session.execute(
                select(Refund.id, Refund.sale_id, Refund.refunded_at).where(Refund.ref == ref)
            ).first()
            if existing is not None:
                self._compare_refund(session, existing, sale, group, batch)
                continue
            if session.scalar(select(Sale.id).where(Sale.ref == ref)) is not None:
                batch.fail(line, "sale_ref", _("already used by a sale: {value}").format(value=ref))
                continue
            lines = self._refund_lines(session, sale, group, refunded, batch)
            if lines is None:
                continue
            refund_id = session.execute(
                insert(Refund)
                .values(
                    ref=ref, sale_id=sale.id, refunded_at=values["sold_at"], total_fen=sum(a for _i, _q, a in lines)
                )
                .returning(Refund.id)
            ).scalar_one()
            session.execute(
                insert(RefundLine),
                [
                    {"refund_id": refund_id, "sale_line_id": sid, "quantity_milli": q, "amount_fen": a}
                    for sid, q, a in lines
                ],
            )
            for sale_line_id, quantity, _amount in lines:
                refunded[sale_line_id] += quantity
            batch.added += 1

    def _refund_lines(
        self, session: Session, sale: _Stored, group: _RefundGroup, refunded: dict[int, int], batch: Batch
    ) -> list[tuple[int, int, int]] | None:
        """(sale line id, quantity, cumulative amount) per row, checked against the original sale."""
        items = self._catalog(session)
        sold_at, channel, counter, org = sale.header[:4]
        kiosk = self._kiosk_problem(channel, counter)
        if kiosk:
            for line, _values in group.rows:
                batch.fail(line, "refund_of", kiosk)
            return None
        missing = [lid for lid, _q, _p in sale.lines.values() if lid not in refunded]
        if missing:
            refunded.update(refunded_so_far(session, missing))
        result: list[tuple[int, int, int]] = []
        errors = len(batch.errors)
        for line, values in group.rows:
            if values["sold_at"] < sold_at:
                batch.fail(
                    line,
                    "sold_at",
                    _("a refund cannot be dated before its sale ({day})").format(
                        day=sold_at.astimezone(self.zone).isoformat()
                    ),
                )
                continue
            for name, expected in (("channel", channel), ("counter_code", counter), ("customer_org", org)):
                if values[name] is not None and values[name] != expected:
                    batch.fail(
                        line,
                        name,
                        _("must be blank or equal to the original sale's: {value}").format(value=expected or "—"),
                    )
            item = items.get(values["product_code"])
            stored = sale.lines.get(item.id) if item else None
            if stored is None:
                batch.fail(
                    line,
                    "product_code",
                    _("{code} is not on sale {ref}").format(code=values["product_code"], ref=values["refund_of"]),
                )
                continue
            line_id, sold, price = stored
            if values["unit_price"] is not None and values["unit_price"] != price:
                batch.fail(
                    line, "unit_price", _("must equal the original price {price}").format(price=format_fen(price))
                )
            before = refunded[line_id] + sum(q for lid, q, _a in result if lid == line_id)
            if before + values["quantity"] > sold:
                reason = _("refunds {qty} but only {left} of {sold} sold remain")
                batch.fail(
                    line,
                    "quantity",
                    reason.format(
                        qty=quantity_text(values["quantity"]),
                        left=quantity_text(sold - before),
                        sold=quantity_text(sold),
                    ),
                )
                continue
            result.append((line_id, values["quantity"], refund_amount(price, before, values["quantity"])))
        return result if len(batch.errors) == errors else None

    def _compare_refund(
        self, session: Session, existing: Any, sale: _Stored, group: _RefundGroup, batch: Batch
    ) -> None:
        """A refund ref that existed before: the same original, time and lines are skipped."""
        refund_id, sale_id, refunded_at = existing
        line, values = group.rows[0]
        items = self._catalog(session)
        wanted = sorted(
            (sale.lines[items[v["product_code"]].id][0], v["quantity"])
            for _l, v in group.rows
            if v["product_code"] in items and items[v["product_code"]].id in sale.lines
        )
        stored = sorted(
            session.execute(
                select(RefundLine.sale_line_id, RefundLine.quantity_milli).where(RefundLine.refund_id == refund_id)
            ).all()
        )
        if (
            sale_id != sale.id
            or refunded_at != values["sold_at"]
            or [tuple(r) for r in stored] != wanted
            or len(wanted) != len(group.rows)
        ):
            batch.fail(
                line, "sale_ref", _("refund {ref} already exists with different content").format(ref=values["sale_ref"])
            )
        else:
            batch.skipped += 1


def sales_kind(session: Session, actor: Actor) -> Sales:
    """The sales importer for ``actor``: a coop manager sees only their own products; at a kiosk,
    only counter sales of its own counters are accepted."""
    bound = binding(session)
    return Sales(
        business_zone(session),
        actor.supplier_id if actor.role == "coop_manager" else None,
        bound.counters if bound else None,
    )
