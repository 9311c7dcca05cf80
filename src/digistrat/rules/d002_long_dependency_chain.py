"""An initiative waits on a long chain of other unfinished initiatives.

Sequencing is sometimes necessary, but too many dependencies slow delivery down (§10
"Sequencing": do things in parallel where possible). This rule counts how many unfinished
initiatives stand one behind the other before this one can finish.

Option: ``max-dependency-chain`` (default 3).

Failing example::

    # strategy.yaml
    check:
      options:
        max-dependency-chain: 0
    # initiatives/online-booking.yaml
    depends_on: [booking-platform]
    # initiatives/booking-platform.yaml
    name: Booking platform
    owner: {name: Lee Chan, role: Head of Outpatients, function: operational}
    category: maintain
    status: approved
    objectives: [shorter-waits]
    scores: {patient-benefit: 5, staff-benefit: 3, financial-benefit: 3}

Passing example::

    # strategy.yaml
    check:
      options:
        max-dependency-chain: 1
    # initiatives/online-booking.yaml
    depends_on: [booking-platform]
    # initiatives/booking-platform.yaml
    name: Booking platform
    owner: {name: Lee Chan, role: Head of Outpatients, function: operational}
    category: maintain
    status: approved
    objectives: [shorter-waits]
    scores: {patient-benefit: 5, staff-benefit: 3, financial-benefit: 3}
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.graph import cycles, depths
from digistrat.rules.index import index

CODE = "D002"
NAME = "long-dependency-chain"
SEVERITY = "warning"
SECTION = "§10 Make choices (Sequencing)"
SEVERITY_BASIS = (
    "§10 “Sequencing” says to avoid too many dependencies “where possible”, which is advice "
    "whose limit needs judgement."
)
QUESTIONS = (5,)
OPTIONS: dict[str, object] = {"max-dependency-chain": 3}


def check(ctx: Context) -> Check:
    limit = int(ctx.option("max-dependency-chain", 3))
    open_ = index(ctx).open
    edges = {i: [d for d in ini.depends_on if d in open_] for i, ini in open_.items()}
    in_loops = {m for group in cycles(edges) for m in group}
    chain = depths(edges, in_loops)
    for ident, (depth, _) in sorted(chain.items()):
        if depth != limit + 1:
            continue
        path = [ident]
        while chain.get(path[-1], (0, ""))[1] and len(path) <= depth:
            path.append(chain[path[-1]][1])
        yield Violation(
            "initiatives",
            ident,
            ("depends_on",),
            f"`{ident}` waits on a chain of {depth} unfinished initiatives: " + " → ".join(path),
            f"Keep chains to {limit} or fewer: run work in parallel, split out the part that "
            "does not need the others, or drop a dependency that is not essential.",
        )
