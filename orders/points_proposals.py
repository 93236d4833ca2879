"""Points proposals (issue 17): an award above the approval threshold, or any adjustment, waits
for a second person — a manager or administrator who did not propose it — before it counts.
Pending proposals are never in a balance. A proposal is decided once: approved (it becomes the
award or adjustment, ``event_ref``) or refused with a reason."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.auth import APPROVERS, Actor, PermissionDenied
from core.config import get_setting
from core.errors import BangfuError, InvalidValue
from core.i18n import _
from core.identifiers import mask_name
from core.locks import locked, serialize
from core.models import Household, PointsProposal, PointsRule, utc_now
from core.places import place_name
from orders.points_ledger import covers

APPROVAL_ABOVE = "points_approval_above"  # setting: awards of more points than this wait for approval


def approval_threshold(session: Session) -> int:
    return int(get_setting(session, APPROVAL_ABOVE, "100") or 100)


def check_region(actor: Actor, household: Household) -> None:
    """A village officer works with the households of their own regions only."""
    if actor.role == "village_officer" and not any(covers(code, household.region_code) for code in actor.regions):
        raise PermissionDenied(
            _("{user} records points for regions {regions} only, not {region}").format(
                user=actor.username, regions=", ".join(actor.regions), region=household.region_code
            )
        )


def add_proposal(
    session: Session,
    actor: Actor,
    kind: str,
    household: Household,
    day: dt.date,
    points: int,
    rule: PointsRule | None = None,
    times: int | None = None,
    reason: str = "",
) -> str:
    serialize(session, "points proposal", day)
    head = f"SP-{day:%Y%m%d}-"
    taken = session.scalar(
        select(func.count()).select_from(PointsProposal).where(PointsProposal.number.like(f"{head}%"))
    )
    number = f"{head}{(taken or 0) + 1:04d}"
    session.add(
        PointsProposal(
            number=number, kind=kind, day=day, household_id=household.id, rule_id=rule.id if rule else None,
            times=times, points=points, reason=reason, proposed_by=actor.username,
        )
    )  # fmt: skip
    session.flush()
    return number


def take_proposal(session: Session, approver: Actor, number: str) -> PointsProposal:
    """The proposal to decide, locked (two approvers at once: the second finds it decided)."""
    if approver.role not in APPROVERS:
        raise PermissionDenied(
            _("{user} ({role}) may not approve points").format(user=approver.username, role=approver.role)
        )
    proposal = locked(session, PointsProposal, PointsProposal.number == number.strip())
    if proposal is None:
        raise InvalidValue("proposal", _("unknown proposal {value}").format(value=number))
    if proposal.decided_at is not None:
        raise BangfuError(_("{number} was already decided by {user}").format(number=number, user=proposal.decided_by))
    if proposal.proposed_by == approver.username:
        raise PermissionDenied(_("{number} needs a second person: it was proposed by you").format(number=number))
    return proposal


def decide(proposal: PointsProposal, approver: Actor, event_ref: str | None, refusal: str = "") -> None:
    proposal.decided_by, proposal.decided_at = approver.username, utc_now()
    proposal.event_ref, proposal.refusal = event_ref, refusal


@dataclass(frozen=True)
class Pending:
    number: str
    kind: str
    day: dt.date
    household: str
    head_name: str  # masked
    region_code: str
    points: int
    rule: str
    reason: str
    proposed_by: str


def pending(session: Session, actor: Actor) -> list[Pending]:
    """Proposals not decided yet, oldest first (a village officer sees their regions' only)."""
    rows = session.execute(
        select(PointsProposal, Household, PointsRule.code)
        .join(Household, Household.id == PointsProposal.household_id)
        .outerjoin(PointsRule, PointsRule.id == PointsProposal.rule_id)
        .where(PointsProposal.decided_at.is_(None))
        .order_by(PointsProposal.id)
    ).all()
    shown = []
    for proposal, household, rule in rows:
        if actor.role == "village_officer" and not any(covers(c, household.region_code) for c in actor.regions):
            continue
        shown.append(
            Pending(
                proposal.number, proposal.kind, proposal.day, household.code, mask_name(household.head_name),
                household.region_code, proposal.points, rule or "", proposal.reason, proposal.proposed_by,
            )
        )  # fmt: skip
    return shown


@dataclass(frozen=True)
class Awardable:
    code: str
    head_name: str  # masked


def award_villages(session: Session, actor: Actor) -> list[tuple[str, str]]:
    """The villages (region code, place name) whose households a person may award."""
    codes = session.scalars(select(Household.region_code).distinct().order_by(Household.region_code))
    return [
        (code, place_name(code))
        for code in codes
        if actor.role != "village_officer" or any(covers(c, code) for c in actor.regions)
    ]


def award_households(session: Session, actor: Actor, region: str) -> list[Awardable]:
    """One village's households, by code, for a meeting's awards (a village officer: their own)."""
    if actor.role == "village_officer" and not any(covers(c, region) for c in actor.regions):
        return []
    rows = session.execute(
        select(Household.code, Household.head_name).where(Household.region_code == region).order_by(Household.code)
    ).all()
    return [Awardable(code, mask_name(name)) for code, name in rows]


def rules_on(session: Session, day: dt.date) -> list[PointsRule]:
    """The rules valid on ``day``, by code (what an award form offers)."""
    query = select(PointsRule).where(
        PointsRule.valid_from <= day, (PointsRule.valid_until.is_(None)) | (PointsRule.valid_until >= day)
    )
    return list(session.scalars(query.order_by(PointsRule.code)))
