"""The database schema: one typed SQLAlchemy model per thing SPEC.md names.

Amounts are integer fen, quantities integer thousandths, rates basis points, weights hundredths
(see core/money.py). Timestamps are aware datetimes stored as UTC. Rows are appended, never
edited after commit: a refund is a new row pointing at its sale, a certificate change is a new
event. The constraints below hold what the database can hold by itself.
"""

import datetime as dt
from typing import Annotated

from sqlalchemy import (
    DDL,
    BigInteger,
    CheckConstraint,
    ColumnElement,
    Date,
    DateTime,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    and_,
    event,
    or_,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from core.change_numbers import install_on_create
from core.codes import (
    CERT_LEVELS,
    CERT_STATUSES,
    CHANNELS,
    COUNTER_KINDS,
    HOUSEHOLD_STATUSES,
    LINKAGE_MODES,
    ORDER_STATES,
    ORG_KINDS,
    PAYMENT_METHODS,
    ROLES,
    STOCK_KINDS,
    SUPPLIER_KINDS,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware datetime stored as UTC; naive values are refused rather than guessed."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: object) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: give a time zone")
        utc = value.astimezone(dt.UTC)
        return utc.replace(tzinfo=None) if getattr(dialect, "name", "") == "sqlite" else utc

    def process_result_value(self, value: dt.datetime | None, dialect: object) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


Fen = Annotated[int, mapped_column(BigInteger)]
Code = Annotated[str, mapped_column(String(64))]
Name = Annotated[str, mapped_column(String(200))]
Month = Annotated[str, mapped_column(String(7))]  # YYYY-MM: string order is time order
# A registry row's last change at a PostgreSQL central (stamped by a trigger, migration 0013):
# what a kiosk asks for when it downloads. Kiosks keep the number they were given.
ChangeNo = Annotated[int | None, mapped_column(BigInteger, index=True)]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: UTCDateTime, dt.date: Date, str: String(200)}


