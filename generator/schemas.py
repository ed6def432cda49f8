"""JSON Schemas of the data files, generated from the models (for editors and other tools)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .models import SCHEMA_NAMES


def schema_of(name: str) -> dict[str, Any]:
    model = SCHEMA_NAMES[name]
    schema = model.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.json",
        **schema,
    }


def schema_texts() -> dict[str, str]:
    """File name → JSON text, for every data file kind."""
    return {f"{name}.json": json.dumps(schema_of(name), ensure_ascii=False, indent=2) + "\n" for name in SCHEMA_NAMES}


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, text in schema_texts().items():
        path = out / file_name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
