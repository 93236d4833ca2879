"""audit rows uploaded by kiosks keep where they came from; the chain's head for kiosk roles

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 18:20:00
"""

import sqlalchemy as sa
from alembic import op

from core.models import AUDIT_HEAD

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Not a batch copy: on SQLite that would drop the table's append-only triggers.
    op.add_column("audit_events", sa.Column("origin", sa.String(80), nullable=True))
    op.create_index("ix_audit_events_origin", "audit_events", ["origin"], unique=True)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(AUDIT_HEAD)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION bangfu_audit_head()")
    op.drop_index("ix_audit_events_origin", "audit_events")
    op.drop_column("audit_events", "origin")
