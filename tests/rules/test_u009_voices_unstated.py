from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.models.common import Evidence
from digistrat.rules import u003_usual_voices_only as u003
from digistrat.rules import u009_voices_unstated as rule
from rules.rule_helpers import findings, hits


def _group(*voices: str | None) -> str:
    evidence = "".join(
        "      - {source: focus-group, date: 2026-01-01, summary: Heard."
        + (f", voices: {v}" if v else "")
        + "}\n"
        for v in voices
    )
    return (
        "name: Carers\nkind: carer\nneeds:\n  - id: speak-for\n    statement: S.\n"
        f"    priority: low\n    evidence:\n{evidence}"
    )


def _both(tmp_path: Path, *voices: str | None) -> set[str]:
    found = findings(tmp_path, write={"users/carers.yaml": _group(*voices)})
    return {f.code for f in found} & {rule.CODE, u003.CODE}


def test_one_piece_of_evidence_without_voices(tmp_path: Path) -> None:
    [(path, line, message)] = hits(rule, tmp_path, write={"users/carers.yaml": _group(None)})
    assert (path, line) == ("users/carers.yaml", 8)
    assert message == "the evidence for `carers/speak-for` does not say whose voices it reflects"


def test_several_without_voices(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, write={"users/carers.yaml": _group(None, None)})
    assert message == (
        "none of the 2 pieces of evidence for `carers/speak-for` says whose voices it reflects"
    )


def test_points_at_the_first_unstated_one(tmp_path: Path) -> None:
    text = _group("usual", None, None)
    [(_, line, message)] = hits(rule, tmp_path, write={"users/carers.yaml": text})
    assert line == 9
    assert message == (
        "2 of the 3 pieces of evidence for `carers/speak-for` do not say whose voices they "
        "reflect, and the other comes only from the usual voices"
    )


def test_one_unstated_among_usual(tmp_path: Path) -> None:
    text = _group("usual", "usual", None)
    [(_, _, message)] = hits(rule, tmp_path, write={"users/carers.yaml": text})
    assert message.startswith("1 of the 3 pieces of evidence for `carers/speak-for` does not")
    assert message.endswith("and the others come only from the usual voices")


@pytest.mark.parametrize("beyond", ["wider", "seldom-heard"])
def test_one_source_beyond_the_usual_voices_is_enough(tmp_path: Path, beyond: str) -> None:
    assert _both(tmp_path, None, beyond, None) == set()


@pytest.mark.parametrize(
    ("voices", "codes"),
    [
        ((None,), {"U009"}),
        (("usual", None), {"U009"}),
        (("usual", "usual"), {"U003"}),
        (("usual", "wider"), set()),
        (("seldom-heard",), set()),
    ],
)
def test_u003_and_u009_never_both_fire(
    tmp_path: Path, voices: tuple[str | None, ...], codes: set[str]
) -> None:
    assert _both(tmp_path, *voices) == codes


def test_voices_are_unstated_unless_given(tmp_path: Path) -> None:
    evidence = Evidence.model_validate(
        {"source": "interview", "date": "2026-01-01", "summary": "Heard."}
    )
    assert evidence.voices is None
