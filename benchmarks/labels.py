"""1,000 labels on A4 sheets, beside a bare ReportLab loop drawing the same content (the same
fitted text lines and the same QR rectangles, without fitting or templates)."""

import datetime as dt
import io
import time

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from catalog.labels import LabelData, templates
from reports.fonts import pdf_font
from reports.labels import layout_label, qr_modules, render_labels

COUNT = 1000
ITEM = LabelData(
    "卢氏花菇 500克", "0.5kg/袋", 6800, "卢氏县香菇专业合作社", "13800000001", "411224", "豫扶认〔2025〕101号", "B2611",
    dt.date(2026, 11, 23), dt.date(2027, 11, 23), "https://id.bangfu.cn/01/06900000009017/10/B2611?17=271123&cert=x",
)  # fmt: skip


def _bare(lines: list[tuple[str, float, float]]) -> bytes:
    font = pdf_font()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(210 * mm, 297 * mm), initialFontName=font)
    modules = qr_modules(ITEM.payload)
    cell = 30 * mm / len(modules)
    for n in range(COUNT):
        if n and n % 24 == 0:
            canvas.showPage()
        row, column = divmod(n % 24, 3)
        x, y = column * 70 * mm, (297 - (row + 1) * 37) * mm
        for r, line in enumerate(modules):
            for c, dark in enumerate(line):
                if dark:
                    canvas.rect(x + c * cell, y + 30 * mm - (r + 1) * cell, cell, cell, stroke=0, fill=1)
        for text, size, baseline in lines:
            canvas.setFont(font, size)
            canvas.drawString(x + 33 * mm, y + 37 * mm - baseline, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def run() -> list[tuple[str, float, float]]:
    pdf_font()  # register the font outside both timings
    lines = layout_label(ITEM, 70 * mm, 37 * mm)  # the bare loop draws the fitted lines, without fitting
    start = time.perf_counter()
    render_labels([(ITEM, COUNT)], templates()["a4-3x8"])
    ours = time.perf_counter() - start
    start = time.perf_counter()
    _bare(lines)
    return [(f"{COUNT:,} labels, A4 3×8 (42 sheets)", ours, time.perf_counter() - start)]
