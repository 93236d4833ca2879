"""Certificates: status on a given day (SPEC §4), expiry, and their recorded life-cycle."""

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.audit import record
from core.auth import Actor, require
from core.errors import BangfuError, InvalidValue
from core.i18n import _
from core.models import CertificateEvent, Product

SELLABLE = "active"


def sellable_span(recorded: str, certified_on: dt.date, valid_until: dt.date) -> tuple[dt.date, dt.date] | None:
    """SPEC §4, the one definition: a certificate allows selling from its certification day to its
    expiry day, both included, unless it is recorded as suspended or revoked (then never)."""
    if recorded in ("revoked", "suspended"):
        return None
    return certified_on, valid_until


def effective_status(product: Product, day: dt.date) -> str:
    """``revoked``/``suspended`` as recorded, else ``pending``, ``expired`` or ``active`` by date."""
    span = sellable_span(product.cert_status, product.certified_on, product.valid_until)
    if span is None:
        return product.cert_status
    if day < span[0]:
        return "pending"
    if day > span[1]:
        return "expired"
    return SELLABLE


EXPIRING_DAYS = 30
ACTIONS = {"suspend": "suspended", "revoke": "revoked", "reinstate": "active", "renew": "active"}


def display_status(product: Product, day: dt.date) -> str:
    """The effective status, with ``expiring`` for an active certificate ending within 30 days."""
    status = effective_status(product, day)
    if status == SELLABLE and (product.valid_until - day).days <= EXPIRING_DAYS:
        return "expiring"
    return status


def expiring_soon(session: Session, day: dt.date, days: int = EXPIRING_DAYS) -> list[Product]:
    """Active certificates that end within ``days`` of ``day``, soonest first."""
    return list(
        session.scalars(
            select(Product)
            .where(
                Product.cert_status == SELLABLE,
                Product.certified_on <= day,
                Product.valid_until >= day,
                Product.valid_until <= day + dt.timedelta(days=days),
            )
            .order_by(Product.valid_until, Product.code)
        )
    )


def change_certificate(
    session: Session,
    actor: Actor,
    product_id: int,
    action: str,
    reason: str,
    valid_until: dt.date | None = None,
) -> CertificateEvent:
    """Suspend, revoke, reinstate or renew a certificate; the change is kept as an event forever."""
    require(actor, "certificate.change")
    product = session.get(Product, product_id)
    if product is None:
        raise InvalidValue("product", _("unknown product id {value}").format(value=product_id))
    if action not in ACTIONS:
        raise InvalidValue("action", _("must be one of {choices}").format(choices=", ".join(ACTIONS)))
    if product.cert_status == "revoked":
        raise BangfuError(
            _("certificate {cert_no} is revoked: register the new certificate instead").format(cert_no=product.cert_no)
        )
    if not reason.strip():
        raise InvalidValue("reason", _("say why the certificate changes"))
    if action == "renew":
        if valid_until is None or valid_until <= product.valid_until:
            raise InvalidValue(
                "valid_until", _("a renewal must end after {day}").format(day=product.valid_until.isoformat())
            )
        product.valid_until = valid_until
    elif action == "reinstate" and product.cert_status != "suspended":
        raise BangfuError(_("certificate {cert_no} is not suspended").format(cert_no=product.cert_no))
    product.cert_status = ACTIONS[action]
    event = CertificateEvent(
        product_id=product.id,
        status=product.cert_status,
        valid_until=valid_until,
        reason=f"{action}: {reason.strip()}",
        username=actor.username,
    )
    session.add(event)
    record(session, actor.username, f"certificate.{action}", product.cert_no, reason.strip())
    session.flush()
    return event


def certificate_history(session: Session, product_id: int) -> list[CertificateEvent]:
    return list(
        session.scalars(
            select(CertificateEvent).where(CertificateEvent.product_id == product_id).order_by(CertificateEvent.id)
        )
    )
