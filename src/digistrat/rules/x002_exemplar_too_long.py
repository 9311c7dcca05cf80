"""An exemplar is planned to take longer than six months.

Exemplars exist to build momentum: they should deliver real value in less than six months (§9
"Decide where to start"). A longer one is an ordinary initiative, or needs a smaller first step.

Option: ``max-exemplar-months`` (default 6).

Failing example::

    # initiatives/online-booking.yaml
    start: 2026-04-01
    end: 2027-03-31

Passing example::

    # initiatives/online-booking.yaml
    start: 2026-04-01
    end: 2026-09-30
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import index

CODE = "X002"
NAME = "exemplar-too-long"
SEVERITY = "warning"
SECTION = "§9 Decide where to start"
SEVERITY_BASIS = (
    "§9 asks exemplars to deliver value in under six months, but a plan's length is an estimate "
    "that needs judgement."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {"max-exemplar-months": 6}


def check(ctx: Context) -> Check:
    months = float(ctx.option("max-exemplar-months", 6))
    for ident, ini in index(ctx).open.items():
        if not ini.exemplar or ini.start is None or ini.end is None:
            continue
        length = (ini.end - ini.start).days / 30.44
        if length > months + 0.2:
            yield Violation(
                "initiatives",
                ident,
                ("end",),
                f"the exemplar `{ident}` is planned to take {length:.0f} months; exemplars "
                f"should deliver value within {months:g}",
                "Plan a first release that delivers value within six months, or drop "
                "`exemplar: true`.",
            )
