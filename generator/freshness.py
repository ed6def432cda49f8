"""How fresh the directory is: each actor's verification age against its review period.

Age never unpublishes anything (CONTRACT.md): it sorts the list of what to call first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .loading import Dataset
from .models.types import text_in

BUCKETS = {
    "overdue": {"fr": "à revoir (délai dépassé)", "en": "overdue"},
    "over-6": {"fr": "vérifié il y a plus de 6 mois", "en": "verified over 6 months ago"},
    "3-6": {"fr": "vérifié il y a 3 à 6 mois", "en": "verified 3 to 6 months ago"},
    "under-3": {"fr": "vérifié il y a moins de 3 mois", "en": "verified under 3 months ago"},
}


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (0 when later is earlier)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month - (1 if later.day < earlier.day else 0)
    return max(months, 0)


@dataclass(frozen=True)
class Freshness:
    """One actor's verification state."""

    actor_id: str
    name: str
    file: str
    verified_on: date
    verified_by: str
    age_days: int
    age_months: int
    review_months: int

    @property
    def overdue(self) -> bool:
        return self.age_months >= self.review_months

    @property
    def bucket(self) -> str:
        if self.overdue:
            return "overdue"
        if self.age_months >= 6:
            return "over-6"
        if self.age_months >= 3:
            return "3-6"
        return "under-3"

    @property
    def urgency(self) -> float:
        """Days past (positive) or before (negative) the review date: most overdue first."""
        return self.age_days - self.review_months * 30.44


def freshness(dataset: Dataset, today: date) -> list[Freshness]:
    """Every actor, most overdue first (then by name, for a stable order)."""
    lang = dataset.territory.default_language if dataset.territory else "fr"
    rows = []
    for actor_id, actor in dataset.actors.items():
        source = dataset.sources.get(("actors", actor_id))
        rows.append(
            Freshness(
                actor_id=actor_id,
                name=text_in(actor.name, lang, lang),
                file=source.file if source else f"data/actors/{actor_id}.yaml",
                verified_on=actor.verified.on,
                verified_by=actor.verified.by,
                age_days=(today - actor.verified.on).days,
                age_months=months_between(actor.verified.on, today),
                review_months=actor.review_months,
            )
        )
    return sorted(rows, key=lambda r: (-r.urgency, r.name, r.actor_id))
