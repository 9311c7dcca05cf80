"""Frameworks as data: the shipped ones, a repository's own, references to their measures, and
the coverage the site, the board paper and the system view show."""

from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.frameworks import available, builtin, chosen, coverage, coverages
from digistrat.loader import load

from helpers import build_tree

STRATEGY = """\
organisation: Example Trust
title: Digital strategy
objectives:
  - id: shorter-waits
    title: Cut waiting times
    serves: [wgll:improve-care]
"""


def _initiative(status: str = "approved", **fields: str) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return f"name: Work\ncategory: improve\nstatus: {status}\n{extra}"


def _repo(tmp_path: Path, files: dict[str, str], strategy: str = STRATEGY):  # type: ignore[no-untyped-def]
    return load(build_tree(tmp_path, {"strategy.yaml": strategy, **files}))


def _errors(repo) -> list[tuple[str, int | None, str, str]]:  # type: ignore[no-untyped-def]
    return [(f.path, f.line, f.message, f.hint) for f in repo.findings if f.severity == "error"]


def test_the_shipped_frameworks_have_their_official_measures() -> None:
    shipped = builtin()
    assert [m.name for m in shipped["wgll"].measures] == [
        "Well led",
        "Ensure smart foundations",
        "Safe practice",
        "Support people",
        "Empower citizens",
        "Improve care",
        "Healthy populations",
    ]
    assert shipped["wgll"].owner == "NHS England"
    assert len(shipped["ldd"].measures) == 5
    assert shipped["ldd"].measures[1].name == "Fix our plumbing"


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("", ["wgll"]),  # not stated: checked as an NHS trust's
        ("organisation_kind: nhs-trust\n", ["wgll"]),
        ("organisation_kind: integrated-care-board\n", ["wgll"]),
        ("organisation_kind: council\n", ["ldd"]),
        ("organisation_kind: central-government\n", []),
        ("organisation_kind: other\n", []),
        ("organisation_kind: council\nframeworks: [wgll, ldd]\n", ["wgll", "ldd"]),
        ("frameworks: []\n", []),
    ],
)
def test_the_default_follows_the_organisation_kind(
    tmp_path: Path, kind: str, expected: list[str]
) -> None:
    assert chosen(_repo(tmp_path, {}, STRATEGY + kind)) == expected


def test_coverage_tells_uncovered_unfunded_and_covered(tmp_path: Path) -> None:
    repo = _repo(
        tmp_path,
        {
            # through the objective it serves
            "initiatives/a.yaml": _initiative("in-progress", objectives="[shorter-waits]"),
            # named directly, but only proposed: not funded
            "initiatives/b.yaml": _initiative("proposed", serves="[wgll:safe-practice]"),
            # stopped work serves nothing
            "initiatives/c.yaml": _initiative("stopped", serves="[wgll:well-led]"),
            # through a commitment it delivers
            "initiatives/d.yaml": _initiative("done"),
            "commitments/k.yaml": "statement: S\ninitiatives: [d]\nserves: [wgll:support-people]\n",
        },
    )
    assert not _errors(repo)
    found = coverage(repo, "wgll")
    states = {m.measure.id: m.state for m in found.measures}
    assert states == {
        "well-led": "uncovered",
        "ensure-smart-foundations": "uncovered",
        "safe-practice": "unfunded",
        "support-people": "covered",
        "empower-citizens": "uncovered",
        "improve-care": "covered",
        "healthy-populations": "uncovered",
    }
    by_id = {m.measure.id: m for m in found.measures}
    assert by_id["improve-care"].initiatives == ("a",)
    assert by_id["improve-care"].objectives == ("shorter-waits",)
    assert by_id["support-people"].commitments == ("k",)
    assert by_id["safe-practice"].funded == ()
    assert [m.measure.id for m in found.unfunded] == ["safe-practice"]
    assert len(found.uncovered) == 4 and len(found.covered) == 2
    assert [c.framework_id for c in coverages(repo)] == ["wgll"]


def test_an_unknown_measure_is_an_error_with_did_you_mean(tmp_path: Path) -> None:
    repo = _repo(
        tmp_path,
        {"initiatives/a.yaml": _initiative(serves="[wgll:safe-practise]")},
        STRATEGY.replace("wgll:improve-care", "wgll:improve-cares"),
    )
    errors = _errors(repo)
    assert (
        "initiatives/a.yaml",
        4,
        "`wgll:safe-practise` is not a known framework measure "
        "(`framework:measure`, see docs/frameworks.md)",
        "Did you mean `wgll:safe-practice`?",
    ) in errors
    assert ("strategy.yaml", 6) in {(p, line) for p, line, _, _ in errors}
    assert any("`wgll:improve-care`" in hint for _, _, _, hint in errors)


