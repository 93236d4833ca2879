"""A realistic, deterministic demo data set: the same seed and end date give the same data.

Suppliers from poverty-alleviation counties with valid credit codes, certified products with
EAN-13 barcodes, registered households with valid ID numbers, linkages, three counters and
three months of sales through every channel, recorded through the same ledger service the
counter uses.
"""

import datetime as dt
import random
import secrets
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog.certificates import SELLABLE, change_certificate, effective_status
from catalog.search import search_key
from cli.demo_points import VILLAGE, load_points
from core.audit import record
from core.auth import Actor, create_user, require
from core.config import DEMO_SETTING, business_zone, set_setting
from core.errors import BangfuError
from core.i18n import _
from core.identifiers import ean_check_digit, ric_check_char, uscc_check_char
from core.models import Counter, Household, Linkage, Product, Supplier
from core.money import QTY_SCALE, is_weight_unit, line_amount
from orders.bulk import save_organisation, set_quota
from orders.ledger import LineDraft, PaymentDraft, SaleDraft, record_sale
from orders.refunds import RefundDraft, record_refund
from orders.stock import StockLine, receive_goods, set_minimum

# (name, kind, region, benefit rate in basis points, products: (name, category, unit, price fen, grams))
SUPPLIERS: list[tuple[str, str, str, int, list[tuple[str, str, str, int, int | None]]]] = [
    (
        "卢氏县香菇专业合作社",
        "cooperative",
        "411224",
        1000,
        [
            ("卢氏花菇 500克", "干货", "袋", 6800, 500),
            ("卢氏香菇干 250克", "干货", "袋", 3900, 250),
            ("卢氏鲜香菇（散装）", "果蔬", "斤", 990, None),
            ("卢氏木耳 200克", "干货", "袋", 3600, 200),
            ("卢氏核桃 1000克", "干货", "袋", 4500, 1000),
            ("卢氏连翘茶 100克", "茶叶", "盒", 5800, 100),
            ("香菇酱 210克", "调味品", "瓶", 1880, 210),
            ("卢氏土蜂蜜 500克", "蜂产品", "瓶", 7800, 500),
        ],
    ),
    (
        "新郑红枣食品有限公司",
        "enterprise",
        "410184",
        550,
        [
            ("新郑灰枣 1000克", "干货", "盒", 4550, 1000),
            ("新郑红枣礼盒", "干货", "盒", 12800, 1500),
            ("枣夹核桃 500克", "干货", "袋", 3980, 500),
            ("红枣片 300克", "干货", "袋", 2280, 300),
            ("枣花蜜 500克", "蜂产品", "瓶", 6800, 500),
            ("红枣枸杞茶 200克", "茶叶", "盒", 2990, 200),
        ],
    ),
    (
        "石首市小龙虾养殖合作社",
        "cooperative",
        "421081",
        800,
        [
            ("石首小龙虾", "水产", "公斤", 5600, None),
            ("调味小龙虾 750克", "水产", "盒", 6900, 750),
            ("虾稻米 5公斤", "粮油", "袋", 6500, 5000),
            ("石首鲜莲藕", "果蔬", "公斤", 780, None),
        ],
    ),
    (
        "兰考县蜜瓜种植家庭农场",
        "family_farm",
        "410225",
        1200,
        [
            ("兰考蜜瓜", "果蔬", "公斤", 1200, None),
            ("兰考红薯", "果蔬", "公斤", 480, None),
            ("兰考花生油 5升", "粮油", "桶", 12800, 4600),
            ("兰考小米 2.5公斤", "粮油", "袋", 3800, 2500),
            ("泡桐木砧板", "日用品", "个", 5900, None),
        ],
    ),
    (
        "定西市马铃薯产业开发有限公司",
        "enterprise",
        "621102",
        600,
        [
            ("定西土豆 5公斤", "果蔬", "箱", 2500, 5000),
            ("马铃薯粉条 1公斤", "粮油", "袋", 2200, 1000),
            ("定西黄芪 250克", "干货", "袋", 4800, 250),
            ("定西当归 200克", "干货", "袋", 5600, 200),
            ("洋芋片 150克", "休闲食品", "袋", 1290, 150),
            ("定西胡麻油 2升", "粮油", "瓶", 8800, 1800),
        ],
    ),
    (
        "威宁县高山农产品专业合作社",
        "cooperative",
        "520526",
        1500,
        [
            ("威宁荞麦面 1公斤", "粮油", "袋", 2600, 1000),
            ("威宁火腿 1公斤", "肉类", "块", 16800, 1000),
            ("高山苹果", "果蔬", "公斤", 1000, None),
            ("苦荞茶 300克", "茶叶", "盒", 3900, 300),
            ("威宁土鸡蛋 30枚", "禽蛋", "盒", 4500, 1500),
            ("威宁腊肉 500克", "肉类", "袋", 6800, 500),
            ("高山白萝卜", "果蔬", "斤", 150, None),
        ],
    ),
    (
        "镇雄县天麻种植专业合作社",
        "cooperative",
        "530627",
        1000,
        [
            ("镇雄天麻 250克", "干货", "盒", 9800, 250),
            ("天麻粉 100克", "干货", "瓶", 6800, 100),
            ("镇雄洋芋 10斤", "果蔬", "箱", 2800, 5000),
            ("镇雄竹笋干 250克", "干货", "袋", 3200, 250),
            ("乌蒙山土鸡", "禽蛋", "只", 12800, 1500),
        ],
    ),
    (
        "赣南脐橙产销合作社",
        "cooperative",
        "360733",
        900,
        [
            ("赣南脐橙 5公斤", "果蔬", "箱", 5990, 5000),
            ("赣南脐橙 10公斤礼盒", "果蔬", "箱", 10800, 10000),
            ("脐橙果干 200克", "休闲食品", "袋", 2600, 200),
            ("客家米酒 1.5升", "酒水", "瓶", 4800, 1500),
            ("赣南茶油 1升", "粮油", "瓶", 13800, 920),
            ("会昌米粉 1公斤", "粮油", "袋", 1800, 1000),
            ("寻乌蜜柚", "果蔬", "个", 1500, 1500),
        ],
    ),
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "建国秀英卫东桂兰志强淑芬玉兰明华海燕国强春梅小红永福金花德明凤英长林秀兰文华丽娟红梅"
COUNTERS = [
    ("ZZ01", "市民服务中心消费帮扶专柜", "counter", "市民服务中心一楼"),
    ("ZZ02", "机关食堂消费帮扶专区", "zone", "市政府机关食堂"),
    ("ZZ03", "消费帮扶产品专馆", "hall", "高铁东站东广场"),
]
ORGS = ["市机关事务管理局食堂", "市第一人民医院工会", "市实验中学食堂", "市总工会", "城投集团工会"]


@dataclass(frozen=True)
class DemoLoaded:
    suppliers: int
    products: int
    households: int
    linkages: int
    sales: int
    refunds: int
    passwords: dict[str, str]


def _uscc(rng: random.Random, region: str, kind: str) -> str:
    head = ("93" if kind == "cooperative" else "92" if kind == "family_farm" else "91") + region
    body = head + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(17 - len(head)))
    return body + uscc_check_char(body)


