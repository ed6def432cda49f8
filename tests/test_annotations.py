"""The exact workflow-command format of `check --format github`, and the GitLab report.

GitHub's rules (actions/toolkit, `command.ts`): `::error file=F,line=L,col=C,title=T::MESSAGE`;
in the message `%`, CR and LF are written `%25`, `%0D`, `%0A`; in a property value `:` and `,`
are also written `%3A` and `%2C`. One command per line, whatever the message holds.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import DEMO, TODAY, run_cli

from generator.errors import Problem, format_github, format_gitlab, format_text


def test_a_plain_error_is_one_exact_line() -> None:
    problem = Problem("data/actors/x.yaml", 4, 10, "themes[0]", "`aide-social` n'est pas un thème connu", "")
    assert format_github([problem]) == (
        "::error file=data/actors/x.yaml,line=4,col=10,title=themes[0]::`aide-social` n'est pas un thème connu"
    )


def test_warnings_and_hints() -> None:
    problem = Problem("data/actors/x.yaml", 38, 3, "verified.on", "vérifié il y a 8 mois", "appelez", "warning")
    assert format_github([problem]) == (
        "::warning file=data/actors/x.yaml,line=38,col=3,title=verified.on::vérifié il y a 8 mois — appelez"
    )


def test_message_escapes_percent_cr_lf_but_not_separators() -> None:
    problem = Problem("data/a.yaml", 1, 2, "summary", "100% faux\r\nsuite: a, b", "")
    line = format_github([problem])
    assert line == "::error file=data/a.yaml,line=1,col=2,title=summary::100%25 faux%0D%0Asuite: a, b"


def test_properties_escape_colon_and_comma_too() -> None:
    problem = Problem("data/events/a,b:c%.yaml", 3, 1, "cancelled[0].date", "x", "")
    assert format_github([problem]) == (
        "::error file=data/events/a%2Cb%3Ac%25.yaml,line=3,col=1,title=cancelled[0].date::x"
    )
    no_path = Problem("data/x:y.yaml", 1, 1, "", "m", "")
    assert format_github([no_path]) == "::error file=data/x%3Ay.yaml,line=1,col=1,title=data/x%3Ay.yaml::m"


def test_one_command_per_problem() -> None:
    problems = [Problem(f"data/{i}.yaml", i, 1, "p", "ligne 1\nligne 2", "h\nh") for i in range(1, 4)]
    lines = format_github(problems).split("\n")
    assert len(lines) == 3
    assert all(line.startswith("::error file=data/") for line in lines)


def test_the_command_prints_exact_annotations(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    path = data / "actors" / "pcs-havelange.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("themes: [lien-social,", "themes: [lien-sociale,"), encoding="utf-8"
    )
    result = run_cli("check", "--data", str(data), "--format", "github", "--today", TODAY)
    assert result.returncode == 1
    assert (
        "::error file=data/actors/pcs-havelange.yaml,line=5,col=10,title=themes[0]::"
        "`lien-sociale` n'est pas un thème connu — vouliez-vous dire `lien-social` ?"
    ) in result.stdout.splitlines()
    assert all(line.startswith(("::error ", "::warning ")) for line in result.stdout.splitlines())


def test_gitlab_code_quality_report() -> None:
    error = Problem("data/actors/x.yaml", 4, 10, "themes[0]", "inconnu", "essayez y", code="unknown_term")
    moved = Problem("data/actors/x.yaml", 9, 10, "themes[0]", "inconnu", "essayez y", code="unknown_term")
    warning = Problem("data/actors/x.yaml", 38, 3, "verified.on", "ancien", "", "warning", code="overdue")
    report = json.loads(format_gitlab([error, warning]))
    assert report[0] == {
        "description": "[themes[0]] inconnu — essayez y",
        "check_name": "maillage/unknown_term",
        "fingerprint": report[0]["fingerprint"],
        "severity": "major",
        "location": {"path": "data/actors/x.yaml", "lines": {"begin": 4}},
    }
    assert report[1]["severity"] == "minor"
    assert len({r["fingerprint"] for r in report}) == 2
    assert json.loads(format_gitlab([moved]))[0]["fingerprint"] == report[0]["fingerprint"]
    assert run_cli("check", "--format", "gitlab", "--today", TODAY).returncode == 0


def test_text_output_keeps_one_problem_on_its_lines_whatever_the_value_holds() -> None:
    """A value quoted in a message may hold a line break (an RRULE with an iCal line in it):
    shown as an escape, it cannot forge a line that looks like another problem."""
    forged = "FREQ=WEEKLY\ndata/actors/autre.yaml:1:1: erreur: faux"
    problem = Problem("data/events/x.yaml", 9, 9, "repeat", f"`{forged}` n'est pas une règle", "écrivez\tFREQ=…")
    lines = format_text([problem]).split("\n")
    assert lines == [
        "data/events/x.yaml:9:9: erreur [repeat]: `FREQ=WEEKLY\\ndata/actors/autre.yaml:1:1: erreur: faux` "
        "n'est pas une règle",
        "    → écrivez\\tFREQ=…",
    ]
