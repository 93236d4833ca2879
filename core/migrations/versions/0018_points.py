"""points supermarkets (SPEC §10): rules, goods, awards, redemptions and adjustments

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01 19:30:00
"""

import sqlalchemy as sa
from alembic import op

from core.models import UTCDateTime

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "points_goods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("points_price", sa.Integer(), nullable=False),
        sa.Column("barcode", sa.String(length=13), nullable=True),
        sa.CheckConstraint("points_price > 0", name=op.f("ck_points_goods_points_price")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_goods")),
        sa.UniqueConstraint("code", name=op.f("uq_points_goods_code")),
    )
    op.create_table(
        "points_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("region_code", sa.String(length=6), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.CheckConstraint("points > 0", name=op.f("ck_points_rules_points")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_rules")),
        sa.UniqueConstraint("code", name=op.f("uq_points_rules_code")),
    )
    op.create_table(
        "points_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=True),
        sa.Column("times", sa.Integer(), nullable=True),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('award', 'redemption', 'adjustment')", name=op.f("ck_points_events_kind")),
        sa.CheckConstraint("points != 0", name=op.f("ck_points_events_points")),
        sa.ForeignKeyConstraint(
            ["household_id"], ["households.id"], name=op.f("fk_points_events_household_id_households")
        ),
        sa.ForeignKeyConstraint(["rule_id"], ["points_rules.id"], name=op.f("fk_points_events_rule_id_points_rules")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_events")),
        sa.UniqueConstraint("ref", name=op.f("uq_points_events_ref")),
    )
    op.create_index(op.f("ix_points_events_day"), "points_events", ["day"], unique=False)
    op.create_index(op.f("ix_points_events_household_id"), "points_events", ["household_id"], unique=False)
    op.create_table(
        "points_redemption_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("good_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["points_events.id"], name=op.f("fk_points_redemption_lines_event_id_points_events")
        ),
        sa.ForeignKeyConstraint(
            ["good_id"], ["points_goods.id"], name=op.f("fk_points_redemption_lines_good_id_points_goods")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_redemption_lines")),
        sa.UniqueConstraint("event_id", "good_id", name="uq_points_redemption_lines_event_good"),
    )
    op.create_index(op.f("ix_points_redemption_lines_event_id"), "points_redemption_lines", ["event_id"], unique=False)


def downgrade() -> None:
    for table in ("points_redemption_lines", "points_events", "points_goods", "points_rules"):
        op.drop_table(table)
