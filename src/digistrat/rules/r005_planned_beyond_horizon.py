"""An initiative is planned to finish after the strategy's horizon ends.

A strategy sets goals for its own period, one to five years (§1 "Too long-term"), and should
be realistic about what fits in it (§1 "Realistic"). An initiative that its own ``end`` date,
or the delivery plan of ``digistrat score --plan``, finishes after the horizon has no room in
this strategy: the plan moves work later when capacity is full, so work pushed past the end is
a sign the strategy asks for more than the organisation can do (§2 Q5, §10 "How much bandwidth
does your organisation have?"). The plan works in quarters, so a finish the plan sets only
counts when the whole quarter is after the horizon.

A commitment with no due date (C003) whose initiatives finish after the horizon is reported
too; one due after the horizon is C004's, and one due before its work ends is R004's.

Failing example::

    # initiatives/shared-record-viewer.yaml
    name: Shared record viewer
    owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}
    category: transform
    status: approved
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 7, staff-benefit: 4, financial-benefit: 2}
    start: 2028-10-01
    end: 2029-06-30

Passing example::

    # initiatives/shared-record-viewer.yaml
    name: Shared record viewer
    owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}
    category: transform
    status: approved
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 7, staff-benefit: 4, financial-benefit: 2}
    start: 2028-10-01
    end: 2029-03-31
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.planned import planned
from digistrat.voice import longdate as spoken
from digistrat.voice import shortlist

CODE = "R005"
NAME = "planned-beyond-horizon"
SEVERITY = "warning"
SEVERITY_BASIS = (
    "§1 asks for realistic goals within a one-to-five-year horizon, but work that runs past it "
    "may be a deliberate bridge to the next strategy, so judgement is needed."
)
SECTION = "§1 Realistic, Too long-term; §10 Make choices (Bandwidth)"
QUESTIONS = (5,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.horizon is None:
        return
    end = strategy.horizon.end
    if end < ctx.today:
        return  # H005 reports a horizon that has ended
    finishes = planned(ctx).finishes
    for ident, finish in sorted(finishes.items()):
        if finish.after(end):
            yield Violation(
                "initiatives",
                ident,
                ("end",) if finish.stated else (),
                f"“{ctx.repo.initiatives[ident].name}” is planned to finish {finish.words}, "
                f"after the strategy's horizon ends on {spoken(end)}",
                "Make room for it sooner (stop or pause something of lower priority), move it "
                "to `not_doing:` for now, or, if it really belongs to the next strategy, say "
                "so in its description.",
            )
    for ident, com in ctx.repo.commitments.items():
        if com.due is not None or com.status in ("met", "missed"):
            continue
        late = [i for i in com.initiatives if i in finishes and finishes[i].after(end)]
        if late:
            yield Violation(
                "commitments",
                ident,
                ("initiatives",),
                f"the commitment `{ident}` has no due date and its work "
                f"({shortlist([f'`{i}`' for i in late])}) is planned to finish after the "
                f"strategy's horizon ends on {spoken(end)}",
                "Give it a due date within the horizon and make sure its work fits, or narrow "
                "it to a first step that can be delivered by then.",
            )
