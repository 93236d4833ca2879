"""QR labels for cooperative managers (ReportLab, no Qt): sheets of A4 labels or one label per
page for thermal roll printers, each doubling as the 食用农产品合格证-style declaration.

Templates are data (resources/labels/templates.json, plus any an administrator adds in the
settings table). The QR is drawn as vector rectangles from the qrcode module's matrix, so it
stays sharp at any printer resolution; its quiet zone is kept. Text is shrunk, then wrapped only
between words and fields, to fit its label; a field that still does not fit stops the print run
with a message naming it, before anything is printed.
"""

import datetime as dt
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

import qrcode
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.qr import DEFAULT_DOMAIN, label_payload
from core.audit import record
from core.auth import Actor, require
from core.config import check_year, get_setting, set_setting
from core.errors import InvalidValue
from core.fonts import pdf_font
from core.i18n import _
from core.models import Product, Supplier
from core.money import format_fen, quantity_text
from core.paths import RESOURCES
from core.places import place_parts

ERROR_LEVELS = {"L": ERROR_CORRECT_L, "M": ERROR_CORRECT_M, "Q": ERROR_CORRECT_Q, "H": ERROR_CORRECT_H}
TEMPLATES_SETTING = "label_templates"  # templates an administrator added, as JSON
DOMAIN_SETTING = "label_domain"
PLEDGE = "承诺：本产品符合食用农产品质量安全要求"
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
MAX_LABELS = 10_000  # one print run; a typo of 100000000 would otherwise render for hours
MAX_SHELF_DAYS = 36_500
SMALLEST_TYPE = 4.0  # points: below this a thermal printer's text is not legible


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
        return x * mm, (self.page[1] - top - self.label[1]) * mm


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


def qr_modules(payload: str, level: str = "M") -> list[list[bool]]:
    """The QR matrix including its quiet zone."""
    if level not in ERROR_LEVELS:
        raise InvalidValue("error_correction", _("must be one of {choices}").format(choices="L, M, Q, H"))
    code = qrcode.QRCode(error_correction=ERROR_LEVELS[level], border=QUIET_ZONE)
    code.add_data(payload)
    code.make(fit=True)
    return code.get_matrix()


def draw_qr(canvas: Canvas, modules: list[list[bool]], x: float, y: float, side: float) -> None:
    """Dark modules as filled rectangles, one per horizontal run (fewer, exact paths)."""
    cell = side / len(modules)
    path = canvas.beginPath()
    for row_index, row in enumerate(modules):
        top = y + side - (row_index + 1) * cell
        column = 0
        while column < len(row):
            if row[column]:
                start = column
                while column < len(row) and row[column]:
                    column += 1
                path.rect(x + start * cell, top, (column - start) * cell, cell)
            else:
                column += 1
    canvas.drawPath(path, stroke=0, fill=1)


@dataclass(frozen=True)
class TextField:
    """One line of the label as fields: (text, may break between its Chinese characters).
    Dates, numbers, certificate numbers and telephones are never broken inside."""

    name: str  # what a problem message calls it
    parts: tuple[tuple[str, bool], ...]
    size: float  # preferred size, points


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def break_units(text: str, breakable: bool) -> list[str]:
    """Pieces a line may break between: after a space, and between two Chinese characters (as
    Chinese typesetting does) — never inside ``2026-11-23``, ``13829968745`` or ``500克``."""
    if not breakable:
        return [text]
    units, current = [], ""
    for char in text:
        if current and (current[-1] == " " or (_is_han(current[-1]) and _is_han(char))):
            units.append(current)
            current = char
        else:
            current += char
    return [*units, current] if current else units


def fit_lines(field: TextField, font: str, width: float, size: float, smallest: float) -> tuple[list[str], float]:
    """Shrink the field down to ``smallest`` to fit one line; below that, wrap it at the allowed
    points. Raises InvalidValue naming the field when one piece is wider than the label."""
    units = [unit for text, breakable in field.parts for unit in break_units(text, breakable)]
    whole = "".join(units).strip()
    while size > smallest and stringWidth(whole, font, size) > width:
        size -= 0.25
    if stringWidth(whole, font, size) <= width:
        return [whole], size
    while True:
        lines, current = [], ""
        for unit in units:
            if current.strip() and stringWidth((current + unit).rstrip(), font, size) > width:
                lines.append(current.strip())
                current = unit
            else:
                current += unit
        lines.append(current.strip())
        too_wide = [line for line in lines if stringWidth(line, font, size) > width]
        if not too_wide:
            return lines, size
        if size <= SMALLEST_TYPE:  # one unbreakable piece, e.g. a long certificate number
            reason = _("{field} does not fit on this label: {value}")
            raise InvalidValue("template", reason.format(field=field.name, value=too_wide[0]))
        size = max(SMALLEST_TYPE, size - 0.25)


