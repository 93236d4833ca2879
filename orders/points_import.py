"""The three points files of SPEC §10 (§7 rules: CSV/XLSX, all or nothing, every bad row named,
idempotent by key): ``points_rules``, ``points_goods`` and ``points`` (awards, redemptions,
adjustments). How the 202 paper or Excel ledgers of a city move in."""

from collections import defaultdict
from typing import Any, ClassVar, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import fields as f
from catalog.fields import Column
from catalog.importing import Batch
from catalog.kinds import KeyedKind
from core.db import chunked, rows_with
from core.errors import InvalidValue
from core.i18n import _
from core.models import Household, PointsEvent, PointsGood, PointsRedemptionLine, PointsRule
from orders.points import NewEvent, check_spends, rule_problem, store
from orders.points_ledger import ADJUSTMENT, AWARD, REDEMPTION, Event

Row = tuple[int, dict[str, Any]]


class Holder(NamedTuple):
    """What an import needs of a household: the row it points to, its code, its region."""

    id: int
    code: str
    region_code: str


class PointsRules(KeyedKind):
    name = "points_rules"
    permission = "points.import"
    model = PointsRule
    key = "code"
    columns = (
        Column("code", True, f.text(64), ("项目编码", "编码")),
        Column("name", True, f.text(200), ("项目名称", "名称")),
        Column("points", True, f.whole(1), ("积分", "分值")),
        Column("region_code", False, f.region, ("行政区划代码", "区划代码")),
        Column("valid_from", True, f.date, ("开始日期", "生效日期")),
        Column("valid_until", False, f.date, ("截止日期", "有效期至")),
    )
    fields: ClassVar[dict[str, str]] = {c.name: c.name for c in columns}

    def resolve(self, session: Session, batch: Batch) -> list[Row]:
        kept = []
        for line, values in batch.rows:
            if values["valid_until"] is not None and values["valid_until"] < values["valid_from"]:
                batch.fail(line, "valid_until", _("is before valid_from {day}").format(day=values["valid_from"]))
            else:
                kept.append((line, values))
        return kept


class PointsGoods(KeyedKind):
    name = "points_goods"
    permission = "points.import"
    model = PointsGood
    key = "code"
    columns = (
        Column("code", True, f.text(64), ("商品编码", "编码")),
        Column("name", True, f.text(200), ("商品名称", "名称")),
        Column("unit", True, f.text(16), ("单位",)),
        Column("points_price", True, f.whole(1), ("积分价", "兑换积分")),
        Column("barcode", False, f.barcode, ("条码",)),
    )
    fields: ClassVar[dict[str, str]] = {c.name: c.name for c in columns}


KIND_FIELDS = {  # what each kind needs; every other optional column must be blank
    AWARD: ("rule_code",),
    REDEMPTION: ("good_code", "quantity"),
    ADJUSTMENT: ("points", "reason"),
}
OPTIONAL = ("rule_code", "times", "good_code", "quantity", "points", "reason")


