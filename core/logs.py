"""The log file: tracebacks of unexpected failures, and never personal data.

A database error's message can quote the row it refused (PostgreSQL's ``DETAIL: Failing row
contains (…, 王建国, 411224197101110016, …)``), and SQLAlchemy adds the statement's parameters
unless the engine hides them (core.db does). ``PrivateFormatter`` writes a database error as its
SQL state, table, column and constraint and the SQL text without values; other errors as they are.
"""

import logging
import logging.handlers
import sqlite3
import traceback
from pathlib import Path

from core.paths import log_dir


def _database_message(error: BaseException) -> str | None:
    """What a database error may say in a log, or None if ``error`` is not one."""
    # Here, not at the top: the log is set up before the window shows, SQLAlchemy loads behind it.
    from sqlalchemy.exc import StatementError

    if isinstance(error, StatementError):
        inner = _database_message(error.orig) if error.orig is not None else None
        return f"{inner or type(error.orig).__name__} [SQL: {error.statement}]"
    diag = getattr(error, "diag", None)
    if diag is not None:  # psycopg: name what failed, never the values
        names = ("table_name", "column_name", "constraint_name")
        where = ", ".join(f"{n.removesuffix('_name')} {getattr(diag, n)}" for n in names if getattr(diag, n, None))
        return f"SQLSTATE {getattr(error, 'sqlstate', '?')} ({where})"
    if isinstance(error, sqlite3.Error):  # SQLite names the constraint, never the values
        return str(error).splitlines()[0] if str(error) else type(error).__name__
    return None


class PrivateFormatter(logging.Formatter):
    def formatException(self, ei) -> str:  # type: ignore[no-untyped-def]
        chain, error, seen = [], ei[1], set()
        while error is not None and id(error) not in seen:
            seen.add(id(error))
            chain.append(error)
            error = error.__cause__ or error.__context__
        parts = []
        for error in reversed(chain):
            message = _database_message(error)
            text = message if message is not None else str(error)
            parts.append("Traceback (most recent call last):\n" + "".join(traceback.format_tb(error.__traceback__)))
            parts.append(f"{type(error).__module__}.{type(error).__qualname__}: {text}\n")
        return "".join(parts).rstrip("\n")


def log_to_file(log: logging.Logger) -> Path:
    """``log`` to a rotating file in the user's log folder; returns the file's path for messages."""
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "bangfu.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8", delay=True
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for old in log.handlers:
        old.close()
    log.handlers[:] = [handler]
    log.setLevel(logging.INFO)
    return folder / "bangfu.log"
