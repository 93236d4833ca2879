"""上传下发: a kiosk sells against its own SQLite database and synchronises with the central one.

Down (下发): the registry a counter needs (suppliers, products and their certificate history,
counters, the users who may work there, a few settings) is copied from the central with the
central's ids, so a kiosk's sale lines point at the same products there and here; only the rows
changed since the last download (core.change_numbers). Households, ID numbers and linkages are
never copied: personal data stays central.

Up (上传): sales with their lines and payments, refunds, closed shifts, audit rows — append-only
records, sent in id order, as the kiosk's own PostgreSQL role (orders.kiosk_access). The central
inserts a batch in one transaction and skips what it already has (by receipt number, refund
number, counter and shift number, audit origin), so a batch cut at any point is simply sent again;
the kiosk moves its marks forward only after the central has committed.
"""

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from catalog.labels import TEMPLATES_SETTING
from core import credentials
from core.audit import Entry, append, record
from core.auth import Actor, require
from core.config import IDLE_SETTING, business_day, business_zone, get_setting, set_setting
from core.db import Database, open_database, reserve_ids, upsert
from core.errors import BangfuError, InvalidValue
from core.i18n import _
from core.identifiers import receipt_number_parts
from core.locks import one_or_new, serialize
from core.models import (
    AuditEvent,
    Base,
    CertificateEvent,
    Counter,
    Payment,
    Product,
    ReceiptSequence,
    Refund,
    RefundLine,
    Sale,
    SaleLine,
    Setting,
    Shift,
    StockMovement,
    Supplier,
    User,
    utc_now,
)
from orders import kiosk_access
from orders.kiosk_binding import CENTRAL, COUNTERS, KIOSK_ID, KioskBinding, binding
from orders.stock import append_rows

LAST_UP, LAST_DOWN = "kiosk.last_upload", "kiosk.last_download"
DOWN_FROM = "kiosk.down_from"  # the central's change number the next download starts from
SENT = {kind: f"kiosk.sent.{kind}" for kind in ("sales", "refunds", "shifts", "audit", "stock")}
REFUSE_AFTER = "kiosk.refuse_after_days"  # a registry copy older than this many days refuses sales (0: never)
DOWN_SETTINGS = ("zone", IDLE_SETTING, TEMPLATES_SETTING, REFUSE_AFTER)
STALE_AFTER = dt.timedelta(days=1)
CLOCK_TOLERANCE = dt.timedelta(minutes=5)
CLOCK = "kiosk.clock_warning"  # the last sync's warning about this PC's clock, or empty
BATCH = 20  # sales per central transaction: small, so a sync never holds the checkout up for long
AUDIT_BATCH = 200  # audit rows per central transaction (small rows, no lines)


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


def _rows(session: Session, model: type[Base], *where: Any, limit: int | None = None) -> list[dict[str, Any]]:
    table = _table(model)
    query = select(table).where(*where).order_by(table.c.id).limit(limit)
    return [dict(row._mapping) for row in session.execute(query)]


REGISTRY = (("suppliers", Supplier), ("counters", Counter), ("users", User), ("products", Product),
            ("certificate_events", CertificateEvent))  # fmt: skip


# -- enrolment ---------------------------------------------------------------------------------


