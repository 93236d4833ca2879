"""Many counters, one ledger (issue 15): kiosks sell on their own SQLite files while the central
PostgreSQL is out of reach, then synchronise; the central's figures equal one database's."""

import datetime as dt
import json
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from catalog.importing import import_file
from catalog.kinds import registry_kinds
from cli.main import main as command
from core.audit_trail import verify
from core.db import Database, open_database
from core.errors import BangfuError
from core.models import AuditEvent, Counter, Household, Product, Refund, Sale, SaleLine, Shift, StockBalance
from core.money import line_amount
from orders import kiosk, stock
from orders.ledger import LineDraft, PaymentDraft, SaleDraft, record_sale
from orders.refunds import RefundDraft, picked_lines, record_refund
from tests import factories
from tests.conftest import _pg_database
from tests.factories import ADMIN
from tests.files import REGISTRY, SAMPLES

UTC = dt.UTC


def _registry(db: Database) -> None:
    with db.session() as session, session.begin():
        for kind in REGISTRY:
            import_file(session, ADMIN, registry_kinds()[kind], SAMPLES / f"{kind}.csv")
        factories.counter(session, "ZZ01", "市民服务中心专柜")
        factories.counter(session, "ZZ02", "火车站专区")


@pytest.fixture
def central(pg_url: str) -> Iterator[Database]:
    db = open_database(_pg_database(pg_url, "bangfu_central"))
    _registry(db)
    yield db
    db.dispose()


def _kiosk(tmp_path: Path, name: str, central: Database, counter: str) -> Database:
    db = open_database(str(tmp_path / f"{name}.db"))
    kiosk.join(db, central, ADMIN, [counter])
    return db


def _sell(db: Database, counter: str, day: int, lines: tuple[tuple[str, int], ...]) -> str:
    with db.read_session() as session:
        products = {p.code: p for p in session.scalars(select(Product))}
    when = dt.datetime(2026, 6, day, 3, tzinfo=UTC)
    drafts = tuple(LineDraft(products[code].id, qty) for code, qty in lines)
    total = sum(line_amount(products[code].price_fen, qty) for code, qty in lines)
    with db.session() as session, session.begin():
        draft = SaleDraft("counter", when, drafts, (PaymentDraft("wechat", total),), counter_code=counter)
        recorded = record_sale(session, ADMIN, draft)
    return recorded.ref


def _refund(db: Database, ref: str, name: str, quantity: str) -> None:
    with db.session() as session, session.begin():
        picked = picked_lines(session, ref, {name: quantity})
        record_refund(session, ADMIN, RefundDraft(ref, dt.datetime(2026, 6, 20, 3, tzinfo=UTC), picked, "破损"))


SALES = (  # (counter, day, lines) — the same sales at the kiosks and in the one database
    ("ZZ01", 3, (("XG500", 2000), ("HZ1000", 1000))),
    ("ZZ02", 3, (("XG-BULK", 1360),)),
    ("ZZ01", 12, (("HZ1000", 3000),)),
    ("ZZ02", 18, (("XG500", 1000), ("XG-BULK", 2500))),
)


def _figures(url: str, tmp_path: Path, name: str) -> tuple[bytes, bytes]:
    outputs = []
    for report, args in (("report", ["monthly", "--format", "json"]), ("attribution", ["--format", "json"])):
        out = tmp_path / f"{name}-{report}.json"
        assert command(["--db", url, report, *args, "--month", "2026-06", "--out", str(out)]) == 0
        outputs.append(out.read_bytes())
    return outputs[0], outputs[1]


