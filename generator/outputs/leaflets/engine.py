"""Typst, driven from Python: a template and a JSON document in, PDF bytes out.

Owns everything about the PDF engine: which fonts exist (only those shipped by pinned PyPI
packages — never the machine's, so that every machine prints the same), the PDF profile
(PDF/UA-1: tagged, titled, with the document language, reading order = structure order),
and a fixed creation date (the edition day) so that the same data and "today" give the same
bytes. Data reaches the template only as JSON read with ``json(bytes(sys.inputs.data))``; a
string shown as content is printed as written, never read as markup. Nothing here knows
what a leaflet says.
"""

from __future__ import annotations

import calendar
import json
from datetime import date
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Final

import typst

TEMPLATES = Path(__file__).resolve().parent / "templates"
PDF_STANDARD: Final = "ua-1"


class LeafletError(RuntimeError):
    """A template failed to compile: a bug of ours, never of the data (data is never markup)."""


def font_folders() -> list[Path]:
    """Atkinson Hyperlegible (the text face), then Noto for what it lacks: Arabic, Hebrew and
    other scripts, symbols, and the monochrome Noto Emoji (prints well in black and white)."""
    # Located, not imported: the font packages hold data files only.
    return [Path(str(files("fontpkg_atkinson_hyperlegible"))) / "files", Path(str(files("manimgx_fonts")))]


@cache
def fonts() -> typst.Fonts:
    # Typst's own embedded fonts are left out too: every face in a leaflet comes from a package we pin.
    return typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=False,
        font_paths=[str(folder) for folder in font_folders()],
    )


class Engine:
    """Compiles the templates of ``templates/``, one reusable compiler per template."""

    def __init__(self) -> None:
        self._compilers: dict[str, typst.Compiler] = {}

    def _compiler(self, template: str) -> typst.Compiler:
        if template not in self._compilers:
            self._compilers[template] = typst.Compiler(
                TEMPLATES / f"{template}.typ",
                root=TEMPLATES,
                font_paths=fonts(),
                ignore_system_fonts=True,
            )
        return self._compilers[template]

    def pdf(self, template: str, data: dict[str, Any], edition: date) -> bytes:
        """``template`` filled with ``data``, dated ``edition`` (midnight UTC)."""
        document = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        stamp = calendar.timegm(edition.timetuple())
        try:
            result = self._compiler(template).compile(
                sys_inputs={"data": document},
                format="pdf",
                pdf_standards=PDF_STANDARD,
                timestamp=stamp,
            )
        except typst.TypstError as error:
            raise LeafletError(f"{template}.typ: {error.message} {' '.join(error.hints)}") from error
        if not isinstance(result, bytes):
            raise LeafletError(f"{template}.typ gave no PDF")
        return result
