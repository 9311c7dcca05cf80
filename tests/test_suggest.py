"""Suggestions are exactly difflib's, only faster."""

from __future__ import annotations

import difflib
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from digistrat.suggest import Suggester, closest

ids = st.text(alphabet="abcdeno-/", min_size=0, max_size=14)


def reference(word: str, names: list[str]) -> str | None:
    found = difflib.get_close_matches(word, sorted(set(names)), n=1, cutoff=0.6)
    return found[0] if found else None


@settings(max_examples=400, deadline=None)
@given(word=ids, names=st.lists(ids, max_size=30))
def test_same_answer_as_difflib(word: str, names: list[str]) -> None:
    assert closest(word, names) == reference(word, names)


def test_typical_typos() -> None:
    names = ["outpatient-booking", "outpatient-letters", "discharge-summaries"]
    assert closest("outpatient-bokking", names) == "outpatient-booking"
    assert closest("something-else-entirely", names) is None
    assert closest("x", []) is None


def test_thousands_of_names_stay_fast() -> None:
    names = [f"service-{area}-{n}" for area in ("north", "south", "east") for n in range(1500)]
    suggester = Suggester(names)
    start = time.perf_counter()
    for n in range(50):
        assert suggester.closest(f"service-nrth-{n}") == reference(f"service-nrth-{n}", names)
    # A generous hang guard: difflib alone takes minutes; the suggester, well under a second.
    assert time.perf_counter() - start < 120
