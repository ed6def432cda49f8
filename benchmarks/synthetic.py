"""A synthetic territory N times the size of the demo, for measuring the commands at scale.

The demo is cloned N times. Clone 1 is the demo itself; clone k (2…N) renames every id with
the suffix ``-k`` (communes ``ciney-2``, villages, actors, places, events, circuits, stops,
notices) and rewrites every reference the same way, so each clone is a consistent copy with
the demo's proportions of actor kinds, themes, recurrences, exceptions, routes and notices.
Each clone's coordinates are moved to its own cell of a grid (with a small seeded jitter), so
the territory's bounding box grows with N. What serves "all" of the demo serves all of its own
clone (clone 1 keeps "all", the province-wide layer): see :class:`Clone`. The territory file lists every clone's communes.

Files are read with the project's own YAML reader (times and dates stay text) and written with
PyYAML's pure-Python safe dumper, so the same scale and seed give byte-identical files.

    python benchmarks/synthetic.py --scale 30 --out /tmp/terr30   # → /tmp/terr30/data/
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, `python benchmarks/synthetic.py`
    sys.path.insert(0, str(ROOT))

from generator import yamlread  # noqa: E402

DEMO = ROOT / "data"
MARKER = "SYNTHETIC"  # the only kind of folder this script agrees to overwrite
KIND_FOLDERS = ("actors", "places", "events", "circuits", "notices")
# Fields that hold ids of communes, villages, actors or places (lists or single values).
REFERENCE_KEYS = frozenset({"commune", "village", "place", "operator", "organizers", "actors", "area", "communes"})
# Each clone gets a cell of this size (degrees of latitude, longitude): the demo spans
# about 0.17 x 0.35, so cells never overlap, even with the jitter.
CELL = (0.3, 0.5)
JITTER = 0.02


class _Dumper(yaml.SafeDumper):
    """Safe dumper that writes multi-line text as literal blocks, as people write it."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def _read(path: Path) -> tuple[Any, str]:
    """A demo file as plain values, and its schema comment line (kept for realism)."""
    raw = path.read_bytes()
    data, _ = yamlread.load(yamlread.decode(raw))
    first = raw.split(b"\n", 1)[0].decode("utf-8-sig")
    header = first + "\n" if first.startswith("# yaml-language-server:") else ""
    return data, header


def _dump(data: Any, header: str) -> bytes:
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=None,
        width=100,
    )
    return (header + text).encode("utf-8")


class Clone:
    """How clone ``index`` (1-based) renames ids and moves points; clone 1 changes nothing.

    A province is made of territories like the demo: what serves the demo's whole territory
    (``area: [all]``, a notice for ``communes: [all]``) serves the whole of its own clone, not
    the province. Clone 1 keeps ``all``: its actors stand for the few province-wide services
    (a regional helpline, a health insurer) that every commune's page and leaflet lists."""

    def __init__(
        self, index: int, ids: frozenset[str], offset: tuple[float, float], communes: tuple[str, ...] = ()
    ) -> None:
        self.index = index
        self.ids = ids
        self.offset = offset
        self.communes = [self.id(c) for c in communes]

    def id(self, value: str) -> str:
        return value if self.index == 1 else f"{value}-{self.index}"

    def ref(self, value: Any) -> Any:
        return self.id(value) if isinstance(value, str) and value in self.ids else value

    def geo(self, value: Any) -> Any:
        if self.index == 1 or not (isinstance(value, list) and len(value) == 2):
            return value
        return [round(value[0] + self.offset[0], 4), round(value[1] + self.offset[1], 4)]

    def rewrite(self, value: Any, key: str | None = None) -> Any:
        """A copy of ``value`` with ids, references and coordinates of this clone."""
        if isinstance(value, dict):
            return {k: self.rewrite(v, k) for k, v in value.items()}
        if key == "geo":
            return self.geo(value)
        if isinstance(value, list):
            if key in ("area", "communes") and value == ["all"] and self.index > 1 and self.communes:
                return list(self.communes)
            return [self.rewrite(item, key) for item in value]
        if key == "id" and isinstance(value, str):
            return self.id(value)
        if key in REFERENCE_KEYS:
            return self.ref(value)
        return value


