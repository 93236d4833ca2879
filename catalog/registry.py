"""Editing the registry one record at a time (the screens' forms), with the importers' rules.

Each ``save_*`` takes the form's texts by SPEC column name, checks every field, and raises
FormInvalid with one message per field, or creates / updates the row. The caller commits.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.fields import month, parse_values
from catalog.importing import Batch
from catalog.kinds import Households, KeyedKind, Linkages, Products, Suppliers
from core.audit import record
from core.auth import Actor, can, require
from core.errors import BangfuError
from core.i18n import _
from core.identifiers import mask_resident_id, masked_field
from core.locks import serialize
from core.models import Household, Linkage, Product, Supplier
from core.money import quantity_text, yuan_text


class FormInvalid(BangfuError):
    """Fields of a form that break a rule: ``problems`` maps each field to its reason."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("\n".join(f"{field}: {reason}" for field, reason in self.problems.items()))


def _save(
    session: Session,
    actor: Actor,
    kind: KeyedKind,
    form: Mapping[str, str],
    row_id: int | None,
    keep: tuple[str, ...] = (),
):
    values, problems = parse_values(kind.columns, form)
    if problems:
        raise FormInvalid(dict(reversed(problems)))
    serialize(session, "import", kind.name)  # the same uniqueness checks as an import, in turn with it
    batch = Batch([(0, values)])
    rows = kind.resolve(session, batch)
    if batch.errors:
        raise FormInvalid({e.column: e.reason for e in batch.errors})
    kind.unique_rows(session, rows, batch, row_id or 0)
    if batch.errors:
        raise FormInvalid({e.column: e.reason for e in batch.errors})
    values = rows[0][1]
    model = kind.model
    key_attr = getattr(model, kind.fields[kind.key])
    clash = session.scalar(select(model.id).where(key_attr == values[kind.key], model.id != (row_id or 0)))  # type: ignore[attr-defined]
    if clash is not None:
        raise FormInvalid({kind.key: _("{value} is already used by another record").format(value=values[kind.key])})
    row = session.get(model, row_id) if row_id is not None else model()
    if row is None:
        raise BangfuError(_("the record was not found; it may have been changed elsewhere"))
    attrs = kind.prepare(values)
    for name in keep if row_id is not None else ():
        attrs.pop(name, None)
    changes = [
        f"{name}: {masked_field(name, getattr(row, name))} → {masked_field(name, value)}"
        for name, value in attrs.items()
        if row_id is not None and getattr(row, name) != value and name != "search_key"
    ]
    for name, value in attrs.items():
        setattr(row, name, value)
    session.add(row)
    session.flush()
    action = f"{kind.name}.{'update' if row_id is not None else 'create'}"
    record(session, actor.username, action, str(values[kind.key]), "; ".join(changes))
    return row


def save_supplier(session: Session, actor: Actor, form: Mapping[str, str], supplier_id: int | None = None) -> Supplier:
    """A coop manager may edit their own supplier only; new suppliers are the office's."""
    require(actor, "registry.edit", supplier_id if supplier_id is not None else -1)
    return _save(session, actor, Suppliers(), form, supplier_id, keep=_terms_kept(actor, form, "commission_rate"))


def save_product(session: Session, actor: Actor, form: Mapping[str, str], product_id: int | None = None) -> Product:
    """Create or edit a product; its certificate status changes only through catalog.certificates.
    A coop manager works on their own supplier's products only."""
    require(actor, "registry.edit")
    if actor.role == "coop_manager":
        owner_id = session.scalar(
            select(Supplier.id).where(Supplier.uscc == (form.get("supplier_uscc") or "").strip().upper())
        )
        current = (
            session.scalar(select(Product.supplier_id).where(Product.id == product_id)) if product_id else owner_id
        )
        require(actor, "registry.edit", owner_id if owner_id == current else -1)
    return _save(
        session, actor, Products(), form, product_id, keep=("cert_status", *_terms_kept(actor, form, "supply_price"))
    )


def _terms_kept(actor: Actor, form: Mapping[str, str], column: str) -> tuple[str, ...]:
    """SPEC §11 terms change only by an administrator who sends them: a cooperative manager's
    form (which has no such field) keeps what the office set."""
    if can(actor, "settlement.terms") and column in form:
        return ()
    return {"commission_rate": ("commission_rate_bp",), "supply_price": ("supply_price_fen",)}[column]


