"""Rules that span fields and files, run on a loaded Dataset.

Each module owns one family of rules — ``fields`` (what one file must hold together: contact,
cost note, audiences, geo inside the territory, phone numbers, translations), ``references``
(ids that must exist, unique villages), ``series`` (dates that must be occurrences, clock
changes, stops in order) and ``warnings`` (what is reported without stopping the build);
``privacy`` refuses phone numbers and e-mail addresses in free text that are not the
entry's own contacts; ``names`` warns of names that read the same in two files;
``placeholders`` refuses the example values of the `new` skeletons; ``copies`` a file copied
from another whose content was not changed.
"""

from __future__ import annotations

from datetime import date

from ..loading import Dataset, Reporter
from . import copies, fields, names, participation, placeholders, privacy, references, series, warnings
from .context import Context


def run_checks(dataset: Dataset, reporter: Reporter, today: date) -> None:
    """Add every cross-field and cross-file Problem of ``dataset`` to ``reporter``."""
    if dataset.territory is None:
        return
    context = Context.of(dataset, reporter, today)
    references.check(context)
    fields.check(context)
    series.check(context)
    warnings.check(context)
    names.check(context)
    privacy.check(context)
    participation.check(context)
    placeholders.check(context)
    copies.check(context)
