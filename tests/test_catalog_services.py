"""Registry services: certificates, forms, linkage shares, search (SPEC §3, §4, §6)."""

import datetime as dt
from fractions import Fraction

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.certificates import (
    certificate_history,
    change_certificate,
    display_status,
    effective_status,
    expiring_soon,
)
from catalog.registry import FormInvalid, add_linkage, end_linkage, save_household, save_product, save_supplier, shares
from catalog.search import find_households, find_products, find_suppliers
from core.errors import BangfuError, InvalidValue
from core.models import Household, Product, Supplier
from tests.factories import ADMIN
from tests.test_catalog_import import load_samples

JUNE_10 = dt.date(2026, 6, 10)


def product(session: Session, code: str) -> Product:
    return session.scalars(select(Product).where(Product.code == code)).one()


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (dt.date(2025, 2, 28), "pending"),
        (dt.date(2025, 3, 1), "active"),
        (dt.date(2027, 2, 28), "active"),
        (dt.date(2027, 3, 1), "expired"),
    ],
)
def test_effective_status_by_date(session: Session, day: dt.date, status: str) -> None:
    load_samples(session)
    assert effective_status(product(session, "XG500"), day) == status


def test_expiring_within_30_days(session: Session) -> None:
    load_samples(session)
    assert [p.code for p in expiring_soon(session, dt.date(2026, 5, 20))] == ["HZ-GIFT"]  # ends 2026-06-15
    assert expiring_soon(session, dt.date(2026, 5, 15)) == []
    assert display_status(product(session, "HZ-GIFT"), JUNE_10) == "expiring"
    assert display_status(product(session, "HZ-GIFT"), dt.date(2026, 6, 16)) == "expired"


def test_certificate_life_cycle_keeps_its_history(session: Session) -> None:
    load_samples(session)
    item = product(session, "XG500")
    change_certificate(session, ADMIN, item.id, "suspend", "抽检不合格")
    assert effective_status(item, JUNE_10) == "suspended"
    change_certificate(session, ADMIN, item.id, "reinstate", "复检合格")
    change_certificate(session, ADMIN, item.id, "renew", "年度复审", valid_until=dt.date(2029, 2, 28))
    assert (item.cert_status, item.valid_until) == ("active", dt.date(2029, 2, 28))
    change_certificate(session, ADMIN, item.id, "revoke", "企业退出")
    with pytest.raises(BangfuError, match="revoked"):
        change_certificate(session, ADMIN, item.id, "reinstate", "x")
    history = certificate_history(session, item.id)
    assert [(e.status, e.reason, e.username) for e in history] == [
        ("suspended", "suspend: 抽检不合格", "test-admin"),
        ("active", "reinstate: 复检合格", "test-admin"),
        ("active", "renew: 年度复审", "test-admin"),
        ("revoked", "revoke: 企业退出", "test-admin"),
    ]


def test_certificate_changes_need_a_reason_and_a_later_date(session: Session) -> None:
    load_samples(session)
    item = product(session, "XG500")
    with pytest.raises(InvalidValue, match="reason"):
        change_certificate(session, ADMIN, item.id, "suspend", " ")
    with pytest.raises(InvalidValue, match="must end after 2027-02-28"):
        change_certificate(session, ADMIN, item.id, "renew", "x", valid_until=dt.date(2027, 1, 1))
    with pytest.raises(BangfuError, match="not suspended"):
        change_certificate(session, ADMIN, item.id, "reinstate", "x")


def _product_form(**changes: str) -> dict[str, str]:
    form = {
        "code": "NEW1", "name": "卢氏香菇酱", "category": "调味品", "unit": "瓶", "price": "18.80",
        "barcode": "", "supplier_uscc": "934112240000050101", "cert_no": "新证-1", "cert_level": "county",
        "cert_authority": "", "certified_on": "2026-01-01", "valid_until": "2027-12-31",
        "origin_region_code": "411224", "net_weight_kg": "0.21",
    }  # fmt: skip
    return {**form, **changes}