class Setting(Base):
    """Site settings (business zone, organisation name, label domain…) as key/value text."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Supplier(Base):
    __tablename__ = "suppliers"
    __table_args__ = (
        CheckConstraint(_one_of("kind", SUPPLIER_KINDS), name="kind"),
        CheckConstraint("benefit_rate_bp BETWEEN 0 AND 10000", name="benefit_rate"),
        CheckConstraint("commission_rate_bp BETWEEN 0 AND 10000", name="commission_rate"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uscc: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[Name]
    kind: Mapped[str] = mapped_column(String(16))
    region_code: Mapped[str] = mapped_column(String(6))
    benefit_rate_bp: Mapped[int]
    # SPEC §11: what the operator keeps of a consigned product's counter net when the product has
    # no supply price (basis points, as the benefit rate).
    commission_rate_bp: Mapped[int] = mapped_column(default=0, server_default="0")
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    search_key: Mapped[str] = mapped_column(String(400), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    change_no: Mapped[ChangeNo]

    products: Mapped[list["Product"]] = relationship(back_populates="supplier")


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("price_fen >= 0", name="price_fen"),
        CheckConstraint(_one_of("cert_level", CERT_LEVELS), name="cert_level"),
        CheckConstraint(_one_of("cert_status", CERT_STATUSES), name="cert_status"),
        CheckConstraint("valid_until >= certified_on", name="cert_dates"),
        CheckConstraint("net_weight_g IS NULL OR net_weight_g > 0", name="net_weight_g"),
        CheckConstraint("supply_price_fen IS NULL OR supply_price_fen >= 0", name="supply_price_fen"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[Code] = mapped_column(unique=True)
    name: Mapped[Name]
    category: Mapped[str] = mapped_column(String(64))
    unit: Mapped[str] = mapped_column(String(16))
    price_fen: Mapped[Fen]
    barcode: Mapped[str | None] = mapped_column(String(13), index=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"), index=True)
    cert_no: Mapped[str] = mapped_column(String(100), unique=True)
    cert_level: Mapped[str] = mapped_column(String(16))
    cert_authority: Mapped[str | None] = mapped_column(String(200))
    certified_on: Mapped[dt.date]
    valid_until: Mapped[dt.date]
    cert_status: Mapped[str] = mapped_column(String(16), default="active")
    origin_region_code: Mapped[str] = mapped_column(String(6))
    net_weight_g: Mapped[int | None]  # per unit, for count units (a 500 g bag: 500)
    supply_price_fen: Mapped[int | None] = mapped_column(BigInteger)  # SPEC §11: paid per unit sold
    search_key: Mapped[str] = mapped_column(String(400), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    change_no: Mapped[ChangeNo]

    supplier: Mapped[Supplier] = relationship(back_populates="products")


class CertificateEvent(Base):
    """A recorded change of a certificate's status (suspend, revoke, renew), kept forever."""

    __tablename__ = "certificate_events"
    __table_args__ = (CheckConstraint(_one_of("status", CERT_STATUSES), name="status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    valid_until: Mapped[dt.date | None]
    reason: Mapped[str] = mapped_column(Text, default="")
    username: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    change_no: Mapped[ChangeNo]


class Household(Base):
    __tablename__ = "households"
    __table_args__ = (
        CheckConstraint("members > 0", name="members"),
        CheckConstraint(_one_of("status", HOUSEHOLD_STATUSES), name="status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[Code] = mapped_column(unique=True)
    head_name: Mapped[str] = mapped_column(String(100))
    id_number: Mapped[str | None] = mapped_column(String(18))
    region_code: Mapped[str] = mapped_column(String(6))
    members: Mapped[int]
    status: Mapped[str] = mapped_column(String(16))
    search_key: Mapped[str] = mapped_column(String(400), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class Linkage(Base):
    """A supplier's obligation to share revenue with a household, by weight, for a span of months."""

    __tablename__ = "linkages"
    __table_args__ = (
        CheckConstraint("weight_centi > 0", name="weight"),
        CheckConstraint(_one_of("mode", LINKAGE_MODES), name="mode"),
        CheckConstraint("end_month IS NULL OR end_month >= start_month", name="months"),
        Index("ix_linkages_supplier_household", "supplier_id", "household_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"))
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    weight_centi: Mapped[int]
    mode: Mapped[str] = mapped_column(String(16))
    start_month: Mapped[Month]
    end_month: Mapped[Month | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)

    @classmethod
    def active_in(cls, month: str) -> ColumnElement[bool]:
        """SPEC §6: a linkage counts in the months from its start to its end, both included
        (no end: open). The one definition, for every query that needs it."""
        return and_(cls.start_month <= month, or_(cls.end_month.is_(None), cls.end_month >= month))


class Counter(Base):
    """A consumption-assistance kiosk: 专柜 (counter), 专区 (zone) or 专馆 (hall)."""

    __tablename__ = "counters"
    __table_args__ = (CheckConstraint(_one_of("kind", COUNTER_KINDS), name="kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[Name]
    kind: Mapped[str] = mapped_column(String(16), default="counter")
    location: Mapped[str] = mapped_column(String(200), default="")
    # At a central database: the kiosk that sells at this counter (one at a time, so receipt
    # numbers stay gapless per counter and day with no coordination); None: sold at centrally.
    kiosk: Mapped[str | None] = mapped_column(String(36))
    # At a central database: the kiosk had sent everything it had sold up to this time.
    uploaded_until: Mapped[dt.datetime | None]
    change_no: Mapped[ChangeNo]


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(_one_of("role", ROLES), name="role"),
        CheckConstraint("role != 'coop_manager' OR supplier_id IS NOT NULL", name="coop_supplier"),
        CheckConstraint("role != 'village_officer' OR region_codes IS NOT NULL", name="officer_regions"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"))
    active: Mapped[bool] = mapped_column(default=True)
    counter_code: Mapped[str | None] = mapped_column(String(32))  # a cashier's counter
    region_codes: Mapped[str | None] = mapped_column(String(200))  # a village officer's, comma-separated
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    change_no: Mapped[ChangeNo]


class ReceiptSequence(Base):
    """Last receipt number per counter and business day; bumped in the sale's transaction,
    so numbers are gapless and two counters never wait on each other."""

    __tablename__ = "receipt_sequences"
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"), primary_key=True)
    business_day: Mapped[dt.date] = mapped_column(primary_key=True)
    last_no: Mapped[int]


class Sale(Base):
    __tablename__ = "sales"
    __table_args__ = (
        CheckConstraint(_one_of("channel", CHANNELS), name="channel"),
        CheckConstraint("total_fen >= 0", name="total_fen"),
        CheckConstraint("channel != 'counter' OR counter_id IS NOT NULL", name="counter_needs_code"),
        CheckConstraint("channel != 'bulk' OR customer_org IS NOT NULL", name="bulk_needs_org"),
        Index("ix_sales_sold_at", "sold_at"),
        # One channel's sales of a period without reading the others' (a buyer's year of group
        # purchases for the quota sheet). Not a partial index: its dialect options would load
        # PostgreSQL's dialect into every process at import (40 ms of a short command).
        Index("ix_sales_channel", "channel", "sold_at", "customer_org", "total_fen"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)  # receipt number or imported sale_ref
    channel: Mapped[str] = mapped_column(String(16))
    sold_at: Mapped[dt.datetime]
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"))
    cashier_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    customer_org: Mapped[str | None] = mapped_column(String(200))
    total_fen: Mapped[Fen]
    idempotency_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    # At a central database: when the sale arrived from its kiosk, by the central's clock
    # (created_at and sold_at stay the kiosk's). None: recorded here.
    received_at: Mapped[dt.datetime | None]

    lines: Mapped[list["SaleLine"]] = relationship(back_populates="sale", order_by="SaleLine.line_no")
    payments: Mapped[list["Payment"]] = relationship(back_populates="sale")
    counter: Mapped[Counter | None] = relationship()


class SaleLine(Base):
    """A line of a sale. It carries copies of its sale's ``sold_at`` and ``channel`` so that a
    month's figures come from one index range scan without a join (3 million lines a month in a
    city); a sale is never edited after commit, so the copies cannot drift."""

    __tablename__ = "sale_lines"
    __table_args__ = (
        UniqueConstraint("sale_id", "line_no"),
        CheckConstraint("quantity_milli > 0", name="quantity"),
        CheckConstraint("unit_price_fen >= 0", name="unit_price_fen"),
        CheckConstraint("amount_fen >= 0", name="amount_fen"),
        CheckConstraint(_one_of("channel", CHANNELS), name="channel"),
        Index("ix_sale_lines_month", "sold_at", "product_id", "channel", "amount_fen", "quantity_milli"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"))
    line_no: Mapped[int]
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    unit_price_fen: Mapped[Fen]
    amount_fen: Mapped[Fen]
    sold_at: Mapped[dt.datetime]  # = sale.sold_at
    channel: Mapped[str] = mapped_column(String(16))  # = sale.channel

    sale: Mapped[Sale] = relationship(back_populates="lines")
    product: Mapped[Product] = relationship()


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint(_one_of("method", PAYMENT_METHODS), name="method"),
        CheckConstraint("amount_fen > 0", name="amount_fen"),
        CheckConstraint("tendered_fen IS NULL OR tendered_fen >= amount_fen", name="tendered"),
        CheckConstraint("change_fen IS NULL OR change_fen >= 0", name="change_fen"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    method: Mapped[str] = mapped_column(String(16))
    amount_fen: Mapped[Fen]
    tendered_fen: Mapped[Fen | None]
    change_fen: Mapped[Fen | None]
    reference: Mapped[str | None] = mapped_column(String(100))

    sale: Mapped[Sale] = relationship(back_populates="payments")


class Refund(Base):
    """A refund of some lines of one sale; dated when it happened, counted in that month."""

    __tablename__ = "refunds"
    __table_args__ = (
        CheckConstraint("total_fen >= 0", name="total_fen"),
        Index("ix_refunds_refunded_at", "refunded_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    refunded_at: Mapped[dt.datetime]
    total_fen: Mapped[Fen]
    reason: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str | None] = mapped_column(String(16))  # how the money went back (counter refunds)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)

    lines: Mapped[list["RefundLine"]] = relationship(back_populates="refund")
    sale: Mapped[Sale] = relationship()


class RefundLine(Base):
    __tablename__ = "refund_lines"
    __table_args__ = (
        UniqueConstraint("refund_id", "sale_line_id"),
        CheckConstraint("quantity_milli > 0", name="quantity"),
        CheckConstraint("amount_fen >= 0", name="amount_fen"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    refund_id: Mapped[int] = mapped_column(ForeignKey("refunds.id"))
    sale_line_id: Mapped[int] = mapped_column(ForeignKey("sale_lines.id"), index=True)
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    amount_fen: Mapped[Fen]

    refund: Mapped[Refund] = relationship(back_populates="lines")
    sale_line: Mapped[SaleLine] = relationship()


class Cart(Base):
    """A cart not yet paid for: the one being scanned at a counter (``open``) or one put aside
    (``held``, 挂单). Saved on every change, so a restart of the program loses nothing."""

    __tablename__ = "carts"
    __table_args__ = (CheckConstraint("state IN ('open', 'held')", name="state"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    counter_code: Mapped[str] = mapped_column(String(32), index=True)
    state: Mapped[str] = mapped_column(String(8))
    label: Mapped[str] = mapped_column(String(100), default="")
    payload: Mapped[str] = mapped_column(Text)  # JSON of orders.cart.Cart
    updated_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class Shift(Base):
    """A cashier's shift at a counter: opened with a cash float, closed with the counted cash.
    The Z report figures are written once, at closing, and never change afterwards."""

    __tablename__ = "shifts"
    __table_args__ = (
        UniqueConstraint("counter_id", "number"),
        CheckConstraint("float_fen >= 0", name="float_fen"),
        CheckConstraint("counted_fen IS NULL OR counted_fen >= 0", name="counted_fen"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"))
    number: Mapped[int]
    opened_by: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[dt.datetime]
    float_fen: Mapped[Fen]
    closed_by: Mapped[str | None] = mapped_column(String(64))
    closed_at: Mapped[dt.datetime | None]
    counted_fen: Mapped[Fen | None]
    report: Mapped[str | None] = mapped_column(Text)  # JSON of the Z report, written at closing


class IssuedReport(Base):
    """A month's summary as it was sent upward: figures and PDF, numbered, never changed. Later
    data is shown as a difference against it, and a revised issue gets the next number."""

    __tablename__ = "issued_reports"
    __table_args__ = (UniqueConstraint("month", "issue_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[Month]
    issue_no: Mapped[int]
    issued_at: Mapped[dt.datetime]
    issued_by: Mapped[str] = mapped_column(String(64))
    figures: Mapped[str] = mapped_column(Text)  # the SPEC §9 JSON at issue time
    pdf: Mapped[bytes] = mapped_column(LargeBinary)


class Organisation(Base):
    """A buyer of bulk orders (以购代捐): a government unit, canteen, union, company…"""

    __tablename__ = "organisations"
    __table_args__ = (CheckConstraint(_one_of("kind", ORG_KINDS), name="kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[Name] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    region_code: Mapped[str] = mapped_column(String(6))
    contact: Mapped[str] = mapped_column(String(100), default="")


class Quota(Base):
    """What an organisation reserved to buy in a year, in fen."""

    __tablename__ = "quotas"
    __table_args__ = (CheckConstraint("quota_fen >= 0", name="quota_fen"),)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    quota_fen: Mapped[Fen]


class BulkOrder(Base):
    """An order placed by an organisation; once delivered it is a ``bulk`` sale in the ledger."""

    __tablename__ = "bulk_orders"
    __table_args__ = (CheckConstraint(_one_of("state", ORDER_STATES), name="state"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    ordered_at: Mapped[dt.datetime]
    delivery_date: Mapped[dt.date]
    state: Mapped[str] = mapped_column(String(16), default="ordered")
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))

    lines: Mapped[list["BulkOrderLine"]] = relationship(back_populates="order", order_by="BulkOrderLine.id")
    organisation: Mapped[Organisation] = relationship()


class BulkOrderLine(Base):
    __tablename__ = "bulk_order_lines"
    __table_args__ = (
        CheckConstraint("quantity_milli > 0", name="quantity"),
        CheckConstraint("unit_price_fen >= 0", name="unit_price_fen"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("bulk_orders.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    unit_price_fen: Mapped[Fen]  # the agreed price

    order: Mapped[BulkOrder] = relationship(back_populates="lines")


class Campaign(Base):
    """A campaign (消费帮扶月, 八进 activities…): a window of days, optionally limited to some
    counters and organisations; sales can also be tagged to it by hand."""

    __tablename__ = "campaigns"
    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="dates"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[Name] = mapped_column(unique=True)
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date]
    counters: Mapped[str] = mapped_column(Text, default="")  # counter codes, comma-separated
    organisations: Mapped[str] = mapped_column(Text, default="")  # organisation names, one per line


class CampaignSale(Base):
    """A sale tagged to a campaign by hand."""

    __tablename__ = "campaign_sales"
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), primary_key=True)


class StockMovement(Base):
    """One change of what a counter has of a product (issue 16), never edited: stock on hand is
    the sum of these. ``document`` is the paper it belongs to (a receiving note, a sale or
    refund, a transfer, a return, a write-off, a stocktake); quantities are signed thousandths."""

    __tablename__ = "stock_movements"
    __table_args__ = (
        CheckConstraint(_one_of("kind", STOCK_KINDS), name="kind"),
        CheckConstraint("quantity_milli != 0", name="quantity_milli"),
        Index("ix_stock_movements_counter_product", "counter_id", "product_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    kind: Mapped[str] = mapped_column(String(16))
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    document: Mapped[str] = mapped_column(String(64), index=True)
    batch: Mapped[str | None] = mapped_column(String(64))
    produced_on: Mapped[dt.date | None]
    shelf_life_days: Mapped[int | None]
    reason: Mapped[str] = mapped_column(Text, default="")
    username: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    # At a central: "<kiosk id>:<the kiosk's row id>" for a movement a kiosk uploaded (sent once).
    origin: Mapped[str | None] = mapped_column(String(80), index=True, unique=True)


class StockBalance(Base):
    """The running sum of a counter's movements of a product, kept in the movements' own
    transaction so that a lookup is one row (``orders.stock.check`` proves it equals the sum)."""

    __tablename__ = "stock_balances"
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    # The latest sale movement's time, kept by the same upsert: slow movers without a scan of
    # every sale movement.
    last_sold_at: Mapped[dt.datetime | None]


class StockMinimum(Base):
    """Below this a counter's stock of a product is low (set by a manager)."""

    __tablename__ = "stock_minimums"
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    quantity_milli: Mapped[int] = mapped_column(BigInteger)


class Stocktake(Base):
    """A count of one counter (盘点): started with a mark in the movements, counted by scans,
    approved by a manager into stocktake movements."""

    __tablename__ = "stocktakes"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"), index=True)
    started_by: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    mark: Mapped[int] = mapped_column(BigInteger)  # the last movement before it started
    approved_by: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[dt.datetime | None]


class StocktakeCount(Base):
    """One scan or typed count during a stocktake; a product's count is the sum of its rows.
    ``mark`` is the last movement at that moment: movements after it are not on that shelf count."""

    __tablename__ = "stocktake_counts"
    __table_args__ = (Index("ix_stocktake_counts_stocktake_product", "stocktake_id", "product_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktakes.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    mark: Mapped[int] = mapped_column(BigInteger)
    username: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class SettlementStatement(Base):
    """A supplier's settlement for a month (结算单, issue 16), issued once and frozen: the figures
    and the PDF as issued. Later sales or refunds show as a difference against it."""

    __tablename__ = "settlement_statements"
    __table_args__ = (UniqueConstraint("supplier_id", "month", name="uq_settlement_statements_supplier_month"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"))
    month: Mapped[Month]
    issued_by: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    figures: Mapped[str] = mapped_column(Text)  # JSON, as issued
    pdf: Mapped[bytes] = mapped_column(LargeBinary)


class SettlementPayment(Base):
    """The statement paid: when, by which transfer, recorded by whom (a record of its own, so
    the issued statement is never edited)."""

    __tablename__ = "settlement_payments"
    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("settlement_statements.id"), unique=True)
    paid_on: Mapped[dt.date]
    reference: Mapped[str] = mapped_column(String(100))
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class PointsRule(Base):
    """积分项目 (SPEC §10): what the village recognises, worth so many points, where and when."""

    __tablename__ = "points_rules"
    __table_args__ = (CheckConstraint("points > 0", name="points"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[Code] = mapped_column(unique=True)
    name: Mapped[Name]
    points: Mapped[int]
    region_code: Mapped[str | None] = mapped_column(String(6))  # None: everywhere
    valid_from: Mapped[dt.date]
    valid_until: Mapped[dt.date | None]  # the last valid day; None: open


class PointsGood(Base):
    """A points supermarket's goods (donated or bought): their own small registry, not certified products."""

    __tablename__ = "points_goods"
    __table_args__ = (CheckConstraint("points_price > 0", name="points_price"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[Code] = mapped_column(unique=True)
    name: Mapped[Name]
    unit: Mapped[str] = mapped_column(String(16))
    points_price: Mapped[int]
    barcode: Mapped[str | None] = mapped_column(String(13))


class PointsEvent(Base):
    """An award, a redemption or an adjustment of a household's points (SPEC §10), never edited.
    ``points``: earned (award), spent (redemption, its lines' sum) or signed (adjustment)."""

    __tablename__ = "points_events"
    __table_args__ = (
        CheckConstraint("kind IN ('award', 'redemption', 'adjustment')", name="kind"),
        CheckConstraint("points != 0", name="points"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    day: Mapped[dt.date] = mapped_column(index=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("points_rules.id"))
    times: Mapped[int | None]
    points: Mapped[int]
    reason: Mapped[str] = mapped_column(Text, default="")
    username: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class PointsRedemptionLine(Base):
    __tablename__ = "points_redemption_lines"
    __table_args__ = (UniqueConstraint("event_id", "good_id", name="uq_points_redemption_lines_event_good"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("points_events.id"), index=True)
    good_id: Mapped[int] = mapped_column(ForeignKey("points_goods.id"))
    quantity: Mapped[int]
    points: Mapped[int]


class PointsProposal(Base):
    """An award above the approval threshold or an adjustment, proposed by one person and counted
    only once a second (a manager or administrator) approves it (issue 17). Decided once."""

    __tablename__ = "points_proposals"
    __table_args__ = (CheckConstraint("kind IN ('award', 'adjustment')", name="kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    day: Mapped[dt.date]
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"))
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("points_rules.id"))
    times: Mapped[int | None]
    points: Mapped[int]
    reason: Mapped[str] = mapped_column(Text, default="")
    proposed_by: Mapped[str] = mapped_column(String(64))
    proposed_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[dt.datetime | None]
    event_ref: Mapped[str | None] = mapped_column(String(64))  # the award or adjustment it became; None: refused
    refusal: Mapped[str] = mapped_column(Text, default="")


class PointsStockMovement(Base):
    """Goods in and out of a points supermarket (issue 17): donations and purchases in, redemptions
    and write-offs out. Never edited; stock on hand is the sum."""

    __tablename__ = "points_stock_movements"
    __table_args__ = (
        CheckConstraint("kind IN ('donation', 'purchase', 'redemption', 'write_off')", name="kind"),
        CheckConstraint("quantity != 0", name="quantity"),
        Index("ix_points_stock_movements_counter_good", "counter_id", "good_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"))
    good_id: Mapped[int] = mapped_column(ForeignKey("points_goods.id"))
    kind: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[int]  # whole units, signed
    document: Mapped[str] = mapped_column(
        String(64), index=True
    )  # JZ-… donation, CG-… purchase, or the redemption's ref
    donor: Mapped[str] = mapped_column(String(200), default="")
    value_fen: Mapped[int] = mapped_column(BigInteger, default=0)  # what the goods are worth (donation receipt)
    username: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class AuditEvent(Base):
    """Who did what and when; appended only (the database refuses UPDATE, DELETE, TRUNCATE and
    an INSERT that would replace a row). ``hash`` chains each row to the one before it
    (core.audit), so a change made to the file behind the database's back shows."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utc_now, index=True)
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    hash: Mapped[str | None] = mapped_column(String(64))
    # At a central: "<kiosk id>:<the kiosk's row id>" for a row a kiosk uploaded (sent once).
    origin: Mapped[str | None] = mapped_column(String(80), index=True, unique=True)


# Migrations 0003 and 0009 create the same triggers in databases made before them.
# SQLite's INSERT OR REPLACE deletes the old row without firing delete triggers: refuse an id in use.
AUDIT_NO_REPLACE = (
    "CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events"
    " WHEN EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id)"
    " BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END"
)
AUDIT_NO_TRUNCATE = (
    "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events"
    " FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()"
)
# The newest row's hash, for a writer that may not read the trail (a kiosk's role continuing the
# chain with its uploaded rows): the function runs with its owner's rights and returns only that.
AUDIT_HEAD = (
    "CREATE FUNCTION bangfu_audit_head() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER"
    " SET search_path FROM CURRENT AS $$ SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1 $$"
)
AUDIT_TRIGGERS = {
    "sqlite": [
        "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events"
        " BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END",
        "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events"
        " BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END",
        AUDIT_NO_REPLACE,
    ],
    "postgresql": [
        "CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS"
        " $$ BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$",
        "CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events"
        " FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()",
        AUDIT_NO_TRUNCATE,
        AUDIT_HEAD,
    ],
}
for _dialect, _statements in AUDIT_TRIGGERS.items():
    for _statement in _statements:
        event.listen(AuditEvent.__table__, "after_create", DDL(_statement).execute_if(dialect=_dialect))  # type: ignore[no-untyped-call]
install_on_create(Base.metadata)  # the registry's change numbers (core.change_numbers)
