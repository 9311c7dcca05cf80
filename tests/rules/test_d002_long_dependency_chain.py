from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import d002_long_dependency_chain as rule
from rules.rule_helpers import hits


def _chain(n: int, status: str = "approved") -> dict[str, str]:
    """step-0 depends on step-1 … step-(n-1)."""
    files = {}
    for i in range(n):
        deps = f"[step-{i + 1}]" if i + 1 < n else "[]"
        files[f"initiatives/step-{i}.yaml"] = (
            f"name: Step {i}\ncategory: maintain\nstatus: {status}\ndepends_on: {deps}\n"
        )
    return files


def test_chain_of_three_is_fine(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, write=_chain(4)) == []


def test_chain_of_four_is_reported_once(tmp_path: Path) -> None:
    [(path, _, message)] = hits(rule, tmp_path, write=_chain(6))
    assert path == "initiatives/step-1.yaml"
    assert (
        "chain of 4 unfinished initiatives: step-1 → step-2 → step-3 → step-4 → step-5" in message
    )


def test_done_dependencies_do_not_count(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, write=_chain(8, "done")) == []


def test_option(tmp_path: Path) -> None:
    block = "# strategy.yaml\ncheck:\n  options:\n    max-dependency-chain: 1\n"
    assert len(hits(rule, tmp_path, block, write=_chain(3))) == 1


def test_loops_are_left_to_d001(tmp_path: Path) -> None:
    files = _chain(6)
    files["initiatives/step-5.yaml"] = files["initiatives/step-5.yaml"].replace("[]", "[step-0]")
    assert hits(rule, tmp_path, write=files) == []


# _chain(n) is a chain of n - 1 dependencies; the default limit is 3.
@pytest.mark.parametrize(("n", "found"), [(3, False), (4, False), (5, True)])
def test_default_boundary(tmp_path: Path, n: int, found: bool) -> None:
    assert bool(hits(rule, tmp_path, write=_chain(n))) is found


@pytest.mark.parametrize(("n", "found"), [(2, False), (3, False), (4, True)])
def test_option_boundary(tmp_path: Path, n: int, found: bool) -> None:
    block = "# strategy.yaml\ncheck:\n  options:\n    max-dependency-chain: 2\n"
    found_ = hits(rule, tmp_path, block, write=_chain(n))
    assert bool(found_) is found
    assert not found_ or "chain of 3 unfinished" in found_[0][2]
