"""Receipts and Z reports for 58 mm and 80 mm thermal rolls, as PDF (ReportLab, embedded CJK
font), from the Receipt and ZReport that orders.receipts and orders.shifts build.

A roll has no fixed page height: the page is as long as its content. Text is measured with the
font's real widths and wrapped, so nothing runs off the paper.
"""

import io

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from core.errors import BangfuError
from core.i18n import _
from core.money import format_fen
from orders.receipts import Receipt, method_text
from orders.shifts import ZReport
from reports.fonts import pdf_font

WIDTHS_MM = (58, 80)
PROGRAMME = "消费帮扶 · 本单为认定的帮扶产品，收入按利益联结惠及脱贫户"


class Roll:
    """Lines of text laid out on a roll of ``width_mm``; the page height follows the content."""

    def __init__(self, width_mm: int) -> None:
        if width_mm not in WIDTHS_MM:
            raise BangfuError(_("receipt width must be 58 or 80 mm"))
        self.width = width_mm * mm
        self.margin = 3 * mm
        self.font = pdf_font()
        self.size = 8.5 if width_mm == 58 else 9.5
        self.rows: list[tuple[str, str, float, bool]] = []  # left text, right text, size, rule before

    def _wrap(self, text: str, size: float, room: float) -> list[str]:
        lines, current = [], ""
        for char in text:
            if stringWidth(current + char, self.font, size) > room and current:
                lines.append(current)
                current = char
            else:
                current += char
        return [*lines, current]

    def text(self, left: str, right: str = "", size: float | None = None, rule: bool = False) -> None:
        size = size or self.size
        room = self.width - 2 * self.margin - (stringWidth(right, self.font, size) + 2 * mm if right else 0)
        wrapped = self._wrap(left, size, room)
        for i, part in enumerate(wrapped):
            last = i == len(wrapped) - 1
            self.rows.append((part, right if last else "", size, rule and i == 0))

    def pdf(self) -> bytes:
        height = sum(size * 1.45 + (3 if rule else 0) for _l, _r, size, rule in self.rows) + 2 * self.margin + 4 * mm
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(self.width, height), initialFontName=self.font)
        canvas.setTitle("receipt")
        y = height - self.margin
        for left, right, size, rule in self.rows:
            if rule:
                y -= 3
                canvas.setLineWidth(0.5)
                canvas.setDash(1, 1.5)
                canvas.line(self.margin, y, self.width - self.margin, y)
            y -= size * 1.45
            canvas.setFont(self.font, size)
            canvas.drawString(self.margin, y + size * 0.3, left)
            if right:
                canvas.drawRightString(self.width - self.margin, y + size * 0.3, right)
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()


def render_receipt(receipt: Receipt, width_mm: int = 58) -> bytes:
    roll = Roll(width_mm)
    roll.text(receipt.heading, size=roll.size + 2)
    roll.text(_("Refund receipt") if receipt.refund_of else _("Sales receipt"))
    roll.text(_("No.") + " " + receipt.ref)
    if receipt.refund_of:
        roll.text(_("Refund of") + " " + receipt.refund_of)
    roll.text(receipt.time, receipt.cashier)
    for line in receipt.lines:
        roll.text(line.name, rule=line is receipt.lines[0])
        roll.text(f"  {line.quantity} {line.unit} × {format_fen(line.unit_price_fen)}", format_fen(line.amount_fen))
    roll.text(_("Total"), format_fen(receipt.total_fen), size=roll.size + 2, rule=True)
    for method, amount, tendered, change in receipt.payments:
        roll.text(method_text(method), format_fen(amount))
        if tendered is not None:
            roll.text("  " + _("Tendered"), format_fen(tendered))
            roll.text("  " + _("Change"), format_fen(change or 0))
    roll.text(PROGRAMME, rule=True)
    return roll.pdf()


def render_z_report(report: ZReport, width_mm: int = 80) -> bytes:
    roll = Roll(width_mm)
    roll.text(_("Z report"), size=roll.size + 2)
    roll.text(_("Counter") + " " + report.counter_code, "#" + str(report.shift_number))
    roll.text(_("Opened"), f"{report.opened_at[:19].replace('T', ' ')} UTC {report.opened_by}")
    roll.text(_("Closed"), f"{report.closed_at[:19].replace('T', ' ')} UTC {report.closed_by}")
    roll.text(_("Sales"), f"{report.sales_count} · {format_fen(report.sales_fen)}", rule=True)
    for method, amount in report.by_method.items():
        roll.text("  " + method_text(method), format_fen(amount))
    roll.text(_("Refunds"), f"{report.refunds_count} · {format_fen(report.refunds_fen)}")
    roll.text(_("Cash float"), format_fen(report.float_fen), rule=True)
    roll.text(_("Expected cash"), format_fen(report.expected_cash_fen))
    roll.text(_("Counted cash"), format_fen(report.counted_cash_fen))
    roll.text(_("Difference"), format_fen(report.difference_fen), size=roll.size + 1)
    return roll.pdf()
