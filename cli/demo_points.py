"""The demo's points supermarket (积分超市): a year and more of a village's awards at monthly
meetings, redemptions, an approved adjustment, one proposal still waiting, and points that have
expired — the same for the same seed and end date."""

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.auth import Actor, actor_of
from core.models import Counter, Household, PointsGood, PointsRule, User
from orders import points
from orders.points_counter import goods_in, redeem_at

SUPERMARKET = ("JF01", "卢氏县官坡镇积分超市", "points", "官坡镇便民服务中心")
RULES = [("LD", "公益劳动（每次）", 10, "411200"), ("WS", "庭院整洁", 5, None), ("XA", "孝老爱亲", 20, None),
         ("JX", "子女就学", 30, None)]  # fmt: skip
GOODS = [("OIL", "食用油 5升", "桶", 60, "6970000000013"), ("RICE", "大米 5公斤", "袋", 50, "6970000000020"),
         ("SOAP", "洗衣皂", "块", 4, "6970000000037"), ("TOWEL", "毛巾", "条", 10, "6970000000044")]  # fmt: skip
VILLAGE = "411224"


def load_points(session: Session, actor: Actor, rng: random.Random, until: dt.date) -> None:
    session.add(Counter(code=SUPERMARKET[0], name=SUPERMARKET[1], kind=SUPERMARKET[2], location=SUPERMARKET[3]))
    back = until.year * 12 + until.month - 1 - 14  # 14 months of meetings: the first ones' points expire
    start = dt.date(back // 12, back % 12 + 1, 1)
    session.add_all(PointsRule(code=c, name=n, points=p, region_code=r, valid_from=start) for c, n, p, r in RULES)
    session.add_all(PointsGood(code=c, name=n, unit=u, points_price=p, barcode=b) for c, n, u, p, b in GOODS)
    session.flush()
    goods_in(session, actor, "JF01", "donation", [("OIL", 40, 40 * 6990), ("TOWEL", 100, 100 * 1200)], "县慈善总会")
    goods_in(session, actor, "JF01", "purchase", [("RICE", 60, 60 * 3500), ("SOAP", 300, 300 * 300)])
    officer = actor_of(session.scalars(select(User).where(User.username == "demo_officer")).one())
    households = list(
        session.scalars(select(Household.code).where(Household.region_code == VILLAGE).order_by(Household.code))
    )
    month = dt.date(start.year, start.month, 1)
    while month <= until:
        meeting = month.replace(day=5)
        if meeting <= until:
            for code in households:
                rule = rng.choice(["LD", "LD", "WS", "XA", None])
                if rule:
                    points.award(session, officer, code, rule, meeting, times=rng.randint(1, 3))
        shop = month.replace(day=20)
        if shop <= until:
            savers = households[:-1]  # the last household never shops: its oldest points expire
            for code in rng.sample(savers, k=max(1, len(savers) // 2)):
                left = points.available(session, code, shop)
                wanted = [g for g, price in (("OIL", 60), ("RICE", 50), ("TOWEL", 10), ("SOAP", 4)) if price <= left]
                if wanted:
                    redeem_at(session, actor, "JF01", code, shop, [(wanted[0], 1)])
        month = (month + dt.timedelta(days=32)).replace(day=1)
    fix = points.adjust(session, officer, households[0], until - dt.timedelta(days=3), 10, "补记十月公益劳动")
    points.approve(session, actor, fix.number)
    points.adjust(session, officer, households[1], until - dt.timedelta(days=1), -5, "重复登记")  # waits for approval
