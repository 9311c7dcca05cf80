from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import c010_measure_not_outcome as rule
from rules.rule_helpers import hits

OUTPUTS = [
    ("Number of systems deployed", "Number of systems"),
    ("Go-live of the EPR", "Go-live"),
    ("EPR go live in all wards", "go live"),
    ("Staff trained", "trained"),
    ("Modules implemented", "implemented"),
    ("Servers migrated", "migrated"),  # examples/wishlist
    ("Bots in production", "in production"),  # examples/wishlist
    ("App downloads", "downloads"),  # examples/wishlist
    ("Milestones delivered on time", "Milestones"),
    ("Number of laptops issued to community nurses", "Number of laptops"),
    ("Wards with e-prescribing rolled out", "rolled out"),
    ("Implementation 80% complete", "80% complete"),
    ("Training sessions delivered to ward staff", "Training sessions"),
    ("Time to go-live for each module", "go-live"),  # always an output, time or not
]

OUTCOMES = [
    "% of patients who change their appointment online",
    "Average wait for a first outpatient appointment",
    "Time saved per shift by ward nurses",
    # examples/riverside
    "Appointment changes made online by patients or carers",
    "Average time to log in on a shared ward computer",
    "Clinic letters received within one working day of being written",
    "Discharge summaries received by the GP practice within 24 hours",
    "Patients with a high early warning score reviewed by a doctor within 30 minutes",
    "People cared for on the frailty virtual ward each day, on average",
    "Patients over 75 who say they had to repeat information they had already given",
    # delivery words with an outcome alongside
    "Medication errors on wards where e-prescribing is implemented",
    "Days from referral to appointment since the new system was deployed",
    # words that only look like delivery
    "People who get their results online",
    "Live births with a digital maternity record",
    "Calls to the booking line",
]


@pytest.mark.parametrize(("metric", "words"), OUTPUTS)
def test_outputs_and_activities(metric: str, words: str) -> None:
    assert rule.output_words(metric) == words


@pytest.mark.parametrize("metric", OUTCOMES)
def test_outcomes(metric: str) -> None:
    assert rule.output_words(metric) is None


def test_finding_points_at_the_metric(tmp_path: Path) -> None:
    block = (
        "# commitments/rebook-online.yaml\n"
        "measure: {metric: Staff trained, baseline: 0, target: 400, baseline_date: 2026-03-31}\n"
    )
    [(path, _, message)] = hits(rule, tmp_path, block)
    assert path == "commitments/rebook-online.yaml"
    assert message == (
        "the measure of `rebook-online`, “Staff trained”, counts work done (“trained”) rather "
        "than what changes for patients or staff"
    )


def test_no_measure_is_left_to_c001(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, "# commitments/rebook-online.yaml\nmeasure: null\n") == []
