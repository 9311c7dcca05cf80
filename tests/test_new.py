"""`digistrat new`: a new entry claims nothing it was not told, and takes its main fields as
options, written as YAML that reads back exactly as given."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from digistrat.checker import run as check
from digistrat.cli import app
from digistrat.edit import EditError, new_entity
from digistrat.loader import load
from digistrat.newentry import yaml_string
from digistrat.scaffold import scaffold

TODAY = date(2026, 11, 26)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    scaffold(tmp_path, today=TODAY)
    return tmp_path


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"DIGISTRAT_TODAY": TODAY.isoformat()})
    return result.exit_code, result.output


def test_a_new_initiative_is_an_unscored_proposal_with_no_dates(repo: Path) -> None:
    new_entity(repo, "initiative", "bed-flow")
    ini = load(repo).initiatives["bed-flow"]
    assert ini.status == "proposed"
    assert ini.scores == {} and ini.effort is None
    assert ini.exemplar is False
    assert ini.start is None and ini.end is None
    text = (repo / "initiatives/bed-flow.yaml").read_text()
    assert "# scores:" in text and "# exemplar: true" in text  # the examples, in comments


def test_a_new_initiative_is_asked_for_scores_and_is_not_ranked_or_planned(repo: Path) -> None:
    new_entity(repo, "initiative", "bed-flow", criteria=["patient-benefit"])
    found = [f for f in check(load(repo), TODAY).findings if f.path.endswith("bed-flow.yaml")]
    assert "D003" in {f.code for f in found}
    code, out = _cli("score", str(repo))
    assert code == 0, out  # an unscored proposal is not a failure
    assert "1 initiative is not ranked, because a score is missing" in out
    assert "bed-flow (proposed): no score for `patient-benefit`" in out
    assert "D003 [warning]" in out
    code, out = _cli("score", str(repo), "--format", "json")
    import json

    rows = {r["id"]: r for r in json.loads(out)["rows"]}
    assert rows["bed-flow"]["rank"] is None and rows["example-initiative"]["rank"] == 1
    code, out = _cli("score", str(repo), "--plan", "--format", "json")
    planned = json.loads(out)
    [skipped] = planned["skipped"]
    assert code == 0 and skipped["id"] == "bed-flow"
    assert "not scored yet" in skipped["reason"]
    assert [i["id"] for i in planned["now"] + planned["next"]] == ["example-initiative"]


def test_scoring_it_ranks_it_and_the_warning_goes(repo: Path) -> None:
    new_entity(repo, "initiative", "bed-flow")
    path = repo / "initiatives/bed-flow.yaml"
    path.write_text(
        path.read_text()
        + "scores:\n  patient-benefit: 9\n  staff-benefit: 4\n  financial-benefit: 4\n"
    )
    code, out = _cli("score", str(repo))
    assert code == 0 and "not ranked" not in out and "D003" not in out


@pytest.mark.parametrize(
    "value",
    [
        'Bed: "flow" #1',
        "two\nlines: here",
        "yes",
        "  padded  ",
        "- a list?",
        "{not: a map}",
        "tab\there and a line separator\u2028and NEL\x85",
        "O'Brien & Sons (North)",
        "Réunion – café",
    ],
)
def test_option_values_are_written_as_yaml_that_reads_back_exactly(repo: Path, value: str) -> None:
    code, out = _cli(
        "new", "initiative", "x", str(repo), "--name", value, "--owner", value,
        "--description", value,
    )  # fmt: skip
    assert code == 0, out
    ini = load(repo).initiatives["x"]
    assert ini.name == value.strip() or ini.name == value
    assert ini.owner is not None and ini.owner.name in (value, value.strip())
    assert ini.description in (value, value.strip())
    raw = (repo / "initiatives/x.yaml").read_text()
    assert "\u2028" not in raw and "\x85" not in raw


def test_yaml_string_is_plain_only_when_that_is_safe() -> None:
    assert yaml_string("Bed flow") == "Bed flow"
    assert yaml_string("yes") == '"yes"'
    assert yaml_string("a: b") == '"a: b"'


def test_a_complete_commitment_from_options(repo: Path) -> None:
    code, out = _cli(
        "new", "commitment", "rebook", str(repo),
        "--statement", "Patients can rebook online: in under five minutes",
        "--outcome", "Fewer missed appointments",
        "--owner", "Dr Asha Patel", "--owner-role", "Chief Operating Officer",
        "--function", "operational", "--due", "2027-03-31",
    )  # fmt: skip
    assert code == 0, out
    c = load(repo).commitments["rebook"]
    assert c.statement == "Patients can rebook online: in under five minutes"
    assert c.due == date(2027, 3, 31)
    assert c.owner is not None and c.owner.role == "Chief Operating Officer"
    assert c.measure is None  # no invented numbers: check asks for a measure


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["initiative", "x", "--category", "huge"], "`huge` is not one of"),
        (["initiative", "x", "--function", "it"], "`function`"),
        (["commitment", "x", "--due", "31/03/2027"], "is not a date"),
        (["commitment", "x", "--name", "A"], "a commitment has a --statement instead"),
        (["service", "x", "--category", "improve"], "--category is for initiatives only"),
    ],
)
def test_bad_option_values_are_refused_before_anything_is_written(
    repo: Path, args: list[str], message: str
) -> None:
    code, out = _cli("new", *args[:2], str(repo), *args[2:])
    assert code == 2
    assert message in out
    assert not list(repo.glob("*/x.yaml"))


def test_new_never_overwrites_even_with_options(repo: Path) -> None:
    before = (repo / "initiatives/example-initiative.yaml").read_bytes()
    with pytest.raises(EditError, match="already exists"):
        new_entity(repo, "initiative", "example-initiative", values={"name": "Other"})
    assert (repo / "initiatives/example-initiative.yaml").read_bytes() == before


@pytest.mark.parametrize("kind", ["services", "users", "initiatives", "commitments"])
def test_every_new_entry_is_valid_and_its_placeholders_are_flagged(repo: Path, kind: str) -> None:
    new_entity(repo, kind, "fresh")
    loaded = load(repo)
    assert loaded.findings == []
    flagged = {f.code for f in check(loaded, TODAY).findings if f.path == f"{kind}/fresh.yaml"}
    assert "T005" in flagged  # "Replace with …" keeps being pointed at until replaced
