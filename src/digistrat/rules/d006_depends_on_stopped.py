"""An open initiative depends on one that has been stopped.

If the work it waits for will not happen, the initiative cannot be delivered as planned (§10
"Sequencing"; stopping a failing project is a good choice, but its dependants need a new plan).

Failing example::

    # initiatives/online-booking.yaml
    depends_on: [booking-platform]
    # initiatives/booking-platform.yaml
    name: Booking platform
    category: maintain
    status: stopped

Passing example::

    # initiatives/online-booking.yaml
    depends_on: [booking-platform]
    # initiatives/booking-platform.yaml
    name: Booking platform
    category: maintain
    status: done
    objectives: [shorter-waits]
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import index

CODE = "D006"
NAME = "depends-on-stopped"
SEVERITY = "warning"
SECTION = "§10 Make choices (Sequencing)"
SEVERITY_BASIS = (
    "§10 says stopping a failing project can be the right choice; what its dependants should do "
    "next needs judgement."
)
QUESTIONS = (5,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    initiatives = ctx.repo.initiatives
    for ident, ini in index(ctx).open.items():
        for i, dep in enumerate(ini.depends_on):
            other = initiatives.get(dep)
            if other is not None and other.status == "stopped":
                yield Violation(
                    "initiatives",
                    ident,
                    ("depends_on", i),
                    f"`{ident}` depends on `{dep}`, which has been stopped",
                    "Remove the dependency and re-plan, or stop this initiative too.",
                )
