"""A points supermarket's counter (积分超市, issue 17): the clerk scans a household's card, sees the
balance, scans goods and confirms; the redemption and the goods leaving the shelf are one
transaction, and the balance is checked in it (orders.points). Goods come in as donations (with
the donor and their value, a donation receipt) or bought with programme funds."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from catalog.qr import read_card
from core.audit import record
from core.auth import Actor, PermissionDenied, require
from core.errors import BangfuError, InvalidValue
from core.i18n import _
from core.identifiers import mask_name
from core.locks import serialize
from core.models import Counter, Household, PointsGood, PointsStockMovement
from core.places import place_name
from orders import points
from orders.stock import document_number


def points_counter(session: Session, code: str) -> Counter:
    counter = session.scalars(select(Counter).where(Counter.code == code)).one_or_none()
    if counter is None:
        raise InvalidValue("counter_code", _("unknown counter: {value}").format(value=code))
    if counter.kind != "points":
        raise BangfuError(_("{counter} is not a points supermarket").format(counter=code))
    return counter


@dataclass(frozen=True)
class Card:
    """What the clerk sees after scanning a card: never the ID number, the name masked."""

    code: str
    head_name: str  # masked
    place: str
    balance: int


def card(session: Session, scanned: str, day: dt.date) -> Card:
    """A scanned card (``bangfu:h/…``) or a typed household code, with its points today."""
    code = read_card(scanned)
    household = session.scalars(select(Household).where(Household.code == code)).one_or_none()
    if household is None:
        raise InvalidValue("household_code", _("unknown household {value}").format(value=code))
    balance = points.available(session, household.code, day)
    return Card(household.code, mask_name(household.head_name), place_name(household.region_code), balance)


def household_codes(session: Session, region: str | None = None) -> list[str]:
    """The households whose cards are printed: one village's (region code) or all, by code."""
    query = select(Household.code).order_by(Household.code)
    if region:
        query = query.where(Household.region_code == region.strip())
    return list(session.scalars(query))


def good(session: Session, scanned: str) -> PointsGood:
    """A points good by its barcode or code."""
    key = scanned.strip()
    found = session.scalars(select(PointsGood).where(or_(PointsGood.barcode == key, PointsGood.code == key))).first()
    if found is None:
        raise InvalidValue("good_code", _("unknown points good {value}").format(value=key))
    return found


@dataclass(frozen=True)
class Redeemed:
    ref: str
    household: str
    spent: int
    balance: int  # left after it
    lines: tuple[tuple[str, str, int, int], ...]  # name, unit, quantity, points


def redeem_at(
    session: Session,
    actor: Actor,
    counter_code: str,
    household_code: str,
    day: dt.date,
    lines: Sequence[tuple[str, int]],
) -> Redeemed:
    """兑换 at a points supermarket: the goods (code, quantity) for the household's points, and the
    goods off the supermarket's shelf, in one transaction."""
    counter = points_counter(session, counter_code)
    if actor.counter_code and actor.counter_code != counter.code:
        raise PermissionDenied(
            _("{user} sells at counter {counter} only").format(user=actor.username, counter=actor.counter_code)
        )
    merged: dict[str, int] = {}
    for code, quantity in lines:  # a good scanned twice is one line of two
        merged[code] = merged.get(code, 0) + quantity
    lines = list(merged.items())
    ref = points.redeem(session, actor, household_code, day, lines)
    goods = {g.code: g for g in session.scalars(select(PointsGood).where(PointsGood.code.in_([c for c, _q in lines])))}
    session.add_all(
        PointsStockMovement(
            counter_id=counter.id, good_id=goods[code].id, kind="redemption", quantity=-quantity, document=ref,
            username=actor.username,
        )
        for code, quantity in lines
    )  # fmt: skip
    session.flush()
    printed = tuple((goods[c].name, goods[c].unit, q, goods[c].points_price * q) for c, q in lines)
    spent = sum(p for *_rest, p in printed)
    return Redeemed(ref, household_code, spent, points.available(session, household_code, day), printed)