def test_two_kiosks_sell_offline_then_the_central_equals_one_database(central: Database, tmp_path: Path) -> None:
    one = open_database(str(tmp_path / "one.db"))  # the reference: every sale in one database
    _registry(one)
    first, second = _kiosk(tmp_path, "k1", central, "ZZ01"), _kiosk(tmp_path, "k2", central, "ZZ02")
    with first.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Household)) == 0  # personal data stays central
    refs = {}
    for counter, day, lines in SALES:  # the central is not asked for anything while they sell
        at = first if counter == "ZZ01" else second
        refs[(counter, day)] = _sell(at, counter, day, lines)
        assert _sell(one, counter, day, lines) == refs[(counter, day)]  # the same receipt numbers
    _refund(first, refs[("ZZ01", 3)], "卢氏花菇 500克", "1")
    _refund(one, refs[("ZZ01", 3)], "卢氏花菇 500克", "1")
    with first.read_session() as session:
        assert kiosk.pending(session) == {
            "sales": 2,
            "refunds": 1,
            "shifts": 0,
            "audit": 2,
            "stock": 4,
        }  # joined, refunded; 3 lines out, 1 back

    for at in (first, second):
        kiosk.sync_kiosk(at)
        kiosk.sync_kiosk(at)  # again: nothing is sent twice
    with first.read_session() as session:
        assert kiosk.pending(session) == {"sales": 0, "refunds": 0, "shifts": 0, "audit": 0, "stock": 0}
    with central.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Sale)) == 4
        assert session.scalar(select(func.count()).select_from(SaleLine)) == 6
        assert session.scalar(select(func.count()).select_from(Refund)) == 1
        uploaded = session.scalars(select(AuditEvent.action).where(AuditEvent.origin.is_not(None))).all()
        assert sorted(uploaded) == ["kiosk.join", "kiosk.join", "refund"]  # the kiosks' trails, once each
        assert verify(session, ADMIN).broken_at is None  # and the central's chain still holds
        assert stock.check(session) == []
        central_stock = sorted(
            (b.counter_id, b.product_id, b.quantity_milli) for b in session.scalars(select(StockBalance))
        )
    with one.read_session() as session:
        assert central_stock == sorted(
            (b.counter_id, b.product_id, b.quantity_milli) for b in session.scalars(select(StockBalance))
        )
    assert _figures(central.url.render_as_string(hide_password=False), tmp_path, "central") == _figures(
        str(tmp_path / "one.db"), tmp_path, "one"
    )
    one.dispose()
    first.dispose()
    second.dispose()


def test_a_batch_cut_after_the_central_committed_is_sent_again_without_a_double(
    central: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _kiosk(tmp_path, "k1", central, "ZZ01")
    for _n in range(3):
        _sell(at, "ZZ01", 5, (("XG500", 1000),))

    def cut(*_args: object) -> None:
        raise ConnectionError("the network went away")

    monkeypatch.setattr(kiosk, "mark_sent", cut)  # the central commits, the kiosk never hears back
    with pytest.raises(ConnectionError):
        kiosk.sync_kiosk(at)
    monkeypatch.undo()
    with at.read_session() as session:
        assert kiosk.pending(session)["sales"] == 3  # still queued
    kiosk.sync_kiosk(at)
    with central.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Sale)) == 3
    at.dispose()


def test_a_counter_belongs_to_one_kiosk_at_a_time(central: Database, tmp_path: Path) -> None:
    first = _kiosk(tmp_path, "k1", central, "ZZ01")
    with pytest.raises(BangfuError, match="already claimed"):
        _kiosk(tmp_path, "k2", central, "ZZ01")
    url = central.url.render_as_string(hide_password=False)
    assert command(["--db", url, "kiosk", "release", "--counter", "ZZ09"]) == 2  # no such counter
    assert command(["--db", url, "kiosk", "release", "--counter", "ZZ01"]) == 0  # at the central
    third = _kiosk(tmp_path, "k3", central, "ZZ01")  # moved to a new PC
    _sell(first, "ZZ01", 5, (("XG500", 1000),))
    with pytest.raises(BangfuError, match="not of a counter this kiosk holds"):
        kiosk.sync_kiosk(first)  # the old PC no longer sends for it
    third.dispose()
    first.dispose()


