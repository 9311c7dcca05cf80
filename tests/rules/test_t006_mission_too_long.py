from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import t006_mission_too_long as rule
from rules.text_helpers import run, strategy_with, where

LONG = "Word " + " ".join(["word"] * 30) + "."


def test_baseline_passes(tmp_path: Path) -> None:
    assert run(rule, tmp_path) == []


@pytest.mark.parametrize(
    ("mission", "problem"),
    [
        ("We put patients first in everything. We give staff the tools they need.", "2 sentences"),
        (LONG, "31 words"),
        (f"Patients first. {LONG}", "2 sentences and 33 words"),
        (
            "Patients first, always and everywhere! Staff second, with the right tools? "
            "Partners third.",
            "3 sentences",
        ),
    ],
)
def test_too_long(tmp_path: Path, mission: str, problem: str) -> None:
    found = run(rule, tmp_path, write={"strategy.yaml": strategy_with(mission=mission)})
    assert where(found) == [("strategy.yaml", 3)]
    assert found[0][2].startswith(f"the mission has {problem}: too long for everyone")
    assert "aim for one sentence of at most 30 words" in found[0][2]


@pytest.mark.parametrize(
    "mission",
    [
        "Work from anywhere.",
        " ".join(["word"] * 30) + ".",  # exactly at the limit
        "Care closer to home, e.g. in clinics and at home, for everyone who needs it.",
        "Led by Dr. Patel, St. Mary's works from anywhere.",
        "Patients and staff get what they need online, first time: no phone queues, no paper.",
        "The work from anywhere trust!",
        "Digital by default. Human by choice.",  # a short slogan
        "Patients first. Staff second. Partners third. Always.",
    ],
)
def test_succinct_missions_pass(tmp_path: Path, mission: str) -> None:
    found = run(rule, tmp_path, write={"strategy.yaml": strategy_with(mission=f'"{mission}"')})
    assert found == []


def test_no_mission_is_another_rule(tmp_path: Path) -> None:
    text = "\n".join(
        line for line in strategy_with().splitlines() if not line.startswith("mission:")
    )
    assert run(rule, tmp_path, write={"strategy.yaml": text}) == []


def test_options(tmp_path: Path) -> None:
    files = {
        "strategy.yaml": strategy_with(
            mission="Patients first in all we do. Staff second, with the right tools for the job."
        )
    }
    assert run(rule, tmp_path, write=files, options={"mission-max-sentences": 2}) == []
    found = run(rule, tmp_path, write=files, options={"mission-max-words": 3})
    assert "aim for one sentence of at most 3 words" in found[0][2]
    found = run(
        rule, tmp_path, write=files, options={"mission-max-words": 3, "mission-max-sentences": 3}
    )
    assert "aim for at most 3 sentences and 3 words" in found[0][2]
    bad = run(rule, tmp_path, write=files, options={"mission-max-words": "many"})
    assert "at most 30 words" in bad[0][2]


def _words(n: int, sentences: int = 1) -> str:
    """A mission of ``n`` words in ``sentences`` sentences (the last takes the remainder)."""
    each = n // sentences
    sizes = [each] * (sentences - 1) + [n - each * (sentences - 1)]
    return " ".join(("Care " + " ".join(["word"] * (size - 1))).strip() + "." for size in sizes)


def _mission(tmp_path: Path, mission: str, **options: int) -> list[str]:
    files = {"strategy.yaml": strategy_with(mission=f'"{mission}"')}
    return [m for _, _, m in run(rule, tmp_path, write=files, options=options)]


@pytest.mark.parametrize(("n", "found"), [(29, False), (30, False), (31, True)])
def test_words_boundary(tmp_path: Path, n: int, found: bool) -> None:
    assert bool(_mission(tmp_path, _words(n))) is found


@pytest.mark.parametrize(("n", "found"), [(4, False), (5, False), (6, True)])
def test_words_option_boundary(tmp_path: Path, n: int, found: bool) -> None:
    messages = _mission(tmp_path, _words(n), **{"mission-max-words": 5})
    assert bool(messages) is found
    assert not messages or messages[0].startswith(f"the mission has {n} words")


@pytest.mark.parametrize(("sentences", "found"), [(1, False), (2, False), (3, True)])
def test_sentences_option_boundary(tmp_path: Path, sentences: int, found: bool) -> None:
    messages = _mission(tmp_path, _words(21, sentences), **{"mission-max-sentences": 2})
    assert bool(messages) is found
    assert not messages or messages[0].startswith("the mission has 3 sentences:")


@pytest.mark.parametrize(("n", "found"), [(11, False), (12, False), (13, True)])
def test_two_sentences_are_a_slogan_up_to_twelve_words(tmp_path: Path, n: int, found: bool) -> None:
    assert bool(_mission(tmp_path, _words(n, 2))) is found
