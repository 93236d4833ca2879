"""sale lines carry their sale's time and channel, indexed for monthly figures

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CHANNELS = "channel IN ('counter', 'cooperative', 'bulk', 'online')"


def upgrade() -> None:
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sold_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("channel", sa.String(length=16), nullable=True))
    op.execute(
        "UPDATE sale_lines SET"
        " sold_at = (SELECT sold_at FROM sales WHERE sales.id = sale_lines.sale_id),"
        " channel = (SELECT channel FROM sales WHERE sales.id = sale_lines.sale_id)"
    )
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.alter_column("sold_at", existing_type=sa.DateTime(timezone=True), nullable=False)
        batch_op.alter_column("channel", existing_type=sa.String(length=16), nullable=False)
        batch_op.create_check_constraint(op.f("ck_sale_lines_channel"), CHANNELS)
        batch_op.create_index("ix_sale_lines_month", ["sold_at", "product_id", "channel", "amount_fen"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_sale_lines_month")
        batch_op.drop_constraint("ck_sale_lines_channel", type_="check")
        batch_op.drop_column("channel")
        batch_op.drop_column("sold_at")