def test_a_kiosk_sells_only_at_its_own_counters(central: Database, tmp_path: Path) -> None:
    from orders.shifts import open_shift

    at = _kiosk(tmp_path, "k1", central, "ZZ01")
    with pytest.raises(BangfuError, match="sells at ZZ01 only, not at ZZ02"):
        _sell(at, "ZZ02", 5, (("XG500", 1000),))  # copied down, held by no kiosk or by another
    with at.session() as session, session.begin(), pytest.raises(BangfuError, match="sells at ZZ01 only"):
        open_shift(session, ADMIN, "ZZ02", 0)
    with at.read_session() as session:
        assert kiosk.pending(session)["sales"] == 0
    at.dispose()


def test_sync_from_the_command_line(central: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "kiosk.db")
    url = central.url.render_as_string(hide_password=False)
    assert command(["--db", path, "kiosk", "join", "--central", url, "--counter", "ZZ01"]) == 0
    at = open_database(path)
    _sell(at, "ZZ01", 5, (("XG500", 1000),))
    at.dispose()
    capsys.readouterr()
    assert command(["--db", path, "sync", "--status", "--format", "json"]) == 0
    state = json.loads(capsys.readouterr().out)
    assert state["pending"] == {"audit": 1, "refunds": 0, "sales": 1, "shifts": 0, "stock": 1}
    assert command(["--db", path, "sync"]) == 0
    capsys.readouterr()
    assert command(["--db", path, "sync", "--status", "--format", "json"]) == 0
    state = json.loads(capsys.readouterr().out)
    assert state["pending"]["sales"] == 0
    assert state["last_upload"]
    assert state["last_download"]


def test_sync_says_when_the_central_cannot_be_reached(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "kiosk.db")
    db = open_database(path)
    with db.session() as session, session.begin():
        kiosk.bind(session, "postgresql+psycopg://bangfu@127.0.0.1:9/nowhere", "k-test", ["ZZ01"])
    db.dispose()
    assert command(["--db", path, "sync"]) == 2
    assert "cannot open database" in capsys.readouterr().err


def _at_once(*actions: Callable[[], object]) -> list[BaseException | None]:
    """Run the actions in threads released together; what each raised (None: it succeeded)."""
    barrier = threading.Barrier(len(actions))
    outcomes: list[BaseException | None] = [None] * len(actions)

    def run(index: int) -> None:
        barrier.wait()
        try:
            actions[index]()
        except BaseException as exc:
            outcomes[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_kiosks_claiming_one_counter_at_once_one_wins(central: Database, tmp_path: Path) -> None:
    kiosks = [open_database(str(tmp_path / f"k{n}.db")) for n in (1, 2)]
    outcomes = _at_once(*(lambda db=db: kiosk.join(db, central, ADMIN, ["ZZ01"]) for db in kiosks))
    assert sorted(type(o).__name__ for o in outcomes) == ["BangfuError", "NoneType"]
    with central.read_session() as session:
        holders = session.scalars(select(Counter.kiosk).where(Counter.code == "ZZ01")).all()
    assert len(holders) == 1
    for db in kiosks:
        db.dispose()


def test_two_uploads_of_one_kiosk_at_once_send_each_sale_once(central: Database, tmp_path: Path) -> None:
    at = _kiosk(tmp_path, "k1", central, "ZZ01")
    for day in range(1, 21):
        _sell(at, "ZZ01", day, (("XG500", 1000),))
    outcomes = _at_once(lambda: kiosk.sync_kiosk(at), lambda: kiosk.sync_kiosk(at))
    assert outcomes == [None, None]
    with central.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Sale)) == 20
    with at.read_session() as session:
        assert kiosk.pending(session)["sales"] == 0
    at.dispose()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_a_sync_loses_nothing_and_doubles_nothing(pg_url: str, tmp_path: Path) -> None:
    """The quick version of ``python benchmarks/synckill.py``."""
    from benchmarks.synckill import run

    kills, cut, arrived = run(tmp_path, _pg_database(pg_url, "bangfu_synckill"), kills=10, seed=3)
    assert kills == 10
    assert cut  # some kills really landed inside a sync
    assert arrived == 300 + 10 * 30


