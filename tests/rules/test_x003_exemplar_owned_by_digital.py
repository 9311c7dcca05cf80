from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import x003_exemplar_owned_by_digital as rule
from rules.rule_helpers import hits


def _owner(function: str, extra: str = "") -> str:
    return (
        "# initiatives/online-booking.yaml\n"
        f"owner: {{name: Kim Doe, role: Head of IT, function: {function}}}\n{extra}"
    )


def test_exemplar_owned_by_digital(tmp_path: Path) -> None:
    [(path, line, message)] = hits(rule, tmp_path, _owner("digital"))
    assert path == "initiatives/online-booking.yaml" and line is not None
    assert "the exemplar `online-booking` is owned by the digital function" in message


@pytest.mark.parametrize("function", ["clinical", "operational", "corporate"])
def test_owned_outside_digital(tmp_path: Path, function: str) -> None:
    assert hits(rule, tmp_path, _owner(function)) == []


def test_ordinary_initiatives_may_be_owned_by_digital(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, _owner("digital", "exemplar: false\n")) == []


@pytest.mark.parametrize("status", ["done", "stopped"])
def test_closed_exemplars_are_not_checked(tmp_path: Path, status: str) -> None:
    assert hits(rule, tmp_path, _owner("digital", f"status: {status}\n")) == []


@pytest.mark.parametrize("status", ["proposed", "approved", "in-progress"])
def test_open_exemplars_are_checked(tmp_path: Path, status: str) -> None:
    assert len(hits(rule, tmp_path, _owner("digital", f"status: {status}\n"))) == 1
