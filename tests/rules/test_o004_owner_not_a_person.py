from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.loader import load
from digistrat.rules import o004_owner_not_a_person as rule
from digistrat.rules.base import Context
from digistrat.rules.examples import EXAMPLE_TODAY
from digistrat.rules.o004_owner_not_a_person import kind_of
from rules.rule_helpers import findings, hits

PEOPLE = [
    "Dr Priya Shah",
    "Sam O'Neill",
    "Sam O’Neill",
    "Jane Smith-Jones",
    "Kevin Doyle",
    "Prof. Ama Mensah",
    "Professor Sir Lewis Hart",
    "Siân Evans",
    "José Álvarez",
    "Mary-Kate O'Brien",
    "Li Wei",
    "Wang Fang",
    "Mr J. Patel",
    "Ms Chidi Eze",
    "Dame Alison Head",  # Head is a surname; only "head of" is a job title
    "Paul Nurse",
    "Priya",
    "Ngozi Okonjo-Iweala",
    "Anne-Marie du Plessis",
    "Zoë Ball",
    "D'Arcy Grant",
    "Siobhán Ní Bhriain",
    "Oluwaseun Adeyemi",
    "Mohammed Al-Rashid",
    "Smith, Jane",
    "Dr. Mark Lead",
    "Sam Lee, Chief Digital Officer",
    "Sam Lee (Director of Nursing)",
    "Jo Bloggs - Head of IT Services",
    "Jo Bloggs – Chief Executive",
    "Chief Digital Officer (Sam Lee)",
    "Chief Nursing Officer, Dr Shah",
    "Digital team, led by Sam Lee",
]

NOT_PEOPLE = [
    ("IT", "team"),
    ("ICT", "team"),
    ("IM&T", "team"),
    ("Digital", "team"),
    ("Informatics", "team"),
    ("the digital team", "team"),
    ("The Digital Team", "team"),
    ("CIO office", "team"),
    ("Digital Services", "team"),
    ("IT Department", "team"),
    ("Trust Board", "team"),
    ("Service desk", "team"),
    ("EPR Programme", "team"),
    ("Digital transformation team", "team"),
    ("IT Services (helpdesk)", "team"),
    ("IT Services (Helpdesk)", "team"),
    ("Patient Access Team, Outpatients", "team"),
    ("Director of Patient Access, Outpatients", "role"),
    ("Digital Services, Informatics", "team"),
    ("DIG-01", "code"),
    ("DIG 01", "code"),
    ("Team 3", "code"),
    ("n/a", "placeholder"),
    ("N/A", "placeholder"),
    ("-", "placeholder"),
    ("?", "placeholder"),
    ("Unknown", "placeholder"),
    ("Vacant", "placeholder"),
    ("To be confirmed", "placeholder"),
    ("Chief Digital Officer", "role"),
    ("Chief Executive", "role"),
    ("Group Chief Executive", "role"),
    ("Head of Infrastructure", "role"),
    ("Head of IT Services", "role"),
    ("Director of Nursing", "role"),
    ("Director of Digital Services", "role"),
    ("Associate Director of Operations", "role"),
    ("Medical Director", "role"),
    ("Deputy Chief Nurse", "role"),
    ("Clinical Lead", "role"),
    ("Consultant Radiologist", "role"),
    ("Caldicott Guardian", "role"),
    ("CIO", "role"),
    ("SIRO", "role"),
    ("EPR", "abbreviation"),
]


@pytest.mark.parametrize("name", PEOPLE)
def test_personal_names_pass(name: str) -> None:
    assert kind_of(name) is None


@pytest.mark.parametrize(("name", "kind"), NOT_PEOPLE)
def test_teams_codes_placeholders_and_titles_are_recognised(name: str, kind: str) -> None:
    assert kind_of(name) == kind


@pytest.mark.parametrize("name", ["TBC", "TBD", "tbc", "TODO", "Replace with a name"])
def test_markers_t005_reports_are_left_to_it(name: str, tmp_path: Path) -> None:
    """One problem, one finding: T005 (placeholder-text) already reports TBC and init text."""
    overlay = f"# initiatives/online-booking.yaml\nowner: {{name: {name}, function: digital}}\n"
    codes = [f.code for f in findings(tmp_path, overlay) if f.code in ("T005", "O004")]
    assert codes == ["T005"]


