"""Value against effort: quadrants by median thresholds, or by configured ones."""

from __future__ import annotations

import statistics
from fractions import Fraction
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from scoring_helpers import initiative, make_repo

from digistrat.loader import Repository
from digistrat.scoring import score, value_effort

ONE = """\
scoring:
  model: value-effort
  criteria:
    - {id: v, label: Value, weight: 1, max: 100}
"""


def repo(root: Path, options: str = "", **more: str) -> Repository:
    files = {
        "a": initiative("A", effort=2, scores={"v": 90}),
        "b": initiative("B", effort=8, scores={"v": 80}),
        "c": initiative("C", effort=1, scores={"v": 40}),
        "d": initiative("D", effort=9, scores={"v": 30}),
        **more,
    }
    return make_repo(root, files, ONE + options)


def test_quadrants_with_median_thresholds(tmp_path: Path) -> None:
    ranking = score(repo(tmp_path))
    # median value of 90, 80, 40, 30 is 60; median effort of 2, 8, 1, 9 is 5
    assert ranking.options["value-threshold"] == 60
    assert ranking.options["effort-threshold"] == 5
    assert [(r.id, r.quadrant, r.rank) for r in ranking.rows] == [
        ("a", "quick-win", 1),
        ("b", "big-bet", 2),
        ("c", "fill-in", 3),
        ("d", "money-pit", 4),
    ]
    assert ranking.row("b").value == 80 and ranking.row("b").total == 80  # type: ignore[union-attr]


def test_configured_thresholds_and_boundaries(tmp_path: Path) -> None:
    options = "  options:\n    value-threshold: 80\n    effort-threshold: 1\n"
    ranking = score(repo(tmp_path, options))
    # value 80 is at the threshold (high); effort 1 is at the threshold (low)
    assert {r.id: r.quadrant for r in ranking.rows} == {
        "a": "big-bet",
        "b": "big-bet",
        "c": "fill-in",
        "d": "money-pit",
    }
    assert [r.id for r in ranking.rows] == ["a", "b", "c", "d"]


def test_model_chosen_on_the_command_line_overrides_config(tmp_path: Path) -> None:
    ranking = score(repo(tmp_path), model="weighted")
    assert ranking.model == "weighted" and all(r.quadrant is None for r in ranking.rows)


def test_missing_effort_is_reported_and_left_unplaced(tmp_path: Path) -> None:
    ranking = score(repo(tmp_path, e=initiative("E", scores={"v": 99})))
    e = ranking.row("e")
    assert e is not None and e.quadrant is None and e.total is None and e.value == 99
    [problem] = ranking.problems
    assert problem.code == "D003" and problem.path == "initiatives/e.yaml"
    assert "no `effort`" in problem.message
    # thresholds come from the placed initiatives only
    assert ranking.options["value-threshold"] == 60


def test_a_value_of_zero_counts_towards_the_median(tmp_path: Path) -> None:
    files = {
        "a": initiative("A", effort=1, scores={"v": 0}),
        "b": initiative("B", effort=1, scores={"v": 0}),
        "c": initiative("C", effort=1, scores={"v": 90}),
    }
    ranking = score(make_repo(tmp_path, files, ONE))
    assert ranking.options["value-threshold"] == 0  # the median of 0, 0 and 90


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.fractions(min_value=-100, max_value=100, max_denominator=7)
        | st.integers(0, 5).map(Fraction),
        min_size=1,
        max_size=40,
    )
)
def test_median_is_the_statistics_median(values: list[Fraction]) -> None:
    assert value_effort.median(values) == Fraction(statistics.median(values))
    assert value_effort.median(values) == value_effort.median(list(reversed(values)))
