"""Export of the registry with the import columns, so that export → import round-trips (SPEC §7).

Resident ID numbers and the names of household heads are masked unless the caller asks for
them in clear (an administrator's explicit choice, recorded in the audit trail). A masked file
still re-imports cleanly: a masked value confirms the stored one (catalog.kinds).
"""

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.kinds import registry_kinds
from core.audit import record
from core.auth import Actor, require
from core.identifiers import mask_name, mask_resident_id
from core.models import Household, Linkage, Product, Supplier
from core.tabular import write_table

CENT = Decimal("0.01")


def _yuan(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(CENT)


def _scaled(value: int | None, scale: int) -> Decimal | None:
    return None if value is None else Decimal(value) / scale


def _suppliers(session: Session, _clear_ids: bool) -> Iterator[list[object]]:
    for s in session.scalars(select(Supplier).order_by(Supplier.uscc)).yield_per(1000):
        yield [
            s.uscc, s.name, s.kind, s.region_code, _scaled(s.benefit_rate_bp, 100), s.contact_phone,
            _scaled(s.commission_rate_bp, 100),
        ]  # fmt: skip


def _products(session: Session, _clear_ids: bool) -> Iterator[list[object]]:
    rows = session.execute(select(Product, Supplier.uscc).join(Supplier).order_by(Product.code)).yield_per(1000)
    for p, uscc in rows:
        yield [
            p.code, p.name, p.category, p.unit, _yuan(p.price_fen), p.barcode, uscc, p.cert_no, p.cert_level,
            p.cert_authority, p.certified_on, p.valid_until, p.cert_status, p.origin_region_code,
            _scaled(p.net_weight_g, 1000), None if p.supply_price_fen is None else _yuan(p.supply_price_fen),
        ]  # fmt: skip


def _households(session: Session, clear_ids: bool) -> Iterator[list[object]]:
    for h in session.scalars(select(Household).order_by(Household.code)).yield_per(1000):
        if clear_ids:
            yield [h.code, h.head_name, h.id_number, h.region_code, h.members, h.status]
        else:
            id_number = h.id_number and mask_resident_id(h.id_number)
            yield [h.code, mask_name(h.head_name), id_number, h.region_code, h.members, h.status]


def _linkages(session: Session, _clear_ids: bool) -> Iterator[list[object]]:
    rows = session.execute(
        select(
            Supplier.uscc, Household.code, Linkage.weight_centi, Linkage.mode, Linkage.start_month, Linkage.end_month
        )
        .join(Supplier, Linkage.supplier_id == Supplier.id)
        .join(Household, Linkage.household_id == Household.id)
        .order_by(Supplier.uscc, Household.code, Linkage.start_month)
    ).yield_per(1000)
    for uscc, code, weight, mode, start, end in rows:
        yield [uscc, code, _scaled(weight, 100), mode, start, end]


EXPORTERS = {"suppliers": _suppliers, "products": _products, "households": _households, "linkages": _linkages}


def export_registry(session: Session, actor: Actor, kind: str, path: Path, clear_ids: bool = False) -> int:
    """Write ``kind`` to ``path`` (.csv or .xlsx); returns the number of rows written.
    ID numbers and names in clear need the right to reveal them, and say so in the audit trail."""
    require(actor, "registry.export")
    if clear_ids:
        require(actor, "id.reveal")
    header = [column.name for column in registry_kinds()[kind].columns]
    count = write_table(path, header, EXPORTERS[kind](session, clear_ids))
    record(
        session,
        actor.username,
        f"export.{kind}",
        path.name,
        f"{count} rows" + (", ID numbers and names in clear" if clear_ids else ""),
    )
    return count
