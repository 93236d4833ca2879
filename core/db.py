"""Opening the database: SQLite by default, PostgreSQL when counters share one database.

Opening always brings the schema to the newest migration, so a user never runs a separate
upgrade step. Sessions are per user action and per thread (``Database.session``); the caller
owns the transaction (``with db.session() as s, s.begin(): …``).
"""

import importlib
import os
import re
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, TypeVarTuple

import platformdirs
from sqlalchemy import Engine, Table, create_engine, event, func, inspect, select, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.orm import Session, sessionmaker

from core.errors import BangfuError
from core.i18n import _
from core.locks import lock_key
from core.models import Base
from core.paths import private_file

NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "9p", "fuse.sshfs", "davfs", "fuse.davfs2", "ncpfs"}
)


# SQLite's page cache per connection (its default: 2 MB). An import's rows land all over the
# indexes of sales and lines; with 2 MB each insert reread index pages from the file, and the
# executemany of a 200,000-line import took 2.9 s instead of 2.4 s. Pages come as they are read.
PAGE_CACHE_KIB = 65_536


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("Bangfu", appauthor=False)) / "bangfu.db"


def resolve_url(value: str | None) -> URL:
    """``--db`` / BANGFU_DB: a path to a SQLite file or any SQLAlchemy URL."""
    value = value or os.environ.get("BANGFU_DB") or str(default_db_path())
    if "://" in value:
        try:
            return make_url(value)
        except Exception:
            raise BangfuError(_("not a database URL: {value}").format(value=value)) from None
    return URL.create("sqlite", database=str(Path(value).expanduser().resolve()))


def describe(url: URL) -> str:
    """The database as shown to a person: the file, or the server and database (no password)."""
    if url.get_backend_name() == "sqlite":
        return f"SQLite {url.database}"
    if url.get_backend_name() != "postgresql":
        return url.render_as_string(hide_password=True)
    return f"PostgreSQL {url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def mount_fstype(path: Path, mounts_text: str | None = None) -> str | None:
    """The filesystem type of the mount holding ``path`` (Linux /proc/mounts), if known."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text()
        except OSError:
            return None
    best, fstype = "", None
    target = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, fstype = mount_point, parts[2]
    return fstype


def is_network_path(path: Path) -> bool:
    """True for a file on a network share, where SQLite's WAL locking does not work."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        return bool(drive.strip("\\")) and ctypes.windll.kernel32.GetDriveTypeW(drive) == 4
    return mount_fstype(path) in NETWORK_FILESYSTEMS


def _sqlite_engine(url: URL) -> Engine:
    path = Path(url.database or "")
    if url.database and url.database != ":memory:":
        if is_network_path(path):
            raise BangfuError(
                _(
                    "{path} is on a network share, where SQLite cannot lock safely. "
                    "To share one database between counters, use PostgreSQL (--db postgresql+psycopg://…)."
                ).format(path=path)
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            private_file(path)  # SQLite gives its -wal and -shm files the same mode
        except OSError as exc:
            raise BangfuError(_("cannot create folder {path}: {reason}").format(path=path.parent, reason=exc)) from None
    engine = create_engine(url, connect_args={"timeout": 10}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        # Take BEGIN over from the sqlite3 module (its lazy deferred BEGIN lets two writers
        # deadlock into SQLITE_BUSY); see the "begin" hook below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        # IMMEDIATE takes the write lock up front, so a writer waits (busy_timeout) instead of
        # failing half-way; read-only work asks for DEFERRED and never blocks the counters.
        conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get('sqlite_begin', 'IMMEDIATE')}")

    return engine


def _server_engine(url: URL) -> Engine:
    """PostgreSQL (or another server): the parameters of a failed statement stay out of error
    messages and logs, since they can hold ID numbers and names."""
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def _alembic_config(connection: object) -> "Config":
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "core:migrations")
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config(None)).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every schema revision this version of Bangfu can open (and migrate)."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_alembic_config(None)).walk_revisions()}


MIGRATIONS = Path(__file__).resolve().parent / "migrations" / "versions"
_REVISION = re.compile(r"^(down_)?revision = [\"']?(\w+)", re.MULTILINE)


@cache
def head_from_files() -> str:
    """The newest revision, read from the migration files' own lines (``revision = "0020"``,
    ``down_revision = "0019"``) without importing Alembic: a database already at it needs
    nothing more (tests hold this equal to Alembic's head)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in MIGRATIONS.glob("*.py"):
        for down, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            (parents if down else revisions).add(value)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else ""  # none found or several: Alembic decides


def stored_revision(connection: Connection) -> str | None:
    """The database's schema revision, or None when it has none yet (a new database)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def bring_to_head(engine: Engine) -> None:
    """A new database is created from the models and stamped; an older one is migrated. One at
    the head is left as it is, without loading Alembic (most of a short command's start)."""
    with engine.connect() as connection:
        if stored_revision(connection) == head_from_files():
            return
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            # Batch migrations copy and drop tables that others point at; SQLite ignores this
            # pragma inside a transaction, so it is set on the raw connection before BEGIN.
            connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with connection.begin():
                if not sqlite:  # programs opening one new database at once create it one after another
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key("schema")})
                current = MigrationContext.configure(connection).get_current_revision()
                cfg = _alembic_config(connection)
                if current is None and not inspect(connection).get_table_names():
                    Base.metadata.create_all(connection)
                    command.stamp(cfg, "head")
                elif current not in known_revisions() and current is not None:
                    reason = _("this database was written by a newer Bangfu (schema {rev}); update Bangfu first")
                    raise BangfuError(reason.format(rev=current))
                elif current != head_revision():
                    command.upgrade(cfg, "head")
                    if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                        raise BangfuError(_("the upgrade left references that point nowhere; nothing was changed"))
        finally:
            if sqlite:
                connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


