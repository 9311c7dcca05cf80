"""A technology service (a tool) has no team looking after it.

Every tool needs a team, even a bought, commoditised one: someone must understand its users,
keep feedback loops going and make sure it still meets needs (§8 "Make sure that every tool
has a team"). Checked for services of kind ``technology``, and for transactions (booking,
referring…) that list the ``systems`` they run on; care, pathway and people services are run
by their clinical and operational teams and are not checked.

Failing example::

    # services/outpatient-booking.yaml
    team:
    systems:
      - Patient administration system

Passing example::

    # services/outpatient-booking.yaml
    team: Outpatient booking team
    systems:
      - Patient administration system
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "S007"
NAME = "tool-without-team"
SEVERITY = "warning"
SECTION = "§8 Every tool has a team"
SEVERITY_BASIS = (
    "§8 says to make sure every tool has a team, but in a list of pointers; the team may exist "
    "without being written down, so this needs judgement."
)
QUESTIONS = (4,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, service in ctx.repo.services.items():
        if service.team or service.phase == "retired":
            continue
        if service.kind == "technology" or (service.kind == "transaction" and service.systems):
            yield Violation(
                "services",
                ident,
                ("team",) if "team" in service.model_fields_set else ("kind",),
                f"the service `{ident}` runs on technology but names no team looking after it",
                "Add `team:` with the team that owns the tool day to day: product management, "
                "support and supplier management.",
            )
