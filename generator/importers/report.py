"""What an import did, row by row: printed, and written as Markdown with ``--report``.

Each row is one source row or calendar event: what it became (a file, or nothing and why),
what was normalised on the way, what was chosen for it because the source did not say, and
what a person must decide (the ``À DÉCIDER`` values ``check`` will refuse).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ACTIONS = {
    "created": "créé",
    "updated": "mis à jour",
    "unchanged": "inchangé",
    "exists": "existe déjà (non remplacé : --update pour le mettre à jour)",
    "would-create": "serait créé (--dry-run)",
    "would-update": "serait mis à jour (--dry-run)",
    "refused": "refusé",
    "skipped": "ignoré",
    "vanished": "absent de la source (fichier gardé)",
}


@dataclass
class Row:
    """One source row or event and what it became."""

    source: str
    action: str = "refused"
    file: str | None = None
    normalised: list[str] = field(default_factory=list)
    chosen: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    refusal: str | None = None


@dataclass
class Report:
    """Every row of one import, and its title (the command and its source)."""

    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        return row

    @property
    def refused(self) -> list[Row]:
        return [r for r in self.rows if r.action == "refused"]

    @property
    def decisions(self) -> int:
        return sum(len(r.decisions) for r in self.rows)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for row in self.rows:
            out[row.action] = out.get(row.action, 0) + 1
        return out

    def summary(self) -> str:
        parts = [f"{n} {ACTIONS[a]}" for a, n in sorted(self.counts().items())]
        return f"{len(self.rows)} ligne(s) : " + ", ".join(parts) + f" ; {self.decisions} décision(s) à prendre."

    def text(self) -> str:
        """The report for a terminal: one block per row."""
        lines = [self.title, ""]
        for row in self.rows:
            where = f" → {row.file}" if row.file else ""
            lines.append(f"{row.source} : {ACTIONS[row.action]}{where}")
            if row.refusal:
                lines.append(f"    {'refusé' if row.action == 'refused' else 'à savoir'} : {row.refusal}")
            lines.extend(f"    normalisé : {n}" for n in row.normalised)
            lines.extend(f"    choisi : {c}" for c in row.chosen)
            lines.extend(f"    À DÉCIDER : {d}" for d in row.decisions)
        lines.extend(["", *self.notes, self.summary()] if self.notes else ["", self.summary()])
        return "\n".join(lines)

    def markdown(self) -> str:
        """The report as a Markdown table, for a pull request or a person."""
        lines = [
            f"# {_cell(self.title)}",
            "",
            "| source | devenu | fichier | normalisé | choisi faute d'information | à décider |",
            "|---|---|---|---|---|---|",
        ]
        for row in self.rows:
            became = ACTIONS[row.action] + (f" : {row.refusal}" if row.refusal else "")
            lines.append(
                "| "
                + " | ".join(
                    [
                        _cell(row.source),
                        _cell(became),
                        f"`{_cell(row.file)}`" if row.file else "—",
                        _join(row.normalised),
                        _join(row.chosen),
                        _join(row.decisions),
                    ]
                )
                + " |"
            )
        lines += ["", *[_cell(n) for n in self.notes], _cell(self.summary()), ""]
        return "\n".join(lines)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipe, no line break, no raw HTML."""
    return " ".join(text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").split())


def _join(items: list[str]) -> str:
    return "<br>".join(_cell(i) for i in items) if items else "—"
