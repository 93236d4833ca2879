"""Printing a PDF that Bangfu rendered (receipts, Z reports, labels) through Qt's print system.

PDFium (pypdfium2) rasterises each page at the printer's resolution, in a child process; the
printer chosen last time is remembered per kind of document (receipt printer, label printer)."""

import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

import gui

PACKAGES = Path(gui.__file__).resolve().parent.parent  # where ``-m gui.rasterize`` is found


def rasteriser() -> list[str]:
    """The child process's command: a bundled program has no ``-m``, main.py answers instead."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "_rasterise"]  # cli.main hands it to gui.rasterize
    return [sys.executable, "-m", "gui.rasterize"]


def pdf_images(data: bytes, dpi: int = 150) -> list[QImage]:
    """Each page of ``data`` as an image (also for on-screen previews), rasterised by PDFium in
    a child process (see gui/rasterize.py)."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "document.pdf"
        pdf.write_bytes(data)
        subprocess.run([*rasteriser(), str(pdf), str(dpi), tmp], cwd=PACKAGES, check=True, capture_output=True)
        return [QImage(str(png)) for png in sorted(Path(tmp).glob("page-*.png"))]


def print_pdf(parent: QWidget, data: bytes, purpose: str, ask: bool = True) -> bool:
    """Print every page; returns False if the user cancelled the print dialog."""
    settings = QSettings()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    remembered = settings.value(f"printer/{purpose}", "")
    if remembered:
        printer.setPrinterName(str(remembered))
    if ask and QPrintDialog(printer, parent).exec() != QPrintDialog.DialogCode.Accepted:
        return False
    settings.setValue(f"printer/{purpose}", printer.printerName())
    painter = QPainter(printer)
    try:
        for number, image in enumerate(pdf_images(data, min(printer.resolution(), 300))):
            if number:
                printer.newPage()
            target = painter.viewport()
            fitted = image.scaled(
                target.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            painter.drawImage(target.x(), target.y(), fitted)
    finally:
        painter.end()
    return True
