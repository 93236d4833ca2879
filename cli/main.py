"""Argument parsing and dispatch. Exit status: 0 done, 2 bad input or usage, 1 unexpected failure.

A user never sees a traceback: bad input raises BangfuError and its message goes to stderr;
anything else is written to the log file and reported in one line that names that file.
"""

import argparse
import csv
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from core.errors import BangfuError, InvalidValue
from core.i18n import _, argparse_text, set_language
from core.logs import log_to_file
from core.startup import load_data_layer

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from core.auth import Actor
    from core.db import Database

PAGES = (
    "counter",
    "catalog",
    "suppliers",
    "households",
    "coop",
    "labels",
    "stock",
    "settlement",
    "points",
    "summary",
    "users",
    "settings",
)
ATTRIBUTION_CSV_HEADER = ["month", "household_code", "supplier_uscc", "attributed_fen"]
IMPORT_KINDS = (
    "suppliers",
    "products",
    "households",
    "linkages",
    "sales",
    "stock",
    "points_rules",
    "points_goods",
    "points",
)

log = logging.getLogger("bangfu")
# argparse looks its messages up through gettext, which has no Chinese for them; route them
# through the same language switch as Bangfu's own.
argparse._ = argparse_text  # type: ignore[attr-defined]
argparse.ngettext = lambda singular, plural, n: argparse_text(singular if n == 1 else plural)  # type: ignore[attr-defined]


class UsageError(BangfuError):
    """Wrong arguments on the command line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.format_usage().strip()}\n{message}")


def _argument(parse: Callable[[str], object]) -> Callable[[str], object]:
    """An argparse type from a field parser: its InvalidValue becomes argparse's own message."""

    def convert(text: str) -> object:
        try:
            return parse(text)
        except InvalidValue as exc:
            raise argparse.ArgumentTypeError(exc.reason) from None

    return convert


# The data layer (SQLAlchemy and the mapped tables, ~0.4 s) loads for the commands that use it,
# never before the window: the parser's types and these two load it when they are called.


def _parse_date(text: str) -> object:
    from catalog import fields

    return fields.date(text, "date")


def _parse_year(text: str) -> object:
    from catalog import fields
    from core.config import FIRST_YEAR, LAST_YEAR

    return fields.whole_number(FIRST_YEAR, LAST_YEAR)(text, "year")


_date = _argument(_parse_date)
_year = _argument(_parse_year)


def _existing_month(text: str) -> str:
    from core.config import month_bounds

    month_bounds(text, ZoneInfo("UTC"))  # refuses 2026-13 and years outside 1900–2100
    return text


_month = _argument(_existing_month)


def open_database(value: str | None, create: bool = True, migrate: bool = True) -> "Database":
    from core.db import open_database as open_db

    return open_db(value, create=create, migrate=migrate)


def command_line_actor() -> "Actor":
    from core.auth import command_line_actor as actor

    return actor()


def _size(text: str) -> tuple[int, int]:
    width, _x, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and 320 <= int(width) <= 8000 and 240 <= int(height) <= 8000):
        raise argparse.ArgumentTypeError(_("must be WIDTHxHEIGHT, e.g. 1366x768: {value}").format(value=text))
    return int(width), int(height)


