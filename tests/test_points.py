"""Points supermarkets (SPEC §10): hand-made cases worked out on paper, a property over any
sequence, the files, and two redemptions at once."""

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from catalog.importing import ImportFailed, import_file
from catalog.kinds import registry_kinds
from core.auth import Actor
from core.errors import InvalidValue
from core.models import Household, PointsGood, PointsRule
from orders import points
from orders.points_import import PointsEvents, PointsGoods, PointsRules
from orders.points_ledger import ADJUSTMENT, AWARD, REDEMPTION, Event, covers, month_index, replay
from tests.factories import ADMIN
from tests.files import SAMPLES

D = dt.date


MANAGER = Actor("li", "manager")
HEADER_EVENTS = [
    "ref",
    "kind",
    "date",
    "household_code",
    "rule_code",
    "times",
    "good_code",
    "quantity",
    "points",
    "reason",
]


def _adjusted(session: Session, household: str, day: dt.date, amount: int, reason: str) -> str:
    """An adjustment as it comes to count: proposed by one person, approved by a second."""
    proposed = points.adjust(session, ADMIN, household, day, amount, reason)
    assert proposed.pending
    return points.approve(session, MANAGER, proposed.number)


def _registry(session: Session) -> None:
    import_file(session, ADMIN, registry_kinds()["households"], SAMPLES / "households.csv")
    session.add_all(
        [
            PointsRule(code="LD", name="公益劳动", points=10, region_code="411200", valid_from=D(2026, 1, 1)),
            PointsRule(
                code="WS",
                name="庭院整洁",
                points=5,
                region_code=None,
                valid_from=D(2026, 1, 1),
                valid_until=D(2026, 6, 30),
            ),
            PointsRule(code="XA", name="外县项目", points=8, region_code="411225", valid_from=D(2026, 1, 1)),
            PointsGood(code="OIL", name="食用油", unit="桶", points_price=30),
            PointsGood(code="SOAP", name="肥皂", unit="块", points_price=4),
        ]
    )
    session.flush()


def test_lots_expire_at_the_start_of_the_thirteenth_month_and_spends_take_the_oldest_first(session: Session) -> None:
    _registry(session)
    points.award(session, ADMIN, "LS001", "LD", D(2026, 1, 10), times=5)  # 50, valid through 2027-01
    points.award(session, ADMIN, "LS001", "LD", D(2026, 3, 15), times=5)  # 50, valid through 2027-03
    points.redeem(session, ADMIN, "LS001", D(2026, 4, 1), [("OIL", 2)])  # 60: all of January's, 10 of March's
    assert points.available(session, "LS001", D(2026, 4, 1)) == 40
    january_lot_gone = points.month_figures(session, ADMIN, "2027-02")
    assert january_lot_gone["households"] == [
        {"code": "LS001", "earned": 0, "redeemed": 0, "expired": 0, "adjusted": 0, "balance": 40}
    ]
    april = points.month_figures(session, ADMIN, "2027-04")
    assert april["expired"] == 40  # what was left of 2026-03-15 expires at the start of 2027-04
    assert april["outstanding"] == 0
    assert april["households"][0]["expired"] == 40
    assert points.month_figures(session, ADMIN, "2027-05")["households"] == []  # nothing moved, nothing left


def test_a_month_as_the_spec_json_with_adjustments_only_in_adjusted(session: Session) -> None:
    _registry(session)
    points.award(session, ADMIN, "LS001", "LD", D(2026, 5, 3), times=3)  # 30
    points.award(session, ADMIN, "LS002", "WS", D(2026, 5, 4))  # 5
    _adjusted(session, "LS002", D(2026, 5, 5), 7, "补记四月劳动")
    points.redeem(session, ADMIN, "LS001", D(2026, 5, 6), [("SOAP", 3)])  # 12
    _adjusted(session, "LS001", D(2026, 5, 7), -8, "重复登记")
    figures = points.month_figures(session, ADMIN, "2026-05")
    assert figures == {
        "month": "2026-05",
        "earned": 35,
        "redeemed": 12,
        "expired": 0,
        "adjusted": -1,
        "outstanding": 22,
        "by_rule": {"LD": 30, "WS": 5},
        "households": [
            {"code": "LS001", "earned": 30, "redeemed": 12, "expired": 0, "adjusted": -8, "balance": 10},
            {"code": "LS002", "earned": 5, "redeemed": 0, "expired": 0, "adjusted": 7, "balance": 12},
        ],
    }
    june = points.month_figures(session, ADMIN, "2026-06")
    assert [h["code"] for h in june["households"]] == ["LS001", "LS002"]  # non-zero balances, no movement
    assert june["by_rule"] == {}


