"""a counter's kiosk (many counters, one ledger)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 16:55:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("counters") as batch:
        batch.add_column(sa.Column("kiosk", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("counters") as batch:
        batch.drop_column("kiosk")
