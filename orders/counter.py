"""The counter's services: scanning, carts that survive a restart, paying (SPEC §4, §5)."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from catalog.certificates import SELLABLE, effective_status
from catalog.qr import read_label
from catalog.search import find_products
from core.audit import record
from core.auth import Actor, Approval, require
from core.codes import COUNTER_KINDS
from core.errors import BangfuError, InvalidValue
from core.i18n import _
from core.locks import locked, one_or_new
from core.models import Cart as CartRow
from core.models import Counter, Product, utc_now
from orders.cart import Cart, CartLine
from orders.kiosk import registry_staleness
from orders.ledger import PaymentDraft, SaleDraft, SaleRecorded, record_sale
from orders.shifts import current_shift
from orders.stock import MILLI, fefo_hint, keeps_stock, stock_warning


@dataclass(frozen=True)
class Scanned:
    line: CartLine
    warning: str = ""  # e.g. an expired batch on the label: sold, but the clerk should look


def refusal(product: Product, day: dt.date) -> str | None:
    """Why a product cannot be sold on ``day`` (SPEC §4), or None."""
    status = effective_status(product, day)
    if status == SELLABLE:
        return None
    reasons = {
        "expired": _("certificate expired on {day}").format(day=product.valid_until.isoformat()),
        "pending": _("certificate valid only from {day}").format(day=product.certified_on.isoformat()),
        "suspended": _("certificate suspended"),
        "revoked": _("certificate revoked"),
    }
    return _("{name}: {reason}, it cannot be sold").format(name=product.name, reason=reasons[status])


def scan(session: Session, text: str, day: dt.date, counter_code: str | None = None) -> Scanned:
    """What the scanner typed: an EAN-13 barcode, a product code, or a Bangfu label's QR; at
    ``counter_code``, with a warning when its stock of the product has run out."""
    text = text.strip()
    label = read_label(text)
    key = (label.barcode or label.code or "") if label else text
    # an EAN-8 imported from an XLSX number cell was padded to 13 digits (SPEC §7)
    barcodes = [key, key.zfill(13)] if len(key) == 8 and key.isdigit() else [key]
    product = session.scalars(select(Product).where(or_(Product.barcode.in_(barcodes), Product.code == key))).first()
    if product is None:
        if label is not None:
            raise InvalidValue(
                "scan", _("this label names a product that is not registered here: {value}").format(value=key)
            )
        raise InvalidValue("scan", _("unknown code: {value}").format(value=text))
    reason = refusal(product, day)
    if reason:
        raise BangfuError(reason)
    stale, refused = registry_staleness(session)
    if refused:
        raise BangfuError(stale)
    warnings = [stale] if stale else []
    if label is not None and label.expires is not None and label.expires < day:
        warnings.append(
            _("the batch {batch} on this label expired on {day}").format(
                batch=label.batch or "", day=label.expires.isoformat()
            )
        )
    counter_id = session.scalar(select(Counter.id).where(Counter.code == counter_code)) if counter_code else None
    if counter_id is not None and keeps_stock(session, counter_id):  # only then is its stock worth a word
        warnings.append(stock_warning(session, counter_id, product.id, MILLI))
        warnings.append(fefo_hint(session, counter_id, product.id, day))
    warning = "; ".join(w for w in warnings if w)
    return Scanned(CartLine(product.id, product.code, product.name, product.unit, product.price_fen), warning)


@dataclass(frozen=True)
class Suggestion:
    line: CartLine
    refusal: str | None  # why it cannot be sold today; shown, so the clerk does not try


def matches(session: Session, text: str, day: dt.date, limit: int = 12) -> list[Suggestion]:
    """Products for typed text or pinyin initials, for the clerk to choose from."""
    return [
        Suggestion(CartLine(p.id, p.code, p.name, p.unit, p.price_fen), refusal(p, day))
        for p in find_products(session, text, limit)
    ]


def save_open_cart(session: Session, cart: Cart) -> None:
    """The cart being scanned, saved after every change (one per counter)."""
    row = session.scalars(
        select(CartRow).where(CartRow.counter_code == cart.counter_code, CartRow.state == "open")
    ).first()
    if row is None:
        row = CartRow(counter_code=cart.counter_code, state="open", label="", payload="")
        session.add(row)
    row.payload, row.updated_at = cart.to_json(), utc_now()


def open_cart(session: Session, counter_code: str) -> Cart:
    """The counter's unfinished cart after a restart, or a new empty one."""
    row = session.scalars(select(CartRow).where(CartRow.counter_code == counter_code, CartRow.state == "open")).first()
    return Cart.from_json(row.payload) if row else Cart(counter_code)