def _id_number(rng: random.Random, region: str) -> str:
    born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 45))
    body = f"{region}{born:%Y%m%d}{rng.randrange(0, 1000):03d}"
    return body + ric_check_char(body)


def _catalog(
    session: Session, actor: Actor, rng: random.Random, until: dt.date
) -> tuple[list[Supplier], list[Product]]:
    suppliers, products = [], []
    for s_no, (name, kind, region, rate, items) in enumerate(SUPPLIERS, start=1):
        supplier = Supplier(
            uscc=_uscc(rng, region, kind),
            name=name,
            kind=kind,
            region_code=region,
            benefit_rate_bp=rate,
            contact_phone=f"138{rng.randrange(10**8):08d}",
            search_key=search_key(name),
        )
        suppliers.append(supplier)
        for p_no, (p_name, category, unit, price, grams) in enumerate(items, start=1):
            body = f"69{rng.randrange(10**5):05d}{s_no:02d}{p_no:03d}"
            certified = dt.date(until.year - 1, rng.randrange(1, 13), 1)
            product = Product(
                code=f"P{s_no:02d}{p_no:02d}",
                name=p_name,
                category=category,
                unit=unit,
                price_fen=price,
                barcode=body + ean_check_digit(body),
                supplier=supplier,
                search_key=search_key(f"P{s_no:02d}{p_no:02d}", p_name),
                cert_no=f"扶认〔{certified.year}〕{s_no:02d}{p_no:03d}号",
                cert_level=rng.choice(["provincial", "provincial", "municipal", "county"]),
                cert_authority="省乡村振兴局" if p_no % 2 else "市乡村振兴局",
                certified_on=certified,
                valid_until=certified.replace(year=certified.year + 2) - dt.timedelta(days=1),
                origin_region_code=region,
                net_weight_g=grams if not is_weight_unit(unit) else None,
            )
            products.append(product)
    # A few certificates in other states, so every status shows on the screens.
    products[3].valid_until = until + dt.timedelta(days=12)
    products[12].valid_until = until - dt.timedelta(days=20)
    products[40].certified_on = until + dt.timedelta(days=10)
    session.add_all(suppliers)
    session.flush()
    change_certificate(session, actor, products[20].id, "suspend", "抽检复核中")
    change_certificate(session, actor, products[30].id, "revoke", "企业不再符合认定条件")
    return suppliers, products


