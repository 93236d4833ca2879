"""Locks that make a check-then-write hold with two writers at once (the README's "Concurrency").

Every service that reads something to decide whether it may write (refunded so far, a shift's
state, a key already used, overlapping linkages) first takes a lock in the same transaction:

- ``locked`` reads a row with ``SELECT … FOR UPDATE`` when the rule is about an existing row
  (the sale being refunded, the counter whose shift closes, the order being delivered);
- ``serialize`` takes a PostgreSQL transaction-scoped advisory lock on a name when the rule is
  about a key that may not exist yet (an import kind, a cart key, a sale reference).

Both are released at commit or rollback. In READ COMMITTED every statement after the lock sees
what the other writer committed, so the check that follows reads the truth. On SQLite both are
no-ops: a write transaction starts with BEGIN IMMEDIATE and holds the whole database.
"""

import hashlib
from typing import Any, TypeVar

from sqlalchemy import select, text
from sqlalchemy.orm import Session

T = TypeVar("T")


def lock_key(*parts: object) -> int:
    """A stable signed 64-bit number for a lock name (PostgreSQL advisory locks take a bigint)."""
    digest = hashlib.blake2b("\x1f".join(str(p) for p in parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def serialize(session: Session, *parts: object, shared: bool = False) -> None:
    """Wait until no other transaction holds the lock named by ``parts``, then hold it until ours
    ends; ``shared``: many transactions may hold it at once, while none holds it alone."""
    if session.get_bind().dialect.name == "postgresql":
        take = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
        session.execute(text(f"SELECT {take}(:key)"), {"key": lock_key(*parts)})


def locked(session: Session, model: type[T], *where: object, lock: bool = True) -> T | None:
    """The one row of ``model`` matching ``where``, read fresh and locked for this transaction
    (``lock=False``: simply read, for callers that only look)."""
    query = select(model).where(*where)  # type: ignore[arg-type]
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    return session.scalars(query).one_or_none()


def one_or_new(session: Session, model: type[T], column: Any, value: object) -> T:
    """The row whose unique ``column`` holds ``value``, or a new one holding it; two writers
    saving the same name take turns instead of the second failing on the unique key."""
    serialize(session, column, value)
    found = session.scalars(select(model).where(column == value)).one_or_none()
    return found if found is not None else model(**{column.key: value})
