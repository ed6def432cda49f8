"""Helpers of the leaflet tests: build the PDFs of a test territory, read them back as a
person's tools would (poppler's pdftotext and pdftoppm, zxing-cpp for QR codes).

The poppler tools are real dependencies of these tests (``make test`` installs them): when
one is missing, the test fails and says how to install it — it never skips.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

from conftest import TERRITORIES, TODAY

from generator.outputs import RenderContext
from generator.validate import validate

SITE_URL = "https://maillage.example/"


def context_for(territory: str, today: str = TODAY) -> RenderContext:
    validation = validate(TERRITORIES / territory / "data", today=date.fromisoformat(today))
    assert validation.ok, [p.message for p in validation.errors]
    return RenderContext(validation.dataset, validation.today, {"site_url": SITE_URL})


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path is not None, f"{name} is missing: install Debian's poppler-utils (`make system-deps`)"
    return path


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """The text layer as pdftotext reads it, in reading order."""
    pages = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    # -raw: content order (Typst writes it in reading order), and no joining of a line that ends in "-"
    result = subprocess.run(
        [tool("pdftotext"), "-raw", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def flat(text: str) -> str:
    """Whitespace (line ends, no-break spaces) as single spaces: lines wrap where the layout says."""
    return " ".join(text.replace("\u00a0", " ").split())


def page_count(pdf: Path) -> int:
    result = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", result.stdout, re.MULTILINE)
    assert match is not None
    return int(match.group(1))


def page_grey(pdf: Path, page: int, out: Path, dpi: int = 150) -> tuple[int, int, bytes]:
    """One page rasterised by pdftoppm as 8-bit grey: (width, height, pixels)."""
    stem = out / f"{pdf.stem}-{page}"
    subprocess.run(
        [
            tool("pdftoppm"),
            "-gray",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    raw = stem.with_suffix(".pgm").read_bytes()
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", raw)
    assert match is not None, "pdftoppm did not write a binary PGM"
    width, height = int(match.group(1)), int(match.group(2))
    pixels = raw[match.end() :]
    assert len(pixels) == width * height
    return width, height, pixels


def qr_codes(pdf: Path, page: int, out: Path) -> set[str]:
    """The texts of the QR codes printed on ``page``, decoded from its picture."""
    import zxingcpp

    width, height, pixels = page_grey(pdf, page, out)
    image = memoryview(pixels).cast("B", shape=(height, width))
    return {barcode.text for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)}
