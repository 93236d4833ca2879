"""Campaigns: which sales count toward one, and what it achieved for households.

A sale counts when it is dated in the campaign's days (business zone) and was made at one of its
counters or bought by one of its organisations — or, with neither listed, any sale of those days
— or when it was tagged to the campaign by hand. Households benefited are computed the SPEC §6
way on the campaign's own sales: per month, each supplier's campaign net × its rate, split over
the linkages active that month.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from core.audit import record
from core.auth import Actor, require
from core.errors import BangfuError, InvalidValue
from core.i18n import _
from core.locks import one_or_new, serialize
from core.models import Campaign, CampaignSale, Counter, Product, Refund, RefundLine, Sale, SaleLine, Supplier
from orders.attribution import active_weights, pool_of, split_pool


def save_campaign(
    session: Session,
    actor: Actor,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    counters: tuple[str, ...] = (),
    organisations: tuple[str, ...] = (),
) -> Campaign:
    require(actor, "bulk.manage")
    if ends_on < starts_on:
        raise InvalidValue("ends_on", _("is before starts_on {day}").format(day=starts_on.isoformat()))
    campaign = one_or_new(session, Campaign, Campaign.name, name.strip())
    campaign.starts_on, campaign.ends_on = starts_on, ends_on
    campaign.counters, campaign.organisations = ",".join(counters), "\n".join(organisations)
    session.add(campaign)
    session.flush()
    record(session, actor.username, "campaign.save", campaign.name, f"{starts_on} – {ends_on}")
    return campaign


def _campaign(session: Session, name: str) -> Campaign:
    campaign = session.scalars(select(Campaign).where(Campaign.name == name)).one_or_none()
    if campaign is None:
        raise BangfuError(_("unknown campaign {value}").format(value=name))
    return campaign


def tag_sale(session: Session, actor: Actor, name: str, sale_ref: str) -> None:
    require(actor, "bulk.manage")
    campaign = _campaign(session, name)
    sale_id = session.scalar(select(Sale.id).where(Sale.ref == sale_ref))
    if sale_id is None:
        raise InvalidValue("sale_ref", _("unknown sale {value}").format(value=sale_ref))
    serialize(session, "campaign_sale", campaign.id, sale_id)  # merge inserts or finds: one at a time
    session.merge(CampaignSale(campaign_id=campaign.id, sale_id=sale_id))
    record(session, actor.username, "campaign.tag", name, sale_ref)


@dataclass(frozen=True)
class CampaignReport:
    name: str
    sales_count: int
    net_fen: int
    households_benefited: int
    top_products: list[tuple[str, int]]  # (product name, net fen), best first


def campaign_report(session: Session, actor: Actor, name: str, zone: ZoneInfo, top: int = 10) -> CampaignReport:
    require(actor, "report.view")
    campaign = _campaign(session, name)
    start = dt.datetime(campaign.starts_on.year, campaign.starts_on.month, campaign.starts_on.day, tzinfo=zone)
    last = campaign.ends_on + dt.timedelta(days=1)
    end = dt.datetime(last.year, last.month, last.day, tzinfo=zone)
    counters = [c for c in campaign.counters.split(",") if c]
    organisations = [o for o in campaign.organisations.split("\n") if o]
    scope = []
    if counters:
        scope.append(Sale.counter_id.in_(select(Counter.id).where(Counter.code.in_(counters))))
    if organisations:
        scope.append(Sale.customer_org.in_(organisations))
    in_window = and_(Sale.sold_at >= start, Sale.sold_at < end)
    tagged = Sale.id.in_(select(CampaignSale.sale_id).where(CampaignSale.campaign_id == campaign.id))
    counted = or_(and_(in_window, or_(*scope)) if scope else in_window, tagged)
    sales = select(Sale.id).where(counted).scalar_subquery()

    net: dict[tuple[str, int], int] = defaultdict(int)  # (month, product id) -> fen
    lines = select(SaleLine.product_id, SaleLine.sold_at, SaleLine.amount_fen).where(SaleLine.sale_id.in_(sales))
    for product_id, sold_at, amount in session.execute(lines):
        net[(sold_at.astimezone(zone).strftime("%Y-%m"), product_id)] += amount
    refunds = (
        select(SaleLine.product_id, Refund.refunded_at, RefundLine.amount_fen)
        .join(Refund, RefundLine.refund_id == Refund.id)
        .join(SaleLine, RefundLine.sale_line_id == SaleLine.id)
        .where(Refund.sale_id.in_(sales), Refund.refunded_at < end)
    )
    for product_id, refunded_at, amount in session.execute(refunds):
        net[(refunded_at.astimezone(zone).strftime("%Y-%m"), product_id)] -= amount
    count = session.scalar(select(func.count()).select_from(Sale).where(counted)) or 0

    info = select(Product.id, Product.name, Product.supplier_id, Supplier.benefit_rate_bp).join(Supplier)
    rows = session.execute(info.where(Product.id.in_({p for _m, p in net})))
    products = {pid: (product_name, sid, rate) for pid, product_name, sid, rate in rows}
    supplier_month: dict[tuple[str, int], int] = defaultdict(int)
    by_product: dict[str, int] = defaultdict(int)
    for (month, product_id), amount in net.items():
        product_name, supplier_id, _rate = products[product_id]
        supplier_month[(month, supplier_id)] += amount
        by_product[product_name] += amount
    households: dict[str, int] = defaultdict(int)
    for month in sorted({m for m, _s in supplier_month}):
        suppliers = {s: a for (m, s), a in supplier_month.items() if m == month}
        rates = {sid: rate for _n, sid, rate in products.values()}
        for supplier_id, weights in active_weights(session, month, suppliers).items():
            for code, fen in split_pool(pool_of(suppliers[supplier_id], rates[supplier_id]), weights).items():
                households[code] += fen
    best = sorted(by_product.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return CampaignReport(
        campaign.name, count, sum(net.values()), sum(1 for fen in households.values() if fen > 0), best
    )


def campaign_names(session: Session) -> list[str]:
    """Every campaign, the latest first."""
    return list(session.scalars(select(Campaign.name).order_by(Campaign.starts_on.desc())))
