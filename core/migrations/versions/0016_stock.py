"""stock at the counters (issue 16): movements, running balances, minimums, stocktakes

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 19:00:00
"""

import sqlalchemy as sa
from alembic import op

from core.models import UTCDateTime

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stocktakes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("counter_id", sa.Integer(), nullable=False),
        sa.Column("started_by", sa.String(length=64), nullable=False),
        sa.Column("started_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("mark", sa.BigInteger(), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("approved_at", UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["counter_id"], ["counters.id"], name=op.f("fk_stocktakes_counter_id_counters")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktakes")),
        sa.UniqueConstraint("number", name=op.f("uq_stocktakes_number")),
    )
    op.create_index(op.f("ix_stocktakes_counter_id"), "stocktakes", ["counter_id"], unique=False)
    op.create_table(
        "stock_balances",
        sa.Column("counter_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity_milli", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["counter_id"], ["counters.id"], name=op.f("fk_stock_balances_counter_id_counters")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_stock_balances_product_id_products")),
        sa.PrimaryKeyConstraint("counter_id", "product_id", name=op.f("pk_stock_balances")),
    )
    op.create_table(
        "stock_minimums",
        sa.Column("counter_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity_milli", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["counter_id"], ["counters.id"], name=op.f("fk_stock_minimums_counter_id_counters")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_stock_minimums_product_id_products")),
        sa.PrimaryKeyConstraint("counter_id", "product_id", name=op.f("pk_stock_minimums")),
    )
    op.create_table(
        "stock_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("counter_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("quantity_milli", sa.BigInteger(), nullable=False),
        sa.Column("document", sa.String(length=64), nullable=False),
        sa.Column("batch", sa.String(length=64), nullable=True),
        sa.Column("produced_on", sa.Date(), nullable=True),
        sa.Column("shelf_life_days", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("origin", sa.String(length=80), nullable=True),
        sa.CheckConstraint(
            "kind IN ('receipt', 'sale', 'refund', 'transfer_out', 'transfer_in', 'return', 'write_off', 'stocktake')",
            name=op.f("ck_stock_movements_kind"),
        ),
        sa.CheckConstraint("quantity_milli != 0", name=op.f("ck_stock_movements_quantity_milli")),
        sa.ForeignKeyConstraint(["counter_id"], ["counters.id"], name=op.f("fk_stock_movements_counter_id_counters")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_stock_movements_product_id_products")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_movements")),
    )
    op.create_index("ix_stock_movements_counter_product", "stock_movements", ["counter_id", "product_id"], unique=False)
    op.create_index(op.f("ix_stock_movements_document"), "stock_movements", ["document"], unique=False)
    op.create_index(op.f("ix_stock_movements_origin"), "stock_movements", ["origin"], unique=True)
    op.create_table(
        "stocktake_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stocktake_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity_milli", sa.BigInteger(), nullable=False),
        sa.Column("mark", sa.BigInteger(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_stocktake_counts_product_id_products")),
        sa.ForeignKeyConstraint(
            ["stocktake_id"], ["stocktakes.id"], name=op.f("fk_stocktake_counts_stocktake_id_stocktakes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake_counts")),
    )
    op.create_index(
        "ix_stocktake_counts_stocktake_product", "stocktake_counts", ["stocktake_id", "product_id"], unique=False
    )


def downgrade() -> None:
    for table in ("stocktake_counts", "stock_movements", "stock_minimums", "stock_balances", "stocktakes"):
        op.drop_table(table)
