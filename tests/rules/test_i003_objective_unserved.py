from __future__ import annotations

from pathlib import Path

from digistrat.rules import i003_objective_unserved as rule
from rules.rule_helpers import hits

TWO = """# strategy.yaml
objectives:
  - {id: shorter-waits, title: Cut waiting times}
  - {id: greener-estate, title: Halve our carbon footprint}
"""


def test_unserved_objective(tmp_path: Path) -> None:
    [(path, line, message)] = hits(rule, tmp_path, TWO)
    assert path == "strategy.yaml" and line is not None
    assert "`greener-estate`" in message


def test_served_by_a_stopped_initiative_still_counts_as_unserved(tmp_path: Path) -> None:
    block = TWO + "# initiatives/green.yaml\nname: G\ncategory: improve\nstatus: stopped\n"
    block += "objectives: [greener-estate]\n"
    assert len(hits(rule, tmp_path, block)) == 1


def test_served_by_a_done_initiative(tmp_path: Path) -> None:
    block = TWO + "# initiatives/green.yaml\nname: G\ncategory: improve\nstatus: done\n"
    block += "objectives: [greener-estate]\n"
    assert hits(rule, tmp_path, block) == []
