"""A shared priority of the integrated care system that no member works on.

The guide asks each organisation to align with its system's shared priorities, such as the
shared care record or one front door (§5 "Understand the system context"), and asks boards how
their strategy does so (§2 Q8). A priority the system has agreed but no member has any work
for is a gap the integrated care board should see: either someone takes it on, or it is not
really shared.

The shared priorities are the ``objectives`` of the system repository's strategy.yaml. A member
works on one when an initiative of its own (not stopped) names the priority's id under
``shared_priorities:``. The system's own initiatives do not count: a shared care record built
once for everyone still needs each member's work to use it; the message says when the system
itself has work for the priority.

For example: the system's strategy.yaml lists the objective ``one-front-door``, and no
member's initiative has ``shared_priorities: [one-front-door]``. The fix is an initiative in a
member's repository with that line (or dropping the objective if it is no longer shared).
"""

from __future__ import annotations

from digistrat.system.rules.base import SystemCheck, SystemContext, SystemViolation
from digistrat.system.where import Where

CODE = "G001"
NAME = "shared-priority-unworked"
SEVERITY = "warning"
SECTION = "§5 Understand the system context; §2 Q8"
SEVERITY_BASIS = (
    "§5 describes alignment with the system's shared priorities as work to agree with partners "
    "rather than a fixed requirement, so a priority nobody works on is a concern to discuss."
)
QUESTIONS = (8,)
OPTIONS: dict[str, object] = {}


def check(ctx: SystemContext) -> SystemCheck:
    strategy = ctx.system.strategy
    if strategy is None:
        return
    worked = {
        pid
        for m in ctx.members
        for i in m.initiatives
        if i.status != "stopped"
        for pid in i.shared_priorities
    }
    own: dict[str, list[str]] = {}
    for initiative in ctx.system.initiatives.values():
        if initiative.status != "stopped":
            for oid in initiative.objectives:
                own.setdefault(oid, []).append(initiative.name)
    for index, objective in enumerate(strategy.objectives):
        if objective.id in worked:
            continue
        path, line, column = ctx.system.where("strategy", "strategy", "objectives", index)
        also = own.get(objective.id)
        note = (
            f"; the system's own work ({', '.join(also[:3])}) serves it, but no member has work "
            "to take it up"
            if also
            else ""
        )
        yield SystemViolation(
            Where(path, line, column),
            f"no member works on the shared priority “{objective.title}” (`{objective.id}`){note}",
            f"Agree which members lead it, and add `shared_priorities: [{objective.id}]` to "
            "their initiatives; or take it out of the system's objectives if it is no longer "
            "shared.",
        )
