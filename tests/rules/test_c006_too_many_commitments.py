from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import c006_too_many_commitments as rule
from rules.rule_helpers import findings, hits


def _commitments(n: int, status: str = "on-track") -> dict[str, str]:
    return {
        f"commitments/extra-{i:02}.yaml": f"statement: Extra {i}.\nstatus: {status}\n"
        for i in range(n)
    }


def test_ten_is_the_default_limit(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, write=_commitments(9)) == []
    [(path, _, message)] = hits(rule, tmp_path / "b", write=_commitments(10))
    assert "11 open commitments" in message and path == "commitments/rebook-online.yaml"


def test_met_and_missed_do_not_count(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, write=_commitments(15, "met")) == []


def test_option(tmp_path: Path) -> None:
    block = "# strategy.yaml\ncheck:\n  options:\n    max-commitments: 1\n"
    assert len(hits(rule, tmp_path, block, write=_commitments(1))) == 1


# The baseline has one open commitment, so n extra makes n + 1.
@pytest.mark.parametrize(("extra", "found"), [(8, False), (9, False), (10, True)])
def test_default_boundary(tmp_path: Path, extra: int, found: bool) -> None:
    assert bool(hits(rule, tmp_path, write=_commitments(extra))) is found


@pytest.mark.parametrize(("extra", "found"), [(0, False), (1, False), (2, True)])
def test_option_boundary(tmp_path: Path, extra: int, found: bool) -> None:
    block = "# strategy.yaml\ncheck:\n  options:\n    max-commitments: 2\n"
    found_ = hits(rule, tmp_path, block, write=_commitments(extra))
    assert bool(found_) is found
    assert not found_ or "keep to 2 or fewer" in found_[0][2]


@pytest.mark.parametrize("status", ["met", "missed"])
def test_closed_commitments_do_not_count(tmp_path: Path, status: str) -> None:
    assert hits(rule, tmp_path, write=_commitments(15, status)) == []


def test_reported_on_the_last_file_with_a_fix(tmp_path: Path) -> None:
    # In path order `zz.yaml` comes after `zz-more.yaml` ("." sorts after "-"), although the
    # name `zz` sorts before `zz-more`: the finding goes on the last file a reader reaches.
    write = _commitments(9)
    write["commitments/zz.yaml"] = "statement: Last.\nstatus: on-track\n"
    write["commitments/zz-more.yaml"] = "statement: Nearly last.\nstatus: on-track\n"
    [found] = findings(tmp_path, write=write, only=rule.CODE)
    assert found.path == "commitments/zz.yaml"
    assert found.message == "there are 12 open commitments; keep to 10 or fewer"
    assert found.hint == (
        "Merge related commitments, or move some to a later refresh of the strategy."
    )
