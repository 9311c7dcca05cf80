"""The curated vocabulary of everyday NHS and public-sector terms, and docs/vocabulary.md."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from digistrat import prose
from digistrat.prose.vocabulary import GROUPS, KNOWN_TO_ALL, VOCABULARY, as_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs" / "vocabulary.md"


def test_docs_vocabulary_md_is_up_to_date() -> None:
    expected = as_markdown()
    if os.environ.get("DIGISTRAT_UPDATE_DOCS") == "1":
        DOCS.write_text(expected, encoding="utf-8")
    assert DOCS.read_text(encoding="utf-8") == expected, (
        "docs/vocabulary.md is out of date: DIGISTRAT_UPDATE_DOCS=1 pytest tests/test_vocabulary.py"
    )


def test_every_term_once_with_a_meaning() -> None:
    terms = [term for _, group in GROUPS for term, _ in group]
    assert len(terms) == len(set(terms)) == len(VOCABULARY)
    for term, meaning in VOCABULARY.items():
        assert term == term.strip() and meaning == meaning.strip() and meaning
        assert "|" not in meaning  # a table cell in docs/vocabulary.md


@pytest.mark.parametrize(
    "term",
    # the acronyms named in issue 15, which must all be known
    [
        *[
            "CQC",
            "ICB",
            "ICS",
            "ED",
            "A&E",
            "ICU",
            "GP",
            "NHS",
            "NHSE",
            "EPR",
            "PAS",
            "PACS",
            "LIMS",
            "NEWS2",
            "EMIS",
            "SystmOne",
            "FHIR",
            "HL7",
        ],
        *[
            "DSPT",
            "IG",
            "DPIA",
            "GDPR",
            "CCIO",
            "CNIO",
            "CDIO",
            "CIO",
            "SIRO",
            "PCN",
            "VCSE",
            "LA",
            "KPI",
            "FTE",
            "GOV.UK",
            "111",
            "999",
        ],
        *["WGLL", "UK GDPR", "NHS App"],
    ],
)
def test_issue_terms_are_in_the_vocabulary(term: str) -> None:
    assert term in VOCABULARY


def test_acronym_terms_are_found_as_acronyms() -> None:
    """Each term written as an acronym is one that T002 would otherwise look at: a term the
    reader of a strategy could never trip over would only make the list longer."""
    for term in VOCABULARY:
        if re.fullmatch(r"[A-Z][A-Z0-9&]*[A-Z0-9]", term) and not term.startswith("DCB"):
            assert list(prose.acronyms(f"We use the {term} daily.")) == [term], term


def test_ambiguous_and_specialist_terms_are_left_out() -> None:
    for term in ("DNA", "SLT", "PIFU", "RPA", "EMRAM", "HIMSS", "ML", "LLM", "OPEL"):
        assert term not in VOCABULARY


def test_terms_known_to_all_are_in_the_vocabulary() -> None:
    assert not KNOWN_TO_ALL - set(VOCABULARY)
