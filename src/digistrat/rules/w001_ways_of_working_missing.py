"""The strategy does not say how the organisation will change to enable digital.

Digital ways of working can run against how large organisations plan, fund and govern work;
boards are asked how planning cycles, incentives, finance and governance will change (§2 board
question 9).

Failing example::

    # strategy.yaml
    ways_of_working: []

Passing example::

    # strategy.yaml
    ways_of_working:
      - area: finance
        change: Teams get a yearly budget instead of a business case for each project.
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "W001"
NAME = "ways-of-working-missing"
SEVERITY = "info"
SECTION = "§2 Q9"
SEVERITY_BASIS = (
    "§2 Q9 is a question for the board to think about, not a requirement of the strategy."
)
QUESTIONS = (9,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.ways_of_working:
        return
    yield Violation(
        "strategy",
        "strategy",
        ("ways_of_working",),
        "the strategy does not say how planning, finance, governance or skills will change",
        "Add `ways_of_working:` entries, each an `area` (planning, finance, governance, "
        "skills…) and the `change`.",
    )
