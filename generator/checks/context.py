"""What every check needs: the dataset, the territory's lookups, the reporter, today."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from statistics import median
from typing import Any

from pydantic import BaseModel

from ..loading import Dataset, Reporter, Source
from ..models import Territory

Path = tuple[str | int, ...]

# Degrees from the territory's median point beyond which a commune or village is an outlier
# (about 220 km north-south): far wider than any rural territory, far narrower than a swap.
_SPREAD = 2.0


@dataclass
class Context:
    """The dataset with its territory's lookups, and where to report."""

    dataset: Dataset
    territory: Territory
    reporter: Reporter
    today: date
    communes: dict[str, Any]
    villages: dict[str, str]  # village id → commune id
    bbox: tuple[float, float, float, float]  # south, west, north, east (with margin)

    @classmethod
    def of(cls, dataset: Dataset, reporter: Reporter, today: date) -> Context:
        territory = dataset.territory
        assert territory is not None
        villages: dict[str, str] = {}
        points = []
        for commune in territory.communes:
            points.append(commune.geo)
            for village in commune.villages:
                villages.setdefault(village.id, commune.id)
                points.append(village.geo)
        # The box holds the points that agree with each other: one swapped pair in
        # territory.yaml (some 45 degrees away) must not stretch it over half of Europe and
        # so hide itself. A point far from the median is left out, and the geo check reports it.
        middle = (median(p[0] for p in points), median(p[1] for p in points))
        near = [p for p in points if abs(p[0] - middle[0]) <= _SPREAD and abs(p[1] - middle[1]) <= _SPREAD]
        lats = [p[0] for p in near or points]
        lons = [p[1] for p in near or points]
        # A margin of about 5 km: venues at a commune's edge are further than its villages.
        bbox = (min(lats) - 0.05, min(lons) - 0.08, max(lats) + 0.05, max(lons) + 0.08)
        return cls(
            dataset=dataset,
            territory=territory,
            reporter=reporter,
            today=today,
            communes={c.id: c for c in territory.communes},
            villages=villages,
            bbox=bbox,
        )

    def entities(self, *kinds: str) -> Iterator[tuple[str, str, Any, Source]]:
        """(kind, id, entity, source) for every entity of ``kinds``, in a fixed order."""
        for kind in kinds:
            if kind == "territory":
                source = self.dataset.sources.get(("territory", "territory"))
                if source is not None:
                    yield kind, "territory", self.territory, source
                continue
            for entity_id, entity in sorted(self.dataset.collection(kind).items()):
                yield kind, entity_id, entity, self.dataset.source(kind, entity_id)

    def error(self, source: Source, path: Path, code: str, **ctx: Any) -> None:
        self.reporter.at(source, path, code, **ctx)

    def warn(self, source: Source, path: Path, code: str, **ctx: Any) -> None:
        self.reporter.at(source, path, code, severity="warning", **ctx)


def walk(value: Any, path: Path = ()) -> Iterator[tuple[Path, str, Any]]:
    """(path, field name, value) of every field under a model, by data-file names (aliases)."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            key = info.alias or name
            child = getattr(value, name)
            yield path + (key,), key, child
            yield from walk(child, path + (key,))
    elif isinstance(value, (list, tuple)):
        for index, child in enumerate(value):
            if isinstance(child, BaseModel):
                yield from walk(child, path + (index,))