def test_a_kiosk_imports_only_counter_sales_of_its_own_counters(central: Database, tmp_path: Path) -> None:
    from catalog.importing import ImportFailed
    from orders.sales_import import sales_kind
    from tests.files import write_csv
    from tests.test_sales import HEADER, sale

    at = _kiosk(tmp_path, "k1", central, "ZZ01")
    own = write_csv(
        tmp_path / "own.csv",
        [
            HEADER,
            sale("OLD-1", "2026-06-04T10:00:00+08:00", "XG500", "2", channel="counter", counter_code="ZZ01"),
            sale("OLD-1-R", "2026-06-05T10:00:00+08:00", "XG500", "1", channel="", kind="refund", refund_of="OLD-1"),
        ],
    )
    with at.session() as session, session.begin():
        import_file(session, ADMIN, sales_kind(session, ADMIN), own)
    others = write_csv(
        tmp_path / "others.csv",
        [
            HEADER,
            sale("WEB-9", "2026-06-04T10:00:00+08:00", "XG500", "1", channel="online"),
            sale("ZZ02-9", "2026-06-04T11:00:00+08:00", "XG500", "1", channel="counter", counter_code="ZZ02"),
        ],
    )
    with pytest.raises(ImportFailed) as refused, at.session() as session, session.begin():
        import_file(session, ADMIN, sales_kind(session, ADMIN), others)
    assert [(e.line, e.column) for e in refused.value.errors] == [(2, "channel"), (3, "counter_code")]
    assert "only counter sales of ZZ01" in refused.value.errors[0].reason
    kiosk.sync_kiosk(at)
    with central.read_session() as session:
        assert session.scalars(select(Sale.ref)).all() == ["OLD-1"]
        assert session.scalars(select(Refund.ref)).all() == ["OLD-1-R"]
    at.dispose()


def test_the_connection_cut_mid_batch_is_retried_with_nothing_lost_or_doubled(
    central: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import text

    at = _kiosk(tmp_path, "k1", central, "ZZ01")
    for day in range(1, 6):
        _sell(at, "ZZ01", day, (("XG500", 1000),))
    received = kiosk.receive

    def cut_after_inserting(central_session, kiosk_id, box):  # type: ignore[no-untyped-def]
        received(central_session, kiosk_id, box)  # the rows are in, not yet committed
        central_session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))

    monkeypatch.setattr(kiosk, "receive", cut_after_inserting)
    with pytest.raises(BangfuError, match=r"connection to .* was lost"):
        kiosk.sync_kiosk(at)
    monkeypatch.undo()
    with central.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Sale)) == 0  # rolled back with the connection
    with at.read_session() as session:
        assert kiosk.pending(session)["sales"] == 5
    kiosk.sync_kiosk(at)
    with central.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Sale)) == 5
    at.dispose()


def test_the_central_names_counters_that_have_not_uploaded_to_the_months_end(central: Database, tmp_path: Path) -> None:
    import io

    import pdfplumber

    from core.models import AuditEvent
    from orders.report_data import report_input
    from reports.issuing import issue_month
    from reports.monthly_pdf import render_monthly_pdf

    at = _kiosk(tmp_path, "k1", central, "ZZ01")  # enrolled, never synchronised
    with central.read_session() as session:
        data = report_input(session, ADMIN, "2026-06")
    assert [(b.counter, b.uploaded_until) for b in data.behind] == [("ZZ01", None)]
    with pdfplumber.open(io.BytesIO(render_monthly_pdf(data))) as pdf:
        assert "ZZ01（尚未上传）" in pdf.pages[0].extract_text()
    with central.session() as session, session.begin():
        issue_month(session, ADMIN, "2026-06")
    with central.read_session() as session:
        summary = session.scalars(select(AuditEvent.summary).where(AuditEvent.action == "report.issue")).one()
    assert "not uploaded to the month's end: ZZ01" in summary
    kiosk.sync_kiosk(at)  # nothing to send: the central now knows it has everything
    with central.read_session() as session:
        assert report_input(session, ADMIN, "2026-06").behind == []
    at.dispose()


