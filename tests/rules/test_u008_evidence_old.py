from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from digistrat.rules import u008_evidence_old as rule
from rules.rule_helpers import hits

# Examples are checked on 1 June 2026: 24 months earlier is 1 June 2024.


def _group(*dates: str) -> str:
    evidence = "".join(
        f"      - {{source: interview, date: {d}, summary: Heard., voices: wider}}\n" for d in dates
    )
    return (
        "name: Carers\nkind: carer\nneeds:\n  - id: speak-for\n    statement: S.\n"
        f"    priority: low\n    evidence:\n{evidence}"
    )


def test_evidence_older_than_24_months(tmp_path: Path) -> None:
    [(path, line, message)] = hits(
        rule, tmp_path, write={"users/carers.yaml": _group("2024-05-31")}
    )
    assert (path, line) == ("users/carers.yaml", 8)
    assert message == (
        "the newest evidence for `carers/speak-for` is from 31 May 2024, more than 24 months ago"
    )


@pytest.mark.parametrize("day", ["2024-06-01", "2024-06-02", "2026-05-31"])
def test_evidence_up_to_24_months_old_is_fine(tmp_path: Path, day: str) -> None:
    assert hits(rule, tmp_path, write={"users/carers.yaml": _group(day)}) == []


def test_only_the_newest_evidence_counts(tmp_path: Path) -> None:
    text = _group("2020-01-01", "2025-01-01", "2019-03-01")
    assert hits(rule, tmp_path, write={"users/carers.yaml": text}) == []


def test_points_at_the_newest_of_several_old_ones(tmp_path: Path) -> None:
    text = _group("2020-01-01", "2023-02-01", "2019-03-01")
    [(_, line, message)] = hits(rule, tmp_path, write={"users/carers.yaml": text})
    assert line == 9 and "1 February 2023" in message


@pytest.mark.parametrize(("day", "flagged"), [("2025-05-31", True), ("2025-06-01", False)])
def test_the_limit_is_an_option(tmp_path: Path, day: str, flagged: bool) -> None:
    block = "# strategy.yaml\ncheck:\n  options:\n    max-evidence-age-months: 12\n"
    found = hits(rule, tmp_path, block, write={"users/carers.yaml": _group(day)})
    assert bool(found) is flagged
    assert not found or "more than 12 months ago" in found[0][2]


def test_needs_without_evidence_are_left_to_u002(tmp_path: Path) -> None:
    text = "name: Carers\nkind: carer\nneeds:\n  - {id: a, statement: S., priority: low}\n"
    assert hits(rule, tmp_path, write={"users/carers.yaml": text}) == []


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2024, 6, 1), 24, date(2026, 6, 1)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
    ],
)
def test_months_later(day: date, months: int, expected: date) -> None:
    assert rule.months_later(day, months) == expected


@pytest.mark.parametrize(
    ("day", "flagged"), [("2025-06-02", False), ("2025-06-01", False), ("2025-05-31", True)]
)
def test_option_boundary(tmp_path: Path, day: str, flagged: bool) -> None:
    # 12 months before 1 June 2026 is 1 June 2025: at the limit
    block = "# strategy.yaml\ncheck:\n  options:\n    max-evidence-age-months: 12\n"
    found = hits(rule, tmp_path, block, write={"users/carers.yaml": _group(day)})
    assert bool(found) is flagged
