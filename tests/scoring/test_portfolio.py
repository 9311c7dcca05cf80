"""The portfolio mix: counts and shares of effort by category and type."""

from __future__ import annotations

from digistrat.scoring import Row, portfolio


def row(ident: str, category: str, kind: str, effort: float | None) -> Row:
    return Row(ident, ident, 1, 50.0, {}, category, kind, "proposed", effort)


def test_counts_and_effort_shares() -> None:
    mix = portfolio(
        [
            row("a", "maintain", "core", 2),
            row("b", "improve", "core", 3),
            row("c", "transform", "experiment", 5),
            row("d", "transform", "core", None),
        ]
    )
    assert mix.count == 4 and mix.total_effort == 10
    assert [(s.group, s.count, s.effort_share) for s in mix.categories] == [
        ("maintain", 1, 20),
        ("improve", 1, 30),
        ("transform", 2, 50),
    ]
    assert [(s.group, s.count, s.effort_share) for s in mix.types] == [
        ("core", 3, 50),
        ("experiment", 1, 50),
    ]
    assert mix.without_effort == ["d"]


def test_no_effort_anywhere() -> None:
    mix = portfolio([row("a", "maintain", "core", None)])
    assert mix.categories[0].effort_share is None