def test_an_unknown_framework_choice_is_an_error(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {}, STRATEGY + "frameworks: [wgl]\n")
    [(path, line, message, hint)] = _errors(repo)
    assert (path, line) == ("strategy.yaml", 7)
    assert "`wgl` is not a known framework" in message and "`wgll`" in hint


def test_a_malformed_reference_is_a_schema_error(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"initiatives/a.yaml": _initiative(serves="[safe practice]")})
    [(path, line, message, hint)] = _errors(repo)  # not reported unknown as well
    assert (path, line) == ("initiatives/a.yaml", 4)
    assert "`safe practice` is not a framework measure" in message
    assert "`wgll:safe-practice`" in hint


OWN = """\
name: Our board's priorities
owner: Example Trust board
version: "2026"
measures:
  - id: greener
    name: Greener care
    description: Cut the carbon of how we deliver care.
"""


def test_a_repository_adds_its_own_framework(tmp_path: Path) -> None:
    repo = _repo(
        tmp_path,
        {
            "frameworks/ours.yaml": OWN,
            "initiatives/a.yaml": _initiative(serves="[ours:greener]"),
        },
        STRATEGY + "frameworks: [ours, wgll]\n",
    )
    assert not _errors(repo)
    assert set(available(repo)) == {"wgll", "ldd", "ours"}
    assert chosen(repo) == ["ours", "wgll"]
    assert coverage(repo, "ours").measures[0].initiatives == ("a",)


def test_an_own_file_replaces_a_shipped_framework_of_the_same_id(tmp_path: Path) -> None:
    repo = _repo(
        tmp_path, {"frameworks/wgll.yaml": OWN}, STRATEGY.replace("improve-care", "greener")
    )
    assert not _errors(repo)
    assert [m.id for m in available(repo)["wgll"].measures] == ["greener"]
    assert builtin()["wgll"].measures[0].id == "well-led"  # the shipped one is untouched


def test_a_malformed_framework_file_is_reported_with_its_line(tmp_path: Path) -> None:
    bad = (
        OWN.replace("    description: Cut the carbon of how we deliver care.\n", "")
        + "colour: green\n"
    )
    repo = _repo(
        tmp_path,
        {"frameworks/ours.yaml": bad, "initiatives/a.yaml": _initiative(serves="[ours:greener]")},
    )
    errors = [(p, line) for p, line, _, _ in _errors(repo)]
    assert ("frameworks/ours.yaml", 5) in errors  # the measure without a description
    assert ("frameworks/ours.yaml", 7) in errors  # the unknown key
    # the reference to it is not called unknown as well: it is noted, pointing at the file
    assert not any(p == "initiatives/a.yaml" for p, _ in errors)
    notes = [f for f in repo.findings if f.path == "initiatives/a.yaml"]
    assert notes and "frameworks/ours.yaml" in notes[0].message


def test_a_framework_file_with_a_repeated_measure_id(tmp_path: Path) -> None:
    twice = OWN + "  - id: greener\n    name: Again\n    description: The same id.\n"
    repo = _repo(tmp_path, {"frameworks/ours.yaml": twice})
    [(path, line, message, _)] = _errors(repo)
    assert (path, line) == ("frameworks/ours.yaml", 8)
    assert "`greener` is used twice" in message


def test_a_framework_file_that_is_not_yaml(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"frameworks/ours.yaml": "name: [unclosed\n"})
    [(path, _, message, _)] = _errors(repo)
    assert path == "frameworks/ours.yaml" and "YAML" in message


def test_a_frameworks_folder_that_leaves_the_repository_is_not_read(tmp_path: Path) -> None:
    outside = build_tree(tmp_path / "outside", {"ours.yaml": OWN})
    repo_root = build_tree(tmp_path / "repo", {"strategy.yaml": STRATEGY})
    (repo_root / "frameworks").symlink_to(outside, target_is_directory=True)
    repo = load(repo_root)
    [(path, _, message, _)] = _errors(repo)
    assert path == "frameworks" and "outside the repository" in message
    assert repo.frameworks == {}


def test_a_framework_file_linked_from_outside_is_not_read(tmp_path: Path) -> None:
    outside = build_tree(tmp_path / "outside", {"ours.yaml": OWN}) / "ours.yaml"
    repo_root = build_tree(tmp_path / "repo", {"strategy.yaml": STRATEGY})
    (repo_root / "frameworks").mkdir()
    (repo_root / "frameworks" / "ours.yaml").symlink_to(outside)
    repo = load(repo_root)
    [(path, _, message, _)] = _errors(repo)
    assert path == "frameworks/ours.yaml" and "outside the repository" in message
    assert repo.frameworks == {}
