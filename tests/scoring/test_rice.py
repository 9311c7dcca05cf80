"""RICE: reach × impact × confidence ÷ effort, hand-computed."""

from __future__ import annotations

from pathlib import Path

from scoring_helpers import initiative, make_repo

from digistrat.scoring import score

RICE = "scoring:\n  model: rice\n"


def test_rice_scores_by_hand(tmp_path: Path) -> None:
    repo = make_repo(
        tmp_path,
        {
            # 1000 x 2 x 0.8 / 4 = 400
            "booking": initiative(
                "Booking", effort=4, scores={"reach": 1000, "impact": 2, "confidence": 80}
            ),
            # 500 x 3 x 1.0 / 2 = 750
            "letters": initiative(
                "Letters", effort=2, scores={"reach": 500, "impact": 3, "confidence": 100}
            ),
            # 300 x 0.5 x 0.5 / 0.25 = 300
            "kiosk": initiative(
                "Kiosk", effort=0.25, scores={"reach": 300, "impact": 0.5, "confidence": 50}
            ),
        },
        RICE,
    )
    ranking = score(repo)
    assert ranking.model == "rice" and ranking.unit == ""
    assert [(r.id, r.total) for r in ranking.rows] == [
        ("letters", 750),
        ("booking", 400),
        ("kiosk", 300),
    ]
    assert [c.id for c in ranking.criteria] == ["reach", "impact", "confidence"]
    assert ranking.rows[0].contributions["confidence"].score == 100
    assert ranking.problems == []


def test_rice_problems(tmp_path: Path) -> None:
    repo = make_repo(
        tmp_path,
        {
            "no-reach": initiative("No reach", effort=1, scores={"impact": 1, "confidence": 50}),
            "zero": initiative(
                "Zero", effort=0, scores={"reach": 1, "impact": 1, "confidence": 50}
            ),
            "sure": initiative(
                "Too sure", effort=1, scores={"reach": 10, "impact": 1, "confidence": 120}
            ),
        },
        RICE,
    )
    ranking = score(repo)
    assert ranking.row("no-reach").total is None  # type: ignore[union-attr]
    assert ranking.row("zero").total is None  # type: ignore[union-attr]
    assert ranking.row("sure").total == 12  # used as written, and reported
    found = {(p.code, p.path, p.line) for p in ranking.problems}
    assert found == {
        ("D003", "initiatives/no-reach.yaml", 4),
        ("Q002", "initiatives/zero.yaml", 3),
        ("Q002", "initiatives/sure.yaml", 7),
    }