def goods_in(
    session: Session,
    actor: Actor,
    counter_code: str,
    kind: str,
    lines: Sequence[tuple[str, int, int]],
    donor: str = "",
) -> str:
    """Goods into the supermarket: a donation (捐赠, from ``donor``) or bought with programme funds
    (采购); lines of (good code, whole quantity, value in fen). Numbered JZ-… or CG-…."""
    require(actor, "points.redeem")
    counter = points_counter(session, counter_code)
    if kind not in ("donation", "purchase"):
        raise InvalidValue("kind", _("must be one of {choices}").format(choices="donation, purchase"))
    if kind == "donation" and not donor.strip():
        raise InvalidValue("donor", _("a donation names its donor"))
    if not lines:
        raise BangfuError(_("a document needs at least one line"))
    number = document_number(session, kind, counter, PointsStockMovement.document)
    for code, quantity, value_fen in lines:
        if quantity < 1:
            raise InvalidValue("quantity", _("must be a whole number of at least 1: {value}").format(value=quantity))
        if value_fen < 0:
            raise InvalidValue("value", _("must not be negative: {value}").format(value=value_fen))
        session.add(
            PointsStockMovement(
                counter_id=counter.id, good_id=good(session, code).id, kind=kind, quantity=quantity, document=number,
                donor=donor.strip(), value_fen=value_fen, username=actor.username,
            )
        )  # fmt: skip
    session.flush()
    record(session, actor.username, f"points.{kind}", number, f"{counter.code}, {len(lines)} lines, {donor.strip()}")
    return number


@dataclass(frozen=True)
class GoodsRow:
    counter: str
    code: str
    name: str
    unit: str
    points_price: int
    on_hand: int


def goods_on_hand(session: Session, counter_code: str | None = None) -> list[GoodsRow]:
    """Each supermarket's goods: the sum of their movements, by counter and code."""
    query = (
        select(Counter.code, PointsGood.code, PointsGood.name, PointsGood.unit, PointsGood.points_price,
               func.sum(PointsStockMovement.quantity))
        .join(Counter, Counter.id == PointsStockMovement.counter_id)
        .join(PointsGood, PointsGood.id == PointsStockMovement.good_id)
        .group_by(Counter.code, PointsGood.code, PointsGood.name, PointsGood.unit, PointsGood.points_price)
        .order_by(Counter.code, PointsGood.code)
    )  # fmt: skip
    if counter_code:
        query = query.where(Counter.code == counter_code)
    return [GoodsRow(c, code, name, unit, price, int(q)) for c, code, name, unit, price, q in session.execute(query)]


@dataclass(frozen=True)
class Donation:
    number: str
    counter: str
    donor: str
    at: dt.datetime
    username: str
    lines: tuple[tuple[str, str, int, int], ...]  # name, unit, quantity, value in fen


def donation(session: Session, number: str) -> Donation:
    rows = session.execute(
        select(PointsStockMovement, PointsGood, Counter.code)
        .join(PointsGood, PointsGood.id == PointsStockMovement.good_id)
        .join(Counter, Counter.id == PointsStockMovement.counter_id)
        .where(PointsStockMovement.document == number, PointsStockMovement.kind.in_(("donation", "purchase")))
        .order_by(PointsStockMovement.id)
    ).all()
    if not rows:
        raise InvalidValue("document", _("unknown document {value}").format(value=number))
    first, _good, counter = rows[0]
    lines = tuple((g.name, g.unit, m.quantity, m.value_fen) for m, g, _c in rows)
    return Donation(number, counter, first.donor, first.at, first.username, lines)


def supermarkets(session: Session) -> list[str]:
    """The points supermarkets' counter codes."""
    return list(session.scalars(select(Counter.code).where(Counter.kind == "points").order_by(Counter.code)))


def add_supermarket(session: Session, actor: Actor, code: str, name: str, location: str = "") -> None:
    """An administrator registers a points supermarket (a counter of the kind ``points``)."""
    require(actor, "settings.change")
    code = code.strip()
    if not code:
        raise InvalidValue("counter_code", _("required, but empty"))
    serialize(session, "counter", code)
    if session.scalar(select(Counter.id).where(Counter.code == code)) is not None:
        raise InvalidValue("counter_code", _("{value} is already used by another record").format(value=code))
    session.add(Counter(code=code, name=name.strip() or code, kind="points", location=location.strip()))
    session.flush()
    record(session, actor.username, "points.supermarket", code, name.strip())
