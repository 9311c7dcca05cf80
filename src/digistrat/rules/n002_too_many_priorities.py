"""There are too many open initiatives for a focused strategy.

A good digital strategy is selective (§1 "Focused"; "Reads like a wish list") and shows what
is prioritised within the organisation's bandwidth (§10). This rule counts the priorities:
initiatives approved or in progress (proposals waiting to be prioritised are not counted).
The limit is ``max-priorities`` if set, otherwise three times the stated
``capacity.concurrent_initiatives``, otherwise 15.

Option: ``max-priorities`` (default 0, meaning "three times capacity, or 15").

Failing example::

    # strategy.yaml
    capacity:
      concurrent_initiatives: 1
    check:
      options:
        max-priorities: 1
    # initiatives/shared-record-viewer.yaml
    name: Shared record viewer
    owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}
    category: transform
    status: approved
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 7, staff-benefit: 4, financial-benefit: 2}

Passing example::

    # strategy.yaml
    check:
      options:
        max-priorities: 2
    # initiatives/shared-record-viewer.yaml
    name: Shared record viewer
    owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}
    category: transform
    status: approved
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 7, staff-benefit: 4, financial-benefit: 2}
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import index

CODE = "N002"
NAME = "too-many-priorities"
SEVERITY = "warning"
SECTION = "§1 Focused; §10 Make choices"
SEVERITY_BASIS = (
    "§1 “Focused” asks a strategy to be selective but sets no number, so the limit is a judgement."
)
QUESTIONS = (5,)
OPTIONS: dict[str, object] = {"max-priorities": 0}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None:
        return
    limit = int(ctx.option("max-priorities", 0))
    if limit <= 0:
        limit = 3 * strategy.capacity.concurrent_initiatives if strategy.capacity else 15
    count = sum(1 for i in index(ctx).open.values() if i.status != "proposed")
    if count > limit:
        yield Violation(
            "strategy",
            "strategy",
            ("capacity",) if strategy.capacity else (),
            f"{count} initiatives are approved or in progress; a focused strategy has at most "
            f"{limit} priorities",
            "Move lower-priority initiatives to `not_doing:` or mark them `stopped`, so the "
            "strategy shows real choices.",
        )
