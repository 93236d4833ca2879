"""audit events are hash-chained; TRUNCATE and a replacing INSERT are refused

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from core.audit import chain_hash
from core.models import AUDIT_NO_REPLACE, AUDIT_NO_TRUNCATE, UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# The rows already there get their hashes while the trigger that refuses updates is lifted.
LIFT = {
    "sqlite": ["DROP TRIGGER audit_events_no_update"],
    "postgresql": ["ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change"],
}
RESTORE = {
    "sqlite": [
        "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events"
        " BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END",
        AUDIT_NO_REPLACE,
    ],
    "postgresql": ["ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change", AUDIT_NO_TRUNCATE],
}
DROP = {
    "sqlite": ["DROP TRIGGER audit_events_no_replace"],
    "postgresql": ["DROP TRIGGER audit_events_no_truncate ON audit_events"],
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.add_column("audit_events", sa.Column("hash", sa.String(length=64), nullable=True))
    for statement in LIFT[dialect]:
        op.execute(statement)
    events = sa.table(
        "audit_events",
        *(sa.column(name) for name in ("id", "username", "action", "target", "summary", "hash")),
        sa.column("at", UTCDateTime()),
    )
    bind = op.get_bind()
    previous = ""
    rows = bind.execute(sa.select(events).order_by(events.c.id)).mappings().all()
    for row in rows:
        previous = chain_hash(previous, row["at"], row["username"], row["action"], row["target"], row["summary"])
        bind.execute(events.update().where(events.c.id == row["id"]).values(hash=previous))
    for statement in RESTORE[dialect]:
        op.execute(statement)


def downgrade() -> None:
    for statement in DROP[op.get_bind().dialect.name]:
        op.execute(statement)
    op.drop_column("audit_events", "hash")