def test_product_form_reports_every_bad_field_and_saves_nothing(session: Session) -> None:
    load_samples(session)
    with pytest.raises(FormInvalid) as caught:
        save_product(session, ADMIN, _product_form(price="18.888", certified_on="2026-02-30", barcode="7501031311308"))
    assert set(caught.value.problems) == {"price", "certified_on", "barcode"}
    with pytest.raises(FormInvalid) as caught:
        save_product(session, ADMIN, _product_form(cert_no="豫扶认〔2025〕101号"))
    assert caught.value.problems == {"cert_no": "豫扶认〔2025〕101号 is already the certificate of product XG500"}
    with pytest.raises(FormInvalid, match="already used"):
        save_product(session, ADMIN, _product_form(code="XG500", cert_no="other"))
    assert session.scalars(select(Product).where(Product.code == "NEW1")).first() is None


def test_product_form_creates_and_edits_without_touching_the_certificate_status(session: Session) -> None:
    load_samples(session)
    created = save_product(session, ADMIN, _product_form())
    assert (created.price_fen, created.net_weight_g, created.cert_status) == (1880, 210, "active")
    change_certificate(session, ADMIN, created.id, "suspend", "x")
    edited = save_product(session, ADMIN, _product_form(price="19.90", name="卢氏香菇酱 210克"), created.id)
    assert (edited.id, edited.price_fen, edited.cert_status) == (created.id, 1990, "suspended")
    assert "lsxgj" in edited.search_key


def test_supplier_and_household_forms(session: Session) -> None:
    load_samples(session)
    supplier = save_supplier(
        session,
        ADMIN,
        {
            "uscc": "91310115ma1k3btp2b",
            "name": "某合作社",
            "kind": "合作社",
            "region_code": "310115",
            "benefit_rate": "7.5",
        },
    )
    assert (supplier.uscc, supplier.kind, supplier.benefit_rate_bp) == ("91310115MA1K3BTP2B", "cooperative", 750)
    household = session.scalars(select(Household).where(Household.code == "LS001")).one()
    form = {
        "code": "LS001",
        "head_name": "王建国",
        "id_number": "411224********0016",
        "region_code": "411224",
        "members": "4",
        "status": "lifted",
    }
    save_household(session, ADMIN, form, household.id)  # the masked number shown in the form keeps the stored one
    assert (household.members, household.id_number) == (4, "411224197101110016")
    with pytest.raises(FormInvalid, match="masked"):
        save_household(session, ADMIN, {**form, "code": "LS099", "id_number": "411224********0016"})


def test_linkage_editing_and_shares(session: Session) -> None:
    load_samples(session)
    supplier = session.scalars(select(Supplier).where(Supplier.uscc == "934112240000050101")).one()
    assert [(s.household.code, s.share) for s in shares(session, supplier.id, "2026-04")] == [
        ("LS001", Fraction(2, 3)),
        ("LS002", Fraction(1, 3)),
    ]
    assert [s.share for s in shares(session, supplier.id, "2026-06")] == [
        Fraction(1, 2),
        Fraction(1, 4),
        Fraction(1, 4),
    ]
    form = {
        "supplier_uscc": supplier.uscc,
        "household_code": "LS001",
        "weight": "3",
        "mode": "dividend",
        "start_month": "2026-08",
    }
    with pytest.raises(FormInvalid, match="overlaps"):
        add_linkage(session, ADMIN, form)
    old = next(s.linkage for s in shares(session, supplier.id, "2026-06") if s.household.code == "LS001")
    end_linkage(session, ADMIN, old.id, "2026-07")
    add_linkage(session, ADMIN, form)
    assert next((s.household.code, s.share) for s in shares(session, supplier.id, "2026-08")) == (
        "LS001",
        Fraction(3, 5),
    )


def test_search_by_code_barcode_name_and_pinyin(session: Session) -> None:
    load_samples(session)
    assert [p.code for p in find_products(session, "6900000009031")] == ["HZ1000"]
    assert next(p.code for p in find_products(session, "XG500")) == "XG500"
    for query in ("xianggu", "香菇", "lsxxg", "XIANGGU"):  # 卢氏鲜香菇（散装）
        assert [p.code for p in find_products(session, query)] == ["XG-BULK"], query
    assert [p.code for p in find_products(session, "huagu")] == ["XG500"]  # 卢氏花菇
    assert [p.code for p in find_products(session, "hz")] == ["HZ-GIFT", "HZ1000"]
    assert find_products(session, "100%") == []
    assert [s.name for s in find_suppliers(session, "lsx")] == ["卢氏县香菇专业合作社"]
    assert [h.code for h in find_households(session, ADMIN, "wjg")] == ["LS001"]
