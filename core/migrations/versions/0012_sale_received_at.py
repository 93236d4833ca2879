"""when a kiosk's sale reached the central

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 17:02:00
"""

import sqlalchemy as sa
from alembic import op

from core.models import UTCDateTime

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sales") as batch:
        batch.add_column(sa.Column("received_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sales") as batch:
        batch.drop_column("received_at")
