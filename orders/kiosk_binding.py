"""Which database sells at a counter: a kiosk's binding to its central and its counters (issue 15).

Small and without the synchronisation itself, so that every service that numbers a counter's
documents (sales, shifts, stock) can ask it.
"""

import json
from dataclasses import dataclass

from sqlalchemy.orm import Session

from core.config import get_setting
from core.errors import BangfuError
from core.i18n import _
from core.models import Counter

KIOSK_ID = "kiosk.id"
CENTRAL = "kiosk.central"  # the central's URL, without its password (that is in the keyring)
COUNTERS = "kiosk.counters"  # JSON list of the counter codes this kiosk sells at


@dataclass(frozen=True)
class KioskBinding:
    kiosk_id: str
    central_url: str
    counters: tuple[str, ...]


def binding(session: Session) -> KioskBinding | None:
    """This database's kiosk binding, or None for a central (or stand-alone) database."""
    kiosk_id = get_setting(session, KIOSK_ID)
    if not kiosk_id:
        return None
    return KioskBinding(
        kiosk_id, get_setting(session, CENTRAL), tuple(json.loads(get_setting(session, COUNTERS, "[]")))
    )


def check_sells_here(session: Session, counter: Counter) -> None:
    """A counter sells in one database at a time, so its receipt and shift numbers are made in one
    place: a kiosk at the counters it holds, the central at those no kiosk holds."""
    bound = binding(session)
    if bound is not None and counter.code not in bound.counters:
        reason = _("this kiosk sells at {counters} only, not at {counter}")
        raise BangfuError(reason.format(counters=", ".join(bound.counters), counter=counter.code))
    if bound is None and counter.kiosk is not None:
        raise BangfuError(
            _("counter {counter} sells at its kiosk: release it (kiosk release) before selling here").format(
                counter=counter.code
            )
        )
