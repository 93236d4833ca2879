"""QR labels as PDF (ReportLab, no Qt): sheets of A4 labels or one label per page for thermal
roll printers, each doubling as the 食用农产品合格证-style declaration, from the plain LabelData
that catalog.labels builds.

The QR is drawn as vector rectangles from the qrcode module's matrix, so it stays sharp at any
printer resolution; its quiet zone is kept. Text is shrunk, then wrapped only between words and
fields, to fit its label; a field that still does not fit stops the print run with a message
naming it, before anything is printed.
"""

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import qrcode
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from catalog.labels import LabelData, Template
from core.errors import InvalidValue
from core.i18n import _
from core.money import format_fen
from core.places import place_parts
from reports.fonts import pdf_font

ERROR_LEVELS = {"L": ERROR_CORRECT_L, "M": ERROR_CORRECT_M, "Q": ERROR_CORRECT_Q, "H": ERROR_CORRECT_H}
PLEDGE = "承诺：本产品符合食用农产品质量安全要求"
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
MAX_LABELS = 10_000  # one print run; a typo of 100000000 would otherwise render for hours
SMALLEST_TYPE = 4.0  # points: below this a thermal printer's text is not legible


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
