"""registry rows carry a change number, so a kiosk downloads only what changed (core.change_numbers)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 18:05:00
"""

import sqlalchemy as sa
from alembic import op

from core.change_numbers import STAMPED, statements

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in STAMPED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("change_no", sa.BigInteger(), nullable=True))
            batch.create_index(f"ix_{table}_change_no", ["change_no"])
    if op.get_bind().dialect.name == "postgresql":
        for statement in statements():
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in STAMPED:
            op.execute(f"DROP TRIGGER {table}_change_no ON {table}")
        op.execute("DROP FUNCTION bangfu_change_no()")
    for table in STAMPED:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_change_no")
            batch.drop_column("change_no")
