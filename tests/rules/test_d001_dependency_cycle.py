from __future__ import annotations

from pathlib import Path

from digistrat.rules import d001_dependency_cycle as rule
from rules.rule_helpers import hits


def _ini(name: str, deps: str, status: str = "approved") -> str:
    return (
        f"# initiatives/{name}.yaml\nname: {name}\ncategory: maintain\n"
        f"status: {status}\ndepends_on: {deps}\n"
    )


def test_two_way_loop(tmp_path: Path) -> None:
    block = "# initiatives/online-booking.yaml\ndepends_on: [platform]\n" + _ini(
        "platform", "[online-booking]"
    )
    [(path, _, message)] = hits(rule, tmp_path, block)
    assert path == "initiatives/online-booking.yaml"
    assert "online-booking → platform → online-booking" in message


def test_self_dependency(tmp_path: Path) -> None:
    [(_, _, message)] = hits(
        rule, tmp_path, "# initiatives/online-booking.yaml\ndepends_on: [online-booking]\n"
    )
    assert "online-booking → online-booking" in message


def test_chain_without_loop(tmp_path: Path) -> None:
    block = "# initiatives/online-booking.yaml\ndepends_on: [platform]\n" + _ini("platform", "[]")
    assert hits(rule, tmp_path, block) == []


def _ring(n: int) -> str:
    """``l00`` waits on ``l01`` … and the last on ``l00``: one loop of ``n`` initiatives."""
    return "".join(_ini(f"l{i:02}", f"[l{(i + 1) % n:02}]") for i in range(n))


def test_a_loop_of_ten_is_named_in_full(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, _ring(10))
    assert message.endswith("l08 → l09 → l00")
    assert "more" not in message


def test_a_loop_of_eleven_is_cut_after_ten(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, _ring(11))
    assert message.endswith("l08 → l09 … and 1 more")


def test_diamond_is_not_a_loop(tmp_path: Path) -> None:
    # online-booking needs platform and records; records also needs platform.
    block = (
        "# initiatives/online-booking.yaml\ndepends_on: [platform, records]\n"
        + _ini("platform", "[]")
        + _ini("records", "[platform]")
    )
    assert hits(rule, tmp_path, block) == []
