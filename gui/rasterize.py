"""Rasterise a PDF's pages to PNG files in a separate process: ``python -m gui.rasterize PDF DPI DIR``.

PDFium (pypdfium2) runs here, never inside the window's process: in the same process as Qt it
was seen to corrupt Qt's event handling (a crash some time later). This module imports no Qt.
"""

import sys
from pathlib import Path

import pypdfium2 as pdfium


def rasterise(pdf: Path, dpi: int, folder: Path) -> int:
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72)
            bitmap.to_pil().convert("RGB").save(folder / f"page-{index + 1:04d}.png")
            bitmap.close()
            page.close()
        return len(document)
    finally:
        document.close()


def main(args: list[str]) -> int:
    rasterise(Path(args[0]), int(args[1]), Path(args[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