def test_an_old_registry_copy_warns_at_every_scan_and_past_the_limit_refuses(central: Database, tmp_path: Path) -> None:
    from core.config import set_setting
    from orders.counter import scan

    at = _kiosk(tmp_path, "k1", central, "ZZ01")
    today = dt.date.today()
    with at.read_session() as session:
        assert scan(session, "XG500", today).warning == ""  # just downloaded
    three_days_ago = (dt.datetime.now(UTC) - dt.timedelta(days=3)).isoformat()
    with at.session() as session, session.begin():
        set_setting(session, kiosk.LAST_DOWN, three_days_ago)
    with at.read_session() as session:
        assert "3 days old" in scan(session, "XG500", today).warning  # sold, with the warning
        assert kiosk.status(session)["registry_warning"]
    with central.session() as session, session.begin():
        set_setting(session, kiosk.REFUSE_AFTER, "2")  # the central's rule, kept at its next sync
    with at.session() as session, session.begin():
        set_setting(session, kiosk.REFUSE_AFTER, "2")
    with at.read_session() as session, pytest.raises(BangfuError, match="sync before selling"):
        scan(session, "XG500", today)
    kiosk.sync_kiosk(at)
    with at.read_session() as session:
        assert scan(session, "XG500", today).warning == ""
    at.dispose()


def test_a_sale_of_a_product_revoked_while_the_kiosk_was_offline_is_flagged_at_the_central(
    central: Database, tmp_path: Path
) -> None:
    from catalog.certificates import change_certificate
    from orders.counter import scan
    from orders.monthly import monthly_summary

    at = _kiosk(tmp_path, "k1", central, "ZZ01")
    with central.session() as session, session.begin():
        xg500 = session.scalar(select(Product.id).where(Product.code == "XG500"))
        assert xg500 is not None
        change_certificate(session, ADMIN, xg500, "revoke", "抽检不合格")
    _sell(at, "ZZ01", 10, (("XG500", 1000),))  # the kiosk's copy still says active: it sells
    kiosk.sync_kiosk(at)
    with central.read_session() as session:
        assert monthly_summary(session, ADMIN, "2026-06").to_json()["flags"]["uncertified_lines"] == 1
    with at.read_session() as session, pytest.raises(BangfuError, match="revoked"):
        scan(session, "XG500", dt.date.today())  # the new copy refuses it from now on
    at.dispose()


def test_sixteen_kiosks_sync_at_once(central: Database, tmp_path: Path) -> None:
    codes = [f"K{n:02d}" for n in range(1, 17)]  # new counters: the central registers them at join
    kiosks = [_kiosk(tmp_path, code, central, code) for code in codes]
    for at, code in zip(kiosks, codes, strict=True):
        for day in (2, 9, 16):
            _sell(at, code, day, (("XG500", 1000), ("HZ1000", 2000)))
    outcomes = _at_once(*(lambda at=at: kiosk.sync_kiosk(at) for at in kiosks))
    assert outcomes == [None] * 16
    with central.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Sale)) == 16 * 3
        assert session.scalar(select(func.count()).select_from(SaleLine)) == 16 * 3 * 2
        per_counter = session.execute(select(Counter.code, func.count()).join(Sale).group_by(Counter.code)).all()
    assert sorted(per_counter) == [(code, 3) for code in codes]
    for at in kiosks:
        at.dispose()


