"""Backups of the database and restoring them.

SQLite is copied with its online backup API, so counters can keep selling while it runs; the
copy must pass ``PRAGMA integrity_check`` before it counts as a backup. A restore refuses a
file that fails the check or was written by a newer Bangfu (a newer schema). PostgreSQL is
backed up with ``pg_dump`` where it is installed.
"""

import datetime as dt
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import text

from core.audit import record
from core.auth import Actor, can, require
from core.config import KEEP_SETTING, get_setting
from core.db import Database, bring_to_head, head_revision, known_revisions
from core.errors import BangfuError
from core.i18n import _
from core.paths import private_file

KEEP_DEFAULT = 14


def _check_copy(path: Path) -> str:
    """The schema revision of a SQLite backup file, after an integrity check."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = con.execute("PRAGMA integrity_check").fetchone()[0]
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise BangfuError(
            _("{file} is not a usable Bangfu backup: {reason}").format(file=path.name, reason=exc)
        ) from None
    if verdict != "ok":
        raise BangfuError(_("{file} is damaged: {reason}").format(file=path.name, reason=verdict))
    return str(revision)


def _sqlite_path(db: Database) -> Path:
    return Path(db.url.database or "")


def backup(db: Database, actor: Actor, target: Path) -> Path:
    """Write a checked copy of the database to ``target``."""
    require(actor, "backup")
    if target.is_dir():
        raise BangfuError(
            _("{file} is a folder: name the backup file, for example {example}").format(
                file=target, example=target / "bangfu-backup.db"
            )
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BangfuError(_("cannot create folder {path}: {reason}").format(path=target.parent, reason=exc)) from None
    if db.url.get_backend_name() == "sqlite":
        partial = private_file(target.with_name(target.name + ".partial"))
        try:
            source = sqlite3.connect(_sqlite_path(db))
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
            finally:
                copy.close()
                source.close()
            _check_copy(partial)
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
    else:
        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            raise BangfuError(
                _("pg_dump is not installed: install the PostgreSQL client tools, or back up on the server")
            )
        private_file(target)
        url = db.url.set(drivername="postgresql").render_as_string(hide_password=False)
        done = subprocess.run(
            [pg_dump, "--format=custom", "--file", str(target), url], capture_output=True, text=True, check=False
        )
        if done.returncode:
            raise BangfuError(_("pg_dump failed: {reason}").format(reason=done.stderr.strip().splitlines()[-1:]))
    with db.session() as session, session.begin():
        record(session, actor.username, "backup", target.name, "")
    return target


def restore(db: Database, actor: Actor, source: Path) -> None:
    """Replace the database's content with a checked backup (SQLite; PostgreSQL: pg_restore)."""
    require(actor, "backup")
    if db.url.get_backend_name() != "sqlite":
        raise BangfuError(_("restore a PostgreSQL database with pg_restore on the server"))
    if not source.is_file():
        raise BangfuError(_("file not found: {file}").format(file=source))
    revision = _check_copy(source)
    if revision not in known_revisions():
        raise BangfuError(_("{file} was written by a newer Bangfu; update Bangfu first").format(file=source.name))
    db.engine.dispose()  # no pooled connection may hold the old pages
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(_sqlite_path(db), timeout=30)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    if revision != head_revision():
        bring_to_head(db.engine)
    with db.session() as session, session.begin():
        record(session, actor.username, "restore", source.name, f"schema {revision}")


def daily_backup(
    db: Database, actor: Actor, folder: Path, keep: int = KEEP_DEFAULT, today: dt.date | None = None
) -> Path | None:
    """Once a day, a dated copy in ``folder``; only the newest ``keep`` are kept."""
    if db.url.get_backend_name() != "sqlite":
        return None
    today = today or dt.date.today()
    target = folder / f"bangfu-{today:%Y%m%d}.db"
    if target.exists():
        return None
    backup(db, actor, target)
    for old in sorted(folder.glob("bangfu-*.db"))[:-keep]:
        old.unlink()
    return target


def housekeeping(db: Database, actor: Actor, folder: Path) -> str | None:
    """At start-up: the damage check, then (for an administrator, on a sound database) the
    day's backup, keeping as many as the setting says. Returns the damage found, if any."""
    problem = integrity_problem(db)
    if problem is None and can(actor, "backup"):
        with db.read_session() as session:
            keep = int(get_setting(session, KEEP_SETTING, str(KEEP_DEFAULT)) or KEEP_DEFAULT)
        daily_backup(db, actor, folder, keep)
    return problem


def integrity_problem(db: Database) -> str | None:
    """None when the database is sound, else SQLite's description of the damage."""
    if db.url.get_backend_name() != "sqlite":
        return None
    with db.read_session() as session:
        verdict = session.execute(text("PRAGMA quick_check")).scalar()
    return None if verdict == "ok" else str(verdict)
