"""how far a kiosk's counter has uploaded

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 17:05:00
"""

import sqlalchemy as sa
from alembic import op

from core.models import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("counters") as batch:
        batch.add_column(sa.Column("uploaded_until", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("counters") as batch:
        batch.drop_column("uploaded_until")