def _households(session: Session, rng: random.Random, suppliers: list[Supplier], until: dt.date) -> int:
    households = []
    for no in range(1, 61):
        supplier = suppliers[(no - 1) % len(suppliers)]
        region = supplier.region_code
        code, head_name = f"{region}-{no:03d}", rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        households.append(
            Household(
                code=code,
                head_name=head_name,
                id_number=_id_number(rng, region),
                region_code=region,
                members=rng.randint(1, 6),
                status=rng.choice(["poor", "lifted", "lifted", "monitored"]),
                search_key=search_key(code, head_name),
            )
        )
    session.add_all(households)
    session.flush()
    linkages = []
    first_month = f"{until.year - 1}-01"
    for index, household in enumerate(households):
        supplier = suppliers[index % len(suppliers)]
        if index % 8 == 7:
            continue  # some households wait for a linkage: their supplier's pool stays unattributed
        linkages.append(
            Linkage(
                supplier_id=supplier.id,
                household_id=household.id,
                weight_centi=rng.choice([100, 100, 150, 200]),
                mode=rng.choice(["dividend", "employment", "purchase", "land"]),
                start_month=first_month,
            )
        )
    linkages = [lk for lk in linkages if lk.supplier_id != suppliers[-1].id]  # one supplier without any
    session.add_all(linkages)
    return len(linkages)


def _quantity(rng: random.Random, unit: str, bulk: bool) -> int:
    if is_weight_unit(unit):
        return rng.randrange(300, 5000 if not bulk else 80000, 10)
    return rng.randint(1, 3 if not bulk else 60) * QTY_SCALE