class PointsEvents:
    """``import points``: held until the whole file is read (a redemption's rows may be apart),
    then checked against the whole history of every household it touches."""

    name = "points"
    permission = "points.import"
    columns = (
        Column("ref", True, f.text(64), ("单号", "编号")),
        Column("kind", True, f.one_of((AWARD, REDEMPTION, ADJUSTMENT)), ("类型",)),
        Column("date", True, f.date, ("日期",)),
        Column("household_code", True, f.text(64), ("户编码",)),
        Column("rule_code", False, f.text(64), ("项目编码",)),
        Column("times", False, f.whole(1), ("次数",)),
        Column("good_code", False, f.text(64), ("商品编码",)),
        Column("quantity", False, f.whole(1), ("数量",)),
        Column("points", False, f.whole(None), ("积分",)),
        Column("reason", False, f.text(500), ("原因", "事由")),
    )

    def __init__(self, username: str) -> None:
        self.username = username
        self.rows: list[Row] = []

    def store(self, session: Session, batch: Batch) -> None:
        self.rows.extend(batch.rows)
        if not batch.final:
            return
        groups: defaultdict[str, list[Row]] = defaultdict(list)
        for row in self.rows:
            if self._shape(batch, row):
                groups[row[1]["ref"]].append(row)
        households = self._households(session, {v["household_code"] for _l, v in self.rows})
        rules = self._by_code(session, PointsRule, {v["rule_code"] for _l, v in self.rows if v["rule_code"]})
        goods = self._by_code(session, PointsGood, {v["good_code"] for _l, v in self.rows if v["good_code"]})
        stored = {
            e.ref: e
            for refs in chunked(groups)
            for e in session.scalars(select(PointsEvent).where(PointsEvent.ref.in_(refs)))
        }
        new: list[tuple[int, NewEvent]] = []
        for ref, rows in groups.items():
            made = self._event(batch, rows, households, rules, goods)
            if made is None:
                continue
            if ref in stored:
                if self._same(session, stored[ref], made):
                    batch.skipped += len(rows)
                else:
                    batch.fail(rows[0][0], "ref", _("{key} already exists with different content").format(key=ref))
            else:
                new.append((rows[0][0], made))
        if batch.errors:
            return
        try:
            check_spends(session, [n for _line, n in new], whole_ledger=True)
        except InvalidValue as exc:  # an overdraw: on the row of the new event it names
            line = next((ln for ln, n in new if exc.reason.startswith(f"{n.event.ref}:")), new[0][0])
            batch.fail(line, exc.field, exc.reason)
            return
        store(session, self.username, [n for _line, n in new])
        batch.added += sum(len(groups[n.event.ref]) for _line, n in new)

    @staticmethod
    def _by_code(session: Session, model: Any, codes: set[str]) -> dict[str, Any]:
        return {
            row.code: row
            for chunk in chunked(codes)
            for row in session.scalars(select(model).where(model.code.in_(chunk)))
        }

    @staticmethod
    def _households(session: Session, codes: set[str]) -> dict[str, Holder]:
        """The households a file names, as plain rows: a city's file names 100,000 of them."""
        query = select(Household.code, Household.id, Household.region_code)
        return {
            code: Holder(household_id, code, region)
            for code, household_id, region in rows_with(session, query, Household.code, codes)
        }

    @staticmethod
    def _shape(batch: Batch, row: Row) -> bool:
        """Each kind's fields present and the others blank."""
        line, values = row
        needed = KIND_FIELDS[values["kind"]]
        allowed = (*needed, "times") if values["kind"] == AWARD else needed
        for column in OPTIONAL:
            if column in needed and values[column] is None:
                batch.fail(line, column, _("a {kind} needs {column}").format(kind=values["kind"], column=column))
                return False
            if column not in allowed and values[column] is not None:
                batch.fail(line, column, _("must be blank for a {kind}").format(kind=values["kind"]))
                return False
        return True

    def _event(
        self,
        batch: Batch,
        rows: list[Row],
        households: dict[str, Holder],
        rules: dict[str, PointsRule],
        goods: dict[str, PointsGood],
    ) -> NewEvent | None:
        line, first = rows[0]
        household = households.get(first["household_code"])
        if household is None:
            batch.fail(line, "household_code", _("unknown household {value}").format(value=first["household_code"]))
            return None
        if first["kind"] != REDEMPTION and len(rows) > 1:
            batch.fail(rows[1][0], "ref", _("{ref} is used by more than one row").format(ref=first["ref"]))
            return None
        if first["kind"] == AWARD:
            rule = rules.get(first["rule_code"])
            if rule is None:
                batch.fail(line, "rule_code", _("unknown rule {value}").format(value=first["rule_code"]))
                return None
            problem = rule_problem(rule, first["date"], household.region_code)
            if problem:
                batch.fail(line, "rule_code", problem)
                return None
            times = first["times"] or 1
            event = Event(first["ref"], AWARD, first["date"], household.code, rule.points * times, rule.code)
            return NewEvent(event, household.id, rule.id, times)
        if first["kind"] == ADJUSTMENT:
            event = Event(first["ref"], ADJUSTMENT, first["date"], household.code, first["points"])
            return NewEvent(event, household.id, reason=first["reason"])
        return self._redemption(batch, rows, household, goods)

    @staticmethod
    def _redemption(batch: Batch, rows: list[Row], household: Holder, goods: dict[str, PointsGood]) -> NewEvent | None:
        first = rows[0][1]
        lines, seen = [], set()
        for line, values in rows:
            good = goods.get(values["good_code"])
            if (values["date"], values["household_code"]) != (first["date"], first["household_code"]):
                batch.fail(line, "date", _("rows of one ref must agree on date and household"))
            elif good is None:
                batch.fail(line, "good_code", _("unknown points good {value}").format(value=values["good_code"]))
            elif good.id in seen:
                batch.fail(line, "good_code", _("{code} appears twice in one redemption").format(code=good.code))
            else:
                seen.add(good.id)
                lines.append((good.id, values["quantity"], good.points_price * values["quantity"]))
        if len(lines) != len(rows):
            return None
        total = sum(points for _g, _q, points in lines)
        event = Event(first["ref"], REDEMPTION, first["date"], household.code, total)
        return NewEvent(event, household.id, lines=tuple(lines))

    @staticmethod
    def _same(session: Session, stored: PointsEvent, made: NewEvent) -> bool:
        """A ref already stored is skipped when it says the same (content compared by value)."""
        mine = (
            stored.kind,
            stored.day,
            stored.household_id,
            stored.rule_id,
            stored.times or None,
            stored.points,
            stored.reason if stored.kind == ADJUSTMENT else "",
        )
        theirs = (
            made.event.kind,
            made.event.day,
            made.household_id,
            made.rule_id,
            made.times if made.event.kind == AWARD else None,
            made.event.points,
            made.reason,
        )
        if mine != theirs:
            return False
        lines = session.execute(
            select(PointsRedemptionLine.good_id, PointsRedemptionLine.quantity).where(
                PointsRedemptionLine.event_id == stored.id
            )
        ).all()
        return sorted(lines) == sorted((g, q) for g, q, _p in made.lines)
