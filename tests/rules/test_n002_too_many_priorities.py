from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import n002_too_many_priorities as rule
from rules.rule_helpers import hits


def _initiatives(n: int, status: str = "approved") -> dict[str, str]:
    return {
        f"initiatives/extra-{i}.yaml": f"name: Extra {i}\ncategory: improve\nstatus: {status}\n"
        for i in range(n)
    }


def test_three_times_capacity_by_default(tmp_path: Path) -> None:
    # capacity 3 → at most 9 open; the baseline has 1 in progress
    assert hits(rule, tmp_path, write=_initiatives(8)) == []
    [(_, _, message)] = hits(rule, tmp_path / "more", write=_initiatives(9))
    assert "10 initiatives are approved or in progress" in message and "at most 9" in message


def test_fifteen_without_capacity(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, "# strategy.yaml\ncapacity:\n", write=_initiatives(14)) == []
    assert (
        len(hits(rule, tmp_path / "b", "# strategy.yaml\ncapacity:\n", write=_initiatives(15))) == 1
    )


def test_done_and_stopped_do_not_count(tmp_path: Path) -> None:
    write = {**_initiatives(20, "done")}
    assert hits(rule, tmp_path, write=write) == []


def test_option(tmp_path: Path) -> None:
    block = "# strategy.yaml\ncheck:\n  options:\n    max-priorities: 2\n"
    assert len(hits(rule, tmp_path, block, write=_initiatives(2))) == 1


def test_proposals_are_not_priorities_yet(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, write=_initiatives(30, "proposed")) == []


# The baseline has one initiative in progress, so n extra makes n + 1.
@pytest.mark.parametrize(("extra", "found"), [(7, False), (8, False), (9, True)])
def test_capacity_boundary(tmp_path: Path, extra: int, found: bool) -> None:
    assert bool(hits(rule, tmp_path, write=_initiatives(extra))) is found


@pytest.mark.parametrize(("extra", "found"), [(13, False), (14, False), (15, True)])
def test_fifteen_boundary(tmp_path: Path, extra: int, found: bool) -> None:
    block = "# strategy.yaml\ncapacity:\n"
    assert bool(hits(rule, tmp_path, block, write=_initiatives(extra))) is found


@pytest.mark.parametrize(("extra", "found"), [(0, False), (1, False), (2, True)])
def test_option_boundary(tmp_path: Path, extra: int, found: bool) -> None:
    block = "# strategy.yaml\ncheck:\n  options:\n    max-priorities: 2\n"
    found_ = hits(rule, tmp_path, block, write=_initiatives(extra))
    assert bool(found_) is found
    assert not found_ or "at most 2 priorities" in found_[0][2]


def test_option_zero_means_three_times_capacity(tmp_path: Path) -> None:
    block = "# strategy.yaml\ncheck:\n  options:\n    max-priorities: 0\n"
    assert hits(rule, tmp_path, block, write=_initiatives(8)) == []
    [(_, _, message)] = hits(rule, tmp_path / "b", block, write=_initiatives(9))
    assert "at most 9 priorities" in message
