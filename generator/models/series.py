"""What events and circuits share: a rule, skipped, cancelled and moved occurrences."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from .base import Model
from .recurrence import Recurrence, parse_recurrence
from .types import Date, LongText, parse_date

PUBLIC_HOLIDAYS = "public-holidays"


def _check_skip(value: Any) -> str | date:
    if value == PUBLIC_HOLIDAYS:
        return PUBLIC_HOLIDAYS
    return parse_date(value)


SkipItem = Annotated[
    str | date,
    BeforeValidator(_check_skip),
    WithJsonSchema(
        {
            "anyOf": [
                {"const": PUBLIC_HOLIDAYS},
                {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"},
            ]
        }
    ),
]

Rule = Annotated[
    Recurrence,
    BeforeValidator(parse_recurrence),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^(RRULE:)?FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Z0-9,+-]+)*$",
            "examples": ["FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"],
        }
    ),
]

SKIP_DESCRIPTION = (
    "Occurrences qui n'ont pas lieu et ne sont pas annoncées : `public-holidays` (jours fériés) "
    "et/ou des dates `AAAA-MM-JJ`."
)


class Cancellation(Model):
    """One occurrence announced as cancelled: kept, and shown as such."""

    date: Date = Field(description="Date de l'occurrence annulée `AAAA-MM-JJ`.")
    reason: LongText | None = Field(None, description="Raison, montrée au public : « Congé de carnaval ».")


Skips = Annotated[list[SkipItem], Field(description=SKIP_DESCRIPTION)]
