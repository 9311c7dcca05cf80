from __future__ import annotations

from pathlib import Path

from digistrat.rules import c012_commitments_missing as rule
from rules.rule_helpers import findings, hits

NO_COMMITMENTS = "# commitments/rebook-online.yaml (removed)\n"


def test_no_commitments_at_all(tmp_path: Path) -> None:
    [(path, _, message)] = hits(rule, tmp_path, NO_COMMITMENTS)
    assert path == "strategy.yaml"
    assert "makes no commitments" in message


def test_one_commitment_is_enough(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []


def test_a_commitment_file_with_errors_still_counts(tmp_path: Path) -> None:
    found = findings(
        tmp_path,
        NO_COMMITMENTS,
        write={"commitments/booking.yaml": "statement: Booking\nstatus: nonsense\n"},
    )
    codes = {f.code for f in found}
    assert "F002" in codes and rule.CODE not in codes


def test_not_judged_while_strategy_yaml_is_invalid(tmp_path: Path) -> None:
    found = findings(tmp_path, NO_COMMITMENTS, write={"strategy.yaml": "organisation: X\n"})
    assert rule.CODE not in {f.code for f in found}
