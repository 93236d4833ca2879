"""Small builders for valid registry rows, so tests state only what they are about."""

import datetime as dt

from sqlalchemy.orm import Session

from core.auth import Actor
from core.identifiers import ean_check_digit, uscc_check_char
from core.models import Counter, Product, Supplier


def supplier(session: Session, n: int = 1, rate_bp: int = 1000) -> Supplier:
    body = f"93411224{n:09d}"
    row = Supplier(
        uscc=body + uscc_check_char(body),
        name=f"测试合作社{n}",
        kind="cooperative",
        region_code="411224",
        benefit_rate_bp=rate_bp,
    )
    session.add(row)
    session.flush()
    return row


def product(
    session: Session, owner: Supplier, code: str = "XG500", unit: str = "袋", price_fen: int = 6800, **kw: object
) -> Product:
    body = f"690{abs(hash(code)) % 10**9:09d}"
    row = Product(
        code=code,
        name=kw.pop("name", f"商品{code}"),
        category="干货",
        unit=unit,
        price_fen=price_fen,
        barcode=kw.pop("barcode", body + ean_check_digit(body)),
        supplier=owner,
        cert_no=f"豫扶认〔2025〕{code}号",
        cert_level="provincial",
        certified_on=kw.pop("certified_on", dt.date(2025, 3, 1)),
        valid_until=kw.pop("valid_until", dt.date(2027, 2, 28)),
        origin_region_code="411224",
        **kw,
    )
    session.add(row)
    session.flush()
    return row


def counter(session: Session, code: str = "ZZ01", name: str = "") -> Counter:
    row = Counter(code=code, name=name or f"专柜{code}", kind="counter")
    session.add(row)
    session.flush()
    return row


ADMIN = Actor("test-admin", "admin")
