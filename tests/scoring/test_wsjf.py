"""WSJF: (business value + time criticality + risk reduction) ÷ job size, hand-computed."""

from __future__ import annotations

from pathlib import Path

from scoring_helpers import initiative, make_repo

from digistrat.scoring import score


def test_wsjf_scores_by_hand(tmp_path: Path) -> None:
    def wsjf(name: str, effort: float, bv: float, tc: float, rr: float) -> str:
        return initiative(
            name,
            effort=effort,
            scores={"business-value": bv, "time-criticality": tc, "risk-reduction": rr},
        )

    repo = make_repo(
        tmp_path,
        {
            "a": wsjf("A", 4, 8, 5, 3),  # 16 / 4 = 4
            "b": wsjf("B", 13, 13, 8, 5),  # 26 / 13 = 2
            "c": wsjf("C", 0.5, 1, 1, 1),  # 3 / 0.5 = 6
            "d": wsjf("D", 3, 1, 1, 1),  # 3 / 3 = 1
        },
        "scoring:\n  model: wsjf\n",
    )
    ranking = score(repo)
    assert [(r.id, r.total, r.rank) for r in ranking.rows] == [
        ("c", 6, 1),
        ("a", 4, 2),
        ("b", 2, 3),
        ("d", 1, 4),
    ]
    assert [c.label for c in ranking.criteria] == [
        "Business value",
        "Time criticality",
        "Risk reduction",
    ]


def test_wsjf_thirds_are_exact(tmp_path: Path) -> None:
    repo = make_repo(
        tmp_path,
        {
            "x": initiative(
                "X",
                effort=3,
                scores={"business-value": 0.1, "time-criticality": 0.2, "risk-reduction": 0.6},
            )
        },
        "scoring:\n  model: wsjf\n",
    )
    assert score(repo).rows[0].total == 0.3  # 0.9 / 3, not 0.30000000000000004
