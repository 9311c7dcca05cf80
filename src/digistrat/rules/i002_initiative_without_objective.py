"""An initiative serves none of the organisation's objectives.

If digital is integrated with the organisation's strategy (§1 "Integrated", §4), every
initiative can say which corporate or clinical objective it helps to deliver. One that cannot
is a candidate for the not-doing list. Stopped initiatives are not checked.

Failing example::

    # initiatives/online-booking.yaml
    objectives: []

Passing example::

    # initiatives/online-booking.yaml
    objectives:
      - shorter-waits
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import index

CODE = "I002"
NAME = "initiative-without-objective"
SEVERITY = "warning"
SECTION = "§1 Integrated; §4 Trust strategy"
SEVERITY_BASIS = (
    "§1 “Integrated” asks that digital serves the organisation's objectives, but whether one "
    "initiative (for example keeping systems safe) must name an objective needs judgement."
)
QUESTIONS = (1,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    if ctx.repo.strategy is None or not ctx.repo.strategy.objectives:
        return  # I001 reports the missing objectives once
    for ident, ini in index(ctx).current.items():
        if not ini.objectives:
            yield Violation(
                "initiatives",
                ident,
                ("objectives",),
                f"the initiative `{ident}` serves none of the organisation's objectives",
                "Add `objectives:` with the ids (from strategy.yaml) of the objectives it "
                "helps deliver, or reconsider whether it belongs in the strategy.",
            )
