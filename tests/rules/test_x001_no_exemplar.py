from __future__ import annotations

from pathlib import Path

from digistrat.rules import x001_no_exemplar as rule
from rules.rule_helpers import hits


def test_no_exemplar(tmp_path: Path) -> None:
    [(path, _, message)] = hits(
        rule, tmp_path, "# initiatives/online-booking.yaml\nexemplar: false\n"
    )
    assert path == "initiatives/online-booking.yaml" and "no initiative is marked" in message


def test_stopped_exemplar_does_not_count(tmp_path: Path) -> None:
    block = "# initiatives/online-booking.yaml\nstatus: stopped\n"
    block += "# initiatives/other.yaml\nname: Other\ncategory: improve\n"
    assert len(hits(rule, tmp_path, block)) == 1


def test_no_initiatives_at_all(tmp_path: Path) -> None:
    block = (
        "# initiatives/online-booking.yaml (removed)\n"
        "# commitments/rebook-online.yaml\ninitiatives: []\n"
    )
    [(path, _, message)] = hits(rule, tmp_path, block)
    assert path == "strategy.yaml" and "no initiatives" in message
