"""A corpus of sentences as NHS and council strategies write them: the everyday ones the text
rules (T001 to T004) must leave alone, and the vague, solution-phrased, hype and jargon ones
they must report. Each sentence is its own file of one repository, so that a failure names
every sentence the rule gets wrong at once."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from digistrat.loader import load
from digistrat.rules import (
    t001_vague_wording,
    t002_unexplained_jargon,
    t003_hype_as_core,
    t004_solution_phrased,
)
from digistrat.rules.base import Context
from digistrat.rules.examples import EXAMPLE_TODAY, materialise

COMMITMENT = """\
statement: {text}
owner: {{name: Lee Chan, function: operational}}
initiatives: [online-booking]
due: 2027-03-31
"""
INITIATIVE = """\
name: Corpus entry
description: {text}
category: improve
type: core
status: proposed
"""

# --- what must not be reported ----------------------------------------------------------------

PLAIN_COMMITMENTS = [
    "Provide joined-up care across the system.",
    "Work with the ICB and PCN partners so that patients tell their story once.",
    "By March 2027, 60% of outpatient follow-ups are booked by patients online.",
    "Patients waiting in the ED see their expected wait on a screen, updated every 15 minutes.",
    "Nurses record NEWS2 observations at the bedside, so that a deteriorating patient is "
    "seen within 30 minutes.",
    "Care home staff can see a resident's GP record, with consent, from April 2027.",
    "Develop our people so that every ward has a digital champion by 2027.",
    "Deliver care closer to home with our partners across the health and care system.",
    "Staff spend 20% less time on admin after the EPR goes live.",
    "Every patient can read their letters in the NHS App within 24 hours.",
    "Build trust with the public by publishing how we use data, every quarter.",
    "Halve the number of paper referrals from GP practices by 2028.",
    "Residents can report a missed bin collection on GOV.UK in under 3 minutes.",
]
PLAIN_DESCRIPTIONS = [
    "The CQC rated our maternity services good in 2025; the ICB funds this work.",
    "Clinicians in ICU and the ED see the same NEWS2 score as the ward.",
    "GP practices on EMIS and SystmOne send referrals through e-RS.",
    "We completed the DSPT and a DPIA under UK GDPR; the SIRO and Caldicott Guardian agreed.",
    "Results move from the LIMS and PACS into the EPR through FHIR and HL7 interfaces.",
    "The CCIO, CNIO and CIO lead this with the VCSE sector and the LA.",
    "Triage by nurses on the phone; no AI is involved.",
    "Consent is recorded on paper and in the EPR, without blockchain.",
    "We will not use robotic process automation (RPA): each step is checked by a person.",
    "A rules-based prompt in the EPR, not AI-driven.",
    "Patients call 111 or 999; A&E waits are published on NHS.UK.",
    "Reports show each KPI by FTE and against WGLL.",
]
PLAIN_MISSIONS_OBJECTIVES = [
    # (objective title, source): an objective quoted from the trust's own strategy
    ("Deliver outstanding, seamless care for every patient", "Trust strategy 2025-30"),
    ("Be a great place to work, improving staff wellbeing", "Trust strategy 2025-30"),
    ("Cut waiting times for planned care to 18 weeks", None),
]

# --- what must be reported --------------------------------------------------------------------

VAGUE = [
    "Better care.",
    "Improve care as one team.",
    "Improve outcomes within the trust.",
    "Deliver world-class, seamless digital services.",
    "Transform care through digital.",
    "Enhanced patient experience across all our services.",
    "Become a fully digital, paperless hospital.",
    "Cutting-edge technology for better outcomes.",
]
SOLUTION = [
    "Implement a new EPR by 2027.",
    "Roll out Microsoft 365 to all staff.",
    "We will deploy a patient portal across the trust.",
    "Go live with electronic prescribing on every ward.",
    "Procure a replacement PAS.",
    "Migrate to the cloud by 2026.",
    "Deliver a new booking system for outpatients.",
    "Upgrade to the latest version of Cerner.",
]
HYPE = [
    "An AI triage pilot in the emergency department.",
    "Use machine learning to predict missed appointments.",
    "A blockchain for consent records.",
    "Robotic process automation for the back office.",
    "A digital twin of the hospital to plan beds.",
]
JARGON = [
    "Offer PIFU to every outpatient.",
    "Show OPEL levels to every ward.",
    "Leverage synergies across the estate.",
    "A single pane of glass for operational teams.",
]


def _repo(root: Path, files: dict[str, str]) -> Context:
    materialise(root, "")
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    repo = load(root)
    assert not repo.findings, [f"{f.path}:{f.line} {f.message}" for f in repo.findings]
    return Context(repo=repo, today=EXAMPLE_TODAY)


def _reported(rule: ModuleType, ctx: Context) -> set[str]:
    ctx.options = dict(rule.OPTIONS)
    return {v.ident for v in rule.check(ctx)}


def _files(template: str, folder: str, texts: list[str]) -> dict[str, str]:
    return {
        f"{folder}/corpus-{i:02d}.yaml": template.format(text=json.dumps(text))
        for i, text in enumerate(texts)
    }


def _named(texts: list[str], idents: set[str]) -> list[str]:
    return [text for i, text in enumerate(texts) if f"corpus-{i:02d}" in idents]


def test_everyday_nhs_sentences_are_not_reported(tmp_path: Path) -> None:
    objectives = "\n".join(
        f"  - {{id: objective-{i}, title: {json.dumps(title)}"
        + (f", source: {json.dumps(source)}" if source else "")
        + "}"
        for i, (title, source) in enumerate(PLAIN_MISSIONS_OBJECTIVES)
    )
    _repo(
        tmp_path,
        {
            **_files(COMMITMENT, "commitments", PLAIN_COMMITMENTS),
            **_files(INITIATIVE, "initiatives", PLAIN_DESCRIPTIONS),
        },
    )
    text = (tmp_path / "strategy.yaml").read_text(encoding="utf-8")
    text = text.replace("objectives:\n", f"objectives:\n{objectives}\n", 1)
    (tmp_path / "strategy.yaml").write_text(text, encoding="utf-8")
    ctx = _repo(tmp_path, {})
    for rule in (t001_vague_wording, t004_solution_phrased):
        found = _reported(rule, ctx)
        assert _named(PLAIN_COMMITMENTS, found) == [], rule.CODE
        assert "strategy" not in found, rule.CODE
    for rule in (t002_unexplained_jargon, t003_hype_as_core):
        assert _named(PLAIN_DESCRIPTIONS, _reported(rule, ctx)) == [], rule.CODE


def test_vague_solution_hype_and_jargon_sentences_are_reported(tmp_path: Path) -> None:
    ctx = _repo(
        tmp_path,
        {
            **_files(COMMITMENT, "commitments", VAGUE + SOLUTION),
            **_files(INITIATIVE, "initiatives", HYPE + JARGON),
        },
    )
    vague = _reported(t001_vague_wording, ctx)
    assert _named(VAGUE + SOLUTION, vague) == VAGUE
    solution = _reported(t004_solution_phrased, ctx)
    assert _named(VAGUE + SOLUTION, solution) == SOLUTION
    hype = _reported(t003_hype_as_core, ctx)
    assert _named(HYPE + JARGON, hype) == HYPE
    jargon = _reported(t002_unexplained_jargon, ctx)
    assert _named(HYPE + JARGON, jargon) == JARGON
