from __future__ import annotations

from pathlib import Path

from digistrat.rules import s002_service_measures_missing as rule
from rules.rule_helpers import hits


def test_no_measures_at_all(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, "# services/outpatient-booking.yaml\nmeasures:\n")
    assert message.endswith("has no volume per year, cost per use, quality, digital take up")


def test_some_missing(tmp_path: Path) -> None:
    block = "# services/outpatient-booking.yaml\nmeasures: {volume_per_year: 10, quality: 0}\n"
    [(_, _, message)] = hits(rule, tmp_path, block)
    assert message.endswith("has no cost per use, digital take up")


def test_zero_counts_as_measured(tmp_path: Path) -> None:
    block = (
        "# services/outpatient-booking.yaml\nmeasures: {measured_on: 2026-03-31, "
        "volume_per_year: 0, cost_per_use: 0, quality: 0, digital_take_up: 0}\n"
    )
    assert hits(rule, tmp_path, block) == []


def test_option_chooses_measures(tmp_path: Path) -> None:
    block = (
        "# strategy.yaml\ncheck:\n  options:\n    required-service-measures: [user_satisfaction]\n"
        "# services/outpatient-booking.yaml\nmeasures: {measured_on: 2026-03-31}\n"
    )
    [(_, _, message)] = hits(rule, tmp_path, block)
    assert message.endswith("has no user satisfaction")


def test_retired_is_exempt(tmp_path: Path) -> None:
    assert (
        hits(rule, tmp_path, "# services/outpatient-booking.yaml\nmeasures:\nphase: retired\n")
        == []
    )


def test_technology_service_needs_no_digital_take_up(tmp_path: Path) -> None:
    """Regression: a network or a patient record is digital by nature; asking for its digital
    take-up made the example invent "100%"."""
    block = (
        "# services/outpatient-booking.yaml\nkind: technology\nteam: Infrastructure team\n"
        "measures: {measured_on: 2026-03-31, volume_per_year: 10, cost_per_use: 1, quality: 50}\n"
    )
    assert hits(rule, tmp_path, block) == []


def test_technology_service_still_needs_the_other_measures(tmp_path: Path) -> None:
    block = (
        "# services/outpatient-booking.yaml\nkind: technology\nteam: Infrastructure team\n"
        "measures: {measured_on: 2026-03-31, volume_per_year: 10}\n"
    )
    [(_, _, message)] = hits(rule, tmp_path, block)
    assert message.endswith("has no cost per use, quality")


def test_technology_service_may_still_give_take_up(tmp_path: Path) -> None:
    block = (
        "# services/outpatient-booking.yaml\nkind: technology\nteam: Infrastructure team\n"
        "measures: {measured_on: 2026-03-31, volume_per_year: 10, cost_per_use: 1, "
        "quality: 50, digital_take_up: 12}\n"
    )
    assert hits(rule, tmp_path, block) == []


def test_people_services_still_need_digital_take_up(tmp_path: Path) -> None:
    """Interpreting or rostering can be done digitally or not: their take-up means something."""
    block = (
        "# services/outpatient-booking.yaml\nkind: people\n"
        "measures: {measured_on: 2026-03-31, volume_per_year: 10, cost_per_use: 1, quality: 50}\n"
    )
    [(_, _, message)] = hits(rule, tmp_path, block)
    assert message.endswith("has no digital take up")


def test_is_a_warning(tmp_path: Path) -> None:
    from rules.rule_helpers import findings

    [finding] = findings(tmp_path, "# services/outpatient-booking.yaml\nmeasures:\n", only="S002")
    assert finding.severity == "warning"
