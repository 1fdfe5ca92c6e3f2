"""Turn printed PDFs into PNG pages to look at: `python tests/tools/pdf_pages.py screenshots/*.pdf`.

PDFium comes from PyPI (pypdfium2), so no system package (poppler) is needed.
"""

import sys
from pathlib import Path

import pypdfium2


def to_png(pdf: Path, scale: float = 1.0) -> list[Path]:
    """Write <name>-<n>.png beside the PDF for each page (72 dpi times scale); returns the paths."""
    written = []
    document = pypdfium2.PdfDocument(pdf)
    try:
        for number, page in enumerate(document, start=1):
            path = pdf.with_name(f"{pdf.stem}-{number}.png")
            page.render(scale=scale).to_pil().save(path)
            written.append(path)
    finally:
        document.close()
    return written


if __name__ == "__main__":
    for name in sys.argv[1:]:
        for path in to_png(Path(name)):
            print(path)
