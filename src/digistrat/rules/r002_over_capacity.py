"""More initiatives are in progress than the organisation says it can run at once.

Bandwidth is limited not only by digital specialists but by the demands projects make on
clinicians and central functions (§10 "How much bandwidth does your organisation have?").
Running more at once than the stated capacity slows everything down; start fewer, finish more.

Failing example::

    # strategy.yaml
    capacity:
      concurrent_initiatives: 1
    # initiatives/shared-record-viewer.yaml
    name: Shared record viewer
    owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}
    category: transform
    status: in-progress
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 7, staff-benefit: 4, financial-benefit: 2}

Passing example::

    # strategy.yaml
    capacity:
      concurrent_initiatives: 2
    # initiatives/shared-record-viewer.yaml
    name: Shared record viewer
    owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}
    category: transform
    status: in-progress
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 7, staff-benefit: 4, financial-benefit: 2}
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import index
from digistrat.voice import shortlist

CODE = "R002"
NAME = "over-capacity"
SEVERITY = "warning"
SECTION = "§10 Make choices (Bandwidth)"
SEVERITY_BASIS = (
    "§10 asks the organisation to choose between addressing its bottlenecks and limiting its "
    "initiatives, so running over the stated capacity needs judgement."
)
QUESTIONS = (5,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.capacity is None:
        return
    running = [i for i, ini in index(ctx).open.items() if ini.status == "in-progress"]
    limit = strategy.capacity.concurrent_initiatives
    if len(running) > limit:
        yield Violation(
            "strategy",
            "strategy",
            ("capacity", "concurrent_initiatives"),
            f"{len(running)} initiatives are in progress but the stated capacity is {limit}: "
            + shortlist([f"`{i}`" for i in sorted(running)]),
            "Pause or finish some initiatives (set `status:` to `approved` or `done`), or "
            "explain what extra capacity makes more possible and raise the number.",
        )
