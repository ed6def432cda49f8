"""Load and check a data folder: the first stage of every command."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from .checks import run_checks
from .errors import Problem, sort_problems
from .loading import Dataset, Reporter, load_dataset


@dataclass
class Validation:
    """A dataset, today's date as the checks saw it, and every problem found."""

    dataset: Dataset
    today: date
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def resolve_today(explicit: date | None, zone: str | None) -> date:
    """``--today``, else SOURCE_DATE_EPOCH, else the current date in the territory's zone."""
    if explicit is not None:
        return explicit
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    tz = ZoneInfo(zone) if zone else UTC
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz).date()
    return datetime.now(tz).date()


def validate(data_dir: Path, *, lang: str = "fr", today: date | None = None) -> Validation:
    reporter = Reporter(lang)
    dataset = load_dataset(data_dir, reporter)
    zone = dataset.territory.timezone if dataset.territory else None
    day = resolve_today(today, zone)
    run_checks(dataset, reporter, day)
    return Validation(dataset, day, sort_problems(reporter.problems))
