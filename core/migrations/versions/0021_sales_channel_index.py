"""an index of sales by channel and time (issue 18: the quota sheet read the year's every sale)

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-01 23:50:00
"""

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_sales_channel", "sales", ["channel", "sold_at", "customer_org", "total_fen"])


def downgrade() -> None:
    op.drop_index("ix_sales_channel", table_name="sales")
