"""The fast construction path gives exactly what the general constructor gives."""

from __future__ import annotations

import math
from typing import Any

import pytest

from digistrat import yamlio
from digistrat.yamlio import YMap, YSeq, load_text

pytestmark = pytest.mark.skipif(not yamlio.HAVE_LIBYAML, reason="the fast path needs libyaml")


def general(text: str) -> tuple[Any, list[yamlio.YamlProblem]]:
    loader = yamlio._Loader(text)
    try:
        return loader.get_single_data(), list(loader.problems)
    finally:
        loader.dispose()


def fast(text: str) -> tuple[Any, list[yamlio.YamlProblem]]:
    loader = yamlio._FastLoader(text)
    try:
        return loader.get_single_data(), list(loader.problems)
    finally:
        loader.dispose()


def same(a: Any, b: Any) -> bool:
    """Equal values of equal types, with equal positions all the way down."""
    if type(a) is not type(b):
        return False
    if isinstance(a, YMap):
        return (
            (a.pos, a.keys_at, a.values_at, list(a)) == (b.pos, b.keys_at, b.values_at, list(b))
        ) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, YSeq):
        return (a.pos, a.items_at, len(a)) == (b.pos, b.items_at, len(b)) and all(
            same(x, y) for x, y in zip(a, b, strict=True)
        )
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


CASES = [
    "name: Outpatient booking\nkind: transaction  # a comment\nusers:\n  - outpatients\n",
    "a: 1\nb: 0x1F\nc: 0o17\nd: +3\ne: -.5\nf: .inf\ng: -.Inf\nh: .nan\ni: 1e3\nj: true\n"
    "k: False\nl: ~\nm: null\nn:\no: yes\np: '1'\nq: \"true\"\nr: 010\ns: 2026-03-31\n",
    "a: 1\na: 2\n'a': 3\n1: x\n'1': y\n1: z\ntrue: t\n'true': u\n",
    "- [a, {b: c}, [d]]\n- {x: [1, 2]}\n-\n  - deep:\n      deeper: [1]\n",
    "x: |\n  literal\n  text\ny: >-\n  folded\n  text\nz: 'single'\nw: \"double\\n\"\n",
    "true: 1\nnull: 2\n~: 3\n1.5: 4\n.nan: 5\n.NaN: 6\n.nan: 7\n1: a\n01: b\n",
    "? a\n: b\n",
    "a: ! 12\nb: !!str 3\n",
    "",
    "just text",
    "[1, 2]",
    "owner:\n  name: A&E lead\n  role: Q&A\n",
]


@pytest.mark.parametrize("text", CASES)
def test_fast_path_matches_general_constructor(text: str) -> None:
    expected_data, expected_problems = general(text)
    data, problems = fast(text)
    assert same(data, expected_data)
    assert problems == expected_problems


@pytest.mark.parametrize(
    "text",
    [
        "a:\n  <<: {x: 1}\n  y: 2\n",
        "a: !!binary aGVsbG8=\n",
        "? [a]\n: b\n",
        "a: !!int 3\n",
        "".join(f"{'  ' * i}k{i}:\n" for i in range(70)) + "  " * 70 + "x: 1\n",
    ],
)
def test_unusual_files_use_the_general_constructor(text: str) -> None:
    with pytest.raises(yamlio._Unusual):
        fast(text)


def test_anchors_use_the_general_constructor_and_load_as_before() -> None:
    text = "base: &b {x: 1}\nother: *b\nmerged:\n  <<: *b\n  y: 2\n"
    assert yamlio._read_document(text)[2] is False  # not the fast path
    loaded = load_text(text)
    assert loaded.problems == []
    assert loaded.data["merged"] == {"x": 1, "y": 2}
    assert loaded.data["other"] is loaded.data["base"]


def test_size_limit_applies_on_the_fast_path() -> None:
    text = "[" + ",".join(["1"] * (yamlio.MAX_NODES + 1)) + "]"
    loaded = load_text(text)
    assert loaded.data is None and loaded.problems[0].kind == "limit"


def test_duplicate_keys_reported_on_the_fast_path() -> None:
    [problem] = load_text("name: a\nkind: care\nname: b\n").problems
    assert problem.kind == "duplicate-key" and (problem.line, problem.column) == (3, 1)
    assert "first on line 1" in problem.message


def test_positions_are_compact_and_read_as_before() -> None:
    data = load_text("name: a\nusers:\n  - x\n  - y\nname: b\n").data
    assert data.at == ("name", 1, 1, 1, 7, "users", 2, 1, 3, 3, "name", 5, 1, 5, 7)
    assert data.keys_at == {"name": (5, 1), "users": (2, 1)}  # a repeated key: its last place
    assert data.values_at["users"] == (3, 3)
    assert data["users"].items_at == [(3, 5), (4, 5)]
