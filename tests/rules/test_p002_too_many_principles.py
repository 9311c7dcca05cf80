from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import p002_too_many_principles as rule
from rules.rule_helpers import hits


def _principles(n: int, extra: str = "") -> str:
    items = "".join(f"  - {{name: P{i}, meaning: M{i}.}}\n" for i in range(n))
    return f"# strategy.yaml\nprinciples:\n{items}{extra}"


def test_seven_is_fine(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, _principles(7)) == []


def test_eight_is_too_many_and_points_at_the_eighth(tmp_path: Path) -> None:
    [(_, line, message)] = hits(rule, tmp_path, _principles(8))
    assert "8 principles" in message
    text = (tmp_path / "strategy.yaml").read_text(encoding="utf-8").splitlines()
    assert line is not None and "P7" in text[line - 1]


def test_option(tmp_path: Path) -> None:
    block = _principles(4, "check:\n  options:\n    max-principles: 3\n")
    assert len(hits(rule, tmp_path, block)) == 1


@pytest.mark.parametrize(("n", "found"), [(6, False), (7, False), (8, True)])
def test_default_boundary(tmp_path: Path, n: int, found: bool) -> None:
    assert bool(hits(rule, tmp_path, _principles(n))) is found


@pytest.mark.parametrize(("n", "found"), [(2, False), (3, False), (4, True)])
def test_option_boundary(tmp_path: Path, n: int, found: bool) -> None:
    found_ = hits(rule, tmp_path, _principles(n, "check:\n  options:\n    max-principles: 3\n"))
    assert bool(found_) is found
    assert not found_ or "at most about 3" in found_[0][2]
