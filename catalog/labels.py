"""What a product's QR label says, and the label stocks it is printed on (reports.labels draws
them). Templates are data (resources/labels/templates.json, plus any an administrator adds in the
settings table)."""

import datetime as dt
import json
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.qr import DEFAULT_DOMAIN, label_payload
from core.audit import record
from core.auth import Actor, require
from core.config import check_year, get_setting, set_setting
from core.errors import InvalidValue
from core.i18n import _
from core.models import Product, Supplier
from core.money import quantity_text
from core.paths import RESOURCES

TEMPLATES_SETTING = "label_templates"  # templates an administrator added, as JSON
DOMAIN_SETTING = "label_domain"
MAX_SHELF_DAYS = 36_500
MM = 72 / 25.4  # PDF points per millimetre (ReportLab's mm)


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    page: tuple[float, float]  # mm
    label: tuple[float, float]
    columns: int
    rows: int
    margin: tuple[float, float] = (0.0, 0.0)  # left, top
    gap: tuple[float, float] = (0.0, 0.0)  # between columns, between rows

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def check(self) -> "Template":
        """A template whose labels fit on its page; raises InvalidValue naming what does not."""
        if self.columns < 1 or self.rows < 1 or min(*self.label, *self.page) <= 0:
            raise InvalidValue("template", _("sizes, columns and rows must be positive"))
        width = self.margin[0] + self.columns * self.label[0] + (self.columns - 1) * self.gap[0]
        height = self.margin[1] + self.rows * self.label[1] + (self.rows - 1) * self.gap[1]
        if width > self.page[0] + 0.01 or height > self.page[1] + 0.01:
            raise InvalidValue("template", _("the labels do not fit on the page"))
        return self

    def origin(self, slot: int) -> tuple[float, float]:
        """Bottom-left corner of label ``slot`` (0-based, row by row from the top) in points."""
        row, column = divmod(slot, self.columns)
        x = self.margin[0] + column * (self.label[0] + self.gap[0])
        top = self.margin[1] + row * (self.label[1] + self.gap[1])
        return x * MM, (self.page[1] - top - self.label[1]) * MM


def _template(data: dict[str, object]) -> Template:
    return Template(
        name=str(data["name"]),
        title=str(data.get("title", data["name"])),
        page=tuple(data["page"]),  # type: ignore[arg-type]
        label=tuple(data["label"]),  # type: ignore[arg-type]
        columns=int(data["columns"]),  # type: ignore[call-overload]
        rows=int(data["rows"]),  # type: ignore[call-overload]
        margin=tuple(data.get("margin", (0, 0))),  # type: ignore[arg-type]
        gap=tuple(data.get("gap", (0, 0))),  # type: ignore[arg-type]
    )


def templates(session: Session | None = None) -> dict[str, Template]:
    """The shipped templates and those added in settings, by name."""
    shipped = json.loads((RESOURCES / "labels" / "templates.json").read_text(encoding="utf-8"))
    added = json.loads(get_setting(session, TEMPLATES_SETTING, "[]")) if session is not None else []
    return {t.name: t for t in map(_template, [*shipped, *added])}


def add_template(session: Session, actor: Actor, template: Template) -> None:
    """A template of the user's own (a label stock not shipped with Bangfu)."""
    require(actor, "settings.change")
    template.check()
    if template.name in templates(None):
        raise InvalidValue("name", _("{value} is already used by another record").format(value=template.name))
    added = [t for t in json.loads(get_setting(session, TEMPLATES_SETTING, "[]")) if t["name"] != template.name]
    set_setting(session, TEMPLATES_SETTING, json.dumps([*added, asdict(template)], ensure_ascii=False))
    record(session, actor.username, "settings.change", TEMPLATES_SETTING, template.name)


@dataclass(frozen=True)
class LabelData:
    name: str
    spec: str  # unit and net weight
    price_fen: int
    supplier: str
    phone: str
    origin: str
    cert_no: str
    batch: str
    produced_on: dt.date
    expires: dt.date | None
    payload: str


def label_data(
    session: Session,
    actor: Actor,
    code: str,
    batch: str = "",
    produced_on: dt.date | None = None,
    shelf_life_days: int | None = None,
) -> LabelData:
    """What a product's label says; a coop manager labels their own products only."""
    require(actor, "labels.print")
    row = session.execute(select(Product, Supplier).join(Supplier).where(Product.code == code)).first()
    if row is None:
        raise InvalidValue("product", _("unknown product {value}: import products first").format(value=code))
    product, supplier = row
    require(actor, "labels.print", product.supplier_id)
    produced_on = produced_on or dt.date.today()
    check_year(produced_on.year, "produced", produced_on.isoformat())
    if shelf_life_days is not None and not 0 <= shelf_life_days <= MAX_SHELF_DAYS:
        reason = _("must be between {low} and {high}: {value}")
        raise InvalidValue("shelf_days", reason.format(low=0, high=MAX_SHELF_DAYS, value=shelf_life_days))
    expires = produced_on + dt.timedelta(days=shelf_life_days) if shelf_life_days else None
    spec = f"{quantity_text(product.net_weight_g)}kg/{product.unit}" if product.net_weight_g else product.unit
    domain = get_setting(session, DOMAIN_SETTING, DEFAULT_DOMAIN) or DEFAULT_DOMAIN
    payload = label_payload(product.code, product.barcode, batch or None, expires, product.cert_no, domain)
    return LabelData(
        product.name, spec, product.price_fen, supplier.name, supplier.contact_phone or "", product.origin_region_code,
        product.cert_no, batch, produced_on, expires, payload,
    )  # fmt: skip


def check_batch(batch: str) -> str:
    batch = batch.strip()
    if len(batch) > 20:
        raise InvalidValue("batch", _("longer than {n} characters").format(n=20))
    return batch