def _percent(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 100:  # also refuses nan
        raise argparse.ArgumentTypeError(_("percentage must be between 0 and 100: {value}").format(value=text))
    return value


def check_output(path: Path) -> Path:
    """An output file that can be written: refused before any work if it names a folder or its
    folder does not exist."""
    if path.is_dir():
        raise BangfuError(_("{file} is a folder: give the name of the file to write").format(file=path))
    if not path.parent.is_dir():
        raise BangfuError(_("the folder {folder} does not exist").format(folder=path.parent))
    return path


def write_output(path: Path, data: bytes) -> None:
    try:
        check_output(path).write_bytes(data)
    except OSError as exc:
        raise BangfuError(_("cannot write {file}: {reason}").format(file=path, reason=exc.strerror or exc)) from None


def cmd_gui(args: argparse.Namespace) -> int:
    from gui.app import run_gui  # Qt loads only for the window, never for the other commands

    return run_gui(args.db, screenshot=args.screenshot, page=args.page, lang=args.lang, size=args.size)


def cmd_demo(args: argparse.Namespace) -> int:
    from cli.demo import load_demo

    db = open_database(args.db)
    try:
        with db.session() as session, session.begin():
            loaded = load_demo(session, command_line_actor(), args.until or dt.date.today())
    finally:
        db.dispose()
    print(
        _("demo data loaded: {s} suppliers, {p} products, {h} households, {l} linkages, {n} sales, {r} refunds").format(
            s=loaded.suppliers,
            p=loaded.products,
            h=loaded.households,
            l=loaded.linkages,
            n=loaded.sales,
            r=loaded.refunds,
        )
    )
    for username, password in loaded.passwords.items():
        print(_("demo user {user}: password {password}").format(user=username, password=password))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from catalog.importing import Kind, import_file
    from catalog.kinds import registry_kinds
    from orders.points_import import PointsEvents, PointsGoods, PointsRules
    from orders.sales_import import sales_kind
    from orders.stock_import import StockReceipts

    POINTS_KINDS: dict[str, Callable[[Actor], Kind]] = {
        "points_rules": lambda _actor: PointsRules(),
        "points_goods": lambda _actor: PointsGoods(),
        "points": lambda actor: PointsEvents(actor.username),
    }

    db = open_database(args.db)
    try:
        with db.session() as session, session.begin():
            actor = command_line_actor()
            kind: Kind
            if args.kind == "sales":
                kind = sales_kind(session, actor)
            elif args.kind == "stock":
                kind = StockReceipts(actor)
            elif args.kind in POINTS_KINDS:
                kind = POINTS_KINDS[args.kind](actor)
            else:
                kind = registry_kinds()[args.kind]
            result = import_file(session, actor, kind, Path(args.file))
    finally:
        db.dispose()
    print(result)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from catalog.exporting import EXPORTERS, export_registry

    if args.kind not in EXPORTERS:
        return not_yet(args)
    check_output(Path(args.file))
    db = open_database(args.db, create=False)
    try:
        with db.session() as session, session.begin():
            count = export_registry(session, command_line_actor(), args.kind, Path(args.file), clear_ids=args.clear_ids)
    finally:
        db.dispose()
    print(_("{kind}: {n} rows written to {file}").format(kind=args.kind, n=count, file=args.file))
    return 0


def _write_json(data: object, out: str) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if out == "-":
        sys.stdout.write(text)
    else:
        write_output(Path(out), text.encode("utf-8"))


def cmd_report(args: argparse.Namespace) -> int:
    from orders.monthly import monthly_summary

    if args.format != "json" and args.out == "-":
        raise UsageError(_("--out - writes JSON only; give a file for {format}").format(format=args.format))
    actor = command_line_actor()
    db = open_database(args.db, create=False)
    try:
        with db.read_session() as session, session.begin():
            if args.format == "json":
                _write_json(monthly_summary(session, actor, args.month).to_json(), args.out)
                return 0
            from orders.report_data import attributed_households, report_input  # quotas, kiosks, comparisons

            data = report_input(session, actor, args.month)
            if args.format == "pdf":  # ReportLab and openpyxl only for the documents that need them
                from reports.monthly_pdf import render_monthly_pdf

                content = render_monthly_pdf(data)
            else:
                from reports.monthly_xlsx import render_monthly_xlsx

                content = render_monthly_xlsx(data, attributed_households(session, data.summary))
    finally:
        db.dispose()
    write_output(Path(args.out), content)
    print(_("{format} report written to {file}").format(format=args.format.upper(), file=args.out))
    return 0


def cmd_attribution(args: argparse.Namespace) -> int:
    from core.tabular import write_table
    from orders.monthly import attribution_report

    db = open_database(args.db, create=False)
    try:
        with db.read_session() as session, session.begin():
            report = attribution_report(session, command_line_actor(), args.month)
    finally:
        db.dispose()
    if args.format == "json":
        _write_json(report.to_json(), args.out)
    elif args.out == "-":
        csv.writer(sys.stdout, lineterminator="\n").writerows([ATTRIBUTION_CSV_HEADER, *report.csv_rows()])
    else:
        write_table(Path(args.out), ATTRIBUTION_CSV_HEADER, report.csv_rows())
    return 0


def cmd_settlement(args: argparse.Namespace) -> int:
    """The month's settlement of every supplier (SPEC §11 JSON); with --supplier its statement
    (JSON, PDF or XLSX: the issued one once issued); --issue issues it; --paid marks one paid."""
    from orders.settlement import settlement, statement
    from reports.settlement_docs import statement_xlsx
    from reports.settlement_issue import issue_statement, mark_paid, statement_pdf_of, supplier_id_of

    if args.paid:
        if not (args.paid_on and args.reference):
            raise UsageError(_("--paid needs --paid-on YYYY-MM-DD and --reference"))
    elif not args.month or not (args.out or args.issue):
        raise UsageError(_("settlement needs --month and --out (or --issue with --supplier)"))
    if args.issue and not args.supplier:
        raise UsageError(_("--issue needs --supplier USCC"))
    db = open_database(args.db, create=False)
    try:
        with db.session() as session, session.begin():
            actor = command_line_actor()
            if args.paid:
                mark_paid(session, actor, args.paid, args.paid_on, args.reference)
                print(_("{number} marked paid").format(number=args.paid))
                return 0
            if not args.supplier:
                _write_json(settlement(session, actor, args.month).to_json(), args.out)
                return 0
            supplier_id = supplier_id_of(session, args.supplier)
            if args.issue:
                print(
                    _("issued {number}").format(number=issue_statement(session, actor, args.month, supplier_id).number)
                )
                return 0
            if args.format == "pdf":
                Path(args.out).write_bytes(statement_pdf_of(session, actor, args.month, supplier_id))
            elif args.format == "xlsx":
                statement_xlsx(statement(session, actor, args.month, supplier_id), Path(args.out))
            else:
                _write_json(statement(session, actor, args.month, supplier_id), args.out)
    finally:
        db.dispose()
    return 0


def cmd_points(args: argparse.Namespace) -> int:
    """points --month M: the month (SPEC §10 JSON, or the report as PDF/XLSX); points notice |
    statement | cards: the public notice, a household's statement, the households' cards; points
    pending | approve | refuse: proposals that wait for a second person."""
    from orders import points
    from orders.points_proposals import pending

    actor = command_line_actor()
    db = open_database(args.db, create=False)
    try:
        if args.what in ("approve", "refuse", "supermarket", "donation", "purchase"):
            with db.session() as session, session.begin():
                if args.what == "supermarket":
                    from orders.points_counter import add_supermarket

                    add_supermarket(session, actor, args.counter or "", args.name or "")
                    done = args.counter or ""
                elif args.what in ("donation", "purchase"):
                    done = _goods_in(session, actor, args)
                elif args.what == "approve":
                    done = points.approve(session, actor, args.number or "")
                else:
                    points.refuse(session, actor, args.number or "", args.reason or "")
                    done = args.number or ""
            print(_("recorded: {ref}").format(ref=done))
            return 0
        with db.read_session() as session, session.begin():
            if args.what == "pending":
                waiting = [{**asdict(p), "day": p.day.isoformat()} for p in pending(session, actor)]
                _write_json(waiting, args.out or "-")
                return 0
            if args.what == "goods":
                from orders.points_counter import goods_on_hand

                _write_json([asdict(g) for g in goods_on_hand(session, args.counter)], args.out or "-")
                return 0
            if not args.out:
                raise UsageError(_("points {what} needs --out").format(what=args.what))
            content = _points_document(session, actor, args)
    finally:
        db.dispose()
    if isinstance(content, bytes):
        Path(args.out).write_bytes(content)
        print(_("written: {file}").format(file=args.out))
    elif content is not None:
        _write_json(content, args.out)
    return 0


def _goods_in(session: "Session", actor: "Actor", args: argparse.Namespace) -> str:
    """points donation|purchase --counter C --good G --quantity N --value YUAN [--donor D]."""
    from core.money import parse_yuan
    from orders.points_counter import goods_in

    if not (args.counter and args.good and args.quantity):
        raise UsageError(_("points {what} needs --counter, --good and --quantity").format(what=args.what))
    try:
        quantity = int(args.quantity)
    except ValueError:
        raise InvalidValue(
            "quantity", _("must be a whole number of at least 1: {value}").format(value=args.quantity)
        ) from None
    value = parse_yuan(args.value or "0", "value")
    return goods_in(session, actor, args.counter, args.what, [(args.good, quantity, value)], args.donor or "")


def _points_document(session: "Session", actor: "Actor", args: argparse.Namespace) -> "bytes | dict[str, Any] | None":
    """What ``points month|notice|statement|cards`` writes (None: an XLSX already written)."""
    from core.config import business_day
    from core.identifiers import mask_name
    from core.places import place_name
    from orders import points, points_counter, points_reports
    from reports import points_docs

    today = business_day(session)
    if args.what == "statement":
        household, rows = points_reports.points_statement(session, actor, args.household or "", today)
        return points_docs.points_statement_pdf(household.code, mask_name(household.head_name), rows, today)
    if args.what == "document":
        return points_docs.donation_pdf(points_counter.donation(session, args.number or ""))
    if args.what == "cards":
        codes = points_counter.household_codes(session, args.region)
        return points_docs.cards_pdf([points_counter.card(session, code, today) for code in codes])
    if not args.month:
        raise UsageError(_("points {what} needs --month").format(what=args.what))
    if args.what == "notice":
        if not args.region:
            raise UsageError(_("points notice needs --region"))
        earned = points_reports.points_notice(session, actor, args.month, args.region)
        return points_docs.points_notice_pdf(args.month, args.region, place_name(args.region), earned, today)
    if args.format == "json":
        return points.month_figures(session, actor, args.month)
    data = points_reports.points_month(session, actor, args.month)
    if args.format == "pdf":
        return points_docs.points_month_pdf(data)
    check_output(Path(args.out))
    points_docs.points_month_xlsx(data, Path(args.out))
    print(_("written: {file}").format(file=args.out))
    return None


def cmd_stock(args: argparse.Namespace) -> int:
    """stock check: every running balance equals its movements; stock on-hand|low|expiring|slow:
    what a manager acts on, as CSV or XLSX (or JSON on stdout with --out -)."""
    from core.config import business_day
    from core.models import utc_now
    from core.money import quantity_text
    from core.tabular import write_table
    from orders import stock
    from reports.stock_docs import document_pdf

    if args.what in MOVES:
        return _stock_move(args)
    db = open_database(args.db, create=False)
    try:
        with db.read_session() as session:
            if args.what == "check":
                mismatches = stock.check(session)
                if mismatches:
                    raise BangfuError(stock.mismatch_text(mismatches))
                print(_("stock ledger intact: every running balance equals its movements"))
                return 0
            actor = command_line_actor()
            if args.what == "document":
                Path(args.out).write_bytes(document_pdf(session, actor, args.number or ""))
                print(_("written: {file}").format(file=args.out))
                return 0
            rows: list[list[object]]
            if args.what == "expiring":
                found = stock.expiring(session, actor, business_day(session), args.days)
                header = ["counter_code", "product_code", "name", "batch", "expires_on", "quantity"]
                rows = [
                    [e.counter, e.code, e.name, e.batch, e.expires_on.isoformat(), quantity_text(e.quantity_milli)]
                    for e in found
                ]
            elif args.what == "movements":
                if not args.month:
                    raise UsageError(_("stock movements needs --month"))
                moved = stock.movement_rows(session, actor, args.month, args.counter)
                header = ["at", "counter_code", "product_code", "name", "kind", "quantity", "document", "batch"]
                header += ["reason", "username"]
                rows = [
                    [
                        m.at.isoformat(timespec="seconds"),
                        m.counter,
                        m.code,
                        m.name,
                        m.kind,
                        quantity_text(m.quantity_milli),
                        m.document,
                        m.batch,
                        m.reason,
                        m.username,
                    ]
                    for m in moved
                ]
            else:
                every = stock.stock_rows(session, actor, args.counter)
                chosen = {
                    "on-hand": every,
                    "low": [r for r in every if r.low],
                    "slow": stock.slow_movers(every, utc_now(), args.days),
                }[args.what]
                header = ["counter_code", "product_code", "name", "unit", "on_hand", "minimum", "last_sold"]
                rows = [
                    [
                        r.counter,
                        r.code,
                        r.name,
                        r.unit,
                        quantity_text(r.on_hand_milli),
                        quantity_text(r.minimum_milli) if r.minimum_milli is not None else "",
                        r.last_sold.isoformat() if r.last_sold else "",
                    ]
                    for r in chosen
                ]
    finally:
        db.dispose()
    if args.out == "-":
        _write_json([dict(zip(header, row, strict=True)) for row in rows], "-")
    else:
        check_output(Path(args.out))
        write_table(Path(args.out), header, rows)
        print(_("{kind}: {n} rows written to {file}").format(kind=args.what, n=len(rows), file=args.out))
    return 0


MOVES = ("transfer", "return", "write-off", "minimum")


def _stock_move(args: argparse.Namespace) -> int:
    """stock transfer|return|write-off|minimum --counter C --product CODE --quantity Q [--to C] [--reason R]."""
    from orders import stock

    if not (args.counter and args.product and args.quantity):
        raise UsageError(_("stock {what} needs --counter, --product and --quantity").format(what=args.what))
    db = open_database(args.db, create=False)
    try:
        with db.session() as session, session.begin():
            actor = command_line_actor()
            line = [stock.typed_line(session, args.product, args.quantity)]
            if args.what == "transfer":
                done = stock.transfer(session, actor, args.counter, args.to or "", line)
            elif args.what == "return":
                done = stock.return_to_supplier(session, actor, args.counter, line, args.reason or "")
            elif args.what == "write-off":
                done = stock.write_off(session, actor, args.counter, line, args.reason or "")
            else:
                stock.set_minimum(session, actor, args.counter, line[0].product_id, line[0].quantity_milli)
                done = args.counter
    finally:
        db.dispose()
    print(_("recorded: {number}").format(number=done))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from core.backup import backup, restore

    db = open_database(args.db)
    try:
        if args.command == "backup":
            target = backup(db, command_line_actor(), Path(args.file))
            print(_("backup written and checked: {file}").format(file=target))
        else:
            restore(db, command_line_actor(), Path(args.file))
            print(_("restored from {file}").format(file=args.file))
    finally:
        db.dispose()
    return 0


def cmd_labels(args: argparse.Namespace) -> int:
    from catalog.labels import check_batch, label_data, templates
    from reports.labels import render_labels

    db = open_database(args.db)
    try:
        with db.session() as session, session.begin():
            available = templates(session)
            if args.template not in available:
                choices = ", ".join(available)
                raise BangfuError(
                    _("unknown template {value}; choose one of {choices}").format(value=args.template, choices=choices)
                )
            item = label_data(
                session,
                command_line_actor(),
                args.product,
                check_batch(args.batch or ""),
                args.produced,
                args.shelf_days,
            )
            data = render_labels([(item, args.count)], available[args.template], args.start, args.outline, args.ec)
    finally:
        db.dispose()
    write_output(Path(args.out), data)
    print(_("{n} labels written to {file}").format(n=args.count, file=args.out))
    return 0


def cmd_notice(args: argparse.Namespace) -> int:
    """statement (one household) or notice (公示表 of a region) as an A4 PDF."""
    from orders.notices import notice, statement
    from reports.notices import notice_pdf, statement_pdf

    db = open_database(args.db, create=False)
    try:
        with db.session() as session, session.begin():
            if args.command == "statement":
                data = statement_pdf(statement(session, command_line_actor(), args.household, args.period))
            else:
                data = notice_pdf(notice(session, command_line_actor(), args.region, args.month))
    finally:
        db.dispose()
    write_output(Path(args.out), data)
    print(_("{format} report written to {file}").format(format="PDF", file=args.out))
    return 0


def cmd_issue(args: argparse.Namespace) -> int:
    from reports.issuing import issue_month

    db = open_database(args.db)
    try:
        with db.session() as session, session.begin():
            issued = issue_month(session, command_line_actor(), args.month)
            number, pdf = issued.issue_no, issued.pdf
    finally:
        db.dispose()
    if args.out:
        write_output(Path(args.out), pdf)
    print(_("{month} issued as number {n}").format(month=args.month, n=number))
    return 0


def cmd_quotas(args: argparse.Namespace) -> int:
    """Each organisation's yearly quota and what it bought, as JSON (amounts in fen)."""
    from core.config import business_zone
    from orders.bulk import below_share, quota_progress

    db = open_database(args.db, create=False)
    try:
        with db.read_session() as session, session.begin():
            zone = business_zone(session)
            until = (
                dt.datetime(args.until.year, args.until.month, args.until.day, tzinfo=zone) + dt.timedelta(days=1)
                if args.until
                else None
            )
            progress = quota_progress(session, args.year, zone, until)
    finally:
        db.dispose()
    shown = below_share(progress, args.below / 100) if args.below is not None else progress
    rows = [{"organisation": q.organisation, "quota_fen": q.quota_fen, "bought_fen": q.bought_fen} for q in shown]
    _write_json({"year": args.year, "organisations": rows}, args.out)
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """audit verify: recompute the audit trail's hash chain."""
    from core.audit_trail import verify

    db = open_database(args.db, create=False)
    try:
        with db.read_session() as session, session.begin():
            check = verify(session, command_line_actor())
    finally:
        db.dispose()
    if check.broken_at is not None:
        reason = _("the audit trail was changed: row {id} does not follow the {n} rows before it")
        raise BangfuError(reason.format(id=check.broken_at, n=check.rows))
    head = check.head or "—"
    print(_("audit trail intact: {n} rows, newest hash {head}").format(n=check.rows, head=head))
    return 0


def cmd_kiosk(args: argparse.Namespace) -> int:
    """kiosk join: enrol this database as a kiosk of a central PostgreSQL; kiosk release (at the
    central): the counters may be claimed by another kiosk."""
    from orders.kiosk import join, release_counter

    if args.which == "release":
        central = open_database(args.db, create=False)
        try:
            with central.session() as session, session.begin():
                for code in args.counter:
                    release_counter(session, command_line_actor(), code.strip().upper())
        finally:
            central.dispose()
        print(_("released: {counters}").format(counters=", ".join(args.counter)))
        return 0
    if not args.central:
        raise BangfuError(_("kiosk join needs --central URL"))
    kiosk = open_database(args.db)
    try:
        central = open_database(args.central, migrate=False)
        try:
            bound = join(kiosk, central, command_line_actor(), args.counter)
            where = central.description  # never the URL itself: it may hold the password
        finally:
            central.dispose()
    finally:
        kiosk.dispose()
    print(_("kiosk {id} joined {central} for counters {counters}").format(
        id=bound.kiosk_id, central=where, counters=", ".join(bound.counters)
    ))  # fmt: skip
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """sync: send what waits, receive the registry; --status: what waits, as text or JSON."""
    from orders.kiosk import status, sync_kiosk

    kiosk = open_database(args.db, create=False)
    try:
        if not args.status:
            sync_kiosk(kiosk)  # the central unreachable: exit 2 with the reason, the queue untouched
        with kiosk.read_session() as session:
            state = status(session)
    finally:
        kiosk.dispose()
    if args.format == "json":
        print(json.dumps(state, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        text = _("{sales} sales, {refunds} refunds, {shifts} shifts waiting; last upload {up}, last download {down}")
        up, down = state["last_upload"] or "—", state["last_download"] or "—"
        print(text.format(up=up, down=down, **state["pending"]))
    return 0


def not_yet(args: argparse.Namespace) -> int:
    raise BangfuError(_("'{command}' is not available in this version yet").format(command=args.command))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bangfu", description=_("Bangfu consumption-assistance desktop application"))
    parser.add_argument("--db", help=_("SQLite file or SQLAlchemy URL (default: BANGFU_DB or the user data folder)"))
    parser.add_argument("--lang", choices=("zh", "en"), help=_("language of messages and windows"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    gui = sub.add_parser("gui", help=_("open the desktop application (the default)"))
    gui.add_argument("--screenshot", metavar="FILE.png", help=_("render the window to a PNG file and exit"))
    gui.add_argument(
        "--size",
        type=_size,
        default=(1366, 768),
        metavar="WxH",
        help=_("window size of the screenshot (default 1366x768)"),
    )
    gui.add_argument(
        "--page", choices=(*PAGES, "login"), default="counter", help=_("page to show (login: the sign-in dialog)")
    )
    gui.set_defaults(func=cmd_gui)

    imp = sub.add_parser("import", help=_("import a CSV or XLSX file"))
    imp.add_argument("kind", choices=IMPORT_KINDS)
    imp.add_argument("file")
    imp.set_defaults(func=cmd_import)

    exp = sub.add_parser("export", help=_("export to CSV or XLSX (ID numbers and names masked)"))
    exp.add_argument("kind", choices=IMPORT_KINDS)
    exp.add_argument("file")
    exp.add_argument("--clear-ids", action="store_true", help=_("write ID numbers and names unmasked (admin only)"))
    exp.set_defaults(func=cmd_export)

    report = sub.add_parser("report", help=_("monthly summary"))
    report.add_argument("which", choices=("monthly",))
    report.add_argument("--month", type=_month, required=True)
    report.add_argument("--format", choices=("json", "pdf", "xlsx"), required=True)
    report.add_argument("--out", required=True)
    report.set_defaults(func=cmd_report)

    attribution = sub.add_parser("attribution", help=_("per-household attribution"))
    attribution.add_argument("--month", type=_month, required=True)
    attribution.add_argument("--format", choices=("json", "csv"), required=True)
    attribution.add_argument("--out", required=True)
    attribution.set_defaults(func=cmd_attribution)

    stock = sub.add_parser(
        "stock", help=_("consignment stock at the counters: check the ledger, or list what to act on")
    )
    stock.add_argument(
        "what",
        choices=(
            "check",
            "on-hand",
            "low",
            "expiring",
            "slow",
            "movements",
            "document",
            "transfer",
            "return",
            "write-off",
            "minimum",
        ),
    )
    stock.add_argument("--product", help=_("transfer, return, write-off, minimum: the product's code or barcode"))
    stock.add_argument("--quantity", help=_("how much (a minimum: below it the stock is low)"))
    stock.add_argument("--to", help=_("transfer: the counter the goods go to"))
    stock.add_argument("--reason", help=_("return, write-off: why"))
    stock.add_argument("--number", help=_("document: the receiving note's, transfer's, … or stocktake's number"))
    stock.add_argument("--counter", help=_("one counter only"))
    stock.add_argument("--month", type=_month, help=_("movements: the month's (YYYY-MM)"))
    stock.add_argument("--days", type=int, default=30, help=_("expiring within / not sold for this many days"))
    stock.add_argument("--out", default="-", help=_("CSV or XLSX file (default: JSON on stdout)"))
    stock.set_defaults(func=cmd_stock)

    points = sub.add_parser("points", help=_("a month of a points supermarket's points (SPEC §10)"))
    points.add_argument(
        "what", nargs="?", default="month",
        choices=(
            "month", "notice", "statement", "cards", "pending", "approve", "refuse", "supermarket",
            "donation", "purchase", "goods", "document",
        ),
    )  # fmt: skip
    points.add_argument("--month", type=_month)
    points.add_argument("--format", choices=("json", "pdf", "xlsx"), default="json")
    points.add_argument("--out")
    points.add_argument("--region", help=_("notice, cards: the village's region code"))
    points.add_argument("--household", help=_("statement: the household's code"))
    points.add_argument("number", nargs="?", help=_("approve, refuse: the proposal's number (SP-…)"))
    points.add_argument("--reason", help=_("refuse: why"))
    points.add_argument("--counter", help=_("supermarket: the new points supermarket's counter code"))
    points.add_argument("--name", help=_("supermarket: its name"))
    points.add_argument("--good", help=_("donation, purchase: the points good's code or barcode"))
    points.add_argument("--quantity", help=_("donation, purchase: how many (whole)"))
    points.add_argument("--value", help=_("donation, purchase: what they are worth, in yuan"))
    points.add_argument("--donor", help=_("donation: who gave it"))
    points.set_defaults(func=cmd_points)

    settle = sub.add_parser("settlement", help=_("what each supplier is owed for a month's counter sales (SPEC §11)"))
    settle.add_argument("--month", type=_month)
    settle.add_argument("--format", choices=("json", "pdf", "xlsx"), default="json")
    settle.add_argument("--out", help=_("the file to write (JSON: - for stdout)"))
    settle.add_argument("--supplier", help=_("one supplier's statement (its credit code)"))
    settle.add_argument("--issue", action="store_true", help=_("issue that statement: numbered and frozen"))
    settle.add_argument("--paid", metavar="NUMBER", help=_("mark an issued statement paid"))
    settle.add_argument("--paid-on", type=_date, help=_("the day it was paid"))
    settle.add_argument("--reference", help=_("the payment's reference"))
    settle.set_defaults(func=cmd_settlement)

    labels = sub.add_parser("labels", help=_("QR labels as PDF"))
    labels.add_argument("--product", required=True, help=_("product code"))
    labels.add_argument("--count", type=int, default=1, help=_("how many labels"))
    labels.add_argument("--template", default="a4-3x8", help=_("label template (default a4-3x8)"))
    labels.add_argument("--batch", help=_("batch or lot number"))
    labels.add_argument("--start", type=int, default=1, help=_("first label position on the sheet"))
    labels.add_argument("--produced", type=_date, help=_("production date (default: today)"))
    labels.add_argument("--shelf-days", type=int, help=_("shelf life in days"))
    labels.add_argument("--ec", choices=("L", "M", "Q", "H"), default="M", help=_("QR error correction level"))
    labels.add_argument("--outline", action="store_true", help=_("draw label outlines for alignment tests"))
    labels.add_argument("--out", required=True)
    labels.set_defaults(func=cmd_labels)

    statement = sub.add_parser("statement", help=_("one household's statement as PDF (a month or a year)"))
    statement.add_argument("--household", required=True)
    statement.add_argument("--period", required=True, help="YYYY-MM or YYYY")
    statement.add_argument("--out", required=True)
    statement.set_defaults(func=cmd_notice)
    notice = sub.add_parser("notice", help=_("public notice (公示表) of a region as PDF"))
    notice.add_argument("--region", required=True)
    notice.add_argument("--month", type=_month, required=True)
    notice.add_argument("--out", required=True)
    notice.set_defaults(func=cmd_notice)
    issue = sub.add_parser("issue", help=_("issue (freeze) a month's summary"))
    issue.add_argument("--month", type=_month, required=True)
    issue.add_argument("--out", help=_("also write the issued PDF here"))
    issue.set_defaults(func=cmd_issue)

    quotas = sub.add_parser("quotas", help=_("bulk buyers' yearly quotas and purchases as JSON"))
    quotas.add_argument("--year", type=_year, required=True)
    quotas.add_argument("--until", type=_date, help=_("count purchases up to this day"))
    quotas.add_argument("--below", type=_percent, help=_("only organisations below this percentage"))
    quotas.add_argument("--out", default="-")
    quotas.set_defaults(func=cmd_quotas)

    for name, text in (
        ("backup", _("write a checked copy of the database")),
        ("restore", _("replace the database with a backup")),
    ):
        command = sub.add_parser(name, help=text)
        command.add_argument("file")
        command.set_defaults(func=cmd_backup)

    audit = sub.add_parser("audit", help=_("check that the audit trail was not changed"))
    audit.add_argument("which", choices=("verify",))
    audit.set_defaults(func=cmd_audit)

    kiosk = sub.add_parser("kiosk", help=_("enrol this database as a kiosk of a central database"))
    kiosk.add_argument("which", choices=("join", "release"))
    kiosk.add_argument("--central", help=_("join: the central PostgreSQL (SQLAlchemy URL)"))
    kiosk.add_argument("--counter", action="append", required=True, help=_("a counter this kiosk sells at"))
    kiosk.set_defaults(func=cmd_kiosk)

    sync = sub.add_parser("sync", help=_("send this kiosk's sales to the central, receive the registry"))
    sync.add_argument("--status", action="store_true", help=_("only say what waits to be sent"))
    sync.add_argument("--format", choices=("text", "json"), default="text")
    sync.set_defaults(func=cmd_sync)

    demo = sub.add_parser("demo", help=_("fill an empty database with demo data"))
    demo.add_argument("--until", type=_date, help=_("last day of demo sales (default: today)"))
    demo.set_defaults(func=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["_rasterise"]:  # the window's child process, in a bundle without ``python -m``
        from gui.rasterize import main as rasterise

        return rasterise(argv[1:])
    if "--lang" in argv[:-1]:
        set_language(argv[argv.index("--lang") + 1])
    log_file = log_to_file(log)
    try:
        args = build_parser().parse_args(argv)
        if args.lang:
            set_language(args.lang)
        if args.command is None:
            args = build_parser().parse_args([*argv, "gui"])
        handler: Callable[[argparse.Namespace], int] = args.func
        if handler is not cmd_gui:  # the window loads it behind its sign-in window
            load_data_layer()
        if getattr(args, "out", None) not in (None, "-"):
            check_output(Path(args.out))
        return handler(args)
    except BangfuError as exc:
        print(f"{_('error')}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("unexpected failure")
        print(_("unexpected failure; the details are in {log}").format(log=log_file), file=sys.stderr)
        return 1
