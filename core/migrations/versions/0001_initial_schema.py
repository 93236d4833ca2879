"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 04:08:51.705202
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_at"), ["at"], unique=False)

    op.create_table(
        "counters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.CheckConstraint("kind IN ('counter', 'zone', 'hall')", name=op.f("ck_counters_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counters")),
        sa.UniqueConstraint("code", name=op.f("uq_counters_code")),
    )
    op.create_table(
        "households",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("head_name", sa.String(length=100), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("region_code", sa.String(length=6), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("search_key", sa.String(length=400), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('poor', 'lifted', 'monitored')", name=op.f("ck_households_status")),
        sa.CheckConstraint("members > 0", name=op.f("ck_households_members")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_households")),
        sa.UniqueConstraint("code", name=op.f("uq_households_code")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "suppliers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("region_code", sa.String(length=6), nullable=False),
        sa.Column("benefit_rate_bp", sa.Integer(), nullable=False),
        sa.Column("contact_phone", sa.String(length=32), nullable=True),
        sa.Column("search_key", sa.String(length=400), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('enterprise', 'cooperative', 'family_farm', 'individual', 'other')",
            name=op.f("ck_suppliers_kind"),
        ),
        sa.CheckConstraint("benefit_rate_bp BETWEEN 0 AND 10000", name=op.f("ck_suppliers_benefit_rate")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suppliers")),
        sa.UniqueConstraint("uscc", name=op.f("uq_suppliers_uscc")),
    )
    op.create_table(
        "linkages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("weight_centi", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("start_month", sa.String(length=7), nullable=False),
        sa.Column("end_month", sa.String(length=7), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "mode IN ('dividend', 'employment', 'purchase', 'land', 'other')", name=op.f("ck_linkages_mode")
        ),
        sa.CheckConstraint("end_month IS NULL OR end_month >= start_month", name=op.f("ck_linkages_months")),
        sa.CheckConstraint("weight_centi > 0", name=op.f("ck_linkages_weight")),
        sa.ForeignKeyConstraint(["household_id"], ["households.id"], name=op.f("fk_linkages_household_id_households")),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], name=op.f("fk_linkages_supplier_id_suppliers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_linkages")),
    )
    with op.batch_alter_table("linkages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_linkages_household_id"), ["household_id"], unique=False)
        batch_op.create_index("ix_linkages_supplier_household", ["supplier_id", "household_id"], unique=False)

    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("price_fen", sa.BigInteger(), nullable=False),
        sa.Column("barcode", sa.String(length=13), nullable=True),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("cert_no", sa.String(length=100), nullable=False),
        sa.Column("cert_level", sa.String(length=16), nullable=False),
        sa.Column("cert_authority", sa.String(length=200), nullable=True),
        sa.Column("certified_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("cert_status", sa.String(length=16), nullable=False),
        sa.Column("origin_region_code", sa.String(length=6), nullable=False),
        sa.Column("net_weight_g", sa.Integer(), nullable=True),
        sa.Column("search_key", sa.String(length=400), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "cert_level IN ('national', 'provincial', 'municipal', 'county')", name=op.f("ck_products_cert_level")
        ),
        sa.CheckConstraint("cert_status IN ('active', 'suspended', 'revoked')", name=op.f("ck_products_cert_status")),
        sa.CheckConstraint("net_weight_g IS NULL OR net_weight_g > 0", name=op.f("ck_products_net_weight_g")),
        sa.CheckConstraint("price_fen >= 0", name=op.f("ck_products_price_fen")),
        sa.CheckConstraint("valid_until >= certified_on", name=op.f("ck_products_cert_dates")),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], name=op.f("fk_products_supplier_id_suppliers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("cert_no", name=op.f("uq_products_cert_no")),
        sa.UniqueConstraint("code", name=op.f("uq_products_code")),
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_products_barcode"), ["barcode"], unique=False)
        batch_op.create_index(batch_op.f("ix_products_supplier_id"), ["supplier_id"], unique=False)

    op.create_table(
        "receipt_sequences",
        sa.Column("counter_id", sa.Integer(), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("last_no", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["counter_id"], ["counters.id"], name=op.f("fk_receipt_sequences_counter_id_counters")),
        sa.PrimaryKeyConstraint("counter_id", "business_day", name=op.f("pk_receipt_sequences")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("role != 'coop_manager' OR supplier_id IS NOT NULL", name=op.f("ck_users_coop_supplier")),
        sa.CheckConstraint("role IN ('admin', 'manager', 'cashier', 'coop_manager')", name=op.f("ck_users_role")),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], name=op.f("fk_users_supplier_id_suppliers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "certificate_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('active', 'suspended', 'revoked')", name=op.f("ck_certificate_events_status")),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_certificate_events_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_events")),
    )
    with op.batch_alter_table("certificate_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificate_events_product_id"), ["product_id"], unique=False)

    op.create_table(
        "sales",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("sold_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counter_id", sa.Integer(), nullable=True),
        sa.Column("cashier_id", sa.Integer(), nullable=True),
        sa.Column("customer_org", sa.String(length=200), nullable=True),
        sa.Column("total_fen", sa.BigInteger(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("channel != 'bulk' OR customer_org IS NOT NULL", name=op.f("ck_sales_bulk_needs_org")),
        sa.CheckConstraint("channel != 'counter' OR counter_id IS NOT NULL", name=op.f("ck_sales_counter_needs_code")),
        sa.CheckConstraint("channel IN ('counter', 'cooperative', 'bulk', 'online')", name=op.f("ck_sales_channel")),
        sa.CheckConstraint("total_fen >= 0", name=op.f("ck_sales_total_fen")),
        sa.ForeignKeyConstraint(["cashier_id"], ["users.id"], name=op.f("fk_sales_cashier_id_users")),
        sa.ForeignKeyConstraint(["counter_id"], ["counters.id"], name=op.f("fk_sales_counter_id_counters")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_sales_idempotency_key")),
        sa.UniqueConstraint("ref", name=op.f("uq_sales_ref")),
    )
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.create_index("ix_sales_sold_at", ["sold_at"], unique=False)

    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("tendered_fen", sa.BigInteger(), nullable=True),
        sa.Column("change_fen", sa.BigInteger(), nullable=True),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.CheckConstraint(
            "method IN ('cash', 'wechat', 'alipay', 'unionpay', 'transfer', 'other')", name=op.f("ck_payments_method")
        ),
        sa.CheckConstraint("amount_fen > 0", name=op.f("ck_payments_amount_fen")),
        sa.CheckConstraint("change_fen IS NULL OR change_fen >= 0", name=op.f("ck_payments_change_fen")),
        sa.CheckConstraint("tendered_fen IS NULL OR tendered_fen >= amount_fen", name=op.f("ck_payments_tendered")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_payments_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payments_sale_id"), ["sale_id"], unique=False)

    op.create_table(
        "refunds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("refunded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("total_fen", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("total_fen >= 0", name=op.f("ck_refunds_total_fen")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_refunds_sale_id_sales")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_refunds_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refunds")),
        sa.UniqueConstraint("ref", name=op.f("uq_refunds_ref")),
    )
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.create_index("ix_refunds_refunded_at", ["refunded_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_refunds_sale_id"), ["sale_id"], unique=False)

    op.create_table(
        "sale_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity_milli", sa.BigInteger(), nullable=False),
        sa.Column("unit_price_fen", sa.BigInteger(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("amount_fen >= 0", name=op.f("ck_sale_lines_amount_fen")),
        sa.CheckConstraint("quantity_milli > 0", name=op.f("ck_sale_lines_quantity")),
        sa.CheckConstraint("unit_price_fen >= 0", name=op.f("ck_sale_lines_unit_price_fen")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_sale_lines_product_id_products")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_sale_lines_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale_lines")),
        sa.UniqueConstraint("sale_id", "line_no", name=op.f("uq_sale_lines_sale_id_line_no")),
    )
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sale_lines_product_id"), ["product_id"], unique=False)

    op.create_table(
        "refund_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("refund_id", sa.Integer(), nullable=False),
        sa.Column("sale_line_id", sa.Integer(), nullable=False),
        sa.Column("quantity_milli", sa.BigInteger(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("amount_fen >= 0", name=op.f("ck_refund_lines_amount_fen")),
        sa.CheckConstraint("quantity_milli > 0", name=op.f("ck_refund_lines_quantity")),
        sa.ForeignKeyConstraint(["refund_id"], ["refunds.id"], name=op.f("fk_refund_lines_refund_id_refunds")),
        sa.ForeignKeyConstraint(
            ["sale_line_id"], ["sale_lines.id"], name=op.f("fk_refund_lines_sale_line_id_sale_lines")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refund_lines")),
        sa.UniqueConstraint("refund_id", "sale_line_id", name=op.f("uq_refund_lines_refund_id_sale_line_id")),
    )
    with op.batch_alter_table("refund_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refund_lines_sale_line_id"), ["sale_line_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("refund_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refund_lines_sale_line_id"))

    op.drop_table("refund_lines")
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sale_lines_product_id"))

    op.drop_table("sale_lines")
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refunds_sale_id"))
        batch_op.drop_index("ix_refunds_refunded_at")

    op.drop_table("refunds")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_sale_id"))

    op.drop_table("payments")
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.drop_index("ix_sales_sold_at")

    op.drop_table("sales")
    with op.batch_alter_table("certificate_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificate_events_product_id"))

    op.drop_table("certificate_events")
    op.drop_table("users")
    op.drop_table("receipt_sequences")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_products_supplier_id"))
        batch_op.drop_index(batch_op.f("ix_products_barcode"))

    op.drop_table("products")
    with op.batch_alter_table("linkages", schema=None) as batch_op:
        batch_op.drop_index("ix_linkages_supplier_household")
        batch_op.drop_index(batch_op.f("ix_linkages_household_id"))

    op.drop_table("linkages")
    op.drop_table("suppliers")
    op.drop_table("settings")
    op.drop_table("households")
    op.drop_table("counters")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_at"))

    op.drop_table("audit_events")
