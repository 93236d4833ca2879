"""points (issue 17): village officers with their regions, proposals that a second person
approves, a points supermarket's goods in and out, and counters of the kind points

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-01 21:20:00
"""

import sqlalchemy as sa
from alembic import op

from core.models import UTCDateTime

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "points_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=True),
        sa.Column("times", sa.Integer(), nullable=True),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("proposed_by", sa.String(length=64), nullable=False),
        sa.Column("proposed_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("event_ref", sa.String(length=64), nullable=True),
        sa.Column("refusal", sa.Text(), nullable=False),
        sa.CheckConstraint("kind IN ('award', 'adjustment')", name=op.f("ck_points_proposals_kind")),
        sa.ForeignKeyConstraint(
            ["household_id"], ["households.id"], name=op.f("fk_points_proposals_household_id_households")
        ),
        sa.ForeignKeyConstraint(
            ["rule_id"], ["points_rules.id"], name=op.f("fk_points_proposals_rule_id_points_rules")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_proposals")),
        sa.UniqueConstraint("number", name=op.f("uq_points_proposals_number")),
    )
    op.create_table(
        "points_stock_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("counter_id", sa.Integer(), nullable=False),
        sa.Column("good_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("document", sa.String(length=64), nullable=False),
        sa.Column("donor", sa.String(length=200), nullable=False),
        sa.Column("value_fen", sa.BigInteger(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('donation', 'purchase', 'redemption', 'write_off')", name=op.f("ck_points_stock_movements_kind")
        ),
        sa.CheckConstraint("quantity != 0", name=op.f("ck_points_stock_movements_quantity")),
        sa.ForeignKeyConstraint(
            ["counter_id"], ["counters.id"], name=op.f("fk_points_stock_movements_counter_id_counters")
        ),
        sa.ForeignKeyConstraint(
            ["good_id"], ["points_goods.id"], name=op.f("fk_points_stock_movements_good_id_points_goods")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_stock_movements")),
    )
    with op.batch_alter_table("points_stock_movements", schema=None) as batch_op:
        batch_op.create_index("ix_points_stock_movements_counter_good", ["counter_id", "good_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_points_stock_movements_document"), ["document"], unique=False)

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("region_codes", sa.String(length=200), nullable=True))
        batch_op.drop_constraint(op.f("ck_users_role"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_users_role"), "role IN ('admin', 'manager', 'cashier', 'coop_manager', 'village_officer')"
        )
        batch_op.create_check_constraint(
            op.f("ck_users_officer_regions"), "role != 'village_officer' OR region_codes IS NOT NULL"
        )
    with op.batch_alter_table("counters") as batch_op:
        batch_op.drop_constraint(op.f("ck_counters_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_counters_kind"), "kind IN ('counter', 'zone', 'hall', 'points')")


def downgrade() -> None:
    with op.batch_alter_table("counters") as batch_op:
        batch_op.drop_constraint(op.f("ck_counters_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_counters_kind"), "kind IN ('counter', 'zone', 'hall')")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_users_officer_regions"), type_="check")
        batch_op.drop_constraint(op.f("ck_users_role"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_users_role"), "role IN ('admin', 'manager', 'cashier', 'coop_manager')"
        )
        batch_op.drop_column("region_codes")

    with op.batch_alter_table("points_stock_movements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_points_stock_movements_document"))
        batch_op.drop_index("ix_points_stock_movements_counter_good")

    op.drop_table("points_stock_movements")
    op.drop_table("points_proposals")
