"""A service does not say how much it could gain from digital change.

The opportunity (could this service benefit from digital transformation and better patient
experience?) is one of the key facts the guide asks for, and what shows where to start (§6
"Map your services", §9). Retired services are not checked.

Failing example::

    # services/outpatient-booking.yaml
    opportunity:

Passing example::

    # services/outpatient-booking.yaml
    opportunity:
      level: high
      why: Most changes to appointments are made by phone during office hours.
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "S003"
NAME = "service-opportunity-missing"
SEVERITY = "warning"
SECTION = "§6 Map your services (Opportunity)"
SEVERITY_BASIS = (
    "§6 lists the opportunity among the information worth capturing; judging it for every "
    "service is advice, not a requirement."
)
QUESTIONS = (4,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, service in ctx.repo.services.items():
        if service.opportunity is None and service.phase != "retired":
            yield Violation(
                "services",
                ident,
                ("opportunity",),
                f"the service `{ident}` does not say how much it could gain from digital",
                "Add `opportunity:` with `level:` (high, medium or low) and `why:`.",
            )
