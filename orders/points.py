"""Points supermarkets (积分超市, SPEC §10): awards for work and conduct, redemptions for goods,
adjustments with a reason — records, never edits — and the month's figures.

Every write that spends points replays the household's whole history with it (orders.points_ledger)
and is refused when any redemption or negative adjustment, stored or new, would then take more
than is left at its place. Two spends of one household at once take turns (a lock on the
household), so a balance never goes below zero.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from core.audit import record
from core.auth import Actor, require
from core.bulk import insert_rows, read_rows
from core.collector import collector_paused
from core.config import business_zone, get_setting, month_bounds
from core.db import chunked, reserve_ids
from core.errors import BangfuError, InvalidValue
from core.i18n import _
from core.locks import serialize
from core.models import Household, PointsEvent, PointsGood, PointsRedemptionLine, PointsRule, utc_now
from orders.points_ledger import ADJUSTMENT, AWARD, REDEMPTION, Event, covers, month_index, order_key, replay
from orders.points_proposals import add_proposal, approval_threshold, check_region, decide, take_proposal

VALID_MONTHS = "points_valid_months"


def valid_months(session: Session) -> int:
    """How many months after its own a lot stays valid (SPEC §10; setting, default 12)."""
    return int(get_setting(session, VALID_MONTHS, "12") or 12)


def stored_events(session: Session, household_ids: Iterable[int] | None = None) -> list[Event]:
    query = (
        select(PointsEvent.ref, PointsEvent.kind, PointsEvent.day, Household.code, PointsEvent.points, PointsRule.code)
        .join(Household, Household.id == PointsEvent.household_id)
        .outerjoin(PointsRule, PointsRule.id == PointsEvent.rule_id)
    )
    if household_ids is None:
        return [Event(*row) for row in read_rows(session, query)]
    return [
        Event(*row)
        for ids in chunked(household_ids)
        for row in read_rows(session, query.where(PointsEvent.household_id.in_(ids)))
    ]


@dataclass(frozen=True)
class NewEvent:
    """An event about to be stored, with what it is made of."""

    event: Event
    household_id: int
    rule_id: int | None = None
    times: int | None = None
    reason: str = ""
    lines: tuple[tuple[int, int, int], ...] = ()  # (good id, quantity, points)


def check_spends(session: Session, new: Sequence[NewEvent], whole_ledger: bool = False) -> None:
    """Refuse ``new`` if, with them, any spend of their households would exceed what is left at
    its place; names the new row that causes it (a back-dated spend can make a later one fail).
    ``whole_ledger`` (an import): one lock on every household's points instead of one each, which
    PostgreSQL's lock table, a few thousand entries, could not hold for a city's file."""
    households = {n.household_id for n in new}
    if whole_ledger:
        serialize(session, "points")
    else:
        serialize(session, "points", shared=True)  # waits while an import holds the whole ledger
        for household_id in sorted(households):
            serialize(session, "points", household_id)  # two spends of one household take turns
    events = stored_events(session, households) + [n.event for n in new]
    if not events:
        return
    result = replay(events, valid_months(session), max(month_index(e.day) for e in events))
    if not result.overdraws:
        return
    first = min(result.overdraws, key=lambda o: order_key(o.event))
    refs = {n.event.ref for n in new}
    if first.event.ref in refs:
        named = first.event
    else:
        named = min((n.event for n in new if n.event.household == first.event.household), key=order_key)
    reason = _("{ref}: only {available} points are available for {spend} on {day}")
    if named.ref != first.event.ref:
        reason = _("{ref}: it leaves {other} on {day} with only {available} points for {spend}")
    raise InvalidValue(
        "points",
        reason.format(
            ref=named.ref,
            available=first.available,
            spend=first.event.spent,
            day=first.event.day.isoformat(),
            other=first.event.ref,
        ),
    )


def store(session: Session, username: str, new: Sequence[NewEvent]) -> None:
    """Insert checked events and their redemption lines, in the caller's transaction: ids reserved
    first, then one executemany for the events and one for the lines (a year's file is millions)."""
    if not new:
        return
    events = cast(Table, PointsEvent.__table__)
    ids = reserve_ids(session, events, len(new))
    at = utc_now()
    insert_rows(
        session,
        events,
        ("id", "ref", "kind", "day", "household_id", "rule_id", "times", "points", "reason", "username", "at"),
        [
            (event_id, n.event.ref, n.event.kind, n.event.day, n.household_id, n.rule_id, n.times, n.event.points,
             n.reason, username, at)
            for event_id, n in zip(ids, new, strict=True)
        ],
    )  # fmt: skip
    insert_rows(
        session,
        cast(Table, PointsRedemptionLine.__table__),
        ("event_id", "good_id", "quantity", "points"),
        [(event_id, g, q, p) for event_id, n in zip(ids, new, strict=True) for g, q, p in n.lines],
    )


def rule_problem(rule: PointsRule, day: dt.date, household_region: str) -> str | None:
    """Why ``rule`` cannot award a household of ``household_region`` on ``day`` (None: it can)."""
    if day < rule.valid_from:
        return _("rule {code} is valid from {day}").format(code=rule.code, day=rule.valid_from.isoformat())
    if rule.valid_until is not None and day > rule.valid_until:
        return _("rule {code} was valid until {day}").format(code=rule.code, day=rule.valid_until.isoformat())
    if not covers(rule.region_code, household_region):
        return _("rule {code} does not apply in region {region}").format(code=rule.code, region=household_region)
    return None


def _household(session: Session, code: str) -> Household:
    found = session.scalars(select(Household).where(Household.code == code.strip())).one_or_none()
    if found is None:
        raise InvalidValue("household_code", _("unknown household {value}").format(value=code))
    return found


def _ref(session: Session, prefix: str, day: dt.date) -> str:
    serialize(session, "points ref", prefix, day)
    head = f"{prefix}{day:%Y%m%d}-"
    taken = session.scalar(select(func.count()).select_from(PointsEvent).where(PointsEvent.ref.like(f"{head}%")))
    return f"{head}{(taken or 0) + 1:04d}"


class Outcome(NamedTuple):
    number: str  # the award's or adjustment's ref, or the proposal's number (SP-…) while it waits
    pending: bool


def award(session: Session, actor: Actor, household_code: str, rule_code: str, day: dt.date, times: int = 1) -> Outcome:
    """评定: a rule × times for a household; above the approval threshold it is a proposal."""
    require(actor, "points.award")
    household = _household(session, household_code)
    check_region(actor, household)
    rule = session.scalars(select(PointsRule).where(PointsRule.code == rule_code.strip())).one_or_none()
    if rule is None:
        raise InvalidValue("rule_code", _("unknown rule {value}").format(value=rule_code))
    problem = rule_problem(rule, day, household.region_code)
    if problem:
        raise InvalidValue("rule_code", problem)
    if times < 1:
        raise InvalidValue("times", _("must be a whole number of at least 1: {value}").format(value=times))
    if rule.points * times > approval_threshold(session):
        number = add_proposal(session, actor, AWARD, household, day, rule.points * times, rule, times)
        record(session, actor.username, "points.propose", number, f"{household.code}, {rule.code} × {times}")
        return Outcome(number, True)
    return Outcome(_record_award(session, actor.username, household, rule, day, times), False)


def _record_award(
    session: Session, username: str, household: Household, rule: PointsRule, day: dt.date, times: int
) -> str:
    ref = _ref(session, "A", day)
    event = Event(ref, AWARD, day, household.code, rule.points * times, rule.code)
    store(session, username, [NewEvent(event, household.id, rule.id, times)])
    record(session, username, "points.award", ref, f"{household.code}, {rule.code} × {times}")
    return ref


def award_many(
    session: Session, actor: Actor, rule_code: str, day: dt.date, household_codes: Sequence[str], times: int = 1
) -> list[Outcome]:
    """A meeting's list at once: one rule for every ticked household, all or none."""
    if not household_codes:
        raise BangfuError(_("tick at least one household"))
    return [award(session, actor, code, rule_code, day, times) for code in household_codes]


def redeem(session: Session, actor: Actor, household_code: str, day: dt.date, lines: Sequence[tuple[str, int]]) -> str:
    """兑换: goods by code and whole quantity; refused whole if the points are not there."""
    require(actor, "points.redeem")
    household = _household(session, household_code)
    if not lines:
        raise BangfuError(_("a redemption needs at least one line"))
    goods = {g.code: g for g in session.scalars(select(PointsGood).where(PointsGood.code.in_([c for c, _q in lines])))}
    priced = []
    for code, quantity in lines:
        good = goods.get(code)
        if good is None:
            raise InvalidValue("good_code", _("unknown points good {value}").format(value=code))
        if quantity < 1:
            raise InvalidValue("quantity", _("must be a whole number of at least 1: {value}").format(value=quantity))
        priced.append((good.id, quantity, good.points_price * quantity))
    ref = _ref(session, "R", day)
    total = sum(points for _g, _q, points in priced)
    new = NewEvent(Event(ref, REDEMPTION, day, household.code, total), household.id, lines=tuple(priced))
    check_spends(session, [new])
    store(session, actor.username, [new])
    record(session, actor.username, "points.redeem", ref, f"{household.code}, {total} points")
    return ref


def adjust(session: Session, actor: Actor, household_code: str, day: dt.date, points: int, reason: str) -> Outcome:
    """更正: a signed number of points with the reason, proposed; it counts once a second person
    approves it (``approve``), and a negative one then spends like a redemption."""
    require(actor, "points.adjust")
    household = _household(session, household_code)
    check_region(actor, household)
    if points == 0:
        raise InvalidValue("points", _("an adjustment is not 0 points"))
    if not reason.strip():
        raise InvalidValue("reason", _("an adjustment needs a reason"))
    number = add_proposal(session, actor, ADJUSTMENT, household, day, points, reason=reason.strip())
    record(session, actor.username, "points.propose", number, f"{household.code}, {points:+d}, {reason.strip()}")
    return Outcome(number, True)


def approve(session: Session, approver: Actor, number: str) -> str:
    """审核: a second person counts a proposal; returns the award's or adjustment's ref. A negative
    adjustment that the household's points no longer cover is refused (the proposal stays open)."""
    proposal = take_proposal(session, approver, number)
    household = session.get(Household, proposal.household_id)
    assert household is not None
    if proposal.kind == AWARD:
        rule = session.get(PointsRule, proposal.rule_id)
        assert rule is not None
        assert proposal.times is not None
        ref = _record_award(session, proposal.proposed_by, household, rule, proposal.day, proposal.times)
    else:
        ref = _ref(session, "J", proposal.day)
        event = Event(ref, ADJUSTMENT, proposal.day, household.code, proposal.points)
        new = NewEvent(event, household.id, reason=proposal.reason)
        check_spends(session, [new])
        store(session, proposal.proposed_by, [new])
        summary = f"{household.code}, {proposal.points:+d}, {proposal.reason}"
        record(session, proposal.proposed_by, "points.adjust", ref, summary)
    decide(proposal, approver, ref)
    record(session, approver.username, "points.approve", proposal.number, f"→ {ref}")
    return ref


def refuse(session: Session, approver: Actor, number: str, why: str) -> None:
    """A second person refuses a proposal, saying why; it never counts."""
    if not why.strip():
        raise InvalidValue("reason", _("say why the proposal is refused"))
    proposal = take_proposal(session, approver, number)
    decide(proposal, approver, None, why.strip())
    record(session, approver.username, "points.refuse", proposal.number, why.strip())


def available(session: Session, household_code: str, day: dt.date) -> int:
    """The household's points at the end of ``day`` (the redemption counter shows this)."""
    household = _household(session, household_code)
    events = [e for e in stored_events(session, [household.id]) if e.day <= day]
    if not events:
        return 0
    months = replay(events, valid_months(session), month_index(day)).months.get(household.code, {})
    return months[month_index(day)].balance if months else 0


@collector_paused()  # a year of events, every one alive until the month is replayed
def month_figures(
    session: Session, actor: Actor, month: str, household_ids: Iterable[int] | None = None
) -> dict[str, Any]:
    """``python main.py points --month`` (SPEC §10 JSON); ``household_ids``: those households only
    (a village's notice need not replay the whole city)."""
    require(actor, "points.view")
    month_bounds(month, business_zone(session))  # a bad month is a clear message
    target = int(month[:4]) * 12 + int(month[5:]) - 1
    events = stored_events(session, household_ids)
    result = replay(events, valid_months(session), target)
    by_rule: defaultdict[str, int] = defaultdict(int)
    for event in events:
        if event.kind == AWARD and month_index(event.day) == target and event.rule:
            by_rule[event.rule] += event.points
    households = []
    for code in sorted(result.months):
        figures = result.months[code].get(target)
        if figures is None or not (figures.moved or figures.balance):
            continue
        households.append(
            {
                "code": code,
                "earned": figures.earned,
                "redeemed": figures.redeemed,
                "expired": figures.expired,
                "adjusted": figures.adjusted,
                "balance": figures.balance,
            }
        )
    return {
        "month": month,
        "earned": sum(h["earned"] for h in households),
        "redeemed": sum(h["redeemed"] for h in households),
        "expired": sum(h["expired"] for h in households),
        "adjusted": sum(h["adjusted"] for h in households),
        "outstanding": sum(h["balance"] for h in households),
        "by_rule": dict(sorted(by_rule.items())),
        "households": households,
    }
