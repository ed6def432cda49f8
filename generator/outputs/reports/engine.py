"""Typst for the yearly reports: ``templates/rapport.typ`` and a JSON document in, PDF bytes out.

The fonts are the leaflets' (``leaflets.engine.fonts``: only faces shipped by pinned PyPI
packages, never the machine's), the profile is PDF/UA-1 (tagged, titled, with its language)
and the creation date is the edition day, so that the same data and "today" give the same
bytes. Data reaches the template only as JSON, read with ``json(bytes(sys.inputs.data))``:
a string from the data is printed as written, never read as markup.
"""

from __future__ import annotations

import calendar
import json
from datetime import date
from pathlib import Path
from typing import Any, Final

import typst

from ..typesetting import fonts

TEMPLATES = Path(__file__).resolve().parent / "templates"
PDF_STANDARD: Final = "ua-1"


class ReportError(RuntimeError):
    """The template failed to compile: a bug of ours, never of the data (data is never markup)."""


class ReportEngine:
    """One reusable compiler for every report of a build."""

    def __init__(self, template: str = "rapport") -> None:
        self.template = template
        self._compiler: typst.Compiler | None = None

    def compiler(self) -> typst.Compiler:
        if self._compiler is None:
            self._compiler = typst.Compiler(
                TEMPLATES / f"{self.template}.typ",
                root=TEMPLATES,
                font_paths=fonts(),
                ignore_system_fonts=True,
            )
        return self._compiler

    def pdf(self, data: dict[str, Any], edition: date) -> bytes:
        """The template filled with ``data``, dated ``edition`` (midnight UTC)."""
        document = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        try:
            result = self.compiler().compile(
                sys_inputs={"data": document},
                format="pdf",
                pdf_standards=PDF_STANDARD,
                timestamp=calendar.timegm(edition.timetuple()),
            )
        except typst.TypstError as error:
            raise ReportError(f"{self.template}.typ: {error.message} {' '.join(error.hints)}") from error
        if not isinstance(result, bytes):
            raise ReportError(f"{self.template}.typ gave no PDF")
        return result