def _same_schema(engine: Engine, url: URL) -> None:
    with engine.connect() as connection:
        current = stored_revision(connection)
    if current == head_from_files():
        return
    if current in known_revisions():
        reason = _("{db} has an older schema ({rev}): upgrade Bangfu there first")
    else:
        reason = _("{db} has a newer schema ({rev}): update Bangfu here first")
    raise BangfuError(reason.format(db=describe(url), rev=current or "-"))


class Database:
    """One database for the whole program; hands out a fresh Session per action and thread."""

    def __init__(self, url: URL, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(engine.execution_options(sqlite_begin="DEFERRED"), expire_on_commit=False)

    @property
    def description(self) -> str:
        return describe(self.url)

    def session(self) -> Session:
        """A session for an action that writes (on SQLite: BEGIN IMMEDIATE)."""
        return self._sessions()

    def read_session(self) -> Session:
        """A session for reading only (reports, lists): never takes the write lock."""
        return self._read_sessions()

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(value: str | None = None, create: bool = True, migrate: bool = True) -> Database:
    """Open (and create or upgrade) the database named by ``--db``, BANGFU_DB or the default.
    ``create=False`` (commands that only read) refuses a SQLite file that does not exist, rather
    than making an empty database and reporting zeros from it. ``migrate=False`` (a kiosk
    reaching its central) never changes the schema: it refuses a database of another version."""
    url = resolve_url(value)
    if not create and url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
        raise BangfuError(_("there is no database at {path}: check --db or BANGFU_DB").format(path=url.database))
    try:
        engine = _sqlite_engine(url) if url.get_backend_name() == "sqlite" else _server_engine(url)
    except BangfuError:
        raise
    except Exception as exc:  # bogus://x, a driver that is not installed, …
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BangfuError(_("cannot open database {db}: {reason}").format(db=describe(url), reason=reason)) from None
    try:
        if migrate:
            bring_to_head(engine)
        else:
            _same_schema(engine, url)
    except BangfuError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise BangfuError(
            _("cannot open database {db}: {reason}").format(db=describe(url), reason=str(exc).splitlines()[0])
        ) from exc
    return Database(url, engine)


if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Row, Select
    from sqlalchemy.orm import QueryableAttribute

T = TypeVar("T")
K = TypeVar("K")
Ts = TypeVarTuple("Ts")
IN_CHUNK = 10_000  # values per IN (...): below SQLite's 32,766 and PostgreSQL's 65,535 parameters


def chunked(values: Iterable[T], size: int = IN_CHUNK) -> Iterator[list[T]]:
    """``values`` in lists of at most ``size``, for queries that name many keys."""
    chunk: list[T] = []
    for value in values:
        chunk.append(value)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


MANY = 5_000  # keys from which reading every row and picking costs less than naming them


def rows_with(
    session: Session, query: "Select[K, *Ts]", column: "QueryableAttribute[K]", keys: Iterable[K]
) -> "Iterator[Row[K, *Ts]]":
    """The rows of ``query`` whose ``column`` (its first selected column) is one of ``keys``.
    Few keys go in IN lists of ``IN_CHUNK``; many (a city's month names nearly every product and
    supplier) cost more to send and plan than the rows they leave out, so the whole query is
    read once and the rows are picked here."""
    wanted = set(keys)
    if len(wanted) >= MANY:
        yield from (row for row in session.execute(query) if row[0] in wanted)
        return
    for chunk in chunked(wanted):
        yield from session.execute(query.where(column.in_(chunk)))


def upsert(session: Session, entity: object) -> Any:
    """The database's own INSERT, the one that knows ON CONFLICT (SQLite and PostgreSQL spell it
    alike). PostgreSQL's dialect loads only where it is the database: imported at the top, it
    cost every window and command on SQLite 40 ms."""
    name = "postgresql" if session.get_bind().dialect.name == "postgresql" else "sqlite"
    return importlib.import_module(f"sqlalchemy.dialects.{name}").insert(entity)


def reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` fresh primary keys for a bulk insert that needs them before inserting lines.

    PostgreSQL hands them out from the table's sequence; on SQLite the write transaction holds
    the database lock (BEGIN IMMEDIATE), so the ids after the largest one are ours alone.
    """
    if count <= 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        sequence = f"pg_get_serial_sequence('{table.name}', 'id')"
        rows = session.execute(text(f"SELECT nextval({sequence}) FROM generate_series(1, :n)"), {"n": count})
        return [int(value) for (value,) in rows]
    first = (session.scalar(select(func.max(table.c.id))) or 0) + 1
    return list(range(first, first + count))