def test_an_uploaded_sale_keeps_the_kiosks_time_and_the_centrals_receipt_time(
    central: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _kiosk(tmp_path, "k1", central, "ZZ01")
    _sell(at, "ZZ01", 7, (("XG500", 1000),))
    kiosk.sync_kiosk(at)
    with central.read_session() as session:
        sold_at, received_at = session.execute(select(Sale.sold_at, Sale.received_at)).one()
    assert sold_at == dt.datetime(2026, 6, 7, 3, tzinfo=UTC)  # when the kiosk sold it
    assert received_at is not None
    assert abs(received_at - dt.datetime.now(UTC)) < dt.timedelta(minutes=1)  # when the central got it
    with at.read_session() as session:
        assert kiosk.status(session)["clock_warning"] is None
    real_now = kiosk.utc_now
    monkeypatch.setattr(kiosk, "utc_now", lambda: real_now() + dt.timedelta(minutes=12))  # this PC runs fast
    kiosk.sync_kiosk(at)
    with at.read_session() as session:
        assert "12 minutes ahead" in kiosk.status(session)["clock_warning"]
    assert kiosk.clock_warning(real_now(), real_now() + dt.timedelta(minutes=4)) == ""  # within five minutes
    at.dispose()


def test_a_refund_waits_for_the_batch_that_carries_its_sale(central: Database, tmp_path: Path) -> None:
    at = _kiosk(tmp_path, "k1", central, "ZZ01")
    refs = [_sell(at, "ZZ01", 1 + n % 15, (("XG500", 1000),)) for n in range(kiosk.BATCH + 5)]
    _refund(at, refs[-1], "卢氏花菇 500克", "1")  # its sale is in the second batch, the refund in the first read
    kiosk.sync_kiosk(at)
    with central.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Sale)) == kiosk.BATCH + 5
        assert session.scalars(select(Refund.ref)).all() == [f"{refs[-1]}-R1"]


def test_two_kiosks_naming_a_new_counter_at_once_one_registers_and_holds_it(central: Database, tmp_path: Path) -> None:
    kiosks = [open_database(str(tmp_path / f"k{n}.db")) for n in (1, 2)]
    outcomes = _at_once(*(lambda db=db: kiosk.join(db, central, ADMIN, ["ZZ09"]) for db in kiosks))
    assert sorted(type(o).__name__ for o in outcomes) == ["BangfuError", "NoneType"]
    with central.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Counter).where(Counter.code == "ZZ09")) == 1
    for db in kiosks:
        db.dispose()


def test_a_download_brings_only_what_changed_even_from_a_transaction_that_began_before_the_last(
    central: Database, tmp_path: Path
) -> None:
    from sqlalchemy import update

    from core.models import User

    at = _kiosk(tmp_path, "k1", central, "ZZ01")
    assert kiosk.sync_kiosk(at).downloaded == 0  # nothing changed: nothing read but the settings
    early = central.session()
    early.begin()
    early.execute(update(Product).where(Product.code == "XG500").values(name="卢氏花菇 500克（新包装）"))
    with central.session() as session, session.begin():  # begins later, commits first
        session.execute(update(Product).where(Product.code == "HZ1000").values(price_fen=4321))
        session.execute(update(User).values(failed_attempts=3))  # the central's own business
        session.execute(update(Counter).values(uploaded_until=dt.datetime.now(UTC)))
    assert kiosk.sync_kiosk(at).downloaded == 1  # HZ1000 only
    early.commit()
    early.close()
    assert kiosk.sync_kiosk(at).downloaded == 1  # XG500: not missed, though its number is older
    with at.read_session() as session:
        names = dict(session.execute(select(Product.code, Product.name)).all())
        assert names["XG500"] == "卢氏花菇 500克（新包装）"
        assert session.scalar(select(Product.price_fen).where(Product.code == "HZ1000")) == 4321
    assert kiosk.sync_kiosk(at).downloaded == 0
    at.dispose()


def test_a_cashier_moved_to_another_counter_no_longer_signs_in_at_this_kiosk(central: Database, tmp_path: Path) -> None:
    from sqlalchemy import update

    from core.auth import create_user
    from core.models import User

    with central.session() as session, session.begin():
        create_user(session, ADMIN, "wang", "王芳", "cashier", "一二三四五六七八", counter_code="ZZ01")
    at = _kiosk(tmp_path, "k1", central, "ZZ01")
    with at.read_session() as session:
        assert session.scalar(select(User.active).where(User.username == "wang")) is True
    with central.session() as session, session.begin():
        session.execute(update(User).where(User.username == "wang").values(counter_code="ZZ02"))
    kiosk.sync_kiosk(at)
    with at.read_session() as session:
        assert session.scalar(select(User.active).where(User.username == "wang")) is False
    with central.session() as session, session.begin():
        session.execute(update(User).where(User.username == "wang").values(counter_code="ZZ01"))
    kiosk.sync_kiosk(at)
    with at.read_session() as session:
        assert session.scalar(select(User.active).where(User.username == "wang")) is True
    at.dispose()


