from __future__ import annotations

from pathlib import Path

from digistrat.rules import u002_need_without_evidence as rule
from rules.rule_helpers import hits

GROUP = """\
name: Carers
kind: carer
needs:
  - id: speak-for
    statement: I manage appointments for my mother.
    priority: low
  - id: reminders
    statement: I need reminders.
    priority: low
    evidence:
      - {source: interview, date: 2026-01-01, summary: Said so.}
"""


def test_need_without_evidence(tmp_path: Path) -> None:
    found = hits(rule, tmp_path, write={"users/carers.yaml": GROUP})
    assert found == [
        ("users/carers.yaml", 4, "the need `carers/speak-for` has no evidence"),
    ]


def test_baseline_need_has_evidence(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []
