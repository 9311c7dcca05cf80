"""A service has no named owner.

Ownership is one of the key facts to capture for every service: who is accountable for running
and improving it (§6 "Map your services"; §2 board question 4). Retired services are not
checked.

Failing example::

    # services/outpatient-booking.yaml
    owner:

Passing example::

    # services/outpatient-booking.yaml
    owner: {name: Lee Chan, role: Head of Outpatients, function: operational}
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "S001"
NAME = "service-without-owner"
SEVERITY = "warning"
SECTION = "§6 Map your services (Ownership)"
SEVERITY_BASIS = (
    "§6 lists ownership among the key information to capture for each service, beside "
    "volumes, cost and opportunity (S002, S003), and not among the §1 signs of a bad strategy."
)
QUESTIONS = (4,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, service in ctx.repo.services.items():
        if service.owner is None and service.phase != "retired":
            yield Violation(
                "services",
                ident,
                ("owner",),
                f"the service `{ident}` has no owner",
                "Add `owner:` with the `name`, `role` and `function` of the person accountable "
                "for running and improving it.",
            )