def test_a_kiosks_own_role_reads_the_registry_and_inserts_its_counters_records_nothing_else(
    central: Database, tmp_path: Path
) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import DBAPIError

    from core import credentials
    from core.config import get_setting

    at = _kiosk(tmp_path, "k1", central, "ZZ01")
    _sell(at, "ZZ01", 5, (("XG500", 1000),))
    kiosk.sync_kiosk(at)
    with at.read_session() as session:
        stored = get_setting(session, kiosk.CENTRAL)
        bound = kiosk.binding(session)
    assert bound is not None
    url = make_url(stored)
    assert url.username == f"bangfu_kiosk_{bound.kiosk_id}"
    assert url.password is None  # not in the settings
    assert credentials.filled(url).password  # it is in the keyring
    engine = create_engine(credentials.filled(url))
    refused = {
        "households": "SELECT count(*) FROM households",
        "linkages": "SELECT count(*) FROM linkages",
        "an update of a sale": "UPDATE sales SET total_fen = 1",
        "a deletion": "DELETE FROM sale_lines",
        "another counter's sale": "INSERT INTO sales (ref, channel, sold_at, counter_id, total_fen, created_at)"
        " SELECT 'ZZ02-X', 'counter', now(), id, 100, now() FROM counters WHERE code = 'ZZ02'",
    }
    for statement in refused.values():
        with engine.connect() as connection, pytest.raises(DBAPIError, match=r"permission denied|row-level security"):
            connection.execute(text(statement))
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM sales")) == 1  # its own
        assert connection.scalar(text("SELECT count(*) FROM products")) > 0
        keys = set(connection.scalars(text("SELECT key FROM settings")))
        assert keys <= set(kiosk.DOWN_SETTINGS)
    engine.dispose()
    with central.read_session() as session:  # roles that are not kiosks see every row, as before
        assert session.scalar(select(func.count()).select_from(Household)) > 0
    at.dispose()


