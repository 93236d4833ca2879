"""Certificate status on a given day (SPEC §4)."""

import datetime as dt

from core.models import Product

SELLABLE = "active"


def effective_status(product: Product, day: dt.date) -> str:
    """``revoked``/``suspended`` as recorded, else ``pending``, ``expired`` or ``active`` by date."""
    if product.cert_status in ("revoked", "suspended"):
        return product.cert_status
    if day < product.certified_on:
        return "pending"
    if day > product.valid_until:
        return "expired"
    return SELLABLE
