"""What the points reports show (issue 17), from the SPEC §10 figures: the month by village, the
rules used and the goods redeemed; a household's statement; the monthly public notice (公示) of
points earned, names masked."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.auth import Actor, require
from core.errors import InvalidValue
from core.i18n import _
from core.identifiers import mask_name
from core.models import Household, PointsEvent, PointsGood, PointsRedemptionLine, PointsRule
from core.places import place_name
from orders import points
from orders.points_ledger import ADJUSTMENT, AWARD, month_index, order_key, replay


@dataclass(frozen=True)
class VillageMonth:
    region: str
    place: str
    households: int
    earned: int
    redeemed: int
    expired: int
    adjusted: int
    outstanding: int


@dataclass(frozen=True)
class PointsMonth:
    month: str
    villages: tuple[VillageMonth, ...]
    rules: tuple[tuple[str, str, int], ...]  # code, name, points awarded
    goods: tuple[tuple[str, str, int, int], ...]  # code, name, quantity, points
    totals: dict[str, int]


def _month_days(month: str) -> tuple[dt.date, dt.date]:
    first = dt.date(int(month[:4]), int(month[5:]), 1)
    return first, (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _village(region: str, rows: list[dict[str, int]]) -> VillageMonth:
    def total(key: str) -> int:
        return sum(r[key] for r in rows)

    return VillageMonth(
        region, place_name(region), len(rows), total("earned"), total("redeemed"), total("expired"),
        total("adjusted"), total("balance"),
    )  # fmt: skip


def points_month(session: Session, actor: Actor, month: str) -> PointsMonth:
    figures = points.month_figures(session, actor, month)
    regions = dict(session.execute(select(Household.code, Household.region_code)).all())
    by_region: defaultdict[str, list[dict[str, int]]] = defaultdict(list)
    for household in figures["households"]:
        by_region[regions[household["code"]]].append(household)
    villages = tuple(_village(region, rows) for region, rows in sorted(by_region.items()))
    names = dict(session.execute(select(PointsRule.code, PointsRule.name)).all())
    first, after = _month_days(month)
    line = PointsRedemptionLine
    goods = session.execute(
        select(PointsGood.code, PointsGood.name, func.sum(line.quantity), func.sum(line.points))
        .join(PointsRedemptionLine, PointsRedemptionLine.good_id == PointsGood.id)
        .join(PointsEvent, PointsEvent.id == PointsRedemptionLine.event_id)
        .where(PointsEvent.day >= first, PointsEvent.day < after)
        .group_by(PointsGood.code, PointsGood.name)
        .order_by(PointsGood.code)
    ).all()  # fmt: skip
    totals = {k: figures[k] for k in ("earned", "redeemed", "expired", "adjusted", "outstanding")}
    return PointsMonth(
        month,
        villages,
        tuple((code, names.get(code, ""), pts) for code, pts in figures["by_rule"].items()),
        tuple((code, name, int(q), int(p)) for code, name, q, p in goods),
        totals,
    )


@dataclass(frozen=True)
class NoticeRow:
    code: str
    head_masked: str
    earned: int
    balance: int


def points_notice(session: Session, actor: Actor, month: str, region: str) -> list[NoticeRow]:
    """公示: the households of one village with points earned in the month, names masked."""
    households = {h.code: h for h in session.scalars(select(Household).where(Household.region_code == region))}
    figures = points.month_figures(session, actor, month, [h.id for h in households.values()])
    return [
        NoticeRow(h["code"], mask_name(households[h["code"]].head_name), h["earned"], h["balance"])
        for h in figures["households"]
        if h["code"] in households and h["earned"]
    ]


@dataclass(frozen=True)
class StatementRow:
    day: dt.date
    ref: str
    what: str
    points: int  # signed: + earned, − spent or expired
    balance: int  # after it


def points_statement(
    session: Session, actor: Actor, household_code: str, until: dt.date
) -> tuple[Household, list[StatementRow]]:
    """A household's points, event by event in the SPEC's order, with expiries at month starts."""
    require(actor, "points.view")
    household = session.scalars(select(Household).where(Household.code == household_code.strip())).one_or_none()
    if household is None:
        raise InvalidValue("household_code", _("unknown household {value}").format(value=household_code))
    events = sorted((e for e in points.stored_events(session, [household.id]) if e.day <= until), key=order_key)
    if not events:
        return household, []
    months = replay(events, points.valid_months(session), month_index(until)).months[household.code]
    names = dict(session.execute(select(PointsRule.code, PointsRule.name)).all())
    rows: list[StatementRow] = []
    balance, position = 0, 0
    for month in sorted(months):
        if months[month].expired:
            balance -= months[month].expired
            day = dt.date(month // 12, month % 12 + 1, 1)
            rows.append(StatementRow(day, "", "过期", -months[month].expired, balance))
        while position < len(events) and month_index(events[position].day) == month:
            event = events[position]
            position += 1
            signed = event.points if event.kind in (AWARD, ADJUSTMENT) else -event.points
            balance += signed
            what = {AWARD: f"评定：{names.get(event.rule or '', event.rule or '')}", ADJUSTMENT: "更正"}.get(
                event.kind, "兑换"
            )
            rows.append(StatementRow(event.day, event.ref, what, signed, balance))
    return household, rows
