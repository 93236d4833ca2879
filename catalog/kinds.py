"""The four registry kinds of SPEC §7: suppliers, products, households, linkages.

Each knows its columns, how to resolve references (a supplier's credit code to its row) and
what makes a row "the same" for idempotent re-imports.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, cast

from sqlalchemy import Table, select, tuple_
from sqlalchemy.orm import Session

from catalog import fields as f
from catalog.fields import Column
from catalog.importing import Batch
from catalog.search import search_key
from core.bulk import insert_records
from core.codes import CERT_LEVELS, CERT_STATUSES, HOUSEHOLD_STATUSES, LINKAGE_MODES, SUPPLIER_KINDS
from core.i18n import _
from core.identifiers import masked_field
from core.models import Base, Household, Linkage, Product, Supplier
from core.money import format_fen, quantity_text, rate_text, weight_text

Values = dict[str, Any]


def _shown(value: object, column: str) -> str:
    """A stored value as the file would write it, for "different content" messages."""
    if value is None:
        return "—"
    if column in ("price", "supply_price"):
        return format_fen(int(value))  # type: ignore[call-overload]
    if column in ("benefit_rate", "commission_rate"):
        return rate_text(int(value))  # type: ignore[call-overload]
    if column == "weight":
        return weight_text(int(value))  # type: ignore[call-overload]
    if column == "net_weight_kg":
        return quantity_text(int(value))  # type: ignore[call-overload]
    return str(masked_field(column, value))  # an error message never repeats an ID number or a name


def lookup(session: Session, column: Any, keys: Iterable[str], cache: dict[str, int]) -> dict[str, int]:
    """ids of rows whose ``column`` is in ``keys``, remembered across batches (rows never vanish)."""
    missing = {k for k in keys if k not in cache}
    if missing:
        entity = column.class_
        cache.update(session.execute(select(column, entity.id).where(column.in_(missing))).all())
    return cache


def _unknown_supplier(batch: Batch, line: int, uscc: str) -> None:
    batch.fail(line, "supplier_uscc", _("unknown supplier {value}: import suppliers first").format(value=uscc))


class KeyedKind:
    """Rows with a natural key: an identical row is skipped, a different one with the same key is
    an error. ``fields`` maps each file column to the model attribute that stores it."""

    name: ClassVar[str]
    permission: ClassVar[str] = "registry.import"
    model: ClassVar[type[Base]]
    key: ClassVar[str]
    columns: ClassVar[tuple[Column, ...]]
    fields: ClassVar[dict[str, str]]

    def resolve(self, session: Session, batch: Batch) -> list[tuple[int, Values]]:
        """Turn file values into model values; report unknown references. Default: as they are."""
        return batch.rows

    def same(self, column: str, stored: object, new: object) -> bool:
        return stored == new

    def prepare(self, values: Values) -> Values:
        """The row to insert: model attributes plus derived columns."""
        return {attr: values[column] for column, attr in self.fields.items()}

    def store(self, session: Session, batch: Batch) -> None:
        rows = self.resolve(session, batch)
        key_attr = getattr(self.model, self.fields[self.key])
        keys = {values[self.key] for _line, values in rows}
        # The stored rows' values in the file's columns, as plain rows: a registry imported again
        # each month finds every row stored, and loading each as an ORM object cost most of the time.
        stored_values = select(*(getattr(self.model, attr) for attr in self.fields.values()))
        key_at = list(self.fields).index(self.key)
        existing = {row[key_at]: row for row in session.execute(stored_values.where(key_attr.in_(keys)))}
        new: dict[object, tuple[int, Values]] = {}
        for line, values in rows:
            key = values[self.key]
            if key in existing:
                stored = dict(zip(self.fields, existing[key], strict=True))
            elif key in new:
                stored = new[key][1]
            else:
                new[key] = (line, values)
                continue
            diff = [c for c in self.fields if not self.same(c, stored[c], values[c])]
            if diff:
                column = diff[0]
                batch.fail(
                    line,
                    column,
                    _("{key} already exists with different content: {old} ≠ {new}").format(
                        key=key, old=_shown(stored[column], column), new=_shown(values[column], column)
                    ),
                )
            else:
                batch.skipped += 1
        accepted = [self.prepare(values) for _line, values in self.accept_new(session, list(new.values()), batch)]
        if accepted:
            insert_records(session, cast(Table, self.model.__table__), accepted)
        batch.added += len(accepted)

    def accept_new(self, session: Session, rows: list[tuple[int, Values]], batch: Batch) -> list[tuple[int, Values]]:
        """The new rows that pass the rules only a new row must pass: their unique columns."""
        return self.unique_rows(session, rows, batch)

    def unique(self) -> dict[str, str]:
        """File columns that, like the key, belong to one record only -> the reason when taken."""
        return {}

    def owners(self, session: Session, column: str, values: Iterable[object], row_id: int = 0) -> dict[object, str]:
        """value -> key of the stored record (other than ``row_id``) that holds it in ``column``."""
        wanted = set(values)
        if not wanted:  # an empty IN still reads every stored row: a register without ID numbers
            return {}
        attr = getattr(self.model, self.fields[column])
        key_attr = getattr(self.model, self.fields[self.key])
        query = select(attr, key_attr).where(attr.in_(wanted), self.model.id != row_id)  # type: ignore[attr-defined]
        return dict(session.execute(query).all())

    def unique_rows(
        self, session: Session, rows: list[tuple[int, Values]], batch: Batch, row_id: int = 0
    ) -> list[tuple[int, Values]]:
        """The rows whose unique columns no other record holds, stored or earlier in the file."""
        for column, reason in self.unique().items():
            taken = self.owners(session, column, (v[column] for _l, v in rows if v[column] is not None), row_id)
            kept = []
            for line, values in rows:
                value, key = values[column], values[self.key]
                if value is not None and taken.setdefault(value, key) != key:
                    batch.fail(line, column, reason.format(value=value, code=taken[value]))
                else:
                    kept.append((line, values))
            rows = kept
        return rows


class Suppliers(KeyedKind):
    name = "suppliers"
    model = Supplier
    key = "uscc"
    columns = (
        Column("uscc", True, f.uscc, ("统一社会信用代码", "信用代码", "社会信用代码")),
        Column("name", True, f.text(200), ("名称", "供应商名称", "企业名称", "市场主体名称")),
        Column("kind", True, f.one_of(SUPPLIER_KINDS), ("类型", "主体类型", "供应商类型")),
        Column("region_code", True, f.region, ("行政区划代码", "区划代码", "所在地区划代码")),
        Column("benefit_rate", True, f.rate, ("带贫比例", "帮扶比例", "收益分配比例", "利益联结比例")),
        Column("contact_phone", False, f.text(32), ("联系电话", "电话")),
        Column("commission_rate", False, f.rate, ("扣点", "扣点率", "佣金比例", "代销扣点")),
    )
    fields = {
        "uscc": "uscc",
        "name": "name",
        "kind": "kind",
        "region_code": "region_code",
        "benefit_rate": "benefit_rate_bp",
        "contact_phone": "contact_phone",
        "commission_rate": "commission_rate_bp",
    }

    def resolve(self, session: Session, batch: Batch) -> list[tuple[int, Values]]:
        """SPEC §11: a blank commission rate is 0."""
        return [(line, {**values, "commission_rate": values["commission_rate"] or 0}) for line, values in batch.rows]

    def prepare(self, values: Values) -> Values:
        return {**super().prepare(values), "search_key": search_key(values["name"])}


class Products(KeyedKind):
    name = "products"
    model = Product
    key = "code"
    columns = (
        Column("code", True, f.text(64), ("商品编码", "商品代码", "编码")),
        Column("name", True, f.text(200), ("商品名称", "产品名称", "名称")),
        Column("category", True, f.text(64), ("品类", "类别", "商品类别")),
        Column("unit", True, f.text(16), ("单位", "计量单位")),
        Column("price", True, f.yuan, ("价格", "单价", "售价", "零售价")),
        Column("barcode", False, f.barcode, ("条码", "条形码", "商品条码")),
        Column("supplier_uscc", True, f.uscc, ("供应商统一社会信用代码", "供应商信用代码", "供应商代码")),
        Column("cert_no", True, f.text(100), ("认定证书编号", "证书编号", "认定编号")),
        Column("cert_level", True, f.one_of(CERT_LEVELS), ("认定级别", "证书级别")),
        Column("cert_authority", False, f.text(200), ("认定机构", "发证机关", "认定单位")),
        Column("certified_on", True, f.date, ("认定日期", "发证日期")),
        Column("valid_until", True, f.date, ("有效期至", "有效期截止", "截止日期")),
        Column("cert_status", False, f.one_of(CERT_STATUSES), ("证书状态", "认定状态")),
        Column("origin_region_code", True, f.region, ("产地区划代码", "产地代码", "产地")),
        Column("net_weight_kg", False, f.kilograms_to_grams, ("净重", "净重（公斤）", "净含量（公斤）")),
        Column("supply_price", False, f.yuan, ("供货价", "供货价格", "结算价")),
    )
    fields = {
        "code": "code",
        "name": "name",
        "category": "category",
        "unit": "unit",
        "price": "price_fen",
        "barcode": "barcode",
        "supplier_uscc": "supplier_id",
        "cert_no": "cert_no",
        "cert_level": "cert_level",
        "cert_authority": "cert_authority",
        "certified_on": "certified_on",
        "valid_until": "valid_until",
        "cert_status": "cert_status",
        "origin_region_code": "origin_region_code",
        "net_weight_kg": "net_weight_g",
        "supply_price": "supply_price_fen",
    }

    def unique(self) -> dict[str, str]:
        """A certificate names one product; a barcode too, or the scanner would pick either of two."""
        return {
            "cert_no": _("{value} is already the certificate of product {code}"),
            "barcode": _("{value} is already the barcode of product {code}"),
        }

    def __init__(self) -> None:
        self._suppliers: dict[str, int] = {}

    def resolve(self, session: Session, batch: Batch) -> list[tuple[int, Values]]:
        ids = lookup(session, Supplier.uscc, {v["supplier_uscc"] for _l, v in batch.rows}, self._suppliers)
        resolved = []
        for line, values in batch.rows:
            if values["supplier_uscc"] not in ids:
                _unknown_supplier(batch, line, values["supplier_uscc"])
            elif values["valid_until"] < values["certified_on"]:
                batch.fail(line, "valid_until", _("is before certified_on {day}").format(day=values["certified_on"]))
            else:
                resolved.append(
                    (
                        line,
                        {
                            **values,
                            "supplier_uscc": ids[values["supplier_uscc"]],
                            "cert_status": values["cert_status"] or "active",
                        },
                    )
                )
        return resolved

    def prepare(self, values: Values) -> Values:
        return {**super().prepare(values), "search_key": search_key(values["code"], values["name"])}


MASKED_COLUMNS = ("head_name", "id_number")  # what an export masks (catalog.exporting)


class Households(KeyedKind):
    name = "households"
    model = Household
    key = "code"
    columns = (
        Column("code", True, f.text(64), ("户编码", "户编号", "农户编码")),
        Column("head_name", True, f.text(100), ("户主姓名", "户主", "姓名")),
        Column("id_number", False, f.resident_id, ("身份证号", "身份证号码", "户主身份证号")),
        Column("region_code", True, f.region, ("行政区划代码", "区划代码", "所在地区划代码")),
        Column("members", True, f.whole_number(1, 99), ("家庭人口", "人口数", "家庭人口数")),
        Column("status", True, f.one_of(HOUSEHOLD_STATUSES), ("户类型", "状态", "帮扶状态")),
    )
    fields = {c: c for c in ("code", "head_name", "id_number", "region_code", "members", "status")}

    def unique(self) -> dict[str, str]:
        return {"id_number": _("this ID number is already that of household {code}")}

    def same(self, column: str, stored: object, new: object) -> bool:
        if column in MASKED_COLUMNS and isinstance(stored, str) and isinstance(new, str) and "*" in new:
            return masked_field(column, stored) == new  # an exported (masked) file re-imports cleanly
        return stored == new

    def accept_new(self, session: Session, rows: list[tuple[int, Values]], batch: Batch) -> list[tuple[int, Values]]:
        """A masked name or ID number can only confirm a stored one; a new household needs them whole."""
        reasons = {
            "head_name": _("is masked: give the full name"),
            "id_number": _("is masked: give the full ID number or leave it empty"),
        }
        accepted = []
        for line, values in rows:
            masked = next((column for column in MASKED_COLUMNS if "*" in (values[column] or "")), None)
            if masked:
                batch.fail(line, masked, reasons[masked])
            else:
                accepted.append((line, values))
        return super().accept_new(session, accepted, batch)

    def prepare(self, values: Values) -> Values:
        return {**super().prepare(values), "search_key": search_key(values["code"], values["head_name"])}


@dataclass(frozen=True)
class _Span:
    start: str
    end: str | None

    def overlaps(self, other: "_Span") -> bool:
        return (self.end is None or other.start <= self.end) and (other.end is None or self.start <= other.end)


class Linkages:
    """No natural key: a row identical in every field to a stored one is a duplicate (skipped);
    two linkages of one supplier and household may not overlap in months (SPEC §6)."""

    name = "linkages"
    permission = "registry.import"
    columns = (
        Column("supplier_uscc", True, f.uscc, ("供应商统一社会信用代码", "供应商信用代码", "供应商代码")),
        Column("household_code", True, f.text(64), ("户编码", "户编号", "农户编码")),
        Column("weight", True, f.weight, ("权重", "分配权重", "份额")),
        Column("mode", True, f.one_of(LINKAGE_MODES), ("联结方式", "带贫方式", "利益联结方式")),
        Column("start_month", True, f.month, ("起始月份", "开始月份")),
        Column("end_month", False, f.month, ("结束月份", "截止月份")),
    )

    def __init__(self) -> None:
        self._suppliers: dict[str, int] = {}
        self._households: dict[str, int] = {}

    def store(self, session: Session, batch: Batch) -> None:
        suppliers = lookup(session, Supplier.uscc, {v["supplier_uscc"] for _l, v in batch.rows}, self._suppliers)
        households = lookup(session, Household.code, {v["household_code"] for _l, v in batch.rows}, self._households)
        rows = []
        for line, v in batch.rows:
            if v["supplier_uscc"] not in suppliers:
                _unknown_supplier(batch, line, v["supplier_uscc"])
            elif v["household_code"] not in households:
                batch.fail(
                    line,
                    "household_code",
                    _("unknown household {value}: import households first").format(value=v["household_code"]),
                )
            elif v["end_month"] is not None and v["end_month"] < v["start_month"]:
                batch.fail(line, "end_month", _("is before start_month {month}").format(month=v["start_month"]))
            else:
                rows.append((line, suppliers[v["supplier_uscc"]], households[v["household_code"]], v))
        pairs = {(s, h) for _l, s, h, _v in rows}
        known: dict[tuple[int, int], list[tuple[int, str, _Span]]] = {}
        if pairs:
            stored = session.execute(
                select(
                    Linkage.supplier_id,
                    Linkage.household_id,
                    Linkage.weight_centi,
                    Linkage.mode,
                    Linkage.start_month,
                    Linkage.end_month,
                ).where(tuple_(Linkage.supplier_id, Linkage.household_id).in_(pairs))
            )
            for s, h, weight, mode, start, end in stored:
                known.setdefault((s, h), []).append((weight, mode, _Span(start, end)))
        accepted = []
        for line, s, h, v in rows:
            span = _Span(v["start_month"], v["end_month"])
            others = known.setdefault((s, h), [])
            if (v["weight"], v["mode"], span) in others:
                batch.skipped += 1
                continue
            clash = next((o for o in others if o[2].overlaps(span)), None)
            if clash:
                batch.fail(
                    line,
                    "start_month",
                    _("overlaps the linkage {start} – {end} of the same supplier and household").format(
                        start=clash[2].start, end=clash[2].end or "…"
                    ),
                )
                continue
            others.append((v["weight"], v["mode"], span))
            accepted.append(
                {
                    "supplier_id": s,
                    "household_id": h,
                    "weight_centi": v["weight"],
                    "mode": v["mode"],
                    "start_month": span.start,
                    "end_month": span.end,
                }
            )
        if accepted:
            insert_records(session, cast(Table, Linkage.__table__), accepted)
        batch.added += len(accepted)


def registry_kinds() -> dict[str, "KeyedKind | Linkages"]:
    """Fresh importers (each caches the ids it looked up during one import)."""
    return {"suppliers": Suppliers(), "products": Products(), "households": Households(), "linkages": Linkages()}