def _owner(name: str, role: str | None = None) -> str:
    role_line = f"  role: {role}\n" if role else ""
    return f"owner:\n  name: {name}\n{role_line}  function: clinical\n"


def test_initiative_owner_named_by_job_title(tmp_path: Path) -> None:
    overlay = "# initiatives/online-booking.yaml\n" + _owner("Chief Digital Officer")
    [finding] = findings(tmp_path, overlay, only="O004")
    assert finding.path == "initiatives/online-booking.yaml"
    assert finding.severity == "warning"
    assert finding.message == (
        "the owner of the initiative `online-booking` is “Chief Digital Officer”, a job title "
        "rather than a person's name"
    )
    assert "Move the job title to `role`" in finding.hint
    assert "`role: Chief Digital Officer`" in finding.hint


def test_line_points_at_the_name(tmp_path: Path) -> None:
    overlay = "# initiatives/online-booking.yaml\n" + _owner("IT", role="Digital services")
    [finding] = findings(tmp_path, overlay, only="O004")
    text = (tmp_path / finding.path).read_text().splitlines()
    assert finding.line is not None and text[finding.line - 1].strip() == "name: IT"
    assert "put the name of the one person accountable in `name`" in finding.hint.lower()


def test_person_with_role_in_role_passes(tmp_path: Path) -> None:
    overlay = "# initiatives/online-booking.yaml\n" + _owner("Dr Asha Patel", "Chief Executive")
    assert hits(rule, tmp_path, overlay) == []


def test_service_owner(tmp_path: Path) -> None:
    overlay = "# services/outpatient-booking.yaml\n" + _owner("Outpatients Department")
    [(path, _, message)] = hits(rule, tmp_path, overlay)
    assert path == "services/outpatient-booking.yaml"
    assert "the service `outpatient-booking` is “Outpatients Department”, a team" in message


def test_commitment_owner(tmp_path: Path) -> None:
    overlay = "# commitments/rebook-online.yaml\n" + _owner("n/a")
    [(path, _, message)] = hits(rule, tmp_path, overlay)
    assert path == "commitments/rebook-online.yaml"
    assert "the commitment `rebook-online` is “n/a”, a placeholder" in message


def test_a_name_before_a_separator_is_judged_alone(tmp_path: Path) -> None:
    overlay = "# commitments/rebook-online.yaml\n" + _owner("'Digital team, the helpdesk'")
    [(_, _, message)] = hits(rule, tmp_path, overlay)
    assert "a team or department" in message


def test_risk_owner_in_strategy(tmp_path: Path) -> None:
    overlay = """
        # strategy.yaml
        risks:
          - risk: A cyber attack stops clinical systems for days.
            kind: cyber-security
            owner: {name: Cyber security team, function: digital}
            mitigation: Tested offline backups and a rehearsed downtime plan.
    """
    [(path, line, message)] = hits(rule, tmp_path, overlay)
    assert path == "strategy.yaml" and line is not None
    assert message.startswith("the owner of risk 1 is “Cyber security team”")


def test_strategy_owner(tmp_path: Path) -> None:
    overlay = "# strategy.yaml\n" + _owner("Chief Executive")
    [(_, _, message)] = hits(rule, tmp_path, overlay)
    assert message.startswith("the owner of the strategy is “Chief Executive”")


def test_finished_work_is_not_checked(tmp_path: Path) -> None:
    overlay = "# initiatives/online-booking.yaml\nstatus: done\n" + _owner("IT")
    assert hits(rule, tmp_path / "done", overlay) == []
    overlay = "# commitments/rebook-online.yaml\nstatus: met\n" + _owner("IT")
    assert hits(rule, tmp_path / "met", overlay) == []
    overlay = "# initiatives/online-booking.yaml\nstatus: approved\n" + _owner("IT")
    assert len(hits(rule, tmp_path / "open", overlay)) == 1
    overlay = "# services/outpatient-booking.yaml\nphase: retired\n" + _owner("IT")
    assert hits(rule, tmp_path / "retired", overlay) == []


def test_baseline_and_riverside_owners_pass(tmp_path: Path) -> None:
    repo = load(Path(__file__).resolve().parents[2] / "examples" / "riverside")
    assert list(rule.check(Context(repo=repo, today=EXAMPLE_TODAY))) == []
    assert hits(rule, tmp_path) == []
