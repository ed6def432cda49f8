"""What a yearly report says: the figures of ``generator.indicators`` for one commune and one
year, worded in French and laid out as JSON-ready blocks for ``templates/rapport.typ``.

Each chart comes with the table of its numbers, so that the report reads in black and white,
aloud and in a text extraction. A section is either the commune's or the whole territory's
(coordination meetings and the share of actors taking part are the network's, not a
commune's), and says so under its title. Nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ...calendar_words import MONTHS as CALENDAR_MONTHS
from ...calendar_words import SHORT_MONTHS as CALENDAR_SHORT_MONTHS
from ...calendar_words import day_of_month, long_date
from ...freshness import BUCKETS
from ...indicators import (
    AGE_BANDS,
    MEETING_TARGET,
    PARTICIPATION_TARGET,
    CommuneYear,
    Indicators,
    commune_year,
    compute,
    freshness_rows,
)
from ...models.types import text_in
from ...models.vocabularies import CIRCUIT_TYPES, EVENT_TYPES
from .. import RenderContext

Block = dict[str, Any]
WIDE_FIRST = (2, 1, 1, 1)
TYPES_ACROSS = 3

MONTHS = CALENDAR_MONTHS["fr"]  # the reports are in French
SHORT_MONTHS = CALENDAR_SHORT_MONTHS["fr"]


def spelled(day: date) -> str:
    """« 1er janvier 2026 », « 23 novembre 2026 »."""
    return long_date(day, "fr", weekday=False, space=" ")


def short(day: date) -> str:
    """« 2 févr. », « 1er sept. »: a day within the report's year."""
    return f"{day_of_month(day, 'fr')} {SHORT_MONTHS[day.month - 1]}"


def percent(share: float) -> str:
    return f"{share * 100:.0f} %"


def plural(count: int, singular: str, many: str = "") -> str:
    """« 1 village », « 2 villages » (French: 0 and 1 take the singular)."""
    return f"{count} {singular if count < 2 else many or singular + 's'}"


def of(name: str) -> str:
    """« de Bêta », « d'Alpha »: the French preposition, elided before a vowel."""
    return f"d'{name}" if name[:1].lower() in "aeiouyàâäéèêëîïôöùûüœ" else f"de {name}"


def _numeric(cell: str) -> bool:
    return bool(cell) and all(c.isdigit() or c in " %" for c in cell)


def _fraction(value: float, top: float) -> float:
    return round(value / top, 4) if top else 0.0


def bars(
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    texts: Sequence[Sequence[str]] | None = None,
    target: float | None = None,
    target_label: str = "",
) -> Block:
    """Horizontal bars, one group per label and one bar per series; each bar carries its
    value as text; an optional target is a dashed line."""
    top = max([*(v for _, values in series for v in values), target or 0, 1])
    groups = []
    for index, label in enumerate(labels):
        groups.append(
            {
                "label": label,
                "bars": [
                    {
                        "series": number,
                        "fraction": _fraction(values[index], top),
                        "value": texts[number][index] if texts else str(values[index]),
                    }
                    for number, (_, values) in enumerate(series)
                ],
            }
        )
    return {
        "kind": "bars",
        "title": title,
        "groups": groups,
        "legend": [{"name": name, "series": n} for n, (name, _) in enumerate(series)] if len(series) > 1 else [],
        "target": {"fraction": _fraction(target, top), "label": target_label} if target is not None else None,
    }


def columns(title: str, labels: Sequence[str], values: Sequence[int]) -> Block:
    """Vertical bars (months), each with its value above it."""
    top = max([*values, 1])
    return {
        "kind": "columns",
        "title": title,
        "columns": [
            {"label": label, "value": str(value), "fraction": _fraction(value, top)}
            for label, value in zip(labels, values, strict=True)
        ],
    }


def table(
    caption: str, header: Sequence[str], rows: Sequence[Sequence[object]], *, widths: Sequence[float] = ()
) -> Block:
    """A table whose first column names the row; ``widths`` are the columns' shares of the line
    (by default the first column as wide as its text and the others sharing the rest)."""
    cells = [[str(c) for c in row] for row in rows]
    return {
        "kind": "table",
        "caption": caption,
        "header": [str(h) for h in header],
        "rows": cells,
        "widths": list(widths),
        # a column of numbers is right-aligned (its header too), any other column left-aligned
        "right": [i > 0 and bool(cells) and all(_numeric(r[i]) for r in cells) for i in range(len(header))],
    }


