from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import t003_hype_as_core as rule
from rules.text_helpers import run, where

INITIATIVE = """\
name: {name}
description: {description}
category: transform
type: {type}
status: {status}
technology:
  - {tag}
"""

BASICS = """\
name: New Wi-Fi on every ward
category: maintain
status: in-progress
"""


def _ini(
    name: str = "Triage support",
    description: str = "Help staff decide who is seen first.",
    type: str = "core",
    status: str = "approved",
    tag: str = "triage software",
) -> str:
    return INITIATIVE.format(name=name, description=description, type=type, status=status, tag=tag)


def test_baseline_passes(tmp_path: Path) -> None:
    assert run(rule, tmp_path) == []


@pytest.mark.parametrize(
    ("fields", "line", "term"),
    [
        ({"name": "AI-powered triage"}, 1, "AI"),
        ({"description": "Use machine learning to predict no-shows."}, 2, "machine learning"),
        ({"tag": "RPA"}, 7, "RPA"),
        ({"description": "A blockchain for consent records."}, 2, "blockchain"),
        ({"name": "Ward digital twin"}, 1, "digital twin"),
        ({"tag": "large language models"}, 7, "large language models"),
    ],
)
def test_hype_in_core_initiative(
    tmp_path: Path, fields: dict[str, str], line: int, term: str
) -> None:
    found = run(
        rule, tmp_path, write={"initiatives/x.yaml": _ini(**fields), "initiatives/w.yaml": BASICS}
    )
    assert where(found) == [("initiatives/x.yaml", line)]
    assert found[0][2] == (
        f"the core initiative `x` is built on “{term}”, technology the guide counts as unproven"
    )


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "AI-powered triage", "type": "experiment"},  # an experiment is the advice
        {"name": "AI-powered triage", "status": "done"},
        {"name": "AI-powered triage", "status": "stopped"},
        {"description": "Keep the supply CHAIN and maintain stock levels."},
        {"description": "Harpa-style rota planning; a quantum leap for staff."},
        {"description": "Give 5 ml doses by pump; Ai Weiwei exhibition visits."},
        {"tag": "RPAS"},
    ],
)
def test_near_misses(tmp_path: Path, fields: dict[str, str]) -> None:
    found = run(rule, tmp_path, write={"initiatives/x.yaml": _ini(**fields)})
    assert found == []


@pytest.mark.parametrize(
    "description",
    [
        "Nurses triage by phone; no AI is involved.",
        "Consent is recorded without blockchain.",
        "We will not use RPA; staff keep the checks.",
        "A rules-based tool, not AI-driven.",
        "Fix the basics first, rather than machine learning.",
        "We won't rely on any AI for this.",
    ],
)
def test_technology_ruled_out_is_not_hype(tmp_path: Path, description: str) -> None:
    """Issue 15: "no AI is involved" was read as an initiative built on AI."""
    found = run(rule, tmp_path, write={"initiatives/x.yaml": _ini(description=description)})
    assert found == []


@pytest.mark.parametrize(
    ("description", "term"),
    [
        ("An AI triage pilot in the emergency department.", "AI"),
        ("Not only AI; a blockchain too.", "AI"),  # "not only" does not deny
        ("No more paper. AI reads the scans.", "AI"),  # the denial is in another sentence
        ("Staff, not managers, choose the AI tools.", "AI"),  # it denies "managers"
    ],
)
def test_negation_only_where_it_denies_the_term(
    tmp_path: Path, description: str, term: str
) -> None:
    found = run(rule, tmp_path, write={"initiatives/x.yaml": _ini(description=description)})
    assert [m.split("“")[1].split("”")[0] for _, _, m in found] == [term]


def test_stronger_message_without_basics(tmp_path: Path) -> None:
    found = run(rule, tmp_path, write={"initiatives/x.yaml": _ini(name="AI triage")})
    assert "while no initiative fixing the basics" in found[0][2]


@pytest.mark.parametrize(
    "basics",
    [
        {"initiatives/w.yaml": BASICS},
        {"initiatives/w.yaml": BASICS.replace("in-progress", "done")},
    ],
)
def test_basics_under_way_soften_the_message(tmp_path: Path, basics: dict[str, str]) -> None:
    found = run(rule, tmp_path, write={"initiatives/x.yaml": _ini(name="AI triage"), **basics})
    assert "basics" not in found[0][2]


def test_basics_delivered_count(tmp_path: Path) -> None:
    found = run(
        rule,
        tmp_path,
        merge={
            "strategy.yaml": """
            delivered:
              - {what: Electronic patient record live, when: 2025-10-01, impact: Paper gone.}
            """
        },
        write={"initiatives/x.yaml": _ini(name="AI triage")},
    )
    assert "basics" not in found[0][2]


def test_proposed_basics_do_not_count(tmp_path: Path) -> None:
    found = run(
        rule,
        tmp_path,
        write={
            "initiatives/x.yaml": _ini(name="AI triage"),
            "initiatives/w.yaml": BASICS.replace("in-progress", "proposed"),
        },
    )
    assert "while no initiative fixing the basics" in found[0][2]


def test_options(tmp_path: Path) -> None:
    files = {"initiatives/x.yaml": _ini(name="Chatbot for bookings")}
    assert run(rule, tmp_path, write=files) == []
    found = run(rule, tmp_path, write=files, options={"hype-technologies": ["chatbot"]})
    assert len(found) == 1
    off = run(
        rule,
        tmp_path,
        write={"initiatives/x.yaml": _ini(name="AI triage")},
        options={"hype-technologies": []},
    )
    assert off == []
