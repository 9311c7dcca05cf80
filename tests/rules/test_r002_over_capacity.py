from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import r002_over_capacity as rule
from rules.rule_helpers import hits


def _second(status: str) -> str:
    return (
        "# initiatives/second.yaml\nname: Second\ncategory: improve\n"
        f"status: {status}\nneeds: [outpatients/know-when]\nobjectives: [shorter-waits]\n"
    )


def test_over_capacity(tmp_path: Path) -> None:
    block = "# strategy.yaml\ncapacity: {concurrent_initiatives: 1}\n" + _second("in-progress")
    [(path, line, message)] = hits(rule, tmp_path, block)
    assert path == "strategy.yaml" and line is not None
    assert "2 initiatives are in progress but the stated capacity is 1" in message
    assert "`online-booking` and `second`" in message


@pytest.mark.parametrize("status", ["approved", "proposed", "done", "stopped"])
def test_only_in_progress_counts(tmp_path: Path, status: str) -> None:
    block = "# strategy.yaml\ncapacity: {concurrent_initiatives: 1}\n" + _second(status)
    assert hits(rule, tmp_path, block) == []


def test_at_capacity_is_fine(tmp_path: Path) -> None:
    block = "# strategy.yaml\ncapacity: {concurrent_initiatives: 2}\n" + _second("in-progress")
    assert hits(rule, tmp_path, block) == []


def _many(n: int) -> str:
    return "".join(
        f"# initiatives/extra-{i:02}.yaml\nname: Extra {i}\ncategory: improve\n"
        "status: in-progress\nneeds: [outpatients/know-when]\nobjectives: [shorter-waits]\n"
        for i in range(n)
    )


def test_ten_initiatives_are_all_named(tmp_path: Path) -> None:
    block = "# strategy.yaml\ncapacity: {concurrent_initiatives: 1}\n" + _many(9)
    [(_, _, message)] = hits(rule, tmp_path, block)
    assert "`extra-08` and `online-booking`" in message
    assert "more" not in message


def test_eleven_initiatives_are_cut_after_ten(tmp_path: Path) -> None:
    block = "# strategy.yaml\ncapacity: {concurrent_initiatives: 1}\n" + _many(10)
    [(_, _, message)] = hits(rule, tmp_path, block)
    assert message.endswith("`extra-08`, `extra-09` … and 1 more")
    assert "online-booking" not in message
