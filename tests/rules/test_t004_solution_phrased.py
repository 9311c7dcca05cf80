from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import t004_solution_phrased as rule
from rules.text_helpers import Found, run, where

COMMITMENT = """\
statement: {statement}
outcome: {outcome}
owner:
  name: Lee Chan
  function: operational
initiatives:
  - online-booking
due: 2027-03-31
"""


def _run(tmp_path: Path, statement: str, outcome: str = "Fewer calls.", **options: object) -> Found:
    return run(
        rule,
        tmp_path,
        write={"commitments/x.yaml": COMMITMENT.format(statement=statement, outcome=outcome)},
        options=options,
    )


def test_baseline_passes(tmp_path: Path) -> None:
    assert run(rule, tmp_path) == []


@pytest.mark.parametrize(
    ("statement", "verb"),
    [
        ("Implement a new online booking system for outpatients by March 2027.", "implement"),
        ("We will roll out e-prescribing to every ward.", "roll out"),
        ("By April 2027, the trust will deploy a patient portal.", "deploy"),
        ("Procure a new PAS.", "procure"),
        ("Go live with the new maternity system.", "go live with"),
        ("Upgrade to the latest version of the EPR.", "upgrade to"),
        ("Migrate to cloud hosting.", "migrate to"),
        ("Launch of a patient app.", "launch of"),
        ("The new EPR will be live in every ward by 2028.", "be live"),
        ("Deliver a new electronic patient record.", "deliver … electronic patient record"),
        ("We will introduce a patient portal.", "introduce … portal"),
        ("Replace the PAS by 2028.", "replace … PAS"),
        ("Move to the cloud.", "move to … cloud"),
        ("Deliver blockchain-enabled consent management.", "deliver … blockchain"),
        ("Implement a new EPR by 2027.", "implement"),  # issue 15
        ("Develop a new booking system for clinics.", "develop … booking system"),
        ("Provide a patient portal for results.", "provide … portal"),
        ("Replace our IT systems by 2028.", "replace … IT systems"),
        ("Move to Microsoft 365 for every team.", "move to … Microsoft 365"),
        ("We will deliver Epic across both hospitals.", "deliver … Epic"),
    ],
)
def test_solution_phrased(tmp_path: Path, statement: str, verb: str) -> None:
    found = _run(tmp_path, statement)
    assert where(found) == [("commitments/x.yaml", 1)]
    assert found[0][2] == (
        f"the commitment `x` is about delivering a system (“{verb}”) rather than what will "
        "change for patients or staff"
    )


@pytest.mark.parametrize(
    "statement",
    [
        "Patients can book their appointments online in under five minutes.",
        "Staff spend less time re-entering data after we implement the new record.",
        "Nurses see the roll out of bedside observations as time given back to patients.",
        "Every ward has Wi-Fi that works, so staff can use tablets at the bedside.",
        "Implementation teams include nurses, so that the new forms fit the ward routine.",
        "Procurement staff save three days per contract.",
        "Patients launching the app see their next appointment first.",
        "Deliver 2,000 more outpatient appointments a year closer to home.",
        "Provide patients with a choice of appointment times, online or by phone.",
        "Build trust with patients by answering every letter within 5 days.",
        "Replace paper discharge letters with same-day summaries for family doctors.",
        # issue 15: a bare "system" in NHS text is the integrated care system
        "Provide joined-up care across the system.",
        "Develop our people across the health and care system.",
        "Deliver care with partners across the system by 2027.",
        "Develop staff skills so that new ways of working stick.",
    ],
)
def test_outcome_phrased_passes(tmp_path: Path, statement: str) -> None:
    assert _run(tmp_path, statement) == []


def test_outcome_is_read_too(tmp_path: Path) -> None:
    found = _run(tmp_path, "Patients can rebook online.", outcome="Deploy kiosks in clinics.")
    assert where(found) == [("commitments/x.yaml", 2)]
    assert "the outcome of commitment `x`" in found[0][2]


def test_option_replaces_the_verbs(tmp_path: Path) -> None:
    assert _run(tmp_path, "Implement a portal.", **{"solution-verbs": ["buy"]}) == []
    assert len(_run(tmp_path, "Buy a portal.", **{"solution-verbs": ["buy"]})) == 1
    assert _run(tmp_path, "Introduce a portal.", **{"system-words": ["kiosk"]}) == []
    assert len(_run(tmp_path, "Introduce a kiosk.", **{"system-words": ["kiosk"]})) == 1
    assert _run(tmp_path, "Introduce a portal.", **{"delivery-verbs": []}) == []
