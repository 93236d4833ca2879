"""campaigns

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 05:51:56.147740
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "campaigns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("counters", sa.Text(), nullable=False),
        sa.Column("organisations", sa.Text(), nullable=False),
        sa.CheckConstraint("ends_on >= starts_on", name=op.f("ck_campaigns_dates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
        sa.UniqueConstraint("name", name=op.f("uq_campaigns_name")),
    )
    op.create_table(
        "campaign_sales",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_campaign_sales_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_campaign_sales_sale_id_sales")),
        sa.PrimaryKeyConstraint("campaign_id", "sale_id", name=op.f("pk_campaign_sales")),
    )


def downgrade() -> None:
    op.drop_table("campaign_sales")
    op.drop_table("campaigns")
