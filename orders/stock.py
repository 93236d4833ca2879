"""Consignment stock at the counters (代销库存, issue 16): an append-only ledger of movements.

Stock on hand of a counter and product is the sum of its movements. Each write adds movements
and, in the same transaction, moves the running balance by one atomic upsert (two writers at once
both count: the database adds, Python never reads-then-writes a balance). ``check`` proves the
balances equal the sums. A sale always sells (the goods are in the customer's hand); returning or
writing off more than is on hand is refused, with the balance row locked while it is checked.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any, NamedTuple

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from core.audit import record
from core.auth import Actor, require
from core.config import business_day, business_zone, month_bounds
from core.db import upsert
from core.errors import BangfuError, InvalidValue
from core.i18n import _
from core.locks import locked, serialize
from core.models import (
    Counter,
    Product,
    StockBalance,
    StockMinimum,
    StockMovement,
    Stocktake,
    StocktakeCount,
    utc_now,
)
from core.money import line_amount, parse_quantity, quantity_text, whole_units_problem
from orders.kiosk_binding import check_sells_here

MILLI = 1000  # one whole unit, in the thousandths quantities are kept in


@dataclass(frozen=True)
class StockLine:
    """One line of a stock document: a product, a quantity (thousandths, > 0) and, for goods
    received, the batch with its production date and shelf life where known."""

    product_id: int
    quantity_milli: int
    batch: str | None = None
    produced_on: dt.date | None = None
    shelf_life_days: int | None = None


@dataclass(frozen=True)
class Movement:
    counter_id: int
    product_id: int
    kind: str
    quantity_milli: int  # signed
    document: str
    batch: str | None = None
    produced_on: dt.date | None = None
    shelf_life_days: int | None = None
    reason: str = ""


def add_movements(
    session: Session, username: str, movements: Sequence[Movement], at: dt.datetime | None = None
) -> None:
    """Append the movements and move the balances, in the caller's transaction; ``at`` is when the
    goods moved (a sale's time), by default now."""
    at = at or utc_now()
    append_rows(session, [{**asdict(m), "username": username, "at": at, "origin": None} for m in movements])


def append_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Movement rows as stored (also a kiosk's, uploaded to the central) and their balances."""
    if not rows:
        return
    connection = session.connection()  # Core executemany: one compiled statement for any number of rows
    connection.execute(insert(StockMovement), rows)
    totals: defaultdict[tuple[int, int], int] = defaultdict(int)
    sold: dict[tuple[int, int], dt.datetime] = {}
    for row in rows:
        key = (row["counter_id"], row["product_id"])
        totals[key] += row["quantity_milli"]
        if row["kind"] == "sale":
            sold[key] = max(sold.get(key, row["at"]), row["at"])
    postgres = session.get_bind().dialect.name == "postgresql"
    stmt = upsert(session, StockBalance)
    # The later of the two times, either of which may be NULL (a kiosk's sales may arrive late).
    old, new = StockBalance.last_sold_at, stmt.excluded.last_sold_at
    later = (func.greatest if postgres else func.max)(func.coalesce(old, new), func.coalesce(new, old))
    adding = stmt.on_conflict_do_update(
        index_elements=[StockBalance.counter_id, StockBalance.product_id],
        set_={"quantity_milli": StockBalance.quantity_milli + stmt.excluded.quantity_milli, "last_sold_at": later},
    )
    # In one order (two writers never lock rows the other way round); the database adds.
    connection.execute(
        adding,
        [
            {"counter_id": c, "product_id": p, "quantity_milli": q, "last_sold_at": sold.get((c, p))}
            for (c, p), q in sorted(totals.items())
        ],
    )


def on_hand(session: Session, counter_id: int, product_id: int, lock: bool = False) -> int:
    row = locked(
        session, StockBalance, StockBalance.counter_id == counter_id, StockBalance.product_id == product_id, lock=lock
    )
    return row.quantity_milli if row else 0


def keeps_stock(session: Session, counter_id: int) -> bool:
    """Whether this counter's stock is kept in Bangfu at all (goods ever received or transferred
    in there): only then does selling what is not on hand deserve a warning. Its sales alone move
    balances below zero at every counter, so a balance row does not tell."""
    goods_in = select(StockMovement.id).where(
        StockMovement.counter_id == counter_id, StockMovement.kind.in_(("receipt", "transfer_in"))
    )
    return session.scalar(goods_in.limit(1)) is not None


def stock_warning(session: Session, counter_id: int, product_id: int, quantity_milli: int) -> str:
    """The checkout's warning when a sale takes a stock-keeping counter's stock of a product below
    zero (the caller asks ``keeps_stock`` first)."""
    left = on_hand(session, counter_id, product_id)
    if left - quantity_milli >= 0:
        return ""
    return _("only {left} on hand here: sold anyway, counted at the next stocktake").format(left=quantity_text(left))


def _counter(session: Session, code: str) -> Counter:
    counter = session.scalars(select(Counter).where(Counter.code == code)).one_or_none()
    if counter is None:
        raise InvalidValue("counter_code", _("unknown counter: {value}").format(value=code))
    check_sells_here(session, counter)
    return counter


def _checked(session: Session, lines: Sequence[StockLine]) -> dict[int, Product]:
    if not lines:
        raise BangfuError(_("a stock document needs at least one line"))
    products = {
        p.id: p for p in session.scalars(select(Product).where(Product.id.in_({ln.product_id for ln in lines})))
    }
    for line in lines:
        if line.product_id not in products:
            raise InvalidValue("product", _("unknown product id {value}").format(value=line.product_id))
        if line.quantity_milli <= 0:
            raise InvalidValue(
                "quantity",
                _("quantity must be greater than 0: {value}").format(value=quantity_text(line.quantity_milli)),
            )
        problem = whole_units_problem(line.quantity_milli, products[line.product_id].unit)
        if problem:
            raise InvalidValue("quantity", problem)
        if line.shelf_life_days is not None and line.shelf_life_days <= 0:
            raise InvalidValue(
                "shelf_life_days", _("must be greater than 0: {value}").format(value=line.shelf_life_days)
            )
    return products


# A points supermarket's goods in (orders.points_counter) are numbered the same way: 捐赠 JZ-…, 采购 CG-….
PREFIXES = {"receipt": "SH", "transfer_out": "DB", "return": "TG", "write_off": "BS", "stocktake": "PD",
            "donation": "JZ", "purchase": "CG"}  # fmt: skip


def document_number(session: Session, kind: str, counter: Counter, column: Any = StockMovement.document) -> str:
    """收货单 SH-ZZ01-20261201-01, 调拨单 DB-…, 退供单 TG-…, 报损单 BS-…, 盘点单 PD-…: per counter
    and business day, in turn (the counter sells in this database only, so no one else numbers it)."""
    serialize(session, "stock document", kind, counter.id)
    head = f"{PREFIXES[kind]}-{counter.code}-{business_day(session):%Y%m%d}-"
    taken = session.scalar(select(func.count(func.distinct(column))).where(column.like(f"{head}%")))
    return f"{head}{(taken or 0) + 1:02d}"


def receive_goods(
    session: Session,
    actor: Actor,
    counter_code: str,
    lines: Sequence[StockLine],
    document: str | None = None,
    at: dt.datetime | None = None,
) -> str:
    """收货: goods delivered by one supplier to a counter. ``document`` (an import's reference)
    makes the call idempotent: a receipt already recorded under it is not recorded again."""
    require(actor, "stock.manage")
    counter = _counter(session, counter_code)
    products = _checked(session, lines)
    suppliers = {p.supplier_id for p in products.values()}
    if len(suppliers) != 1:
        raise BangfuError(_("a receiving note is for one supplier's goods; make one note per supplier"))
    if document is not None:
        serialize(session, "stock document", document)
        if session.scalar(select(StockMovement.id).where(StockMovement.document == document).limit(1)):
            return document
    number = document or document_number(session, "receipt", counter)
    add_movements(
        session,
        actor.username,
        [
            Movement(
                counter.id,
                ln.product_id,
                "receipt",
                ln.quantity_milli,
                number,
                ln.batch,
                ln.produced_on,
                ln.shelf_life_days,
            )
            for ln in lines
        ],
        at,
    )
    record(session, actor.username, "stock.receipt", number, f"{counter.code}, {len(lines)} lines")
    return number


def _take_out(
    session: Session, actor: Actor, counter: Counter, kind: str, lines: Sequence[StockLine], reason: str, number: str
) -> list[Movement]:
    """Movements that take goods off a counter's shelf: never more than is on hand (checked
    with the balance locked, so two at once cannot both take the last one)."""
    _checked(session, lines)
    wanted: defaultdict[int, int] = defaultdict(int)
    for line in lines:
        wanted[line.product_id] += line.quantity_milli
    for product_id, quantity in sorted(wanted.items()):
        left = on_hand(session, counter.id, product_id, lock=True)
        if quantity > left:
            code = session.get(Product, product_id).code  # type: ignore[union-attr]
            raise InvalidValue(
                "quantity",
                _("{code}: only {left} on hand at {counter}, not {qty}").format(
                    code=code, left=quantity_text(left), counter=counter.code, qty=quantity_text(quantity)
                ),
            )
    return [
        Movement(counter.id, ln.product_id, kind, -ln.quantity_milli, number, ln.batch, reason=reason) for ln in lines
    ]


def transfer(session: Session, actor: Actor, from_code: str, to_code: str, lines: Sequence[StockLine]) -> str:
    """调拨: goods from one counter to another, both held in this database."""
    require(actor, "stock.manage")
    source, target = _counter(session, from_code), _counter(session, to_code)
    if source.id == target.id:
        raise InvalidValue("to_counter", _("a transfer goes to another counter"))
    number = document_number(session, "transfer_out", source)
    out = _by_lot(session, _take_out(session, actor, source, "transfer_out", lines, f"→ {target.code}", number))
    back = [
        replace(
            m, counter_id=target.id, kind="transfer_in", quantity_milli=-m.quantity_milli, reason=f"← {source.code}"
        )
        for m in out
    ]
    add_movements(session, actor.username, out + back)
    record(session, actor.username, "stock.transfer", number, f"{source.code} → {target.code}, {len(lines)} lines")
    return number


def _by_lot(session: Session, out: list[Movement]) -> list[Movement]:
    """Goods leaving a shelf split over the batches they are, first-expiry-first-out (the next to
    sell), each with its production date and shelf life: so they expire at the counter they go
    to. A line that names its batch keeps it; what no known batch covers goes without one."""
    lots: dict[int, list[Lot]] = {}
    pieces = []
    for m in out:
        if m.product_id not in lots:
            lots[m.product_id] = lots_on_hand(session, m.counter_id, m.product_id)
        left, mine = -m.quantity_milli, lots[m.product_id]
        for n, lot in enumerate(mine):
            if left == 0:
                break
            if lot.quantity_milli == 0 or (m.batch and lot.batch != m.batch):
                continue
            take = min(left, lot.quantity_milli)
            mine[n] = replace(lot, quantity_milli=lot.quantity_milli - take)
            batch = lot.batch or None
            pieces.append(
                replace(
                    m,
                    quantity_milli=-take,
                    batch=batch,
                    produced_on=lot.produced_on,
                    shelf_life_days=lot.shelf_life_days,
                )
            )
            left -= take
        if left:
            pieces.append(replace(m, quantity_milli=-left))
    return pieces


def return_to_supplier(
    session: Session, actor: Actor, counter_code: str, lines: Sequence[StockLine], reason: str
) -> str:
    """退供: goods sent back to their supplier."""
    return _send_away(session, actor, counter_code, "return", lines, reason)


def write_off(session: Session, actor: Actor, counter_code: str, lines: Sequence[StockLine], reason: str) -> str:
    """报损: expired or damaged goods, with the reason."""
    if not reason.strip():
        raise InvalidValue("reason", _("say why the goods are written off (expired, damaged…)"))
    return _send_away(session, actor, counter_code, "write_off", lines, reason)


def _send_away(
    session: Session, actor: Actor, counter_code: str, kind: str, lines: Sequence[StockLine], reason: str
) -> str:
    """Goods that leave a counter for good (returned or written off), on a numbered document."""
    require(actor, "stock.manage")
    counter = _counter(session, counter_code)
    number = document_number(session, kind, counter)
    add_movements(session, actor.username, _take_out(session, actor, counter, kind, lines, reason, number))
    record(session, actor.username, f"stock.{kind}", number, f"{counter.code}, {len(lines)} lines, {reason}")
    return number


def sale_movements(counter_id: int, ref: str, lines: Iterable[tuple[int, int]]) -> list[Movement]:
    """A counter sale's lines (product id, quantity) leave its shelf."""
    return [Movement(counter_id, product_id, "sale", -quantity, ref) for product_id, quantity in lines]


def refund_movements(
    counter_id: int, ref: str, lines: Iterable[tuple[int, int]], back_on_shelf: bool
) -> list[Movement]:
    """A refunded item comes back; when it cannot be sold again it is written off at once, so
    the ledger shows both."""
    moves = []
    for product_id, quantity in lines:
        moves.append(Movement(counter_id, product_id, "refund", quantity, ref))
        if not back_on_shelf:
            moves.append(Movement(counter_id, product_id, "write_off", -quantity, ref, reason="退货未上架"))
    return moves


@dataclass(frozen=True)
class Mismatch:
    counter_id: int
    product_id: int
    balance_milli: int
    movements_milli: int


def check(session: Session) -> list[Mismatch]:
    """Every running balance against the sum of its movements (none differ unless the database
    was edited behind Bangfu's back)."""
    sums = dict(
        ((c, p), int(q))
        for c, p, q in session.execute(
            select(StockMovement.counter_id, StockMovement.product_id, func.sum(StockMovement.quantity_milli)).group_by(
                StockMovement.counter_id, StockMovement.product_id
            )
        )
    )
    balances = {(b.counter_id, b.product_id): b.quantity_milli for b in session.scalars(select(StockBalance))}
    return [
        Mismatch(c, p, balances.get((c, p), 0), sums.get((c, p), 0))
        for c, p in sorted(set(sums) | set(balances))
        if balances.get((c, p), 0) != sums.get((c, p), 0)
    ]


def mismatch_text(mismatches: list[Mismatch]) -> str:
    first = mismatches[0]
    reason = _("{n} running balances differ from their movements; first: counter {c} product {p}: {b} ≠ {m}")
    return reason.format(
        n=len(mismatches),
        c=first.counter_id,
        p=first.product_id,
        b=quantity_text(first.balance_milli),
        m=quantity_text(first.movements_milli),
    )


def set_minimum(session: Session, actor: Actor, counter_code: str, product_id: int, quantity_milli: int) -> None:
    require(actor, "stock.manage")
    counter = _counter(session, counter_code)
    row = session.get(StockMinimum, (counter.id, product_id))
    if row is None:
        session.add(StockMinimum(counter_id=counter.id, product_id=product_id, quantity_milli=quantity_milli))
    else:
        row.quantity_milli = quantity_milli
    record(
        session, actor.username, "stock.minimum", counter.code, f"product {product_id}: {quantity_text(quantity_milli)}"
    )


# -- stocktake (盘点) ---------------------------------------------------------------------------


def _last_movement(session: Session) -> int:
    return session.scalar(select(func.max(StockMovement.id))) or 0


def start_stocktake(session: Session, actor: Actor, counter_code: str) -> str:
    """One open stocktake per counter; selling goes on meanwhile."""
    require(actor, "stock.manage")
    counter = _counter(session, counter_code)
    locked(session, Counter, Counter.id == counter.id)  # two starts at one counter take turns
    if session.scalar(
        select(Stocktake.number).where(Stocktake.counter_id == counter.id, Stocktake.approved_at.is_(None))
    ):
        raise BangfuError(_("a stocktake is already open at counter {counter}").format(counter=counter.code))
    number = document_number(session, "stocktake", counter, Stocktake.number)
    session.add(
        Stocktake(number=number, counter_id=counter.id, started_by=actor.username, mark=_last_movement(session))
    )
    session.flush()
    record(session, actor.username, "stocktake.start", number, counter.code)
    return number


def stocktake_of(session: Session, number: str) -> tuple[str, str | None] | None:
    """A stocktake's counter and who approved it (None: not approved); None if there is none."""
    row = session.execute(
        select(Counter.code, Stocktake.approved_by)
        .join(Counter, Counter.id == Stocktake.counter_id)
        .where(Stocktake.number == number)
    ).first()
    return (row[0], row[1]) if row else None


def _open_stocktake(session: Session, number: str, lock: bool = False) -> Stocktake:
    take = locked(session, Stocktake, Stocktake.number == number, lock=lock)
    if take is None:
        raise InvalidValue("stocktake", _("unknown stocktake {value}").format(value=number))
    if take.approved_at is not None:
        raise BangfuError(_("stocktake {number} is already approved").format(number=number))
    return take


def count(session: Session, actor: Actor, number: str, product_id: int, quantity_milli: int) -> None:
    """A scan or a typed count (it adds to the product's count; a negative one corrects a slip)."""
    require(actor, "stock.manage")
    take = _open_stocktake(session, number)
    if quantity_milli == 0:
        raise InvalidValue("quantity", _("quantity must not be 0"))
    if session.get(Product, product_id) is None:
        raise InvalidValue("product", _("unknown product id {value}").format(value=product_id))
    mark = _last_movement(session)
    session.add(
        StocktakeCount(
            stocktake_id=take.id,
            product_id=product_id,
            quantity_milli=quantity_milli,
            mark=mark,
            username=actor.username,
        )
    )
    session.flush()


@dataclass(frozen=True)
class Difference:
    product_id: int
    code: str
    name: str
    expected_milli: int  # on hand when it was (last) counted, by the book
    counted_milli: int | None  # None: on the book but not counted (left as it is at approval)
    price_fen: int = 0  # the product's selling price now

    @property
    def difference_milli(self) -> int:
        return 0 if self.counted_milli is None else self.counted_milli - self.expected_milli

    @property
    def value_fen(self) -> int:
        """What the difference is worth at the selling price (negative: goods missing)."""
        return line_amount(self.price_fen, self.difference_milli)


def differences(session: Session, number: str) -> list[Difference]:
    """Every product on the book at the start or counted since, by code. A product's expected
    quantity is the book at its last count: movements after that (a sale while counting) happened
    to goods already counted, so they stay and are not adjustments."""
    take = locked(session, Stocktake, Stocktake.number == number, lock=False)
    if take is None:
        raise InvalidValue("stocktake", _("unknown stocktake {value}").format(value=number))
    counted = {
        pid: int(q)
        for pid, q in session.execute(
            select(StocktakeCount.product_id, func.sum(StocktakeCount.quantity_milli))
            .where(StocktakeCount.stocktake_id == take.id)
            .group_by(StocktakeCount.product_id)
        )
    }
    # The book of each product up to its own last count (uncounted ones: up to the start).
    marks = (
        select(StocktakeCount.product_id, func.max(StocktakeCount.mark).label("mark"))
        .where(StocktakeCount.stocktake_id == take.id)
        .group_by(StocktakeCount.product_id)
        .subquery()
    )
    expected = {
        pid: int(q)
        for pid, q in session.execute(
            select(StockMovement.product_id, func.sum(StockMovement.quantity_milli))
            .outerjoin(marks, marks.c.product_id == StockMovement.product_id)
            .where(StockMovement.counter_id == take.counter_id)
            .where(StockMovement.id <= func.coalesce(marks.c.mark, take.mark))
            .group_by(StockMovement.product_id)
        )
    }
    products = {pid for pid, q in expected.items() if q} | set(counted)
    names = {p.id: p for p in session.scalars(select(Product).where(Product.id.in_(products)))}
    rows = [
        Difference(pid, names[pid].code, names[pid].name, expected.get(pid, 0), counted.get(pid), names[pid].price_fen)
        for pid in products
    ]
    return sorted(rows, key=lambda d: d.code)


def approve_stocktake(session: Session, approver: Actor, number: str) -> list[Difference]:
    """A manager's approval: each counted product's difference becomes a stocktake movement
    (reason 盘点); a product not counted keeps its book quantity (half a shelf counted must not
    write the other half off)."""
    require(approver, "stocktake.approve")
    take = _open_stocktake(session, number, lock=True)  # two approvals of one stocktake: one wins
    found = [d for d in differences(session, number) if d.difference_milli]
    add_movements(
        session,
        approver.username,
        [
            Movement(take.counter_id, d.product_id, "stocktake", d.difference_milli, number, reason="盘点")
            for d in found
        ],
    )
    take.approved_by, take.approved_at = approver.username, utc_now()
    record(session, approver.username, "stocktake.approve", number, f"{len(found)} differences")
    return found


# -- what to act on ----------------------------------------------------------------------------


class StockRow(NamedTuple):  # a tuple: a counter's whole list is tens of thousands of them
    counter: str
    code: str
    name: str
    unit: str
    on_hand_milli: int
    minimum_milli: int | None
    last_sold: dt.datetime | None

    @property
    def low(self) -> bool:
        return self.minimum_milli is not None and self.on_hand_milli < self.minimum_milli


def stock_rows(session: Session, actor: Actor, counter_code: str | None = None) -> list[StockRow]:
    """Stock on hand by counter and product code (one row per running balance). A cooperative
    manager sees their own products, at every counter."""
    require(actor, "stock.view")
    query = (
        select(
            Counter.code,
            Product.code,
            Product.name,
            Product.unit,
            StockBalance.quantity_milli,
            StockMinimum.quantity_milli,
            StockBalance.last_sold_at,
        )
        .select_from(StockBalance)
        .join(Counter, Counter.id == StockBalance.counter_id)
        .join(Product, Product.id == StockBalance.product_id)
        .outerjoin(
            StockMinimum,
            (StockMinimum.counter_id == StockBalance.counter_id) & (StockMinimum.product_id == StockBalance.product_id),
        )
        .order_by(Counter.code, Product.code)
    )
    if counter_code:
        query = query.where(Counter.code == counter_code)
    if actor.role == "coop_manager":
        query = query.where(Product.supplier_id == actor.supplier_id)
    zone = business_zone(session)
    # Through the connection: plain rows, without the ORM's result machinery (a third of the time).
    return [
        StockRow(counter, code, name, unit, quantity, minimum, sold and sold.astimezone(zone))
        for counter, code, name, unit, quantity, minimum, sold in session.connection().execute(query).all()
    ]


@dataclass(frozen=True)
class MovementRow:
    at: dt.datetime  # in the business zone
    counter: str
    code: str
    name: str
    kind: str
    quantity_milli: int  # signed
    document: str
    batch: str
    reason: str
    username: str


def movement_rows(session: Session, actor: Actor, month: str, counter_code: str | None = None) -> list[MovementRow]:
    """The month's movements (business zone), oldest first: the ledger itself, for an export. A
    cooperative manager sees their own products' only."""
    require(actor, "stock.view")
    zone = business_zone(session)
    start, end = month_bounds(month, zone)
    query = (
        select(StockMovement, Counter.code, Product.code, Product.name)
        .join(Counter, Counter.id == StockMovement.counter_id)
        .join(Product, Product.id == StockMovement.product_id)
        .where(StockMovement.at >= start, StockMovement.at < end)
        .order_by(StockMovement.at, StockMovement.id)
    )
    if counter_code:
        query = query.where(Counter.code == counter_code)
    if actor.role == "coop_manager":
        query = query.where(Product.supplier_id == actor.supplier_id)
    return [
        MovementRow(
            m.at.astimezone(zone),
            counter,
            code,
            name,
            m.kind,
            m.quantity_milli,
            m.document,
            m.batch or "",
            m.reason,
            m.username,
        )
        for m, counter, code, name in session.execute(query)
    ]


def slow_movers(rows: list[StockRow], now: dt.datetime, days: int) -> list[StockRow]:
    """Goods on the shelf that have not sold in ``days`` days (or never)."""
    since = now - dt.timedelta(days=days)
    return [r for r in rows if r.on_hand_milli > 0 and (r.last_sold is None or r.last_sold < since)]


@dataclass(frozen=True)
class Lot:
    batch: str
    expires_on: dt.date | None  # None: no shelf life given
    quantity_milli: int
    produced_on: dt.date | None = None
    shelf_life_days: int | None = None


def received_lot(batch: str | None, produced: dt.date | None, life: int | None, quantity_milli: int) -> Lot:
    """A batch as it came in; it expires shelf life days after its production date."""
    expires = produced + dt.timedelta(days=life) if produced and life else None
    return Lot(batch or "", expires, quantity_milli, produced, life)


RECEIVED = (StockMovement.kind.in_(("receipt", "transfer_in")), StockMovement.quantity_milli > 0)


def fefo_left(on_hand_milli: int, received: list[Lot]) -> list[Lot]:
    """What is left of each batch when goods sell first-expiry-first-out: the stock on hand is
    the latest-expiring batches' (those with no expiry last of all), the earlier ones are gone."""
    left, kept = on_hand_milli, []
    for batch in sorted(received, key=lambda b: (b.expires_on is None, b.expires_on or dt.date.max), reverse=True):
        if left <= 0:
            break
        take = min(left, batch.quantity_milli)
        kept.append(replace(batch, quantity_milli=take))
        left -= take
    return sorted(kept, key=lambda b: (b.expires_on is None, b.expires_on or dt.date.max))


def lots_on_hand(session: Session, counter_id: int, product_id: int) -> list[Lot]:
    """A counter's stock of a product by batch, soonest expiry first (first-expiry-first-out)."""
    query = select(
        StockMovement.batch, StockMovement.produced_on, StockMovement.shelf_life_days, StockMovement.quantity_milli
    ).where(StockMovement.counter_id == counter_id, StockMovement.product_id == product_id, *RECEIVED)
    received = [received_lot(b, p, life, q) for b, p, life, q in session.execute(query)]
    return fefo_left(on_hand(session, counter_id, product_id), received)


FEFO_HINT_DAYS = 7  # a batch this close to its end is named at every scan of the product


def fefo_hint(session: Session, counter_id: int, product_id: int, day: dt.date) -> str:
    """At a scan: the batch to sell first when it expires within a week."""
    soon = day + dt.timedelta(days=FEFO_HINT_DAYS)
    dated = [lot for lot in lots_on_hand(session, counter_id, product_id) if lot.expires_on is not None]
    first = dated[0] if dated else None
    if first is None or first.expires_on is None or first.expires_on > soon:
        return ""
    return _("sell batch {batch} first: it expires on {day}").format(
        batch=first.batch or "—", day=first.expires_on.isoformat()
    )


def receiving_hints(session: Session, number: str) -> list[str]:
    """After goods are received: for each product, an older batch on the shelf that expires before
    the new one (it goes to the front, the new goods behind it)."""
    hints = []
    for counter_id, product_id, code, batch in session.execute(
        select(StockMovement.counter_id, StockMovement.product_id, Product.code, StockMovement.batch)
        .join(Product, Product.id == StockMovement.product_id)
        .where(StockMovement.document == number, StockMovement.kind == "receipt")
        .order_by(StockMovement.id)
    ):
        lots = lots_on_hand(session, counter_id, product_id)
        new = next((lot for lot in lots if lot.batch == (batch or "")), None)
        ends = new.expires_on if new is not None else None
        older = [
            lot
            for lot in lots
            if lot.batch != (batch or "") and lot.expires_on is not None and (ends is None or lot.expires_on < ends)
        ]
        if older and older[0].expires_on is not None:
            hints.append(
                _("{code}: batch {batch} on the shelf expires first ({day}): put the new goods behind it").format(
                    code=code, batch=older[0].batch or "—", day=older[0].expires_on.isoformat()
                )
            )
    return hints


@dataclass(frozen=True)
class Expiring:
    counter: str
    code: str
    name: str
    batch: str
    expires_on: dt.date
    quantity_milli: int


def expiring(session: Session, actor: Actor, today: dt.date, within_days: int) -> list[Expiring]:
    """Batches on hand (by first-expiry-first-out) that expire within ``within_days`` days,
    soonest first: what to sell first, move, or write off."""
    rows = {(r.counter, r.code): r for r in stock_rows(session, actor)}
    received: defaultdict[tuple[str, str], list[Lot]] = defaultdict(list)
    query = (
        select(
            Counter.code,
            Product.code,
            StockMovement.batch,
            StockMovement.produced_on,
            StockMovement.shelf_life_days,
            StockMovement.quantity_milli,
        )
        .join(Counter, Counter.id == StockMovement.counter_id)
        .join(Product, Product.id == StockMovement.product_id)
        .where(*RECEIVED)
    )
    for counter, code, batch, produced, life, quantity in session.execute(query):
        received[(counter, code)].append(received_lot(batch, produced, life, quantity))
    soon = today + dt.timedelta(days=within_days)
    found = [
        Expiring(counter, code, rows[(counter, code)].name, b.batch, b.expires_on, b.quantity_milli)
        for (counter, code), batches in received.items()
        if (counter, code) in rows
        for b in fefo_left(rows[(counter, code)].on_hand_milli, batches)
        if b.expires_on is not None and b.expires_on <= soon
    ]
    return sorted(found, key=lambda e: (e.expires_on, e.counter, e.code))


@dataclass(frozen=True)
class NoteLine:
    code: str
    name: str
    unit: str
    quantity_milli: int  # as the document moved it (positive)
    batch: str
    produced_on: dt.date | None
    shelf_life_days: int | None


@dataclass(frozen=True)
class Note:
    """A stock document as printed: a receiving note, transfer, return or write-off."""

    number: str
    kind: str
    counter: str
    supplier: str
    username: str
    at: dt.datetime
    reason: str
    lines: tuple[NoteLine, ...]


def note(session: Session, actor: Actor, number: str) -> Note:
    require(actor, "stock.view")
    rows = session.execute(
        select(StockMovement, Product, Counter.code)
        .join(Product, Product.id == StockMovement.product_id)
        .join(Counter, Counter.id == StockMovement.counter_id)
        .where(StockMovement.document == number, StockMovement.kind.not_in(("transfer_in", "sale", "refund")))
        .order_by(StockMovement.id)
    ).all()
    if not rows:
        raise InvalidValue("document", _("unknown stock document {value}").format(value=number))
    first, product, counter = rows[0]
    lines = tuple(
        NoteLine(p.code, p.name, p.unit, abs(m.quantity_milli), m.batch or "", m.produced_on, m.shelf_life_days)
        for m, p, _c in rows
    )
    return Note(number, first.kind, counter, product.supplier.name, first.username, first.at, first.reason, lines)


def typed_line(
    session: Session, code: str, quantity: str, batch: str = "", produced_on: str = "", shelf_life_days: str = ""
) -> StockLine:
    """A line as a person types it in a form: product code or barcode, quantity, and optionally
    the batch, production date (YYYY-MM-DD) and shelf life in days."""
    key = code.strip()
    product = session.scalars(select(Product).where((Product.code == key) | (Product.barcode == key))).first()
    if product is None:
        raise InvalidValue("product_code", _("unknown code: {value}").format(value=key))
    amount = parse_quantity(quantity, product.unit, "quantity")
    produced = dt.date.fromisoformat(produced_on.strip()) if produced_on.strip() else None
    life = int(shelf_life_days) if shelf_life_days.strip() else None
    return StockLine(product.id, amount, batch.strip() or None, produced, life)


def open_stocktake(session: Session, counter_code: str) -> str | None:
    """The counter's stocktake that is not approved yet, if any."""
    return session.scalar(
        select(Stocktake.number)
        .join(Counter, Counter.id == Stocktake.counter_id)
        .where(Counter.code == counter_code, Stocktake.approved_at.is_(None))
    )
