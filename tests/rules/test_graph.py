from __future__ import annotations

from digistrat.rules.graph import cycles, depths


def test_cycles() -> None:
    edges = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"], "e": ["e"], "f": []}
    assert cycles(edges) == [["a", "b", "c"], ["e"]]


def test_unknown_targets_are_ignored() -> None:
    assert cycles({"a": ["zzz"]}) == []


def test_deep_chains_do_not_recurse() -> None:
    n = 20_000
    edges = {f"n{i}": [f"n{i + 1}"] if i + 1 < n else [] for i in range(n)}
    assert cycles(edges) == []
    result = depths(edges, set())
    assert result["n0"] == (n - 1, "n1")
    assert result[f"n{n - 1}"] == (0, "")


def test_depths_take_the_longest_branch_and_skip_loops() -> None:
    edges = {"a": ["b", "c"], "b": [], "c": ["d"], "d": [], "x": ["y"], "y": ["x"], "z": ["x"]}
    result = depths(edges, {"x", "y"})
    assert result["a"] == (2, "c")
    assert result["z"] == (1, "x")
    assert result["x"] == (0, "")


def test_a_diamond_is_not_a_cycle() -> None:
    # a needs b and c, and c also needs b: b is reached twice, but nothing loops back.
    edges = {"a": ["b", "c"], "b": [], "c": ["b"]}
    assert cycles(edges) == []
    assert depths(edges, set())["a"] == (2, "c")


def test_a_diamond_beside_a_real_cycle_reports_only_the_cycle() -> None:
    edges = {"a": ["c", "b"], "b": ["d"], "c": ["d"], "d": [], "x": ["y"], "y": ["x", "d"]}
    assert cycles(edges) == [["x", "y"]]


def test_a_cycle_through_a_later_dependency_is_found() -> None:
    # the loop goes through a's second dependency, not its first
    assert cycles({"a": ["b", "c"], "b": [], "c": ["a"]}) == [["a", "c"]]
    assert cycles({"a": ["b", "c", "d"], "b": [], "c": [], "d": ["a"]}) == [["a", "d"]]


def test_depth_through_a_loop_member_not_yet_visited() -> None:
    # `a` is visited first and depends on `x`, a loop member treated as having no dependencies
    edges = {"a": ["x"], "x": ["y"], "y": ["x"]}
    result = depths(edges, {"x", "y"})
    assert result["a"] == (1, "x")
    assert result["x"] == result["y"] == (0, "")


def test_equal_branches_follow_the_first_dependency_listed() -> None:
    assert depths({"a": ["b", "c"], "b": [], "c": []}, set())["a"] == (1, "b")
    assert depths({"a": ["c", "b"], "b": [], "c": []}, set())["a"] == (1, "c")
