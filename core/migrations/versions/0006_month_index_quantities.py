"""the month index also covers quantities, for the weight sold in the monthly report

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_sale_lines_month")
        batch_op.create_index(
            "ix_sale_lines_month", ["sold_at", "product_id", "channel", "amount_fen", "quantity_milli"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_sale_lines_month")
        batch_op.create_index("ix_sale_lines_month", ["sold_at", "product_id", "channel", "amount_fen"], unique=False)
