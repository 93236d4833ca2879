"""Many rows in one statement through the database driver: SQLite's executemany, PostgreSQL's COPY,
and ``read_rows`` for reading millions of rows back.

SQLAlchemy's executemany processes every parameter of every row in Python (a third of a large
import's time), and psycopg's sends a statement per row; the drivers take the rows as they are.
The one value a driver would store differently is an aware datetime on SQLite, which is written
here exactly as ``UTCDateTime`` writes it (UTC, ``YYYY-MM-DD HH:MM:SS.ffffff``), so queries and
reports cannot tell the paths apart (a test compares them on both backends). Rows go into the
caller's transaction.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypeVarTuple

from sqlalchemy import Date, Table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from core.models import UTCDateTime

if TYPE_CHECKING:
    from sqlalchemy import Select

Convert = Callable[[Any], Any]
Ts = TypeVarTuple("Ts")


def _sqlite_moment(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime: give a time zone")
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _sqlite_day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _sqlite_converters(table: Table, names: Sequence[str]) -> list[tuple[int, Convert]]:
    """(position, conversion) of the columns whose values SQLite's driver would store otherwise."""
    found: list[tuple[int, Convert]] = []
    for position, name in enumerate(names):
        kind = table.c[name].type
        if isinstance(kind, UTCDateTime):
            found.append((position, _sqlite_moment))
        elif isinstance(kind, Date):
            found.append((position, _sqlite_day))
    return found


def insert_rows(session: Session, table: Table, names: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """INSERT ``rows`` (tuples in the order of ``names``) into ``table``; returns how many."""
    connection = session.connection()
    dialect = connection.dialect
    columns = ", ".join(names)
    rows = rows if isinstance(rows, list) else list(rows)  # alive to the end: see _once
    if not rows:
        return 0
    cursor: Any = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    driver_error = dialect.loaded_dbapi.Error
    statement = f"COPY {table.name} ({columns}) FROM STDIN"
    try:
        if dialect.name == "postgresql" and not _row_security(cursor, table.name):
            with cursor.copy(statement) as copy:  # one stream instead of a statement per row
                for row in rows:
                    copy.write_row(row)
        else:
            if dialect.name == "sqlite":
                converters = [(position, _once(convert)) for position, convert in _sqlite_converters(table, names)]
                if converters:
                    rows = [_converted(row, converters) for row in rows]
            marker = "?" if dialect.paramstyle == "qmark" else "%s"
            statement = f"INSERT INTO {table.name} ({columns}) VALUES ({', '.join([marker] * len(names))})"
            cursor.executemany(statement, rows)
    except driver_error as exc:  # as SQLAlchemy raises it (IntegrityError, …), without the values
        raise DBAPIError.instance(statement, None, exc, driver_error, hide_parameters=True, dialect=dialect) from exc
    finally:
        cursor.close()
    return len(rows)


def _row_security(cursor: Any, table: str) -> bool:
    """Whether row-level security applies to this role on ``table`` (a central with kiosks, for a
    role that is not the tables' owner): PostgreSQL refuses COPY then, so rows go in as INSERTs."""
    cursor.execute("SELECT row_security_active(%s::regclass)", (table,))
    return bool(cursor.fetchone()[0])


def insert_records(session: Session, table: Table, records: Sequence[dict[str, Any]]) -> int:
    """``insert_rows`` for dicts of column values, all with the same keys; a column left out
    takes its Python-side default (one value for the whole call, as one statement's ``now``)."""
    if not records:
        return 0
    given = list(records[0])
    defaults = {}
    for column in table.columns:
        default = column.default
        if column.name not in records[0] and default is not None and hasattr(default, "arg"):
            defaults[column.name] = default.arg(None) if default.is_callable else default.arg
    extra = tuple(defaults.values())
    values = itemgetter(*given) if len(given) > 1 else lambda record: (record[given[0]],)
    rows = [values(record) + extra for record in records]
    return insert_rows(session, table, [*given, *defaults], rows)


def _once(convert: Convert) -> Convert:
    """``convert`` that converts each object once: the lines of a sale share its time, the rows
    of one statement their ``now``. Keyed by identity, which holds while the rows keep the
    objects alive (they do, for the whole call)."""
    done: dict[int, Any] = {}

    def converted(value: Any) -> Any:
        found = done.get(id(value), done)
        if found is done:
            found = done[id(value)] = convert(value)
        return found

    return converted


def _converted(row: Sequence[Any], converters: list[tuple[int, Convert]]) -> list[Any]:
    values = list(row)
    for position, convert in converters:
        values[position] = convert(values[position])
    return values


def read_rows(session: Session, query: "Select[*Ts]") -> "list[tuple[*Ts]]":
    """``session.execute(query).all()`` as plain tuples from the driver: a city's year of points is
    millions of rows, and building SQLAlchemy's rows took a third of reading them. Each column's
    value goes through its type's own result processing (SQLite's dates are ISO text), so the
    values are those SQLAlchemy would give (a test compares them on both backends)."""
    connection = session.connection()
    dialect = connection.dialect
    compiled = query.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    if compiled.positiontup is not None:  # qmark (SQLite): the values in their places
        arguments: Any = tuple(params[name] for name in compiled.positiontup)
    else:
        arguments = params
    processors = [
        (position, processor)
        for position, column in enumerate(query.selected_columns)
        if (processor := column.type.dialect_impl(dialect).result_processor(dialect, None)) is not None
    ]
    cursor: Any = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    driver_error = dialect.loaded_dbapi.Error
    try:
        cursor.execute(compiled.string, arguments)
        rows = cursor.fetchall()
    except driver_error as exc:  # as SQLAlchemy raises it (OperationalError, …), without the values
        raise DBAPIError.instance(
            compiled.string, None, exc, driver_error, hide_parameters=True, dialect=dialect
        ) from exc
    finally:
        cursor.close()
    if not processors:
        return [tuple(row) for row in rows]
    processed = []
    for row in rows:
        values = list(row)
        for position, processor in processors:
            values[position] = processor(values[position])
        processed.append(tuple(values))
    return processed
