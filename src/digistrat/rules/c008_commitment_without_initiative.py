"""A commitment names no initiative that will deliver it.

A commitment without work behind it is a promise without a plan: the guide asks for the 'what',
'how' and 'when' (§1 "Vague", §11 "Realistic"). Met and missed commitments are not checked.

Failing example::

    # commitments/rebook-online.yaml
    initiatives: []

Passing example::

    # commitments/rebook-online.yaml
    initiatives:
      - online-booking
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "C008"
NAME = "commitment-without-initiative"
SEVERITY = "warning"
SECTION = "§1 Vague; §11 Set actions (Realistic)"
SEVERITY_BASIS = (
    "§1 “Vague” asks for a credible plan behind objectives, but the work behind a commitment "
    "may be recorded elsewhere, so this needs judgement."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, com in ctx.repo.commitments.items():
        if not com.initiatives and com.status not in ("met", "missed"):
            yield Violation(
                "commitments",
                ident,
                ("initiatives",),
                f"the commitment `{ident}` names no initiative that will deliver it",
                "Add `initiatives:` with the ids of the initiatives behind it.",
            )
