"""The arithmetic of points (SPEC §10), without the database: lots, oldest-first consumption,
expiry at a month's start, and the order of events within a day.

Each household's events are replayed in the SPEC's order: at the start of every month the lots
that have run out expire; then, day by day, that day's awards and positive adjustments add lots,
and its redemptions and negative adjustments (in ref order) take from the oldest lots first (by lot
date, then ref in plain string order). A spend larger than what is left at its place is an
overdraw: the services refuse whatever would cause one.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

AWARD, REDEMPTION, ADJUSTMENT = "award", "redemption", "adjustment"


class Event(NamedTuple):  # a year of a city's points is millions of them: a tuple each
    ref: str
    kind: str
    day: dt.date
    household: str
    points: int  # awards and redemptions > 0 (earned / spent); adjustments signed
    rule: str | None = None

    @property
    def gains(self) -> bool:
        return self.kind == AWARD or (self.kind == ADJUSTMENT and self.points > 0)

    @property
    def spent(self) -> int:
        """What a redemption or negative adjustment takes (0 for the others)."""
        if self.kind == REDEMPTION:
            return self.points
        return -self.points if self.kind == ADJUSTMENT and self.points < 0 else 0


def month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def month_text(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def order_key(event: Event) -> tuple[dt.date, int, str]:
    """The SPEC's order within a household: by day, gains before spends, then ref."""
    return event.day, 0 if event.gains else 1, event.ref


@dataclass
class Lot:
    day: dt.date
    ref: str
    left: int
    expires: int  # the month index at whose start what is left expires


@dataclass
class Overdraw:
    event: Event
    available: int


@dataclass
class HouseholdMonth:
    """One household's figures for one month (SPEC §10 JSON)."""

    earned: int = 0
    redeemed: int = 0
    expired: int = 0
    adjusted: int = 0
    balance: int = 0

    @property
    def moved(self) -> bool:
        return bool(self.earned or self.redeemed or self.expired or self.adjusted)


@dataclass
class Replay:
    months: dict[str, dict[int, HouseholdMonth]] = field(default_factory=dict)  # household -> month -> figures
    overdraws: list[Overdraw] = field(default_factory=list)


def replay(events: Iterable[Event], valid_months: int, until: int) -> Replay:
    """Replay every household's events up to the end of month index ``until``."""
    by_household: defaultdict[str, list[Event]] = defaultdict(list)
    for event in events:
        if month_index(event.day) <= until:
            by_household[event.household].append(event)
    result = Replay()
    for household, own in by_household.items():
        result.months[household] = _household(sorted(own, key=order_key), valid_months, until, result.overdraws)
    return result


def _household(
    events: list[Event], valid_months: int, until: int, overdraws: list[Overdraw]
) -> dict[int, HouseholdMonth]:
    lots: list[Lot] = []
    months: dict[int, HouseholdMonth] = {}
    balance = 0  # Σ lot.left, kept as lots change (summing them per month and spend was most of the time)
    in_month = [month_index(e.day) for e in events]
    position, count = 0, len(events)
    for month in range(in_month[0], until + 1):
        figures = months[month] = HouseholdMonth()
        if lots and lots[0].expires <= month:  # month-start expiries first (the oldest lots end first)
            for lot in lots:
                if lot.expires == month and lot.left:
                    figures.expired += lot.left
                    lot.left = 0
            balance -= figures.expired
            lots[:] = [lot for lot in lots if lot.left]  # spent and expired lots are done with
        while position < count and in_month[position] == month:
            event = events[position]
            position += 1
            if event.kind == AWARD:
                figures.earned += event.points
            elif event.kind == REDEMPTION:
                figures.redeemed += event.points
            else:
                figures.adjusted += event.points
            if event.gains:
                # Events come in the SPEC's order (by day, gains by ref first), so a new lot is
                # always the youngest: the list stays in (day, ref) order without sorting.
                lots.append(Lot(event.day, event.ref, event.points, month + valid_months + 1))
                balance += event.points
            else:
                balance -= _take(lots, event, balance, overdraws)
        figures.balance = balance
    return months


def _take(lots: list[Lot], event: Event, available: int, overdraws: list[Overdraw]) -> int:
    """Take a spend from the oldest lots; returns what was taken."""
    need = event.spent
    if need > available:
        overdraws.append(Overdraw(event, available))
        need = available  # what can be taken is taken, so later checks see the truth
    taken_all = need
    for lot in lots:
        if need == 0:
            break
        taken = min(lot.left, need)
        lot.left -= taken
        need -= taken
    while lots and not lots[0].left:  # the oldest are used up first: drop them from the front
        lots.pop(0)
    return taken_all


def covers(rule_region: str | None, household_region: str) -> bool:
    """A rule's region covers a household's: blank everywhere, ``410000`` the province 41xxxx,
    ``411200`` the city 4112xx, ``411224`` itself (trailing ``00`` pairs form the prefix)."""
    if not rule_region:
        return True
    prefix = rule_region
    while prefix.endswith("00") and len(prefix) > 2:
        prefix = prefix[:-2]
    return household_region.startswith(prefix)