def test_rules_apply_by_region_prefix_and_dates_and_a_spend_never_overdraws(session: Session) -> None:
    _registry(session)
    assert covers("410000", "411224")
    assert covers("411200", "411224")
    assert covers("410100", "410100")
    assert not covers("411224", "411225")
    assert not covers("410100", "410000")  # a province's household is not in one of its cities
    with pytest.raises(InvalidValue, match="does not apply in region 411224"):
        points.award(session, ADMIN, "LS001", "XA", D(2026, 2, 1))
    with pytest.raises(InvalidValue, match="valid from 2026-01-01"):
        points.award(session, ADMIN, "LS001", "LD", D(2025, 12, 31))
    with pytest.raises(InvalidValue, match="valid until 2026-06-30"):
        points.award(session, ADMIN, "LS001", "WS", D(2026, 7, 1))
    points.award(session, ADMIN, "LS001", "WS", D(2026, 6, 30))  # the last valid day counts
    with pytest.raises(InvalidValue, match="only 5 points are available for 30"):
        points.redeem(session, ADMIN, "LS001", D(2026, 6, 30), [("OIL", 1)])
    with pytest.raises(InvalidValue, match="only 5 points"):
        _adjusted(session, "LS001", D(2026, 7, 1), -6, "错误")
    assert points.available(session, "LS001", D(2026, 7, 1)) == 5


def _events_file(tmp_path: Path, name: str, rows: list[str]) -> Path:
    path = tmp_path / name
    header = "ref,kind,date,household_code,rule_code,times,good_code,quantity,points,reason\n"
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_the_three_files_all_or_nothing_idempotent_and_ref_order_within_a_day(session: Session, tmp_path: Path) -> None:
    import_file(session, ADMIN, registry_kinds()["households"], SAMPLES / "households.csv")
    rules = tmp_path / "rules.csv"
    rules.write_text(
        "code,name,points,region_code,valid_from,valid_until\nLD,公益劳动,10,411200,2026-01-01,\n"
        "JY,子女就学,20,,2026-01-01,2026-12-31\n",
        encoding="utf-8",
    )
    goods = tmp_path / "goods.csv"
    goods.write_text("code,name,unit,points_price,barcode\nOIL,食用油,桶,30.0,\nSOAP,肥皂,块,4,\n", encoding="utf-8")
    assert import_file(session, ADMIN, PointsRules(), rules).added == 2
    assert import_file(session, ADMIN, PointsGoods(), goods).added == 2  # "30.0" is whole
    good = _events_file(
        tmp_path,
        "points.csv",
        [
            "A1,award,2026-03-01,LS001,LD,2,,,,",
            "A2,award,2026-03-01,LS001,JY,,,,,",
            "R-A10,redemption,2026-03-02,LS001,,,OIL,1,,",
            "R-A10,redemption,2026-03-02,LS001,,,SOAP,1.0,,",
            "R-A9,redemption,2026-03-02,LS001,,,SOAP,1,,",
            "J1,adjustment,2026-03-03,LS001,,,,,-2,登记有误",
        ],
    )
    assert import_file(session, ADMIN, PointsEvents("test-admin"), good).added == 6
    assert import_file(session, ADMIN, PointsEvents("test-admin"), good).skipped == 6  # the same again
    assert points.available(session, "LS001", D(2026, 3, 31)) == 40 - 34 - 4 - 2  # 2×10 + 20, spent, corrected
    overdraw = _events_file(
        tmp_path,
        "over.csv",
        [
            "A3,award,2026-04-01,LS002,LD,1,,,,",
            "R-B10,redemption,2026-04-01,LS002,,,SOAP,2,,",  # 8 of 10: R-B10 comes before R-B9 ("1" < "9")
            "R-B9,redemption,2026-04-01,LS002,,,SOAP,1,,",
        ],
    )
    with pytest.raises(ImportFailed, match=r"line 4.*R-B9: only 2 points are available for 4"):
        import_file(session, ADMIN, PointsEvents("test-admin"), overdraw)
    bad = _events_file(
        tmp_path,
        "bad.csv",
        [
            "A4,award,2026-04-01,LS002,,,,,,",  # no rule
            "A5,award,2026-04-01,LS002,LD,1.5,,,,",  # not whole
            "J2,adjustment,2026-04-01,LS002,,,,,5,",  # no reason
            "R1,redemption,2026-04-01,LS002,LD,,SOAP,1,,",  # a rule on a redemption
        ],
    )
    with pytest.raises(ImportFailed) as refused:
        import_file(session, ADMIN, PointsEvents("test-admin"), bad)
    shown = str(refused.value)
    for expected in ("line 2", "rule_code", "line 3", "times", "line 4", "reason", "line 5"):
        assert expected in shown
    assert points.available(session, "LS002", D(2026, 4, 30)) == 0  # nothing of either file came in


