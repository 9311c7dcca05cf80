from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import u003_usual_voices_only as rule
from rules.rule_helpers import hits


def _group(*voices: str) -> str:
    evidence = "".join(
        f"      - {{source: focus-group, date: 2026-01-01, summary: Heard., voices: {v}}}\n"
        for v in voices
    )
    return (
        "name: Carers\nkind: carer\nneeds:\n  - id: speak-for\n    statement: S.\n"
        f"    priority: low\n    evidence:\n{evidence}"
    )


def test_only_usual_voices(tmp_path: Path) -> None:
    [(path, line, message)] = hits(
        rule, tmp_path, write={"users/carers.yaml": _group("usual", "usual")}
    )
    assert (path, line) == ("users/carers.yaml", 7)
    assert "only from the usual voices" in message


@pytest.mark.parametrize("other", ["wider", "seldom-heard"])
def test_one_wider_source_is_enough(tmp_path: Path, other: str) -> None:
    assert hits(rule, tmp_path, write={"users/carers.yaml": _group("usual", other)}) == []


def test_unstated_voices_are_not_taken_as_usual(tmp_path: Path) -> None:
    # Evidence without `voices:` is unknown, not usual: U009 asks for it to be stated.
    text = _group("usual", "usual").replace(", voices: usual", "", 1)
    assert hits(rule, tmp_path, write={"users/carers.yaml": text}) == []