def para(text: str) -> Block:
    return {"kind": "para", "text": text}


def items(title: str, entries: Sequence[str]) -> Block:
    return {"kind": "list", "title": title, "items": list(entries)}


class Report:
    """The document of one commune and one year."""

    def __init__(self, context: RenderContext, commune_id: str, year: int) -> None:
        self.context = context
        self.lang = context.territory.default_language
        self.territory = self.text(context.territory.name)
        self.names = {c.id: self.text(c.name) for c in context.territory.communes}
        self.village_names = {v.id: self.text(v.name) for c in context.territory.communes for v in c.villages}
        self.data: CommuneYear = commune_year(context.dataset, context.today, commune_id, year)
        # The network's figures for the same year: "today" is the year's last day when it is over.
        self.net: Indicators = compute(context.dataset, self.data.last)
        self.commune = self.names[commune_id]
        self.year = year

    def text(self, value: str | dict[str, str] | None) -> str:
        return text_in(value, self.lang, self.lang)

    @staticmethod
    def type_label(value: str) -> str:
        term = EVENT_TYPES.get(value) or CIRCUIT_TYPES.get(value)
        return term.label("fr") if term else value

    # --- words ---------------------------------------------------------------------------

    @property
    def period(self) -> str:
        d = self.data
        if d.complete:
            return f"Année complète, du 1er janvier au 31 décembre {d.year}"
        return f"Année en cours, du 1er janvier au {spelled(d.last)}"

    def commune_scope(self, what: str = "activités qui ont eu lieu dans la commune") -> str:
        return f"Commune : {self.commune} — {what}."

    def territory_scope(self) -> str:
        return (
            f"Tout le territoire : {self.territory} — un indicateur du réseau entier, "
            "qui n'a pas de sens commune par commune."
        )

    # --- sections ------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        d, before = self.data, self.data.previous
        labels = ["activités tenues", "réunions de coordination", "participants notés", "villages touchés"]
        now = [sum(d.months), d.meetings, d.participants, len(d.reached)]
        last = [before.occurrences, before.meetings, before.participants, len(before.villages)]
        this_name = str(d.year) if d.complete else f"{d.year} (au {d.last.day} {MONTHS[d.last.month - 1]})"
        last_name = (
            str(d.year - 1) if d.complete else f"{d.year - 1} (au {before.last.day} {MONTHS[before.last.month - 1]})"
        )
        blocks: list[Block] = [
            para(
                f"À {self.commune}, {plural(now[0], 'activité tenue', 'activités tenues')} dont "
                f"{plural(now[1], 'réunion de coordination', 'réunions de coordination')}, "
                f"{plural(now[2], 'participant noté', 'participants notés')} et "
                f"{plural(now[3], 'village touché', 'villages touchés')} sur {len(d.villages)}. "
                f"Comparaison avec la même période de {d.year - 1}."
            ),
            bars(
                f"{self.commune} : {d.year} et {d.year - 1}, même période",
                labels,
                [(last_name, last), (this_name, now)],
            ),
            table(
                f"{self.commune} : {d.year} et {d.year - 1}, même période",
                ["", last_name, this_name],
                [[label, a, b] for label, a, b in zip(labels, last, now, strict=True)],
            ),
        ]
        if not d.complete:
            blocks.append(
                para(
                    f"Encore prévues à {self.commune} d'ici au 31 décembre {d.year} : {plural(d.planned, 'activité')}."
                )
            )
        return {"title": "En bref", "scope": self.commune_scope(), "blocks": blocks}

    def months(self) -> dict[str, Any]:
        d = self.data
        # Months down the page, types across while they fit an A4 portrait line (three types,
        # at 12 pt); with more types, one table by month and one by type.
        types = list(d.months_by_type)
        across = types if len(types) <= TYPES_ACROSS else []
        header = ["mois", *(self.type_label(t) for t in across), "total"]
        rows: list[list[object]] = [
            [MONTHS[m], *(d.months_by_type[t][m] for t in across), d.months[m]] for m in range(12)
        ]
        rows.append(["total", *(sum(d.months_by_type[t]) for t in across), sum(d.months)])
        caption = f"Activités tenues par mois{' et par type' if across else ''} à {self.commune} en {d.year}"
        blocks = [
            para(
                f"Les dates d'événements et d'arrêts de tournées tenues à {self.commune} "
                f"({self.period.lower()}), sans les dates annulées."
            ),
            columns(f"Activités tenues par mois à {self.commune} en {d.year}", SHORT_MONTHS, d.months),
            table(caption, header, rows),
        ]
        if types and not across:
            by_type = sorted(((self.type_label(t), sum(v)) for t, v in d.months_by_type.items()), key=lambda r: -r[1])
            blocks.append(
                table(
                    f"Activités tenues par type à {self.commune} en {d.year}",
                    ["type", "activités"],
                    [*by_type, ("total", sum(d.months))],
                    widths=WIDE_FIRST,
                )
            )
        return {"title": "Activités par mois", "scope": self.commune_scope(), "blocks": blocks}

    def activities(self) -> dict[str, Any]:
        d, dataset = self.data, self.context.dataset
        rows = []
        for a in d.activities:
            if a.kind == "event":
                title = self.text(dataset.events[a.source_id].title)
            else:
                title = self.text(dataset.circuits[a.source_id].name)
            noted = str(a.participants) if a.attended else "non noté"
            assert a.first is not None and a.last is not None
            when = short(a.first) if a.first == a.last else f"du {short(a.first)} au {short(a.last)}"
            rows.append([title, self.type_label(a.type), when, a.held, a.attended, noted])
        blocks: list[Block] = []
        if rows:
            blocks.append(
                table(
                    f"Activités tenues à {self.commune} en {d.year}",
                    ["activité", "type", "quand", "dates tenues", "notées", "participants"],
                    rows,
                    widths=(2, 1.6, 1.6, 1.1, 1, 1.5),
                )
            )
            blocks.append(para("« Notées » : les dates tenues dont la participation a été notée."))
        else:
            blocks.append(para(f"Aucune activité tenue à {self.commune} sur la période."))
        return {"title": "Activités tenues", "scope": self.commune_scope(), "blocks": blocks}

    def attendance(self) -> dict[str, Any]:
        d = self.data
        bands = list(AGE_BANDS)
        represented = sum(1 for b in bands if d.by_age[b])
        residence = [[self.names.get(c, c), n] for c, n in d.by_residence.items()]
        return {
            "title": "Participation et diversité",
            "scope": self.commune_scope(),
            "blocks": [
                para(
                    f"{plural(d.participants, 'participant noté', 'participants notés')} sur "
                    f"{plural(d.attended_occurrences, 'date tenue', 'dates tenues')} à {self.commune} avec une "
                    f"participation notée ; {represented} tranches d'âge sur {len(bands)} et "
                    f"{plural(len(d.by_residence), 'commune')} d'habitation représentées."
                ),
                bars(
                    f"Participants par tranche d'âge à {self.commune} en {d.year}",
                    [f"{b} ans" for b in bands],
                    [("participants", [d.by_age[b] for b in bands])],
                ),
                table(
                    f"Participants par tranche d'âge à {self.commune} en {d.year}",
                    ["tranche d'âge", "participants"],
                    [[f"{b} ans", d.by_age[b]] for b in bands],
                ),
                table(
                    f"Commune d'habitation des participants aux activités {of(self.commune)} en {d.year}",
                    ["commune d'habitation", "participants"],
                    residence or [["aucune donnée", 0]],
                ),
                para(
                    f"Habitants {of(self.commune)} comptés aux activités de tout le territoire en {d.year} : "
                    f"{d.residents}."
                ),
            ],
        }

    def villages(self) -> dict[str, Any]:
        d = self.data
        white = [self.village_names[v] for v in d.white_zones]
        return {
            "title": "Villages touchés et zones blanches",
            "scope": self.commune_scope(),
            "blocks": [
                para(
                    f"{plural(len(d.reached), 'village')} {of(self.commune)} sur {len(d.villages)} "
                    f"{'a' if len(d.reached) < 2 else 'ont'} accueilli un événement ou un arrêt de tournée ({self.period.lower()}) ; les autres sont les zones blanches."
                ),
                table(
                    f"Villages {of(self.commune)} touchés en {d.year}",
                    ["village", "touché"],
                    [[self.village_names[v], "oui" if v in d.reached else "non"] for v in d.villages],
                    widths=WIDE_FIRST,
                ),
                items("Zones blanches", white or ["aucune"]),
            ],
        }

    def actors(self) -> dict[str, Any]:
        d, dataset = self.data, self.context.dataset
        rows = {r.actor_id: r for r in freshness_rows(dataset, self.context.today)}
        listed = sorted(d.actors, key=lambda a: (self.text(dataset.actors[a].name), a))
        share = len(d.actors_present) / len(d.actors) if d.actors else 0.0
        blocks: list[Block] = [
            para(
                f"{len(d.actors_present)} des {len(d.actors)} acteurs qui servent {self.commune} (leur zone d'action "
                f"comprend la commune ou tout le territoire) étaient présents à au moins une réunion de coordination "
                f"en {d.year}, soit {percent(share)}. La colonne « fiche » dit quand chaque fiche du répertoire "
                f"a été vérifiée, à la date d'édition ({spelled(self.context.today)})."
            ),
        ]
        if listed:
            blocks.append(
                table(
                    f"Acteurs qui servent {self.commune}",
                    ["acteur", f"présent à une réunion en {d.year}", "fiche"],
                    [
                        [
                            self.text(dataset.actors[a].name),
                            "oui" if a in d.actors_present else "non",
                            BUCKETS[rows[a].bucket]["fr"],
                        ]
                        for a in listed
                    ],
                    widths=WIDE_FIRST,
                )
            )
        scope = self.commune_scope("acteurs dont la zone d'action comprend la commune")
        return {"title": "Acteurs qui servent la commune", "scope": scope, "blocks": blocks}

    def network(self) -> dict[str, Any]:
        d, n = self.data, self.net
        years = sorted(n.meetings)
        year_names = [str(y) if y < d.year or d.complete else f"{y} (au {spelled(d.last)})" for y in years]
        commune_share = len(d.actors_present) / len(d.actors) if d.actors else 0.0
        share_labels = [f"acteurs qui servent {self.commune}", "tous les acteurs du territoire"]
        shares = [round(commune_share * 100, 1), round(n.participation_share * 100, 1)]
        return {
            "title": "Réseau : réunions et acteurs (tout le territoire)",
            "scope": self.territory_scope(),
            "blocks": [
                para(
                    f"Réunions de coordination tenues sur tout le territoire, quelle que soit la commune "
                    f"(objectif : {MEETING_TARGET} par an)."
                ),
                bars(
                    f"Tout le territoire : réunions de coordination tenues par an (objectif : {MEETING_TARGET})",
                    year_names,
                    [("réunions", [n.meetings[y] for y in years])],
                    target=MEETING_TARGET,
                    target_label=f"objectif : {MEETING_TARGET} par an",
                ),
                table(
                    "Tout le territoire : réunions de coordination par an",
                    ["année", "réunions tenues", "objectif", "atteint"],
                    [
                        [name, n.meetings[y], MEETING_TARGET, "oui" if n.meetings[y] >= MEETING_TARGET else "non"]
                        for name, y in zip(year_names, years, strict=True)
                    ],
                ),
                para(
                    f"Part des acteurs présents à au moins une réunion de coordination en {d.year} (organisateurs "
                    f"et présents notés), objectif : {percent(PARTICIPATION_TARGET)}. Tout le territoire : "
                    f"{len(n.actors_present)} acteurs sur {n.actors_total}."
                ),
                bars(
                    f"Part des acteurs présents aux réunions en {d.year} (objectif : {percent(PARTICIPATION_TARGET)})",
                    share_labels,
                    [("part", shares)],
                    texts=[[percent(commune_share), percent(n.participation_share)]],
                    target=PARTICIPATION_TARGET * 100,
                    target_label=f"objectif : {percent(PARTICIPATION_TARGET)}",
                ),
                table(
                    f"Part des acteurs présents aux réunions en {d.year}",
                    ["", "présents", "acteurs", "part"],
                    [
                        [share_labels[0], len(d.actors_present), len(d.actors), percent(commune_share)],
                        [share_labels[1], len(n.actors_present), n.actors_total, percent(n.participation_share)],
                    ],
                    widths=WIDE_FIRST,
                ),
            ],
        }

    def document(self) -> dict[str, Any]:
        d = self.data
        title = f"Rapport d'activité {d.year} – {self.commune}"
        return {
            "title": title,
            "author": self.territory,
            "lang": "fr",
            "region": str(self.context.territory.country),
            "kicker": f"{self.territory} · rapport d'activité {d.year}",
            "commune": self.commune,
            "heading": f"Rapport d'activité {d.year}",
            "period": self.period,
            "edition": f"Édité le {spelled(self.context.today)} à partir des données publiées du réseau.",
            "source": f"Indicateurs et définitions : {self.context.site_url}observatoire/",
            "footer": f"{self.commune} · rapport {d.year}",
            "page": "page",
            "sections": [
                self.summary(),
                self.months(),
                self.activities(),
                self.attendance(),
                self.villages(),
                self.actors(),
                self.network(),
            ],
        }
