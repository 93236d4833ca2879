"""The CJK TrueType font that every PDF embeds (WenQuanYi Micro Hei, shipped in resources/fonts
with its licence), so Chinese never falls back to boxes on any printer or viewer, and the one way
PDFs put text into paragraphs."""

from functools import cache
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.graphics.shapes import STATE_DEFAULTS
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from core.paths import RESOURCES

FONT = "WQYMicroHei"


@cache
def pdf_font() -> str:
    """Register the font with ReportLab once and make it the default of canvases and charts,
    so no PDF of Bangfu refers to a font it does not embed; returns its name."""
    pdfmetrics.registerFont(TTFont(FONT, str(RESOURCES / "fonts" / "wqy-microhei.ttc"), subfontIndex=0))
    rl_config.canvas_basefontname = FONT
    STATE_DEFAULTS["fontName"] = FONT
    return FONT


def text_paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: ReportLab reads paragraphs as markup, so a name holding ``<b>``
    or ``&`` would break the PDF or change its look; it is printed as typed instead."""
    return Paragraph(escape(text), style)
