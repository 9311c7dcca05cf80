from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import d006_depends_on_stopped as rule
from rules.rule_helpers import hits


def _block(status: str, own: str = "in-progress") -> str:
    return (
        f"# initiatives/online-booking.yaml\ndepends_on: [platform]\nstatus: {own}\n"
        f"# initiatives/platform.yaml\nname: Platform\ncategory: maintain\nstatus: {status}\n"
    )


def test_depends_on_stopped(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, _block("stopped"))
    assert message == "`online-booking` depends on `platform`, which has been stopped"


@pytest.mark.parametrize("status", ["approved", "done"])
def test_other_statuses(tmp_path: Path, status: str) -> None:
    assert hits(rule, tmp_path, _block(status)) == []


def test_finished_dependants_are_exempt(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, _block("stopped", own="done")) == []
