"""The strategy changes how the organisation works but sets no regular review or re-prioritisation.

Board question 9 asks how planning cycles, incentives, finance and governance will change for
a more agile way of working (§2 Q9). The guide's answer to governance that does not slow
delivery is a regular rhythm: monthly progress reviews to monitor progress and unblock issues,
and quarterly planning and re-prioritisation to keep working on the most valuable things (§12
"Follow up"). Changes to ways of working with no such rhythm say what will change but not how
often anyone looks again. The rule looks for at least one ``rhythm:`` entry of kind
``progress-review`` or ``re-prioritisation`` (each has its ``frequency``) once
``ways_of_working:`` is filled in; W001 covers an empty ``ways_of_working:``.

Failing example::

    # strategy.yaml
    rhythm:
      - kind: show-and-tell
        frequency: fortnightly

Passing example::

    # strategy.yaml
    rhythm:
      - kind: show-and-tell
        frequency: fortnightly
      - kind: progress-review
        frequency: monthly
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "W004"
NAME = "ways-of-working-without-cadence"
SEVERITY = "warning"
SEVERITY_BASIS = (
    "§12 calls a regular delivery rhythm good practice and an effective form of governance, "
    "the change §2 Q9 asks about; a good approach rather than a rule, so warning."
)
SECTION = "§2 Q9; §12 Follow up"
QUESTIONS = (9,)
OPTIONS: dict[str, object] = {}

_CADENCE = frozenset({"progress-review", "re-prioritisation"})


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or not strategy.ways_of_working:
        return
    if any(r.kind in _CADENCE for r in strategy.rhythm):
        return
    yield Violation(
        "strategy",
        "strategy",
        ("ways_of_working",),
        "the strategy says how ways of working will change, but not how often progress is "
        "reviewed or priorities are revisited",
        "Add to `rhythm:` a `progress-review` (the guide suggests monthly) and a "
        "`re-prioritisation` (quarterly), each with its `frequency`, so the board can see "
        "the new ways of working run to a regular beat.",
    )
