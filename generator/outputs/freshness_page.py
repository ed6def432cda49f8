"""The page /contribuer/fraicheur/: actors by verification age, with their edit links."""

from __future__ import annotations

from html import escape
from pathlib import Path

from ..freshness import BUCKETS, freshness
from . import RenderContext


def freshness_html(context: RenderContext) -> str:
    rows = freshness(context.dataset, context.today)
    counts = {key: sum(1 for r in rows if r.bucket == key) for key in BUCKETS}
    out = [
        "# Fraîcheur des informations",
        "",
        "Chaque acteur confirme ses informations régulièrement (tous les 6 mois, sauf mention). "
        "Un acteur en retard reste publié : cette liste sert à savoir qui appeler en premier. "
        "Pour confirmer que rien n'a changé, il suffit de mettre à jour la date `verified.on` du fichier.",
        "",
        '<ul class="freshness-summary">',
        *[f"<li>{escape(BUCKETS[key]['fr'])} : <strong>{counts[key]}</strong></li>" for key in BUCKETS],
        "</ul>",
        "",
        '<div class="mg-scroll" role="region" tabindex="0" aria-label="Acteurs par date de vérification">',
        '<table class="freshness mg-data">',
        "<thead><tr><th scope='col'>Acteur</th><th scope='col'>Vérifié le</th><th scope='col'>Par</th>"
        "<th scope='col'>Âge</th><th scope='col'>État</th><th scope='col'>Modifier</th></tr></thead>",
        "<tbody>",
    ]
    for row in rows:
        edit = context.edit_url(row.file)
        link = f'<a href="{escape(edit)}">proposer une modification</a>' if edit else ""
        out.append(
            f'<tr class="freshness-{row.bucket}">'
            f'<td><a href="../../acteurs/{escape(row.actor_id)}/">{escape(row.name)}</a></td>'
            f"<td>{row.verified_on.isoformat()}</td><td>{escape(row.verified_by)}</td>"
            f"<td>{row.age_months} mois</td><td>{escape(BUCKETS[row.bucket]['fr'])}</td><td>{link}</td></tr>"
        )
    out += ["</tbody>", "</table>", "</div>", ""]
    return "\n".join(out)


def write_freshness(context: RenderContext, docs: Path) -> None:
    folder = docs / "contribuer"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "fraicheur.md").write_text(freshness_html(context), encoding="utf-8")