def _sales(
    session: Session, actor: Actor, rng: random.Random, products: list[Product], until: dt.date
) -> tuple[int, int]:
    zone = business_zone(session)
    session.add_all(Counter(code=c, name=n, kind=k, location=loc) for c, n, k, loc in COUNTERS)
    session.flush()
    start = (until.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    start = (start - dt.timedelta(days=1)).replace(day=1)
    _stock(session, actor, products, dt.datetime(start.year, start.month, start.day, 7, tzinfo=zone))
    count = refunds = 0
    day = start
    while day <= until:
        sellable = [p for p in products if effective_status(p, day) == SELLABLE]
        plans: list[tuple[str, str | None, str | None]] = []
        for code, _name, _kind, _loc in COUNTERS:
            plans += [("counter", code, None)] * rng.randint(2, 9 if day.weekday() < 5 else 14)
        if day.weekday() == 5:
            plans.append(("cooperative", None, None))
        if rng.random() < 0.5:
            plans.append(("online", None, None))
        if day.day in (8, 22):
            plans.append(("bulk", None, rng.choice(ORGS)))
        for channel, counter_code, org in plans:
            chosen = rng.sample(sellable, rng.randint(1, 4 if channel != "bulk" else 6))
            at = dt.datetime(day.year, day.month, day.day, rng.randint(8, 19), rng.randrange(60), tzinfo=zone)
            lines = tuple(LineDraft(p.id, _quantity(rng, p.unit, channel == "bulk")) for p in chosen)
            total = sum(line_amount(p.price_fen, line.quantity_milli) for p, line in zip(chosen, lines, strict=True))
            ref = None if channel == "counter" else f"{channel[:2].upper()}-{day:%Y%m%d}-{count:05d}"
            draft = SaleDraft(
                channel=channel,
                sold_at=at,
                lines=lines,
                payments=_payments(rng, channel, total),
                counter_code=counter_code,
                customer_org=org,
                ref=ref,
            )
            recorded = record_sale(session, actor, draft, zone)
            count += 1
            if count % 40 == 0 and at + dt.timedelta(days=3) <= _end_of(until, zone):
                # A customer brings part of the first line back three days later (sometimes
                # in the next month, where the refund counts).
                first = lines[0]
                back = first.quantity_milli // 2 if is_weight_unit(chosen[0].unit) else QTY_SCALE
                refund = RefundDraft(recorded.ref, at + dt.timedelta(days=3), ((first.product_id, back),), "顾客退货")
                record_refund(session, actor, refund)
                refunds += 1
        day += dt.timedelta(days=1)
    return count, refunds


def _stock(session: Session, actor: Actor, products: list[Product], at: dt.datetime) -> None:
    """Each counter receives every supplier's goods before the first demo sale (one receiving note
    per supplier), so the stock page shows what is left after three months of selling."""
    by_supplier: dict[int, list[Product]] = {}
    for product in products:
        by_supplier.setdefault(product.supplier_id, []).append(product)
    for code, _name, _kind, _loc in COUNTERS:
        for goods in by_supplier.values():
            lines = [
                StockLine(p.id, 120 * QTY_SCALE, f"B{at:%y%m}", at.date() - dt.timedelta(days=20), 150) for p in goods
            ]
            receive_goods(session, actor, code, lines, at=at)
    for product in products[:4]:  # a few minimums above what is left: the "low" list has something
        set_minimum(session, actor, COUNTERS[0][0], product.id, 200 * QTY_SCALE)


def _end_of(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 23, 59, tzinfo=zone)


def _payments(rng: random.Random, channel: str, total: int) -> tuple[PaymentDraft, ...]:
    if channel in ("bulk", "cooperative"):
        return (PaymentDraft("transfer", total),)
    method = rng.choice(["wechat", "wechat", "alipay", "cash", "unionpay"])
    if method != "cash" or channel != "counter":
        return (PaymentDraft(method if method != "cash" else "wechat", total),)
    tendered = -(-total // 10000) * 10000  # the next ¥100 note
    return (PaymentDraft("cash", total, tendered_fen=tendered),)


def _users(session: Session, actor: Actor, suppliers: list[Supplier]) -> dict[str, str]:
    """One demo user per role; returns user name -> password (printed once, for trying things).
    The data is the same on every install; the passwords are not (a demo left running on a
    counter PC must not open with a password printed in a manual)."""
    accounts = [
        ("demo_admin", "演示管理员", "admin", None, None),
        ("demo_manager", "演示店长", "manager", None, None),
        ("demo_cashier", "演示收银员", "cashier", None, COUNTERS[0][0]),
        ("demo_coop", "演示合作社", "coop_manager", suppliers[0].id, None),
        ("demo_officer", "演示村干部", "village_officer", None, None),
    ]
    passwords = {}
    for username, name, role, supplier_id, counter in accounts:
        passwords[username] = "demo-" + "".join(secrets.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(10))
        regions = [VILLAGE] if role == "village_officer" else []
        create_user(session, actor, username, name, role, passwords[username], supplier_id, counter, regions)
    return passwords


def load_demo(session: Session, actor: Actor, until: dt.date, seed: int = 2026) -> DemoLoaded:
    """Fill an empty database; refuses a database that already holds suppliers or sales.
    The database is marked as a demo, which the window shows."""
    require(actor, "demo.load")
    if session.scalar(select(func.count()).select_from(Supplier)):
        raise BangfuError(_("the database is not empty: the demo data goes only into a new database"))
    rng = random.Random(seed)
    suppliers, products = _catalog(session, actor, rng, until)
    linkages = _households(session, rng, suppliers, until)
    for n, supplier in enumerate(suppliers):  # consignment terms: commissions, and supply prices for some
        supplier.commission_rate_bp = (0, 800, 1200, 1500)[n % 4]
    for product in products[::3]:
        product.supply_price_fen = product.price_fen * 7 // 10
    sales, refunds = _sales(session, actor, rng, products, until)
    passwords = _users(session, actor, suppliers)
    load_points(session, actor, rng, until)
    for name, kind in zip(ORGS, ("canteen", "union", "school", "union", "company"), strict=True):
        organisation = save_organisation(session, actor, name, kind, "410100")
        set_quota(session, actor, organisation.id, until.year, rng.choice([300_000, 500_000, 800_000]) * 10)
    set_setting(session, DEMO_SETTING, "1")
    record(session, actor.username, "demo.load", "", f"until {until.isoformat()}")
    return DemoLoaded(len(suppliers), len(products), 60, linkages, sales, refunds, passwords)
