"""A deliberately oversized strategy repository, made in the tests: hundreds of initiatives and
commitments, the longest names the format allows, long words with no place to break, a
rambling mission and accented letters. What prints on one page must still print on one page.
"""

from __future__ import annotations

LONG_WORD = "Interoperabilityenablementprogrammeworkstream" * 2
"""A word of 90 letters: nowhere to wrap it but inside."""

SENTENCE = (
    "We will work with every ward, clinic and community team across the whole of the county, "
    "with our partners in primary care, social care and the voluntary sector, to make sure "
    "that the right information is in the right place at the right time for the people who "
    "need it most, whatever the setting and whatever the hour"
)


def _name(n: int, kind: str) -> str:
    """A name of close to 300 characters, the most a name may have."""
    base = f"{kind} {n}: {SENTENCE} ({LONG_WORD}) with Llŷr, Siân and Zoë"
    return base[:300].rstrip()


def _text(n: int) -> str:
    return f"{SENTENCE}. It is step {n} of many. " * 4 + LONG_WORD + "."


def oversized(initiatives: int = 300, commitments: int = 200) -> dict[str, str]:
    """The repository as ``{path: YAML text}`` for :func:`helpers.build_tree`."""
    principles = "\n".join(
        f"  - {{name: '{_name(n, 'Principle')}', meaning: '{_text(n)}'}}" for n in range(30)
    )
    delivered = "\n".join(
        f"  - {{what: '{_name(n, 'Delivered')}', when: 2026-0{1 + n % 9}-15, impact: '{_text(n)}'}}"
        for n in range(40)
    )
    tree = {
        "strategy.yaml": f"""
organisation: '{_name(0, "Organisation")}'
title: '{_name(0, "Title")}'
mission: '{(SENTENCE + ". ") * 12}'
owner: {{name: '{_name(0, "Owner")}', role: '{_name(0, "Role")}', function: digital}}
horizon: {{start: 2026-04-01, end: 2029-03-31}}
principles:
{principles}
delivered:
{delivered}
communication:
  published_at: 'https://www.example.org/{"a-very-long-address-" * 10}digital-strategy'
scoring:
  model: weighted
  criteria:
    - {{id: benefit, label: Benefit, weight: 1, max: 5}}
""",
    }
    for n in range(initiatives):
        tree[f"initiatives/i{n:03}.yaml"] = f"""
name: '{_name(n, "Initiative")}'
description: '{_text(n)}'
owner: {{name: Someone, function: clinical}}
category: improve
status: {("proposed", "approved", "in-progress", "done")[n % 4]}
scores: {{benefit: {1 + n % 5}}}
effort: {1 + n % 5}
"""
    for n in range(commitments):
        status = ("on-track", "at-risk", "met", "missed", "off-track")[n % 5]
        tree[f"commitments/c{n:03}.yaml"] = f"""
statement: '{_text(n)}'
owner: {{name: Someone, function: clinical}}
due: 2027-0{1 + n % 9}-28
status: {status}
"""
    return tree