def hold_cart(session: Session, cart: Cart, label: str) -> None:
    """挂单: put the cart aside under a label; the counter starts a new one."""
    if not cart.lines:
        raise BangfuError(_("the cart is empty"))
    session.add(
        CartRow(
            counter_code=cart.counter_code, state="held", label=label.strip() or _("held cart"), payload=cart.to_json()
        )
    )
    session.execute(delete(CartRow).where(CartRow.counter_code == cart.counter_code, CartRow.state == "open"))


def held_carts(session: Session, counter_code: str) -> list[tuple[int, str, Cart]]:
    rows = session.scalars(
        select(CartRow).where(CartRow.counter_code == counter_code, CartRow.state == "held").order_by(CartRow.id)
    )
    return [(row.id, row.label, Cart.from_json(row.payload)) for row in rows]


def recall_cart(session: Session, cart_id: int) -> Cart:
    """取单: the held cart becomes the counter's open cart (a draft, so it is simply moved)."""
    row = session.get(CartRow, cart_id)
    if row is None or row.state != "held":
        raise BangfuError(_("the record was not found; it may have been changed elsewhere"))
    session.execute(delete(CartRow).where(CartRow.counter_code == row.counter_code, CartRow.state == "open"))
    row.state, row.label = "open", ""
    return Cart.from_json(row.payload)


def checkout(
    session: Session,
    actor: Actor,
    cart: Cart,
    payments: tuple[PaymentDraft, ...],
    when: dt.datetime | None = None,
    approval: Approval | None = None,
) -> SaleRecorded:
    """Commit the cart as one sale with its payments, in the caller's transaction, and clear it.
    The cart's key makes a second press of "pay" return the same sale."""
    require(actor, "sale.record")
    if not cart.lines:
        raise BangfuError(_("the cart is empty"))
    stale, refused = registry_staleness(session)
    if refused:
        raise BangfuError(stale)
    # A sale outside every shift would be in no Z report. The counter's row is locked, so a shift
    # closing at this moment either sees this sale or this sale sees the shift closed.
    if locked(session, Counter, Counter.code == cart.counter_code) is not None and (
        current_shift(session, cart.counter_code) is None
    ):
        raise BangfuError(
            _("no shift is open at counter {counter}: open one with the cash float first (F9)").format(
                counter=cart.counter_code
            )
        )
    draft = SaleDraft(
        channel="counter",
        sold_at=when or utc_now(),
        lines=cart.drafts(),
        payments=payments,
        counter_code=cart.counter_code,
        cashier_id=actor.user_id,
        idempotency_key=cart.key,
    )
    recorded = record_sale(session, actor, draft, approval=approval)
    session.execute(delete(CartRow).where(CartRow.counter_code == cart.counter_code, CartRow.state == "open"))
    return recorded


def save_counter(session: Session, actor: Actor, code: str, name: str, kind: str, location: str = "") -> Counter:
    """Register a counter (专柜 counter, 专区 zone or 专馆 hall) or rename an existing one."""
    require(actor, "settings.change")
    code = code.strip().upper()
    if not code or len(code) > 32:
        raise InvalidValue(
            "code", _("required, but empty") if not code else _("longer than {n} characters").format(n=32)
        )
    if kind not in COUNTER_KINDS:
        raise InvalidValue("kind", _("must be one of {choices}").format(choices=", ".join(COUNTER_KINDS)))
    counter = one_or_new(session, Counter, Counter.code, code)
    counter.name, counter.kind, counter.location = name.strip() or code, kind, location.strip()
    session.add(counter)
    session.flush()
    record(session, actor.username, "counter.save", code, f"{counter.name} ({kind})")
    return counter


@dataclass(frozen=True)
class CounterState:
    counter_code: str | None  # None: no counter is registered yet
    cart: Cart
    shift_number: int | None  # the open shift


def counter_state(session: Session, counter_code: str | None) -> CounterState:
    """What a checkout opens with: its counter (the first registered one when the workstation is
    bound to none), the cart left unfinished there, and the open shift."""
    code = counter_code or next((counter.code for counter in counters(session)), None)
    if code is None:
        return CounterState(None, Cart(""), None)
    shift = current_shift(session, code)
    return CounterState(code, open_cart(session, code), shift.number if shift else None)


def counters(session: Session) -> list[Counter]:
    return list(session.scalars(select(Counter).order_by(Counter.code)))