def test_an_import_holds_one_lock_for_the_ledger_not_one_per_household(session: Session, tmp_path: Path) -> None:
    """PostgreSQL's lock table holds a few thousand entries: a city's file of 100,000 households
    must not take a lock for each (it ran out of shared memory)."""
    from sqlalchemy import text

    def held() -> int:
        ours = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
        return session.scalar(text(ours)) if session.get_bind().dialect.name == "postgresql" else 0

    _registry(session)
    before = held()
    rows = [f"A{n},award,2026-03-01,LS00{n},LD,1,,,," for n in range(1, 7)]
    rows += [f"R{n},redemption,2026-03-02,LS00{n},,,SOAP,1,," for n in range(1, 7)]
    assert import_file(session, ADMIN, PointsEvents("test-admin"), _events_file(tmp_path, "p.csv", rows)).added == 12
    assert held() - before <= 2  # the import's own turn and the ledger's: nothing per household
    assert points.available(session, "LS006", D(2026, 3, 31)) == 10 - 4


def test_a_back_dated_spend_that_makes_a_later_one_fail_is_named(session: Session, tmp_path: Path) -> None:
    _registry(session)
    points.award(session, ADMIN, "LS003", "LD", D(2026, 1, 5), times=6)  # 60
    points.redeem(session, ADMIN, "LS003", D(2026, 3, 1), [("OIL", 2)])  # 60
    late = _events_file(tmp_path, "late.csv", ["R-OLD,redemption,2026-02-01,LS003,,,SOAP,1,,"])
    with pytest.raises(ImportFailed, match=r"R-OLD: it leaves R20260301-0001 on 2026-03-01 with only 56 points for 60"):
        import_file(session, ADMIN, PointsEvents("test-admin"), late)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["H1", "H2", "H3"]),
            st.sampled_from([AWARD, REDEMPTION, ADJUSTMENT]),
            st.integers(0, 500),
            st.integers(-40, 60),
        ),
        max_size=30,
    )
)
def test_for_any_sequence_the_month_balances_add_up_and_never_go_below_zero(
    steps: list[tuple[str, str, int, int]],
) -> None:
    events = []
    for n, (household, kind, day, amount) in enumerate(steps):
        if amount == 0 or (kind != ADJUSTMENT and amount < 0):
            continue
        events.append(Event(f"E{n}", kind, D(2026, 1, 1) + dt.timedelta(days=day), household, amount))
    until = month_index(D(2027, 6, 1))
    result = replay(events, 12, until)
    spends = {o.event.ref for o in result.overdraws}
    kept = [e for e in events if e.ref not in spends]  # what the services would have stored
    clean = replay(kept, 12, until)
    for months in clean.months.values():
        previous = 0
        for month in sorted(months):
            f = months[month]
            assert f.balance >= 0
            if not clean.overdraws:
                assert f.balance == previous - f.expired + f.earned + f.adjusted - f.redeemed
            previous = f.balance


def test_two_redemptions_of_the_last_points_at_once_one_is_refused(empty_db_url: str) -> None:
    from core.db import open_database
    from tests.test_concurrency import refused, twice

    db = open_database(empty_db_url)
    try:
        with db.session() as session, session.begin():
            _registry(session)
            points.award(session, ADMIN, "LS001", "LD", D(2026, 5, 1), times=3)  # 30: one tub of oil
        results = twice(db, lambda s: points.redeem(s, ADMIN, "LS001", D(2026, 5, 2), [("OIL", 1)]))
        assert len(refused(results)) == 1
        with db.read_session() as session:
            assert points.available(session, "LS001", D(2026, 5, 31)) == 0
    finally:
        db.dispose()


def test_the_points_command_writes_the_month(tmp_path: Path) -> None:
    from cli.main import main as command
    from core.db import open_database

    path = str(tmp_path / "p.db")
    db = open_database(path)
    with db.session() as session, session.begin():
        _registry(session)
        points.award(session, ADMIN, "LS001", "LD", D(2026, 5, 3))
    db.dispose()
    out = tmp_path / "points.json"
    assert command(["--db", path, "points", "--month", "2026-05", "--format", "json", "--out", str(out)]) == 0
    assert json.loads(out.read_text())["earned"] == 10
    assert Household  # the registry the file names