def claim_counters(central: Session, actor: Actor, kiosk_id: str, codes: Iterable[str]) -> None:
    """At the central: the counters become this kiosk's, registered first if they are new. A
    counter another kiosk holds is refused (an administrator releases it with ``release_counter``)."""
    require(actor, "settings.change")
    for code in codes:
        counter = one_or_new(central, Counter, Counter.code, code)  # two kiosks naming a new one take turns
        if counter.id is None:
            counter.name, counter.kind = code, "counter"
            central.add(counter)
            central.flush()
        # One statement decides, so two kiosks claiming at once cannot both win.
        open_shift = select(Shift.id).where(Shift.counter_id == counter.id, Shift.closed_at.is_(None))
        if counter.kiosk != kiosk_id and central.scalar(open_shift) is not None:
            raise BangfuError(
                _("counter {code} has a shift open at the central: close it there first").format(code=code)
            )
        claimed = central.execute(
            update(Counter)
            .where(Counter.code == code, (Counter.kiosk.is_(None)) | (Counter.kiosk == kiosk_id))
            .values(kiosk=kiosk_id)
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            raise BangfuError(
                _("counter {code} is already claimed by another kiosk; release it at the central first").format(
                    code=code
                )
            )
        record(central, actor.username, "kiosk.claim", code, kiosk_id)


def release_counter(central: Session, actor: Actor, code: str) -> None:
    """At the central: the counter may be claimed by another kiosk (a PC replaced or moved)."""
    require(actor, "settings.change")
    released = central.execute(update(Counter).where(Counter.code == code).values(kiosk=None))
    if released.rowcount != 1:  # type: ignore[attr-defined]
        raise InvalidValue("counter", _("no counter {code}").format(code=code))
    record(central, actor.username, "kiosk.release", code, "")


def bind(kiosk: Session, central_url: str, kiosk_id: str, codes: Iterable[str]) -> None:
    set_setting(kiosk, KIOSK_ID, kiosk_id)
    set_setting(kiosk, CENTRAL, central_url)
    set_setting(kiosk, COUNTERS, json.dumps(sorted(set(codes))))


def new_kiosk_id() -> str:
    return uuid.uuid4().hex


# -- down --------------------------------------------------------------------------------------


def registry_copy(central: Session, counters: tuple[str, ...], since: int = 0) -> "RegistryCopy":
    """What a kiosk of ``counters`` receives: the registry rows changed from the change number
    ``since`` on (0: all), never households, ID numbers or linkages. Only the central's
    PostgreSQL stamps change numbers (migration 0013)."""
    # Taken before the rows are read: a change whose transaction is still running now is
    # stamped with a number from here on, so the next download finds it.
    cursor = int(central.scalar(text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")) or 0)
    workers = (User.role.in_(("admin", "manager"))) | (User.counter_code.in_(counters))

    def changed(model: type[Base], *where: Any) -> list[dict[str, Any]]:
        table = _table(model)
        return _rows(central, model, *where, *((table.c.change_no >= since,) if since else ()))

    rows = {
        "suppliers": changed(Supplier),
        "counters": [{**row, "uploaded_until": None} for row in changed(Counter)],
        "users": [{**row, "failed_attempts": 0, "locked_until": None} for row in changed(User, workers)],
        "products": changed(Product),
        "certificate_events": changed(CertificateEvent),
    }
    settings = central.execute(select(Setting.key, Setting.value).where(Setting.key.in_(DOWN_SETTINGS)))
    return RegistryCopy(
        rows, [dict(row._mapping) for row in settings], set(central.scalars(select(User.id).where(workers))), cursor
    )


@dataclass(frozen=True)
class RegistryCopy:
    rows: dict[str, list[dict[str, Any]]]  # by table: the rows changed since the kiosk's last download
    settings: list[dict[str, Any]]
    workers: set[int]  # the users who may work at this kiosk now: the others are switched off here
    cursor: int  # where the next download starts


@dataclass(frozen=True)
class RegistryChanges:
    """What differs between the central's registry and the kiosk's copy, by table: rows to add
    and rows to bring up to date (with the central's ids), users no longer working here, the
    settings, and where the next download starts."""

    fresh: dict[str, list[dict[str, Any]]]
    changed: dict[str, list[dict[str, Any]]]
    retired: list[int]
    settings: list[dict[str, Any]]
    cursor: int

    @property
    def rows(self) -> int:
        return sum(map(len, self.fresh.values())) + sum(map(len, self.changed.values())) + len(self.retired)


def _rows_by_id(session: Session, model: type[Base], ids: list[int]) -> dict[int, dict[str, Any]]:
    table, found = _table(model), dict[int, dict[str, Any]]()
    for start in range(0, len(ids), 5000):  # SQLite takes at most 32,766 parameters
        found.update((row["id"], row) for row in _rows(session, model, table.c.id.in_(ids[start : start + 5000])))
    return found


def registry_changes(kiosk: Session, copy: RegistryCopy) -> RegistryChanges:
    """Compared in a read transaction, so the write that follows is as short as the difference:
    the checkout waits for that write, and a registry that did not change writes nothing."""
    fresh, changed = {}, {}
    for name, model in REGISTRY:
        have = _rows_by_id(kiosk, model, [row["id"] for row in copy.rows[name]])
        fresh[name] = [row for row in copy.rows[name] if row["id"] not in have]
        changed[name] = [row for row in copy.rows[name] if row["id"] in have and have[row["id"]] != row]
    retired = list(kiosk.scalars(select(User.id).where(User.active, User.id.not_in(copy.workers))))
    return RegistryChanges(fresh, changed, retired, copy.settings, copy.cursor)


def store_copy(kiosk: Session, changes: RegistryChanges) -> int:
    """The differences into the kiosk, in the caller's transaction; returns the rows written."""
    for name, model in REGISTRY:
        table = _table(model)
        if changes.fresh[name]:
            kiosk.execute(insert(table), changes.fresh[name])
        for row in changes.changed[name]:
            kiosk.execute(update(table).where(table.c.id == row["id"]).values(**row))
    if changes.retired:  # moved to another counter or gone: they no longer sign in here
        kiosk.execute(update(User).where(User.id.in_(changes.retired)).values(active=False))
    for row in changes.settings:
        set_setting(kiosk, row["key"], row["value"])
    set_setting(kiosk, DOWN_FROM, str(changes.cursor))
    set_setting(kiosk, LAST_DOWN, utc_now().isoformat())
    return changes.rows


@dataclass(frozen=True)
class Numbers:
    """Where the central left the claimed counters' numbering: the kiosk goes on from there, so
    no receipt or shift number is made twice (the central would take the second for the first)."""

    receipts: list[dict[str, Any]]  # receipt_sequences rows (one per counter and day sold)
    shifts: list[dict[str, Any]]  # each counter's latest shift


def numbers_at(central: Session, counters: tuple[str, ...], since: dt.date | None = None) -> Numbers:
    """At join every day's numbers (``since`` None); at each round the last week's, so a kiosk
    restored from a backup goes on after what it had already sent."""
    ids = list(central.scalars(select(Counter.id).where(Counter.code.in_(counters))))
    sequences = _table(ReceiptSequence)
    recent = (sequences.c.business_day >= since,) if since else ()
    receipts = central.execute(select(sequences).where(sequences.c.counter_id.in_(ids), *recent))
    latest = (
        select(Shift.counter_id, func.max(Shift.number).label("number"))
        .where(Shift.counter_id.in_(ids))
        .group_by(Shift.counter_id)
        .subquery()
    )
    shifts = _rows(central, Shift, Shift.counter_id == latest.c.counter_id, Shift.number == latest.c.number)
    return Numbers([dict(row._mapping) for row in receipts], shifts)


def store_numbers(kiosk: Session, numbers: Numbers) -> None:
    """At the kiosk, in the caller's transaction: numbering continues after the central's."""
    for row in numbers.receipts:
        key = (ReceiptSequence.counter_id == row["counter_id"], ReceiptSequence.business_day == row["business_day"])
        have = kiosk.scalar(select(ReceiptSequence.last_no).where(*key))
        if have is None:
            kiosk.execute(insert(ReceiptSequence), row)
        elif have < row["last_no"]:
            kiosk.execute(update(ReceiptSequence).where(*key).values(last_no=row["last_no"]))
    for row in numbers.shifts:  # sent up again later, and recognised there as the central's own
        mine = select(func.max(Shift.number)).where(Shift.counter_id == row["counter_id"])
        if (kiosk.scalar(mine) or 0) < row["number"]:
            kiosk.execute(insert(Shift), {k: v for k, v in row.items() if k != "id"})


# -- up ----------------------------------------------------------------------------------------


@dataclass
class Outbox:
    """Records the kiosk has not sent yet, oldest first, with the marks to move to once sent."""

    sales: list[dict[str, Any]]
    lines: list[dict[str, Any]]
    payments: list[dict[str, Any]]
    refunds: list[dict[str, Any]]
    refund_lines: list[dict[str, Any]]
    shifts: list[dict[str, Any]]
    audit: list[dict[str, Any]]
    stock: list[dict[str, Any]]  # stock movements
    marks: dict[str, int]
    sale_refs: dict[int, str]  # kiosk sale id -> receipt number, for the refunds' sales
    line_keys: dict[int, tuple[str, int]]  # kiosk sale line id -> (receipt number, line number)

    @property
    def empty(self) -> bool:
        return not (self.sales or self.refunds or self.shifts or self.audit or self.stock)


def _mark(session: Session, kind: str) -> int:
    return int(get_setting(session, SENT[kind], "0"))


def outbox(kiosk: Session, limit: int = BATCH) -> Outbox:
    """The next batch to send: sales, then the refunds and closed shifts up to them."""
    sales = _rows(kiosk, Sale, Sale.id > _mark(kiosk, "sales"), limit=limit)
    sale_ids = [row["id"] for row in sales]
    sent_up_to = max(sale_ids, default=_mark(kiosk, "sales"))
    refunds = []
    for row in _rows(kiosk, Refund, Refund.id > _mark(kiosk, "refunds"), limit=limit):
        if row["sale_id"] > sent_up_to:  # its sale goes in a later batch; refunds keep their order
            break
        refunds.append(row)
    refund_ids = [row["id"] for row in refunds]
    shifts = []
    for row in _rows(kiosk, Shift, Shift.id > _mark(kiosk, "shifts")):
        if row["closed_at"] is None:  # shifts close in order: the open one and later wait
            break
        shifts.append(row)
    audit = _rows(kiosk, AuditEvent, AuditEvent.id > _mark(kiosk, "audit"), limit=AUDIT_BATCH)
    stock = _rows(kiosk, StockMovement, StockMovement.id > _mark(kiosk, "stock"), limit=AUDIT_BATCH)
    refund_lines = _rows(kiosk, RefundLine, RefundLine.refund_id.in_(refund_ids))
    refunded = kiosk.execute(
        select(SaleLine.id, Sale.ref, SaleLine.line_no)
        .join(Sale)
        .where(SaleLine.id.in_([row["sale_line_id"] for row in refund_lines]))
    ).all()
    marks = {
        "sales": sent_up_to,
        "refunds": max(refund_ids, default=_mark(kiosk, "refunds")),
        "shifts": max((row["id"] for row in shifts), default=_mark(kiosk, "shifts")),
        "audit": max((row["id"] for row in audit), default=_mark(kiosk, "audit")),
        "stock": max((row["id"] for row in stock), default=_mark(kiosk, "stock")),
    }
    return Outbox(
        sales,
        _rows(kiosk, SaleLine, SaleLine.sale_id.in_(sale_ids)),
        _rows(kiosk, Payment, Payment.sale_id.in_(sale_ids)),
        refunds,
        refund_lines,
        shifts,
        audit,
        stock,
        marks,
        _refs_of(kiosk, [row["sale_id"] for row in refunds]),
        {line_id: (ref, line_no) for line_id, ref, line_no in refunded},
    )


def _refs_of(kiosk: Session, sale_ids: list[int]) -> dict[int, str]:
    return {sale_id: ref for sale_id, ref in kiosk.execute(select(Sale.id, Sale.ref).where(Sale.id.in_(sale_ids)))}


def pending(kiosk: Session) -> dict[str, int]:
    """How many records wait to be sent, by kind."""

    def count(model: type[Base], kind: str, *where: Any) -> int:
        table = _table(model)
        return kiosk.scalar(select(func.count()).where(table.c.id > _mark(kiosk, kind), *where)) or 0

    return {
        "sales": count(Sale, "sales"),
        "refunds": count(Refund, "refunds"),
        "shifts": count(Shift, "shifts", Shift.closed_at.is_not(None)),
        "audit": count(AuditEvent, "audit"),
        "stock": count(StockMovement, "stock"),
    }


def _central_ids(central: Session, column: Any, keys: list[Any]) -> dict[Any, int]:
    if not keys:
        return {}
    key_column = column.table.c.id
    return {key: id_ for key, id_ in central.execute(select(column, key_column).where(column.in_(keys)))}


def receive(central: Session, kiosk_id: str, box: Outbox) -> dict[str, int]:
    """At the central, in the caller's transaction: insert what it does not have yet; a record
    it already has (sent before a cut) is skipped. Only the kiosk's own counters are accepted.
    Two uploads of one kiosk at once (the timer and 立即同步) take turns."""
    serialize(central, "kiosk upload", kiosk_id)
    received = central_now(central)
    own = set(central.scalars(select(Counter.id).where(Counter.kiosk == kiosk_id)))
    foreign = [row["ref"] for row in box.sales if row["counter_id"] not in own]
    if foreign:
        raise BangfuError(_("sale {ref} is not of a counter this kiosk holds").format(ref=foreign[0]))
    if any(row["counter_id"] not in own for row in box.shifts):
        raise BangfuError(_("a shift of a counter this kiosk does not hold cannot be uploaded"))
    added = {"shifts": 0}
    have = {
        row.ref: row
        for row in central.execute(
            select(Sale.ref, Sale.counter_id, Sale.sold_at, Sale.total_fen).where(
                Sale.ref.in_([sale["ref"] for sale in box.sales])
            )
        )
    }
    for sale in box.sales:  # sent before a cut: the same sale; else a number made twice
        known = have.get(sale["ref"])
        if known is not None and (known.counter_id, known.sold_at, known.total_fen) != (
            sale["counter_id"],
            sale["sold_at"],
            sale["total_fen"],
        ):
            reason = _(
                "receipt number {ref} is already another sale at the central (this kiosk numbered it again, "
                "e.g. restored from an old backup): nothing more is sent; ask an administrator"
            )
            raise BangfuError(reason.format(ref=sale["ref"]))
    new = [sale for sale in box.sales if sale["ref"] not in have]
    # The central's ids are taken first, so the whole batch goes in as three multi-row inserts.
    ids = dict(zip((sale["id"] for sale in new), reserve_ids(central, _table(Sale), len(new)), strict=True))
    if new:
        central.execute(insert(Sale), [{**sale, "id": ids[sale["id"]], "received_at": received} for sale in new])
        central.execute(insert(SaleLine), _children(box.lines, ids))
        payments = _children(box.payments, ids)
        if payments:
            central.execute(insert(Payment), payments)
    added["sales"] = len(new)
    _note_numbers(central, new)
    added["refunds"] = _receive_refunds(central, box)
    for shift in box.shifts:
        opened = central.scalar(
            select(Shift.opened_at).where(Shift.counter_id == shift["counter_id"], Shift.number == shift["number"])
        )
        if opened is not None and opened != shift["opened_at"]:
            raise BangfuError(_("shift {number} is another shift at the central").format(number=shift["number"]))
        if opened is None:
            central.execute(insert(Shift), {k: v for k, v in shift.items() if k != "id"})
            added["shifts"] += 1
    added["audit"] = _receive_audit(central, kiosk_id, box.audit)
    added["stock"] = _receive_stock(central, kiosk_id, box.stock)
    return added


def _receive_stock(central: Session, kiosk_id: str, rows: list[dict[str, Any]]) -> int:
    """The kiosk's stock movements, each once (by its origin), moving the central's balances."""
    new = [
        {**{k: v for k, v in row.items() if k != "id"}, "origin": key}
        for key, row in _not_yet_sent(central, StockMovement.origin, kiosk_id, rows)
    ]
    append_rows(central, new)
    return len(new)


def _note_numbers(central: Session, sales: list[dict[str, Any]]) -> None:
    """The central keeps the kiosk's receipt numbers as its own, so a kiosk restored from an old
    backup goes on after them at its next download (``numbers_at``)."""
    last: dict[tuple[int, dt.date], int] = {}
    for sale in sales:
        parts = receipt_number_parts(sale["ref"]) if sale["counter_id"] else None
        if parts is not None:
            key = (sale["counter_id"], parts[1])
            last[key] = max(last.get(key, 0), parts[2])
    for (counter_id, day), number in sorted(last.items()):
        stmt = upsert(central, ReceiptSequence).values(counter_id=counter_id, business_day=day, last_no=number)
        central.execute(
            stmt.on_conflict_do_update(
                index_elements=[ReceiptSequence.counter_id, ReceiptSequence.business_day],
                set_={"last_no": func.greatest(ReceiptSequence.last_no, stmt.excluded.last_no)},
            )
        )


def _receive_audit(central: Session, kiosk_id: str, rows: list[dict[str, Any]]) -> int:
    """The kiosk's audit rows join the central's chain, each once (by its origin), with the
    kiosk's time and user."""
    fields = ("at", "username", "action", "target", "summary")
    entries = [
        Entry(**{field: row[field] for field in fields}, origin=origin)
        for origin, row in _not_yet_sent(central, AuditEvent.origin, kiosk_id, rows)
    ]
    append(central, entries)
    return len(entries)


def _not_yet_sent(
    central: Session, origin: Any, kiosk_id: str, rows: list[dict[str, Any]]
) -> list[tuple[str, dict[str, Any]]]:
    """(origin, row) of the kiosk's rows the central does not hold yet ("<kiosk id>:<its id>")."""
    origins = {f"{kiosk_id}:{row['id']}": row for row in rows}
    have = set(central.scalars(select(origin).where(origin.in_(list(origins)))))
    return [(key, row) for key, row in origins.items() if key not in have]


def _children(rows: list[dict[str, Any]], sale_ids: dict[int, int]) -> list[dict[str, Any]]:
    """Lines or payments of the sales being inserted, pointing at the central's sale ids."""
    return [
        {**{k: v for k, v in row.items() if k != "id"}, "sale_id": sale_ids[row["sale_id"]]}
        for row in rows
        if row["sale_id"] in sale_ids
    ]


def _receive_refunds(central: Session, box: Outbox) -> int:
    """Refunds point at the central's own sale and line ids, found by receipt number and line."""
    have = _central_ids(central, Refund.ref, [row["ref"] for row in box.refunds])
    added = 0
    sale_ids = _central_ids(central, Sale.ref, sorted(set(box.sale_refs.values())))
    line_ids = {
        (ref, line_no): line_id
        for line_id, ref, line_no in central.execute(
            select(SaleLine.id, Sale.ref, SaleLine.line_no).join(Sale).where(Sale.ref.in_(list(sale_ids)))
        )
    }
    for refund in box.refunds:
        if refund["ref"] in have:
            continue
        new_id = central.execute(
            insert(Refund).returning(Refund.id),
            {**{k: v for k, v in refund.items() if k != "id"}, "sale_id": sale_ids[box.sale_refs[refund["sale_id"]]]},
        ).scalar_one()
        central.execute(
            insert(RefundLine),
            [
                {
                    **{k: v for k, v in line.items() if k != "id"},
                    "refund_id": new_id,
                    "sale_line_id": line_ids[box.line_keys[line["sale_line_id"]]],
                }
                for line in box.refund_lines
                if line["refund_id"] == refund["id"]
            ],
        )
        added += 1
    return added


def central_now(central: Session) -> dt.datetime:
    """The central's clock (not this PC's): when its records arrived, and how far a kiosk's is off."""
    now = central.scalar(select(func.now()))
    assert isinstance(now, dt.datetime)
    return now if now.tzinfo else now.replace(tzinfo=dt.UTC)


def clock_warning(kiosk_time: dt.datetime, central_time: dt.datetime) -> str:
    """A kiosk clock more than five minutes off the central's: its sales' times are doubtful."""
    off = kiosk_time - central_time
    if abs(off) <= CLOCK_TOLERANCE:
        return ""
    minutes = round(abs(off).total_seconds() / 60)
    text = (
        _("this PC's clock is {minutes} minutes ahead of the central's: set it right")
        if off > dt.timedelta(0)
        else _("this PC's clock is {minutes} minutes behind the central's: set it right")
    )
    return text.format(minutes=minutes)


def heard_from(central: Session, kiosk_id: str, until: dt.datetime) -> None:
    """At the central: this kiosk's counters have sent everything sold before ``until``."""
    central.execute(update(Counter).where(Counter.kiosk == kiosk_id).values(uploaded_until=until))


@dataclass(frozen=True)
class Behind:
    counter: str
    uploaded_until: dt.datetime | None  # None: never


def counters_behind(session: Session, month_end: dt.datetime) -> list[Behind]:
    """At the central: kiosks' counters that have not sent everything up to the month's end, so
    the month's figures may still grow (late uploads show as differences against an issue)."""
    rows = session.execute(
        select(Counter.code, Counter.uploaded_until)
        .where(Counter.kiosk.is_not(None))
        .where(Counter.uploaded_until.is_(None) | (Counter.uploaded_until < month_end))
        .order_by(Counter.code)
    )
    return [Behind(code, until) for code, until in rows]


def behind_text(behind: list[Behind], zone: dt.tzinfo | None) -> str:
    """The reports' warning (in Chinese, as the reports are) naming the counters behind."""
    named = "、".join(
        f"{b.counter}（已上传至 {b.uploaded_until.astimezone(zone):%Y-%m-%d %H:%M}）" if b.uploaded_until
        else f"{b.counter}（尚未上传）"
        for b in behind
    )  # fmt: skip
    return f"【注意】以下专柜的销售尚未全部上传至月末，本月数字可能还会增加：{named}。"


def mark_sent(kiosk: Session, marks: dict[str, int]) -> None:
    for kind, value in marks.items():
        set_setting(kiosk, SENT[kind], str(value))
    set_setting(kiosk, LAST_UP, utc_now().isoformat())


# -- the whole round ---------------------------------------------------------------------------


def join(kiosk_db: Database, central_db: Database, actor: Actor, codes: Iterable[str]) -> KioskBinding:
    """Enrol this database as a kiosk of ``central_db`` selling at ``codes``: the central
    registers and gives it the counters, then its registry is copied here. Joining again (more
    counters, or after a failed first try) keeps the kiosk's identity."""
    codes = sorted({code.strip().upper() for code in codes if code.strip()})
    if not codes:
        raise BangfuError(_("name at least one counter: --counter CODE"))
    too_long = [code for code in codes if len(code) > 32]
    if too_long:
        raise InvalidValue("counter", _("longer than {n} characters").format(n=32) + f": {too_long[0]}")
    with kiosk_db.read_session() as session:
        bound = binding(session)
        has_own_registry = bound is None and session.scalar(select(Supplier.id).limit(1)) is not None
    if has_own_registry:
        raise BangfuError(_("this database has a registry of its own: a kiosk starts from a new database"))
    kiosk_id = bound.kiosk_id if bound else new_kiosk_id()
    codes = sorted({*codes, *(bound.counters if bound else ())})
    if central_db.engine.dialect.name != "postgresql":
        raise BangfuError(_("the central must be a PostgreSQL database, not {db}").format(db=central_db.description))
    try:
        with central_db.session() as central, central.begin():
            claim_counters(central, actor, kiosk_id, codes)
            kiosk_access.prepare(central, DOWN_SETTINGS)
            role, password = kiosk_access.grant(central, kiosk_id)
    except ProgrammingError as exc:  # the account named in --central may not create roles
        reason = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
        raise BangfuError(
            _("{db} refused to create the kiosk's role ({reason}): join with an account that may (CREATEROLE)").format(
                db=central_db.description, reason=reason
            )
        ) from None
    own = central_db.url.set(username=role, password=password)
    stored = credentials.keep(own).render_as_string(hide_password=False)
    as_kiosk = open_database(own.render_as_string(hide_password=False), migrate=False)
    try:  # the first download already goes through the kiosk's own role
        with _reaching(as_kiosk), as_kiosk.read_session() as central:
            copy = registry_copy(central, tuple(codes))
            numbers = numbers_at(central, tuple(codes))
    finally:
        as_kiosk.dispose()
    with kiosk_db.read_session() as session:
        changes = registry_changes(session, copy)
    with kiosk_db.session() as session, session.begin():
        store_copy(session, changes)
        store_numbers(session, numbers)
        bind(session, stored, kiosk_id, codes)
        record(session, actor.username, "kiosk.join", ",".join(codes), central_db.description)
    return KioskBinding(kiosk_id, stored, tuple(codes))


@dataclass(frozen=True)
class Synced:
    uploaded: dict[str, int]
    downloaded: int


@contextmanager
def _reaching(central_db: Database) -> Iterator[None]:
    """A connection to the central lost half-way (network, server restart) is a message, not a
    failure of the program: nothing the central did not confirm was marked sent."""
    try:
        yield
    except IntegrityError as exc:  # a unique number the kiosk may not see (another counter's)
        reason = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
        raise BangfuError(
            _("{db} refused the batch ({reason}); nothing was marked sent").format(
                db=central_db.description, reason=reason
            )
        ) from None
    except (OperationalError, InterfaceError) as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
        raise BangfuError(
            _("the connection to {db} was lost ({reason}); what it did not confirm will be sent again").format(
                db=central_db.description, reason=reason
            )
        ) from None


def synchronise(kiosk_db: Database, central_db: Database, download: bool = True) -> Synced:
    """Up until the queue is empty, then (unless ``download`` is False: right after a sale)
    down. Each batch: read at the kiosk, commit at the central, then mark at the kiosk; a cut
    anywhere leaves the batch to be sent again."""
    with kiosk_db.read_session() as session:
        bound = binding(session)
    if bound is None:
        raise BangfuError(_("this database is not a kiosk: enrol it first with kiosk join"))
    uploaded = dict.fromkeys(SENT, 0)
    while True:
        with kiosk_db.read_session() as session:
            emptied_at = utc_now()  # read before the outbox: what is sold later is not covered
            box = outbox(session)
        if box.empty:
            with _reaching(central_db), central_db.session() as central, central.begin():
                heard_from(central, bound.kiosk_id, emptied_at)
            break
        with _reaching(central_db), central_db.session() as central, central.begin():
            for kind, n in receive(central, bound.kiosk_id, box).items():
                uploaded[kind] += n
        with kiosk_db.session() as session, session.begin():
            mark_sent(session, box.marks)
    if not download:
        if not any(uploaded.values()):
            with kiosk_db.session() as session, session.begin():
                set_setting(session, LAST_UP, utc_now().isoformat())
        return Synced(uploaded, 0)
    with kiosk_db.read_session() as session:
        since = int(get_setting(session, DOWN_FROM, "0"))
    with _reaching(central_db), central_db.read_session() as central:
        copy = registry_copy(central, bound.counters, since)
        numbers = numbers_at(central, bound.counters, business_day(central) - dt.timedelta(days=7))
        clock = clock_warning(utc_now(), central_now(central))
    with kiosk_db.read_session() as session:
        changes = registry_changes(session, copy)
    with kiosk_db.session() as session, session.begin():
        downloaded = store_copy(session, changes)
        store_numbers(session, numbers)
        set_setting(session, CLOCK, clock)
        if not any(uploaded.values()):
            set_setting(session, LAST_UP, utc_now().isoformat())
    return Synced(uploaded, downloaded)


def open_central(bound: KioskBinding) -> Database:
    """The kiosk's central, reached as the kiosk's own role with the password from the keyring;
    a central that does not answer is given up after a few seconds (a clerk may be waiting)."""
    url = credentials.filled(make_url(bound.central_url))
    if "connect_timeout" not in url.query:
        url = url.update_query_dict({"connect_timeout": "5"})
    return open_database(url.render_as_string(hide_password=False), migrate=False)


def refund_elsewhere(session: Session, ref: str) -> BangfuError:
    """At a kiosk, a receipt to refund that is not here: the refusal, saying where it was sold.
    A sale is refunded where it was sold: that counter's kiosk is the one place that knows all of
    its refunds, also offline, so no two counters can refund the same item, and the money goes
    back from the drawer that took it."""
    bound = binding(session)
    if bound is None:
        return BangfuError(_("unknown sale {value}").format(value=ref))
    try:
        central_db = open_central(bound)
        try:
            with _reaching(central_db), central_db.read_session() as central:
                found = central.execute(text("SELECT * FROM bangfu_where_sold(:ref)"), {"ref": ref}).first()
                zone = business_zone(central)
        finally:
            central_db.dispose()
    except BangfuError as exc:
        why = _("receipt {ref} was not sold at this kiosk, and the central cannot be reached to look it up: {reason}")
        return BangfuError(why.format(ref=ref, reason=exc))
    if found is None:
        return BangfuError(_("unknown sale {value}").format(value=ref))
    counter, day = f"{found.counter_code} {found.counter_name}", f"{found.sold_at.astimezone(zone):%Y-%m-%d}"
    if found.kiosk:
        there = _("receipt {ref} was sold at {counter} on {day}: refund it there, where its money was taken")
    else:
        there = _("receipt {ref} was sold at {counter} on {day}, on the central ledger: refund it at the central")
    return BangfuError(there.format(ref=ref, counter=counter, day=day))


def sync_kiosk(kiosk_db: Database, download: bool = True) -> Synced:
    """One round for the kiosk ``kiosk_db``, reaching its central; BangfuError when the central
    cannot be reached (nothing is marked sent then)."""
    with kiosk_db.read_session() as session:
        bound = binding(session)
    if bound is None:
        raise BangfuError(_("this database is not a kiosk: enrol it first with kiosk join"))
    central = open_database(
        credentials.filled(make_url(bound.central_url)).render_as_string(hide_password=False), migrate=False
    )
    try:
        return synchronise(kiosk_db, central, download)
    finally:
        central.dispose()


def registry_staleness(session: Session, now: dt.datetime | None = None) -> tuple[str, bool]:
    """At a kiosk whose copy of the registry is over a day old: the warning shown at every sale
    (a certificate may have been revoked at the central meanwhile), and whether sales are refused
    because the copy is older than the central's ``kiosk.refuse_after_days``. ("", False) else."""
    last = get_setting(session, LAST_DOWN)  # one read at every scan; only kiosks have it
    if not last:  # not a kiosk (or bound by hand, never downloaded: join always downloads)
        return "", False
    age = (now or utc_now()) - dt.datetime.fromisoformat(last)
    if age <= STALE_AFTER:
        return "", False
    days = age.days
    limit = int(get_setting(session, REFUSE_AFTER, "0") or 0)
    if limit and age > dt.timedelta(days=limit):
        reason = _("this kiosk's copy of the registry is {days} days old (the limit is {limit}): sync before selling")
        return reason.format(days=days, limit=limit), True
    return _("this kiosk's copy of the registry is {days} days old: certificates may have changed; sync soon").format(
        days=days
    ), False


def status(kiosk: Session) -> dict[str, Any]:
    """For ``sync --status`` and the status bar: what waits, and when each way last worked."""
    bound = binding(kiosk)
    return {
        "kiosk": bound.kiosk_id if bound else None,
        "counters": list(bound.counters) if bound else [],
        "pending": pending(kiosk),
        "last_upload": get_setting(kiosk, LAST_UP) or None,
        "last_download": get_setting(kiosk, LAST_DOWN) or None,
        "registry_warning": registry_staleness(kiosk)[0] or None,
        "clock_warning": get_setting(kiosk, CLOCK) or None,
    }
