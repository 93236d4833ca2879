"""A4 documents' common parts: the text styles, a ruled table, and the page with its margins."""

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Table, TableStyle

from reports.fonts import pdf_font


def text_styles() -> dict[str, ParagraphStyle]:
    font = pdf_font()
    return {
        "title": ParagraphStyle("t", fontName=font, fontSize=16, leading=22, alignment=1),
        "body": ParagraphStyle("b", fontName=font, fontSize=10, leading=15),
    }


def grid(rows: list[list[str]], widths: list[float], numbers_from: int = -1) -> Table:
    """A ruled table with a grey header row; the columns from ``numbers_from`` on align right."""
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), pdf_font()),
                ("FONTSIZE", (0, 0), (-1, -1), 10),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("ALIGN", (numbers_from, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def a4_pdf(story: list[Flowable], pagesize: tuple[float, float] = A4) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer, pagesize=pagesize, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm, bottomMargin=20 * mm
    ).build(story)
    return buffer.getvalue()
