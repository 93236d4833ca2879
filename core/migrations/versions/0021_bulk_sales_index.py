"""a partial index of group purchases (issue 18: the quota sheet read the year's every sale)

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-01 23:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

BULK_ONLY = "channel = 'bulk'"


def upgrade() -> None:
    op.create_index(
        "ix_sales_bulk",
        "sales",
        ["sold_at", "customer_org", "total_fen"],
        sqlite_where=sa.text(BULK_ONLY),
        postgresql_where=sa.text(BULK_ONLY),
    )


def downgrade() -> None:
    op.drop_index("ix_sales_bulk", table_name="sales")
