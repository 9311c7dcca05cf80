"""A service's switch-off date has passed but it is still marked legacy or retiring.

Retiring legacy technology on time is a test of a successful strategy (§8 "Prioritise
switching things off"). When the date passes, either record the
service as retired or set a new, honest date.

Failing example::

    # services/outpatient-booking.yaml
    status: retiring
    switch_off: 2026-01-31

Passing example::

    # services/outpatient-booking.yaml
    status: retiring
    switch_off: 2026-12-31
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.voice import longdate

CODE = "S008"
NAME = "switch-off-passed"
SEVERITY = "warning"
SECTION = "§8 Prioritise switching things off"
SEVERITY_BASIS = (
    "§8 treats switching legacy off as a test of success; a passed date needs a new plan, which "
    "is for people to judge."
)
QUESTIONS = (4,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, service in ctx.repo.services.items():
        off = service.switch_off
        if off is None or off >= ctx.today or service.phase == "retired":
            continue
        if service.status in ("legacy", "retiring"):
            yield Violation(
                "services",
                ident,
                ("switch_off",),
                f"`{ident}` was due to be switched off on {longdate(off)} but is still "
                f"{service.status}",
                "Set `phase: retired` if it is off, or set a new `switch_off:` date and say "
                "what is holding it up.",
            )
