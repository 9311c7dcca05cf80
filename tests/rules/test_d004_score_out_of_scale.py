from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import d004_score_out_of_scale as rule
from rules.rule_helpers import hits


def _scores(p: float, s: float, f: float) -> str:
    return (
        "# initiatives/online-booking.yaml\n"
        f"scores: {{patient-benefit: {p}, staff-benefit: {s}, financial-benefit: {f}}}\n"
    )


@pytest.mark.parametrize(("p", "s", "f"), [(11, 1, 1), (1, -1, 1), (1, 1, 5.5)])
def test_out_of_scale(tmp_path: Path, p: float, s: float, f: float) -> None:
    [(path, _, message)] = hits(rule, tmp_path, _scores(p, s, f))
    assert path == "initiatives/online-booking.yaml" and "outside its scale" in message


@pytest.mark.parametrize(("p", "s", "f"), [(0, 0, 0), (10, 5, 5), (7.5, 2.5, 1)])
def test_within_scale(tmp_path: Path, p: float, s: float, f: float) -> None:
    assert hits(rule, tmp_path, _scores(p, s, f)) == []