def test_a_village_officer_awards_their_regions_and_a_second_person_approves(session: Session) -> None:
    from core.auth import PermissionDenied, actor_of, create_user
    from core.config import set_setting
    from orders.points_proposals import APPROVAL_ABOVE, pending

    _registry(session)
    officer = actor_of(
        create_user(session, ADMIN, "cun", "村干部", "village_officer", "officer-pass", region_codes=["411224"])
    )
    assert officer.regions == ("411224",)
    with pytest.raises(InvalidValue, match="region codes"):
        create_user(session, ADMIN, "cun2", "村干部", "village_officer", "officer-pass")
    session.add(Household(code="XX9", head_name="赵六", region_code="411225", members=1, status="poor"))
    with pytest.raises(PermissionDenied, match="for regions 411224 only, not 411225"):
        points.award(session, officer, "XX9", "WS", D(2026, 5, 3))
    set_setting(session, APPROVAL_ABOVE, "20")
    assert points.award(session, officer, "LS001", "LD", D(2026, 5, 3)) == ("A20260503-0001", False)  # 10: counts
    big = points.award_many(session, officer, "LD", D(2026, 5, 4), ["LS001", "LS002"], times=3)  # 30 each: wait
    assert [b.pending for b in big] == [True, True]
    fix = points.adjust(session, officer, "LS002", D(2026, 5, 5), 5, "补记")
    assert points.available(session, "LS001", D(2026, 5, 31)) == 10  # pending points are in no balance
    assert [(p.number, p.household, p.head_name, p.points) for p in pending(session, officer)] == [
        ("SP-20260504-0001", "LS001", "王*国", 30), ("SP-20260504-0002", "LS002", "李*英", 30),
        ("SP-20260505-0001", "LS002", "李*英", 5),
    ]  # fmt: skip
    with pytest.raises(PermissionDenied, match="may not approve"):
        points.approve(session, officer, big[0].number)
    with pytest.raises(PermissionDenied, match="second person"):
        points.approve(session, Actor("cun", "manager"), big[0].number)  # the proposer, whatever the role
    assert points.approve(session, MANAGER, big[0].number) == "A20260504-0001"
    with pytest.raises(Exception, match="already decided by li"):
        points.approve(session, ADMIN, big[0].number)
    with pytest.raises(InvalidValue, match="say why"):
        points.refuse(session, MANAGER, fix.number, " ")
    points.refuse(session, MANAGER, fix.number, "无依据")
    assert points.available(session, "LS001", D(2026, 5, 31)) == 40
    assert points.available(session, "LS002", D(2026, 5, 31)) == 0  # still waiting, and refused
    assert [p.number for p in pending(session, MANAGER)] == ["SP-20260504-0002"]


def test_two_approvals_of_one_proposal_at_once_count_it_once(empty_db_url: str) -> None:
    from core.db import open_database
    from tests.test_concurrency import refused, twice

    db = open_database(empty_db_url)
    try:
        with db.session() as session, session.begin():
            _registry(session)
            number = points.adjust(session, ADMIN, "LS001", D(2026, 5, 1), 9, "补记").number
        results = twice(db, lambda s: points.approve(s, MANAGER, number))
        assert len(refused(results)) == 1
        with db.read_session() as session:
            assert points.available(session, "LS001", D(2026, 5, 31)) == 9
    finally:
        db.dispose()


@pytest.mark.parametrize(
    ("kind", "header", "row", "named"),
    [
        ("points_rules", "code,name,points,region_code,valid_from,valid_until", "LX,劳动,0,,2026-01-01,", "points"),
        ("points_goods", "code,name,unit,points_price,barcode", "TEA,茶叶,盒,3.5,", "points_price"),
        ("points", ",".join(HEADER_EVENTS), "A1,award,2026-05-01,NOBODY,LD,1,,,,", "household_code"),
    ],
)
def test_each_bad_points_file_exits_2_naming_the_row_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, header: str, row: str, named: str
) -> None:
    from cli.main import main as command
    from core.db import open_database

    path = str(tmp_path / "p.db")
    db = open_database(path)
    with db.session() as session, session.begin():
        _registry(session)
    db.dispose()
    bad = tmp_path / f"{kind}.csv"
    bad.write_text(header + "\n" + row + "\n", encoding="utf-8")
    assert command(["--db", path, "import", kind, str(bad)]) == 2
    said = capsys.readouterr().err
    assert "line 2" in said
    assert named in said
    assert bad.name in said
    db = open_database(path)
    with db.read_session() as session:
        assert (session.query(PointsRule).count(), session.query(PointsGood).count()) == (3, 2)  # as before
    db.dispose()