def _fields(item: LabelData) -> list[TextField]:
    """The label's lines, most important first."""
    days = [f"批次 {item.batch} "] if item.batch else []
    days.append(f"生产 {item.produced_on:%Y-%m-%d} ")
    if item.expires:
        days.append(f"保质至 {item.expires:%Y-%m-%d}")
    return [
        TextField(_("product name"), ((item.name, True),), 9.0),
        TextField(_("price"), ((f"{item.spec} ", False), (format_fen(item.price_fen), False)), 8.0),
        TextField(_("certificate number"), (("认定 ", False), (item.cert_no, False)), 6.0),
        TextField(_("production date"), tuple((part, False) for part in days), 6.0),
        TextField(_("supplier"), ((f"{item.supplier} ", True), (item.phone, False)), 6.0),
        TextField(
            _("origin"), (("产地 ", False), *((part, False) for part in place_parts(item.origin) or [item.origin])), 6.0
        ),
        TextField(_("pledge"), ((PLEDGE, True),), 5.5),
    ]


def layout_label(item: LabelData, w: float, h: float) -> list[tuple[str, float, float]]:
    """(line, size, baseline from the top) of every line, in points. All the type shrinks together
    until every field has room; raises InvalidValue naming the first field that does not fit, so
    nothing is printed with a field cut or left out."""
    font = pdf_font()
    pad = min(w, h) * 0.05
    room = w - pad - (pad * 0.5 + min(h - 2 * pad, w * 0.45) + pad * 0.5)
    scale = min(1.0, h / (37 * mm) + 0.15)  # small labels get smaller type
    while True:
        placed, top, left_out = [], pad, None
        for field in _fields(item):
            size = field.size * scale
            lines, fitted = fit_lines(field, font, room, size, max(SMALLEST_TYPE, size * 0.85))
            if top + len(lines) * fitted * 1.2 > h - pad * 0.5:
                left_out = field
                break
            for line in lines:
                top += fitted * 1.2
                placed.append((line, fitted, top - fitted * 0.2))
        if left_out is None:
            return placed
        if min(f.size for f in _fields(item)) * scale * 0.85 <= SMALLEST_TYPE:
            reason = _("{field} does not fit on this label: no room left")
            raise InvalidValue("template", reason.format(field=left_out.name))
        scale *= 0.95


def draw_label(
    canvas: Canvas, item: LabelData, modules: list[list[bool]], x: float, y: float, w: float, h: float
) -> None:
    pad = min(w, h) * 0.05
    side = min(h - 2 * pad, w * 0.45)
    draw_qr(canvas, modules, x + pad * 0.5, y + (h - side) / 2, side)
    left = x + pad * 0.5 + side + pad * 0.5
    for line, size, baseline in layout_label(item, w, h):
        canvas.setFont(pdf_font(), size)
        canvas.drawString(left, y + h - baseline, line)


def render_labels(
    jobs: Sequence[tuple[LabelData, int]],
    template: Template,
    start: int = 1,
    outline: bool = False,
    level: str = "M",
    progress: Callable[[int], None] | None = None,
) -> bytes:
    """A PDF of ``count`` labels of each item; the first sheet starts at label ``start`` (for a
    partly used sheet). ``progress`` is called every 50 labels and may raise Cancelled."""
    if not 1 <= start <= template.per_page:
        raise InvalidValue("start", _("must be between 1 and {n}").format(n=template.per_page))
    total = sum(count for _item, count in jobs)
    if total < 1 or any(count < 1 for _item, count in jobs):
        raise InvalidValue("count", _("must be at least {n}: {value}").format(n=1, value=total))
    if total > MAX_LABELS:
        reason = _("must be between {low} and {high}: {value}")
        raise InvalidValue("count", reason.format(low=1, high=MAX_LABELS, value=total))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(template.page[0] * mm, template.page[1] * mm), initialFontName=pdf_font())
    canvas.setTitle(_("Labels"))
    width, height = template.label[0] * mm, template.label[1] * mm
    slot, done = start - 1, 0
    for number, (item, count) in enumerate(jobs):
        # Every copy of an item is the same label: draw it once as a form, place it count times.
        form = f"label{number}"
        canvas.beginForm(form, 0, 0, width, height)
        draw_label(canvas, item, qr_modules(item.payload, level), 0, 0, width, height)
        canvas.endForm()
        for _n in range(count):
            if slot == template.per_page:
                canvas.showPage()
                slot = 0
            x, y = template.origin(slot)
            canvas.saveState()
            canvas.translate(x, y)
            canvas.doForm(form)
            if outline:
                canvas.setLineWidth(0.3)
                canvas.rect(0, 0, width, height, stroke=1, fill=0)
            canvas.restoreState()
            slot, done = slot + 1, done + 1
            if progress and done % 50 == 0:
                progress(done)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def check_batch(batch: str) -> str:
    batch = batch.strip()
    if len(batch) > 20:
        raise InvalidValue("batch", _("longer than {n} characters").format(n=20))
    return batch
