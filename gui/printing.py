"""Printing a PDF that Bangfu rendered (receipts, Z reports, labels) through Qt's print system.

PDFium (pypdfium2) rasterises each page at the printer's resolution; the printer chosen last
time is remembered per kind of document (receipt printer, label printer)."""

import pypdfium2 as pdfium
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget


def pdf_images(data: bytes, dpi: int = 150) -> list[QImage]:
    """Each page of ``data`` as an image (also used for on-screen previews)."""
    document = pdfium.PdfDocument(data)
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72)
            pil = bitmap.to_pil().convert("RGB")
            bitmap.close()
            page.close()  # PDFium pages must go before their document
            raw = pil.tobytes()
            images.append(QImage(raw, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888).copy())
    finally:
        document.close()
    return images


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
