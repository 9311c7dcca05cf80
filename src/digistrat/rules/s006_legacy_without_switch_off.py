"""A legacy or retiring service has no switch-off date.

An excellent test of a digital strategy is whether legacy technology actually gets retired
(§8 "Prioritise switching things off"). A legacy service without a switch-off date tends to
run for ever.

Failing example::

    # services/outpatient-booking.yaml
    status: legacy

Passing example::

    # services/outpatient-booking.yaml
    status: legacy
    switch_off: 2027-12-31
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "S006"
NAME = "legacy-without-switch-off"
SEVERITY = "warning"
SECTION = "§8 Prioritise switching things off"
SEVERITY_BASIS = (
    "§8 offers switching legacy off as “an excellent test” among its pointers for technology, "
    "which is advice rather than a requirement."
)
QUESTIONS = (4,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, service in ctx.repo.services.items():
        if service.status in ("legacy", "retiring") and service.switch_off is None:
            if service.phase == "retired":
                continue
            yield Violation(
                "services",
                ident,
                ("status",),
                f"the {service.status} service `{ident}` has no switch-off date",
                "Add `switch_off:` with the date it will be switched off, and an initiative "
                "that gets it there.",
            )
