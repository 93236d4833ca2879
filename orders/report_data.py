"""What the monthly PDF and XLSX show, computed once by the services (reports/ renders it)."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.auth import Actor
from core.collector import collector_paused
from core.config import business_zone, get_setting, month_bounds
from core.identifiers import mask_name, mask_resident_id
from core.models import Household, Linkage
from orders.bulk import QuotaProgress, quota_progress
from orders.kiosk import Behind, counters_behind
from orders.month_details import MonthDetails, month_details, previous_month, same_month_last_year
from orders.monthly import MonthlySummary, attribution_of, monthly_summary


@dataclass(frozen=True)
class ReportInput:
    summary: MonthlySummary
    details: MonthDetails
    previous: MonthlySummary | None  # the month before, when it has data
    last_year: MonthlySummary | None  # the same month a year earlier, when it has data
    organisation: str
    generated_at: dt.datetime
    quotas: list[QuotaProgress] = field(default_factory=list)  # bulk buyers' year so far
    behind: list[Behind] = field(default_factory=list)  # kiosks' counters not uploaded to the month's end


class AttributedHousehold(NamedTuple):  # a city's month has 100,000 of them: a tuple each
    code: str
    head_masked: str
    id_masked: str
    region_code: str
    amount_fen: int
    suppliers: tuple[str, ...]  # credit codes of the suppliers it received from


@collector_paused()
def attributed_households(session: Session, summary: MonthlySummary) -> list[AttributedHousehold]:
    """The households that received part of the month's pools, names and ID numbers masked (the
    XLSX sheet goes to offices and village committees; the code finds the household)."""
    attribution = attribution_of(summary.month, summary.suppliers)
    # Only a household linked in the month can have received: one query for the linked ones,
    # not the whole register, nor 100,000 codes as parameters.
    linked = select(Household.code, Household.head_name, Household.id_number, Household.region_code).where(
        select(Linkage.id).where(Linkage.household_id == Household.id, Linkage.active_in(summary.month)).exists()
    )
    paid = attribution.households
    rows_linked = session.connection().execute(linked).all()  # plain rows: no ORM loading for 100,000
    known = {code: (name, number, region) for code, name, number, region in rows_linked if code in paid}
    rows = []
    for code, amounts in sorted(attribution.households.items()):
        name, number, region = known.get(code, ("", None, ""))
        masked = mask_resident_id(number) if number else ""
        row = AttributedHousehold(code, mask_name(name), masked, region, sum(amounts.values()), tuple(sorted(amounts)))
        rows.append(row)
    return rows


@collector_paused()
def report_input(
    session: Session,
    actor: Actor,
    month: str,
    zone: ZoneInfo | None = None,
    now: dt.datetime | None = None,
    progress: Callable[[int], None] = lambda _step: None,
) -> ReportInput:
    """Everything the PDF and XLSX show, computed once. ``progress(step)`` is called after each of
    its five parts and may raise Cancelled (the window's Cancel)."""
    zone = zone or business_zone(session)
    summary = monthly_summary(session, actor, month, zone)
    progress(1)

    def with_data(other: str, step: int) -> MonthlySummary | None:
        figures = monthly_summary(session, actor, other, zone)
        progress(step)
        return figures if figures.sales_count or figures.gross_fen or figures.refunds_fen else None

    _start, month_end = month_bounds(month, zone)
    details = month_details(session, month, zone, summary.net_quantities)
    progress(2)
    previous, last_year = with_data(previous_month(month), 3), with_data(same_month_last_year(month), 4)
    quotas = quota_progress(session, int(month[:4]), zone, month_end)
    progress(5)
    return ReportInput(
        summary,
        details,
        previous,
        last_year,
        get_setting(session, "org_name", ""),
        (now or dt.datetime.now(dt.UTC)).astimezone(zone),
        quotas,
        counters_behind(session, month_end),
    )
