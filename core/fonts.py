"""The CJK TrueType font that every PDF embeds (WenQuanYi Micro Hei, shipped in resources/fonts
with its licence), so Chinese never falls back to boxes on any printer or viewer."""

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from core.paths import RESOURCES

FONT = "WQYMicroHei"


@cache
def pdf_font() -> str:
    """Register the font with ReportLab once; returns its name for canvases and styles."""
    pdfmetrics.registerFont(TTFont(FONT, str(RESOURCES / "fonts" / "wqy-microhei.ttc"), subfontIndex=0))
    return FONT