def save_household(
    session: Session, actor: Actor, form: Mapping[str, str], household_id: int | None = None
) -> Household:
    """The form shows the ID number masked; leaving it so keeps the stored number."""
    require(actor, "households.edit")
    form = dict(form)
    stored = session.get(Household, household_id) if household_id is not None else None
    shown = (form.get("id_number") or "").strip().upper()
    if "*" in shown:
        if stored is None or not stored.id_number or mask_resident_id(stored.id_number) != shown:
            raise FormInvalid({"id_number": _("is masked: give the full ID number or leave it empty")})
        form["id_number"] = stored.id_number
    return _save(session, actor, Households(), form, household_id)


def reveal_id_number(session: Session, actor: Actor, household_id: int) -> str:
    """One household's full ID number, for an administrator who must see it; always audited."""
    require(actor, "id.reveal")
    household = session.get(Household, household_id)
    if household is None:
        raise BangfuError(_("the record was not found; it may have been changed elsewhere"))
    record(session, actor.username, "id.reveal", household.code, "")
    return household.id_number or ""


def add_linkage(session: Session, actor: Actor, form: Mapping[str, str]) -> None:
    """Add one linkage (supplier_uscc, household_code, weight, mode, start_month, end_month)."""
    require(actor, "linkages.edit")
    kind = Linkages()
    values, problems = parse_values(kind.columns, form)
    if problems:
        raise FormInvalid(dict(reversed(problems)))
    serialize(session, "import", kind.name)  # overlap is checked in turn with imports and other forms
    batch = Batch([(0, values)])
    kind.store(session, batch)
    if batch.errors:
        raise FormInvalid({e.column: e.reason for e in batch.errors})
    if batch.skipped:
        raise FormInvalid({"start_month": _("this linkage exists already")})
    record(session, actor.username, "linkage.create", f"{values['supplier_uscc']}/{values['household_code']}", "")


def end_linkage(session: Session, actor: Actor, linkage_id: int, end_month: str) -> None:
    """Close a linkage at ``end_month`` (to change a weight: end it, then add a new one)."""
    require(actor, "linkages.edit")
    linkage = session.get(Linkage, linkage_id)
    if linkage is None:
        raise BangfuError(_("the record was not found; it may have been changed elsewhere"))
    end = month(end_month, "end_month")
    if end < linkage.start_month:
        raise FormInvalid({"end_month": _("is before start_month {month}").format(month=linkage.start_month)})
    if linkage.end_month is not None and end > linkage.end_month:
        raise FormInvalid({"end_month": _("a linkage can only be ended earlier, not extended")})
    record(session, actor.username, "linkage.end", str(linkage.id), f"end_month: {linkage.end_month} → {end}")
    linkage.end_month = end
    session.flush()


@dataclass(frozen=True)
class Share:
    linkage: Linkage
    household: Household
    share: Fraction  # of the supplier's pool this month


def shares(session: Session, supplier_id: int, month: str) -> list[Share]:
    """The supplier's linkages active in ``month`` with each household's share of the pool."""
    rows = session.execute(
        select(Linkage, Household)
        .join(Household, Linkage.household_id == Household.id)
        .where(Linkage.supplier_id == supplier_id, Linkage.active_in(month))
        .order_by(Household.code)
    ).all()
    total = sum(link.weight_centi for link, _h in rows)
    return [Share(link, household, Fraction(link.weight_centi, total)) for link, household in rows]


def product_form(session: Session, actor: Actor, product_id: int) -> dict[str, str]:
    """A product as its form shows it: the texts by SPEC column name."""
    require(actor, "registry.view")
    p = session.get(Product, product_id)
    if p is None:
        raise BangfuError(_("the record was not found; it may have been changed elsewhere"))
    return {
        "code": p.code, "name": p.name, "category": p.category, "unit": p.unit, "price": yuan_text(p.price_fen),
        "barcode": p.barcode or "", "supplier_uscc": p.supplier.uscc, "cert_no": p.cert_no,
        "cert_level": p.cert_level, "cert_authority": p.cert_authority or "",
        "certified_on": p.certified_on.isoformat(), "valid_until": p.valid_until.isoformat(),
        "origin_region_code": p.origin_region_code,
        "net_weight_kg": quantity_text(p.net_weight_g) if p.net_weight_g else "",
        "supply_price": yuan_text(p.supply_price_fen) if p.supply_price_fen is not None else "",
    }  # fmt: skip
