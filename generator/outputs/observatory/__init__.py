"""The page /observatoire/: the indicators of ``generator.indicators`` as SVG charts, each
with its data table, written into the docs folder before MkDocs runs (a raw page: the site
adapter hands its HTML to the theme without Markdown)."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from ...calendar_words import SHORT_MONTHS
from ...freshness import BUCKETS
from ...indicators import AGE_BANDS, MEETING_TARGET, PARTICIPATION_TARGET, Indicators, compute
from ...models.types import text_in
from ...models.vocabularies import CIRCUIT_TYPES, EVENT_TYPES
from .. import RenderContext
from .charts import bar_chart, table, village_map

MONTHS = SHORT_MONTHS["fr"]  # the observatory is in French


def _percent(share: float) -> str:
    return f"{share * 100:.0f} %"


class Observatory:
    """Renders the observatory page of one RenderContext."""

    def __init__(self, context: RenderContext) -> None:
        self.context = context
        self.data: Indicators = compute(context.dataset, context.today)
        self.lang = context.territory.default_language
        self.communes = {c.id: text_in(c.name, self.lang, self.lang) for c in context.territory.communes}
        self.village_rows = [
            (v.id, text_in(v.name, self.lang, self.lang), v.geo) for c in context.territory.communes for v in c.villages
        ]

    def commune(self, commune_id: str) -> str:
        return self.communes.get(commune_id, commune_id) if commune_id else "lieu non précisé"

    @staticmethod
    def type_label(value: str) -> str:
        term = EVENT_TYPES.get(value) or CIRCUIT_TYPES.get(value)
        return term.label("fr") if term else value

    def section(self, anchor: str, title: str, intro: str, *parts: str) -> str:
        return f'<section id="{anchor}"><h2>{escape(title)}</h2><p>{intro}</p>{"".join(parts)}</section>'

    def months(self) -> str:
        d, year = self.data, self.data.year
        totals = [sum(values[m] for values in d.months_by_commune.values()) for m in range(12)]
        rows = [[self.commune(c), *values, sum(values)] for c, values in d.months_by_commune.items()]
        types = [[self.type_label(t), *values, sum(values)] for t, values in d.months_by_type.items()]
        header = ["", *MONTHS, "total"]
        return self.section(
            "par-mois",
            f"Activités par mois en {year}",
            f"Les dates d'événements et de tournées de {year}, passées et prévues (sans les annulées).",
            bar_chart("obs-mois", f"Activités par mois en {year}", MONTHS, [("activités", totals)]),
            table(f"Activités par mois et par commune en {year}", header, rows),
            table(f"Activités par mois et par type en {year}", header, types),
        )

    def meetings(self) -> str:
        d = self.data
        years = sorted(d.meetings)
        return self.section(
            "reunions",
            "Réunions de coordination",
            f"Réunions de coordination tenues chaque année (objectif : {MEETING_TARGET} par an).",
            bar_chart(
                "obs-reunions",
                "Réunions de coordination tenues par an",
                [str(y) for y in years],
                [("réunions", [d.meetings[y] for y in years])],
                target=MEETING_TARGET,
                target_label=f"objectif : {MEETING_TARGET}",
            ),
            table(
                "Réunions de coordination par an",
                ["année", "réunions tenues", "objectif", "atteint"],
                [
                    [y, d.meetings[y], MEETING_TARGET, "oui" if d.meetings[y] >= MEETING_TARGET else "non"]
                    for y in years
                ],
            ),
        )

    def actors(self) -> str:
        d = self.data
        names = sorted(text_in(self.context.dataset.actors[a].name, self.lang, self.lang) for a in d.actors_present)
        return self.section(
            "acteurs",
            "Acteurs qui prennent part au réseau",
            f"Part des acteurs présents à au moins une réunion de coordination en {d.year} "
            f"(organisateurs et présents notés), objectif : {_percent(PARTICIPATION_TARGET)}.",
            bar_chart(
                "obs-acteurs",
                f"Part des acteurs présents aux réunions en {d.year}",
                ["acteurs présents"],
                [("part", [round(d.participation_share * 100, 1)])],
                target=PARTICIPATION_TARGET * 100,
                target_label=f"objectif : {_percent(PARTICIPATION_TARGET)}",
                unit=" %",
            ),
            table(
                f"Acteurs présents aux réunions en {d.year}",
                ["", "valeur"],
                [
                    ["acteurs présents", len(d.actors_present)],
                    ["acteurs du répertoire", d.actors_total],
                    ["part", _percent(d.participation_share)],
                    ["présents", ", ".join(names) or "aucun"],
                ],
            ),
        )

    def attendance(self) -> str:
        d = self.data
        bands = list(AGE_BANDS)
        represented_ages = sum(1 for b in bands if d.by_age[b])
        return self.section(
            "participation",
            "Participation et diversité",
            f"En {d.year}, {d.participants} participations notées sur {d.attended_occurrences} activités, "
            f"{represented_ages} tranches d'âge sur {len(bands)} et {len(d.by_commune)} communes "
            f"d'habitation sur {len(self.communes)} représentées.",
            bar_chart(
                "obs-ages",
                f"Participants par tranche d'âge en {d.year}",
                [f"{b} ans" for b in bands],
                [("participants", [d.by_age[b] for b in bands])],
            ),
            table(
                f"Participants par tranche d'âge en {d.year}",
                ["tranche d'âge", "participants"],
                [[f"{b} ans", d.by_age[b]] for b in bands],
            ),
            table(
                f"Participants par commune d'habitation en {d.year}",
                ["commune", "participants"],
                [[self.commune(c), n] for c, n in d.by_commune.items()] or [["aucune donnée", 0]],
            ),
        )

    def villages(self) -> str:
        d = self.data
        points = [(name, geo[0], geo[1], vid in d.reached) for vid, name, geo in self.village_rows]
        names = {vid: name for vid, name, _ in self.village_rows}
        white = "".join(f"<li>{escape(names[v])}</li>" for v in d.white_zones) or "<li>aucune</li>"
        return self.section(
            "villages",
            "Villages touchés et zones blanches",
            f"{len(d.reached)} villages sur {len(self.village_rows)} ont accueilli un événement ou un arrêt de tournée "
            "au cours des douze derniers mois ; les autres sont les zones blanches.",
            village_map("obs-villages", "Villages touchés au cours des douze derniers mois", points),
            f"<h3>Zones blanches</h3><ul>{white}</ul>",
            table(
                "Villages touchés au cours des douze derniers mois",
                ["village", "touché"],
                [[name, "oui" if vid in d.reached else "non"] for vid, name, _ in self.village_rows],
            ),
        )

    def freshness(self) -> str:
        d = self.data
        labels = [BUCKETS[k]["fr"] for k in BUCKETS]
        return self.section(
            "fraicheur",
            "Fraîcheur du répertoire",
            'Les acteurs selon la date de leur dernière vérification (voir <a href="../contribuer/fraicheur/">la liste</a>).',
            bar_chart(
                "obs-fraicheur",
                "Acteurs par âge de leur vérification",
                labels,
                [("acteurs", list(d.freshness.values()))],
            ),
            table(
                "Acteurs par âge de leur vérification",
                ["état", "acteurs"],
                [[BUCKETS[k]["fr"], n] for k, n in d.freshness.items()],
            ),
        )

    def years(self) -> str:
        d = self.data
        now, before = d.this_year, d.last_year
        labels = ["activités", "réunions de coordination", "participants", "villages touchés"]
        this = [now.occurrences, now.meetings, now.participants, len(now.villages)]
        last = [before.occurrences, before.meetings, before.participants, len(before.villages)]
        period = f"du 1er janvier au {d.today.day} {MONTHS[d.today.month - 1]}"
        return self.section(
            "comparaison",
            f"{d.year} et {d.year - 1}",
            f"Les mêmes chiffres, {period} de chaque année.",
            bar_chart(
                "obs-annees",
                f"{d.year} et {d.year - 1}, {period}",
                labels,
                [(str(d.year - 1), last), (str(d.year), this)],
            ),
            table(
                f"{d.year} et {d.year - 1}, {period}",
                ["", str(d.year - 1), str(d.year)],
                [[label, a, b] for label, a, b in zip(labels, last, this, strict=True)],
            ),
        )

    def reports(self) -> str:
        """Links to the yearly report of each commune (``/imprimer/rapport-<annee>-<commune>.pdf``,
        written by ``outputs.reports`` for the previous complete year and the current one)."""
        year = self.data.year
        rows = []
        for commune_id, name in self.communes.items():
            links = ", ".join(
                f'<a href="../imprimer/rapport-{y}-{commune_id}.pdf">rapport {y}{suffix} (PDF)</a>'
                for y, suffix in ((year - 1, ""), (year, " en cours"))
            )
            rows.append(f"<li>{escape(name)} : {links}</li>")
        return self.section(
            "rapports",
            "Rapports annuels par commune",
            f"Les indicateurs de chaque commune, à joindre à un rapport d'activité : l'année {year - 1} entière, "
            f"et {year} du 1er janvier au {self.data.today.day} {MONTHS[self.data.today.month - 1]}.",
            f"<ul>{''.join(rows)}</ul>",
        )

    def markdown(self) -> str:
        body = "".join(
            [
                f"<p>Les indicateurs du réseau, calculés à partir des données publiées, au {self.data.today:%d/%m/%Y}. "
                'Les chiffres sous chaque graphique sont aussi dans les <a href="../donnees/">données ouvertes</a>.</p>',
                self.months(),
                self.meetings(),
                self.actors(),
                self.attendance(),
                self.villages(),
                self.freshness(),
                self.years(),
                self.reports(),
            ]
        )
        meta = {"title": "Observatoire", "maillage": "raw", "hide": ["navigation", "toc"]}
        head = [f"{k}: {json.dumps(v, ensure_ascii=True)}" for k, v in meta.items()]
        return "\n".join(["---", *head, "---", "", "<h1>Observatoire</h1>", body, ""])


def write_observatory(context: RenderContext, docs: Path) -> None:
    folder = docs / "observatoire"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.md").write_text(Observatory(context).markdown(), encoding="utf-8")
