"""Site settings kept in the database, with environment overrides where SPEC names them."""

import datetime as dt
import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from core.audit import record
from core.auth import Actor, require
from core.errors import InvalidValue
from core.i18n import _
from core.models import Setting

DEFAULT_ZONE = "Asia/Shanghai"
DEMO_SETTING = "demo"  # "1" in a database filled by the demo command
IDLE_SETTING = "idle_minutes"  # the window locks after this many minutes without input (0: never)
KEEP_SETTING = "backups_kept"  # daily backups kept


def get_setting(session: Session, key: str, default: str = "") -> str:
    row = session.get(Setting, key)
    return row.value if row else default


def set_setting(session: Session, key: str, value: str) -> None:
    session.merge(Setting(key=key, value=value))


def zone_named(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidValue("zone", _("unknown time zone: {value}").format(value=name)) from None


def business_zone(session: Session | None = None) -> ZoneInfo:
    """The zone that decides business days and months: BANGFU_ZONE, else the setting, else Shanghai."""
    name = os.environ.get("BANGFU_ZONE") or (get_setting(session, "zone") if session else "") or DEFAULT_ZONE
    return zone_named(name)


def local_day(moment: dt.datetime, zone: ZoneInfo) -> dt.date:
    return moment.astimezone(zone).date()


FIRST_YEAR, LAST_YEAR = 1900, 2100


def check_year(year: int, field: str, value: object) -> None:
    """Dates lie in 1900–2100: year 1 or 9999 is a typo, and would overflow time-zone arithmetic."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        reason = _("the year must be between {first} and {last}: {value}")
        raise InvalidValue(field, reason.format(first=FIRST_YEAR, last=LAST_YEAR, value=value))


def month_bounds(month: str, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of a ``YYYY-MM`` month in ``zone``, as aware datetimes."""
    try:
        if len(month) != 7 or not month.isascii() or month[4] != "-":
            raise ValueError
        year, mon = (int(part) for part in month.split("-"))
    except ValueError:
        raise InvalidValue("month", _("must be YYYY-MM: {value}").format(value=month)) from None
    if not 1 <= mon <= 12:
        raise InvalidValue(
            "month", _("there is no month {n}: months are 01 to 12 ({value})").format(n=mon, value=month)
        )
    check_year(year, "month", month)
    start = dt.datetime(year, mon, 1, tzinfo=zone)
    end = dt.datetime(year + mon // 12, mon % 12 + 1, 1, tzinfo=zone)
    return start, end


def change_setting(session: Session, actor: Actor, key: str, value: str) -> None:
    """A setting changed by a person: administrators only, audited with the old and new value."""
    require(actor, "settings.change")
    old = get_setting(session, key)
    set_setting(session, key, value)
    record(session, actor.username, "settings.change", key, f"{old} → {value}")


def idle_minutes(session: Session) -> int:
    """Minutes without input after which the window locks (0: never)."""
    return int(get_setting(session, IDLE_SETTING, "10") or 0)


def demo_data(session: Session) -> bool:
    """Whether the demo command filled this database (the window's title says so)."""
    return get_setting(session, DEMO_SETTING) == "1"


def business_day(session: Session) -> dt.date:
    """Today where the counters are: a certificate's last day ends at midnight in the business
    zone, not at the PC's (or a UTC server's) midnight."""
    return dt.datetime.now(business_zone(session)).date()
