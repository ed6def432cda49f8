"""PNG previews of the printed documents, to look at them as a reader would (``make previews``).

Builds every PDF of a data folder for a given "today" and turns each page into a PNG with
poppler's ``pdftoppm``. A developer's tool: the site build never calls it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from ...site import site_settings
from ...validate import validate
from .. import RenderContext
from . import render_leaflets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--out", type=Path, default=Path("previews"))
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 23))
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: install Debian's poppler-utils (make system-deps).", file=sys.stderr)
        return 1
    validation = validate(args.data, today=args.today)
    if not validation.ok:
        print("The data has errors: run `python -m generator check` first.", file=sys.stderr)
        return 1
    config = Path("mkdocs.yml")
    settings = site_settings(config) if config.is_file() else {}
    context = RenderContext(validation.dataset, validation.today, settings)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, pdf in render_leaflets(context).items():
        target = args.out / name
        target.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", str(target), str(args.out / target.stem)], check=True)
    print(f"Previews in {args.out}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
