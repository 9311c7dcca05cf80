"""Finding each member's folder: every problem is a finding at the member's line in
system.yaml, the other members are still read, and nothing outside a member's folder is read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from digistrat.system.members import is_system, read_layout
from system.system_helpers import make_system, run_system

from helpers import build_tree


def test_members_are_found_in_order(tmp_path: Path) -> None:
    ics = make_system(tmp_path, {"north": "", "south": ""})
    layout = read_layout(ics, fetch=False)
    assert is_system(ics) and not is_system(ics / "members" / "north")
    assert [p.member.id for p in layout.places] == ["north", "south"]
    assert [p.label for p in layout.places] == ["members/north", "members/south"]
    assert all(p.root is not None for p in layout.places)
    assert layout.findings == []


def test_a_missing_member_is_reported_at_its_line_and_the_others_read(tmp_path: Path) -> None:
    ics = make_system(
        tmp_path,
        {"north": ""},
        system_yaml="""
        members:
          - id: gone
            path: members/gone
          - id: north
            path: members/north
        """,
    )
    layout = read_layout(ics, fetch=False)
    [problem] = layout.findings
    assert (problem.code, problem.path, problem.line) == ("F012", "system.yaml", 2)
    assert "gone" in problem.message and "no folder" in problem.message
    assert [p.root is not None for p in layout.places] == [False, True]


def test_a_folder_without_strategy_is_not_searched_upward(tmp_path: Path) -> None:
    """A member's folder inside the system repository must not be taken for the system."""
    ics = make_system(tmp_path, {}, system_yaml="members:\n  - id: empty\n    path: members/e\n")
    (ics / "members" / "e").mkdir(parents=True)
    [problem] = read_layout(ics, fetch=False).findings
    assert "holds no strategy.yaml" in problem.message


def test_the_system_itself_is_not_a_member(tmp_path: Path) -> None:
    ics = make_system(tmp_path, {}, system_yaml="members:\n  - id: me\n    path: .\n")
    [problem] = read_layout(ics, fetch=False).findings
    assert "system repository itself" in problem.message


@pytest.mark.parametrize(
    ("text", "code", "line", "words"),
    [
        ("members:\n  - id: a\n    path: x\n  - id: a\n    path: y\n", "F004", 4, "used on line 2"),
        ("members:\n  - id: a\n    colour: red\n    path: x\n", "F002", 3, "colour"),
        ("members:\n  - id: a\n    git: --upload-pack=x\n    ref: v1\n", "F002", 2, "option"),
        ("members:\n  - just a name\n", "F002", 2, "block"),
        ("members: [\n", "F001", None, ""),
        ("people:\n  - id: a\n", "F002", 1, "members"),
        ("members: []\nshared: x\n", "F002", 2, "members:` only"),
    ],
)
def test_bad_entries_are_located(
    tmp_path: Path, text: str, code: str, line: int | None, words: str
) -> None:
    ics = make_system(tmp_path, {}, system_yaml=text)
    found = [f for f in read_layout(ics, fetch=False).findings if f.code == code]
    assert found, read_layout(ics, fetch=False).findings
    assert found[0].path == "system.yaml"
    assert line is None or found[0].line == line
    assert words in found[0].message


def test_git_members_are_not_fetched_when_fetching_is_off(tmp_path: Path) -> None:
    text = "members:\n  - id: far\n    git: https://git.example.org/x.git\n    ref: v1\n"
    ics = make_system(tmp_path, {}, system_yaml=text)
    layout = read_layout(ics, fetch=False)
    assert layout.places[0].root is None and layout.places[0].label == "far"
    assert "not fetched" in layout.findings[0].message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_member_cannot_link_outside_its_folder(tmp_path: Path) -> None:
    """A member's entry file linking to a file outside its folder is refused, as in any
    repository; the secret's content is never read into a finding or the summary."""
    build_tree(tmp_path, {"secret.yaml": "name: Secret\nkind: care\n"})
    ics = make_system(tmp_path, {"north": ""})
    os.symlink(tmp_path / "secret.yaml", ics / "members/north/services/leak.yaml")
    result = run_system(ics)
    [link] = [f for f in result.result.findings if f.path.endswith("leak.yaml")]
    assert link.code == "F010" and "outside the repository" in link.message
    assert link.path == "members/north/services/leak.yaml"
    assert "leak" not in result.members[0].services


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_member_folder_that_is_a_link_is_read_where_it_leads(tmp_path: Path) -> None:
    """The system's owner chooses where members are; a member's own links are its limit."""
    ics = make_system(tmp_path, {"north": ""})
    os.symlink(ics / "members" / "north", ics / "members" / "alias")
    (ics / "system.yaml").write_text("members:\n  - id: alias\n    path: members/alias\n")
    assert read_layout(ics, fetch=False).places[0].root == (ics / "members" / "north").resolve()
