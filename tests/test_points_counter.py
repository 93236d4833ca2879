"""A points supermarket's counter (issue 17): the card, the balance, goods scanned and redeemed in
one transaction with the goods leaving the shelf; donations in; the cards, notice, statement and
month report; the command line."""

import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.errors import BangfuError, InvalidValue
from core.models import Counter, PointsStockMovement
from orders import points, points_counter
from orders.points_reports import points_month, points_notice, points_statement
from reports import points_docs
from tests import factories
from tests.factories import ADMIN
from tests.test_labels import decode_pages
from tests.test_points import MANAGER, D, _registry


def _supermarket(session: Session) -> None:
    _registry(session)
    session.add(Counter(code="JF01", name="卢氏积分超市", kind="points"))
    session.flush()
    points_counter.goods_in(session, MANAGER, "JF01", "donation", [("OIL", 5, 30_000), ("SOAP", 20, 4000)], "爱心企业")
    points.award(session, ADMIN, "LS001", "LD", D(2026, 5, 3), times=3)  # 30


def test_a_card_is_scanned_goods_are_redeemed_and_leave_the_shelf(session: Session) -> None:
    _supermarket(session)
    card = points_counter.card(session, "bangfu:h/LS001", D(2026, 5, 10))
    assert (card.code, card.head_name, card.balance) == ("LS001", "王*国", 30)
    assert points_counter.card(session, " LS001 ", D(2026, 5, 10)).balance == 30  # typed works too
    with pytest.raises(InvalidValue, match="only 30 points are available for 38"):
        points_counter.redeem_at(
            session, MANAGER, "JF01", "LS001", D(2026, 5, 10), [("SOAP", 1), ("OIL", 1), ("SOAP", 1)]
        )
    done = points_counter.redeem_at(session, MANAGER, "JF01", "LS001", D(2026, 5, 10), [("SOAP", 1), ("SOAP", 1)])
    assert (done.spent, done.balance, done.lines) == (8, 22, (("肥皂", "块", 2, 8),))
    on_hand = {g.code: g.on_hand for g in points_counter.goods_on_hand(session, "JF01")}
    assert on_hand == {"OIL": 5, "SOAP": 18}
    assert session.scalar(select(func.count()).select_from(PointsStockMovement)) == 3  # 2 in, 1 out
    assert points_docs.redemption_receipt(done, "JF01").startswith(b"%PDF")
    factories.counter(session, "ZZ01")
    with pytest.raises(BangfuError, match="ZZ01 is not a points supermarket"):
        points_counter.redeem_at(session, MANAGER, "ZZ01", "LS001", D(2026, 5, 10), [("SOAP", 1)])
    with pytest.raises(InvalidValue, match="names its donor"):
        points_counter.goods_in(session, MANAGER, "JF01", "donation", [("OIL", 1, 0)])
    bought = points_counter.goods_in(session, MANAGER, "JF01", "purchase", [("OIL", 2, 12_000)])
    assert bought.startswith("CG-JF01-")
    donated = points_counter.donation(session, "JZ-JF01-" + bought.split("-", 2)[2])
    assert (donated.donor, [line[2] for line in donated.lines]) == ("爱心企业", [5, 20])
    assert points_docs.donation_pdf(donated).startswith(b"%PDF")


def test_the_cards_carry_the_code_alone_and_the_reports_mask_names(session: Session, tmp_path: Path) -> None:
    _supermarket(session)
    points_counter.redeem_at(session, MANAGER, "JF01", "LS001", D(2026, 5, 10), [("OIL", 1)])
    cards = [points_counter.card(session, code, D(2026, 5, 10)) for code in points_counter.household_codes(session)]
    pdf = points_docs.cards_pdf(cards)
    decoded = [text for page in decode_pages(pdf) for text in page]
    assert sorted(decoded) == sorted(f"bangfu:h/{c.code}" for c in cards)
    (tmp_path / "cards.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "cards.pdf"), "-"], capture_output=True, text=True).stdout
    assert "王*国" in text
    assert "王建国" not in text
    assert "411224197101110016" not in text  # never the ID number
    [village] = points_month(session, ADMIN, "2026-05").villages
    assert (village.region, village.earned, village.redeemed, village.outstanding) == ("411224", 30, 30, 0)
    assert [(r.code, r.head_masked, r.earned) for r in points_notice(session, ADMIN, "2026-05", "411224")] == [
        ("LS001", "王*国", 30)
    ]
    household, rows = points_statement(session, ADMIN, "LS001", D(2027, 6, 1))
    assert [(r.what, r.points, r.balance) for r in rows] == [("评定：公益劳动", 30, 30), ("兑换", -30, 0)]
    assert household.code == "LS001"


def test_the_points_command_prints_reports_and_approves(tmp_path: Path) -> None:
    from cli.main import main as command
    from core.db import open_database

    path = str(tmp_path / "p.db")
    db = open_database(path)
    with db.session() as session, session.begin():
        _supermarket(session)
        number = points.adjust(session, MANAGER, "LS002", D(2026, 5, 5), 4, "补记").number
    db.dispose()
    base = ["--db", path, "points"]
    for what, out in (("notice", "n.pdf"), ("month", "m.pdf"), ("month", "m.xlsx")):
        kind = ["--format", out.split(".")[1]] if what == "month" else ["--region", "411224"]
        assert command([*base, what, "--month", "2026-05", *kind, "--out", str(tmp_path / out)]) == 0
    assert command([*base, "statement", "--household", "LS001", "--out", str(tmp_path / "s.pdf")]) == 0
    assert command([*base, "cards", "--region", "411224", "--out", str(tmp_path / "c.pdf")]) == 0
    assert all(
        (tmp_path / f).read_bytes()[:4] in (b"%PDF", b"PK\x03\x04") for f in ("n.pdf", "m.pdf", "m.xlsx", "s.pdf")
    )
    assert command([*base, "notice", "--month", "2026-05", "--out", str(tmp_path / "x.pdf")]) == 2  # which village?
    assert command([*base, "pending", "--out", str(tmp_path / "pending.json")]) == 0
    assert [p["number"] for p in json.loads((tmp_path / "pending.json").read_text())] == [number]
    assert command([*base, "approve", number]) == 0  # the command line is a second person
    assert command([*base, "approve", number]) == 2  # already decided
    gift = [*base, "donation", "--counter", "JF01", "--good", "SOAP", "--quantity", "10", "--value", "30"]
    assert command(gift) == 2  # a donation names its donor
    assert command([*gift, "--donor", "县慈善总会"]) == 0
    assert command([*base, "purchase", "--counter", "JF01", "--good", "OIL", "--quantity", "two"]) == 2
    assert command([*base, "goods", "--counter", "JF01", "--out", str(tmp_path / "goods.json")]) == 0
    on_hand = {g["code"]: g["on_hand"] for g in json.loads((tmp_path / "goods.json").read_text())}
    assert on_hand == {"OIL": 5, "SOAP": 30}
    db = open_database(path)
    with db.read_session() as session:
        [number] = [d for d in session.scalars(select(PointsStockMovement.document).distinct()) if d.endswith("-02")]
    db.dispose()
    assert command([*base, "document", number, "--out", str(tmp_path / "jz.pdf")]) == 0
    assert (tmp_path / "jz.pdf").read_bytes().startswith(b"%PDF")
    out = tmp_path / "june.json"
    assert command([*base, "--month", "2026-05", "--format", "json", "--out", str(out)]) == 0
    assert json.loads(out.read_text())["adjusted"] == 4