def _offsets(scale: int, seed: int) -> list[tuple[float, float]]:
    """Clone k's shift: its grid cell plus a seeded jitter; clone 1 stays in place."""
    rng = random.Random(seed)
    columns = math.ceil(math.sqrt(scale))
    offsets = []
    for i in range(scale):
        row, column = divmod(i, columns)
        if i == 0:
            offsets.append((0.0, 0.0))
            continue
        jitter_lat = rng.randrange(int(JITTER * 10_000)) / 10_000
        jitter_lon = rng.randrange(int(JITTER * 10_000)) / 10_000
        offsets.append((round(row * CELL[0] + jitter_lat, 4), round(column * CELL[1] + jitter_lon, 4)))
    return offsets


def _known_ids(territory: Any, entities: dict[str, dict[str, Any]]) -> frozenset[str]:
    ids: set[str] = set()
    for commune in territory["communes"]:
        ids.add(commune["id"])
        ids.update(village["id"] for village in commune.get("villages", []))
    for folder in ("actors", "places"):
        ids.update(entities[folder])
    return frozenset(ids)


def generate(out: Path, scale: int, seed: int = 0, source: Path = DEMO) -> Path:
    """Write a territory ``scale`` times ``source`` into ``out/data``; return that folder."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    data_dir = out / "data"
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise FileExistsError(f"{out} is not empty and was not made by this script")
        shutil.rmtree(data_dir, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text(f"scale={scale} seed={seed}\n", encoding="utf-8")

    territory, territory_header = _read(source / "territory.yaml")
    entities: dict[str, dict[str, tuple[Any, str]]] = {}
    for folder in KIND_FOLDERS:
        entities[folder] = {path.stem: _read(path) for path in sorted((source / folder).glob("*.yaml"))}
    ids = _known_ids(territory, entities)
    own = tuple(commune["id"] for commune in territory["communes"])
    clones = [Clone(index + 1, ids, offset, own) for index, offset in enumerate(_offsets(scale, seed))]

    communes = []
    for clone in clones:
        for commune in clone.rewrite(territory["communes"], "communes"):
            if clone.index > 1:
                commune["name"] = _suffixed_name(commune["name"], clone.index)
            communes.append(commune)
    data_dir.mkdir(parents=True)
    (data_dir / "territory.yaml").write_bytes(_dump({**territory, "communes": communes}, territory_header))
    for folder, items in entities.items():
        (data_dir / folder).mkdir()
        for clone in clones:
            for stem, (data, header) in items.items():
                target = data_dir / folder / f"{clone.id(stem)}.yaml"
                target.write_bytes(_dump(clone.rewrite(data), header))
    return data_dir


def _suffixed_name(name: Any, index: int) -> Any:
    """``Ciney`` → ``Ciney 2``, in every language of a translated name."""
    if isinstance(name, dict):
        return {lang: f"{text} {index}" for lang, text in name.items()}
    return f"{name} {index}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--scale", type=int, required=True, help="how many copies of the demo (1 = the demo)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write; the data goes to OUT/data")
    parser.add_argument("--seed", type=int, default=0, help="seed of the geographic jitter (default 0)")
    parser.add_argument("--source", type=Path, default=DEMO, help="data folder to clone (default: the demo)")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be at least 1")
    try:
        data_dir = generate(args.out, args.scale, args.seed, args.source)
    except FileExistsError as exc:
        parser.error(str(exc))
    files = sum(1 for _ in data_dir.rglob("*.yaml"))
    print(f"{data_dir}: {files} files ({args.scale}x the demo, seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
