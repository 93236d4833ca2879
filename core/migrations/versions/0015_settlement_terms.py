"""consignment terms (SPEC §11): a supplier's commission rate, a product's supply price

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 18:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("suppliers") as batch:
        batch.add_column(sa.Column("commission_rate_bp", sa.Integer(), nullable=False, server_default="0"))
        batch.create_check_constraint(op.f("ck_suppliers_commission_rate"), "commission_rate_bp BETWEEN 0 AND 10000")
    with op.batch_alter_table("products") as batch:
        batch.add_column(sa.Column("supply_price_fen", sa.BigInteger(), nullable=True))
        batch.create_check_constraint(
            op.f("ck_products_supply_price_fen"), "supply_price_fen IS NULL OR supply_price_fen >= 0"
        )


def downgrade() -> None:
    with op.batch_alter_table("products") as batch:
        batch.drop_constraint(op.f("ck_products_supply_price_fen"), type_="check")
        batch.drop_column("supply_price_fen")
    with op.batch_alter_table("suppliers") as batch:
        batch.drop_constraint(op.f("ck_suppliers_commission_rate"), type_="check")
        batch.drop_column("commission_rate_bp")
