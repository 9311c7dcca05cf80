"""Initiatives depend on each other in a loop, so none of them can start.

Some work must happen in sequence (§10 "Sequencing"), but a loop of dependencies (A needs B,
B needs A) means the plan cannot be delivered as written, and ``digistrat score``'s plan cannot
order it.

Failing example::

    # initiatives/online-booking.yaml
    depends_on: [booking-platform]
    # initiatives/booking-platform.yaml
    name: Booking platform
    owner: {name: Lee Chan, role: Head of Outpatients, function: operational}
    category: maintain
    status: approved
    objectives: [shorter-waits]
    scores: {patient-benefit: 5, staff-benefit: 3, financial-benefit: 3}
    depends_on: [online-booking]

Passing example::

    # initiatives/online-booking.yaml
    depends_on: [booking-platform]
    # initiatives/booking-platform.yaml
    name: Booking platform
    owner: {name: Lee Chan, role: Head of Outpatients, function: operational}
    category: maintain
    status: done
    objectives: [shorter-waits]
    scores: {patient-benefit: 5, staff-benefit: 3, financial-benefit: 3}
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.graph import cycles
from digistrat.voice import SHORTLIST, shortlist

CODE = "D001"
NAME = "dependency-cycle"
SEVERITY = "error"
SECTION = "§10 Make choices (Sequencing)"
SEVERITY_BASIS = (
    "A loop of dependencies is a fact, not a judgement: §10 “Sequencing” work that waits on "
    "itself can never start."
)
QUESTIONS = (5,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    edges = {i: ini.depends_on for i, ini in ctx.repo.initiatives.items()}
    for group in cycles(edges):
        first = group[0]
        loop = (
            " → ".join([*group, first])
            if len(group) <= SHORTLIST
            else shortlist(group, separator=" → ")
        )
        yield Violation(
            "initiatives",
            first,
            ("depends_on",),
            f"these initiatives depend on each other in a loop: {loop}",
            "Remove one of the `depends_on:` entries so the work has a starting point, or "
            "merge the initiatives.",
        )