def test_sslmode_in_the_centrals_url_is_honoured(
    central: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = central.url.update_query_dict({"sslmode": "require"}).render_as_string(hide_password=False)
    kiosk_file = str(tmp_path / "k.db")
    assert command(["--db", kiosk_file, "kiosk", "join", "--central", url, "--counter", "ZZ01"]) == 2
    assert "SSL" in capsys.readouterr().err  # the test server has none: refused, not sent in the clear


def test_a_receipt_of_another_counter_is_refunded_where_it_was_sold_and_the_kiosk_says_where(
    central: Database, tmp_path: Path
) -> None:
    from core.config import set_setting
    from orders.refunds import receipt_to_refund

    first, second = _kiosk(tmp_path, "k1", central, "ZZ01"), _kiosk(tmp_path, "k2", central, "ZZ02")
    theirs = _sell(second, "ZZ02", 3, (("XG500", 1000),))
    with first.read_session() as session, pytest.raises(BangfuError, match="unknown sale"):
        receipt_to_refund(session, theirs)  # not uploaded yet: the central does not know it either
    kiosk.sync_kiosk(second)
    with first.read_session() as session, pytest.raises(BangfuError, match="sold at ZZ02 火车站专区 on 2026-06-03"):
        receipt_to_refund(session, theirs)
    with central.session() as session, session.begin():
        factories.counter(session, "ZZ03", "政务大厅专馆")  # sold at directly on the central ledger
    central_sale = _sell(central, "ZZ03", 4, (("XG500", 1000),))
    with first.read_session() as session, pytest.raises(BangfuError, match="on the central ledger"):
        receipt_to_refund(session, central_sale)
    mine = _sell(first, "ZZ01", 5, (("XG500", 1000),))
    with first.session() as session, session.begin():
        set_setting(session, kiosk.CENTRAL, "postgresql+psycopg://nobody@127.0.0.1:1/none")  # offline
    with first.read_session() as session:
        assert receipt_to_refund(session, mine).ref == mine  # its own sales are refunded offline
        with pytest.raises(BangfuError, match="cannot be reached to look it up"):
            receipt_to_refund(session, theirs)
    first.dispose()
    second.dispose()


def _sell_now(db: Database, counter: str, channel: str = "counter", ref: str | None = None) -> str:
    with db.read_session() as session:
        product = session.scalars(select(Product).where(Product.code == "XG500")).one()
    draft = SaleDraft(
        channel, dt.datetime.now(UTC), (LineDraft(product.id, 1000),), (PaymentDraft("cash", product.price_fen),),
        counter_code=counter if channel == "counter" else None, ref=ref,
    )  # fmt: skip
    with db.session() as session, session.begin():
        return record_sale(session, ADMIN, draft).ref


def test_a_kiosk_numbers_receipts_and_shifts_on_from_where_the_central_left_its_counter(
    central: Database, tmp_path: Path
) -> None:
    from orders.shifts import close_shift, open_shift

    with central.session() as session, session.begin():
        open_shift(session, ADMIN, "ZZ01", 0)
    before = [_sell_now(central, "ZZ01") for _ in range(2)]  # sold at the central until today
    with pytest.raises(BangfuError, match="shift open at the central"):
        _kiosk(tmp_path, "k1", central, "ZZ01")
    with central.session() as session, session.begin():
        close_shift(session, ADMIN, "ZZ01", 0)
    at = _kiosk(tmp_path, "k1", central, "ZZ01")
    with pytest.raises(BangfuError, match="sells at its kiosk"):
        _sell_now(central, "ZZ01")  # from now on the kiosk numbers ZZ01's receipts
    mine = _sell_now(at, "ZZ01")
    assert mine == before[0][:-4] + "0003"  # goes on after the central's two
    with at.session() as session, session.begin():
        assert open_shift(session, ADMIN, "ZZ01", 0).number == 2
    kiosk.sync_kiosk(at)
    with central.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Sale)) == 3
        assert session.scalars(select(Shift.number)).all() == [1]  # the kiosk's is still open
    at.dispose()


def test_a_receipt_number_made_twice_stops_the_sync_rather_than_dropping_a_sale(
    central: Database, tmp_path: Path
) -> None:
    import shutil

    at = _kiosk(tmp_path, "k1", central, "ZZ01")
    at.dispose()
    shutil.copy(tmp_path / "k1.db", tmp_path / "restored.db")  # last night's backup
    shutil.copy(tmp_path / "k1.db", tmp_path / "restored.db.bak")
    at = open_database(str(tmp_path / "k1.db"))
    first = _sell_now(at, "ZZ01")
    kiosk.sync_kiosk(at)
    restored = open_database(str(tmp_path / "restored.db"))  # the PC's disk died; the backup goes on
    assert _sell_now(restored, "ZZ01") == first  # the same number for another sale
    with pytest.raises(BangfuError, match=f"receipt number {first} is already another sale at the central"):
        kiosk.sync_kiosk(restored)
    with restored.read_session() as session:
        assert kiosk.pending(session)["sales"] == 1  # still waiting, for an administrator to sort out
    shutil.copy(tmp_path / "restored.db.bak", tmp_path / "restored2.db")
    again = open_database(str(tmp_path / "restored2.db"))
    kiosk.sync_kiosk(again)  # restored, and synchronised before it sells: numbering goes on
    assert _sell_now(again, "ZZ01") != first
    again.dispose()
    taken = _sell_now(at, "ZZ01")
    _sell_now(central, "ZZ01", channel="online", ref=taken)  # a number the kiosk's role cannot see
    with pytest.raises(BangfuError, match="refused the batch"):
        kiosk.sync_kiosk(at)
    restored.dispose()
    at.dispose()
