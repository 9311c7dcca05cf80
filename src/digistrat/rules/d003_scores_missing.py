"""An initiative has no score for one of the prioritisation criteria.

Prioritisation weighs every initiative against the same criteria (§10 "Approaches to
prioritisation"); a missing score silently counts as zero or drops the initiative from the
ranking. Done and stopped initiatives are not checked.

Failing example::

    # initiatives/online-booking.yaml
    scores:
      patient-benefit: 8
      staff-benefit: 4

Passing example::

    # initiatives/online-booking.yaml
    scores:
      patient-benefit: 8
      staff-benefit: 4
      financial-benefit: 3
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import index
from digistrat.voice import shortlist

CODE = "D003"
NAME = "scores-missing"
SEVERITY = "warning"
SECTION = "§10 Make choices (Approaches to prioritisation)"
SEVERITY_BASIS = (
    "§10 describes prioritisation as an approach, not a rule, and a new proposal may not be "
    "scored yet; the ranking is incomplete rather than wrong."
)
QUESTIONS = (5,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or not strategy.scoring.criteria:
        return
    criteria = [c.id for c in strategy.scoring.criteria]
    for ident, ini in index(ctx).open.items():
        missing = [c for c in criteria if c not in ini.scores]
        if missing:
            yield Violation(
                "initiatives",
                ident,
                ("scores",),
                f"`{ident}` has no score for " + shortlist([f"`{c}`" for c in missing]),
                "Add under `scores:` "
                + shortlist([f"`{c}: <number>`" for c in missing])
                + ", within each criterion's scale in strategy.yaml.",
            )
