from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import n003_portfolio_balance as rule
from rules.rule_helpers import hits

# The baseline has one open initiative: `online-booking`, improve, core, in progress.


def _initiatives(*kinds: str, status: str = "approved") -> dict[str, str]:
    """One more initiative per ``category/type`` in ``kinds``, e.g. ``improve/core``."""
    files = {}
    for n, kind in enumerate(kinds):
        category, type_ = kind.split("/")
        files[f"initiatives/extra-{n}.yaml"] = (
            f"name: Extra {n}\ncategory: {category}\ntype: {type_}\nstatus: {status}\n"
        )
    return files


def _messages(tmp_path: Path, files: dict[str, str], overlay: str = "") -> list[str]:
    return [message for _, _, message in hits(rule, tmp_path, overlay, write=files)]


def test_all_one_category_and_all_core(tmp_path: Path) -> None:
    found = hits(rule, tmp_path, write=_initiatives(*["improve/core"] * 3))
    assert [(path, message) for path, _, message in found] == [
        (
            "strategy.yaml",
            "all 4 open initiatives are `improve` initiatives: the portfolio is not mixed",
        ),
        ("strategy.yaml", "none of the 4 open initiatives is marked as an experiment"),
    ]


@pytest.mark.parametrize(("extra", "flagged"), [(2, False), (3, True)])
def test_judged_from_four_open_initiatives(tmp_path: Path, extra: int, flagged: bool) -> None:
    assert bool(_messages(tmp_path, _initiatives(*["improve/core"] * extra))) is flagged


def test_the_minimum_is_an_option(tmp_path: Path) -> None:
    block = "# strategy.yaml\ncheck:\n  options:\n    min-open-initiatives: 2\n"
    assert len(_messages(tmp_path, _initiatives("improve/core"), block)) == 2


@pytest.mark.parametrize(
    ("others", "flagged"),
    [
        # 4 of 5 improve is 80%: at the limit, not above it
        (["improve/experiment", "improve/core", "improve/core", "maintain/core"], False),
        # 5 of 6 improve is 83%
        (
            ["improve/experiment", "improve/core", "improve/core", "improve/core", "maintain/core"],
            True,
        ),
        # 3 of 4 improve is 75%
        (["improve/experiment", "improve/core", "transform/core"], False),
    ],
)
def test_category_share_boundary(tmp_path: Path, others: list[str], flagged: bool) -> None:
    messages = _messages(tmp_path, _initiatives(*others))
    assert bool(messages) is flagged
    assert not messages or messages[0].startswith("5 of the 6 open initiatives are `improve`")


@pytest.mark.parametrize(("share", "flagged"), [(75, False), (74, True)])
def test_category_share_is_an_option(tmp_path: Path, share: int, flagged: bool) -> None:
    block = f"# strategy.yaml\ncheck:\n  options:\n    max-category-share: {share}\n"
    files = _initiatives("improve/experiment", "improve/core", "transform/core")
    assert bool(_messages(tmp_path, files, block)) is flagged


def test_one_experiment_is_enough(tmp_path: Path) -> None:
    files = _initiatives("maintain/core", "transform/core", "maintain/experiment")
    assert _messages(tmp_path, files) == []


def test_all_experiments(tmp_path: Path) -> None:
    files = _initiatives("maintain/experiment", "transform/experiment", "maintain/experiment")
    block = "# initiatives/online-booking.yaml\ntype: experiment\n"
    assert _messages(tmp_path, files, block) == [
        "all 4 open initiatives are experiments: none is core, tried-and-tested work"
    ]


@pytest.mark.parametrize("status", ["done", "stopped"])
def test_closed_initiatives_do_not_count(tmp_path: Path, status: str) -> None:
    files = _initiatives(*["improve/core"] * 3, status=status)
    assert _messages(tmp_path, files) == []


@pytest.mark.parametrize("status", ["proposed", "approved", "in-progress"])
def test_open_initiatives_count(tmp_path: Path, status: str) -> None:
    files = _initiatives(*["improve/core"] * 3, status=status)
    assert len(_messages(tmp_path, files)) == 2


@pytest.mark.parametrize(("extra", "flagged"), [(2, False), (3, True), (4, True)])
def test_minimum_boundary(tmp_path: Path, extra: int, flagged: bool) -> None:
    # 3, 4 and 5 open initiatives, all improve and core: below, at and above the minimum of 4
    assert bool(_messages(tmp_path, _initiatives(*["improve/core"] * extra))) is flagged


@pytest.mark.parametrize(("extra", "flagged"), [(0, False), (1, True), (2, True)])
def test_minimum_option_boundary(tmp_path: Path, extra: int, flagged: bool) -> None:
    block = "# strategy.yaml\ncheck:\n  options:\n    min-open-initiatives: 2\n"
    assert bool(_messages(tmp_path, _initiatives(*["improve/core"] * extra), block)) is flagged


@pytest.mark.parametrize(("share", "flagged"), [(76, False), (75, False), (74, True)])
def test_category_share_option_boundary(tmp_path: Path, share: int, flagged: bool) -> None:
    # 3 of 4 open initiatives are `improve`: 75%
    block = f"# strategy.yaml\ncheck:\n  options:\n    max-category-share: {share}\n"
    files = _initiatives("improve/experiment", "improve/core", "transform/core")
    messages = _messages(tmp_path, files, block)
    assert bool(messages) is flagged
    assert not messages or messages == [
        "3 of the 4 open initiatives are `improve` initiatives: the portfolio is not mixed"
    ]
