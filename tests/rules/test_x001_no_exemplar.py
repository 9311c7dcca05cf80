from __future__ import annotations

from pathlib import Path

from digistrat.rules import x001_no_exemplar as rule
from rules.rule_helpers import hits


def test_no_exemplar(tmp_path: Path) -> None:
    [(path, _, message)] = hits(
        rule, tmp_path, "# initiatives/online-booking.yaml\nexemplar: false\n"
    )
    assert path == "strategy.yaml"  # about the portfolio, not one initiative's file
    assert "the only current initiative is not marked as an exemplar" in message


def test_the_hint_names_an_initiative_file_to_change(tmp_path: Path) -> None:
    from digistrat.checker import run
    from digistrat.clock import today
    from digistrat.loader import load

    block = "# initiatives/online-booking.yaml\nexemplar: false\n"
    block += "# initiatives/other.yaml\nname: Other\ncategory: improve\n"
    [(_, _, message)] = hits(rule, tmp_path, block)
    assert "none of the 2 current initiatives is marked" in message
    [found] = [f for f in run(load(tmp_path), today()).findings if f.code == "X001"]
    assert found.hint is not None and "initiatives/online-booking.yaml" in found.hint


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
