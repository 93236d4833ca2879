"""Finding products, suppliers and households by code, name, or pinyin (``xg`` and ``xianggu``
both find 香菇). The pinyin is computed once when a row is written, into ``search_key``."""

from functools import lru_cache

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from catalog.listing import HouseholdRow, household_row
from core.auth import Actor, require
from core.models import Household, Product, Supplier


def search_key(*texts: str | None) -> str:
    """Lower-case text, full pinyin and pinyin initials of each text, space-separated."""
    return " ".join(dict.fromkeys(part for value in texts if value for part in _keys_of(value)))


def _keys_of(value: str) -> tuple[str, ...]:
    if value.isascii():  # codes and barcodes have no pinyin, and seldom repeat
        lowered = value.lower().replace(" ", "")
        return (lowered,) if lowered else ()
    return _chinese_keys(value)


@lru_cache(maxsize=65_536)
def _chinese_keys(value: str) -> tuple[str, ...]:
    """The text itself, its full pinyin and its initials (names repeat across a register)."""
    from catalog.pinyin import syllables_of  # its dictionaries take 0.3 s to load: writes only need them

    syllables = [s.strip().lower() for s in syllables_of(value)]
    initials = "".join(s[0] if s.isalpha() and s.isascii() else s for s in syllables if s)
    parts = (value.lower(), "".join(syllables), initials)
    return tuple(part.replace(" ", "") for part in parts if part)


def _like(query: str) -> str:
    escaped = query.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def find_products(session: Session, query: str, limit: int = 50) -> list[Product]:
    """Exact barcode or code first, then every product whose code, name or pinyin contains ``query``."""
    query = query.strip()
    if not query:
        return []
    exact = list(session.scalars(select(Product).where(or_(Product.barcode == query, Product.code == query))))
    pattern = _like(query)
    matches = session.scalars(
        select(Product).where(Product.search_key.like(pattern, escape="\\")).order_by(Product.code).limit(limit)
    )
    seen = {p.id for p in exact}
    return exact + [p for p in matches if p.id not in seen][: limit - len(exact)]


def find_suppliers(session: Session, query: str, limit: int = 50) -> list[Supplier]:
    return list(
        session.scalars(
            select(Supplier)
            .where(or_(Supplier.uscc == query.strip().upper(), Supplier.search_key.like(_like(query), escape="\\")))
            .order_by(Supplier.uscc)
            .limit(limit)
        )
    )


def find_households(session: Session, actor: Actor, query: str, limit: int = 50) -> list[HouseholdRow]:
    """Households by code, name or pinyin, as lists show them (ID numbers masked)."""
    require(actor, "households.view")
    found = session.scalars(
        select(Household)
        .where(Household.search_key.like(_like(query), escape="\\"))
        .order_by(Household.code)
        .limit(limit)
    )
    return [household_row(h, actor) for h in found]
