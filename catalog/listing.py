"""The registry as flat rows for lists and tables: one query each, no lazy loading afterwards."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog.certificates import display_status
from core.auth import Actor, can, require
from core.identifiers import mask_name, mask_resident_id
from core.models import Household, Linkage, Product, Supplier


@dataclass(frozen=True)
class ProductRow:
    id: int
    code: str
    name: str
    category: str
    unit: str
    price_fen: int
    barcode: str
    supplier_uscc: str
    supplier_name: str
    cert_no: str
    cert_level: str
    valid_until: dt.date
    status: str  # active | expiring | expired | suspended | revoked | pending
    search_key: str


@dataclass(frozen=True)
class SupplierRow:
    id: int
    uscc: str
    name: str
    kind: str
    region_code: str
    benefit_rate_bp: int
    contact_phone: str
    products: int
    households: int
    search_key: str
    commission_rate_bp: int = 0


@dataclass(frozen=True)
class HouseholdRow:
    id: int
    code: str
    head_name: str
    id_masked: str
    region_code: str
    members: int
    status: str
    suppliers: str  # names of the suppliers linked this month
    search_key: str


def product_rows(session: Session, actor: Actor, day: dt.date) -> list[ProductRow]:
    """Every product, or a cooperative manager's own supplier's."""
    require(actor, "registry.view")
    query = select(Product, Supplier.uscc, Supplier.name).join(Supplier).order_by(Product.code)
    if actor.role == "coop_manager":
        query = query.where(Product.supplier_id == actor.supplier_id)
    rows = session.execute(query)
    return [
        ProductRow(
            p.id, p.code, p.name, p.category, p.unit, p.price_fen, p.barcode or "", uscc, name, p.cert_no,
            p.cert_level, p.valid_until, display_status(p, day), p.search_key,
        )
        for p, uscc, name in rows
    ]  # fmt: skip


def supplier_rows(session: Session, actor: Actor, month: str) -> list[SupplierRow]:
    require(actor, "suppliers.view")
    products = dict(session.execute(select(Product.supplier_id, func.count()).group_by(Product.supplier_id)).all())
    linked = dict(
        session.execute(
            select(Linkage.supplier_id, func.count(func.distinct(Linkage.household_id)))
            .where(Linkage.active_in(month))
            .group_by(Linkage.supplier_id)
        ).all()
    )
    return [
        SupplierRow(
            s.id, s.uscc, s.name, s.kind, s.region_code, s.benefit_rate_bp, s.contact_phone or "",
            products.get(s.id, 0), linked.get(s.id, 0), s.search_key, s.commission_rate_bp,
        )
        for s in session.scalars(select(Supplier).order_by(Supplier.uscc))
    ]  # fmt: skip


def household_row(household: Household, actor: Actor, suppliers: str = "") -> HouseholdRow:
    """One household as a list shows it: the ID number masked always, the name masked for
    those who may not reveal personal data (everyone but an administrator)."""
    h = household
    name = h.head_name if can(actor, "id.reveal") else mask_name(h.head_name)
    return HouseholdRow(
        h.id, h.code, name, mask_resident_id(h.id_number) if h.id_number else "", h.region_code,
        h.members, h.status, suppliers, h.search_key,
    )  # fmt: skip


def household_rows(session: Session, actor: Actor, month: str) -> list[HouseholdRow]:
    require(actor, "households.view")
    links: dict[int, list[str]] = {}
    active = (
        select(Linkage.household_id, Supplier.name)
        .join(Supplier, Linkage.supplier_id == Supplier.id)
        .where(Linkage.active_in(month))
        .order_by(Supplier.name)
    )
    for household_id, name in session.execute(active):
        links.setdefault(household_id, []).append(name)
    return [
        household_row(h, actor, "、".join(links.get(h.id, [])))
        for h in session.scalars(select(Household).order_by(Household.code))
    ]


def supplier_choices(session: Session) -> list[tuple[int, str, str]]:
    """(id, credit code, name) of every supplier by name, for a form's list."""
    query = select(Supplier.id, Supplier.uscc, Supplier.name).order_by(Supplier.name)
    return [(id_, uscc, name) for id_, uscc, name in session.execute(query)]
