"""A commitment is due before the work behind it is planned to finish.

A good commitment is realistic: "don't overcommit" (§11 Set actions, "Realistic"), and a
strategy should set realistic goals to build trust (§1 "Realistic"). A commitment cannot be met
on time if an initiative that delivers it finishes after its due date: by the initiative's own
``end`` date, or by the delivery plan of ``digistrat score --plan``, which moves initiatives
later when their dependencies finish later or when capacity is full (§10 "How much bandwidth
does your organisation have?"). The plan works in quarters, so a finish the plan sets only
counts when the whole quarter is after the due date.

Commitments already met or missed, and those whose due date has passed (C005 reports those),
are not checked; nor are initiatives done or stopped.

Failing example::

    # commitments/rebook-online.yaml
    due: 2026-09-01

Passing example::

    # commitments/rebook-online.yaml
    due: 2026-09-30
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.planned import planned
from digistrat.voice import longdate as spoken

CODE = "R004"
NAME = "commitment-due-before-work-ends"
SEVERITY = "warning"
SEVERITY_BASIS = (
    "§11 lists realistic among what makes a good commitment, but it also says forecasting "
    "delivery is hard and the finish often comes from the plan's estimate, so judgement is "
    "needed."
)
SECTION = "§11 Set actions (Realistic); §10 Make choices (Bandwidth)"
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}

OPEN = frozenset({"on-track", "at-risk", "off-track"})


def check(ctx: Context) -> Check:
    commitments = [
        (ident, com, com.due)
        for ident, com in ctx.repo.commitments.items()
        if com.status in OPEN and com.due is not None and com.due >= ctx.today and com.initiatives
    ]
    if not commitments:
        return
    finishes = planned(ctx).finishes
    for ident, com, due in commitments:
        for position, ini_id in enumerate(com.initiatives):
            finish = finishes.get(ini_id)
            if finish is None or not finish.after(due):
                continue
            name = ctx.repo.initiatives[ini_id].name
            yield Violation(
                "commitments",
                ident,
                ("initiatives", position),
                f"the commitment `{ident}` is due on {spoken(due)}, but “{name}” "
                f"(`{ini_id}`), which delivers it, is planned to finish {finish.words}",
                "Agree a later due date openly, make room for the initiative sooner (stop or "
                "pause something else, or finish what it waits for first), or narrow the "
                "commitment to what can be delivered by its due date.",
            )
