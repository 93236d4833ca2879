"""stock balances keep their latest sale's time (issue 16: slow movers without scanning sales)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-01 20:40:00
"""

import sqlalchemy as sa
from alembic import op

from core.models import UTCDateTime

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stock_balances") as batch:
        batch.add_column(sa.Column("last_sold_at", UTCDateTime(timezone=True), nullable=True))
    op.execute(
        "UPDATE stock_balances SET last_sold_at = (SELECT max(m.at) FROM stock_movements m"
        " WHERE m.counter_id = stock_balances.counter_id AND m.product_id = stock_balances.product_id"
        " AND m.kind = 'sale')"
    )


def downgrade() -> None:
    with op.batch_alter_table("stock_balances") as batch:
        batch.drop_column("last_sold_at")
