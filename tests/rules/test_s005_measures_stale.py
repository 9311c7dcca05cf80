from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.findings import Finding
from digistrat.rules import s005_measures_stale as rule
from rules.rule_helpers import findings, hits


def _on(date: str) -> str:
    return f"# services/outpatient-booking.yaml\nmeasures: {{measured_on: {date}, quality: 5}}\n"


def test_old_measures(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, _on("2025-01-01"))
    assert "are 516 days old" in message


def test_recent_enough(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, _on("2025-06-01")) == []


def test_undated(tmp_path: Path) -> None:
    [(_, _, message)] = hits(
        rule, tmp_path, "# services/outpatient-booking.yaml\nmeasures: {quality: 5}\n"
    )
    assert "have no date" in message


def test_option(tmp_path: Path) -> None:
    block = (
        _on("2026-01-01") + "# strategy.yaml\ncheck:\n  options:\n    max-measure-age-days: 100\n"
    )
    assert len(hits(rule, tmp_path, block)) == 1


# EXAMPLE_TODAY is 1 June 2026; the default limit is 400 days.
# 2025-04-27 is exactly 400 days before it, 2025-04-26 is 401 and 2025-04-28 is 399.


def test_exactly_at_the_limit_is_not_stale(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, _on("2025-04-27")) == []


def test_one_day_under_the_limit_is_not_stale(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, _on("2025-04-28")) == []


def test_one_day_over_the_limit_is_stale(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, _on("2025-04-26"))
    assert "are 401 days old" in message


def test_option_boundary(tmp_path: Path) -> None:
    option = "# strategy.yaml\ncheck:\n  options:\n    max-measure-age-days: 100\n"
    # 2026-02-21 is 100 days before 1 June 2026.
    assert hits(rule, tmp_path / "at", _on("2026-02-21") + option) == []
    assert hits(rule, tmp_path / "under", _on("2026-02-22") + option) == []
    assert len(hits(rule, tmp_path / "over", _on("2026-02-20") + option)) == 1


def _one(tmp_path: Path, overlay: str, write: dict[str, str] | None = None) -> Finding:
    [found] = findings(tmp_path, overlay, write=write, only=rule.CODE)
    return found


def test_where_and_how_to_fix_old_measures(tmp_path: Path) -> None:
    found = _one(tmp_path, _on("2025-01-01"))
    assert (found.path, found.line) == ("services/outpatient-booking.yaml", 10)
    text = (tmp_path / found.path).read_text(encoding="utf-8").splitlines()
    assert text[9].strip() == "measured_on: 2025-01-01"
    assert found.hint == "Measure the service again and update the figures and `measured_on:`."


def test_where_and_how_to_fix_undated_measures(tmp_path: Path) -> None:
    block = "# services/outpatient-booking.yaml\nmeasures:\n  quality: 5\n"
    found = _one(tmp_path, block)
    assert (found.path, found.line) == ("services/outpatient-booking.yaml", 9)
    text = (tmp_path / found.path).read_text(encoding="utf-8").splitlines()
    assert text[8] == "measures:"
    assert found.hint == (
        "Add `measured_on:` under `measures:` with the date the figures describe."
    )


_SERVICE = "name: {name}\nkind: transaction\n"


def test_retired_services_and_services_without_measures_are_skipped(tmp_path: Path) -> None:
    # both are read before outpatient-booking, whose stale measures are still reported
    write = {
        "services/a-retired.yaml": _SERVICE.format(name="Old")
        + "phase: retired\nmeasures: {measured_on: 2020-01-01, quality: 5}\n",
        "services/b-unmeasured.yaml": _SERVICE.format(name="New"),
    }
    found = findings(tmp_path, _on("2025-01-01"), write=write, only=rule.CODE)
    assert [f.path for f in found] == ["services/outpatient-booking.yaml"]


@pytest.mark.parametrize("phase", ["discovery", "alpha", "beta", "live"])
def test_every_other_phase_is_checked(tmp_path: Path, phase: str) -> None:
    assert len(hits(rule, tmp_path, _on("2025-01-01") + f"phase: {phase}\n")) == 1
