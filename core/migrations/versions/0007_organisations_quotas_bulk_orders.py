"""organisations quotas bulk orders

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 05:50:19.815869
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("region_code", sa.String(length=6), nullable=False),
        sa.Column("contact", sa.String(length=100), nullable=False),
        sa.CheckConstraint(
            "kind IN ('government', 'canteen', 'union', 'company', 'school', 'hospital', 'other')",
            name=op.f("ck_organisations_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
        sa.UniqueConstraint("name", name=op.f("uq_organisations_name")),
    )
    op.create_table(
        "quotas",
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quota_fen", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("quota_fen >= 0", name=op.f("ck_quotas_quota_fen")),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_quotas_organisation_id_organisations")
        ),
        sa.PrimaryKeyConstraint("organisation_id", "year", name=op.f("pk_quotas")),
    )
    op.create_table(
        "bulk_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("ordered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("delivery_date", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("state IN ('ordered', 'delivered', 'paid', 'cancelled')", name=op.f("ck_bulk_orders_state")),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_bulk_orders_organisation_id_organisations")
        ),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_bulk_orders_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bulk_orders")),
        sa.UniqueConstraint("number", name=op.f("uq_bulk_orders_number")),
    )
    with op.batch_alter_table("bulk_orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bulk_orders_organisation_id"), ["organisation_id"], unique=False)

    op.create_table(
        "bulk_order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity_milli", sa.BigInteger(), nullable=False),
        sa.Column("unit_price_fen", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("quantity_milli > 0", name=op.f("ck_bulk_order_lines_quantity")),
        sa.CheckConstraint("unit_price_fen >= 0", name=op.f("ck_bulk_order_lines_unit_price_fen")),
        sa.ForeignKeyConstraint(
            ["order_id"], ["bulk_orders.id"], name=op.f("fk_bulk_order_lines_order_id_bulk_orders")
        ),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_bulk_order_lines_product_id_products")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bulk_order_lines")),
    )
    with op.batch_alter_table("bulk_order_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bulk_order_lines_order_id"), ["order_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bulk_order_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bulk_order_lines_order_id"))

    op.drop_table("bulk_order_lines")
    with op.batch_alter_table("bulk_orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bulk_orders_organisation_id"))

    op.drop_table("bulk_orders")
    op.drop_table("quotas")
    op.drop_table("organisations")
